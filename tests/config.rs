//! Configuration as users meet it: found beside the files, overrides, include/exclude,
//! .gitignore, --select/--ignore, --show-config, init.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn vnlint() -> Command {
    Command::cargo_bin("vnlint").unwrap()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const SLIP: &str = "A ninh chính trị được giữ vững.\n";
const SPACES: &str = "Quận ủy  và HĐND quận.\n";

fn rules_fired(dir: &Path, args: &[&str]) -> Vec<(String, String)> {
    let out = vnlint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diags: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    diags
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap().replace('\\', "/");
            (
                path.trim_start_matches("./").to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_nearest_config_applies_with_its_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(
        &root.join("vnlint.toml"),
        "[rules]\ndouble-space = \"off\"\n[[overrides]]\nfiles = [\"drafts/**\"]\nrules = { confusion = \"off\" }\n",
    );
    write(&root.join("tin/a.txt"), &format!("{SLIP}{SPACES}"));
    write(&root.join("drafts/b.txt"), &format!("{SLIP}{SPACES}"));
    write(
        &root.join("khac/vnlint.toml"),
        "[rules]\nconfusion = \"info\"\n",
    );
    write(&root.join("khac/c.txt"), &format!("{SLIP}{SPACES}"));
    let got = rules_fired(root, &["."]);
    // With `confusion` off in drafts/, the built-in model's `realword` still sees "A ninh".
    assert_eq!(
        got,
        vec![
            ("drafts/b.txt".to_string(), "realword".to_string()),
            ("khac/c.txt".to_string(), "confusion".to_string()),
            ("khac/c.txt".to_string(), "double-space".to_string()),
            ("tin/a.txt".to_string(), "confusion".to_string()),
        ]
    );
}

#[test]
fn exclude_and_gitignore_skip_files_when_walking() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(&root.join("vnlint.toml"), "exclude = [\"archive/**\"]\n");
    write(&root.join(".gitignore"), "ban-nhap/\n");
    write(&root.join("archive/old.txt"), SLIP);
    write(&root.join("ban-nhap/x.md"), SLIP);
    write(&root.join("moi.md"), SLIP);
    assert_eq!(
        rules_fired(root, &["."]),
        vec![("moi.md".to_string(), "confusion".to_string())]
    );
}

#[test]
fn select_and_ignore_narrow_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), &format!("{SLIP}{SPACES}"));
    let only = rules_fired(dir.path(), &["--select", "double-space", "a.txt"]);
    assert_eq!(
        only,
        vec![("a.txt".to_string(), "double-space".to_string())]
    );
    let without = rules_fired(
        dir.path(),
        &["--ignore", "double-space,ordinal-mismatch", "a.txt"],
    );
    assert_eq!(
        without,
        vec![("a.txt".to_string(), "confusion".to_string())]
    );
    vnlint()
        .current_dir(dir.path())
        .args(["check", "--select", "khong-co", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("khong-co"));
}

#[test]
fn a_bad_config_found_by_search_exits_2_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        &dir.path().join(".vnlint.toml"),
        "[rules]\nconfusion = \"off\"\nmau-sac = true\n",
    );
    write(&dir.path().join("a.txt"), SLIP);
    vnlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(".vnlint.toml:3").and(predicate::str::contains("mau-sac")),
        );
}

#[test]
fn show_config_and_init() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    vnlint()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success();
    vnlint()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2);
    let text = std::fs::read_to_string(dir.path().join("vnlint.toml")).unwrap();
    assert!(text.contains("# confusion = \"error\""));
    write(
        &dir.path().join("vnlint.toml"),
        "[rules]\nconfusion = \"warning\"\n",
    );
    vnlint()
        .current_dir(dir.path())
        .args(["check", "--show-config"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("confusion = \"warning\"")
                .and(predicate::str::contains("double-space = \"warning\"")),
        );
}

#[test]
fn vocabulary_words_are_never_flagged() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        &dir.path().join("a.txt"),
        "Đồng bào gọi loại cây thuốc này là kây.\n",
    );
    let before = rules_fired(dir.path(), &["a.txt"]);
    assert!(before.iter().any(|(_, r)| r == "nonword"), "{before:?}");
    write(
        &dir.path().join("tu-dien.txt"),
        "# từ địa phương của tòa soạn\nKây\n",
    );
    write(
        &dir.path().join("vnlint.toml"),
        "vocabulary = [\"tu-dien.txt\"]\n",
    );
    let after = rules_fired(dir.path(), &["a.txt"]);
    assert!(after.iter().all(|(_, r)| r != "nonword"), "{after:?}");
}

