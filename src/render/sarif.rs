//! `--format sarif`: SARIF 2.1.0 for code scanning. Rules carry their descriptions and help;
//! results carry related locations and fixes; columns are Unicode code points, declared
//! with `columnKind`.

use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::render::{LineIndex, explain};
use crate::report::FileReport;
use crate::rules::REGISTRY;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The base a relative path is resolved against: the folder vnlint was run in (for code
/// scanning, the repository's root). Consumers supply its value, as SARIF allows.
const SRCROOT: &str = "%SRCROOT%";

/// A file path as a URI: percent-encoded (every byte outside RFC 3986's unreserved set and
/// `/`), relative to [`SRCROOT`], or a `file:` URI when the path is absolute.
fn artifact_location(path: &str) -> Value {
    let slashed = path.replace('\\', "/");
    let absolute = slashed.starts_with('/') || slashed.as_bytes().get(1) == Some(&b':');
    let mut relative = slashed.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    let encoded = percent_encode(if absolute { &slashed } else { relative });
    if absolute {
        let root = if slashed.starts_with('/') { "" } else { "/" };
        json!({ "uri": format!("file://{root}{encoded}") })
    } else {
        json!({ "uri": encoded, "uriBaseId": SRCROOT })
    }
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && out.len() == 1) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(report: &FileReport, index: &LineIndex<'_>, span: std::ops::Range<usize>) -> Value {
    let (start, end) = (index.position(span.start), index.position(span.end));
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "byteOffset": span.start,
        "byteLength": span.len(),
        "snippet": { "text": report.source.get(span).unwrap_or("") },
    })
}

fn result(report: &FileReport, index: &LineIndex<'_>, d: &Diagnostic, lang: Lang) -> Value {
    let location = |span: std::ops::Range<usize>| {
        json!({
            "artifactLocation": artifact_location(&report.path),
            "region": region(report, index, span),
        })
    };
    let related: Vec<Value> = d
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "id": i + 1,
                "physicalLocation": location(r.span.clone()),
                "message": { "text": r.message.get(lang) },
            })
        })
        .collect();
    let fixes: Vec<Value> = d
        .suggestions
        .iter()
        .map(|s| {
            json!({
                "description": { "text": s.replacement },
                "artifactChanges": [{
                    "artifactLocation": artifact_location(&report.path),
                    "replacements": [{
                        "deletedRegion": { "byteOffset": s.span.start, "byteLength": s.span.len() },
                        "insertedContent": { "text": s.replacement },
                    }],
                }],
            })
        })
        .collect();
    let rule_index = REGISTRY.iter().position(|r| r.meta().id == d.rule);
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": d.message.get(lang) },
        "locations": [{ "physicalLocation": location(d.span.clone()) }],
    });
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    if !fixes.is_empty() {
        result["fixes"] = Value::Array(fixes);
    }
    result
}

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|r| {
            let meta = r.meta();
            let docs = meta.docs(lang);
            json!({
                "id": meta.id,
                "name": meta.id,
                "shortDescription": { "text": docs.summary },
                "fullDescription": { "text": docs.what },
                "help": { "text": docs.why, "markdown": explain(meta, lang) },
                "defaultConfiguration": { "level": level(meta.default_severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let index = LineIndex::new(&report.source);
        results.extend(
            report
                .diagnostics
                .iter()
                .map(|d| result(report, &index, d, lang)),
        );
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "vnlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded_uris_with_a_base() {
        assert_eq!(
            artifact_location("./tin/bản tin#1.txt"),
            json!({ "uri": "tin/b%E1%BA%A3n%20tin%231.txt", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(
            artifact_location("tin\\a [1].md"),
            json!({ "uri": "tin/a%20%5B1%5D.md", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(
            artifact_location("/srv/tin/ả.txt"),
            json!({ "uri": "file:///srv/tin/%E1%BA%A3.txt" })
        );
        assert_eq!(
            artifact_location("C:\\tin\\a.txt"),
            json!({ "uri": "file:///C:/tin/a.txt" })
        );
    }
}
