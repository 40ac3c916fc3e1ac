use std::cell::OnceCell;
use std::collections::HashMap;

use crate::analysis::Facts;
use crate::analysis::ordinals::{OrdinalMention, SessionCues};
use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};

declare_rule! {
    /// The headline numbers an event differently from the body.
    ///
    /// ## What it does
    /// Collects the numbered events of the document ("Hội nghị ... lần thứ 25", "Kỳ họp thứ
    /// XV", "Đại hội đại biểu lần thứ VII"), grouped by the event noun and the organisation
    /// named around it. When the headline's number matches none of the numbers the body gives
    /// the same event, and the body agrees with itself, the headline is reported with every
    /// body mention as evidence. Roman and Arabic numerals compare equal (XXV = 25).
    ///
    /// Mentions are also compared with each other: when two or more agree and one alone
    /// says another number, that one is reported with the others as evidence. One lower is
    /// reported only when its sentence reports on it ("khai mạc Kỳ họp thứ 11", a clause
    /// that opens with it) and nothing points at an earlier session ("so với", "kết quả",
    /// "Nghị quyết", "đề ra" ...); one higher unless words point at a later one ("chuẩn
    /// bị", "tiến tới", "trước", "sẽ" ...), unless every mention points at the next session
    /// ("trước Kỳ họp thứ 10" throughout); a mention without organisation that could
    /// belong to several events is never compared, nor used as evidence; one in the body is
    /// the headline's event when its number is at most one from the headline's, and
    /// another body's (compared with none) when farther. Two mentions
    /// alone that disagree, with no words pointing either at another session (or both at
    /// the next one) and not two editions dated with different years, are a warning at the
    /// later with the earlier as evidence. The headline is compared with the body's
    /// mentions that no words point away from. Numerals may be written in words
    /// ("Kỳ họp thứ mười tám"), and acronyms name the same organisation as their expansion
    /// (HĐND, Hội đồng nhân dân). A Roman numeral without "lần thứ" ("Đại hội XXV đã bầu
    /// ...") is judged like the others when it is one apart from them and its sentence
    /// reports on it, but is never evidence nor half of a tie: it may be another body's
    /// congress named in passing ("văn kiện Đại hội XIV", "Đại hội XIV của Đảng"). A board
    /// elected with a number ("Đại hội đã bầu Ban Chấp hành Hội ... lần thứ VIII") is a
    /// mention of its congress; when the others name several sessions, those written with
    /// the odd one's own term or year are its session.
    ///
    /// Years decide whether two mentions are one event: the term or year written right
    /// after a mention ("nhiệm kỳ 2020 – 2025", "năm 2022", "năm học ...") makes two mentions
    /// one event whatever the words before them, and different years make them two; a
    /// meeting (kỳ họp, hội nghị, phiên họp) is never merged by its year alone. A date in the
    /// same clause at least two years from another mention's tells the two apart.
    ///
    /// ## Why
    /// The headline is what readers and aggregators quote; a session numbered 24 in the title
    /// and 25 in the text forces a correction, and readers doubt the rest of the release.
    ///
    /// ## Example
    /// ```text
    /// Phường Dịch Vọng tổ chức Hội nghị Ban Chấp hành lần thứ 11
    ///
    /// Sáng 3-7, Đảng ủy phường Dịch Vọng tổ chức Hội nghị lần thứ 12. Hội nghị Ban Chấp hành lần thứ 12 đã thảo luận các nội dung quan trọng.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Phường Dịch Vọng tổ chức Hội nghị Ban Chấp hành lần thứ 12
    ///
    /// Tiếp theo Hội nghị lần thứ 11, Hội nghị lần thứ 12 đã bàn về công tác chuẩn bị Đại hội đại biểu lần thứ VII.
    /// ```
    pub struct OrdinalMismatch {
        id: "ordinal-mismatch",
        severity: Error,
        reads: [OrdinalMentions],
        vi: "Tiêu đề đánh số một sự kiện khác với thân bài.

## Tác dụng
Thu thập các sự kiện có đánh số trong văn bản (“Hội nghị ... lần thứ 25”, “Kỳ họp thứ XV”, “Đại hội đại biểu lần thứ VII”), nhóm theo danh từ chỉ sự kiện và tổ chức được nêu kèm. Khi số trong tiêu đề không trùng với số nào mà thân bài ghi cho cùng sự kiện, và thân bài thống nhất với nhau, lỗi được báo ở tiêu đề, kèm mọi chỗ thân bài nhắc đến làm bằng chứng. Số La Mã và số Ả Rập được coi là bằng nhau (XXV = 25).

Các chỗ nhắc cũng được so với nhau: khi từ hai chỗ trở lên ghi cùng một số mà một chỗ duy nhất ghi số khác, chỗ đó bị báo, kèm các chỗ kia làm bằng chứng. Số nhỏ hơn một đơn vị chỉ bị báo khi câu đang nói về chính kỳ đó (“khai mạc Kỳ họp thứ 11”, vế câu mở đầu bằng nó) và không có từ chỉ kỳ trước (“so với”, “kết quả”, “Nghị quyết”, “đề ra” ...); số lớn hơn một đơn vị bị báo trừ khi có từ chỉ kỳ sau (“chuẩn bị”, “tiến tới”, “trước”, “sẽ” ...), trừ khi mọi chỗ nhắc đều chỉ kỳ sau (“trước Kỳ họp thứ 10” ở khắp văn bản); chỗ nhắc không nêu tổ chức có thể thuộc nhiều sự kiện thì không được so, cũng không làm bằng chứng; chỗ nhắc như vậy trong thân bài thuộc sự kiện ở tiêu đề khi số lệch số ở tiêu đề không quá một, và thuộc tổ chức khác (không so với chỗ nào) khi lệch nhiều hơn. Hai chỗ nhắc duy nhất ghi hai số khác nhau, không có từ chỉ kỳ khác (hoặc cả hai cùng chỉ kỳ sau) và không phải hai lần tổ chức ghi hai năm khác nhau, được báo ở mức cảnh báo tại chỗ sau, kèm chỗ trước làm bằng chứng. Tiêu đề được so với những chỗ nhắc trong thân bài không có từ chỉ kỳ khác. Số có thể viết bằng chữ (“Kỳ họp thứ mười tám”), và chữ viết tắt chỉ cùng tổ chức với tên đầy đủ (HĐND, Hội đồng nhân dân). Số La Mã không có “lần thứ” (“Đại hội XXV đã bầu ...”) được xét như các chỗ khác khi lệch một đơn vị so với chúng và câu đang nói về chính kỳ đó, nhưng không bao giờ làm bằng chứng hay làm một nửa của cặp hai chỗ: đó có thể là đại hội của tổ chức khác được nhắc qua (“văn kiện Đại hội XIV”, “Đại hội XIV của Đảng”). Ban Chấp hành được bầu kèm số (“Đại hội đã bầu Ban Chấp hành Hội ... lần thứ VIII”) là một chỗ nhắc Đại hội đó; khi các chỗ nhắc khác nói về nhiều kỳ, những chỗ ghi cùng nhiệm kỳ hay cùng năm với chỗ đang xét là chính kỳ đó.

Năm quyết định hai chỗ nhắc có phải một sự kiện không: nhiệm kỳ hay năm ghi ngay sau chỗ nhắc (“nhiệm kỳ 2020 – 2025”, “năm 2022”, “năm học ...”) làm hai chỗ nhắc thành một sự kiện dù các chữ trước đó khác nhau, còn năm khác nhau làm chúng thành hai; một cuộc họp (kỳ họp, hội nghị, phiên họp) không bao giờ được gộp chỉ vì cùng năm. Một ngày tháng trong cùng vế câu cách năm của chỗ nhắc kia từ hai năm trở lên cho biết đó là hai sự kiện.

## Vì sao
Tiêu đề là phần được trích dẫn nhiều nhất; một hội nghị ghi lần thứ 24 ở tiêu đề và lần thứ 25 trong bài buộc phải đính chính, và người đọc sẽ nghi ngờ cả phần còn lại.",
    }
}

