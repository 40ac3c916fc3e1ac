//! Dates as Vietnamese press writes them, extracted once per document: "27/6/2024",
//! "27-6-2024", "27.6.2024", "ngày 27 tháng 6 năm 2024", "ngày 27-6", "27/6" and "sáng 27.6" with the
//! year taken from the document, "tháng 6/2024", "tháng 6 năm 2024"; ranges such as
//! "10/10/1954-10/10/2024" and "(1944 - 2024)"; weekdays attached to a date ("thứ Hai,
//! ngày 27/6/2024", "Chủ nhật (30/6)"). The calendar
//! arithmetic lives in [`crate::text::calendar`].
//!
//! The extractor is strict: a day from 1 to 31 and a month from 1 to 12, and for a day and a
//! month without a year some context saying it is a date (a preceding "ngày", "sáng",
//! "chiều"..., an attached weekday, a metadata line). Fractions ("51/68 chỉ tiêu"), times
//! ("14:46") and document numbers ("15/2020/NĐ-CP") are not dates.

use std::cell::OnceCell;
use std::ops::Range;

use crate::analysis::cursor::{Cursor, PLAUSIBLE_YEARS, YEARS};
use crate::analysis::sentences::non_space_tokens;
use crate::document::{BlockKind, Document};
use crate::lists::{
    DATE_CHAIN_WORDS, DATE_CONTEXT_WORDS, MEASURE_UNITS, WEEKDAY_LEAD_WORDS,
    WEEKDAY_LEAD_WORDS_CAPITALIZED,
};
use crate::text::calendar::{Weekday, days_from_civil, days_in_month, max_days_in_month};
use crate::text::case::{Case, apply_case, case_of};
use crate::text::publication::is_publication_line;
use crate::text::punctuation::RANGE_DASHES;
use crate::text::tokens::TokenKind;

// ---------------------------------------------------------------------------------------
// Extracted facts
// ---------------------------------------------------------------------------------------

/// How a weekday was written, so a correction can be written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayForm {
    /// "thứ Hai", "Thứ hai", "THỨ HAI": the case of each word.
    Words { thu: Case, number: Case },
    /// "thứ 2".
    Digit { thu: Case },
    /// "T2" … "T7", "CN".
    Abbreviation,
    /// "Chủ nhật", and whether it opens a sentence.
    Sunday { chu: Case, starts_sentence: bool },
}

/// A weekday attached to a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekdayMention {
    pub weekday: Weekday,
    pub span: Range<usize>,
    pub form: WeekdayForm,
}

impl WeekdayMention {
    /// `day` written in this mention's form.
    pub fn write(&self, day: Weekday) -> String {
        match (self.form, day.number()) {
            (WeekdayForm::Abbreviation, Some(n)) => format!("T{n}"),
            (WeekdayForm::Abbreviation, None) => "CN".to_string(),
            (WeekdayForm::Digit { thu }, Some(n)) => format!("{} {n}", apply_case("thứ", thu)),
            (WeekdayForm::Words { thu, number }, Some(_)) => format!(
                "{} {}",
                apply_case("thứ", thu),
                apply_case(day.vi_word().unwrap_or_default(), number)
            ),
            (WeekdayForm::Digit { thu } | WeekdayForm::Words { thu, .. }, None) => match thu {
                Case::Upper => "CHỦ NHẬT".to_string(),
                _ => "Chủ nhật".to_string(),
            },
            (
                WeekdayForm::Sunday {
                    chu,
                    starts_sentence,
                },
                Some(_),
            ) => {
                let word = day.vi_word().unwrap_or_default();
                match chu {
                    Case::Upper => format!("THỨ {}", apply_case(word, Case::Upper)),
                    Case::Lower => format!("thứ {word}"),
                    _ => format!(
                        "{} {}",
                        if starts_sentence { "Thứ" } else { "thứ" },
                        apply_case(word, Case::Capitalized)
                    ),
                }
            }
            (WeekdayForm::Sunday { chu, .. }, None) => match chu {
                Case::Upper => "CHỦ NHẬT".to_string(),
                _ => "Chủ nhật".to_string(),
            },
        }
    }
}

/// Where a date's year comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearSource {
    /// Written in the date; the span is the year's.
    Written(Range<usize>),
    /// Taken from the publication date in a metadata line; the span is that date's.
    Publication(Range<usize>),
    /// The only year the document states; the span is one place it is stated.
    OnlyYear(Range<usize>),
    /// Of several years stated, the one that puts the date within a few months of a full
    /// date the document writes (of its latest two years); the span is that full date's.
    NearFullDate(Range<usize>),
    /// Not known.
    Unknown,
}

/// A date in the text. `day` is `None` for a month ("tháng 6/2024").
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub day: Option<u32>,
    pub month: u32,
    pub year: Option<i32>,
    pub year_source: YearSource,
    /// The date as written (without a leading "ngày").
    pub span: Range<usize>,
    pub block: usize,
    /// Indices into `doc.tokens`.
    pub tokens: Range<usize>,
    /// A weekday attached to it ("thứ Hai, ngày 27/6").
    pub weekday: Option<WeekdayMention>,
}

impl DateMention {
    /// Where an inferred year came from, as evidence for a finding: the place and what it
    /// says. `None` when the year is written in the date or unknown.
    pub fn year_evidence(&self) -> Option<(Range<usize>, crate::diagnostic::Message)> {
        let year = self.year.unwrap_or_default();
        match &self.year_source {
            YearSource::Publication(span) => Some((
                span.clone(),
                crate::diagnostic::Message::new(
                    format!("năm {year} lấy từ ngày đăng"),
                    format!("the year {year} is the publication date's"),
                ),
            )),
            YearSource::OnlyYear(span) => Some((
                span.clone(),
                crate::diagnostic::Message::new(
                    format!("năm {year}: năm duy nhất văn bản nêu"),
                    format!("{year}: the only year the document states"),
                ),
            )),
            YearSource::NearFullDate(span) => Some((
                span.clone(),
                crate::diagnostic::Message::new(
                    format!("năm {year}: ngày này cách ngày đầy đủ gần nhất không quá bốn tháng"),
                    format!("{year}: the year that puts it within four months of this full date"),
                ),
            )),
            _ => None,
        }
    }

    pub fn year_written(&self) -> bool {
        matches!(self.year_source, YearSource::Written(_))
    }

    /// Whether the date exists: `None` when it depends on a year nobody knows (29/2).
    pub fn exists(&self) -> Option<bool> {
        let Some(day) = self.day else {
            return Some(true);
        };
        // A 29 February read in a year only guessed from a nearby date is not certain.
        let guessed = matches!(self.year_source, YearSource::NearFullDate(_));
        match self.year {
            None if day > max_days_in_month(self.month) => Some(false),
            _ if self.month == 2 && day == 29 && (guessed || self.year.is_none()) => None,
            Some(year) => Some(day <= days_in_month(year, self.month)),
            None => Some(true),
        }
    }

