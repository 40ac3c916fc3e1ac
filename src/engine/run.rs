//! One run: a [`Request`] (files, folders, standard input, fix mode, baseline, options) in,
//! a [`RunOutcome`] (reports, errors, diffs, the fixed input, notices, exit status) out.
//! Files, folders and standard input take the same path: each input is checked by
//! [`check_input`], which only differs in where a fix goes (the file, or the output).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline::Baseline;
use crate::config::{Config, ConfigError};
use crate::diagnostic::{Lang, Message, Severity};
use crate::document::Format;
use crate::engine::fixing::{fix_text, write_fixed};
use crate::engine::lint::{InputError, lint_owned, read_file};
use crate::engine::notice;
use crate::engine::workspace::{ConfigResolver, RunOptions, collect_files};
use crate::fix::unified_diff;
use crate::report::FileReport;

/// Whether and how fixes are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixMode {
    /// Report only.
    #[default]
    Report,
    /// Apply fixes and write the files (`--fix`); standard input's fixed text is the output.
    Write { include_unsafe: bool },
    /// Show what fixing would change, write nothing (`--diff`, also with `--fix`).
    Diff { include_unsafe: bool },
}

/// Bytes held in memory (standard input), with the name to show for them; the name's
/// extension picks the reader.
#[derive(Debug, Clone)]
pub struct NamedInput {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the run does with a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BaselineMode {
    #[default]
    None,
    /// `--write-baseline FILE`: record today's findings there.
    Record(PathBuf),
    /// `--baseline FILE`: report only the findings it does not record.
    Apply(PathBuf),
}

/// Everything a run needs.
#[derive(Debug, Clone)]
pub struct Request {
    /// Files and folders (folders: the checked files below them).
    pub paths: Vec<PathBuf>,
    /// Standard input, when `-` was named.
    pub stdin: Option<NamedInput>,
    pub fix: FixMode,
    pub baseline: BaselineMode,
    pub options: RunOptions,
    /// The exit status is `Findings` when a finding is at or above this severity.
    pub fail_on: Severity,
    /// A named folder that holds no document to check is not an error (`--allow-empty`).
    pub allow_empty: bool,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            paths: Vec::new(),
            stdin: None,
            fix: FixMode::Report,
            baseline: BaselineMode::None,
            options: RunOptions::default(),
            fail_on: Severity::Warning,
            allow_empty: false,
        }
    }
}

/// Why a run could not start, or an input was not checked.
#[derive(Debug)]
pub enum RunError {
    Input(InputError),
    Config(ConfigError),
    /// A baseline file that cannot be read or is not one.
    Baseline {
        path: String,
        reason: String,
    },
    /// A file that could not be written (a fix, a baseline).
    Write {
        path: String,
        reason: String,
    },
    /// A named folder with no document to check (and no `--allow-empty`).
    NoDocuments {
        path: String,
    },
    /// `--fix` on a file without write permission: left as it is.
    ReadOnly {
        path: String,
    },
    /// `--fix` on standard input named as a Word file: the output would be text where a
    /// Word file is expected.
    DocxOnStandardInput {
        name: String,
    },
}

impl RunError {
    /// The message in both languages; it names the file.
    pub fn to_message(&self) -> Message {
        match self {
            RunError::Input(e) => e.to_message(),
            RunError::Config(e) => e.message.clone(),
            RunError::Baseline { path, reason } => Message::new(
                format!("{path}: không dùng được tệp baseline: {reason}"),
                format!("{path}: unusable baseline file: {reason}"),
            ),
            RunError::Write { path, reason } => Message::new(
                format!("{path}: không ghi được tệp: {reason}"),
                format!("{path}: cannot write the file: {reason}"),
            ),
            RunError::NoDocuments { path } => Message::new(
                format!(
                    "{path}: không có tài liệu nào để kiểm tra (đuôi {}; dùng --allow-empty nếu đó là điều mong đợi)",
                    extension_list()
                ),
                format!(
                    "{path}: no document to check (extensions {}; use --allow-empty if that is expected)",
                    extension_list()
                ),
            ),
            RunError::ReadOnly { path } => Message::new(
                format!("{path}: tệp chỉ đọc, --fix không ghi đè"),
                format!("{path}: read-only file, --fix does not overwrite it"),
            ),
            RunError::DocxOnStandardInput { name } => Message::new(
                format!(
                    "{name}: --fix không sửa tệp Word từ đầu vào chuẩn (kết quả sẽ là văn bản thô thay cho tệp Word); hãy kiểm tra không có --fix"
                ),
                format!(
                    "{name}: --fix does not fix a Word file on standard input (the output would be plain text in place of the Word file); check it without --fix"
                ),
            ),
        }
    }

