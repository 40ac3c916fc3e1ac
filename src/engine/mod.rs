//! The engine: everything between the bytes of an input and the reports a front end prints.
//!
//! - [`lint`]: one document: bytes in, a [`FileReport`](crate::report::FileReport) out.
//! - [`fixing`]: lint, fix, lint again until no fix applies.
//! - [`workspace`]: walking folders and finding each file's configuration.
//! - [`run`]: a whole run ([`Request`] in, [`RunOutcome`] out): every input, fixes, diffs,
//!   baselines and the exit status.
//! - [`convert`]: `vnlint convert`, never over its input.
//! - [`learn`]: reading an archive for `vnlint learn`.
//! - [`notice`]: what the front ends say besides findings, in both languages.
//!
//! The engine may use every module below it (document, text, rules, config, model, fix,
//! suppress, baseline); none of them uses the engine. `render` and the front ends sit above.

pub mod convert;
pub mod fixing;
pub mod learn;
pub mod lint;
pub mod notice;
pub mod run;
pub mod workspace;

pub use fixing::{Fixed, fix_text, write_fixed};
pub use learn::learn;
pub use lint::{
    InputError, MAX_FILE_SIZE, lint_bytes, lint_document, lint_file, lint_owned, lint_text,
    read_document, read_file,
};
pub use run::{
    BaselineMode, ExitStatus, FixMode, NamedInput, NoProgress, Progress, Request, RunError,
    RunOutcome, Shown, effective_config, extension_list, run,
};
pub use workspace::{CHECKED_EXTENSIONS, ConfigResolver, RunOptions, collect_files};