impl Rule for OrdinalMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let facts = doc.ordinal_mentions();
        let mentions = &facts.mentions;
        let (titles, body): (Vec<usize>, Vec<usize>) =
            (0..mentions.len()).partition(|&i| mentions[i].in_title);
        let mut reported = Vec::new();
        // A headline repeated (a page's <title> and <h1>, releases pasted one after another)
        // is matched against the body once.
        let mut matched: HashMap<(&str, &[String]), Vec<&OrdinalMention>> = HashMap::new();
        for title in titles {
            let title = &mentions[title];
            let same = matched
                .entry((title.event, title.org.as_slice()))
                .or_insert_with(|| {
                    let elsewhere = bare_elsewhere(mentions, title);
                    let same: Vec<usize> = body
                        .iter()
                        .copied()
                        .filter(|&j| {
                            !mentions[j].bare
                                && mentions[j].same_event(title)
                                && !elsewhere(&mentions[j])
                        })
                        .collect();
                    // The body's own session: the mentions no words point away from ("Nghị
                    // quyết Đại hội lần thứ 10", "chuẩn bị Đại hội lần thứ 12" name others);
                    // all of them when every mention has such words. The cues are the
                    // fact's (`cues[j]` are those of `mentions[j]`), not worked out again.
                    if same.iter().any(|&j| mentions[j].value == title.value) {
                        return Vec::new();
                    }
                    let plain: Vec<usize> = same
                        .iter()
                        .copied()
                        .filter(|&j| !facts.cues[j].any())
                        .collect();
                    let basis = if plain.is_empty() { &same } else { &plain };
                    // Every mention that says the body's number is evidence.
                    match basis.first() {
                        Some(&f)
                            if basis
                                .iter()
                                .all(|&j| mentions[j].value == mentions[f].value) =>
                        {
                            same.iter()
                                .map(|&j| &mentions[j])
                                .filter(|m| m.value == mentions[f].value)
                                .collect()
                        }
                        _ => Vec::new(),
                    }
                });
            let Some(first) = same.first() else { continue };
            // The body must agree with itself: when it names several sessions (the previous
            // one, the next), which one the headline means is not certain.
            if same.iter().any(|m| m.value != first.value)
                || first.value == title.value
                || !slip_of(title, first.value)
            {
                continue;
            }
            let title_text = &doc.text[title.phrase.clone()];
            let body_text = &doc.text[first.phrase.clone()];
            let n = same.len();
            let message = Message::new(
                format!(
                    "Tiêu đề ghi “{title_text}” nhưng thân bài ghi “{body_text}” ({n} chỗ) cho cùng {}",
                    title.event
                ),
                format!(
                    "The headline says “{title_text}” but the body says “{body_text}” ({n} {}) for the same {}",
                    if n == 1 { "place" } else { "places" },
                    title.event
                ),
            );
            let mut d = Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                title.span.clone(),
                message,
            )
            .with_suggestion(title.span.clone(), title.write(first.value));
            d = d.with_related_places(same.iter().map(|m| {
                let written = &doc.text[m.span.clone()];
                let message = Message::new(
                    format!("thân bài ghi {written} ở đây"),
                    format!("the body says {written} here"),
                );
                (m.span.clone(), message)
            }));
            reported.push(title.span.clone());
            out.push(d);
        }
        // Each mention's years, read once: the pairwise tests below compare them many times.
        let years: Vec<MentionYears> = mentions
            .iter()
            .map(|m| MentionYears::read(doc, m))
            .collect();
        self.check_odd_mention(doc, mentions, &facts.cues, &years, &reported, out);
    }
}

