//! Readers turn a file's bytes into a [`Document`]: the prose as NFC text, a map from every
//! text offset back to the bytes as read, the blocks with their kind, and the tokens.

mod builder;
pub mod docx;
mod html;
mod lexicon;
mod markdown;
mod plain;
mod source_map;

use std::any::Any;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

pub use builder::TextBuilder;
#[cfg(test)]
pub(crate) use lexicon::tests::MAX_WORDS as TEST_MAX_WORDS;
pub use lexicon::{Lexicon, WordInfo};
pub use source_map::{ProseRanges, SourceGaps, SourceMap};

use crate::text::case::Case;
use crate::text::numbers::{self, NumberStyle};
use crate::text::publication::is_publication_line;
use crate::text::syllable::{IllFormed, Syllable};
use crate::text::tokens::{Token, TokenKind, tokenize_into};

/// The input formats vnlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
    /// Word: read with [`docx::extract`] first; the source is then one paragraph per line.
    Docx,
}

impl Format {
    /// The format a file name implies: Markdown for `.md`/`.markdown`, HTML for
    /// `.html`/`.htm`, plain text otherwise.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("docx") => Format::Docx,
            _ => Format::Plain,
        }
    }
}

/// A document's markup without its text (Markdown events, HTML tokens; nothing for plain
/// text and Word): what a fix to the prose must leave unchanged.
pub fn markup(source: &str, format: Format) -> Vec<String> {
    match format {
        Format::Markdown => markdown::markup(source),
        Format::Html => html::markup(source),
        Format::Plain | Format::Docx => Vec::new(),
    }
}

/// What a block of prose is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The document's headline.
    Title,
    /// Any other heading: a kicker ("CÔNG TÁC ĐẢNG"), a section title, a caption.
    Heading,
    Paragraph,
    ListItem,
    /// A metadata line: "Ngày đăng 27/06/2024 | 14:46".
    Meta,
}

/// A block of prose: its kind, its text range and its tokens.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// What a reader returns: the prose, its blocks, and the comments (where suppressions live).
pub(crate) struct Read {
    pub builder: TextBuilder,
    pub blocks: Vec<RawBlock>,
    pub comments: Vec<Range<usize>>,
}

/// A piece of prose a reader found, before tokenising.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub range: Range<usize>,
}

/// A document ready for the rules.
#[derive(Debug)]
pub struct Document {
    /// The analysed text: prose only, NFC.
    pub text: String,
    /// Text offsets back to the source bytes.
    pub map: SourceMap,
    pub blocks: Vec<Block>,
    pub tokens: Vec<Token>,
    /// Every distinct word, analysed once.
    pub lexicon: Lexicon,
    /// How this document writes its numbers.
    pub number_style: NumberStyle,
    /// Source byte ranges of comments (Markdown `<!-- -->`, plain-text directive lines).
    pub comments: Vec<Range<usize>>,
    /// Facts computed from the document on first use and shared by every rule (dates,
    /// sentences: see `crate::analysis`). The document only keeps them; it does not know
    /// their types.
    facts: [OnceLock<Box<dyn Any + Send + Sync>>; FACT_SLOTS],
    /// Whether each block is legacy-encoded text, decided for a block on first use.
    legacy_blocks: Vec<OnceLock<bool>>,
}

/// A source while its document is checked (see [`Document::parse_detached`]).
#[derive(Debug)]
pub enum HeldSource {
    /// Kept whole: the text and its map could not rebuild it.
    Whole(String),
    /// What the document's text and map cannot rebuild.
    Gaps(SourceGaps),
}

/// How many facts a document can keep (see [`Document::fact`]).
pub const FACT_SLOTS: usize = 4;

impl Document {
    /// Builds a document from the decoded source. `body_start` skips a byte-order mark.
    pub fn parse(source: &str, body_start: usize, format: Format) -> Document {
        let read = Self::read(source, body_start, format);
        let mut doc = Document::from_parts(read.builder, read.blocks);
        doc.comments = read.comments;
        doc
    }

    /// [`Document::parse`] of a source given away. The source is let go before the tokens
    /// are built and held meanwhile as what the text does not hold already, so a long file is
    /// not in memory twice while the rules run; [`HeldSource::restore`] gives it back.
    pub fn parse_detached(
        source: String,
        body_start: usize,
        format: Format,
    ) -> (Document, HeldSource) {
        let read = Self::read(&source, body_start, format);
        let held = match read.builder.map.detach(&source, &read.builder.text) {
            Some(gaps) => {
                drop(source);
                HeldSource::Gaps(gaps)
            }
            None => HeldSource::Whole(source),
        };
        let mut doc = Document::from_parts(read.builder, read.blocks);
        doc.comments = read.comments;
        (doc, held)
    }

    fn read(source: &str, body_start: usize, format: Format) -> Read {
        match format {
            Format::Plain => plain::read(source, body_start),
            Format::Markdown => markdown::read(source, body_start),
            Format::Html => html::read(source, body_start),
            Format::Docx => plain::read_lines(source, &[]),
        }
    }

