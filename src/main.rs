//! The command line: parse arguments, call the library, print, exit.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use vnlint::render::{self, OutputFormat};
use vnlint::rules::REGISTRY;
use vnlint::workspace::{self, ConfigResolver, FixMode, RunError, RunOptions};
use vnlint::{FileReport, Format, InputError, Lang, Severity};

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
    /// Check files or folders (folders: every .txt and .md file below them); `-` reads stdin.
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
    /// Check rule tables (the format of rules/*.toml): order, duplicates, NFC, and every
    /// example (bad must fire and fix to good; good and ok must stay silent).
    TestRules {
        /// The table files.
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
    /// Print a unified diff of what --fix would change; change nothing.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Record today's findings in FILE (then exit 0): adopt vnlint on an existing archive.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only the findings FILE (from --write-baseline) does not record.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Print how many findings each rule made, after the output.
    #[arg(long)]
    statistics: bool,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        Command::Convert { from, file, output } => convert(from, &file, output.as_deref()),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "vnlint", &mut script);
            emit(&script);
            ExitCode::SUCCESS
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
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
    let resolver = match ConfigResolver::new(options) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("vnlint: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    if args.show_config {
        let first = paths.iter().find(|p| p.as_os_str() != "-");
        return match resolver.config_for(first.map(|p| p.as_path())) {
            Ok(config) => {
                emit(config.to_toml().as_bytes());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("vnlint: {e}");
                ExitCode::from(EXIT_INPUT_ERROR)
            }
        };
    }

    let (file_paths, mut errors) = workspace::collect_files(
        &paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect::<Vec<_>>(),
        &resolver,
    );
    let mode = if args.diff {
        FixMode::Diff {
            include_unsafe: args.unsafe_fixes,
        }
    } else if args.fix {
        FixMode::Write {
            include_unsafe: args.unsafe_fixes,
        }
    } else {
        FixMode::Report
    };
    // A progress bar only for many files on a terminal, and only for human output.
    let progress = (file_paths.len() >= 50
        && std::io::stderr().is_terminal()
        && args.format == OutputFormat::Human)
        .then(|| indicatif::ProgressBar::new(file_paths.len() as u64));
    let mut run = workspace::check_files(&file_paths, &resolver, mode, progress.as_ref());
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    errors.append(&mut run.errors);
    if paths.iter().any(|p| p.as_os_str() == "-") {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "-".to_string());
        match read_stdin(&name, &resolver, mode) {
            Ok((report, fixed)) => {
                run.reports.push(report);
                if let Some(text) = fixed {
                    // `--fix` on standard input: the fixed text is the output.
                    emit(text.as_bytes());
                    return if errors.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(EXIT_INPUT_ERROR)
                    };
                }
            }
            Err(e) => errors.push(e),
        }
        run.reports.sort_by(|a, b| a.path.cmp(&b.path));
    }

    if let Some(path) = &args.write_baseline {
        let baseline = vnlint::baseline::Baseline::from_reports(&run.reports);
        if let Err(e) = std::fs::write(path, baseline.to_json()) {
            eprintln!("vnlint: {}: {e}", path.display());
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
        match lang {
            Lang::Vi => eprintln!(
                "vnlint: đã ghi {} phát hiện vào {}",
                baseline.findings.len(),
                path.display()
            ),
            Lang::En => eprintln!(
                "vnlint: recorded {} findings in {}",
                baseline.findings.len(),
                path.display()
            ),
        }
        return if errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(EXIT_INPUT_ERROR)
        };
    }
    if let Some(path) = &args.baseline {
        let baseline = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| vnlint::baseline::Baseline::from_json(&t));
        match baseline {
            Ok(b) => b.filter(&mut run.reports),
            Err(e) => {
                eprintln!("vnlint: {}: {e}", path.display());
                return ExitCode::from(EXIT_INPUT_ERROR);
            }
        }
    }

    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let checked = run.reports.len();
    let mut output = if args.diff {
        run.diffs.concat()
    } else {
        render::render(args.format, &run.reports, checked, lang, color)
    };
    if run.files_fixed > 0 {
        match lang {
            Lang::Vi => eprintln!(
                "vnlint: đã sửa {} chỗ trong {} tệp",
                run.fixes_applied, run.files_fixed
            ),
            Lang::En => eprintln!(
                "vnlint: fixed {} places in {} files",
                run.fixes_applied, run.files_fixed
            ),
        }
    }
    if args.statistics {
        output.push_str(&render::statistics(&run.reports, lang));
    }
    emit(output.as_bytes());
    let prefix = match lang {
        Lang::Vi => "lỗi",
        Lang::En => "error",
    };
    let mut said = std::collections::HashSet::new();
    for e in &errors {
        let message = e.message(lang);
        if said.insert(message.clone()) {
            eprintln!("vnlint: {prefix}: {message}");
        }
    }

    let fail_on = args.fail_on;
    if !errors.is_empty() {
        ExitCode::from(EXIT_INPUT_ERROR)
    } else if args.diff {
        if run.diffs.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(EXIT_FINDINGS)
        }
    } else if failing(&run.reports, fail_on) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Lints standard input; with `--fix`, also returns the fixed text.
