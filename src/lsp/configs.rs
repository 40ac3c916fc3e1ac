//! The configuration of each open document, and whether the files it was read from have
//! changed since (`vnlint.toml`, its vocabulary, tables and model).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use vnlint::Config;
use vnlint::engine::{ConfigResolver, RunOptions};

pub struct Configs {
    root: PathBuf,
    resolver: ConfigResolver,
    /// Files read, with their modification time when read (`None`: missing).
    read: Vec<(PathBuf, Option<SystemTime>)>,
    /// Problems already shown to the user (each once per load).
    shown: HashSet<String>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Configs {
    pub fn new(root: PathBuf) -> Configs {
        Configs {
            root,
            resolver: ConfigResolver::new(RunOptions::default())
                .expect("no configuration file or model is named, so none can fail"),
            read: Vec::new(),
            shown: HashSet::new(),
        }
    }

    /// Whether a file the configuration was read from has changed.
    pub fn stale(&self) -> bool {
        self.read.iter().any(|(path, when)| modified(path) != *when)
    }

    /// The configuration for a document (`None`: not a file, so the workspace root's), and
    /// a problem to show the user if the configuration is broken and not yet reported.
    pub fn config_for(&mut self, path: Option<&Path>) -> (Arc<Config>, Option<String>) {
        let dir = path
            .and_then(Path::parent)
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        let config_file = Config::find(&dir);
        if let Some(file) = &config_file {
            self.remember(file.clone());
        }
        // The resolver finds the file for the document's folder; a stand-in file name
        // makes it look in `dir`.
        match self.resolver.config_for(Some(&dir.join("_"))) {
            Ok(config) => {
                if let Some(file) = &config_file {
                    for named in named_files(file) {
                        self.remember(named);
                    }
                }
                (config, None)
            }
            Err(e) => {
                let message = e.to_string();
                let fresh = self.shown.insert(message.clone());
                if let Some(file) = &config_file {
                    for named in named_files(file) {
                        self.remember(named);
                    }
                }
                (Arc::new(Config::default()), fresh.then_some(message))
            }
        }
    }

    fn remember(&mut self, path: PathBuf) {
        if !self.read.iter().any(|(p, _)| *p == path) {
            let when = modified(&path);
            self.read.push((path, when));
        }
    }
}

/// The files a configuration file names (vocabulary, tables, model), so that a change to
/// them reloads it; read leniently, as the file may be broken.
pub fn named_files(config_file: &Path) -> Vec<PathBuf> {
    let Ok(text) = std::fs::read_to_string(config_file) else {
        return Vec::new();
    };
    let Ok(value) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let dir = config_file.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for key in ["vocabulary", "tables"] {
        if let Some(list) = value.get(key).and_then(|v| v.as_array()) {
            out.extend(list.iter().filter_map(|v| v.as_str()).map(|s| dir.join(s)));
        }
    }
    if let Some(model) = value.get("model").and_then(|v| v.as_str()) {
        out.push(dir.join(model));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_vocabulary_makes_the_configuration_stale() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir(root.join(".git")).unwrap();
        std::fs::write(root.join("vnlint.toml"), "vocabulary = [\"tu.txt\"]\n").unwrap();
        std::fs::write(root.join("tu.txt"), "hmông\n").unwrap();
        let mut configs = Configs::new(root.clone());
        let (config, problem) = configs.config_for(Some(&root.join("a.md")));
        assert!(problem.is_none());
        assert!(config.vocabulary.contains("hmông"));
        assert!(!configs.stale());
        // A different length is enough to be sure the modification time moves on.
        std::fs::remove_file(root.join("tu.txt")).unwrap();
        assert!(configs.stale());
    }

    #[test]
    fn a_broken_configuration_is_reported_once_and_the_defaults_apply() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir(root.join(".git")).unwrap();
        std::fs::write(root.join("vnlint.toml"), "[rules]\nkhong-co = \"off\"\n").unwrap();
        let mut configs = Configs::new(root.clone());
        let (config, problem) = configs.config_for(Some(&root.join("a.md")));
        assert!(problem.unwrap().contains("khong-co"));
        assert!(config.source.is_none());
        assert!(configs.config_for(Some(&root.join("b.md"))).1.is_none());
    }
}
