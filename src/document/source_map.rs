//! Maps offsets in the analysed text (NFC, prose only) back to byte offsets in the file as read.
//!
//! The text is built from pieces. A *verbatim* piece is the same bytes as a range of the
//! source, so every offset inside it maps one to one. An *opaque* piece (a character sequence
//! that NFC recomposed, a decoded entity, a separator the reader inserted) maps as a whole:
//! a span that starts or ends inside it is widened to the whole source range it came from.

use std::ops::Range;

#[derive(Debug, Clone, Copy)]
struct Segment {
    text_start: usize,
    text_len: usize,
    source_start: usize,
    source_len: usize,
    verbatim: bool,
}

/// Offsets in the analysed text, mapped back to the source.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
    text_len: usize,
}

impl SourceMap {
    /// Records that `len` bytes of text, from here on, are the source bytes at `source_start`.
    pub fn push_verbatim(&mut self, source_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && last.verbatim
            && last.text_start + last.text_len == self.text_len
            && last.source_start + last.source_len == source_start
        {
            last.text_len += len;
            last.source_len += len;
        } else {
            self.segments.push(Segment {
                text_start: self.text_len,
                text_len: len,
                source_start,
                source_len: len,
                verbatim: true,
            });
        }
        self.text_len += len;
    }

    /// Records that `text_len` bytes of text, from here on, stand for the source range as a whole.
    pub fn push_opaque(&mut self, text_len: usize, source: Range<usize>) {
        if text_len == 0 {
            return;
        }
        self.segments.push(Segment {
            text_start: self.text_len,
            text_len,
            source_start: source.start,
            source_len: source.len(),
            verbatim: false,
        });
        self.text_len += text_len;
    }

    /// The length of the text mapped so far.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let idx = self
            .segments
            .partition_point(|s| s.text_start + s.text_len <= offset);
        self.segments.get(idx)
    }

    /// The source offset where a span starting at text `offset` starts.
    pub fn source_start(&self, offset: usize) -> usize {
        match self.segment_at(offset) {
            Some(s) if s.verbatim => s.source_start + (offset - s.text_start),
            Some(s) => s.source_start,
            None => self.source_end_of_text(),
        }
    }

    /// The source offset where a span ending (exclusively) at text `offset` ends.
    pub fn source_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.source_start(0);
        }
        match self.segment_at(offset - 1) {
            Some(s) if s.verbatim => s.source_start + (offset - s.text_start),
            Some(s) => s.source_start + s.source_len,
            None => self.source_end_of_text(),
        }
    }

    /// Maps a text span to the source span it came from (never narrower).
    pub fn source_range(&self, span: Range<usize>) -> Range<usize> {
        let start = self.source_start(span.start);
        if span.is_empty() {
            return start..start;
        }
        start..self.source_end(span.end).max(start)
    }

    fn source_end_of_text(&self) -> usize {
        self.segments
            .last()
            .map_or(0, |s| s.source_start + s.source_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_pieces_merge_and_map_one_to_one() {
        let mut map = SourceMap::default();
        map.push_verbatim(3, 5);
        map.push_verbatim(8, 4);
        assert_eq!(map.segments.len(), 1);
        assert_eq!(map.source_range(0..9), 3..12);
        assert_eq!(map.source_range(2..2), 5..5);
    }

    #[test]
    fn opaque_pieces_widen_spans_to_their_source() {
        let mut map = SourceMap::default();
        map.push_verbatim(0, 2); // "ab"
        map.push_opaque(2, 2..5); // "é" came from "e\u{301}"
        map.push_verbatim(5, 1); // "c"
        assert_eq!(map.source_range(0..4), 0..5);
        assert_eq!(map.source_range(2..4), 2..5);
        assert_eq!(map.source_range(4..5), 5..6);
        assert_eq!(map.source_range(3..5), 2..6);
    }
}
