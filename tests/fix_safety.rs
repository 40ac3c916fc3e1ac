//! `--fix` never touches markup: a fix may replace only prose bytes the reader mapped.
//! The cases the issue reported, through the binary, then property tests over generated
//! Markdown and HTML.

use std::path::Path;

use assert_cmd::Command;
use proptest::prelude::*;
use vnlint::{Config, Format};

fn fix_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let _ = Command::cargo_bin("vnlint")
        .unwrap()
        .args(["check", "--fix", "--format", "json"])
        .arg(&path)
        .assert();
    std::fs::read_to_string(&path).unwrap()
}

#[test]
fn an_image_between_two_spaces_in_markdown_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Phường tổ chức lễ ra quân ![ảnh](anh/le.jpg) tại sân.\n\nAn ninh  được giữ vững.\n";
    let after = fix_file(dir.path(), "a.md", text);
    assert_eq!(
        after,
        "Phường tổ chức lễ ra quân ![ảnh](anh/le.jpg) tại sân.\n\nAn ninh được giữ vững.\n"
    );
}

#[test]
fn markup_between_two_spaces_in_html_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    for markup in [
        "<img src=\"a.jpg\">",
        "<span></span>",
        "<!-- ghi chú -->",
        "<script>x()</script>",
    ] {
        let text = format!("<p>Phường tổ chức lễ {markup} tại sân. An ninh  được giữ vững.</p>\n");
        let after = fix_file(dir.path(), "a.html", &text);
        assert_eq!(
            after,
            format!("<p>Phường tổ chức lễ {markup} tại sân. An ninh được giữ vững.</p>\n"),
            "{markup}"
        );
    }
}

#[test]
fn a_repeated_word_across_a_comment_loses_the_copy_not_the_comment() {
    let dir = tempfile::tempdir().unwrap();
    let after = fix_file(
        dir.path(),
        "a.html",
        "<p>Quận đã làm và <!-- c --> và xong.</p>\n",
    );
    assert_eq!(after, "<p>Quận đã làm và <!-- c --> xong.</p>\n");
    let after = fix_file(dir.path(), "b.md", "Quận đã làm và <!-- c --> và xong.\n");
    assert_eq!(after, "Quận đã làm và <!-- c --> và xong.\n");
}

#[test]
fn findings_never_cover_markup_between_spaces() {
    let text = "<p>Phường tổ chức lễ <img src=\"a.jpg\"> tại sân.</p>";
    let report =
        vnlint::lint_bytes("a.html", text.as_bytes(), Format::Html, &Config::default()).unwrap();
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !text[d.span.clone()].contains('<')),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn a_fix_reaching_into_markup_is_dropped_with_a_note() {
    let text = "<p>Phường tổ chức lễ <b>A</b> ninh được giữ vững.</p>";
    let mut report =
        vnlint::lint_bytes("a.html", text.as_bytes(), Format::Html, &Config::default()).unwrap();
    // A hand-made fix over the tag: refused, named in the note.
    let mut d = vnlint::Diagnostic::new(
        "confusion",
        vnlint::Severity::Error,
        25..34,
        vnlint::Message::new("x", "x"),
    )
    .with_fix(25..34, "An");
    report.diagnostics = vec![d.clone()];
    let applied = vnlint::fix::apply(text, &report.diagnostics, true, &report.prose);
    assert_eq!(applied.text, text);
    assert_eq!(applied.dropped.len(), 1);
    assert!(
        applied.dropped[0]
            .message("a.html")
            .en
            .contains("a.html: skipped a fix by confusion at bytes 25..34")
    );
    d.suggestions[0].span = 3..9;
    let applied = vnlint::fix::apply(text, &[d], true, &report.prose);
    assert!(applied.dropped.is_empty());
}

/// The Markdown events that are not text: the structure a fix must keep.
fn markdown_markup(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser};
    Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .filter(|e| !matches!(e, Event::Text(_)))
        .map(|e| format!("{e:?}"))
        .collect()
}

/// The HTML tokens that are not text.
fn html_markup(text: &str) -> Vec<String> {
    use html5gum::{Token, Tokenizer};
    Tokenizer::new(text)
        .filter_map(|t| t.ok())
        .filter(|t| !matches!(t, Token::String(_) | Token::Error(_)))
        .map(|t| format!("{t:?}"))
        .collect()
}

/// Words and slips the rules fix, doubled spaces and doubled words.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Hội nghị",
        "A ninh",
        "an ninh",
        "và",
        "và và",
        "của của",
        "quận",
        "Giải phòng",
        "đạt",
        "64%",
        "Gia\u{309}i",
        "lần thứ 25",
        "(",
        ")",
        ",",
        ".",
    ])
}

fn space() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", " ", "  ", " \u{a0}", "   "])
}

fn markdown_markup_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "![ảnh](anh/le.jpg)",
        "[liên kết](https://a.vn/x)",
        "<!-- ghi chú -->",
        "<span></span>",
        "`mã  nguồn`",
        "**",
        "*",
        "<br>",
        "\\*",
        "&amp;",
    ])
}

fn html_markup_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<img src=\"a.jpg\">",
        "<span></span>",
        "<!-- ghi chú -->",
        "<script>var a = 'A  ninh';</script>",
        "<b>",
        "</b>",
        "<a href=\"x\">",
        "</a>",
        "&nbsp;",
        "&amp;",
        "<br>",
    ])
}

/// A document: words, spaces and markup in any order, in a few paragraphs.
fn document(markup: BoxedStrategy<&'static str>) -> impl Strategy<Value = Vec<&'static str>> {
    let piece = prop_oneof![
        4 => word(),
        3 => space(),
        2 => markup,
        1 => Just("\n\n"),
    ];
    prop::collection::vec(piece, 1..40)
}

/// Applies one round of fixes and checks that every edit lies in prose and nothing outside
/// an edit changed; returns the fully fixed text.
fn check_fix(text: &str, format: Format) -> Result<String, TestCaseError> {
    let config = Config::default();
    let report = vnlint::lint_bytes("t", text.as_bytes(), format, &config).unwrap();
    let applied = vnlint::fix::apply(text, &report.diagnostics, true, &report.prose);
    let (mut i, mut j) = (0usize, 0usize);
    for e in &applied.edits {
        prop_assert!(report.prose.covers(&e.span), "{:?} not prose", e.span);
        prop_assert_eq!(
            &text[i..e.span.start],
            &applied.text[j..j + e.span.start - i]
        );
        j += e.span.start - i + e.replacement.len();
        i = e.span.end;
    }
    prop_assert_eq!(&text[i..], &applied.text[j..]);
    Ok(
        vnlint::engine::fix_text("t", text.as_bytes(), format, &config, true)
            .unwrap()
            .text,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fixing_markdown_keeps_its_markup(pieces in document(markdown_markup_piece().boxed())) {
        let text = pieces.concat();
        let fixed = check_fix(&text, Format::Markdown)?;
        prop_assert_eq!(markdown_markup(&fixed), markdown_markup(&text), "{:?} -> {:?}", text, fixed);
    }

    #[test]
    fn fixing_html_keeps_its_markup(pieces in document(html_markup_piece().boxed())) {
        let text = format!("<p>{}</p>", pieces.concat());
        let fixed = check_fix(&text, Format::Html)?;
        prop_assert_eq!(html_markup(&fixed), html_markup(&text), "{:?} -> {:?}", text, fixed);
    }
}
