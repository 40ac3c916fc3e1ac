//! `vnlint learn`: the engine walks and reads the archive, the model counts what it read.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::document::Format;
use crate::engine::RunError;
use crate::engine::lint::{read_document, read_file};
use crate::engine::workspace::{ConfigResolver, RunOptions, collect_files};
use crate::model::Counts;

/// Reads every document below `paths` (the files `vnlint check` would check there:
/// `.gitignore` and `exclude` respected) with the project's readers and counts them.
/// Files that cannot be read are returned as errors beside the counts.
/// With `trigrams`, syllable triples are counted too (the built-in model's recipe).
pub fn learn(paths: &[PathBuf], trigrams: bool) -> (Counts, Vec<RunError>) {
    let start = || {
        if trigrams {
            Counts::with_trigrams()
        } else {
            Counts::default()
        }
    };
    let resolver = match ConfigResolver::new(RunOptions::default()) {
        Ok(r) => r,
        Err(e) => return (Counts::default(), vec![RunError::Config(e)]),
    };
    let (files, mut errors) = collect_files(paths, &resolver);
    let (counts, mut more) = files
        .par_iter()
        .fold(
            || (start(), Vec::new()),
            |(mut counts, mut errors), file| {
                let shown = file.display().to_string();
                match read_file(file)
                    .and_then(|b| read_document(&shown, &b, Format::from_path(file)))
                {
                    Ok(doc) => counts.add_document(&doc),
                    Err(e) => errors.push(RunError::Input(e)),
                }
                (counts, errors)
            },
        )
        .reduce(
            || (start(), Vec::new()),
            |(a, mut ea), (b, eb)| {
                ea.extend(eb);
                (a.merge(b), ea)
            },
        );
    errors.append(&mut more);
    (counts, errors)
}
