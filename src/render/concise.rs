//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`; a
//! finding repeated many times is folded (`render::fold`).

use crate::diagnostic::Lang;
use crate::render::LineIndex;
use crate::render::fold;
use crate::report::FileReport;

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.source);
        for entry in fold::entries(report) {
            let (d, note) = entry.with_note(&index, lang);
            let others = note.map(|n| format!(" ({n})")).unwrap_or_default();
            let p = index.position(d.span.start);
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}{others}\n",
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
