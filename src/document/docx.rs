//! Word `.docx`: the paragraphs of `word/document.xml`, headings told by their style, runs
//! joined so that a word split across runs is one word. The analysed source is the text of
//! the paragraphs, one per line, so a finding's line and column are its paragraph and
//! character ("đoạn 12, ký tự 34"). Decompression is bounded: a zip bomb is refused.

use std::io::Read as _;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use super::BlockKind;

/// The most `word/document.xml` may hold once decompressed.
pub const MAX_XML_SIZE: u64 = 64 * 1024 * 1024;

/// The paragraphs of a Word document.
#[derive(Debug, Default)]
pub struct DocxText {
    /// One line per paragraph (empty ones included, so numbering matches Word's).
    pub text: String,
    /// The kind of each paragraph.
    pub kinds: Vec<BlockKind>,
}

/// Reads a `.docx` file's bytes; the error says what is wrong.
pub fn extract(bytes: &[u8]) -> Result<DocxText, String> {
    extract_with_limit(bytes, MAX_XML_SIZE)
}

/// [`extract`] with another bound on the decompressed size.
pub fn extract_with_limit(bytes: &[u8], limit: u64) -> Result<DocxText, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a .docx (zip) file: {e}"))?;
    let file = archive
        .by_name("word/document.xml")
        .map_err(|_| "no word/document.xml inside: not a Word document".to_string())?;
    if file.size() > limit {
        return Err(format!(
            "word/document.xml would decompress to {} bytes, more than the {limit} allowed",
            file.size()
        ));
    }
    let mut xml = Vec::new();
    // The declared size can lie: read one byte past the limit to catch a bomb.
    file.take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("word/document.xml is damaged: {e}"))?;
    if xml.len() as u64 > limit {
        return Err(format!(
            "word/document.xml decompresses to more than {limit} bytes"
        ));
    }
    let xml = String::from_utf8(xml).map_err(|e| format!("word/document.xml is not UTF-8: {e}"))?;
    parse_document_xml(&xml)
}

