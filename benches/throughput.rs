//! Throughput of the whole pipeline (read, normalise, tokenise, every rule) over a 1 MB
//! press-release corpus. The corpus comes from `../shared/bench/make_corpus.py` (the team's
//! common benchmark text); without it, the bench says so and uses the project's fixtures
//! repeated to 1 MB.
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
