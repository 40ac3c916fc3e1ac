//! Plain text: one block per paragraph, kinds told from the block's shape. A paragraph is
//! a non-empty line and the lines that continue its sentence (hard-wrapped text).

use super::{BlockKind, RawBlock, Read, TextBuilder};
use crate::lists::{NAME_BREAK_WORDS, NEVER_DOUBLED_WORDS};
use crate::text::case::{Case, case_of};
use crate::text::publication::is_publication_line;
use crate::text::syllable;

/// Whether a line is a suppression directive (`vnlint-disable-next-line rule`): not prose.
fn is_directive(line: &str) -> bool {
    ["vnlint-disable", "vnlint-enable"].iter().any(|d| {
        line.strip_prefix(d)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '-', '\t']))
    })
}

pub(crate) fn read(source: &str, body_start: usize) -> Read {
    read_with(source, body_start, true)
}

/// The block being filled: where its text starts, its last line, and where that line ends
/// in the source.
struct OpenBlock<'a> {
    start: usize,
    last_line: &'a str,
    source_end: usize,
}

/// Reads the lines; with `join_wrapped`, a line that continues the sentence of the line
/// above (a hard wrap, as pasted from a PDF or a portal) joins that line's block, with a
/// space standing for the line break.
fn read_with(source: &str, body_start: usize, join_wrapped: bool) -> Read {
    let mut builder = TextBuilder::default();
    let mut blocks = Vec::new();
    let mut comments = Vec::new();
    let mut open: Option<OpenBlock> = None;
    let mut line_start = body_start;
    let body = &source[body_start..];
    let close = |builder: &mut TextBuilder, blocks: &mut Vec<RawBlock>, open: Option<OpenBlock>| {
        if let Some(block) = open {
            blocks.push(RawBlock {
                kind: BlockKind::Paragraph,
                range: block.start..builder.len(),
            });
            builder.push_standing_for("\n", block.source_end..block.source_end);
        }
    };
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let leading = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        let at = line_start + leading;
        if is_directive(trimmed) {
            close(&mut builder, &mut blocks, open.take());
            comments.push(at..at + trimmed.len());
        } else if trimmed.is_empty() {
            close(&mut builder, &mut blocks, open.take());
        } else if let Some(block) = open
            .as_mut()
            .filter(|b| join_wrapped && continues(b.last_line, trimmed))
        {
            builder.push_standing_for(" ", block.source_end..at);
            builder.push_source(trimmed, at);
            block.last_line = trimmed;
            block.source_end = at + trimmed.len();
        } else {
            close(&mut builder, &mut blocks, open.take());
            let start = builder.len();
            builder.push_source(trimmed, at);
            open = Some(OpenBlock {
                start,
                last_line: trimmed,
                source_end: at + trimmed.len(),
            });
        }
        line_start += line.len();
    }
    close(&mut builder, &mut blocks, open.take());
    classify(&builder.text, &mut blocks);
    Read {
        builder,
        blocks,
        comments,
    }
}

/// Whether `next` continues the sentence that `line` leaves open: `line` ends with no mark
/// that closes a sentence or introduces what follows, is no date, source tag or
/// publication line, and `next` is no list item and starts with a lower-case Vietnamese
/// syllable ("… thống nhất nội" / "dung, chương trình …"), or with a capitalised word or
/// a number after a comma or a function word no sentence or heading ends with ("… của" /
/// "Ủy ban nhân dân …"). A heading above a capitalised line is never joined.
fn continues(line: &str, next: &str) -> bool {
    let last = line
        .trim_end_matches(['”', '’', '"', '\'', ')', ']', '»'])
        .chars()
        .next_back();
    if last.is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';'))
        || is_list_marker(next)
        || kind_of(line) == BlockKind::Meta
    {
        return false;
    }
    let first = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let left_open = || {
        line.ends_with(',')
            || line
                .rsplit(' ')
                .next()
                .is_some_and(|w| NAME_BREAK_WORDS.contains(w) || NEVER_DOUBLED_WORDS.contains(w))
    };
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return left_open();
    }
    match case_of(first) {
        _ if first.is_empty() => false,
        Case::Lower => syllable::is_syllable(first),
        Case::Capitalized => {
            first.chars().nth(1).is_some() && syllable::is_syllable(first) && left_open()
        }
        // An acronym: "UBND", "HĐND".
        Case::Upper => left_open(),
        Case::Mixed => false,
    }
}

