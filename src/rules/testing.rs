//! Helpers for the pass/fail tables inside each rule file.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::Rule;

/// The rule's findings on a plain text, spans mapped to byte offsets into `text`.
pub fn check(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
    check_with(rule, text, &crate::Config::default())
}

/// The rule alone on a document, with the options, tables and model of `config` (the
/// engine's policies, such as the vocabulary, are not applied: see [`crate::lint_text`]).
pub fn run(rule: &dyn Rule, doc: &Document, config: &crate::Config) -> Vec<Diagnostic> {
    let shared = crate::rules::Shared {
        vocabulary: &config.vocabulary,
        tables: &config.tables,
        model: config.model.as_deref(),
        reference: crate::model::builtin(),
    };
    let options = config.options_for(rule.meta().id, None);
    let ctx = crate::rules::LintContext::new(doc, shared, rule.meta(), options.as_ref());
    let mut out = Vec::new();
    rule.check(&ctx, &mut out);
    out
}

/// The rule's findings on a plain text with `config`, spans mapped to byte offsets.
pub fn check_with(rule: &dyn Rule, text: &str, config: &crate::Config) -> Vec<Diagnostic> {
    let doc = Document::from_text(text);
    let mut out = run(rule, &doc, config);
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

/// The rule must flag exactly `expected`, in document order.
#[track_caller]
pub fn flags(rule: &dyn Rule, text: &str, expected: &[&str]) {
    assert_eq!(
        flagged(rule, text),
        expected,
        "{} on: {text}",
        rule.meta().id
    );
}

/// [`flags`] for each case: a text and what the rule must flag in it.
#[track_caller]
pub fn flags_each(rule: &dyn Rule, cases: &[(&str, &[&str])]) {
    for (text, expected) in cases {
        flags(rule, text, expected);
    }
}

/// Every case must make the rule fire, anywhere: for the few cases where the place is not
/// the point (prefer [`flags`]).
#[track_caller]
pub fn fires_somewhere(rule: &dyn Rule, cases: &[&str]) {
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

/// Asserts that each text, with its findings' first suggestions applied, reads as given.
pub fn fixes_each(rule: &dyn Rule, cases: &[(&str, &str)]) {
    for (text, expected) in cases {
        assert_eq!(fixed(rule, text), *expected, "fixing {text:?}");
    }
}

/// `rare-variant`'s non-default thresholds for the small archive of the fixtures (why: in the
/// file, which the integration tests read too).
pub const SMALL_ARCHIVE_OPTIONS: &str =
    include_str!("../../fixtures/rare-variant/small-archive.toml");

/// The configuration for `rare-variant` on the fixtures' small archive:
/// [`SMALL_ARCHIVE_OPTIONS`] and the [`archive_model`].
pub fn small_archive_config() -> crate::Config {
    let mut config = crate::Config::from_toml(SMALL_ARCHIVE_OPTIONS).expect("valid options");
    config.set_model(archive_model(), "archive".into());
    config
}

/// The model learned from `fixtures/rare-variant/archive` (once per test run).
pub fn archive_model() -> std::sync::Arc<crate::model::Model> {
    static MODEL: std::sync::LazyLock<std::sync::Arc<crate::model::Model>> =
        std::sync::LazyLock::new(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/rare-variant/archive");
            let (counts, errors) = crate::engine::learn(&[dir], false);
            assert!(errors.is_empty(), "{:?}", errors.len());
            let bytes = counts.encode(1).expect("encodes");
            std::sync::Arc::new(crate::model::Model::from_bytes(bytes).expect("loads"))
        });
    MODEL.clone()
}