fn read_stdin(
    name: &str,
    resolver: &ConfigResolver,
    mode: FixMode,
) -> Result<(FileReport, Option<String>), RunError> {
    let config = resolver.config_for(None).map_err(RunError::Config)?;
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
        RunError::Input(InputError::Unreadable {
            path: name.to_string(),
            reason: e.to_string(),
        })
    })?;
    let format = Format::from_path(Path::new(name));
    match mode {
        FixMode::Write { include_unsafe } => {
            let fixed = vnlint::fix::fix_text(name, &bytes, format, &config, include_unsafe)
                .map_err(RunError::Input)?;
            Ok((fixed.report, Some(fixed.text)))
        }
        _ => vnlint::lint_bytes(name, &bytes, format, &config)
            .map(|r| (r, None))
            .map_err(RunError::Input),
    }
}

/// Writes to standard output; a closed pipe (`| head`) ends the output quietly.
fn emit(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(bytes);
    let _ = stdout.flush();
}

fn failing(reports: &[FileReport], fail_on: Severity) -> bool {
    reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= fail_on)
}

fn test_rules(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut failed = false;
    for file in files {
        let shown = file.display().to_string();
        let problems = match std::fs::read_to_string(file) {
            Ok(text) => vnlint::rules::Table::self_test(&shown, &text),
            Err(e) => vec![format!("{shown}: {e}")],
        };
        if problems.is_empty() {
            let message = match lang {
                Lang::Vi => format!("{shown}: mọi ví dụ đều đúng\n"),
                Lang::En => format!("{shown}: every example holds\n"),
            };
            emit(message.as_bytes());
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

fn convert(from: LegacyArg, file: &Path, output: Option<&Path>) -> ExitCode {
    use vnlint::text::legacy::{Encoding, convert_bytes};
    let encoding = match from {
        LegacyArg::Tcvn3 => Encoding::Tcvn3,
        LegacyArg::Vni => Encoding::Vni,
        LegacyArg::Viqr => Encoding::Viqr,
    };
    let bytes = match vnlint::read_file(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("vnlint: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    let text = convert_bytes(&bytes, encoding);
    let Some(out) = output else {
        emit(text.as_bytes());
        return ExitCode::SUCCESS;
    };
    // A new file is created first, so that it is then replaced atomically like any other.
    let written = (if out.exists() {
        Ok(())
    } else {
        std::fs::write(out, b"")
    })
    .and_then(|()| vnlint::fix::write_atomically(out, text.as_bytes()));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnlint: {}: {e}", out.display());
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
    let (mut counts, errors) = vnlint::model::learn(paths, trigrams);
    let prefix = match lang {
        Lang::Vi => "lỗi",
        Lang::En => "error",
    };
    for e in &errors {
        eprintln!("vnlint: {prefix}: {}", e.message(lang));
    }
    if counts.documents == 0 {
        match lang {
            Lang::Vi => eprintln!("vnlint: {prefix}: không tìm thấy tài liệu nào để học"),
            Lang::En => eprintln!("vnlint: {prefix}: no documents found to learn from"),
        }
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    if let Some(list) = word_list {
        match std::fs::read_to_string(list) {
            Ok(text) => counts.add_word_list(&text),
            Err(e) => {
                eprintln!("vnlint: {prefix}: {}: {e}", list.display());
                return ExitCode::from(EXIT_INPUT_ERROR);
            }
        }
    }
    let bytes = match counts.encode_with(recipe) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("vnlint: {prefix}: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    if let Err(e) = std::fs::write(output, &bytes) {
        eprintln!("vnlint: {prefix}: {}: {e}", output.display());
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    let mb = counts.text_bytes as f64 / 1e6;
    let size = bytes.len() as f64 / 1e6;
    match lang {
        Lang::Vi => eprintln!(
            "vnlint: đã học {} tài liệu ({mb:.1} MB văn bản, {} âm tiết khác nhau) vào {} ({size:.2} MB)",
            counts.documents,
            counts.syllables(),
            output.display()
        ),
        Lang::En => eprintln!(
            "vnlint: learned {} documents ({mb:.1} MB of text, {} distinct syllables) into {} ({size:.2} MB)",
            counts.documents,
            counts.syllables(),
            output.display()
        ),
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INPUT_ERROR)
    }
}

fn init(lang: Lang) -> ExitCode {
    let path = Path::new("vnlint.toml");
    if path.exists() {
        match lang {
            Lang::Vi => eprintln!("vnlint: vnlint.toml đã có, không ghi đè"),
            Lang::En => eprintln!("vnlint: vnlint.toml already exists; not overwritten"),
        }
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    if let Err(e) = std::fs::write(path, vnlint::config::starter()) {
        eprintln!("vnlint: vnlint.toml: {e}");
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    match lang {
        Lang::Vi => emit("Đã tạo vnlint.toml\n".as_bytes()),
        Lang::En => emit(b"Wrote vnlint.toml\n"),
    }
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
        match lang {
            Lang::Vi => eprintln!("vnlint: không có quy tắc `{id}` (xem `vnlint rules`)"),
            Lang::En => eprintln!("vnlint: no rule `{id}` (see `vnlint rules`)"),
        }
        return ExitCode::from(EXIT_INPUT_ERROR);
    };
    emit(vnlint::render::explain(rule.meta(), lang).as_bytes());
    ExitCode::SUCCESS
}
