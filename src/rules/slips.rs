//! What `rare-variant` and `realword` share: both read a document as a noisy channel over a
//! model of written Vietnamese (an archive's, the built-in one) and weigh a suspected slip
//! the same way once it is found.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::analysis::sentences::opens_sentence;
use crate::document::{Block, Document};
use crate::model;
use crate::text::case::Case;
use crate::text::tokens::{Token, TokenKind};

/// How many times the document may write a rare pair before it counts as deliberate.
pub(super) const REPEATED: u32 = 3;

/// A suspected word and its best variant.
#[derive(Clone)]
pub(super) struct Finding {
    /// Index into the block's units.
    pub at: usize,
    pub variant: u16,
    /// How many times likelier the variant is in this place than the word written.
    pub score: f64,
    /// The pair quoted in the message: the neighbour is left (true) or right.
    pub left: bool,
    pub written_count: u32,
    pub variant_count: u32,
    /// Which of the written pairs the model rarely writes.
    pub rare_left: bool,
    pub rare_right: bool,
    /// The evidence is the triple the word stands in the middle of (both its pairs are
    /// common, the triple is not), not a pair.
    pub triple: bool,
}

/// Whether the written word may be judged: a lower-case word, or a capitalised one opening
/// its sentence (a capital inside a sentence makes a name).
pub(super) fn eligible(doc: &Document, block: &Block, i: usize) -> bool {
    match doc.case(&doc.tokens[i]) {
        Case::Lower => true,
        Case::Capitalized => opens_sentence(doc, block, i),
        Case::Upper | Case::Mixed => false,
    }
}

/// How often the document writes each pair of syllables (by their model keys).
pub(super) struct PairCounts<'k> {
    /// Each model key the document writes, numbered by the first lexicon entry that has it.
    index: FxHashMap<&'k str, u32>,
    /// (first << 32 | second) -> count, by those numbers.
    counts: FxHashMap<u64, u32>,
}

/// The number [`NUMBER`](model::NUMBER) stands for in [`PairCounts`].
const NUMBER_KEY: u32 = u32::MAX;

impl PairCounts<'_> {
    /// How often the document writes `a b`.
    pub fn count(&self, a: Option<&str>, b: Option<&str>) -> u32 {
        let number = |k: &str| {
            if k == model::NUMBER {
                Some(NUMBER_KEY)
            } else {
                self.index.get(k).copied()
            }
        };
        match (a.and_then(number), b.and_then(number)) {
            (Some(a), Some(b)) => self
                .counts
                .get(&(u64::from(a) << 32 | u64::from(b)))
                .copied()
                .unwrap_or(0),
            _ => 0,
        }
    }
}

/// How often the document writes each pair of syllables (by their model keys): counted by
/// number, not by text, so that a long document costs one integer hash per pair.
pub(super) fn pair_counts<'k>(doc: &Document, keys: &'k [Option<Cow<'_, str>>]) -> PairCounts<'k> {
    let (index, numbered) = numbered_keys(keys);
    let mut counts = FxHashMap::default();
    for block in &doc.blocks {
        let mut last: Option<u32> = None;
        model::walk(doc, block, keys, |i, key| {
            let this = key.and_then(|k| {
                if k == model::NUMBER {
                    Some(NUMBER_KEY)
                } else {
                    numbered
                        .get(doc.tokens[i].word() as usize)
                        .copied()
                        .flatten()
                }
            });
            if let (Some(a), Some(b)) = (last, this) {
                *counts.entry(u64::from(a) << 32 | u64::from(b)).or_insert(0) += 1;
            }
            last = this;
        });
    }
    PairCounts { index, counts }
}

/// Each model key the document writes, numbered by the first lexicon entry that has it,
/// and the number of each lexicon entry.
fn numbered_keys<'k>(
    keys: &'k [Option<Cow<'_, str>>],
) -> (FxHashMap<&'k str, u32>, Vec<Option<u32>>) {
    let mut index: FxHashMap<&str, u32> = FxHashMap::default();
    let numbered: Vec<Option<u32>> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let k = k.as_deref()?;
            Some(*index.entry(k).or_insert(i as u32))
        })
        .collect();
    (index, numbered)
}

