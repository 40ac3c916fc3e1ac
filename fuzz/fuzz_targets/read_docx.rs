//! The Word reader on any bytes (a zip or not): an error or paragraphs, never a panic;
//! the paragraphs then lint.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnlint::{Config, Format};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = vnlint::document::docx::extract(data) {
        assert_eq!(text.kinds.len(), text.text.matches('\n').count());
        let _ = vnlint::lint_bytes("f.docx", data, Format::Docx, &Config::default());
    }
});
