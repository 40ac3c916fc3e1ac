//! The pre-Unicode Vietnamese encodings, as they show up when their bytes are read as
//! Latin-1 / Windows-1252 (TCVN3, VNI-Windows) or typed in ASCII (VIQR): conversion to
//! Unicode NFC, and recognition of a paragraph written in one of them.
//!
//! The tables are the published layouts: TCVN 5712:1993 (the "ABC" fonts; checked against
//! glibc's `iconv -f TCVN`), the VNI-Windows fonts (a base letter followed by a mark byte),
//! and VIQR (RFC 1456: a base letter followed by `^ ( +` and ``' ` ? ~ .``, `dd` for đ).

use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::text::syllable::{self, Tone};

/// A legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// TCVN 5712:1993, the "ABC" fonts (.VnTime): one byte per letter.
    Tcvn3,
    /// VNI-Windows: a base letter followed by a mark byte.
    Vni,
    /// VIQR: plain ASCII, marks typed after the letter.
    Viqr,
}

impl Encoding {
    pub const ALL: [Encoding; 3] = [Encoding::Tcvn3, Encoding::Vni, Encoding::Viqr];

    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI-Windows",
            Encoding::Viqr => "VIQR",
        }
    }

    /// The value of `vnlint convert --from`.
    pub fn arg(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
        }
    }

    pub fn from_arg(s: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.arg() == s)
    }
}

