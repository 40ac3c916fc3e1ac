//! Breakdowns: a whole and the parts stated after it ("27 ổ dịch, gồm 19 ổ dịch mới và 8
//! ổ dịch cũ"; "400 suất quà, trong đó 250 suất ... và 150 suất ..."; "24 huy chương:
//! Vàng 7, Bạc 8, Đồng 9"). Parts are counted in any noun, with any description after them;
//! a part starts only where a figure follows a separator, so a comma inside a description
//! ("143 tổ ở các thôn, làng và 25 tổ ...") does not split it.

use crate::analysis::cursor::Cursor;
use crate::analysis::figures::FigureAt;
use crate::analysis::lists::{is_glued_figure, is_time_figure, opens_list, same_marker_kind};
use crate::analysis::quantities::counts_same_things;
use crate::analysis::sentences::non_space_tokens;
use crate::document::{BlockKind, Document};
use crate::lists::{MEASURE_UNITS, NUMBER_LABEL_WORDS, PART_COMPARISON_WORDS};
use crate::text::case::Case;
use crate::text::tokens::TokenKind;

/// Words of a price after a figure in a part's description ("trị giá 2.000.000 đồng").
const PRICE_WORDS: [&str; 3] = ["đồng", "đ", "usd"];

/// Tokens looked back from the marker for the whole.
const MAX_WHOLE_DISTANCE: usize = 12;

/// Tokens looked back for a whole counted in the parts' own noun ("trao 40 sổ bảo hiểm
/// ... cho người lao động có hoàn cảnh khó khăn, gồm 25 sổ ...").
const MAX_HEAD_WHOLE_DISTANCE: usize = 24;

/// Tokens a part's description may run before the next part.
const MAX_PART_TOKENS: usize = 20;

/// How the parts are introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// "gồm", "bao gồm", "gồm có", ":": the parts make up the whole.
    Complete,
    /// "trong đó", "trong số đó": the parts are within the whole, perhaps not all of it.
    Within,
}

#[derive(Debug, Clone)]
pub struct Part {
    pub figure: FigureAt,
    /// The lower-case words after the figure (up to three).
    pub noun: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub whole: FigureAt,
    pub noun: Vec<String>,
    pub marker: Marker,
    pub parts: Vec<Part>,
}

impl Breakdown {
    /// The sum of the parts and the tolerance of the figures' precision.
    pub fn sum(&self) -> (f64, f64) {
        let decimals = self
            .parts
            .iter()
            .map(|p| p.figure.figure.decimals)
            .chain([self.whole.figure.decimals])
            .max()
            .unwrap_or(0);
        let sum = self.parts.iter().map(|p| p.figure.figure.value).sum();
        (sum, 0.5 * 10f64.powi(-i32::from(decimals)))
    }

    /// Whether every part is counted in the whole's head noun, in a noun that counts the
    /// same things ("hộ" / "gia đình"), or in one of the nouns the whole lists ("17 tập
    /// thể, cá nhân: 6 tập thể và 11 cá nhân"; `listed`, from [`listed_nouns`]).
    pub fn parts_in_whole_nouns(&self, listed: &[Vec<String>]) -> bool {
        !self.noun.is_empty()
            && self.parts.iter().all(|p| {
                counts_same_things(&self.noun, &p.noun)
                    || listed.iter().any(|n| p.noun.first() == n.first())
            })
    }
}

/// Nouns a whole lists after its figure ("17 tập thể, cá nhân", "41 cán bộ, giáo viên và
/// nhân viên"): runs of lower-case words parted by "," or "và", up to the first other token,
/// each of [`MAX_LISTED_NOUN_WORDS`] words at most, and the first word of the run that ends
/// them. Read from the text after `whole`.
pub fn listed_nouns(doc: &Document, whole: &FigureAt) -> Vec<Vec<String>> {
    let text = &doc.text[whole.span.end..];
    let mut nouns: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for piece in text.split_inclusive([' ', ',']).take(MAX_LISTED_WORDS) {
        let comma = piece.ends_with(',');
        let word = piece.trim_matches([' ', ',']);
        let lower = !word.is_empty() && word.chars().all(|ch| ch.is_lowercase());
        if word == "và" {
            nouns.push(std::mem::take(&mut current));
            continue;
        }
        if !lower && !word.is_empty() {
            break;
        }
        if !word.is_empty() {
            current.push(word.to_string());
        }
        if comma {
            nouns.push(std::mem::take(&mut current));
        }
    }
    nouns.retain(|n| !n.is_empty() && n.len() <= MAX_LISTED_NOUN_WORDS);
    // The last run goes on into the clause ("cá nhân được khen thưởng"): its first word.
    if let Some(head) = current.into_iter().next() {
        nouns.push(vec![head]);
    }
    nouns
}

/// Whether `parts` are counted in two nouns or more, each one the `whole` lists.
fn in_listed_nouns(c: &Cursor<'_>, whole: &FigureAt, parts: &[Part]) -> bool {
    let listed = listed_nouns(c.doc, whole);
    let kinds = parts
        .iter()
        .filter_map(|p| p.noun.first())
        .collect::<std::collections::HashSet<_>>();
    listed.len() >= 2
        && kinds.len() >= 2
        && parts
            .iter()
            .all(|p| listed.iter().any(|n| p.noun.first() == n.first()))
}

/// Words read after a whole for the nouns it lists.
const MAX_LISTED_WORDS: usize = 10;

/// Words of one listed noun ("kỹ thuật viên").
const MAX_LISTED_NOUN_WORDS: usize = 3;

/// Words between two commas crossed on the way back to the whole ("9 ý kiến, kiến nghị,
/// gồm ..."): a longer run is a clause of its own.
const MAX_CROSSED_WORDS: usize = 3;

/// Tokens from the whole to a marker with no comma before it ("18 tấn rác gồm ...").
const MAX_BARE_DISTANCE: usize = 4;

/// The figures that may be the whole before the marker at `marker`, nearest first: those of
/// its clause that are not a time or a percentage.
fn wholes_before(c: &Cursor<'_>, marker: usize, colon: bool) -> Vec<(FigureAt, bool, bool)> {
    let mut out = Vec::new();
    let Some(mut k) = marker.checked_sub(1) else {
        return out;
    };
    // "9.412 lượt hộ đạt danh hiệu; trong đó ...": a semicolon before the marker as a comma.
    let comma = !colon && (c.is_punct(k, ",") || c.is_punct(k, ";"));
    // "17 thanh niên nhập ngũ (trong đó 15 ...)", "06 giải (01 giải Nhất, ...)": a bracket
    // opened after the whole's clause holds its breakdown; no comma is crossed back.
    let in_bracket = c.is_punct(k, "(");
    let bracket = in_bracket || c.is_punct(marker, "(");
    if comma || in_bracket {
        let Some(j) = k.checked_sub(1) else {
            return out;
        };
        k = j;
    }
    let reach = if comma || colon || bracket {
        MAX_HEAD_WHOLE_DISTANCE
    } else {
        MAX_BARE_DISTANCE
    };
    let first = k.saturating_sub(reach);
    let mut words = 0;
    // Past a longer clause between commas, a figure is the whole only when counted in the
    // parts' noun ("146 công trình, phần việc thanh niên với tổng giá trị hơn 3,8 tỷ đồng,
    // gồm 98 công trình ...").
    let mut far = false;
    let mut listed_only = false;
    for j in (first..=k).rev() {
        match c.kind(j) {
            Some(TokenKind::Number) if is_time_figure(c, j) && !colon || is_glued_figure(c, j) => {}
            Some(TokenKind::Number) if is_label_figure(c, j) => {}
            Some(TokenKind::Number) => {
                if c.is_punct(j + 1, "%") {
                    break;
                }
                if let Some(f) = c.figure_at(j).filter(|f| f.figure.value > 0.0) {
                    out.push((f, far, listed_only));
                }
            }
            Some(TokenKind::Word) if colon && c.doc.case(c.token(j)) != Case::Lower => break,
            Some(TokenKind::Word) => words += 1,
            Some(TokenKind::Punct) if bracket => break,
            Some(TokenKind::Punct) if comma && c.is_punct(j, ",") => {
                far |= words > MAX_CROSSED_WORDS;
                words = 0;
            }
            // "17 tập thể, cá nhân được khen thưởng:": past a comma, a whole before a colon
            // is taken only by the nouns it lists (see `pick_whole`).
            Some(TokenKind::Punct) if colon && c.is_punct(j, ",") => {
                listed_only = true;
                words = 0;
            }
            // A quoted name in the whole's noun phrase.
            Some(TokenKind::Punct) if !colon && matches!(c.text(j), "“" | "”" | "\"") => {}
            _ => break,
        }
    }
    out
}

