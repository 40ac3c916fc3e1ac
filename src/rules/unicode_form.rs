use std::ops::Range;

use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::tokens::Token;

declare_rule! {
    /// Text in decomposed Unicode (NFD): letters and their marks stored as separate characters.
    ///
    /// ## What it does
    /// Finds the places where the file is not in composed Unicode (NFC): a vowel followed by
    /// a combining tone mark (U+0300, U+0301, U+0303, U+0309, U+0323) or a combining vowel
    /// mark (U+0302, U+0306, U+031B), as macOS file names, some PDF copies and
    /// Windows-1258 conversions leave them, including a precomposed vowel with a separate
    /// tone. Reports one finding per stretch of such text in a line, not one per letter.
    /// The fix rewrites the stretch in NFC; the text reads the same.
    ///
    /// ## Why
    /// The two forms look identical but are different bytes: a search for "Hà Nội" typed
    /// in NFC does not find it in NFD, sorting and counting letters go wrong, and some
    /// fonts and older systems show the marks detached from their letters.
    ///
    /// ## Example
    /// ```text
    /// Quận đã hoàn thành kế hoạch năm.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Quận đã hoàn thành kế hoạch năm.
    /// ```
    pub struct UnicodeForm {
        id: "unicode-form",
        severity: Warning,
        vi: "Văn bản ở dạng Unicode tổ hợp (NFD): chữ cái và dấu được lưu thành các ký tự riêng.

## Tác dụng
Tìm những chỗ tệp không ở dạng Unicode dựng sẵn (NFC): một nguyên âm theo sau là dấu thanh tổ hợp (U+0300, U+0301, U+0303, U+0309, U+0323) hoặc dấu mũ, dấu trăng, dấu móc tổ hợp (U+0302, U+0306, U+031B), như tên tệp trên macOS, văn bản chép từ một số tệp PDF hay chuyển từ bảng mã Windows-1258 để lại, kể cả nguyên âm dựng sẵn đi kèm dấu thanh rời. Mỗi đoạn chữ như vậy trong một dòng được báo một lần, không báo từng chữ. Cách sửa: viết lại đoạn đó ở dạng NFC; chữ hiển thị không đổi.

## Vì sao
Hai dạng trông giống hệt nhau nhưng khác nhau về byte: tìm “Hà Nội” gõ ở dạng NFC sẽ không thấy chữ ở dạng NFD, việc sắp xếp và đếm chữ bị sai, và một số phông chữ, hệ thống cũ hiển thị dấu tách khỏi chữ.",
    }
}

/// Stretches closer than this (in bytes of text, on one line) are reported as one.
const MERGE_GAP: usize = 24;

impl Rule for UnicodeForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mut ranges = doc.map.recomposed_ranges().peekable();
        if ranges.peek().is_none() {
            return;
        }
        let mut run: Option<Range<usize>> = None;
        let mut count = 0;
        for (text, _) in ranges {
            let word = enclosing_word(&doc.tokens, text);
            if let Some(r) = &mut run {
                let gap = doc
                    .text
                    .get(r.end.min(word.start)..word.start)
                    .unwrap_or("");
                if word.start <= r.end
                    || (gap.len() <= MERGE_GAP
                        && !gap.contains('\n')
                        && doc.map.is_contiguous(r.start..word.end))
                {
                    r.end = r.end.max(word.end);
                    count += 1;
                    continue;
                }
                out.push(self.diagnostic(doc, r.clone(), count));
            }
            run = Some(word);
            count = 1;
        }
        if let Some(r) = run {
            out.push(self.diagnostic(doc, r, count));
        }
    }
}

