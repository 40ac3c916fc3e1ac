//! Numbered events: "Hội nghị Ban Chấp hành lần thứ 24", "Kỳ họp thứ XV", "Đại hội đại biểu
//! lần thứ VII Đảng bộ quận", with the organisation named around them.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::analysis::sentences::sentences;
use crate::document::{BlockKind, Document};
use crate::lists::{
    EVENT_NOUNS, EVENT_ORGANISATION_WORDS, EVENT_QUALIFIERS, EVENT_STOP_WORDS, NUMBER_WORDS,
    ORGANISATION_ACRONYMS,
};
use crate::text::case::{Case, case_of};
use crate::text::roman;
use crate::text::tokens::{Token, TokenKind};

/// How the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    Arabic,
    Roman,
    Word,
}

/// One numbered mention of an event.
#[derive(Debug, Clone, PartialEq)]
pub struct OrdinalMention {
    /// The event noun, lower-case ("hội nghị").
    pub event: &'static str,
    /// Lower-case words naming the organisation, from around the mention.
    pub org: Vec<String>,
    pub value: u32,
    pub numeral: Numeral,
    /// The numeral's first letter is a capital ("thứ Mười bảy").
    pub capitalised: bool,
    /// The numeral's span in the text.
    pub span: Range<usize>,
    /// The "lần thứ N" span, for messages.
    pub phrase: Range<usize>,
    /// Where the event noun starts.
    pub event_start: usize,
    pub in_title: bool,
    /// A Roman numeral without "lần thứ" ("Đại hội XXV", "Đại hội Đảng bộ tỉnh XX"): it
    /// may be another body's congress named in passing ("văn kiện Đại hội XIV").
    pub bare: bool,
    /// Named without organisation in the body, more than one from the number the headline
    /// gives its organisation's event of this noun: likely another body's ("dự Đại hội lần
    /// thứ I của xã" in a hamlet's congress), the same event as none.
    pub other_body: bool,
    /// For a mention naming no organisation after its noun, the level of the clause's
    /// subject before it ("Hội Nông dân xã Hòa Bình tổ chức Đại hội đại biểu lần thứ X" is
    /// a commune's congress), so that it is not taken for another level's event.
    pub subject_level: Option<Level>,
}

impl OrdinalMention {
    /// Whether two mentions can be the same event: same noun, neither likely another
    /// body's, and neither names an organisation the other does not (one's words are all
    /// among the other's).
    pub fn same_event(&self, other: &OrdinalMention) -> bool {
        !self.other_body
            && !other.other_body
            && self.event == other.event
            && (self.org.iter().all(|w| other.org.contains(w))
                || other.org.iter().all(|w| self.org.contains(w)))
            && !matches!((self.level(), other.level()), (Some(a), Some(b)) if a != b)
    }

    /// The level of the organisation named after the noun, or else of the clause's subject.
    fn level(&self) -> Option<Level> {
        if self.org.is_empty() {
            self.subject_level
        } else {
            level_of(&self.org)
        }
    }

    /// The value written the same way as this mention writes its own.
    pub fn write(&self, value: u32) -> String {
        match self.numeral {
            Numeral::Roman => roman::to_roman(value),
            Numeral::Arabic => value.to_string(),
            Numeral::Word if self.capitalised => {
                let words = to_words(value);
                let mut chars = words.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            Numeral::Word => to_words(value),
        }
    }
}

/// Words right before an event noun that point at an earlier session than the one
/// reported on ("so với Đại hội lần thứ IX", "kết quả Kỳ họp thứ 7", "tiếp theo Hội nghị
/// lần thứ 11", "Nghị quyết Đại hội lần thứ XXII").
const EARLIER_CUES: &[&str] = &[
    "tiếp theo",
    "so với",
    "sau",
    "kết luận",
    "kết quả",
    "nghị quyết",
    "mục tiêu",
    "chỉ tiêu",
    "từ",
    "qua",
    "các",
    "những",
    "giữa",
    "ở",
];

/// Words right before an event noun that point at a later session ("chuẩn bị Đại hội lần
/// thứ VII", "tiến tới Đại hội", "trước Kỳ họp thứ 13").
const LATER_CUES: &[&str] = &[
    "tiến tới",
    "hướng tới",
    "chào mừng",
    "chuẩn bị",
    "trình",
    "trước",
    "đến",
    "các",
    "những",
];

/// Words right after a mention that place it in the past ("Đại hội lần thứ XXII đề ra")
/// or the future ("Kỳ họp thứ 13 sắp tới", "Đại hội lần thứ VI sẽ được tổ chức").
const EARLIER_AFTER: &[&str] = &["đề ra", "trước", "vừa qua"];
const LATER_AFTER: &[&str] = &["sắp", "tới", "tiếp theo", "sẽ", "dự kiến"];

/// Words right before an event noun that make it the session the sentence reports on
/// ("khai mạc Kỳ họp thứ 12", "tổ chức Hội nghị lần thứ 27", "Phát biểu tại Đại hội").
const CURRENT_CUES: &[&str] = &[
    "khai mạc",
    "bế mạc",
    "tổ chức",
    "triệu tập",
    "chủ trì",
    "dự",
    "phát biểu tại",
];

/// Words after "trước" that make it a deadline ("trước ngày 30/6") rather than the session
/// before.
const DEADLINE_WORDS: &[&str] = &["ngày", "tháng", "quý", "thời", "dịp", "tết"];

/// What the words around a mention say about which session it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionCues {
    /// Words right before or after point at an earlier session.
    pub earlier: bool,
    /// Such words anywhere in the clause before.
    pub earlier_in_clause: bool,
    /// Words right before or after point at a later session.
    pub later: bool,
    /// The mention opens its clause ("Tại Kỳ họp thứ 12, ...", "Kỳ họp thứ 12 đã ...") or
    /// follows "khai mạc", "tổ chức" ...: the session reported on.
    pub current: bool,
}

