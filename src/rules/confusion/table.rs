//! Data rule tables (`rules/*.toml`): real-word confusions with their context guards and
//! the examples that test them.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::diagnostic::{Message, Severity};

include!(concat!(env!("OUT_DIR"), "/builtin_tables.rs"));

/// A built-in entry as `build.rs` writes it: the fields a check needs.
struct BuiltinEntry {
    wrong: &'static str,
    right: &'static str,
    severity: Severity,
    why_vi: &'static str,
    why_en: &'static str,
    safe: bool,
    before: &'static [&'static str],
    not_before: &'static [&'static str],
    after: &'static [&'static str],
    not_after: &'static [&'static str],
}

/// The explanation of an entry, in both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Why {
    pub vi: String,
    pub en: String,
}

/// One confusion as written in a table file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableEntry {
    /// The wrong phrase: lower-case syllables separated by single spaces.
    pub wrong: String,
    /// The right phrase, lower-case.
    pub right: String,
    pub severity: Severity,
    pub why: Why,
    /// A sentence holding the wrong phrase once: the entry must fire on it.
    pub bad: String,
    /// `bad` with the fix applied: nothing may fire on it.
    pub good: String,
    /// Whether `--fix` may apply the replacement without asking: only for phrases that are
    /// never right as written, so with no guard and severity error (a test holds the tables
    /// to that). A match with a capital inside a sentence (a name may run into it) is still
    /// only offered.
    #[serde(default)]
    pub safe: bool,
    /// More sentences on which nothing may fire.
    #[serde(default)]
    pub ok: Vec<String>,
    /// The token right before the match must be one of these (`<number>` for a number).
    #[serde(default)]
    pub before: Vec<String>,
    #[serde(default)]
    pub not_before: Vec<String>,
    /// The token right after the match must be one of these.
    #[serde(default)]
    pub after: Vec<String>,
    #[serde(default)]
    pub not_after: Vec<String>,
}

impl TableEntry {
    pub fn message(&self) -> Message {
        Message::new(self.why.vi.clone(), self.why.en.clone())
    }

    /// The guards, for telling duplicate entries apart.
    pub fn guards(&self) -> [&[String]; 4] {
        [&self.before, &self.not_before, &self.after, &self.not_after]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    entry: Vec<TableEntry>,
}

/// Entries from one or more table files, indexed by their first syllable.
#[derive(Debug, Default)]
pub struct Table {
    pub entries: Vec<TableEntry>,
    /// The syllables of each entry's `wrong`, by entry index.
    pub(super) syllables: Vec<Vec<String>>,
    /// First syllable -> entry indices, longest phrase first.
    pub(super) by_first: FxHashMap<String, Vec<usize>>,
}

impl Table {
    /// Parses a table file's text; `name` is used in error messages.
    pub fn add_toml(&mut self, name: &str, text: &str) -> Result<(), String> {
        let file: TableFile = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        for entry in file.entry {
            if entry.wrong.trim().is_empty() || entry.wrong != entry.wrong.to_lowercase() {
                return Err(format!(
                    "{name}: `wrong = {:?}` must be non-empty lower-case syllables",
                    entry.wrong
                ));
            }
            self.push(entry);
        }
        self.sort_candidates();
        Ok(())
    }

    /// The tables shipped with vnlint, read from `rules/*.toml` when vnlint was built.
    pub fn builtin() -> Table {
        let mut table = Table::default();
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        for e in BUILTIN_ENTRIES {
            table.push(TableEntry {
                wrong: e.wrong.to_string(),
                right: e.right.to_string(),
                severity: e.severity,
                why: Why {
                    vi: e.why_vi.to_string(),
                    en: e.why_en.to_string(),
                },
                bad: String::new(),
                good: String::new(),
                safe: e.safe,
                ok: Vec::new(),
                before: strings(e.before),
                not_before: strings(e.not_before),
                after: strings(e.after),
                not_after: strings(e.not_after),
            });
        }
        table.sort_candidates();
        table
    }

