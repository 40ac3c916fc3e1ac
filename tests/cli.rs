//! The binary as users run it: exit codes, standard input, bad input, spans in the file.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn vnlint() -> Command {
    Command::cargo_bin("vnlint").unwrap()
}

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn json_of(output: &[u8]) -> Vec<Value> {
    serde_json::from_slice::<Vec<Value>>(output).expect("a JSON array on stdout")
}

/// A small release with one error of each kind and one doubled space.
const RELEASE: &str = "CÔNG TÁC ĐẢNG\n\nPhường Mai Dịch tổ chức Hội nghị Ban Chấp hành lần thứ 9\nNgày đăng 03/07/2024 | 10:20\n\nNgày 2-7, Đảng ủy phường đã tổ chức Hội nghị lần thứ 10. Thu ngân sách đạt 300 tỷ đồng / 400 tỷ đồng, đạt hơn 76% dự toán. A ninh chính trị được giữ vững  và ổn định.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn span_text<'a>(source: &'a [u8], d: &Value) -> &'a str {
    let s = d["byte_start"].as_u64().unwrap() as usize;
    let e = d["byte_end"].as_u64().unwrap() as usize;
    std::str::from_utf8(&source[s..e]).unwrap()
}

#[test]
fn findings_exit_1_and_spans_point_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "ban-tin.txt", RELEASE.as_bytes());
    let out = vnlint()
        .args(["check", "--format", "json", &path])
        .assert()
        .code(1);
    let diags = json_of(&out.get_output().stdout);
    let got: Vec<(&str, &str)> = diags
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                span_text(RELEASE.as_bytes(), d),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("ordinal-mismatch", "9"),
            ("percent-mismatch", "76%"),
            ("confusion", "A ninh"),
            ("double-space", "  "),
        ]
    );
    let ordinal = &diags[0];
    assert_eq!(
        ordinal["start"],
        serde_json::json!({"line": 3, "column": 56})
    );
    assert_eq!(span_text(RELEASE.as_bytes(), &ordinal["related"][0]), "10");
    assert_eq!(diags[2]["suggestions"][0]["replacement"], "An ninh");
    assert!(diags[1]["message"].as_str().unwrap().contains("= 75,00 %"));
}

#[test]
fn standard_input_gives_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "ban-tin.txt", RELEASE.as_bytes());
    let from_file = vnlint()
        .args(["check", "--format", "json", &path])
        .output()
        .unwrap();
    let from_stdin = vnlint()
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "ban-tin.txt",
            "-",
        ])
        .write_stdin(RELEASE)
        .assert()
        .code(1);
    let mut a = json_of(&from_file.stdout);
    let b = json_of(&from_stdin.get_output().stdout);
    for d in &mut a {
        d["path"] = "ban-tin.txt".into();
    }
    assert_eq!(a, b);
}

#[test]
fn a_clean_file_exits_0_and_json_is_an_empty_array() {
    vnlint()
        .args([
            "check",
            "--format",
            "json",
            &fixture("confusion/silent-phuong-an.txt"),
        ])
        .assert()
        .code(0)
        .stdout("[]\n");
}

#[test]
fn an_empty_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "rong.txt", b"");
    vnlint()
        .args(["check", "--format", "json", &path])
        .assert()
        .code(0)
        .stdout("[]\n");
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cach.txt", "Quận ủy  và HĐND.\n".as_bytes());
    vnlint().args(["check", &path]).assert().code(1);
    vnlint()
        .args(["check", "--fail-on", "error", &path])
        .assert()
        .code(0);
}

#[test]
fn a_missing_file_exits_2_naming_it_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "ban-tin.txt", RELEASE.as_bytes());
    let out = vnlint()
        .args(["check", "--format", "json", "khong/co/tep.txt", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("khong/co/tep.txt"));
    // With an error, JSON is an object: the findings, and the errors.
    let value: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(value["diagnostics"].as_array().unwrap().len(), 4);
    assert_eq!(value["errors"][0]["path"], "khong/co/tep.txt");
}

