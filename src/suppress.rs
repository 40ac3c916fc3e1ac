//! Inline suppressions, written in the markup's own comment syntax:
//!
//! - `<!-- vnlint-disable rule-a, rule-b -- lý do -->` ... `<!-- vnlint-enable -->`
//! - `<!-- vnlint-disable-next-line rule -->`
//! - `<!-- vnlint-disable-file -->`
//! - in plain text, a line holding only `vnlint-disable-next-line rule` (and the others)
//!
//! No rule names means every rule; the text after `--` is the reason. A suppression naming
//! an unknown rule, or suppressing nothing, is reported as `unused-suppression`.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Message};
use crate::position::LineIndex;
use crate::rules;

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Disable,
    Enable,
    DisableNextLine,
    DisableFile,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub kind: Kind,
    /// Rule ids named; empty means every rule.
    pub rules: Vec<String>,
    /// The comment in the source.
    pub span: Range<usize>,
}

/// Reads the directives among a document's comments.
pub fn parse(source: &str, comments: &[Range<usize>]) -> Vec<Directive> {
    let mut out = Vec::new();
    for span in comments {
        let text = source[span.clone()].trim();
        let text = text
            .strip_prefix("<!--")
            .map(|t| t.strip_suffix("-->").unwrap_or(t))
            .unwrap_or(text)
            .trim();
        // Longest keyword first: "vnlint-disable" is a prefix of the others.
        let keywords = [
            ("vnlint-disable-next-line", Kind::DisableNextLine),
            ("vnlint-disable-file", Kind::DisableFile),
            ("vnlint-disable", Kind::Disable),
            ("vnlint-enable", Kind::Enable),
        ];
        let Some((kind, rest)) = keywords.iter().find_map(|(k, kind)| {
            text.strip_prefix(k)
                .filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
                .map(|rest| (*kind, rest))
        }) else {
            continue;
        };
        let names = rest.split(" --").next().unwrap_or("");
        let rules = names
            .split([',', ' ', '\t'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        out.push(Directive {
            kind,
            rules,
            span: span.clone(),
        });
    }
    out
}

impl Directive {
    fn covers(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

/// The id of the findings this module makes.
pub const UNUSED: &str = "unused-suppression";

/// Removes the suppressed diagnostics (spans are source offsets) and, when `report_unused`,
/// adds an `unused-suppression` finding for each directive naming an unknown rule or
/// suppressing nothing. A directive naming a rule that `is_enabled` says is off is not
/// unused: it waits for the rule to be turned back on.
pub fn apply(
    source: &str,
    directives: &[Directive],
    diagnostics: &mut Vec<Diagnostic>,
    report_unused: bool,
    is_enabled: impl Fn(&str) -> bool,
) {
    if directives.is_empty() {
        return;
    }
    let index = LineIndex::new(source);
    let mut used = vec![false; directives.len()];
    // The line each next-line directive silences: the first non-blank line after it.
    let target_line: Vec<Option<usize>> = directives
        .iter()
        .map(|d| {
            (d.kind == Kind::DisableNextLine).then(|| {
                let mut line = index.line_of(d.span.end.saturating_sub(1)) + 1;
                while index.line_count() > line && source[index.line_range(line)].trim().is_empty()
                {
                    line += 1;
                }
                line
            })
        })
        .collect();
    diagnostics.retain(|diag| {
        let at = diag.span.start;
        let line = index.line_of(at);
        let mut suppressed_by = None;
        // Regions: the last disable/enable before the finding that names its rule decides.
        let mut region: Option<usize> = None;
        for (i, d) in directives.iter().enumerate() {
            if !d.covers(diag.rule) {
                continue;
            }
            match d.kind {
                Kind::DisableFile => suppressed_by = suppressed_by.or(Some(i)),
                Kind::DisableNextLine if target_line[i] == Some(line) => {
                    suppressed_by = suppressed_by.or(Some(i))
                }
                Kind::Disable if d.span.end <= at => region = Some(i),
                Kind::Enable if d.span.end <= at => region = None,
                _ => {}
            }
        }
        match suppressed_by.or(region) {
            Some(i) => {
                used[i] = true;
                false
            }
            None => true,
        }
    });
    if !report_unused {
        return;
    }
    for (i, d) in directives.iter().enumerate() {
        let unknown: Vec<&String> = d
            .rules
            .iter()
            .filter(|r| rules::find(r).is_none())
            .collect();
        let message = if !unknown.is_empty() {
            let names = unknown
                .iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join(", ");
            Some(Message::new(
                format!("Lệnh tắt kiểm tra nêu quy tắc không tồn tại: {names}"),
                format!("The suppression names no such rule: {names}"),
            ))
        } else if d.kind != Kind::Enable && !used[i] && d.rules.iter().all(|r| is_enabled(r)) {
            Some(Message::new(
                "Lệnh tắt kiểm tra này không che lỗi nào: hãy xoá nó",
                "This suppression suppresses nothing: remove it",
            ))
        } else {
            None
        };
        if let Some(message) = message {
            diagnostics.push(Diagnostic::new(
                UNUSED,
                crate::diagnostic::Severity::Warning,
                d.span.clone(),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Format};

    fn rules_at(source: &str, format: Format) -> Vec<(String, &'static str)> {
        let report = crate::lint_bytes("t", source.as_bytes(), format, &Config::default()).unwrap();
        report
            .diagnostics
            .iter()
            .map(|d| (source[d.span.clone()].to_string(), d.rule))
            .collect()
    }

    #[test]
    fn parses_rules_and_reasons() {
        let source = "<!-- vnlint-disable confusion, double-space -- tên riêng -->";
        let whole = 0..source.len();
        let d = parse(source, std::slice::from_ref(&whole));
        assert_eq!(d[0].kind, Kind::Disable);
        assert_eq!(d[0].rules, vec!["confusion", "double-space"]);
    }

    #[test]
    fn next_line_in_markdown_and_plain_text() {
        let md =
            "<!-- vnlint-disable-next-line confusion -->\nA ninh được giữ.\n\nA ninh lần nữa.\n";
        assert_eq!(
            rules_at(md, Format::Markdown),
            vec![("A ninh".to_string(), "confusion")]
        );
        let txt = "vnlint-disable-next-line confusion -- trích nguyên văn\nA ninh được giữ.\nA ninh lần nữa.\n";
        assert_eq!(
            rules_at(txt, Format::Plain),
            vec![("A ninh".to_string(), "confusion")]
        );
    }

    #[test]
    fn regions_and_whole_files() {
        let md = "Đoạn  một.\n\n<!-- vnlint-disable double-space -->\n\nĐoạn  hai.\n\n<!-- vnlint-enable -->\n\nĐoạn  ba.\n";
        let got = rules_at(md, Format::Markdown);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(_, r)| *r == "double-space"));
        let file = "<!-- vnlint-disable-file -->\n\nA ninh  và.\n";
        assert!(rules_at(file, Format::Markdown).is_empty());
    }

    #[test]
    fn unknown_and_unused_suppressions_are_reported() {
        let md = "<!-- vnlint-disable-next-line khong-co -->\nXin chào.\n\n<!-- vnlint-disable-next-line confusion -->\nAn ninh tốt.\n";
        let got = rules_at(md, Format::Markdown);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, r)| *r == UNUSED));
    }

    #[test]
    fn a_directive_in_a_code_block_is_not_one() {
        let md = "```\n<!-- vnlint-disable-file -->\n```\n\nA ninh.\n";
        assert_eq!(
            rules_at(md, Format::Markdown),
            vec![("A ninh".to_string(), "confusion")]
        );
    }
}

#[cfg(test)]
mod disabled_rule_tests {
    use crate::{Config, Format};

    fn unused(config: &Config) -> usize {
        let text = "Mở đầu.\nvnlint-disable-next-line double-space\nAn ninh  được giữ vững.\n";
        crate::lint_bytes("t.txt", text.as_bytes(), Format::Plain, config)
            .unwrap()
            .diagnostics
            .iter()
            .filter(|d| d.rule == super::UNUSED)
            .count()
    }

    #[test]
    fn a_suppression_for_a_rule_turned_off_is_not_unused() {
        let off = Config::from_toml("[rules]\ndouble-space = \"off\"\n").unwrap();
        assert_eq!(unused(&off), 0);
        assert_eq!(unused(&Config::default()), 0, "used while the rule is on");
        // The same directive with the rule on and nothing to suppress is still reported.
        let text = "vnlint-disable-next-line double-space\nAn ninh được giữ vững.\n";
        let report =
            crate::lint_bytes("t.txt", text.as_bytes(), Format::Plain, &Config::default()).unwrap();
        assert!(report.diagnostics.iter().any(|d| d.rule == super::UNUSED));
    }
}
