//! `--format json`: one JSON array of diagnostics, the schema documented in the README.

use serde::Serialize;

use crate::diagnostic::Lang;
use crate::render::{LineIndex, Position};
use crate::report::{FileReport, Locator};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    byte_start: usize,
    byte_end: usize,
    start: Position,
    end: Position,
    text: &'a str,
    /// Word documents: the paragraph (1-based) and the character within it (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    char: Option<usize>,
    suggestions: Vec<JsonSuggestion<'a>>,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonSuggestion<'a> {
    replacement: &'a str,
    byte_start: usize,
    byte_end: usize,
    safe: bool,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    message: &'a str,
    byte_start: usize,
    byte_end: usize,
    start: Position,
    end: Position,
}

/// The JSON object of one diagnostic.
fn object<'a>(
    report: &'a FileReport,
    index: &LineIndex<'_>,
    d: &'a crate::Diagnostic,
    lang: Lang,
) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        path: &report.path,
        rule: d.rule,
        severity: d.severity.as_str(),
        message: d.message.get(lang),
        byte_start: d.span.start,
        byte_end: d.span.end,
        start: index.position(d.span.start),
        end: index.position(d.span.end),
        text: report.source.get(d.span.clone()).unwrap_or(""),
        paragraph: (report.locator == Locator::Paragraphs)
            .then(|| index.position(d.span.start).line),
        char: (report.locator == Locator::Paragraphs).then(|| index.position(d.span.start).column),
        suggestions: d
            .suggestions
            .iter()
            .map(|s| JsonSuggestion {
                replacement: &s.replacement,
                byte_start: s.span.start,
                byte_end: s.span.end,
                safe: s.safe,
            })
            .collect(),
        related: d
            .related
            .iter()
            .map(|r| JsonRelated {
                message: r.message.get(lang),
                byte_start: r.span.start,
                byte_end: r.span.end,
                start: index.position(r.span.start),
                end: index.position(r.span.end),
            })
            .collect(),
    }
}

fn objects(reports: &[FileReport], lang: Lang) -> Vec<JsonDiagnostic<'_>> {
    let mut all = Vec::new();
    for report in reports {
        let index = LineIndex::new(&report.source);
        all.extend(
            report
                .diagnostics
                .iter()
                .map(|d| object(report, &index, d, lang)),
        );
    }
    all
}

/// `--format json`: every report's diagnostics as one JSON array (pretty-printed).
pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut out =
        serde_json::to_string_pretty(&objects(reports, lang)).expect("diagnostics serialise");
    out.push('\n');
    out
}

/// `--format jsonl`: one JSON object per line, the same objects as `json`.
pub fn render_lines(reports: &[FileReport], lang: Lang) -> String {
    let mut out = String::new();
    for o in objects(reports, lang) {
        out.push_str(&serde_json::to_string(&o).expect("diagnostics serialise"));
        out.push('\n');
    }
    out
}
