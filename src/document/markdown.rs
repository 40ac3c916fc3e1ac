//! Markdown: prose from paragraphs, headings, list items and table cells. Code, HTML,
//! link targets and front matter (but its `title`) are not prose and never reach a rule.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{BlockKind, RawBlock, Read, TextBuilder};

/// Stands in the text for an inline piece that is not prose (inline code, inline HTML), so
/// that the words on either side stay apart and no rule sees inside it.
const PLACEHOLDER: &str = "\u{FFFC}";

pub(crate) fn read(source: &str, body_start: usize) -> Read {
    let body = &source[body_start..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut reader = Reader {
        builder: TextBuilder::default(),
        blocks: Vec::new(),
        open: None,
        containers: Vec::new(),
        skip_depth: 0,
        has_title: false,
        comments: Vec::new(),
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        reader.event(source, event, range);
    }
    reader.close_block();
    Read {
        builder: reader.builder,
        blocks: reader.blocks,
        comments: reader.comments,
    }
}

/// The `<!-- ... -->` comments inside a source range.
fn comments_in(source: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut at = range.start;
    while let Some(open) = source[at..range.end].find("<!--") {
        let start = at + open;
        let Some(close) = source[start + 4..range.end].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        out.push(start..end);
        at = end;
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Container {
    Heading,
    Item,
    Other,
}

struct Reader {
    builder: TextBuilder,
    blocks: Vec<RawBlock>,
    /// The block being filled: its kind and where its text starts.
    open: Option<(BlockKind, usize)>,
    containers: Vec<Container>,
    /// Inside code blocks, HTML blocks, metadata, link targets: nothing is prose.
    skip_depth: usize,
    has_title: bool,
    /// Source ranges of HTML comments (where suppressions live).
    comments: Vec<Range<usize>>,
}

impl Reader {
    fn event(&mut self, source: &str, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                comments_in(source, range, &mut self.comments);
                self.close_block();
                self.skip_depth += 1;
            }
            Event::InlineHtml(_) if self.skip_depth == 0 => {
                comments_in(source, range.clone(), &mut self.comments);
                self.ensure_block();
                self.builder.push_standing_for(PLACEHOLDER, range);
            }
            Event::Start(tag) => self.start(source, tag, range),
            Event::End(tag) => self.end(tag),
            _ if self.skip_depth > 0 => {}
            Event::Text(text) => {
                self.ensure_block();
                if source.get(range.clone()) == Some(&*text) {
                    self.builder.push_source(&text, range.start);
                } else {
                    self.builder.push_standing_for(&text, range);
                }
            }
            Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_) => {
                self.ensure_block();
                self.builder.push_standing_for(PLACEHOLDER, range);
            }
            Event::SoftBreak | Event::HardBreak if self.open.is_some() => {
                self.builder.push_standing_for("\n", range);
            }
            _ => {}
        }
    }

    fn start(&mut self, source: &str, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::CodeBlock(_) => {
                self.close_block();
                self.skip_depth += 1;
            }
            Tag::MetadataBlock(_) => {
                self.close_block();
                self.skip_depth += 1;
                self.front_matter(source, range);
            }
            Tag::Image { .. } => self.skip_depth += 1,
            Tag::Heading { .. } => self.open_container(Container::Heading),
            Tag::Item => self.open_container(Container::Item),
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.open_container(Container::Other),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                self.skip_depth = self.skip_depth.saturating_sub(1);
            }
            TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {
                self.close_block();
                self.containers.pop();
            }
            _ => {}
        }
    }

    fn open_container(&mut self, container: Container) {
        self.close_block();
        self.containers.push(container);
    }

    fn ensure_block(&mut self) {
        if self.open.is_some() {
            return;
        }
        let kind = match self
            .containers
            .iter()
            .rev()
            .find(|c| **c != Container::Other)
        {
            Some(Container::Heading) if !self.has_title => BlockKind::Title,
            Some(Container::Heading) => BlockKind::Heading,
            Some(Container::Item) => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        };
        if kind == BlockKind::Title {
            self.has_title = true;
        }
        self.open = Some((kind, self.builder.len()));
    }

    fn close_block(&mut self) {
        if let Some(block) = self.builder.close_block(self.open.take()) {
            self.blocks.push(block);
        }
    }

    /// Takes `title:` (YAML) or `title =` (TOML) from front matter as the headline, and
    /// the publication date (`date`, `publishDate`, `pubDate`, `published`, written
    /// `YYYY-MM-DD...`) as a metadata line, as a plain-text "Ngày đăng" line would be.
    fn front_matter(&mut self, source: &str, range: Range<usize>) {
        let mut offset = range.start;
        let (mut title_done, mut date_done) = (false, false);
        for line in source[range].split_inclusive('\n') {
            let key = |names: &[&str]| {
                names.iter().find_map(|name| {
                    let rest = line.strip_prefix(name)?;
                    let after = rest.trim_start_matches([' ', '\t']);
                    let sep = after
                        .strip_prefix(':')
                        .or_else(|| after.strip_prefix('='))?;
                    Some(line.len() - sep.len())
                })
            };
            let value_at = |key_len: usize| {
                let value = line[key_len..].trim_end_matches(['\n', '\r']);
                let lead = value.len() - value.trim_start().len();
                let value = value.trim();
                let unquoted = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')));
                match unquoted {
                    Some(inner) => (inner, offset + key_len + lead + 1),
                    None => (value, offset + key_len + lead),
                }
            };
            if !title_done && let Some(key_len) = key(&["title"]) {
                title_done = true;
                let (text, at) = value_at(key_len);
                if !text.is_empty() {
                    self.push_front_matter_block(text, at, BlockKind::Title);
                    self.has_title = true;
                }
            } else if !date_done
                && let Some(key_len) = key(&["date", "publishDate", "pubDate", "published"])
            {
                date_done = true;
                let (text, at) = value_at(key_len);
                if let Some(day) = text.get(..10).filter(|d| is_iso_date(d)) {
                    self.push_front_matter_block(day, at, BlockKind::Meta);
                }
            }
            offset += line.len();
        }
    }

    fn push_front_matter_block(&mut self, text: &str, at: usize, kind: BlockKind) {
        let start = self.builder.len();
        self.builder.push_source(text, at);
        self.blocks.push(RawBlock {
            kind,
            range: start..self.builder.len(),
        });
        self.builder.push_standing_for("\n", at..at);
    }
}