/// The whole among `candidates`: the nearest counted in the parts' common head noun, or
/// else the nearest that is not a comparison ("trên 90 điểm").
fn pick_whole(
    c: &Cursor<'_>,
    candidates: Vec<(FigureAt, bool, bool)>,
    parts: &[Part],
    marker: usize,
) -> Option<FigureAt> {
    let head = parts[0]
        .noun
        .first()
        .filter(|h| parts.iter().all(|p| p.noun.first() == Some(*h)));
    if let Some(head) = head
        && let Some((f, _, _)) = candidates
            .iter()
            .filter(|(_, _, listed_only)| !listed_only)
            .find(|(f, _, _)| c.unit_words(f.at + 1).first() == Some(head))
    {
        return Some(f.clone());
    }
    // Parts of two kinds or more, each one of the nouns the whole lists ("17 tập thể, cá
    // nhân: 6 tập thể và 11 cá nhân").
    if head.is_none()
        && let Some((f, _, _)) = candidates
            .iter()
            .find(|(f, _, _)| in_listed_nouns(c, f, parts))
    {
        return Some(f.clone());
    }
    candidates
        .into_iter()
        .filter(|(_, far, listed_only)| !far && !listed_only)
        .map(|(f, _, _)| f)
        .find(|f| {
            marker - f.at <= MAX_WHOLE_DISTANCE
                && f.at
                    .checked_sub(1)
                    .and_then(|j| c.word(j))
                    .is_none_or(|w| !PART_COMPARISON_WORDS.contains(w))
        })
}

/// The whole of parts after a "Trong đó" that opens its sentence: the last count of the
/// sentence before (see [`announced`]) that counts the same things as every part ("phường
/// có 30 đảng viên được nhận huy hiệu. Trong đó, có 4 đảng viên ..., 7 đồng chí ... và 19
/// đảng viên ...").
fn whole_in_sentence_before(c: &Cursor<'_>, marker: usize, parts: &[Part]) -> Option<FigureAt> {
    // The whole's noun as written ("đảng viên", not its head "đảng"): a noun of people
    // counts the same things as "đồng chí".
    let at = announced(c, marker).into_iter().rev().find_map(|(at, _)| {
        let noun = c.unit_words(at + 1);
        parts
            .iter()
            .all(|p| counts_same_things(&noun, &p.noun))
            .then_some(at)
    })?;
    let whole = c.figure_at(at)?;
    (!approximate(c, at) && !is_rate(c, at)).then_some(whole)
}

/// Words a label may have before a part's figure after "trong đó" ("cấp Trung ương 18 lượt
/// hộ", "trộm cắp tài sản 10 vụ").
const MAX_LABEL_WORDS: usize = 4;

/// Words of a capitalised label ("Khuyến khích 10").
const MAX_CAPITALISED_LABEL_WORDS: usize = 3;

/// How parts are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Labels {
    /// The figure first ("250 suất ...").
    None,
    /// One or two capitalised words ("Vàng 7").
    Capitalised,
    /// After "trong đó", a few words of any case ("cấp tỉnh 264 lượt hộ").
    Words,
}

/// A part's head at `k`: a figure (not a percentage), or a label then a figure. Returns the
/// figure's position.
fn part_at(c: &Cursor<'_>, k: usize, labels: Labels) -> Option<usize> {
    let capital =
        |j: usize| c.kind(j) == Some(TokenKind::Word) && c.doc.case(c.token(j)) != Case::Lower;
    let at = match labels {
        Labels::None => k,
        // "Vàng 7", "Huy chương Bạc 8", "Khuyến khích 10": a capitalised first word.
        Labels::Capitalised if capital(k) => (k + 1..=k + MAX_CAPITALISED_LABEL_WORDS)
            .take_while(|&j| c.kind(j - 1) == Some(TokenKind::Word))
            .find(|&j| c.kind(j) == Some(TokenKind::Number))?,
        Labels::Words => (k + 1..=k + MAX_LABEL_WORDS)
            .take_while(|&j| c.kind(j - 1) == Some(TokenKind::Word))
            .find(|&j| c.kind(j) == Some(TokenKind::Number))?,
        _ => return None,
    };
    let f = c.figure_at(at)?;
    (f.figure.value >= 0.0 && !c.is_punct(at + 1, "%") && !c.is_punct(at + 1, "/")).then_some(at)
}

/// The parts from `from`; `None` unless at least two are joined by a conjunction (or, for
/// labelled parts, run to the sentence's end; or, `bracketed`, run to the closing bracket).
fn parts_from(c: &Cursor<'_>, from: usize, within: bool, bracketed: bool) -> Option<Vec<Part>> {
    let labelled = c.kind(from) == Some(TokenKind::Word);
    let capitalised = if labelled {
        Labels::Capitalised
    } else {
        Labels::None
    };
    let (mut at, labelled) = match part_at(c, from, capitalised) {
        Some(at) => (at, capitalised),
        None if within && labelled => (part_at(c, from, Labels::Words)?, Labels::Words),
        None => return None,
    };
    let mut parts = Vec::new();
    let mut joined = false;
    // Labelled parts that stop at a separator not followed by a part ("Ba 8, Khuyến khích
    // 10" read no further than "Ba 8") are not known to be all the parts.
    let mut broken = false;
    let mut closed = false;
    // Parts split by semicolons in a bracket may be readings of one figure ("10 tấn (9,8
    // tấn Anh; 11 tấn thiếu)").
    let mut semicolon = false;
    // Parts parted by semicolons only, the last running to the sentence's end ("Trong đó,
    // có 3 đồng chí ...; 5 đồng chí ...; 4 đồng chí ..."), are all the parts stated.
    let mut by_comma = false;
    let mut at_end = false;
    loop {
        parts.push(Part {
            figure: c.figure_at(at)?,
            noun: c.unit_words(at + 1),
        });
        // The description runs to a separator followed by the next part.
        let mut k = at + 1;
        let mut depth = 0usize;
        let next = loop {
            if k >= c.len() {
                at_end = true;
                break None;
            }
            if k > at + MAX_PART_TOKENS {
                break None;
            }
            match c.punct(k) {
                Some("(") => depth += 1,
                Some(")") if depth > 0 => depth -= 1,
                Some(")") => {
                    closed = true;
                    break None;
                }
                Some("." | "!" | "?") => {
                    at_end = depth == 0;
                    break None;
                }
                Some(":") => break None,
                Some("," | ";") if depth == 0 && joined => break None,
                Some("," | ";") if depth == 0 => {
                    semicolon |= c.is_punct(k, ";");
                    let mut n = k + 1;
                    let and = c.word(n) == Some("và");
                    if and {
                        n += 1;
                    }
                    if let Some(p) = part_at(c, n, labelled).filter(|&q| !ages_a_part(c, &parts, q))
                    {
                        by_comma |= c.is_punct(k, ",");
                        break Some((p, and));
                    }
                    if c.is_punct(k, ";") {
                        broken = true;
                        break None;
                    }
                    if labelled != Labels::None {
                        broken = true;
                    }
                }
                _ => {}
            }
            if depth == 0
                && c.word(k) == Some("và")
                && let Some(p) = part_at(c, k + 1, labelled).filter(|&q| !ages_a_part(c, &parts, q))
            {
                break Some((p, true));
            }
            k += 1;
        };
        let Some((p, and)) = next else {
            break;
        };
        if joined {
            break;
        }
        joined |= and;
        at = p;
    }
    let to_sentence_end = labelled != Labels::None && parts.len() >= 3 && !broken;
    let to_bracket_end = bracketed && closed && !broken && !semicolon;
    let semicolon_run = semicolon && !by_comma && at_end && !broken && !bracketed;
    (parts.len() >= 2 && (joined || to_sentence_end || to_bracket_end || semicolon_run))
        .then_some(parts)
}

/// Whether the figure at `k` is a length of time in the description of parts that are not
/// ("3 đồng chí nhận huy hiệu 70 năm, 60 năm và 55 năm tuổi Đảng; 5 đồng chí ..."): the
/// description goes on, no new part starts there.
fn ages_a_part(c: &Cursor<'_>, parts: &[Part], k: usize) -> bool {
    let duration = |at: usize| c.quantity_at(at).is_some_and(|q| q.is_duration());
    duration(k) && parts.first().is_some_and(|p| !duration(p.figure.at))
}

/// Tokens a noun-led part's segment may hold (its label, figures and description).
const MAX_SEGMENT_TOKENS: usize = 16;