    /// Day, month and year when all three are known and the date exists.
    pub fn ymd(&self) -> Option<(i32, u32, u32)> {
        let (day, year) = (self.day?, self.year?);
        (day <= days_in_month(year, self.month)).then_some((year, self.month, day))
    }
}

/// One end of a range: a year, perhaps with a month and a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeEnd {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub year_span: Range<usize>,
    pub span: Range<usize>,
}

/// "10/10/1954-10/10/2024", "(1944 - 2024)", "8/1945 - 8/2025".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub from: RangeEnd,
    pub to: RangeEnd,
    pub span: Range<usize>,
    pub block: usize,
    /// Indices into `doc.tokens`.
    pub tokens: Range<usize>,
}

/// A date whose month cannot be one (13 to 31) in a place only a date fits: "22/13/2023",
/// "ngày 21 tháng 13", "Sáng 14/14"; when the day could be the month, the two were
/// probably swapped ("11/16/2024" for 16/11/2024).
#[derive(Debug, Clone, PartialEq)]
pub struct ImpossibleMonth {
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
    /// The date as written.
    pub span: Range<usize>,
    pub block: usize,
}

impl ImpossibleMonth {
    /// Day and month swapped, when that reading is a real date.
    pub fn swapped(&self) -> Option<(u32, u32)> {
        let (day, month) = (self.month, self.day);
        let days = self
            .year
            .map_or(max_days_in_month(month), |y| days_in_month(y, month));
        ((1..=12).contains(&month) && day <= days).then_some((day, month))
    }
}

/// Every date of a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dates {
    /// In text order.
    pub dates: Vec<DateMention>,
    /// Dates whose month is past 12, in text order (not in `dates`).
    pub impossible_months: Vec<ImpossibleMonth>,
    pub ranges: Vec<DateRange>,
    /// The publication date of a metadata line ("Ngày đăng 27/06/2024"): (y, m, d), span.
    pub publication: Option<((i32, u32, u32), Range<usize>)>,
    /// The latest year the document writes anywhere (1900–2100).
    pub latest_year: Option<i32>,
    /// Weekdays of "today" in the lead ("Sáng nay (thứ Năm)"), each with the date it
    /// names: the dateline's or the date line's above it.
    pub today_weekdays: Vec<TodayWeekday>,
}

/// "Sáng nay (thứ Năm)" under "Lạc Dương, 17/10/2024": the weekday, and the date that
/// "nay" names with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct TodayWeekday {
    pub weekday: WeekdayMention,
    /// The words of "today" ("Sáng nay").
    pub today: Range<usize>,
    pub date: (i32, u32, u32),
    pub date_span: Range<usize>,
}

// ---------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------

/// A day and month written without a year is read in the publication year when it falls
/// this many days before to this many days after the publication date.
const DAYS_BEFORE_PUBLICATION: i64 = 240;
const DAYS_AFTER_PUBLICATION: i64 = 60;

/// A day and month without a year, in a document stating several years and no publication
/// date, is read in the year that puts it at most this many days from a full date of the
/// document's latest two years, when only one year does.
pub const NEAR_A_FULL_DATE: i64 = 120;

