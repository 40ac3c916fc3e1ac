//! A model of the user's own archive: how often each Vietnamese syllable, and each pair of
//! adjacent syllables, occurs in the documents the organisation has published.
//!
//! `vnlint learn DIR -o FILE` reads the documents with the project's readers (the engine's
//! [`crate::engine::learn`] walks and reads them, [`Counts`] counts them),
//! counts lower-case syllables (tone marks in the old style, so "hoà" and "hòa" are one
//! syllable; every number is the one class `<number>`) and the pairs standing side by side
//! with one space between them, and writes the counts in the binary format of
//! `docs/model-format.md` ([`Counts::encode`]). `vnlint check --model FILE` (or
//! `model = "..."` in `vnlint.toml`) loads it once per run ([`Model::load`]); the rule
//! `rare-variant` then asks it how often a pair occurs, and which syllables are one edit
//! away from a syllable ([`Model::neighbours`], computed at learning time with
//! [`crate::text::syllable::candidates`]).
//!
//! Loading reads the file into memory, checks its length, version and checksum, validates
//! every table once (sorted, in bounds), and indexes the vocabulary in a hash map; lookups
//! then read the tables in place and cannot panic on any file that loaded.

mod builtin;
mod learn;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use std::time::SystemTime;

use crate::diagnostic::{Lang, Message};
use crate::document::{Block, Document};
use crate::text::case::lower_into;
use crate::text::syllable::{self, Edit, MarkStyle};
use crate::text::tokens::TokenKind;

pub use builtin::{RECIPE_VERSION, builtin, disable_builtin, recipe as builtin_recipe};
pub use learn::{Counts, Recipe};

/// The first eight bytes of a model file.
pub const MAGIC: &[u8; 8] = b"VNLMODEL";
/// The format version this build writes; it still reads version 1 (no triples, no word
/// list, no notice).
pub const VERSION: u32 = 2;
/// The vocabulary entry every number stands for.
pub const NUMBER: &str = "<number>";
const HEADER_LEN: usize = 80;
/// Version 2 adds six u32 after the header: triples stored, word-list pairs, recipe
/// version, notice length, the minimum triple count, reserved.
const EXTENSION_LEN: usize = 24;

/// Why a model file cannot be used; the message names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub path: String,
    pub reason: String,
}

impl ModelError {
    /// The message in both languages; it names the file.
    pub fn to_message(&self) -> Message {
        Message::new(
            format!(
                "{}: không dùng được tệp mô hình: {}",
                self.path, self.reason
            ),
            format!("{}: unusable model file: {}", self.path, self.reason),
        )
    }

