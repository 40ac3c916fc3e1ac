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
    /// without one before the same noun ("06 chương trình", "6 chương trình"); dates with
    /// and without a leading zero ("27/06/2024", "27/6/2024"); a percent sign with and
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
        vi: "Cùng một văn bản viết một loại con số theo hai cách.

## Tác dụng
So sánh cách văn bản viết bốn loại con số và báo những chỗ lệch khỏi cách viết thường dùng: số đếm có số 0 ở đầu bên cạnh số đếm không có số 0 trước cùng một danh từ (“06 chương trình”, “6 chương trình”); ngày tháng có và không có số 0 ở đầu (“27/06/2024”, “27/6/2024”); dấu phần trăm có và không có dấu cách phía trước (“36%”, “36 %”); dấu thập phân là dấu phẩy và dấu chấm trong tỷ lệ phần trăm (“12,5%”, “12.5%”). Cách viết ít dùng hơn bị báo, mỗi chỗ một lần, kèm chỗ đầu tiên viết theo cách thường dùng; nếu hai cách ngang nhau thì cách viết sau bị báo. Dòng ngày đăng (“Ngày đăng 27/06/2024”) được bỏ qua vì do trang web tạo ra, không phải người viết.

## Vì sao
Một thông cáo báo chí được biên tập như một văn bản thống nhất. Con số viết hai kiểu cho thấy văn bản được ghép từ nhiều nguồn và khiến người đọc băn khoăn “06” và “6” có phải là một.",
    }
}

/// The four kinds of number the rule compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Count,
    Date,
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
        for date in &dates.dates {
            if date.day.is_none() || !prose(date.block) {
                continue;
            }
            if let Some(way) = date_padding(&doc.text[date.span.clone()]) {
                groups
                    .entry((Kind::Date, String::new()))
                    .or_default()
                    .push(Place {
                        way,
                        span: date.span.clone(),
                    });
            }
        }
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
            let kind = |i: usize| doc.tokens[i].kind;
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
    fn report(&self, doc: &Document, kind: Kind, place: &Place, usual: &Place) -> Diagnostic {
        let rule = self.meta();
        let (this, other) = (&doc.text[place.span.clone()], &doc.text[usual.span.clone()]);
        let (vi, en) = match (kind, place.way) {
            (Kind::Count, true) => ("có số 0 ở đầu", "with a leading zero"),
            (Kind::Count, false) => ("không có số 0 ở đầu", "without a leading zero"),
            (Kind::Date, true) => ("có số 0 ở đầu", "with a leading zero"),
            (Kind::Date, false) => ("không có số 0 ở đầu", "without a leading zero"),
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

/// Whether a date's day and month are written with a leading zero (`Some(true)`), without
/// one where one could be (`Some(false)`), or neither tells (`None`: "10/10/2024", or both).
fn date_padding(written: &str) -> Option<bool> {
    let groups: Vec<&str> = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty() && g.len() <= 2)
        .collect();
    let padded = groups.iter().any(|g| g.len() == 2 && g.starts_with('0'));
    let plain = groups.iter().any(|g| g.len() == 1);
    match (padded, plain) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
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
}