/// Whether `bare`, a mention naming no organisation, may belong to an event of the document
/// other than `target`'s: another mention it could be is not `target`'s event ("tổ chức
/// Đại hội lần thứ XXIV" in a release that names the commune's and the district's
/// congresses). Such a mention is evidence for neither. The test for every `bare` of
/// `target`'s event (the caller checks `same_event` first): a mention naming an
/// organisation is `bare`'s event as soon as it has its noun, so the answer does not
/// depend on `bare` and is worked out once, on first use.
fn bare_elsewhere<'m>(
    mentions: &'m [OrdinalMention],
    target: &'m OrdinalMention,
) -> impl Fn(&OrdinalMention) -> bool + 'm {
    let elsewhere = OnceCell::new();
    move |bare| {
        bare.org.is_empty()
            && *elsewhere.get_or_init(|| {
                mentions.iter().any(|m| {
                    // A bare numeral ("Đại hội XIII Công đoàn Việt Nam") names another
                    // body in passing; it leaves the document's own mentions as they were.
                    !m.org.is_empty() && !m.bare && m.event == target.event && !m.same_event(target)
                })
            })
    }
}

/// Whether a bare numeral ("Đại hội XXIV" beside "lần thứ XXV") is near enough to the
/// number of its event to be a slip of it: farther, it is likely another body's congress
/// ("văn kiện Đại hội XIV"). Bare numerals are never evidence, only judged.
fn slip_of(mention: &OrdinalMention, value: u32) -> bool {
    !mention.bare || mention.value.abs_diff(value) <= 1
}

/// The year or the term written right after a mention ("lần thứ 31 năm 2025", "lần thứ V
/// (2024)", "lần thứ XII, nhiệm kỳ 2020 - 2025", "lần thứ XVII, năm học 2020-2021"): which
/// edition or which term's congress it is. The last year is the first for a single year.
fn edition(doc: &Document, mention: &OrdinalMention) -> Option<(u32, u32)> {
    let mut rest = doc.text[mention.phrase.end..].trim_start();
    rest = rest
        .strip_prefix(',')
        .or_else(|| rest.strip_prefix('('))
        .or_else(|| rest.strip_prefix('-'))
        .unwrap_or(rest)
        .trim_start();
    for lead in ["nhiệm kỳ", "nhiệm kì", "năm học", "năm"] {
        if let Some(after) = rest.strip_prefix(lead) {
            rest = after.trim_start();
            break;
        }
    }
    let year = |text: &str| -> Option<(u32, usize)> {
        let len = text.bytes().take_while(u8::is_ascii_digit).count();
        (len == 4)
            .then(|| text[..len].parse().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
            .map(|y| (y, len))
    };
    let (first, len) = year(rest)?;
    let after = rest[len..].trim_start();
    let last = ["-", "–", "—"]
        .iter()
        .find_map(|dash| after.strip_prefix(dash))
        .and_then(|tail| year(tail.trim_start()))
        .map(|(y, _)| y)
        .filter(|&y| y > first && y - first <= 10);
    Some((first, last.unwrap_or(first)))
}

/// The first year written in the clause after a mention, past the organisation's name
/// ("Đại hội lần thứ nhất của Đảng ... ngày 29/3/1935", "Kỳ họp thứ nhất ... họp vào tháng
/// 07/2011"): two far apart make two sessions. Read loosely, it only ever keeps two
/// mentions apart.
fn year_in_clause(doc: &Document, mention: &OrdinalMention) -> Option<u32> {
    let mut end = (mention.phrase.end + 120).min(doc.text.len());
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    // The delimiters are ASCII, so a byte search ends on a character boundary.
    let window = &doc.text.as_bytes()[mention.phrase.end..end];
    let stop = window
        .iter()
        .position(|b| matches!(b, b'.' | b';' | b'\n' | b'!' | b'?'))
        .unwrap_or(window.len());
    let clause = &doc.text[mention.phrase.end..mention.phrase.end + stop];
    let bytes = clause.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let alone = bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if !alone {
            return None;
        }
        // A date's year only: "29/3/1935", "07/2011", "tháng 7 năm 2011", "(1960)"; not a
        // target's ("mục tiêu đến năm 2031").
        let before = &clause[..i];
        let dated = before.ends_with('(')
            || (before.ends_with('/') && before[..i - 1].ends_with(|c: char| c.is_ascii_digit()))
            || before.strip_suffix(" năm ").is_some_and(|b| {
                b.trim_end_matches(|c: char| c.is_ascii_digit())
                    .ends_with("tháng ")
            });
        dated
            .then(|| clause[i..i + 4].parse().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    })
}

/// Meetings held several times in one term or year: the same years do not make two of
/// them one session (different years still make them two).
const MEETINGS: &[&str] = &["kỳ họp", "hội nghị", "phiên họp"];

