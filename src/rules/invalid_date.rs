use crate::analysis::Facts;
use crate::analysis::dates::{DateMention, ImpossibleMonth};
use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::calendar::{days_in_month, is_leap_year, max_days_in_month};

declare_rule! {
    /// A date that does not exist in the calendar.
    ///
    /// ## What it does
    /// Reads every date of the document in the forms Vietnamese press uses ("31/6/2024",
    /// "31-6-2024", "31.6.2024", "ngày 31 tháng 6 năm 2024", "ngày 31-6" with the year of the
    /// publication date) and reports those whose day is past the end of their month: 31 June,
    /// 30 February, 29 February of a year that is not a leap year; and those whose month
    /// is past 12 ("22/13/2023", "ngày 21 tháng 13"), saying which date a swap of day and
    /// month gives ("11/16/2024": 16 November). A 29 February without a
    /// year the document makes certain is left alone. Fractions ("51/68 chỉ tiêu"), times
    /// ("14:46") and document numbers ("15/2020/NĐ-CP") are not read as dates.
    ///
    /// ## Why
    /// An impossible date is a typing slip in a day or a month, and it hides which day was
    /// meant: readers cannot tell whether the meeting was on 30 June or 31 July.
    ///
    /// ## Example
    /// ```text
    /// Ngày 31/6/2024, Ủy ban nhân dân phường Nghĩa Đô tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Ngày 29/2/2024, Ủy ban nhân dân phường Nghĩa Đô tổ chức hội nghị; đơn vị đạt 51/68 chỉ tiêu.
    /// ```
    pub struct InvalidDate {
        id: "invalid-date",
        severity: Error,
        reads: [Dates],
        vi: "Ngày tháng không có thật trên lịch.

## Tác dụng
Đọc mọi ngày tháng trong văn bản theo các cách viết thông dụng của báo chí (“31/6/2024”, “31-6-2024”, “31.6.2024”, “ngày 31 tháng 6 năm 2024”, “ngày 31-6” với năm lấy từ ngày đăng) và báo những ngày vượt quá số ngày của tháng: 31 tháng 6, 30 tháng 2, 29 tháng 2 của năm không nhuận; cùng những ngày có tháng lớn hơn 12 (“22/13/2023”, “ngày 21 tháng 13”), kèm ngày tháng có được khi đảo ngày và tháng (“11/16/2024”: ngày 16 tháng 11). Ngày 29 tháng 2 khi văn bản không cho biết chắc năm nào thì không bị báo. Phân số (“51/68 chỉ tiêu”), giờ (“14:46”) và số hiệu văn bản (“15/2020/NĐ-CP”) không bị coi là ngày tháng.

## Vì sao
Một ngày không có thật là lỗi gõ nhầm ngày hoặc tháng, và nó che mất ngày thật: người đọc không biết cuộc họp diễn ra ngày 30 tháng 6 hay 31 tháng 7.",
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Rule for InvalidDate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for date in &doc.dates().dates {
            if date.exists() != Some(false) {
                continue;
            }
            out.push(self.report(doc, date));
        }
        for date in &doc.dates().impossible_months {
            out.push(self.report_month(doc, date));
        }
    }
}

impl InvalidDate {
    /// "22/13/2023": no month 13; "11/16/2024": probably 16/11/2024.
    fn report_month(&self, doc: &Document, date: &ImpossibleMonth) -> Diagnostic {
        let written = &doc.text[date.span.clone()];
        let month = date.month;
        let message = match date.swapped() {
            Some((day, swapped_month)) => Message::new(
                format!(
                    "“{written}” không có thật: không có tháng {month}; có lẽ ngày và tháng bị đảo (ngày {day} tháng {swapped_month})"
                ),
                format!(
                    "“{written}” does not exist: there is no month {month}; day and month were probably swapped ({day} {})",
                    MONTHS_EN[swapped_month as usize - 1]
                ),
            ),
            None => Message::new(
                format!(
                    "“{written}” không có thật: một năm chỉ có 12 tháng, không có tháng {month}"
                ),
                format!(
                    "“{written}” does not exist: a year has 12 months, there is no month {month}"
                ),
            ),
        };
        Diagnostic::new(
            self.meta().id,
            self.meta().default_severity,
            date.span.clone(),
            message,
        )
    }

