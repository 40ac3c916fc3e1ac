//! Fix application on any text: every applied edit lies in prose the reader mapped, nothing
//! outside the edits changes, and fixing to the end never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnlint::{Config, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let format = [Format::Plain, Format::Markdown, Format::Html][pick as usize % 3];
    let config = Config::default();
    let Ok(report) = vnlint::lint_bytes("f", rest, format, &config) else {
        return;
    };
    let applied = vnlint::fix::apply(&report.source, &report.diagnostics, true, &report.prose);
    let (mut i, mut j) = (0, 0);
    for e in &applied.edits {
        assert!(report.prose.covers(&e.span));
        assert_eq!(
            &report.source[i..e.span.start],
            &applied.text[j..j + e.span.start - i]
        );
        j += e.span.start - i + e.replacement.len();
        i = e.span.end;
    }
    assert_eq!(&report.source[i..], &applied.text[j..]);
    let _ = vnlint::engine::fix_text("f", rest, format, &config, true);
});
