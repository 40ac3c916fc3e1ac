//! Splits text into words, numbers, punctuation and white space, each with its byte range.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
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

/// A token: 8 bytes (a long document has about one token per three bytes of text, so the
/// token vector is most of a document's memory): a `u32` start, and a `u32` holding the
/// kind (two bits) with, for a word, its length (8 bits) and its lexicon entry (22 bits), for
/// any other token its length. A text is at most 4 GiB; a word is at most [`MAX_WORD_LEN`]
/// bytes and any other token [`MAX_TOKEN_LEN`] (a longer run is cut into several tokens of
/// the same kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    tag: u32,
}

/// The longest token other than a word, in bytes.
pub const MAX_TOKEN_LEN: usize = u16::MAX as usize;

/// The longest word token, in bytes (no Vietnamese syllable comes near; a longer run of
/// letters is cut).
pub const MAX_WORD_LEN: usize = 255;

/// The kind's two bits, at the top of [`Token::tag`].
const KIND_SHIFT: u32 = 30;
/// A word's length, above its lexicon entry.
const WORD_LEN_SHIFT: u32 = 22;
const WORD_MASK: u32 = (1 << WORD_LEN_SHIFT) - 1;
const LEN_MASK: u32 = (1 << KIND_SHIFT) - 1;

impl Token {
    /// The [`Token::word`] of a token that has no lexicon entry.
    pub const NO_WORD: u32 = u32::MAX;

    /// The most lexicon entries a document's words can point to; a word whose form comes
    /// after that many distinct forms has none ([`Token::NO_WORD`]).
    pub const MAX_WORDS: usize = WORD_MASK as usize;

    /// A token of `kind` over `range` (at most [`MAX_TOKEN_LEN`] bytes, [`MAX_WORD_LEN`] for
    /// a word, below 4 GiB).
    pub fn new(kind: TokenKind, range: Range<usize>) -> Token {
        let start = u32::try_from(range.start).expect("a text is under 4 GiB");
        let len = range.len();
        let tag = match kind {
            TokenKind::Word => {
                assert!(len <= MAX_WORD_LEN, "a word is at most MAX_WORD_LEN bytes");
                (len as u32) << WORD_LEN_SHIFT | WORD_MASK
            }
            _ => {
                assert!(
                    len <= MAX_TOKEN_LEN,
                    "a token is at most MAX_TOKEN_LEN bytes"
                );
                len as u32
            }
        };
        Token {
            start,
            tag: (kind as u32) << KIND_SHIFT | tag,
        }
    }

    /// What the token is.
    pub fn kind(&self) -> TokenKind {
        match self.tag >> KIND_SHIFT {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Punct,
            _ => TokenKind::Space,
        }
    }

    /// For a word inside a [`crate::document::Document`], its entry in the document's
    /// lexicon; [`Token::NO_WORD`] otherwise.
    pub fn word(&self) -> u32 {
        match self.kind() {
            TokenKind::Word if self.tag & WORD_MASK != WORD_MASK => self.tag & WORD_MASK,
            _ => Token::NO_WORD,
        }
    }

    /// Sets a word's lexicon entry (below [`Token::MAX_WORDS`]); ignored for any other token.
    pub fn set_word(&mut self, word: u32) {
        if self.kind() == TokenKind::Word && (word as usize) < Token::MAX_WORDS {
            self.tag = (self.tag & !WORD_MASK) | word;
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
        self.start as usize + self.byte_len()
    }

    /// The token's length in bytes.
    pub fn byte_len(&self) -> usize {
        if self.tag >> KIND_SHIFT == 0 {
            ((self.tag & LEN_MASK) >> WORD_LEN_SHIFT) as usize
        } else {
            (self.tag & LEN_MASK) as usize
        }
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }

    pub fn is_word(&self) -> bool {
        self.tag >> KIND_SHIFT == 0
    }

    pub fn is_space(&self) -> bool {
        self.kind() == TokenKind::Space
    }

    /// A space token made only of spaces within a line (ordinary, no-break, narrow
    /// no-break): no line break, no tab. The usual single ASCII space is answered without
    /// decoding (rules ask this of every space token).
    #[inline]
    pub fn is_inline_space(&self, text: &str) -> bool {
        self.is_space()
            && ((self.byte_len() == 1 && text.as_bytes()[self.start()] == b' ')
                || self.text(text).chars().all(is_inline_space_char))
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
        let c = char_at(s, i);
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
            i = word_end(s, i);
            TokenKind::Word
        } else if c.is_whitespace() {
            i += c.len_utf8();
            i = run_end(s, i, char::is_whitespace);
            TokenKind::Space
        } else {
            i += c.len_utf8();
            TokenKind::Punct
        };
        push_cut(out, kind, s, start..i, base);
    }
}

/// The character starting at byte `i` of `s` (an ASCII byte read as it is).
#[inline]
fn char_at(s: &str, i: usize) -> char {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        char::from(b)
    } else {
        s[i..].chars().next().expect("in bounds")
    }
}

