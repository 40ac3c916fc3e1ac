//! Quotations: the text a block quotes, where a word is cited or reported rather than
//! written by the author (so a spelling rule leaves it alone).

use std::ops::Range;

use crate::document::{Block, Document};
use crate::text::punctuation::{CLOSING_QUOTES, OPENING_QUOTES};
use crate::text::tokens::TokenKind;

/// The text ranges inside double quotation marks in a block: “…”, «…», and straight `"`
/// paired in order when the block has an even number of them. Single quotes are left out:
/// ‘ and ' are apostrophes as often as quotes. A quotation left open runs to the end of its
/// block.
pub fn quoted_ranges(doc: &Document, block: &Block) -> Vec<Range<usize>> {
    let tokens = doc.block_tokens(block);
    // Most blocks quote nothing: a byte search of their text says so without reading
    // their tokens (three rules ask this of every block).
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Vec::new();
    };
    if !has_double_quote(&doc.text.as_bytes()[first.start()..last.end()]) {
        return Vec::new();
    }
    let marks = || {
        tokens
            .iter()
            .filter(|t| t.kind() == TokenKind::Punct)
            .map(|t| (t, doc.token_text(t)))
    };
    let straight = marks().filter(|(_, m)| *m == "\"").count();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open: Option<usize> = None;
    for (t, mark) in marks() {
        if is_double(mark, OPENING_QUOTES) {
            open = open.or(Some(t.end()));
        } else if is_double(mark, CLOSING_QUOTES) {
            out.extend(open.take().map(|s| s..t.start()));
        } else if mark == "\"" && straight % 2 == 0 {
            match straight_open.take() {
                Some(s) => out.push(s..t.start()),
                None => straight_open = Some(t.end()),
            }
        }
    }
    out.extend(open.map(|s| s..block.range.end));
    out
}

/// Whether `text` holds a double quotation mark: `"` or one of “ ” « » (their UTF-8
/// bytes: E2 80 9C, E2 80 9D, C2 AB, C2 BB). Vietnamese letters have no C2 or E2 byte, so
/// the search stops at few places.
fn has_double_quote(text: &[u8]) -> bool {
    memchr::memchr3_iter(b'"', 0xC2, 0xE2, text).any(|i| {
        matches!(
            text[i..],
            [b'"', ..] | [0xC2, 0xAB | 0xBB, ..] | [0xE2, 0x80, 0x9C | 0x9D, ..]
        )
    })
}

/// A double quotation mark of `set` (“ ” « »), not a single one (‘ ’).
fn is_double(mark: &str, set: &[&str]) -> bool {
    set.contains(&mark) && !matches!(mark, "‘" | "’")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let doc = Document::from_text(text);
        let ranges = quoted_ranges(&doc, &doc.blocks[0]);
        ranges
            .into_iter()
            .map(|r| &text[doc.map.source_range(r)])
            .collect()
    }

    #[test]
    fn curly_guillemets_and_paired_straight_quotes() {
        assert_eq!(
            quoted("Ông nói “đúng” và «sai», rồi \"thôi\"."),
            ["đúng", "sai", "thôi"]
        );
        // An odd number of straight quotes pairs nothing; an open quotation runs to the end.
        assert_eq!(quoted("Cỡ 5\" và “còn mở"), ["còn mở"]);
        assert!(quoted("Cái ‘áo’ của tôi").is_empty());
    }

    #[test]
    fn the_byte_search_passes_over_dashes_spaces_and_letters_sharing_a_quote_byte() {
        // “–”, “…”, a no-break space and “ừ” hold the bytes E2, C2, AB or BB of a quote.
        let marks = "Năm 2020–2025… vừa\u{a0}xong ừ".to_string();
        assert!(quoted(&marks).is_empty());
        assert!(!has_double_quote(marks.as_bytes()));
        // A quotation after them is still found, of either kind.
        for (text, inside) in [
            (format!("{marks} «mới»."), "mới"),
            (format!("{marks} “cũ” nữa."), "cũ"),
            (format!("{marks} \"hai\" lần."), "hai"),
        ] {
            assert_eq!(quoted(&text), [inside], "{text}");
        }
    }
}
