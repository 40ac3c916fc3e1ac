//! The plain-text, Markdown and HTML readers (chosen by the first byte) on any text: no
//! panic, and every block maps back to a range inside the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnlint::{Document, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    let format = [Format::Plain, Format::Markdown, Format::Html][pick as usize % 3];
    let body_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let doc = Document::parse(source, body_start, format);
    for block in &doc.blocks {
        let mapped = doc.map.source_range(block.range.clone());
        assert!(mapped.start <= mapped.end && mapped.end <= source.len());
        assert!(source.is_char_boundary(mapped.start) && source.is_char_boundary(mapped.end));
    }
});
