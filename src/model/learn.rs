//! Counting an archive and writing the counts in the model format.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    EXTENSION_LEN, Extension, HEADER_LEN, Layout, MAGIC, NUMBER, VERSION, checksum, key, keys,
    quantise, walk,
};
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
    /// (a << 42 | b << 21 | c) -> count, when triples are counted.
    trigrams: Option<FxHashMap<u64, u64>>,
    /// Adjacent syllables inside a word of the word list (ids).
    compounds: FxHashSet<(u32, u32)>,
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
            trigrams: None,
            compounds: FxHashSet::default(),
            tokens: 0,
            text_bytes: 0,
            documents: 0,
        };
        counts.id(NUMBER);
        counts
    }
}

/// How a model file is written.
#[derive(Debug, Clone, Default)]
pub struct Recipe {
    /// Pairs seen fewer times are left out.
    pub min_bigram_count: u32,
    /// Triples seen fewer times are left out (when triples were counted).
    pub min_trigram_count: u32,
    /// The built-in model's recipe version ([`super::RECIPE_VERSION`]); 0 for an archive.
    pub recipe: u32,
    /// The notice the file carries (the licence of what it was learned from).
    pub notice: String,
}

fn pack3(a: u32, b: u32, c: u32) -> u64 {
    u64::from(a) << 42 | u64::from(b) << 21 | u64::from(c)
}

fn unpack3(t: u64) -> (u32, u32, u32) {
    let m = (1 << 21) - 1;
    ((t >> 42) as u32, (t >> 21 & m) as u32, (t & m) as u32)
}

impl Counts {
    /// No counts yet, and triples of syllables counted too.
    pub fn with_trigrams() -> Counts {
        Counts {
            trigrams: Some(FxHashMap::default()),
            ..Counts::default()
        }
    }

    /// Adds the pairs of adjacent syllables inside each word of a word list (one word a
    /// line; syllables parted by spaces or hyphens), for the syllables counted so far.
    pub fn add_word_list(&mut self, list: &str) {
        let mut buf = String::new();
        for line in list.lines() {
            let ids: Vec<Option<u32>> = line
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .map(|w| {
                    (key(w, &mut buf))
                        .then(|| self.ids.get(buf.as_str()).copied())
                        .flatten()
                })
                .collect();
            for pair in ids.windows(2) {
                if let [Some(a), Some(b)] = pair {
                    self.compounds.insert((*a, *b));
                }
            }
        }
    }

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
            let mut before: Option<u32> = None;
            walk(doc, block, &keys, |_, unit| {
                let Some(key) = unit else {
                    previous = None;
                    before = None;
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
                if let (Some(a), Some(b), Some(trigrams)) = (before, previous, &mut self.trigrams) {
                    *trigrams.entry(pack3(a, b, id)).or_default() += 1;
                }
                before = previous;
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
        if let Some(theirs) = other.trigrams {
            let ours = self.trigrams.get_or_insert_with(FxHashMap::default);
            for (t, n) in theirs {
                let (a, b, c) = unpack3(t);
                let (a, b, c) = (map[a as usize], map[b as usize], map[c as usize]);
                *ours.entry(pack3(a, b, c)).or_default() += n;
            }
        }
        for (a, b) in other.compounds {
            self.compounds.insert((map[a as usize], map[b as usize]));
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
        self.encode_with(&Recipe {
            min_bigram_count,
            min_trigram_count: 2,
            ..Recipe::default()
        })
    }

    /// The model file written by a recipe: pairs and triples below their minimum counts
    /// left out, triple counts quantised to a byte ([`super::quantise`]).
    pub fn encode_with(&self, recipe: &Recipe) -> Result<Vec<u8>, String> {
        let min_bigram_count = recipe.min_bigram_count;
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
        // The triples whose first two syllables are a stored pair, by the pair's entry.
        let entry: FxHashMap<(u16, u16), usize> = pairs
            .iter()
            .enumerate()
            .map(|(j, &(a, b, _))| ((a, b), j))
            .collect();
        let mut trigram_followers = vec![0u16; pairs.len()];
        let mut triples: Vec<(usize, u16, u8)> = Vec::new();
        let min_trigram = u64::from(recipe.min_trigram_count.max(1));
        for (&t, &n) in self.trigrams.iter().flatten() {
            let (a, b, c) = unpack3(t);
            let ids = (new_id[a as usize], new_id[b as usize]);
            let Some(&j) = entry.get(&ids) else { continue };
            trigram_followers[j] = trigram_followers[j].saturating_add(1);
            if n >= min_trigram {
                triples.push((j, new_id[c as usize], quantise(n)));
            }
        }
        triples.sort_unstable();
        let mut compounds: Vec<u32> = self
            .compounds
            .iter()
            .map(|&(a, b)| u32::from(new_id[a as usize]) << 16 | u32::from(new_id[b as usize]))
            .collect();
        compounds.sort_unstable();
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
        let extension = Extension {
            trigrams: triples.len(),
            compounds: compounds.len(),
            notice_len: recipe.notice.len(),
            with_trigrams: self.trigrams.is_some(),
        };
        let layout = Layout::new(
            v,
            strings_len,
            pairs.len(),
            neighbour_total,
            Some(extension),
        );
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
        if self.trigrams.is_some() {
            let mut row = 0;
            for (k, &(j, c, q)) in triples.iter().enumerate() {
                while row <= j {
                    put32(&mut out, layout.trigram_rows + 4 * row, k as u32);
                    row += 1;
                }
                put16(&mut out, layout.trigram_thirds + 2 * k, c);
                out[layout.trigram_counts + k] = q;
            }
            while row <= pairs.len() {
                put32(
                    &mut out,
                    layout.trigram_rows + 4 * row,
                    triples.len() as u32,
                );
                row += 1;
            }
            for (j, n) in trigram_followers.iter().enumerate() {
                put16(&mut out, layout.trigram_followers + 2 * j, *n);
            }
        }
        for (k, pair) in compounds.iter().enumerate() {
            put32(&mut out, layout.compound_pairs + 4 * k, *pair);
        }
        out[layout.notice..layout.notice + recipe.notice.len()]
            .copy_from_slice(recipe.notice.as_bytes());
        let ext = HEADER_LEN;
        put32(&mut out, ext, triples.len() as u32);
        put32(&mut out, ext + 4, compounds.len() as u32);
        put32(&mut out, ext + 8, recipe.recipe);
        put32(&mut out, ext + 12, recipe.notice.len() as u32);
        put32(
            &mut out,
            ext + 16,
            if self.trigrams.is_some() {
                recipe.min_trigram_count.max(1)
            } else {
                0
            },
        );
        debug_assert_eq!(ext + 20 + 4, HEADER_LEN + EXTENSION_LEN);
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
