//! Rendering: one module per output format. Renderers read diagnostics whose spans are
//! byte offsets into the file as read.

pub mod human;
pub mod json;
mod position;

pub use position::{LineIndex, Position};

use crate::diagnostic::Lang;
use crate::rules::RuleMeta;

/// `vnlint explain`: a rule's documentation as Markdown, in `lang`.
pub fn explain(meta: &RuleMeta, lang: Lang) -> String {
    let docs = meta.docs(lang);
    let (severity, what, why, example, silent) = match lang {
        Lang::Vi => (
            "Mức mặc định",
            "Tác dụng",
            "Vì sao",
            "Ví dụ lỗi",
            "Ví dụ không báo lỗi",
        ),
        Lang::En => (
            "Default severity",
            "What it does",
            "Why",
            "Example",
            "Silent example",
        ),
    };
    format!(
        "# {id}\n\n{summary}\n\n{severity}: {level}\n\n## {what}\n{w}\n\n## {why}\n{y}\n\n## {example}\n```text\n{e}\n```\n\n## {silent}\n```text\n{s}\n```\n",
        id = meta.id,
        summary = docs.summary,
        level = meta.default_severity,
        w = docs.what,
        y = docs.why,
        e = docs.example,
        s = docs.silent_example,
    )
}

/// The Markdown table of every rule that the README shows between its `rules:` markers.
pub fn rules_table(lang: Lang) -> String {
    let mut out = String::from("| id | default | what it reports |\n|---|---|---|\n");
    for rule in crate::rules::REGISTRY {
        let meta = rule.meta();
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            meta.id,
            meta.default_severity,
            meta.docs(lang).summary
        ));
    }
    out
}
