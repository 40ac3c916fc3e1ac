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

mod learn;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::SystemTime;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Lang, Message};
use crate::document::{Block, Document};
use crate::text::case::lower_into;
use crate::text::syllable::{self, Edit, MarkStyle};
use crate::text::tokens::TokenKind;

pub use learn::Counts;

/// The rule tests reach the engine's reading of an archive through this path.
#[cfg(test)]
pub(crate) fn learn(paths: &[std::path::PathBuf]) -> (Counts, Vec<crate::engine::RunError>) {
    crate::engine::learn(paths)
}

/// The first eight bytes of a model file.
pub const MAGIC: &[u8; 8] = b"VNLMODEL";
/// The format version this build reads and writes.
pub const VERSION: u32 = 1;
/// The vocabulary entry every number stands for.
pub const NUMBER: &str = "<number>";
const HEADER_LEN: usize = 80;

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
    end: usize,
}

impl Layout {
    /// The sections for these table sizes, each aligned to 4 bytes, after the header.
    fn new(syllables: usize, strings_len: usize, bigrams: usize, neighbours: usize) -> Layout {
        let pad = |n: usize| n.div_ceil(4) * 4;
        let mut at = HEADER_LEN;
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
}

/// A loaded model.
pub struct Model {
    bytes: Vec<u8>,
    layout: Layout,
    provenance: Provenance,
    index: FxHashMap<Box<str>, u16>,
}

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
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err("not a vnlint model (no VNLMODEL header)".into());
        }
        let version = u32_at(&bytes, 8);
        if version != VERSION {
            return Err(format!(
                "format version {version}, this vnlint reads version {VERSION}: learn it again with `vnlint learn`"
            ));
        }
        if u32_at(&bytes, 12) != 0 || u32_at(&bytes, 36) != 0 {
            return Err("damaged header (reserved fields are not zero)".into());
        }
        let count = |at: usize| u32_at(&bytes, at) as usize;
        let (syllables, strings_len, bigrams, neighbours) =
            (count(16), count(20), count(24), count(28));
        if syllables > usize::from(u16::MAX) + 1 {
            return Err(format!("{syllables} syllables, at most 65536"));
        }
        let layout = Layout::new(syllables, strings_len, bigrams, neighbours);
        if bytes.len() != layout.end || u64_at(&bytes, 64) != layout.end as u64 {
            return Err(format!(
                "truncated or damaged: {} bytes, the header describes {}",
                bytes.len(),
                layout.end
            ));
        }
        if checksum(&bytes) != u64_at(&bytes, 72) {
            return Err("damaged: the checksum does not match".into());
        }
        let provenance = Provenance {
            min_bigram_count: u32_at(&bytes, 32),
            tokens: u64_at(&bytes, 40),
            text_bytes: u64_at(&bytes, 48),
            documents: u64_at(&bytes, 56),
        };
        let mut model = Model {
            bytes,
            layout,
            provenance,
            index: FxHashMap::default(),
        };
        model.validate()?;
        let mut index = FxHashMap::default();
        index.reserve(syllables);
        for id in 0..syllables {
            index.insert(model.syllable(id as u16).into(), id as u16);
        }
        model.index = index;
        Ok(model)
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

    /// The id of a syllable written as [`key`] makes it.
    pub fn id(&self, key: &str) -> Option<u16> {
        self.index.get(key).copied()
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
        let row = self.bigram_row(first);
        let base = self.layout.bigram_seconds;
        let Some(seconds) = self.bytes.get(base + 2 * row.start..base + 2 * row.end) else {
            return 0;
        };
        let (seconds, _) = seconds.as_chunks::<2>();
        match seconds.binary_search_by(|s| u16::from_le_bytes(*s).cmp(&second)) {
            Ok(at) => u32_at(
                &self.bytes,
                self.layout.bigram_counts + 4 * (row.start + at),
            ),
            Err(_) => 0,
        }
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
pub fn keys(doc: &Document) -> Vec<Option<Box<str>>> {
    let mut buf = String::new();
    let mut out: Vec<Option<Box<str>>> = vec![None; doc.lexicon.len()];
    for token in &doc.tokens {
        let Some(slot) = out.get_mut(token.word as usize) else {
            continue;
        };
        if slot.is_none() && key(doc.token_text(token), &mut buf) {
            *slot = Some(buf.as_str().into());
        }
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
    keys: &'k [Option<Box<str>>],
    mut f: impl FnMut(usize, Option<&'k str>),
) {
    let mut glued = false;
    for i in block.tokens.clone() {
        let token = &doc.tokens[i];
        match token.kind {
            TokenKind::Space if token.is_inline_space(&doc.text) => glued = false,
            TokenKind::Word | TokenKind::Number => {
                let unit = if glued {
                    None
                } else if token.kind == TokenKind::Number {
                    Some(NUMBER)
                } else {
                    keys.get(token.word as usize).and_then(|k| k.as_deref())
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
