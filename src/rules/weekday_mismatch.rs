use crate::analysis::Facts;
use crate::analysis::dates::{DateMention, Dates, YearSource};
use crate::diagnostic::{Diagnostic, Message};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::calendar::{Weekday, days_from_civil, days_in_month};

declare_rule! {
    /// A weekday that is wrong for the date it is attached to.
    ///
    /// ## What it does
    /// Finds a weekday written with a date ("thứ Hai, ngày 27/6/2024", "thứ Hai (27/6)",
    /// "Chủ nhật 30/6", "T2, 27/6", "ngày 27/6/2024 (thứ Năm)", "14:30 thứ Năm, 19/9/2025",
    /// "đến hết thứ Sáu (26/9)", "Chủ nhật vừa qua (23/2)") and computes the weekday of
    /// that date. When they differ, the weekday is reported with the date as evidence, and
    /// the fix gives the right weekday in the writer's form ("thứ Năm", "T5", "Chủ nhật").
    /// A date without a year takes the year of the publication date (when it falls within a
    /// few months of it), the only year the document states, or, when it states several,
    /// the one year that puts the date within four months of a full date of its latest two
    /// years ("Sáng 18/8 (Chủ nhật)" beside "(2/10/1996 - 2/10/2024)" is 18/8/2024);
    /// otherwise it is left alone.
    /// A year guessed that way gives way when the weekday fits the year before or after and
    /// no full date of that year lies within four months (a notice written in one year about
    /// the next).
    /// "Sáng nay (thứ Năm)" in the lead is checked against the date "nay" names: a full
    /// date earlier in its sentence ("Lạc Dương, 17/10/2024 - Sáng nay") or the date line
    /// above ("Tiền Giang, ngày 19 tháng 5 năm 2025"), not a publication line ("Cập nhật",
    /// "Ngày đăng"), which may come a day later.
    /// Ordinals ("lần thứ hai", "thứ hai là", "Thứ nhất, ... Thứ hai, ...") are not
    /// weekdays.
    ///
    /// ## Why
    /// Readers plan by the weekday as much as by the date; when the two disagree, nobody
    /// knows which day the event is on, and the correction has to be published.
    ///
    /// ## Example
    /// ```text
    /// Sáng thứ Hai, ngày 27/6/2024, Ủy ban nhân dân quận Tây Hồ tổ chức hội nghị trực tuyến.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Sáng thứ Năm, ngày 27/6/2024, Ủy ban nhân dân quận Tây Hồ tổ chức hội nghị lần thứ hai.
    /// ```
    pub struct WeekdayMismatch {
        id: "weekday-mismatch",
        severity: Error,
        reads: [Dates],
        vi: "Thứ trong tuần không khớp với ngày tháng đi kèm.

## Tác dụng
Tìm thứ trong tuần được viết kèm ngày tháng (“thứ Hai, ngày 27/6/2024”, “thứ Hai (27/6)”, “Chủ nhật 30/6”, “T2, 27/6”, “ngày 27/6/2024 (thứ Năm)”, “14:30 thứ Năm, 19/9/2025”, “đến hết thứ Sáu (26/9)”, “Chủ nhật vừa qua (23/2)”) và tính thứ của ngày đó. Khi hai bên khác nhau, lỗi được báo ở thứ, kèm ngày tháng làm bằng chứng, và gợi ý sửa ghi đúng thứ theo cách viết của người viết (“thứ Năm”, “T5”, “Chủ nhật”). Ngày không ghi năm thì lấy năm của ngày đăng (nếu cách ngày đăng không quá vài tháng), năm duy nhất văn bản nêu, hoặc, khi văn bản nêu nhiều năm, năm duy nhất đặt ngày đó cách một ngày tháng năm đầy đủ của hai năm gần nhất không quá bốn tháng (“Sáng 18/8 (Chủ nhật)” cạnh “(2/10/1996 - 2/10/2024)” là 18/8/2024); nếu không thì bỏ qua. Năm đoán theo cách ấy nhường khi thứ khớp với năm trước hoặc năm sau và không có ngày đầy đủ nào của năm đó trong vòng bốn tháng (thông báo viết năm này về việc năm sau). “Sáng nay (thứ Năm)” ở phần mở đầu được so với ngày mà “nay” chỉ: ngày tháng năm đầy đủ đứng trước trong cùng câu (“Lạc Dương, 17/10/2024 - Sáng nay”) hoặc dòng ngày tháng phía trên (“Tiền Giang, ngày 19 tháng 5 năm 2025”), không phải dòng ngày đăng (“Cập nhật”, “Ngày đăng”), vốn có thể muộn hơn một ngày. Số thứ tự (“lần thứ hai”, “thứ hai là”, “Thứ nhất, ... Thứ hai, ...”) không bị coi là thứ trong tuần.

## Vì sao
Người đọc sắp xếp công việc theo thứ cũng như theo ngày; khi hai thông tin lệch nhau, không ai biết sự kiện diễn ra hôm nào, và phải đăng đính chính.",
    }
}