/// The same for a segment between semicolons ("đường thủy nội địa xảy ra 2 vụ, làm chết 1
/// người, bị thương 2 người;").
const MAX_SEMICOLON_SEGMENT_TOKENS: usize = 24;

/// The marker of a breakdown read by its whole's noun at `p`: its kind, where the marker
/// starts and where the parts start. Besides the markers of [`breakdowns`], "cụ thể"
/// before a colon ("Cụ thể: ...") announces all the parts.
fn noun_marker(c: &Cursor<'_>, p: usize) -> Option<(Marker, usize, usize)> {
    // Every position is asked: a number or a mark other than the colon is out at once.
    match c.kind(p) {
        Some(TokenKind::Word) => {}
        Some(TokenKind::Punct) if c.is_punct(p, ":") => return Some((Marker::Complete, p, p + 1)),
        _ => return None,
    }
    // "gồm cả chủ nhà": one of them named, not a split.
    if c.word_is(p, "gồm") && !c.word_is(p + 1, "cả") {
        let start = if c.word(p.saturating_sub(1)) == Some("bao") {
            p - 1
        } else {
            p
        };
        let mut from = p + 1;
        while c.word(from) == Some("có") || c.is_punct(from, ":") {
            from += 1;
        }
        return Some((Marker::Complete, start, from));
    }
    if c.word_is(p, "trong") && c.word(p + 1) == Some("đó") {
        let mut from = p + 2;
        while c.word(from) == Some("có") || c.is_punct(from, ",") {
            from += 1;
        }
        return Some((Marker::Within, p, from));
    }
    if c.word_is(p, "cụ") && c.word(p + 1) == Some("thể") && c.is_punct(p + 2, ":") {
        return Some((Marker::Complete, p, p + 3));
    }
    // "27,9 tỷ đồng: nguồn công đoàn 16,4 tỷ đồng, ..."; "trồng 412 ha rừng tập trung: keo
    // lai 356 ha, ...": a colon after a clause that states a count; the parts must then be
    // counted in its noun to the sentence's end.
    if c.is_punct(p, ":") {
        return Some((Marker::Complete, p, p + 1));
    }
    None
}

/// The figures that announce the parts at `marker`: those of its clause, or of the sentence
/// before when the marker opens a sentence ("thụ lý 742 vụ, việc. Trong đó, án hình sự 96
/// vụ ..."). A figure after a word of comparison, a time or a percentage is left out.
fn announced(c: &Cursor<'_>, marker: usize) -> Vec<(usize, Vec<String>)> {
    let sentence_end = |k: usize| matches!(c.punct(k), Some("." | "!" | "?"));
    let counts = |start: usize, end: usize| -> Vec<(usize, Vec<String>)> {
        (start..end)
            .filter(|&k| {
                c.kind(k) == Some(TokenKind::Number)
                    && !is_time_figure(c, k)
                    && !is_glued_figure(c, k)
                    && !compared(c, k)
            })
            .filter_map(|k| {
                let q = c.quantity_at(k)?;
                Some((k, q.head().to_vec()))
            })
            .collect()
    };
    let sentence_start = (0..marker)
        .rev()
        .find(|&k| sentence_end(k))
        .map_or(0, |k| k + 1);
    // "Các chi hội gồm ...", "Số máu tiếp nhận gồm ...": a clause of a few words naming the
    // whole's things, with no count of its own, before the marker.
    let named_start = (0..marker)
        .rev()
        .find(|&k| c.kind(k) != Some(TokenKind::Word))
        .map_or(0, |k| k + 1);
    // Only "gồm" after "các | những" and the whole's noun as written ("Các chi hội gồm" for
    // "19 chi hội"): a narrower subject ("Các hộ nghèo gồm" for "1.200 hộ") names a subset.
    let include = c.word(marker) == Some("gồm");
    let subject: Vec<String> = if include {
        (named_start..marker)
            .filter_map(|k| c.word(k).map(str::to_lowercase))
            .collect()
    } else {
        Vec::new()
    };
    let named_only = include
        && marker - named_start <= MAX_NAMING_WORDS
        && subject.len() >= 2
        && matches!(subject[0].as_str(), "các" | "những")
        && (named_start == sentence_start || c.is_punct(named_start - 1, ";"));
    let named = |found: Vec<(usize, Vec<String>)>| -> Vec<(usize, Vec<String>)> {
        found
            .into_iter()
            .filter(|(k, _)| c.unit_words(k + 1) == subject[1..])
            .collect()
    };
    if named_only && named_start > sentence_start {
        // "...; các tờ trình gồm ...": the clauses before in the sentence.
        return named(counts(sentence_start, named_start - 1));
    }
    if c.opens_sentence(marker) || named_only {
        // The sentence before, or the one before it when that one only compares ("xảy ra 118
        // vụ ... . So với cùng kỳ, giảm 14 vụ ... . Trong đó, ...").
        let mut end = sentence_start;
        for _ in 0..MAX_SENTENCES_BACK {
            let Some(e) = (0..end).rev().find(|&k| sentence_end(k)) else {
                return Vec::new();
            };
            let start = (0..e).rev().find(|&k| sentence_end(k)).map_or(0, |k| k + 1);
            let found = counts(start, e);
            let compares =
                (start..e).any(|k| c.kind(k) == Some(TokenKind::Number) && compared(c, k));
            if !found.is_empty() || !compares {
                return if named_only { named(found) } else { found };
            }
            end = start;
        }
        return Vec::new();
    }
    let (start, end) = {
        let clause_end = |k: usize| sentence_end(k) || matches!(c.punct(k), Some(";" | ":"));
        // "xét xử 88 vụ, 124 bị cáo; trong đó ...": the clause before a semicolon.
        let end = if marker > 0 && c.is_punct(marker - 1, ";") {
            marker - 1
        } else {
            marker
        };
        let start = (0..end).rev().find(|&k| clause_end(k)).map_or(0, |k| k + 1);
        (start, end)
    };
    counts(start, end)
}

/// Words of a clause that names the whole's things before its marker ("Các báo cáo gồm").
const MAX_NAMING_WORDS: usize = 6;

/// Sentences looked back for the whole of a marker that opens its sentence: the one before,
/// and one more when that one only compares.
const MAX_SENTENCES_BACK: usize = 2;

/// Words after a figure that make it a label's number, not a count ("khối 10 có 12 lớp",
/// "tuổi 70 là 118 cụ").
const LABEL_FOLLOWERS: [&str; 4] = ["có", "là", "được", "đạt"];

/// Whether the figure at `k` numbers the word before it ("lớp 10,", "khối 10 có", "tuổi 70
/// có"): a label, not a count.
fn is_label_figure(c: &Cursor<'_>, k: usize) -> bool {
    let Some(before) = k.checked_sub(1).and_then(|j| c.word(j)) else {
        return false;
    };
    if PART_COMPARISON_WORDS.contains(before) {
        return false;
    }
    let unit = c.unit_words(k + 1);
    match unit.first() {
        None => !c.is_punct(k + 1, "%") && NUMBER_LABEL_WORDS.contains(&before.to_lowercase()),
        Some(w) => LABEL_FOLLOWERS.contains(&w.as_str()),
    }
}

/// Whether the figure at `k` follows a word of comparison or bound ("tăng 20 hộ").
fn compared(c: &Cursor<'_>, k: usize) -> bool {
    k.checked_sub(1)
        .and_then(|j| c.word(j))
        .is_some_and(|w| PART_COMPARISON_WORDS.contains(w))
}