#[test]
fn non_utf8_exits_2_with_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cu.txt", b"Gi\xe1i ph\xf3ng");
    vnlint()
        .args(["check", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cu.txt").and(predicate::str::contains("2")));
    vnlint()
        .args(["--lang", "en", "check", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not UTF-8").and(predicate::str::contains("offset 2")));
}

#[test]
fn a_binary_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "anh.txt", b"PNG\0\0\x01");
    vnlint()
        .args(["check", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("anh.txt"));
}

#[test]
fn decomposed_unicode_is_reported_at_its_own_bytes() {
    let nfd = "Kỷ niệm 70 năm Ngày Gia\u{309}i pho\u{300}ng Thủ đô.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "nfd.txt", nfd.as_bytes());
    let out = vnlint()
        .args(["check", "--format", "json", &path])
        .assert()
        .code(1);
    let all = json_of(&out.get_output().stdout);
    // unicode-form reports the same bytes as not NFC.
    let rules: Vec<&str> = all.iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, vec!["confusion", "unicode-form"]);
    assert_eq!(
        span_text(nfd.as_bytes(), &all[1]),
        "Gia\u{309}i pho\u{300}ng"
    );
    let diags = &all[..1];
    assert_eq!(
        span_text(nfd.as_bytes(), &diags[0]),
        "Gia\u{309}i pho\u{300}ng"
    );
    // Columns count Unicode scalar values of the file as written (combining marks too).
    assert_eq!(diags[0]["start"]["column"], 21);
    assert_eq!(diags[0]["end"]["column"], 33);
}

#[test]
fn bom_and_crlf_keep_offsets_in_the_file() {
    let text = "\u{feff}Tiêu đề\r\n\r\nA ninh được giữ vững.\r\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crlf.txt", text.as_bytes());
    let out = vnlint()
        .args(["check", "--format", "json", &path])
        .assert()
        .code(1);
    let diags = json_of(&out.get_output().stdout);
    assert_eq!(span_text(text.as_bytes(), &diags[0]), "A ninh");
    assert_eq!(
        diags[0]["start"],
        serde_json::json!({"line": 3, "column": 1})
    );
}

#[test]
fn folders_are_walked_for_text_markdown_and_html_in_order() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b.md",
        "# Tin\n\nA ninh được giữ vững.\n".as_bytes(),
    );
    write(dir.path(), "a.txt", "A ninh được giữ vững.\n".as_bytes());
    write(dir.path(), "c.json", "A ninh".as_bytes());
    write(dir.path(), "d.html", "<p>A ninh</p>".as_bytes());
    let out = vnlint()
        .args(["check", "--format", "json", &dir.path().to_string_lossy()])
        .assert()
        .code(1);
    let paths: Vec<String> = json_of(&out.get_output().stdout)
        .iter()
        .map(|d| {
            Path::new(d["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(paths, vec!["a.txt", "b.md", "d.html"]);
}

#[test]
fn human_output_has_the_rule_the_place_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "ban-tin.txt", RELEASE.as_bytes());
    vnlint()
        .args(["check", "--color", "never", &path])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("error[ordinal-mismatch]")
                .and(predicate::str::contains("ban-tin.txt:3:56"))
                .and(predicate::str::contains("thân bài ghi 10 ở đây"))
                .and(predicate::str::contains("help: sửa thành “An ninh”"))
                .and(predicate::str::contains("3 lỗi, 1 cảnh báo trong 1 tệp"))
                .and(predicate::str::contains("\u{1b}[").not()),
        );
    vnlint()
        .args(["--lang", "en", "check", "--color", "always", &path])
        .assert()
        .stdout(
            predicate::str::contains("3 errors, 1 warning in 1 file")
                .and(predicate::str::contains("\u{1b}[")),
        );
}