/// The years written after a mention: its edition or term ([`edition`]) and the first
/// date's year in its clause ([`year_in_clause`]).
#[derive(Debug, Clone, Copy)]
struct MentionYears {
    edition: Option<(u32, u32)>,
    in_clause: Option<u32>,
}

impl MentionYears {
    fn read(doc: &Document, mention: &OrdinalMention) -> MentionYears {
        MentionYears {
            edition: edition(doc, mention),
            in_clause: year_in_clause(doc, mention),
        }
    }
}

/// What the editions of two mentions say: `Some(true)` one session (the same years, for an
/// event numbered once a term or a year: `a`'s noun), `Some(false)` two (different years),
/// `None` when either names no year.
fn same_edition(a: &OrdinalMention, x: MentionYears, y: MentionYears) -> Option<bool> {
    // Two years apart at least: a year apart may be one edition's preparation and its
    // date ("chuẩn bị ... từ quý I năm 2026" for a congress in 2027).
    if let (Some(p), Some(q)) = (x.in_clause, y.in_clause)
        && p.abs_diff(q) >= 2
    {
        return Some(false);
    }
    if x.edition? != y.edition? {
        Some(false)
    } else {
        (!MEETINGS.contains(&a.event)).then_some(true)
    }
}

/// The number most of `plain` give (the higher of two given as often).
fn usual(plain: &[usize], mentions: &[OrdinalMention]) -> Option<u32> {
    let count = |v: u32| plain.iter().filter(|&&j| mentions[j].value == v).count();
    plain
        .iter()
        .map(|&j| mentions[j].value)
        .max_by_key(|&v| (count(v), v))
}

/// Whether `plain` names other sessions than the usual one and the one before it.
fn disagree(plain: &[usize], mentions: &[OrdinalMention]) -> bool {
    usual(plain, mentions).is_some_and(|u| {
        plain
            .iter()
            .any(|&j| mentions[j].value != u && mentions[j].value + 1 != u)
    })
}

/// The most mentions of one event compared with each other.
const MAX_MENTIONS: usize = 40;

impl OrdinalMismatch {
    /// Whether two body mentions of one event, alone in the document, disagree beyond doubt:
    /// no words point either at another session (or both at the next one), and they do not
    /// carry two years (two editions of a yearly event, "lần thứ 31 năm 2025" and "lần thứ
    /// 30 năm 2024").
    fn tie(
        &self,
        a: &OrdinalMention,
        b: &OrdinalMention,
        (cue_a, years_a): (SessionCues, MentionYears),
        (cue_b, years_b): (SessionCues, MentionYears),
    ) -> bool {
        // Both plain, or both pointing at the next session ("chào mừng Đại hội lần thứ
        // VIII", "chuẩn bị cho Đại hội lần thứ VIII"): one session. The same term or year
        // written after both says so whatever the words before.
        let alike = (!cue_a.any() && !cue_b.any())
            || (cue_a.later && cue_b.later && !cue_a.earlier && !cue_b.earlier);
        if a.value == b.value || a.in_title || b.in_title {
            return false;
        }
        match same_edition(a, years_a, years_b) {
            Some(one) => one,
            None => alike,
        }
    }

    /// A tie reported: a warning (which of the two is wrong is not known).
    fn report_tie(
        &self,
        doc: &Document,
        odd: &OrdinalMention,
        other: &OrdinalMention,
    ) -> Diagnostic {
        let this = &doc.text[odd.phrase.clone()];
        let that = &doc.text[other.phrase.clone()];
        let written = &doc.text[other.span.clone()];
        Diagnostic::new(
            self.meta().id,
            crate::diagnostic::Severity::Warning,
            odd.span.clone(),
            Message::new(
                format!(
                    "Ghi “{this}” nhưng ở trên ghi “{that}” cho cùng {}",
                    odd.event
                ),
                format!(
                    "Says “{this}” but “{that}” above for the same {}",
                    odd.event
                ),
            ),
        )
        .with_related(
            other.span.clone(),
            Message::new(
                format!("ghi {written} ở đây"),
                format!("says {written} here"),
            ),
        )
    }

