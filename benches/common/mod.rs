//! What the benches share: the team's benchmark corpus and one timed lint of a text.

use std::path::Path;
use std::process::Command;

use divan::counter::BytesCount;
use vnlint::{Config, Format};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the benchmark corpus (`1m`, `10m`) from `../shared/bench/make_corpus.py`,
/// made on first use into `target/bench-corpus`; `None` without the script.
pub fn corpus(size: &str) -> Option<String> {
    let out = root().join("target/bench-corpus");
    let file = out.join(format!("{size}.txt"));
    let script = root().join("../shared/bench/make_corpus.py");
    if !file.exists() && script.exists() {
        let status = Command::new("python3")
            .arg(&script)
            .args(["--out", &out.to_string_lossy(), "--sizes", "1m,10m"])
            .status();
        if !matches!(status, Ok(s) if s.success()) {
            eprintln!("bench: make_corpus.py failed");
        }
    }
    std::fs::read_to_string(&file).ok()
}

/// Times the whole pipeline (read, normalise, tokenise, every rule) on `text` as a plain
/// text file, counting its bytes.
pub fn lint(bencher: divan::Bencher, text: &str, config: &Config) {
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        vnlint::lint_bytes(
            "bench.txt",
            divan::black_box(text.as_bytes()),
            Format::Plain,
            config,
        )
        .unwrap()
    });
}