impl UnicodeForm {
    fn diagnostic(&self, doc: &Document, run: Range<usize>, count: usize) -> Diagnostic {
        let message = Message::new(
            format!(
                "Chữ ở dạng Unicode tổ hợp (NFD), {count} chỗ: chuyển sang dạng dựng sẵn (NFC)"
            ),
            format!("Decomposed Unicode (NFD), {count} places: convert to NFC"),
        );
        let d = Diagnostic::new(
            self.meta().id,
            self.meta().default_severity,
            run.clone(),
            message,
        );
        // The text is the NFC form of the source; where the run is the source's own
        // characters in one piece, replacing its source bytes by the text is exact.
        if doc.map.is_contiguous(run.clone()) {
            let text = doc.text[run.clone()].to_string();
            d.with_fix(run, text)
        } else {
            d
        }
    }
}

/// The word token around a text range (the range itself when it is not in a word).
fn enclosing_word(tokens: &[Token], range: Range<usize>) -> Range<usize> {
    let i = tokens.partition_point(|t| t.end() <= range.start);
    match tokens.get(i) {
        Some(t) if t.is_word() && t.start() <= range.start && t.end() >= range.end => t.range(),
        _ => range,
    }
}

#[cfg(test)]
mod tests {
    use super::UnicodeForm;
    use crate::rules::testing::{check, fixed, flagged, flags, silent};
    use crate::{Config, Format};
    use unicode_normalization::UnicodeNormalization;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    #[test]
    fn fails_on_decomposed_text() {
        // A line is flagged up to its last mark: the full stop is left out.
        flags(
            &UnicodeForm,
            &nfd("Quận đã hoàn thành kế hoạch."),
            &[&nfd("Quận đã hoàn thành kế hoạch")],
        );
        flags(
            &UnicodeForm,
            "Gia\u{309}i pho\u{301}ng",
            &["Gia\u{309}i pho\u{301}ng"],
        );
        // A precomposed vowel with a separate tone (Windows-1258 style).
        flags(&UnicodeForm, "Vi\u{ea}\u{323}t Nam", &["Vi\u{ea}\u{323}t"]);
    }

    #[test]
    fn silent_on_composed_text() {
        silent(
            &UnicodeForm,
            &[
                "Quận đã hoàn thành kế hoạch.",
                "Hòa và hoà, Zürich, Ωm.",
                "",
            ],
        );
    }

    #[test]
    fn one_finding_per_stretch_of_a_line() {
        let text = nfd("Hội nghị tổng kết năm.\nĐoạn hai có dấu.\n");
        let found = check(&UnicodeForm, &text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            flagged(&UnicodeForm, &text)[0],
            nfd("Hội nghị tổng kết năm")
        );
        // Two stretches far apart on one line are two findings.
        let mixed = format!(
            "{} rồi một đoạn rất dài gõ đúng chuẩn ở giữa câu và {}",
            nfd("Hội nghị"),
            nfd("tổng kết")
        );
        assert_eq!(check(&UnicodeForm, &mixed).len(), 2);
    }

    #[test]
    fn the_fix_is_the_nfc_text() {
        let nfc = "Gửi lời chúc mừng, Hà Nội.";
        assert_eq!(fixed(&UnicodeForm, &nfd(nfc)), nfc);
    }

    #[test]
    fn fixing_a_file_end_to_end_gives_nfc() {
        let nfc = "TIN TỨC\n\nQuận tổ chức hội nghị tổng kết\n\nSáng nay, quận đã tổng kết công tác năm.\n";
        for format in [Format::Plain, Format::Markdown] {
            let fixed = crate::fix::fix_text(
                "t.txt",
                nfd(nfc).as_bytes(),
                format,
                &Config::default(),
                false,
            )
            .unwrap();
            assert_eq!(fixed.text, nfc);
        }
        // Markup inside the stretch is kept.
        let md = "Quận **tổng kết** công tác, *hoàn thành* kế hoạch.\n";
        let fixed = crate::fix::fix_text(
            "t.md",
            nfd(md).as_bytes(),
            Format::Markdown,
            &Config::default(),
            false,
        )
        .unwrap();
        assert_eq!(fixed.text, md);
    }
}
