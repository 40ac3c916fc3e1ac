//! The well-formed syllables one edit away from a token, likeliest first.
//!
//! The order is fixed by the kind of edit, cheapest first, and within a kind by position:
//! 1. the same letters and tone, the mark put where it belongs (taị → tại), or a doubled
//!    mark or an eth fixed;
//! 2. the tone changed (xêp → xếp), most often confused tones first;
//! 3. a vowel mark added, removed or changed (a/ă/â, e/ê, o/ô/ơ, u/ư), or d/đ;
//! 4. an onset respelt by its rule: gh/g, ngh/ng, k/c, c/qu, iê/yê;
//! 5. a dialect swap: s/x, ch/tr, d/gi/r, l/n at the start, n/ng and t/c at the end;
//! 6. the marks of a word typed without any (thuoc → thuốc, thuộc, thước): every way of
//!    adding vowel marks and a tone;
//! 7. two adjacent letters swapped (tổgn → tổng), one deleted, one replaced, one inserted.

use super::{MarkStyle, Spelling, Tone, compose, compose_into, is_vowel};

const ALPHABET: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy";

/// The other tones in the order they are most often confused with `tone`.
fn tone_order(tone: Tone) -> [Tone; 5] {
    use Tone::*;
    match tone {
        Ngang => [Sac, Nang, Huyen, Hoi, Nga],
        Huyen => [Ngang, Sac, Nang, Hoi, Nga],
        Sac => [Ngang, Nang, Huyen, Hoi, Nga],
        Hoi => [Nga, Nang, Sac, Ngang, Huyen],
        Nga => [Hoi, Sac, Nang, Ngang, Huyen],
        Nang => [Ngang, Sac, Nga, Hoi, Huyen],
    }
}

/// The letters a vowel mark slip turns `c` into.
fn mark_swaps(c: char) -> &'static [char] {
    match c {
        'a' => &['ă', 'â'],
        'ă' => &['a', 'â'],
        'â' => &['a', 'ă'],
        'e' => &['ê'],
        'ê' => &['e'],
        'o' => &['ô', 'ơ'],
        'ô' => &['o', 'ơ'],
        'ơ' => &['o', 'ô'],
        'u' => &['ư'],
        'ư' => &['u'],
        'd' => &['đ'],
        'đ' => &['d'],
        _ => &[],
    }
}

/// Onsets whose spelling depends on the vowel after them: (written, meant).
const RULE_SWAPS: &[(&str, &str)] = &[
    ("ngh", "ng"),
    ("gh", "g"),
    ("ng", "ngh"),
    ("g", "gh"),
    ("k", "c"),
    ("c", "k"),
    ("co", "qu"),
    ("cu", "qu"),
];

/// Dialect swaps: (written, meant), at the start of the syllable or at its end.
const ONSET_SWAPS: &[(&str, &str)] = &[
    ("s", "x"),
    ("x", "s"),
    ("ch", "tr"),
    ("tr", "ch"),
    ("d", "gi"),
    ("gi", "d"),
    ("d", "r"),
    ("r", "d"),
    ("gi", "r"),
    ("r", "gi"),
    ("l", "n"),
    ("n", "l"),
];
const CODA_SWAPS: &[(&str, &str)] = &[("n", "ng"), ("ng", "n"), ("t", "c"), ("c", "t")];

/// The kind of edit that turns a word into a candidate, in the order candidates come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edit {
    /// The tone mark moved to where it belongs, a doubled mark or an eth fixed.
    Placement,
    /// Another tone.
    Tone,
    /// A vowel mark added, removed or changed (a/ă/â, e/ê, o/ô/ơ, u/ư), or d/đ.
    VowelMark,
    /// An onset respelt by its rule: gh/g, ngh/ng, k/c, c/qu, iê/yê.
    SpellingRule,
    /// A dialect swap: s/x, ch/tr, d/gi/r, l/n at the start, n/ng and t/c at the end.
    Dialect,
    /// One letter deleted, two adjacent swapped, one replaced, one inserted; or the marks
    /// of a word typed without any.
    Letter,
}

impl Edit {
    pub const ALL: [Edit; 6] = [
        Edit::Placement,
        Edit::Tone,
        Edit::VowelMark,
        Edit::SpellingRule,
        Edit::Dialect,
        Edit::Letter,
    ];
}

struct Collector {
    original: String,
    max: usize,
    kind: Edit,
    out: Vec<(String, Edit)>,
    /// Room to compose a spelling in before it is kept.
    scratch: String,
}

