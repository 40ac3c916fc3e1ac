use unicode_normalization::UnicodeNormalization;

use super::table::BUILTIN_TABLES;
use super::*;
use crate::rules::testing::{check, fails, fixed, flagged, silent};

#[test]
fn fails_on_the_seed_kind_of_slips() {
    fails(
        &Confusion,
        &[
            "A ninh chính trị được giữ vững.",
            "Kỷ niệm 70 năm ngày Giải phòng Thủ đô.",
            "Trong đó 2 phương sắp xếp lại là Quan Hoa và Nghĩa Tân.",
        ],
    );
}

#[test]
fn silent_on_the_right_words_and_their_look_alikes() {
    silent(
        &Confusion,
        &[
            "An ninh chính trị được giữ vững.",
            "Kỷ niệm 70 năm ngày Giải phóng Thủ đô.",
            "Hội đồng thảo luận 2 phương án và 3 phương thức.",
            "Phương hướng nhiệm vụ năm 2025.",
            "Ông A, ninh nhừ món canh.",
        ],
    );
}

#[test]
fn matches_whole_syllables_only() {
    silent(&Confusion, &["Giải phòngx", "xGiải phòng"]);
}

#[test]
fn fixes_keep_the_writers_case() {
    assert_eq!(
        fixed(&Confusion, "A ninh được giữ vững."),
        "An ninh được giữ vững."
    );
    assert_eq!(
        fixed(&Confusion, "NGÀY GIẢI PHÒNG THỦ ĐÔ"),
        "NGÀY GIẢI PHÓNG THỦ ĐÔ"
    );
    assert_eq!(
        fixed(&Confusion, "có 2 phương bị ảnh hưởng"),
        "có 2 phường bị ảnh hưởng"
    );
}

#[test]
fn spans_cover_the_phrase_in_decomposed_text() {
    let text = "Ngày Gia\u{309}i pho\u{300}ng Thủ đô";
    assert_eq!(flagged(&Confusion, text), vec!["Gia\u{309}i pho\u{300}ng"]);
}

/// Every example of every built-in entry: `bad` fires the entry and its fix gives `good`;
/// nothing fires on `good` or `ok`.
#[test]
fn every_table_entry_tests_itself() {
    let table = Table::builtin();
    let mut failures = Vec::new();
    for entry in &table.entries {
        let found = check(&Confusion, &entry.bad);
        let hit = found.iter().any(|d| {
            let text = entry.bad[d.span.clone()].to_lowercase();
            text.split_whitespace().collect::<Vec<_>>().join(" ") == entry.wrong
                && d.suggestions
                    .first()
                    .is_some_and(|s| s.replacement.to_lowercase() == entry.right)
        });
        if !hit {
            failures.push(format!(
                "{:?}: does not fire on bad {:?}",
                entry.wrong, entry.bad
            ));
        } else if found.len() == 1 && fixed(&Confusion, &entry.bad) != entry.good {
            failures.push(format!(
                "{:?}: fixing bad gives {:?}, not good {:?}",
                entry.wrong,
                fixed(&Confusion, &entry.bad),
                entry.good
            ));
        }
        for text in std::iter::once(&entry.good).chain(&entry.ok) {
            let found = check(&Confusion, text);
            if !found.is_empty() {
                failures.push(format!(
                    "{:?}: something fires on {text:?}: {:?}",
                    entry.wrong,
                    found
                        .iter()
                        .map(|d| &text[d.span.clone()])
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tables_are_sorted_deduplicated_and_nfc() {
    let mut seen = std::collections::HashSet::new();
    let mut total = 0;
    for (name, text) in BUILTIN_TABLES {
        assert_eq!(text.nfc().collect::<String>(), *text, "{name} is not NFC");
        let mut table = Table::default();
        table.add_toml(name, text).unwrap();
        let wrongs: Vec<&str> = table.entries.iter().map(|e| e.wrong.as_str()).collect();
        let mut sorted = wrongs.clone();
        sorted.sort();
        assert_eq!(wrongs, sorted, "{name}: entries are not sorted by `wrong`");
        for entry in &table.entries {
            let key = format!("{}|{:?}", entry.wrong, entry.guards());
            assert!(
                seen.insert(key),
                "{name}: {:?} is listed twice",
                entry.wrong
            );
            assert_eq!(
                entry.right,
                entry.right.to_lowercase(),
                "{name}: {:?}",
                entry.right
            );
        }
        total += table.entries.len();
    }
    assert!(total >= 150, "only {total} entries in the built-in tables");
}
