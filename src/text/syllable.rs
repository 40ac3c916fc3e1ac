//! The written Vietnamese syllable: onset, medial glide, nucleus, coda, tone and the letter
//! carrying the tone mark, decided by the rules of `../shared/docs/vietnamese-orthography.md`.
//!
//! [`parse`] takes any word token (any capitalisation, either tone-placement style) and either
//! returns its [`Syllable`] or says why it is not one ([`IllFormed`], with a message in both
//! languages). It works on a small stack buffer of lower-case letters and never allocates.
//! [`candidates`] lists the well-formed syllables one edit away, likeliest first.

use std::ops::Range;
use std::sync::LazyLock;

mod candidates;

pub use candidates::{Edit, candidates, edits, edits_up_to, missing_vowel_mark, one_edit_apart};

/// Longer tokens are never one syllable ("nghiêng" has 7 letters).
pub const MAX_LETTERS: usize = 8;

/// The six tones, in the order the vowel rows below list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tone {
    /// No mark.
    Ngang,
    /// Grave: à.
    Huyen,
    /// Acute: á.
    Sac,
    /// Hook above: ả.
    Hoi,
    /// Tilde: ã.
    Nga,
    /// Dot below: ạ.
    Nang,
}

impl Tone {
    pub const ALL: [Tone; 6] = [
        Tone::Ngang,
        Tone::Huyen,
        Tone::Sac,
        Tone::Hoi,
        Tone::Nga,
        Tone::Nang,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// The tones a syllable ending in a stop (p, t, c, ch) can carry.
    pub fn allowed_before_stop(self) -> bool {
        matches!(self, Tone::Sac | Tone::Nang)
    }
}

/// The initial consonant, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Onset {
    None,
    B,
    C,
    Ch,
    D,
    Dd,
    G,
    Gh,
    Gi,
    H,
    K,
    Kh,
    L,
    M,
    N,
    Ng,
    Ngh,
    Nh,
    P,
    Ph,
    Qu,
    R,
    S,
    T,
    Th,
    Tr,
    V,
    X,
}

/// The main vowel, as written (after the medial glide).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nucleus {
    A,
    /// ă
    Aw,
    /// â
    Aa,
    E,
    /// ê
    Ee,
    I,
    /// y as the open variant of i, or after the medial u (uy)
    Y,
    O,
    /// oo (boong, xoong)
    OO,
    /// ô
    Oo,
    /// ơ
    Ow,
    U,
    /// ư
    Uw,
    /// iê
    Ie,
    /// yê
    Ye,
    /// uô
    Uo,
    /// ươ
    Uow,
}

/// The final consonant or glide, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Coda {
    None,
    M,
    N,
    Ng,
    Nh,
    P,
    T,
    C,
    Ch,
    I,
    O,
    U,
    Y,
    A,
}

impl Coda {
    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// p, t, c, ch: only sắc or nặng can go with them.
    pub fn is_stop(self) -> bool {
        matches!(self, Coda::P | Coda::T | Coda::C | Coda::Ch)
    }

    fn is_consonant(self) -> bool {
        matches!(
            self,
            Coda::M | Coda::N | Coda::Ng | Coda::Nh | Coda::P | Coda::T | Coda::C | Coda::Ch
        )
    }

    fn from_vowel(c: char) -> Option<Coda> {
        Some(match c {
            'i' => Coda::I,
            'o' => Coda::O,
            'u' => Coda::U,
            'y' => Coda::Y,
            'a' => Coda::A,
            _ => return None,
        })
    }

    fn from_consonants(l: &[char]) -> Option<Coda> {
        Some(match l {
            [] => Coda::None,
            ['m'] => Coda::M,
            ['n'] => Coda::N,
            ['n', 'g'] => Coda::Ng,
            ['n', 'h'] => Coda::Nh,
            ['p'] => Coda::P,
            ['t'] => Coda::T,
            ['c'] => Coda::C,
            ['c', 'h'] => Coda::Ch,
            _ => return None,
        })
    }
}

/// Where the mark of an open oa, oe, uy sits: the two styles of section 6 of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkStyle {
    /// The syllable reads the same in both styles (or carries no mark).
    Neutral,
    /// hòa, khỏe, thủy
    Old,
    /// hoà, khoẻ, thuỷ
    New,
}

