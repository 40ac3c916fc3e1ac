//! vnlint: a linter for Vietnamese documents.
//!
//! ```
//! let diagnostics = vnlint::lint_text("A ninh trật tự được giữ vững.", &vnlint::Config::default());
//! assert_eq!(diagnostics[0].rule, "confusion");
//! assert_eq!(diagnostics[0].suggestions[0].replacement, "An ninh");
//! ```

pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod model;
pub mod render;
pub mod rules;
pub mod suppress;
pub mod text;
pub mod workspace;

use std::fmt;
use std::path::Path;

pub use config::Config;
pub use diagnostic::{Diagnostic, Lang, Message, Severity};
pub use document::{Document, Format};

/// Files larger than this are refused rather than read.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

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
    pub prose: document::ProseRanges,
    /// Fixes a rule offered that would have touched markup or skipped bytes: taken out of
    /// the diagnostics, kept here for the caller to mention.
    pub dropped_fixes: Vec<fix::DroppedFix>,
}

/// Why a file could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    NotFound {
        path: String,
    },
    Unreadable {
        path: String,
        reason: String,
    },
    NotUtf8 {
        path: String,
        offset: usize,
    },
    /// A Word file that cannot be read (not a zip, damaged XML, too large once unpacked).
    BadDocx {
        path: String,
        reason: String,
    },
    Binary {
        path: String,
        offset: usize,
    },
    TooLarge {
        path: String,
        size: u64,
    },
    /// Text in UTF-16 (told by its byte-order mark): refused rather than read with spans
    /// that would not be the file's bytes, or fixed into UTF-8.
    Utf16 {
        path: String,
    },
}

impl InputError {
    /// The message in the chosen language; it always names the path.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (InputError::NotFound { path }, Lang::Vi) => format!("{path}: không tìm thấy tệp"),
            (InputError::NotFound { path }, Lang::En) => format!("{path}: no such file"),
            (InputError::Unreadable { path, reason }, Lang::Vi) => {
                format!("{path}: không đọc được tệp: {reason}")
            }
            (InputError::Unreadable { path, reason }, Lang::En) => {
                format!("{path}: cannot read the file: {reason}")
            }
            (InputError::NotUtf8 { path, offset }, Lang::Vi) => {
                format!("{path}: không phải văn bản UTF-8 (byte lỗi ở vị trí {offset})")
            }
            (InputError::NotUtf8 { path, offset }, Lang::En) => {
                format!("{path}: not UTF-8 text (invalid byte at offset {offset})")
            }
            (InputError::BadDocx { path, reason }, Lang::Vi) => {
                format!("{path}: không đọc được tệp Word: {reason}")
            }
            (InputError::BadDocx { path, reason }, Lang::En) => {
                format!("{path}: cannot read the Word file: {reason}")
            }
            (InputError::Binary { path, offset }, Lang::Vi) => {
                format!("{path}: tệp nhị phân, không phải văn bản (byte NUL ở vị trí {offset})")
            }
            (InputError::Binary { path, offset }, Lang::En) => {
                format!("{path}: a binary file, not text (NUL byte at offset {offset})")
            }
            (InputError::TooLarge { path, size }, Lang::Vi) => {
                format!("{path}: tệp quá lớn ({size} byte, tối đa {MAX_FILE_SIZE})")
            }
            (InputError::TooLarge { path, size }, Lang::En) => {
                format!("{path}: file too large ({size} bytes, at most {MAX_FILE_SIZE})")
            }
            (InputError::Utf16 { path }, Lang::Vi) => {
                format!("{path}: văn bản mã hóa UTF-16, vnlint chỉ đọc UTF-8: lưu lại dạng UTF-8")
            }
            (InputError::Utf16 { path }, Lang::En) => {
                format!("{path}: UTF-16 text, vnlint reads UTF-8 only: save as UTF-8")
            }
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

/// Runs every enabled rule over a document; spans are offsets into `doc.text`. `file`, when
/// given, selects the configuration's per-file overrides.
pub fn lint_document(doc: &Document, config: &Config, file: Option<&Path>) -> Vec<Diagnostic> {
    let enabled: Vec<&dyn rules::Rule> = rules::REGISTRY
        .iter()
        .copied()
        .filter(|rule| config.is_enabled_for(rule.meta().id, file))
        .collect();
    let run = |rule: &&dyn rules::Rule| {
        let id = rule.meta().id;
        let mut found = Vec::new();
        rule.check(doc, &mut found);
        for d in &mut found {
            d.severity = config.severity_for(id, d.severity, file);
            d.cap_related();
        }
        found
    };
    // Files are checked in parallel already; a long document also spreads its rules over
    // the cores. The findings keep the registry's order either way.
    let mut per_rule: Vec<Vec<Diagnostic>> = if doc.text.len() >= PARALLEL_RULES_FROM {
        use rayon::prelude::*;
        enabled.par_iter().map(run).collect()
    } else {
        enabled.iter().map(run).collect()
    };
    give_way(&enabled, &mut per_rule);
    per_rule.into_iter().flatten().collect()
}

/// Drops a finding whose words a rule it gives way to ([`rules::RuleMeta::gives_way_to`])
/// has also flagged: one slip, one report, from the rule that knows it best.
fn give_way(enabled: &[&dyn rules::Rule], per_rule: &mut [Vec<Diagnostic>]) {
    for (i, rule) in enabled.iter().enumerate() {
        let others: Vec<std::ops::Range<usize>> = rule
            .meta()
            .gives_way_to
            .iter()
            .filter_map(|id| enabled.iter().position(|r| r.meta().id == *id))
            .flat_map(|j| per_rule[j].iter().map(|d| d.span.clone()))
            .collect();
        if others.is_empty() {
            continue;
        }
        per_rule[i].retain(|d| {
            !others
                .iter()
                .any(|o| o.start < d.span.end && d.span.start < o.end)
        });
    }
}

/// The size of text (bytes) from which a document's rules run in parallel.
const PARALLEL_RULES_FROM: usize = 64 * 1024;

/// Lints a file's bytes: decodes them, reads the document in `format`, runs the rules and
/// maps every span back to byte offsets into `bytes`.
pub fn lint_bytes(
    path: &str,
    bytes: &[u8],
    format: Format,
    config: &Config,
) -> Result<FileReport, InputError> {
    if format == Format::Docx {
        let text = document::docx::extract(bytes).map_err(|reason| InputError::BadDocx {
            path: path.to_string(),
            reason,
        })?;
        let mut doc = Document::from_docx(&text);
        doc.vocabulary = config.vocabulary.clone();
        doc.options = config.options.clone();
        doc.tables = config.tables.clone();
        doc.model = config.model.clone();
        let (diagnostics, dropped_fixes) = finish(path, &text.text, &doc, config);
        return Ok(FileReport {
            path: path.to_string(),
            source: text.text,
            locator: Locator::Paragraphs,
            diagnostics,
            prose: doc.map.prose_ranges(),
            dropped_fixes,
        });
    }
    let source = decode(path, bytes)?;
    let body_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut doc = Document::parse(source, body_start, format);
    doc.vocabulary = config.vocabulary.clone();
    doc.options = config.options.clone();
    doc.tables = config.tables.clone();
    doc.model = config.model.clone();
    let (diagnostics, dropped_fixes) = finish(path, source, &doc, config);
    Ok(FileReport {
        path: path.to_string(),
        source: source.to_string(),
        locator: Locator::Lines,
        diagnostics,
        prose: doc.map.prose_ranges(),
        dropped_fixes,
    })
}

/// A text file's bytes as text: refuses UTF-16 (by its byte-order mark), a binary file (a
/// NUL byte early on) and bytes that are not UTF-8.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16 {
            path: path.to_string(),
        });
    }
    let check_len = bytes.len().min(8192);
    if let Some(offset) = bytes[..check_len].iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_string(),
        offset: e.valid_up_to(),
    })
}

