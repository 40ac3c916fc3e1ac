//! The built-in model of Vietnamese: syllable, pair and triple counts of Vietnamese
//! Wikipedia and Vietnamese laws, with the pairs of Wiktionary's headwords, built by
//! `scripts/build_model.py` (`vnlint learn --builtin`) into `model/vi.vnlm` and carried
//! inside the binary. Loading reads only its header.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Model;

/// The version of the recipe below; a test checks that the committed file was built by it
/// (the CI does not rebuild the model).
pub const RECIPE_VERSION: u32 = 1;
/// Pairs and triples seen fewer times are left out of the built-in model.
pub const MIN_BIGRAM_COUNT: u32 = 2;
pub const MIN_TRIGRAM_COUNT: u32 = 2;
/// The notice the file carries: what it was learned from, and its licence.
pub const NOTICE: &str = "vnlint built-in model of Vietnamese. Contains data derived from \
Vietnamese Wikipedia and Vietnamese Wiktionary (https://vi.wikipedia.org/, \
https://vi.wiktionary.org/), by their contributors, licensed under CC BY-SA 3.0/4.0 \
(https://creativecommons.org/licenses/by-sa/4.0/); text collected by the underthesea \
project. This file is distributed under CC BY-SA 4.0. It also counts Vietnamese laws, \
which are not objects of copyright (Law 50/2005/QH11, Art. 15(2)).";

static BYTES: &[u8] = include_bytes!("../../model/vi.vnlm");

static BUILTIN: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_static(BYTES).ok());

static DISABLED: AtomicBool = AtomicBool::new(false);

/// The built-in model (None after [`disable_builtin`], or if the file embedded is not a
/// model this build reads, which a test rules out).
pub fn builtin() -> Option<&'static Model> {
    if DISABLED.load(Ordering::Relaxed) {
        return None;
    }
    BUILTIN.as_ref()
}

/// Leaves the built-in model out for the rest of the process (`--no-builtin-model`).
pub fn disable_builtin() {
    DISABLED.store(true, Ordering::Relaxed);
}

/// The recipe the built-in model is built with.
pub fn recipe() -> super::Recipe {
    super::Recipe {
        min_bigram_count: MIN_BIGRAM_COUNT,
        min_trigram_count: MIN_TRIGRAM_COUNT,
        recipe: RECIPE_VERSION,
        notice: NOTICE.to_string(),
    }
}

/// The embedded file's bytes (for the tests that validate it in full).
#[cfg(test)]
pub(crate) fn bytes() -> &'static [u8] {
    BYTES
}
