//! `--format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request. Columns count characters. A finding repeated many times
//! is folded (`render::fold`): a pull request shows only a few annotations per step.

use crate::diagnostic::{Lang, Severity};
use crate::render::LineIndex;
use crate::render::fold;
use crate::report::FileReport;

/// Escapes a workflow command's message.
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.source);
        for entry in fold::entries(report) {
            let (d, note) = entry.with_note(&index, lang);
            let others = note.map(|n| format!(" ({n})")).unwrap_or_default();
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (start, end) = (index.position(d.span.start), index.position(d.span.end));
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&report.path),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&format!("vnlint {}", d.rule)),
                escape_data(&format!("{}{others}", d.message.get(lang))),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_the_runner_would_misread() {
        assert_eq!(escape_data("50%\nx"), "50%25%0Ax");
        assert_eq!(escape_property("a,b:c"), "a%2Cb%3Ac");
    }
}