/// The parts counted in `head` from `from` to the sentence's end: one figure of that noun in
/// each segment (segments parted by ";", or else by "," and "và"; a segment with no figure
/// is a label going on into the next: "án hôn nhân và gia đình 287 vụ"). Other figures are
/// allowed only in the nouns of the other announced figures ("12 vụ, 17 bị can; 7 vụ, 9
/// bị can"). A "và" after a part closes the list at the next separator. `None` unless every
/// segment reads so and there are two parts at least.
fn parts_by_noun(
    c: &Cursor<'_>,
    from: usize,
    head: &[String],
    partners: &[Vec<String>],
) -> Option<(Vec<Part>, bool)> {
    let end = (from..c.len())
        .find(|&k| matches!(c.punct(k), Some("." | "!" | "?" | ":")))
        .unwrap_or(c.len());
    // "khối 10 có 12 lớp, ... và khối 12 có 11 lớp; mỗi lớp ...": parts joined by "và" end
    // at the semicolon after them.
    let end = match (from..end).find(|&k| c.is_punct(k, ";")) {
        Some(semi)
            if (from..semi).any(|k| c.word(k) == Some("và"))
                && (from..semi)
                    .filter(|&k| {
                        c.kind(k) == Some(TokenKind::Number)
                            && c.quantity_at(k).is_some_and(|q| q.head() == head)
                    })
                    .nth(1)
                    .is_some() =>
        {
            semi
        }
        _ => end,
    };
    let semicolons = (from..end).any(|k| c.is_punct(k, ";"));
    let mut parts: Vec<Part> = Vec::new();
    let mut in_segment = false; // the current segment has its head-noun part
    let mut figures = 0usize; // figures in the current segment
    let mut seg_start = from;
    let mut closing = false;
    let mut depth = 0usize;
    let mut k = from;
    // "số còn lại", "13 căn còn lại": the parts name the rest, so they are all of it.
    let mut rest = false;
    let mut first_labelled: Option<bool> = None;
    while k < end {
        rest |= c.word(k) == Some("còn") && c.word(k + 1) == Some("lại");
        let separator = depth == 0
            && (c.is_punct(k, ";")
                || !semicolons && (c.is_punct(k, ",") || c.word(k) == Some("và")));
        if separator {
            if figures > 0 {
                if closing {
                    break;
                }
                // "A, B và C": after a part, "và" closes the list at the next separator.
                closing |= c.word(k) == Some("và") && !semicolons;
                in_segment = false;
                figures = 0;
                seg_start = k + 1;
            }
            k += 1;
            continue;
        }
        // Segments parted by semicolons are marked as such and may run longer.
        let longest = if semicolons {
            MAX_SEMICOLON_SEGMENT_TOKENS
        } else {
            MAX_SEGMENT_TOKENS
        };
        if k >= seg_start + longest {
            return None;
        }
        match c.punct(k) {
            Some("(") => depth += 1,
            Some(")") if depth > 0 => depth -= 1,
            // The marker was inside brackets that close here: the parts are not all read.
            Some(")") => return None,
            _ => {}
        }
        if depth == 0
            && c.kind(k) == Some(TokenKind::Number)
            && !is_glued_figure(c, k)
            && !is_time_figure(c, k)
        {
            if c.is_punct(k + 1, "%") {
                k += 2;
                continue;
            }
            let q = c.quantity_at(k)?;
            // "khối 10 có 12 lớp", "trên 90 tuổi có 8 cụ": a figure of the label.
            if q.head() != head && (is_label_figure(c, k) || compared(c, k)) {
                k += 1;
                continue;
            }
            figures += 1;
            if q.head() == head {
                if in_segment || approximate(c, k) {
                    return None;
                }
                in_segment = true;
                // Parts share a form: all figure-first, or all after a label ("9 lần liên
                // tiếp ..., và hiện giữ kỷ lục về 9 lần" is no second part).
                let labelled = k > seg_start;
                if *first_labelled.get_or_insert(labelled) != labelled {
                    return None;
                }
                parts.push(Part {
                    figure: q.figure.clone(),
                    noun: c.unit_words(k + 1),
                });
            } else if !partners.iter().any(|p| p.as_slice() == q.head()) {
                return None;
            }
        }
        k += 1;
    }
    // An open list ("như", "khác") is not all the parts.
    let open = || (from..end).any(|k| opens_list(c, k));
    (parts.len() >= 2 && !open()).then_some((parts, rest))
}

/// Breakdowns read by the whole's noun: after "gồm", "trong đó" or "Cụ thể:", the parts
/// counted in the noun of a figure the clause (or the sentence before) announces, with
/// labels of any length before them and other announced nouns beside them ("khởi tố 23 vụ,
/// 31 bị can. Cụ thể: ma túy 12 vụ, 17 bị can; trộm cắp 7 vụ, 9 bị can; ...").
fn noun_breakdowns(c: &Cursor<'_>, markers: &[usize], out: &mut Vec<Breakdown>) {
    for &p in markers {
        let Some((marker, start, from)) = noun_marker(c, p) else {
            continue;
        };
        // Two parts at least: two figures before the sentence ends (most colons have none).
        let figures_after = (from..c.len())
            .take_while(|&k| !ends_sentence(c, k))
            .filter(|&k| c.kind(k) == Some(TokenKind::Number))
            .nth(1);
        if figures_after.is_none() {
            continue;
        }
        let wholes = announced(c, start);
        // A colon after a clause that picks the largest ("dài nhất là hai con sông:") lists
        // a selection, not a split.
        let clause_start = (0..start)
            .rev()
            .find(|&k| matches!(c.punct(k), Some("." | "!" | "?" | ";" | ":")))
            .map_or(0, |k| k + 1);
        if c.is_punct(start, ":") && (clause_start..start).any(|k| c.word(k) == Some("nhất")) {
            continue;
        }
        let heads: Vec<Vec<String>> = wholes.iter().map(|(_, h)| h.clone()).collect();
        // The nearest figure of a noun is the whole its parts break down.
        let mut tried: Vec<&Vec<String>> = Vec::new();
        for (at, head) in wholes.iter().rev() {
            if tried.contains(&head) {
                continue;
            }
            tried.push(head);
            let Some((parts, rest)) = parts_by_noun(c, from, head, &heads) else {
                continue;
            };
            let marker = if rest { Marker::Complete } else { marker };
            let Some(whole) = c.figure_at(*at) else {
                continue;
            };
            if approximate(c, *at) || is_rate(c, *at) {
                continue;
            }
            if !out.iter().any(|b| b.whole.span == whole.span) {
                out.push(Breakdown {
                    whole,
                    noun: c.unit_words(at + 1),
                    marker,
                    parts,
                });
            }
        }
    }
}

/// Words that make a figure approximate ("khoảng 42.000 km", "gần 80 hộ"): no sum of parts
/// can contradict it.
const APPROXIMATE_WORDS: [&str; 6] = ["khoảng", "gần", "ước", "xấp", "chừng", "độ"];

/// Whether the figure at `k` is approximate or a bound.
fn approximate(c: &Cursor<'_>, k: usize) -> bool {
    compared(c, k)
        || k.checked_sub(1)
            .and_then(|j| c.word(j))
            .is_some_and(|w| APPROXIMATE_WORDS.contains(&w.to_lowercase().as_str()))
        || k >= 2 && c.word_is(k - 2, "xấp")
}

/// Whether the figure at `k` is a rate ("200 người/km²"), which parts do not sum to.
fn is_rate(c: &Cursor<'_>, k: usize) -> bool {
    c.quantity_at(k)
        .is_some_and(|q| q.unit.iter().any(|w| w == "/"))
}

/// Words that set counts against each other rather than split a whole ("tăng", "so với").
const CHANGE_WORDS: [&str; 5] = ["tăng", "giảm", "so", "thêm", "hơn"];