/// What one piece of a block says.
#[derive(Debug, Clone)]
enum ItemKind {
    /// Day and month, perhaps a year.
    Date {
        day: u32,
        month: u32,
        year: Option<(i32, Range<usize>)>,
    },
    /// "tháng 6/2024"; `dated` when the context says it is a month (otherwise it only
    /// counts as the end of a range).
    MonthYear {
        month: u32,
        year: i32,
        year_span: Range<usize>,
        dated: bool,
    },
    /// A bare four-digit year: only ever the end of a range.
    Year { year: i32 },
    /// Day and month where the month is 13 to 31 (see [`ImpossibleMonth`]).
    BadMonth {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
}

#[derive(Debug, Clone)]
struct Item {
    kind: ItemKind,
    /// Positions in the block's non-space tokens, inclusive.
    first: usize,
    last: usize,
    span: Range<usize>,
    weekday: Option<WeekdayMention>,
}

/// A day (1–31) or a month (1–12) written with one or two digits.
fn small(s: &str, max: u32) -> Option<u32> {
    if s.is_empty() || s.len() > 2 {
        return None;
    }
    s.parse().ok().filter(|v| (1..=max).contains(v))
}

/// A month that cannot be one but could be a day (13–31), written with one or two digits.
fn bad_month(s: &str) -> Option<u32> {
    small(s, 31).filter(|&m| m > 12)
}

/// The day and month at `d` and `m`: a real month, or else one past 12 (`bad` true).
fn day_and_month(scan: &Cursor<'_>, d: usize, m: usize) -> Option<(u32, u32, bool)> {
    let day = small(scan.digits(d)?, 31)?;
    let month = scan.digits(m)?;
    match small(month, 12) {
        Some(month) => Some((day, month, false)),
        None => bad_month(month).map(|month| (day, month, true)),
    }
}

/// The item kind for a day and month with perhaps a year.
fn date_kind(day: u32, month: u32, bad: bool, year: Option<(i32, Range<usize>)>) -> ItemKind {
    if bad {
        ItemKind::BadMonth {
            day,
            month,
            year: year.map(|(y, _)| y),
        }
    } else {
        ItemKind::Date { day, month, year }
    }
}

fn four_digit_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

/// A weekday whose last token is at `last`, with where it starts, if it reads as a weekday
/// in its place (not "lần thứ hai", "thứ hai là").
fn weekday_ending_at(
    scan: &Cursor<'_>,
    last: usize,
    enumerates: &dyn Fn() -> bool,
) -> Option<(usize, WeekdayMention)> {
    let (first, mention, capitalized) = weekday_words_ending_at(scan, last, enumerates)?;
    if first == last {
        return Some((first, mention)); // "T2" … "CN"
    }
    // What comes before decides between a weekday and an ordinal ("lần thứ hai").
    let lead_ok = match first.checked_sub(1) {
        None => true,
        Some(p) => match scan.kind(p) {
            Some(TokenKind::Punct) => true,
            // A clock time: "Cập nhật: 14:30 thứ Tư, 19/6/2024".
            Some(TokenKind::Number) => {
                scan.text(p).contains(':') || p > 0 && scan.is_punct(p - 1, ":")
            }
            Some(TokenKind::Word) => {
                let w = scan.word(p).unwrap_or_default();
                WEEKDAY_LEAD_WORDS.contains(w)
                    || (capitalized && WEEKDAY_LEAD_WORDS_CAPITALIZED.contains(w))
            }
            _ => false,
        },
    };
    lead_ok.then_some((first, mention))
}

/// The weekday written in the tokens ending at `last` ("thứ Hai", "thứ 2", "Chủ nhật",
/// "T2"), whatever comes before it: its first position, the mention, and whether it is
/// capitalised (a lower-case "thứ hai" may be an ordinal).
fn weekday_words_ending_at(
    scan: &Cursor<'_>,
    last: usize,
    enumerates: &dyn Fn() -> bool,
) -> Option<(usize, WeekdayMention, bool)> {
    let text = scan.text(last);
    if scan.kind(last)? != TokenKind::Word && scan.kind(last)? != TokenKind::Number {
        return None;
    }
    // "T2" … "T7", "CN".
    if scan.kind(last) == Some(TokenKind::Word) {
        let abbreviation = match text {
            "CN" => Some(Weekday::Sunday),
            _ => text
                .strip_prefix('T')
                .and_then(|n| n.parse().ok())
                .and_then(Weekday::from_number),
        };
        if let Some(weekday) = abbreviation {
            return Some((
                last,
                WeekdayMention {
                    weekday,
                    span: scan.token(last).range(),
                    form: WeekdayForm::Abbreviation,
                },
                true,
            ));
        }
    }
    let first = last.checked_sub(1)?;
    let second = scan.word(last).map(str::to_string);
    let first_word = scan.word(first)?;
    let first_case = case_of(scan.text(first));
    let (weekday, form, capitalized) = if first_word == "chủ" && second.as_deref() == Some("nhật")
    {
        (
            Weekday::Sunday,
            WeekdayForm::Sunday {
                chu: first_case,
                starts_sentence: scan.opens_sentence(first),
            },
            true,
        )
    } else if first_word == "thứ" {
        if let Some(word) = second.as_deref() {
            let weekday = Weekday::from_vi_word(word)?;
            let number = case_of(scan.text(last));
            // "Thứ hai" inside a sentence is a weekday too ("đến hết Thứ hai (2/2)").
            let capitalized =
                number != Case::Lower || first_case != Case::Lower && !scan.opens_sentence(first);
            if !capitalized && enumerates() {
                return None; // "Thứ nhất, ... Thứ hai, ngày 27/6 ...": an enumeration
            }
            (
                weekday,
                WeekdayForm::Words {
                    thu: first_case,
                    number,
                },
                capitalized,
            )
        } else {
            let n: u32 = scan.digits(last)?.parse().ok()?;
            let weekday = Weekday::from_number(n).filter(|_| scan.text(last).len() == 1)?;
            (weekday, WeekdayForm::Digit { thu: first_case }, false)
        }
    } else {
        return None;
    };
    Some((
        first,
        WeekdayMention {
            weekday,
            span: scan.span(first, last),
            form,
        },
        capitalized,
    ))
}

/// The weekday attached before a date starting at `k`: "thứ Hai, ngày 27/6", "thứ Hai
/// (27/6)", "Chủ nhật 30/6", "T2, 27/6".
fn weekday_before(
    scan: &Cursor<'_>,
    k: usize,
    enumerates: &dyn Fn() -> bool,
) -> Option<WeekdayMention> {
    let mut j = k.checked_sub(1)?;
    if scan.is_punct(j, "(") {
        j = j.checked_sub(1)?;
        // "Chủ nhật vừa qua (23/2)", "vào Chủ nhật tuần này (29/9)".
        let pair = (j.checked_sub(1).and_then(|p| scan.word(p)), scan.word(j));
        if matches!(
            pair,
            (Some("vừa"), Some("qua")) | (Some("tuần"), Some("này" | "tới" | "sau"))
        ) {
            j = j.checked_sub(2)?;
        }
    }
    if scan.word(j) == Some("ngày") {
        j = j.checked_sub(1)?;
    }
    if scan.is_punct(j, ",") {
        j = j.checked_sub(1)?;
    }
    weekday_ending_at(scan, j, enumerates).map(|(_, w)| w)
}

/// The weekday in parentheses right after a date ending at `last`: "27/6/2024 (thứ Năm)",
/// or said of it: "ngày 15/10 trùng vào ngày thứ bảy", "rơi vào Chủ nhật", "nhằm thứ Bảy",
/// "ngày 26/2 là thứ Năm".
fn weekday_after(
    scan: &Cursor<'_>,
    last: usize,
    enumerates: &dyn Fn() -> bool,
) -> Option<WeekdayMention> {
    if !scan.is_punct(last + 1, "(") {
        return weekday_said_of(scan, last + 1, enumerates);
    }
    // One or two tokens, then ")".
    (last + 2..=last + 3)
        .filter(|&e| scan.is_punct(e + 1, ")"))
        .find_map(|e| {
            let (start, w) = weekday_ending_at(scan, e, &|| false)?;
            (start == last + 2).then_some(w)
        })
        .filter(|w| {
            // A lower-case "thứ hai" in an enumerating document is still an ordinal.
            !matches!(
                w.form,
                WeekdayForm::Words {
                    number: Case::Lower,
                    ..
                }
            ) || !enumerates()
        })
}

/// "trùng vào [ngày] thứ bảy", "rơi vào Chủ nhật", "nhằm [ngày] thứ Bảy" (a weekday in any
/// case: these verbs only take a day) or "là [ngày] thứ Năm" (capitalised only: "là ngày thứ
/// hai của hội chợ" is an ordinal) starting at `k`, right after a date.
fn weekday_said_of(
    scan: &Cursor<'_>,
    k: usize,
    enumerates: &dyn Fn() -> bool,
) -> Option<WeekdayMention> {
    if scan.kind(k) != Some(TokenKind::Word) {
        return None;
    }
    let (mut j, any_case) = match scan.word(k)? {
        "trùng" | "rơi" if scan.word_is(k + 1, "vào") => (k + 2, true),
        "nhằm" => (k + 1, true),
        "là" => (k + 1, false),
        _ => return None,
    };
    if scan.word_is(j, "ngày") {
        j += 1;
    }
    // One token ("T7") or two, not followed by "của" ("thứ hai của ...": an ordinal).
    (j..=j + 1).find_map(|e| {
        let (first, mention, capitalized) = weekday_words_ending_at(scan, e, enumerates)?;
        let ordinal = scan.word_is(e + 1, "của");
        (first == j && !ordinal && (any_case || capitalized)).then_some(mention)
    })
}

/// A run of numbers joined by "/" or "-" with no space: the numbers' positions and the
/// separators.
fn chunk_at(scan: &Cursor<'_>, k: usize) -> Chunk {
    let mut chunk = Chunk {
        parts: [k; MAX_PARTS],
        seps: ['/'; MAX_PARTS - 1],
        len: 1,
        end: k,
    };
    let mut j = k;
    while scan.touching(j)
        && scan.touching(j + 1)
        && scan.kind(j + 2) == Some(TokenKind::Number)
        && matches!(scan.punct(j + 1), Some("/" | "-"))
    {
        // Longer than a range of two dates: not a date ("1/2/3/4/5/6/7"); read to its end.
        if chunk.len < MAX_PARTS {
            chunk.seps[chunk.len - 1] = if scan.is_punct(j + 1, "/") { '/' } else { '-' };
            chunk.parts[chunk.len] = j + 2;
        }
        chunk.len += 1;
        j += 2;
    }
    chunk.end = j;
    chunk
}

/// Numbers joined by "/" or "-" with no space ("10/10/1954-10/10/2024" has six parts).
struct Chunk {
    parts: [usize; MAX_PARTS],
    seps: [char; MAX_PARTS - 1],
    /// Parts read; more than `MAX_PARTS` when too long to be a date.
    len: usize,
    /// The last part's position.
    end: usize,
}

const MAX_PARTS: usize = 6;

/// The items of one block, in order.
fn block_items(scan: &Cursor<'_>, meta: bool, enumerates: &dyn Fn() -> bool) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut k = 0;
    while k < scan.len() {
        let next = k + 1;
        match scan.kind(k) {
            Some(TokenKind::Word) if scan.word_is(k, "ngày") => {
                if let Some((mut item, end)) = words_date(scan, k) {
                    item.weekday = weekday_before(scan, item.first, enumerates)
                        .or_else(|| weekday_after(scan, item.last, enumerates));
                    items.push(item);
                    k = end + 1;
                    continue;
                }
            }
            Some(TokenKind::Word) if scan.word_is(k, "tháng") => {
                if let Some((item, end)) = words_month(scan, k) {
                    items.push(item);
                    k = end + 1;
                    continue;
                }
            }
            Some(TokenKind::Number) => {
                let chunk = chunk_at(scan, k);
                if chunk.len <= MAX_PARTS {
                    interpret_chunk(
                        scan,
                        &chunk.parts[..chunk.len],
                        &chunk.seps[..chunk.len - 1],
                        meta,
                        &mut items,
                        enumerates,
                    );
                }
                k = chunk.end + 1;
                continue;
            }
            _ => {}
        }
        k = next;
    }
    items
}

/// "ngày 27 tháng 6 [năm 2024]" starting at the word "ngày".
fn words_date(scan: &Cursor<'_>, k: usize) -> Option<(Item, usize)> {
    if scan.word(k + 2) != Some("tháng") {
        return None;
    }
    let (day, month, bad) = day_and_month(scan, k + 1, k + 3)?;
    let (year, last) = match (scan.word(k + 4), scan.year(k + 5)) {
        (Some("năm"), Some(y)) => (Some((y, scan.token(k + 5).range())), k + 5),
        _ => (None, k + 3),
    };
    Some((
        Item {
            kind: date_kind(day, month, bad, year),
            first: k + 1,
            last,
            span: scan.span(k + 1, last),
            weekday: None,
        },
        last,
    ))
}

/// "tháng 6 năm 2024" starting at the word "tháng" ("tháng 6/2024" is a number chunk).
fn words_month(scan: &Cursor<'_>, k: usize) -> Option<(Item, usize)> {
    let month = small(scan.digits(k + 1)?, 12)?;
    if scan.touching(k + 1) || scan.word(k + 2) != Some("năm") {
        return None;
    }
    let year = scan.year(k + 3)?;
    Some((
        Item {
            kind: ItemKind::MonthYear {
                month,
                year,
                year_span: scan.token(k + 3).range(),
                dated: true,
            },
            first: k + 1,
            last: k + 3,
            span: scan.span(k + 1, k + 3),
            weekday: None,
        },
        k + 3,
    ))
}

fn interpret_chunk(
    scan: &Cursor<'_>,
    parts: &[usize],
    seps: &[char],
    meta: bool,
    items: &mut Vec<Item>,
    enumerates: &dyn Fn() -> bool,
) {
    let first = parts[0];
    let last = *parts.last().expect("a chunk has a number");
    // Part of an identifier: "15/2020/NĐ-CP", "QĐ-12/3", "1/2/3".
    if scan.touching(last)
        && (matches!(scan.punct(last + 1), Some("/" | "-" | ".")) && scan.touching(last + 1)
            || scan.kind(last + 1) == Some(TokenKind::Word))
    {
        return;
    }
    // A dash spaced from what precedes it and glued to the number opens the second half of
    // a range ("(14/10/1930 -14/10/2020)"), not an identifier.
    let range_dash = || {
        first > 1
            && scan
                .punct(first - 1)
                .is_some_and(|p| RANGE_DASHES.contains(&p))
            && !scan.touching(first - 2)
    };
    if first > 0
        && scan.touching(first - 1)
        && (matches!(scan.punct(first - 1), Some("/" | "-" | "." | ","))
            || scan.kind(first - 1) == Some(TokenKind::Word))
        && !range_dash()
    {
        return;
    }
    let all_digits = parts.iter().all(|&p| scan.digits(p).is_some());
    let context_before = |k: usize| -> bool {
        if meta {
            return true;
        }
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        if scan.word(p).is_some_and(|w| DATE_CONTEXT_WORDS.contains(w)) {
            return true;
        }
        // "sáng qua 18.8", "hôm qua 20/5": yesterday.
        if scan.word(p) == Some("qua")
            && p.checked_sub(1)
                .and_then(|q| scan.word(q))
                .is_some_and(|w| TODAY_WORDS.contains(&w))
        {
            return true;
        }
        // "(từ 16/9 đến 22/9)": a range of two day-month pairs ending the clause ("từ 1/3
        // đến 1/2 số hộ" is a range of fractions).
        if scan.word(p) == Some("từ") {
            let to = chunk_at(scan, k).end + 1;
            let second = to + 1;
            let second_end = chunk_at(scan, second).end;
            return matches!(scan.word(to), Some("đến" | "tới"))
                && scan.kind(second) == Some(TokenKind::Number)
                && second_end == second + 2
                && scan.is_punct(second + 1, "/")
                && scan
                    .kind(second_end + 1)
                    .is_none_or(|kind| kind == TokenKind::Punct);
        }
        // "ngày 27/6 và 28/6": joined to a date just before.
        scan.word(p)
            .or_else(|| scan.punct(p))
            .is_some_and(|w| DATE_CHAIN_WORDS.contains(w))
            && items
                .last()
                .is_some_and(|i| i.last + 2 == k && matches!(i.kind, ItemKind::Date { .. }))
    };
    // A document number, not a date: "số 12/15/2024".
    let numbered = first > 0 && scan.word(first - 1) == Some("số");
    let full_date = |d: usize, m: usize, y: usize| -> Option<Item> {
        let (day, month, bad) = day_and_month(scan, d, m)?;
        let year = scan.year(y)?;
        if bad && numbered {
            return None;
        }
        Some(Item {
            kind: date_kind(day, month, bad, Some((year, scan.token(y).range()))),
            first: d,
            last: y,
            span: scan.span(d, y),
            weekday: None,
        })
    };
    let day_month = |d: usize, m: usize| -> Option<Item> {
        let (day, month, bad) = day_and_month(scan, d, m)?;
        Some(Item {
            kind: date_kind(day, month, bad, None),
            first: d,
            last: m,
            span: scan.span(d, m),
            weekday: None,
        })
    };
    let month_year = |m: usize, y: usize, dated: bool| -> Option<Item> {
        let month = small(scan.digits(m)?, 12)?;
        let year = scan.year(y)?;
        Some(Item {
            kind: ItemKind::MonthYear {
                month,
                year,
                year_span: scan.token(y).range(),
                dated,
            },
            first: m,
            last: y,
            span: scan.span(m, y),
            weekday: None,
        })
    };
    let is_year = |p: usize| scan.year(p).is_some();
    let mut found: Vec<Item> = Vec::new();
    match (parts, seps) {
        // "27.6.2024": one number token with two dots.
        ([p], []) if !all_digits => {
            let text = scan.text(*p);
            let pieces: Vec<&str> = text.split('.').collect();
            // "Sáng 19.8 (thứ Ba)", "ngày 22.9": a day and a month joined by a dot, read as
            // a date only after a word of time or with a weekday attached (a decimal
            // written with a dot, "2.5 lít", has neither).
            if let [d, m] = pieces[..]
                && let Some(day) = small(d, 31)
                && let Some((month, bad)) = small(m, 12)
                    .map(|v| (v, false))
                    .or_else(|| bad_month(m).map(|v| (v, true)))
            {
                let weekday = weekday_before(scan, *p, enumerates)
                    .or_else(|| weekday_after(scan, *p, enumerates));
                let measured = scan.word(*p + 1).is_some_and(|w| MEASURE_UNITS.contains(w));
                if weekday.is_some() || (!meta && !measured && context_before(*p)) {
                    found.push(Item {
                        kind: date_kind(day, month, bad, None),
                        first: *p,
                        last: *p,
                        span: scan.token(*p).range(),
                        weekday,
                    });
                }
            } else if let [d, m, y] = pieces[..]
                && let (Some(day), Some(month), Some(year)) =
                    (small(d, 31), small(m, 12), four_digit_year(y))
            {
                let range = scan.token(*p).range();
                let year_span = range.end - y.len()..range.end;
                found.push(Item {
                    kind: ItemKind::Date {
                        day,
                        month,
                        year: Some((year, year_span)),
                    },
                    first: *p,
                    last: *p,
                    span: range,
                    weekday: None,
                });
            }
        }
        ([p], []) => {
            if let Some(year) = scan.year(*p) {
                found.push(Item {
                    kind: ItemKind::Year { year },
                    first: *p,
                    last: *p,
                    span: scan.token(*p).range(),
                    weekday: None,
                });
            }
        }
        _ if !all_digits => {}
        ([d, m, y], [a, b]) if a == b && is_year(*y) => found.extend(full_date(*d, *m, *y)),
        // ISO "2024-06-27", as front matter writes the publication date: metadata only.
        ([y, m, d], ['-', '-']) if meta && is_year(*y) => {
            if let Some(mut item) = full_date(*d, *m, *y) {
                (item.first, item.last, item.span) = (*y, *d, scan.span(*y, *d));
                found.push(item);
            }
        }
        ([y1, y2], ['-']) if is_year(*y1) && is_year(*y2) => {
            for &p in &[*y1, *y2] {
                let year = scan.year(p).unwrap_or_default();
                found.push(Item {
                    kind: ItemKind::Year { year },
                    first: p,
                    last: p,
                    span: scan.token(p).range(),
                    weekday: None,
                });
            }
        }
        ([m, y], [_]) if is_year(*y) => {
            let dated = first > 0 && scan.word(first - 1) == Some("tháng");
            found.extend(month_year(*m, *y, dated));
        }
        ([d, m], [_]) => {
            let mut item = day_month(*d, *m);
            if let Some(it) = &mut item {
                it.weekday = weekday_before(scan, first, enumerates)
                    .or_else(|| weekday_after(scan, last, enumerates));
                if it.weekday.is_none() && !context_before(first) {
                    item = None;
                }
            }
            found.extend(item);
        }
        ([d1, m1, y1, d2, m2, y2], ['/', '/', '-', '/', '/']) => {
            if let (Some(a), Some(b)) = (full_date(*d1, *m1, *y1), full_date(*d2, *m2, *y2)) {
                found.push(a);
                found.push(b);
            }
        }
        ([a1, b1, a2, b2], [s1, '-', s2]) if s1 == s2 => {
            if is_year(*b1) && is_year(*b2) {
                let dated = first > 0 && scan.word(first - 1) == Some("tháng");
                if let (Some(a), Some(b)) =
                    (month_year(*a1, *b1, dated), month_year(*a2, *b2, false))
                {
                    found.push(a);
                    found.push(b);
                }
            } else if context_before(first)
                && let (Some(a), Some(b)) = (day_month(*a1, *b1), day_month(*a2, *b2))
            {
                found.push(a);
                found.push(b);
            }
        }
        _ => {}
    }
    // A weekday attached to a dated item (full dates included).
    let n = found.len();
    for (i, item) in found.iter_mut().enumerate() {
        if item.weekday.is_none() && matches!(item.kind, ItemKind::Date { .. }) {
            item.weekday = if i == 0 {
                weekday_before(scan, item.first, enumerates)
            } else {
                None
            }
            .or_else(|| {
                (i + 1 == n)
                    .then(|| weekday_after(scan, item.last, enumerates))
                    .flatten()
            });
        }
    }
    items.extend(found);
}

/// A range: two items with written years joined by a dash.
fn range_end(item: &Item, scan: &Cursor<'_>) -> Option<RangeEnd> {
    let (year, month, day, year_span) = match &item.kind {
        ItemKind::Date {
            day,
            month,
            year: Some((y, ys)),
        } => (*y, Some(*month), Some(*day), ys.clone()),
        ItemKind::MonthYear {
            month,
            year,
            year_span,
            ..
        } => (*year, Some(*month), None, year_span.clone()),
        ItemKind::Year { year } => (*year, None, None, scan.token(item.first).range()),
        ItemKind::Date { year: None, .. } | ItemKind::BadMonth { .. } => return None,
    };
    Some(RangeEnd {
        year,
        month,
        day,
        year_span,
        span: item.span.clone(),
    })
}

/// Extracts every date of the document. Blocks without a digit are passed over.
pub fn extract(doc: &Document) -> Dates {
    let mut out = Dates::default();
    let enumerates_cell = OnceCell::new();
    let enumerates = || {
        *enumerates_cell.get_or_init(|| {
            ["thứ nhất", "Thứ nhất", "THỨ NHẤT"]
                .iter()
                .any(|p| doc.text.contains(p))
        })
    };
    let mut stated_years: Vec<(i32, Range<usize>)> = Vec::new();
    let mut pending: Vec<(DateMention, bool)> = Vec::new();
    // The full dates of the date lines read so far (datelines, a date printed above the
    // article), not those of a publication line (it may come a day later).
    let mut date_lines: Vec<FullDate> = Vec::new();
    for (block_index, block) in doc.blocks.iter().enumerate() {
        let has_digit = doc.text.as_bytes()[block.range.clone()]
            .iter()
            .any(u8::is_ascii_digit);
        let lead = block_index < LEAD_BLOCKS && block.kind != BlockKind::Meta;
        if !has_digit && !lead {
            continue;
        }
        let non_space = &non_space_tokens(doc, block);
        let scan = Cursor::new(doc, non_space);
        let meta = block.kind == BlockKind::Meta;
        let items = if has_digit {
            block_items(&scan, meta, &enumerates)
        } else {
            Vec::new()
        };
        if lead {
            today_weekdays(&scan, &items, &date_lines, &mut out.today_weekdays);
        }
        if meta && !is_publication_line(&doc.text[block.range.clone()]) {
            date_lines.extend(items.iter().filter_map(full_date));
        }
        // Years stated: written years of dates and ranges, and "năm 2024".
        for k in 0..scan.len() {
            if let Some(y) = scan.year(k)
                && PLAUSIBLE_YEARS.contains(&y)
            {
                stated_years.push((y, scan.token(k).range()));
            }
        }
        for pair in items.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let joined = b.first == a.last + 2
                && scan
                    .punct(a.last + 1)
                    .is_some_and(|p| RANGE_DASHES.contains(&p));
            if !joined {
                continue;
            }
            if let (Some(from), Some(to)) = (range_end(a, &scan), range_end(b, &scan)) {
                out.ranges.push(DateRange {
                    span: a.span.start..b.span.end,
                    block: block_index,
                    tokens: scan.tokens[a.first]..scan.tokens[b.last] + 1,
                    from,
                    to,
                });
            }
        }
        for item in items {
            let tokens = scan.tokens[item.first]..scan.tokens[item.last] + 1;
            let mention = match item.kind {
                ItemKind::Date { day, month, year } => {
                    let (year, year_source) = match year {
                        Some((y, span)) => (Some(y), YearSource::Written(span)),
                        None => (None, YearSource::Unknown),
                    };
                    DateMention {
                        day: Some(day),
                        month,
                        year,
                        year_source,
                        span: item.span,
                        block: block_index,
                        tokens,
                        weekday: item.weekday,
                    }
                }
                ItemKind::BadMonth { day, month, year } => {
                    out.impossible_months.push(ImpossibleMonth {
                        day,
                        month,
                        year,
                        span: item.span,
                        block: block_index,
                    });
                    continue;
                }
                ItemKind::MonthYear {
                    month,
                    year,
                    year_span,
                    dated: true,
                } => DateMention {
                    day: None,
                    month,
                    year: Some(year),
                    year_source: YearSource::Written(year_span),
                    span: item.span,
                    block: block_index,
                    tokens,
                    weekday: None,
                },
                _ => continue,
            };
            pending.push((mention, meta));
        }
    }
    out.publication = pending.iter().find_map(|(m, meta)| {
        (*meta && m.year_written())
            .then(|| m.ymd().map(|ymd| (ymd, m.span.clone())))
            .flatten()
    });
    out.latest_year = stated_years.iter().map(|(y, _)| *y).max();
    let only_year = match stated_years.first() {
        Some((y, span)) if stated_years.iter().all(|(z, _)| z == y) => Some((*y, span.clone())),
        _ => None,
    };
    let full_dates = recent_full_dates(&pending, out.latest_year);
    for (mut m, _) in pending {
        if m.year.is_none() {
            if let Some(((py, pm, pd), span)) = &out.publication {
                let day = m.day.unwrap_or(1).min(days_in_month(*py, m.month));
                let diff = days_from_civil(*py, m.month, day) - days_from_civil(*py, *pm, *pd);
                if (-DAYS_BEFORE_PUBLICATION..=DAYS_AFTER_PUBLICATION).contains(&diff) {
                    m.year = Some(*py);
                    m.year_source = YearSource::Publication(span.clone());
                }
            } else if let Some((y, span)) = &only_year {
                m.year = Some(*y);
                m.year_source = YearSource::OnlyYear(span.clone());
            } else if let Some(day) = m.day
                && let Some((y, span)) = year_near_a_full_date(&full_dates, m.month, day)
            {
                m.year = Some(y);
                m.year_source = YearSource::NearFullDate(span);
            }
        }
        out.dates.push(m);
    }
    out
}

