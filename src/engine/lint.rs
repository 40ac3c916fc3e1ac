//! Checking one document: bytes in, a [`FileReport`] out. Decoding, reading the document,
//! running the enabled rules, mapping spans back to the file, suppressions and order.

use std::fmt;
use std::path::Path;

use crate::analysis::Fact;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Lang, Message};
use crate::document::{self, Document, Format, ProseRanges, SourceMap};
use crate::report::{FileReport, Locator};
use crate::{rules, suppress};

/// Files larger than this are refused rather than read.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Why a file could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    NotFound {
        path: String,
    },
    Unreadable {
        path: String,
        reason: String,
    },
    NotUtf8 {
        path: String,
        offset: usize,
    },
    /// A Word file that cannot be read (not a zip, damaged XML, too large once unpacked).
    BadDocx {
        path: String,
        reason: String,
    },
    Binary {
        path: String,
        offset: usize,
    },
    TooLarge {
        path: String,
        size: u64,
    },
    /// Text in UTF-16 (told by its byte-order mark): refused rather than read with spans
    /// that would not be the file's bytes, or fixed into UTF-8.
    Utf16 {
        path: String,
    },
}

impl InputError {
    /// The path the error is about.
    pub fn path(&self) -> &str {
        match self {
            InputError::NotFound { path }
            | InputError::Unreadable { path, .. }
            | InputError::NotUtf8 { path, .. }
            | InputError::BadDocx { path, .. }
            | InputError::Binary { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::Utf16 { path } => path,
        }
    }

    /// The message in both languages; it always names the path.
    pub fn to_message(&self) -> Message {
        let (path, vi, en) = match self {
            InputError::NotFound { path } => {
                (path, "không tìm thấy tệp".into(), "no such file".into())
            }
            InputError::Unreadable { path, reason } => (
                path,
                format!("không đọc được tệp: {reason}"),
                format!("cannot read the file: {reason}"),
            ),
            InputError::NotUtf8 { path, offset } => (
                path,
                format!("không phải văn bản UTF-8 (byte lỗi ở vị trí {offset})"),
                format!("not UTF-8 text (invalid byte at offset {offset})"),
            ),
            InputError::BadDocx { path, reason } => (
                path,
                format!("không đọc được tệp Word: {reason}"),
                format!("cannot read the Word file: {reason}"),
            ),
            InputError::Binary { path, offset } => (
                path,
                format!("tệp nhị phân, không phải văn bản (byte NUL ở vị trí {offset})"),
                format!("a binary file, not text (NUL byte at offset {offset})"),
            ),
            InputError::TooLarge { path, size } => (
                path,
                format!("tệp quá lớn ({size} byte, tối đa {MAX_FILE_SIZE})"),
                format!("file too large ({size} bytes, at most {MAX_FILE_SIZE})"),
            ),
            InputError::Utf16 { path } => (
                path,
                "văn bản mã hóa UTF-16, vnlint chỉ đọc UTF-8: lưu lại dạng UTF-8".into(),
                "UTF-16 text, vnlint reads UTF-8 only: save as UTF-8".into(),
            ),
        };
        Message::new(format!("{path}: {vi}"), format!("{path}: {en}"))
    }

    /// The message in the chosen language; it always names the path.
    pub fn message(&self, lang: Lang) -> String {
        self.to_message().get(lang).to_string()
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

/// Runs every enabled rule over a document; spans are offsets into `doc.text`. `file`, when
/// given, selects the configuration's per-file overrides.
pub fn lint_document(doc: &Document, config: &Config, file: Option<&Path>) -> Vec<Diagnostic> {
    let enabled = enabled_rules(config, file);
    // Files are checked in parallel already; a long document also spreads its rules over
    // the cores, up to a size: past it, the rules' own indexes (several times the text for
    // some) would be held at once, so they run one after another. The findings keep the
    // registry's order either way.
    let per_rule: Vec<Vec<Diagnostic>> = if rules_in_parallel(doc.text.len()) {
        use rayon::prelude::*;
        enabled
            .par_iter()
            .map(|rule| check_rule(doc, *rule, config, file))
            .collect()
    } else {
        let mut per_rule: Vec<Vec<Diagnostic>> = enabled.iter().map(|_| Vec::new()).collect();
        for i in run_order(&enabled) {
            per_rule[i] = check_rule(doc, enabled[i], config, file);
        }
        per_rule
    };
    gather(&enabled, per_rule)
}

/// [`lint_document`] on a document the run holds: past the size where the rules run one at
/// a time, a fact the document keeps is also let go once the last rule that reads it has run.
fn lint_held_document(doc: &mut Document, config: &Config, file: Option<&Path>) -> Vec<Diagnostic> {
    if rules_in_parallel(doc.text.len()) {
        return lint_document(doc, config, file);
    }
    let enabled = enabled_rules(config, file);
    let order = run_order(&enabled);
    // For each fact, the step of its last reader (worked out once, not after every rule).
    let last_read: Vec<Option<usize>> = Fact::ALL
        .iter()
        .map(|fact| {
            order
                .iter()
                .rposition(|&j| enabled[j].meta().reads.contains(fact))
        })
        .collect();
    let mut per_rule: Vec<Vec<Diagnostic>> = enabled.iter().map(|_| Vec::new()).collect();
    for (k, &i) in order.iter().enumerate() {
        per_rule[i] = check_rule(doc, enabled[i], config, file);
        // Each fact no rule after this one reads is let go.
        for (fact, last) in Fact::ALL.iter().zip(&last_read) {
            if last.is_none_or(|last| last <= k) {
                fact.release(doc);
            }
        }
    }
    gather(&enabled, per_rule)
}

/// The rules enabled for `file`, in the registry's order.
fn enabled_rules(config: &Config, file: Option<&Path>) -> Vec<&'static dyn rules::Rule> {
    rules::REGISTRY
        .iter()
        .copied()
        .filter(|rule| config.is_enabled_for(rule.meta().id, file))
        .collect()
}

/// The order rules run one at a time, chosen so that what is large is held beside as little
/// as possible: those that index the whole document first, beside the document alone; then
/// the readers of the facts the document keeps, a fact's readers one after another (the fact
/// is let go after the last of them) while few findings are gathered yet; then the others.
/// Within each part, the registry's order.
fn run_order(enabled: &[&dyn rules::Rule]) -> Vec<usize> {
    let first_reader = |fact: &Fact| {
        enabled
            .iter()
            .position(|rule| rule.meta().reads.contains(fact))
    };
    let mut order: Vec<usize> = (0..enabled.len()).collect();
    // Each rule's key worked out once (a folder of short files orders the rules per file).
    order.sort_by_cached_key(|&i| {
        let meta = enabled[i].meta();
        match meta.reads.iter().filter_map(first_reader).min() {
            _ if meta.whole_document_index => (0, i),
            Some(first) => (1, first),
            None => (2, i),
        }
    });
    order
}

/// One rule's findings, with the engine's policies applied: none on the user's vocabulary,
/// none in a legacy-encoded paragraph (unless the rule reads them), the configured severity,
/// related places capped.
fn check_rule(
    doc: &Document,
    rule: &dyn rules::Rule,
    config: &Config,
    file: Option<&Path>,
) -> Vec<Diagnostic> {
    let shared = rules::Shared {
        vocabulary: &config.vocabulary,
        tables: &config.tables,
        model: config.model.as_deref(),
        reference: crate::model::builtin(),
    };
    let meta = rule.meta();
    let options = config.options_for(meta.id, file);
    let ctx = rules::LintContext::new(doc, shared, meta, options.as_ref());
    let mut found = Vec::new();
    rule.check(&ctx, &mut found);
    found.retain(|d| {
        !in_user_vocabulary(doc, &config.vocabulary, d)
            && (meta.reads_legacy_text || !in_legacy_block(doc, d))
    });
    for d in &mut found {
        d.severity = config.severity_for(meta.id, d.severity, file);
        d.cap_related();
    }
    found.shrink_to_fit();
    found
}

/// The findings of every rule (`per_rule`, in `enabled`'s order) in one list, a rule's
/// dropped where it gives way to another.
fn gather(enabled: &[&dyn rules::Rule], mut per_rule: Vec<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    give_way(enabled, &mut per_rule);
    let mut all = Vec::with_capacity(per_rule.iter().map(Vec::len).sum());
    for found in per_rule {
        all.extend(found);
    }
    all
}

/// Whether a finding flags a word (or phrase) of the user's vocabulary: never reported.
fn in_user_vocabulary(
    doc: &Document,
    vocabulary: &std::collections::HashSet<String>,
    d: &Diagnostic,
) -> bool {
    !vocabulary.is_empty()
        && doc
            .text
            .get(d.span.clone())
            .is_some_and(|flagged| vocabulary.contains(&flagged.to_lowercase()))
}

/// Whether a finding lies in a paragraph written in a legacy encoding (TCVN3, VNI, VIQR read
/// as Unicode): `legacy-encoding` reports such a paragraph as a whole.
fn in_legacy_block(doc: &Document, d: &Diagnostic) -> bool {
    let i = doc.blocks.partition_point(|b| b.range.end <= d.span.start);
    doc.blocks
        .get(i)
        .is_some_and(|b| b.range.start <= d.span.start && doc.is_legacy_block(b))
}

/// Drops a finding whose words a rule it gives way to ([`rules::RuleMeta::gives_way_to`])
/// has also flagged: one slip, one report, from the rule that knows it best.
fn give_way(enabled: &[&dyn rules::Rule], per_rule: &mut [Vec<Diagnostic>]) {
    for (i, rule) in enabled.iter().enumerate() {
        let others: Vec<std::ops::Range<usize>> = rule
            .meta()
            .gives_way_to
            .iter()
            .filter_map(|id| enabled.iter().position(|r| r.meta().id == *id))
            .flat_map(|j| per_rule[j].iter().map(|d| d.span.clone()))
            .collect();
        if others.is_empty() {
            continue;
        }
        per_rule[i].retain(|d| {
            !others
                .iter()
                .any(|o| o.start < d.span.end && d.span.start < o.end)
        });
    }
}

/// The size of text (bytes) from which a document's rules run in parallel.
const PARALLEL_RULES_FROM: usize = 64 * 1024;

/// The size of text (bytes) past which a document's rules run one at a time, so that the
/// peak memory is the document and one rule's index, not two.
const PARALLEL_RULES_UP_TO: usize = 2 * 1024 * 1024;

/// Whether the rules of a text of `len` bytes run in parallel.
fn rules_in_parallel(len: usize) -> bool {
    (PARALLEL_RULES_FROM..=PARALLEL_RULES_UP_TO).contains(&len)
}

/// Lints a file's bytes: decodes them, reads the document in `format`, runs the rules and
/// maps every span back to byte offsets into `bytes`.
pub fn lint_bytes(
    path: &str,
    bytes: &[u8],
    format: Format,
    config: &Config,
) -> Result<FileReport, InputError> {
    lint_owned(path, bytes.to_vec(), format, config)
}

/// [`lint_bytes`] on bytes the caller gives away: the text of the report is the same buffer,
/// not a copy (a large file is then held once, not twice).
pub fn lint_owned(
    path: &str,
    bytes: Vec<u8>,
    format: Format,
    config: &Config,
) -> Result<FileReport, InputError> {
    if format == Format::Docx {
        let text = document::docx::extract(&bytes).map_err(|reason| InputError::BadDocx {
            path: path.to_string(),
            reason,
        })?;
        drop(bytes);
        let mut doc = Document::from_docx(&text);
        let (diagnostics, dropped_fixes, prose) = finish(path, &text.text, &mut doc, config);
        return Ok(FileReport {
            path: path.to_string(),
            source: text.text,
            locator: Locator::Paragraphs,
            diagnostics,
            prose,
            dropped_fixes,
        });
    }
    refuse_non_text(path, &bytes)?;
    let source = into_text(path, bytes)?;
    let body_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let (mut doc, held) = Document::parse_detached(source, body_start, format);
    let file = std::fs::canonicalize(path).ok();
    let diagnostics = lint_held_document(&mut doc, config, file.as_deref());
    let comments = std::mem::take(&mut doc.comments);
    // The tokens and facts go before the spans are mapped (the prose ranges are not held
    // beside them) and the source is rebuilt.
    let (source, map) = doc.restore_source_and_map(held);
    let (diagnostics, dropped_fixes, prose) = to_source(&map, diagnostics);
    drop(map);
    let diagnostics = settle(&source, &comments, diagnostics, config, file.as_deref());
    Ok(FileReport {
        path: path.to_string(),
        source,
        locator: Locator::Lines,
        diagnostics,
        prose,
        dropped_fixes,
    })
}

/// A text file's bytes as text: refuses UTF-16 (by its byte-order mark), a binary file (a
/// NUL byte early on) and bytes that are not UTF-8.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    refuse_non_text(path, bytes)?;
    simdutf8::compat::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_string(),
        offset: e.valid_up_to(),
    })
}

