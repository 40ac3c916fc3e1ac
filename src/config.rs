//! Configuration: `vnlint.toml` (or `.vnlint.toml`), found by searching from each checked
//! file's folder up to the repository root, or named with `--config`.
//!
//! ```toml
//! vocabulary = ["tu-dien-rieng.txt"]      # words never flagged: names, loans, house terms
//! tables = ["bang-rieng.toml"]            # extra `confusion` entries, format of rules/*.toml
//! model = "luu-tru.vnlm"                  # from `vnlint learn`: enables `rare-variant`
//! exclude = ["archive/**"]                # skipped when walking folders
//! [rules]
//! double-space = "off"                    # "off" | "info" | "warning" | "error"
//! confusion = { severity = "warning" }
//! [[overrides]]
//! files = ["drafts/**"]
//! rules = { percent-mismatch = "warning" }
//! ```
//!
//! Unknown keys, unknown rule ids and unknown levels are errors that name the file, the line
//! and the key.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::{Lang, Message, Severity};
use crate::rules::{self, OptionKind, OptionValue, OptionValues};

/// The file names searched for, in order.
pub const CONFIG_NAMES: [&str; 2] = ["vnlint.toml", ".vnlint.toml"];

/// A rule's level set by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

impl RuleLevel {
    pub fn parse(s: &str) -> Option<RuleLevel> {
        match s {
            "off" => Some(RuleLevel::Off),
            _ => Severity::parse(s).map(RuleLevel::On),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RuleLevel::Off => "off",
            RuleLevel::On(s) => s.as_str(),
        }
    }
}

/// A configuration the tool cannot use: the message names the file, the line and the key,
/// in Vietnamese and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: Message,
}

impl ConfigError {
    /// The reason, after the place (`file:line`, a file, or nothing when empty).
    pub fn new(place: &str, vi: impl Into<String>, en: impl Into<String>) -> ConfigError {
        ConfigError {
            message: Message::new(vi, en),
        }
        .within(place)
    }

    /// The same error, said to be at `place`.
    fn within(self, place: &str) -> ConfigError {
        if place.is_empty() {
            return self;
        }
        let Message { vi, en } = self.message;
        ConfigError {
            message: Message::new(format!("{place}: {vi}"), format!("{place}: {en}")),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.message.get(lang).to_string()
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for ConfigError {}

/// A rule's entry in `[rules]`: a level (`"off"`), or a table (`{ severity = "off" }`),
/// read by hand so that every mistake gets a message naming the rule.
type RuleEntry = toml::Value;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideFile {
    files: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleEntry>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    vocabulary: Vec<String>,
    #[serde(default)]
    tables: Vec<String>,
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleEntry>,
    #[serde(default)]
    overrides: Vec<OverrideFile>,
}

/// Rule levels and options for the files an `[[overrides]]` entry matches.
#[derive(Debug, Clone)]
struct Override {
    files: GlobSet,
    patterns: Vec<String>,
    levels: BTreeMap<&'static str, RuleLevel>,
    options: RuleOptions,
}

/// The effective configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from, if from a file.
    pub source: Option<PathBuf>,
    /// Paths in the file are relative to this folder.
    pub root: PathBuf,
    levels: BTreeMap<&'static str, RuleLevel>,
    overrides: Vec<Override>,
    include: Option<GlobSet>,
    include_patterns: Vec<String>,
    exclude: GlobSet,
    exclude_patterns: Vec<String>,
    vocabulary_files: Vec<PathBuf>,
    /// Words never flagged, lower-case.
    pub vocabulary: Arc<HashSet<String>>,
    /// Rule options (`tone-style = { style = "old" }`), checked against each rule's
    /// declared options; per-file values in `overrides`.
    options: RuleOptions,
    /// The user's own `confusion` tables, in the format of `rules/*.toml`.
    pub tables: Arc<rules::Table>,
    table_files: Vec<PathBuf>,
    /// The model of the user's archive (`model = "..."` or `--model`), for `rare-variant`.
    pub model: Option<Arc<crate::model::Model>>,
    model_file: Option<PathBuf>,
}

/// The line (1-based) where `key` first stands at the start of a line, for messages.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .or_else(|| l.strip_prefix(&format!("\"{key}\"")))
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

fn glob_set(patterns: &[String], origin: &str) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| {
            ConfigError::new(
                origin,
                format!("mẫu glob sai `{p}`: {e}"),
                format!("bad glob `{p}`: {e}"),
            )
        })?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|e| ConfigError::new(origin, format!("mẫu glob sai: {e}"), e.to_string()))
}

