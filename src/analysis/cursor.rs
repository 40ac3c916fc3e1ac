//! Reading a run of a block's non-space tokens by position: a sentence, or a whole block.
//! The one cursor the analyses and rules share (dates, figures, anniversaries, terms).

use std::ops::Range;

use crate::document::Document;
use crate::text::numbers::{self, Figure};
use crate::text::punctuation::{self, BEFORE_SENTENCE, RANGE_DASHES};
use crate::text::tokens::{Token, TokenKind};

/// Years a four-digit number may be read as.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

/// Years a document of our time plausibly states (terms, ranges, "năm 2024").
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Non-space tokens of a document (indices into `doc.tokens`), read by position; every
/// accessor answers "nothing" past the end.
#[derive(Clone, Copy)]
pub struct Cursor<'a> {
    pub doc: &'a Document,
    pub tokens: &'a [usize],
}

impl<'a> Cursor<'a> {
    pub fn new(doc: &'a Document, tokens: &'a [usize]) -> Cursor<'a> {
        Cursor { doc, tokens }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The token at `k`.
    ///
    /// # Panics
    /// Past the end.
    #[inline]
    pub fn token(&self, k: usize) -> &'a Token {
        &self.doc.tokens[self.tokens[k]]
    }

    #[inline]
    fn get(&self, k: usize) -> Option<&'a Token> {
        self.tokens.get(k).map(|&i| &self.doc.tokens[i])
    }

    /// The token's text; empty past the end.
    #[inline]
    pub fn text(&self, k: usize) -> &'a str {
        self.get(k).map_or("", |t| self.doc.token_text(t))
    }

    #[inline]
    pub fn kind(&self, k: usize) -> Option<TokenKind> {
        self.get(k).map(|t| t.kind())
    }

    /// The word at `k`, lower-case.
    #[inline]
    pub fn word(&self, k: usize) -> Option<&'a str> {
        let t = self.get(k)?;
        (t.kind() == TokenKind::Word).then(|| self.doc.lower(t))
    }

    /// Whether the word at `k` is `lower` in any case (upper- and lower-case Vietnamese
    /// letters have the same UTF-8 length, so most words are told apart by length alone).
    #[inline]
    pub fn word_is(&self, k: usize, lower: &str) -> bool {
        self.get(k).is_some_and(|t| {
            t.byte_len() == lower.len()
                && self.doc.text.as_bytes()[t.start()].to_ascii_lowercase() == lower.as_bytes()[0]
                && self.word(k) == Some(lower)
        })
    }

    /// The punctuation mark at `k`.
    #[inline]
    pub fn punct(&self, k: usize) -> Option<&'a str> {
        let t = self.get(k)?;
        (t.kind() == TokenKind::Punct).then(|| self.doc.token_text(t))
    }

    #[inline]
    pub fn is_punct(&self, k: usize, mark: &str) -> bool {
        self.punct(k) == Some(mark)
    }

    /// Tokens `k` and `k + 1` touch (no space between).
    #[inline]
    pub fn touching(&self, k: usize) -> bool {
        match (self.get(k), self.get(k + 1)) {
            (Some(a), Some(b)) => a.end() == b.start(),
            _ => false,
        }
    }

    /// A plain run of ASCII digits at `k`.
    pub fn digits(&self, k: usize) -> Option<&'a str> {
        if self.kind(k)? != TokenKind::Number {
            return None;
        }
        let t = self.text(k);
        t.bytes().all(|b| b.is_ascii_digit()).then_some(t)
    }

    /// A whole number of at most `max_digits` digits at `k`.
    pub fn small_number(&self, k: usize, max_digits: usize) -> Option<u32> {
        self.digits(k)
            .filter(|d| d.len() <= max_digits)
            .and_then(|d| d.parse().ok())
    }

    /// A four-digit year at `k` (any of [`YEARS`]).
    pub fn year(&self, k: usize) -> Option<i32> {
        self.digits(k)
            .filter(|d| d.len() == 4)
            .and_then(|d| d.parse().ok())
            .filter(|y| YEARS.contains(y))
    }

    /// A range of two plausible years joined by a dash at `k`: "2020 - 2025", "2020–2025";
    /// the two years and the position after the second.
    pub fn year_range(&self, k: usize) -> Option<(i32, i32, usize)> {
        let first = self.year(k).filter(|y| PLAUSIBLE_YEARS.contains(y))?;
        if !self.punct(k + 1).is_some_and(|p| RANGE_DASHES.contains(&p)) {
            return None;
        }
        let last = self.year(k + 2).filter(|y| PLAUSIBLE_YEARS.contains(y))?;
        Some((first, last, k + 3))
    }

    /// Whether position `k` opens a sentence, when the cursor starts a block: nothing
    /// before it but marks that may precede a sentence (quotation marks, a bracket, a list
    /// dash), or a mark after which a sentence opens (see [`punctuation::opens_after`]).
    pub fn opens_sentence(&self, k: usize) -> bool {
        (0..k)
            .rev()
            .map(|j| self.text(j))
            .find(|t| !BEFORE_SENTENCE.contains(t))
            .is_none_or(punctuation::opens_after)
    }

    /// How many words "trong đó" (2) or "trong số đó" (3) take at `k`, the phrase that
    /// opens the parts of a whole stated before it; `None` for anything else.
    pub fn within_that_len(&self, k: usize) -> Option<usize> {
        if !self.word_is(k, "trong") {
            return None;
        }
        match (self.word(k + 1), self.word(k + 2)) {
            (Some("đó"), _) => Some(2),
            (Some("số"), Some("đó")) => Some(3),
            _ => None,
        }
    }

    /// The text range from the token at `first` to the token at `last`, both included.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.token(first).start()..self.token(last).end()
    }

    /// The figure at `k`, if that token is a number that reads as one figure in the
    /// document's number style.
    pub fn figure(&self, k: usize) -> Option<Figure> {
        let t = self.get(k)?;
        if t.kind() != TokenKind::Number {
            return None;
        }
        numbers::parse(self.doc.token_text(t), self.doc.number_style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::sentences;

    #[test]
    fn reads_words_marks_numbers_and_year_ranges() {
        let doc = Document::from_text("Nhiệm kỳ 2020 – 2025, đạt 12,5%.");
        let sentences = sentences(&doc, &doc.blocks[0]);
        let c = Cursor::new(&doc, &sentences[0]);
        assert!(c.word_is(0, "nhiệm") && c.word(1) == Some("kỳ"));
        assert_eq!(c.year_range(2), Some((2020, 2025, 5)));
        assert_eq!(c.year_range(3), None);
        assert!(c.is_punct(5, ","));
        assert_eq!(c.figure(7).map(|f| f.value), Some(12.5));
        assert!(c.touching(7) && !c.touching(6));
        assert_eq!(c.text(99), "");
        assert_eq!(&doc.text[c.span(2, 4)], "2020 – 2025");
    }

    #[test]
    fn within_that_phrases_and_their_length() {
        let doc = Document::from_text("Trong đó 3 người, trong số đó 2 người, trong số 5 người.");
        let sentences = sentences(&doc, &doc.blocks[0]);
        let c = Cursor::new(&doc, &sentences[0]);
        let found: Vec<(usize, usize)> = (0..c.len())
            .filter_map(|k| c.within_that_len(k).map(|n| (k, n)))
            .collect();
        // "Trong đó" at 0, "trong số đó" after the first comma; "trong số 5" names its
        // whole and is not one.
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], (0, 2));
        assert_eq!(found[1].1, 3);
        assert!(c.word_is(found[1].0, "trong"));
    }
}
