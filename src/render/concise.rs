//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`.

use crate::diagnostic::Lang;
use crate::render::LineIndex;
use crate::report::FileReport;

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.source);
        for d in &report.diagnostics {
            let p = index.position(d.span.start);
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
                report.path,
                p.line,
                p.column,
                d.severity,
                d.rule,
                d.message.get(lang)
            ));
        }
    }
    out
}