#[test]
fn rules_and_explain_come_from_the_registry() {
    let out = vnlint().arg("rules").assert().success();
    let listing = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for rule in vnlint::rules::REGISTRY {
        assert!(
            listing.contains(rule.meta().id),
            "{} not listed",
            rule.meta().id
        );
    }
    vnlint()
        .args(["explain", "percent-mismatch"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("## Vì sao").and(predicate::str::contains("## Ví dụ lỗi")),
        );
    vnlint()
        .args(["--lang", "en", "explain", "percent-mismatch"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Why"));
    vnlint().args(["explain", "khong-co"]).assert().code(2);
}

#[test]
fn a_bad_config_exits_2_naming_the_file_and_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "vnlint.toml",
        b"[rules]\nno-such-rule = \"off\"\n",
    );
    let path = write(dir.path(), "a.txt", b"Xin chao.\n");
    vnlint()
        .args(["check", "--config", &config, &path])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("vnlint.toml").and(predicate::str::contains("no-such-rule")),
        );
    let off = write(dir.path(), "off.toml", b"[rules]\ndouble-space = \"off\"\n");
    let spaced = write(dir.path(), "b.txt", "Quận ủy  và HĐND.\n".as_bytes());
    vnlint()
        .args(["check", "--config", &off, &spaced])
        .assert()
        .code(0);
}

/// The reference press release in ../shared/seed: the five known errors at their places,
/// a warning at each of its five doubled spaces, no other error; the same through stdin.
#[test]
fn the_reference_press_release() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/cau-giay-press-release.txt");
    assert!(
        seed.exists(),
        "../shared/seed/cau-giay-press-release.txt is missing: this test needs the shared folder beside the project"
    );
    let source = std::fs::read(&seed).unwrap();
    let out = vnlint()
        .args(["check", "--format", "json", &seed.to_string_lossy()])
        .assert()
        .code(1);
    let diags = json_of(&out.get_output().stdout);
    let errors: Vec<(&str, &str)> = diags
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["rule"].as_str().unwrap(), span_text(&source, d)))
        .collect();
    assert_eq!(
        errors,
        vec![
            ("ordinal-mismatch", "24"),
            ("percent-mismatch", "64%"),
            ("confusion", "A ninh"),
            ("confusion", "phương"),
            ("confusion", "Giải phòng"),
        ]
    );
    let spaces = diags.iter().filter(|d| d["rule"] == "double-space").count();
    assert_eq!(spaces, 5);
    let stdin = vnlint()
        .args(["check", "--format", "json", "-"])
        .write_stdin(source.clone())
        .assert()
        .code(1);
    assert_eq!(json_of(&stdin.get_output().stdout).len(), diags.len());
}

#[test]
fn fix_writes_only_safe_fixes_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Quận ủy  và HĐND.\nA ninh được giữ vững.\n";
    let path = write(dir.path(), "a.txt", text.as_bytes());
    vnlint()
        .args(["check", "--diff", &path])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("-Quận ủy  và HĐND.")
                .and(predicate::str::contains("+Quận ủy và HĐND.")),
        );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "--diff must not write"
    );
    // The unsafe confusion fix remains a finding after --fix.
    vnlint().args(["check", "--fix", &path]).assert().code(1);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Quận ủy và HĐND.\nA ninh được giữ vững.\n"
    );
    vnlint()
        .args(["check", "--fix", "--unsafe-fixes", &path])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, "Quận ủy và HĐND.\nAn ninh được giữ vững.\n");
    vnlint()
        .args(["check", "--fix", "--unsafe-fixes", &path])
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    vnlint()
        .args(["check", "--fix", "-"])
        .write_stdin("Hai  dấu cách.\n")
        .assert()
        .code(0)
        .stdout("Hai dấu cách.\n");
}

#[test]
fn diff_of_standard_input_is_printed_and_exits_1() {
    vnlint()
        .args(["check", "--diff", "-"])
        .write_stdin("Hai  dấu cách.\n")
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("-Hai  dấu cách.")
                .and(predicate::str::contains("+Hai dấu cách.")),
        );
    // Nothing to fix: no diff, exit 0.
    vnlint()
        .args(["check", "--diff", "-"])
        .write_stdin("Một dấu cách.\n")
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn diff_of_a_file_does_not_say_it_fixed_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", "Hai  dấu cách.\n".as_bytes());
    vnlint()
        .args(["check", "--diff", &path])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+Hai dấu cách."))
        .stderr(predicate::str::contains("sửa").not());
    vnlint()
        .args(["--lang", "en", "check", "--diff", &path])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("fixed").not());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Hai  dấu cách.\n");
}