/// `YYYY-MM-DD`.
fn is_iso_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use crate::document::{BlockKind, Document, Format};

    fn blocks(source: &str) -> Vec<(BlockKind, String)> {
        Document::parse(source, 0, Format::Markdown).block_texts()
    }

    #[test]
    fn headings_paragraphs_and_items() {
        assert_eq!(
            blocks(
                "# Hội nghị lần thứ 8\n\nĐoạn **một** câu.\n\n- mục một\n- mục hai\n\n## Phần hai\n"
            ),
            vec![
                (BlockKind::Title, "Hội nghị lần thứ 8".into()),
                (BlockKind::Paragraph, "Đoạn một câu.".into()),
                (BlockKind::ListItem, "mục một".into()),
                (BlockKind::ListItem, "mục hai".into()),
                (BlockKind::Heading, "Phần hai".into()),
            ]
        );
    }

    #[test]
    fn code_comments_and_front_matter_are_not_prose() {
        let got = blocks(
            "---\ntitle: \"Kỳ họp thứ 9\"\ntags: [a  b]\n---\n\nDùng `a  ninh` ở đây.\n\n```\nA ninh  x\n```\n\n<!-- A ninh -->\n",
        );
        assert_eq!(
            got,
            vec![
                (BlockKind::Title, "Kỳ họp thứ 9".into()),
                (BlockKind::Paragraph, "Dùng \u{FFFC} ở đây.".into()),
            ]
        );
    }

    #[test]
    fn spans_map_back_through_markup_and_entities() {
        let source = "Một *câu* có &amp; ký hiệu.\n";
        let doc = Document::parse(source, 0, Format::Markdown);
        let at = doc.text.find("ký").unwrap();
        let mapped = doc.map.source_range(at..at + "ký".len());
        assert_eq!(&source[mapped], "ký");
        let amp = doc.text.find('&').unwrap();
        assert_eq!(&source[doc.map.source_range(amp..amp + 1)], "&amp;");
    }

    #[test]
    fn front_matter_date_is_the_publication_line() {
        let source = "---\ntitle = \"Tin\"\ndate = 2024-06-27T08:00:00+07:00\n---\nThân bài.\n";
        let doc = Document::parse(source, 0, Format::Markdown);
        let meta = doc
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Meta)
            .unwrap();
        assert_eq!(
            &source[doc.map.source_range(meta.range.clone())],
            "2024-06-27"
        );
        use crate::analysis::Facts;
        assert_eq!(doc.dates().publication.as_ref().unwrap().0, (2024, 6, 27));
        let undated = Document::parse("---\ndate: soon\n---\nThân bài.\n", 0, Format::Markdown);
        assert!(undated.blocks.iter().all(|b| b.kind != BlockKind::Meta));
    }

    #[test]
    fn front_matter_title_maps_to_its_bytes() {
        let source = "---\ntitle: 'Hội nghị lần thứ 3'\n---\nThân bài.\n";
        let doc = Document::parse(source, 0, Format::Markdown);
        let title = &doc.blocks[0];
        assert_eq!(
            &source[doc.map.source_range(title.range.clone())],
            "Hội nghị lần thứ 3"
        );
    }
}
