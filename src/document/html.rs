//! HTML: the text of the body, read with an HTML5 tokenizer. `<title>` is the headline
//! (else the first `<h1>`), other headings are headings; scripts, styles, templates and
//! attributes are not prose; character references are decoded with their positions kept.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{BlockKind, RawBlock, Read, TextBuilder};

/// Elements whose content is never prose.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "code", "pre",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "figcaption",
    "caption",
    "br",
    "hr",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "form",
    "address",
    "body",
    "html",
    "head",
];

pub(crate) fn read(source: &str, body_start: usize) -> Read {
    let body = &source[body_start..];
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut reader = Reader {
        builder: TextBuilder::default(),
        blocks: Vec::new(),
        comments: Vec::new(),
        open: None,
        kind: None,
        skip: Vec::new(),
        has_title: false,
    };
    for token in Tokenizer::new_with_emitter(body, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                reader.start(&name, tag.self_closing);
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                reader.end(&name);
            }
            Token::String(text) => {
                if reader.skip.is_empty() {
                    let range = text.span.start + body_start..text.span.end + body_start;
                    let decoded = String::from_utf8_lossy(&text.value).into_owned();
                    reader.text(source, range, &decoded);
                }
            }
            Token::Comment(comment) => {
                let range = comment.span.start + body_start..comment.span.end + body_start;
                reader.comment(range);
            }
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    reader.close_block();
    Read {
        builder: reader.builder,
        blocks: reader.blocks,
        comments: reader.comments,
    }
}

struct Reader {
    builder: TextBuilder,
    blocks: Vec<RawBlock>,
    comments: Vec<Range<usize>>,
    /// The block being filled: its kind and where its text starts.
    open: Option<(BlockKind, usize)>,
    /// The kind new text gets (from the innermost heading or list item).
    kind: Option<BlockKind>,
    /// Open elements whose content is skipped.
    skip: Vec<String>,
    has_title: bool,
}

impl Reader {
    fn start(&mut self, name: &str, self_closing: bool) {
        if SKIPPED.contains(&name) && !self_closing {
            self.skip.push(name.to_string());
            return;
        }
        if !self.skip.is_empty() {
            return;
        }
        match name {
            "title" => self.begin(BlockKind::Title),
            "h1" if !self.has_title => self.begin(BlockKind::Title),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.begin(BlockKind::Heading),
            "li" => self.begin(BlockKind::ListItem),
            _ if BLOCKS.contains(&name) => self.close_block(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip.last().is_some_and(|s| s == name) {
            self.skip.pop();
            return;
        }
        if !self.skip.is_empty() {
            return;
        }
        match name {
            "title" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" => {
                self.close_block();
                self.kind = None;
            }
            _ if BLOCKS.contains(&name) => self.close_block(),
            _ => {}
        }
    }

    fn begin(&mut self, kind: BlockKind) {
        self.close_block();
        if kind == BlockKind::Title {
            self.has_title = true;
        }
        self.kind = Some(kind);
    }

    fn text(&mut self, source: &str, range: Range<usize>, decoded: &str) {
        if decoded.trim().is_empty() {
            if self.open.is_some() && !decoded.is_empty() {
                self.builder.push_standing_for(" ", range);
            }
            return;
        }
        if self.open.is_none() {
            let kind = self.kind.unwrap_or(BlockKind::Paragraph);
            self.open = Some((kind, self.builder.len()));
        }
        push_aligned(&mut self.builder, source, range, decoded);
    }

    fn comment(&mut self, range: Range<usize>) {
        self.comments.push(range);
    }

    fn close_block(&mut self) {
        if let Some(block) = self.builder.close_block(self.open.take()) {
            self.blocks.push(block);
        }
    }
}

/// Appends decoded text whose source may hold character references: the plain runs map
/// byte for byte, each reference stands for its source as a whole.
fn push_aligned(builder: &mut TextBuilder, source: &str, range: Range<usize>, decoded: &str) {
    let raw = &source[range.clone()];
    if raw == decoded {
        builder.push_source(raw, range.start);
        return;
    }
    // Split the source into plain runs and references, and find each run in the decoded text.
    let mut pieces: Vec<(Range<usize>, bool)> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let reference_len = raw[i..]
            .starts_with('&')
            .then(|| reference_len(&raw[i..]))
            .flatten();
        match reference_len {
            Some(len) => {
                pieces.push((i..i + len, true));
                i += len;
            }
            None => {
                let after = i + raw[i..].chars().next().map_or(1, char::len_utf8);
                let next = raw[after..].find('&').map_or(raw.len(), |n| after + n);
                pieces.push((i..next, false));
                i = next;
            }
        }
    }
    let mut at = 0;
    let mut plan: Vec<(Range<usize>, Range<usize>)> = Vec::new(); // (raw, decoded)
    for (k, (piece, is_ref)) in pieces.iter().enumerate() {
        if !is_ref {
            let text = &raw[piece.clone()];
            if !decoded[at..].starts_with(text) {
                plan.clear();
                break;
            }
            plan.push((piece.clone(), at..at + text.len()));
            at += text.len();
        } else {
            // A reference decodes to what lies before the next plain run.
            let until = pieces[k + 1..]
                .iter()
                .find(|(_, r)| !r)
                .and_then(|(p, _)| decoded[at..].find(&raw[p.clone()]).map(|n| at + n))
                .unwrap_or(decoded.len());
            plan.push((piece.clone(), at..until));
            at = until;
        }
    }
    if plan.is_empty() || at != decoded.len() {
        builder.push_standing_for(decoded, range);
        return;
    }
    for ((raw_range, decoded_range), (_, is_ref)) in plan.into_iter().zip(&pieces) {
        let start = range.start + raw_range.start;
        if *is_ref {
            builder.push_standing_for(&decoded[decoded_range], start..range.start + raw_range.end);
        } else {
            builder.push_source(&raw[raw_range], start);
        }
    }
}

