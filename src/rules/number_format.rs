use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::Facts;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::{NUMBER_LABEL_WORDS, TIME_UNITS};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// One document writing the same kind of number two ways.
    ///
    /// ## What it does
    /// Compares how the document writes four kinds of number and reports the places that
    /// depart from its usual way: a count with a leading zero next to the same count
    /// without one before the same noun ("06 chương trình", "6 chương trình"); dates in
    /// three styles: no leading zero ("5/2/2025", "27/6/2024"), a leading zero below 10
    /// ("05/02/2025", "27/06/2024"), and the style of Decree 30/2020/NĐ-CP, a leading zero
    /// on days below 10 and on months 1 and 2 ("ngày 05 tháng 02", "05/3/2025", "15/11");
    /// a date that keeps to none of the styles most dates keep to is reported; a percent sign with and
    /// without a space before it ("36%", "36 %"); a decimal comma and a decimal point in
    /// percentages ("12,5%", "12.5%"). The less frequent way is reported, each place once,
    /// with the first place written the usual way as evidence; on a tie the later way is
    /// reported. The publication line ("Ngày đăng 27/06/2024") is left out: a site writes
    /// it, not the author.
    ///
    /// ## Why
    /// A press release is edited as one text. Numbers written two ways show that it was
    /// pasted together and let a reader wonder whether "06" and "6" are the same thing.
    ///
    /// ## Example
    /// ```text
    /// Quận ủy ban hành 06 chương trình công tác toàn khóa. Thực hiện tốt 6 chương trình công tác của Quận ủy và 5 kế hoạch.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Quận ủy ban hành 6 chương trình công tác toàn khóa. Thực hiện tốt 6 chương trình công tác của Quận ủy, tăng 12,5% so với năm 2023.
    /// ```
    pub struct NumberFormat {
        id: "number-format",
        severity: Info,
        reads: [Dates],
        vi: "Cùng một văn bản viết một loại con số theo hai cách.

## Tác dụng
So sánh cách văn bản viết bốn loại con số và báo những chỗ lệch khỏi cách viết thường dùng: số đếm có số 0 ở đầu bên cạnh số đếm không có số 0 trước cùng một danh từ (“06 chương trình”, “6 chương trình”); ngày tháng theo ba kiểu: không có số 0 ở đầu (“5/2/2025”, “27/6/2024”), có số 0 ở đầu số dưới 10 (“05/02/2025”, “27/06/2024”), và kiểu của Nghị định 30/2020/NĐ-CP, có số 0 ở đầu ngày dưới 10 và tháng 1, 2 (“ngày 05 tháng 02”, “05/3/2025”, “15/11”); ngày nào không theo kiểu mà phần lớn các ngày theo thì bị báo; dấu phần trăm có và không có dấu cách phía trước (“36%”, “36 %”); dấu thập phân là dấu phẩy và dấu chấm trong tỷ lệ phần trăm (“12,5%”, “12.5%”). Cách viết ít dùng hơn bị báo, mỗi chỗ một lần, kèm chỗ đầu tiên viết theo cách thường dùng; nếu hai cách ngang nhau thì cách viết sau bị báo. Dòng ngày đăng (“Ngày đăng 27/06/2024”) được bỏ qua vì do trang web tạo ra, không phải người viết.

## Vì sao
Một thông cáo báo chí được biên tập như một văn bản thống nhất. Con số viết hai kiểu cho thấy văn bản được ghép từ nhiều nguồn và khiến người đọc băn khoăn “06” và “6” có phải là một.",
    }
}

/// The four kinds of number the rule compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Count,
    PercentSpace,
    DecimalMark,
}

/// One place: the way it is written (`true` for the first way of its kind: a leading
/// zero, a space before "%", a decimal point) and its span.
struct Place {
    way: bool,
    span: Range<usize>,
}