/// How many blocks from the top the lead may reach: the headline, a date line or two, the
/// first paragraph.
const LEAD_BLOCKS: usize = 6;

/// The words before "nay" that make it "today" ("sáng nay", "hôm nay").
const TODAY_WORDS: [&str; 6] = ["sáng", "chiều", "tối", "trưa", "hôm", "đêm"];

/// A day, month and year, with the span of the date that states them.
type FullDate = ((i32, u32, u32), Range<usize>);

/// An item's day, month and year, when all three are written, with its span.
fn full_date(item: &Item) -> Option<FullDate> {
    match &item.kind {
        ItemKind::Date {
            day,
            month,
            year: Some((year, _)),
        } if *day <= days_in_month(*year, *month) => {
            Some(((*year, *month, *day), item.span.clone()))
        }
        _ => None,
    }
}

/// "Sáng nay (thứ Năm)", "Sáng nay, thứ Hai, ...": the weekday of today, with the date
/// "nay" names: a full date earlier in the same sentence ("Lạc Dương, 17/10/2024 - Sáng
/// nay"), or else the one date of the date lines above.
fn today_weekdays(
    scan: &Cursor<'_>,
    items: &[Item],
    date_lines: &[FullDate],
    out: &mut Vec<TodayWeekday>,
) {
    for k in 1..scan.len() {
        if !scan.word_is(k, "nay") || !scan.word(k - 1).is_some_and(|w| TODAY_WORDS.contains(&w)) {
            continue;
        }
        let weekday = weekday_after(scan, k, &|| false).or_else(|| {
            // ", thứ Hai," between commas.
            if !scan.is_punct(k + 1, ",") {
                return None;
            }
            (k + 2..=k + 3)
                .filter(|&e| scan.is_punct(e + 1, ","))
                .find_map(|e| {
                    let (start, w) = weekday_ending_at(scan, e, &|| false)?;
                    (start == k + 2).then_some(w)
                })
        });
        let Some(weekday) = weekday else { continue };
        let today_start = scan.token(k - 1).range().start;
        let in_sentence = items
            .iter()
            .filter(|it| it.last < k)
            .filter(|it| !(it.last + 1..k).any(|j| scan.punct(j).is_some_and(ends_a_sentence)))
            .filter_map(full_date)
            .next_back();
        let date = in_sentence.or_else(|| {
            let (first, rest) = date_lines.split_first()?;
            rest.iter()
                .all(|(d, _)| *d == first.0)
                .then(|| first.clone())
        });
        if let Some((date, date_span)) = date {
            out.push(TodayWeekday {
                weekday,
                today: today_start..scan.token(k).range().end,
                date,
                date_span,
            });
        }
    }
}

