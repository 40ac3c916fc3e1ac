//! Vietnamese text primitives, pure functions of strings: tokens, letter case, numbers,
//! Roman numerals, the calendar, legacy encodings, the written syllable and its accepted
//! variants. Nothing here reads a document (that is `crate::analysis`).

pub mod calendar;
pub mod case;
pub mod legacy;
pub mod numbers;
pub mod publication;
pub mod punctuation;
pub mod roman;
pub mod syllable;
pub mod tokens;
pub mod variants;