impl Rule for NumberFormat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mut groups: HashMap<(Kind, String), Vec<Place>> = HashMap::new();
        // Every single-digit count, whatever its noun, decides the usual way for counts.
        let mut counts = [0usize; 2];
        let prose = |b: usize| {
            let block = &doc.blocks[b];
            // Not the publication line (a Meta block in every reader).
            matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
        };
        let dates = doc.dates();
        // Each date that tells a style apart: the styles it keeps to, and its span.
        let mut written_dates: Vec<(u8, Range<usize>)> = Vec::new();
        for date in &dates.dates {
            let Some(day) = date.day else {
                continue;
            };
            if !prose(date.block) {
                continue;
            }
            let styles = date_styles(&doc.text[date.span.clone()], day, date.month);
            if styles != 0 && styles != ALL_STYLES {
                written_dates.push((styles, date.span.clone()));
            }
        }
        self.check_dates(doc, &written_dates, out);
        // Dates are in text order: the one that could hold a token is the last starting
        // at or before it.
        let in_date = |i: usize| {
            let r = &doc.tokens[i].range();
            let after = dates.dates.partition_point(|d| d.span.start <= r.start);
            after > 0 && r.end <= dates.dates[after - 1].span.end
        };
        for (b, block) in doc.blocks.iter().enumerate() {
            if !prose(b) {
                continue;
            }
            let tokens = block.tokens.clone();
            let text = |i: usize| doc.token_text(&doc.tokens[i]);
            let kind = |i: usize| doc.tokens[i].kind();
            for i in tokens.clone() {
                if kind(i) != TokenKind::Number {
                    continue;
                }
                let t = text(i);
                let next = (i + 1 < tokens.end).then(|| i + 1);
                // "36%" and "36 %".
                if let Some(n) = next {
                    let spaced = kind(n) == TokenKind::Space
                        && matches!(text(n), " " | "\u{a0}")
                        && n + 1 < tokens.end
                        && text(n + 1) == "%";
                    if text(n) == "%" || spaced {
                        let end = doc.tokens[if spaced { n + 1 } else { n }].end();
                        let span = doc.tokens[i].start()..end;
                        groups
                            .entry((Kind::PercentSpace, String::new()))
                            .or_default()
                            .push(Place {
                                way: spaced,
                                span: span.clone(),
                            });
                        if let Some(point) = decimal_point(t) {
                            groups
                                .entry((Kind::DecimalMark, String::new()))
                                .or_default()
                                .push(Place { way: point, span });
                        }
                        continue;
                    }
                }
                // "06 chương trình" and "6 chương trình".
                let padded = t.len() == 2 && t.starts_with('0') && t != "00";
                if !(padded || (t.len() == 1 && t != "0")) || in_date(i) {
                    continue;
                }
                let glued = |j: usize| {
                    kind(j) == TokenKind::Punct && matches!(text(j), "/" | "-" | ":" | "." | ",")
                };
                if (i > tokens.start && glued(i - 1)) || next.is_some_and(glued) {
                    continue;
                }
                let previous_word = (tokens.start..i)
                    .rev()
                    .find(|&j| kind(j) != TokenKind::Space)
                    .filter(|&j| kind(j) == TokenKind::Word)
                    .map(|j| text(j).to_lowercase());
                if previous_word
                    .as_deref()
                    .is_some_and(|w| NUMBER_LABEL_WORDS.contains(w))
                {
                    continue;
                }
                // "02 giờ sáng": a time of day, where a leading zero is usual.
                let Some(noun) = next
                    .filter(|&n| kind(n) == TokenKind::Space && n + 1 < tokens.end)
                    .map(|n| n + 1)
                    .filter(|&w| kind(w) == TokenKind::Word)
                    .map(|w| text(w).to_lowercase())
                else {
                    continue;
                };
                if TIME_UNITS.contains(&noun) {
                    continue;
                }
                counts[usize::from(padded)] += 1;
                groups.entry((Kind::Count, noun)).or_default().push(Place {
                    way: padded,
                    span: doc.tokens[i].range(),
                });
            }
        }
        let mut keys: Vec<&(Kind, String)> = groups.keys().collect();
        // The percent and decimal-mark groups can start on the same number: the key breaks
        // the tie, so the findings come out in the same order on every run.
        keys.sort_by_key(|k| (groups[*k][0].span.start, *k));
        for key in keys {
            let places = &groups[key];
            if places.iter().all(|p| p.way == places[0].way) {
                continue;
            }
            let (a, b) = (
                places.iter().filter(|p| p.way).count(),
                places.iter().filter(|p| !p.way).count(),
            );
            let usual = match key.0 {
                Kind::Count if counts[1] != counts[0] => counts[1] > counts[0],
                _ if a != b => a > b,
                // A tie: the way written first is the usual one.
                _ => places[0].way,
            };
            let Some(evidence) = places.iter().find(|p| p.way == usual) else {
                continue;
            };
            for place in places.iter().filter(|p| p.way != usual) {
                out.push(self.report(doc, key.0, place, evidence));
            }
        }
    }
}