impl Collector {
    fn full(&self) -> bool {
        self.out.len() >= self.max
    }

    fn try_push(&mut self, letters: &[char], tone: Tone) {
        if self.full() {
            return;
        }
        let word = &mut self.scratch;
        if compose_into(letters, tone, MarkStyle::Old, word)
            && *word != self.original
            && !self.out.iter().any(|(w, _)| w == word)
        {
            self.out.push((word.clone(), self.kind));
        }
    }
}

fn starts_with(letters: &[char], s: &str) -> bool {
    let mut it = letters.iter();
    s.chars().all(|c| it.next() == Some(&c))
}

fn ends_with(letters: &[char], s: &str) -> bool {
    let n = s.chars().count();
    letters.len() >= n && letters[letters.len() - n..].iter().copied().eq(s.chars())
}

/// Whether `word` becomes a well-formed syllable by giving one vowel its missing
/// circumflex, breve or horn, the tone mark staying on the letter that carries it:
/// "Quóc" → "Quốc", "Viét" → "Viết".
pub fn missing_vowel_mark(word: &str) -> bool {
    let Ok(spelling) = Spelling::of(word) else {
        return false;
    };
    let Some(mark) = spelling.mark else {
        return false;
    };
    let mut letters = spelling.letters().to_vec();
    (0..letters.len()).any(|i| {
        let original = letters[i];
        let fixed = ['a', 'e', 'o', 'u'].contains(&original)
            && mark_swaps(original).iter().any(|&r| {
                letters[i] = r;
                compose(&letters, spelling.tone, MarkStyle::Old)
                    .is_some_and(|w| w.chars().nth(mark).is_some_and(|c| c != letters[mark]))
            });
        letters[i] = original;
        fixed
    })
}

/// Every way of putting vowel marks on `letters[from..]` (a → ă, â; o → ô, ơ; ...), each
/// with every tone, the most frequent tones first.
fn restore_marks(c: &mut Collector, letters: &mut [char], from: usize) {
    let Some(i) = (from..letters.len()).find(|&i| !mark_swaps(letters[i]).is_empty()) else {
        for tone in [Tone::Ngang].into_iter().chain(tone_order(Tone::Ngang)) {
            c.try_push(letters, tone);
        }
        return;
    };
    let original = letters[i];
    restore_marks(c, letters, i + 1);
    for &r in mark_swaps(original) {
        letters[i] = r;
        restore_marks(c, letters, i + 1);
    }
    letters[i] = original;
}

/// Up to `max` well-formed syllables one edit away from `word`, lower case, likeliest
/// first (tone marks placed in the old style). Empty for a token with a non-Vietnamese
/// letter.
pub fn candidates(word: &str, max: usize) -> Vec<String> {
    edits(word, max).into_iter().map(|(w, _)| w).collect()
}

/// [`candidates`] with the kind of edit that makes each.
pub fn edits(word: &str, max: usize) -> Vec<(String, Edit)> {
    edits_up_to(word, max, Edit::Letter)
}