impl Config {
    /// Sets a rule's level; the id must be a registered rule.
    pub fn set(&mut self, id: &str, level: RuleLevel) -> Result<(), ConfigError> {
        let id = known_rule(id)?;
        self.levels.insert(id, level);
        Ok(())
    }

    /// Runs only these rules (`--select`).
    pub fn select(&mut self, ids: &[String]) -> Result<(), ConfigError> {
        let selected: Vec<&'static str> = ids
            .iter()
            .map(|id| known_rule(id))
            .collect::<Result<_, _>>()?;
        for rule in rules::REGISTRY {
            let id = rule.meta().id;
            if !selected.contains(&id) {
                self.levels.insert(id, RuleLevel::Off);
            } else if self.levels.get(id) == Some(&RuleLevel::Off) {
                self.levels.remove(id);
            }
        }
        Ok(())
    }

    /// Reads a configuration file's text; `path` names it in messages and anchors its
    /// relative paths.
    pub fn from_toml_at(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let message = e.message();
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let place = match line {
                Some(line) => format!("{shown}:{line}"),
                None => shown.clone(),
            };
            ConfigError::new(&place, format!("cấu hình sai: {message}"), message)
        })?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut config = Config {
            source: Some(path.to_path_buf()),
            root: root.clone(),
            ..Config::default()
        };
        let at = |key: &str| match line_of_key(text, key) {
            Some(line) => format!("{shown}:{line}"),
            None => shown.clone(),
        };
        config.levels = levels(&file.rules, &at, &mut config.options)?;
        for o in &file.overrides {
            let mut options = RuleOptions::new();
            let levels = levels(&o.rules, &at, &mut options)?;
            config.overrides.push(Override {
                files: glob_set(&o.files, &shown)?,
                patterns: o.files.clone(),
                levels,
                options,
            });
        }
        if !file.include.is_empty() {
            config.include = Some(glob_set(&file.include, &shown)?);
            config.include_patterns = file.include.clone();
        }
        config.exclude = glob_set(&file.exclude, &shown)?;
        config.exclude_patterns = file.exclude.clone();
        let mut words = HashSet::new();
        for v in &file.vocabulary {
            let vpath = root.join(v);
            let list = std::fs::read_to_string(&vpath).map_err(|e| {
                ConfigError::new(
                    &at("vocabulary"),
                    format!("tệp từ vựng {}: {e}", vpath.display()),
                    format!("vocabulary file {}: {e}", vpath.display()),
                )
            })?;
            words.extend(read_vocabulary(&list));
            config.vocabulary_files.push(vpath);
        }
        config.vocabulary = Arc::new(words);
        let mut tables = rules::Table::default();
        for t in &file.tables {
            let tpath = root.join(t);
            let text = std::fs::read_to_string(&tpath).map_err(|e| {
                ConfigError::new(
                    &at("tables"),
                    format!("bảng quy tắc {}: {e}", tpath.display()),
                    format!("rule table {}: {e}", tpath.display()),
                )
            })?;
            tables
                .add_toml(&tpath.display().to_string(), &text)
                .map_err(|e| {
                    ConfigError::new(
                        &at("tables"),
                        format!("bảng quy tắc {e}"),
                        format!("rule table {e}"),
                    )
                })?;
            config.table_files.push(tpath);
        }
        config.tables = Arc::new(tables);
        if let Some(m) = &file.model {
            let mpath = root.join(m);
            let model = crate::model::load_shared(&mpath).map_err(|e| {
                ConfigError::new(&at("model"), e.message(Lang::Vi), e.message(Lang::En))
            })?;
            config.set_model(model, mpath);
        }
        Ok(config)
    }

    /// Uses this model (the command line's `--model` replaces the file's).
    pub fn set_model(&mut self, model: Arc<crate::model::Model>, path: PathBuf) {
        self.model = Some(model);
        self.model_file = Some(path);
    }

    /// Reads a configuration file's text (no file: paths are relative to the current folder).
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml_at(text, Path::new("vnlint.toml"))
    }

    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                &path.display().to_string(),
                format!("không đọc được tệp cấu hình: {e}"),
                e.to_string(),
            )
        })?;
        Config::from_toml_at(&text, path)
    }

    /// The configuration file that applies to `dir`: the nearest `vnlint.toml` or
    /// `.vnlint.toml` from `dir` up to the repository root (a folder holding `.git`).
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let mut current = Some(dir);
        while let Some(d) = current {
            for name in CONFIG_NAMES {
                let candidate = d.join(name);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
            if d.join(".git").exists() {
                return None;
            }
            current = d.parent();
        }
        None
    }

    /// Whether the rule runs on `path` (None: no file, e.g. standard input).
    pub fn is_enabled_for(&self, id: &str, path: Option<&Path>) -> bool {
        self.level_for(id, path) != Some(RuleLevel::Off)
    }

    /// Whether the rule runs (ignoring per-file overrides).
    pub fn is_enabled(&self, id: &str) -> bool {
        self.is_enabled_for(id, None)
    }

    /// The severity a finding of the rule is reported at: the user's, or the rule's own.
    pub fn severity(&self, id: &str, found: Severity) -> Severity {
        self.severity_for(id, found, None)
    }

    /// The severity on `path`, overrides applied.
    pub fn severity_for(&self, id: &str, found: Severity, path: Option<&Path>) -> Severity {
        match self.level_for(id, path) {
            Some(RuleLevel::On(severity)) => severity,
            _ => found,
        }
    }

    /// The options the configuration sets for a rule on `path` (overrides applied); the
    /// rule's declared defaults fill in the rest ([`rules::LintContext`]).
    pub fn options_for(&self, id: &str, path: Option<&Path>) -> Option<OptionValues> {
        let mut values = self.options.get(id).cloned();
        // A path is made relative only when an override may match it (every rule of every
        // file asks).
        if let Some(path) = path.filter(|_| !self.overrides.is_empty()) {
            let relative = self.relative(path);
            for o in self
                .overrides
                .iter()
                .filter(|o| o.files.is_match(&relative))
            {
                if let Some(set) = o.options.get(id) {
                    values.get_or_insert_with(OptionValues::new).extend(set);
                }
            }
        }
        values
    }

    fn level_for(&self, id: &str, path: Option<&Path>) -> Option<RuleLevel> {
        let mut level = self.levels.get(id).copied();
        if let Some(path) = path.filter(|_| !self.overrides.is_empty()) {
            let relative = self.relative(path);
            for o in &self.overrides {
                if o.files.is_match(&relative)
                    && let Some(l) = o.levels.get(id)
                {
                    level = Some(*l);
                }
            }
        }
        level
    }

    fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root)
            .or_else(|_| path.strip_prefix("./"))
            .unwrap_or(path)
            .to_path_buf()
    }

    /// Whether a file found by walking a folder is checked (`include`/`exclude`).
    pub fn wants(&self, path: &Path) -> bool {
        let relative = self.relative(path);
        if self.exclude.is_match(&relative) {
            return false;
        }
        self.include
            .as_ref()
            .is_none_or(|inc| inc.is_match(&relative))
    }

    /// The effective configuration as TOML (`--show-config`).
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        match &self.source {
            Some(p) => out.push_str(&format!("# from {}\n", p.display())),
            None => out.push_str("# built-in defaults (no vnlint.toml found)\n"),
        }
        let list = |items: &[String]| {
            items
                .iter()
                .map(|i| format!("{i:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let vocab: Vec<String> = self
            .vocabulary_files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        out.push_str(&format!("vocabulary = [{}]\n", list(&vocab)));
        let tables: Vec<String> = self
            .table_files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        out.push_str(&format!("tables = [{}]\n", list(&tables)));
        if let Some(m) = &self.model_file {
            out.push_str(&format!("model = {:?}\n", m.display().to_string()));
        }
        out.push_str(&format!("include = [{}]\n", list(&self.include_patterns)));
        out.push_str(&format!("exclude = [{}]\n", list(&self.exclude_patterns)));
        out.push_str("\n[rules]\n");
        for rule in rules::REGISTRY {
            let meta = rule.meta();
            let level = self
                .levels
                .get(meta.id)
                .copied()
                .unwrap_or(RuleLevel::On(meta.default_severity));
            if meta.options.is_empty() {
                out.push_str(&format!("{} = \"{}\"\n", meta.id, level.as_str()));
                continue;
            }
            // Every option, with the configured value or the rule's default.
            let set = self.options.get(meta.id);
            let options: String = meta
                .options
                .iter()
                .map(|spec| {
                    let value = set
                        .and_then(|s| s.get(spec.key))
                        .map_or_else(|| spec.default_toml(), |v| v.to_toml());
                    format!(", {} = {value}", spec.key)
                })
                .collect();
            out.push_str(&format!(
                "{} = {{ severity = \"{}\"{options} }}\n",
                meta.id,
                level.as_str()
            ));
        }
        for o in &self.overrides {
            out.push_str(&format!(
                "\n[[overrides]]\nfiles = [{}]\n",
                list(&o.patterns)
            ));
            let ids: std::collections::BTreeSet<&str> =
                o.levels.keys().chain(o.options.keys()).copied().collect();
            let rules: Vec<String> = ids
                .into_iter()
                .map(|id| {
                    let level = o
                        .levels
                        .get(id)
                        .map(|l| format!("severity = \"{}\"", l.as_str()));
                    let options = o
                        .options
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|(k, v)| format!("{k} = {}", v.to_toml()));
                    format!(
                        "{id} = {{ {} }}",
                        level
                            .into_iter()
                            .chain(options)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
                .collect();
            out.push_str(&format!("rules = {{ {} }}\n", rules.join(", ")));
        }
        out
    }
}

fn known_rule(id: &str) -> Result<&'static str, ConfigError> {
    rules::find(id).map(|r| r.meta().id).ok_or_else(|| {
        ConfigError::new(
            "",
            format!("không có quy tắc `{id}` (xem `vnlint rules`)"),
            format!("unknown rule `{id}` (see `vnlint rules`)"),
        )
    })
}

/// Rule options from the configuration: rule id -> option -> value.
pub type RuleOptions = BTreeMap<&'static str, OptionValues>;

fn levels(
    entries: &BTreeMap<String, RuleEntry>,
    at: &dyn Fn(&str) -> String,
    options: &mut RuleOptions,
) -> Result<BTreeMap<&'static str, RuleLevel>, ConfigError> {
    let mut out = BTreeMap::new();
    for (id, entry) in entries {
        let rule = known_rule(id).map_err(|e| e.within(&at(id)))?;
        let level = match entry {
            toml::Value::String(l) => Some(l.as_str()),
            toml::Value::Table(t) => {
                let allowed = rules::find(rule).map_or(&[][..], |r| r.meta().options);
                for (key, value) in t.iter().filter(|(k, _)| *k != "severity") {
                    let Some(spec) = allowed.iter().find(|spec| spec.key == key) else {
                        let takes: String =
                            allowed.iter().map(|s| format!(", `{}`", s.key)).collect();
                        return Err(ConfigError::new(
                            &at(id),
                            format!(
                                "quy tắc `{id}`: không có tùy chọn `{key}` (chỉ có `severity`{takes})"
                            ),
                            format!(
                                "rule `{id}`: unknown option `{key}` (it takes `severity`{takes})"
                            ),
                        ));
                    };
                    let value = match spec.kind {
                        OptionKind::Integer { min, .. } => value
                            .as_integer()
                            .filter(|n| *n >= i64::from(min))
                            .and_then(|n| u32::try_from(n).ok())
                            .map(OptionValue::Integer)
                            .ok_or_else(|| {
                                ConfigError::new(
                                    &at(id),
                                    format!("quy tắc `{id}`: tùy chọn `{key}` nhận một số nguyên, từ {min} trở lên, không nhận `{value}`"),
                                    format!("rule `{id}`: option `{key}` takes a whole number, at least {min}, not `{value}`"),
                                )
                            })?,
                        OptionKind::Choice { values, .. } => value
                            .as_str()
                            .and_then(|v| values.iter().find(|allowed| **allowed == v))
                            .map(|v| OptionValue::Choice(v))
                            .ok_or_else(|| {
                                let one_of = values
                                    .iter()
                                    .map(|v| format!("\"{v}\""))
                                    .collect::<Vec<_>>()
                                    .join(", ");
                                ConfigError::new(
                                    &at(id),
                                    format!("quy tắc `{id}`: tùy chọn `{key}` nhận một trong {one_of}, không nhận `{value}`"),
                                    format!("rule `{id}`: option `{key}` takes one of {one_of}, not `{value}`"),
                                )
                            })?,
                    };
                    options.entry(rule).or_default().insert(spec.key, value);
                }
                match t.get("severity") {
                    None => None,
                    Some(toml::Value::String(l)) => Some(l.as_str()),
                    Some(other) => {
                        return Err(ConfigError::new(
                            &at(id),
                            format!(
                                "quy tắc `{id}`: severity phải là một chuỗi, không phải `{other}`"
                            ),
                            format!("rule `{id}`: severity must be a string, not `{other}`"),
                        ));
                    }
                }
            }
            other => {
                return Err(ConfigError::new(
                    &at(id),
                    format!(
                        "quy tắc `{id}`: cần \"off\", \"info\", \"warning\", \"error\" hoặc {{ severity = ... }}, không phải `{other}`"
                    ),
                    format!(
                        "rule `{id}`: expected \"off\", \"info\", \"warning\", \"error\" or {{ severity = ... }}, not `{other}`"
                    ),
                ));
            }
        };
        if let Some(level) = level {
            let parsed = RuleLevel::parse(level).ok_or_else(|| {
                ConfigError::new(
                    &at(id),
                    format!("quy tắc `{id}`: `{level}` không phải một trong \"off\", \"info\", \"warning\", \"error\""),
                    format!("rule `{id}`: `{level}` is not one of \"off\", \"info\", \"warning\", \"error\""),
                )
            })?;
            out.insert(rule, parsed);
        }
    }
    Ok(out)
}

/// Words of a vocabulary file: one per line, `#` starts a comment; stored lower-case.
pub fn read_vocabulary(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            use unicode_normalization::UnicodeNormalization;
            l.nfc().collect::<String>().to_lowercase()
        })
}

