//! Code actions: each suggestion of a finding, "ignore here" (a suppression comment in the
//! document's syntax), "add to vocabulary", and "fix all safe" for the whole document.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Command, TextEdit, Uri,
    WorkspaceEdit,
};

use vnlint::{Format, Lang};

use super::position::LineMap;
use super::{ADD_TO_VOCABULARY, Server};

/// The rules that leave a word of the user's vocabulary alone.
const VOCABULARY_RULES: &[&str] = &[
    "nonword",
    "rare-variant",
    "variant-outlier",
    "undefined-abbreviation",
];

impl Server<'_> {
    pub(super) fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.documents.get(uri) else {
            return Vec::new();
        };
        let Some(report) = &doc.report else {
            return Vec::new();
        };
        let wants = |kind: &CodeActionKind| {
            p.context
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
        };
        let source = &report.source;
        let map = LineMap::new(source, self.encoding);
        let asked = map.span(p.range);
        let vi = self.lang == Lang::Vi;
        let mut actions = Vec::new();
        let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        };
        let touching = report
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= asked.end && asked.start <= d.span.end);
        for d in touching.filter(|_| wants(&CodeActionKind::QUICKFIX)) {
            let lsp = self.diagnostic(uri, &map, d);
            for (i, s) in d.suggestions.iter().enumerate() {
                let title = if vi {
                    format!("Sửa thành “{}”", s.replacement)
                } else {
                    format!("Replace with “{}”", s.replacement)
                };
                actions.push(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(edit(vec![TextEdit::new(
                        map.range(&s.span),
                        s.replacement.clone(),
                    )])),
                    is_preferred: Some(i == 0 && s.safe),
                    ..Default::default()
                });
            }
            if let Some(insert) = suppression(source, doc.format, d.span.start, d.rule) {
                let title = if vi {
                    format!("Bỏ qua {} ở dòng này", d.rule)
                } else {
                    format!("Ignore {} on this line", d.rule)
                };
                actions.push(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(edit(vec![TextEdit::new(
                        map.range(&(insert.at..insert.at)),
                        insert.text,
                    )])),
                    ..Default::default()
                });
            }
            let word = source.get(d.span.clone()).unwrap_or("");
            if VOCABULARY_RULES.contains(&d.rule)
                && !word.is_empty()
                && !word.contains(char::is_whitespace)
            {
                let title = if vi {
                    format!("Thêm “{word}” vào từ điển riêng")
                } else {
                    format!("Add “{word}” to the vocabulary")
                };
                actions.push(CodeAction {
                    title: title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    command: Some(Command::new(
                        title,
                        ADD_TO_VOCABULARY.to_string(),
                        Some(vec![uri.as_str().into(), word.into()]),
                    )),
                    ..Default::default()
                });
            }
        }
        let has_safe_fix = report
            .diagnostics
            .iter()
            .any(|d| d.suggestions.first().is_some_and(|s| s.safe));
        if has_safe_fix
            && (wants(&CodeActionKind::QUICKFIX) || wants(&CodeActionKind::SOURCE_FIX_ALL))
            && let Some(action) = self.fix_all(uri, doc)
        {
            actions.push(action);
        }
        actions
            .into_iter()
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    /// "Fix all safe": the document fixed as `--fix` would, as one edit over the part that
    /// changes.
    fn fix_all(&self, uri: &Uri, doc: &super::OpenDocument) -> Option<CodeAction> {
        let config = doc.config.clone()?;
        let name = doc.name(uri);
        let fixed =
            vnlint::engine::fix_text(&name, doc.text.as_bytes(), doc.format, &config, false)
                .ok()?;
        if fixed.applied == 0 {
            return None;
        }
        let (span, replacement) = changed_part(&doc.text, &fixed.text);
        let map = LineMap::new(&doc.text, self.encoding);
        let title = match self.lang {
            Lang::Vi => format!("Sửa mọi lỗi chắc chắn trong tài liệu ({})", fixed.applied),
            Lang::En => format!("Fix all safe in this document ({})", fixed.applied),
        };
        Some(CodeAction {
            title,
            kind: Some(CodeActionKind::SOURCE_FIX_ALL),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri.clone(),
                    vec![TextEdit::new(map.range(&span), replacement.to_string())],
                )])),
                ..Default::default()
            }),
            ..Default::default()
        })
    }
}

/// The span of `before` that differs from `after` and what replaces it, on character
/// boundaries.
pub fn changed_part<'a>(before: &str, after: &'a str) -> (Range<usize>, &'a str) {
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    (
        prefix..before.len() - suffix,
        &after[prefix..after.len() - suffix],
    )
}

