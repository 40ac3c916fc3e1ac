//! Applying suggested fixes: chosen from the diagnostics, applied last-to-first with
//! overlapping ones skipped, and written back atomically (a temporary file beside the
//! original, renamed over it, its permissions kept). No byte outside a fix's span changes.
//! Re-checking until nothing more applies is the engine's ([`crate::engine::fix_text`]).

use std::io::Write;
use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Message, Suggestion};
use crate::document::ProseRanges;

/// The rule tests reach the engine's fixing through this path.
#[cfg(test)]
pub use crate::engine::fix_text;

/// A fix that was not applied because its range reached beyond the prose the reader
/// mapped (markup, a comment, an image, bytes the reader skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedFix {
    pub rule: &'static str,
    /// Byte range in the file as read.
    pub span: Range<usize>,
}

impl DroppedFix {
    /// A note for the user, naming the file and the place.
    pub fn message(&self, path: &str) -> Message {
        Message::new(
            format!(
                "{path}: bỏ qua cách sửa của {} ở byte {}..{}: nó chạm vào phần không phải văn bản (mã định dạng, chú thích, ảnh)",
                self.rule, self.span.start, self.span.end
            ),
            format!(
                "{path}: skipped a fix by {} at bytes {}..{}: it reaches beyond the prose (markup, a comment, an image)",
                self.rule, self.span.start, self.span.end
            ),
        )
    }
}

/// Takes out of a diagnostic (spans already in source bytes) every suggestion whose range is
/// not prose only, recording it in `dropped`.
pub fn drop_unsafe_spans(d: &mut Diagnostic, prose: &ProseRanges, dropped: &mut Vec<DroppedFix>) {
    d.suggestions.retain(|s| {
        let ok = prose.covers(&s.span);
        if !ok {
            dropped.push(DroppedFix {
                rule: d.rule,
                span: s.span.clone(),
            });
        }
        ok
    });
}

/// What applying fixes to a text gave.
#[derive(Debug)]
pub struct Applied {
    pub text: String,
    /// The edits applied, in source order (ranges in the text before).
    pub edits: Vec<Suggestion>,
    /// Edits refused because they reach beyond `prose`.
    pub dropped: Vec<DroppedFix>,
}

/// The text with the first suggestion of each diagnostic applied (safe ones only, unless
/// `include_unsafe`). Spans are byte offsets into `source`; an edit is applied only when its
/// range lies inside `prose` (else it is dropped with a note), and of overlapping edits the
/// first is kept.
pub fn apply(
    source: &str,
    diagnostics: &[Diagnostic],
    include_unsafe: bool,
    prose: &ProseRanges,
) -> Applied {
    let mut dropped = Vec::new();
    let mut edits: Vec<&Suggestion> = Vec::new();
    for d in diagnostics {
        let Some(s) = d.suggestions.first().filter(|s| s.safe || include_unsafe) else {
            continue;
        };
        // A span off the text, or a replacement that changes nothing, is not an edit.
        if source
            .get(s.span.clone())
            .is_none_or(|old| old == s.replacement)
        {
            continue;
        }
        if prose.covers(&s.span) {
            edits.push(s);
        } else {
            dropped.push(DroppedFix {
                rule: d.rule,
                span: s.span.clone(),
            });
        }
    }
    edits.sort_by_key(|s| (s.span.start, s.span.end));
    // Keep the first of overlapping edits.
    let mut kept: Vec<Suggestion> = Vec::new();
    for e in edits {
        if kept.last().is_none_or(|k| k.span.end <= e.span.start) {
            kept.push(e.clone());
        }
    }
    let mut text = source.to_string();
    for e in kept.iter().rev() {
        text.replace_range(e.span.clone(), &e.replacement);
    }
    Applied {
        text,
        edits: kept,
        dropped,
    }
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
}