/// The commented starter file `vnlint init` writes.
pub fn starter() -> String {
    let mut out = String::from(
        "# vnlint configuration. `vnlint rules` lists the rules, `vnlint explain RULE` documents one.\n\
         # Words never flagged (names, loans, house terms): plain-text files, one word per line.\n\
         # vocabulary = [\"tu-dien-rieng.txt\"]\n\
         # Files skipped when walking folders (globs relative to this file).\n\
         # exclude = [\"archive/**\"]\n\n\
         [rules]\n\
         # Each rule: \"off\", \"info\", \"warning\" or \"error\" (defaults shown).\n",
    );
    for rule in rules::REGISTRY {
        let meta = rule.meta();
        if meta.options.is_empty() {
            out.push_str(&format!("# {} = \"{}\"\n", meta.id, meta.default_severity));
        } else {
            // Each option at its default, with the values it accepts.
            let options: String = meta
                .options
                .iter()
                .map(|spec| format!(", {} = {}", spec.key, spec.default_toml()))
                .collect();
            let accepted: String = meta
                .options
                .iter()
                .map(|spec| format!("\n#   {}: {}", spec.key, spec.accepted()))
                .collect();
            out.push_str(&format!(
                "# {} = {{ severity = \"{}\"{options} }}{accepted}\n",
                meta.id, meta.default_severity
            ));
        }
    }
    out.push_str(
        "\n# Different levels for some files:\n\
         # [[overrides]]\n\
         # files = [\"drafts/**\"]\n\
         # rules = { percent-mismatch = \"warning\" }\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_levels_in_both_shapes() {
        let config = Config::from_toml(
            "[rules]\ndouble-space = \"off\"\nconfusion = { severity = \"info\" }\n",
        )
        .unwrap();
        assert!(!config.is_enabled("double-space"));
        assert_eq!(
            config.severity("confusion", Severity::Error),
            Severity::Info
        );
        assert_eq!(
            config.severity("percent-mismatch", Severity::Error),
            Severity::Error
        );
    }

    #[test]
    fn errors_name_the_file_the_line_and_the_key() {
        let e = Config::from_toml("[rules]\n\nno-such-rule = \"off\"\n")
            .unwrap_err()
            .message(Lang::En);
        assert!(
            e.contains("vnlint.toml:3") && e.contains("no-such-rule"),
            "{e}"
        );
        let vi = Config::from_toml("[rules]\n\nno-such-rule = \"off\"\n")
            .unwrap_err()
            .message(Lang::Vi);
        assert!(
            vi.contains("vnlint.toml:3") && vi.contains("không có quy tắc `no-such-rule`"),
            "{vi}"
        );
        let e = Config::from_toml("[rules]\nconfusion = \"loud\"\n")
            .unwrap_err()
            .message(Lang::En);
        assert!(e.contains("vnlint.toml:2") && e.contains("loud"), "{e}");
        let e = Config::from_toml("\ncolour = true\n")
            .unwrap_err()
            .message(Lang::En);
        assert!(e.contains("vnlint.toml:2") && e.contains("colour"), "{e}");
    }

    #[test]
    fn overrides_apply_to_matching_files() {
        let config = Config::from_toml(
            "[rules]\nconfusion = \"warning\"\n[[overrides]]\nfiles = [\"drafts/**\"]\nrules = { confusion = \"off\" }\n",
        )
        .unwrap();
        assert!(!config.is_enabled_for("confusion", Some(Path::new("drafts/a.txt"))));
        assert!(config.is_enabled_for("confusion", Some(Path::new("tin/a.txt"))));
    }

    #[test]
    fn rule_options_are_checked_against_the_rule() {
        let e =
            Config::from_toml("[rules]\nconfusion = { severity = \"info\", style = \"old\" }\n")
                .unwrap_err()
                .message(Lang::En);
        assert!(
            e.contains("vnlint.toml:2") && e.contains("unknown option `style`"),
            "{e}"
        );
    }

    #[test]
    fn whole_number_options_take_whole_numbers() {
        let config = Config::from_toml("[rules]\nrare-variant = { min-count = 8 }\n").unwrap();
        assert_eq!(
            config.options_for("rare-variant", None).unwrap()["min-count"],
            OptionValue::Integer(8)
        );
        assert!(config.to_toml().contains("min-count = 8"));
        for bad in ["\"8\"", "-1", "2.5"] {
            let e = Config::from_toml(&format!(
                "[rules]\nrare-variant = {{ min-count = {bad} }}\n"
            ))
            .unwrap_err()
            .message(Lang::En);
            assert!(e.contains("whole number"), "{e}");
        }
    }

    #[test]
    fn a_bad_model_file_is_a_configuration_error_naming_it() {
        let e = Config::from_toml("model = \"khong-co.vnlm\"\n")
            .unwrap_err()
            .message(Lang::En);
        assert!(
            e.contains("vnlint.toml:1") && e.contains("khong-co.vnlm"),
            "{e}"
        );
    }

    #[test]
    fn include_and_exclude() {
        let config = Config::from_toml("exclude = [\"archive/**\"]\n").unwrap();
        assert!(!config.wants(Path::new("archive/2019/a.txt")));
        assert!(config.wants(Path::new("tin/a.txt")));
    }

    #[test]
    fn select_keeps_only_the_named_rules() {
        let mut config = Config::default();
        config.select(&["confusion".to_string()]).unwrap();
        assert!(config.is_enabled("confusion"));
        assert!(!config.is_enabled("double-space"));
        assert!(config.select(&["nope".to_string()]).is_err());
    }

    #[test]
    fn vocabulary_files_are_read_lower_case() {
        let words: Vec<String> =
            read_vocabulary("# tên riêng\nHmông\n\nViettel  # nhà mạng\n").collect();
        assert_eq!(words, vec!["hmông", "viettel"]);
    }

    #[test]
    fn the_starter_file_is_a_valid_config() {
        let config = Config::from_toml(&starter()).unwrap();
        assert!(config.is_enabled("confusion"));
    }
}