impl NumberFormat {
    /// Dates: the style most dates keep to (on a tie, one the first date keeps to) is the
    /// document's; each date that keeps to none of its ways is reported.
    fn check_dates(&self, doc: &Document, dates: &[(u8, Range<usize>)], out: &mut Vec<Diagnostic>) {
        let Some(first) = dates.first() else {
            return;
        };
        let count = |style: u8| dates.iter().filter(|d| d.0 & style != 0).count();
        let most = [PLAIN, PADDED, DECREE_30]
            .map(count)
            .into_iter()
            .max()
            .unwrap_or(0);
        let tied: Vec<u8> = [PLAIN, DECREE_30, PADDED]
            .into_iter()
            .filter(|&s| count(s) == most)
            .collect();
        let usual = tied
            .iter()
            .copied()
            .find(|&s| first.0 & s != 0)
            .unwrap_or(tied[0]);
        let Some(evidence) = dates.iter().find(|d| d.0 & usual != 0) else {
            return;
        };
        let (vi_style, en_style) = style_names(usual);
        let other = &doc.text[evidence.1.clone()];
        for (styles, span) in dates {
            if styles & usual != 0 {
                continue;
            }
            let this = &doc.text[span.clone()];
            let (kept, total) = (count(usual), dates.len());
            out.push(
                Diagnostic::new(
                    self.meta().id,
                    self.meta().default_severity,
                    span.clone(),
                    Message::new(
                        format!(
                            "“{this}” không theo cách viết ngày của văn bản ({vi_style}, như “{other}”: {kept} trong {total} ngày cho thấy cách viết)"
                        ),
                        format!(
                            "“{this}” does not follow the document's way of writing dates ({en_style}, as in “{other}”: {kept} of the {total} dates whose style shows)"
                        ),
                    ),
                )
                .with_related(
                    evidence.1.clone(),
                    Message::new("cách viết thường dùng", "the usual way"),
                ),
            );
        }
    }

    fn report(&self, doc: &Document, kind: Kind, place: &Place, usual: &Place) -> Diagnostic {
        let rule = self.meta();
        let (this, other) = (&doc.text[place.span.clone()], &doc.text[usual.span.clone()]);
        let (vi, en) = match (kind, place.way) {
            (Kind::Count, true) => ("có số 0 ở đầu", "with a leading zero"),
            (Kind::Count, false) => ("không có số 0 ở đầu", "without a leading zero"),
            (Kind::PercentSpace, true) => ("có dấu cách trước “%”", "with a space before “%”"),
            (Kind::PercentSpace, false) => {
                ("không có dấu cách trước “%”", "without a space before “%”")
            }
            (Kind::DecimalMark, true) => ("dùng dấu chấm thập phân", "with a decimal point"),
            (Kind::DecimalMark, false) => ("dùng dấu phẩy thập phân", "with a decimal comma"),
        };
        Diagnostic::new(
            rule.id,
            rule.default_severity,
            place.span.clone(),
            Message::new(
                format!("“{this}” viết {vi}, khác cách viết thường dùng trong văn bản (“{other}”)"),
                format!("“{this}” is written {en}, unlike the rest of the document (“{other}”)"),
            ),
        )
        .with_related(
            usual.span.clone(),
            Message::new("cách viết thường dùng", "the usual way"),
        )
    }
}

/// The ways of writing a date's day and month, as bits: no leading zero ("5/2/2025"), a
/// leading zero below 10 ("05/03/2025"), and the style of Decree 30/2020/NĐ-CP: a leading
/// zero on days below 10 and on months 1 and 2 only ("05/02/2025", "05/3/2025").
const PLAIN: u8 = 1;
const PADDED: u8 = 2;
const DECREE_30: u8 = 4;
const ALL_STYLES: u8 = PLAIN | PADDED | DECREE_30;

/// The date styles a written date keeps to (its day and month are the first two groups of
/// at most two digits; 0 when they cannot be told apart).
fn date_styles(written: &str, day: u32, month: u32) -> u8 {
    let mut groups = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty() && g.len() <= 2);
    let (Some(d), Some(m)) = (groups.next(), groups.next()) else {
        return 0;
    };
    if d.parse() != Ok(day) || m.parse() != Ok(month) {
        return 0;
    }
    // Whether a number below 10 is written with its zero; `None` for 10 and above.
    let zero = |g: &str, n: u32| (n < 10).then_some(g.len() == 2);
    let (day_zero, month_zero) = (zero(d, day), zero(m, month));
    let mut styles = 0;
    if day_zero != Some(true) && month_zero != Some(true) {
        styles |= PLAIN;
    }
    if day_zero != Some(false) && month_zero != Some(false) {
        styles |= PADDED;
    }
    if day_zero != Some(false) && month_zero.is_none_or(|z| z == (month <= 2)) {
        styles |= DECREE_30;
    }
    styles
}

/// How a message names a date style, in Vietnamese and in English.
fn style_names(style: u8) -> (&'static str, &'static str) {
    match style {
        PLAIN => ("không có số 0 ở đầu", "no leading zero"),
        PADDED => (
            "số 0 ở đầu ngày và tháng dưới 10",
            "a leading zero on days and months below 10",
        ),
        _ => (
            "theo Nghị định 30/2020/NĐ-CP: số 0 ở đầu ngày dưới 10 và tháng 1, 2",
            "as in Decree 30/2020/NĐ-CP: a leading zero on days below 10 and months 1 and 2",
        ),
    }
}

