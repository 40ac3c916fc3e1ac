//! Checking many files: walking folders (respecting `.gitignore`), finding each file's
//! `vnlint.toml`, linting in parallel, and returning the reports in a stable order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::config::{Config, ConfigError};
use crate::{FileReport, InputError};

/// The extensions a folder walk picks up.
pub const CHECKED_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx"];

/// Whether and how fixes are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixMode {
    /// Report only.
    #[default]
    Report,
    /// Apply fixes and write the files (`--fix`).
    Write { include_unsafe: bool },
    /// Show what fixing would change, write nothing (`--diff`).
    Diff { include_unsafe: bool },
}

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

/// Why a run could not even start, or a file was not checked.
#[derive(Debug)]
pub enum RunError {
    Input(InputError),
    Config(ConfigError),
}

impl RunError {
    pub fn message(&self, lang: crate::Lang) -> String {
        match self {
            RunError::Input(e) => e.message(lang),
            RunError::Config(e) => e.to_string(),
        }
    }
}

/// The outcome of checking a set of paths.
#[derive(Debug, Default)]
pub struct Run {
    /// Sorted by path.
    pub reports: Vec<FileReport>,
    /// Files that could not be checked, and bad configuration files.
    pub errors: Vec<RunError>,
    /// With `--diff`: a unified diff per file that fixing would change.
    pub diffs: Vec<String>,
    /// With `--fix`: how many edits were applied, in how many files.
    pub fixes_applied: usize,
    pub files_fixed: usize,
}

/// What checking one file produced.
struct FileOutcome {
    report: FileReport,
    diff: Option<String>,
    applied: usize,
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
            Some(path) => {
                Some(crate::model::load_shared(path).map_err(|e| ConfigError(e.to_string()))?)
            }
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

/// Files named, and the checked files below named folders, each once, in order.
pub fn collect_files(
    paths: &[PathBuf],
    resolver: &ConfigResolver,
) -> (Vec<PathBuf>, Vec<RunError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        let metadata = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                errors.push(RunError::Input(match e.kind() {
                    std::io::ErrorKind::NotFound => InputError::NotFound { path: shown },
                    _ => InputError::Unreadable {
                        path: shown,
                        reason: e.to_string(),
                    },
                }));
                continue;
            }
        };
        if !metadata.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(path).build() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(RunError::Input(InputError::Unreadable {
                        path: shown.clone(),
                        reason: e.to_string(),
                    }));
                    continue;
                }
            };
            let p = entry.path();
            let wanted = p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| CHECKED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            if !wanted || !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            match resolver.config_for(Some(p)) {
                Ok(config) if !config.wants(&absolute(p)) => {}
                _ => found.push(p.to_path_buf()),
            }
        }
        found.sort();
        files.extend(found);
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    (files, errors)
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Checks files in parallel (fixing them as `mode` says); reports come back sorted by path.
pub fn check_files(
    files: &[PathBuf],
    resolver: &ConfigResolver,
    mode: FixMode,
    progress: Option<&indicatif::ProgressBar>,
) -> Run {
    let results: Vec<Result<FileOutcome, RunError>> = files
        .par_iter()
        .map(|file| {
            let config = resolver.config_for(Some(file)).map_err(RunError::Config)?;
            let outcome = check_one(file, &config, mode);
            if let Some(bar) = progress {
                bar.inc(1);
            }
            outcome
        })
        .collect();
    let mut run = Run::default();
    for r in results {
        match r {
            Ok(outcome) => {
                if outcome.applied > 0 {
                    run.fixes_applied += outcome.applied;
                    run.files_fixed += 1;
                }
                run.diffs.extend(outcome.diff);
                run.reports.push(outcome.report);
            }
            Err(e) => run.errors.push(e),
        }
    }
    run.reports.sort_by(|a, b| a.path.cmp(&b.path));
    run.diffs.sort();
    run
}

fn check_one(file: &Path, config: &Config, mode: FixMode) -> Result<FileOutcome, RunError> {
    // Word files are reported on, never rewritten.
    let mode = if crate::Format::from_path(file) == crate::Format::Docx {
        FixMode::Report
    } else {
        mode
    };
    let include_unsafe = match mode {
        FixMode::Report => {
            return crate::lint_file(file, config)
                .map(|report| FileOutcome {
                    report,
                    diff: None,
                    applied: 0,
                })
                .map_err(RunError::Input);
        }
        FixMode::Write { include_unsafe } | FixMode::Diff { include_unsafe } => include_unsafe,
    };
    let shown = file.display().to_string();
    let bytes = crate::read_file(file).map_err(RunError::Input)?;
    let fixed = crate::fix::fix_text(
        &shown,
        &bytes,
        crate::Format::from_path(file),
        config,
        include_unsafe,
    )
    .map_err(RunError::Input)?;
    let original = String::from_utf8_lossy(&bytes);
    if fixed.applied == 0 || fixed.text == original {
        return Ok(FileOutcome {
            report: fixed.report,
            diff: None,
            applied: 0,
        });
    }
    match mode {
        FixMode::Diff { .. } => {
            let diff = crate::fix::unified_diff(&shown, &original, &fixed.text);
            let report = crate::lint_bytes(&shown, &bytes, crate::Format::from_path(file), config)
                .map_err(RunError::Input)?;
            Ok(FileOutcome {
                report,
                diff: Some(diff),
                applied: fixed.applied,
            })
        }
        _ => {
            crate::fix::write_atomically(file, fixed.text.as_bytes()).map_err(|e| {
                RunError::Input(InputError::Unreadable {
                    path: shown.clone(),
                    reason: e.to_string(),
                })
            })?;
            Ok(FileOutcome {
                report: fixed.report,
                diff: None,
                applied: fixed.applied,
            })
        }
    }
}