fn ends_a_sentence(mark: &str) -> bool {
    matches!(mark, "." | "!" | "?" | ";")
}

/// The full dates (day, month and year written) of the latest two years the full dates
/// name: a founding date or a term's start is older and says nothing of the event's year.
/// None when the latest full date is older than a term (five years) before the latest year
/// the document states: it is history, not the event's time.
fn recent_full_dates(
    pending: &[(DateMention, bool)],
    latest_year: Option<i32>,
) -> Vec<(i32, i64, Range<usize>)> {
    let full: Vec<_> = pending
        .iter()
        .filter(|(m, _)| m.year_written())
        .filter_map(|(m, _)| m.ymd().map(|ymd| (ymd, m.span.clone())))
        .collect();
    let Some(latest) = full.iter().map(|((y, _, _), _)| *y).max() else {
        return Vec::new();
    };
    if latest_year.is_some_and(|stated| latest < stated - TERM_YEARS) {
        return Vec::new();
    }
    full.into_iter()
        .filter(|((y, _, _), _)| *y >= latest - 1)
        .map(|((y, m, d), span)| (y, days_from_civil(y, m, d), span))
        .collect()
}

/// The years of a term (nhiệm kỳ) and of most plans a release looks ahead to.
const TERM_YEARS: i32 = 5;

