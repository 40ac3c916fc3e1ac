//! Repeated findings folded for people. When one rule says the same thing about the same
//! text many times in a file (one misspelling written 500 times), the formats people read
//! (human, concise, GitHub annotations) show the first [`SHOWN_IN_FULL`] in full and fold
//! the rest into one entry that counts them and lists their places, once a finding repeats
//! more than [`FOLDED_FROM`] times (a release's five doubled spaces stay five entries). The findings themselves
//! are not changed: JSON, JSON lines, SARIF, checkstyle and rdjson carry every one, the
//! summary counts every one, and `--fix` fixes every one.

use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::render::LineIndex;
use crate::report::FileReport;

/// How many findings of a repeated kind are shown in full before the rest are folded.
pub const SHOWN_IN_FULL: usize = 5;
/// How many times a finding may repeat before it is folded.
pub const FOLDED_FROM: usize = 10;
/// How many places a folded entry lists; the rest are counted.
pub const PLACES_LISTED: usize = 20;

/// What a people's format shows for one finding, in the report's order.
pub enum Entry<'a> {
    /// A finding shown as it is.
    One(&'a Diagnostic),
    /// The first finding past the ones shown in full, standing for `others` too (every
    /// later finding of the same rule, severity, message and flagged text).
    Folded {
        first: &'a Diagnostic,
        others: Vec<&'a Diagnostic>,
    },
}

impl<'a> Entry<'a> {
    /// The finding to show and, for a folded entry, the note listing the others' places.
    pub fn with_note(self, index: &LineIndex<'_>, lang: Lang) -> (&'a Diagnostic, Option<String>) {
        match self {
            Entry::One(d) => (d, None),
            Entry::Folded { first, others } => (first, Some(others_note(index, &others, lang))),
        }
    }
}

/// The entries of a report: findings repeated more than [`FOLDED_FROM`] times folded.
pub fn entries(report: &FileReport) -> Vec<Entry<'_>> {
    let mut groups: FxHashMap<Key<'_>, Vec<usize>> = FxHashMap::default();
    for (i, d) in report.diagnostics.iter().enumerate() {
        groups.entry(key(report, d)).or_default().push(i);
    }
    let mut out = Vec::new();
    for (i, d) in report.diagnostics.iter().enumerate() {
        let group = &groups[&key(report, d)];
        if group.len() <= FOLDED_FROM {
            out.push(Entry::One(d));
            continue;
        }
        let rank = group.partition_point(|&j| j < i);
        if rank < SHOWN_IN_FULL {
            out.push(Entry::One(d));
        } else if rank == SHOWN_IN_FULL {
            let others = group[rank + 1..]
                .iter()
                .map(|&j| &report.diagnostics[j])
                .collect();
            out.push(Entry::Folded { first: d, others });
        }
    }
    out
}

/// What makes two findings the same: rule, severity, message and the flagged text.
type Key<'a> = (&'static str, Severity, &'a str, &'a str);

fn key<'a>(report: &'a FileReport, d: &'a Diagnostic) -> Key<'a> {
    let flagged = report.source.get(d.span.clone()).unwrap_or("");
    (d.rule, d.severity, d.message.vi.as_str(), flagged)
}

/// "và 497 chỗ khác giống vậy: 12:5, 40:3, … và 477 chỗ nữa" (line:column of each).
pub fn others_note(index: &LineIndex<'_>, others: &[&Diagnostic], lang: Lang) -> String {
    let places: Vec<String> = others
        .iter()
        .take(PLACES_LISTED)
        .map(|d| {
            let p = index.position(d.span.start);
            format!("{}:{}", p.line, p.column)
        })
        .collect();
    let unlisted = others.len() - places.len();
    let places = places.join(", ");
    match (lang, unlisted) {
        (Lang::Vi, 0) => format!("và {} chỗ khác giống vậy: {places}", others.len()),
        (Lang::Vi, n) => format!(
            "và {} chỗ khác giống vậy: {places} và {n} chỗ nữa",
            others.len()
        ),
        (Lang::En, 0) => format!("and {} more places like this: {places}", others.len()),
        (Lang::En, n) => format!(
            "and {} more places like this: {places} and {n} more",
            others.len()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Message;
    use crate::document::ProseRanges;
    use crate::report::Locator;

    fn report(source: &str, flagged: &[(&str, usize)]) -> FileReport {
        let diagnostics = flagged
            .iter()
            .map(|&(word, nth)| {
                let start = source
                    .match_indices(word)
                    .nth(nth)
                    .expect("the word is there")
                    .0;
                Diagnostic::new(
                    "nonword",
                    Severity::Error,
                    start..start + word.len(),
                    Message::new(format!("sai: {word}"), format!("wrong: {word}")),
                )
            })
            .collect();
        FileReport {
            path: "a.txt".into(),
            source: source.into(),
            locator: Locator::Lines,
            diagnostics,
            prose: ProseRanges::default(),
            dropped_fixes: Vec::new(),
        }
    }

    fn shape(entries: &[Entry<'_>]) -> Vec<(usize, usize)> {
        entries
            .iter()
            .map(|e| match e {
                Entry::One(d) => (d.span.start, 0),
                Entry::Folded { first, others } => (first.span.start, others.len()),
            })
            .collect()
    }

    #[test]
    fn the_first_five_are_shown_and_the_rest_folded_into_the_sixth() {
        let source = "nghành x ".repeat(11);
        let r = report(&source, &(0..11).map(|n| ("nghành", n)).collect::<Vec<_>>());
        let starts: Vec<usize> = r.diagnostics.iter().map(|d| d.span.start).collect();
        let mut expected: Vec<(usize, usize)> = starts[..5].iter().map(|&s| (s, 0)).collect();
        expected.push((starts[5], 5));
        assert_eq!(shape(&entries(&r)), expected);
    }

    #[test]
    fn ten_repeats_are_not_folded_and_each_text_counts_apart() {
        let source = format!("{}{}\n", "ab ".repeat(10), "cd ".repeat(12));
        let mut flagged: Vec<(&str, usize)> = (0..10).map(|n| ("ab", n)).collect();
        flagged.extend((0..12).map(|n| ("cd", n)));
        let r = report(&source, &flagged);
        let folded: Vec<usize> = shape(&entries(&r)).iter().map(|s| s.1).collect();
        // "ab" ten times in full; "cd" five in full, then one entry for the last seven.
        let mut expected = vec![0; 15];
        expected.push(6);
        assert_eq!(folded, expected);
    }

    #[test]
    fn the_note_lists_places_and_counts_the_unlisted() {
        let source = "x\n".repeat(30);
        let r = report(&source, &(0..30).map(|n| ("x", n)).collect::<Vec<_>>());
        let index = LineIndex::new(&r.source);
        let others: Vec<&Diagnostic> = r.diagnostics[4..].iter().collect();
        let note = others_note(&index, &others, Lang::Vi);
        assert!(
            note.starts_with("và 26 chỗ khác giống vậy: 5:1, 6:1,"),
            "{note}"
        );
        assert!(note.ends_with("24:1 và 6 chỗ nữa"), "{note}");
    }
}
