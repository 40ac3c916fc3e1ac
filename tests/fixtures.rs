//! Every fixture document produces exactly the findings its folder's `EXPECTED.md` states
//! (rule and flagged text, any severity, any rule; the grammar is in `fixtures/README.md`),
//! and the rendered human output of each is a snapshot (`cargo insta review` to accept a
//! change).

mod expectations;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use expectations::{Actual, Entry};
use vnlint::render::human::{self, HumanOptions};
use vnlint::render::json;
use vnlint::{Config, Lang};

fn fixture_files() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).expect("fixtures/") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let rule = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("fail-") || name.starts_with("silent-") {
                out.push((rule.clone(), file));
            }
        }
    }
    out.sort();
    assert!(
        out.len() >= 16,
        "expected the fixture documents, found {}",
        out.len()
    );
    out
}

/// The configuration a fixture is checked with: the default one, and for `rare-variant`
/// (which needs a model) a model learned from `fixtures/rare-variant/archive`, our own small
/// archive of ward press releases, with the thresholds of `small-archive.toml` beside it.
/// Other rules' fixtures are checked without a model.
fn config_for(rule: &str) -> Config {
    let mut config = Config::default();
    if rule == "rare-variant" {
        config = Config::from_toml(SMALL_ARCHIVE_OPTIONS).unwrap();
        let archive = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rare-variant/archive");
        let (counts, errors) = vnlint::engine::learn(&[archive], false);
        assert!(errors.is_empty());
        let model = vnlint::model::Model::from_bytes(counts.encode(1).unwrap()).unwrap();
        config.set_model(std::sync::Arc::new(model), "archive".into());
    }
    config
}

/// `rare-variant`'s non-default thresholds for the fixtures' small archive (why: in the file).
const SMALL_ARCHIVE_OPTIONS: &str = include_str!("../fixtures/rare-variant/small-archive.toml");

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// Each rule folder's `EXPECTED.md`, parsed; every malformed line or unreadable file is a
/// problem.
fn expected_entries(rule: &str, problems: &mut Vec<String>) -> BTreeMap<String, Entry> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rule)
        .join("EXPECTED.md");
    let mut entries = BTreeMap::new();
    let markdown = match std::fs::read_to_string(&path) {
        Ok(markdown) => markdown,
        Err(e) => {
            problems.push(format!("fixtures/{rule}/EXPECTED.md: {e}"));
            return entries;
        }
    };
    let (parsed, errors) = expectations::parse_lines(&markdown);
    for e in errors {
        problems.push(format!("fixtures/{rule}/EXPECTED.md: {e}"));
    }
    for entry in parsed {
        let file = entry.file.clone();
        if entries.insert(file.clone(), entry).is_some() {
            problems.push(format!(
                "fixtures/{rule}/EXPECTED.md: `{file}` listed twice"
            ));
        }
    }
    entries
}

/// What a rule folder may hold besides `EXPECTED.md` and its `fail-*` and `silent-*`
/// documents.
const SUPPORT_FILES: &[&str] = &["rare-variant/archive", "rare-variant/small-archive.toml"];

/// Files of a rule folder that are neither fixtures nor known support files (a misspelt
/// `fial-` would otherwise never be checked).
fn stray_files(rule: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rule);
    let mut out = Vec::new();
    for file in std::fs::read_dir(&dir).unwrap() {
        let name = file.unwrap().file_name().to_string_lossy().into_owned();
        let known = name == "EXPECTED.md"
            || name.starts_with("fail-")
            || name.starts_with("silent-")
            || SUPPORT_FILES.contains(&format!("{rule}/{name}").as_str());
        if !known {
            out.push(format!(
                "fixtures/{rule}/{name}: neither a fixture nor a support file"
            ));
        }
    }
    out
}

#[test]
fn fixtures_produce_exactly_their_expected_findings() {
    let mut problems = Vec::new();
    let mut known_false_alarms = Vec::new();
    let mut by_rule: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for (rule, path) in fixture_files() {
        by_rule.entry(rule).or_default().push(path);
    }
    for (rule, paths) in by_rule {
        assert!(
            vnlint::rules::find(&rule).is_some(),
            "fixtures/{rule}: no such rule"
        );
        let mut entries = expected_entries(&rule, &mut problems);
        problems.extend(stray_files(&rule));
        let config = config_for(&rule);
        for path in paths {
            let name = relative(&path);
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let Some(entry) = entries.remove(&file) else {
                problems.push(format!("{name}: not listed in fixtures/{rule}/EXPECTED.md"));
                continue;
            };
            let stated_own = entry
                .findings
                .iter()
                .any(|f| f.rule == rule && !f.known_false_alarm);
            if file.starts_with("fail-") && !stated_own {
                problems.push(format!("{name}: a fail- fixture states no {rule} finding"));
            }
            if file.starts_with("silent-") && entry.findings.iter().any(|f| !f.known_false_alarm) {
                problems.push(format!("{name}: a silent- fixture states a finding"));
            }
            for f in entry.findings.iter().filter(|f| f.known_false_alarm) {
                known_false_alarms.push(format!(
                    "{name}: `{}` {}",
                    f.rule,
                    expectations::quote(&f.text)
                ));
            }
            let report = vnlint::lint_file(&path, &config).unwrap();
            let actual: Vec<Actual> = report
                .diagnostics
                .iter()
                .map(|d| Actual {
                    rule: d.rule,
                    span: d.span.clone(),
                })
                .collect();
            let differences = expectations::compare(&report.source, &entry.findings, &actual);
            if !differences.is_empty() {
                problems.push(format!(
                    "{name}:\n    {}\n    found: {}",
                    differences.join("\n    "),
                    expectations::summary(&report.source, &actual)
                ));
            }
        }
        for file in entries.keys() {
            problems.push(format!(
                "fixtures/{rule}/EXPECTED.md: `{file}` does not exist"
            ));
        }
    }
    if !known_false_alarms.is_empty() {
        eprintln!(
            "known false alarms, stated in EXPECTED.md ({}):\n  {}",
            known_false_alarms.len(),
            known_false_alarms.join("\n  ")
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn fixture_output_snapshots() {
    for (rule, path) in fixture_files() {
        let config = config_for(&rule);
        let mut report = vnlint::lint_file(&path, &config).unwrap();
        report.path = relative(&path);
        let reports = [report];
        let human = human::render(
            &reports,
            HumanOptions {
                lang: Lang::Vi,
                color: false,
            },
        );
        let json = json::render(&reports, Lang::En);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("{rule}__{stem}"), format!("{human}---\n{json}"));
        });
    }
}