/// [`pair_counts`] of the pairs with one of `words` (model keys) on either side only: all
/// that [`writers_choice`] asks about findings whose words and variants are `words`. The
/// tokens are scanned for those words, and only their neighbours read (as [`model::walk`]
/// pairs them), rather than every pair of the document walked and hashed.
pub(super) fn pair_counts_among<'k>(
    doc: &Document,
    keys: &'k [Option<Cow<'_, str>>],
    words: &[&str],
) -> PairCounts<'k> {
    let (index, numbered) = numbered_keys(keys);
    let mut wanted = vec![false; keys.len()];
    for w in words {
        if let Some(&n) = index.get(w) {
            wanted[n as usize] = true;
        }
    }
    let is_wanted = |n: u32| n != NUMBER_KEY && wanted[n as usize];
    // By lexicon entry, so that most tokens are passed over at one look-up.
    let wanted_entry: Vec<bool> = numbered.iter().map(|n| n.is_some_and(is_wanted)).collect();
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let unit_kind = |t: &Token| matches!(t.kind(), TokenKind::Word | TokenKind::Number);
    for block in &doc.blocks {
        let range = block.tokens.clone();
        // What the walk gives token `j`: a word or number not glued to the token before.
        let unit = |j: usize| -> Option<u32> {
            let t = &doc.tokens[j];
            if !unit_kind(t) || (j > range.start && unit_kind(&doc.tokens[j - 1])) {
                return None;
            }
            if t.kind() == TokenKind::Number {
                Some(NUMBER_KEY)
            } else {
                numbered.get(t.word() as usize).copied().flatten()
            }
        };
        for (i, token) in doc.tokens[range.clone()].iter().enumerate() {
            let i = range.start + i;
            if token.kind() != TokenKind::Word
                || !wanted_entry
                    .get(token.word() as usize)
                    .copied()
                    .unwrap_or(false)
            {
                continue;
            }
            let Some(this) = unit(i).filter(|&n| is_wanted(n)) else {
                continue;
            };
            // The walk's unit before and after: past spaces within the line only.
            let mut j = i;
            let left = loop {
                if j == range.start {
                    break None;
                }
                j -= 1;
                if !doc.tokens[j].is_inline_space(&doc.text) {
                    break unit(j);
                }
            };
            let mut j = i + 1;
            while j < range.end && doc.tokens[j].is_inline_space(&doc.text) {
                j += 1;
            }
            let right = if j < range.end { unit(j) } else { None };
            if let Some(a) = left {
                *counts
                    .entry(u64::from(a) << 32 | u64::from(this))
                    .or_insert(0) += 1;
            }
            // A pair of two wanted words is counted once, at the second.
            if let Some(b) = right.filter(|&b| !is_wanted(b)) {
                *counts
                    .entry(u64::from(this) << 32 | u64::from(b))
                    .or_insert(0) += 1;
            }
        }
    }
    PairCounts { index, counts }
}

/// Whether the document writes a rare pair of the finding [`REPEATED`] times or more and
/// never the variant's pair: a phrase written again and again, with no other spelling
/// beside it, is the writer's choice ("album phòng thu"), not a slip. `[left, word, right]`
/// are the model keys of the finding's neighbours and of the word itself.
pub(super) fn writers_choice(
    pairs: &PairCounts<'_>,
    [left, word, right]: [Option<&str>; 3],
    variant: &str,
    f: &Finding,
) -> bool {
    let count = |a, b| pairs.count(a, b);
    let variant = Some(variant);
    (f.rare_left && count(left, word) >= REPEATED && count(left, variant) == 0)
        || (f.rare_right && count(word, right) >= REPEATED && count(variant, right) == 0)
}

/// The findings to report, in order: those `skip` does not leave out, and of two
/// neighbours both suspected, the one with the better variant.
pub(super) fn kept(found: &[Finding], mut skip: impl FnMut(&Finding) -> bool) -> Vec<&Finding> {
    let mut kept: Vec<&Finding> = Vec::new();
    for f in found {
        if skip(f) {
            continue;
        }
        if let Some(last) = kept.last()
            && last.at + 1 == f.at
        {
            if last.score >= f.score {
                continue;
            }
            kept.pop();
        }
        kept.push(f);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_the_pairs_of_some_words_agrees_with_counting_all() {
        let doc = Document::from_text(
            "Thoát khỏi ách, thoát khởi ách 12 thoát khỏi.\nkhỏi khỏi  khỏi\u{a0}ách 3 khỏi\tách \
             khỏiách (khỏi) thoát\n\nThoát khỏi 2024 khỏi khỏi-ách",
        );
        let keys = model::keys(&doc);
        let all = pair_counts(&doc, &keys);
        assert!(all.count(Some("thoát"), Some("khỏi")) >= 3);
        let names: Vec<&str> = keys
            .iter()
            .flatten()
            .map(|k| &**k)
            .chain([model::NUMBER])
            .collect();
        for words in [
            vec!["khỏi"],
            vec!["thoát", "ách"],
            vec!["khỏi", "ách", "thoát"],
        ] {
            let some = pair_counts_among(&doc, &keys, &words);
            for &a in &names {
                for &b in &names {
                    if words.contains(&a) || words.contains(&b) {
                        assert_eq!(
                            some.count(Some(a), Some(b)),
                            all.count(Some(a), Some(b)),
                            "“{a} {b}” counting {words:?}"
                        );
                    }
                }
            }
        }
    }
}