/// Reads the paragraphs of `word/document.xml`.
pub fn parse_document_xml(xml: &str) -> Result<DocxText, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = DocxText::default();
    let mut paragraph = String::new();
    let mut kind = BlockKind::Paragraph;
    let mut in_paragraph = false;
    let mut in_text = false;
    // The heading level of each paragraph styled as a heading (for the headline).
    let mut levels: Vec<Option<u8>> = Vec::new();
    let mut level = None;
    // Open elements, to tell a document cut short from a whole one.
    let mut open: Vec<String> = Vec::new();
    // Deleted text (tracked changes) and field codes are not what the reader sees.
    let mut hidden_depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "word/document.xml is not well-formed at byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Start(e) => {
                open.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                match e.local_name().as_ref() {
                    b"p" => {
                        in_paragraph = true;
                        paragraph.clear();
                        kind = BlockKind::Paragraph;
                        level = None;
                    }
                    b"t" if hidden_depth == 0 => in_text = true,
                    b"del" | b"instrText" | b"delText" => hidden_depth += 1,
                    _ => {}
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                b"pStyle" if in_paragraph => {
                    if let Some(style) = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"val")
                    {
                        let style = String::from_utf8_lossy(&style.value);
                        kind = style_kind(&style);
                        level = (kind == BlockKind::Heading).then(|| heading_level(&style));
                    }
                }
                b"numPr" if in_paragraph && kind == BlockKind::Paragraph => {
                    kind = BlockKind::ListItem
                }
                b"tab" if in_paragraph && hidden_depth == 0 => paragraph.push('\t'),
                b"br" | b"cr" if in_paragraph && hidden_depth == 0 => paragraph.push(' '),
                b"p" => {
                    out.kinds.push(BlockKind::Paragraph);
                    levels.push(None);
                    out.text.push('\n');
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                let text = t.decode().map_err(|e| format!("word/document.xml: {e}"))?;
                // Line breaks inside a text run are spaces to the reader.
                paragraph.push_str(&text.replace(['\n', '\r'], " "));
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = r
                    .resolve_char_ref()
                    .map_err(|e| format!("word/document.xml: {e}"))?
                {
                    paragraph.push(c);
                } else {
                    let name = r.decode().map_err(|e| format!("word/document.xml: {e}"))?;
                    if let Some(s) = resolve_predefined_entity(&name) {
                        paragraph.push_str(s);
                    }
                }
            }
            Event::End(e) => {
                open.pop();
                match e.local_name().as_ref() {
                    b"t" => in_text = false,
                    b"del" | b"instrText" | b"delText" => {
                        hidden_depth = hidden_depth.saturating_sub(1)
                    }
                    b"p" if in_paragraph => {
                        in_paragraph = false;
                        out.text.push_str(&paragraph);
                        out.text.push('\n');
                        out.kinds.push(kind);
                        levels.push(level);
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(element) = open.last() {
        return Err(format!(
            "word/document.xml ends inside <{element}>: the file is cut short or damaged"
        ));
    }
    promote_headline(&mut out.kinds, &levels);
    Ok(out)
}

/// Without a Title paragraph, the first Heading 1 is the headline, else the first heading.
fn promote_headline(kinds: &mut [BlockKind], levels: &[Option<u8>]) {
    if kinds.contains(&BlockKind::Title) {
        return;
    }
    let first_level_one = levels.iter().position(|l| *l == Some(1));
    let first_heading = || kinds.iter().position(|k| *k == BlockKind::Heading);
    if let Some(i) = first_level_one.or_else(first_heading) {
        kinds[i] = BlockKind::Title;
    }
}

/// The level a heading style names ("Heading1", "heading 2", "Tiêu đề 1"); 9 when unsaid.
fn heading_level(style: &str) -> u8 {
    style
        .chars()
        .find(char::is_ascii_digit)
        .and_then(|c| c.to_digit(10))
        .map_or(9, |d| d as u8)
}

/// The block kind a paragraph style names ("Title", "Heading1", "Tiêu đề 1" ...).
fn style_kind(style: &str) -> BlockKind {
    let s = style.to_lowercase();
    if s == "title" || s.starts_with("tiêuđề") && !s.chars().any(|c| c.is_ascii_digit()) {
        BlockKind::Title
    } else if s.starts_with("heading") || s.starts_with("tiêuđề") || s.starts_with("tieude") {
        BlockKind::Heading
    } else if s.contains("list") {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx with the given `word/document.xml` body (paragraph XML).
    pub fn docx_with_body(body: &str) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn paragraphs_styles_and_split_runs() {
        let docx = docx_with_body(
            "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Hội nghị lần thứ 9</w:t></w:r></w:p>\
             <w:p/>\
             <w:p><w:r><w:t xml:space=\"preserve\">Giải ph</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>óng &amp; A ninh</w:t></w:r></w:p>\
             <w:p><w:del><w:r><w:delText>xoá</w:delText></w:r></w:del><w:r><w:t>còn</w:t></w:r></w:p>",
        );
        let got = extract(&docx).unwrap();
        assert_eq!(got.text, "Hội nghị lần thứ 9\n\nGiải phóng & A ninh\ncòn\n");
        assert_eq!(
            got.kinds,
            vec![
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn damaged_files_are_refused_with_a_reason() {
        assert!(extract(b"PK\x03\x04 broken").unwrap_err().contains("zip"));
        let docx = docx_with_body("<w:p><w:r><w:t>chưa đóng");
        let truncated = &docx[..docx.len() / 2];
        assert!(extract(truncated).is_err());
        let bad_xml = docx_with_body("<w:p><w:r><w:t>a</w:x></w:r></w:p>");
        assert!(extract(&bad_xml).unwrap_err().contains("well-formed"));
    }

    #[test]
    fn an_unclosed_last_paragraph_is_an_error_not_a_silent_drop() {
        let whole =
            "<w:p><w:r><w:t>Đoạn một.</w:t></w:r></w:p><w:p><w:r><w:t>Đoạn hai.</w:t></w:r></w:p>";
        assert_eq!(
            extract(&docx_with_body(whole)).unwrap().text,
            "Đoạn một.\nĐoạn hai.\n"
        );
        let xml = "<w:document><w:body><w:p><w:r><w:t>Đoạn một.</w:t></w:r></w:p><w:p><w:r><w:t>Đoạn hai.</w:t></w:r>";
        let err = parse_document_xml(xml).unwrap_err();
        assert!(err.contains("word/document.xml ends inside <w:p>"), "{err}");
    }

    #[test]
    fn heading_1_is_the_headline_without_a_title() {
        let docx = docx_with_body(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>CÔNG TÁC ĐẢNG</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Hội nghị lần thứ 9</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Phần hai</w:t></w:r></w:p>",
        );
        assert_eq!(
            extract(&docx).unwrap().kinds,
            vec![BlockKind::Heading, BlockKind::Title, BlockKind::Heading]
        );
        let only_level_two = docx_with_body(
            "<w:p><w:r><w:t>Mở đầu.</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Tin</w:t></w:r></w:p>",
        );
        assert_eq!(
            extract(&only_level_two).unwrap().kinds,
            vec![BlockKind::Paragraph, BlockKind::Title]
        );
        let titled = docx_with_body(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Tin</w:t></w:r></w:p>",
        );
        assert_eq!(
            extract(&titled).unwrap().kinds,
            vec![BlockKind::Heading, BlockKind::Title]
        );
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        // 2 MB of one letter compresses to a few kilobytes; the bound here is 64 KB.
        let body = "a".repeat(2 * 1024 * 1024);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false);
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 64 * 1024);
        assert!(
            extract_with_limit(&bytes, 64 * 1024)
                .unwrap_err()
                .contains("decompress")
        );
    }
}
