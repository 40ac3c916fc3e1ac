//! The Gregorian calendar: leap years, month lengths, day numbers and weekdays, with the
//! Vietnamese names of the weekdays.

use crate::text::case::{Case, apply_case};

/// Gregorian leap years.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The most days `month` ever has (29 for February).
pub fn max_days_in_month(month: u32) -> u32 {
    days_in_month(2000, month)
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The weekday of a date.
    pub fn of(year: i32, month: u32, day: u32) -> Weekday {
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let index = (days_from_civil(year, month, day) + 3).rem_euclid(7);
        Weekday::ALL[usize::try_from(index).unwrap_or(0)]
    }

    /// "thứ N": 2 for Monday … 7 for Saturday; `None` for Sunday ("Chủ nhật").
    pub fn number(self) -> Option<u32> {
        match self {
            Weekday::Sunday => None,
            d => Some(d as u32 + 2),
        }
    }

    pub fn from_number(n: u32) -> Option<Weekday> {
        (2..=7).contains(&n).then(|| Weekday::ALL[(n - 2) as usize])
    }

    /// The word after "thứ", lower-case ("hai"); `None` for Sunday.
    pub fn vi_word(self) -> Option<&'static str> {
        Some(match self {
            Weekday::Monday => "hai",
            Weekday::Tuesday => "ba",
            Weekday::Wednesday => "tư",
            Weekday::Thursday => "năm",
            Weekday::Friday => "sáu",
            Weekday::Saturday => "bảy",
            Weekday::Sunday => return None,
        })
    }

    pub fn from_vi_word(word: &str) -> Option<Weekday> {
        Weekday::ALL[..6]
            .iter()
            .copied()
            .find(|d| d.vi_word() == Some(word))
    }

    /// The name in Vietnamese, as a style guide writes it ("thứ Năm", "Chủ nhật").
    pub fn vi(self) -> String {
        match self.vi_word() {
            Some(w) => format!("thứ {}", apply_case(w, Case::Capitalized)),
            None => "Chủ nhật".to_string(),
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}
