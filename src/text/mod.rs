//! Vietnamese text primitives: tokens, sentences, letter case, numbers, Roman numerals,
//! figures, dates, numbered events, the written syllable and its accepted variants.

pub mod case;
pub mod dates;
pub mod figures;
pub mod legacy;
pub mod names;
pub mod numbers;
pub mod ordinals;
pub mod roman;
pub mod sentences;
pub mod syllable;
pub mod tokens;
pub mod variants;