impl SessionCues {
    pub fn any(&self) -> bool {
        self.earlier || self.later
    }
}

/// Whether `phrase`, as whole words, is among `words` (lower case, space separated, padded).
fn has_phrase(padded: &str, phrases: &[&str]) -> bool {
    // `padded` holds " {c} " when a word starts with `c` and a space follows it: looked
    // for at every word start, without writing " {c} " out for every phrase and mention.
    padded.match_indices(' ').any(|(at, _)| {
        let rest = &padded[at + 1..];
        phrases
            .iter()
            .any(|c| rest.starts_with(c) && rest[c.len()..].starts_with(' '))
    })
}

/// The document's numbered event mentions and the cues around each, read once and shared
/// by `ordinal-mismatch` and `term-mismatch`.
pub struct Mentions {
    pub mentions: Vec<OrdinalMention>,
    /// `cues[i]` are [`session_cues`] of `mentions[i]`.
    pub cues: Vec<SessionCues>,
}

impl Mentions {
    pub fn build(doc: &Document) -> Mentions {
        let mut mentions = ordinal_mentions(doc);
        adopt_headline_organisation(&mut mentions);
        let cues = mentions.iter().map(|m| session_cues(doc, m)).collect();
        Mentions { mentions, cues }
    }
}

/// A body mention naming no organisation ("Đại hội lần thứ XVIII đã bầu ...") is the
/// headline's event when the headline names the organisation with the same noun and the
/// numbers are at most one apart (the same session, or a slip of it, or the one before or
/// after, which the cues tell apart). Farther, it may be another body's ("cử đại biểu dự
/// Đại hội lần thứ I" of the commune's Party): the same event as none.
fn adopt_headline_organisation(mentions: &mut [OrdinalMention]) {
    let headlines: Vec<(&'static str, Vec<String>, u32)> = mentions
        .iter()
        .filter(|m| m.in_title && !m.bare && !m.org.is_empty())
        .map(|m| (m.event, m.org.clone(), m.value))
        .collect();
    for m in mentions
        .iter_mut()
        .filter(|m| !m.in_title && !m.bare && m.org.is_empty())
    {
        // One headline organisation for the noun (a headline repeated names it twice), or
        // none adopted.
        let mut named = headlines.iter().filter(|(event, _, _)| *event == m.event);
        let Some((_, org, value)) = named.next() else {
            continue;
        };
        if named.all(|(_, other, _)| other == org) {
            if value.abs_diff(m.value) <= 1 {
                m.org = org.clone();
            } else {
                m.other_body = true;
            }
        }
    }
}

/// What the words around `mention` say about its session.
pub fn session_cues(doc: &Document, mention: &OrdinalMention) -> SessionCues {
    let at = mention.event_start;
    let mut from = at.saturating_sub(200);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    let before = &doc.text[from..at];
    // The clause: back to the last mark that ends one (a full stop only before a space: not
    // the one inside "1.000").
    let cut = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '!' | '?' | '\n' | ';' | ':' | ',' | '(')
                || (c == '.' && before[i + 1..].starts_with(char::is_whitespace))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = before[cut..].to_lowercase();
    let words: Vec<&str> = clause.split_whitespace().collect();
    let near = format!(" {} ", words[words.len().saturating_sub(4)..].join(" "));
    let whole = format!(" {} ", words.join(" "));
    let mut to = (mention.phrase.end + 60).min(doc.text.len());
    while !doc.text.is_char_boundary(to) {
        to += 1;
    }
    let after = doc.text[mention.phrase.end..to].to_lowercase();
    let after = after.split(['.', ',', ';', '\n', '(']).next().unwrap_or("");
    let after: Vec<&str> = after.split_whitespace().take(4).collect();
    // "hoàn thành trước ngày 30/6": a deadline, not the session before.
    let deadline = after
        .windows(2)
        .any(|w| w[0] == "trước" && DEADLINE_WORDS.contains(&w[1]));
    let after = if deadline {
        String::from(" ")
    } else {
        format!(" {} ", after.join(" "))
    };
    let opens = words.is_empty() || (words.len() == 1 && matches!(words[0], "tại" | "trong"));
    SessionCues {
        earlier: has_phrase(&near, EARLIER_CUES) || has_phrase(&after, EARLIER_AFTER),
        earlier_in_clause: has_phrase(&whole, EARLIER_CUES),
        // "chuẩn bị cho Đại hội", not "cho biết tại kỳ họp".
        // "trước kỳ họp lần thứ 14 của HĐND quận và Kỳ họp lần thứ 12 của HĐND phường":
        // the second, joined by "và", is governed by the words before the first.
        later: has_phrase(&near, LATER_CUES)
            || words.last() == Some(&"cho")
            || (words.last() == Some(&"và") && has_phrase(&whole, LATER_CUES))
            || has_phrase(&after, LATER_AFTER),
        current: mention.in_title || opens || has_phrase(&near, CURRENT_CUES),
    }
}