    /// A Word document's paragraphs (one per line of `text`), with their kinds.
    pub fn from_docx(text: &docx::DocxText) -> Document {
        let read = plain::read_lines(&text.text, &text.kinds);
        Document::from_parts(read.builder, read.blocks)
    }

    /// A plain-text document from a string (no BOM): the shortcut tests and the API use.
    pub fn from_text(text: &str) -> Document {
        Document::parse(text, 0, Format::Plain)
    }

    fn from_parts(builder: TextBuilder, raw: Vec<RawBlock>) -> Document {
        let TextBuilder { text, map } = builder;
        // Vietnamese prose has about one token per 2.9 bytes (press releases and Wikipedia
        // alike): a third of the length fell just short and made the vector double (and
        // copy) at the end; half is room enough for a text with more digits and marks.
        let mut tokens = Vec::with_capacity(text.len() / 2);
        let blocks: Vec<Block> = raw
            .into_iter()
            .map(|b| {
                let first = tokens.len();
                tokenize_into(&text, b.range.clone(), &mut tokens);
                // Every reader's paragraph that is a site's publication line is metadata.
                let kind = match b.kind {
                    BlockKind::Paragraph if is_publication_line(&text[b.range.clone()]) => {
                        BlockKind::Meta
                    }
                    kind => kind,
                };
                Block {
                    kind,
                    range: b.range,
                    tokens: first..tokens.len(),
                }
            })
            .collect();
        // The room left over goes back (an allocator may commit it).
        tokens.shrink_to_fit();
        let lexicon = Lexicon::build(&text, &mut tokens);
        let legacy_blocks = blocks.iter().map(|_| OnceLock::new()).collect();
        let number_style = numbers::detect_style(
            tokens
                .iter()
                .filter(|t| t.kind() == TokenKind::Number)
                .map(|t| t.text(&text)),
        );
        Document {
            text,
            map,
            blocks,
            tokens,
            lexicon,
            number_style,
            comments: Vec::new(),
            facts: Default::default(),
            legacy_blocks,
        }
    }

    /// The fact kept in `slot`, computed by `compute` on first use. Each slot holds one type,
    /// assigned by the layer that defines the fact (`crate::analysis`).
    pub fn fact<T: Any + Send + Sync>(
        &self,
        slot: usize,
        compute: impl FnOnce(&Document) -> T,
    ) -> &T {
        self.facts[slot]
            .get_or_init(|| Box::new(compute(self)))
            .downcast_ref::<T>()
            .expect("a fact slot holds one type")
    }

    /// Lets go of the fact kept in `slot`, if any (computed again when next asked for).
    pub fn release_fact(&mut self, slot: usize) {
        self.facts[slot] = OnceLock::new();
    }

    /// Whether the fact of `slot` has been computed and is kept.
    pub fn keeps_fact(&self, slot: usize) -> bool {
        self.facts[slot].get().is_some()
    }

    /// Whether a block is text in a legacy encoding (TCVN3, VNI, VIQR) read as Unicode:
    /// such a paragraph is `legacy-encoding`'s, and the other rules leave it alone.
    pub fn is_legacy_block(&self, block: &Block) -> bool {
        let i = self
            .blocks
            .partition_point(|b| b.range.start < block.range.start);
        self.legacy_blocks.get(i).is_some_and(|flag| {
            *flag.get_or_init(|| {
                crate::text::legacy::detect(&self.text[block.range.clone()]).is_some()
            })
        })
    }

    /// Each block's kind and text: what the readers' tests compare.
    #[cfg(test)]
    pub(crate) fn block_texts(&self) -> Vec<(BlockKind, String)> {
        self.blocks
            .iter()
            .map(|b| (b.kind, self.text[b.range.clone()].to_string()))
            .collect()
    }

    /// The text of a token.
    pub fn token_text(&self, token: &Token) -> &str {
        &self.text[token.range()]
    }

