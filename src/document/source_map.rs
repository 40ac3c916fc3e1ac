//! Maps offsets in the analysed text (NFC, prose only) back to byte offsets in the file as read.
//!
//! The text is built from pieces. A *verbatim* piece is the same bytes as a range of the
//! source, so every offset inside it maps one to one. An *opaque* piece (a character sequence
//! that NFC recomposed, a decoded entity, a separator the reader inserted) maps as a whole:
//! a span that starts or ends inside it is widened to the whole source range it came from.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The same bytes as the source.
    Verbatim,
    /// Source characters that NFC changed (recomposed, reordered or replaced).
    Recomposed,
    /// Text standing for a source range as a whole: an entity, a placeholder, a separator.
    Standing,
}

/// 20 bytes: offsets are `u32` (a file is at most `MAX_FILE_SIZE`); a plain text has a
/// segment or two for every line.
#[derive(Debug, Clone, Copy)]
struct Segment {
    ts: u32,
    tl: u32,
    ss: u32,
    sl: u32,
    kind: Kind,
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).expect("a text is under 4 GiB")
}

impl Segment {
    fn new(text_start: usize, text_len: usize, source: Range<usize>, kind: Kind) -> Segment {
        Segment {
            ts: narrow(text_start),
            tl: narrow(text_len),
            ss: narrow(source.start),
            sl: narrow(source.len()),
            kind,
        }
    }

    fn text_start(&self) -> usize {
        self.ts as usize
    }

    fn text_len(&self) -> usize {
        self.tl as usize
    }

    fn source_start(&self) -> usize {
        self.ss as usize
    }

    fn source_len(&self) -> usize {
        self.sl as usize
    }

    fn verbatim(&self) -> bool {
        self.kind == Kind::Verbatim
    }

    fn text_range(&self) -> Range<usize> {
        self.text_start()..self.text_start() + self.text_len()
    }

    fn source_range(&self) -> Range<usize> {
        self.source_start()..self.source_start() + self.source_len()
    }
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
            && last.verbatim()
            && last.text_start() + last.text_len() == self.text_len
            && last.source_start() + last.source_len() == source_start
        {
            last.tl += narrow(len);
            last.sl += narrow(len);
        } else {
            self.segments.push(Segment::new(
                self.text_len,
                len,
                source_start..source_start + len,
                Kind::Verbatim,
            ));
        }
        self.text_len += len;
    }

    /// Records that `text_len` bytes of text, from here on, stand for the source range as a whole.
    pub fn push_opaque(&mut self, text_len: usize, source: Range<usize>) {
        self.push_segment(text_len, source, Kind::Standing);
    }

    /// Records that `text_len` bytes of text, from here on, are the NFC form of the source
    /// range, which is not NFC.
    pub fn push_recomposed(&mut self, text_len: usize, source: Range<usize>) {
        self.push_segment(text_len, source, Kind::Recomposed);
    }

    fn push_segment(&mut self, text_len: usize, source: Range<usize>, kind: Kind) {
        if text_len == 0 {
            return;
        }
        self.segments
            .push(Segment::new(self.text_len, text_len, source, kind));
        self.text_len += text_len;
    }

    /// The places where the source is not NFC: for each, the text range (NFC) and the
    /// source range it was recomposed from, in order.
    pub fn recomposed_ranges(&self) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
        self.segments
            .iter()
            .filter(|s| s.kind == Kind::Recomposed)
            .map(|s| (s.text_range(), s.source_range()))
    }

    /// Whether the text range is the source's own characters, in one piece: verbatim or
    /// recomposed, with nothing the reader dropped (markup) or inserted in between. Over
    /// such a range, the source bytes can be replaced by the text.
    pub fn is_contiguous(&self, span: Range<usize>) -> bool {
        if span.is_empty() {
            return true;
        }
        let first = self
            .segments
            .partition_point(|s| s.text_start() + s.text_len() <= span.start);
        let mut source_end = None;
        for s in &self.segments[first..] {
            if s.text_start() >= span.end {
                break;
            }
            if s.kind == Kind::Standing || source_end.is_some_and(|e| e != s.source_start()) {
                return false;
            }
            source_end = Some(s.source_start() + s.source_len());
        }
        source_end.is_some()
    }

    /// Whether the text range comes from one unbroken stretch of the source: each piece
    /// starts where the one before it ended, so no markup or skipped bytes lie in between
    /// (an entity or a placeholder may be part of it).
    pub fn is_unbroken(&self, span: Range<usize>) -> bool {
        let first = self
            .segments
            .partition_point(|s| s.text_start() + s.text_len() <= span.start);
        let mut source_end = None;
        for s in &self.segments[first..] {
            if s.text_start() >= span.end.max(span.start + 1) {
                break;
            }
            if source_end.is_some_and(|e| e != s.source_start()) {
                return false;
            }
            source_end = Some(s.source_start() + s.source_len());
        }
        true
    }

    /// The source bytes a fix may replace: the stretches the reader took as the source's
    /// own characters (verbatim or recomposed), merged where they touch. Markup, skipped
    /// bytes, entities and inserted separators are not in it.
    pub fn prose_ranges(&self) -> ProseRanges {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for s in self.segments.iter().filter(|s| s.kind != Kind::Standing) {
            match ranges.last_mut() {
                Some(last) if last.end == s.source_start() => {
                    last.end = s.source_start() + s.source_len()
                }
                _ => ranges.push(s.source_range()),
            }
        }
        ProseRanges { ranges }
    }

    /// The length of the text mapped so far.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let idx = self
            .segments
            .partition_point(|s| s.text_start() + s.text_len() <= offset);
        self.segments.get(idx)
    }

    /// The source offset where a span starting at text `offset` starts.
    pub fn source_start(&self, offset: usize) -> usize {
        match self.segment_at(offset) {
            Some(s) if s.verbatim() => s.source_start() + (offset - s.text_start()),
            Some(s) => s.source_start(),
            None => self.source_end_of_text(),
        }
    }

    /// The source offset where a span ending (exclusively) at text `offset` ends.
    pub fn source_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.source_start(0);
        }
        match self.segment_at(offset - 1) {
            Some(s) if s.verbatim() => s.source_start() + (offset - s.text_start()),
            Some(s) => s.source_start() + s.source_len(),
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
            .map_or(0, |s| s.source_start() + s.source_len())
    }
}