/// The event nouns by their first word: each with its second word ("" for a one-word noun)
/// and the name it goes by (a variant spelling by its listed name: "kì họp" → "kỳ họp").
type EventHeads = HashMap<&'static str, Vec<(&'static str, &'static str)>>;

fn event_heads() -> &'static EventHeads {
    static HEADS: OnceLock<EventHeads> = OnceLock::new();
    HEADS.get_or_init(|| {
        let mut heads = EventHeads::new();
        for &(phrase, name) in EVENT_NOUNS.pairs() {
            let (first, second) = phrase.split_once(' ').unwrap_or((phrase, ""));
            let name = if name.is_empty() { phrase } else { name };
            heads.entry(first).or_default().push((second, name));
        }
        heads
    })
}

/// How many tokens after the event noun its "lần thứ" may come, past the organisation's
/// name ("Đại hội đại biểu Hội Sinh viên Việt Nam trường Đại học Thủy lợi lần thứ VII").
const MAX_EVENT_NAME: usize = 18;

/// Every numbered event mention in the document.
pub fn ordinal_mentions(doc: &Document) -> Vec<OrdinalMention> {
    let mut out = Vec::new();
    // A web page repeats its <title> as its <h1>: both are the headline.
    let titles: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .map(|b| doc.text[b.range.clone()].trim())
        .collect();
    for block in &doc.blocks {
        // Every mention has "thứ": most blocks are passed over at this test, before their
        // sentences are built, and most sentences at the same test.
        let is_thu = |t: &Token| {
            t.is_word() && t.byte_len() == "thứ".len() && {
                let t = doc.token_text(t);
                t == "thứ" || t == "Thứ" || t == "THỨ"
            }
        };
        // ... or a Roman numeral ("Đại hội XXV").
        let is_roman = |t: &Token| {
            t.is_word()
                && t.byte_len() <= 8
                && doc
                    .token_text(t)
                    .bytes()
                    .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
        };
        let marked = |t: &Token| is_thu(t) || is_roman(t);
        if !doc.block_tokens(block).iter().any(marked) {
            continue;
        }
        let in_title = block.kind == BlockKind::Title
            || titles.contains(&doc.text[block.range.clone()].trim());
        for sentence in &sentences(doc, block) {
            if !sentence.iter().any(|&i| marked(&doc.tokens[i])) {
                continue;
            }
            let words: Vec<&str> = sentence
                .iter()
                .map(|&i| {
                    let t = &doc.tokens[i];
                    if t.kind() == TokenKind::Word {
                        doc.lower(t)
                    } else {
                        ""
                    }
                })
                .collect();
            // The event noun at `j` and how many words it takes. A one-word noun ("Giải
            // Việt dã tỉnh lần thứ 31") only capitalised, as a name's head: lower-case it is a
            // common word ("đoạt giải lần thứ hai").
            let event_at = |j: usize| {
                if words[j].is_empty() {
                    return None;
                }
                // "Đại hội đã bầu Ban Chấp hành Hội Nhà báo tỉnh lần thứ VIII": the board
                // elected carries its congress's number (a board's meeting, "Hội nghị Ban
                // Chấp hành lần thứ 5", is the meeting's noun's).
                if elected_board_at(&words, j) {
                    return Some(("đại hội", BOARD.len()));
                }
                let heads = event_heads().get(words[j])?;
                heads.iter().find_map(|&(second, name)| {
                    let len = if second.is_empty() {
                        (case_of(doc.token_text(&doc.tokens[sentence[j]])) == Case::Capitalized)
                            .then_some(1)?
                    } else {
                        (words.get(j + 1).copied() == Some(second)).then_some(2)?
                    };
                    Some((name, len))
                })
            };
            // Each position's event noun, read once (the name after a noun is read up to
            // the next one).
            let mut events: Vec<Option<(&'static str, usize)>> =
                (0..sentence.len()).map(event_at).collect();
            // A noun starting inside another is not one: "Đại hội Thi đua" is a congress,
            // not a "hội thi".
            for j in 0..events.len() {
                if let Some((_, len)) = events[j] {
                    for inner in events.iter_mut().skip(j + 1).take(len - 1) {
                        *inner = None;
                    }
                }
            }
            for j in 0..sentence.len() {
                let Some((event, event_len)) = events[j] else {
                    continue;
                };
                let mut org = Vec::new();
                let mut k = j + event_len;
                while k < sentence.len() && k < j + MAX_EVENT_NAME {
                    if events[k].is_some() {
                        break;
                    }
                    let token = &doc.tokens[sentence[k]];
                    let word = words[k];
                    let (thu_at, lan) = if word == "lần" && words.get(k + 1) == Some(&"thứ") {
                        (k + 1, true)
                    } else if word == "thứ" {
                        (k, false)
                    } else {
                        (usize::MAX, false)
                    };
                    if thu_at != usize::MAX {
                        // Words as numerals right after "lần thứ" or the event noun's own
                        // "thứ" ("Kỳ họp thứ mười tám"), not after other words: "Hội nghị
                        // sáng thứ Hai" is a weekday.
                        let words_allowed = lan || thu_at == j + event_len;
                        if let Some((value, numeral, len)) =
                            numeral_at(doc, sentence, &words, thu_at + 1, words_allowed)
                        {
                            let first_num = &doc.tokens[sentence[thu_at + 1]];
                            let last_num = &doc.tokens[sentence[thu_at + len]];
                            org.extend(org_after(
                                doc,
                                &sentence[thu_at + 1 + len..],
                                &words[thu_at + 1 + len..],
                            ));
                            let org = organisation_key(org);
                            let subject_level = if org.is_empty() {
                                subject_level(doc, sentence, &words, j)
                            } else {
                                None
                            };
                            out.push(OrdinalMention {
                                event,
                                org,
                                value,
                                numeral,
                                capitalised: case_of(doc.token_text(first_num)) != Case::Lower,
                                span: first_num.start()..last_num.end(),
                                phrase: token.start()..last_num.end(),
                                event_start: doc.tokens[sentence[j]].start(),
                                in_title,
                                bare: false,
                                other_body: false,
                                subject_level,
                            });
                        }
                        break;
                    }
                    // "Đại hội XXV", "Đại hội Đảng bộ tỉnh XX": a Roman numeral without "lần
                    // thứ", right after the noun or closing the organisation's name; not
                    // "Đại hội XIV của Đảng" (the Party's congress named in passing).
                    let noun = &doc.tokens[sentence[j]];
                    if let Some(value) = bare_roman(doc, token, k == j + event_len)
                        .filter(|_| doc.case(noun) != Case::Upper)
                        .filter(|_| {
                            !matches!(words.get(k + 1).copied(), Some("của" | "lần" | "thứ"))
                        })
                        .filter(|_| {
                            !k.checked_sub(1)
                                .is_some_and(|b| NUMBERED_UNITS.contains(&words[b]))
                        })
                    {
                        org.extend(org_after(doc, &sentence[k + 1..], &words[k + 1..]));
                        let org = organisation_key(org);
                        out.push(OrdinalMention {
                            event,
                            org,
                            value,
                            numeral: Numeral::Roman,
                            capitalised: true,
                            span: token.range(),
                            phrase: noun.start()..token.end(),
                            event_start: noun.start(),
                            in_title,
                            bare: true,
                            other_body: false,
                            subject_level: None,
                        });
                        break;
                    }
                    // The term inside the name ("Nghị quyết Đại hội nhiệm kỳ lần thứ II"): not
                    // the organisation's words.
                    if word == "nhiệm" && matches!(words.get(k + 1).copied(), Some("kỳ" | "kì"))
                    {
                        k += 2;
                        continue;
                    }
                    // A name in quotation marks: "Hội thi “Nhà nông đua tài” lần thứ ba".
                    if token.kind() == TokenKind::Punct
                        && matches!(doc.token_text(token), "\"" | "“" | "”")
                    {
                        k += 1;
                        continue;
                    }
                    // The name's acronym in brackets: "Mặt trận Tổ quốc (MTTQ) Việt Nam
                    // huyện lần thứ XVII", "Thể dục thể thao (TDTT) tỉnh lần thứ IX".
                    if bracketed_acronym(doc, &sentence[k..]) {
                        k += 3;
                        continue;
                    }
                    // A stop word capitalised inside the name is the name's ("Mặt trận Tổ
                    // quốc"), not the verb after it ("Đại hội ... tổ chức lần thứ").
                    let in_name = !org.is_empty() && doc.case(token) == Case::Capitalized;
                    if token.kind() != TokenKind::Word
                        || (EVENT_STOP_WORDS.contains(word) && !in_name)
                    {
                        break;
                    }
                    org.push(word.to_string());
                    k += 1;
                }
            }
            // "Đây là lần thứ 12 cuộc thi được tổ chức", "năm nay là lần thứ 11 huyện tổ
            // chức liên hoan": the number before its event, after "là". No organisation.
            for k in 1..sentence.len().saturating_sub(2) {
                if !(words[k - 1] == "là" && words[k] == "lần" && words[k + 1] == "thứ") {
                    continue;
                }
                let Some((value, numeral, len)) = numeral_at(doc, sentence, &words, k + 2, true)
                else {
                    continue;
                };
                let after = k + 2 + len;
                let Some(&(event, _)) = (after..(after + NOUN_AFTER_NUMBER).min(sentence.len()))
                    .take_while(|&e| !words[e].is_empty())
                    .find_map(|e| events[e].as_ref())
                else {
                    continue;
                };
                let first_num = &doc.tokens[sentence[k + 2]];
                let last_num = &doc.tokens[sentence[k + 1 + len]];
                let lan = &doc.tokens[sentence[k]];
                out.push(OrdinalMention {
                    event,
                    org: Vec::new(),
                    value,
                    numeral,
                    capitalised: case_of(doc.token_text(first_num)) != Case::Lower,
                    span: first_num.start()..last_num.end(),
                    phrase: lan.start()..last_num.end(),
                    event_start: lan.start(),
                    in_title,
                    bare: false,
                    other_body: false,
                    subject_level: None,
                });
            }
        }
    }
    out
}

/// The level of the organisation holding the event at `j`, when the clause names it as the
/// subject of "tổ chức" or "tiến hành" right before the event noun ("Hội Cựu chiến binh
/// phường Tân An tổ chức Đại hội đại biểu lần thứ VII"): the words from the last comma or
/// semicolon. Not after other verbs: "Bí thư Huyện ủy dự Đại hội lần thứ XV" attends a
/// commune's congress.
fn subject_level(doc: &Document, sentence: &[usize], words: &[&str], j: usize) -> Option<Level> {
    let holds = j >= 2 && matches!(words[j - 2..j], ["tổ", "chức"] | ["tiến", "hành"]);
    if !holds {
        return None;
    }
    let start = (0..j)
        .rev()
        .find(|&k| matches!(doc.token_text(&doc.tokens[sentence[k]]), "," | ";"))
        .map_or(0, |k| k + 1);
    level_of(&words[start..j])
}

/// The board a congress elects.
const BOARD: [&str; 3] = ["ban", "chấp", "hành"];

/// Whether the board starts at `j`, right after the verb of its election ("bầu", "bầu ra").
fn elected_board_at(words: &[&str], j: usize) -> bool {
    let before = |back: usize| j.checked_sub(back).map(|b| words[b]);
    words[j..].starts_with(&BOARD)
        && (before(1) == Some("bầu") || (before(1) == Some("ra") && before(2) == Some("bầu")))
}

/// How many words after "là lần thứ N" its event noun may come ("lần thứ 11 huyện tổ chức
/// liên hoan").
const NOUN_AFTER_NUMBER: usize = 4;

/// Words a Roman numeral numbers inside a name ("Chi bộ Khu phố III", "Tổ II").
const NUMBERED_UNITS: &[&str] = &[
    "khu",
    "phố",
    "ấp",
    "thôn",
    "tổ",
    "đội",
    "xóm",
    "bản",
    "số",
    "cụm",
    "khối",
    "lớp",
    "quận",
    "phường",
    "khóa",
    "khoá",
    "kỳ",
    "kì",
    "phần",
    "chương",
    "mục",
    "giai",
    "đoạn",
    "loại",
];

/// Whether the tokens start with an acronym in brackets: "(MTTQ)", "(TDTT)".
fn bracketed_acronym(doc: &Document, tokens: &[usize]) -> bool {
    let [open, acronym, close, ..] = tokens else {
        return false;
    };
    let (open, acronym, close) = (
        &doc.tokens[*open],
        &doc.tokens[*acronym],
        &doc.tokens[*close],
    );
    doc.token_text(open) == "("
        && doc.token_text(close) == ")"
        && acronym.kind() == TokenKind::Word
        && doc.token_text(acronym).chars().nth(1).is_some()
        && doc.case(acronym) == Case::Upper
}

/// The most a Roman numeral without "lần thứ" is read as an event's number.
const MAX_BARE_ROMAN: u32 = 50;

/// A Roman numeral written without "lần thứ" after an event noun (`next_to_noun`) or after
/// its organisation's name, where it must have two letters at least (a lone "V" or "C" may
/// be an initial).
fn bare_roman(doc: &Document, token: &Token, next_to_noun: bool) -> Option<u32> {
    if token.kind() != TokenKind::Word {
        return None;
    }
    let text = doc.token_text(token);
    if !(next_to_noun || text.len() >= 2) {
        return None;
    }
    roman::parse(text).filter(|&v| (1..=MAX_BARE_ROMAN).contains(&v))
}

/// The ordinal numeral starting at position `at` of the sentence: its value, how it is
/// written and how many tokens it takes. Words ("mười tám", "Hai mươi mốt") only when
/// `words_allowed`.
fn numeral_at(
    doc: &Document,
    sentence: &[usize],
    words: &[&str],
    at: usize,
    words_allowed: bool,
) -> Option<(u32, Numeral, usize)> {
    let token = &doc.tokens[*sentence.get(at)?];
    let text = doc.token_text(token);
    match token.kind() {
        TokenKind::Number => text.parse().ok().map(|v| (v, Numeral::Arabic, 1)),
        TokenKind::Word => {
            if let Some(v) = roman::parse(text) {
                return Some((v, Numeral::Roman, 1));
            }
            if !words_allowed {
                return None;
            }
            let (value, len) = word_numeral(&words[at..])?;
            Some((value, Numeral::Word, len))
        }
        _ => None,
    }
}

/// A number written in words from 1 to 99 at the start of `words` (lower case): its value
/// and how many words it takes ("mười tám" 18, "hai mươi mốt" 21, "nhất" 1).
pub fn word_numeral<S: AsRef<str>>(words: &[S]) -> Option<(u32, usize)> {
    let value = |i: usize| -> Option<(&str, u32)> {
        let w = words.get(i)?.as_ref();
        NUMBER_WORDS
            .value(w)
            .and_then(|v| v.parse().ok())
            .map(|v| (w, v))
    };
    let (first, v) = value(0)?;
    // The forms that only follow a tens word, and "mươi" itself, do not start a number.
    if matches!(first, "mươi" | "mốt" | "lăm") {
        return None;
    }
    if first == "nhất" {
        return Some((1, 1));
    }
    let unit_after = |i: usize| {
        value(i)
            .filter(|&(w, _)| !matches!(w, "mươi" | "mười" | "nhất"))
            .map(|(_, u)| u)
    };
    if first == "mười" {
        return Some(match unit_after(1) {
            Some(u) => (10 + u, 2),
            None => (10, 1),
        });
    }
    if value(1).is_some_and(|(w, _)| w == "mươi") {
        let tens = v * 10;
        return Some(match unit_after(2) {
            Some(u) => (tens + u, 3),
            None => (tens, 2),
        });
    }
    // "một" alone is not an ordinal ("lần thứ nhất"); "tư" is ("lần thứ tư").
    (first != "một").then_some((v, 1))
}

/// The value in words, as an ordinal after "thứ" ("mười tám", "hai mươi mốt", "tư").
pub fn to_words(value: u32) -> String {
    const UNITS: [&str; 10] = [
        "", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín",
    ];
    const PLAIN: [&str; 10] = [
        "", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
    ];
    let (tens, unit) = ((value / 10) as usize, (value % 10) as usize);
    match tens {
        0 => UNITS[unit].to_string(),
        1 => match unit {
            0 => "mười".into(),
            5 => "mười lăm".into(),
            _ => format!("mười {}", PLAIN[unit]),
        },
        _ if tens < 10 => {
            let after = match unit {
                0 => String::new(),
                1 => " mốt".into(),
                4 => " tư".into(),
                5 => " lăm".into(),
                _ => format!(" {}", PLAIN[unit]),
            };
            format!("{} mươi{after}", PLAIN[tens])
        }
        _ => value.to_string(),
    }
}

/// The words that name a mention's organisation: acronyms expanded first ("Đại hội TDTT" is
/// "Đại hội Thể dục thể thao"), then the event's qualifiers dropped.
fn organisation_key(org: Vec<String>) -> Vec<String> {
    let mut org = expand_acronyms(org);
    org.retain(|w| !EVENT_QUALIFIERS.contains(w));
    // "Đảng bộ" (a level's Party organisation) is one word: its congress is not the Party's
    // ("Đại hội Đảng bộ TPHCM lần thứ XI" beside "Đại hội lần thứ XIII của Đảng").
    let mut joined: Vec<String> = Vec::with_capacity(org.len());
    for w in org {
        match joined.last_mut() {
            Some(last) if last == "đảng" && w == "bộ" => last.push_str(" bộ"),
            _ => joined.push(w),
        }
    }
    joined
}

/// Acronyms replaced by the words they stand for ("hđnd" → "hội đồng nhân dân"), and "uỷ"
/// written "ủy", so that both ways of naming an organisation give the same words.
pub fn expand_acronyms(words: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        if let Some(expansion) = ORGANISATION_ACRONYMS.value(&w) {
            out.extend(expansion.split(' ').map(str::to_string));
        } else if w == "uỷ" {
            out.push("ủy".into());
        } else {
            out.push(w);
        }
    }
    out
}