    /// One mention against the others of its event: when at least two agree on a number
    /// and one alone says another, that one is reported with the others as evidence. One
    /// lower is reported only when its sentence reports on it ("khai mạc Kỳ họp thứ 11"),
    /// one higher unless words point at a later session ("chuẩn bị", "sẽ"), any other
    /// number unless words point at another session; an event that is ambiguous (no
    /// organisation and several organisations around) is left out.
    fn check_odd_mention(
        &self,
        doc: &Document,
        mentions: &[OrdinalMention],
        cues: &[SessionCues],
        years: &[MentionYears],
        reported: &[std::ops::Range<usize>],
        out: &mut Vec<Diagnostic>,
    ) {
        for (i, odd) in mentions.iter().enumerate() {
            // A bare numeral naming no organisation is judged only where its sentence reports
            // on it (see below): the others are not gathered for it otherwise.
            if reported.contains(&odd.span) || (odd.bare && odd.org.is_empty() && !cues[i].current)
            {
                continue;
            }
            // A document naming one event more often is a collection, not one release:
            // its mentions are not compared (and the pairwise test stays small; the search
            // stops at one more than that).
            let elsewhere = bare_elsewhere(mentions, odd);
            let same: Vec<usize> = (0..mentions.len())
                .filter(|&j| {
                    j != i
                        && !mentions[j].bare
                        && mentions[j].same_event(odd)
                        && !elsewhere(&mentions[j])
                        // Another term's or year's edition ("lần thứ VIII năm 2018").
                        && same_edition(odd, years[i], years[j]) != Some(false)
                })
                .take(MAX_MENTIONS + 1)
                .collect();
            if same.len() > MAX_MENTIONS {
                continue;
            }
            // One event, not several that a bare mention would merge.
            if !same
                .iter()
                .all(|&a| same.iter().all(|&b| mentions[a].same_event(&mentions[b])))
            {
                continue;
            }
            // The number the others give: the one of the mentions without cues, all equal;
            // mentions with cues count when they say it too, and one lower than it (the
            // previous session, named in passing) is left aside.
            // Two mentions alone that disagree: which one is wrong is not known, the
            // disagreement is; reported once, at the later, with the other as evidence.
            if let [j] = same[..] {
                // Not alone when another edition of the event is named ("kì họp thứ 9
                // (khoá VIII) ... năm 1991" beside "kì họp thứ 4 (khoá VI) ... năm 1978").
                if (0..mentions.len()).any(|o| {
                    o != i
                        && o != j
                        && !mentions[o].bare
                        && mentions[o].same_event(odd)
                        && !elsewhere(&mentions[o])
                }) {
                    continue;
                }
                // A bare numeral may be another body's congress: no tie.
                if j < i
                    && !odd.bare
                    && self.tie(odd, &mentions[j], (cues[i], years[i]), (cues[j], years[j]))
                {
                    out.push(self.report_tie(doc, odd, &mentions[j]));
                }
                continue;
            }
            // Every mention pointing at the same later session ("trước Kỳ họp thứ 10" in the
            // headline and body of a notice ahead of it): the cue tells none from the others.
            let later_only = |c: &SessionCues| c.later && !c.earlier;
            let uniform_later = later_only(&cues[i]) && same.iter().all(|&j| later_only(&cues[j]));
            // A mention with the odd one's term or year written after it is its session,
            // whatever the words before ("trình Đại hội ... lần thứ XII (nhiệm kỳ 2020 -
            // 2025)").
            let one_session = |j: usize| same_edition(odd, years[i], years[j]) == Some(true);
            let mut plain: Vec<usize> = if uniform_later {
                same.clone()
            } else {
                same.iter()
                    .copied()
                    .filter(|&j| !cues[j].any() || one_session(j))
                    .collect()
            };
            // The others naming several sessions ("lần thứ nhất (năm 1952)" beside "lần thứ
            // X"): those written with the odd one's own term or year are its session, when
            // one number from it (a slip; numbers far apart with one term's years are
            // releases pasted one after another, as in a collection).
            if disagree(&plain, mentions) {
                let own_term: Vec<usize> = same
                    .iter()
                    .copied()
                    .filter(|&j| one_session(j) && mentions[j].value.abs_diff(odd.value) <= 1)
                    .collect();
                if !own_term.is_empty() {
                    plain = own_term;
                }
            }
            // Two mentions of one term's congress or one year's edition, the others named
            // with words pointing elsewhere: a tie, like two mentions alone.
            if let [j] = plain[..]
                && j < i
                && !odd.bare
                && !odd.in_title
                && !mentions[j].in_title
                && mentions[j].value != odd.value
                && one_session(j)
            {
                out.push(self.report_tie(doc, odd, &mentions[j]));
                continue;
            }
            let Some(usual_value) = usual(&plain, mentions) else {
                continue;
            };
            if disagree(&plain, mentions) {
                continue;
            }
            let others_at: Vec<usize> = same
                .iter()
                .copied()
                .filter(|&j| mentions[j].value == usual_value)
                .collect();
            let others: Vec<&OrdinalMention> = others_at.iter().map(|&j| &mentions[j]).collect();
            let cue = cues[i];
            // The years written after the mentions: another term's or year's edition is
            // not compared; the same term's congress or year's edition is the same session
            // whatever the words before it ("Văn kiện Đại hội ... lần thứ XVI, nhiệm kỳ
            // 2020 – 2025" among "lần thứ XVII, nhiệm kỳ 2020 - 2025").
            let editions: Vec<bool> = others_at
                .iter()
                .filter_map(|&j| same_edition(odd, years[i], years[j]))
                .collect();
            let same_session = !editions.is_empty() && editions.iter().all(|&one| one);
            let skip = others.len() < 2
                || odd.value == usual_value
                || editions.contains(&false)
                // The usual number written with another term or year: the odd one is
                // another edition ("lần thứ VIII năm 2018" among "lần thứ 9 năm 2022").
                || mentions.iter().zip(years).any(|(m, &y)| {
                    m.value == usual_value
                        && m.same_event(odd)
                        && same_edition(odd, years[i], y) == Some(false)
                })
                // A bare numeral naming no organisation only where it is the session reported
                // on ("Đại hội XXV đã bầu ..."), not named in passing ("văn kiện Đại hội XIV").
                || (odd.bare && odd.org.is_empty() && !cue.current)
                || !slip_of(odd, usual_value)
                || !uniform_later
                    && !same_session
                    && if odd.value + 1 == usual_value {
                        // Perhaps the previous session: only when the sentence reports on it.
                        cue.earlier_in_clause || cue.earlier || !cue.current
                    } else if odd.value == usual_value + 1 {
                        cue.later
                    } else {
                        cue.any()
                    };
            if skip {
                continue;
            }
            let first = others[0];
            let this = &doc.text[odd.phrase.clone()];
            let usual = &doc.text[first.phrase.clone()];
            let n = others.len();
            let mut d = Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                odd.span.clone(),
                Message::new(
                    format!(
                        "Ghi “{this}” nhưng {n} chỗ khác ghi “{usual}” cho cùng {}",
                        odd.event
                    ),
                    format!(
                        "Says “{this}” but {n} other places say “{usual}” for the same {}",
                        odd.event
                    ),
                ),
            )
            .with_suggestion(odd.span.clone(), odd.write(first.value));
            d = d.with_related_places(others.iter().map(|m| {
                let written = &doc.text[m.span.clone()];
                let message = Message::new(
                    format!("ghi {written} ở đây"),
                    format!("says {written} here"),
                );
                (m.span.clone(), message)
            }));
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OrdinalMismatch;
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn a_level_s_party_organisation_is_not_the_party() {
        silent(
            &OrdinalMismatch,
            &[
                "Đoàn đại biểu tỉnh lên đường dự Đại hội lần thứ XIV của Đảng\n\nĐoàn gồm 20 đại biểu, trong đó 12 đại biểu được bầu tại Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII.",
            ],
        );
        // The Party organisation of a province named twice is still one organisation.
        flags_each(
            &OrdinalMismatch,
            &[(
                "Khai mạc Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII\n\nSáng 12/10, Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII khai mạc tại hội trường tỉnh.",
                &["XVIII"],
            )],
        );
    }

    #[test]
    fn the_same_term_or_year_after_mentions_makes_them_one_session() {
        flags_each(
            &OrdinalMismatch,
            &[
                (
                    "Tin hoạt động\n\nSáng 16/10, Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025 khai mạc. Các đại biểu thảo luận Văn kiện Đại hội Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2020 – 2025. Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025 bế mạc chiều 17/10.",
                    &["XVI"],
                ),
                (
                    "Tin hoạt động\n\nĐoàn viên chuẩn bị cho Hội thi tin học lần thứ 6 năm 2024. Ban tổ chức cho biết Hội thi tin học lần thứ 5 năm 2024 có 30 đội.",
                    &["5"],
                ),
            ],
        );
    }

    #[test]
    fn mentions_with_the_odd_one_s_year_are_its_session_among_others() {
        flags_each(
            &OrdinalMismatch,
            &[(
                "Tin hoạt động\n\nKể từ Đại hội Thi đua yêu nước tỉnh lần thứ nhất (năm 2000) đến nay, tỉnh đã tuyên dương hàng nghìn điển hình. Ngày 5/9, Đại hội Thi đua yêu nước tỉnh lần thứ V được tổ chức tại hội trường tỉnh. Đại hội Thi đua yêu nước tỉnh lần thứ V tuyên dương 200 tập thể. Từ Đại hội Thi đua yêu nước tỉnh lần thứ hai (năm 2000), phong trào lan rộng.",
                &["hai"],
            )],
        );
        // Numbers far apart with one term's years: releases pasted one after another.
        silent(
            &OrdinalMismatch,
            &[
                "Tin tổng hợp\n\nĐại hội đại biểu Đảng bộ phường An Phú lần thứ 27, nhiệm kỳ 2025 - 2030 khai mạc sáng 2/8. Đại hội đại biểu Đảng bộ phường An Phú lần thứ 12 đã bế mạc. Đại hội đại biểu Đảng bộ phường An Phú lần thứ 5 đã bế mạc. Đại hội đại biểu Đảng bộ phường An Phú lần thứ 8, nhiệm kỳ 2025 - 2030 khai mạc sáng 5/8.",
            ],
        );
    }

    #[test]
    fn a_board_elected_is_its_congress_s_mention() {
        flags_each(
            &OrdinalMismatch,
            &[(
                "Tin hoạt động\n\nĐại hội đại biểu Hội Cựu chiến binh xã Tân An lần thứ VIII, nhiệm kỳ 2022 - 2027 diễn ra sáng 6/1. Đại hội đã bầu Ban Chấp hành Hội Cựu chiến binh xã Tân An lần thứ IX, nhiệm kỳ 2022 - 2027 gồm 9 người.",
                &["IX"],
            )],
        );
    }

    #[test]
    fn another_term_or_year_after_a_mention_makes_it_another_session() {
        silent(
            &OrdinalMismatch,
            &[
                "Tin hoạt động\n\nHội thi tin học lần thứ 5 năm 2024 có 30 đội. Hội thi tin học lần thứ 5 thu hút học sinh. Hội thi tin học lần thứ 4 năm 2022 chỉ có 20 đội.",
                "Lịch sử\n\nHuyện được chuyển theo nghị quyết tại kì họp thứ 4 (khoá VI) vào tháng 12 năm 1978. Sau đó, theo nghị quyết tại kì họp thứ 9 (khoá VIII) vào ngày 12/8/1991, huyện được tách. Trước đó, tại kì họp thứ 2 (khóa II), xã được chia.",
            ],
        );
    }

    #[test]
    fn fails_when_the_headline_disagrees_with_the_body() {
        flags_each(
            &OrdinalMismatch,
            &[
                (
                    "Tổ chức Hội nghị Ban Chấp hành lần thứ 24\n\nHội nghị lần thứ 25 đã họp. Hội nghị Ban Chấp hành Đảng bộ quận lần thứ 25 thảo luận.",
                    &["24"],
                ),
                (
                    "Khai mạc Kỳ họp thứ 15 HĐND quận\n\nKỳ họp thứ XVI HĐND quận diễn ra trong hai ngày.",
                    &["15"],
                ),
                (
                    "# Đại hội lần thứ VI\n\nĐại hội đại biểu lần thứ VII Đảng bộ phường thành công tốt đẹp.",
                    &["VI"],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_other_events_earlier_sessions_and_agreement() {
        silent(
            &OrdinalMismatch,
            &[
                "Tổ chức Hội nghị lần thứ 25\n\nHội nghị lần thứ 25 chuẩn bị Đại hội đại biểu lần thứ VII.",
                "Hội nghị lần thứ 12\n\nTiếp theo Hội nghị lần thứ 11, Hội nghị lần thứ 12 đã họp.",
                "Kỳ họp thứ 9 HĐND quận\n\nĐại biểu quán triệt kết quả Kỳ họp thứ 7 Quốc hội khóa XV.",
                "Kỳ họp thứ 15 HĐND quận\n\nKỳ họp thứ XV HĐND quận bế mạc.",
                "Ban Chấp hành (khóa VI) họp\n\nChuẩn bị Đại hội lần thứ VII.",
                "Hội nghị lần thứ 3 tổng kết năm\n\nKhông nhắc lại số hội nghị.",
            ],
        );
    }

    #[test]
    fn mentions_all_pointing_at_the_next_session_are_compared() {
        let text = "Cử tri gặp đại biểu trước Kỳ họp thứ 10\n\nĐại biểu tiếp xúc cử tri trước Kỳ họp thứ 10. Ý kiến sẽ được gửi trước Kỳ họp thứ 11. Cử tri mong chờ trước Kỳ họp thứ 10.";
        let found = check(&OrdinalMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "11");
        silent(
            &OrdinalMismatch,
            &[
                "Cử tri gặp đại biểu trước Kỳ họp thứ 10\n\nĐại biểu tiếp xúc cử tri trước Kỳ họp thứ 10. Kết quả Kỳ họp thứ 9 được thông tin. Cử tri mong chờ trước Kỳ họp thứ 10.",
            ],
        );
    }

    #[test]
    fn reports_the_odd_body_mention_with_the_others_as_evidence() {
        let text = "Kỳ họp thứ 11 HĐND xã\n\nKỳ họp thứ 11 khai mạc. Kỳ họp thứ 12 xem xét báo cáo. Kỳ họp thứ 11 bế mạc.";
        let found = check(&OrdinalMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "12");
        assert_eq!(found[0].related.len(), 3);
        assert_eq!(found[0].suggestions[0].replacement, "11");
    }

    #[test]
    fn silent_on_the_previous_session_and_on_bare_mentions_of_two_events() {
        silent(
            &OrdinalMismatch,
            &[
                "Hội chợ lần thứ 8\n\nHội chợ lần thứ 8 khai mạc. Doanh thu tại Hội chợ lần thứ 7 đạt 2 tỷ đồng. Hội chợ lần thứ 8 bế mạc.",
                "Kỳ họp thứ 9 HĐND xã\n\nKỳ họp thứ 9 HĐND xã khai mạc. Kỳ họp thứ 12 HĐND huyện và Kỳ họp thứ 12 HĐND huyện đã bàn.",
            ],
        );
    }

    #[test]
    fn the_headline_against_the_body_s_own_session_past_a_mention_of_the_previous() {
        // "Nghị quyết Đại hội lần thứ 10" names the previous congress: the body's own
        // session is the 11th, the headline's 12 is wrong.
        flags_each(
            &OrdinalMismatch,
            &[(
                "Khai mạc Đại hội Công đoàn tỉnh lần thứ 12\n\nĐại hội Công đoàn tỉnh lần thứ 11 khai mạc. Đại hội đánh giá Nghị quyết Đại hội lần thứ 10 Công đoàn tỉnh. Đại biểu mong Đại hội lần thứ 11 thành công.",
                &["12"],
            )],
        );
        // The headline's number among the body's: no report.
        silent(
            &OrdinalMismatch,
            &[
                "Tổng kết Kỳ họp thứ 12\n\nKết quả Kỳ họp thứ 12 được công bố. Kỳ họp thứ 13 sẽ diễn ra vào tháng 7.",
            ],
        );
    }

    #[test]
    fn two_mentions_alone_that_disagree_are_a_warning_with_each_other_as_evidence() {
        let text = "Thông báo\n\nXã tổ chức Hội thao lần thứ V vào tháng 3. Hội thao lần thứ VI gồm các nội dung bắn súng.";
        let found = check(&OrdinalMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "VI");
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
        assert_eq!(&text[found[0].related[0].span.clone()], "V");
        silent(
            &OrdinalMismatch,
            &[
                // Two editions of a yearly event.
                "Thông báo\n\nGiải Việt dã lần thứ 31 năm 2025 khai mạc. Hội thao lần thứ 4 năm 2023 và Hội thao lần thứ 5 năm 2025 đều sôi nổi.",
                // The previous session, named as such.
                "Thông báo\n\nXã tổ chức Hội thao lần thứ V. Kết quả Hội thao lần thứ IV được nhắc lại.",
            ],
        );
    }

    #[test]
    fn a_bare_mention_that_may_be_another_organisation_s_is_no_evidence() {
        // The commune's congress is the 24th, the district's the 19th: "Đại hội đại biểu lần
        // thứ XXIV" (no organisation) is the commune's, not evidence against the district's.
        silent(
            &OrdinalMismatch,
            &[
                "Đại hội đại biểu MTTQ Việt Nam xã Hòa Bình lần thứ XXIV, nhiệm kỳ 2024 - 2029\n\nNgày 23-5-2024, Ủy ban MTTQ xã Hòa Bình tổ chức Đại hội đại biểu lần thứ XXIV, nhiệm kỳ 2024 - 2029.\n\nĐại hội lần thứ XXIV đã hiệp thương cử 45 vị, đồng thời cử 6 đại biểu dự Đại hội MTTQ huyện lần thứ XIX.",
            ],
        );
    }

    #[test]
    fn a_mention_held_by_a_subject_of_another_level_is_not_that_level_s_event() {
        // The ward's association holds its 7th congress and sends delegates to the
        // district's 8th: the mention without organisation is the ward's.
        let ward_holds = "Sáng 5-3, Hội Cựu chiến binh phường Tân An tổ chức Đại hội đại biểu lần thứ VII, nhiệm kỳ 2022-2027.";
        silent(
            &OrdinalMismatch,
            &[&format!(
                "Đại hội điểm của Hội Cựu chiến binh\n\n{ward_holds} Đại hội đã bầu 5 đại biểu dự Đại hội Hội Cựu chiến binh quận lần thứ VIII, nhiệm kỳ 2022-2027."
            )],
        );
        // Of the same level, the two are one congress.
        let found = check(
            &OrdinalMismatch,
            &format!("Đại hội Hội Cựu chiến binh phường Tân An lần thứ VIII\n\n{ward_holds}"),
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_body_mention_without_organisation_is_the_headline_s_event_when_near_its_number() {
        // The document names the commune's congress too: "Đại hội lần thứ XVI" is the
        // hamlet's (the headline's) because it is one from its number.
        let text = "Đại hội Chi bộ thôn Bàu Sen lần thứ XVII

Đại hội Chi bộ thôn Bàu Sen lần thứ XVII bầu 2 đại biểu dự Đại hội Đảng bộ xã lần thứ I. Chi ủy khai mạc Đại hội lần thứ XVI lúc 8 giờ.";
        let found = check(&OrdinalMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "XVI");
        // Farther from it, it may be another body's: no report.
        silent(
            &OrdinalMismatch,
            &[
                "Đại hội Chi bộ thôn Bàu Sen lần thứ XVII

Đại hội Chi bộ thôn Bàu Sen lần thứ XVII bầu 2 đại biểu. Các đại biểu sẽ dự Đại hội lần thứ I của xã.",
            ],
        );
    }

    #[test]
    fn a_body_repeating_the_event_gives_a_bounded_list_of_places() {
        let title = "Tổ chức Hội nghị lần thứ 24\n\n";
        let mut text = title.to_string();
        for _ in 0..30 {
            text.push_str("Hội nghị lần thứ 25 họp.\n\n");
            text.push_str(title);
        }
        let found = check(&OrdinalMismatch, &text);
        assert_eq!(found.len(), 31, "each copy of the headline");
        for d in &found {
            assert_eq!(d.related.len(), crate::diagnostic::MAX_RELATED);
            assert!(d.message.en.ends_with("(and 10 more)"), "{}", d.message.en);
        }
    }

    #[test]
    fn reports_on_the_headline_with_the_body_as_evidence() {
        let text =
            "Tổ chức Hội nghị lần thứ 24\n\nHội nghị lần thứ 25 họp. Hội nghị lần thứ 25 bế mạc.";
        let found = check(&OrdinalMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "24");
        let related: Vec<&str> = found[0]
            .related
            .iter()
            .map(|r| &text[r.span.clone()])
            .collect();
        assert_eq!(related, vec!["25", "25"]);
        assert_eq!(found[0].suggestions[0].replacement, "25");
    }

    #[test]
    fn a_roman_numeral_without_lan_thu_is_a_mention_when_near_the_others() {
        flags_each(
            &OrdinalMismatch,
            &[
                (
                    "Bế mạc Đại hội Đảng bộ phường lần thứ XXV\n\nĐại hội đại biểu Đảng bộ phường lần thứ XXV bế mạc. Đại hội XXIV đã bầu Ban Chấp hành gồm 17 đồng chí. Đại hội Đảng bộ phường lần thứ XXV thành công tốt đẹp.",
                    &["XXIV"],
                ),
                (
                    "Khai mạc Kỳ họp thứ mười\n\nHĐND huyện khai mạc Kỳ họp thứ 10. Ông Chủ tịch cho biết tại kỳ họp thứ mười một, các đại biểu xem xét 12 báo cáo. Kỳ họp thứ 10 diễn ra trong hai ngày.",
                    &["mười một"],
                ),
                (
                    "Hội Nông dân tổng kết Hội thi “Nhà nông đua tài” lần thứ ba. Sau một tháng, Hội thi lần thứ 4 đã trao 6 giải.",
                    &["4"],
                ),
            ],
        );
        silent(
            &OrdinalMismatch,
            &[
                // Another body's congress, named in passing or far from the others.
                "Đại hội Đảng bộ xã lần thứ I\n\nĐại hội đại biểu Đảng bộ xã lần thứ I khai mạc. Các đại biểu góp ý văn kiện Đại hội XIV. Đại hội Đảng bộ xã lần thứ I bầu 15 đồng chí.",
                "Đại hội Đảng bộ xã lần thứ XIII\n\nĐại hội Đảng bộ xã lần thứ XIII khai mạc. Đại hội XIV của Đảng sẽ họp năm sau. Đại hội Đảng bộ xã lần thứ XIII bầu 15 đồng chí.",
                "Đại hội Đảng bộ xã lần thứ XIII khai mạc. Đại biểu góp ý văn kiện Đại hội XIV.",
                // A numbered unit inside the name.
                "Chi bộ Khu phố III tổ chức Đại hội lần thứ V. Đại hội Chi bộ Khu phố III lần thứ V bầu Chi ủy. Đại hội lần thứ V thành công.",
            ],
        );
    }
}
