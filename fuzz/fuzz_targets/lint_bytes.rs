//! The whole lint of arbitrary bytes, in each format: an input error or a report whose
//! spans all lie on character boundaries of the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnlint::{Config, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let format = [Format::Plain, Format::Markdown, Format::Html][pick as usize % 3];
    let Ok(report) = vnlint::lint_bytes("f", rest, format, &Config::default()) else {
        return;
    };
    for d in &report.diagnostics {
        for span in std::iter::once(&d.span).chain(d.related.iter().map(|r| &r.span)) {
            assert!(report.source.get(span.clone()).is_some(), "{span:?} in {d:?}");
        }
    }
});
