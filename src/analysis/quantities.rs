//! The quantities of a sentence: a figure with the unit that says what it counts ("7.440
//! hội viên", "1.312 triệu kWh", "63,6 tạ/ha"). A percentage is about one quantity, usually
//! the nearest it can be about: another quantity between a claim and an earlier ratio means
//! the claim is about that one ("13/13 xã ..., 7.440 hội viên, đạt 6% dân số").

use crate::analysis::cursor::{Cursor, PLAUSIBLE_YEARS};
use crate::analysis::figures::FigureAt;
use crate::lists::{
    DURATION_UNITS, PERSON_COUNTERS, PERSON_NOUNS, SAME_THINGS, UNIT_ABBREVIATIONS,
};
use crate::text::tokens::TokenKind;

/// Unit words read after a figure, at most.
const MAX_UNIT_WORDS: usize = 3;

/// Words that scale a unit ("tỷ đồng", "triệu kWh"): the head is the word after them.
const SCALE_WORDS: [&str; 4] = ["nghìn", "ngàn", "triệu", "tỷ"];

/// A figure with its unit.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub figure: FigureAt,
    /// Lower-case unit words; a rate keeps its slash ("tạ", "/", "ha").
    pub unit: Vec<String>,
    /// The position after the unit.
    pub end: usize,
}

impl Quantity {
    /// The word that says what is counted: "đồng" in "tỷ đồng", "hội" in "hội viên".
    pub fn head(&self) -> &[String] {
        let scaled = SCALE_WORDS.contains(&self.unit[0].as_str()) && self.unit.len() > 1;
        &self.unit[..if scaled { 2 } else { 1 }]
    }

    /// A length of time ("12 tháng"), not a measure of the clause.
    pub fn is_duration(&self) -> bool {
        DURATION_UNITS.contains(&self.unit[0])
    }

    /// Whether two quantities count the same thing: the same head, or the same things in
    /// two nouns ("432 học sinh" and "426 em", see [`same_things`]).
    pub fn same_unit(&self, other: &Quantity) -> bool {
        self.head() == other.head() || same_things(&self.unit, &other.unit)
    }
}

/// The most words of a listed noun ("cựu chiến binh", "ngôi nhà").
const MAX_LISTED_WORDS: usize = 3;

/// Whether the first words of `unit` are one of `list`'s entries.
fn opens_with(unit: &[String], list: &crate::lists::WordList) -> bool {
    (1..=unit.len().min(MAX_LISTED_WORDS)).any(|n| list.contains(&unit[..n].join(" ")))
}

/// Whether the nouns `a` and `b` (lower-case words) count the same things in two ways: two
/// nouns of one group of `same-things.txt` ("hộ" / "gia đình"; "học sinh" / "em"), or
/// people, one counted by a word that counts anyone ("người", "em", "đồng chí":
/// `person-counters.txt`) and the other by that or a noun of a group of people
/// (`person-nouns.txt`): "5.840 đoàn viên, trong đó nữ 3.212 người". The one notion read
/// by percent-mismatch (a share's part and whole), count-mismatch (a breakdown's parts) and
/// part-exceeds-whole (a part of a whole).
/// The same noun twice is left to the caller's own test ("người chết" / "người").
pub fn same_things(a: &[String], b: &[String]) -> bool {
    same_group(a, b) || a.first() != b.first() && count_alike(a, b)
}

/// People counted in two ways (see [`same_things`]).
fn count_alike(a: &[String], b: &[String]) -> bool {
    let people = |u: &[String]| opens_with(u, &PERSON_COUNTERS) || opens_with(u, &PERSON_NOUNS);
    (opens_with(a, &PERSON_COUNTERS) && people(b)) || (opens_with(b, &PERSON_COUNTERS) && people(a))
}

/// Whether the nouns `a` and `b` (lower-case words) start with the same word or count the
/// same things ([`same_things`]).
pub fn counts_same_things(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && (a[0] == b[0] || same_things(a, b))
}

/// Whether the nouns `a` and `b` start with two different nouns of one group of
/// `same-things.txt` ("hộ" / "gia đình"; the same noun twice is left to the caller's own
/// test).
fn same_group(a: &[String], b: &[String]) -> bool {
    // The longest listed noun the words start with, and its group.
    let member = |noun: &[String]| {
        (1..=noun.len().min(MAX_LISTED_WORDS)).rev().find_map(|n| {
            let words = noun[..n].join(" ");
            SAME_THINGS.value(&words).map(|group| (group, n))
        })
    };
    matches!((member(a), member(b)), (Some((ga, na)), Some((gb, nb))) if ga == gb && a[..na] != b[..nb])
}

