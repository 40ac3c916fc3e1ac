//! Helpers for the pass/fail tables inside each rule file.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::Rule;

/// The rule's findings on a plain text, spans mapped to byte offsets into `text`.
pub fn check(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
    let doc = Document::from_text(text);
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    for d in &mut out {
        d.map_spans(|s| doc.map.source_range(s));
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// The flagged texts.
pub fn flagged<'a>(rule: &dyn Rule, text: &'a str) -> Vec<&'a str> {
    check(rule, text)
        .iter()
        .map(|d| &text[d.span.clone()])
        .collect()
}

/// Every case must make the rule fire.
pub fn fails(rule: &dyn Rule, cases: &[&str]) {
    for case in cases {
        assert!(
            !check(rule, case).is_empty(),
            "{} should fire on: {case}",
            rule.meta().id
        );
    }
}

/// No case may make the rule fire.
pub fn silent(rule: &dyn Rule, cases: &[&str]) {
    for case in cases {
        let found = check(rule, case);
        assert!(
            found.is_empty(),
            "{} should stay silent on: {case}\nbut said: {:?}",
            rule.meta().id,
            found.iter().map(|d| &d.message.en).collect::<Vec<_>>()
        );
    }
}

/// The text with the first suggestion of every finding applied.
pub fn fixed(rule: &dyn Rule, text: &str) -> String {
    let mut edits: Vec<_> = check(rule, text)
        .into_iter()
        .filter_map(|d| d.suggestions.into_iter().next())
        .collect();
    edits.sort_by_key(|s| std::cmp::Reverse(s.span.start));
    let mut out = text.to_string();
    for s in edits {
        out.replace_range(s.span, &s.replacement);
    }
    out
}

/// The configuration of `rare-variant` for the small archive of the fixtures: its default
/// `min-ratio` (10000) was chosen with a model of 0.6 MB of text (the likelihood ratio
/// grows with the archive: a word never seen gets a probability near 1/size); 13 short
/// documents need less.
pub const ARCHIVE_OPTIONS: &str = "[rules]\nrare-variant = { min-ratio = 1000 }\n";

/// The model learned from `fixtures/rare-variant/archive` (once per test run).
pub fn archive_model() -> std::sync::Arc<crate::model::Model> {
    static MODEL: std::sync::LazyLock<std::sync::Arc<crate::model::Model>> =
        std::sync::LazyLock::new(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/rare-variant/archive");
            let (counts, errors) = crate::model::learn(&[dir], false);
            assert!(errors.is_empty(), "{:?}", errors.len());
            let bytes = counts.encode(1).expect("encodes");
            std::sync::Arc::new(crate::model::Model::from_bytes(bytes).expect("loads"))
        });
    MODEL.clone()
}
