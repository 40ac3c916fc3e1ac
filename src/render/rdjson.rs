//! `--format rdjson`: reviewdog's Diagnostic JSON, so suggestions become review comments.
//! reviewdog counts columns in UTF-8 bytes.

use serde_json::{Value, json};

use crate::diagnostic::{Lang, Severity};
use crate::render::LineIndex;
use crate::report::FileReport;

fn range(index: &LineIndex<'_>, span: std::ops::Range<usize>) -> Value {
    let point = |offset: usize| {
        let line = index.line_of(offset);
        json!({ "line": line + 1, "column": offset - index.line_range(line).start + 1 })
    };
    json!({ "start": point(span.start), "end": point(span.end) })
}

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut diagnostics = Vec::new();
    for report in reports {
        let index = LineIndex::new(&report.source);
        for d in &report.diagnostics {
            let severity = match d.severity {
                Severity::Error => "ERROR",
                Severity::Warning => "WARNING",
                Severity::Info => "INFO",
            };
            let suggestions: Vec<Value> = d
                .suggestions
                .iter()
                .map(|s| json!({ "range": range(&index, s.span.clone()), "text": s.replacement }))
                .collect();
            diagnostics.push(json!({
                "message": d.message.get(lang),
                "location": { "path": report.path, "range": range(&index, d.span.clone()) },
                "severity": severity,
                "code": { "value": d.rule },
                "suggestions": suggestions,
            }));
        }
    }
    let out = json!({ "source": { "name": "vnlint" }, "diagnostics": diagnostics });
    let mut text = serde_json::to_string_pretty(&out).expect("rdjson serialises");
    text.push('\n');
    text
}