/// A unit written as a symbol: "kWh", "USD", "m3", "km2".
fn is_symbol_unit(text: &str) -> bool {
    text.len() <= 4
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

impl Cursor<'_> {
    /// The unit words from position `from`: lower-case words and unit symbols, then a rate's
    /// "/ha" if any. An abbreviation of `unit-abbreviations.txt` first ("14 ĐB nữ") is read
    /// as the words it stands for.
    pub fn quantity_unit(&self, from: usize) -> Vec<String> {
        self.unit_and_end(from).0
    }

    /// [`Cursor::quantity_unit`] and the position after its tokens (an abbreviation is one
    /// token for several words).
    fn unit_and_end(&self, from: usize) -> (Vec<String>, usize) {
        let mut unit: Vec<String> = Vec::new();
        let mut k = from;
        if self.kind(k) == Some(TokenKind::Word)
            && let Some(words) = UNIT_ABBREVIATIONS.value(self.text(k))
        {
            unit.extend(words.split(' ').map(str::to_string));
            k += 1;
        }
        while unit.len() < MAX_UNIT_WORDS && self.kind(k) == Some(TokenKind::Word) {
            let text = self.text(k);
            if text.chars().all(|c| !c.is_uppercase()) || is_symbol_unit(text) {
                unit.push(text.to_lowercase());
                k += 1;
            } else {
                break;
            }
        }
        if !unit.is_empty() && self.is_punct(k, "/") && self.kind(k + 1) == Some(TokenKind::Word) {
            unit.push("/".to_string());
            unit.push(self.text(k + 1).to_lowercase());
            k += 2;
        }
        (unit, k)
    }

    /// The quantity at `at`: a figure with a unit, not a percentage, a year, or a part of a
    /// date or a ratio written with slashes.
    pub fn quantity_at(&self, at: usize) -> Option<Quantity> {
        let figure = self.figure_at(at)?;
        if self.is_punct(at + 1, "%") || self.is_punct(at + 1, "/") {
            return None;
        }
        if at > 0 && self.is_punct(at - 1, "/") && self.touching(at - 1) {
            return None;
        }
        // "2017-03 ĐBQH", "5-7 người": the end of a date or of a range, glued to a figure by
        // a hyphen, counts nothing exactly.
        let glued_by_hyphen = at >= 2
            && self.is_punct(at - 1, "-")
            && self.touching(at - 1)
            && self.touching(at - 2)
            && self.figure(at - 2).is_some();
        if glued_by_hyphen {
            return None;
        }
        let plain_year = self
            .digits(at)
            .is_some_and(|d| d.len() == 4 && d.parse().is_ok_and(|y| PLAUSIBLE_YEARS.contains(&y)));
        if plain_year {
            return None;
        }
        let (unit, end) = self.unit_and_end(at + 1);
        if unit.is_empty() {
            return None;
        }
        Some(Quantity { figure, unit, end })
    }

    /// The quantities whose figure lies in `from..to`, durations left out.
    pub fn measures_between(&self, from: usize, to: usize) -> Vec<Quantity> {
        (from..to.min(self.len()))
            .filter_map(|k| self.quantity_at(k))
            .filter(|q| !q.is_duration())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::sentences;
    use crate::document::Document;

    fn quantities(text: &str) -> Vec<(f64, Vec<String>)> {
        let doc = Document::from_text(text);
        let s = sentences(&doc, &doc.blocks[0])[0].to_vec();
        let c = Cursor::new(&doc, &s);
        c.measures_between(0, c.len())
            .into_iter()
            .map(|q| (q.figure.figure.value, q.unit))
            .collect()
    }

    #[test]
    fn figures_with_units_symbols_and_rates() {
        let got = quantities("Đạt 1.312 triệu kWh, 63,6 tạ/ha và 7.440 hội viên mới");
        let units: Vec<String> = got.iter().map(|(_, u)| u.join(" ")).collect();
        assert_eq!(units, ["triệu kwh", "tạ / ha", "hội viên mới"]);
        assert_eq!(got[0].0, 1312.0);
    }

    #[test]
    fn not_quantities() {
        for text in [
            "tăng 36% so với cùng kỳ 2023 và đạt",
            "ngày 27/6 vừa qua",
            "đạt 45/60 chỉ tiêu",
            "sau 12 tháng làm việc",
            "trong 5 năm qua",
        ] {
            assert!(
                quantities(text).is_empty(),
                "{text}: {:?}",
                quantities(text)
            );
        }
    }

    #[test]
    fn an_abbreviated_noun_is_read_as_its_words() {
        let got = quantities("có 52 ĐV nữ và 9 ĐBQH");
        let units: Vec<String> = got.iter().map(|(_, u)| u.join(" ")).collect();
        assert_eq!(units, ["đảng viên nữ", "đại biểu quốc hội"]);
        // Not a listed abbreviation: no unit; a figure glued to a year by a hyphen.
        assert!(quantities("có 52 HĐND").is_empty());
        assert!(quantities("tin ngày 2017-03 ĐBQH").is_empty());
    }

    #[test]
    fn the_head_skips_a_scale_word() {
        let doc = Document::from_text("thu 12 tỷ đồng và 5 hộ nghèo");
        let s = sentences(&doc, &doc.blocks[0])[0].to_vec();
        let c = Cursor::new(&doc, &s);
        assert_eq!(c.quantity_at(1).unwrap().head(), ["tỷ", "đồng"]);
        assert_eq!(c.quantity_at(5).unwrap().head(), ["hộ"]);
    }
}
