//! What a rule is handed when it runs: the document, the rule's options (its declared
//! defaults overlaid with the configuration), and the shared resources the configuration
//! names (the user's vocabulary and tables, a model of the archive).

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::model::Model;
use crate::rules::{OptionKind, OptionValue, RuleMeta, Table};

/// Option values of one rule, by key, as the configuration sets them (validated against the
/// rule's [`RuleMeta::options`]); a key missing here takes its declared default.
pub type OptionValues = BTreeMap<&'static str, OptionValue>;

/// The resources every rule of a run shares.
#[derive(Clone, Copy)]
pub struct Shared<'a> {
    /// The user's words, lower-case: never flagged (the engine drops findings on them).
    pub vocabulary: &'a HashSet<String>,
    /// The user's own `confusion` entries.
    pub tables: &'a Table,
    /// The model of the user's archive, when one is configured.
    pub model: Option<&'a Model>,
    /// The built-in model of Vietnamese (`model/vi.vnlm`), unless left out
    /// (`--no-builtin-model`).
    pub reference: Option<&'a Model>,
}

/// A rule's view of one run over one document.
pub struct LintContext<'a> {
    pub doc: &'a Document,
    pub shared: Shared<'a>,
    meta: &'static RuleMeta,
    options: &'a OptionValues,
}

static NO_OPTIONS: OptionValues = BTreeMap::new();

impl<'a> LintContext<'a> {
    pub fn new(
        doc: &'a Document,
        shared: Shared<'a>,
        meta: &'static RuleMeta,
        options: Option<&'a OptionValues>,
    ) -> LintContext<'a> {
        LintContext {
            doc,
            shared,
            meta,
            options: options.unwrap_or(&NO_OPTIONS),
        }
    }

    /// A finding of this rule at its default severity (the engine applies the user's).
    pub fn report(&self, span: Range<usize>, message: Message) -> Diagnostic {
        Diagnostic::new(self.meta.id, self.meta.default_severity, span, message)
    }

    /// The rule's metadata.
    pub fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    /// The model of the user's archive, when one is configured.
    pub fn model(&self) -> Option<&'a Model> {
        self.shared.model
    }

    /// A whole-number option: the configured value or the declared default.
    ///
    /// # Panics
    /// When the rule does not declare `key` as a whole number (a programming error the
    /// rules' own tests catch).
    pub fn integer(&self, key: &str) -> u32 {
        match self.options.get(key) {
            Some(OptionValue::Integer(n)) => *n,
            _ => match self.declared(key) {
                OptionKind::Integer { default, .. } => default,
                OptionKind::Choice { .. } => panic!("{}: `{key}` is a choice", self.meta.id),
            },
        }
    }

    /// A choice option: the configured value or the declared default.
    ///
    /// # Panics
    /// When the rule does not declare `key` as a choice.
    pub fn choice(&self, key: &str) -> &'static str {
        match self.options.get(key) {
            Some(OptionValue::Choice(v)) => v,
            _ => match self.declared(key) {
                OptionKind::Choice { default, .. } => default,
                OptionKind::Integer { .. } => panic!("{}: `{key}` is a number", self.meta.id),
            },
        }
    }

    fn declared(&self, key: &str) -> OptionKind {
        self.meta
            .options
            .iter()
            .find(|o| o.key == key)
            .unwrap_or_else(|| panic!("{}: no option `{key}`", self.meta.id))
            .kind
    }
}
