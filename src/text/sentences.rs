//! Sentences of a block as lists of its non-space tokens.

use crate::document::{Block, Document};
use crate::text::tokens::TokenKind;

/// Marks that end a sentence (a `.` inside a number is part of the number token).
const SENTENCE_END: &[&str] = &[".", ";", "!", "?", "…"];

/// Every block's sentences, computed once per document: the non-space token indices of
/// the whole document, and for each sentence its block's first token and its range there.
#[derive(Debug, Default)]
pub struct SentenceIndex {
    tokens: Vec<usize>,
    /// (first token of the block, range into `tokens`), in document order.
    sentences: Vec<(usize, std::ops::Range<usize>)>,
}

impl SentenceIndex {
    pub fn build(doc: &Document) -> SentenceIndex {
        let mut index = SentenceIndex::default();
        for block in &doc.blocks {
            let mut start = index.tokens.len();
            for i in block.tokens.clone() {
                let token = &doc.tokens[i];
                if token.kind == TokenKind::Space {
                    continue;
                }
                index.tokens.push(i);
                if token.kind == TokenKind::Punct && SENTENCE_END.contains(&doc.token_text(token)) {
                    index
                        .sentences
                        .push((block.tokens.start, start..index.tokens.len()));
                    start = index.tokens.len();
                }
            }
            if index.tokens.len() > start {
                index
                    .sentences
                    .push((block.tokens.start, start..index.tokens.len()));
            }
        }
        index
    }
}

/// The block's sentences, each the indices (into `doc.tokens`) of its non-space tokens,
/// the closing mark included.
pub fn sentences<'a>(doc: &'a Document, block: &Block) -> Vec<&'a [usize]> {
    let index = doc.sentence_index();
    let first = index
        .sentences
        .partition_point(|(b, _)| *b < block.tokens.start);
    index.sentences[first..]
        .iter()
        .take_while(|(b, _)| *b == block.tokens.start)
        .map(|(_, r)| &index.tokens[r.clone()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