/// A well-formed written syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syllable {
    pub onset: Onset,
    /// The glide written o or u between onset and nucleus (always present after qu).
    pub medial: bool,
    pub nucleus: Nucleus,
    pub coda: Coda,
    pub tone: Tone,
    /// The index (in letters, i.e. chars) of the letter carrying the tone mark.
    pub mark: Option<usize>,
    pub style: MarkStyle,
}

/// Why a token is not a well-formed syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IllFormed {
    /// More letters than any syllable has.
    TooLong,
    /// A character Vietnamese does not write (f, j, w, z, è on a foreign word is fine, but
    /// ç, ö, ñ, a digit, an apostrophe, ... are not Vietnamese letters).
    ForeignLetter(char),
    /// Ð/ð (Icelandic eth) typed for Đ/đ.
    Eth,
    /// Two different tone marks.
    TwoTones,
    /// The same tone mark twice.
    DoubledTone,
    NoVowel,
    /// Consonants in front that no onset spells (bl, st, sh, q without u).
    BadOnset,
    /// Consonants after the vowels that no coda spells (k, s, nt, ...).
    BadCoda,
    /// A vowel again after the final consonant: two syllables glued, or a foreign word.
    SecondVowelGroup,
    /// A run of vowels no rhyme has.
    BadVowels,
    /// The vowel exists, but not with this ending (ơng, ăi).
    CodaNotAllowed,
    /// c before i, y, e, ê (write k), or before a medial (write qu).
    CBeforeFront,
    /// k before a, o, u, ... (write c).
    KBeforeBack,
    /// gh or ngh before anything but i, e, ê (write g, ng).
    GhBeforeBack,
    /// g or ng before i, e, ê (write gh, ngh).
    GBeforeFront,
    /// iê with no onset (write yê).
    IeWithoutOnset,
    /// yê after an onset (write iê).
    YeAfterOnset,
    /// A medial glide after b, m, p, ph, v.
    MedialAfterLabial,
    /// A stop coda (p, t, c, ch) with a tone other than sắc or nặng.
    StopTone,
    /// The tone mark is on the wrong letter.
    MarkPosition,
}

impl IllFormed {
    /// Failures that mark a token as foreign rather than as a misspelt syllable: letters,
    /// clusters or shapes no Vietnamese syllable has.
    pub fn is_foreign_shape(self) -> bool {
        matches!(
            self,
            IllFormed::TooLong
                | IllFormed::ForeignLetter(_)
                | IllFormed::NoVowel
                | IllFormed::BadOnset
                | IllFormed::BadCoda
                | IllFormed::SecondVowelGroup
                | IllFormed::BadVowels
        )
    }