/// Organisation words after the number: capitalised words, acronyms and a few lower-case
/// administrative words, up to the first other token.
fn org_after(doc: &Document, tokens: &[usize], words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut named = false;
    // "Kỳ họp lần thứ 14 của Hội đồng nhân dân Quận 4": the name after "của".
    let of_name = words.first() == Some(&"của")
        && tokens
            .get(1)
            .is_some_and(|&i| doc.case(&doc.tokens[i]) != Case::Lower);
    for (&i, word) in tokens.iter().zip(words).skip(usize::from(of_name)).take(8) {
        let token = &doc.tokens[i];
        if token.kind() != TokenKind::Word {
            break;
        }
        let case = doc.case(token);
        if case == Case::Lower && !EVENT_ORGANISATION_WORDS.contains(word) {
            break;
        }
        named |= case != Case::Lower;
        out.push(word.to_string());
    }
    // Lower-case words alone name an organisation only when they end on a level ("hội
    // đồng nhân dân tỉnh", "thành phố"): "Đại hội lần thứ XII thành công" is no organisation.
    if !named
        && !out
            .last()
            .is_some_and(|w| LEVEL_WORDS.contains(&w.as_str()))
    {
        out.clear();
    }
    out
}

/// The last word of an administrative level ("tỉnh", "thành phố", "thị trấn").
const LEVEL_WORDS: &[&str] = &["huyện", "phường", "phố", "quận", "trấn", "tỉnh", "xã"];

