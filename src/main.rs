//! The command line: parse arguments, call the library, print, exit.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use vnlint::engine::{
    self, BaselineMode, FixMode, NamedInput, Progress, Request, RunError, RunOptions, Shown, notice,
};

mod lsp;
mod serve;
use vnlint::render::{self, OutputFormat};
use vnlint::rules::REGISTRY;
use vnlint::{InputError, Lang, Message, Severity};

#[derive(Parser)]
#[command(
    name = "vnlint",
    version,
    about = "Trình kiểm tra văn bản tiếng Việt / A linter for Vietnamese documents"
)]
struct Cli {
    /// Language of messages: vi (default) or en.
    #[arg(long, value_enum, global = true, default_value = "vi")]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files or folders; `-` reads stdin. (Folders: the extensions read are filled in
    /// from CHECKED_EXTENSIONS by `command()`.)
    Check(CheckArgs),
    /// List every rule with its id, default severity and summary.
    Rules,
    /// Show a rule's documentation.
    Explain {
        /// The rule id, as `vnlint rules` lists it.
        rule: String,
    },
    /// Write a commented starter vnlint.toml in the current folder.
    Init,
    /// Convert a file from a legacy Vietnamese encoding to Unicode (NFC).
    Convert {
        /// The encoding the file is in.
        #[arg(long, value_enum)]
        from: LegacyArg,
        /// The file to convert.
        file: PathBuf,
        /// Write the result here (atomically) instead of to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Learn a model of the archive's syllables and pairs from the documents below DIR
    /// (the files `check` would read there), for the rule `rare-variant`.
    Learn {
        /// Folders (or files) of published documents.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The model file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Leave out pairs seen fewer times than this (smaller file; the rule reads a
        /// missing pair as never seen).
        #[arg(long, value_name = "N", default_value_t = 2)]
        min_pair_count: u32,
        /// Build the built-in model's recipe (triples counted, its pruning, version and
        /// licence notice; `scripts/build_model.py` runs it): replaces --min-pair-count.
        #[arg(long)]
        builtin: bool,
        /// A word list (one word a line): the pairs of syllables inside its words are
        /// stored (Wiktionary's headwords for the built-in model).
        #[arg(long, value_name = "FILE")]
        word_list: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff) to standard output.
    Man,
    /// Run the language server over standard input and output (editors: docs/editors.md).
    Lsp {
        /// Accepted for editors that pass it; standard input and output is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Serve a local web page to check documents, and its JSON API (`POST /api/check`).
    Serve(serve::ServeArgs),
    /// Check rule tables (the format of rules/*.toml): order, duplicates, NFC, and every
    /// example (bad must fire and fix to good; good and ok must stay silent); and word lists
    /// (rules/lists/*.txt): header, order, duplicates, NFC, case, whitespace, examples.
    TestRules {
        /// The table files (.toml) and list files (.txt).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check (default: the current folder); `-` for standard input.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorArg,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value = "warning")]
    fail_on: Severity,
    /// The name to show for standard input (its extension picks the format).
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Use this configuration file for every file (no search for vnlint.toml).
    #[arg(long)]
    config: Option<PathBuf>,
    /// A model learned with `vnlint learn` (replaces `model` of vnlint.toml): enables
    /// `rare-variant`.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Leave the built-in model of Vietnamese out (the rule `realword` then does
    /// nothing): for measurement.
    #[arg(long)]
    no_builtin_model: bool,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Print the effective configuration (for the first path) and exit.
    #[arg(long)]
    show_config: bool,
    /// Apply the safe fixes and write the files (standard input: print the fixed text).
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff: apply the suggestions that are not certain too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; change nothing (also with --fix).
    #[arg(long)]
    diff: bool,
    /// Record today's findings in FILE (then exit 0): adopt vnlint on an existing archive.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only the findings FILE (from --write-baseline) does not record.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Print how many findings each rule made, after the output (on standard error with
    /// json, jsonl, sarif, github, checkstyle and rdjson, so the output stays parseable).
    #[arg(long)]
    statistics: bool,
    /// A named folder with no document to check is not an error.
    #[arg(long)]
    allow_empty: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum LegacyArg {
    /// TCVN3 (ABC fonts, .VnTime).
    Tcvn3,
    /// VNI-Windows (VNI-Times).
    Vni,
    /// VIQR (ASCII: Vie^.t Nam).
    Viqr,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_INPUT_ERROR: u8 = 2;

/// The command line, with the help texts that come from the library's constants.
fn command() -> clap::Command {
    let extensions = engine::extension_list();
    Cli::command().mut_subcommand("check", |check| {
        check
            .about(format!(
                "Check files or folders (folders: every file below them ending in {extensions}, \
                 .gitignore respected); `-` reads stdin."
            ))
            .mut_arg("paths", |paths| {
                paths.help(format!(
                    "Files or folders to check (default: the current folder; a folder: its files \
                     ending in {extensions}); `-` for standard input."
                ))
            })
    })
}

/// Has glibc map every large buffer (128 KiB and more: the document's tokens and text, a
/// rule's index, the findings) on its own, so that it grows in place and goes back to the
/// system when freed. Left to itself, glibc raises that threshold to the size of any such
/// buffer freed (the file as read, let go once the document is built), and the buffers
/// below it then pile up in a heap that does not shrink (on the 10 MB benchmark file, 3.3
/// MiB more anonymous memory at the peak, of about 51: docs/architecture.md, Memory).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn map_large_allocations() {
    // glibc's own default; setting it also stops glibc from raising it.
    const THRESHOLD: libc::c_int = 128 * 1024;
    // SAFETY: mallopt only sets a parameter of the allocator, before any other thread runs.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn map_large_allocations() {}

fn main() -> ExitCode {
    map_large_allocations();
    let cli = Cli::from_arg_matches(&command().get_matches()).unwrap_or_else(|e| e.exit());
    let lang = cli.lang;
    match cli.command {
        Command::Check(args) => check(args, lang),
        Command::Rules => {
            print_rules(lang);
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => explain(&rule, lang),
        Command::Init => init(lang),
        Command::Learn {
            paths,
            output,
            min_pair_count,
            builtin,
            word_list,
        } => {
            let recipe = if builtin {
                vnlint::model::builtin_recipe()
            } else {
                vnlint::model::Recipe {
                    min_bigram_count: min_pair_count,
                    ..Default::default()
                }
            };
            learn(
                &paths,
                &output,
                &recipe,
                builtin,
                word_list.as_deref(),
                lang,
            )
        }
        Command::TestRules { files } => test_rules(&files, lang),
        Command::Lsp { .. } => lsp::run(lang),
        Command::Serve(args) => serve::run(args, lang),
        Command::Convert { from, file, output } => convert(from, &file, output.as_deref(), lang),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "vnlint", &mut script);
            emit(&script);
            ExitCode::SUCCESS
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(command()).render(&mut page) {
                Ok(()) => {
                    emit(&page);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("vnlint: {e}");
                    ExitCode::from(EXIT_INPUT_ERROR)
                }
            }
        }
    }
}

fn check(args: CheckArgs, lang: Lang) -> ExitCode {
    if args.no_builtin_model {
        vnlint::model::disable_builtin();
    }
    let options = RunOptions {
        config_file: args.config.clone(),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        model: args.model.clone(),
    };
    let mut paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let wants_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    paths.retain(|p| p.as_os_str() != "-");
    if args.show_config {
        return match engine::effective_config(&options, &paths) {
            Ok(toml) => {
                emit(toml.as_bytes());
                ExitCode::SUCCESS
            }
            Err(e) => {
                say_error(&e.to_message(), lang);
                ExitCode::from(EXIT_INPUT_ERROR)
            }
        };
    }
    let stdin = if wants_stdin {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "-".to_string());
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            let error = InputError::Unreadable {
                path: name,
                reason: e.to_string(),
            };
            say_error(&error.to_message(), lang);
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
        Some(NamedInput { name, bytes })
    } else {
        None
    };
    let request = Request {
        paths,
        stdin,
        // `--fix --diff` shows the diff and writes nothing.
        fix: if args.diff {
            FixMode::Diff {
                include_unsafe: args.unsafe_fixes,
            }
        } else if args.fix {
            FixMode::Write {
                include_unsafe: args.unsafe_fixes,
            }
        } else {
            FixMode::Report
        },
        baseline: match (&args.write_baseline, &args.baseline) {
            (Some(path), _) => BaselineMode::Record(path.clone()),
            (None, Some(path)) => BaselineMode::Apply(path.clone()),
            (None, None) => BaselineMode::None,
        },
        options,
        fail_on: args.fail_on,
        allow_empty: args.allow_empty,
    };
    let progress = ProgressBar {
        wanted: std::io::stderr().is_terminal() && args.format == OutputFormat::Human,
        bar: OnceLock::new(),
    };
    let outcome = engine::run(&request, &progress);

    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let problems: Vec<render::RunProblem> = outcome
        .errors
        .iter()
        .map(|e| render::RunProblem {
            path: e.path().map(str::to_string),
            message: e.to_message(),
        })
        .collect();
    let summary = outcome
        .error_summary()
        .unwrap_or_else(|| Message::new("", ""));
    let mut output = match outcome.shown {
        Shown::Reports => render::render_run(
            args.format,
            &outcome.reports,
            &problems,
            &summary,
            lang,
            color,
        )
        .into_bytes(),
        Shown::Diffs => outcome.diffs.concat().into_bytes(),
        Shown::FixedInput => outcome.fixed_input.clone().unwrap_or_default(),
        Shown::Nothing => Vec::new(),
    };
    // Statistics follow the output, but on standard error when a program reads it.
    let mut statistics = String::new();
    if args.statistics && matches!(outcome.shown, Shown::Reports | Shown::Diffs) {
        statistics = render::statistics(&outcome.reports, lang);
        if !render::is_machine_readable(args.format) || outcome.shown == Shown::Diffs {
            output.extend(std::mem::take(&mut statistics).into_bytes());
        }
    }
    for notice in outcome.notices() {
        eprintln!("vnlint: {}", notice.get(lang));
    }
    emit(&output);
    eprint!("{statistics}");
    for message in outcome.error_messages() {
        say_error(&message, lang);
    }
    ExitCode::from(outcome.exit.code())
}

/// A progress bar on the terminal for many files (50 or more), with human output.
struct ProgressBar {
    wanted: bool,
    bar: OnceLock<indicatif::ProgressBar>,
}

impl Progress for ProgressBar {
    fn start(&self, files: usize) {
        if self.wanted && files >= 50 {
            let _ = self.bar.set(indicatif::ProgressBar::new(files as u64));
        }
    }

    fn advance(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

/// A file that could not be written, in both languages.
fn write_error(path: &Path, e: &std::io::Error) -> Message {
    RunError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
    .to_message()
}

/// Prints an error on standard error: "vnlint: lỗi: ...".
fn say_error(message: &Message, lang: Lang) {
    eprintln!(
        "vnlint: {}: {}",
        notice::error_prefix().get(lang),
        message.get(lang)
    );
}

/// Writes to standard output; a closed pipe (`| head`) ends the output quietly.
fn emit(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(bytes);
    let _ = stdout.flush();
}

fn test_rules(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut failed = false;
    for file in files {
        let shown = file.display().to_string();
        let problems = match std::fs::read_to_string(file) {
            Ok(text) if file.extension().is_some_and(|e| e == "txt") => {
                vnlint::lists::self_test(&shown, &text)
            }
            Ok(text) => vnlint::rules::Table::self_test(&shown, &text),
            Err(e) => vec![format!("{shown}: {e}")],
        };
        if problems.is_empty() {
            emit(format!("{}\n", notice::examples_hold(&shown).get(lang)).as_bytes());
        } else {
            failed = true;
            for p in problems {
                eprintln!("vnlint: {p}");
            }
        }
    }
    if failed {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn convert(from: LegacyArg, file: &Path, output: Option<&Path>, lang: Lang) -> ExitCode {
    use vnlint::text::legacy::Encoding;
    let encoding = match from {
        LegacyArg::Tcvn3 => Encoding::Tcvn3,
        LegacyArg::Vni => Encoding::Vni,
        LegacyArg::Viqr => Encoding::Viqr,
    };
    match engine::convert::convert(file, encoding, output) {
        Ok(converted) => {
            if output.is_none() {
                emit(converted.text.as_bytes());
            }
            match converted.warning {
                Some(warning) => {
                    eprintln!("vnlint: {}: {}", file.display(), warning.get(lang));
                    ExitCode::from(EXIT_FINDINGS)
                }
                None => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            say_error(&e.to_message(), lang);
            ExitCode::from(EXIT_INPUT_ERROR)
        }
    }
}

fn learn(
    paths: &[PathBuf],
    output: &Path,
    recipe: &vnlint::model::Recipe,
    trigrams: bool,
    word_list: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let (mut counts, errors) = engine::learn(paths, trigrams);
    for e in &errors {
        say_error(&e.to_message(), lang);
    }
    if counts.documents == 0 {
        say_error(&notice::no_documents_to_learn(), lang);
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    if let Some(list) = word_list {
        match std::fs::read_to_string(list) {
            Ok(text) => counts.add_word_list(&text),
            Err(e) => {
                say_error(
                    &InputError::Unreadable {
                        path: list.display().to_string(),
                        reason: e.to_string(),
                    }
                    .to_message(),
                    lang,
                );
                return ExitCode::from(EXIT_INPUT_ERROR);
            }
        }
    }
    let bytes = match counts.encode_with(recipe) {
        Ok(b) => b,
        Err(e) => {
            say_error(&Message::new(e.clone(), e), lang);
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    if let Err(e) = std::fs::write(output, &bytes) {
        say_error(&write_error(output, &e), lang);
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    let learned = notice::learned(
        counts.documents,
        counts.text_bytes,
        counts.syllables(),
        output,
        bytes.len(),
    );
    eprintln!("vnlint: {}", learned.get(lang));
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INPUT_ERROR)
    }
}

fn init(lang: Lang) -> ExitCode {
    let path = Path::new("vnlint.toml");
    if path.exists() {
        eprintln!("vnlint: {}", notice::init_exists().get(lang));
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    if let Err(e) = std::fs::write(path, vnlint::config::starter()) {
        say_error(&write_error(path, &e), lang);
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    emit(format!("{}\n", notice::init_written().get(lang)).as_bytes());
    ExitCode::SUCCESS
}

fn print_rules(lang: Lang) {
    let width = REGISTRY
        .iter()
        .map(|r| r.meta().id.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for rule in REGISTRY {
        let meta = rule.meta();
        out.push_str(&format!(
            "{:width$}  {:7}  {}\n",
            meta.id,
            meta.default_severity.as_str(),
            meta.docs(lang).summary
        ));
    }
    emit(out.as_bytes());
}

fn explain(id: &str, lang: Lang) -> ExitCode {
    let Some(rule) = vnlint::rules::find(id) else {
        eprintln!("vnlint: {}", notice::unknown_rule(id).get(lang));
        return ExitCode::from(EXIT_INPUT_ERROR);
    };
    emit(vnlint::render::explain(rule.meta(), lang).as_bytes());
    ExitCode::SUCCESS
}