/// The length of a character reference at the start of `s` (`&amp;`, `&#7897;`, `&#x1EA1;`).
fn reference_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('&')?;
    let len = body
        .bytes()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    if len == 0 {
        return None;
    }
    Some(1 + len + usize::from(body[len..].starts_with(';')))
}

#[cfg(test)]
mod tests {
    use crate::document::{BlockKind, Document, Format};

    fn blocks(source: &str) -> Vec<(BlockKind, String)> {
        Document::parse(source, 0, Format::Html).block_texts()
    }

    #[test]
    fn title_headings_paragraphs_and_items() {
        let html = "<!doctype html><html><head><title>Hội nghị lần thứ 8</title><style>p { color: red }</style></head>\
            <body><h1>Tin chính</h1><p>Đoạn <b>một</b> câu.</p><ul><li>mục một</li></ul><script>var a = 'A ninh';</script></body></html>";
        assert_eq!(
            blocks(html),
            vec![
                (BlockKind::Title, "Hội nghị lần thứ 8".into()),
                (BlockKind::Heading, "Tin chính".into()),
                (BlockKind::Paragraph, "Đoạn một câu.".into()),
                (BlockKind::ListItem, "mục một".into()),
            ]
        );
    }

    #[test]
    fn references_are_decoded_and_spans_map_back() {
        let html = "<p>Giải ph&oacute;ng &amp; A ninh</p>";
        let doc = Document::parse(html, 0, Format::Html);
        assert_eq!(
            &doc.text[doc.blocks[0].range.clone()],
            "Giải phóng & A ninh"
        );
        let at = doc.text.find("A ninh").unwrap();
        assert_eq!(
            &html[doc.map.source_range(at..at + "A ninh".len())],
            "A ninh"
        );
        let at = doc.text.find("phóng").unwrap();
        assert_eq!(
            &html[doc.map.source_range(at..at + "phóng".len())],
            "ph&oacute;ng"
        );
    }

    #[test]
    fn a_bare_ampersand_before_multibyte_text_is_read() {
        let html = "<p>đ&amp;ư &# Hội</p>";
        let doc = Document::parse(html, 0, Format::Html);
        assert_eq!(&doc.text[doc.blocks[0].range.clone()], "đ&ư &# Hội");
        let at = doc.text.find("Hội").unwrap();
        assert_eq!(&html[doc.map.source_range(at..at + "Hội".len())], "Hội");
    }

    #[test]
    fn comments_are_kept_for_suppressions() {
        let html = "<p>Một</p><!-- vnlint-disable-file --><p>Hai</p>";
        let doc = Document::parse(html, 0, Format::Html);
        let spans: Vec<&str> = doc.comments.iter().map(|r| &html[r.clone()]).collect();
        assert_eq!(spans, vec!["<!-- vnlint-disable-file -->"]);
    }

    #[test]
    fn attributes_are_not_prose_and_malformed_html_is_read() {
        let html = "<p title=\"A ninh\">Xin chào<p>Đoạn hai <b>chưa đóng";
        assert_eq!(
            blocks(html),
            vec![
                (BlockKind::Paragraph, "Xin chào".into()),
                (BlockKind::Paragraph, "Đoạn hai chưa đóng".into()),
            ]
        );
    }
}