/// The administrative level of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Commune,
    District,
    Province,
    National,
}

/// The level an organisation's words (lower case, acronyms expanded) place it at: the most
/// local level word it has ("Hội Nông dân xã Hoàng Diệu, huyện Gia Lộc" is a commune's;
/// "thị xã" a district's), or the nation's for "trung ương", "toàn quốc" or a name ending
/// on "Việt Nam" with no level word ("Hội Nhà văn Việt Nam"). `None` when the words say no
/// level ("Ban Chấp hành Hội", "thành phố" alone, which may be either).
pub fn level_of<S: AsRef<str>>(words: &[S]) -> Option<Level> {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    let mut found: Option<Level> = None;
    for (i, &w) in words.iter().enumerate() {
        let after_thi = i > 0 && words[i - 1] == "thị";
        let level = match w {
            "xã" if after_thi => Level::District,
            "xã" | "phường" | "trấn" => Level::Commune,
            "huyện" | "quận" => Level::District,
            "tỉnh" => Level::Province,
            _ => continue,
        };
        found = Some(found.map_or(level, |f| if (level as u8) < (f as u8) { level } else { f }));
    }
    let national = words
        .windows(2)
        .any(|w| matches!(w, ["trung", "ương"] | ["toàn", "quốc"]))
        || words.ends_with(&["việt", "nam"]);
    found.or(national.then_some(Level::National))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(&'static str, Vec<String>, u32, bool)> {
        let doc = Document::from_text(text);
        ordinal_mentions(&doc)
            .into_iter()
            .map(|m| (m.event, m.org, m.value, m.in_title))
            .collect()
    }

    #[test]
    fn finds_events_with_their_organisation() {
        assert_eq!(
            mentions(
                "Tổ chức Hội nghị Ban Chấp hành lần thứ 24\n\nHội nghị Ban Chấp hành Đảng bộ quận lần thứ XXV họp."
            ),
            vec![
                (
                    "hội nghị",
                    vec!["ban".into(), "chấp".into(), "hành".into()],
                    24,
                    true
                ),
                (
                    "hội nghị",
                    vec![
                        "ban".into(),
                        "chấp".into(),
                        "hành".into(),
                        "đảng bộ".into(),
                        "quận".into()
                    ],
                    25,
                    false
                ),
            ]
        );
    }

    #[test]
    fn organisation_after_the_number_and_qualifiers_dropped() {
        assert_eq!(
            mentions("Kỳ họp thứ 9 HĐND quận Ba Đình. Đại hội đại biểu lần thứ VII Đảng bộ quận."),
            vec![
                (
                    "kỳ họp",
                    ["hội", "đồng", "nhân", "dân", "quận", "ba", "đình"]
                        .map(String::from)
                        .to_vec(),
                    9,
                    false
                ),
                ("đại hội", vec!["đảng bộ".into(), "quận".into()], 7, false),
            ]
        );
    }

    #[test]
    fn events_beyond_meetings_and_a_one_word_head_only_as_a_name() {
        assert_eq!(
            mentions("Giải Việt dã tỉnh lần thứ 31 khai mạc. Hội thao lần thứ V gồm 4 môn.")
                .iter()
                .map(|m| (m.0, m.2))
                .collect::<Vec<_>>(),
            vec![("giải", 31), ("hội thao", 5)]
        );
        assert!(mentions("Anh đoạt giải lần thứ hai liên tiếp.").is_empty());
    }

    #[test]
    fn lower_case_words_after_the_number_name_an_organisation_only_ending_on_a_level() {
        let orgs = |t: &str| mentions(t).into_iter().map(|m| m.1).collect::<Vec<_>>();
        assert_eq!(
            orgs("Chúc Đại hội lần thứ XII thành công tốt đẹp."),
            vec![Vec::<String>::new()]
        );
        assert_eq!(
            orgs("Kỳ họp thứ 9 hội đồng nhân dân tỉnh."),
            vec![
                ["hội", "đồng", "nhân", "dân", "tỉnh"]
                    .map(String::from)
                    .to_vec()
            ]
        );
    }

    #[test]
    fn the_number_before_its_event_after_la() {
        assert_eq!(
            mentions("Đây là lần thứ 12 cuộc thi được tổ chức. Năm nay là lần thứ mười một huyện tổ chức liên hoan.")
                .iter()
                .map(|m| (m.0, m.1.len(), m.2))
                .collect::<Vec<_>>(),
            vec![("cuộc thi", 0, 12), ("liên hoan", 0, 11)]
        );
        // Not after "là", or no event noun close after the number.
        assert!(mentions("Anh đoạt giải lần thứ hai cuộc thi viết.").is_empty());
        assert!(
            mentions("Đây là lần thứ ba em được khen trong năm học và dự cuộc thi.").is_empty()
        );
    }

    #[test]
    fn acronyms_expand_before_qualifiers_are_dropped() {
        let orgs = |t: &str| mentions(t).into_iter().map(|m| m.1).collect::<Vec<_>>();
        assert_eq!(
            orgs("Đại hội Thể dục thể thao huyện lần thứ X. Đại hội TDTT huyện lần thứ X.")
                .iter()
                .collect::<std::collections::HashSet<_>>()
                .len(),
            1
        );
    }

    #[test]
    fn a_bracketed_acronym_a_capitalised_stop_word_and_a_name_after_cua() {
        let orgs = |t: &str| {
            mentions(t)
                .into_iter()
                .map(|m| (m.1, m.2))
                .collect::<Vec<_>>()
        };
        let words = |t: &str| t.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            orgs("Đại hội đại biểu Mặt trận Tổ quốc (MTTQ) Việt Nam huyện Sơn Dương lần thứ XVII."),
            vec![(words("mặt trận tổ quốc việt nam huyện sơn dương"), 17)]
        );
        assert_eq!(
            orgs("Cử tri góp ý trước kỳ họp lần thứ 14 của Hội đồng nhân dân Quận 4."),
            vec![(words("hội đồng nhân dân quận"), 14)]
        );
        // A lower-case stop word still ends the name.
        assert_eq!(
            orgs("Đại hội Hội Nông dân xã tổ chức lần thứ X."),
            Vec::<(Vec<String>, u32)>::new()
        );
    }

    #[test]
    fn a_deadline_is_no_earlier_session_and_a_joined_mention_shares_the_cue() {
        let doc = Document::from_text(
            "Đại hội Hội Nông dân xã lần thứ XII hoàn thành trước ngày 30/6. Cử tri góp ý trước kỳ họp lần thứ 14 của HĐND quận và kỳ họp lần thứ 12 của HĐND phường.",
        );
        let cues: Vec<SessionCues> = ordinal_mentions(&doc)
            .iter()
            .map(|m| session_cues(&doc, m))
            .collect();
        assert!(!cues[0].earlier);
        assert!(cues[1].later && cues[2].later);
    }

    #[test]
    fn a_board_elected_carries_its_congress_s_number_and_a_term_is_no_organisation() {
        let found = |t: &str| {
            mentions(t)
                .into_iter()
                .map(|m| (m.0, m.1.join(" "), m.2))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(
                "Đại hội đã bầu Ban Chấp hành Hội Cựu chiến binh xã Tân An lần thứ VII, nhiệm kỳ 2022 - 2027."
            ),
            vec![("đại hội", "hội cựu chiến binh xã tân an".to_string(), 7)]
        );
        // A board's meeting is the meeting's; a board not elected names no congress.
        assert_eq!(
            found("Hội nghị Ban Chấp hành Hội Cựu chiến binh xã lần thứ 5 họp."),
            vec![(
                "hội nghị",
                "ban chấp hành hội cựu chiến binh xã".to_string(),
                5
            )]
        );
        assert!(found("Báo cáo của Ban Chấp hành Hội Cựu chiến binh xã lần thứ VI.").is_empty());
        // A noun inside another is not read: one congress, no "hội thi".
        assert_eq!(
            found("Đại hội Thi đua yêu nước tỉnh lần thứ V khai mạc."),
            vec![("đại hội", "thi đua yêu nước tỉnh".to_string(), 5)]
        );
        // "nhiệm kỳ" inside the name is the term, not the organisation.
        assert_eq!(
            found("Xã thực hiện Nghị quyết Đại hội nhiệm kỳ lần thứ V."),
            vec![("đại hội", String::new(), 5)]
        );
    }

    #[test]
    fn the_level_of_an_organisation() {
        let level = |t: &str| level_of(&t.split(' ').collect::<Vec<_>>());
        assert_eq!(level("hội nông dân xã"), Some(Level::Commune));
        assert_eq!(
            level("hội nông dân xã tân an huyện tam nông"),
            Some(Level::Commune)
        );
        assert_eq!(level("đảng bộ thị xã"), Some(Level::District));
        assert_eq!(
            level("hội nhà văn việt nam tỉnh hưng yên"),
            Some(Level::Province)
        );
        assert_eq!(level("hội nhà văn việt nam"), Some(Level::National));
        assert_eq!(level("ban chấp hành trung ương hội"), Some(Level::National));
        assert_eq!(level("ban chấp hành hội"), None);
    }

    #[test]
    fn not_a_numbered_event() {
        assert!(mentions("Hội nghị đã thống nhất lần thứ hai.").is_empty());
        assert!(mentions("Ban Chấp hành (khóa VI) họp.").is_empty());
        assert!(mentions("Đại hội Đảng các cấp tiến tới Đại hội lần thứ VII.").len() == 1);
    }

    #[test]
    fn numerals_in_words() {
        let read = |text: &str| {
            let words: Vec<String> = text.split(' ').map(str::to_string).collect();
            word_numeral(&words)
        };
        assert_eq!(read("mười tám"), Some((18, 2)));
        assert_eq!(read("mười lăm"), Some((15, 2)));
        assert_eq!(read("hai mươi mốt"), Some((21, 3)));
        assert_eq!(read("hai mươi"), Some((20, 2)));
        assert_eq!(read("tư"), Some((4, 1)));
        assert_eq!(read("nhất"), Some((1, 1)));
        assert_eq!(read("mươi"), None);
        assert_eq!(read("một"), None);
        for n in 1..100 {
            assert_eq!(
                read(&to_words(n)).map(|(v, _)| v),
                Some(n),
                "{}",
                to_words(n)
            );
        }
    }

    #[test]
    fn session_numbers_in_words_after_thu_but_not_weekdays() {
        assert_eq!(
            mentions("Khai mạc Kỳ họp thứ Mười bảy. Kỳ họp thứ hai mươi mốt HĐND xã.")
                .iter()
                .map(|m| m.2)
                .collect::<Vec<_>>(),
            vec![17, 21]
        );
        assert!(mentions("Hội nghị giao ban sáng thứ Hai hằng tuần.").is_empty());
    }

    #[test]
    fn acronyms_name_the_same_organisation() {
        let words = |t: &str| expand_acronyms(t.split(' ').map(str::to_string).collect());
        assert_eq!(words("hđnd quận"), words("hội đồng nhân dân quận"));
        assert_eq!(
            words("bch hội nông dân"),
            words("ban chấp hành hội nông dân")
        );
    }

    #[test]
    fn cues_tell_the_session_reported_on_from_others() {
        let doc = Document::from_text(
            "Sáng 5/7, HĐND xã khai mạc Kỳ họp thứ 12. Doanh thu tăng so với Kỳ họp thứ 11. Xã chuẩn bị Kỳ họp thứ 13.",
        );
        let cues: Vec<SessionCues> = ordinal_mentions(&doc)
            .iter()
            .map(|m| session_cues(&doc, m))
            .collect();
        assert!(cues[0].current && !cues[0].any());
        assert!(cues[1].earlier && !cues[1].later);
        assert!(cues[2].later && !cues[2].earlier);
    }
}