#[test]
fn fix_with_diff_shows_the_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", "Hai  dấu cách.\n".as_bytes());
    vnlint()
        .args(["check", "--fix", "--diff", &path])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("-Hai  dấu cách.")
                .and(predicate::str::contains("+Hai dấu cách.")),
        )
        .stderr(predicate::str::contains("sửa").not());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Hai  dấu cách.\n");
    // On standard input too: the diff, not the fixed text.
    vnlint()
        .args(["check", "--fix", "--diff", "-"])
        .write_stdin("Hai  dấu cách.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+Hai dấu cách."));
}

/// A .docx built here: paragraphs, a heading by style, a word split across runs.
fn docx(paragraphs: &[(&str, &[&str])]) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for (style, runs) in paragraphs {
        body.push_str("<w:p>");
        if !style.is_empty() {
            body.push_str(&format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"));
        }
        for run in *runs {
            body.push_str(&format!(
                "<w:r><w:t xml:space=\"preserve\">{run}</w:t></w:r>"
            ));
        }
        body.push_str("</w:p>");
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn word_documents_are_reported_by_paragraph_and_character() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = docx(&[
        ("Title", &["Phường tổ chức Hội nghị lần thứ 9"]),
        ("", &[]),
        (
            "",
            &[
                "Ngày 2-7, phường tổ chức Hội nghị lần thứ 10. ",
                "A ni",
                "nh được giữ vững.",
            ],
        ),
    ]);
    let path = write(dir.path(), "ban-tin.docx", &bytes);
    let out = vnlint()
        .args(["check", "--format", "json", &path])
        .assert()
        .code(1);
    let diags = json_of(&out.get_output().stdout);
    let places: Vec<(&str, u64, u64)> = diags
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["paragraph"].as_u64().unwrap(),
                d["char"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        vec![("ordinal-mismatch", 1, 33), ("confusion", 3, 47)]
    );
    vnlint()
        .args(["check", "--color", "never", &path])
        .assert()
        .stdout(predicate::str::contains("đoạn 3, ký tự 47"));
    // --fix reports on a .docx but never writes it.
    vnlint()
        .args(["check", "--fix", "--unsafe-fixes", &path])
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // --fix on standard input named as a Word file is refused: nothing on standard output
    // that a redirection would put where the Word file was.
    vnlint()
        .args(["check", "--fix", "--stdin-filename", "ban-tin.docx", "-"])
        .write_stdin(bytes.clone())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("ban-tin.docx").and(predicate::str::contains("--fix")));
}

#[test]
fn a_damaged_word_file_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = docx(&[("", &["Một đoạn văn."])]);
    let path = write(dir.path(), "hong.docx", &bytes[..bytes.len() / 2]);
    vnlint()
        .args(["check", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hong.docx").and(predicate::str::contains("Word")));
}

#[test]
fn a_baseline_hides_todays_findings_and_shows_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", "A ninh được giữ vững.\n".as_bytes());
    let baseline = dir
        .path()
        .join("baseline.json")
        .to_string_lossy()
        .into_owned();
    vnlint()
        .args(["check", "--write-baseline", &baseline, &path])
        .assert()
        .code(0);
    vnlint()
        .args(["check", "--baseline", &baseline, &path])
        .assert()
        .code(0);
    std::fs::write(
        &path,
        "Dòng mới ở đầu.\nA ninh được giữ vững.\nGiải phòng Thủ đô.\n",
    )
    .unwrap();
    let out = vnlint()
        .args(["check", "--format", "json", "--baseline", &baseline, &path])
        .assert()
        .code(1);
    let diags = json_of(&out.get_output().stdout);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["text"], "Giải phòng");
}

#[test]
fn completions_and_the_manual_page() {
    vnlint()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("vnlint").and(predicate::str::contains("--format")));
    vnlint()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH vnlint 1"));
}