/// A source held as what the analysed text does not already hold: the bytes outside the
/// verbatim pieces (markup, skipped lines, separators, characters NFC changed), in order.
/// With the text and its map, the source comes back byte for byte ([`SourceMap::restore`]),
/// so a long file is not held twice while the rules run.
#[derive(Debug)]
pub struct SourceGaps {
    /// The gaps one after another; each starts and ends at a character boundary.
    gaps: String,
    source_len: usize,
}

impl SourceGaps {
    /// The bytes held (the source less its verbatim prose).
    pub fn len(&self) -> usize {
        self.gaps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.gaps.is_empty()
    }
}

impl SourceMap {
    /// The source as gaps between the text's verbatim pieces; `None` when the pieces are
    /// out of order or are not the source's bytes (then the source must be kept whole).
    pub fn detach(&self, source: &str, text: &str) -> Option<SourceGaps> {
        let mut gaps = String::new();
        let mut at = 0;
        for s in self.segments.iter().filter(|s| s.verbatim()) {
            let (from, to) = (s.source_range(), s.text_range());
            if from.start < at || source.get(from.clone())? != text.get(to)? {
                return None;
            }
            gaps.push_str(&source[at..from.start]);
            at = from.end;
        }
        gaps.push_str(&source[at..]);
        Some(SourceGaps {
            gaps,
            source_len: source.len(),
        })
    }

    /// The source [`SourceMap::detach`] took apart, from the same text.
    pub fn restore(&self, text: &str, gaps: SourceGaps) -> String {
        let mut source = String::with_capacity(gaps.source_len);
        let mut taken = 0;
        for s in self.segments.iter().filter(|s| s.verbatim()) {
            let gap = s.source_start() - source.len();
            source.push_str(&gaps.gaps[taken..taken + gap]);
            taken += gap;
            source.push_str(&text[s.text_range()]);
        }
        source.push_str(&gaps.gaps[taken..]);
        debug_assert_eq!(source.len(), gaps.source_len);
        source
    }
}

/// Source byte ranges of prose, sorted and disjoint: where a fix may write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProseRanges {
    ranges: Vec<Range<usize>>,
}

impl ProseRanges {
    /// The whole of a text of `len` bytes (a plain string that no reader mapped).
    pub fn whole(len: usize) -> ProseRanges {
        ProseRanges {
            ranges: std::iter::once(0..len).collect(),
        }
    }

    /// Whether replacing the source range touches prose only: it lies inside one stretch
    /// (an insertion may sit at either end of it).
    pub fn covers(&self, span: &Range<usize>) -> bool {
        let i = self.ranges.partition_point(|r| r.end < span.start);
        self.ranges.get(i).is_some_and(|r| {
            r.start <= span.start && span.end <= r.end && (!span.is_empty() || !r.is_empty())
        })
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
    fn recomposed_ranges_and_contiguity() {
        let mut map = SourceMap::default();
        map.push_verbatim(0, 2); // "ab"
        map.push_recomposed(2, 2..5); // "é" came from "e\u{301}"
        map.push_verbatim(5, 1); // "c"
        map.push_opaque(1, 6..6); // an inserted separator
        map.push_verbatim(6, 1);
        assert_eq!(
            map.recomposed_ranges().collect::<Vec<_>>(),
            vec![(2..4, 2..5)]
        );
        assert!(map.is_contiguous(0..5));
        assert!(!map.is_contiguous(4..7));
        assert!(map.is_contiguous(6..7));
    }

    #[test]
    fn prose_ranges_leave_out_gaps_and_standing_pieces() {
        let mut map = SourceMap::default();
        map.push_verbatim(0, 5); // "quân "
        map.push_verbatim(20, 4); // " tại", after an image at 5..20
        map.push_opaque(1, 24..30); // "&nbsp;"
        map.push_verbatim(30, 2);
        let prose = map.prose_ranges();
        assert!(prose.covers(&(0..5)));
        assert!(prose.covers(&(20..24)));
        assert!(prose.covers(&(5..5)), "an insertion at the edge of prose");
        assert!(!prose.covers(&(4..21)), "the image lies in between");
        assert!(
            !prose.covers(&(22..31)),
            "the entity is not the source's own text"
        );
        assert!(!prose.covers(&(10..12)));
        assert!(!map.is_unbroken(3..6));
        assert!(map.is_unbroken(6..10));
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