    /// Adds an entry to the index (call [`Table::sort_candidates`] after the last one).
    fn push(&mut self, entry: TableEntry) {
        let syllables = entry
            .wrong
            .split(' ')
            .map(str::to_string)
            .collect::<Vec<_>>();
        let idx = self.entries.len();
        self.by_first
            .entry(syllables[0].clone())
            .or_default()
            .push(idx);
        self.syllables.push(syllables);
        self.entries.push(entry);
    }

    /// Orders each first syllable's entries longest phrase first.
    fn sort_candidates(&mut self) {
        for list in self.by_first.values_mut() {
            let syllables = &self.syllables;
            list.sort_by_key(|&i| std::cmp::Reverse(syllables[i].len()));
        }
    }
}

impl Table {
    /// Checks a table file as the built-in ones are checked: it parses; entries are sorted
    /// by `wrong`, not duplicated, NFC; every `bad` fires its entry and its fix gives `good`;
    /// nothing fires on `good` or `ok`. Returns the problems found (empty: all good).
    pub fn self_test(name: &str, text: &str) -> Vec<String> {
        use unicode_normalization::UnicodeNormalization;
        let mut table = Table::default();
        if let Err(e) = table.add_toml(name, text) {
            return vec![e];
        }
        let mut problems = Vec::new();
        if text.nfc().collect::<String>() != text {
            problems.push(format!("{name}: the file is not NFC"));
        }
        let wrongs: Vec<&str> = table.entries.iter().map(|e| e.wrong.as_str()).collect();
        if let Some(w) = wrongs.windows(2).find(|w| w[0] > w[1]) {
            problems.push(format!(
                "{name}: entries are not sorted by `wrong` ({:?} before {:?})",
                w[0], w[1]
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for entry in &table.entries {
            if !seen.insert(format!("{}|{:?}", entry.wrong, entry.guards())) {
                problems.push(format!("{name}: {:?} is listed twice", entry.wrong));
            }
            if entry.right != entry.right.to_lowercase() {
                problems.push(format!(
                    "{name}: {:?}: `right` must be lower-case",
                    entry.wrong
                ));
            }
            let (found, fixed) = table.run(&entry.bad);
            let fires = found.iter().any(|(text, replacement)| {
                text.to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    == entry.wrong
                    && replacement.to_lowercase() == entry.right
            });
            if !fires {
                problems.push(format!(
                    "{name}: {:?} does not fire on its bad example {:?}",
                    entry.wrong, entry.bad
                ));
            } else if found.len() == 1 && fixed != entry.good {
                problems.push(format!(
                    "{name}: {:?}: fixing the bad example gives {fixed:?}, not the good one {:?}",
                    entry.wrong, entry.good
                ));
            }
            for ok in std::iter::once(&entry.good).chain(&entry.ok) {
                let (found, _) = table.run(ok);
                if !found.is_empty() {
                    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
                    problems.push(format!(
                        "{name}: {:?}: something fires on {ok:?}: {texts:?}",
                        entry.wrong
                    ));
                }
            }
        }
        problems
    }

    /// This table alone over a one-line text: each finding's text and first replacement,
    /// and the text with every first replacement applied.
    pub(super) fn run(&self, text: &str) -> (Vec<(String, String)>, String) {
        let doc = crate::document::Document::from_text(text);
        let mut diagnostics = Vec::new();
        super::check_table(self, "confusion", &doc, &mut diagnostics);
        for d in &mut diagnostics {
            d.map_spans(|span| doc.map.source_range(span));
        }
        let found = diagnostics
            .iter()
            .map(|d| {
                let replacement = d
                    .suggestions
                    .first()
                    .map(|s| s.replacement.clone())
                    .unwrap_or_default();
                (text[d.span.clone()].to_string(), replacement)
            })
            .collect();
        let fixed = crate::fix::apply(text, &diagnostics, true, &doc.map.prose_ranges()).text;
        (found, fixed)
    }
}
