use crate::analysis::Facts;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::BlockKind;
use crate::lists::{DATE_LEAD_WORDS, FUTURE_WORDS};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// A publication date earlier than an event the article reports as done.
    ///
    /// ## What it does
    /// Takes the publication date of the metadata line ("Ngày đăng 27/06/2024") and the
    /// sentences of the body that open with a date and report what happened then in the
    /// past tense ("Ngày 28-6, Ban Chấp hành ... đã tổ chức Hội nghị"): when that date is
    /// after the publication date, the article reports an event that had not yet happened
    /// when it was published. Sentences that announce ("sẽ", "dự kiến", "kế hoạch", a date
    /// followed by "tới"), dates whose year is not known, and documents without a
    /// publication line are left alone.
    ///
    /// ## Why
    /// A report dated before the event it describes has a wrong date in it, on the
    /// publication line or in the body, and readers and archives rely on both.
    ///
    /// ## Example
    /// ```text
    /// Hội nghị Ban Chấp hành lần thứ 25
    /// Ngày đăng 27/06/2024 | 14:46
    ///
    /// Ngày 28-6, Ban Chấp hành Đảng bộ quận đã tổ chức Hội nghị lần thứ 25.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Hội nghị Ban Chấp hành lần thứ 25
    /// Ngày đăng 27/06/2024 | 14:46
    ///
    /// Ngày 27-6, Ban Chấp hành Đảng bộ quận đã tổ chức Hội nghị lần thứ 25. Ngày 5-7, quận sẽ tổ chức hội nghị chuyên đề.
    /// ```
    pub struct DateOrder {
        id: "date-order",
        severity: Warning,
        reads: [Dates],
        vi: "Ngày đăng bài sớm hơn một sự kiện mà bài viết kể là đã diễn ra.

## Tác dụng
Lấy ngày đăng ở dòng thông tin bài viết (“Ngày đăng 27/06/2024”) và các câu trong bài mở đầu bằng một ngày tháng rồi kể việc đã xảy ra (“Ngày 28-6, Ban Chấp hành ... đã tổ chức Hội nghị”): nếu ngày đó muộn hơn ngày đăng thì bài viết kể một sự kiện chưa diễn ra vào lúc đăng. Các câu thông báo trước (“sẽ”, “dự kiến”, “kế hoạch”, ngày tháng có “tới” đi sau), ngày tháng không rõ năm và văn bản không có dòng ngày đăng được bỏ qua.

## Vì sao
Bài tường thuật đăng trước ngày diễn ra sự kiện là bài có ngày tháng sai, ở dòng ngày đăng hoặc trong bài, trong khi người đọc và việc lưu trữ đều dựa vào cả hai.",
    }
}

impl Rule for DateOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let dates = doc.dates();
        let Some((published, published_span)) = &dates.publication else {
            return;
        };
        let rule = self.meta();
        for date in &dates.dates {
            let block = &doc.blocks[date.block];
            if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
                continue;
            }
            let Some(ymd) = date.ymd() else { continue };
            if ymd <= *published {
                continue;
            }
            // The date must open its sentence, after at most two words such as "Sáng".
            let range = block.tokens.clone();
            let is_end = |i: usize| {
                let t = &doc.tokens[i];
                t.kind() == TokenKind::Punct
                    && matches!(doc.token_text(t), "." | ";" | "!" | "?" | "…")
            };
            let mut leads = 0;
            let mut opens = true;
            let mut i = date.tokens.start;
            while i > range.start {
                i -= 1;
                let t = &doc.tokens[i];
                if t.kind() == TokenKind::Space {
                    continue;
                }
                if is_end(i) {
                    break;
                }
                if t.kind() != TokenKind::Word
                    || !DATE_LEAD_WORDS.contains(doc.lower(t))
                    || leads == 2
                {
                    opens = false;
                    break;
                }
                leads += 1;
            }
            if !opens {
                continue;
            }
            // The words of the rest of the sentence.
            let words: Vec<&str> = (date.tokens.end..range.end)
                .take_while(|&j| !is_end(j))
                .filter(|&j| doc.tokens[j].kind() == TokenKind::Word)
                .map(|j| doc.lower(&doc.tokens[j]))
                .collect();
            let past = words.contains(&"đã");
            // "Ngày 28-5 tới", "dự kiến", "theo kế hoạch": an announcement.
            let future = words.iter().any(|w| FUTURE_WORDS.contains(w))
                || words.windows(2).any(|p| p[0] == "dự" && p[1] == "kiến")
                || words.windows(2).any(|p| p[0] == "kế" && p[1] == "hoạch")
                || words.first().is_some_and(|w| matches!(*w, "tới" | "này"));
            if !past || future {
                continue;
            }
            let (y, m, d) = ymd;
            let (py, pm, pd) = *published;
            out.push(
                Diagnostic::new(
                    rule.id,
                    rule.default_severity,
                    date.span.clone(),
                    Message::new(
                        format!(
                            "Sự kiện ngày {d}/{m}/{y} được kể là đã diễn ra, nhưng bài đăng ngày {pd}/{pm}/{py}, sớm hơn"
                        ),
                        format!(
                            "The event of {d}/{m}/{y} is reported as done, but the article was published earlier, on {pd}/{pm}/{py}"
                        ),
                    ),
                )
                .with_related(
                    published_span.clone(),
                    Message::new("ngày đăng", "the publication date"),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DateOrder;
    use crate::rules::testing::{check, flags_each, silent};

    const HEAD: &str = "Hội nghị Ban Chấp hành lần thứ 25\nNgày đăng 27/06/2024 | 14:46\n\n";

    #[test]
    fn fails_on_a_past_event_after_the_publication_date() {
        flags_each(
            &DateOrder,
            &[
                (
                    &format!("{HEAD}Ngày 28-6, Ban Chấp hành đã tổ chức Hội nghị lần thứ 25."),
                    &["28-6"],
                ),
                (
                    &format!("{HEAD}Sáng 3/7/2024, quận đã tổ chức lễ ra quân."),
                    &["3/7/2024"],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_earlier_dates_announcements_and_unknown_years() {
        silent(
            &DateOrder,
            &[
                &format!("{HEAD}Ngày 27-6, Ban Chấp hành đã tổ chức Hội nghị lần thứ 25."),
                &format!("{HEAD}Ngày 5-7 tới, quận sẽ tổ chức hội nghị."),
                &format!("{HEAD}Ngày 5-7, quận dự kiến tổ chức hội nghị đã được chuẩn bị."),
                &format!("{HEAD}Quận đã hoàn thành trước ngày 30/6/2024 theo kế hoạch."),
                "Ngày 28-6, Ban Chấp hành đã tổ chức Hội nghị lần thứ 25.",
            ],
        );
    }

    #[test]
    fn points_at_the_date_with_the_publication_date_as_evidence() {
        let text = format!("{HEAD}Ngày 28-6, Ban Chấp hành đã tổ chức Hội nghị.");
        let found = check(&DateOrder, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "28-6");
        assert_eq!(&text[found[0].related[0].span.clone()], "27/06/2024");
    }
}
