//! Many files: walking folders (respecting `.gitignore`, in parallel) and finding each
//! file's `vnlint.toml`, narrowed by the command line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::config::{Config, ConfigError};
use crate::engine::RunError;
use crate::engine::lint::{InputError, io_error};

/// The extensions a folder walk picks up.
pub const CHECKED_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx"];

/// How the command line narrows or replaces the configuration files.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// `--config FILE`: this file for every checked file, no search.
    pub config_file: Option<PathBuf>,
    /// `--select`: only these rules.
    pub select: Vec<String>,
    /// `--ignore`: not these rules.
    pub ignore: Vec<String>,
    /// `--model FILE`: this model for every file, instead of the configuration's.
    pub model: Option<PathBuf>,
}

/// Finds and caches the configuration of each folder.
pub struct ConfigResolver {
    options: RunOptions,
    model: Option<Arc<crate::model::Model>>,
    fixed: Option<Arc<Config>>,
    by_dir: Mutex<HashMap<PathBuf, Result<Arc<Config>, ConfigError>>>,
}

impl ConfigResolver {
    pub fn new(options: RunOptions) -> Result<ConfigResolver, ConfigError> {
        let model = match &options.model {
            Some(path) => Some(crate::model::load_shared(path).map_err(|e| {
                ConfigError::new("", e.message(crate::Lang::Vi), e.message(crate::Lang::En))
            })?),
            None => None,
        };
        let fixed = match &options.config_file {
            Some(path) => Some(Arc::new(Self::narrow(
                &options,
                model.as_ref(),
                Config::load(path)?,
            )?)),
            None => None,
        };
        Ok(ConfigResolver {
            options,
            model,
            fixed,
            by_dir: Mutex::new(HashMap::new()),
        })
    }

    fn narrow(
        options: &RunOptions,
        model: Option<&Arc<crate::model::Model>>,
        mut config: Config,
    ) -> Result<Config, ConfigError> {
        if let (Some(model), Some(path)) = (model, &options.model) {
            config.set_model(model.clone(), path.clone());
        }
        if !options.select.is_empty() {
            config.select(&options.select)?;
        }
        for id in &options.ignore {
            config.set(id, crate::config::RuleLevel::Off)?;
        }
        Ok(config)
    }

    /// The configuration for a file (or, for standard input, the current folder).
    pub fn config_for(&self, file: Option<&Path>) -> Result<Arc<Config>, ConfigError> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let dir = match file.and_then(Path::parent) {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        let mut cache = self.by_dir.lock().expect("config cache");
        cache
            .entry(dir.clone())
            .or_insert_with(|| {
                let config = match Config::find(&dir) {
                    Some(path) => Config::load(&path)?,
                    None => Config::default(),
                };
                Self::narrow(&self.options, self.model.as_ref(), config).map(Arc::new)
            })
            .clone()
    }
}

/// Files named, and the checked files below named folders, each once: named files in the
/// order given, each folder's files sorted by path. Folders are walked in parallel.
pub fn collect_files(
    paths: &[PathBuf],
    resolver: &ConfigResolver,
) -> (Vec<PathBuf>, Vec<RunError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                errors.push(RunError::Input(io_error(&path.display().to_string(), &e)));
                continue;
            }
        };
        if !metadata.is_dir() {
            files.push(path.clone());
            continue;
        }
        let (mut found, mut failed) = walk(path, resolver);
        found.sort();
        files.extend(found);
        // The walk's own errors come in the order threads met them.
        failed.sort_by_key(|e| e.message(crate::Lang::En));
        errors.extend(failed.into_iter().map(RunError::Input));
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    (files, errors)
}

/// The checked files below a folder, in no particular order, and the entries that could not
/// be read.
fn walk(folder: &Path, resolver: &ConfigResolver) -> (Vec<PathBuf>, Vec<InputError>) {
    let shown = folder.display().to_string();
    let found = Mutex::new(Vec::new());
    let failed = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(folder).build_parallel().run(|| {
        Box::new(|entry| {
            match entry {
                Ok(entry) if wanted(&entry, resolver) => {
                    found.lock().expect("walk").push(entry.into_path());
                }
                Ok(_) => {}
                Err(e) => failed.lock().expect("walk").push(InputError::Unreadable {
                    path: shown.clone(),
                    reason: e.to_string(),
                }),
            }
            ignore::WalkState::Continue
        })
    });
    (
        found.into_inner().expect("walk"),
        failed.into_inner().expect("walk"),
    )
}

/// A file with a checked extension that its configuration does not exclude (a file whose
/// configuration is broken is kept: checking it reports the configuration error).
fn wanted(entry: &ignore::DirEntry, resolver: &ConfigResolver) -> bool {
    let p = entry.path();
    let checked = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| CHECKED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    if !checked || !entry.file_type().is_some_and(|t| t.is_file()) {
        return false;
    }
    match resolver.config_for(Some(p)) {
        Ok(config) => config.wants(&absolute(p)),
        Err(_) => true,
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
