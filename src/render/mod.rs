//! Rendering: one module per output format. Renderers read diagnostics whose spans are
//! byte offsets into the file as read.

pub mod checkstyle;
pub mod concise;
pub mod fold;
pub mod github;
pub mod human;
pub mod json;
pub mod rdjson;
pub mod sarif;

pub use crate::position::{LineIndex, Position};

use crate::diagnostic::Lang;
use crate::report::FileReport;
use crate::rules::RuleMeta;

/// The output formats of `vnlint check` (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Annotated source, for people.
    Human,
    /// One JSON array (schema in the README).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// Checkstyle XML (Jenkins, GitLab).
    Checkstyle,
    /// reviewdog Diagnostic JSON.
    Rdjson,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
}

/// Renders the reports of a run in `format`. `files` is how many files were checked (the
/// human summary says it).
pub fn render(
    format: OutputFormat,
    reports: &[FileReport],
    files: usize,
    lang: Lang,
    color: bool,
) -> String {
    match format {
        OutputFormat::Human => {
            let mut out = human::render(reports, human::HumanOptions { lang, color });
            out.push_str(&human::summary(reports, files, lang));
            out.push('\n');
            out
        }
        OutputFormat::Json => json::render(reports, lang),
        OutputFormat::Jsonl => json::render_lines(reports, lang),
        OutputFormat::Sarif => sarif::render(reports, lang),
        OutputFormat::Github => github::render(reports, lang),
        OutputFormat::Checkstyle => checkstyle::render(reports, lang),
        OutputFormat::Rdjson => rdjson::render(reports, lang),
        OutputFormat::Concise => concise::render(reports, lang),
    }
}

/// An error of the run (an input not checked, a bad configuration, a file not written), as
/// the output carries it.
#[derive(Debug, Clone)]
pub struct RunProblem {
    /// The file or folder it is about, when there is one.
    pub path: Option<String>,
    pub message: crate::diagnostic::Message,
}

/// Renders a run that had errors, so that it never reads as a clean one: the human output
/// ends with `summary` (and says "no problems" only of checked files with findings); `json`
/// becomes an object `{"diagnostics": [...], "errors": [...]}`; `jsonl` adds one
/// `{"error": ...}` line per error; SARIF gets an invocation with `executionSuccessful:
/// false` and a notification per error; `github` an `::error` line per error; `checkstyle`
/// and `rdjson` an error entry (source or code `input-error`) per error. Without
/// errors, the same as [`render`].
pub fn render_run(
    format: OutputFormat,
    reports: &[FileReport],
    problems: &[RunProblem],
    summary: &crate::diagnostic::Message,
    lang: Lang,
    color: bool,
) -> String {
    if problems.is_empty() {
        return render(format, reports, reports.len(), lang, color);
    }
    let error_json =
        |p: &RunProblem| serde_json::json!({ "path": p.path, "message": p.message.get(lang) });
    match format {
        OutputFormat::Human => {
            let mut out = human::render(reports, human::HumanOptions { lang, color });
            if reports.iter().any(|r| !r.diagnostics.is_empty()) {
                out.push_str(&human::summary(reports, reports.len(), lang));
                out.push('\n');
            }
            out.push_str(summary.get(lang));
            out.push('\n');
            out
        }
        OutputFormat::Json => {
            let diagnostics: serde_json::Value =
                serde_json::from_str(&json::render(reports, lang)).expect("JSON output parses");
            let errors: Vec<serde_json::Value> = problems.iter().map(error_json).collect();
            let whole = serde_json::json!({ "diagnostics": diagnostics, "errors": errors });
            let mut out = serde_json::to_string_pretty(&whole).expect("JSON serialises");
            out.push('\n');
            out
        }
        OutputFormat::Jsonl => {
            let mut out = json::render_lines(reports, lang);
            for p in problems {
                let line = serde_json::json!({ "error": error_json(p) });
                out.push_str(&line.to_string());
                out.push('\n');
            }
            out
        }
        OutputFormat::Sarif => {
            let mut log: serde_json::Value =
                serde_json::from_str(&sarif::render(reports, lang)).expect("SARIF output parses");
            let notifications: Vec<serde_json::Value> = problems
                .iter()
                .map(|p| serde_json::json!({ "level": "error", "message": { "text": p.message.get(lang) } }))
                .collect();
            log["runs"][0]["invocations"] = serde_json::json!([{
                "executionSuccessful": false,
                "toolExecutionNotifications": notifications,
            }]);
            let mut out = serde_json::to_string_pretty(&log).expect("SARIF serialises");
            out.push('\n');
            out
        }
        OutputFormat::Github => {
            let mut out = github::render(reports, lang);
            for p in problems {
                let file = p
                    .path
                    .as_deref()
                    .map(|f| format!(" file={}", github::escape_property(f)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "::error{file}::{}\n",
                    github::escape_data(p.message.get(lang))
                ));
            }
            out
        }
        OutputFormat::Checkstyle => {
            let mut out = checkstyle::render(reports, lang);
            let end = out.rfind("</checkstyle>").expect("checkstyle closes");
            let mut errors = String::new();
            for p in problems {
                errors.push_str(&format!(
                    "  <file name=\"{}\">\n    <error severity=\"error\" message=\"{}\" source=\"vnlint.input-error\"/>\n  </file>\n",
                    quick_xml::escape::escape(p.path.as_deref().unwrap_or("")),
                    quick_xml::escape::escape(p.message.get(lang)),
                ));
            }
            out.insert_str(end, &errors);
            out
        }
        OutputFormat::Rdjson => {
            let mut log: serde_json::Value =
                serde_json::from_str(&rdjson::render(reports, lang)).expect("rdjson parses");
            let diagnostics = log["diagnostics"]
                .as_array_mut()
                .expect("rdjson diagnostics");
            for p in problems {
                diagnostics.push(serde_json::json!({
                    "message": p.message.get(lang),
                    "location": { "path": p.path.as_deref().unwrap_or("") },
                    "severity": "ERROR",
                    "code": { "value": "input-error" },
                }));
            }
            let mut out = serde_json::to_string_pretty(&log).expect("rdjson serialises");
            out.push('\n');
            out
        }
        // One line per finding has no place for an error: standard error and the exit
        // status say it.
        OutputFormat::Concise => render(format, reports, reports.len(), lang, color),
    }
}

