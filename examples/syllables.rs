//! Reads words, one a line, from standard input and prints for each `ok` or why the
//! syllable grammar rejects it (used by `scripts/measure_viwiki.py`).

use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.expect("UTF-8 input");
        match vnlint::text::syllable::parse(line.trim()) {
            Ok(_) => writeln!(out, "ok"),
            Err(why) => writeln!(out, "{why:?}"),
        }
        .expect("stdout");
    }
}
