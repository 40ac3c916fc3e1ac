//! What checking one file gives: its findings with spans as byte offsets into the file as
//! read. Shared by the engine (which makes reports), baselines and renderers (which read them).

use crate::diagnostic::Diagnostic;

/// How places in a report are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locator {
    /// Byte offsets into the file, lines and columns.
    #[default]
    Lines,
    /// A Word document: the source is its paragraphs, one per line, so a line is a
    /// paragraph and a column a character within it.
    Paragraphs,
}

/// The findings for one file, with spans as byte offsets into `source`.
#[derive(Debug)]
pub struct FileReport {
    /// The path as the user named it.
    pub path: String,
    /// The file as read, decoded (a byte-order mark included, so offsets are the file's);
    /// for a Word document, the text of its paragraphs, one per line.
    pub source: String,
    pub locator: Locator,
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The source bytes a fix may replace (prose the reader mapped, never markup).
    pub prose: crate::document::ProseRanges,
    /// Fixes a rule offered that would have touched markup or skipped bytes: taken out of
    /// the diagnostics, kept here for the caller to mention.
    pub dropped_fixes: Vec<crate::fix::DroppedFix>,
}