/// The one year (the full dates' own or one next to it) that puts a day and month within
/// [`NEAR_A_FULL_DATE`] days of a full date, with the nearest such date's span; `None`
/// when none does or two years do.
fn year_near_a_full_date(
    full_dates: &[(i32, i64, Range<usize>)],
    month: u32,
    day: u32,
) -> Option<(i32, Range<usize>)> {
    let mut best: Option<(i32, i64, Range<usize>)> = None;
    for (year, when, span) in full_dates {
        for y in [year - 1, *year, year + 1] {
            if day > days_in_month(y, month) {
                continue;
            }
            let distance = (days_from_civil(y, month, day) - when).abs();
            if distance > NEAR_A_FULL_DATE {
                continue;
            }
            match &best {
                Some((b, _, _)) if *b != y => return None,
                Some((_, d, _)) if *d <= distance => {}
                _ => best = Some((y, distance, span.clone())),
            }
        }
    }
    best.map(|(y, _, span)| (y, span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::calendar::is_leap_year;

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2024, 6), 30);
        assert_eq!(days_in_month(2024, 12), 31);
        assert_eq!(max_days_in_month(2), 29);
    }

    #[test]
    fn weekdays_by_the_algorithm() {
        // Checked with Python's datetime.
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(Weekday::of(2024, 6, 27), Weekday::Thursday);
        assert_eq!(Weekday::of(1954, 10, 10), Weekday::Sunday);
        assert_eq!(Weekday::of(2024, 2, 29), Weekday::Thursday);
        assert_eq!(Weekday::of(2000, 1, 1), Weekday::Saturday);
        assert_eq!(Weekday::of(1900, 3, 1), Weekday::Thursday);
        assert_eq!(Weekday::of(1945, 9, 2), Weekday::Sunday);
        assert_eq!(Weekday::of(2025, 2, 3), Weekday::Monday);
        assert_eq!(Weekday::of(1600, 2, 29), Weekday::Tuesday);
    }

    /// Day, month, year, whether the year is written, and the date's text.
    type Found = (Option<u32>, u32, Option<i32>, bool, String);

    fn dates(text: &str) -> Vec<Found> {
        let doc = Document::from_text(text);
        extract(&doc)
            .dates
            .iter()
            .map(|d| {
                (
                    d.day,
                    d.month,
                    d.year,
                    d.year_written(),
                    doc.text[d.span.clone()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_day_and_month_joined_by_a_dot_after_a_word_of_time_or_with_a_weekday() {
        let s = String::from;
        assert_eq!(
            dates(
                "Sáng 19.8 (thứ Ba), xã họp. Ngày 22.9, phường họp. Đến hết ngày 01.9 (thứ Hai)."
            ),
            vec![
                (Some(19), 8, None, false, s("19.8")),
                (Some(22), 9, None, false, s("22.9")),
                (Some(1), 9, None, false, s("01.9")),
            ]
        );
        // A decimal written with a dot is no date: no word of time, or a unit after it.
        assert!(dates("Tăng 2.5 lần. Mỗi ngày 2.5 lít nước. Phiên bản 3.1 ra mắt.").is_empty());
    }

    #[test]
    fn every_written_form() {
        let s = String::from;
        assert_eq!(
            dates("Ngày 27/6/2024, 28-6-2024 và 29.6.2024 họp."),
            vec![
                (Some(27), 6, Some(2024), true, s("27/6/2024")),
                (Some(28), 6, Some(2024), true, s("28-6-2024")),
                (Some(29), 6, Some(2024), true, s("29.6.2024")),
            ]
        );
        assert_eq!(
            dates(
                "Hà Nội, ngày 27 tháng 6 năm 2024. Trong tháng 7/2024 và tháng 8 năm 2024 sẽ họp."
            ),
            vec![
                (Some(27), 6, Some(2024), true, s("27 tháng 6 năm 2024")),
                (None, 7, Some(2024), true, s("7/2024")),
                (None, 8, Some(2024), true, s("8 năm 2024")),
            ]
        );
    }

    #[test]
    fn the_year_comes_from_the_publication_date_or_the_only_year() {
        let text = "Tiêu đề ngắn\nNgày đăng 27/06/2024 | 14:46\n\nNgày 27-6, quận họp. Sáng 3/7 họp tiếp, dự kiến năm 2025 xong.";
        let got = dates(text);
        assert_eq!(got[1], (Some(27), 6, Some(2024), false, "27-6".into()));
        assert_eq!(got[2], (Some(3), 7, Some(2024), false, "3/7".into()));
        assert_eq!(
            dates("Chiều 30/6, phường tổng kết 6 tháng đầu năm 2024.")[0].2,
            Some(2024)
        );
        assert_eq!(
            dates("Chiều 30/6, phường so sánh năm 2024 với năm 2023.")[0].2,
            None
        );
        // Far after the publication date: the year is not certain.
        let far = "Tiêu đề\nNgày đăng 02/01/2025 | 08:00\n\nNgày 30-12, phường họp.";
        assert_eq!(dates(far)[1].2, None);
        let range = dates("Tuần 38 (từ 16/9 đến 22/9), toàn tỉnh ghi nhận 412 ca trong năm 2024.");
        assert_eq!(range[0], (Some(16), 9, Some(2024), false, "16/9".into()));
        assert_eq!(range[1], (Some(22), 9, Some(2024), false, "22/9".into()));
    }

    #[test]
    fn several_years_stated_the_year_of_a_near_full_date() {
        // 2023 and 2026 stated: the yearless dates are read in the year of the full date
        // a few days away (and across the new year).
        let text = "Sáng 18/8, hội trao thưởng năm học 2023 - 2024 nhân 28 năm thành lập (2/10/1996 - 2/10/2024). Chiều 5/1 họp tổng kết nhiệm kỳ 2024 - 2029.";
        let got = dates(text);
        assert_eq!(got[0], (Some(18), 8, Some(2024), false, "18/8".into()));
        assert_eq!(got[3], (Some(5), 1, Some(2025), false, "5/1".into()));
        // A founding date (an older year) says nothing; nor does a full date far away.
        let old = dates("Sáng 20/3, xã họp mặt các đảng viên vào Đảng ngày 15/3/1966 và năm 2025.");
        assert_eq!(old[0].2, None);
        let far = dates("Sáng 20/3, xã họp; năm 2025 hoàn thành, hạn chót ngày 30/9/2026.");
        assert_eq!(far[0].2, None);
        // Two years equally near: none is chosen.
        let two = dates("Sáng 20/3, xã họp; ngày 10/3/2025 và ngày 30/3/2026 là hai mốc.");
        assert_eq!(two[0].2, None);
    }

    #[test]
    fn not_dates() {
        for text in [
            "Đạt 51/68 chỉ tiêu.",
            "Đăng lúc 14:46 hôm nay.",
            "Theo Nghị định 15/2020/NĐ-CP, Chỉ thị 28-CT/QU.",
            "Có 3/4 số hộ tham gia, tỷ số 2-1.",
            "Tỷ lệ 27/6 và 12-5 đều cao.",
            "Từ ngày 5-7/6 diễn ra hội chợ.",
            "Thu 12.455,236 tỷ đồng, 1.234.567 người.",
            "ngày 32/6/2024 và 12/13/2024",
            "Giảm từ 1/3 đến 1/2 số hộ.",
        ] {
            assert!(dates(text).is_empty(), "{text}: {:?}", dates(text));
        }
    }

    #[test]
    fn ranges() {
        let doc = Document::from_text(
            "Kỷ niệm 70 năm (10/10/1954-10/10/2024), 80 năm (1944 - 2024), nhiệm kỳ 2020–2025, (8/1945 - 8/2025).",
        );
        let got: Vec<(i32, i32, &str)> = extract(&doc)
            .ranges
            .iter()
            .map(|r| (r.from.year, r.to.year, &doc.text[r.span.clone()]))
            .collect();
        assert_eq!(
            got,
            vec![
                (1954, 2024, "10/10/1954-10/10/2024"),
                (1944, 2024, "1944 - 2024"),
                (2020, 2025, "2020–2025"),
                (1945, 2025, "8/1945 - 8/2025"),
            ]
        );
    }

    fn weekdays(text: &str) -> Vec<(String, Weekday)> {
        let doc = Document::from_text(text);
        extract(&doc)
            .dates
            .iter()
            .filter_map(|d| {
                let w = d.weekday.as_ref()?;
                Some((doc.text[d.span.clone()].to_string(), w.weekday))
            })
            .collect()
    }

    #[test]
    fn weekdays_attached_to_dates() {
        use Weekday::*;
        assert_eq!(
            weekdays(
                "Sáng thứ Hai, ngày 24/6/2024, họp. Thứ ba (25/6) nghỉ. Chủ nhật 30/6 mít tinh. T5, 27/6 và ngày 28/6 (thứ Sáu) có lễ."
            ),
            vec![
                ("24/6/2024".into(), Monday),
                ("25/6".into(), Tuesday),
                ("30/6".into(), Sunday),
                ("27/6".into(), Thursday),
                ("28/6".into(), Friday),
            ]
        );
    }

    #[test]
    fn weekdays_after_a_clock_time_hết_or_a_week_word() {
        use Weekday::*;
        assert_eq!(
            weekdays(
                "Cập nhật: 14:30 thứ Tư, 19/6/2024. Mở cửa từ thứ Bảy (31/8/2024) đến hết thứ Ba (3/9/2024). Chủ nhật vừa qua (23/2/2025) hiến máu. Xử lý trước thứ Sáu, ngày 20/12/2024. Ra quân vào Chủ nhật tuần này (29/9/2024). Cấp điện đến hết Thứ hai (3/2/2025)."
            ),
            vec![
                ("19/6/2024".into(), Wednesday),
                ("31/8/2024".into(), Saturday),
                ("3/9/2024".into(), Tuesday),
                ("23/2/2025".into(), Sunday),
                ("20/12/2024".into(), Friday),
                ("29/9/2024".into(), Sunday),
                ("3/2/2025".into(), Monday),
            ]
        );
    }

    #[test]
    fn ordinals_are_not_weekdays() {
        for text in [
            "Đây là lần thứ hai (27/6) phường tổ chức.",
            "Ngày thứ hai (27/6) của hội chợ.",
            "Thứ nhất, rà soát. Thứ hai, ngày 27/6/2024 là hạn chót.",
            "Cuộc họp lần thứ 2 (27/6) đã bàn.",
            "Đến phút thứ hai (27/6) trận đấu mới bắt đầu.",
            "Tổ trưởng 12 thứ hai (27/6) đã họp.",
        ] {
            assert!(weekdays(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn weekdays_written_in_the_writers_form() {
        let w = |form| WeekdayMention {
            weekday: Weekday::Monday,
            span: 0..0,
            form,
        };
        let words = w(WeekdayForm::Words {
            thu: Case::Lower,
            number: Case::Capitalized,
        });
        assert_eq!(words.write(Weekday::Thursday), "thứ Năm");
        assert_eq!(words.write(Weekday::Sunday), "Chủ nhật");
        let upper = w(WeekdayForm::Words {
            thu: Case::Upper,
            number: Case::Upper,
        });
        assert_eq!(upper.write(Weekday::Thursday), "THỨ NĂM");
        assert_eq!(w(WeekdayForm::Abbreviation).write(Weekday::Thursday), "T5");
        assert_eq!(w(WeekdayForm::Abbreviation).write(Weekday::Sunday), "CN");
        assert_eq!(
            w(WeekdayForm::Digit { thu: Case::Lower }).write(Weekday::Saturday),
            "thứ 7"
        );
        let sunday = w(WeekdayForm::Sunday {
            chu: Case::Capitalized,
            starts_sentence: true,
        });
        assert_eq!(sunday.write(Weekday::Tuesday), "Thứ Ba");
    }

    #[test]
    fn weekdays_said_of_a_date_and_yesterdays_dot_dates() {
        use Weekday::*;
        assert_eq!(
            weekdays(
                "Ngày 16 tháng 11 năm 2024 trùng vào ngày thứ bảy nên chuyển sang thứ 2 ngày 18 tháng 11 năm 2024. Hạn chót 1/6/2025 rơi vào Chủ nhật; ngày 3/6/2025 là thứ Ba."
            ),
            vec![
                ("16 tháng 11 năm 2024".into(), Saturday),
                ("18 tháng 11 năm 2024".into(), Monday),
                ("1/6/2025".into(), Sunday),
                ("3/6/2025".into(), Tuesday),
            ]
        );
        // "là ngày thứ hai" lower case is an ordinal; "thứ hai của" too.
        for text in [
            "Ngày 3/6/2025 là ngày thứ hai của hội chợ.",
            "Ngày 3/6/2025 trùng vào ngày thứ hai của đợt nghỉ.",
        ] {
            assert!(weekdays(text).is_empty(), "{text}");
        }
        let got = dates("Chiều qua 18.8, đoàn viếng nghĩa trang. Tăng qua 2.5 lần.");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1), (Some(18), 8));
    }

    #[test]
    fn a_range_whose_second_date_is_glued_to_a_spaced_dash() {
        let doc = Document::from_text("Kỷ niệm 90 năm (14/10/1930 -14/10/2020) và mã số QĐ-12/3.");
        let ranges = extract(&doc).ranges;
        assert_eq!(ranges.len(), 1);
        assert_eq!((ranges[0].from.year, ranges[0].to.year), (1930, 2020));
    }
}