    fn report(&self, doc: &Document, date: &DateMention) -> Diagnostic {
        let written = &doc.text[date.span.clone()];
        let day = date.day.unwrap_or_default();
        let month = date.month;
        let month_en = MONTHS_EN[(month as usize).saturating_sub(1) % 12];
        let message = match date.year {
            Some(year) if month == 2 && day == 29 && !is_leap_year(year) => Message::new(
                format!(
                    "“{written}” không có thật: năm {year} không phải năm nhuận, tháng 2 chỉ có 28 ngày"
                ),
                format!(
                    "“{written}” does not exist: {year} is not a leap year, February has 28 days"
                ),
            ),
            _ => {
                let days = date
                    .year
                    .map_or(max_days_in_month(month), |y| days_in_month(y, month));
                Message::new(
                    format!("“{written}” không có thật: tháng {month} chỉ có {days} ngày"),
                    format!("“{written}” does not exist: {month_en} has {days} days"),
                )
            }
        };
        let mut d = Diagnostic::new(
            self.meta().id,
            self.meta().default_severity,
            date.span.clone(),
            message,
        );
        if let Some((span, message)) = date.year_evidence() {
            d = d.with_related(span, message);
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::InvalidDate;
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn fails_on_dates_that_do_not_exist() {
        flags_each(
            &InvalidDate,
            &[
                ("Ngày 31/6/2024, phường họp.", &["31/6/2024"]),
                ("Hạn chót là 30/02/2024.", &["30/02/2024"]),
                ("Ngày 29/2/2023, phường họp.", &["29/2/2023"]),
                (
                    "Hà Nội, ngày 31 tháng 4 năm 2024.",
                    &["31 tháng 4 năm 2024"],
                ),
                ("Hội nghị diễn ra ngày 31-9-2024.", &["31-9-2024"]),
                ("Văn bản ký ngày 31.11.2024.", &["31.11.2024"]),
                ("Sáng 31/4, phường ra quân.", &["31/4"]),
                (
                    "Tiêu đề ngắn\nNgày đăng 05/03/2023 | 10:00\n\nNgày 29-2, phường họp.",
                    &["29-2"],
                ),
                ("Kỷ niệm 70 năm (10/10/1954-31/6/2024).", &["31/6/2024"]),
                ("Ngày 22/13/2023, phường họp.", &["22/13/2023"]),
                (
                    "Hà Nội, ngày 21 tháng 13 năm 2025.",
                    &["21 tháng 13 năm 2025"],
                ),
                ("Sáng 14/14 (thứ Bảy), phường ra quân.", &["14/14"]),
                ("Hội nghị diễn ra ngày 11/16/2024.", &["11/16/2024"]),
            ],
        );
    }

    #[test]
    fn silent_on_valid_dates_and_things_that_are_not_dates() {
        silent(
            &InvalidDate,
            &[
                "Ngày 29/2/2024, phường họp.",
                "Ngày 30/6/2024 và ngày 31 tháng 7 năm 2024.",
                "Đạt 51/68 chỉ tiêu, 31/40 hộ.",
                "Lúc 14:46, tỷ số 31-2.",
                "Theo Thông tư 31/2024/TT-BTC và Quyết định 30/02/QĐ-UBND.",
                "Ngày 29-2, phường họp.",
                "Có 31/6 hộ đạt chuẩn.",
                "Theo Nghị định 15/2020/NĐ-CP, Văn bản số 12/15/2024 và Quyết định 13/14/QĐ-UBND.",
                "Đạt 11/16 chỉ tiêu, 7/13 xã; tỷ số 2-14.",
            ],
        );
    }

    #[test]
    fn says_which_reading_a_swap_meant() {
        let text = "Hội nghị diễn ra ngày 11/16/2024. Ngày 22/13/2023 họp tiếp.";
        let found = check(&InvalidDate, text);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message.vi,
            "“11/16/2024” không có thật: không có tháng 16; có lẽ ngày và tháng bị đảo (ngày 16 tháng 11)"
        );
        assert_eq!(
            found[1].message.en,
            "“22/13/2023” does not exist: a year has 12 months, there is no month 13"
        );
    }

    #[test]
    fn says_why() {
        let text = "Ngày 29/2/2023, phường họp. Ngày 31/6/2024 họp tiếp.";
        let found = check(&InvalidDate, text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "29/2/2023");
        assert_eq!(
            found[0].message.vi,
            "“29/2/2023” không có thật: năm 2023 không phải năm nhuận, tháng 2 chỉ có 28 ngày"
        );
        assert_eq!(
            found[1].message.en,
            "“31/6/2024” does not exist: June has 30 days"
        );
    }
}