    /// Why, in Vietnamese and in English.
    pub fn reason(self) -> (&'static str, &'static str) {
        match self {
            IllFormed::TooLong => (
                "quá nhiều chữ cái cho một âm tiết",
                "too many letters for one syllable",
            ),
            IllFormed::ForeignLetter(_) => (
                "có chữ cái tiếng Việt không dùng",
                "it has a letter Vietnamese does not use",
            ),
            IllFormed::Eth => (
                "chữ “ð/Ð” (eth của tiếng Iceland) được gõ thay cho “đ/Đ”",
                "the Icelandic eth “ð/Ð” is typed for “đ/Đ”",
            ),
            IllFormed::TwoTones => (
                "có hai dấu thanh khác nhau",
                "it has two different tone marks",
            ),
            IllFormed::DoubledTone => ("dấu thanh bị gõ hai lần", "the tone mark is typed twice"),
            IllFormed::NoVowel => ("không có nguyên âm", "it has no vowel"),
            IllFormed::BadOnset => (
                "phụ âm đầu không có trong tiếng Việt",
                "no Vietnamese onset is spelt this way",
            ),
            IllFormed::BadCoda => (
                "phụ âm cuối không có trong tiếng Việt",
                "no Vietnamese final consonant is spelt this way",
            ),
            IllFormed::SecondVowelGroup => (
                "có nguyên âm sau phụ âm cuối: có thể hai từ bị viết dính",
                "a vowel follows the final consonant: perhaps two words run together",
            ),
            IllFormed::BadVowels => (
                "tổ hợp nguyên âm này không có trong tiếng Việt",
                "no Vietnamese rhyme has this run of vowels",
            ),
            IllFormed::CodaNotAllowed => (
                "vần này không có trong tiếng Việt",
                "this vowel does not take this ending",
            ),
            IllFormed::CBeforeFront => (
                "trước i, y, e, ê viết “k”; trước âm đệm viết “qu”",
                "before i, y, e, ê write “k”; before a glide write “qu”",
            ),
            IllFormed::KBeforeBack => (
                "“k” chỉ đứng trước i, y, e, ê; ở đây viết “c”",
                "“k” is written only before i, y, e, ê; here it is “c”",
            ),
            IllFormed::GhBeforeBack => (
                "“gh”, “ngh” chỉ đứng trước i, e, ê",
                "“gh”, “ngh” are written only before i, e, ê",
            ),
            IllFormed::GBeforeFront => (
                "trước i, e, ê viết “gh”, “ngh”",
                "before i, e, ê write “gh”, “ngh”",
            ),
            IllFormed::IeWithoutOnset => (
                "không có phụ âm đầu thì viết “yê”",
                "with no onset it is written “yê”",
            ),
            IllFormed::YeAfterOnset => (
                "sau phụ âm đầu viết “iê”",
                "after an onset it is written “iê”",
            ),
            IllFormed::MedialAfterLabial => (
                "sau b, m, p, ph, v không có âm đệm",
                "no glide follows b, m, p, ph, v",
            ),
            IllFormed::StopTone => (
                "vần tận cùng bằng p, t, c, ch chỉ mang dấu sắc hoặc nặng",
                "a syllable ending in p, t, c, ch takes only the acute or the dot below",
            ),
            IllFormed::MarkPosition => (
                "dấu thanh đặt sai chữ",
                "the tone mark is on the wrong letter",
            ),
        }
    }
}

/// The vowel letters with their tones, in [`Tone`] order.
pub(crate) const VOWEL_ROWS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// What one character is: a lower-case letter without tone, and the tone it carries.
#[derive(Debug, Clone, Copy)]
struct CharInfo {
    base: char,
    tone: Tone,
    eth: bool,
}

/// Characters U+0000..U+01B1 and U+1EA0..U+1EF9, looked up by index.
struct CharTable {
    low: Vec<Option<CharInfo>>,
    ext: Vec<Option<CharInfo>>,
}

const LOW_END: u32 = 0x1B2;
const EXT_START: u32 = 0x1EA0;
const EXT_END: u32 = 0x1EFA;

static CHARS: LazyLock<CharTable> = LazyLock::new(|| {
    let mut table = CharTable {
        low: vec![None; LOW_END as usize],
        ext: vec![None; (EXT_END - EXT_START) as usize],
    };
    let mut put = |c: char, info: CharInfo| {
        let code = u32::from(c);
        if code < LOW_END {
            table.low[code as usize] = Some(info);
        } else if (EXT_START..EXT_END).contains(&code) {
            table.ext[(code - EXT_START) as usize] = Some(info);
        }
    };
    let plain = |base, tone| CharInfo {
        base,
        tone,
        eth: false,
    };
    for row in VOWEL_ROWS {
        let base = row.chars().next().unwrap();
        for (i, c) in row.chars().enumerate() {
            put(c, plain(base, Tone::ALL[i]));
            for upper in c.to_uppercase() {
                put(upper, plain(base, Tone::ALL[i]));
            }
        }
    }
    for c in "bcdghklmnpqrstvx".chars() {
        put(c, plain(c, Tone::Ngang));
        put(c.to_ascii_uppercase(), plain(c, Tone::Ngang));
    }
    put('đ', plain('đ', Tone::Ngang));
    put('Đ', plain('đ', Tone::Ngang));
    let eth = CharInfo {
        base: 'đ',
        tone: Tone::Ngang,
        eth: true,
    };
    put('ð', eth);
    put('Ð', eth);
    table
});

fn char_info(c: char) -> Option<CharInfo> {
    let code = u32::from(c);
    let table = &*CHARS;
    if code < LOW_END {
        table.low[code as usize]
    } else if (EXT_START..EXT_END).contains(&code) {
        table.ext[(code - EXT_START) as usize]
    } else {
        None
    }
}