/// "được phân bổ 64 căn nhà. Đến nay đã hoàn thành 51 căn; 13 căn còn lại đang thi công":
/// a count said to be the rest ("N X còn lại") completes a split of the first count of its
/// noun in its sentence or the one before; the parts are the later counts of that noun to
/// the end of the rest's sentence ("22 dự án đã hoàn thành, 6 dự án còn lại ... và 2 dự
/// án ...").
fn remainders(c: &Cursor<'_>, out: &mut Vec<Breakdown>) {
    let sentence_end = |k: usize| matches!(c.punct(k), Some("." | "!" | "?"));
    for r in 0..c.len() {
        // Only a figure a few words before "còn lại" can be the rest, or one right after it
        // ("đã giải quyết 468 vụ, còn lại 44 vụ").
        if c.kind(r) != Some(TokenKind::Number) {
            continue;
        }
        let rest_at = |k: usize| c.word_is(k, "còn") && c.word_is(k + 1, "lại");
        let after_rest = r >= 2 && rest_at(r - 2);
        if !(after_rest || (r + 2..r + 5).any(rest_at)) {
            continue;
        }
        let Some(rest) = c.quantity_at(r) else {
            continue;
        };
        if !after_rest && !(r + 1..=rest.end).any(rest_at) {
            continue;
        }
        let head = rest.head().to_vec();
        let own = (0..r).rev().find(|&k| sentence_end(k));
        let from = own
            .and_then(|e| {
                (0..e)
                    .rev()
                    .find(|&k| sentence_end(k))
                    .map(|k| k + 1)
                    .or(Some(0))
            })
            .unwrap_or(0);
        let to = (r..c.len()).find(|&k| sentence_end(k)).unwrap_or(c.len());
        if (from..to).any(|k| c.word(k).is_some_and(|w| CHANGE_WORDS.contains(&w))) {
            continue;
        }
        let same: Vec<usize> = (from..to)
            .filter(|&k| {
                !is_time_figure(c, k)
                    && !is_glued_figure(c, k)
                    && !compared(c, k)
                    && !c.is_punct(k + 1, "%")
                    && c.quantity_at(k).is_some_and(|q| q.head() == head)
            })
            .collect();
        // The whole is the first, or the one "trong (tổng) số" names, or a restatement of
        // it ("... 30 dự án. Trong số 30 dự án, ...").
        let named = same
            .iter()
            .rposition(|&k| k >= 2 && c.word(k - 1) == Some("số") && c.word_is(k - 2, "trong"));
        let mut first = named.unwrap_or(0);
        let value = |k: usize| c.figure_at(k).map(|f| f.figure.value);
        while first + 1 < same.len() && value(same[first]) == value(same[first + 1]) {
            first += 1;
        }
        let Some((&whole_at, parts)) = same[first..].split_first() else {
            continue;
        };
        if after_rest {
            // "thụ lý 512 vụ; đã giải quyết 468 vụ, còn lại 44 vụ": the rest completes the
            // count done just before it (after its verb), and both split the count before
            // that, all in one sentence.
            let Some(at) = same.iter().position(|&k| k == r) else {
                continue;
            };
            let own_start = own.map_or(0, |e| e + 1);
            if at < 2 || same[at - 2] < own_start {
                if same.len() == 1 {
                    out.extend(fraction_rest(c, from, r, &head));
                }
                continue;
            }
            let done = same[at - 1];
            if c.kind(done - 1) != Some(TokenKind::Word) || compared(c, done) {
                continue;
            }
            let Some(whole) = c.figure_at(same[at - 2]) else {
                continue;
            };
            if !out.iter().any(|b| b.whole.span == whole.span) {
                out.push(Breakdown {
                    whole,
                    noun: c.unit_words(same[at - 2] + 1),
                    marker: Marker::Complete,
                    parts: [done, r].iter().filter_map(|&k| part(c, k)).collect(),
                });
            }
            continue;
        }
        if same.len() == 1 {
            out.extend(fraction_rest(c, from, r, &head));
            continue;
        }
        if parts.len() < 2 || whole_at >= r {
            continue;
        }
        let Some(whole) = c.figure_at(whole_at) else {
            continue;
        };
        if out.iter().any(|b| b.whole.span == whole.span) {
            continue;
        }
        let parts: Vec<Part> = parts
            .iter()
            .filter_map(|&k| {
                Some(Part {
                    figure: c.figure_at(k)?,
                    noun: c.unit_words(k + 1),
                })
            })
            .collect();
        out.push(Breakdown {
            whole,
            noun: c.unit_words(whole_at + 1),
            marker: Marker::Complete,
            parts,
        });
    }
}

/// "đã đạt 12/16 tiêu chí. Còn lại 4 tiêu chí ...": the rest at `r`, the only count of
/// its noun `head` in its sentence and the one before (from `from`), completes a fraction of
/// that noun there: the fraction's top and the rest make up its bottom.
fn fraction_rest(c: &Cursor<'_>, from: usize, r: usize, head: &[String]) -> Option<Breakdown> {
    let mut fractions = (from..r.saturating_sub(2)).filter(|&k| {
        c.is_punct(k + 1, "/")
            && c.touching(k)
            && c.touching(k + 1)
            && !(k > 0 && c.is_punct(k - 1, "/"))
            && !c.is_punct(k + 3, "/")
            && c.unit_words(k + 3).first() == head.first()
    });
    let top = fractions.next()?;
    if fractions.next().is_some() {
        return None;
    }
    let count = |k: usize| {
        c.figure_at(k)
            .filter(|f| f.figure.decimals == 0 && !f.figure.ambiguous)
    };
    let (numerator, whole, rest) = (count(top)?, count(top + 2)?, count(r)?);
    if numerator.figure.value > whole.figure.value {
        return None;
    }
    Some(Breakdown {
        whole,
        noun: c.unit_words(top + 3),
        marker: Marker::Complete,
        parts: vec![
            Part {
                figure: numerator,
                noun: c.unit_words(top + 3),
            },
            Part {
                figure: rest,
                noun: c.unit_words(r + 1),
            },
        ],
    })
}

/// The part a list line states after its label: "Sinh viên đỗ đại học: 40 suất;",
/// "Giải Nhất: 1 giải", "Đơn vị máu 250 ml: 198;" — the one figure after the line's last
/// colon, with its noun if any, then nothing but a closing mark.
fn labelled_line(c: &Cursor<'_>, from: usize, to: usize) -> Option<Part> {
    let colon = (from..to).rev().find(|&k| c.is_punct(k, ":"))?;
    let at = colon + 1;
    if c.kind(at) != Some(TokenKind::Number) || c.is_punct(at + 1, "%") || is_glued_figure(c, at) {
        return None;
    }
    let noun = c.unit_words(at + 1);
    let after = at + 1 + noun.len();
    if !(after..to).all(|k| matches!(c.punct(k), Some(";" | "." | ","))) {
        return None;
    }
    Some(Part {
        figure: c.figure_at(at)?,
        noun,
    })
}

/// The part a list line states with its figure first, after the line's marker: "- 2 giải
/// Nhất;", "- 35 em lớp 6A." — one figure, its noun, then words and a closing mark only.
fn leading_figure_line(c: &Cursor<'_>) -> Option<Part> {
    let at = (0..c.len()).find(|&k| c.kind(k) != Some(TokenKind::Punct))?;
    // The bullet at most ("-", "•"); a numbered line's figure is its number.
    if at > 1 || c.kind(at) != Some(TokenKind::Number) || c.is_punct(at + 1, "%") {
        return None;
    }
    if matches!(c.punct(at + 1), Some("." | ")")) || is_glued_figure(c, at) {
        return None;
    }
    let noun = c.unit_words(at + 1);
    if noun.is_empty() {
        return None;
    }
    let tail = at + 1 + noun.len();
    // "- 01 giải Nhất, trị giá 2.000.000 đồng.": a description may price or measure the
    // part; a second count on the line would be another part, so none is read.
    let measured = |k: usize| {
        c.word(k + 1)
            .is_some_and(|w| MEASURE_UNITS.contains(w) || PRICE_WORDS.contains(&w))
    };
    let described = (tail..c.len()).all(|k| match c.kind(k) {
        Some(TokenKind::Word) => true,
        Some(TokenKind::Punct) if k + 1 == c.len() => matches!(c.punct(k), Some(";" | "." | ",")),
        Some(TokenKind::Punct) => matches!(c.punct(k), Some("," | ":" | "/")),
        Some(TokenKind::Number) => k > tail && measured(k),
        _ => false,
    });
    described.then(|| {
        Some(Part {
            figure: c.figure_at(at)?,
            noun,
        })
    })?
}

/// "Ban Tổ chức trao 22 giải như sau:" then lines "Giải Nhất: 1 giải;" ...: a block that
/// ends with a colon, then list lines (or the lines of one paragraph, parted by
/// semicolons) that each state a labelled part. The whole is the last count of the parts'
/// noun in the colon's block or, when the lines name no noun, the last count of the
/// colon's sentence.
pub fn line_breakdown(doc: &Document, at: usize, sig: &[usize]) -> Option<Breakdown> {
    let c = Cursor::new(doc, sig);
    let colon = sig.len().checked_sub(1)?;
    if !c.is_punct(colon, ":") {
        return None;
    }
    let mut parts = Vec::new();
    let next = doc.blocks.get(at + 1)?;
    if next.kind == BlockKind::ListItem {
        for block in doc.blocks[at + 1..]
            .iter()
            .take_while(|b| b.kind == BlockKind::ListItem && same_marker_kind(doc, next, b))
        {
            let line = non_space_tokens(doc, block);
            let l = Cursor::new(doc, &line);
            parts.push(labelled_line(&l, 0, l.len()).or_else(|| leading_figure_line(&l))?);
        }
    } else {
        // Plain lines: one paragraph each, or several in one (parted by semicolons); the
        // lines run while every segment states a labelled part.
        for block in doc.blocks[at + 1..]
            .iter()
            .take_while(|b| b.kind == BlockKind::Paragraph)
        {
            let line = non_space_tokens(doc, block);
            let l = Cursor::new(doc, &line);
            let mut read = Vec::new();
            let mut start = 0;
            for k in 0..=l.len() {
                if k == l.len() || l.is_punct(k, ";") {
                    if k > start {
                        read.push(labelled_line(&l, start, (k + 1).min(l.len())));
                    }
                    start = k + 1;
                }
            }
            if read.is_empty() || read.iter().any(Option::is_none) {
                break;
            }
            parts.extend(read.into_iter().flatten());
        }
    }
    if parts.len() < 2 {
        return None;
    }
    let head = parts[0].noun.first().cloned();
    if parts.iter().any(|p| p.noun.first() != head.as_ref()) {
        return None;
    }
    let sentence_start = (0..colon)
        .rev()
        .find(|&k| matches!(c.punct(k), Some("." | "!" | "?")))
        .map_or(0, |k| k + 1);
    let from = if head.is_some() { 0 } else { sentence_start };
    let whole_at = (from..colon).rev().find(|&k| {
        !is_time_figure(&c, k)
            && !compared(&c, k)
            && c.quantity_at(k)
                .is_some_and(|q| head.is_none() || q.head().first() == head.as_ref())
    })?;
    Some(Breakdown {
        whole: c.figure_at(whole_at)?,
        noun: c.unit_words(whole_at + 1),
        marker: Marker::Complete,
        parts,
    })
}

