//! The command line: parse arguments, call the library, print, exit.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use vnlint::render::{self, OutputFormat};
use vnlint::rules::REGISTRY;
use vnlint::{Config, FileReport, Format, InputError, Lang, Severity};

#[derive(Parser)]
#[command(
    name = "vnlint",
    version,
    about = "Trình kiểm tra văn bản tiếng Việt / A linter for Vietnamese documents"
)]
struct Cli {
    /// Language of messages: vi (default) or en.
    #[arg(long, value_enum, global = true, default_value = "vi")]
    lang: LangArg,
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
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check (default: the current folder); `-` for standard input.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorArg,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value = "warning")]
    fail_on: SeverityArg,
    /// The name to show for standard input (its extension picks the format).
    #[arg(long)]
    stdin_filename: Option<String>,
    /// A vnlint.toml to read rule levels from.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Print how many findings each rule made, after the output.
    #[arg(long)]
    statistics: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Annotated source, for people.
    Human,
    /// One JSON array (schema in the README).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// Checkstyle XML (Jenkins, GitLab).
    Checkstyle,
    /// reviewdog Diagnostic JSON.
    Rdjson,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
}

impl From<FormatArg> for OutputFormat {
    fn from(f: FormatArg) -> OutputFormat {
        match f {
            FormatArg::Human => OutputFormat::Human,
            FormatArg::Json => OutputFormat::Json,
            FormatArg::Jsonl => OutputFormat::Jsonl,
            FormatArg::Sarif => OutputFormat::Sarif,
            FormatArg::Github => OutputFormat::Github,
            FormatArg::Checkstyle => OutputFormat::Checkstyle,
            FormatArg::Rdjson => OutputFormat::Rdjson,
            FormatArg::Concise => OutputFormat::Concise,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeverityArg {
    Error,
    Warning,
    Info,
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_INPUT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    };
    match cli.command {
        Command::Check(args) => check(args, lang),
        Command::Rules => {
            print_rules(lang);
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => explain(&rule, lang),
    }
}

fn check(args: CheckArgs, lang: Lang) -> ExitCode {
    let config = match &args.config {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| Config::from_toml(&text).map_err(|e| e.to_string()))
        {
            Ok(config) => config,
            Err(e) => {
                eprintln!("vnlint: {}: {e}", path.display());
                return ExitCode::from(EXIT_INPUT_ERROR);
            }
        },
        None => Config::default(),
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    let mut files = 0;
    for path in &paths {
        if path.as_os_str() == "-" {
            files += 1;
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "-".to_string());
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => match vnlint::lint_bytes(
                    &name,
                    &bytes,
                    Format::from_path(Path::new(&name)),
                    &config,
                ) {
                    Ok(report) => reports.push(report),
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(InputError::Unreadable {
                    path: name,
                    reason: e.to_string(),
                }),
            }
            continue;
        }
        match collect_files(path) {
            Ok(found) => {
                for file in found {
                    files += 1;
                    match vnlint::lint_file(&file, &config) {
                        Ok(report) => reports.push(report),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    reports.sort_by(|a, b| a.path.cmp(&b.path));

    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut output = render::render(args.format.into(), &reports, files, lang, color);
    if args.statistics {
        output.push_str(&render::statistics(&reports, lang));
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = stdout.write_all(output.as_bytes());
    let _ = stdout.flush();
    for e in &errors {
        let prefix = match lang {
            Lang::Vi => "lỗi",
            Lang::En => "error",
        };
        eprintln!("vnlint: {prefix}: {}", e.message(lang));
    }

    let fail_on = match args.fail_on {
        SeverityArg::Error => Severity::Error,
        SeverityArg::Warning => Severity::Warning,
        SeverityArg::Info => Severity::Info,
    };
    if !errors.is_empty() {
        ExitCode::from(EXIT_INPUT_ERROR)
    } else if failing(&reports, fail_on) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn failing(reports: &[FileReport], fail_on: Severity) -> bool {
    reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= fail_on)
}

/// A file as named, or the `.txt` and `.md` files below a folder, in a stable order.
fn collect_files(path: &Path) -> Result<Vec<PathBuf>, InputError> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound {
            path: shown.clone(),
        },
        _ => InputError::Unreadable {
            path: shown.clone(),
            reason: e.to_string(),
        },
    })?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in ignore::WalkBuilder::new(path).build() {
        let entry = entry.map_err(|e| InputError::Unreadable {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        let p = entry.path();
        let wanted = p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown"));
        if wanted && entry.file_type().is_some_and(|t| t.is_file()) {
            files.push(p.to_path_buf());
        }
    }
    files.sort();
    Ok(files)
}

fn print_rules(lang: Lang) {
    let width = REGISTRY
        .iter()
        .map(|r| r.meta().id.len())
        .max()
        .unwrap_or(0);
    for rule in REGISTRY {
        let meta = rule.meta();
        println!(
            "{:width$}  {:7}  {}",
            meta.id,
            meta.default_severity.as_str(),
            meta.docs(lang).summary
        );
    }
}

fn explain(id: &str, lang: Lang) -> ExitCode {
    let Some(rule) = vnlint::rules::find(id) else {
        match lang {
            Lang::Vi => eprintln!("vnlint: không có quy tắc `{id}` (xem `vnlint rules`)"),
            Lang::En => eprintln!("vnlint: no rule `{id}` (see `vnlint rules`)"),
        }
        return ExitCode::from(EXIT_INPUT_ERROR);
    };
    print!("{}", vnlint::render::explain(rule.meta(), lang));
    ExitCode::SUCCESS
}