/// Where the run of characters that `keep` accepts, from byte `i` of `s`, ends; an ASCII
/// byte is tested without decoding.
#[inline]
fn run_end(s: &str, mut i: usize, keep: impl Fn(char) -> bool) -> usize {
    while i < s.len() {
        let c = char_at(s, i);
        if !keep(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Where the run of word characters ([`is_word_char`]) from byte `i` of `s` ends. The
/// characters Vietnamese words are made of are told by their bytes without decoding: ASCII,
/// U+00C0-U+024F (two bytes led by C3-C8, × and ÷ excepted) and the precomposed letters
/// U+1EA0-U+1EF9 (E1 BA A0 to E1 BB B9); any other character is decoded and asked.
#[inline]
fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(i) {
        let len = match b {
            _ if b.is_ascii() => {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                1
            }
            0xC3 => {
                // × (C3 97) and ÷ (C3 B7) are the only non-letters of U+00C0-U+00FF.
                if matches!(bytes[i + 1], 0x97 | 0xB7) {
                    break;
                }
                2
            }
            0xC4..=0xC8 => 2,
            0xE1 if matches!(
                (bytes[i + 1], bytes[i + 2]),
                (0xBA, 0xA0..=0xBF) | (0xBB, 0x80..=0xB9)
            ) =>
            {
                3
            }
            _ => {
                let c = char_at(s, i);
                if !is_word_char(c) {
                    break;
                }
                c.len_utf8()
            }
        };
        i += len;
    }
    i
}

/// Pushes the token `s[range]` (offsets shifted by `base`), cut at character boundaries into
/// pieces of at most [`MAX_TOKEN_LEN`] bytes ([`MAX_WORD_LEN`] for a word).
fn push_cut(out: &mut Vec<Token>, kind: TokenKind, s: &str, range: Range<usize>, base: usize) {
    let max = if kind == TokenKind::Word {
        MAX_WORD_LEN
    } else {
        MAX_TOKEN_LEN
    };
    let mut start = range.start;
    while range.end - start > max {
        let mut cut = start + max;
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
            .map(|t| (t.kind(), t.text(text)))
            .collect()
    }

    /// The byte tests of [`word_end`] agree with [`is_word_char`] on every character, after
    /// a letter and before an ASCII letter and a space.
    #[test]
    fn a_word_ends_where_a_character_is_no_word_character() {
        let mut text = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            text.clear();
            text.push('a');
            text.push(c);
            text.push('b');
            text.push(' ');
            let expected = if is_word_char(c) { 2 + c.len_utf8() } else { 1 };
            assert_eq!(word_end(&text, 1), expected, "U+{:04X}", u32::from(c));
        }
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
    fn a_token_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
    }

    #[test]
    fn kind_length_and_word_survive_the_packing() {
        let text = format!("{} 12.455,236 “ \n\n", "ệ".repeat(85));
        let tokens = tokenize(&text);
        let got: Vec<(TokenKind, usize)> =
            tokens.iter().map(|t| (t.kind(), t.byte_len())).collect();
        use TokenKind::*;
        assert_eq!(
            got,
            vec![
                (Word, 255),
                (Space, 1),
                (Number, 10),
                (Space, 1),
                (Punct, 3),
                (Space, 3)
            ]
        );
        let mut word = tokens[0];
        assert_eq!(word.word(), Token::NO_WORD);
        word.set_word(0);
        assert_eq!((word.word(), word.byte_len(), word.kind()), (0, 255, Word));
        let last = (Token::MAX_WORDS - 1) as u32;
        word.set_word(last);
        assert_eq!((word.word(), word.byte_len()), (last, 255));
        word.set_word(last + 1);
        assert_eq!(
            word.word(),
            last,
            "past the lexicon's reach: left as it was"
        );
        let mut number = tokens[2];
        number.set_word(7);
        assert_eq!(
            (number.word(), number.kind(), number.byte_len()),
            (Token::NO_WORD, Number, 10)
        );
    }

    #[test]
    fn a_word_longer_than_a_word_token_is_cut_at_character_boundaries() {
        let text = format!("a {} b", "ệ".repeat(100));
        let words: Vec<Token> = tokenize(&text).into_iter().filter(Token::is_word).collect();
        // "a", 300 bytes of "ệ" as 255 and 45 (85 and 15 letters), "b".
        let lens: Vec<usize> = words.iter().map(Token::byte_len).collect();
        assert_eq!(lens, vec![1, 255, 45, 1]);
        assert_eq!(words[1].end(), words[2].start());
    }

    #[test]
    fn a_run_longer_than_a_token_is_cut_at_character_boundaries() {
        let text = format!("a {} b", "\u{a0}".repeat(45_000));
        let tokens = tokenize(&text);
        let spaces: Vec<&Token> = tokens.iter().filter(|t| t.is_space()).collect();
        // The long run of spaces in two pieces (90,000 bytes and the space before "b").
        assert_eq!(spaces.len(), 2);
        assert!(spaces.iter().all(|t| t.byte_len() <= MAX_TOKEN_LEN));
        assert_eq!(spaces[0].end(), spaces[1].start());
        assert_eq!(spaces[0].byte_len() + spaces[1].byte_len(), 90_002);
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