    /// A word token's lower case (the token's own text for any other token).
    pub fn lower<'a>(&'a self, token: &Token) -> &'a str {
        match self.lexicon.get(token) {
            Some(info) => &info.lower,
            None => self.token_text(token),
        }
    }

    /// How a word token is capitalised ([`Case::Lower`] for any other token).
    pub fn case(&self, token: &Token) -> Case {
        self.lexicon
            .get(token)
            .map_or(Case::Lower, |info| info.case)
    }

    /// A word token read as a syllable (as [`crate::text::syllable::parse`] would), from
    /// the lexicon; `None` for any other token.
    pub fn syllable(&self, token: &Token) -> Option<Result<Syllable, IllFormed>> {
        self.lexicon.get(token).map(|info| info.syllable)
    }

    /// The source [`Document::parse_detached`] held, the document let go first (its
    /// tokens and facts are freed before the source is rebuilt).
    pub fn restore_source(self, held: HeldSource) -> String {
        self.restore_source_and_map(held).0
    }

    /// [`Document::restore_source`], the source map kept: the findings' spans can be mapped
    /// with it once the tokens, the facts and the text are freed.
    pub fn restore_source_and_map(self, held: HeldSource) -> (String, SourceMap) {
        let (text, map) = self.into_text_and_map();
        let source = match held {
            HeldSource::Whole(source) => source,
            HeldSource::Gaps(gaps) => map.restore(&text, gaps),
        };
        (source, map)
    }

    /// The text and its map; everything else is freed on return.
    fn into_text_and_map(self) -> (String, SourceMap) {
        (self.text, self.map)
    }

    /// The tokens of a block.
    pub fn block_tokens(&self, block: &Block) -> &[Token] {
        &self.tokens[block.tokens.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Document) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, &doc.text[b.range.clone()]))
            .collect()
    }

    #[test]
    fn plain_text_finds_the_headline_after_a_kicker() {
        let doc = Document::from_text(
            "CÔNG TÁC ĐẢNG\n\nPhường Yên Hòa tổ chức Hội nghị lần thứ 8\nNgày đăng 02/07/2024 | 09:15\n\nSáng 1-7, phường đã họp.\n\n1. Việc thứ nhất.\n",
        );
        assert_eq!(
            kinds(&doc),
            vec![
                (BlockKind::Heading, "CÔNG TÁC ĐẢNG"),
                (
                    BlockKind::Title,
                    "Phường Yên Hòa tổ chức Hội nghị lần thứ 8"
                ),
                (BlockKind::Meta, "Ngày đăng 02/07/2024 | 09:15"),
                (BlockKind::Paragraph, "Sáng 1-7, phường đã họp."),
                (BlockKind::ListItem, "1. Việc thứ nhất."),
            ]
        );
    }

    #[test]
    fn plain_text_opening_with_a_sentence_has_no_title() {
        let doc = Document::from_text("Sáng nay, phường đã họp.\nNội dung ngắn\n");
        assert!(doc.blocks.iter().all(|b| b.kind != BlockKind::Title));
    }

    /// Parses `source` with its source let go, and gives the source back.
    fn round_trip(source: &str, format: Format) -> (String, usize) {
        let body_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let (doc, held) = Document::parse_detached(source.to_string(), body_start, format);
        let gaps = match &held {
            HeldSource::Gaps(gaps) => gaps.len(),
            HeldSource::Whole(_) => usize::MAX,
        };
        (doc.restore_source(held), gaps)
    }

    #[test]
    fn a_plain_source_is_held_as_its_line_breaks_only() {
        // Only the bytes the text lacks are kept while the rules run: the byte-order mark,
        // the blank lines, the indentation and the line ends, not the prose.
        let source = "\u{feff}Tiêu đề ngắn\r\n\n  Đoạn văn một,\nnối dòng.\n\n\nĐoạn hai.";
        let (restored, gaps) = round_trip(source, Format::Plain);
        assert_eq!(restored, source);
        assert_eq!(gaps, 3 + 2 + 1 + 2 + 1 + 3);
    }

    #[test]
    fn every_format_gets_its_source_back_byte_for_byte() {
        let cases = [
            ("Gia\u{309}i pho\u{301}ng mặt bằng.\n", Format::Plain),
            (
                "# Tiêu đề\n\nPhường ![ảnh](a.jpg) tại *sân* `mã`.\n<!-- vnlint-disable -->\n",
                Format::Markdown,
            ),
            (
                "<p>An&nbsp;ninh <img src=a.jpg> <b>tốt</b><!-- c --></p><script>x()</script>",
                Format::Html,
            ),
            ("Đoạn một\nĐoạn hai\n", Format::Docx),
            ("", Format::Plain),
        ];
        for (source, format) in cases {
            let (restored, gaps) = round_trip(source, format);
            assert_eq!(restored, source, "{format:?}");
            assert!(
                gaps < source.len().max(1),
                "{format:?}: the prose is not held twice"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_source_comes_back_whole(
            source in "(\u{feff})?([a-zA-Zạảãệ \u{301}\u{309}\t\r\n<>/!\\[\\]()#*`&;-]|<p>|</p>|&amp;|<!--|-->){0,80}",
            format in proptest::sample::select(vec![Format::Plain, Format::Markdown, Format::Html, Format::Docx]),
        ) {
            proptest::prop_assert_eq!(round_trip(&source, format).0, source);
        }
    }

    #[test]
    fn crlf_and_bom_are_mapped_to_the_bytes_as_read() {
        let source = "\u{feff}Tiêu đề ngắn\r\nĐoạn văn.\r\n";
        let doc = Document::parse(source, 3, Format::Plain);
        let para = &doc.blocks[1];
        assert_eq!(&doc.text[para.range.clone()], "Đoạn văn.");
        let mapped = doc.map.source_range(para.range.clone());
        assert_eq!(&source[mapped], "Đoạn văn.");
    }
}
