//! Reads words, one a line, from standard input and prints for each `ok` or why the
//! syllable grammar rejects it (used by `scripts/measure_viwiki.py`). With `--edits`, each
//! line also gets a tab and the spellings one edit away, space-separated, as the
//! suggestions are made (used by `scripts/nonword_misses.py`).

use std::io::{BufRead, Write};

use vnlint::text::syllable;

/// How many spellings one edit away `nonword` ranks (its `MAX_CANDIDATES`).
const MAX_EDITS: usize = 120;

fn main() {
    let with_edits = std::env::args().any(|a| a == "--edits");
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.expect("UTF-8 input");
        let word = line.trim();
        let verdict = match syllable::parse(word) {
            Ok(_) => "ok".to_string(),
            Err(why) => format!("{why:?}"),
        };
        if with_edits {
            let edits: Vec<String> = syllable::candidates(word, MAX_EDITS);
            writeln!(out, "{verdict}\t{}", edits.join(" "))
        } else {
            writeln!(out, "{verdict}")
        }
        .expect("stdout");
    }
}
