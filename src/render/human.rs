//! `--format human`: diagnostics drawn over the source lines with annotate-snippets, and a
//! summary line.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::render::LineIndex;
use crate::render::fold;
use crate::report::FileReport;

/// Options for the human format.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub lang: Lang,
    pub color: bool,
}

/// Renders each diagnostic of each report, in order.
pub fn render(reports: &[FileReport], options: HumanOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.source);
        for entry in fold::entries(report) {
            let (d, others_note) = entry.with_note(&index, options.lang);
            let groups = diagnostic_groups(report, &index, d, others_note, options.lang);
            out.push_str(&renderer.render(&groups));
            out.push_str("\n\n");
        }
    }
    out
}

/// A piece of source shown in a report: whole lines and the annotations on them.
struct Window {
    lines: Range<usize>,
    annotations: Vec<(AnnotationKind, Range<usize>, String)>,
}

fn diagnostic_groups<'a>(
    report: &'a FileReport,
    index: &LineIndex<'_>,
    d: &'a Diagnostic,
    others_note: Option<String>,
    lang: Lang,
) -> Vec<Group<'a>> {
    let mut windows: Vec<Window> = Vec::new();
    let mut place = |kind: AnnotationKind, span: Range<usize>, label: String| {
        let first = index.line_of(span.start);
        let last = index.line_of(span.end.saturating_sub(1).max(span.start));
        match windows
            .iter_mut()
            .find(|w| w.lines.start <= first && last < w.lines.end)
        {
            Some(w) => w.annotations.push((kind, span, label)),
            None => windows.push(Window {
                lines: first..last + 1,
                annotations: vec![(kind, span, label)],
            }),
        }
    };
    place(AnnotationKind::Primary, d.span.clone(), String::new());
    for r in &d.related {
        place(
            AnnotationKind::Context,
            r.span.clone(),
            r.message.get(lang).to_string(),
        );
    }

    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let mut group = Group::with_title(level.primary_title(d.message.get(lang)).id(d.rule));
    for w in windows {
        let start = index.line_range(w.lines.start).start;
        let end = index.line_range(w.lines.end - 1).end;
        let mut snippet = Snippet::source(&report.source[start..end])
            .line_start(w.lines.start + 1)
            .path(report.path.as_str());
        for (kind, span, label) in w.annotations {
            let local = span.start.saturating_sub(start)..span.end.min(end).saturating_sub(start);
            let annotation = kind.span(local);
            snippet = snippet.annotation(if label.is_empty() {
                annotation
            } else {
                annotation.label(label)
            });
        }
        group = group.element(snippet);
    }
    if report.locator == crate::report::Locator::Paragraphs {
        let p = index.position(d.span.start);
        let place = match lang {
            Lang::Vi => format!("đoạn {}, ký tự {}", p.line, p.column),
            Lang::En => format!("paragraph {}, character {}", p.line, p.column),
        };
        group = group.element(Level::NOTE.message(place));
    }
    if let Some(note) = others_note {
        group = group.element(Level::NOTE.message(note));
    }
    for s in &d.suggestions {
        let removed = report.source.get(s.span.clone()).unwrap_or("");
        let help = if s.replacement.is_empty() && !removed.is_empty() {
            match (lang, removed.trim().is_empty()) {
                (Lang::Vi, true) => "xóa dấu cách".to_string(),
                (Lang::En, true) => "remove the space".to_string(),
                (Lang::Vi, false) => format!("xóa “{}”", removed.trim()),
                (Lang::En, false) => format!("remove “{}”", removed.trim()),
            }
        } else if s.replacement.trim().is_empty() && !s.replacement.is_empty() {
            match lang {
                Lang::Vi => "thay bằng một dấu cách thường".to_string(),
                Lang::En => "replace with one ordinary space".to_string(),
            }
        } else {
            match lang {
                Lang::Vi => format!("sửa thành “{}”", s.replacement),
                Lang::En => format!("change to “{}”", s.replacement),
            }
        };
        group = group.element(Level::HELP.message(help));
    }
    vec![group]
}

/// "3 lỗi, 5 cảnh báo trong 1 tệp" / "3 errors, 5 warnings in 1 file".
pub fn summary(reports: &[FileReport], files: usize, lang: Lang) -> String {
    let count = |s: Severity| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match lang {
        Lang::Vi => {
            let parts: Vec<String> = [(errors, "lỗi"), (warnings, "cảnh báo"), (infos, "ghi chú")]
                .into_iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, word)| format!("{n} {word}"))
                .collect();
            if parts.is_empty() {
                format!("Không có lỗi nào trong {files} tệp")
            } else {
                format!("{} trong {files} tệp", parts.join(", "))
            }
        }
        Lang::En => {
            let parts: Vec<String> = [
                (errors, "error", "errors"),
                (warnings, "warning", "warnings"),
                (infos, "info", "infos"),
            ]
            .into_iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| plural(n, one, many))
            .collect();
            let in_files = plural(files, "file", "files");
            if parts.is_empty() {
                format!("No problems in {in_files}")
            } else {
                format!("{} in {in_files}", parts.join(", "))
            }
        }
    }
}
