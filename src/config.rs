//! Configuration: which rules run and at what severity. Read from TOML (`vnlint.toml`):
//!
//! ```toml
//! [rules]
//! double-space = "off"        # "off" | "info" | "warning" | "error"
//! confusion = "warning"
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules;

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
}

/// The effective configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    levels: BTreeMap<&'static str, RuleLevel>,
}

/// A configuration the tool cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

impl Config {
    /// Sets a rule's level; the id must be a registered rule.
    pub fn set(&mut self, id: &str, level: RuleLevel) -> Result<(), ConfigError> {
        let rule = rules::find(id)
            .ok_or_else(|| ConfigError(format!("unknown rule `{id}` (see `vnlint rules`)")))?;
        self.levels.insert(rule.meta().id, level);
        Ok(())
    }

    /// Reads a configuration file's text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        let mut config = Config::default();
        for (id, level) in &file.rules {
            let level = RuleLevel::parse(level).ok_or_else(|| {
                ConfigError(format!(
                    "rule `{id}`: `{level}` is not one of \"off\", \"info\", \"warning\", \"error\""
                ))
            })?;
            config.set(id, level)?;
        }
        Ok(config)
    }

    /// Whether the rule runs.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.levels.get(id) != Some(&RuleLevel::Off)
    }

    /// The severity a finding of the rule is reported at: the user's, or the rule's own.
    pub fn severity(&self, id: &str, found: Severity) -> Severity {
        match self.levels.get(id) {
            Some(RuleLevel::On(severity)) => *severity,
            _ => found,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_levels() {
        let config =
            Config::from_toml("[rules]\ndouble-space = \"off\"\nconfusion = \"info\"\n").unwrap();
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
    fn unknown_rules_levels_and_keys_are_errors() {
        assert!(
            Config::from_toml("[rules]\nno-such-rule = \"off\"\n")
                .unwrap_err()
                .0
                .contains("no-such-rule")
        );
        assert!(
            Config::from_toml("[rules]\nconfusion = \"loud\"\n")
                .unwrap_err()
                .0
                .contains("loud")
        );
        assert!(Config::from_toml("colour = true\n").is_err());
    }
}