/// Every breakdown of a block's run of non-space tokens.
pub fn breakdowns(c: &Cursor<'_>) -> Vec<Breakdown> {
    let mut out = Vec::new();
    // Most runs hold no marker at all: one pass finds which readings can apply, and where.
    let cues = Cues::of(c);
    if !cues.markers.is_empty() {
        marked_breakdowns(c, &cues.markers, &mut out);
        noun_breakdowns(c, &cues.markers, &mut out);
    }
    if cues.rest {
        remainders(c, &mut out);
    }
    if cues.total {
        closing_totals(c, &mut out);
    }
    if cues.bracket {
        bracketed_parts(c, &mut out);
    }
    out
}

/// The words and marks each reading of [`breakdowns`] starts from, found in one pass; a
/// reading whose cue is absent cannot find anything. Every breakdown's whole is a number.
#[derive(Default)]
struct Cues {
    /// Where a marker may stand, in order: "gồm", "trong" before "đó" or "số", "cụ" before
    /// "thể", ":" (the marked and the noun readings start nowhere else).
    markers: Vec<usize>,
    /// "còn lại" (remainders).
    rest: bool,
    /// "tổng" after a comma or semicolon (closing totals).
    total: bool,
    /// "(" (bracketed parts).
    bracket: bool,
}