    /// The file or folder the error is about, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            RunError::Input(e) => Some(e.path()),
            RunError::Config(_) => None,
            RunError::Baseline { path, .. }
            | RunError::Write { path, .. }
            | RunError::NoDocuments { path }
            | RunError::ReadOnly { path } => Some(path),
            RunError::DocxOnStandardInput { name } => Some(name),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.to_message().get(lang).to_string()
    }
}

/// What standard output shows for the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The reports, in the chosen format.
    Reports,
    /// The diffs (`--diff`).
    Diffs,
    /// Standard input as fixed (`--fix -`).
    FixedInput,
    /// Nothing (`--write-baseline`, or a run that could not start).
    Nothing,
}

/// How the run ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above `fail_on`, nothing `--diff` would change.
    Clean,
    /// A finding at or above `fail_on`, or a change `--diff` shows.
    Findings,
    /// An input or the configuration could not be used.
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// What a run produced.
#[derive(Debug)]
pub struct RunOutcome {
    /// Sorted by path (standard input by its name); after the baseline's filter.
    pub reports: Vec<FileReport>,
    /// Inputs that could not be checked or written, bad configuration or baseline files.
    pub errors: Vec<RunError>,
    /// With `--diff`: a unified diff per input that fixing would change, sorted.
    pub diffs: Vec<String>,
    /// With `--fix` on standard input: the bytes to print (the fixed text; a Word document
    /// unchanged, as it is never rewritten).
    pub fixed_input: Option<Vec<u8>>,
    /// With `--fix`: edits applied to files on disk, and in how many files.
    pub fixes_applied: usize,
    pub files_fixed: usize,
    /// With `--write-baseline`: the file written and how many findings it records.
    pub baseline_recorded: Option<(PathBuf, usize)>,
    pub shown: Shown,
    pub exit: ExitStatus,
}

impl RunOutcome {
    /// A run that could not start. The reports' format still shows the error, but for
    /// `--fix` on standard input, whose output is the document itself.
    fn failed(request: &Request, error: RunError) -> RunOutcome {
        let fixing_stdin = request.stdin.is_some() && matches!(request.fix, FixMode::Write { .. });
        RunOutcome {
            reports: Vec::new(),
            errors: vec![error],
            diffs: Vec::new(),
            fixed_input: None,
            fixes_applied: 0,
            files_fixed: 0,
            baseline_recorded: None,
            shown: if fixing_stdin || matches!(request.baseline, BaselineMode::Record(_)) {
                Shown::Nothing
            } else {
                Shown::Reports
            },
            exit: ExitStatus::Error,
        }
    }

    /// What to tell the user besides the output (files fixed, a baseline recorded).
    pub fn notices(&self) -> Vec<Message> {
        let mut out = Vec::new();
        if self.files_fixed > 0 {
            out.push(notice::fixed(self.fixes_applied, self.files_fixed));
        }
        if let Some((path, findings)) = &self.baseline_recorded {
            out.push(notice::baseline_recorded(*findings, path));
        }
        out
    }

    /// How many inputs could not be checked at all.
    pub fn unchecked(&self) -> usize {
        self.errors
            .iter()
            .filter(|e| matches!(e, RunError::Input(_)))
            .count()
    }

