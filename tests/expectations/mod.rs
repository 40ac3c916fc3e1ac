//! The grammar of `fixtures/<rule>/EXPECTED.md` (documented in `fixtures/README.md`) and the
//! comparison of a fixture's findings with the findings its line states.
//!
//! An entry is one line: ``- `FILE`: FINDINGS`` or ``- `FILE`: none``, then optionally
//! ` — ` and a free-text reason. FINDINGS are separated by `; `, each
//! ``[known false alarm: ]`RULE` QUOTED[ in QUOTED][ ×N]``, QUOTED being `“text”` or
//! `NFD“text”` (the canonical decomposition of the text). Inside the quotes `\u{HEX}`, `\\`
//! and `\”` are escapes; invisible characters and two spaces in a row must be escaped.

use std::collections::BTreeMap;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One stated finding: `count` findings of `rule` on exactly `text`, each inside an
/// occurrence of `context` when one is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub text: String,
    pub context: Option<String>,
    pub count: usize,
    /// A wrong finding the rule still makes: expected so that the test stays green, shown
    /// on every run so that it is not forgotten.
    pub known_false_alarm: bool,
}

/// One entry of an `EXPECTED.md`: a fixture file and everything it must produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub findings: Vec<Finding>,
}

const REASON: &str = " — ";
const KNOWN_FALSE_ALARM: &str = "known false alarm: ";

/// The entries of an `EXPECTED.md`, or every malformed line as `line N: why`.
pub fn parse(markdown: &str) -> Result<Vec<Entry>, Vec<String>> {
    let (entries, errors) = parse_lines(markdown);
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

/// The well-formed entries of an `EXPECTED.md`, and every malformed line as `line N: why`.
pub fn parse_lines(markdown: &str) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        let number = index + 1;
        if line.starts_with(char::is_whitespace) && !line.trim().is_empty() {
            errors.push(format!(
                "line {number}: an entry takes one line; indented continuations are not read"
            ));
        } else if let Some(rest) = line.strip_prefix("- ") {
            match parse_entry(rest) {
                Ok(entry) => entries.push(entry),
                Err(why) => errors.push(format!("line {number}: {why}")),
            }
        }
    }
    (entries, errors)
}

fn parse_entry(line: &str) -> Result<Entry, String> {
    let rest = line
        .strip_prefix('`')
        .ok_or("an entry starts with the file name in backticks")?;
    let (file, rest) = rest
        .split_once("`: ")
        .ok_or("the file name is followed by \"`: \"")?;
    if !(file.starts_with("fail-") || file.starts_with("silent-")) {
        return Err(format!(
            "`{file}`: fixture names start with fail- or silent-"
        ));
    }
    let mut cursor = Cursor { rest };
    let mut findings = Vec::new();
    if !cursor.eat("none") {
        loop {
            findings.push(cursor.finding()?);
            if !cursor.eat("; ") {
                break;
            }
        }
    }
    if !cursor.rest.is_empty() {
        let reason = cursor.rest.strip_prefix(REASON).ok_or_else(|| {
            format!(
                "expected \"; \" and a finding, or \"{REASON}\" and a reason, at {:?}",
                cursor.rest
            )
        })?;
        if reason.trim().is_empty() {
            return Err("an empty reason".into());
        }
    }
    Ok(Entry {
        file: file.to_string(),
        findings,
    })
}

struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    fn eat(&mut self, token: &str) -> bool {
        match self.rest.strip_prefix(token) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn finding(&mut self) -> Result<Finding, String> {
        let known_false_alarm = self.eat(KNOWN_FALSE_ALARM);
        if !self.eat("`") {
            return Err(format!(
                "a finding starts with its rule in backticks, at {:?}",
                self.rest
            ));
        }
        let (rule, rest) = self
            .rest
            .split_once("` ")
            .ok_or("the rule is followed by \"` \" and the flagged text")?;
        if vnlint::rules::find(rule).is_none() {
            return Err(format!("`{rule}`: no such rule"));
        }
        self.rest = rest;
        let text = self.quoted()?;
        if text.is_empty() {
            return Err(format!("`{rule}`: an empty flagged text"));
        }
        let context = if self.eat(" in ") {
            let context = self.quoted()?;
            if !context.contains(&text) {
                return Err(format!("{context:?} does not contain {text:?}"));
            }
            Some(context)
        } else {
            None
        };
        let count = if self.eat(" ×") {
            let digits = self.rest.len()
                - self
                    .rest
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len();
            let count: usize = self.rest[..digits]
                .parse()
                .map_err(|_| "\"×\" is followed by a count")?;
            if count < 2 {
                return Err("a count is 2 or more (write one finding without \"×\")".into());
            }
            self.rest = &self.rest[digits..];
            count
        } else {
            1
        };
        Ok(Finding {
            rule: rule.to_string(),
            text,
            context,
            count,
            known_false_alarm,
        })
    }

    /// `“text”` or `NFD“text”`, with escapes.
    fn quoted(&mut self) -> Result<String, String> {
        let nfd = self.eat("NFD");
        if !self.eat("“") {
            return Err(format!("expected a text in “”, at {:?}", self.rest));
        }
        let mut out = String::new();
        let mut chars = self.rest.char_indices();
        loop {
            let (at, c) = chars.next().ok_or("a text in “” is not closed")?;
            match c {
                '”' => {
                    self.rest = &self.rest[at + c.len_utf8()..];
                    break;
                }
                '\\' => match chars.next() {
                    Some((_, e @ ('\\' | '”'))) => out.push(e),
                    Some((start, 'u')) => {
                        let tail = &self.rest[start + 1..];
                        let end = tail
                            .strip_prefix('{')
                            .and_then(|t| t.find('}'))
                            .ok_or("\\u is written \\u{HEX}")?;
                        let escaped = u32::from_str_radix(&tail[1..end + 1], 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| {
                                format!("\\u{{{}}}: no such character", &tail[1..end + 1])
                            })?;
                        out.push(escaped);
                        for _ in 0..end + 2 {
                            chars.next();
                        }
                    }
                    _ => return Err("the escapes are \\u{HEX}, \\\\ and \\”".into()),
                },
                c if must_escape(c) => {
                    return Err(format!(
                        "{:?} is invisible or decomposed: write it \\u{{{:x}}}",
                        c, c as u32
                    ));
                }
                ' ' if self.rest[..at].ends_with(' ') => {
                    return Err("two spaces in a row: write the second \\u{20}".into());
                }
                c => out.push(c),
            }
        }
        Ok(if nfd { out.nfd().collect() } else { out })
    }
}