#[test]
fn convert_writes_unicode_nfc_to_stdout_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    // TCVN3 font bytes, as an old .txt file holds them.
    let tcvn = write(
        dir.path(),
        "cu.txt",
        b"Ti\xd5ng Vi\xd6t, Gi\xb6i ph\xe3ng\n",
    );
    vnlint()
        .args(["convert", "--from", "tcvn3", &tcvn])
        .assert()
        .success()
        .stdout("Tiếng Việt, Giải phóng\n");
    // VNI pasted as Unicode, written to a new file.
    let vni = write(dir.path(), "vni.txt", "Xin chaøo caùc baïn\n".as_bytes());
    let out = dir.path().join("moi.txt");
    vnlint()
        .args(["convert", "--from", "vni", &vni, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "Xin chào các bạn\n");
    let viqr = write(dir.path(), "viqr.txt", b"Tie^'ng Vie^.t\n");
    vnlint()
        .args(["convert", "--from", "viqr", &viqr])
        .assert()
        .success()
        .stdout("Tiếng Việt\n");
    vnlint()
        .args(["convert", "--from", "latin9", &viqr])
        .assert()
        .code(2);
}

/// An oracle for the TCVN3 table that the project does not write: glibc's iconv knows
/// TCVN 5712:1993 (VN1), of which the ABC fonts' TCVN3 (VN3) is a subset with the same
/// byte values. Every byte from 0xA1 up, read as its Latin-1 character, must convert to what
/// iconv makes of it, but for 0xB0-0xB4: combining marks in VN1, not used by the ABC fonts,
/// so they stay the symbols they are (°, ±, ², ³, ´).
#[test]
fn tcvn3_conversion_agrees_with_glibc_iconv() {
    use unicode_normalization::UnicodeNormalization;
    let iconv = |bytes: &[u8]| {
        std::process::Command::new("iconv")
            .args(["-f", "TCVN5712-1", "-t", "UTF-8"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take()?.write_all(bytes).ok()?;
                let out = child.wait_with_output().ok()?;
                out.status
                    .success()
                    .then(|| String::from_utf8(out.stdout).ok())?
            })
    };
    if iconv(b"a").is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "no iconv with TCVN5712-1: CI needs glibc's iconv (on Debian, libc-bin and libc6, \
             always installed) for the TCVN3 oracle test"
        );
        eprintln!(
            "SKIPPED: no iconv with TCVN5712-1 on this machine (glibc's iconv has it); \
             under CI this test fails instead"
        );
        return;
    }
    let bytes: Vec<u8> = (0xA1..=0xFF).collect();
    let dir = tempfile::tempdir().unwrap();
    let misread: Vec<String> = bytes.iter().map(|&b| char::from(b).to_string()).collect();
    let file = write(dir.path(), "tcvn3.txt", misread.join(" ").as_bytes());
    let out = vnlint()
        .args(["convert", "--from", "tcvn3", &file])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let converted = String::from_utf8(out.stdout).unwrap();
    let converted: Vec<&str> = converted.trim_end().split(' ').collect();
    assert_eq!(converted.len(), bytes.len());
    for ((&b, ours), latin1) in bytes.iter().zip(&converted).zip(&misread) {
        let expected = if (0xB0..=0xB4).contains(&b) {
            latin1.clone()
        } else {
            iconv(&[b]).unwrap().nfc().collect()
        };
        assert_eq!(*ours, expected, "byte {b:#04x}");
    }
}

#[test]
fn learn_writes_a_model_that_check_and_the_config_use() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("luu-tru.vnlm");
    vnlint()
        .args([
            "--lang",
            "en",
            "learn",
            &fixture("rare-variant/archive"),
            "-o",
        ])
        .arg(&model)
        .assert()
        .success()
        .stderr(predicate::str::contains("learned 13 documents"));
    let text = "Phường kiểm tra vệ sinh môi trướng tại các tổ dân phố.\n";
    let file = write(dir.path(), "tin.txt", text.as_bytes());
    let rare_variant = || {
        let mut cmd = vnlint();
        cmd.args(["check", "--format", "json", "--select", "rare-variant"]);
        cmd
    };
    // No model, no rule.
    rare_variant().arg(&file).assert().success().stdout("[]\n");
    let out = rare_variant()
        .arg("--model")
        .arg(&model)
        .arg(&file)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let found = json_of(&out);
    assert_eq!(found.len(), 1);
    assert_eq!(span_text(text.as_bytes(), &found[0]), "trướng");
    // The same model named in vnlint.toml, relative to it.
    write(dir.path(), "vnlint.toml", b"model = \"luu-tru.vnlm\"\n");
    rare_variant()
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("trướng"));
}

