//! Byte offsets to LSP positions and back. A position's `character` counts code units of the
//! negotiated encoding: UTF-8 bytes or UTF-16 units (the protocol's default).
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says.

use lsp_types::{Position, PositionEncodingKind, Range};

/// The unit a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// The client's preferred encoding among those it offers: UTF-8 when offered (no
    /// conversion), else UTF-16, which every client supports.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts, to convert offsets both ways.
pub struct LineMap<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineMap<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> LineMap<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineMap {
            text,
            starts,
            encoding,
        }
    }

    /// The byte range of a line's content, without its line break.
    fn line_content(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let mut end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// The position of a byte offset (clamped to the text and down to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset]
            .chars()
            .map(|c| self.encoding.units(c))
            .sum();
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position. A line past the end means the end of the text; a
    /// character past the line's end means its end; one inside a character (half a UTF-16
    /// surrogate pair) means that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.text.len();
        }
        let content = self.line_content(line);
        let mut units = 0;
        for (i, c) in self.text[content.clone()].char_indices() {
            let next = units + self.encoding.units(c);
            if next > position.character as usize {
                return content.start + i;
            }
            units = next;
        }
        content.end
    }

    pub fn span(&self, range: Range) -> std::ops::Range<usize> {
        let start = self.offset(range.start);
        let end = self.offset(range.end).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Hội" precomposed, "nghị" with a combining dot below, an emoji outside the BMP.
    const LINE: &str = "Hội nghi\u{323} 😀 A ninh";

    #[test]
    fn columns_in_each_encoding() {
        let text = format!("Dòng một\r\n{LINE}\n");
        let at = text.find("A ninh").unwrap();
        let utf16 = LineMap::new(&text, Encoding::Utf16);
        // H ộ i ␠ n g h i ◌̣ ␠ 😀(2 units) ␠: 13 UTF-16 units.
        assert_eq!(utf16.position(at), Position::new(1, 13));
        let utf8 = LineMap::new(&text, Encoding::Utf8);
        assert_eq!(
            utf8.position(at),
            Position::new(1, "Hội nghi\u{323} 😀 ".len() as u32)
        );
    }

    #[test]
    fn offsets_round_trip_on_every_character_boundary() {
        let text = format!("{LINE}\r\nlần thứ 25\rcuối\n");
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let map = LineMap::new(&text, encoding);
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                // A line break's bytes after the first all map to the next line's start.
                if text[..i].ends_with('\r') && text[i..].starts_with('\n') {
                    continue;
                }
                assert_eq!(map.offset(map.position(i)), i, "{encoding:?} at {i}");
            }
        }
    }

    #[test]
    fn lone_carriage_return_ends_a_line() {
        let map = LineMap::new("a\rb\nc", Encoding::Utf16);
        assert_eq!(map.position(2), Position::new(1, 0));
        assert_eq!(map.position(4), Position::new(2, 0));
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ả😀\nb";
        let map = LineMap::new(text, Encoding::Utf16);
        // Past the line's end: the end of the line, before its break.
        assert_eq!(map.offset(Position::new(0, 99)), "ả😀".len());
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(map.offset(Position::new(0, 2)), "ả".len());
        assert_eq!(map.offset(Position::new(7, 0)), text.len());
        // A byte offset inside a character counts from its start.
        assert_eq!(map.position(1), Position::new(0, 0));
    }
}