impl Rule for WeekdayMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for date in &doc.dates().dates {
            let Some(stated) = &date.weekday else {
                continue;
            };
            let Some((year, month, day)) = date.ymd() else {
                continue;
            };
            let actual = Weekday::of(year, month, day);
            if actual == stated.weekday
                || fits_a_neighbouring_year(doc.dates(), date, stated.weekday)
            {
                continue;
            }
            let written = &doc.text[stated.span.clone()];
            let full = format!("{day}/{month}/{year}");
            let mut d = Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                stated.span.clone(),
                Message::new(
                    format!("Ngày {full} là {}, không phải “{written}”", actual.vi()),
                    format!(
                        "{full} is a {}, not a {} (“{written}”)",
                        actual.en(),
                        stated.weekday.en()
                    ),
                ),
            )
            .with_related(
                date.span.clone(),
                Message::new(
                    format!("ngày {full} là {}", actual.vi()),
                    format!("{full} is a {}", actual.en()),
                ),
            );
            if let Some((span, message)) = date.year_evidence() {
                d = d.with_related(span, message);
            }
            out.push(d.with_suggestion(stated.span.clone(), stated.write(actual)));
        }
        for today in &doc.dates().today_weekdays {
            let (year, month, day) = today.date;
            let actual = Weekday::of(year, month, day);
            if actual == today.weekday.weekday {
                continue;
            }
            let written = &doc.text[today.weekday.span.clone()];
            let said = &doc.text[today.today.clone()];
            let full = format!("{day}/{month}/{year}");
            let d = Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                today.weekday.span.clone(),
                Message::new(
                    format!(
                        "“{said}” là ngày {full}, {}, không phải “{written}”",
                        actual.vi()
                    ),
                    format!(
                        "“{said}” is {full}, a {}, not a {} (“{written}”)",
                        actual.en(),
                        today.weekday.weekday.en()
                    ),
                ),
            )
            .with_related(
                today.date_span.clone(),
                Message::new(
                    format!("ngày của bài: {full}, {}", actual.vi()),
                    format!("the article's date: {full}, a {}", actual.en()),
                ),
            );
            out.push(d.with_suggestion(today.weekday.span.clone(), today.weekday.write(actual)));
        }
    }
}

/// How far from the full date that states the document's only year a yearless date may
/// fall and still be read in that year with certainty.
const NEAR_THE_STATED_DATE: i64 = 120;

/// Whether a date whose year is only guessed (the one year the document states, not a
/// publication date) has its weekday in the year before or after, and falls far from the
/// full date that states that year (or no full date states it): a notice written in one
/// year about the next ("Chiều 17/1 (thứ Bảy)" beside "ngày 30/9/2025") is not wrong.
fn fits_a_neighbouring_year(dates: &Dates, date: &DateMention, stated: Weekday) -> bool {
    let (YearSource::OnlyYear(_), Some(year), Some(day)) = (&date.year_source, date.year, date.day)
    else {
        return false;
    };
    let near_a_full_date = dates.dates.iter().any(|full| {
        matches!(full.year_source, YearSource::Written(_))
            && full.year == Some(year)
            && full.ymd().is_some_and(|(y, m, d)| {
                (days_from_civil(y, m, d) - days_from_civil(year, date.month, day)).abs()
                    <= NEAR_THE_STATED_DATE
            })
    });
    !near_a_full_date
        && [year - 1, year + 1].into_iter().any(|y| {
            day <= days_in_month(y, date.month) && Weekday::of(y, date.month, day) == stated
        })
}

#[cfg(test)]
mod tests {
    use super::WeekdayMismatch;
    use crate::rules::testing::{check, fixed, flags_each, silent};

    #[test]
    fn fails_when_the_weekday_is_wrong() {
        flags_each(
            &WeekdayMismatch,
            &[
                ("Sáng thứ Hai, ngày 27/6/2024, phường họp.", &["thứ Hai"]),
                ("Chủ nhật 29/6/2024, phường ra quân.", &["Chủ nhật"]),
                ("Thứ Ba (27/6/2024), phường họp.", &["Thứ Ba"]),
                ("Lịch: T2, 27/6/2024 họp giao ban.", &["T2"]),
                ("Hội nghị diễn ra ngày 27/6/2024 (thứ Sáu).", &["thứ Sáu"]),
                (
                    "Tiêu đề ngắn\nNgày đăng 27/06/2024 | 14:46\n\nChiều thứ Ba (26/6), phường họp.",
                    &["thứ Ba"],
                ),
                ("Hà Nội, thứ Hai, ngày 27 tháng 6 năm 2024.", &["thứ Hai"]),
                ("Sáng thứ 2, ngày 27-6-2024, phường họp.", &["thứ 2"]),
            ],
        );
    }