/// Text to insert at a byte offset.
#[derive(Debug, PartialEq)]
pub struct Insertion {
    pub at: usize,
    pub text: String,
}

/// The suppression comment that silences `rule` on the line holding `offset`, in the
/// document's syntax (see `vnlint::suppress`): a line of its own before that line, or, in
/// Markdown inside a paragraph, a comment at the end of the line before (a comment line
/// there would split the paragraph).
pub fn suppression(source: &str, format: Format, offset: usize, rule: &str) -> Option<Insertion> {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[line_start..];
    let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    let eol = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let directive = format!("vnlint-disable-next-line {rule}");
    match format {
        Format::Docx => None,
        Format::Plain => Some(Insertion {
            at: line_start,
            text: format!("{indent}{directive}{eol}"),
        }),
        Format::Html => Some(Insertion {
            at: line_start,
            text: format!("{indent}<!-- {directive} -->{eol}"),
        }),
        Format::Markdown => {
            let previous = source[..line_start]
                .strip_suffix('\n')
                .map(|p| p.strip_suffix('\r').unwrap_or(p));
            let previous_line = previous.map(|p| (p.rfind('\n').map_or(0, |i| i + 1), p));
            match previous_line {
                Some((start, before)) if !is_break(&before[start..]) => {
                    let content_end = start + before[start..].trim_end().len();
                    Some(Insertion {
                        at: content_end,
                        text: format!(" <!-- {directive} -->"),
                    })
                }
                _ => Some(Insertion {
                    at: line_start,
                    text: format!("{indent}<!-- {directive} -->{eol}"),
                }),
            }
        }
    }
}

/// A Markdown line after which a comment line starts a block of its own: blank, or a code
/// fence.
fn is_break(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with("```") || t.starts_with("~~~")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insert(source: &str, i: &Insertion) -> String {
        let mut out = source.to_string();
        out.insert_str(i.at, &i.text);
        out
    }

    /// Whether linting `text` in `format` still reports `rule`.
    fn reported(text: &str, format: Format, rule: &str) -> bool {
        vnlint::lint_bytes("t", text.as_bytes(), format, &vnlint::Config::default())
            .unwrap()
            .diagnostics
            .iter()
            .any(|d| d.rule == rule)
    }

    #[test]
    fn ignore_here_silences_the_finding_in_each_format() {
        let cases = [
            (Format::Plain, "Tiêu đề\nA ninh được giữ vững.\n"),
            (
                Format::Markdown,
                "# Tiêu đề\n\nĐoạn văn mở đầu,\nA ninh được giữ vững.\n",
            ),
            (Format::Markdown, "# Tiêu đề\n\nA ninh được giữ vững.\n"),
            (
                Format::Html,
                "<p>Tiêu đề</p>\n  <p>A ninh được giữ vững.</p>\n",
            ),
            (Format::Plain, "Tiêu đề\r\nA ninh được giữ vững.\r\n"),
        ];
        for (format, text) in cases {
            assert!(reported(text, format, "confusion"), "{text}");
            let at = text.find("A ninh").unwrap();
            let i = suppression(text, format, at, "confusion").unwrap();
            let silenced = insert(text, &i);
            assert!(!reported(&silenced, format, "confusion"), "{silenced}");
            assert!(
                !reported(&silenced, format, vnlint::suppress::UNUSED),
                "{silenced}"
            );
        }
    }

    #[test]
    fn markdown_paragraph_is_not_split() {
        let text = "Đoạn văn mở đầu,\nA ninh được giữ vững.\n";
        let i = suppression(
            text,
            Format::Markdown,
            text.find("A ninh").unwrap(),
            "confusion",
        );
        assert_eq!(
            insert(text, &i.unwrap()),
            "Đoạn văn mở đầu, <!-- vnlint-disable-next-line confusion -->\nA ninh được giữ vững.\n"
        );
    }

    #[test]
    fn changed_part_is_the_smallest_edit() {
        let (span, with) = changed_part("Quận ủy  và HĐND.", "Quận ủy và HĐND.");
        assert_eq!(&"Quận ủy  và HĐND."[span.clone()], " ");
        assert_eq!(with, "");
        // Shared bytes inside a character are not split: "ả" and "ạ" share a lead byte.
        let (span, with) = changed_part("bả", "bạ");
        assert_eq!((span, with), (1.."bả".len(), "ạ"));
        let (span, with) = changed_part("a", "a");
        assert_eq!((span, with), (1..1, ""));
    }
}