/// A file's bytes as its text, without a copy: checked as UTF-8 by `simdutf8` (a few
/// instructions per 32 bytes, where the standard library's check takes about ten per
/// byte); the error names the offset of the first byte that is not UTF-8.
fn into_text(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Err(e) = simdutf8::compat::from_utf8(&bytes) {
        return Err(InputError::NotUtf8 {
            path: path.to_string(),
            offset: e.valid_up_to(),
        });
    }
    // SAFETY: `simdutf8` has just checked that `bytes` are UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Refuses UTF-16 (by its byte-order mark) and a binary file (a NUL byte early on).
fn refuse_non_text(path: &str, bytes: &[u8]) -> Result<(), InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16 {
            path: path.to_string(),
        });
    }
    let check_len = bytes.len().min(8192);
    if let Some(offset) = memchr::memchr(0, &bytes[..check_len]) {
        return Err(InputError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    Ok(())
}

/// Reads a file's bytes as a document in `format`, as the linter would (no rules run).
pub fn read_document(path: &str, bytes: &[u8], format: Format) -> Result<Document, InputError> {
    if format == Format::Docx {
        let text = document::docx::extract(bytes).map_err(|reason| InputError::BadDocx {
            path: path.to_string(),
            reason,
        })?;
        return Ok(Document::from_docx(&text));
    }
    let source = decode(path, bytes)?;
    let body_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    Ok(Document::parse(source, body_start, format))
}

/// Runs the rules over a document read from `source`, maps the spans back to `source`,
/// takes out the fixes that would touch anything but prose, applies suppressions and sorts.
fn finish(
    path: &str,
    source: &str,
    doc: &mut Document,
    config: &Config,
) -> (Vec<Diagnostic>, Vec<crate::fix::DroppedFix>, ProseRanges) {
    let file = std::fs::canonicalize(path).ok();
    let diagnostics = lint_held_document(doc, config, file.as_deref());
    let (diagnostics, dropped, prose) = to_source(&doc.map, diagnostics);
    let diagnostics = settle(source, &doc.comments, diagnostics, config, file.as_deref());
    (diagnostics, dropped, prose)
}

/// Maps the findings' spans back to the source and takes out the fixes that would touch
/// anything but prose; gives the prose ranges too (where a fix may write).
fn to_source(
    map: &SourceMap,
    mut diagnostics: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<crate::fix::DroppedFix>, ProseRanges) {
    let prose = map.prose_ranges();
    let mut dropped = Vec::new();
    for d in &mut diagnostics {
        d.map_spans(|span| map.source_range(span));
        crate::fix::drop_unsafe_spans(d, &prose, &mut dropped);
    }
    (diagnostics, dropped, prose)
}

/// Applies the suppressions among the source's `comments` to findings mapped to the source,
/// and sorts them.
fn settle(
    source: &str,
    comments: &[std::ops::Range<usize>],
    mut diagnostics: Vec<Diagnostic>,
    config: &Config,
    file: Option<&Path>,
) -> Vec<Diagnostic> {
    let directives = suppress::parse(source, comments);
    let report_unused = config.is_enabled_for(suppress::UNUSED, file);
    suppress::apply(
        source,
        &directives,
        &mut diagnostics,
        report_unused,
        |rule| config.is_enabled_for(rule, file),
    );
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.rule == suppress::UNUSED)
    {
        d.severity = config.severity_for(suppress::UNUSED, d.severity, file);
    }
    sort(&mut diagnostics);
    diagnostics
}

