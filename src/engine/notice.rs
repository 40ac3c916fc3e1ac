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

/// The last line of the human output of a run with errors: how many, and how many inputs
/// were not checked ("1 lỗi đầu vào: không kiểm tra được 1 tệp").
pub fn input_errors(errors: usize, unchecked: usize) -> Message {
    let (vi, en) = (
        format!("{errors} lỗi đầu vào"),
        counted(errors, "input error", "input errors"),
    );
    if unchecked == 0 {
        return Message::new(vi, en);
    }
    Message::new(
        format!("{vi}: không kiểm tra được {unchecked} tệp"),
        format!("{en}: {} not checked", counted(unchecked, "file", "files")),
    )
}

/// `convert` was asked to write over the file it reads.
pub fn convert_over_input(input: &Path, output: &Path) -> Message {
    let (input, output) = (input.display(), output.display());
    Message::new(
        format!(
            "{output} là chính tệp đầu vào {input}: convert không ghi đè lên tệp nó đọc; hãy ghi ra tệp khác"
        ),
        format!(
            "{output} is the input file {input}: convert does not write over the file it reads; write to another file"
        ),
    )
}

/// `convert --from X` on text that looks like another encoding (`other`, whose
/// `--from` value is `other_arg`).
pub fn convert_mismatch(chosen: &str, other: &str, other_arg: &str) -> Message {
    Message::new(
        format!(
            "văn bản không giống mã {chosen} mà giống mã {other}: kết quả có thể sai (thử --from {other_arg})"
        ),
        format!(
            "the text does not look like {chosen} but like {other}: the result may be wrong (try --from {other_arg})"
        ),
    )
}