/// TCVN3 bytes 0xA1..=0xFF, each read as the Latin-1 character of the same code, and the
/// letter it stands for. 0xB0..=0xB4 (combining tone marks in the standard) are left out:
/// as Latin-1 they are ° ± ² ³ ´, far more often meant as themselves.
const TCVN3: &[(char, char)] = &[
    ('\u{A1}', 'Ă'),
    ('\u{A2}', 'Â'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
    ('\u{A7}', 'Đ'),
    ('\u{A8}', 'ă'),
    ('\u{A9}', 'â'),
    ('\u{AA}', 'ê'),
    ('\u{AB}', 'ô'),
    ('\u{AC}', 'ơ'),
    ('\u{AD}', 'ư'),
    ('\u{AE}', 'đ'),
    ('\u{AF}', 'Ằ'),
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B8}', 'á'),
    ('\u{B9}', 'ạ'),
    ('\u{BA}', 'Ẳ'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('\u{BE}', 'ắ'),
    ('\u{BF}', 'Ẵ'),
    ('\u{C0}', 'Ắ'),
    ('\u{C1}', 'Ầ'),
    ('\u{C2}', 'Ẩ'),
    ('\u{C3}', 'Ẫ'),
    ('\u{C4}', 'Ấ'),
    ('\u{C5}', 'Ề'),
    ('\u{C6}', 'ặ'),
    ('\u{C7}', 'ầ'),
    ('\u{C8}', 'ẩ'),
    ('\u{C9}', 'ẫ'),
    ('\u{CA}', 'ấ'),
    ('\u{CB}', 'ậ'),
    ('\u{CC}', 'è'),
    ('\u{CD}', 'Ể'),
    ('\u{CE}', 'ẻ'),
    ('\u{CF}', 'ẽ'),
    ('\u{D0}', 'é'),
    ('\u{D1}', 'ẹ'),
    ('\u{D2}', 'ề'),
    ('\u{D3}', 'ể'),
    ('\u{D4}', 'ễ'),
    ('\u{D5}', 'ế'),
    ('\u{D6}', 'ệ'),
    ('\u{D7}', 'ì'),
    ('\u{D8}', 'ỉ'),
    ('\u{D9}', 'Ễ'),
    ('\u{DA}', 'Ế'),
    ('\u{DB}', 'Ồ'),
    ('\u{DC}', 'ĩ'),
    ('\u{DD}', 'í'),
    ('\u{DE}', 'ị'),
    ('\u{DF}', 'ò'),
    ('\u{E0}', 'Ổ'),
    ('\u{E1}', 'ỏ'),
    ('\u{E2}', 'õ'),
    ('\u{E3}', 'ó'),
    ('\u{E4}', 'ọ'),
    ('\u{E5}', 'ồ'),
    ('\u{E6}', 'ổ'),
    ('\u{E7}', 'ỗ'),
    ('\u{E8}', 'ố'),
    ('\u{E9}', 'ộ'),
    ('\u{EA}', 'ờ'),
    ('\u{EB}', 'ở'),
    ('\u{EC}', 'ỡ'),
    ('\u{ED}', 'ớ'),
    ('\u{EE}', 'ợ'),
    ('\u{EF}', 'ù'),
    ('\u{F0}', 'Ỗ'),
    ('\u{F1}', 'ủ'),
    ('\u{F2}', 'ũ'),
    ('\u{F3}', 'ú'),
    ('\u{F4}', 'ụ'),
    ('\u{F5}', 'ừ'),
    ('\u{F6}', 'ử'),
    ('\u{F7}', 'ữ'),
    ('\u{F8}', 'ứ'),
    ('\u{F9}', 'ự'),
    ('\u{FA}', 'ỳ'),
    ('\u{FB}', 'ỷ'),
    ('\u{FC}', 'ỹ'),
    ('\u{FD}', 'ý'),
    ('\u{FE}', 'ỵ'),
    ('\u{FF}', 'Ố'),
];

/// The vowel modifiers as combining characters.
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

fn tone_mark(tone: Tone) -> Option<char> {
    match tone {
        Tone::Ngang => None,
        Tone::Huyen => Some('\u{300}'),
        Tone::Sac => Some('\u{301}'),
        Tone::Hoi => Some('\u{309}'),
        Tone::Nga => Some('\u{303}'),
        Tone::Nang => Some('\u{323}'),
    }
}

fn tone_of_mark(c: char) -> Option<Tone> {
    Some(match c {
        '\u{300}' => Tone::Huyen,
        '\u{301}' => Tone::Sac,
        '\u{309}' => Tone::Hoi,
        '\u{303}' => Tone::Nga,
        '\u{323}' => Tone::Nang,
        _ => return None,
    })
}

/// VNI mark bytes (as Latin-1 characters, lower-case and capital forms): the vowel
/// modifier they add (circumflex or breve, or none) and the tone.
const VNI_MARKS: &[(char, char, Option<char>, Tone)] = &[
    ('ù', 'Ù', None, Tone::Sac),
    ('ø', 'Ø', None, Tone::Huyen),
    ('û', 'Û', None, Tone::Hoi),
    ('õ', 'Õ', None, Tone::Nga),
    ('ï', 'Ï', None, Tone::Nang),
    ('â', 'Â', Some(CIRCUMFLEX), Tone::Ngang),
    ('á', 'Á', Some(CIRCUMFLEX), Tone::Sac),
    ('à', 'À', Some(CIRCUMFLEX), Tone::Huyen),
    ('å', 'Å', Some(CIRCUMFLEX), Tone::Hoi),
    ('ã', 'Ã', Some(CIRCUMFLEX), Tone::Nga),
    ('ä', 'Ä', Some(CIRCUMFLEX), Tone::Nang),
    ('ê', 'Ê', Some(BREVE), Tone::Ngang),
    ('é', 'É', Some(BREVE), Tone::Sac),
    ('è', 'È', Some(BREVE), Tone::Huyen),
    ('ú', 'Ú', Some(BREVE), Tone::Hoi),
    ('ü', 'Ü', Some(BREVE), Tone::Nga),
    ('ë', 'Ë', Some(BREVE), Tone::Nang),
];

/// VNI bytes that are a letter by themselves.
const VNI_LETTERS: &[(char, char)] = &[
    ('ô', 'ơ'),
    ('Ô', 'Ơ'),
    ('ö', 'ư'),
    ('Ö', 'Ư'),
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('í', 'í'),
    ('ì', 'ì'),
    ('æ', 'ỉ'),
    ('ó', 'ĩ'),
    ('ò', 'ị'),
    ('Í', 'Í'),
    ('Ì', 'Ì'),
    ('Æ', 'Ỉ'),
    ('Ó', 'Ĩ'),
    ('Ò', 'Ị'),
    ('î', 'ỵ'),
    ('Î', 'Ỵ'),
];

fn vni_mark(c: char) -> Option<(Option<char>, Tone)> {
    VNI_MARKS
        .iter()
        .find(|m| m.0 == c || m.1 == c)
        .map(|m| (m.2, m.3))
}

fn vni_letter(c: char) -> Option<char> {
    VNI_LETTERS.iter().find(|l| l.0 == c).map(|l| l.1)
}

/// A base letter with an optional modifier and a tone, as one NFC character.
fn compose(base: char, modifier: Option<char>, tone: Tone) -> String {
    let mut s = String::with_capacity(8);
    s.push(base);
    s.extend(modifier);
    s.extend(tone_mark(tone));
    s.nfc().collect()
}

/// The text in Unicode NFC, read as written in `encoding`.
pub fn decode(text: &str, encoding: Encoding) -> String {
    let out = match encoding {
        Encoding::Tcvn3 => text
            .chars()
            .map(|c| {
                TCVN3
                    .binary_search_by_key(&c, |p| p.0)
                    .map_or(c, |i| TCVN3[i].1)
            })
            .collect(),
        Encoding::Vni => decode_vni(text),
        Encoding::Viqr => decode_viqr(text),
    };
    out.nfc().collect()
}

fn decode_vni(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let base = match c {
            'a' | 'e' | 'o' | 'u' | 'y' | 'A' | 'E' | 'O' | 'U' | 'Y' => Some(c),
            'ô' | 'Ô' | 'ö' | 'Ö' => vni_letter(c),
            _ => None,
        };
        if let Some(base) = base
            && let Some(&next) = chars.get(i + 1)
            && let Some((modifier, tone)) = vni_mark(next)
        {
            let fits = match modifier {
                Some(CIRCUMFLEX) => matches!(base, 'a' | 'e' | 'o' | 'A' | 'E' | 'O'),
                Some(_) => matches!(base, 'a' | 'A'),
                None => true,
            };
            if fits {
                out.push_str(&compose(base, modifier, tone));
                i += 2;
                continue;
            }
        }
        out.push(vni_letter(c).unwrap_or(c));
        i += 1;
    }
    out
}

