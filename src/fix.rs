//! Applying suggested fixes: chosen from the diagnostics, applied last-to-first with
//! overlapping ones skipped, and written back atomically (a temporary file beside the
//! original, renamed over it, its permissions kept). No byte outside a fix's span changes.
//! Re-checking until nothing more applies is the engine's ([`crate::engine::fix_text`]).

use std::io::Write;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// The rule tests reach the engine's fixing through this path.
#[cfg(test)]
pub use crate::engine::fix_text;

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
