//! The figure parser on any token, in each number style.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnlint::text::numbers::{NumberStyle, detect_style, parse};

fuzz_target!(|data: &str| {
    for style in [NumberStyle::Vietnamese, NumberStyle::English, NumberStyle::Unknown] {
        if let Some(figure) = parse(data, style) {
            assert!(!figure.value.is_nan());
        }
    }
    let _ = detect_style(data.split_whitespace());
});
