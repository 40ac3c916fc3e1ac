use crate::diagnostic::{Diagnostic, Message};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::tokens::{TokenKind, is_inline_space_char};

declare_rule! {
    /// Two or more spaces in a row inside a line.
    ///
    /// ## What it does
    /// Finds runs of two or more spaces between words, where any of them may be a no-break
    /// space (U+00A0) of the kind a CMS leaves when text is pasted. Indentation at the start
    /// of a line and spaces at its end are left alone. The fix is one ordinary space.
    /// Spaces on the two sides of markup (an image, a tag, a comment) are not a run.
    ///
    /// ## Why
    /// A doubled space shows as a gap in print and on the web, and a hidden no-break space
    /// beside an ordinary one is invisible in most editors until the page is published.
    ///
    /// ## Example
    /// ```text
    /// An ninh chính trị  và trật tự xã hội được giữ vững.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// An ninh chính trị và trật tự xã hội được giữ vững, tỷ lệ đạt 98 %.
    /// ```
    pub struct DoubleSpace {
        id: "double-space",
        severity: Warning,
        vi: "Hai dấu cách trở lên liền nhau trong một dòng.

## Tác dụng
Tìm những chỗ có từ hai dấu cách liền nhau giữa các từ, kể cả khi một trong số đó là dấu cách không ngắt dòng (U+00A0) mà hệ thống quản trị nội dung để lại khi dán văn bản. Khoảng thụt đầu dòng và dấu cách cuối dòng không bị xét. Cách sửa: thay bằng một dấu cách thường. Hai dấu cách ở hai bên một đoạn mã định dạng (ảnh, thẻ, chú thích) không phải là dấu cách liền nhau.

## Vì sao
Dấu cách thừa tạo khoảng trống khi in và khi đăng lên trang web; dấu cách không ngắt nằm cạnh dấu cách thường thì hầu hết trình soạn thảo không hiển thị, chỉ lộ ra khi bài đã đăng.",
    }
}

impl Rule for DoubleSpace {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            for (i, token) in tokens.iter().enumerate() {
                if token.kind() != TokenKind::Space || token.byte_len() < 2 {
                    continue;
                }
                // Indentation and spaces at the end of a block (a reader may keep a no-break
                // space there) are not between words.
                if i == 0 || i + 1 == tokens.len() {
                    continue;
                }
                let run = doc.token_text(token);
                if run.chars().count() < 2 || !run.chars().all(is_inline_space_char) {
                    continue;
                }
                // Spaces on either side of markup the reader left out (an image, a tag, a
                // comment) are not a run in the file.
                if !doc.map.is_unbroken(token.range()) {
                    continue;
                }
                let message = if run.contains('\u{a0}') {
                    Message::new(
                        "Dấu cách thường và dấu cách không ngắt (U+00A0) liền nhau",
                        "An ordinary space and a no-break space (U+00A0) side by side",
                    )
                } else {
                    Message::new(
                        format!("{} dấu cách liền nhau", run.chars().count()),
                        format!("{} spaces in a row", run.chars().count()),
                    )
                };
                out.push(
                    Diagnostic::new(
                        self.meta().id,
                        self.meta().default_severity,
                        token.range(),
                        message,
                    )
                    .with_fix(token.range(), " "),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DoubleSpace;
    use crate::rules::testing::{fixed, flagged, flags_each, silent};

    #[test]
    fn fails_on_doubled_spaces() {
        flags_each(
            &DoubleSpace,
            &[
                ("Quận ủy  và HĐND quận.", &["  "]),
                ("Quận ủy\u{a0} và HĐND quận.", &["\u{a0} "]),
                ("14:46 \u{a0}| Lượt xem", &[" \u{a0}"]),
                ("Ba   dấu cách.", &["   "]),
            ],
        );
    }

    #[test]
    fn silent_on_single_spaces_indentation_and_line_ends() {
        silent(
            &DoubleSpace,
            &[
                "Quận ủy và HĐND quận.",
                "Tỷ lệ đạt 98\u{a0}%.",
                "    Dòng thụt đầu.",
                "Cuối dòng có dấu cách.   \nDòng sau.",
                "Cột\tcột\t\tcột",
            ],
        );
    }

    #[test]
    fn flags_the_whole_run_and_fixes_it_to_one_space() {
        let text = "Ngày đăng 27/06/2024 | 14:46 \u{a0}| Lượt xem";
        assert_eq!(flagged(&DoubleSpace, text), vec![" \u{a0}"]);
        assert_eq!(
            fixed(&DoubleSpace, text),
            "Ngày đăng 27/06/2024 | 14:46 | Lượt xem"
        );
    }
}
