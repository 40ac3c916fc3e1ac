//! Inputs that must not be read wrongly: damaged Word files, UTF-16 text.

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn vnlint() -> Command {
    Command::cargo_bin("vnlint").unwrap()
}

/// A .docx whose `word/document.xml` is exactly `xml`.
fn docx(xml: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

#[test]
fn a_word_file_cut_short_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let xml = format!(
        "<w:document {W}><w:body><w:p><w:r><w:t>Đoạn một.</w:t></w:r></w:p><w:p><w:r><w:t>A ninh được giữ vững."
    );
    let path = write(dir.path(), "cut.docx", &docx(&xml));
    vnlint().args(["check", &path]).assert().code(2).stderr(
        predicate::str::contains("cut.docx").and(predicate::str::contains(
            "word/document.xml ends inside <w:t>",
        )),
    );
}

#[test]
fn heading_1_in_word_is_the_headline() {
    let xml = format!(
        "<w:document {W}><w:body>\
         <w:p><w:r><w:t>Bản tin nội bộ của phường, số ra tháng 7.</w:t></w:r></w:p>\
         <w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Phường tổ chức Hội nghị lần thứ 9</w:t></w:r></w:p>\
         <w:p><w:r><w:t>Ngày 2-7, phường đã tổ chức Hội nghị lần thứ 10.</w:t></w:r></w:p></w:body></w:document>"
    );
    let doc = vnlint::read_document("a.docx", &docx(&xml), vnlint::Format::Docx).unwrap();
    let titles: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == vnlint::document::BlockKind::Title)
        .map(|b| &doc.text[b.range.clone()])
        .collect();
    assert_eq!(titles, vec!["Phường tổ chức Hội nghị lần thứ 9"]);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_is_named_not_called_binary_and_fix_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    for big_endian in [false, true] {
        let bytes = utf16("A ninh  chính trị được giữ vững.\n", big_endian);
        let path = write(dir.path(), "u16.txt", &bytes);
        vnlint()
            .args(["check", &path])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("UTF-16").and(predicate::str::contains("UTF-8")));
        vnlint()
            .args(["--lang", "en", "check", &path])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("save as UTF-8"));
        vnlint().args(["check", "--fix", &path]).assert().code(2);
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "never rewritten");
    }
}

#[test]
fn a_file_past_max_file_size_is_refused_naming_it() {
    // Sparse: the file takes no room on disk, and vnlint must not read it to refuse it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(vnlint::MAX_FILE_SIZE + 1).unwrap();
    let small = write(
        dir.path(),
        "small.txt",
        "A ninh được giữ vững.\n".as_bytes(),
    );
    let path = path.to_string_lossy().into_owned();
    vnlint()
        .args(["--lang", "en", "check", &path, &small])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("huge.txt")
                .and(predicate::str::contains("file too large"))
                .and(predicate::str::contains(vnlint::MAX_FILE_SIZE.to_string())),
        )
        // The other file is still checked.
        .stdout(predicate::str::contains("small.txt"));
}

#[test]
fn a_write_failure_says_write_not_read() {
    // A baseline to write into a folder that does not exist: the file cannot be written
    // (even by root), and the message says so, not that a file could not be read.
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", "A ninh được giữ vững.\n".as_bytes());
    let baseline = dir.path().join("missing").join("baseline.json");
    let baseline = baseline.to_string_lossy().into_owned();
    for (lang, write_msg, read_msg) in [
        ("vi", "không ghi được tệp", "không đọc được"),
        ("en", "cannot write the file", "cannot read"),
    ] {
        vnlint()
            .args([
                "--lang",
                lang,
                "check",
                "--write-baseline",
                &baseline,
                &path,
            ])
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains(format!("{baseline}: {write_msg}"))
                    .and(predicate::str::contains(read_msg).not()),
            );
    }
}
