//! What the front ends say about a run besides its findings, in both languages.

use std::path::Path;

use crate::diagnostic::Message;

/// The word before an error's message ("vnlint: lỗi: ...").
pub fn error_prefix() -> Message {
    Message::new("lỗi", "error")
}

/// `--fix` changed files on disk.
pub fn fixed(places: usize, files: usize) -> Message {
    Message::new(
        format!("đã sửa {places} chỗ trong {files} tệp"),
        format!(
            "fixed {} in {}",
            counted(places, "place", "places"),
            counted(files, "file", "files")
        ),
    )
}

/// "1 file", "2 files" (Vietnamese nouns do not change with the number).
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `--write-baseline` recorded today's findings.
pub fn baseline_recorded(findings: usize, path: &Path) -> Message {
    let path = path.display();
    Message::new(
        format!("đã ghi {findings} phát hiện vào {path}"),
        format!(
            "recorded {} in {path}",
            counted(findings, "finding", "findings")
        ),
    )
}

/// `vnlint learn` found nothing to read.
pub fn no_documents_to_learn() -> Message {
    Message::new(
        "không tìm thấy tài liệu nào để học",
        "no documents found to learn from",
    )
}

/// `vnlint learn` wrote its model.
pub fn learned(
    documents: u64,
    text_bytes: u64,
    syllables: usize,
    model: &Path,
    size: usize,
) -> Message {
    let mb = text_bytes as f64 / 1e6;
    let size = size as f64 / 1e6;
    let model = model.display();
    Message::new(
        format!(
            "đã học {documents} tài liệu ({mb:.1} MB văn bản, {syllables} âm tiết khác nhau) vào {model} ({size:.2} MB)"
        ),
        format!(
            "learned {documents} documents ({mb:.1} MB of text, {syllables} distinct syllables) into {model} ({size:.2} MB)"
        ),
    )
}

/// `vnlint init` found a configuration already there.
pub fn init_exists() -> Message {
    Message::new(
        "vnlint.toml đã có, không ghi đè",
        "vnlint.toml already exists; not overwritten",
    )
}

/// `vnlint init` wrote the starter configuration.
pub fn init_written() -> Message {
    Message::new("Đã tạo vnlint.toml", "Wrote vnlint.toml")
}

/// `vnlint explain` was asked about a rule that does not exist.
pub fn unknown_rule(id: &str) -> Message {
    Message::new(
        format!("không có quy tắc `{id}` (xem `vnlint rules`)"),
        format!("no rule `{id}` (see `vnlint rules`)"),
    )
}

/// `vnlint test-rules`: a table whose every example holds.
pub fn examples_hold(table: &str) -> Message {
    Message::new(
        format!("{table}: mọi ví dụ đều đúng"),
        format!("{table}: every example holds"),
    )
}