const HOUSE_TABLE: &str = "[[entry]]\nwrong = \"phòng viên\"\nright = \"phóng viên\"\nseverity = \"error\"\nwhy = { vi = \"“phòng viên” là lỗi gõ của “phóng viên”.\", en = \"“phòng viên” is a slip for “phóng viên” (reporter).\" }\nbad = \"Các phòng viên đã có mặt.\"\ngood = \"Các phóng viên đã có mặt.\"\n";

#[test]
fn user_tables_add_entries_and_test_themselves() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(&dir.path().join("bang-rieng.toml"), HOUSE_TABLE);
    write(
        &dir.path().join("vnlint.toml"),
        "tables = [\"bang-rieng.toml\"]\n",
    );
    write(&dir.path().join("a.txt"), "Nhiều phòng viên dự họp báo.\n");
    assert_eq!(
        rules_fired(dir.path(), &["a.txt"]),
        vec![("a.txt".to_string(), "confusion".to_string())]
    );
    vnlint()
        .current_dir(dir.path())
        .args(["test-rules", "bang-rieng.toml"])
        .assert()
        .success();
    write(
        &dir.path().join("hong.toml"),
        &HOUSE_TABLE.replace("good = \"Các phóng viên", "good = \"Các phòng viên"),
    );
    vnlint()
        .current_dir(dir.path())
        .args(["test-rules", "hong.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("hong.toml"));
}

#[test]
fn options_inside_overrides_take_effect() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(
        &root.join("vnlint.toml"),
        "[[overrides]]\nfiles = [\"cu/**\"]\nrules = { tone-style = { style = \"old\" } }\n",
    );
    // Written in the new style throughout: only a house style of "old" makes it a finding.
    let text = "Phường tổ chức hoà giải, chăm lo sức khoẻ và thuỷ lợi.\n";
    write(&root.join("cu/a.txt"), text);
    write(&root.join("moi/b.txt"), text);
    let fired = rules_fired(root, &["cu", "moi"]);
    let tone: Vec<&str> = fired
        .iter()
        .filter(|(_, rule)| rule == "tone-style")
        .map(|(path, _)| path.as_str())
        .collect();
    assert_eq!(tone, ["cu/a.txt", "cu/a.txt", "cu/a.txt"]);
}

#[test]
fn a_bad_option_value_names_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        &dir.path().join("vnlint.toml"),
        "[rules]\nconfusion = \"off\"\nrare-variant = { min-ratio = 0 }\n",
    );
    write(&dir.path().join("a.txt"), SLIP);
    vnlint()
        .current_dir(dir.path())
        .args(["--lang", "en", "check", "a.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("vnlint.toml:3")
                .and(predicate::str::contains("min-ratio"))
                .and(predicate::str::contains("at least 1")),
        );
    // In Vietnamese, the default, naming the same file, line and key.
    vnlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("vnlint.toml:3")
                .and(predicate::str::contains("min-ratio"))
                .and(predicate::str::contains("từ 1 trở lên")),
        );
}

#[test]
fn every_option_is_shown_with_its_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        &dir.path().join("vnlint.toml"),
        "[rules]\nrare-variant = { min-count = 8 }\n",
    );
    let shown = vnlint()
        .current_dir(dir.path())
        .args(["check", "--show-config"])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains(
        "rare-variant = { severity = \"warning\", max-count = 1, min-count = 8, min-ratio = 10000, edits = \"marks\" }"
    ), "{shown}");
    assert!(shown.contains("tone-style = { severity = \"warning\", style = \"auto\" }"));
    let explained = vnlint()
        .args(["--lang", "en", "explain", "rare-variant"])
        .output()
        .unwrap();
    let explained = String::from_utf8(explained.stdout).unwrap();
    assert!(explained.contains("`min-ratio` = 10000"), "{explained}");
    let starter = vnlint()
        .current_dir(dir.path())
        .args(["init"])
        .output()
        .unwrap();
    assert_eq!(
        starter.status.code(),
        Some(2),
        "vnlint.toml exists: not overwritten"
    );
    let fresh = tempfile::tempdir().unwrap();
    vnlint()
        .current_dir(fresh.path())
        .arg("init")
        .assert()
        .success();
    let starter = std::fs::read_to_string(fresh.path().join("vnlint.toml")).unwrap();
    assert!(
        starter.contains("# tone-style = { severity = \"warning\", style = \"auto\" }"),
        "{starter}"
    );
    assert!(
        starter.contains("#   style: \"auto\"|\"old\"|\"new\""),
        "{starter}"
    );
}
