//! Sentences of a block as lists of its non-space tokens.

use crate::document::{Block, Document};
use crate::text::tokens::TokenKind;

/// Marks that end a sentence (a `.` inside a number is part of the number token).
const SENTENCE_END: &[&str] = &[".", ";", "!", "?", "…"];

/// The block's sentences, each the indices (into `doc.tokens`) of its non-space tokens,
/// the closing mark included.
pub fn sentences(doc: &Document, block: &Block) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for i in block.tokens.clone() {
        let token = &doc.tokens[i];
        if token.kind == TokenKind::Space {
            continue;
        }
        current.push(i);
        if token.kind == TokenKind::Punct && SENTENCE_END.contains(&doc.token_text(token)) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
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
