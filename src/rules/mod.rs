//! The rules. Each lives in its own file, declares its id, default severity and
//! documentation once (with [`declare_rule!`]), and is listed once in [`REGISTRY`]:
//! `vnlint rules`, `vnlint explain`, configuration checks and the README's table derive from
//! that list.

mod anniversary_mismatch;
mod capitalization_mismatch;
mod confusion;
mod context;
mod count_mismatch;
mod date_order;
mod docs;
mod double_space;
mod in_context;
mod invalid_date;
mod legacy_encoding;
mod lookalike_letter;
mod name_mismatch;
mod nonword;
mod number_format;
mod ordinal_mismatch;
mod part_exceeds_whole;
mod percent_mismatch;
mod punctuation_spacing;
mod rare_variant;
mod realword;
mod repeated_word;
mod slips;
mod spelling_variant;
mod term_mismatch;
#[cfg(test)]
pub(crate) mod testing;
mod tone_style;
mod unbalanced_pair;
mod undefined_abbreviation;
mod unicode_form;
mod unused_suppression;
mod variant_outlier;
mod weekday_mismatch;

pub use confusion::{Confusion, Table, TableEntry};
pub use context::{LintContext, OptionValues, Shared};
pub use docs::RuleDocs;

use crate::diagnostic::{Diagnostic, Lang, Severity};

/// An option a rule takes in `vnlint.toml` (`tone-style = { style = "old" }`), with its
/// type and default: the configuration is checked against it, `vnlint explain`, `init` and
/// `--show-config` show it, and the rule reads it with [`LintContext::integer`] or
/// [`LintContext::choice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionSpec {
    pub key: &'static str,
    pub kind: OptionKind,
}

/// The type of an option, with its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A whole number, at least `min`.
    Integer { default: u32, min: u32 },
    /// One of `values`.
    Choice {
        values: &'static [&'static str],
        default: &'static str,
    },
}

impl OptionSpec {
    pub const fn integer(key: &'static str, default: u32, min: u32) -> OptionSpec {
        OptionSpec {
            key,
            kind: OptionKind::Integer { default, min },
        }
    }

    pub const fn choice(
        key: &'static str,
        values: &'static [&'static str],
        default: &'static str,
    ) -> OptionSpec {
        OptionSpec {
            key,
            kind: OptionKind::Choice { values, default },
        }
    }

    /// The default as it is written in TOML.
    pub fn default_toml(&self) -> String {
        match self.kind {
            OptionKind::Integer { default, .. } => default.to_string(),
            OptionKind::Choice { default, .. } => format!("\"{default}\""),
        }
    }

    /// The values it accepts, for messages and `vnlint init`: `"old"|"new"`, or `<n> ≥ 1`.
    pub fn accepted(&self) -> String {
        match self.kind {
            OptionKind::Integer { min, .. } => format!("<n> ≥ {min}"),
            OptionKind::Choice { values, .. } => values
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join("|"),
        }
    }
}

/// A checked option value from the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionValue {
    Integer(u32),
    Choice(&'static str),
}

impl OptionValue {
    /// The value as it is written in TOML.
    pub fn to_toml(self) -> String {
        match self {
            OptionValue::Integer(n) => n.to_string(),
            OptionValue::Choice(v) => format!("\"{v}\""),
        }
    }
}

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id.
    pub id: &'static str,
    pub default_severity: Severity,
    /// The options the rule takes in `vnlint.toml`, with their types and defaults.
    pub options: &'static [OptionSpec],
    /// The rules whose finding, when enabled and on the same words, replaces this rule's:
    /// one slip is reported once, by the rule that knows it best.
    pub gives_way_to: &'static [&'static str],
    /// Whether the rule reads paragraphs in a legacy encoding (TCVN3, VNI, VIQR read as
    /// Unicode). Every other rule's findings there are dropped by the engine: such text is
    /// `legacy-encoding`'s to report.
    pub reads_legacy_text: bool,
    /// Whether the rule holds an index of the whole document while it runs (a few bytes per
    /// word). Past the size where rules run one at a time, such rules run first, before the
    /// other rules' findings and the shared facts are held beside it.
    pub whole_document_index: bool,
    /// The facts the rule reads among those a document keeps once computed: past the size
    /// where rules run one at a time, the engine lets a fact go after its last reader has run.
    pub reads: &'static [crate::analysis::Fact],
    /// English documentation: summary, What it does, Why, Example, Silent example.
    pub doc_en: &'static str,
    /// Vietnamese documentation: summary, Tác dụng, Vì sao (examples are shared).
    pub doc_vi: &'static str,
}

impl RuleMeta {
    /// The parsed documentation in `lang`.
    pub fn docs(&self, lang: Lang) -> RuleDocs {
        RuleDocs::parse(self.doc_en, self.doc_vi, lang)
    }
}

/// A check over a whole document.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    /// Pushes findings with spans as offsets into `ctx.doc.text`.
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>);
}

