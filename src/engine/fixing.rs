//! Fixing one document: lint, apply the chosen fixes, lint the result again until no fix
//! applies (a fix can reveal another finding), a few rounds at most.

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::document::Format;
use crate::engine::lint::{InputError, lint_bytes};
use crate::engine::run::RunError;
use crate::fix::apply;
use crate::report::FileReport;

/// How many check-and-fix rounds at most.
const MAX_ROUNDS: usize = 8;

/// The result of fixing one file's text.
#[derive(Debug)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// How many edits were applied in all.
    pub applied: usize,
    /// The findings that remain in the fixed text.
    pub report: FileReport,
    /// The findings in the text as given, when a fix changed it (else they are `report`'s).
    pub original: Option<FileReport>,
    /// Fixes refused because they reached beyond the prose (markup, skipped bytes).
    pub dropped: Vec<crate::fix::DroppedFix>,
}

/// Lints and fixes `bytes` until no fix applies (or a few rounds have passed).
pub fn fix_text(
    path: &str,
    bytes: &[u8],
    format: Format,
    config: &Config,
    include_unsafe: bool,
) -> Result<Fixed, InputError> {
    let mut report = lint_bytes(path, bytes, format, config)?;
    let mut original = None;
    let mut applied = 0;
    let mut dropped = report.dropped_fixes.clone();
    for _ in 0..MAX_ROUNDS {
        let round = apply(
            &report.source,
            &report.diagnostics,
            include_unsafe,
            &report.prose,
        );
        dropped.extend(round.dropped);
        if round.edits.is_empty() {
            break;
        }
        applied += round.edits.len();
        let next = lint_bytes(path, round.text.as_bytes(), format, config)?;
        let previous = std::mem::replace(&mut report, next);
        original.get_or_insert(previous);
    }
    Ok(Fixed {
        text: report.source.clone(),
        applied,
        report,
        original,
        dropped,
    })
}

/// Replaces the file at `path` (shown as `name`) with `contents`, atomically, as `--fix`
/// may: a read-only file is refused; through a symbolic link the target is replaced and the
/// link stays; the new file keeps the old one's permissions, owner and group, or nothing is
/// written.
pub fn write_fixed(name: &str, path: &Path, contents: &[u8]) -> Result<(), RunError> {
    let failed = |e: std::io::Error| RunError::Write {
        path: name.to_string(),
        reason: e.to_string(),
    };
    let target = std::fs::canonicalize(path).map_err(failed)?;
    let metadata = std::fs::metadata(&target).map_err(failed)?;
    // The permission bits decide even for root, who could open the file anyway.
    let denied = metadata.permissions().readonly()
        || matches!(
            std::fs::OpenOptions::new().write(true).open(&target),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied
        );
    if denied {
        return Err(RunError::ReadOnly {
            path: name.to_string(),
        });
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    temp.write_all(contents).map_err(failed)?;
    temp.as_file().sync_all().map_err(failed)?;
    temp.as_file()
        .set_permissions(metadata.permissions())
        .map_err(failed)?;
    keep_owner(temp.as_file(), &metadata).map_err(failed)?;
    temp.persist(&target).map_err(|e| failed(e.error))?;
    Ok(())
}

/// Gives `file` the owner and group of the file it replaces (when they differ).
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!(
                "cannot keep owner and group ({}:{}): {e}",
                old.uid(),
                old.gid()
            ),
        )
    })
}

#[cfg(not(unix))]
fn keep_owner(_file: &std::fs::File, _old: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixed(text: &str, include_unsafe: bool) -> String {
        fix_text(
            "t.txt",
            text.as_bytes(),
            Format::Plain,
            &Config::default(),
            include_unsafe,
        )
        .unwrap()
        .text
    }

    #[test]
    fn safe_fixes_only_unless_asked() {
        let text = "Quận ủy  và HĐND.\nA ninh được giữ vững.\n";
        assert_eq!(
            fixed(text, false),
            "Quận ủy và HĐND.\nA ninh được giữ vững.\n"
        );
        assert_eq!(
            fixed(text, true),
            "Quận ủy và HĐND.\nAn ninh được giữ vững.\n"
        );
    }

    #[test]
    fn fixing_twice_changes_nothing_the_second_time() {
        let once = fixed("Ba   dấu cách  và A ninh.\n", true);
        assert_eq!(fixed(&once, true), once);
    }

    /// Pieces generated documents are made of: words, slips, spaces, marks, numbers.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Hội nghị",
            "A ninh",
            "an ninh",
            "Giải phòng",
            "quận",
            " ",
            "  ",
            " \u{a0}",
            "\n",
            ".",
            ",",
            "2 phương",
            "đạt",
            "12.455,236",
            "64%",
            "Gia\u{309}i",
            "ĐẢNG",
            "(",
            ")",
            "lần thứ 25",
        ])
    }

    proptest! {
        #[test]
        fn no_byte_outside_a_fix_changes(pieces in prop::collection::vec(piece(), 0..60)) {
            let text: String = pieces.concat();
            let report = lint_bytes("t.txt", text.as_bytes(), Format::Plain, &Config::default()).unwrap();
            let applied = apply(&text, &report.diagnostics, true, &report.prose);
            let out = applied.text;
            // Walk the applied edits: everything between them is byte-identical.
            let kept = applied.edits;
            let (mut i, mut j) = (0usize, 0usize);
            for s in &kept {
                prop_assert_eq!(&text[i..s.span.start], &out[j..j + s.span.start - i]);
                j += s.span.start - i + s.replacement.len();
                i = s.span.end;
            }
            prop_assert_eq!(&text[i..], &out[j..]);
            // And a second round of safe fixes over the result is a no-op.
            let again = fixed(&fixed(&text, false), false);
            prop_assert_eq!(fixed(&again, false), again);
        }
    }
}
