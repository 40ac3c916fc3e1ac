//! "Add to vocabulary": the word goes into the first vocabulary file `vnlint.toml` names.
//! With no such file the configuration gets one (`tu-dien-rieng.txt`); with no
//! configuration a `vnlint.toml` naming it is created in the workspace root.

use std::io::Write;
use std::path::{Path, PathBuf};

use vnlint::Config;

/// The vocabulary file a new configuration names.
const NEW_VOCABULARY: &str = "tu-dien-rieng.txt";

/// Adds `word` to the vocabulary of the configuration that applies to `dir` (or a new one
/// in `root`); returns the vocabulary file.
pub fn add_word(dir: &Path, root: &Path, word: &str) -> Result<PathBuf, String> {
    let word = word.trim();
    if word.is_empty() || word.contains(char::is_whitespace) || word.contains('#') {
        return Err(format!("“{word}” is not a single word"));
    }
    let config_file = Config::find(dir).unwrap_or_else(|| root.join("vnlint.toml"));
    let config_dir = config_file.parent().unwrap_or(Path::new("")).to_path_buf();
    let text = match std::fs::read_to_string(&config_file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", config_file.display())),
    };
    let table: toml::Table = text
        .parse()
        .map_err(|e| format!("{}: {e}", config_file.display()))?;
    let named = table
        .get("vocabulary")
        .and_then(|v| v.as_array())
        .and_then(|list| list.first())
        .and_then(|v| v.as_str());
    let vocabulary = match named {
        Some(name) => config_dir.join(name),
        None => {
            // A top-level key must come before any table, so it goes first.
            let line = format!("vocabulary = [\"{NEW_VOCABULARY}\"]\n");
            let updated = format!("{line}{text}");
            if config_file.exists() {
                vnlint::fix::write_atomically(&config_file, updated.as_bytes())
            } else {
                std::fs::write(&config_file, updated)
            }
            .map_err(|e| format!("{}: {e}", config_file.display()))?;
            config_dir.join(NEW_VOCABULARY)
        }
    };
    append_word(&vocabulary, word)?;
    Ok(vocabulary)
}

/// Appends a line to the vocabulary file (created if missing), unless the word is there.
fn append_word(file: &Path, word: &str) -> Result<(), String> {
    let shown = |e: std::io::Error| format!("{}: {e}", file.display());
    let existing = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(shown(e)),
    };
    let lower = word.to_lowercase();
    if vnlint::config::read_vocabulary(&existing).any(|w| w == lower) {
        return Ok(());
    }
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
        .map_err(shown)?;
    let separator = if existing.is_empty() || existing.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    writeln!(out, "{separator}{word}").map_err(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        dir
    }

    #[test]
    fn appends_to_the_named_file_once() {
        let dir = workspace();
        let root = dir.path();
        std::fs::write(root.join("vnlint.toml"), "vocabulary = [\"tu.txt\"]\n").unwrap();
        std::fs::write(root.join("tu.txt"), "# tên riêng\nHmông").unwrap();
        let file = add_word(root, root, "Viettel").unwrap();
        assert_eq!(file, root.join("tu.txt"));
        add_word(root, root, "viettel").unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "# tên riêng\nHmông\nViettel\n"
        );
    }

    #[test]
    fn creates_the_configuration_and_the_file_when_missing() {
        let dir = workspace();
        let root = dir.path();
        let file = add_word(root, root, "Hmông").unwrap();
        assert_eq!(std::fs::read_to_string(file).unwrap(), "Hmông\n");
        let config = Config::load(&root.join("vnlint.toml")).unwrap();
        assert!(config.vocabulary.contains("hmông"));
    }

    #[test]
    fn a_configuration_without_vocabulary_gets_one_before_its_tables() {
        let dir = workspace();
        let root = dir.path();
        std::fs::write(
            root.join("vnlint.toml"),
            "[rules]\ndouble-space = \"off\"\n",
        )
        .unwrap();
        add_word(root, root, "Hmông").unwrap();
        let config = Config::load(&root.join("vnlint.toml")).unwrap();
        assert!(config.vocabulary.contains("hmông"));
        assert!(!config.is_enabled("double-space"));
    }

    #[test]
    fn refuses_more_than_one_word() {
        let dir = workspace();
        assert!(add_word(dir.path(), dir.path(), "hai từ").is_err());
    }
}