/// Characters a reader of `EXPECTED.md` would not see, or that an editor may change.
fn must_escape(c: char) -> bool {
    c.is_control()
        || is_combining_mark(c)
        || matches!(
            c,
            '\u{a0}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202f}'
                | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

/// A text as the grammar writes it: `NFD“…”` for a decomposed text, escapes for the rest.
pub fn quote(text: &str) -> String {
    let composed: String = text.nfc().collect();
    if composed != text && composed.nfd().collect::<String>() == text {
        return format!("NFD{}", quote(&composed));
    }
    let mut out = String::from("“");
    for c in text.chars() {
        match c {
            '\\' | '”' => {
                out.push('\\');
                out.push(c);
            }
            ' ' if out.ends_with(' ') => out.push_str("\\u{20}"),
            c if must_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('”');
    out
}

/// What a fixture produced: a rule and the byte range it flagged.
pub struct Actual<'a> {
    pub rule: &'a str,
    pub span: Range<usize>,
}

/// The differences between the stated findings and the actual ones on `source`, as
/// sentences; empty when they agree exactly (as multisets of rule and flagged text, each
/// stated context holding its finding).
pub fn compare(source: &str, stated: &[Finding], actual: &[Actual]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut unmatched: Vec<&Actual> = actual.iter().collect();
    // Findings with a context first, so that one without takes what is left.
    let mut wanted: Vec<&Finding> = stated.iter().collect();
    wanted.sort_by_key(|f| f.context.is_none());
    for finding in wanted {
        if let Some(context) = &finding.context
            && !source.contains(context.as_str())
        {
            problems.push(format!("the context {} is not in the file", quote(context)));
            continue;
        }
        for _ in 0..finding.count {
            let fits = |a: &&Actual| {
                a.rule == finding.rule
                    && source[a.span.clone()] == finding.text
                    && finding
                        .context
                        .as_deref()
                        .is_none_or(|c| inside_context(source, a.span.clone(), c))
            };
            match unmatched.iter().position(fits) {
                Some(i) => {
                    unmatched.remove(i);
                }
                None => problems.push(format!("missing: {}", describe(finding))),
            }
        }
    }
    for a in unmatched {
        let (line, column) = line_column(source, a.span.start);
        problems.push(format!(
            "unexpected: `{}` {} at {line}:{column}",
            a.rule,
            quote(&source[a.span.clone()])
        ));
    }
    problems
}

fn inside_context(source: &str, span: Range<usize>, context: &str) -> bool {
    source
        .match_indices(context)
        .any(|(at, _)| at <= span.start && span.end <= at + context.len())
}

fn describe(f: &Finding) -> String {
    let mut out = format!("`{}` {}", f.rule, quote(&f.text));
    if let Some(context) = &f.context {
        out.push_str(&format!(" in {}", quote(context)));
    }
    out
}

/// Line and column (characters, from 1) of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The findings as an entry's grammar writes them (counted by rule and text), for the
/// message of a failing test.
pub fn summary(source: &str, actual: &[Actual]) -> String {
    let mut counts: BTreeMap<(usize, &str, &str), usize> = BTreeMap::new();
    let mut first: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for a in actual {
        let text = &source[a.span.clone()];
        let at = *first.entry((a.rule, text)).or_insert(a.span.start);
        *counts.entry((at, a.rule, text)).or_default() += 1;
    }
    if counts.is_empty() {
        return "none".into();
    }
    counts
        .into_iter()
        .map(|((_, rule, text), n)| {
            let times = if n > 1 {
                format!(" ×{n}")
            } else {
                String::new()
            };
            format!("`{rule}` {}{times}", quote(text))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn an_entry_reads_findings_counts_contexts_and_a_reason() {
    let entries = parse(
        "# title\n\nProse.\n\n- `fail-a.txt`: `nonword` “taị” in “taị đây” ×2; \
         known false alarm: `double-space` “\\u{a0}\\u{20}” — why\n- `silent-b.md`: none\n",
    )
    .unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].file, "fail-a.txt");
    assert_eq!(
        entries[0].findings,
        vec![
            Finding {
                rule: "nonword".into(),
                text: "taị".into(),
                context: Some("taị đây".into()),
                count: 2,
                known_false_alarm: false,
            },
            Finding {
                rule: "double-space".into(),
                text: "\u{a0} ".into(),
                context: None,
                count: 1,
                known_false_alarm: true,
            },
        ]
    );
    assert!(entries[1].findings.is_empty());
}

#[test]
fn a_decomposed_text_is_written_nfd_and_read_back() {
    let nfd: String = "Việt".nfd().collect();
    assert_eq!(quote(&nfd), "NFD“Việt”");
    let entries = parse(&format!("- `fail-x.txt`: `unicode-form` {}\n", quote(&nfd))).unwrap();
    assert_eq!(entries[0].findings[0].text, nfd);
    // Neither composed nor decomposed: each mark escaped.
    assert_eq!(quote("Vi\u{ea}\u{323}t"), "“Viê\\u{323}t”");
}

#[test]
fn malformed_entries_are_refused() {
    for bad in [
        "- fail-a.txt: none",                                   // no backticks
        "- `notes.txt`: none",                                  // not a fixture name
        "- `fail-a.txt`: “taị”",                                // no rule
        "- `fail-a.txt`: `no-such-rule` “taị”",                 // unknown rule
        "- `fail-a.txt`: `nonword` “taị",                       // unclosed
        "- `fail-a.txt`: `nonword` “taị” ×1",                   // a count of one
        "- `fail-a.txt`: `nonword` “taị” in “đây”",             // context without the text
        "- `fail-a.txt`: `nonword` “taị” (why)",                // reason without the dash
        "- `fail-a.txt`: `double-space` “a  b”",                // two literal spaces
        "- `fail-a.txt`: `double-space` “a\u{a0}b”",            // an invisible character
        "- `fail-a.txt`: none — ",                              // empty reason
        "- `fail-a.txt`: `nonword` “taị”;\n  `nonword` “tòan”", // wrapped
    ] {
        assert!(parse(bad).is_err(), "accepted: {bad}");
    }
}

#[test]
fn comparison_names_missing_unexpected_and_misplaced_findings() {
    let source = "taị đây, taị kia";
    let stated = [Finding {
        rule: "nonword".into(),
        text: "taị".into(),
        context: Some("taị kia".into()),
        count: 1,
        known_false_alarm: false,
    }];
    let second = Actual {
        rule: "nonword",
        span: 13..18,
    };
    assert!(compare(source, &stated, &[second]).is_empty());
    let first = Actual {
        rule: "nonword",
        span: 0..5,
    };
    let problems = compare(source, &stated, &[first]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("missing: `nonword` “taị” in “taị kia”"));
    assert!(problems[1].starts_with("unexpected: `nonword` “taị” at 1:1"));
}

proptest::proptest! {
    #[test]
    fn any_text_quoted_reads_back_as_itself(text in "\\PC{1,12}|[ \u{a0}\u{ad}\u{200b}\u{301}\u{323}a-eđ\\\\”“\t]{1,12}") {
        let line = format!("- `fail-a.txt`: `nonword` {}", quote(&text));
        let entries = parse(&line).map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{line}: {e:?}")))?;
        proptest::prop_assert_eq!(&entries[0].findings[0].text, &text);
    }
}