/// Lints a file on disk, its format told by its extension.
pub fn lint_file(path: &Path, config: &Config) -> Result<FileReport, InputError> {
    let shown = path.display().to_string();
    let bytes = read_file(path)?;
    lint_owned(&shown, bytes, Format::from_path(path), config)
}

/// Reads a file's bytes, refusing one larger than [`MAX_FILE_SIZE`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, InputError> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| io_error(&shown, &e))?;
    if metadata.len() > MAX_FILE_SIZE {
        return Err(InputError::TooLarge {
            path: shown,
            size: metadata.len(),
        });
    }
    std::fs::read(path).map_err(|e| io_error(&shown, &e))
}

/// Lints a plain text held in memory; spans are byte offsets into `text`.
pub fn lint_text(text: &str, config: &Config) -> Vec<Diagnostic> {
    lint_bytes("<text>", text.as_bytes(), Format::Plain, config)
        .map(|r| r.diagnostics)
        .unwrap_or_default()
}

pub(crate) fn io_error(path: &str, e: &std::io::Error) -> InputError {
    match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound {
            path: path.to_string(),
        },
        _ => InputError::Unreadable {
            path: path.to_string(),
            reason: e.to_string(),
        },
    }
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
}

#[cfg(test)]
mod tests {
    use super::{InputError, into_text};
    use crate::analysis::Fact;
    use crate::document::{Document, TEST_MAX_WORDS};

