//! The model of `rare-variant`: how long a model of about 5 MB takes to load, and the
//! throughput of the whole pipeline with it loaded.
//!
//! The model is learned once (and kept in `target/bench-model.vnlm`) from the team's 10 MB
//! benchmark corpus (`../shared/bench/make_corpus.py`) plus synthetic pairs of real syllables
//! (the corpus's own syllables and their one-edit neighbours, paired at random with a skewed
//! choice) until the file is about 5 MB: the size of a model of a large archive. Throughput
//! is measured on the 1 MB benchmark corpus (its pairs are in the model: few rare pairs) and,
//! when `../shared` holds it, on the viwiki dev text (Wikipedia, mostly unseen pairs: the
//! rule looks up variants far more often).
//!
//! Run: `cargo bench --bench model`.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use common::{corpus, root};
use divan::counter::BytesCount;
use vnlint::Config;
use vnlint::model::{Counts, Model};

fn main() {
    divan::main();
}

/// A small deterministic generator (no dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// An index below `n`, small ones far likelier.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((u * u * u) * n as f64) as usize
    }
}

const TARGET: usize = 5_000_000;

/// The path of a model of about 5 MB, learned on first use.
fn model_path() -> PathBuf {
    let path = root().join("target/bench-model.vnlm");
    if path.exists() {
        return path;
    }
    let Some(text) = corpus("10m") else {
        panic!("bench: ../shared/bench/make_corpus.py is needed for the model bench");
    };
    let mut counts = Counts::default();
    counts.add_text(&text);
    // The syllables to pair: the corpus's own and their neighbours.
    let small = Model::from_bytes(counts.encode(1).unwrap()).unwrap();
    let mut syllables: Vec<String> = Vec::new();
    for id in 0..small.syllable_count() as u16 {
        let s = small.syllable(id);
        if s.starts_with('<') {
            continue;
        }
        syllables.push(s.to_string());
        syllables.extend(vnlint::text::syllable::candidates(s, 12));
    }
    syllables.sort();
    syllables.dedup();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    // Shuffled, so that the likeliest are not the alphabet's first.
    for i in (1..syllables.len()).rev() {
        let k = (rng.next() as usize) % (i + 1);
        syllables.swap(i, k);
    }
    let mut bytes = counts.encode(2).unwrap();
    while bytes.len() < TARGET {
        let mut synthetic = String::new();
        for _ in 0..400_000 {
            let a = &syllables[rng.skewed(syllables.len())];
            let b = &syllables[rng.skewed(syllables.len())];
            synthetic.push_str(a);
            synthetic.push(' ');
            synthetic.push_str(b);
            synthetic.push_str(".\n");
        }
        counts.add_text(&synthetic);
        bytes = counts.encode(2).unwrap();
    }
    std::fs::write(&path, &bytes).unwrap();
    path
}

#[divan::bench(sample_count = 20)]
fn load_5mb_model(bencher: divan::Bencher) {
    let path = model_path();
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!("bench: model {} bytes", size);
    bencher
        .counter(BytesCount::new(size))
        .bench(|| Model::load(divan::black_box(&path)).unwrap());
}

fn config() -> Config {
    let path = model_path();
    let mut config = Config::default();
    config.set_model(Arc::new(Model::load(&path).unwrap()), path);
    config
}

#[divan::bench(sample_count = 10)]
fn lint_1mb_with_model(bencher: divan::Bencher) {
    let text = corpus("1m").expect("../shared/bench/make_corpus.py");
    common::lint(bencher, &text, &config());
}

/// The viwiki dev text, one document after another.
fn wiki() -> Option<String> {
    let data = root().join("../shared/data/viwiki-spelling/dev.jsonl");
    let lines = std::fs::read_to_string(data).ok()?;
    let mut text = String::new();
    for line in lines.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).ok()?;
        text.push_str(doc["text"].as_str()?);
        text.push_str("\n\n");
    }
    Some(text)
}

#[divan::bench(sample_count = 10)]
fn lint_wiki_with_model(bencher: divan::Bencher) {
    match wiki() {
        Some(text) => common::lint(bencher, &text, &config()),
        None => eprintln!("bench: no ../shared/data/viwiki-spelling/dev.jsonl; skipped"),
    }
}

#[divan::bench(sample_count = 10)]
fn lint_wiki_without_model(bencher: divan::Bencher) {
    match wiki() {
        Some(text) => common::lint(bencher, &text, &Config::default()),
        None => eprintln!("bench: no ../shared/data/viwiki-spelling/dev.jsonl; skipped"),
    }
}
