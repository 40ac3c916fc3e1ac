//! Splits text into words, numbers, punctuation and white space, each with its byte range.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits after a letter): a syllable, an acronym, a foreign word.
    Word,
    /// Digits, with `.` or `,` between digits: `25`, `12.455,236`, `27.6.2024`.
    Number,
    /// Any other single character that is not white space.
    Punct,
    /// A run of white space, line breaks included.
    Space,
}

/// A token: 12 bytes (a long document has about one token per three bytes of text, so
/// the token vector is most of a document's memory). Offsets are `u32`: a text is at most
/// 4 GiB; a token is at most [`MAX_TOKEN_LEN`] bytes (a longer run is split).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    start: u32,
    /// For a word inside a [`crate::document::Document`], its entry in the document's
    /// lexicon; [`Token::NO_WORD`] otherwise.
    pub word: u32,
    len: u16,
    pub kind: TokenKind,
}

/// The longest token, in bytes; a longer run of letters, digits or spaces is cut into
/// several tokens of the same kind.
pub const MAX_TOKEN_LEN: usize = u16::MAX as usize;

impl Token {
    /// The [`Token::word`] of a token that has no lexicon entry.
    pub const NO_WORD: u32 = u32::MAX;

    /// A token of `kind` over `range` (at most [`MAX_TOKEN_LEN`] bytes, below 4 GiB).
    pub fn new(kind: TokenKind, range: Range<usize>) -> Token {
        Token {
            start: u32::try_from(range.start).expect("a text is under 4 GiB"),
            word: Token::NO_WORD,
            len: u16::try_from(range.len()).expect("a token is at most MAX_TOKEN_LEN bytes"),
            kind,
        }
    }

    /// The token's byte range in the text.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.start as usize + usize::from(self.len)
    }

    /// The token's length in bytes.
    pub fn byte_len(&self) -> usize {
        usize::from(self.len)
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_space(&self) -> bool {
        self.kind == TokenKind::Space
    }

    /// A space token made only of spaces within a line (ordinary, no-break, narrow
    /// no-break): no line break, no tab.
    pub fn is_inline_space(&self, text: &str) -> bool {
        self.kind == TokenKind::Space && self.text(text).chars().all(is_inline_space_char)
    }
}

/// The characters that space words apart within a line.
pub fn is_inline_space_char(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Letters, answered without a table look-up for the Latin letters Vietnamese uses.
fn is_letter(c: char) -> bool {
    match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        0xC0..=0xFF => c != '×' && c != '÷',
        0x100..=0x24F | 0x1EA0..=0x1EF9 => true,
        _ => c.is_alphabetic(),
    }
}

fn is_word_char(c: char) -> bool {
    is_letter(c)
        || c.is_ascii_digit()
        || (!c.is_ascii()
            && (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)))
}

/// Tokenises `text[range]`, appending to `out` (ranges are offsets into `text`).
pub fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let base = range.start;
    let s = &text[range];
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().expect("in bounds");
        let start = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            while i < s.len() {
                let b = bytes[i];
                if b.is_ascii_digit()
                    || ((b == b'.' || b == b',')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
                {
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if is_letter(c) {
            i += c.len_utf8();
            for d in s[i..].chars() {
                if !is_word_char(d) {
                    break;
                }
                i += d.len_utf8();
            }
            TokenKind::Word
        } else if c.is_whitespace() {
            i += c.len_utf8();
            for d in s[i..].chars() {
                if !d.is_whitespace() {
                    break;
                }
                i += d.len_utf8();
            }
            TokenKind::Space
        } else {
            i += c.len_utf8();
            TokenKind::Punct
        };
        push_cut(out, kind, s, start..i, base);
    }
}

/// Pushes the token `s[range]` (offsets shifted by `base`), cut at character boundaries into
/// pieces of at most [`MAX_TOKEN_LEN`] bytes.
fn push_cut(out: &mut Vec<Token>, kind: TokenKind, s: &str, range: Range<usize>, base: usize) {
    let mut start = range.start;
    while range.end - start > MAX_TOKEN_LEN {
        let mut cut = start + MAX_TOKEN_LEN;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push(Token::new(kind, base + start..base + cut));
        start = cut;
    }
    out.push(Token::new(kind, base + start..base + range.end));
}

/// Tokenises a whole string.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, 0..text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text)
            .iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            kinds("đạt 12.455,236 tỷ/19,5%."),
            vec![
                (Word, "đạt"),
                (Space, " "),
                (Number, "12.455,236"),
                (Space, " "),
                (Word, "tỷ"),
                (Punct, "/"),
                (Number, "19,5"),
                (Punct, "%"),
                (Punct, "."),
            ]
        );
    }

    #[test]
    fn a_trailing_separator_is_not_part_of_the_number() {
        use TokenKind::*;
        assert_eq!(
            kinds("năm 2024. Quý"),
            vec![
                (Word, "năm"),
                (Space, " "),
                (Number, "2024"),
                (Punct, "."),
                (Space, " "),
                (Word, "Quý")
            ]
        );
    }

    #[test]
    fn a_token_is_twelve_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
    }

    #[test]
    fn a_run_longer_than_a_token_is_cut_at_character_boundaries() {
        let text = format!("a {} b", "ệ".repeat(30_000));
        let tokens = tokenize(&text);
        let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
        // "a", the long run in two pieces (90,000 bytes), "b".
        assert_eq!(words.len(), 4);
        assert!(words.iter().all(|t| t.byte_len() <= MAX_TOKEN_LEN));
        assert_eq!(words[1].end(), words[2].start());
        assert_eq!(words[1].byte_len() + words[2].byte_len(), 90_000);
        assert_eq!(
            tokens.iter().map(Token::byte_len).sum::<usize>(),
            text.len()
        );
    }

    #[test]
    fn no_break_spaces_are_space() {
        assert_eq!(kinds("a \u{a0}b")[1], (TokenKind::Space, " \u{a0}"));
    }
}