    pub fn message(&self, lang: Lang) -> String {
        self.to_message().get(lang).to_string()
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ModelError {}

/// Where each table starts in the file, in bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Layout {
    syllables: usize,
    strings_len: usize,
    bigrams: usize,
    neighbours: usize,
    string_offsets: usize,
    strings: usize,
    unigrams: usize,
    followers: usize,
    bigram_rows: usize,
    bigram_seconds: usize,
    bigram_counts: usize,
    neighbour_rows: usize,
    neighbour_ids: usize,
    neighbour_kinds: usize,
    /// Version 2 only (empty in version 1).
    notice: usize,
    notice_len: usize,
    trigrams: usize,
    compounds: usize,
    trigram_rows: usize,
    trigram_followers: usize,
    trigram_thirds: usize,
    trigram_counts: usize,
    compound_pairs: usize,
    end: usize,
}

/// The sizes of a version 2 file's extra tables.
#[derive(Debug, Clone, Copy, Default)]
struct Extension {
    trigrams: usize,
    compounds: usize,
    notice_len: usize,
    /// Whether the file has triple rows (the header's minimum triple count is not 0).
    with_trigrams: bool,
}

impl Layout {
    /// The sections for these table sizes, each aligned to 4 bytes, after the header
    /// (and, in version 2, its extension and the notice).
    fn new(
        syllables: usize,
        strings_len: usize,
        bigrams: usize,
        neighbours: usize,
        extension: Option<Extension>,
    ) -> Layout {
        let pad = |n: usize| n.div_ceil(4) * 4;
        let mut at = HEADER_LEN;
        let ext = extension.unwrap_or_default();
        let notice = if extension.is_some() {
            at += EXTENSION_LEN;
            let n = at;
            at += pad(ext.notice_len);
            n
        } else {
            at
        };
        let mut next = |len: usize| {
            let start = at;
            at += pad(len);
            start
        };
        let string_offsets = next(4 * (syllables + 1));
        let strings = next(strings_len);
        let unigrams = next(4 * syllables);
        let followers = next(4 * syllables);
        let bigram_rows = next(4 * (syllables + 1));
        let bigram_seconds = next(2 * bigrams);
        let bigram_counts = next(4 * bigrams);
        let neighbour_rows = next(4 * (syllables + 1));
        let neighbour_ids = next(2 * neighbours);
        let neighbour_kinds = next(neighbours);
        // Version 2: the triples `a b c` of each stored pair `a b` are a row indexed by
        // the pair's entry, like the pairs of a syllable.
        let (trigram_rows, trigram_followers) = if ext.with_trigrams {
            (next(4 * (bigrams + 1)), next(2 * bigrams))
        } else {
            (next(0), next(0))
        };
        let trigram_thirds = next(2 * ext.trigrams);
        let trigram_counts = next(ext.trigrams);
        let compound_pairs = next(4 * ext.compounds);
        Layout {
            syllables,
            strings_len,
            bigrams,
            neighbours,
            string_offsets,
            strings,
            unigrams,
            followers,
            bigram_rows,
            bigram_seconds,
            bigram_counts,
            neighbour_rows,
            neighbour_ids,
            neighbour_kinds,
            notice,
            notice_len: ext.notice_len,
            trigrams: ext.trigrams,
            compounds: ext.compounds,
            trigram_rows,
            trigram_followers,
            trigram_thirds,
            trigram_counts,
            compound_pairs,
            end: at,
        }
    }
}

/// What the header says about how the model was learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Provenance {
    /// Pairs seen fewer times than this were left out of the file.
    pub min_bigram_count: u32,
    /// Syllables and numbers counted.
    pub tokens: u64,
    /// Bytes of prose read.
    pub text_bytes: u64,
    /// Documents read.
    pub documents: u64,
    /// Triples seen fewer times than this were left out (0: no triples).
    pub min_trigram_count: u32,
    /// The version of the built-in model's recipe the file was built with (0: an
    /// archive's model).
    pub recipe: u32,
}

/// A loaded model: the file's bytes, read in place (a built-in model straight from the
/// binary, with no copy).
pub struct Model {
    bytes: Cow<'static, [u8]>,
    layout: Layout,
    provenance: Provenance,
    /// [`Model::break_rate`], once asked.
    break_rate: OnceLock<f64>,
    /// [`Model::serial`].
    serial: u64,
}

/// The serial number the next model loaded gets.
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("syllables", &self.layout.syllables)
            .field("bigrams", &self.layout.bigrams)
            .field("provenance", &self.provenance)
            .finish()
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes
        .get(at..at + 2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..at + 8).map_or(0, |b| {
        let mut a = [0; 8];
        a.copy_from_slice(b);
        u64::from_le_bytes(a)
    })
}

