//! Every fixture document: `fail-*` files must make their rule fire, `silent-*` files must
//! not, and no fixture may raise an error from another rule. The rendered human output of
//! each is a snapshot (`cargo insta review` to accept a change).

use std::path::{Path, PathBuf};

use vnlint::render::human::{self, HumanOptions};
use vnlint::render::json;
use vnlint::{Config, Lang, Severity};

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
/// archive of ward press releases. Other rules' fixtures are checked without a model.
fn config_for(rule: &str) -> Config {
    let mut config = Config::default();
    if rule == "rare-variant" {
        config = Config::from_toml(SMALL_ARCHIVE).unwrap();
        let archive = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rare-variant/archive");
        let (counts, errors) = vnlint::model::learn(&[archive], false);
        assert!(errors.is_empty());
        let model = vnlint::model::Model::from_bytes(counts.encode(1).unwrap()).unwrap();
        config.set_model(std::sync::Arc::new(model), "archive".into());
    }
    config
}

/// `rare-variant`'s default `min-ratio` (10000) was chosen with a model of 0.6 MB of text
/// (the likelihood ratio grows with the archive: a word never seen gets a probability near
/// 1/size); the 13 short documents of the fixtures' archive need less.
const SMALL_ARCHIVE: &str = "[rules]\nrare-variant = { min-ratio = 1000 }\n";

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn fixtures_fire_or_stay_silent_as_named() {
    let mut problems = Vec::new();
    for (rule, path) in fixture_files() {
        let config = config_for(&rule);
        assert!(
            vnlint::rules::find(&rule).is_some(),
            "fixtures/{rule}: no such rule"
        );
        let report = vnlint::lint_file(&path, &config).unwrap();
        let name = relative(&path);
        let own = report.diagnostics.iter().filter(|d| d.rule == rule).count();
        let fail = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("fail-");
        if fail && own == 0 {
            problems.push(format!("{name}: {rule} did not fire"));
        }
        if !fail && own > 0 {
            problems.push(format!("{name}: {rule} fired {own} times"));
        }
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.rule != rule && d.severity == Severity::Error)
        {
            problems.push(format!(
                "{name}: unexpected {} error on {:?}",
                d.rule,
                &report.source[d.span.clone()]
            ));
        }
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
