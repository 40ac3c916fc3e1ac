//! The punctuation marks that carry structure, defined once: what ends a sentence or a
//! clause, which marks open and close a quotation, which may stand before a sentence's
//! first word.

/// Marks that end a sentence (a `.` inside a number belongs to the number).
pub const SENTENCE_END: &[&str] = &[".", "!", "?", "…"];

/// Marks that end a clause without ending the sentence: after them a word stays
/// lower-case, so a capital there still marks a name.
pub const CLAUSE_END: &[&str] = &[";"];

/// Quotation marks that open a quotation.
pub const OPENING_QUOTES: &[&str] = &["“", "«", "‘"];

/// Quotation marks that close a quotation.
pub const CLOSING_QUOTES: &[&str] = &["”", "»", "’"];

/// Straight quotation marks, which both open and close.
pub const STRAIGHT_QUOTES: &[&str] = &["\"", "'"];

/// Marks that may stand before a sentence's first word without ending anything: quotation
/// marks, brackets, a list dash or bullet.
pub const BEFORE_SENTENCE: &[&str] = &["“", "«", "\"", "‘", "'", "(", "[", "-", "–", "—", "*", "•"];

/// Dashes that join a range ("2020 - 2025", "10/10/1954–10/10/2024").
pub const RANGE_DASHES: &[&str] = &["-", "–", "—"];

/// Whether the mark ends a sentence.
pub fn ends_sentence(mark: &str) -> bool {
    SENTENCE_END.contains(&mark)
}

/// Whether the mark ends a clause or a sentence: where [`crate::analysis::sentences`]
/// splits.
pub fn ends_clause(mark: &str) -> bool {
    ends_sentence(mark) || CLAUSE_END.contains(&mark)
}

/// Whether a sentence opens after the mark: a sentence end, or a colon (what follows a
/// colon may open with a capital: `nhấn mạnh: “Sắp xếp…”`).
pub fn opens_after(mark: &str) -> bool {
    ends_sentence(mark) || mark == ":"
}

/// Whether the mark is a quotation mark of any kind.
pub fn is_quote(mark: &str) -> bool {
    OPENING_QUOTES.contains(&mark)
        || CLOSING_QUOTES.contains(&mark)
        || STRAIGHT_QUOTES.contains(&mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_semicolon_ends_a_clause_not_a_sentence() {
        assert!(ends_clause(";") && !ends_sentence(";") && !opens_after(";"));
        assert!(ends_sentence("…") && opens_after(":") && !ends_clause(":"));
    }

    #[test]
    fn every_quote_is_known_and_may_open_a_sentence_but_closing_ones() {
        for q in OPENING_QUOTES.iter().chain(STRAIGHT_QUOTES) {
            assert!(is_quote(q) && BEFORE_SENTENCE.contains(q), "{q}");
        }
        assert!(
            CLOSING_QUOTES
                .iter()
                .all(|q| is_quote(q) && !BEFORE_SENTENCE.contains(q))
        );
    }
}
