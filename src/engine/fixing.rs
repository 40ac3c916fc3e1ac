//! Fixing one document: lint, apply the chosen fixes, lint the result again until no fix
//! applies (a fix can reveal another finding), a few rounds at most.

use crate::config::Config;
use crate::document::Format;
use crate::engine::lint::{InputError, lint_bytes};
use crate::fix::apply;
use crate::report::FileReport;

/// How many check-and-fix rounds at most.
const MAX_ROUNDS: usize = 8;

/// The result of fixing one file's text.
#[derive(Debug)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// How many edits were applied in all.
    pub applied: usize,
    /// The findings that remain in the fixed text.
    pub report: FileReport,
    /// The findings in the text as given, when a fix changed it (else they are `report`'s).
    pub original: Option<FileReport>,
}

/// Lints and fixes `bytes` until no fix applies (or a few rounds have passed).
pub fn fix_text(
    path: &str,
    bytes: &[u8],
    format: Format,
    config: &Config,
    include_unsafe: bool,
) -> Result<Fixed, InputError> {
    let mut report = lint_bytes(path, bytes, format, config)?;
    let mut original = None;
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let (text, n) = apply(&report.source, &report.diagnostics, include_unsafe);
        if n == 0 {
            break;
        }
        applied += n;
        let next = lint_bytes(path, text.as_bytes(), format, config)?;
        let previous = std::mem::replace(&mut report, next);
        original.get_or_insert(previous);
    }
    Ok(Fixed {
        text: report.source.clone(),
        applied,
        report,
        original,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixed(text: &str, include_unsafe: bool) -> String {
        fix_text(
            "t.txt",
            text.as_bytes(),
            Format::Plain,
            &Config::default(),
            include_unsafe,
        )
        .unwrap()
        .text
    }

    #[test]
    fn safe_fixes_only_unless_asked() {
        let text = "Quận ủy  và HĐND.\nA ninh được giữ vững.\n";
        assert_eq!(
            fixed(text, false),
            "Quận ủy và HĐND.\nA ninh được giữ vững.\n"
        );
        assert_eq!(
            fixed(text, true),
            "Quận ủy và HĐND.\nAn ninh được giữ vững.\n"
        );
    }

    #[test]
    fn fixing_twice_changes_nothing_the_second_time() {
        let once = fixed("Ba   dấu cách  và A ninh.\n", true);
        assert_eq!(fixed(&once, true), once);
    }

    /// Pieces generated documents are made of: words, slips, spaces, marks, numbers.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Hội nghị",
            "A ninh",
            "an ninh",
            "Giải phòng",
            "quận",
            " ",
            "  ",
            " \u{a0}",
            "\n",
            ".",
            ",",
            "2 phương",
            "đạt",
            "12.455,236",
            "64%",
            "Gia\u{309}i",
            "ĐẢNG",
            "(",
            ")",
            "lần thứ 25",
        ])
    }

    proptest! {
        #[test]
        fn no_byte_outside_a_fix_changes(pieces in prop::collection::vec(piece(), 0..60)) {
            let text: String = pieces.concat();
            let report = lint_bytes("t.txt", text.as_bytes(), Format::Plain, &Config::default()).unwrap();
            let (out, _) = apply(&text, &report.diagnostics, true);
            // Walk the kept edits: everything between them is byte-identical.
            let mut spans: Vec<_> = report
                .diagnostics
                .iter()
                .filter_map(|d| d.suggestions.first())
                .filter(|s| text.get(s.span.clone()).is_some_and(|old| old != s.replacement))
                .collect();
            spans.sort_by_key(|s| (s.span.start, s.span.end));
            let mut kept = Vec::new();
            for s in spans {
                if kept.last().is_none_or(|k: &&crate::diagnostic::Suggestion| k.span.end <= s.span.start) {
                    kept.push(s);
                }
            }
            let (mut i, mut j) = (0usize, 0usize);
            for s in &kept {
                prop_assert_eq!(&text[i..s.span.start], &out[j..j + s.span.start - i]);
                j += s.span.start - i + s.replacement.len();
                i = s.span.end;
            }
            prop_assert_eq!(&text[i..], &out[j..]);
            // And a second round of safe fixes over the result is a no-op.
            let again = fixed(&fixed(&text, false), false);
            prop_assert_eq!(fixed(&again, false), again);
        }
    }
}