    #[test]
    fn several_years_stated_the_year_of_a_near_full_date() {
        // 18/8/2024 is a Sunday; 2023 and 1996 are stated as well.
        flags_each(
            &WeekdayMismatch,
            &[(
                "Sáng 18/8 (thứ Tư), hội trao thưởng năm học 2023 - 2024, nhân kỷ niệm 28 năm thành lập (2/10/1996 - 2/10/2024).",
                &["thứ Tư"],
            )],
        );
        silent(
            &WeekdayMismatch,
            &[
                "Sáng 18/8 (Chủ nhật), hội trao thưởng năm học 2023 - 2024, nhân kỷ niệm 28 năm thành lập (2/10/1996 - 2/10/2024).",
                // The only full date is old: the year stays unknown.
                "Sáng 18/8 (thứ Tư), cụ kể ngày 2/8/1968 và năm 2024.",
            ],
        );
    }

    #[test]
    fn today_is_the_datelines_date() {
        // 17/10/2024 and 19/5/2025 are a Thursday and a Monday.
        flags_each(
            &WeekdayMismatch,
            &[
                (
                    "Tiêu đề\n\nLạc Dương, 17/10/2024 - Sáng nay (thứ Sáu), huyện phát động quỹ.",
                    &["thứ Sáu"],
                ),
                (
                    "Tiêu đề\nTiền Giang, ngày 19 tháng 5 năm 2025\n\nSáng nay, thứ Ba, tổng công ty khởi công cầu.",
                    &["thứ Ba"],
                ),
            ],
        );
        silent(
            &WeekdayMismatch,
            &[
                "Tiêu đề\n\nLạc Dương, 17/10/2024 - Sáng nay (thứ Năm), huyện phát động quỹ.",
                "Tiêu đề\nTiền Giang, ngày 19 tháng 5 năm 2025\n\nSáng nay, thứ Hai, tổng công ty khởi công cầu.",
                // A publication line may come a day after the event.
                "Tiêu đề\nCập nhật: 20/05/2025 08:00\n\nSáng nay, thứ Hai, tổng công ty khởi công cầu.",
            ],
        );
    }

    #[test]
    fn a_guessed_year_gives_way_to_the_next_or_the_last() {
        // 17/1/2025 is a Friday, 17/1/2026 a Saturday: the only year written is the
        // offence's, not necessarily the hearing's.
        silent(
            &WeekdayMismatch,
            &["Chiều 17/1 (thứ Bảy), tòa xét xử vụ trộm xảy ra ngày 30/9/2025."],
        );
        flags_each(
            &WeekdayMismatch,
            &[(
                "Chiều 17/1 (thứ Hai), tòa xét xử vụ trộm xảy ra ngày 30/9/2025.",
                &["thứ Hai"],
            )],
        );
    }

    #[test]
    fn silent_when_right_or_not_a_weekday() {
        silent(
            &WeekdayMismatch,
            &[
                "Sáng thứ Năm, ngày 27/6/2024, phường họp.",
                "Chủ nhật 30/6/2024, phường ra quân.",
                "Đây là lần thứ hai (27/6/2024) phường tổ chức.",
                "Ngày thứ hai (27/6/2024) của hội chợ đông vui.",
                "Thứ nhất, rà soát hồ sơ. Thứ hai, ngày 27/6/2024 là hạn nộp.",
                "Thứ hai là công tác cán bộ, ngày 27/6/2024 họp.",
                "Chiều thứ Hai (27/6), phường họp; dự kiến năm 2024 và năm 2025 hoàn thành.",
                "Cuộc họp lần thứ 2 (27/6/2024) đã bàn.",
                "Sáng thứ Hai, ngày 31/6/2024, phường họp.",
            ],
        );
    }

    #[test]
    fn the_fix_keeps_the_writers_form() {
        let cases = [
            (
                "Sáng thứ Hai, ngày 27/6/2024, họp.",
                "Sáng thứ Năm, ngày 27/6/2024, họp.",
            ),
            ("Thứ hai (27/6/2024) họp.", "Thứ năm (27/6/2024) họp."),
            ("T2, 27/6/2024 họp.", "T5, 27/6/2024 họp."),
            (
                "Chủ nhật, ngày 27/6/2024 họp.",
                "Thứ Năm, ngày 27/6/2024 họp.",
            ),
            (
                "Sáng thứ Bảy, ngày 30/6/2024 ra quân.",
                "Sáng Chủ nhật, ngày 30/6/2024 ra quân.",
            ),
            ("Sáng thứ 3 (27/6/2024) họp.", "Sáng thứ 5 (27/6/2024) họp."),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(&WeekdayMismatch, text), want, "{text}");
        }
    }

    #[test]
    fn the_date_is_the_evidence() {
        let text = "Sáng thứ Hai, ngày 27/6/2024, họp.";
        let found = check(&WeekdayMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "thứ Hai");
        assert_eq!(&text[found[0].related[0].span.clone()], "27/6/2024");
        assert_eq!(
            found[0].message.vi,
            "Ngày 27/6/2024 là thứ Năm, không phải “thứ Hai”"
        );
    }
}
