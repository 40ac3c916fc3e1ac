//! Sentences of a block as lists of its non-space tokens.

use crate::document::{Block, Document};
use crate::text::punctuation::{self, BEFORE_SENTENCE};
use crate::text::tokens::{Token, TokenKind};

/// A block's sentences (split where a clause ends: [`punctuation::ends_clause`]): the
/// non-space token indices of the block, and where each sentence ends among them. Built for
/// one block when asked, not kept for the whole document: an index of every token of a long
/// document cost twice its text.
#[derive(Debug, Default)]
pub struct Sentences {
    tokens: Vec<usize>,
    /// The end of each sentence in `tokens`, in order.
    ends: Vec<usize>,
}

impl Sentences {
    fn of(doc: &Document, block: &Block) -> Sentences {
        // Sized for every token of the block at once (about twice what the non-space ones
        // need, for one block at a time) rather than grown step by step.
        let mut out = Sentences {
            tokens: Vec::with_capacity(block.tokens.len()),
            ends: Vec::new(),
        };
        for (i, token) in (block.tokens.start..).zip(doc.block_tokens(block)) {
            if token.kind() == TokenKind::Space {
                continue;
            }
            out.tokens.push(i);
            if token.kind() == TokenKind::Punct && punctuation::ends_clause(doc.token_text(token)) {
                out.ends.push(out.tokens.len());
            }
        }
        if out.ends.last().copied().unwrap_or(0) < out.tokens.len() {
            out.ends.push(out.tokens.len());
        }
        out
    }

    /// How many sentences.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each sentence's token indices (into `doc.tokens`), in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[usize]> + '_ {
        (0..self.ends.len()).map(|i| &self[i])
    }
}

impl std::ops::Index<usize> for Sentences {
    type Output = [usize];

    fn index(&self, i: usize) -> &[usize] {
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.tokens[start..self.ends[i]]
    }
}

impl<'a> IntoIterator for &'a Sentences {
    type Item = &'a [usize];
    type IntoIter = Box<dyn ExactSizeIterator<Item = &'a [usize]> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// Whether the token at `i` (an index into `doc.tokens`, inside `block`) opens a sentence:
/// nothing before it in the block but space and marks that may precede a sentence
/// ([`punctuation::BEFORE_SENTENCE`]), or a mark after which a sentence opens
/// ([`punctuation::opens_after`]: not a semicolon). A capital anywhere else marks a name.
pub fn opens_sentence(doc: &Document, block: &Block, i: usize) -> bool {
    let opening =
        |t: &Token| t.kind() == TokenKind::Punct && BEFORE_SENTENCE.contains(&doc.token_text(t));
    doc.tokens[block.tokens.start..i]
        .iter()
        .rev()
        .find(|t| !t.is_space() && !opening(t))
        .is_none_or(|t| t.kind() == TokenKind::Punct && punctuation::opens_after(doc.token_text(t)))
}

/// The block's non-space tokens (indices into `doc.tokens`).
pub fn non_space_tokens(doc: &Document, block: &Block) -> Vec<usize> {
    // Sized for the whole block at once: a filtered iterator would grow the vector step by
    // step.
    let mut out = Vec::with_capacity(block.tokens.len());
    out.extend(
        (block.tokens.start..)
            .zip(doc.block_tokens(block))
            .filter(|(_, t)| t.kind() != TokenKind::Space)
            .map(|(i, _)| i),
    );
    out
}

/// The block's sentences, each the indices (into `doc.tokens`) of its non-space tokens,
/// the closing mark included.
pub fn sentences(doc: &Document, block: &Block) -> Sentences {
    Sentences::of(doc, block)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_opens_at_the_block_start_and_after_a_full_stop() {
        let doc = Document::from_text(
            "Ông Bình đến. Bình về, rồi (Bình) đi! Ông nói: “Bình ở đây”, (Bình đến) và “Bình”.",
        );
        let opens: Vec<bool> = (0..doc.tokens.len())
            .filter(|&i| doc.token_text(&doc.tokens[i]) == "Bình" || i == 0)
            .map(|i| opens_sentence(&doc, &doc.blocks[0], i))
            .collect();
        assert_eq!(opens, [true, false, true, false, true, false, false]);
    }

    #[test]
    fn splits_at_sentence_marks_not_inside_numbers() {
        let doc = Document::from_text("Thu 12.455,236 tỷ. Chi 3; hết");
        let got: Vec<Vec<&str>> = sentences(&doc, &doc.blocks[0])
            .iter()
            .map(|s| s.iter().map(|&i| doc.token_text(&doc.tokens[i])).collect())
            .collect();
        assert_eq!(
            got,
            vec![
                vec!["Thu", "12.455,236", "tỷ", "."],
                vec!["Chi", "3", ";"],
                vec!["hết"]
            ]
        );
    }
}