/// Lines whose kinds are partly known (a Word document's paragraphs): one block per
/// non-empty line, the style's kind `kinds[i]` for line `i` where it is not a plain paragraph.
pub(crate) fn read_lines(source: &str, kinds: &[BlockKind]) -> Read {
    // A Word paragraph is one line: lines are never joined.
    let mut read = read_with(source, 0, false);
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
            // A navigation path above the headline: read as it is, the headline is below.
            if is_breadcrumb(line) {
                continue;
            }
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
    "ngày", "tháng", "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "lúc", "gmt",
    "sa", "ch", "am", "pm",
];

/// The most words of a place before a dateline's date ("Thành phố Hồ Chí Minh").
const PLACE_WORDS: usize = 5;

/// The longest line taken for a date line, in bytes.
const DATELINE_MAX_LEN: usize = 80;

/// A line that is only a date, with its weekday and time: "Ngày 06/07/2025", "06-07-2025
/// 14:02", "Thứ Hai, 6/7/2025".
fn is_dateline(line: &str) -> bool {
    // Most lines are prose: out on their length.
    if line.len() > DATELINE_MAX_LEN {
        return false;
    }
    // A place before the date, as documents date themselves: "Hà Nội, ngày 27 tháng 6 năm
    // 2024", "Nghệ An, thứ Bảy 21/6/2025": capitalised words, then a comma.
    let line = match line.split_once(", ") {
        Some((place, rest))
            if place.split_whitespace().count() <= PLACE_WORDS
                && place.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(char::is_alphabetic)
                })
                && !DATELINE_WORDS.contains(&place.to_lowercase().as_str())
                && !place
                    .split_whitespace()
                    .any(|w| DATELINE_WORDS.contains(&w.to_lowercase().as_str())) =>
        {
            rest
        }
        _ => line,
    };
    // "ngày 27 tháng 6 năm 2024": the date in words.
    let words_date = {
        let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
        words.windows(5).any(|w| {
            w[1] == "tháng"
                && w[3] == "năm"
                && [&w[0], &w[2]]
                    .iter()
                    .all(|n| n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
                && w[4].len() == 4
                && w[4].bytes().all(|b| b.is_ascii_digit())
        })
    };
    let has_date = words_date
        || line
            .split(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-' || c == '.'))
            .any(|piece| {
                // Three parts of one to four characters, the last of four ("27/06/2024"),
                // read without collecting them (every piece of a short line is asked).
                let mut parts = piece.split(['/', '-', '.']);
                let mut part = || parts.next().filter(|p| !p.is_empty() && p.len() <= 4);
                part().is_some()
                    && part().is_some()
                    && part().is_some_and(|p| p.len() == 4)
                    && parts.next().is_none()
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

/// A short line in one case above the headline: a category, in capitals ("CÔNG TÁC ĐẢNG")
/// or in lower case ("văn hóa - xã hội"); a headline starts with a capital and goes on in
/// lower case.
fn is_kicker(line: &str) -> bool {
    line.split_whitespace().count() <= 6
        && (!line.chars().any(char::is_lowercase) || !line.chars().any(char::is_uppercase))
}

/// A portal's navigation path copied with the page: "> Tin tức > Tin hoạt động > Phát biểu
/// ...", its parts joined by " > " (two joins at least, or one after a leading "> ").
fn is_breadcrumb(line: &str) -> bool {
    let joins = line.matches(" > ").count() + usize::from(line.starts_with("> "));
    joins >= 2 && !line.contains('<')
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
    fn headline_found_below_a_breadcrumb_and_a_lower_case_section_tag() {
        let kinds = |text: &str| -> Vec<BlockKind> {
            read(text, 0).blocks.iter().map(|b| b.kind).collect()
        };
        assert_eq!(
            kinds(
                "> Trang chủ > Tin tức > Xã họp Hội đồng nhân dân\n\nXã họp Hội đồng nhân dân khóa III\n\nSáng 2/3, xã họp.\n"
            ),
            [BlockKind::Heading, BlockKind::Title, BlockKind::Paragraph]
        );
        assert_eq!(
            kinds(
                "tin địa phương\n\nPhường khai mạc Đại hội lần thứ IV\n\nSáng 2/3, phường họp.\n"
            ),
            [BlockKind::Heading, BlockKind::Title, BlockKind::Paragraph]
        );
        // One " > " in a sentence is no path; a headline in mixed case is no section tag.
        assert!(!is_breadcrumb("Tỷ lệ đạt > 90% so với kế hoạch"));
        assert!(!is_kicker("Phường khai mạc Đại hội"));
    }

    #[test]
    fn prose_with_a_date_is_not_a_dateline() {
        assert!(is_dateline("Thứ Hai, 06/07/2025 - 14:02"));
        assert!(!is_dateline("Ngày 06/07/2025 phường họp"));
        // A place, then the date: how documents date themselves.
        assert!(is_dateline("Hà Nội, ngày 27 tháng 6 năm 2024"));
        assert!(is_dateline("Nghệ An, thứ Bảy 21/6/2025"));
        assert!(is_dateline("Hội An, ngày 25/7/2025"));
        assert!(!is_dateline("Hà Nội, ngày 27/6/2025 phường họp"));
        assert!(!is_dateline("Sáng nay, ngày 27/6/2025"));
        assert!(!is_source_tag("(Xem thêm) -"));
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_one_block_mapped_to_the_bytes_as_read() {
        let source = "Tiêu đề ngắn\nHĐND huyện thống nhất nội  \r\n  dung (kỳ họp thứ nhất,\nChủ tịch dự).\nĐoạn sau.\n";
        let read = read(source, 0);
        let texts: Vec<&str> = read
            .blocks
            .iter()
            .map(|b| &read.builder.text[b.range.clone()])
            .collect();
        assert_eq!(
            texts,
            [
                "Tiêu đề ngắn",
                "HĐND huyện thống nhất nội dung (kỳ họp thứ nhất, Chủ tịch dự).",
                "Đoạn sau."
            ]
        );
        let text = &read.builder.text;
        let map = &read.builder.map;
        let word = text.find("dung").unwrap();
        assert_eq!(&source[map.source_range(word..word + 4)], "dung");
        // The joining space stands for the whole line break, and no fix may write over it.
        let space = word - 1;
        assert_eq!(&source[map.source_range(space..word)], "  \r\n  ");
        assert!(!map.is_contiguous(space - 3..word + 4));
        let chu = text.find("Chủ").unwrap();
        assert_eq!(
            &source[map.source_range(chu..chu + "Chủ tịch".len())],
            "Chủ tịch"
        );
    }

    #[test]
    fn headings_list_items_capitals_and_closed_sentences_are_not_joined() {
        for text in [
            "Mục tiêu chung\nTăng cường công tác.\n",
            "Kế hoạch gồm:\nphần một.\n",
            "Việc đã xong.\nviệc tiếp theo.\n",
            "Các nội dung sau,\n- tổ chức hội nghị.\n",
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n",
            "Tin mới nhất\nNgày 06/07/2025\n",
            "Ngày 06/07/2025\nphường họp.\n",
            "Báo cáo kết quả thực hiện\nUBND phường họp.\n",
            "Đính kèm tệp\nintNumViewTotal=447\n",
        ] {
            assert_eq!(read(text, 0).blocks.len(), 2, "{text:?}");
        }
        for text in [
            "Nhóm A, nhóm B,\nUBND phường họp.\n",
            "Sáng nay, đại diện lãnh đạo của\nỦy ban nhân dân phường dự.\n",
            "Hội nghị có sự tham gia của\n250 đại biểu.\n",
        ] {
            assert_eq!(read(text, 0).blocks.len(), 1, "{text:?}");
        }
        // Word paragraphs are never joined.
        assert_eq!(
            read_lines("Thống nhất nội\ndung họp.\n", &[]).blocks.len(),
            2
        );
    }
}
