use std::collections::HashMap;

use crate::analysis::ordinals::{Numeral, OrdinalMention, ordinal_mentions};
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
    /// says another number, that one is reported with the others as evidence; not when it
    /// is one lower (the previous session, named in passing) or follows words that point
    /// at another session ("tiếp theo", "chuẩn bị", "kết quả", "so với" ...), nor a mention
    /// without organisation that could belong to several events.
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
        vi: "Tiêu đề đánh số một sự kiện khác với thân bài.

## Tác dụng
Thu thập các sự kiện có đánh số trong văn bản (“Hội nghị ... lần thứ 25”, “Kỳ họp thứ XV”, “Đại hội đại biểu lần thứ VII”), nhóm theo danh từ chỉ sự kiện và tổ chức được nêu kèm. Khi số trong tiêu đề không trùng với số nào mà thân bài ghi cho cùng sự kiện, và thân bài thống nhất với nhau, lỗi được báo ở tiêu đề, kèm mọi chỗ thân bài nhắc đến làm bằng chứng. Số La Mã và số Ả Rập được coi là bằng nhau (XXV = 25).

Các chỗ nhắc cũng được so với nhau: khi từ hai chỗ trở lên ghi cùng một số mà một chỗ duy nhất ghi số khác, chỗ đó bị báo, kèm các chỗ kia làm bằng chứng; trừ khi số đó nhỏ hơn một đơn vị (kỳ trước, được nhắc qua), hoặc đứng sau những từ chỉ một kỳ khác (“tiếp theo”, “chuẩn bị”, “kết quả”, “so với” ...), hoặc là chỗ nhắc không nêu tổ chức có thể thuộc nhiều sự kiện.

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
        let mentions = ordinal_mentions(doc);
        let (titles, body): (Vec<&OrdinalMention>, Vec<&OrdinalMention>) =
            mentions.iter().partition(|m| m.in_title);
        let mut reported = Vec::new();
        // A headline repeated (a page's <title> and <h1>, releases pasted one after another)
        // is matched against the body once.
        let mut matched: HashMap<(&str, &[String]), Vec<&OrdinalMention>> = HashMap::new();
        for title in titles {
            let same = matched
                .entry((title.event, title.org.as_slice()))
                .or_insert_with(|| {
                    body.iter()
                        .copied()
                        .filter(|m| m.same_event(title))
                        .collect()
                });
            let Some(first) = same.first() else { continue };
            // The body must agree with itself: when it names several sessions (the previous
            // one, the next), which one the headline means is not certain.
            if same.iter().any(|m| m.value != first.value) || first.value == title.value {
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
        self.check_odd_mention(doc, &mentions, &reported, out);
    }
}

/// Words before a mention that name another session than the one reported on ("tiếp theo
/// Hội nghị lần thứ 11", "chuẩn bị Đại hội lần thứ VII", "kết quả Kỳ họp thứ 7"): such a
/// mention is expected to differ.
const OTHER_SESSION_CUES: &[&str] = &[
    "tiếp theo",
    "so với",
    "sau ",
    "trước",
    "tiến tới",
    "hướng tới",
    "chuẩn bị",
    "kết luận",
    "kết quả",
    "nghị quyết",
    "từ ",
    "đến ",
    "qua ",
    "các ",
    "những ",
];

/// The most mentions of one event compared with each other.
const MAX_MENTIONS: usize = 40;

/// Whether the words before a mention, within its sentence, point at another session.
fn names_other_session(doc: &Document, mention: &OrdinalMention) -> bool {
    let start = mention.phrase.start;
    let mut from = start.saturating_sub(90);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    let before = &doc.text[from..start];
    let sentence = before
        .rfind(['.', '!', '?', '\n', ';', ':'])
        .map_or(before, |i| &before[i + 1..]);
    let lower = sentence.to_lowercase();
    OTHER_SESSION_CUES.iter().any(|c| lower.contains(c))
}

impl OrdinalMismatch {
    /// One mention against the others of its event: when at least two agree on a number
    /// and one alone says another (not one lower: the previous session), that one is
    /// reported with the others as evidence. A
    /// mention whose words point at another session, or whose event is ambiguous (no
    /// organisation and several organisations around), is left out.
    fn check_odd_mention(
        &self,
        doc: &Document,
        mentions: &[OrdinalMention],
        reported: &[std::ops::Range<usize>],
        out: &mut Vec<Diagnostic>,
    ) {
        let plain: Vec<&OrdinalMention> = mentions
            .iter()
            .filter(|m| !names_other_session(doc, m))
            .collect();
        for (i, odd) in plain.iter().enumerate() {
            if reported.contains(&odd.span) || odd.numeral == Numeral::Word {
                continue;
            }
            let others: Vec<&OrdinalMention> = plain
                .iter()
                .enumerate()
                .filter(|&(j, m)| j != i && m.same_event(odd))
                .map(|(_, m)| *m)
                .collect();
            // A document naming one event more often is a collection, not one release:
            // its mentions are not compared (and the pairwise test stays small).
            if others.len() > MAX_MENTIONS {
                continue;
            }
            // One event, not several that a bare mention would merge.
            let one_event = others
                .iter()
                .all(|a| others.iter().all(|b| a.same_event(b)));
            let Some(first) = others.first() else {
                continue;
            };
            // One lower than the others is the previous session, which releases name
            // without a cue ("tăng so với Đại hội lần thứ IX", "mục tiêu Đại hội lần thứ
            // XXII đề ra"): not reported.
            if !one_event
                || others.len() < 2
                || others.iter().any(|m| m.value != first.value)
                || first.value == odd.value
                || odd.value + 1 == first.value
            {
                continue;
            }
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
}