fn viqr_tone(c: char) -> Option<Tone> {
    Some(match c {
        '\'' => Tone::Sac,
        '`' => Tone::Huyen,
        '?' => Tone::Hoi,
        '~' => Tone::Nga,
        '.' => Tone::Nang,
        _ => return None,
    })
}

fn decode_viqr(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\\' && next.is_some_and(|n| "^(+'`?~.\\dD".contains(n)) {
            out.extend(next);
            i += 2;
            continue;
        }
        let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        if word_start && matches!(c, 'd' | 'D') && matches!(next, Some('d' | 'D')) {
            out.push(if c == 'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        if !matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let lower = c.to_ascii_lowercase();
        let modifier = match next {
            Some('^') if matches!(lower, 'a' | 'e' | 'o') => Some(CIRCUMFLEX),
            Some('(') if lower == 'a' => Some(BREVE),
            Some('+') if matches!(lower, 'o' | 'u') => Some(HORN),
            _ => None,
        };
        if modifier.is_some() {
            j += 1;
        }
        let mut tone = Tone::Ngang;
        if let Some(&t) = chars.get(j)
            && let Some(candidate) = viqr_tone(t)
        {
            let after = chars.get(j + 1).copied();
            let is_tone = match t {
                // ? and . end sentences too: a tone only inside a word, or where the
                // sentence goes on in lower case.
                '?' | '.' => {
                    after.is_some_and(char::is_alphabetic)
                        || (after.is_some_and(|a| a == ' ')
                            && chars.get(j + 2).is_some_and(|n| n.is_lowercase()))
                }
                _ => true,
            };
            if is_tone {
                tone = candidate;
                j += 1;
            }
        }
        out.push_str(&compose(c, modifier, tone));
        i = j;
    }
    out
}

/// A file's bytes in `encoding`, as Unicode NFC: UTF-8 text (legacy text pasted as Unicode)
/// is decoded as UTF-8 first; any other bytes are the legacy font's bytes, one character each.
pub fn convert_bytes(bytes: &[u8], encoding: Encoding) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => decode(text.strip_prefix('\u{feff}').unwrap_or(text), encoding),
        Err(_) => {
            let text: String = bytes.iter().map(|&b| char::from(b)).collect();
            decode(&text, encoding)
        }
    }
}

/// Unicode text written in `encoding` (the inverse of [`decode`], for tests and
/// round trips). Letters TCVN3 cannot write are kept as they are.
pub fn encode(text: &str, encoding: Encoding) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            if encoding == Encoding::Viqr && "^(+'`?~.\\".contains(c) {
                out.push('\\');
            }
            out.push(c);
            continue;
        }
        match encoding {
            Encoding::Tcvn3 => out.push(TCVN3.iter().find(|p| p.1 == c).map_or(c, |p| p.0)),
            Encoding::Vni => encode_vni(c, &mut out),
            Encoding::Viqr => encode_viqr(c, &mut out),
        }
    }
    out
}

