//! Facts read from a document, shared by the rules: sentences, dates, ordinals with their
//! organisation, figures with their unit, people's names. `text/` holds the pure string and
//! calendar primitives; this layer reads them off a [`Document`]'s tokens, and a fact that
//! several rules read is computed once per document (see [`Facts`]).

pub mod breakdowns;
pub mod cursor;
pub mod dates;
pub mod figures;
pub mod lists;
pub mod names;
pub mod ordinals;
pub mod quantities;
pub mod quotes;
pub mod sentences;

use crate::document::Document;

/// The facts a document keeps once computed, by slot (see [`Document::fact`]).
mod slot {
    pub const DATES: usize = 0;
    pub const ORDINALS: usize = 1;
}

/// A fact a document keeps once computed. A rule names those it reads
/// ([`crate::rules::RuleMeta::reads`]) so that the engine can let one go once its last
/// reader has run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    Dates,
    OrdinalMentions,
}

impl Fact {
    pub const ALL: [Fact; 2] = [Fact::Dates, Fact::OrdinalMentions];

    fn slot(self) -> usize {
        match self {
            Fact::Dates => slot::DATES,
            Fact::OrdinalMentions => slot::ORDINALS,
        }
    }

    /// Lets the document's copy go, if it keeps one (computed again when next asked for).
    pub fn release(self, doc: &mut Document) {
        doc.release_fact(self.slot());
    }

    /// Whether the document keeps this fact, computed.
    pub fn is_kept(self, doc: &Document) -> bool {
        doc.keeps_fact(self.slot())
    }
}

/// The facts computed once per document on first use.
pub trait Facts {
    /// Every date of the document.
    fn dates(&self) -> &dates::Dates;
    /// Every numbered event mention, with what the words around each say about its
    /// session (see [`ordinals::Mentions`]).
    fn ordinal_mentions(&self) -> &ordinals::Mentions;
}

impl Facts for Document {
    fn dates(&self) -> &dates::Dates {
        self.fact(slot::DATES, dates::extract)
    }

    fn ordinal_mentions(&self) -> &ordinals::Mentions {
        self.fact(slot::ORDINALS, ordinals::Mentions::build)
    }
}