/// Whether `c` is a letter of the Vietnamese alphabet (any case, any tone), đ included.
pub fn is_vietnamese_letter(c: char) -> bool {
    char_info(c).is_some_and(|i| !i.eth)
}

/// The tone a character carries (`Ngang` for an unmarked letter), `None` for a character
/// that is not a Vietnamese letter.
pub fn tone_of(c: char) -> Option<Tone> {
    char_info(c).map(|i| i.tone)
}

/// The lower-case letter without tone that a character is written on ('Ổ' → 'ô'), `None`
/// for a character that is not a Vietnamese letter.
pub fn base_letter(c: char) -> Option<char> {
    char_info(c).map(|i| i.base)
}

/// Whether swapping two adjacent letters of `word` (its tone kept) makes a well-formed
/// syllable: "tổgn" → "tổng".
pub fn transposed(word: &str) -> bool {
    let Ok(spelling) = Spelling::of(word) else {
        return false;
    };
    let mut letters = spelling.letters;
    (0..spelling.len.saturating_sub(1)).any(|i| {
        letters.swap(i, i + 1);
        let ok = letters[i] != letters[i + 1]
            && compose(&letters[..spelling.len], spelling.tone, MarkStyle::Old).is_some();
        letters.swap(i, i + 1);
        ok
    })
}

/// The well-formed syllable `word` becomes with one letter taken out ("theoi" → "theo",
/// "Bốnn" → "Bốn", "nhjà" → "nhà"), in the writer's capitals; the first found.
pub fn one_letter_too_many(word: &str) -> Option<String> {
    let mut rest = String::with_capacity(word.len());
    word.char_indices().find_map(|(at, c)| {
        rest.clear();
        rest.push_str(&word[..at]);
        rest.push_str(&word[at + c.len_utf8()..]);
        (rest.chars().nth(1).is_some() && is_syllable(&rest)).then(|| rest.clone())
    })
}

/// Two well-formed syllables that `word` is the two halves of ("đượcmột" → được, một):
/// the split with the shortest first half.
pub fn split_in_two(word: &str) -> Option<(&str, &str)> {
    splits_in_two(word).next()
}

/// Every way `word` splits into two well-formed syllables, the shortest first half first
/// ("đồngý" → đồ + ngý, đồng + ý).
pub fn splits_in_two(word: &str) -> impl Iterator<Item = (&str, &str)> {
    word.char_indices()
        .skip(1)
        .map(|(at, _)| word.split_at(at))
        .filter(|(a, b)| is_syllable(a) && is_syllable(b))
}

/// Whether `c` is one of a ă â e ê i o ô ơ u ư y (lower case, no tone).
pub fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// `base` (a lower-case vowel without tone) carrying `tone`.
pub fn with_tone(base: char, tone: Tone) -> char {
    for row in VOWEL_ROWS {
        if row.starts_with(base) {
            return row.chars().nth(tone.index()).unwrap_or(base);
        }
    }
    base
}

/// The letters of a token, lower case, tone marks taken off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelling {
    letters: [char; MAX_LETTERS],
    len: usize,
    pub tone: Tone,
    /// The index of the letter carrying the (first) tone mark.
    pub mark: Option<usize>,
    /// Two marks were found: the same twice (`Some(true)`) or different (`Some(false)`).
    second_mark: Option<bool>,
    eth: bool,
}

impl Spelling {
    /// Splits a word into its letters and tone. Fails only on a character that is not a
    /// Vietnamese letter, or on a token too long to be a syllable.
    pub fn of(word: &str) -> Result<Spelling, IllFormed> {
        let mut s = Spelling {
            letters: ['\0'; MAX_LETTERS],
            len: 0,
            tone: Tone::Ngang,
            mark: None,
            second_mark: None,
            eth: false,
        };
        for c in word.chars() {
            let Some(info) = char_info(c) else {
                return Err(IllFormed::ForeignLetter(c));
            };
            if s.len == MAX_LETTERS {
                return Err(IllFormed::TooLong);
            }
            if info.tone != Tone::Ngang {
                if s.mark.is_some() {
                    s.second_mark = Some(s.tone == info.tone && s.second_mark != Some(false));
                } else {
                    s.tone = info.tone;
                    s.mark = Some(s.len);
                }
            }
            s.eth |= info.eth;
            s.letters[s.len] = info.base;
            s.len += 1;
        }
        Ok(s)
    }