#[test]
fn learning_from_nothing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("rong.vnlm");
    vnlint()
        .args(["--lang", "en", "learn"])
        .arg(dir.path().join("khong-co"))
        .arg("-o")
        .arg(&model)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("khong-co").and(predicate::str::contains("no documents")));
    assert!(!model.exists());
}

#[test]
fn a_damaged_model_is_an_input_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("hong.vnlm");
    vnlint()
        .args(["learn", &fixture("rare-variant/archive"), "-o"])
        .arg(&model)
        .assert()
        .success();
    let bytes = std::fs::read(&model).unwrap();
    std::fs::write(&model, &bytes[..bytes.len() / 2]).unwrap();
    let file = write(dir.path(), "tin.txt", "Phường họp.\n".as_bytes());
    vnlint()
        .args(["--lang", "en", "check", "--model"])
        .arg(&model)
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hong.vnlm").and(predicate::str::contains("truncated")));
    write(dir.path(), "vnlint.toml", b"\nmodel = \"hong.vnlm\"\n");
    vnlint().args(["check", &file]).assert().code(2).stderr(
        predicate::str::contains("vnlint.toml:2").and(predicate::str::contains("hong.vnlm")),
    );
}

#[test]
fn test_rules_checks_word_lists() {
    let lists = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/lists");
    vnlint()
        .arg("test-rules")
        .arg(lists.join("family-names.txt"))
        .arg(lists.join("reduplications.txt"))
        .assert()
        .success();
    let dir = tempfile::tempdir().unwrap();
    let unsorted = write(dir.path(), "x.txt", "# A list.\nxa\nanh\n".as_bytes());
    vnlint()
        .args(["test-rules", &unsorted])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("x.txt:3: not in byte order"));
}

#[test]
fn the_builtin_model_can_be_left_out_for_measurement() {
    let text = "Người dân đã thoát khởi cảnh nghèo nhờ chương trình của tỉnh.\n";
    let with = vnlint()
        .args(["check", "--format", "json", "--select", "realword", "-"])
        .write_stdin(text)
        .assert()
        .code(1);
    let found = json_of(&with.get_output().stdout);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(span_text(text.as_bytes(), &found[0]), "khởi");
    let without = vnlint()
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "realword",
            "--no-builtin-model",
            "-",
        ])
        .write_stdin(text)
        .assert()
        .code(0);
    assert!(json_of(&without.get_output().stdout).is_empty());
}