/// The checksum the header ends with: a rotate-xor-multiply over the header's fields
/// (bytes 8 to 72) and then over the tables (from byte 80), eight bytes at a time (a last
/// partial word zero-padded).
pub(crate) fn checksum(file: &[u8]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ file.len() as u64;
    for part in [&file[8..72], &file[HEADER_LEN..]] {
        let mut chunks = part.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(23) ^ w).wrapping_mul(0x0100_0000_01b3);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            a[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(23) ^ u64::from_le_bytes(a)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A count of a triple stored in one byte: exact up to 127, then in steps of 6 %.
pub(crate) fn quantise(n: u64) -> u8 {
    if n < 128 {
        return n as u8;
    }
    let steps = ((n as f64 / 127.0).ln() / 1.06f64.ln()).round();
    (128.0 + steps).min(255.0) as u8
}

/// The count a byte of [`quantise`] stands for.
pub(crate) fn dequantise(q: u8) -> u32 {
    if q < 128 {
        return u32::from(q);
    }
    (127.0 * 1.06f64.powi(i32::from(q) - 128)).round() as u32
}

impl Model {
    /// Reads and validates a model file.
    pub fn load(path: &Path) -> Result<Model, ModelError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| ModelError {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        Model::from_bytes(bytes).map_err(|reason| ModelError {
            path: shown,
            reason,
        })
    }

    /// Validates a model held in memory; the error says what is wrong with it.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Model, String> {
        let (layout, provenance) = Model::header(&bytes)?;
        if checksum(&bytes) != u64_at(&bytes, 72) {
            return Err("damaged: the checksum does not match".into());
        }
        let model = Model {
            bytes: Cow::Owned(bytes),
            layout,
            provenance,
            break_rate: OnceLock::new(),
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
        };
        model.validate()?;
        Ok(model)
    }

    /// A model the binary carries: only its header is read (its tables were validated
    /// when it was built, and by the tests), so loading costs no pass over the file.
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, String> {
        let (layout, provenance) = Model::header(bytes)?;
        Ok(Model {
            bytes: Cow::Borrowed(bytes),
            layout,
            provenance,
            break_rate: OnceLock::new(),
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// A number no other model loaded by this process has: what a cache of answers worked
    /// out from a model is kept under.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The layout and provenance the header describes, checked against the file's length.
    fn header(bytes: &[u8]) -> Result<(Layout, Provenance), String> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err("not a vnlint model (no VNLMODEL header)".into());
        }
        let version = u32_at(bytes, 8);
        if version != 1 && version != VERSION {
            return Err(format!(
                "format version {version}, this vnlint reads versions 1 and {VERSION}: learn it again with `vnlint learn`"
            ));
        }
        let count = |at: usize| u32_at(bytes, at) as usize;
        let v2 = version == VERSION;
        if count(12) != 0 || count(36) != 0 || (v2 && count(HEADER_LEN + 20) != 0) {
            return Err("damaged header (reserved fields are not zero)".into());
        }
        let (syllables, strings_len, bigrams, neighbours) =
            (count(16), count(20), count(24), count(28));
        if syllables > usize::from(u16::MAX) + 1 {
            return Err(format!("{syllables} syllables, at most 65536"));
        }
        let extension = v2.then(|| Extension {
            trigrams: count(HEADER_LEN),
            compounds: count(HEADER_LEN + 4),
            notice_len: count(HEADER_LEN + 12),
            with_trigrams: count(HEADER_LEN + 16) != 0,
        });
        let layout = Layout::new(syllables, strings_len, bigrams, neighbours, extension);
        if bytes.len() != layout.end || u64_at(bytes, 64) != layout.end as u64 {
            return Err(format!(
                "truncated or damaged: {} bytes, the header describes {}",
                bytes.len(),
                layout.end
            ));
        }
        let provenance = Provenance {
            min_bigram_count: u32_at(bytes, 32),
            tokens: u64_at(bytes, 40),
            text_bytes: u64_at(bytes, 48),
            documents: u64_at(bytes, 56),
            min_trigram_count: if v2 {
                u32_at(bytes, HEADER_LEN + 16)
            } else {
                0
            },
            recipe: if v2 { u32_at(bytes, HEADER_LEN + 8) } else { 0 },
        };
        Ok((layout, provenance))
    }

    /// Checks every table once, so that lookups can trust them.
    fn validate(&self) -> Result<(), String> {
        let l = &self.layout;
        let rows_ok = |base: usize, total: usize, what: &str| -> Result<(), String> {
            let mut previous = 0;
            for i in 0..=l.syllables {
                let v = u32_at(&self.bytes, base + 4 * i) as usize;
                if v < previous || v > total || (i == 0 && v != 0) {
                    return Err(format!("damaged {what} table"));
                }
                previous = v;
            }
            if previous != total {
                return Err(format!("damaged {what} table"));
            }
            Ok(())
        };
        rows_ok(l.string_offsets, l.strings_len, "vocabulary")?;
        rows_ok(l.bigram_rows, l.bigrams, "pair")?;
        rows_ok(l.neighbour_rows, l.neighbours, "neighbour")?;
        let mut previous: Option<&str> = None;
        for id in 0..l.syllables {
            let (s, e) = self.string_range(id);
            let Ok(word) = std::str::from_utf8(&self.bytes[l.strings + s..l.strings + e]) else {
                return Err("damaged vocabulary: not UTF-8".into());
            };
            if previous.is_some_and(|p| p >= word) {
                return Err("damaged vocabulary: not sorted".into());
            }
            previous = Some(word);
        }
        for id in 0..l.syllables {
            let row = self.bigram_row(id as u16);
            let mut last = None;
            for j in row {
                let second = u16_at(&self.bytes, l.bigram_seconds + 2 * j);
                if usize::from(second) >= l.syllables || last.is_some_and(|p| p >= second) {
                    return Err("damaged pair table".into());
                }
                last = Some(second);
            }
        }
        for j in 0..l.neighbours {
            if usize::from(u16_at(&self.bytes, l.neighbour_ids + 2 * j)) >= l.syllables
                || usize::from(self.bytes[l.neighbour_kinds + j]) >= Edit::ALL.len()
            {
                return Err("damaged neighbour table".into());
            }
        }
        if std::str::from_utf8(&self.bytes[l.notice..l.notice + l.notice_len]).is_err() {
            return Err("damaged notice: not UTF-8".into());
        }
        if l.trigram_rows != l.trigram_followers {
            let mut previous = 0;
            for j in 0..=l.bigrams {
                let v = u32_at(&self.bytes, l.trigram_rows + 4 * j) as usize;
                if v < previous || v > l.trigrams || (j == 0 && v != 0) {
                    return Err("damaged triple table".into());
                }
                previous = v;
                if j < l.bigrams {
                    let row = self.trigram_row(j);
                    let mut last = None;
                    for k in row {
                        let third = u16_at(&self.bytes, l.trigram_thirds + 2 * k);
                        if usize::from(third) >= l.syllables || last.is_some_and(|p| p >= third) {
                            return Err("damaged triple table".into());
                        }
                        last = Some(third);
                    }
                }
            }
            if previous != l.trigrams {
                return Err("damaged triple table".into());
            }
        }
        let mut last = None;
        for k in 0..l.compounds {
            let pair = u32_at(&self.bytes, l.compound_pairs + 4 * k);
            if (pair >> 16) as usize >= l.syllables
                || (pair & 0xffff) as usize >= l.syllables
                || last.is_some_and(|p| p >= pair)
            {
                return Err("damaged word list".into());
            }
            last = Some(pair);
        }
        Ok(())
    }

    fn string_range(&self, id: usize) -> (usize, usize) {
        let at = self.layout.string_offsets + 4 * id;
        (
            u32_at(&self.bytes, at) as usize,
            u32_at(&self.bytes, at + 4) as usize,
        )
    }

    fn bigram_row(&self, id: u16) -> std::ops::Range<usize> {
        let at = self.layout.bigram_rows + 4 * usize::from(id);
        u32_at(&self.bytes, at) as usize..u32_at(&self.bytes, at + 4) as usize
    }

    /// The triples of the pair stored as entry `j` (empty without triples).
    fn trigram_row(&self, j: usize) -> std::ops::Range<usize> {
        if self.layout.trigram_rows == self.layout.trigram_followers {
            return 0..0;
        }
        let at = self.layout.trigram_rows + 4 * j;
        u32_at(&self.bytes, at) as usize..u32_at(&self.bytes, at + 4) as usize
    }

    /// The entry of `first second` in the pair table.
    fn bigram_entry(&self, first: u16, second: u16) -> Option<usize> {
        let row = self.bigram_row(first);
        let base = self.layout.bigram_seconds;
        let seconds = self.bytes.get(base + 2 * row.start..base + 2 * row.end)?;
        let (seconds, _) = seconds.as_chunks::<2>();
        let at = seconds
            .binary_search_by(|s| u16::from_le_bytes(*s).cmp(&second))
            .ok()?;
        Some(row.start + at)
    }

    /// Whether the file holds triples.
    pub fn has_trigrams(&self) -> bool {
        self.layout.trigram_rows != self.layout.trigram_followers
    }

    /// How often `a b c` occurs (quantised above 127; 0 also for a triple seen fewer than
    /// [`Provenance::min_trigram_count`] times, or in a file without triples).
    pub fn trigram(&self, a: u16, b: u16, c: u16) -> u32 {
        let Some(j) = self.bigram_entry(a, b) else {
            return 0;
        };
        let row = self.trigram_row(j);
        let base = self.layout.trigram_thirds;
        let Some(thirds) = self.bytes.get(base + 2 * row.start..base + 2 * row.end) else {
            return 0;
        };
        let (thirds, _) = thirds.as_chunks::<2>();
        match thirds.binary_search_by(|s| u16::from_le_bytes(*s).cmp(&c)) {
            Ok(at) => dequantise(
                self.bytes
                    .get(self.layout.trigram_counts + row.start + at)
                    .copied()
                    .unwrap_or(0),
            ),
            Err(_) => 0,
        }
    }

    /// How many different units follow `a b`, counted before rare triples were left out
    /// (saturating at 65,535; 0 without triples or for a pair not stored).
    pub fn trigram_followers(&self, a: u16, b: u16) -> u32 {
        if !self.has_trigrams() {
            return 0;
        }
        self.bigram_entry(a, b).map_or(0, |j| {
            u32::from(u16_at(&self.bytes, self.layout.trigram_followers + 2 * j))
        })
    }

    /// Whether `first second` stand side by side in a word of the word list the model was
    /// built with (Wiktionary's headwords for the built-in model).
    pub fn in_word_list(&self, first: u16, second: u16) -> bool {
        let key = u32::from(first) << 16 | u32::from(second);
        let base = self.layout.compound_pairs;
        let Some(pairs) = self.bytes.get(base..base + 4 * self.layout.compounds) else {
            return false;
        };
        let (pairs, _) = pairs.as_chunks::<4>();
        pairs
            .binary_search_by(|p| u32::from_le_bytes(*p).cmp(&key))
            .is_ok()
    }

    /// The notice the file carries (the licence of the text it was learned from).
    pub fn notice(&self) -> &str {
        let l = &self.layout;
        self.bytes
            .get(l.notice..l.notice + l.notice_len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// How the model was learned.
    pub fn provenance(&self) -> Provenance {
        self.provenance
    }

    /// The number of syllables (with `<number>`) in the vocabulary.
    pub fn syllable_count(&self) -> usize {
        self.layout.syllables
    }

    /// The number of pairs stored.
    pub fn bigram_count(&self) -> usize {
        self.layout.bigrams
    }

    /// The size of the file.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// The id of a syllable written as [`key`] makes it: a binary search of the sorted
    /// vocabulary, in place.
    pub fn id(&self, key: &str) -> Option<u16> {
        let (mut low, mut high) = (0, self.layout.syllables);
        let base = self.layout.strings;
        while low < high {
            let mid = (low + high) / 2;
            let (s, e) = self.string_range(mid);
            // Bytes compare as the text does (UTF-8 keeps the order).
            let text = self.bytes.get(base + s..base + e).unwrap_or(&[]);
            match text.cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid as u16),
            }
        }
        None
    }

    /// The syllable (or `<number>`) with this id.
    pub fn syllable(&self, id: u16) -> &str {
        let (s, e) = self.string_range(usize::from(id));
        let base = self.layout.strings;
        self.bytes
            .get(base + s..base + e)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// How often the syllable occurs.
    pub fn unigram(&self, id: u16) -> u32 {
        u32_at(&self.bytes, self.layout.unigrams + 4 * usize::from(id))
    }

    /// How many different syllables (or numbers) the archive writes right after this one,
    /// counted before rare pairs were left out.
    pub fn followers(&self, id: u16) -> u32 {
        u32_at(&self.bytes, self.layout.followers + 4 * usize::from(id))
    }

    /// How often `first second` occurs; 0 also for a pair seen fewer than
    /// [`Provenance::min_bigram_count`] times.
    pub fn bigram(&self, first: u16, second: u16) -> u32 {
        self.bigram_entry(first, second).map_or(0, |j| {
            u32_at(&self.bytes, self.layout.bigram_counts + 4 * j)
        })
    }

    /// How often the syllable stands last before a break (punctuation, a line's end, a word
    /// that is no syllable): its count less its pairs. Exact, as a pair left out of the file
    /// was seen once ([`Provenance::min_bigram_count`] 2 or less); an estimate otherwise.
    pub fn ends(&self, id: u16) -> u32 {
        let row = self.bigram_row(id);
        let stored = row.len() as u64;
        let written: u64 = row
            .map(|j| u64::from(u32_at(&self.bytes, self.layout.bigram_counts + 4 * j)))
            .sum();
        let left_out = u64::from(self.followers(id)).saturating_sub(stored);
        u64::from(self.unigram(id)).saturating_sub(written + left_out) as u32
    }

    /// How often `a b` stands last before a break, as [`Model::ends`] counts it from the
    /// triples of `a b` (quantised counts make it an estimate above 127); None for a pair
    /// not stored or a file without triples.
    pub fn trigram_ends(&self, a: u16, b: u16) -> Option<u32> {
        if !self.has_trigrams() {
            return None;
        }
        let j = self.bigram_entry(a, b)?;
        let row = self.trigram_row(j);
        let stored = row.len() as u64;
        let written: u64 = row
            .map(|k| {
                let q = self.bytes.get(self.layout.trigram_counts + k).copied();
                u64::from(dequantise(q.unwrap_or(0)))
            })
            .sum();
        let followers = u16_at(&self.bytes, self.layout.trigram_followers + 2 * j);
        let left_out = u64::from(followers).saturating_sub(stored);
        let count = u64::from(u32_at(&self.bytes, self.layout.bigram_counts + 4 * j));
        Some(count.saturating_sub(written + left_out) as u32)
    }

    /// The share of all syllables that stand last before a break, worked out once.
    pub fn break_rate(&self) -> f64 {
        *self.break_rate.get_or_init(|| {
            let ends: u64 = (0..self.layout.syllables)
                .map(|id| u64::from(self.ends(id as u16)))
                .sum();
            let tokens = self.provenance.tokens.max(1);
            (ends as f64 / tokens as f64).clamp(1e-6, 1.0)
        })
    }

    /// The syllables of the vocabulary one edit away from `id`, likeliest edit first, with
    /// the kind of edit.
    pub fn neighbours(&self, id: u16) -> impl Iterator<Item = (u16, Edit)> + '_ {
        let at = self.layout.neighbour_rows + 4 * usize::from(id);
        let row = u32_at(&self.bytes, at) as usize..u32_at(&self.bytes, at + 4) as usize;
        let (ids, kinds) = (self.layout.neighbour_ids, self.layout.neighbour_kinds);
        row.map(move |j| {
            let kind = self.bytes.get(kinds + j).copied().unwrap_or(0);
            (
                u16_at(&self.bytes, ids + 2 * j),
                Edit::ALL[usize::from(kind).min(Edit::ALL.len() - 1)],
            )
        })
    }
}

/// Writes the model's key of a word token into `buf`: lower case, the tone mark placed in
/// the old style. False (and `buf` unspecified) when the word is no Vietnamese syllable.
pub fn key(word: &str, buf: &mut String) -> bool {
    let Ok(parsed) = syllable::parse(word) else {
        return false;
    };
    lower_into(word, buf);
    if parsed.style == MarkStyle::New
        && let Some(old) = syllable::restyle(buf, MarkStyle::Old)
    {
        *buf = old;
    }
    true
}

/// The model's [`key`] of every distinct word of a document, by its lexicon entry
/// ([`crate::document::Lexicon`]): worked out once per written form, not per token.
/// The lexicon's reading of each form (its lower case, its syllable) is taken as it is,
/// not worked out again, and borrowed unless the tone mark moves.
pub fn keys(doc: &Document) -> Vec<Option<Cow<'_, str>>> {
    let mut out: Vec<Option<Cow<'_, str>>> = vec![None; doc.lexicon.len()];
    for token in &doc.tokens {
        let Some(slot) = out.get_mut(token.word() as usize) else {
            continue;
        };
        if slot.is_some() {
            continue;
        }
        let Some(info) = doc.lexicon.get(token) else {
            continue;
        };
        let Ok(parsed) = &info.syllable else {
            continue;
        };
        let restyled = match parsed.style {
            MarkStyle::New => syllable::restyle(&info.lower, MarkStyle::Old),
            _ => None,
        };
        *slot = Some(restyled.map_or(Cow::Borrowed(&*info.lower), Cow::Owned));
    }
    out
}

/// Walks a block's tokens as the model sees them: `f(token index, Some(key))` for a
/// syllable (its key in `keys`, from [`keys`]) or a number ([`NUMBER`]), `f(token index,
/// None)` for a break: punctuation, a line break, a word that is no syllable, or two words
/// with no space between them. Two units in a row with no break between them are a pair.
pub fn walk<'k>(
    doc: &Document,
    block: &Block,
    keys: &'k [Option<Cow<'_, str>>],
    mut f: impl FnMut(usize, Option<&'k str>),
) {
    let mut glued = false;
    for i in block.tokens.clone() {
        let token = &doc.tokens[i];
        match token.kind() {
            TokenKind::Space if token.is_inline_space(&doc.text) => glued = false,
            TokenKind::Word | TokenKind::Number => {
                let unit = if glued {
                    None
                } else if token.kind() == TokenKind::Number {
                    Some(NUMBER)
                } else {
                    keys.get(token.word() as usize).and_then(|k| k.as_deref())
                };
                f(i, unit);
                glued = true;
            }
            _ => {
                f(i, None);
                glued = false;
            }
        }
    }
}

/// Loads a model named in a configuration or on the command line, once per process: the
/// folders of one run find the same `vnlint.toml` many times, and share one model. A file
/// changed since (size or time) is read again.
pub fn load_shared(path: &Path) -> Result<Arc<Model>, ModelError> {
    type Key = (PathBuf, u64, Option<SystemTime>);
    static LOADED: LazyLock<Mutex<HashMap<Key, Arc<Model>>>> = LazyLock::new(Mutex::default);
    let error = |e: std::io::Error| ModelError {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let canonical = std::fs::canonicalize(path).map_err(error)?;
    let meta = std::fs::metadata(&canonical).map_err(error)?;
    let key = (canonical, meta.len(), meta.modified().ok());
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(model) = loaded.get(&key) {
        return Ok(model.clone());
    }
    let model = Arc::new(Model::load(path)?);
    loaded.insert(key, model.clone());
    Ok(model)
}

#[cfg(test)]
mod tests;
