use crate::diagnostic::{Diagnostic, Message};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::legacy;

declare_rule! {
    /// Text in a pre-Unicode Vietnamese encoding (TCVN3, VNI, VIQR), read as Unicode.
    ///
    /// ## What it does
    /// Recognises paragraphs typed with the old ABC (TCVN3) or VNI-Windows fonts and pasted
    /// as Unicode ("TiÕng ViÖt", "Gi¶i phãng"; "Xin chaøo caùc baïn"), and text typed in
    /// VIQR ("Tie^'ng Vie^.t", "dd" for đ): several words of the paragraph must be no
    /// Vietnamese syllable as they stand and one once converted, so a single "ö" in a
    /// German name stays silent. Names the encoding and the command that converts the
    /// file: `vnlint convert --from tcvn3|vni|viqr`. The converted paragraph is offered as
    /// a suggestion.
    ///
    /// ## Why
    /// Such text is unreadable on the web and invisible to search, and it cannot be fixed
    /// word by word: the whole file needs converting, with the right table.
    ///
    /// ## Example
    /// ```text
    /// Héi nghÞ tæng kÕt c«ng t¸c n¨m 2024 cña quËn.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Ông Müller và bà Schröder đến Köln dự hội nghị tổng kết công tác năm 2024.
    /// ```
    pub struct LegacyEncoding {
        id: "legacy-encoding",
        severity: Error,
        reads_legacy_text: true,
        vi: "Văn bản ở bảng mã cũ trước Unicode (TCVN3, VNI, VIQR) bị đọc như Unicode.

## Tác dụng
Nhận ra những đoạn văn gõ bằng phông ABC (TCVN3) hay VNI-Windows rồi dán vào như Unicode (“TiÕng ViÖt”, “Gi¶i phãng”; “Xin chaøo caùc baïn”), và văn bản gõ kiểu VIQR (“Tie^'ng Vie^.t”, “dd” thay cho đ): phải có nhiều từ trong đoạn vốn không phải âm tiết tiếng Việt nhưng thành âm tiết khi chuyển mã, nên một chữ “ö” trong tên người Đức không bị báo. Nêu tên bảng mã và lệnh chuyển đổi cả tệp: `vnlint convert --from tcvn3|vni|viqr`. Đoạn văn đã chuyển mã được đưa ra làm gợi ý.

## Vì sao
Văn bản như vậy không đọc được trên trang web, công cụ tìm kiếm không thấy, và không thể sửa từng từ: phải chuyển mã cả tệp với đúng bảng mã.",
    }
}

impl Rule for LegacyEncoding {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for block in &doc.blocks {
            // The document decides once per block; the detail is read again only when needed.
            if !doc.is_legacy_block(block) {
                continue;
            }
            let text = &doc.text[block.range.clone()];
            let Some(found) = legacy::detect(text) else {
                continue;
            };
            let (Some(first), Some(last)) = (found.hits.first(), found.hits.last()) else {
                continue;
            };
            let base = block.range.start;
            let span = base + first.start..base + last.end;
            let sample = &text[first.clone()];
            let converted = legacy::decode(sample, found.encoding);
            let name = found.encoding.name();
            let arg = found.encoding.arg();
            let message = Message::new(
                format!(
                    "Đoạn này là văn bản bảng mã {name} bị đọc như Unicode (“{sample}” là “{converted}”, {} từ như vậy); chuyển mã cả tệp: vnlint convert --from {arg} TỆP -o TỆP_MỚI",
                    found.hits.len()
                ),
                format!(
                    "This paragraph is {name} text read as Unicode (“{sample}” is “{converted}”, {} such words); convert the file: vnlint convert --from {arg} FILE -o NEW_FILE",
                    found.hits.len()
                ),
            );
            let d = Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                span.clone(),
                message,
            );
            // The converted text replaces the source only where the span is the source's
            // own characters in one piece (no markup dropped in between).
            out.push(if doc.map.is_contiguous(span.clone()) {
                let replacement = legacy::decode(&doc.text[span.clone()], found.encoding);
                d.with_suggestion(span, replacement)
            } else {
                d
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LegacyEncoding;
    use crate::rules::testing::{check, fixed, flags_each, silent};

    #[test]
    fn fails_on_each_encoding() {
        flags_each(
            &LegacyEncoding,
            &[
                (
                    "TiÕng ViÖt lµ ng«n ng÷ chÝnh thøc.",
                    &["TiÕng ViÖt lµ ng«n ng÷ chÝnh thøc."],
                ),
                (
                    "Gi¶i phãng miÒn Nam, thèng nhÊt ®Êt n\u{ad}íc.",
                    &["Gi¶i phãng miÒn Nam, thèng nhÊt ®Êt n\u{ad}íc."],
                ),
                (
                    "Xin chaøo caùc baïn ñaõ ñeán döï hoäi nghò.",
                    &["chaøo caùc baïn ñaõ ñeán döï hoäi nghò."],
                ),
                (
                    "Tie^'ng Vie^.t la` ngo^n ngu+~ chi'nh thu+'c.",
                    &["Tie^'ng Vie^.t la` ngo^n ngu+~ chi'nh thu+'c."],
                ),
                (
                    "Ho^m nay ddoa`n dda~ dde^'n tha(m qua^.n.",
                    &["Ho^m nay ddoa`n dda~ dde^'n tha(m qua^.n."],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_unicode_and_foreign_names() {
        silent(
            &LegacyEncoding,
            &[
                "Tiếng Việt là ngôn ngữ chính thức.",
                "Ông Müller và bà Schröder đến Köln dự hội nghị.",
                "Nhà văn Molière, José Martí, Björk và Guðjohnsen.",
                "Nhiệt độ 25 °C, tỷ lệ ½, giá 5 € và © Báo Hà Nội.",
                "Anh ấy nói: 'Tôi đồng ý' (sáng 2-7) + thêm ý kiến.",
                "C++ and C# (the languages) aren't 'hard'.",
            ],
        );
    }

    #[test]
    fn names_the_encoding_and_the_command_and_suggests_the_conversion() {
        let text = "Xin chaøo caùc baïn ñaõ ñeán.";
        let d = &check(&LegacyEncoding, text)[0];
        assert!(d.message.en.contains("VNI-Windows"), "{}", d.message.en);
        assert!(d.message.en.contains("vnlint convert --from vni"));
        assert!(!d.suggestions[0].safe);
        assert_eq!(fixed(&LegacyEncoding, text), "Xin chào các bạn đã đến.");
    }
}
