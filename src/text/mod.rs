//! Vietnamese text primitives: tokens, sentences, letter case, numbers, Roman numerals,
//! figures, dates and numbered events.

pub mod case;
pub mod dates;
pub mod figures;
pub mod numbers;
pub mod ordinals;
pub mod roman;
pub mod sentences;
pub mod tokens;
