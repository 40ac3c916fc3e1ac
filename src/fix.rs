//! Applying suggested fixes: chosen from the diagnostics, applied last-to-first with
//! overlapping ones skipped, the text re-checked until nothing more applies, and written
//! back atomically (a temporary file beside the original, renamed over it, its permissions
//! kept). No byte outside a fix's span changes.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::{Config, FileReport, Format, InputError};

/// How many check-and-fix rounds at most (a fix can reveal another finding).
const MAX_ROUNDS: usize = 8;

/// The text with the first suggestion of each diagnostic applied (safe ones only, unless
/// `include_unsafe`), and how many were applied. Spans are byte offsets into `source`.
pub fn apply(source: &str, diagnostics: &[Diagnostic], include_unsafe: bool) -> (String, usize) {
    let mut edits: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.suggestions.first())
        .filter(|s| s.safe || include_unsafe)
        .filter(|s| {
            source
                .get(s.span.clone())
                .is_some_and(|old| old != s.replacement)
        })
        .collect();
    edits.sort_by_key(|s| (s.span.start, s.span.end));
    // Keep the first of overlapping edits.
    let mut kept: Vec<&crate::diagnostic::Suggestion> = Vec::new();
    for e in edits {
        if kept.last().is_none_or(|k| k.span.end <= e.span.start) {
            kept.push(e);
        }
    }
    let mut out = source.to_string();
    for e in kept.iter().rev() {
        out.replace_range(e.span.clone(), &e.replacement);
    }
    (out, kept.len())
}

/// The result of fixing one file's text.
#[derive(Debug)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// How many edits were applied in all.
    pub applied: usize,
    /// The findings that remain in the fixed text.
    pub report: FileReport,
}

/// Lints and fixes `bytes` until no fix applies (or a few rounds have passed).
pub fn fix_text(
    path: &str,
    bytes: &[u8],
    format: Format,
    config: &Config,
    include_unsafe: bool,
) -> Result<Fixed, InputError> {
    let mut report = crate::lint_bytes(path, bytes, format, config)?;
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let (text, n) = apply(&report.source, &report.diagnostics, include_unsafe);
        if n == 0 {
            break;
        }
        applied += n;
        report = crate::lint_bytes(path, text.as_bytes(), format, config)?;
    }
    Ok(Fixed {
        text: report.source.clone(),
        applied,
        report,
    })
}

/// Replaces the file's contents atomically, keeping its permissions.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.as_file().set_permissions(permissions)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of a file's text before and after fixing.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
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

    #[test]
    fn writes_atomically_keeping_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "cũ").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, "mới".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mới");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
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
            let report = crate::lint_bytes("t.txt", text.as_bytes(), Format::Plain, &Config::default()).unwrap();
            let (out, _) = apply(&text, &report.diagnostics, true);
            // Walk the kept edits: everything between them is byte-identical.
            let mut spans: Vec<_> = report
                .diagnostics
                .iter()
                .filter_map(|d| d.suggestions.first())
                .filter(|s| text.get(s.span.clone()).is_some_and(|old| old != s.replacement))
                .collect();
            spans.sort_by_key(|s| (s.span.start, s.span.end));
            let mut kept = Vec::new();
            for s in spans {
                if kept.last().is_none_or(|k: &&crate::diagnostic::Suggestion| k.span.end <= s.span.start) {
                    kept.push(s);
                }
            }
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
