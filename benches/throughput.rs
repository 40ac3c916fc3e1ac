//! Throughput of the whole pipeline (read, normalise, tokenise, every rule) over a 1 MB
//! press-release corpus. The corpus comes from `../shared/bench/make_corpus.py` (the team's
//! common benchmark text); without it, the bench says so and uses the project's fixtures
//! repeated to 1 MB.
//!
//! Run: `cargo bench --bench throughput`. Throughput is bytes per second on one core.

use std::path::{Path, PathBuf};
use std::process::Command;

use divan::counter::BytesCount;
use vnlint::{Config, Format};

fn main() {
    divan::main();
}

const SIZE: usize = 1_000_000;

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("../shared/bench/make_corpus.py");
    let out = root.join("target/bench-corpus");
    let file = out.join("1m.txt");
    if !file.exists() && script.exists() {
        let status = Command::new("python3")
            .arg(&script)
            .args(["--out", &out.to_string_lossy(), "--sizes", "1m"])
            .status();
        if !matches!(status, Ok(s) if s.success()) {
            eprintln!("bench: make_corpus.py failed; falling back to the fixtures");
        }
    }
    if let Ok(text) = std::fs::read_to_string(&file) {
        return text;
    }
    eprintln!(
        "bench: ../shared/bench/make_corpus.py not found; using the fixtures repeated to 1 MB"
    );
    let mut docs: Vec<PathBuf> = Vec::new();
    for dir in std::fs::read_dir(root.join("fixtures")).unwrap().flatten() {
        if dir.path().is_dir() {
            docs.extend(
                std::fs::read_dir(dir.path())
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
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
    let text = corpus();
    let config = Config::default();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        vnlint::lint_bytes(
            "1m.txt",
            divan::black_box(text.as_bytes()),
            Format::Plain,
            &config,
        )
        .unwrap()
    });
}
