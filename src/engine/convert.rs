//! `vnlint convert`: a file in a legacy encoding to Unicode NFC, never over its input, with
//! a warning when the text does not look like the encoding chosen.

use std::path::Path;

use crate::diagnostic::Message;
use crate::engine::lint::read_file;
use crate::engine::notice;
use crate::engine::run::RunError;
use crate::text::legacy::{Encoding, convert_bytes, detect};

/// What converting a file produced.
#[derive(Debug)]
pub struct Converted {
    /// The converted text.
    pub text: String,
    /// Said when the text looks like another encoding than the one chosen.
    pub warning: Option<Message>,
}

/// Why a conversion did not happen.
#[derive(Debug)]
pub enum ConvertError {
    Run(RunError),
    /// The output is the input (same path, another spelling of it, a link to it).
    OverInput(Message),
}

impl ConvertError {
    pub fn to_message(&self) -> Message {
        match self {
            ConvertError::Run(e) => e.to_message(),
            ConvertError::OverInput(m) => m.clone(),
        }
    }
}

/// Converts `file` from `encoding`; with `output`, writes the result there atomically
/// (refusing when `output` is `file` itself), else only returns it.
pub fn convert(
    file: &Path,
    encoding: Encoding,
    output: Option<&Path>,
) -> Result<Converted, ConvertError> {
    if let Some(out) = output
        && same_file(file, out)
    {
        return Err(ConvertError::OverInput(notice::convert_over_input(
            file, out,
        )));
    }
    let bytes = read_file(file).map_err(|e| ConvertError::Run(RunError::Input(e)))?;
    let looks_like = detect(&as_text(&bytes)).map(|d| d.encoding);
    let warning = looks_like
        .filter(|other| *other != encoding)
        .map(|other| notice::convert_mismatch(encoding.name(), other.name(), other.arg()));
    let text = convert_bytes(&bytes, encoding);
    if let Some(out) = output {
        write_new_or_replace(out, text.as_bytes()).map_err(|e| {
            ConvertError::Run(RunError::Write {
                path: out.display().to_string(),
                reason: e.to_string(),
            })
        })?;
    }
    Ok(Converted { text, warning })
}

/// The bytes as the legacy detector reads them: UTF-8 when they are, else one character
/// per byte (the fonts' raw bytes).
fn as_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Whether two paths name one file (also through links or another spelling); a path that
/// does not exist is no file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (ma.dev(), ma.ino()) == (mb.dev(), mb.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// Writes `contents` to `path` atomically, creating it first when it does not exist.
fn write_new_or_replace(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if !path.exists() {
        std::fs::write(path, b"")?;
    }
    crate::fix::write_atomically(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_by_another_spelling_or_a_link_is_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "x").unwrap();
        let dotted = dir.path().join(".").join("a.txt");
        assert!(same_file(&a, &dotted));
        #[cfg(unix)]
        {
            let link = dir.path().join("l.txt");
            std::os::unix::fs::symlink(&a, &link).unwrap();
            assert!(same_file(&a, &link));
        }
        let b = dir.path().join("b.txt");
        std::fs::write(&b, "x").unwrap();
        assert!(!same_file(&a, &b));
        assert!(!same_file(&a, &dir.path().join("none.txt")));
    }
}
