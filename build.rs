//! Reads every data rule table in `rules/*.toml` at build time, so that the binary starts
//! without parsing TOML: the entries become static data (`BUILTIN_ENTRIES`), and the files'
//! text is kept for the tables' self-test (`BUILTIN_TABLES`, tests only). The word lists of
//! `rules/lists/*.txt` become static slices the same way (`word_lists.rs`, see `src/lists.rs`).

use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
struct Why {
    vi: String,
    en: String,
}

/// The fields a check needs; the examples (`bad`, `good`, `ok`) are the self-test's.
#[derive(Deserialize)]
struct Entry {
    wrong: String,
    right: String,
    severity: String,
    why: Why,
    #[serde(default)]
    safe: bool,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
}

#[derive(Deserialize)]
struct TableFile {
    entry: Vec<Entry>,
}

fn main() {
    // The crate's folder when the script runs, not when it was compiled (`env!`): a
    // `target/` copied to another checkout would read the first checkout's lists.
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest_dir).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the rules/ folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut tables = String::from(
        "/// The built-in rule tables: (file name, contents).\n#[cfg(test)]\npub static BUILTIN_TABLES: &[(&str, &str)] = &[\n",
    );
    let mut entries = String::from(
        "/// Every entry of the built-in tables, file by file.\nstatic BUILTIN_ENTRIES: &[BuiltinEntry] = &[\n",
    );
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            tables,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let file: TableFile = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("rules/{name} is not a valid table: {e}"));
        for e in file.entry {
            let severity = match e.severity.as_str() {
                "error" => "Error",
                "warning" => "Warning",
                "info" => "Info",
                other => panic!("rules/{name}: `{}` has severity {other:?}", e.wrong),
            };
            writeln!(
                entries,
                "    BuiltinEntry {{ wrong: {:?}, right: {:?}, severity: Severity::{severity}, why_vi: {:?}, why_en: {:?}, safe: {}, before: &{:?}, not_before: &{:?}, after: &{:?}, not_after: &{:?} }},",
                e.wrong, e.right, e.why.vi, e.why.en, e.safe, e.before, e.not_before, e.after, e.not_after
            )
            .unwrap();
        }
    }
    tables.push_str("];\n");
    entries.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(
        Path::new(&out_dir).join("builtin_tables.rs"),
        tables + &entries,
    )
    .unwrap();
    std::fs::write(
        Path::new(&out_dir).join("word_lists.rs"),
        word_lists(&dir.join("lists")),
    )
    .unwrap();
}

/// One `pub static NAME: WordList` per `rules/lists/<name>.txt` (entries in file order; the
/// self-test checks that order), `ALL` listing them, and the files' text for the self-test.
fn word_lists(dir: &Path) -> String {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the rules/lists/ folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut out = String::new();
    let mut all =
        String::from("/// Every built-in word list.\npub static ALL: &[&WordList] = &[\n");
    let mut files = String::from(
        "/// The built-in list files: (file name, contents).\n#[cfg(test)]\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap();
        let ident = name
            .trim_end_matches(".txt")
            .replace('-', "_")
            .to_uppercase();
        let entries: Vec<(&str, &str)> = text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_once('\t').unwrap_or((l, "")))
            .collect();
        // Lookups are binary searches: an entry out of byte order would be silently missed,
        // so it stops the build here rather than waiting for the self-test.
        if let Some(pair) = entries.windows(2).find(|pair| pair[0].0 >= pair[1].0) {
            panic!(
                "rules/lists/{name}: {:?} must come after {:?} (entries in byte order, no duplicates)",
                pair[0].0, pair[1].0
            );
        }
        writeln!(
            out,
            "/// `rules/lists/{name}`.\npub static {ident}: WordList = WordList {{ file: {name:?}, entries: &{entries:?} }};"
        )
        .unwrap();
        writeln!(all, "    &{ident},").unwrap();
        writeln!(
            files,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    all.push_str("];\n");
    files.push_str("];\n");
    out + &all + &files
}