#[test]
fn learn_builtin_writes_triples_the_word_list_and_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Người dân thoát khỏi cảnh nghèo. Người dân thoát khỏi cảnh nghèo.\n".as_bytes(),
    );
    let list = write(dir.path(), "words.list", "thoát khỏi\n".as_bytes());
    let out = dir.path().join("m.vnlm");
    vnlint()
        .args(["learn", "--builtin", "--word-list", &list])
        .arg(dir.path().join("a.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let model = vnlint::model::Model::load(&out).unwrap();
    let id = |w: &str| model.id(w).unwrap();
    assert_eq!(model.trigram(id("dân"), id("thoát"), id("khỏi")), 2);
    assert!(model.in_word_list(id("thoát"), id("khỏi")));
    assert_eq!(model.provenance().recipe, vnlint::model::RECIPE_VERSION);
    assert!(model.notice().contains("CC BY-SA"));
}

/// A missing file, a binary file, a bad config: no format reads as a clean run.
#[test]
fn errors_are_never_silent_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let binary = write(dir.path(), "anh.txt", b"PNG\0\0\x01");
    let clean = write(dir.path(), "sach.txt", "Tin ngắn.\n".as_bytes());
    for bad in ["khong/co/tep.txt", binary.as_str()] {
        let human = vnlint()
            .args(["check", "--color", "never", bad])
            .assert()
            .code(2);
        let stdout = String::from_utf8_lossy(&human.get_output().stdout).into_owned();
        assert!(!stdout.contains("Không có lỗi nào"), "{stdout}");
        assert!(
            stdout.ends_with("1 lỗi đầu vào: không kiểm tra được 1 tệp\n"),
            "{stdout}"
        );
        let english = vnlint()
            .args(["--lang", "en", "check", "--color", "never", bad, &clean])
            .assert()
            .code(2);
        let stdout = String::from_utf8_lossy(&english.get_output().stdout).into_owned();
        assert!(!stdout.contains("No problems"), "{stdout}");
        assert!(
            stdout.ends_with("1 input error: 1 file not checked\n"),
            "{stdout}"
        );

        // JSON: an object with the findings and the errors, each error naming its path.
        let json = vnlint()
            .args(["check", "--format", "json", bad, &clean])
            .assert()
            .code(2);
        let value: Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
        assert_eq!(value["diagnostics"], Value::Array(vec![]));
        let errors = value["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0]["path"], bad);
        assert!(errors[0]["message"].as_str().unwrap().contains(bad));

        // SARIF: an invocation that did not succeed, with a notification naming the file.
        let sarif = vnlint()
            .args(["check", "--format", "sarif", bad])
            .assert()
            .code(2);
        let log: serde_sarif::sarif::Sarif =
            serde_json::from_slice(&sarif.get_output().stdout).expect("valid SARIF");
        let invocations = log.runs[0].invocations.as_ref().expect("invocations");
        assert!(!invocations[0].execution_successful);
        let notes = invocations[0]
            .tool_execution_notifications
            .as_ref()
            .unwrap();
        assert_eq!(notes.len(), 1);
        let text = notes[0].message.text.as_deref().unwrap();
        assert!(text.contains(bad), "{text}");

        // jsonl: one error line; github: one ::error command.
        let jsonl = vnlint()
            .args(["check", "--format", "jsonl", bad])
            .assert()
            .code(2);
        let line: Value = serde_json::from_slice(&jsonl.get_output().stdout).unwrap();
        assert_eq!(line["error"]["path"], bad);
        vnlint()
            .args(["check", "--format", "github", bad])
            .assert()
            .code(2)
            .stdout(predicate::str::starts_with("::error file="));
        // checkstyle and rdjson: an error entry naming the file.
        vnlint()
            .args(["check", "--format", "checkstyle", bad])
            .assert()
            .code(2)
            .stdout(predicate::str::contains("source=\"vnlint.input-error\""));
        let rdjson = vnlint()
            .args(["check", "--format", "rdjson", bad])
            .assert()
            .code(2);
        let value: Value = serde_json::from_slice(&rdjson.get_output().stdout).unwrap();
        assert_eq!(value["diagnostics"][0]["location"]["path"], bad);
        assert_eq!(value["diagnostics"][0]["severity"], "ERROR");
    }
    // A configuration that cannot be used: still parseable JSON carrying the error.
    let config = write(dir.path(), "hong.toml", b"[rules]\nkhong-co = \"off\"\n");
    let json = vnlint()
        .args(["check", "--config", &config, "--format", "json", &clean])
        .assert()
        .code(2);
    let value: Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert!(
        value["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("khong-co")
    );
    // Without errors, JSON stays the array it always was.
    let ok = vnlint()
        .args(["check", "--format", "json", &clean])
        .assert()
        .code(0);
    assert!(json_of(&ok.get_output().stdout).is_empty());
}

#[test]
fn a_folder_without_documents_is_an_error_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "du-lieu.json", b"{}");
    let folder = dir.path().to_string_lossy().into_owned();
    let out = vnlint()
        .args(["check", "--color", "never", &folder])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(folder.as_str()).and(predicate::str::contains(".docx")));
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!stdout.contains("0 tệp"), "{stdout}");
    vnlint()
        .args(["check", "--allow-empty", &folder])
        .assert()
        .code(0);
}