    /// The offset of the first byte that is not UTF-8, wherever it falls in the checker's
    /// blocks of bytes, and a cut character at the very end.
    #[test]
    fn a_file_not_utf8_is_refused_with_the_offset_of_its_first_bad_byte() {
        let prose = "Phường tổ chức hội nghị tổng kết năm. ".repeat(40);
        for at in [0, 1, 63, 64, 65, 700, prose.len()] {
            let mut bytes = prose.as_bytes().to_vec();
            let at = (0..=at).rev().find(|&i| prose.is_char_boundary(i)).unwrap();
            bytes.insert(at, 0xFF);
            match into_text("t.txt", bytes) {
                Err(InputError::NotUtf8 { offset, .. }) => assert_eq!(offset, at),
                _ => panic!("accepted a 0xFF byte at {at}"),
            }
        }
        let mut cut = prose.as_bytes().to_vec();
        cut.extend_from_slice(&"ờ".as_bytes()[..2]);
        assert!(matches!(
            into_text("t.txt", cut),
            Err(InputError::NotUtf8 { offset, .. }) if offset == prose.len()
        ));
        assert_eq!(
            into_text("t.txt", prose.clone().into_bytes()).unwrap(),
            prose
        );
    }

    /// Rules run one at a time: those that index the whole document first, then the readers
    /// of the kept facts, each fact's one after another (the fact is let go after the last of
    /// them), then the others; every rule once.
    #[test]
    fn one_at_a_time_indexing_rules_first_and_a_facts_readers_together() {
        let enabled: Vec<&dyn crate::rules::Rule> = crate::rules::REGISTRY.to_vec();
        let order = super::run_order(&enabled);
        let mut each_once = order.clone();
        each_once.sort_unstable();
        assert_eq!(each_once, (0..enabled.len()).collect::<Vec<_>>());
        let indexing = |i: usize| enabled[i].meta().whole_document_index;
        let first_others = order.iter().position(|&i| !indexing(i)).unwrap();
        assert!(first_others > 0, "no rule indexes the whole document");
        assert!(order[first_others..].iter().all(|&i| !indexing(i)));
        // The readers of kept facts next, before the rules that read none.
        let reads = |i: usize| !enabled[i].meta().reads.is_empty();
        let first_plain = first_others
            + order[first_others..]
                .iter()
                .position(|&i| !reads(i))
                .unwrap();
        assert!(first_plain > first_others, "no rule reads a kept fact");
        assert!(order[first_plain..].iter().all(|&i| !reads(i)));
        for fact in Fact::ALL {
            let places: Vec<usize> = (0..order.len())
                .filter(|&k| enabled[order[k]].meta().reads.contains(&fact))
                .collect();
            assert!(places.len() >= 2, "{fact:?}: {places:?}");
            assert_eq!(
                places[places.len() - 1] - places[0] + 1,
                places.len(),
                "{fact:?}: its readers run apart: {places:?}"
            );
        }
    }

