//! Builds the analysed text from pieces of the source, normalising to NFC on the way and
//! recording where every byte came from.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::source_map::SourceMap;
use super::{BlockKind, RawBlock};

/// Accumulates prose text and its source map.
#[derive(Debug, Default)]
pub struct TextBuilder {
    pub text: String,
    pub map: SourceMap,
}

impl TextBuilder {
    /// Ends the block opened at `open` (its kind and where its text starts): the block, if
    /// it holds any text, and a line break after it that stands for no source byte.
    pub(crate) fn close_block(&mut self, open: Option<(BlockKind, usize)>) -> Option<RawBlock> {
        let (kind, start) = open?;
        let end = self.len();
        if end == start {
            return None;
        }
        let at = self.map.source_end(end);
        self.push_standing_for("\n", at..at);
        Some(RawBlock {
            kind,
            range: start..end,
        })
    }

    /// Appends `piece`, which is the source text starting at byte `source_start`, as NFC.
    pub fn push_source(&mut self, piece: &str, source_start: usize) {
        if all_nfc_alone(piece) || is_nfc_quick(piece.chars()) == IsNormalized::Yes {
            self.text.push_str(piece);
            self.map.push_verbatim(source_start, piece.len());
            return;
        }
        for (offset, cluster) in Clusters::new(piece) {
            let normalized: String = cluster.nfc().collect();
            if normalized == cluster {
                self.text.push_str(cluster);
                self.map.push_verbatim(source_start + offset, cluster.len());
            } else {
                self.text.push_str(&normalized);
                let start = source_start + offset;
                self.map
                    .push_recomposed(normalized.len(), start..start + cluster.len());
            }
        }
    }

    /// Appends text that stands for the source range as a whole (a decoded entity, a
    /// placeholder, a separator), normalised to NFC.
    pub fn push_standing_for(&mut self, text: &str, source: Range<usize>) {
        let normalized: String = text.nfc().collect();
        self.text.push_str(&normalized);
        self.map.push_opaque(normalized.len(), source);
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Whether NFC leaves this character alone wherever it stands: everything below the
/// combining marks (U+0300) and the precomposed Vietnamese letters (U+1EA0-U+1EF9), the
/// characters nearly every Vietnamese text is made of: what [`all_nfc_alone`] reads off the
/// bytes, the reference its test compares with.
#[cfg(test)]
fn is_nfc_alone(c: char) -> bool {
    c < '\u{300}' || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Whether NFC leaves every character of `s` alone wherever it stands (below the combining
/// marks, U+0300, or a precomposed Vietnamese letter, U+1EA0-U+1EF9), told by its bytes
/// without decoding: ASCII, two bytes led by C2-CB, or E1 BA A0 to E1 BB B9.
fn all_nfc_alone(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += match b {
            0..=0x7F => 1,
            0xC2..=0xCB => 2,
            0xE1 if matches!(
                (bytes[i + 1], bytes[i + 2]),
                (0xBA, 0xA0..=0xBF) | (0xBB, 0x80..=0xB9)
            ) =>
            {
                3
            }
            _ => return false,
        };
    }
    true
}

/// Splits a string into runs that NFC can only change as a whole: a starter and the
/// combining characters after it.
struct Clusters<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Clusters<'a> {
    fn new(s: &'a str) -> Self {
        Clusters { s, pos: 0 }
    }
}

fn joins_previous(c: char) -> bool {
    // Combining marks, and Hangul vowel and final jamo which compose with what precedes.
    canonical_combining_class(c) != 0 || ('\u{1160}'..='\u{11FF}').contains(&c)
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.s[self.pos..];
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars
            .find(|&(_, c)| !joins_previous(c))
            .map_or(rest.len(), |(i, _)| i);
        let start = self.pos;
        self.pos += end;
        Some((start, &rest[..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheap_nfc_test_agrees_with_the_tables() {
        let alone = (0..0x300).chain(0x1EA0..=0x1EF9).filter_map(char::from_u32);
        for c in alone {
            assert!(is_nfc_alone(c));
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        assert!(!is_nfc_alone('\u{301}'));
    }

    /// The byte test agrees with [`is_nfc_alone`] on every character, alone and between
    /// two letters of each kind it passes.
    #[test]
    fn the_byte_test_agrees_with_the_character_test() {
        let mut text = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            text.clear();
            text.extend(['a', 'đ', 'ạ', c, 'ỹ', 'b']);
            assert_eq!(
                all_nfc_alone(&text),
                is_nfc_alone(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert!(all_nfc_alone(""));
    }

    #[test]
    fn decomposed_text_is_composed_and_mapped_back() {
        let source = "Gia\u{309}i pho\u{301}ng";
        let mut b = TextBuilder::default();
        b.push_source(source, 10);
        assert_eq!(b.text, "Giải phóng");
        let start = b.text.find("phóng").unwrap();
        let span = b.map.source_range(start..b.text.len());
        assert_eq!(span, 10 + source.find("pho").unwrap()..10 + source.len());
    }

    #[test]
    fn composed_text_maps_one_to_one() {
        let mut b = TextBuilder::default();
        b.push_source("An ninh", 0);
        assert_eq!(b.map.source_range(3..7), 3..7);
    }
}
