//! The word lists of `rules/lists/*.txt`, embedded at build time (`build.rs` turns each file
//! into a static slice, so nothing is parsed at start-up), and their self-test.
//!
//! A list file is a header of `#` lines saying what the list is for and who reads it, then
//! one entry per line in byte order (Rust's `str` order: code-point order, so "đ" sorts after
//! "z"), NFC, lower case unless the header says `# case: as written`. An entry may carry a
//! value after a tab ("kì họp<TAB>kỳ họp"). A `# e.g. …` line after an entry is an example
//! where the entry matters; the self-test checks that the example contains the entry.

use unicode_normalization::UnicodeNormalization;

/// One built-in word list: its entries sorted, each with its value ("" when it has none).
#[derive(Debug)]
pub struct WordList {
    /// The file's name under `rules/lists/`.
    pub file: &'static str,
    entries: &'static [(&'static str, &'static str)],
}

impl WordList {
    /// Whether `word` (as written: lists are lower case unless they say otherwise) is listed.
    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some()
    }

    /// Whether the two words `first second` are listed (without writing them out).
    pub fn contains_pair(&self, first: &str, second: &str) -> bool {
        let pair = || first.bytes().chain([b' ']).chain(second.bytes());
        self.entries
            .binary_search_by(|&(e, _)| e.bytes().cmp(pair()))
            .is_ok()
    }

    /// The value listed with `word`, "" for an entry without one.
    pub fn value(&self, word: &str) -> Option<&'static str> {
        self.find(word).map(|at| self.entries[at].1)
    }

    /// The entries in the list's order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|&(entry, _)| entry)
    }

    /// The entries with their values.
    pub fn pairs(&self) -> &'static [(&'static str, &'static str)] {
        self.entries
    }

    fn find(&self, word: &str) -> Option<usize> {
        self.entries.binary_search_by(|&(e, _)| e.cmp(word)).ok()
    }
}

include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));

/// The problems of one list file (empty when it is well formed): a header, entries in byte
/// order without duplicates, NFC, lower case unless the list is about case, no stray
/// whitespace, at most one tab (before the value), and examples that contain their entry.
pub fn self_test(name: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut say = |line: usize, what: String| problems.push(format!("{name}:{line}: {what}"));
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().take_while(|l| l.starts_with('#')).count();
    if header == 0 {
        say(
            1,
            "no header (`#` lines saying what the list is for)".into(),
        );
    }
    let as_written = lines[..header].contains(&"# case: as written");
    let mut previous: Option<&str> = None;
    for (at, &line) in lines.iter().enumerate().skip(header) {
        let number = at + 1;
        if line.nfc().collect::<String>() != line {
            say(number, format!("not NFC: {line:?}"));
        }
        if line.is_empty() {
            continue;
        }
        if let Some(example) = line.strip_prefix("# e.g. ") {
            match previous {
                Some(entry) if example.to_lowercase().contains(&entry.to_lowercase()) => {}
                Some(entry) => say(number, format!("the example does not contain {entry:?}")),
                None => say(number, "an example before any entry".into()),
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (entry, value) = line.split_once('\t').unwrap_or((line, ""));
        let stray =
            |s: &str| s.trim() != s || s.contains("  ") || s.contains('\t') || s.contains('\r');
        if entry.is_empty()
            || stray(entry)
            || (line.contains('\t') && (value.is_empty() || stray(value)))
        {
            say(number, format!("stray whitespace: {line:?}"));
        }
        if !as_written && entry.to_lowercase() != entry {
            say(number, format!("not lower case: {entry:?}"));
        }
        if let Some(before) = previous
            && before >= entry
        {
            let why = if before == entry {
                "duplicate"
            } else {
                "not in byte order"
            };
            say(number, format!("{why}: {before:?} then {entry:?}"));
        }
        previous = Some(entry);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::{ALL, FILES, self_test};

    #[test]
    fn every_list_file_passes_the_self_test() {
        for (name, text) in FILES {
            assert_eq!(self_test(name, text), Vec::<String>::new());
        }
    }

    #[test]
    fn every_list_file_is_a_list_and_lookups_find_each_entry() {
        assert_eq!(ALL.len(), FILES.len());
        for (list, (name, _)) in ALL.iter().zip(FILES) {
            assert_eq!(list.file, *name);
            assert!(list.entries().next().is_some(), "{name} is empty");
            for (entry, value) in list.pairs() {
                assert_eq!(list.value(entry), Some(*value), "{name}: {entry}");
            }
        }
    }

    #[test]
    fn the_self_test_catches_each_kind_of_slip() {
        let problems = |text: &str| self_test("t.txt", text);
        assert!(problems("# A list.\nb\nc\n").is_empty());
        assert!(problems("b\nc\n")[0].contains("no header"));
        assert!(problems("# A list.\nc\nb\n")[0].contains("byte order"));
        assert!(problems("# A list.\nb\nb\n")[0].contains("duplicate"));
        assert!(problems("# A list.\nb \n")[0].contains("stray whitespace"));
        assert!(problems("# A list.\nb\t\n")[0].contains("stray whitespace"));
        assert!(problems("# A list.\nB\n")[0].contains("lower case"));
        assert!(problems("# A list.\n# case: as written\nB\n").is_empty());
        assert!(problems("# A list.\nhoa\u{300}\n")[0].contains("NFC"));
        assert!(problems("# A list.\nb\n# e.g. không có\n")[0].contains("example"));
        assert!(problems("# A list.\nb\n# e.g. có b ở đây\n").is_empty());
        // "z" < "đ" in byte order, which is the order binary search needs.
        assert!(problems("# A list.\nz\nđ\n").is_empty());
    }
}