impl Cues {
    fn of(c: &Cursor<'_>) -> Cues {
        let mut cues = Cues::default();
        let mut number = false;
        let text = c.doc.text.as_bytes();
        for (k, &i) in c.tokens.iter().enumerate() {
            let token = &c.doc.tokens[i];
            match token.kind() {
                TokenKind::Number => number = true,
                // A mark is one character: an ASCII byte is the whole mark.
                TokenKind::Punct => match text[token.start()] {
                    b':' => cues.markers.push(k),
                    b'(' => {
                        cues.bracket = true;
                        // "06 giải (01 giải Nhất, ...)": parts in a bracket.
                        if c.kind(k + 1) == Some(TokenKind::Number) {
                            cues.markers.push(k);
                        }
                    }
                    _ => {}
                },
                // Only words of the cues' lengths and first letters are read.
                TokenKind::Word
                    if matches!(token.byte_len(), 4..=6)
                        && matches!(text[token.start()] | 0x20, b'g' | b't' | b'c') =>
                {
                    match c.word(k) {
                        Some("gồm") => cues.markers.push(k),
                        Some("trong") if matches!(c.word(k + 1), Some("đó" | "số")) => {
                            cues.markers.push(k);
                        }
                        Some("cụ") if c.word(k + 1) == Some("thể") => cues.markers.push(k),
                        Some("còn") if c.word(k + 1) == Some("lại") => cues.rest = true,
                        Some("tổng") if k > 0 && matches!(c.punct(k - 1), Some("," | ";")) => {
                            cues.total = true;
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        if !number {
            return Cues::default();
        }
        cues
    }
}

/// Breakdowns after "gồm", "trong đó", "trong số đó" or a colon, the whole before the
/// marker.
fn marked_breakdowns(c: &Cursor<'_>, markers: &[usize], out: &mut Vec<Breakdown>) {
    for &p in markers {
        // "trong đó", "trong số đó": how many words the phrase takes.
        let within = c.within_that_len(p);
        let (marker, colon, from) = if c.word_is(p, "gồm") {
            let mut from = p + 1;
            if c.word(from) == Some("có") || c.is_punct(from, ":") {
                from += 1;
            }
            let before = if c.word(p.saturating_sub(1)) == Some("bao") {
                p - 1
            } else {
                p
            };
            (Marker::Complete, before, from)
        } else if within == Some(2) {
            // "trong đó, 15 ...", "trong đó: 523 hộ nghèo, 357 hộ cận nghèo".
            let mut from = p + 2 + usize::from(c.is_punct(p + 2, ",") || c.is_punct(p + 2, ":"));
            from += usize::from(c.word(from) == Some("có"));
            (Marker::Within, p, from)
        } else if within == Some(3) {
            let from = p + 3 + usize::from(c.word(p + 3) == Some("có"));
            (Marker::Within, p, from)
        } else if c.is_punct(p, ":") {
            (Marker::Complete, p, p + 1)
        } else if c.is_punct(p, "(") && c.kind(p + 1) == Some(TokenKind::Number) {
            // "06 giải cá nhân (01 giải Nhất, ... và 03 giải Khuyến khích)": parts in a
            // bracket, read as within the whole (they may be some of it).
            (Marker::Within, p, p + 1)
        } else {
            continue;
        };
        let is_colon = c.is_punct(colon, ":");
        // "... có 30 đảng viên được nhận huy hiệu. Trong đó, có 4 đảng viên ...": a marker
        // opening its sentence points back to the sentence before.
        // Labelled parts there ("Trong đó, án hình sự 96 vụ, ...") are read by their noun
        // ([`noun_breakdowns`]).
        let opens = marker == Marker::Within
            && c.opens_sentence(p)
            && c.kind(from) == Some(TokenKind::Number);
        let candidates = if opens {
            Vec::new()
        } else {
            wholes_before(c, colon, is_colon)
        };
        if candidates.is_empty() && !opens {
            continue;
        }
        let bracketed = c.is_punct(colon, "(") || colon > 0 && c.is_punct(colon - 1, "(");
        let Some(parts) = parts_from(c, from, marker == Marker::Within, bracketed) else {
            continue;
        };
        let whole = if opens {
            whole_in_sentence_before(c, p, &parts)
        } else {
            pick_whole(c, candidates, &parts, colon)
        };
        let Some(whole) = whole else {
            continue;
        };
        // A colon announces a breakdown only right after the whole's noun, or before parts
        // in the nouns the whole lists.
        if is_colon && c.kind(from) != Some(TokenKind::Word) && !in_listed_nouns(c, &whole, &parts)
        {
            continue;
        }
        let noun = c.unit_words(whole.at + 1);
        // A bracket's parts count the whole's own things ("3 chi đoàn (9 đoàn viên ...)" is
        // no split of the branches).
        if bracketed && !parts.iter().all(|p| counts_same_things(&noun, &p.noun)) {
            continue;
        }
        // Labelled parts ("Vàng 7") count the whole's noun, not the labels' own things.
        if c.kind(from) == Some(TokenKind::Word)
            && parts
                .iter()
                .any(|p| !p.noun.is_empty() && p.noun.first() != noun.first())
        {
            continue;
        }
        // Measured wholes are split in their own unit ("325 tỷ đồng, gồm 200 tỷ đồng ...").
        let unit = |n: &[String]| n.first().filter(|w| MEASURE_UNITS.contains(w)).cloned();
        let whole_unit = unit(&noun);
        if parts.iter().any(|p| unit(&p.noun) != whole_unit) {
            continue;
        }
        out.push(Breakdown {
            whole,
            noun,
            marker,
            parts,
        });
    }
}

/// Whether the token at `k` ends a sentence.
fn ends_sentence(c: &Cursor<'_>, k: usize) -> bool {
    matches!(c.punct(k), Some("." | "!" | "?"))
}

/// A count of `head` at `k` that may be a whole or a part: not a time, a name's number, a
/// percentage or a bound.
fn counts_head(c: &Cursor<'_>, k: usize, head: &[String]) -> bool {
    c.kind(k) == Some(TokenKind::Number)
        && !is_time_figure(c, k)
        && !is_glued_figure(c, k)
        && !compared(c, k)
        && !is_label_figure(c, k)
        && !approximate(c, k)
        && !is_rate(c, k)
        && c.quantity_at(k).is_some_and(|q| q.head() == head)
}

/// The part at `k`, with its noun.
fn part(c: &Cursor<'_>, k: usize) -> Option<Part> {
    Some(Part {
        figure: c.figure_at(k)?,
        noun: c.unit_words(k + 1),
    })
}

/// "Chi phí thuốc 38 triệu đồng, chi phí xét nghiệm 17 triệu đồng, tổng cộng 55 triệu
/// đồng": a total after a separator ("tổng cộng", "tổng số", "tổng") sums the counts of its
/// noun stated before it in its clause run (from the sentence's start or its last colon or
/// marker), one per segment. Silent when the sentence compares or changes.
fn closing_totals(c: &Cursor<'_>, out: &mut Vec<Breakdown>) {
    for t in 1..c.len() {
        if !(c.word_is(t, "tổng") && matches!(c.punct(t - 1), Some("," | ";"))) {
            continue;
        }
        let mut at = t + 1;
        if matches!(c.word(at), Some("cộng" | "số")) {
            at += 1;
        }
        if c.word(at) == Some("là") || c.is_punct(at, ":") {
            at += 1;
        }
        let exact = !is_time_figure(c, at) && !approximate(c, at) && !is_rate(c, at);
        let Some(total) = c.quantity_at(at).filter(|_| exact) else {
            continue;
        };
        let head = total.head().to_vec();
        let start = (0..t)
            .rev()
            .find(|&k| ends_sentence(c, k) || c.is_punct(k, ":") || noun_marker(c, k).is_some())
            .map_or(0, |k| k + 1);
        let end = (at..c.len())
            .find(|&k| ends_sentence(c, k))
            .unwrap_or(c.len());
        if (start..end).any(|k| c.word(k).is_some_and(|w| CHANGE_WORDS.contains(&w))) {
            continue;
        }
        let found: Vec<usize> = (start..t).filter(|&k| counts_head(c, k, &head)).collect();
        // One part per segment: a separator between each two.
        let separated = found.windows(2).all(|w| {
            (w[0] + 1..w[1])
                .any(|k| matches!(c.punct(k), Some("," | ";")) || c.word(k) == Some("và"))
        });
        if found.len() < 2 || !separated {
            continue;
        }
        let Some(whole) = c.figure_at(at) else {
            continue;
        };
        if out.iter().any(|b| b.whole.span == whole.span) {
            continue;
        }
        let parts: Vec<Part> = found.iter().filter_map(|&k| part(c, k)).collect();
        out.push(Breakdown {
            whole,
            noun: c.unit_words(at + 1),
            marker: Marker::Complete,
            parts,
        });
    }
}

/// "190 hộ ..., thuộc 3 xã: Ia Rmok (72 hộ), Chư Drăng (65 hộ) và Ia Hdreh (53 hộ)": items
/// each followed by its count in brackets, the brackets holding only the count and its
/// noun. They split the last count of that noun before them in the sentence or, failing
/// that, in the sentence before; completely unless after "trong đó" (then within).
fn bracketed_parts(c: &Cursor<'_>, out: &mut Vec<Breakdown>) {
    let mut k = 0;
    while k < c.len() {
        // The first bracket of a run: "( N noun )".
        let Some(first) = bracket_count(c, k) else {
            k += 1;
            continue;
        };
        let head = c
            .quantity_at(k + 1)
            .map(|q| q.head().to_vec())
            .unwrap_or_default();
        let mut found = vec![k + 1];
        let mut close = first;
        // The next bracket after an item: a separator, then a few words, then the bracket.
        while let Some(sep) = (close + 1..c.len().min(close + 3))
            .find(|&j| matches!(c.punct(j), Some("," | ";")) || c.word(j) == Some("và"))
        {
            let next = (sep + 1..c.len().min(sep + 1 + MAX_BRACKETED_ITEM_TOKENS))
                .take_while(|&j| !matches!(c.punct(j), Some("." | "!" | "?" | ":" | ";" | ")")))
                .find(|&j| c.is_punct(j, "("));
            let Some(open) = next else {
                break;
            };
            let Some(end) = bracket_count(c, open) else {
                break;
            };
            if c.quantity_at(open + 1).map(|q| q.head().to_vec()) != Some(head.clone()) {
                break;
            }
            found.push(open + 1);
            close = end;
        }
        k = close + 1;
        if found.len() < 2 {
            continue;
        }
        let sentence_start = (0..found[0])
            .rev()
            .find(|&j| ends_sentence(c, j))
            .map_or(0, |j| j + 1);
        if (sentence_start..found[0]).any(|j| opens_list(c, j)) {
            continue;
        }
        // The items must be all of them: a colon after a count of the items that agrees
        // with them ("thuộc 3 xã: A (72 hộ), B (65 hộ) và C (53 hộ)"); a bare run may be
        // the largest few ("tập trung tại các tỉnh: A (15.174 người), B (7.632 người)").
        let Some(colon) = (sentence_start..found[0])
            .rev()
            .find(|&j| c.is_punct(j, ":"))
        else {
            continue;
        };
        let items = (colon.saturating_sub(MAX_UNIT_WORDS + 1)..colon)
            .find(|&j| c.quantity_at(j).is_some_and(|q| q.end == colon))
            .and_then(|j| c.figure_at(j));
        if items.is_none_or(|f| f.figure.value != found.len() as f64) {
            continue;
        }
        let within = (sentence_start..found[0])
            .any(|j| noun_marker(c, j).is_some_and(|(m, _, _)| m == Marker::Within));
        let whole_in =
            |from: usize, to: usize| (from..to).rev().find(|&j| counts_head(c, j, &head));
        let whole_at = whole_in(sentence_start, found[0]).or_else(|| {
            let end = sentence_start.checked_sub(1)?;
            let start = (0..end)
                .rev()
                .find(|&j| ends_sentence(c, j))
                .map_or(0, |j| j + 1);
            whole_in(start, end)
        });
        let Some(whole_at) = whole_at else {
            continue;
        };
        let Some(whole) = c.figure_at(whole_at) else {
            continue;
        };
        if out.iter().any(|b| b.whole.span == whole.span) {
            continue;
        }
        out.push(Breakdown {
            whole,
            noun: c.unit_words(whole_at + 1),
            marker: if within {
                Marker::Within
            } else {
                Marker::Complete
            },
            parts: found.iter().filter_map(|&j| part(c, j)).collect(),
        });
    }
}

/// Unit words between the items' count and the colon ("3 xã:").
const MAX_UNIT_WORDS: usize = 3;

/// Tokens of an item before its bracketed count ("Chư Drăng (65 hộ)").
const MAX_BRACKETED_ITEM_TOKENS: usize = 8;

/// "(72 hộ)" at `open`: a bracket holding a count and its noun only; the closing bracket's
/// position.
fn bracket_count(c: &Cursor<'_>, open: usize) -> Option<usize> {
    if !c.is_punct(open, "(") || c.kind(open + 1) != Some(TokenKind::Number) {
        return None;
    }
    if is_time_figure(c, open + 1) {
        return None;
    }
    let q = c.quantity_at(open + 1)?;
    if q.is_duration() || q.unit.iter().any(|w| w == "/") || !c.is_punct(q.end, ")") {
        return None;
    }
    Some(q.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn read(text: &str) -> Vec<(f64, Vec<f64>)> {
        let doc = Document::from_text(text);
        let sig: Vec<usize> = doc.blocks[0]
            .tokens
            .clone()
            .filter(|&i| doc.tokens[i].kind() != TokenKind::Space)
            .collect();
        breakdowns(&Cursor::new(&doc, &sig))
            .iter()
            .map(|b| {
                (
                    b.whole.figure.value,
                    b.parts.iter().map(|p| p.figure.figure.value).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn reads_figure_first_lines_with_a_price() {
        let doc = Document::from_text(
            "Mỗi tuần có 3 giải thưởng:\n- 01 giải Nhất, trị giá 2.000.000 đồng.\n- 02 giải Nhì: trị giá 1.500.000 đồng/giải.\n",
        );
        let sig = non_space_tokens(&doc, &doc.blocks[0]);
        let b = line_breakdown(&doc, 0, &sig).expect("a breakdown");
        assert_eq!(b.whole.figure.value, 3.0);
        let parts: Vec<f64> = b.parts.iter().map(|p| p.figure.figure.value).collect();
        assert_eq!(parts, [1.0, 2.0]);
        // A second count on a line is another part: the lines are not read.
        let doc = Document::from_text("Có 3 giải:\n- 01 giải Nhất, 2 giải Nhì.\n- 01 giải Ba.\n");
        let sig = non_space_tokens(&doc, &doc.blocks[0]);
        assert!(line_breakdown(&doc, 0, &sig).is_none());
    }

    #[test]
    fn reads_parts_in_a_bracket_after_the_whole() {
        assert_eq!(
            read(
                "Xã có 12 đoàn viên nhập ngũ (trong đó 9 đoàn viên vào quân đội và 3 đoàn viên vào công an)."
            ),
            vec![(12.0, vec![9.0, 3.0])]
        );
        assert_eq!(
            read(
                "Hội thi trao 8 giải (2 giải Nhì, 2 giải Ba và 4 giải Khuyến khích) và 1 giải tập thể."
            ),
            vec![(8.0, vec![2.0, 2.0, 4.0])]
        );
        assert_eq!(
            read("Thôn có 140 hộ vay vốn (trong đó: 90 hộ nghèo, 50 hộ cận nghèo)."),
            vec![(140.0, vec![90.0, 50.0])]
        );
        // Not after another clause, nor a bracket with one figure or none joined.
        assert!(
            read("Có 12 đoàn viên, 3 chi đoàn (9 đoàn viên mới và 3 đoàn viên cũ).")
                .iter()
                .all(|(w, _)| *w != 3.0)
        );
        assert!(read("Đàn có 40 con bò (8 con bê; 2 con đực giống).").is_empty());
        assert!(read("Con lớn nhất nặng 10 tấn (9,8 tấn Anh; 11 tấn thiếu).").is_empty());
    }

    #[test]
    fn reads_parts_in_any_noun_with_descriptions() {
        assert_eq!(
            read(
                "Toàn huyện thành lập 168 tổ, gồm 143 tổ ở các thôn, làng và 25 tổ ở các tổ dân phố."
            ),
            vec![(168.0, vec![143.0, 25.0])]
        );
        assert_eq!(
            read(
                "Quận có 6 phường có chỉ số trên 90 điểm, gồm 4 phường ở phía Bắc và 2 phường ở phía Nam."
            ),
            vec![(6.0, vec![4.0, 2.0])]
        );
        assert_eq!(
            read("Ban Chấp hành gồm 19 đồng chí, gồm 11 nam và 8 nữ."),
            vec![(19.0, vec![11.0, 8.0])]
        );
        assert_eq!(
            read("Đoàn xếp thứ ba với 24 huy chương: Vàng 7, Bạc 8, Đồng 9."),
            vec![(24.0, vec![7.0, 8.0, 9.0])]
        );
        assert_eq!(
            read(
                "Chương trình trao 400 suất quà, trong đó 250 suất do phường trao và 150 suất do doanh nghiệp tài trợ."
            ),
            vec![(400.0, vec![250.0, 150.0])]
        );
    }

    #[test]
    fn reads_labels_after_a_semicolon_and_trong_do() {
        assert_eq!(
            read(
                "Có 9.412 lượt hộ đạt danh hiệu; trong đó cấp Trung ương 18 lượt hộ, cấp tỉnh 264 lượt hộ, cấp huyện 1.930 lượt hộ, cấp xã 7.200 lượt hộ."
            ),
            vec![(9412.0, vec![18.0, 264.0, 1930.0, 7200.0])]
        );
    }

    #[test]
    fn a_whole_in_the_parts_noun_past_a_longer_clause() {
        assert_eq!(
            read(
                "Các cơ sở thực hiện 146 công trình, phần việc thanh niên với tổng giá trị hơn 3,8 tỷ đồng, gồm 98 công trình cấp cơ sở và 48 công trình cấp huyện."
            ),
            vec![(146.0, vec![98.0, 48.0])]
        );
        // In another noun, a figure past such a clause is not taken as the whole.
        assert!(
            read("Xã có 30 hộ, năm nay có thêm nhiều gia đình đăng ký, gồm 20 người trẻ và 15 người già.")
                .is_empty()
        );
    }

    #[test]
    fn reads_rests_totals_brackets_and_numbered_labels() {
        // A rest after "còn lại" completes the count done before it.
        assert_eq!(
            read("Tòa án thụ lý 512 vụ, việc; đã giải quyết 468 vụ, việc, còn lại 44 vụ, việc."),
            vec![(512.0, vec![468.0, 44.0])]
        );
        // A total after its parts.
        assert_eq!(
            read(
                "Chi phí thuốc 38 triệu đồng, chi phí xét nghiệm 17 triệu đồng, tổng cộng 55 triệu đồng."
            ),
            vec![(55.0, vec![38.0, 17.0])]
        );
        // Parts in brackets after each item.
        assert_eq!(
            read(
                "Năm nay có 190 hộ nhận quà, thuộc 3 xã: Ia Rmok (72 hộ), Chư Drăng (65 hộ) và Ia Hdreh (53 hộ)."
            ),
            vec![(190.0, vec![72.0, 65.0, 53.0])]
        );
        // Labels holding numbers; the parts end at the semicolon after "và".
        assert_eq!(
            read(
                "Trường có 36 lớp, trong đó khối 10 có 12 lớp, khối 11 có 13 lớp và khối 12 có 11 lớp; mỗi lớp từ 40 đến 45 học sinh."
            ),
            vec![(36.0, vec![12.0, 13.0, 11.0])]
        );
        assert_eq!(
            read(
                "Hội mừng thọ 312 cụ: tuổi 70 có 118 cụ, tuổi 80 có 100 cụ và trên 90 tuổi có 94 cụ."
            ),
            vec![(312.0, vec![118.0, 100.0, 94.0])]
        );
        // A label's number is no whole.
        assert_eq!(
            read("Trường tuyển 432 học sinh lớp 10, gồm 231 nữ và 201 nam."),
            vec![(432.0, vec![231.0, 201.0])]
        );
        // A colon after a long clause, parts counted in its noun.
        assert_eq!(
            read(
                "Nhân dân trồng mới 412 ha rừng tập trung: keo lai 356 ha, thông 41 ha và cây bản địa 15 ha."
            ),
            vec![(412.0, vec![356.0, 41.0, 15.0])]
        );
    }

    #[test]
    fn rests_totals_and_brackets_need_their_form() {
        // "còn lại" after a clause-opening count (no verb before it) is no complement of it.
        assert!(
            read("Đơn vị đã giải quyết 655 vụ; 402 vụ được hòa giải thành. Còn lại 87 vụ đang giải quyết.")
                .is_empty()
        );
        // A sentence that compares has no total of its parts.
        assert!(
            read("Năm nay thu 38 triệu đồng, tăng 17 triệu đồng, tổng cộng 90 triệu đồng.")
                .is_empty()
        );
        // Examples in brackets are not all the parts.
        assert!(read("Có 190 hộ, tiêu biểu như Ia Rmok (72 hộ), Chư Drăng (65 hộ).").is_empty());
        // A colon before an open list.
        assert!(
            read("Trồng 412 ha rừng: keo lai 356 ha, thông 41 ha và các loại khác.").is_empty()
        );
        // Bracketed counts after items no count announces may be the largest few.
        assert!(
            read("Dân tộc này có 687 người, sống chủ yếu ở các tỉnh: Hà Giang (48 người), Lào Cai (15 người), Yên Bái (11 người).")
                .is_empty()
        );
        // Three items announced, two bracketed: not all of them.
        assert!(read("Có 90 hộ ở 3 xã: A (40 hộ), B (30 hộ) và C.").is_empty());
        // Rates are not summed; an approximate whole is no total; a superlative selects.
        assert!(
            read(
                "Mật độ khoảng 200 người/km², trong đó 2 xã: A (62 người/km²) và B (29 người/km²)."
            )
            .is_empty()
        );
        assert!(
            read("Tổng chiều dài khoảng 4.200 km, dài nhất là hai sông: sông Cả với 541 km và sông Mã 543 km.")
                .is_empty()
        );
        assert!(
            read(
                "Chi phí khoảng 38 triệu đồng, phí khác 17 triệu đồng, tổng cộng gần 90 triệu đồng."
            )
            .is_empty()
        );
    }

    #[test]
    fn other_figures_are_not_parts() {
        assert!(
            read("Đã thăm 73 lượt hội viên, gồm 58 lượt thăm tại nhà và tặng 15 suất quà.")
                .is_empty()
        );
        assert!(read("Quỹ có 325 tỷ đồng, gồm 20 xe và 30 máy.").is_empty());
        assert!(read("Có 120 hộ, gồm 30% hộ nghèo và 20% hộ cận nghèo.").is_empty());
    }
}
