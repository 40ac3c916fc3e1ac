//! What `rare-variant` and `realword` share: both read a document as a noisy channel over a
//! model of written Vietnamese (an archive's, the built-in one) and weigh a suspected slip
//! the same way once it is found.

use rustc_hash::FxHashMap;

use crate::analysis::sentences::opens_sentence;
use crate::document::{Block, Document};
use crate::model;
use crate::text::case::Case;

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
pub(super) fn pair_counts<'k>(
    doc: &Document,
    keys: &'k [Option<Box<str>>],
) -> FxHashMap<(&'k str, &'k str), u32> {
    let mut out = FxHashMap::default();
    for block in &doc.blocks {
        let mut last: Option<&str> = None;
        model::walk(doc, block, keys, |_, key| {
            if let (Some(a), Some(b)) = (last, key) {
                *out.entry((a, b)).or_insert(0) += 1;
            }
            last = key;
        });
    }
    out
}

/// Whether the document writes a rare pair of the finding [`REPEATED`] times or more and
/// never the variant's pair: a phrase written again and again, with no other spelling
/// beside it, is the writer's choice ("album phòng thu"), not a slip. `[left, word, right]`
/// are the model keys of the finding's neighbours and of the word itself.
pub(super) fn writers_choice(
    pairs: &FxHashMap<(&str, &str), u32>,
    [left, word, right]: [Option<&str>; 3],
    variant: &str,
    f: &Finding,
) -> bool {
    let count = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => pairs.get(&(a, b)).copied().unwrap_or(0),
        _ => 0,
    };
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