#[test]
fn statistics_go_to_standard_error_for_machine_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "ban-tin.txt", RELEASE.as_bytes());
    for format in ["json", "sarif", "github", "checkstyle", "rdjson", "jsonl"] {
        let out = vnlint()
            .args(["check", "--statistics", "--format", format, &path])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("double-space"));
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(
            !stdout.contains("double-space             "),
            "{format}: {stdout}"
        );
        match format {
            "json" | "sarif" | "rdjson" => {
                serde_json::from_str::<Value>(&stdout).expect("parseable");
            }
            _ => {}
        }
    }
    // Human output keeps the table after the report.
    vnlint()
        .args(["check", "--statistics", "--color", "never", &path])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("double-space"));
}

#[cfg(unix)]
#[test]
fn fix_refuses_a_read_only_file_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "chi-doc.txt", "Hai  dấu cách.\n".as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = vnlint()
        .args(["check", "--fix", "--format", "json", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("chi-doc.txt").and(predicate::str::contains("chỉ đọc")));
    // The findings of the file as it stays are still reported, beside the error.
    let value: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(value["diagnostics"][0]["rule"], "double-space");
    assert_eq!(value["errors"][0]["path"], path.as_str());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Hai  dấu cách.\n");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("goc")).unwrap();
    let target = write(dir.path(), "goc/tin.txt", "Hai  dấu cách.\n".as_bytes());
    let link = dir.path().join("lien-ket.txt");
    std::os::unix::fs::symlink("goc/tin.txt", &link).unwrap();
    vnlint()
        .args(["check", "--fix"])
        .arg(&link)
        .assert()
        .code(0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("goc/tin.txt"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "Hai dấu cách.\n");
}

/// The replaced file keeps its mode, and its owner and group. Changing them needs root
/// (as in CI's container); elsewhere the owner part checks that they stay the caller's.
#[cfg(unix)]
#[test]
fn fix_keeps_mode_owner_and_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tin.txt", "Hai  dấu cách.\n".as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    // Ids no process here runs as, so a change of owner would show.
    let _ = std::os::unix::fs::chown(&path, Some(4321), Some(4322));
    let before = std::fs::metadata(&path).unwrap();
    vnlint().args(["check", "--fix", &path]).assert().code(0);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Hai dấu cách.\n");
    assert_ne!(after.ino(), before.ino(), "replaced, not written in place");
    assert_eq!(after.permissions().mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
}

#[test]
fn convert_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"Ti\xd5ng Vi\xd6t, Gi\xb6i ph\xe3ng\n";
    let path = write(dir.path(), "cu.txt", bytes);
    let mut spellings = vec![
        path.clone(),
        dir.path()
            .join(".")
            .join("cu.txt")
            .to_string_lossy()
            .into_owned(),
        dir.path()
            .join("..")
            .join(dir.path().file_name().unwrap())
            .join("cu.txt")
            .to_string_lossy()
            .into_owned(),
    ];
    #[cfg(unix)]
    {
        let link = dir.path().join("lien-ket.txt");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        spellings.push(link.to_string_lossy().into_owned());
    }
    for out in spellings {
        vnlint()
            .args(["convert", "--from", "tcvn3", &path, "-o", &out])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(out.as_str()));
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{out}");
    }
}

#[test]
fn convert_warns_when_the_text_looks_like_another_encoding() {
    let dir = tempfile::tempdir().unwrap();
    // TCVN3 bytes, converted as if they were VNI.
    let path = write(
        dir.path(),
        "cu.txt",
        b"Ti\xd5ng Vi\xd6t, Gi\xb6i ph\xe3ng, tr\xad\xeang h\xe4c\n",
    );
    let out = dir.path().join("moi.txt");
    vnlint()
        .args(["convert", "--from", "vni", &path, "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("TCVN3").and(predicate::str::contains("--from tcvn3")));
    vnlint()
        .args(["--lang", "en", "convert", "--from", "vni", &path])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not look like VNI-Windows"));
    // The right encoding: no warning.
    vnlint()
        .args(["convert", "--from", "tcvn3", &path])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn help_names_every_extension_a_folder_walk_reads() {
    let out = vnlint().args(["check", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for extension in vnlint::engine::CHECKED_EXTENSIONS {
        assert!(
            help.contains(&format!(".{extension}")),
            "{extension}: {help}"
        );
    }
    assert!(!help.contains("every .txt and .md file"), "{help}");
}
