use unicode_normalization::UnicodeNormalization;

use super::table::BUILTIN_TABLES;
use super::*;
use crate::rules::testing::{fixed, flagged, flags_each, silent};

#[test]
fn fails_on_the_seed_kind_of_slips() {
    flags_each(
        &Confusion,
        &[
            ("A ninh chính trị được giữ vững.", &["A ninh"]),
            ("Kỷ niệm 70 năm ngày Giải phòng Thủ đô.", &["Giải phòng"]),
            (
                "Trong đó 2 phương sắp xếp lại là Quan Hoa và Nghĩa Tân.",
                &["phương"],
            ),
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
fn a_spelling_quoted_on_its_own_is_talked_about_not_used() {
    silent(
        &Confusion,
        &[
            "Bài viết ghi “sát nhập”, đúng ra là “sáp nhập”.",
            "Không viết \"Giải phòng\" mà viết \"Giải phóng\".",
            "Chữ «a ninh» là lỗi gõ.",
        ],
    );
    flags_each(
        &Confusion,
        &[
            (
                "Ông nói: “Hai xã sẽ sát nhập vào tháng tới.”",
                &["sát nhập"],
            ),
            ("Khẩu hiệu “Mừng ngày Giải phòng”.", &["Giải phòng"]),
            ("“Sát nhập, rồi tính tiếp”.", &["Sát nhập"]),
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

/// Whether each finding's fix is safe (applied by `--fix`), in document order.
fn safe_fixes(text: &str) -> Vec<bool> {
    let doc = Document::from_text(text);
    let out = crate::rules::testing::run(&Confusion, &doc, &crate::Config::default());
    out.iter().map(|d| d.suggestions[0].safe).collect()
}

#[test]
fn a_slip_written_as_a_name_is_only_offered_a_fix() {
    // "hồ chức" (for "hồ chứa", a reservoir) is a safe entry; "Hồ Chức" may be a person.
    for (text, safe) in [
        ("Các hồ chức thủy lợi đã tích đủ nước.", true),
        ("Hồ chức thủy lợi đã tích đủ nước.", true),
        ("HỒ CHỨC THỦY LỢI ĐÃ TÍCH ĐỦ NƯỚC", true),
        ("Ông Hồ Chức phát biểu tại hội nghị.", false),
        ("Hồ Chức phát biểu tại hội nghị.", false),
        // A capital inside the sentence on any syllable: a name may run into the match.
        ("Nhà văn Lê Hồ chức vụ cao nhất trong hội.", false),
        ("Các hồ Chức Năng thủy lợi.", false),
    ] {
        assert_eq!(safe_fixes(text), [safe], "{text}");
    }
}

#[test]
fn spans_cover_the_phrase_in_decomposed_text() {
    let text = "Ngày Gia\u{309}i pho\u{300}ng Thủ đô";
    assert_eq!(flagged(&Confusion, text), vec!["Gia\u{309}i pho\u{300}ng"]);
}

/// Every built-in table tests itself: sorted, deduplicated, NFC; every `bad` fires its
/// entry and its fix gives `good`; nothing fires on `good` or `ok`.
#[test]
fn every_table_entry_tests_itself() {
    let problems: Vec<String> = BUILTIN_TABLES
        .iter()
        .flat_map(|(name, text)| Table::self_test(name, text))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The self-test runs each file alone; here every table at once: no entry of any file fires
/// on another entry's good or ok sentences, and a bad sentence fires its own entry only.
#[test]
fn the_tables_together_stay_silent_on_every_right_sentence() {
    let all = Table::builtin();
    let mut problems = Vec::new();
    for (name, text) in BUILTIN_TABLES {
        let mut table = Table::default();
        table.add_toml(name, text).unwrap();
        for entry in &table.entries {
            for ok in std::iter::once(&entry.good).chain(&entry.ok) {
                let (found, _) = all.run(ok);
                if !found.is_empty() {
                    problems.push(format!("{name}: {:?} fires on {ok:?}", found));
                }
            }
            let (found, _) = all.run(&entry.bad);
            let others: Vec<&(String, String)> = found
                .iter()
                .filter(|(text, _)| {
                    text.to_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        != entry.wrong
                })
                .collect();
            if !others.is_empty() {
                problems.push(format!("{name}: {others:?} also fire on {:?}", entry.bad));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_self_test_catches_a_broken_entry() {
    let broken = "[[entry]]\nwrong = \"giải phòng\"\nright = \"giải phóng\"\nseverity = \"error\"\nwhy = { vi = \"x\", en = \"x\" }\nbad = \"Ngày Giải phóng.\"\ngood = \"Ngày Giải phòng.\"\n";
    let problems = Table::self_test("hong.toml", broken);
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn tables_are_sorted_deduplicated_and_nfc() {
    let mut seen = std::collections::HashSet::new();
    // A phrase lives in one file: a second entry elsewhere, with other guards, would
    // override the first one's (the first entry that matches wins).
    let mut home: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
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
            let file = *home.entry(entry.wrong.clone()).or_insert(name);
            assert_eq!(file, *name, "{:?} is in {file} and {name}", entry.wrong);
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
    assert!(total >= 1000, "only {total} entries in the built-in tables");
}

/// The entries `build.rs` compiled in are the entries the table files hold.
#[test]
fn the_compiled_tables_match_the_files() {
    let mut parsed = Table::default();
    for (name, text) in BUILTIN_TABLES {
        parsed.add_toml(name, text).unwrap();
    }
    let built = Table::builtin();
    assert_eq!(built.entries.len(), parsed.entries.len());
    for (b, p) in built.entries.iter().zip(&parsed.entries) {
        assert_eq!(
            (&b.wrong, &b.right, b.severity, &b.why.vi, &b.why.en, b.safe),
            (&p.wrong, &p.right, p.severity, &p.why.vi, &p.why.en, p.safe)
        );
        assert_eq!(b.guards(), p.guards(), "{}", b.wrong);
    }
    assert_eq!(built.by_first, parsed.by_first);
}

/// Why a `safe` entry is not certain, by the tables' own account (empty: no reason).
///
/// `safe = true` lets `--fix` rewrite a document without asking, so it must mean "wrong in
/// every context, and only one fix". Three things in the tables contradict that, and each is
/// the likely way a later edit breaks it:
/// - a guard (`before`, `after`, `not_before`, `not_after`): someone met text where the
///   phrase is right (a name, another word, two words meeting: "bản chất | lương thiện")
///   and fenced it off; the fence proves the phrase depends on its context, and no fence
///   lists every context;
/// - severity `warning`: the entry itself says the phrase may be right;
/// - the phrase is another entry's `right`: the tables themselves call it real Vietnamese.
fn doubts_about_safe(
    entry: &TableEntry,
    rights: &std::collections::HashSet<&str>,
) -> Vec<&'static str> {
    let mut doubts = Vec::new();
    if !entry.safe {
        return doubts;
    }
    if entry.guards().iter().any(|list| !list.is_empty()) {
        doubts.push("has a guard");
    }
    if entry.severity != crate::diagnostic::Severity::Error {
        doubts.push("is not an error");
    }
    if rights.contains(entry.wrong.as_str()) {
        doubts.push("is another entry's `right`");
    }
    doubts
}

#[test]
fn safe_entries_are_certain_by_the_tables_own_account() {
    let table = Table::builtin();
    let rights = table.entries.iter().map(|e| e.right.as_str()).collect();
    let problems: Vec<String> = table
        .entries
        .iter()
        .filter_map(|e| {
            let doubts = doubts_about_safe(e, &rights);
            (!doubts.is_empty()).then(|| format!("{:?} is safe but {}", e.wrong, doubts.join(", ")))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "drop `safe = true`:\n{}",
        problems.join("\n")
    );
    // The check does catch each kind of doubt.
    let mut guarded = table.entries.iter().find(|e| e.safe).unwrap().clone();
    guarded.not_after = vec!["x".into()];
    guarded.severity = crate::diagnostic::Severity::Warning;
    let rights = [guarded.wrong.as_str()].into();
    assert_eq!(doubts_about_safe(&guarded, &rights).len(), 3);
}