/// A letter's base, vowel modifier and tone.
fn split_letter(c: char) -> (char, Option<char>, Tone) {
    let mut base = c;
    let mut modifier = None;
    let mut tone = Tone::Ngang;
    for (i, d) in std::iter::once(c).nfd().enumerate() {
        if i == 0 {
            base = d;
        } else if let Some(t) = tone_of_mark(d) {
            tone = t;
        } else {
            modifier = Some(d);
        }
    }
    (base, modifier, tone)
}

fn encode_vni(c: char, out: &mut String) {
    if let Some(l) = VNI_LETTERS.iter().find(|l| l.1 == c) {
        out.push(l.0);
        return;
    }
    let (base, modifier, tone) = split_letter(c);
    let upper = base.is_uppercase();
    let base = match (base, modifier) {
        ('o', Some(HORN)) => 'ô',
        ('O', Some(HORN)) => 'Ô',
        ('u', Some(HORN)) => 'ö',
        ('U', Some(HORN)) => 'Ö',
        _ => base,
    };
    let modifier = modifier.filter(|&m| m != HORN);
    out.push(base);
    if modifier.is_none() && tone == Tone::Ngang {
        return;
    }
    if let Some(m) = VNI_MARKS.iter().find(|m| m.2 == modifier && m.3 == tone) {
        out.push(if upper { m.1 } else { m.0 });
    }
}

fn encode_viqr(c: char, out: &mut String) {
    match c {
        'đ' => return out.push_str("dd"),
        'Đ' => return out.push_str("DD"),
        _ => {}
    }
    let (base, modifier, tone) = split_letter(c);
    out.push(base);
    match modifier {
        Some(CIRCUMFLEX) => out.push('^'),
        Some(BREVE) => out.push('('),
        Some(HORN) => out.push('+'),
        _ => {}
    }
    out.extend(match tone {
        Tone::Ngang => None,
        Tone::Huyen => Some('`'),
        Tone::Sac => Some('\''),
        Tone::Hoi => Some('?'),
        Tone::Nga => Some('~'),
        Tone::Nang => Some('.'),
    });
}

/// A paragraph recognised as written in a legacy encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub encoding: Encoding,
    /// The words that read as Vietnamese syllables once converted, as byte ranges into the
    /// paragraph, in order.
    pub hits: Vec<Range<usize>>,
}

