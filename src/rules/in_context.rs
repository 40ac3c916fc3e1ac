//! What the built-in model says about a word in its place: the syllables right beside it,
//! and how well each spelling offered for it fits there. Used by `nonword` (to rank its
//! suggestions and to back the findings the grammar alone cannot be sure of) and by
//! `repeated-word` (whether a doubled word is a sequence the corpus writes).

use crate::document::Document;
use crate::model::{self, Model};
use crate::text::tokens::{Token, TokenKind};

/// The model's ids of the units right before and after a token, each with one space
/// between (None at a break, or for a word the model never saw).
#[derive(Debug, Clone, Copy, Default)]
pub struct Place {
    pub left: Option<u16>,
    pub right: Option<u16>,
}

/// The model's id of the unit at `tokens[at]`: a syllable it knows, or a number.
fn unit(doc: &Document, model: &Model, token: &Token, buf: &mut String) -> Option<u16> {
    match token.kind() {
        TokenKind::Number => model.id(model::NUMBER),
        TokenKind::Word if model::key(doc.token_text(token), buf) => model.id(buf),
        _ => None,
    }
}

impl Place {
    /// The place of `tokens[i]` (a block's tokens).
    pub fn of(doc: &Document, model: &Model, tokens: &[Token], i: usize) -> Place {
        let mut buf = String::new();
        let mut side = |space: Option<&Token>, word: Option<&Token>| {
            let (space, word) = (space?, word?);
            if !space.is_inline_space(&doc.text) {
                return None;
            }
            unit(doc, model, word, &mut buf)
        };
        Place {
            left: side(
                i.checked_sub(1).and_then(|j| tokens.get(j)),
                i.checked_sub(2).and_then(|j| tokens.get(j)),
            ),
            right: side(tokens.get(i + 1), tokens.get(i + 2)),
        }
    }
}

/// A spelling offered for a word, with how well it fits the word's place.
#[derive(Debug, Clone)]
pub struct Fit {
    pub word: String,
    /// log P(word | left) + log P(right | word).
    pub score: f64,
    /// How often the model saw the word beside the left or the right neighbour (the larger).
    pub support: u32,
    /// The smaller of the two (0 when the word has a neighbour on one side only).
    pub both: u32,
    /// The largest share, in thousandths, that a pair of the word with a neighbour takes of
    /// the uses of the rarer of the two: how strongly the place calls for the word.
    pub share: u32,
}

/// P(x), add-one smoothed.
fn prior(model: &Model, x: u16) -> f64 {
    let total = model.provenance().tokens as f64 + model.syllable_count() as f64;
    (f64::from(model.unigram(x)) + 1.0) / total
}

/// P(x | before), the pair's estimate interpolated with the syllable's (Witten-Bell).
fn given(model: &Model, before: Option<u16>, x: u16) -> f64 {
    let Some(b) = before else {
        return prior(model, x);
    };
    let (seen, followers) = (f64::from(model.unigram(b)), f64::from(model.followers(b)));
    if seen + followers == 0.0 {
        return prior(model, x);
    }
    (f64::from(model.bigram(b, x)) + followers * prior(model, x)) / (seen + followers)
}

/// How well the syllable `word`, whose model id is `x`, fits `place`.
pub fn fit(model: &Model, place: Place, word: &str, x: u16) -> Fit {
    let mut score = given(model, place.left, x).ln();
    if let Some(r) = place.right {
        score += given(model, Some(x), r).ln();
    }
    let left = place.left.map(|l| (model.bigram(l, x), model.unigram(l)));
    let right = place.right.map(|r| (model.bigram(x, r), model.unigram(r)));
    let (mut support, mut share) = (0, 0);
    let both = match (left, right) {
        (Some((l, _)), Some((r, _))) => l.min(r),
        _ => 0,
    };
    let own = model.unigram(x);
    for (pair, neighbour) in [left, right].into_iter().flatten() {
        support = support.max(pair);
        let rarer = u64::from(neighbour.min(own).max(1));
        share = share.max((u64::from(pair) * 1000 / rarer) as u32);
    }
    Fit {
        word: word.to_string(),
        score,
        support,
        both,
        share,
    }
}