    /// The line that ends the human output of a run with errors ("1 lỗi đầu vào: ...").
    pub fn error_summary(&self) -> Option<Message> {
        (!self.errors.is_empty())
            .then(|| notice::input_errors(self.error_messages().len(), self.unchecked()))
    }

    /// The errors' messages, each said once.
    pub fn error_messages(&self) -> Vec<Message> {
        let mut out: Vec<Message> = Vec::new();
        for m in self.errors.iter().map(RunError::to_message) {
            if !out.contains(&m) {
                out.push(m);
            }
        }
        out
    }
}

/// Told how checking many files goes (a progress bar); every method may do nothing.
pub trait Progress: Sync {
    fn start(&self, _files: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// No progress shown.
pub struct NoProgress;

impl Progress for NoProgress {}

/// Runs a request: checks every input (in parallel), fixes or diffs as asked, applies or
/// records the baseline and works out the exit status.
pub fn run(request: &Request, progress: &dyn Progress) -> RunOutcome {
    let resolver = match ConfigResolver::new(request.options.clone()) {
        Ok(r) => r,
        Err(e) => return RunOutcome::failed(request, RunError::Config(e)),
    };
    let baseline = match &request.baseline {
        BaselineMode::Apply(path) => match read_baseline(path) {
            Ok(b) => Some(b),
            Err(e) => return RunOutcome::failed(request, e),
        },
        _ => None,
    };
    let mode = request.fix;

    let (files, mut errors) = collect_files(&request.paths, &resolver);
    if !request.allow_empty {
        errors.extend(empty_folders(&request.paths, &files));
    }
    progress.start(files.len());
    let mut checked: Vec<Result<Checked, RunError>> = files
        .par_iter()
        .map(|file| {
            let outcome = check_file(file, &resolver, mode);
            progress.advance();
            outcome
        })
        .collect();
    progress.finish();
    if let Some(input) = &request.stdin {
        checked.push(
            resolver
                .config_for(None)
                .map_err(RunError::Config)
                .and_then(|config| {
                    let format = Format::from_path(Path::new(&input.name));
                    let bytes = Cow::Borrowed(input.bytes.as_slice());
                    check_input(&input.name, bytes, format, &config, mode, None)
                }),
        );
    }

    let mut reports = Vec::new();
    let mut diffs = Vec::new();
    let mut fixed_input = None;
    let (mut fixes_applied, mut files_fixed) = (0, 0);
    for c in checked {
        match c {
            Ok(c) => {
                if c.written > 0 {
                    fixes_applied += c.written;
                    files_fixed += 1;
                }
                diffs.extend(c.diff);
                errors.extend(c.unwritten);
                fixed_input = fixed_input.or(c.output);
                reports.push(c.report);
            }
            Err(e) => errors.push(e),
        }
    }
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    diffs.sort();

    let shown = if request.stdin.is_some() && matches!(mode, FixMode::Write { .. }) {
        Shown::FixedInput
    } else if matches!(request.baseline, BaselineMode::Record(_)) {
        Shown::Nothing
    } else if matches!(mode, FixMode::Diff { .. }) {
        Shown::Diffs
    } else {
        Shown::Reports
    };
    let mut baseline_recorded = None;
    if let (BaselineMode::Record(path), false) = (&request.baseline, shown == Shown::FixedInput) {
        let recorded = Baseline::from_reports(&reports);
        match std::fs::write(path, recorded.to_json()) {
            Ok(()) => baseline_recorded = Some((path.clone(), recorded.findings.len())),
            Err(e) => errors.push(RunError::Write {
                path: path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    if let Some(b) = &baseline {
        b.filter(&mut reports);
    }

    let exit = if !errors.is_empty() {
        ExitStatus::Error
    } else {
        let failing = match shown {
            Shown::FixedInput | Shown::Nothing => false,
            Shown::Diffs => !diffs.is_empty(),
            Shown::Reports => reports
                .iter()
                .flat_map(|r| &r.diagnostics)
                .any(|d| d.severity >= request.fail_on),
        };
        if failing {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        }
    };
    RunOutcome {
        reports,
        errors,
        diffs,
        fixed_input,
        fixes_applied,
        files_fixed,
        baseline_recorded,
        shown,
        exit,
    }
}

/// The effective configuration for the first path (or the current folder), as TOML.
pub fn effective_config(options: &RunOptions, paths: &[PathBuf]) -> Result<String, RunError> {
    let resolver = ConfigResolver::new(options.clone()).map_err(RunError::Config)?;
    resolver
        .config_for(paths.first().map(PathBuf::as_path))
        .map(|config| config.to_toml())
        .map_err(RunError::Config)
}

/// The named folders below which no file is checked.
fn empty_folders(paths: &[PathBuf], files: &[PathBuf]) -> Vec<RunError> {
    paths
        .iter()
        .filter(|p| p.is_dir() && !files.iter().any(|f| f.starts_with(p)))
        .map(|p| RunError::NoDocuments {
            path: p.display().to_string(),
        })
        .collect()
}

/// The extensions a folder walk reads, as ".txt .md ...".
pub fn extension_list() -> String {
    crate::engine::workspace::CHECKED_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_baseline(path: &Path) -> Result<Baseline, RunError> {
    std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| Baseline::from_json(&t))
        .map_err(|reason| RunError::Baseline {
            path: path.display().to_string(),
            reason,
        })
}

/// What checking one input produced.
struct Checked {
    report: FileReport,
    /// With `--diff`: what fixing would change.
    diff: Option<String>,
    /// With `--fix`: edits written to the file.
    written: usize,
    /// With `--fix` on standard input: the bytes to print.
    output: Option<Vec<u8>>,
    /// With `--fix`: why the fixed text was not written (the findings are still reported).
    unwritten: Option<RunError>,
}

fn check_file(file: &Path, resolver: &ConfigResolver, mode: FixMode) -> Result<Checked, RunError> {
    let config = resolver.config_for(Some(file)).map_err(RunError::Config)?;
    let bytes = read_file(file).map_err(RunError::Input)?;
    let shown = file.display().to_string();
    check_input(
        &shown,
        Cow::Owned(bytes),
        Format::from_path(file),
        &config,
        mode,
        Some(file),
    )
}

/// Checks one input's bytes, fixing or diffing as `mode` says. A fix goes to `file` when
/// there is one, else to the output. Word files are reported on, never rewritten.
fn check_input(
    name: &str,
    bytes: Cow<'_, [u8]>,
    format: Format,
    config: &Config,
    mode: FixMode,
    file: Option<&Path>,
) -> Result<Checked, RunError> {
    if file.is_none() && format == Format::Docx && matches!(mode, FixMode::Write { .. }) {
        return Err(RunError::DocxOnStandardInput {
            name: name.to_string(),
        });
    }
    let include_unsafe = match mode {
        FixMode::Write { include_unsafe } | FixMode::Diff { include_unsafe }
            if format != Format::Docx =>
        {
            include_unsafe
        }
        _ => {
            // Owned bytes become the report's text without a copy.
            let report =
                lint_owned(name, bytes.into_owned(), format, config).map_err(RunError::Input)?;
            return Ok(Checked {
                report,
                diff: None,
                written: 0,
                output: None,
                unwritten: None,
            });
        }
    };
    let fixed = fix_text(name, &bytes, format, config, include_unsafe).map_err(RunError::Input)?;
    let original = String::from_utf8_lossy(&bytes);
    let changed = fixed.applied > 0 && fixed.text != original;
    let mut checked = Checked {
        report: fixed.report,
        diff: None,
        written: 0,
        output: None,
        unwritten: None,
    };
    match (mode, file) {
        (FixMode::Diff { .. }, _) => {
            checked.diff = changed.then(|| unified_diff(name, &original, &fixed.text));
            // The findings are those of the input as it is.
            if let Some(report) = fixed.original {
                checked.report = report;
            }
        }
        (_, None) => checked.output = Some(fixed.text.into_bytes()),
        (_, Some(path)) if changed => {
            // Not written: the findings are those of the file as it stays.
            match write_fixed(name, path, fixed.text.as_bytes()) {
                Ok(()) => checked.written = fixed.applied,
                Err(e) => {
                    if let Some(report) = fixed.original {
                        checked.report = report;
                    }
                    checked.unwritten = Some(e);
                }
            }
        }
        _ => {}
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stdin(text: &str) -> Option<NamedInput> {
        Some(NamedInput {
            name: "tin.txt".to_string(),
            bytes: text.as_bytes().to_vec(),
        })
    }

    fn spans(report: &FileReport) -> Vec<(&'static str, std::ops::Range<usize>)> {
        report
            .diagnostics
            .iter()
            .map(|d| (d.rule, d.span.clone()))
            .collect()
    }

    const DOUBLED: &str = "Hai  dấu cách và A ninh.\n";

    #[test]
    fn standard_input_and_a_file_give_the_same_report() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tin.txt");
        std::fs::write(&path, DOUBLED).unwrap();
        let from_file = run(
            &Request {
                paths: vec![path],
                ..Request::default()
            },
            &NoProgress,
        );
        let from_stdin = run(
            &Request {
                stdin: stdin(DOUBLED),
                ..Request::default()
            },
            &NoProgress,
        );
        assert_eq!(from_file.reports.len(), 1);
        assert_eq!(spans(&from_file.reports[0]), spans(&from_stdin.reports[0]));
        assert!(!from_stdin.reports[0].diagnostics.is_empty());
        assert_eq!(from_stdin.exit, ExitStatus::Findings);
        assert_eq!(from_stdin.shown, Shown::Reports);
    }

    #[test]
    fn diff_writes_nothing_and_counts_nothing_as_fixed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tin.txt");
        std::fs::write(&path, DOUBLED).unwrap();
        let outcome = run(
            &Request {
                paths: vec![path.clone()],
                stdin: stdin(DOUBLED),
                fix: FixMode::Diff {
                    include_unsafe: false,
                },
                ..Request::default()
            },
            &NoProgress,
        );
        assert_eq!(outcome.diffs.len(), 2, "the file's and standard input's");
        assert!(outcome.diffs.iter().all(|d| d.contains("+Hai dấu cách")));
        assert_eq!((outcome.fixes_applied, outcome.files_fixed), (0, 0));
        assert!(outcome.notices().is_empty());
        assert_eq!(outcome.shown, Shown::Diffs);
        assert_eq!(outcome.exit, ExitStatus::Findings);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), DOUBLED);
        // The reports are those of the text as it is.
        assert!(outcome.reports.iter().all(|r| r.source == DOUBLED));
    }

    #[test]
    fn fix_writes_the_file_and_prints_standard_input_fixed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tin.txt");
        std::fs::write(&path, DOUBLED).unwrap();
        let outcome = run(
            &Request {
                paths: vec![path.clone()],
                stdin: stdin(DOUBLED),
                fix: FixMode::Write {
                    include_unsafe: false,
                },
                ..Request::default()
            },
            &NoProgress,
        );
        let fixed = "Hai dấu cách và A ninh.\n";
        assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
        assert_eq!(outcome.fixed_input.as_deref(), Some(fixed.as_bytes()));
        assert_eq!((outcome.fixes_applied, outcome.files_fixed), (1, 1));
        assert_eq!(
            outcome.notices(),
            vec![Message::new(
                "đã sửa 1 chỗ trong 1 tệp",
                "fixed 1 place in 1 file"
            )]
        );
        assert_eq!(outcome.shown, Shown::FixedInput);
        assert_eq!(outcome.exit, ExitStatus::Clean);
    }

    #[test]
    fn fail_on_sets_the_exit_status() {
        let only_a_warning = "Hai  dấu cách.\n";
        let at = |fail_on| {
            run(
                &Request {
                    stdin: stdin(only_a_warning),
                    fail_on,
                    ..Request::default()
                },
                &NoProgress,
            )
            .exit
        };
        assert_eq!(at(Severity::Warning), ExitStatus::Findings);
        assert_eq!(at(Severity::Error), ExitStatus::Clean);
    }

    #[test]
    fn a_baseline_hides_what_it_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let baseline = dir.path().join("baseline.json");
        let recorded = run(
            &Request {
                stdin: stdin(DOUBLED),
                baseline: BaselineMode::Record(baseline.clone()),
                ..Request::default()
            },
            &NoProgress,
        );
        let (path, findings) = recorded.baseline_recorded.clone().unwrap();
        assert_eq!(path, baseline);
        assert!(findings > 0);
        assert_eq!(recorded.shown, Shown::Nothing);
        assert_eq!(recorded.exit, ExitStatus::Clean);
        let applied = run(
            &Request {
                stdin: stdin(DOUBLED),
                baseline: BaselineMode::Apply(baseline),
                ..Request::default()
            },
            &NoProgress,
        );
        assert!(applied.reports[0].diagnostics.is_empty());
        assert_eq!(applied.exit, ExitStatus::Clean);
    }

    #[test]
    fn an_unreadable_baseline_stops_the_run_naming_it() {
        let outcome = run(
            &Request {
                stdin: stdin(DOUBLED),
                baseline: BaselineMode::Apply(PathBuf::from("khong-co/baseline.json")),
                ..Request::default()
            },
            &NoProgress,
        );
        assert!(outcome.reports.is_empty());
        // The chosen format still shows the error (a run is never silent).
        assert_eq!(outcome.shown, Shown::Reports);
        assert_eq!(outcome.exit, ExitStatus::Error);
        assert_eq!(
            outcome.error_summary(),
            Some(Message::new("1 lỗi đầu vào", "1 input error"))
        );
        let said = &outcome.error_messages()[0];
        assert!(said.vi.contains("khong-co/baseline.json"), "{said:?}");
        assert!(said.en.contains("khong-co/baseline.json"), "{said:?}");
    }

    #[test]
    fn a_folder_without_documents_is_an_error_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ghi-chu.json"), "{}").unwrap();
        let at = |allow_empty| {
            run(
                &Request {
                    paths: vec![dir.path().to_path_buf()],
                    allow_empty,
                    ..Request::default()
                },
                &NoProgress,
            )
        };
        let refused = at(false);
        assert_eq!(refused.exit, ExitStatus::Error);
        assert!(matches!(refused.errors[..], [RunError::NoDocuments { .. }]));
        assert_eq!(at(true).exit, ExitStatus::Clean);
    }