/// Reads a file's bytes as a document in `format`, as the linter would (no rules run).
pub fn read_document(path: &str, bytes: &[u8], format: Format) -> Result<Document, InputError> {
    if format == Format::Docx {
        let text = document::docx::extract(bytes).map_err(|reason| InputError::BadDocx {
            path: path.to_string(),
            reason,
        })?;
        return Ok(Document::from_docx(&text));
    }
    let source = decode(path, bytes)?;
    let body_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    Ok(Document::parse(source, body_start, format))
}

/// Runs the rules over a document read from `source`, maps the spans back to `source`,
/// takes out the fixes that would touch anything but prose, applies suppressions and sorts.
fn finish(
    path: &str,
    source: &str,
    doc: &Document,
    config: &Config,
) -> (Vec<Diagnostic>, Vec<fix::DroppedFix>) {
    let file = std::fs::canonicalize(path).ok();
    let mut diagnostics = lint_document(doc, config, file.as_deref());
    let prose = doc.map.prose_ranges();
    let mut dropped = Vec::new();
    for d in &mut diagnostics {
        d.map_spans(|span| doc.map.source_range(span));
        fix::drop_unsafe_spans(d, &prose, &mut dropped);
    }
    let directives = suppress::parse(source, &doc.comments);
    let report_unused = config.is_enabled_for(suppress::UNUSED, file.as_deref());
    suppress::apply(
        source,
        &directives,
        &mut diagnostics,
        report_unused,
        |rule| config.is_enabled_for(rule, file.as_deref()),
    );
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.rule == suppress::UNUSED)
    {
        d.severity = config.severity_for(suppress::UNUSED, d.severity, file.as_deref());
    }
    sort(&mut diagnostics);
    (diagnostics, dropped)
}

/// Lints a file on disk, its format told by its extension.
pub fn lint_file(path: &Path, config: &Config) -> Result<FileReport, InputError> {
    let shown = path.display().to_string();
    let bytes = read_file(path)?;
    lint_bytes(&shown, &bytes, Format::from_path(path), config)
}

/// Reads a file's bytes, refusing one larger than [`MAX_FILE_SIZE`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, InputError> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| io_error(&shown, &e))?;
    if metadata.len() > MAX_FILE_SIZE {
        return Err(InputError::TooLarge {
            path: shown,
            size: metadata.len(),
        });
    }
    std::fs::read(path).map_err(|e| io_error(&shown, &e))
}

/// Lints a plain text held in memory; spans are byte offsets into `text`.
pub fn lint_text(text: &str, config: &Config) -> Vec<Diagnostic> {
    lint_bytes("<text>", text.as_bytes(), Format::Plain, config)
        .map(|r| r.diagnostics)
        .unwrap_or_default()
}

fn io_error(path: &str, e: &std::io::Error) -> InputError {
    match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound {
            path: path.to_string(),
        },
        _ => InputError::Unreadable {
            path: path.to_string(),
            reason: e.to_string(),
        },
    }
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
}