/// Latin-1 characters that Vietnamese Unicode text uses (the letters with marks that
/// Latin-1 has, and the no-break space): any other one in U+00A1..U+00FF is a hint of
/// TCVN3 or VNI.
fn is_unicode_vietnamese_latin1(c: char) -> bool {
    matches!(
        c,
        'À' | 'Á'
            | 'Â'
            | 'Ã'
            | 'È'
            | 'É'
            | 'Ê'
            | 'Ì'
            | 'Í'
            | 'Ò'
            | 'Ó'
            | 'Ô'
            | 'Õ'
            | 'Ù'
            | 'Ú'
            | 'Ý'
            | 'à'
            | 'á'
            | 'â'
            | 'ã'
            | 'è'
            | 'é'
            | 'ê'
            | 'ì'
            | 'í'
            | 'ò'
            | 'ó'
            | 'ô'
            | 'õ'
            | 'ù'
            | 'ú'
            | 'ý'
    )
}

/// Cheap look at a paragraph: which encodings it could be in. It reads bytes: a character
/// of U+0080..U+00FF starts with the byte C2 or C3, and a VIQR mark follows an ASCII vowel
/// (the byte before it in UTF-8, since no byte of a wider character is ASCII).
fn candidates(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let mut latin1 = false;
    let mut viqr = false;
    let mut from = 0;
    while let Some(found) = bytes[from..]
        .iter()
        .position(|&b| CANDIDATE_BYTES[usize::from(b)])
    {
        let i = from + found;
        if bytes[i] >= 0x80 {
            latin1 = latin1
                || text[i..].chars().next().is_some_and(|c| {
                    ('\u{A1}'..='\u{FF}').contains(&c) && !is_unicode_vietnamese_latin1(c)
                });
        } else if i > 0 {
            viqr = viqr
                || matches!(
                    bytes[i - 1].to_ascii_lowercase(),
                    b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
                );
        }
        if latin1 && viqr {
            break;
        }
        from = i + 1;
    }
    (latin1, viqr)
}

/// The bytes [`candidates`] stops at: the lead bytes of U+0080..U+00FF and the ASCII marks
/// of VIQR, one table look-up a byte (every byte of every paragraph is read).
const CANDIDATE_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(
            i as u8,
            0xC2 | 0xC3 | b'^' | b'`' | b'\'' | b'~' | b'+' | b'('
        );
        i += 1;
    }
    table
};

/// Whether [`decode`] may change a chunk of NFC text: only when a character of the chunk
/// is one the encoding reads otherwise, all of them in U+00A1..U+00FF (VIQR: any chunk,
/// its marks are ASCII).
fn may_change(chunk: &str, encoding: Encoding) -> bool {
    let read_otherwise = |c: char| match encoding {
        Encoding::Tcvn3 => TCVN3.binary_search_by_key(&c, |p| p.0).is_ok(),
        Encoding::Vni => vni_letter(c).is_some() || vni_mark(c).is_some(),
        Encoding::Viqr => true,
    };
    encoding == Encoding::Viqr
        || chunk
            .chars()
            .any(|c| ('\u{A1}'..='\u{FF}').contains(&c) && read_otherwise(c))
}

/// The letters of a chunk with the punctuation around it taken off.
fn core(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphabetic())
}