    #[test]
    fn fix_of_a_word_document_on_standard_input_is_refused() {
        let outcome = run(
            &Request {
                stdin: Some(NamedInput {
                    name: "ban-tin.docx".to_string(),
                    bytes: b"PK".to_vec(),
                }),
                fix: FixMode::Write {
                    include_unsafe: false,
                },
                ..Request::default()
            },
            &NoProgress,
        );
        assert_eq!(outcome.exit, ExitStatus::Error);
        assert_eq!(outcome.fixed_input, None);
        assert!(matches!(
            outcome.errors[..],
            [RunError::DocxOnStandardInput { .. }]
        ));
    }

    #[test]
    fn folders_give_the_same_sorted_files_every_time() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b/z.txt",
            "b/a.md",
            "a.txt",
            "c/d/e.html",
            "c/skip.json",
            "a/b.txt",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "Tin.\n").unwrap();
        }
        let resolver = ConfigResolver::new(RunOptions::default()).unwrap();
        let (first, errors) = collect_files(&[dir.path().to_path_buf()], &resolver);
        assert!(errors.is_empty());
        let names: Vec<String> = first
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            // Sorted as paths, component by component: the folder `a` before `a.txt`.
            vec!["a/b.txt", "a.txt", "b/a.md", "b/z.txt", "c/d/e.html"]
        );
        for _ in 0..5 {
            assert_eq!(
                collect_files(&[dir.path().to_path_buf()], &resolver).0,
                first
            );
        }
    }
}
