//! Diagnostics are data: what a rule found, where, why, the other places that prove it, and
//! the fix when one is certain. Rendering lives in `render`.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is: `Error` when the tool is sure, `Warning` when likely, `Info`
/// for style.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language messages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A text in Vietnamese and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub vi: String,
    pub en: String,
}

impl Message {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Message {
        let (mut vi, mut en) = (vi.into(), en.into());
        // A finding is held until the report is printed: no room is kept for growth.
        vi.shrink_to_fit();
        en.shrink_to_fit();
        Message { vi, en }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Another place that is part of the evidence ("the body says 25 here").
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub span: Range<usize>,
    pub message: Message,
}

/// A replacement for a span.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub span: Range<usize>,
    pub replacement: String,
    /// Certain enough for `--fix` to apply without asking (`--unsafe-fixes` applies the rest).
    pub safe: bool,
}

/// The most related places one finding carries; the rest are counted in its message.
pub const MAX_RELATED: usize = 20;

/// One finding. Spans are offsets into the document's text while rules run, and byte
/// offsets into the file as read once the engine has mapped them back.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: Message,
    pub span: Range<usize>,
    pub related: Vec<Related>,
    pub suggestions: Vec<Suggestion>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Range<usize>,
        message: Message,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            message,
            span,
            related: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    pub fn with_related(mut self, span: Range<usize>, message: Message) -> Diagnostic {
        self.related.push(Related { span, message });
        self
    }

    /// Adds the related places, at most [`MAX_RELATED`] of them; the message then says how
    /// many more there are ("và 12 chỗ khác"). Places past the cap are counted, not kept.
    pub fn with_related_places<I>(mut self, places: I) -> Diagnostic
    where
        I: IntoIterator<Item = (Range<usize>, Message)>,
        I::IntoIter: ExactSizeIterator,
    {
        let mut places = places.into_iter();
        for (span, message) in places.by_ref() {
            self.related.push(Related { span, message });
            if self.related.len() >= MAX_RELATED {
                break;
            }
        }
        self.say_more(places.len());
        self
    }

    /// Keeps at most [`MAX_RELATED`] related places, counting the others in the message.
    pub fn cap_related(&mut self) {
        if self.related.len() > MAX_RELATED {
            let more = self.related.len() - MAX_RELATED;
            self.related.truncate(MAX_RELATED);
            self.related.shrink_to_fit();
            self.say_more(more);
        }
    }

    fn say_more(&mut self, more: usize) {
        if more > 0 {
            self.message.vi.push_str(&format!(" (và {more} chỗ khác)"));
            self.message.en.push_str(&format!(" (and {more} more)"));
        }
    }

    /// A replacement a reader should consider (applied only with `--unsafe-fixes`).
    pub fn with_suggestion(
        mut self,
        span: Range<usize>,
        replacement: impl Into<String>,
    ) -> Diagnostic {
        self.suggestions.push(Suggestion {
            span,
            replacement: replacement.into(),
            safe: false,
        });
        self
    }

    /// A single certain replacement, which `--fix` applies.
    pub fn with_fix(mut self, span: Range<usize>, replacement: impl Into<String>) -> Diagnostic {
        self.suggestions.push(Suggestion {
            span,
            replacement: replacement.into(),
            safe: true,
        });
        self
    }

    /// Applies `f` to every span (used to map text offsets to source offsets).
    pub fn map_spans(&mut self, mut f: impl FnMut(Range<usize>) -> Range<usize>) {
        self.span = f(self.span.clone());
        for r in &mut self.related {
            r.span = f(r.span.clone());
        }
        for s in &mut self.suggestions {
            s.span = f(s.span.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A finding is held until the report is printed: its message keeps no spare room.
    #[test]
    fn messages_keep_no_spare_room() {
        let mut vi = String::with_capacity(64);
        vi.push_str("Sai chính tả");
        let en = format!("{} {}", "Misspelt", 3);
        let message = Message::new(vi, en);
        assert_eq!(message.vi.capacity(), message.vi.len());
        assert_eq!(message.en.capacity(), message.en.len());
    }

    fn finding() -> Diagnostic {
        Diagnostic::new("r", Severity::Warning, 0..1, Message::new("Sai", "Wrong"))
    }

    #[test]
    fn related_places_are_capped_and_the_rest_counted() {
        let places = (0..25).map(|i| (i..i + 1, Message::new("đây", "here")));
        let d = finding().with_related_places(places);
        assert_eq!(d.related.len(), MAX_RELATED);
        assert_eq!(d.message.vi, "Sai (và 5 chỗ khác)");
        assert_eq!(d.message.en, "Wrong (and 5 more)");
        let few = finding().with_related_places((0..3).map(|i| (i..i, Message::new("", ""))));
        assert_eq!((few.related.len(), few.message.en.as_str()), (3, "Wrong"));
        let mut many = finding();
        for i in 0..30 {
            many = many.with_related(i..i, Message::new("", ""));
        }
        many.cap_related();
        assert_eq!(many.related.len(), MAX_RELATED);
        assert_eq!(many.message.en, "Wrong (and 10 more)");
    }
}