/// A VIQR mark inside a chunk (not a mere final full stop or question mark).
fn has_viqr_mark(chunk: &str) -> bool {
    let chars: Vec<char> = chunk.chars().collect();
    chars.windows(2).enumerate().any(|(i, w)| {
        let vowel = matches!(w[0].to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        (vowel && matches!(w[1], '^' | '(' | '+' | '\'' | '`' | '~'))
            || (vowel
                && matches!(w[1], '?' | '.')
                && chars.get(i + 2).is_some_and(|c| c.is_alphabetic()))
            || (i == 0 && matches!(w, ['d', 'd'] | ['D', 'D'] | ['D', 'd']))
    })
}

/// A VIQR vowel modifier (^ ( +) or dd in a chunk.
fn has_viqr_modifier(chunk: &str) -> bool {
    chunk.contains(['^', '(', '+']) || chunk.starts_with("dd") || chunk.starts_with("DD")
}

/// Whether a paragraph is text in a legacy encoding: several of its words are no
/// Vietnamese syllable as they stand but are one once converted (one such word, a German
/// "Müller" or a stray "ö", is not enough).
pub fn detect(text: &str) -> Option<Detection> {
    let (latin1, viqr) = candidates(text);
    if !latin1 && !viqr {
        return None;
    }
    let mut best: Option<(Detection, usize)> = None;
    for encoding in Encoding::ALL {
        let relevant = match encoding {
            Encoding::Viqr => viqr,
            _ => latin1,
        };
        if !relevant {
            continue;
        }
        let mut hits = Vec::new();
        let mut changed = 0;
        let mut strong = 0;
        for (start, chunk) in chunks(text) {
            if encoding == Encoding::Viqr && !has_viqr_mark(chunk) {
                continue;
            }
            // Decoding leaves such a chunk as it is (`decode` only normalises it to NFC).
            if !may_change(chunk, encoding) && is_nfc_quick(chunk.chars()) == IsNormalized::Yes {
                continue;
            }
            let original = core(chunk);
            let decoded = decode(chunk, encoding);
            let converted = core(&decoded);
            if converted == original {
                continue;
            }
            changed += 1;
            if converted.is_ascii()
                || !original.bytes().any(|b| b.is_ascii_alphabetic())
                || syllable::is_syllable(original)
                || !syllable::is_syllable(converted)
            {
                continue;
            }
            strong += usize::from(encoding != Encoding::Viqr || has_viqr_modifier(chunk));
            hits.push(start..start + chunk.len());
        }
        let n = hits.len();
        // VIQR needs a circumflex, breve, horn or dd somewhere: a tone alone may be an
        // English apostrophe (I'm).
        let enough = (n >= 3 || (n >= 2 && 2 * n >= changed)) && strong > 0;
        if enough && best.as_ref().is_none_or(|(_, m)| n > *m) {
            best = Some((Detection { encoding, hits }, n));
        }
    }
    best.map(|(d, _)| d)
}

/// The white-space separated chunks of a text, with their byte offsets.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Offsets from the chunks themselves: white space can be wider than one byte (U+00A0).
    text.split(char::is_whitespace)
        .filter(|c| !c.is_empty())
        .map(move |chunk| (chunk.as_ptr() as usize - text.as_ptr() as usize, chunk))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_offsets_survive_wide_white_space() {
        let text = "Ð\u{a0}.Ti\u{d5}ng\u{3000}Vi\u{d6}t";
        for (start, chunk) in chunks(text) {
            assert_eq!(&text[start..start + chunk.len()], chunk);
        }
    }

    /// Every Vietnamese letter, lower case and capital.
    fn letters() -> Vec<char> {
        let mut out = vec!['đ', 'Đ'];
        for row in crate::text::syllable::VOWEL_ROWS {
            for c in row.chars() {
                out.push(c);
                out.extend(c.to_uppercase());
            }
        }
        out
    }

    #[test]
    fn a_chunk_that_may_not_change_decodes_to_itself() {
        // Every character up to U+024F, the Vietnamese letters, and each after a vowel (a
        // VNI mark changes only what it follows).
        let singles = (0..=0x24F_u32).filter_map(char::from_u32).chain(letters());
        let chunks: Vec<String> = singles
            .flat_map(|c| [c.to_string(), format!("a{c}"), format!("o{c}")])
            .filter(|s| s.nfc().eq(s.chars()))
            .collect();
        let mut changing = 0;
        for encoding in [Encoding::Tcvn3, Encoding::Vni] {
            for chunk in &chunks {
                if may_change(chunk, encoding) {
                    changing += 1;
                } else {
                    assert_eq!(&decode(chunk, encoding), chunk, "{encoding:?}");
                }
            }
        }
        // The TCVN3 bytes and the VNI letters and marks, alone and after two vowels.
        assert!(changing > 3 * 150, "{changing}");
    }

    #[test]
    fn every_letter_round_trips_through_vni_and_viqr() {
        for encoding in [Encoding::Vni, Encoding::Viqr] {
            for c in letters() {
                let s = format!("{c}n {c} a");
                let encoded = encode(&s, encoding);
                assert_eq!(decode(&encoded, encoding), s, "{encoding:?} {c} {encoded}");
            }
        }
    }

    #[test]
    fn tcvn3_round_trips_the_letters_it_has() {
        let mut covered = 0;
        for c in letters() {
            let encoded = encode(&c.to_string(), Encoding::Tcvn3);
            if !TCVN3.iter().any(|p| p.1 == c) && !c.is_ascii() {
                // Capitals with a tone other than those of TCVN 5712 have no code.
                assert!(c.is_uppercase(), "{c} has no TCVN3 code");
                continue;
            }
            covered += 1;
            assert_eq!(decode(&encoded, Encoding::Tcvn3), c.to_string());
        }
        assert!(covered >= 134 / 2 + 10, "{covered}");
    }

    #[test]
    fn tcvn3_codes_agree_with_glibc() {
        // `printf '\xd5\xd6\xb6\xe3\xad\xed\xae' | iconv -f TCVN -t UTF-8`
        assert_eq!(
            decode(
                "\u{d5}\u{d6}\u{b6}\u{e3}\u{ad}\u{ed}\u{ae}",
                Encoding::Tcvn3
            ),
            "ếệảóướđ"
        );
        assert!(TCVN3.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
    }

    #[test]
    fn decodes_the_characteristic_samples() {
        assert_eq!(decode("TiÕng ViÖt", Encoding::Tcvn3), "Tiếng Việt");
        assert_eq!(decode("Gi¶i phãng", Encoding::Tcvn3), "Giải phóng");
        assert_eq!(
            decode("Xin chaøo caùc baïn", Encoding::Vni),
            "Xin chào các bạn"
        );
        assert_eq!(
            decode("Tieáng Vieät ñöôïc", Encoding::Vni),
            "Tiếng Việt được"
        );
        assert_eq!(decode("Tie^'ng Vie^.t", Encoding::Viqr), "Tiếng Việt");
        assert_eq!(
            decode("ddi dde^'n Ha` No^.i.", Encoding::Viqr),
            "đi đến Hà Nội."
        );
        assert_eq!(
            decode("co' kho? kho^ng? Vui.", Encoding::Viqr),
            "có khỏ không? Vui."
        );
    }

    #[test]
    fn converts_raw_font_bytes_and_pasted_text() {
        let raw = b"Ti\xd5ng Vi\xd6t\n";
        assert_eq!(convert_bytes(raw, Encoding::Tcvn3), "Tiếng Việt\n");
        assert_eq!(
            convert_bytes("TiÕng ViÖt".as_bytes(), Encoding::Tcvn3),
            "Tiếng Việt"
        );
    }

    #[test]
    fn detects_paragraphs_not_single_words() {
        let tcvn = "Héi nghÞ tæng kÕt c«ng t¸c n¨m cña quËn";
        assert_eq!(detect(tcvn).unwrap().encoding, Encoding::Tcvn3);
        let vni = "Hoäi nghò toång keát coâng taùc naêm cuûa quaän";
        assert_eq!(detect(vni).unwrap().encoding, Encoding::Vni);
        let viqr = "Ho^.i nghi. to^?ng ke^'t co^ng ta'c na(m cu?a qua^.n";
        assert_eq!(detect(viqr).unwrap().encoding, Encoding::Viqr);
        for silent in [
            "Ông Müller và bà Schröder đến Köln dự hội chợ.",
            "Nhà văn Molière, José Martí và Björk cùng được nhắc đến.",
            "Nhiệt độ 25 °C, tỷ lệ ½ và ký hiệu © của tòa soạn.",
            "Hội nghị tổng kết công tác năm của quận (lần thứ 2).",
            "He said 'no' and I don't care (really) + more.",
            "Cầu thủ Eiður Guðjohnsen và Þór đến Hà Nội.",
            "Giá 80.000.000 £, rồi 56.000.000 £, sau đó 17.000.000 £ và £ 3.000.000.",
            "Ca khúc \"I'm a Slave 4 U\" rồi \"I'm A Slave 4 U\" và \"I'm Not a Girl\".",
        ] {
            assert_eq!(detect(silent), None, "{silent}");
        }
    }
}
