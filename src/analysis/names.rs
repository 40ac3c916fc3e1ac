//! Person names: runs of two to four capitalised syllables that begin with a Vietnamese
//! family name, or that follow a form of address or a title ("đồng chí", "Đ/c", "ông",
//! "bà", "Bí thư", "Chủ tịch" ...).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::document::{BlockKind, Document};
use crate::lists::{FAMILY_NAMES, LEADING_ADDRESS_FORMS, NAME_INTRO_WORDS, NAME_TITLES};
use crate::text::case::Case;
use crate::text::tokens::TokenKind;

/// One mention of a person's name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMention {
    /// The syllables as written.
    pub syllables: Vec<String>,
    pub span: Range<usize>,
    /// Its first syllable is no family name, but one a mark away ("Dinh Thị Mai" for Đinh,
    /// "Giạp Thị Lụa" for Giáp), and the document names the listed spelling too: a slip of
    /// that mention, never the spelling to follow.
    pub family_slip: bool,
}

impl NameMention {
    pub fn text(&self) -> String {
        self.syllables.join(" ")
    }
}

/// Every person's name the document states.
pub fn names(doc: &Document) -> Vec<NameMention> {
    let mut out = Vec::new();
    // The words of the current run (one buffer for the document).
    let mut words = Vec::new();
    for block in &doc.blocks {
        if block.kind == BlockKind::Meta {
            continue;
        }
        let tokens = doc.block_tokens(block);
        let mut i = 0;
        while i < tokens.len() {
            // A run of capitalised words separated by single spaces.
            let mut end = i;
            words.clear();
            while end < tokens.len()
                && tokens[end].kind() == TokenKind::Word
                && doc.case(&tokens[end]) == Case::Capitalized
            {
                words.push(end);
                if tokens
                    .get(end + 1)
                    .is_some_and(|t| doc.token_text(t) == " ")
                    && tokens
                        .get(end + 2)
                        .is_some_and(|t| t.kind() == TokenKind::Word)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            if words.is_empty() {
                i += 1;
                continue;
            }
            // Trailing lower-case word after the space ends the run.
            while words
                .last()
                .is_some_and(|&w| doc.case(&tokens[w]) != Case::Capitalized)
            {
                words.pop();
            }
            let next = words.last().map_or(i + 1, |&w| w + 1);
            if words.len() < 2 {
                i = next.max(i + 1);
                continue;
            }
            let mut addressed = false;
            if words.len() > 2 && LEADING_ADDRESS_FORMS.contains(doc.lower(&tokens[words[0]])) {
                words.remove(0);
                addressed = true;
            }
            if (2..=4).contains(&words.len()) {
                let first = doc.lower(&tokens[words[0]]);
                let family = FAMILY_NAMES.contains(first);
                let addressed = addressed || (!family && address_before(doc, tokens, words[0]));
                // One letter alone ("A", "B") or an all-Latin foreign run is not a name here.
                let vietnamese = words
                    .iter()
                    .all(|&w| doc.syllable(&tokens[w]).is_some_and(|s| s.is_ok()));
                let family_slip = !family
                    && words.len() >= 3
                    && bare_family_names().contains(bare(first).as_str());
                if (family || addressed || family_slip)
                    && vietnamese
                    && (words.len() >= 3 || addressed)
                {
                    let span = tokens[words[0]].start()..tokens[*words.last().unwrap()].end();
                    out.push(NameMention {
                        syllables: words
                            .iter()
                            .map(|&w| doc.token_text(&tokens[w]).to_string())
                            .collect(),
                        span,
                        family_slip,
                    });
                }
            }
            i = next.max(i + 1);
        }
    }
    // A family name a mark from the list is a name only beside the name it slips from.
    if out.iter().any(|m| m.family_slip) {
        let listed: HashSet<String> = out
            .iter()
            .filter(|m| !m.family_slip)
            .map(|m| bare(&m.text()))
            .collect();
        out.retain(|m| !m.family_slip || listed.contains(&bare(&m.text())));
    }
    out
}

/// A syllable without its marks, lower-case, đ as d ("Đinh" and "Dình" are both "dinh").
pub fn bare(syllable: &str) -> String {
    syllable
        .to_lowercase()
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The family names of the list without their marks.
fn bare_family_names() -> &'static HashSet<String> {
    static BARE: OnceLock<HashSet<String>> = OnceLock::new();
    BARE.get_or_init(|| FAMILY_NAMES.entries().map(bare).collect())
}

/// Whether a form of address or a title stands right before token `at`.
fn address_before(doc: &Document, tokens: &[crate::text::tokens::Token], at: usize) -> bool {
    let mut before = tokens[..at]
        .iter()
        .rev()
        .filter(|t| t.kind() != TokenKind::Space)
        .map(|t| doc.lower(t))
        .peekable();
    // "ThS. Lê", "PGS.TS Lê": a title, its full stop optional.
    let dotted = before.next_if_eq(&".").is_some();
    if before.peek().is_some_and(|w| NAME_TITLES.contains(w)) {
        return true;
    }
    if dotted {
        return false;
    }
    let (last, prev) = (before.next(), before.next());
    match (last, prev) {
        (Some("c"), Some("/")) => true, // Đ/c
        (Some(last), prev) => {
            NAME_INTRO_WORDS.contains(last)
                || prev.is_some_and(|prev| {
                    NAME_INTRO_WORDS.entries().any(|w| {
                        w.split_once(' ')
                            .is_some_and(|(first, second)| first == prev && second == last)
                    })
                })
        }
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        names(&Document::from_text(text))
            .iter()
            .map(NameMention::text)
            .collect()
    }

    #[test]
    fn names_by_family_name_and_by_address() {
        assert_eq!(
            found(
                "Đ/c Trần Thị Phương Hoa - TUV, Bí thư Quận ủy phát biểu. Đồng chí Phạm Văn Triển dự họp."
            ),
            vec!["Trần Thị Phương Hoa", "Phạm Văn Triển"]
        );
        assert_eq!(found("Ông Minh Tuấn cho biết."), vec!["Minh Tuấn"]);
        assert_eq!(
            found("Thầy Phạm Quốc Việt phát biểu. Em Võ Ngọc Bảo Trân đạt giải."),
            vec!["Phạm Quốc Việt", "Võ Ngọc Bảo Trân"]
        );
        assert_eq!(
            found("PGS.TS Doãn Thị Hồng Vân và ThS. Vương Đình Huệ dự."),
            vec!["Doãn Thị Hồng Vân", "Vương Đình Huệ"]
        );
        assert_eq!(
            found("Theo ThS. Minh Khang, lớp học mở."),
            vec!["Minh Khang"]
        );
    }

    #[test]
    fn a_family_name_a_mark_away_is_a_slip() {
        let doc = Document::from_text("Thẩm phán Dinh Thị Mai cho biết. Bà Đinh Thị Mai nói.");
        let got: Vec<(String, bool)> = names(&doc)
            .iter()
            .map(|m| (m.text(), m.family_slip))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Dinh Thị Mai".to_string(), true),
                ("Đinh Thị Mai".to_string(), false)
            ]
        );
        // Two syllables are not enough, nor three without the listed spelling beside them.
        assert!(found("Ở Dinh Thầy có lễ hội.").is_empty());
        assert!(found("Quận Cầu Giấy họp. Ông Lê Văn An dự.") == vec!["Lê Văn An"]);
    }

    #[test]
    fn places_and_bodies_are_not_names() {
        assert!(found("Quận Cầu Giấy và phường Nghĩa Tân, Ban Chấp hành Đảng bộ quận.").is_empty());
        assert!(found("Hội nghị Ban Thường vụ Quận ủy.").is_empty());
    }
}
