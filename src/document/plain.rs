//! Plain text: one block per non-empty line, kinds told from the line's shape.

use super::{BlockKind, RawBlock, Read, TextBuilder};
use crate::text::publication::is_publication_line;

/// Whether a line is a suppression directive (`vnlint-disable-next-line rule`): not prose.
fn is_directive(line: &str) -> bool {
    ["vnlint-disable", "vnlint-enable"].iter().any(|d| {
        line.strip_prefix(d)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '-', '\t']))
    })
}

pub(crate) fn read(source: &str, body_start: usize) -> Read {
    let mut builder = TextBuilder::default();
    let mut blocks = Vec::new();
    let mut comments = Vec::new();
    let mut line_start = body_start;
    let body = &source[body_start..];
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let leading = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if is_directive(trimmed) {
            comments.push(line_start + leading..line_start + leading + trimmed.len());
        } else if !trimmed.is_empty() {
            let start = builder.len();
            builder.push_source(trimmed, line_start + leading);
            blocks.push(RawBlock {
                kind: BlockKind::Paragraph,
                range: start..builder.len(),
            });
            let end = line_start + leading + trimmed.len();
            builder.push_standing_for("\n", end..end);
        }
        line_start += line.len();
    }
    classify(&builder.text, &mut blocks);
    Read {
        builder,
        blocks,
        comments,
    }
}

/// Lines whose kinds are partly known (a Word document's paragraphs): one block per
/// non-empty line, the style's kind `kinds[i]` for line `i` where it is not a plain paragraph.
pub(crate) fn read_lines(source: &str, kinds: &[BlockKind]) -> Read {
    let mut read = read(source, 0);
    if !kinds.is_empty() {
        let line_of_block = source
            .split_inclusive('\n')
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !is_directive(l.trim()))
            .map(|(i, _)| i);
        // A style the writer chose wins; plain paragraphs keep the kind their shape gives
        // (a headline typed in bold is still the headline).
        let styled_title = kinds.contains(&BlockKind::Title);
        for (block, i) in read.blocks.iter_mut().zip(line_of_block) {
            match kinds.get(i) {
                Some(&kind) if kind != BlockKind::Paragraph => block.kind = kind,
                // The styled headline is the only one.
                _ if styled_title && block.kind == BlockKind::Title => {
                    block.kind = BlockKind::Heading
                }
                _ => {}
            }
        }
    }
    read
}

fn classify(text: &str, blocks: &mut [RawBlock]) {
    let mut title_open = true;
    for block in blocks.iter_mut() {
        let line = &text[block.range.clone()];
        block.kind = kind_of(line);
        if title_open {
            match block.kind {
                // A date, a source tag or a publication line above the headline.
                BlockKind::Meta => continue,
                BlockKind::Heading if is_kicker(line) => continue,
                BlockKind::Heading => block.kind = BlockKind::Title,
                _ => {}
            }
            title_open = false;
        }
    }
}

fn kind_of(line: &str) -> BlockKind {
    if is_publication_line(line) || is_dateline(line) || is_source_tag(line) {
        return BlockKind::Meta;
    }
    if is_list_marker(line) {
        return BlockKind::ListItem;
    }
    // A heading: no closing punctuation, at most 30 words and 250 characters (counted only
    // that far: a paragraph can be long).
    let ends_with_punctuation = line.ends_with(['.', ',', ';', ':', '…']);
    if !ends_with_punctuation
        && line.split_whitespace().nth(30).is_none()
        && line.chars().nth(250).is_none()
    {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// Words a line holding only a date and time may have ("Thứ Hai, 06/07/2025 - 14:02").
const DATELINE_WORDS: &[&str] = &[
    "ngày", "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "lúc", "gmt", "sa", "ch",
    "am", "pm",
];

/// The longest line taken for a date line, in bytes.
const DATELINE_MAX_LEN: usize = 80;

/// A line that is only a date, with its weekday and time: "Ngày 06/07/2025", "06-07-2025
/// 14:02", "Thứ Hai, 6/7/2025".
fn is_dateline(line: &str) -> bool {
    // Most lines are prose: out on their length.
    if line.len() > DATELINE_MAX_LEN {
        return false;
    }
    let has_date = line
        .split(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-' || c == '.'))
        .any(|piece| {
            let parts: Vec<&str> = piece.split(['/', '-', '.']).collect();
            parts.len() == 3
                && parts.iter().all(|p| !p.is_empty() && p.len() <= 4)
                && parts[2].len() == 4
        });
    has_date
        && line.split_whitespace().count() <= 8
        && line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| DATELINE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A news agency's tag alone on its line, before the headline or the lead: "(TTV) -",
/// "(PLM) –".
fn is_source_tag(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('(') else {
        return false;
    };
    let Some((tag, after)) = rest.split_once(')') else {
        return false;
    };
    !tag.is_empty()
        && tag.chars().count() <= 12
        && !tag.chars().any(char::is_lowercase)
        && matches!(after.trim(), "-" | "–" | "—")
}

/// "- ", "* ", "• ", "1. ", "2) ", "a) ".
fn is_list_marker(line: &str) -> bool {
    if ["- ", "* ", "• ", "+ "].iter().any(|m| line.starts_with(m)) {
        return true;
    }
    let marker_len = line
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count()
        .max(usize::from(
            line.starts_with(|c: char| c.is_ascii_lowercase()),
        ));
    marker_len > 0
        && marker_len <= 3
        && (line[marker_len..].starts_with(". ") || line[marker_len..].starts_with(") "))
}

/// A short line in capitals above the headline: a category ("CÔNG TÁC ĐẢNG").
fn is_kicker(line: &str) -> bool {
    line.split_whitespace().count() <= 6 && !line.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_found_below_a_date_and_a_source_tag() {
        let text = "Ngày 06/07/2025\nTHỜI SỰ\nHĐND phường khai mạc Kỳ họp thứ 25\n\nSáng 5/7, kỳ họp khai mạc.\n";
        let kinds: Vec<BlockKind> = read(text, 0).blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Meta,
                BlockKind::Heading,
                BlockKind::Title,
                BlockKind::Paragraph
            ]
        );
        let text = "(TTV) -\nHội nghị lần thứ 27\n\nNgày 24/10, hội nghị họp.\n";
        let kinds: Vec<BlockKind> = read(text, 0).blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Meta, BlockKind::Title, BlockKind::Paragraph]
        );
    }

    #[test]
    fn prose_with_a_date_is_not_a_dateline() {
        assert!(is_dateline("Thứ Hai, 06/07/2025 - 14:02"));
        assert!(!is_dateline("Ngày 06/07/2025 phường họp"));
        assert!(!is_source_tag("(Xem thêm) -"));
    }
}