    /// From letters (lower case, no tone) and a tone.
    pub fn from_letters(letters: &[char], tone: Tone) -> Option<Spelling> {
        if letters.len() > MAX_LETTERS {
            return None;
        }
        let mut buf = ['\0'; MAX_LETTERS];
        buf[..letters.len()].copy_from_slice(letters);
        Some(Spelling {
            letters: buf,
            len: letters.len(),
            tone,
            mark: None,
            second_mark: None,
            eth: false,
        })
    }

    pub fn letters(&self) -> &[char] {
        &self.letters[..self.len]
    }
}

/// The structure of the letters, before the tone is looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub onset: Onset,
    pub medial: bool,
    pub nucleus: Nucleus,
    pub coda: Coda,
    /// The vowel letters that decide where the mark goes (section 6 of the spec).
    pub vowels: Range<usize>,
}

impl Shape {
    /// Where the tone mark goes in the given style (`New` or `Old`; `Neutral` means old).
    pub fn mark_position(&self, letters: &[char], style: MarkStyle) -> usize {
        let v = self.vowels.clone();
        let run = &letters[v.clone()];
        if run.len() == 1 {
            return v.start;
        }
        if let Some(i) = run
            .iter()
            .rposition(|c| matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'))
        {
            return v.start + i;
        }
        if self.coda.is_consonant() {
            return v.end - 1;
        }
        match run {
            ['o', 'a'] | ['o', 'e'] | ['u', 'y'] if style == MarkStyle::New => v.start + 1,
            [_, _, _] => v.start + 1,
            _ => v.start,
        }
    }
}

fn onset_of(l: &[char]) -> Result<(Onset, usize), IllFormed> {
    let (onset, n) = match l {
        ['n', 'g', 'h', ..] => (Onset::Ngh, 3),
        ['c', 'h', ..] => (Onset::Ch, 2),
        ['g', 'h', ..] => (Onset::Gh, 2),
        ['g', 'i', ..] => (Onset::Gi, 2),
        ['k', 'h', ..] => (Onset::Kh, 2),
        ['n', 'g', ..] => (Onset::Ng, 2),
        ['n', 'h', ..] => (Onset::Nh, 2),
        ['p', 'h', ..] => (Onset::Ph, 2),
        ['q', 'u', ..] => (Onset::Qu, 2),
        ['t', 'h', ..] => (Onset::Th, 2),
        ['t', 'r', ..] => (Onset::Tr, 2),
        ['b', ..] => (Onset::B, 1),
        ['c', ..] => (Onset::C, 1),
        ['d', ..] => (Onset::D, 1),
        ['đ', ..] => (Onset::Dd, 1),
        ['g', ..] => (Onset::G, 1),
        ['h', ..] => (Onset::H, 1),
        ['k', ..] => (Onset::K, 1),
        ['l', ..] => (Onset::L, 1),
        ['m', ..] => (Onset::M, 1),
        ['n', ..] => (Onset::N, 1),
        ['p', ..] => (Onset::P, 1),
        ['r', ..] => (Onset::R, 1),
        ['s', ..] => (Onset::S, 1),
        ['t', ..] => (Onset::T, 1),
        ['v', ..] => (Onset::V, 1),
        ['x', ..] => (Onset::X, 1),
        ['q', ..] => return Err(IllFormed::BadOnset),
        _ => (Onset::None, 0),
    };
    Ok((onset, n))
}

// Coda sets, as bit masks over `Coda`.
const fn mask(codas: &[Coda]) -> u16 {
    let mut m = 0;
    let mut i = 0;
    while i < codas.len() {
        m |= 1 << (codas[i] as u16);
        i += 1;
    }
    m
}

use Coda as K;
const C_A: u16 = mask(&[
    K::None,
    K::M,
    K::N,
    K::Ng,
    K::Nh,
    K::P,
    K::T,
    K::C,
    K::Ch,
    K::I,
    K::O,
    K::U,
    K::Y,
]);
const C_AW: u16 = mask(&[K::M, K::N, K::Ng, K::P, K::T, K::C]);
const C_AA: u16 = mask(&[K::M, K::N, K::Ng, K::P, K::T, K::C, K::U, K::Y]);
const C_E: u16 = mask(&[K::None, K::M, K::N, K::Ng, K::P, K::T, K::C, K::O]);
const C_EE: u16 = mask(&[K::None, K::M, K::N, K::Nh, K::P, K::T, K::Ch, K::U]);
const C_I: u16 = mask(&[K::None, K::M, K::N, K::Nh, K::P, K::T, K::Ch, K::U, K::A]);
const C_OPEN: u16 = mask(&[K::None]);
const C_O: u16 = mask(&[K::None, K::M, K::N, K::Ng, K::P, K::T, K::C, K::I]);
const C_OO: u16 = mask(&[K::Ng, K::C]);
const C_OW: u16 = mask(&[K::None, K::M, K::N, K::P, K::T, K::I]);
const C_U: u16 = mask(&[K::None, K::M, K::N, K::Ng, K::P, K::T, K::C, K::I, K::A]);
const C_UW: u16 = mask(&[K::None, K::M, K::N, K::Ng, K::T, K::C, K::I, K::U, K::A]);
const C_IE: u16 = mask(&[K::M, K::N, K::Ng, K::P, K::T, K::C, K::U]);
const C_UO: u16 = mask(&[K::M, K::N, K::Ng, K::T, K::C, K::I]);
const C_UOW: u16 = mask(&[K::M, K::N, K::Ng, K::P, K::T, K::C, K::I, K::U]);
const C_OA: u16 = mask(&[
    K::None,
    K::M,
    K::N,
    K::Ng,
    K::Nh,
    K::P,
    K::T,
    K::C,
    K::Ch,
    K::I,
    K::Y,
    K::O,
]);
const C_OAW: u16 = mask(&[K::M, K::N, K::Ng, K::T, K::C]);
const C_OE: u16 = mask(&[K::None, K::N, K::T, K::O]);
const C_UAA: u16 = mask(&[K::N, K::Ng, K::T, K::Y]);
const C_UEE: u16 = mask(&[K::None, K::Nh, K::Ch]);
const C_UY: u16 = mask(&[K::None, K::N, K::Nh, K::T, K::Ch, K::U, K::A]);
const C_UYE: u16 = mask(&[K::N, K::T]);
const C_QUOC: u16 = mask(&[K::C]);

/// The rhyme of the vowel letters `v`: (medial, nucleus, allowed codas). Section 3.
fn rhyme(v: &[char]) -> Option<(bool, Nucleus, u16)> {
    use Nucleus::*;
    Some(match v {
        ['a'] => (false, A, C_A),
        ['ă'] => (false, Aw, C_AW),
        ['â'] => (false, Aa, C_AA),
        ['e'] => (false, E, C_E),
        ['ê'] => (false, Ee, C_EE),
        ['i'] => (false, I, C_I),
        ['y'] => (false, Y, C_OPEN),
        ['o'] => (false, O, C_O),
        ['o', 'o'] => (false, OO, C_OO),
        ['ô'] => (false, Oo, C_O),
        ['ơ'] => (false, Ow, C_OW),
        ['u'] => (false, U, C_U),
        ['ư'] => (false, Uw, C_UW),
        ['i', 'ê'] => (false, Ie, C_IE),
        ['y', 'ê'] => (false, Ye, C_IE),
        ['u', 'ô'] => (false, Uo, C_UO),
        ['ư', 'ơ'] => (false, Uow, C_UOW),
        ['o', 'a'] => (true, A, C_OA),
        ['o', 'ă'] => (true, Aw, C_OAW),
        ['o', 'e'] => (true, E, C_OE),
        ['u', 'â'] => (true, Aa, C_UAA),
        ['u', 'ê'] => (true, Ee, C_UEE),
        ['u', 'y'] => (true, Y, C_UY),
        ['u', 'y', 'ê'] => (true, Ye, C_UYE),
        ['u', 'ơ'] => (true, Ow, C_OPEN),
        _ => return None,
    })
}

/// The rhyme after `qu` (whose u is the medial): the vowels with their own codas, y with
/// the codas of uy, i open only (qui), and ô only in quốc.
fn qu_rhyme(v: &[char]) -> Option<(Nucleus, u16)> {
    use Nucleus::*;
    Some(match v {
        ['a'] => (A, C_A),
        ['ă'] => (Aw, C_AW),
        ['â'] => (Aa, C_AA),
        ['e'] => (E, C_E),
        ['ê'] => (Ee, C_EE),
        ['ơ'] => (Ow, C_OW),
        ['y', 'ê'] => (Ye, C_IE),
        ['y'] => (Y, C_UY),
        ['i'] => (I, C_OPEN),
        ['ô'] => (Oo, C_QUOC),
        _ => return None,
    })
}

/// Splits the rhyme letters into vowels and coda and looks them up.
fn split_rhyme(
    l: &[char],
    start: usize,
    qu: bool,
) -> Result<(bool, Nucleus, Coda, Range<usize>), IllFormed> {
    let rest = &l[start..];
    let nv = rest.iter().take_while(|c| is_vowel(**c)).count();
    if nv == 0 {
        return Err(if rest.is_empty() {
            IllFormed::NoVowel
        } else {
            IllFormed::BadOnset
        });
    }
    let tail = &rest[nv..];
    let nc = tail.iter().take_while(|c| !is_vowel(**c)).count();
    if nc < tail.len() {
        return Err(IllFormed::SecondVowelGroup);
    }
    let Some(consonant) = Coda::from_consonants(tail) else {
        return Err(IllFormed::BadCoda);
    };
    let vowels = &rest[..nv];
    let lookup = |v: &[char]| -> Option<(bool, Nucleus, u16)> {
        if qu {
            qu_rhyme(v).map(|(n, m)| (true, n, m))
        } else {
            rhyme(v)
        }
    };
    let vrange = start..start + nv;
    let mut known = false;
    if let Some((medial, nucleus, codas)) = lookup(vowels) {
        known = true;
        if codas & consonant.bit() != 0 {
            return Ok((medial, nucleus, consonant, vrange));
        }
    }
    if consonant == Coda::None && nv >= 2 {
        let coda = Coda::from_vowel(vowels[nv - 1]);
        if let (Some(coda), Some((medial, nucleus, codas))) = (coda, lookup(&vowels[..nv - 1])) {
            known = true;
            if codas & coda.bit() != 0 {
                return Ok((medial, nucleus, coda, vrange));
            }
        }
    }
    Err(if known {
        IllFormed::CodaNotAllowed
    } else {
        IllFormed::BadVowels
    })
}

/// The structure of toneless lower-case letters, or why they are no syllable.
pub fn shape(l: &[char]) -> Result<Shape, IllFormed> {
    if l.len() > MAX_LETTERS {
        return Err(IllFormed::TooLong);
    }
    let (onset, n) = onset_of(l)?;
    let (medial, nucleus, coda, vowels) = match onset {
        Onset::Qu => split_rhyme(l, 2, true)?,
        Onset::Gi => {
            let after = l.get(2).copied();
            if after == Some('i') {
                // The i of gi is written once: gì, not gii.
                return Err(IllFormed::BadVowels);
            }
            if after.is_none_or(|c| !is_vowel(c)) {
                // gì, gìn: the i is the vowel.
                split_rhyme(l, 1, false)?
            } else {
                match split_rhyme(l, 2, false) {
                    Ok(r) => r,
                    // giếng: gi + iê.
                    Err(e) if after == Some('ê') => {
                        let (m, nu, co, _) = split_rhyme(l, 1, false).map_err(|_| e)?;
                        (
                            m,
                            nu,
                            co,
                            2..2 + l[2..].iter().take_while(|c| is_vowel(**c)).count(),
                        )
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        _ => split_rhyme(l, n, false)?,
    };
    check_spelling(onset, medial, nucleus)?;
    Ok(Shape {
        onset,
        medial,
        nucleus,
        coda,
        vowels,
    })
}

/// Section 4: the onset–rhyme spelling rules.
fn check_spelling(onset: Onset, medial: bool, nucleus: Nucleus) -> Result<(), IllFormed> {
    use Nucleus::*;
    let front = !medial && matches!(nucleus, I | Y | E | Ee | Ie);
    let front_no_y = !medial && matches!(nucleus, I | E | Ee | Ie);
    match onset {
        Onset::C if front || medial => return Err(IllFormed::CBeforeFront),
        Onset::K if !front => return Err(IllFormed::KBeforeBack),
        Onset::Gh | Onset::Ngh if !front_no_y => return Err(IllFormed::GhBeforeBack),
        Onset::G | Onset::Ng if front_no_y => return Err(IllFormed::GBeforeFront),
        Onset::B | Onset::M | Onset::P | Onset::Ph | Onset::V if medial => {
            return Err(IllFormed::MedialAfterLabial);
        }
        _ => {}
    }
    match nucleus {
        Ie if onset == Onset::None => Err(IllFormed::IeWithoutOnset),
        Ye if onset != Onset::None && !medial => Err(IllFormed::YeAfterOnset),
        _ => Ok(()),
    }
}

/// Checks the tone of a spelling whose letters have the shape `shape`.
fn check_tone(shape: &Shape, s: &Spelling) -> Result<MarkStyle, IllFormed> {
    if shape.coda.is_stop() && !s.tone.allowed_before_stop() {
        return Err(IllFormed::StopTone);
    }
    let Some(mark) = s.mark else {
        return Ok(MarkStyle::Neutral);
    };
    let old = shape.mark_position(s.letters(), MarkStyle::Old);
    let new = shape.mark_position(s.letters(), MarkStyle::New);
    if mark == old && mark == new {
        Ok(MarkStyle::Neutral)
    } else if mark == old {
        Ok(MarkStyle::Old)
    } else if mark == new {
        Ok(MarkStyle::New)
    } else {
        Err(IllFormed::MarkPosition)
    }
}

/// Parses a spelling already split into letters and tone.
pub fn parse_spelling(s: &Spelling) -> Result<Syllable, IllFormed> {
    let shape = shape(s.letters())?;
    if let Some(same) = s.second_mark {
        return Err(if same {
            IllFormed::DoubledTone
        } else {
            IllFormed::TwoTones
        });
    }
    let style = check_tone(&shape, s)?;
    if s.eth {
        return Err(IllFormed::Eth);
    }
    Ok(Syllable {
        onset: shape.onset,
        medial: shape.medial,
        nucleus: shape.nucleus,
        coda: shape.coda,
        tone: s.tone,
        mark: s.mark,
        style,
    })
}

/// Parses a word token (NFC, any case) as one written syllable.
pub fn parse(word: &str) -> Result<Syllable, IllFormed> {
    parse_spelling(&Spelling::of(word)?)
}

/// Whether `word` is a well-formed syllable.
pub fn is_syllable(word: &str) -> bool {
    parse(word).is_ok()
}

/// Writes letters (lower case, no tone) with `tone` on the letter where `style` puts it.
/// `None` when the letters are no syllable or the tone cannot go with their coda.
pub fn compose(letters: &[char], tone: Tone, style: MarkStyle) -> Option<String> {
    let mut out = String::new();
    compose_into(letters, tone, style, &mut out).then_some(out)
}

/// [`compose`] written into `out` (cleared first), for a caller that composes many
/// spellings and keeps few; false when `letters` make no syllable with `tone`.
pub fn compose_into(letters: &[char], tone: Tone, style: MarkStyle, out: &mut String) -> bool {
    out.clear();
    let Ok(shape) = shape(letters) else {
        return false;
    };
    if shape.coda.is_stop() && !tone.allowed_before_stop() {
        return false;
    }
    let at = (tone != Tone::Ngang).then(|| shape.mark_position(letters, style));
    out.extend(
        letters
            .iter()
            .enumerate()
            .map(|(i, &c)| if Some(i) == at { with_tone(c, tone) } else { c }),
    );
    true
}

/// `word` (a well-formed syllable, any case) with its tone mark where `style` (`Old` or
/// `New`) puts it: "hòa" → "hoà", "KHỎE" → "KHOẺ". `None` when the word is no syllable or
/// already reads that way (including every syllable whose style is `Neutral`).
pub fn restyle(word: &str, style: MarkStyle) -> Option<String> {
    let spelling = Spelling::of(word).ok()?;
    let syllable = parse_spelling(&spelling).ok()?;
    if syllable.style == MarkStyle::Neutral || syllable.style == style {
        return None;
    }
    let letters = spelling.letters();
    let at = shape(letters).ok()?.mark_position(letters, style);
    Some(
        word.chars()
            .zip(letters)
            .enumerate()
            .map(|(i, (original, &base))| {
                let c = if i == at {
                    with_tone(base, spelling.tone)
                } else {
                    base
                };
                if original.is_uppercase() {
                    c.to_uppercase().next().unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests;
