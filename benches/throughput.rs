//! Throughput of the whole pipeline (read, normalise, tokenise, every rule) over a 1 MB
//! press-release corpus. The corpus comes from `../shared/bench/make_corpus.py` (the team's
//! common benchmark text); without it, the bench says so and uses the project's fixtures
//! repeated to 1 MB.
//!
//! Real text is slower than the corpus: `lint_viwiki_one_document` lints the articles of
//! `../shared/data/viwiki-spelling/dev.jsonl` joined into one 1.5 MB document (names,
//! foreign words, Latin-1 signs; the length where a rule that compares every finding with
//! the whole document shows). Without the data it says so and lints the corpus instead.
//!
//! Run: `cargo bench --bench throughput`. Throughput is bytes per second of wall time; a
//! document this long runs its rules in parallel, so it uses every core.

mod common;

use std::path::PathBuf;

use vnlint::Config;

fn main() {
    divan::main();
}

const SIZE: usize = 1_000_000;

fn corpus() -> String {
    if let Some(text) = common::corpus("1m") {
        return text;
    }
    eprintln!(
        "bench: ../shared/bench/make_corpus.py not found; using the fixtures repeated to 1 MB"
    );
    let mut docs: Vec<PathBuf> = Vec::new();
    for dir in std::fs::read_dir(common::root().join("fixtures"))
        .unwrap()
        .flatten()
    {
        if dir.path().is_dir() {
            docs.extend(
                std::fs::read_dir(dir.path())
                    .unwrap()
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file()),
            );
        }
    }
    docs.sort();
    let mut text = String::new();
    while text.len() < SIZE {
        for d in &docs {
            text.push_str(&std::fs::read_to_string(d).unwrap());
            text.push('\n');
        }
    }
    text
}

#[divan::bench(sample_count = 10)]
fn lint_1mb(bencher: divan::Bencher) {
    common::lint(bencher, &corpus(), &Config::default());
}

/// The viwiki articles, joined by blank lines; `None` without the data.
fn viwiki() -> Option<String> {
    let path = common::root().join("../shared/data/viwiki-spelling/dev.jsonl");
    let data = std::fs::read_to_string(path).ok()?;
    let texts: Vec<String> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let article: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            article["text"].as_str().expect("a text").to_string()
        })
        .collect();
    Some(texts.join("\n\n"))
}

#[divan::bench(sample_count = 10)]
fn lint_viwiki_one_document(bencher: divan::Bencher) {
    let text = viwiki().unwrap_or_else(|| {
        eprintln!(
            "bench: ../shared/data/viwiki-spelling/dev.jsonl not found; linting the corpus instead"
        );
        corpus()
    });
    common::lint(bencher, &text, &Config::default());
}
