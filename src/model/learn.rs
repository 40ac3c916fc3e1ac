//! Counting an archive and writing the counts in the model format.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Layout, MAGIC, NUMBER, VERSION, checksum, keys, walk};
use crate::document::Document;
use crate::text::syllable::{self, Edit};

/// Syllable and pair counts, as learned so far.
#[derive(Debug, Clone)]
pub struct Counts {
    ids: FxHashMap<String, u32>,
    words: Vec<String>,
    unigrams: Vec<u64>,
    /// (first id << 32 | second id) -> count.
    bigrams: FxHashMap<u64, u64>,
    pub tokens: u64,
    pub text_bytes: u64,
    pub documents: u64,
}

impl Default for Counts {
    /// No counts yet; every model knows the number class, seen or not.
    fn default() -> Counts {
        let mut counts = Counts {
            ids: FxHashMap::default(),
            words: Vec::new(),
            unigrams: Vec::new(),
            bigrams: FxHashMap::default(),
            tokens: 0,
            text_bytes: 0,
            documents: 0,
        };
        counts.id(NUMBER);
        counts
    }
}

impl Counts {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(key.to_string(), id);
        self.words.push(key.to_string());
        self.unigrams.push(0);
        id
    }

    /// Counts the syllables and pairs of a document (paragraphs in a legacy encoding are
    /// left out: their letters are not what they seem).
    pub fn add_document(&mut self, doc: &Document) {
        self.documents += 1;
        self.text_bytes += doc.text.len() as u64;
        let keys = keys(doc);
        for block in &doc.blocks {
            if doc.is_legacy_block(block) {
                continue;
            }
            let mut previous: Option<u32> = None;
            walk(doc, block, &keys, |_, unit| {
                let Some(key) = unit else {
                    previous = None;
                    return;
                };
                let id = self.id(key);
                self.unigrams[id as usize] += 1;
                self.tokens += 1;
                if let Some(p) = previous {
                    *self
                        .bigrams
                        .entry(u64::from(p) << 32 | u64::from(id))
                        .or_default() += 1;
                }
                previous = Some(id);
            });
        }
    }

    /// Counts a plain text (the shortcut tests use).
    pub fn add_text(&mut self, text: &str) {
        self.add_document(&Document::from_text(text));
    }

    /// Adds another set of counts to these.
    pub fn merge(mut self, other: Counts) -> Counts {
        if self.words.len() < other.words.len() {
            return other.merge(self);
        }
        let map: Vec<u32> = other.words.iter().map(|w| self.id(w)).collect();
        for (i, n) in other.unigrams.iter().enumerate() {
            self.unigrams[map[i] as usize] += n;
        }
        for (pair, n) in other.bigrams {
            let (a, b) = (
                map[(pair >> 32) as usize],
                map[(pair & 0xffff_ffff) as usize],
            );
            *self
                .bigrams
                .entry(u64::from(a) << 32 | u64::from(b))
                .or_default() += n;
        }
        self.tokens += other.tokens;
        self.text_bytes += other.text_bytes;
        self.documents += other.documents;
        self
    }

    /// The number of distinct syllables counted.
    pub fn syllables(&self) -> usize {
        self.words.len()
    }

    /// The model file: pairs seen fewer than `min_bigram_count` times are left out (the
    /// rule reads a missing pair as 0). Fails only with more than 65,536 syllables, which
    /// the syllable grammar does not allow.
    pub fn encode(&self, min_bigram_count: u32) -> Result<Vec<u8>, String> {
        let mut order: Vec<u32> = (0..self.words.len() as u32).collect();
        order.sort_by(|a, b| self.words[*a as usize].cmp(&self.words[*b as usize]));
        let v = order.len();
        if v > usize::from(u16::MAX) + 1 {
            return Err(format!("{v} distinct syllables, at most 65536"));
        }
        let mut new_id = vec![0u16; v];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u16;
        }
        let mut followers = vec![0u32; v];
        for pair in self.bigrams.keys() {
            followers[usize::from(new_id[(pair >> 32) as usize])] += 1;
        }
        let mut pairs: Vec<(u16, u16, u32)> = self
            .bigrams
            .iter()
            .filter(|(_, n)| **n >= u64::from(min_bigram_count.max(1)))
            .map(|(&pair, &n)| {
                (
                    new_id[(pair >> 32) as usize],
                    new_id[(pair & 0xffff_ffff) as usize],
                    n.min(u64::from(u32::MAX)) as u32,
                )
            })
            .collect();
        pairs.sort_unstable();
        let sorted: Vec<&str> = order
            .iter()
            .map(|&o| self.words[o as usize].as_str())
            .collect();
        let index: FxHashMap<&str, u16> = sorted
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i as u16))
            .collect();
        let neighbours: Vec<Vec<(u16, Edit)>> = sorted
            .par_iter()
            .map(|w| {
                if *w == NUMBER {
                    return Vec::new();
                }
                syllable::edits(w, usize::MAX)
                    .iter()
                    .filter_map(|(c, kind)| Some((*index.get(c.as_str())?, *kind)))
                    .collect()
            })
            .collect();
        let strings_len: usize = sorted.iter().map(|w| w.len()).sum();
        let neighbour_total: usize = neighbours.iter().map(Vec::len).sum();
        let layout = Layout::new(v, strings_len, pairs.len(), neighbour_total);
        let mut out = vec![0u8; layout.end];
        let put32 = |out: &mut Vec<u8>, at: usize, x: u32| {
            out[at..at + 4].copy_from_slice(&x.to_le_bytes());
        };
        let put16 = |out: &mut Vec<u8>, at: usize, x: u16| {
            out[at..at + 2].copy_from_slice(&x.to_le_bytes());
        };
        let mut at = 0;
        for (i, w) in sorted.iter().enumerate() {
            put32(&mut out, layout.string_offsets + 4 * i, at as u32);
            out[layout.strings + at..layout.strings + at + w.len()].copy_from_slice(w.as_bytes());
            at += w.len();
            let n = self.unigrams[order[i] as usize].min(u64::from(u32::MAX)) as u32;
            put32(&mut out, layout.unigrams + 4 * i, n);
            put32(&mut out, layout.followers + 4 * i, followers[i]);
        }
        put32(&mut out, layout.string_offsets + 4 * v, at as u32);
        let mut row = 0;
        for (j, &(a, b, n)) in pairs.iter().enumerate() {
            while row <= usize::from(a) {
                put32(&mut out, layout.bigram_rows + 4 * row, j as u32);
                row += 1;
            }
            put16(&mut out, layout.bigram_seconds + 2 * j, b);
            put32(&mut out, layout.bigram_counts + 4 * j, n);
        }
        while row <= v {
            put32(&mut out, layout.bigram_rows + 4 * row, pairs.len() as u32);
            row += 1;
        }
        let mut j = 0;
        for (i, list) in neighbours.iter().enumerate() {
            put32(&mut out, layout.neighbour_rows + 4 * i, j as u32);
            for &(n, kind) in list {
                put16(&mut out, layout.neighbour_ids + 2 * j, n);
                out[layout.neighbour_kinds + j] = kind as u8;
                j += 1;
            }
        }
        put32(&mut out, layout.neighbour_rows + 4 * v, j as u32);
        out[..8].copy_from_slice(MAGIC);
        put32(&mut out, 8, VERSION);
        put32(&mut out, 16, v as u32);
        put32(&mut out, 20, strings_len as u32);
        put32(&mut out, 24, pairs.len() as u32);
        put32(&mut out, 28, neighbour_total as u32);
        put32(&mut out, 32, min_bigram_count.max(1));
        out[40..48].copy_from_slice(&self.tokens.to_le_bytes());
        out[48..56].copy_from_slice(&self.text_bytes.to_le_bytes());
        out[56..64].copy_from_slice(&self.documents.to_le_bytes());
        out[64..72].copy_from_slice(&(layout.end as u64).to_le_bytes());
        let sum = checksum(&out);
        out[72..80].copy_from_slice(&sum.to_le_bytes());
        Ok(out)
    }
}
