//! `--format checkstyle`: Checkstyle XML, read by Jenkins and GitLab.

use quick_xml::escape::escape;

use crate::diagnostic::{Lang, Severity};
use crate::render::LineIndex;
use crate::report::FileReport;

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for report in reports {
        let index = LineIndex::new(&report.source);
        out.push_str(&format!(
            "  <file name=\"{}\">\n",
            escape(report.path.as_str())
        ));
        for d in &report.diagnostics {
            let p = index.position(d.span.start);
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            out.push_str(&format!(
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"vnlint.{}\"/>\n",
                p.line,
                p.column,
                escape(d.message.get(lang)),
                d.rule
            ));
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}
