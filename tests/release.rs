//! A whole press release with exactly one mistake of each kind every rule catches, and the
//! same release corrected: the first must report exactly those mistakes, the second nothing
//! at warning level or above. Both are checked with a model of an archive, so that
//! `rare-variant` runs too.

use std::path::Path;

use vnlint::{Config, Severity};

/// `rare-variant`'s non-default thresholds for the fixtures' small archive (why: in the file).
const SMALL_ARCHIVE_OPTIONS: &str = include_str!("../fixtures/rare-variant/small-archive.toml");

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Every mistake of `release-with-mistakes.txt`: the rule and the text it flags.
const MISTAKES: &[(&str, &str)] = &[
    ("ordinal-mismatch", "17"),
    ("weekday-mismatch", "thứ Tư"),
    ("count-mismatch", "4"),
    ("percent-mismatch", "65%"),
    ("undefined-abbreviation", "KTXH"),
    ("part-exceeds-whole", "45"),
    ("capitalization-mismatch", "chương"),
    ("number-format", "05"),
    ("confusion", "Bí thu"),
    ("variant-outlier", "chực"),
    ("nonword", "nghành"),
    ("invalid-date", "31/9/2024"),
    ("anniversary-mismatch", "75"),
    ("term-mismatch", "2020-2024"),
    ("date-order", "17/7/2024"),
    ("double-space", "  "),
    ("rare-variant", "trướng"),
    ("realword", "đựng"),
    ("lookalike-letter", "\u{d0}ồng"),
    ("unicode-form", "hu\u{31b}o\u{31b}\u{301}ng"),
    ("tone-style", "hoà"),
    ("name-mismatch", "Hoàng Văn Thằng"),
    ("spelling-variant", "kĩ"),
    ("repeated-word", "của"),
    ("punctuation-spacing", " ,"),
    ("unbalanced-pair", "("),
    (
        "legacy-encoding",
        "Héi nghÞ thèng nhÊt tËp trung gi¶i phãng mÆt b»ng c¸c dù ¸n trªn ®Þa bµn.",
    ),
    (
        "unused-suppression",
        "vnlint-disable-next-line double-space",
    ),
];

/// The default configuration with a model of an archive: `rare-variant` needs one, and does
/// nothing without. The model is learned here from the fixtures' small archive of our own
/// ward press releases (`fixtures/rare-variant/archive`), not committed as a binary, and
/// `rare-variant` gets the thresholds of that small archive.
fn config_with_small_archive() -> Config {
    let archive = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rare-variant/archive");
    let (counts, errors) = vnlint::engine::learn(&[archive], false);
    assert!(errors.is_empty());
    let model = vnlint::model::Model::from_bytes(counts.encode(2).unwrap()).unwrap();
    let mut config = Config::from_toml(SMALL_ARCHIVE_OPTIONS).unwrap();
    config.set_model(std::sync::Arc::new(model), "archive".into());
    config
}

#[test]
fn the_release_with_mistakes_reports_exactly_one_of_each() {
    let report = vnlint::lint_file(
        &data("release-with-mistakes.txt"),
        &config_with_small_archive(),
    )
    .unwrap();
    let mut found: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule, &report.source[d.span.clone()]))
        .collect();
    let mut expected = MISTAKES.to_vec();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn every_rule_has_its_mistake_in_the_release() {
    for rule in vnlint::rules::REGISTRY {
        let id = rule.meta().id;
        assert_eq!(
            MISTAKES.iter().filter(|(r, _)| *r == id).count(),
            1,
            "tests/data/release-with-mistakes.txt needs exactly one {id} mistake"
        );
    }
}

#[test]
fn the_corrected_release_reports_nothing_at_warning_level() {
    let report =
        vnlint::lint_file(&data("release-corrected.txt"), &config_with_small_archive()).unwrap();
    let serious: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| (d.rule, &report.source[d.span.clone()]))
        .collect();
    assert!(serious.is_empty(), "{serious:?}");
}
