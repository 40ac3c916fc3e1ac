//! Figures in running text: a number token with its value and the unit words after it
//! ("12.455,236 tỷ đồng", "51 chỉ tiêu"), and the percentages stated about them.

use std::ops::Range;

use crate::analysis::cursor::Cursor;
use crate::lists::{FRACTION_DATE_WORDS, NUMBER_LABEL_WORDS, PART_COMPARISON_WORDS};
use crate::text::numbers::Figure;
use crate::text::tokens::TokenKind;

/// Words before "X/Y unit" that make it a count of a total, never a date ("có 9/11 thôn",
/// "đạt 5/6 chỉ tiêu", "hoàn thành 3/4 hạng mục").
const RATIO_LEAD_WORDS: [&str; 4] = ["có", "đạt", "thành", "được"];

/// Digits written as words, one to nine.
const DIGIT_WORDS: [&str; 9] = [
    "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// Words that follow a figure as its unit, read at most this far.
const MAX_UNIT_WORDS: usize = 3;

/// A figure at a token of a sentence.
#[derive(Debug, Clone)]
pub struct FigureAt {
    /// Position in the sentence.
    pub at: usize,
    pub figure: Figure,
    pub span: Range<usize>,
}

impl Cursor<'_> {
    /// The figure at position `at` with its place, if that token is a number that reads as
    /// one figure.
    pub fn figure_at(&self, at: usize) -> Option<FigureAt> {
        let figure = self.figure(at)?;
        Some(FigureAt {
            at,
            figure,
            span: self.token(at).range(),
        })
    }

    /// A count written in words that ends at position `at` ("ba", "mười hai", "hai mươi
    /// lăm"), from two to ninety-nine, as a figure spanning its words. "một" (also "a")
    /// and a lone "năm" (also "year") are not read, nor a label's number ("lần thứ hai",
    /// "hạng ba") or a bound ("từ hai").
    pub fn count_in_words(&self, at: usize) -> Option<FigureAt> {
        // Most words end no count: asked first, with no allocation for a lower-case word.
        let text = self.text(at);
        let last_word = if text.starts_with(char::is_uppercase) {
            std::borrow::Cow::Owned(text.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        if !DIGIT_WORDS.contains(&&*last_word)
            && !matches!(&*last_word, "mười" | "mươi" | "lăm" | "mốt")
        {
            return None;
        }
        let digit = |k: usize| {
            let w = self.text(k).to_lowercase();
            DIGIT_WORDS
                .iter()
                .position(|d| *d == w)
                .map(|i| i as u32 + 1)
        };
        let word = |k: usize| self.text(k).to_lowercase();
        let last = word(at);
        let (value, first) = if last == "mười" {
            (10, at)
        } else if last == "mươi" {
            let tens = digit(at.checked_sub(1)?).filter(|&d| d >= 2)?;
            (tens * 10, at - 1)
        } else {
            // "lăm" and "mốt" stand for five and one after a ten.
            let units = match last.as_str() {
                "lăm" => Some(5),
                "mốt" => Some(1),
                _ => digit(at),
            }?;
            let before = at.checked_sub(1).map(word);
            match before.as_deref() {
                Some("mười") => (10 + units, at - 1),
                Some("mươi") => {
                    let tens = digit(at.checked_sub(2)?).filter(|&d| d >= 2)?;
                    (tens * 10 + units, at - 2)
                }
                _ if matches!(last.as_str(), "lăm" | "mốt") => return None,
                _ => (units, at),
            }
        };
        if value < 2 || self.kind(first) != Some(TokenKind::Word) {
            return None;
        }
        // A label's number ("lần thứ hai", "hạng ba") or a bound ("từ hai ... trở lên").
        let before = first.checked_sub(1).map(word).unwrap_or_default();
        if matches!(
            before.as_str(),
            "thứ" | "số" | "lần" | "tháng" | "hạng" | "từ"
        ) || NUMBER_LABEL_WORDS.contains(&before)
            || PART_COMPARISON_WORDS.contains(before.as_str())
        {
            return None;
        }
        // Not the end of the number ("tám mươi", "ba trăm"); "năm" alone is also "year".
        let next = word(at + 1);
        if matches!(
            next.as_str(),
            "mươi" | "mười" | "lăm" | "mốt" | "trăm" | "nghìn" | "ngàn"
        ) || DIGIT_WORDS.contains(&next.as_str())
            || first == at && last == "năm"
        {
            return None;
        }
        Some(FigureAt {
            at,
            figure: Figure {
                value: f64::from(value),
                decimals: 0,
                ambiguous: false,
            },
            span: self.span(first, at),
        })
    }

    /// The lower-case unit words from position `from`: up to three words, ended by anything
    /// that is not a lower-case word.
    pub fn unit_words(&self, from: usize) -> Vec<String> {
        (from..self.len().min(from + MAX_UNIT_WORDS))
            .map(|k| (self.kind(k), self.text(k)))
            .take_while(|(kind, text)| {
                *kind == Some(TokenKind::Word) && text.chars().all(|c| !c.is_uppercase())
            })
            .map(|(_, text)| text.to_string())
            .collect()
    }
}

/// A stated fraction "X [unit] / Y [unit]": the two figures and the shared unit.
#[derive(Debug, Clone)]
pub struct Fraction {
    pub numerator: FigureAt,
    pub denominator: FigureAt,
    pub unit: Vec<String>,
    /// The position after the fraction (and its unit).
    pub end: usize,
}

/// The fraction starting at position `at` of a sentence, if there is one and it is not a
/// date: the units on both sides must agree, and a bare "27/6" with no unit is left alone.
impl Cursor<'_> {
    pub fn fraction_at(&self, at: usize) -> Option<Fraction> {
        if at > 0 && (self.is_punct(at - 1, "/") || self.is_punct(at - 1, "-")) {
            return None; // the middle of 10/10/1954 or 1954-10/10
        }
        let numerator = self.figure_at(at)?;
        let unit_before = self.unit_words(at + 1);
        let slash = at + 1 + unit_before.len();
        if !self.is_punct(slash, "/") {
            return None;
        }
        let denominator = self.figure_at(slash + 1)?;
        let unit_after = self.unit_words(slash + 2);
        if self.is_punct(slash + 2, "/") || self.is_punct(slash + 2, "-") {
            return None; // 27/6/2024, 27/6-3/7
        }
        if at > 0
            && self
                .word(at - 1)
                .is_some_and(|w| FRACTION_DATE_WORDS.contains(w))
        {
            return None;
        }
        if !unit_before.is_empty()
            && (unit_after.len() < unit_before.len()
                || unit_after[..unit_before.len()] != unit_before[..])
        {
            return None;
        }
        // "27/6 đã họp" could be a day and a month, whatever follows; "có 9/11 thôn" is a
        // ratio: a verb of having or reaching leads it and a unit follows.
        let counted = !unit_after.is_empty()
            && at > 0
            && self
                .word(at - 1)
                .is_some_and(|w| RATIO_LEAD_WORDS.contains(&w));
        if unit_before.is_empty()
            && !counted
            && numerator.figure.value <= 31.0
            && denominator.figure.value <= 12.0
        {
            return None;
        }
        let unit = if unit_before.is_empty() {
            unit_after.clone()
        } else {
            unit_before
        };
        let end = slash
            + 2
            + unit_after
                .len()
                .min(if unit.is_empty() { 0 } else { unit.len() });
        Some(Fraction {
            numerator,
            denominator,
            unit,
            end,
        })
    }
}

/// A percentage: the figure before a `%` sign.
#[derive(Debug, Clone)]
pub struct Percent {
    pub figure: FigureAt,
    /// The figure and its `%` sign.
    pub span: Range<usize>,
    /// The position of the `%` sign.
    pub sign_at: usize,
}

impl Cursor<'_> {
    /// Every percentage of a sentence.
    pub fn percents(&self) -> Vec<Percent> {
        (0..self.len())
            .filter(|&at| self.is_punct(at + 1, "%"))
            .filter_map(|at| {
                let figure = self.figure_at(at)?;
                let end = self.token(at + 1).end();
                Some(Percent {
                    span: figure.span.start..end,
                    figure,
                    sign_at: at + 1,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::sentences;
    use crate::document::Document;

    fn first_sentence(doc: &Document) -> Vec<usize> {
        sentences(doc, &doc.blocks[0])[0].to_vec()
    }

    #[test]
    fn fractions_with_units() {
        let doc = Document::from_text("đạt 12.455,236 tỷ đồng / 19.492,800 tỷ đồng, tăng");
        let s = first_sentence(&doc);
        let f = Cursor::new(&doc, &s).fraction_at(1).unwrap();
        assert_eq!(f.numerator.figure.value, 12455.236);
        assert_eq!(f.denominator.figure.value, 19492.8);
        assert_eq!(f.unit, vec!["tỷ", "đồng"]);
    }

    #[test]
    fn dates_are_not_fractions() {
        for text in [
            "ngày 27/6 vừa qua",
            "lúc 10/10/1954 xong",
            "27/6 đã họp",
            "Ngày 12/11 họp",
            "đến 9/11 các đơn vị",
        ] {
            let doc = Document::from_text(text);
            let s = first_sentence(&doc);
            assert!(
                (0..s.len()).all(|at| Cursor::new(&doc, &s).fraction_at(at).is_none()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_count_that_looks_like_a_date_is_a_fraction_after_a_verb_of_having() {
        let doc = Document::from_text("xã có 9/11 thôn đạt chuẩn");
        let s = first_sentence(&doc);
        let f = Cursor::new(&doc, &s).fraction_at(2).unwrap();
        assert_eq!(
            (f.numerator.figure.value, f.denominator.figure.value),
            (9.0, 11.0)
        );
        assert_eq!(f.unit, vec!["thôn", "đạt", "chuẩn"]);
    }

    #[test]
    fn unit_mismatch_is_not_a_fraction() {
        let doc = Document::from_text("12 tỷ đồng / 19 triệu đồng");
        let s = first_sentence(&doc);
        assert!(Cursor::new(&doc, &s).fraction_at(0).is_none());
    }

    #[test]
    fn finds_percentages() {
        let doc = Document::from_text("đạt hơn 64% và 63,9 % dự toán");
        let s = first_sentence(&doc);
        let values: Vec<f64> = Cursor::new(&doc, &s)
            .percents()
            .iter()
            .map(|p| p.figure.figure.value)
            .collect();
        assert_eq!(values, vec![64.0, 63.9]);
    }
}

#[cfg(test)]
mod count_words_tests {
    use crate::analysis::cursor::Cursor;
    use crate::analysis::sentences::non_space_tokens;
    use crate::document::Document;

    /// The value of the count in words that ends at the word `last` of `text`.
    fn value(text: &str, last: &str) -> Option<f64> {
        let doc = Document::from_text(text);
        let sig = non_space_tokens(&doc, &doc.blocks[0]);
        let c = Cursor::new(&doc, &sig);
        let at = (0..c.len()).rev().find(|&k| c.text(k) == last)?;
        c.count_in_words(at).map(|f| f.figure.value)
    }

    #[test]
    fn reads_counts_in_words_and_not_labels_years_or_bounds() {
        assert_eq!(value("Có ba thôn.", "ba"), Some(3.0));
        assert_eq!(value("Có mười hai tập thể.", "hai"), Some(12.0));
        assert_eq!(value("Có mười lăm ủy viên.", "lăm"), Some(15.0));
        assert_eq!(value("Có hai mươi xuồng.", "mươi"), Some(20.0));
        assert_eq!(value("Có hai mươi lăm xuồng.", "lăm"), Some(25.0));
        assert_eq!(value("Có một thôn.", "một"), None);
        assert_eq!(value("Có năm thôn.", "năm"), None);
        assert_eq!(value("Kỳ họp thứ hai.", "hai"), None);
        assert_eq!(value("Huân chương hạng ba.", "ba"), None);
        assert_eq!(value("Có từ hai người.", "hai"), None);
        assert_eq!(value("Trong tám mươi ngày.", "tám"), None);
    }
}
