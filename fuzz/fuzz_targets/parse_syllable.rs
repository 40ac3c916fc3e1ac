//! The syllable parser on any word; a syllable restyled to the old or new mark placement
//! is still a syllable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnlint::text::syllable::{MarkStyle, parse, restyle};

fuzz_target!(|data: &str| {
    if parse(data).is_ok() {
        for style in [MarkStyle::Old, MarkStyle::New] {
            if let Some(other) = restyle(data, style) {
                assert!(parse(&other).is_ok(), "{data:?} -> {other:?}");
            }
        }
    }
});