/// [`edits`] of the kinds up to `last` only (the cheaper kinds come first).
pub fn edits_up_to(word: &str, max: usize, last: Edit) -> Vec<(String, Edit)> {
    let Ok(spelling) = Spelling::of(word) else {
        return Vec::new();
    };
    let letters = spelling.letters().to_vec();
    let tone = spelling.tone;
    let mut c = Collector {
        original: word.to_lowercase(),
        max,
        kind: Edit::Placement,
        out: Vec::new(),
        scratch: String::new(),
    };
    // 1. Mark placed where it belongs.
    c.try_push(&letters, tone);
    // 2. Tone changed.
    c.kind = Edit::Tone;
    if c.kind > last {
        return c.out;
    }
    for t in tone_order(tone) {
        c.try_push(&letters, t);
    }
    // 3. Vowel mark or d/đ.
    c.kind = Edit::VowelMark;
    if c.kind > last {
        return c.out;
    }
    let mut buf = letters.clone();
    for i in 0..letters.len() {
        for &r in mark_swaps(letters[i]) {
            buf[i] = r;
            c.try_push(&buf, tone);
        }
        buf[i] = letters[i];
    }
    // 4. The spelling rules of onsets: gh/g, ngh/ng, k/c, c/qu, iê/yê.
    c.kind = Edit::SpellingRule;
    if c.kind > last {
        return c.out;
    }
    for (from, to) in RULE_SWAPS {
        if starts_with(&letters, from) {
            let mut v: Vec<char> = to.chars().collect();
            v.extend_from_slice(&letters[from.chars().count()..]);
            c.try_push(&v, tone);
        }
    }
    for i in 0..letters.len().saturating_sub(1) {
        let swap = match (letters[i], letters[i + 1]) {
            ('i', 'ê') => 'y',
            ('y', 'ê') => 'i',
            _ => continue,
        };
        let mut v = letters.clone();
        v[i] = swap;
        c.try_push(&v, tone);
    }
    // 5. Dialect swaps.
    c.kind = Edit::Dialect;
    if c.kind > last {
        return c.out;
    }
    for (from, to) in ONSET_SWAPS {
        if starts_with(&letters, from) {
            let mut v: Vec<char> = to.chars().collect();
            v.extend_from_slice(&letters[from.chars().count()..]);
            c.try_push(&v, tone);
        }
    }
    for (from, to) in CODA_SWAPS {
        let n = from.chars().count();
        if ends_with(&letters, from)
            && letters.len() > n
            && is_vowel(letters[letters.len() - n - 1])
        {
            let mut v = letters[..letters.len() - n].to_vec();
            v.extend(to.chars());
            c.try_push(&v, tone);
        }
    }
    // 6. The marks of a word typed without any, then one letter changed.
    c.kind = Edit::Letter;
    if c.kind > last {
        return c.out;
    }
    if spelling.mark.is_none() && letters.iter().all(char::is_ascii) {
        restore_marks(&mut c, &mut letters.clone(), 0);
    }
    // 7. Two letters swapped, one deleted, replaced, inserted; `buf` holds the word as
    // it was between edits, with room for a letter more, so no edit allocates.
    buf.reserve(1);
    for i in 0..letters.len().saturating_sub(1) {
        buf.swap(i, i + 1);
        c.try_push(&buf, tone);
        buf.swap(i, i + 1);
    }
    for i in 0..letters.len() {
        let removed = buf.remove(i);
        c.try_push(&buf, tone);
        buf.insert(i, removed);
    }
    for i in 0..letters.len() {
        for r in ALPHABET.chars() {
            if r != letters[i] {
                buf[i] = r;
                c.try_push(&buf, tone);
            }
        }
        buf[i] = letters[i];
    }
    for i in 0..=letters.len() {
        buf.insert(i, 'a');
        for r in ALPHABET.chars() {
            buf[i] = r;
            c.try_push(&buf, tone);
        }
        buf.remove(i);
    }
    c.out
}

/// Whether `b` is among the edits [`candidates`] makes of `a`, told by comparing the two
/// spellings instead of generating: the tone changed with the letters kept; or the tone
/// kept and one letter replaced (a vowel mark or d/đ included), deleted, inserted, or two
/// adjacent letters swapped; or an onset respelt by [`RULE_SWAPS`] or [`ONSET_SWAPS`]
/// (ch/tr, d/gi, ...). Two spellings of one syllable (the mark on another letter: hòa,
/// hoà) are not a slip apart.
pub fn one_edit_apart(a: &Spelling, b: &Spelling) -> bool {
    let (x, y) = (a.letters(), b.letters());
    if x == y {
        return a.tone != b.tone;
    }
    a.tone == b.tone && (letters_one_apart(x, y) || onset_swapped(x, y))
}

fn letters_one_apart(x: &[char], y: &[char]) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    match long.len() - short.len() {
        0 => {
            let mut diff = x.iter().zip(y).enumerate().filter(|(_, (p, q))| p != q);
            match (diff.next(), diff.next(), diff.next()) {
                (Some(_), None, _) => true,
                (Some((i, _)), Some((j, _)), None) => j == i + 1 && x[i] == y[j] && x[j] == y[i],
                _ => false,
            }
        }
        1 => {
            let first = short
                .iter()
                .zip(long)
                .position(|(p, q)| p != q)
                .unwrap_or(short.len());
            short[first..] == long[first + 1..]
        }
        _ => false,
    }
}

fn onset_swapped(x: &[char], y: &[char]) -> bool {
    RULE_SWAPS.iter().chain(ONSET_SWAPS).any(|(from, to)| {
        let (nf, nt) = (from.chars().count(), to.chars().count());
        starts_with(x, from) && starts_with(y, to) && x[nf..] == y[nt..]
    })
}