/// Declares a rule's unit struct and its [`RuleMeta`] from the struct's doc comment (the
/// English documentation) and a Vietnamese text, so the documentation is written once.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            severity: $severity:ident,
            $(options: [$($option:expr),* $(,)?],)?
            $(gives_way_to: [$($other:literal),* $(,)?],)?
            $(reads_legacy_text: $legacy:literal,)?
            $(whole_document_index: $index:literal,)?
            $(reads: [$($fact:ident),* $(,)?],)?
            vi: $vi:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                default_severity: $crate::diagnostic::Severity::$severity,
                options: &[$($($option),*)?],
                gives_way_to: &[$($($other),*)?],
                reads_legacy_text: false $(|| $legacy)?,
                whole_document_index: false $(|| $index)?,
                reads: &[$($($crate::analysis::Fact::$fact),*)?],
                doc_en: concat!($($doc, "\n"),*),
                doc_vi: $vi,
            };
        }
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order `vnlint rules` lists them.
pub static REGISTRY: &[&dyn Rule] = &[
    &ordinal_mismatch::OrdinalMismatch,
    &percent_mismatch::PercentMismatch,
    &confusion::Confusion,
    &variant_outlier::VariantOutlier,
    &nonword::Nonword,
    &lookalike_letter::LookalikeLetter,
    &unicode_form::UnicodeForm,
    &legacy_encoding::LegacyEncoding,
    &tone_style::ToneStyle,
    &double_space::DoubleSpace,
    &spelling_variant::SpellingVariant,
    &rare_variant::RareVariant,
    &realword::Realword,
    &repeated_word::RepeatedWord,
    &punctuation_spacing::PunctuationSpacing,
    &unbalanced_pair::UnbalancedPair,
    &count_mismatch::CountMismatch,
    &invalid_date::InvalidDate,
    &weekday_mismatch::WeekdayMismatch,
    &anniversary_mismatch::AnniversaryMismatch,
    &part_exceeds_whole::PartExceedsWhole,
    &number_format::NumberFormat,
    &undefined_abbreviation::UndefinedAbbreviation,
    &capitalization_mismatch::CapitalizationMismatch,
    &term_mismatch::TermMismatch,
    &date_order::DateOrder,
    &name_mismatch::NameMismatch,
    &unused_suppression::UnusedSuppression,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.meta().id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    /// A rule that reads a fact the document keeps declares it (`reads`), and declares no
    /// other: the engine lets a fact go after its last declared reader, so an undeclared read
    /// would compute it again and a stale declaration keep it longer.
    #[test]
    fn rules_declare_the_facts_they_read() {
        use crate::analysis::Fact;
        use crate::document::Document;
        let text = "Đại hội Đảng bộ quận lần thứ VII\n\n\
            Ngày 27/6/2024, Đại hội Đảng bộ quận lần thứ VII, nhiệm kỳ 2025-2030, khai mạc và \
            bầu Ban Chấp hành khóa VII gồm 35 đồng chí. Thứ Hai, ngày 1/7/2024, quận kỷ niệm \
            50 năm ngày thành lập (1974-2024).";
        for rule in REGISTRY {
            let mut doc = Document::from_text(text);
            testing::run(*rule, &doc, &Config::default());
            for fact in Fact::ALL {
                let id = rule.meta().id;
                let declared = rule.meta().reads.contains(&fact);
                assert_eq!(fact.is_kept(&doc), declared, "{id} and {fact:?}");
                fact.release(&mut doc);
                assert!(!fact.is_kept(&doc));
            }
        }
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for rule in REGISTRY {
            let id = rule.meta().id;
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(
                id.split('-')
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())),
                "{id} is not kebab-case"
            );
        }
    }

    #[test]
    fn every_rule_documents_itself_in_both_languages() {
        for rule in REGISTRY {
            for lang in [Lang::Vi, Lang::En] {
                let docs = rule.meta().docs(lang);
                let id = rule.meta().id;
                assert!(!docs.summary.is_empty(), "{id}: no summary ({lang:?})");
                assert!(!docs.what.is_empty(), "{id}: no 'what it does' ({lang:?})");
                assert!(!docs.why.is_empty(), "{id}: no 'why' ({lang:?})");
                assert!(!docs.example.is_empty(), "{id}: no example");
                assert!(!docs.silent_example.is_empty(), "{id}: no silent example");
            }
        }
    }

    #[test]
    fn documented_examples_behave_as_documented() {
        // `rare-variant` needs a model: the one of the fixtures' archive, for every rule, with
        // the small archive's thresholds.
        let mut config = Config::from_toml(testing::SMALL_ARCHIVE_OPTIONS).unwrap();
        config.set_model(testing::archive_model(), "archive".into());
        for rule in REGISTRY {
            let meta = rule.meta();
            let docs = meta.docs(Lang::En);
            let fired = |text: &str| {
                crate::lint_text(text, &config)
                    .iter()
                    .any(|d| d.rule == meta.id)
            };
            assert!(
                fired(&docs.example),
                "{}: its example does not fire",
                meta.id
            );
            assert!(
                !fired(&docs.silent_example),
                "{}: its silent example fires",
                meta.id
            );
        }
    }
}
