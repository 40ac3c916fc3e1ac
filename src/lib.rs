//! vnlint: a linter for Vietnamese documents.
//!
//! ```
//! let diagnostics = vnlint::lint_text("A ninh trật tự được giữ vững.", &vnlint::Config::default());
//! assert_eq!(diagnostics[0].rule, "confusion");
//! assert_eq!(diagnostics[0].suggestions[0].replacement, "An ninh");
//! ```
//!
//! A whole run (files, folders, standard input, fixes, baselines, the exit status) is
//! [`engine::run`]; one document is [`lint_bytes`].

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod lists;
pub mod model;
pub mod position;
pub mod render;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod text;

pub use config::Config;
pub use diagnostic::{Diagnostic, Lang, Message, Severity};
pub use document::{Document, Format};
pub use engine::{
    InputError, MAX_FILE_SIZE, lint_bytes, lint_document, lint_file, lint_text, read_document,
    read_file,
};
pub use report::{FileReport, Locator};