/// Whether the format is read by programs (its standard output must stay parseable).
pub fn is_machine_readable(format: OutputFormat) -> bool {
    !matches!(format, OutputFormat::Human | OutputFormat::Concise)
}

/// `--statistics`: how many findings each rule made, most first.
pub fn statistics(reports: &[FileReport], lang: Lang) -> String {
    let mut counts: std::collections::BTreeMap<&str, (usize, crate::Severity)> =
        std::collections::BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let entry = counts.entry(d.rule).or_insert((0, d.severity));
        entry.0 += 1;
        entry.1 = entry.1.max(d.severity);
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    let mut out = String::new();
    for (rule, (n, severity)) in rows {
        out.push_str(&format!("{n:6}  {rule:24} {severity}\n"));
    }
    if out.is_empty() {
        out.push_str(match lang {
            Lang::Vi => "Không có phát hiện nào\n",
            Lang::En => "No findings\n",
        });
    }
    out
}

/// `vnlint explain`: a rule's documentation as Markdown, in `lang`.
pub fn explain(meta: &RuleMeta, lang: Lang) -> String {
    let docs = meta.docs(lang);
    let (severity, gives_way, options, what, why, example, silent) = match lang {
        Lang::Vi => (
            "Mức mặc định",
            "Nhường cho (cùng một chỗ chỉ báo một lần)",
            "Tùy chọn (giá trị mặc định; nhận)",
            "Tác dụng",
            "Vì sao",
            "Ví dụ lỗi",
            "Ví dụ không báo lỗi",
        ),
        Lang::En => (
            "Default severity",
            "Gives way to (one report per slip)",
            "Options (default; accepts)",
            "What it does",
            "Why",
            "Example",
            "Silent example",
        ),
    };
    let yields = if meta.gives_way_to.is_empty() {
        String::new()
    } else {
        let ids: Vec<String> = meta.gives_way_to.iter().map(|r| format!("`{r}`")).collect();
        format!("\n{gives_way}: {}\n", ids.join(", "))
    };
    let options = if meta.options.is_empty() {
        String::new()
    } else {
        let list: String = meta
            .options
            .iter()
            .map(|o| format!("- `{}` = {} ({})\n", o.key, o.default_toml(), o.accepted()))
            .collect();
        format!("\n{options}:\n{list}")
    };
    format!(
        "# {id}\n\n{summary}\n\n{severity}: {level}\n{yields}{options}\n## {what}\n{w}\n\n## {why}\n{y}\n\n## {example}\n```text\n{e}\n```\n\n## {silent}\n```text\n{s}\n```\n",
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
