//! Date extraction (and the rules that read dates) on any plain text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnlint::Document;
use vnlint::analysis::Facts;

fuzz_target!(|data: &str| {
    let doc = Document::from_text(data);
    let _ = doc.dates();
});
