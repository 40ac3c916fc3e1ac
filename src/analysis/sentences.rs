//! Sentences of a block as lists of its non-space tokens.

use crate::analysis::Facts;
use crate::document::{Block, Document};
use crate::text::punctuation::{self, BEFORE_SENTENCE};
use crate::text::tokens::{Token, TokenKind};

/// Every block's sentences (split where a clause ends: [`punctuation::ends_clause`]), computed once per document: the non-space token indices of
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
                if token.kind == TokenKind::Punct && punctuation::ends_clause(doc.token_text(token))
                {
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

/// Whether the token at `i` (an index into `doc.tokens`, inside `block`) opens a sentence:
/// nothing before it in the block but space and marks that may precede a sentence
/// ([`punctuation::BEFORE_SENTENCE`]), or a mark after which a sentence opens
/// ([`punctuation::opens_after`]: not a semicolon). A capital anywhere else marks a name.
pub fn opens_sentence(doc: &Document, block: &Block, i: usize) -> bool {
    let opening =
        |t: &Token| t.kind == TokenKind::Punct && BEFORE_SENTENCE.contains(&doc.token_text(t));
    doc.tokens[block.tokens.start..i]
        .iter()
        .rev()
        .find(|t| !t.is_space() && !opening(t))
        .is_none_or(|t| t.kind == TokenKind::Punct && punctuation::opens_after(doc.token_text(t)))
}

/// The block's non-space tokens (indices into `doc.tokens`), read off the sentence index
/// rather than collected again by each rule.
pub fn non_space_tokens<'a>(doc: &'a Document, block: &Block) -> &'a [usize] {
    if block.tokens.is_empty() {
        return &[];
    }
    let index = doc.sentence_index();
    let first = index
        .sentences
        .partition_point(|(b, _)| *b < block.tokens.start);
    let last = index
        .sentences
        .partition_point(|(b, _)| *b <= block.tokens.start);
    match (index.sentences.get(first), last.checked_sub(1)) {
        (Some((b, from)), Some(last)) if *b == block.tokens.start && last >= first => {
            &index.tokens[from.start..index.sentences[last].1.end]
        }
        _ => &[],
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