/// For a percentage's number with one separator that cannot group thousands: whether it
/// is a decimal point (`Some(true)`) or a decimal comma.
fn decimal_point(number: &str) -> Option<bool> {
    let (dots, commas) = (number.matches('.').count(), number.matches(',').count());
    let after = number.rsplit(['.', ',']).next()?;
    if dots + commas != 1 || after.len() == 3 {
        return None;
    }
    Some(dots == 1)
}

#[cfg(test)]
mod tests {
    use super::NumberFormat;
    use crate::rules::testing::{check, fires_somewhere, flagged, flags_each, silent};

    #[test]
    fn fails_when_numbers_are_written_two_ways() {
        // One way against one other: a tie, so which of the two is flagged is not the point.
        fires_somewhere(
            &NumberFormat,
            &["Ban hành 06 chương trình công tác. Thực hiện 6 chương trình công tác."],
        );
        flags_each(
            &NumberFormat,
            &[
                (
                    "Ngày 27/06/2024 họp. Ngày 28/6/2024 họp tiếp. Ngày 29/6/2024 kết thúc.",
                    &["27/06/2024"],
                ),
                ("Tăng 36%, đạt 64 %, giảm 12%.", &["64 %"]),
                ("Tăng 12,5%, giảm 3,5% và đạt 7.5%.", &["7.5%"]),
            ],
        );
    }

    #[test]
    fn silent_when_one_way_throughout() {
        silent(
            &NumberFormat,
            &[
                "Ban hành 6 chương trình công tác. Thực hiện 6 chương trình công tác.",
                "Tiêu đề ngắn\nNgày đăng 27/06/2024 | 14:46\n\nNgày 27/6/2024 họp. Ngày 28/6/2024 họp tiếp.",
                "# Tiêu đề\n\nNgày đăng 27/06/2024 | 14:46\n\nNgày 27-6 họp. Ngày 28/6/2024 họp tiếp.",
                "Ngày 10/10/2024 và ngày 27/6/2024.",
                "Tăng 36%, đạt 64%, giảm 12,5%.",
                "Quyết định số 06/QĐ-UBND giao 6 chỉ tiêu. Lúc 06:30 có 6 người.",
                "Làm từ 21 giờ đến 02 giờ sáng, sau 6 giờ nghỉ.",
                "Tăng 12.500% và 3,5%.",
                "Có 06 chương trình và 6 kế hoạch.",
            ],
        );
    }

    #[test]
    fn reports_the_minority_against_the_usual_way() {
        let text = "Ban hành 06 chương trình. Thực hiện 6 chương trình, 6 tháng, 5 kế hoạch.";
        assert_eq!(flagged(&NumberFormat, text), vec!["06"]);
        let found = check(&NumberFormat, text);
        assert_eq!(&text[found[0].related[0].span.clone()], "6");
        // A tie: the later way is reported.
        assert_eq!(flagged(&NumberFormat, "Tăng 36%, đạt 64 %."), vec!["64 %"]);
        assert_eq!(
            flagged(
                &NumberFormat,
                "Ngày 27/06/2024 họp. Ngày 28/6/2024 họp tiếp. Ngày 29/6/2024 xong."
            ),
            vec!["27/06/2024"]
        );
    }

    #[test]
    fn the_style_of_decree_30_is_one_consistent_style() {
        silent(
            &NumberFormat,
            &[
                "Ngày 05 tháng 02 năm 2025 họp; ngày 15 tháng 11 năm 2025 tổng kết; ngày 05 tháng 3 năm 2025 ra quân.",
                "Ngày 05/02/2025 họp, ngày 05/3/2025 kiểm tra, ngày 15/11/2025 tổng kết.",
                "Ngày 09/01/2025 họp, ngày 27/6/2025 kiểm tra.",
            ],
        );
        flags_each(
            &NumberFormat,
            &[
                (
                    "Ngày 05/3/2025 họp, ngày 06/02/2025 kiểm tra, ngày 7/3/2025 tổng kết.",
                    &["7/3/2025"],
                ),
                (
                    "Ngày 05 tháng 3 năm 2025 họp, ngày 06 tháng 3 năm 2025 kiểm tra, ngày 07 tháng 03 năm 2025 tổng kết.",
                    &["07 tháng 03 năm 2025"],
                ),
            ],
        );
        let text = "Ngày 05/3/2025 họp, ngày 06/3/2025 kiểm tra, ngày 7/3/2025 tổng kết.";
        let found = check(&NumberFormat, text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.vi.contains("Nghị định 30/2020/NĐ-CP"),
            "{}",
            found[0].message.vi
        );
        assert_eq!(&text[found[0].related[0].span.clone()], "05/3/2025");
    }
}