    #[test]
    fn a_long_document_runs_its_rules_one_at_a_time() {
        assert!(!super::rules_in_parallel(10_000));
        assert!(super::rules_in_parallel(1_000_000));
        assert!(!super::rules_in_parallel(10_000_000));
    }

    #[test]
    fn words_past_the_most_entries_have_none_and_no_rule_falls_over() {
        // A document with more distinct forms than its tokens can point to (4M in a real
        // one; 20 here): the words after the 20th distinct form have no entry.
        TEST_MAX_WORDS.set(Some(20));
        let text =
            "Ngày 2/7, UBND phường Dịch Vọng tổ chức Hội nghị lần thứ 9. Phường đạt 12 chỉ tiêu, \
            vượt 3 chỉ tiêu so với năm 2023; A ninh được giữ vững, an sinh xã hội bảo đảm. \
            Giải phòng mặt bằng đạt hơn 64%, trong đó 5 dự án hoàn thành  và 2 dự án chậm.\n"
                .repeat(3);
        let doc = Document::from_text(&text);
        assert_eq!(doc.lexicon.len(), 20);
        let without = doc
            .tokens
            .iter()
            .filter(|t| t.is_word() && doc.lexicon.get(t).is_none())
            .count();
        assert!(without > 0);
        // Every rule runs over such a document.
        let found = super::lint_text(&text, &crate::Config::default());
        TEST_MAX_WORDS.set(None);
        assert!(found.iter().all(|d| d.span.end <= text.len()));
    }
}
