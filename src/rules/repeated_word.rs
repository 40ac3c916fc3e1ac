use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::lists::{COMPOUNDS_AFTER_DOUBLED_WORD, NEVER_DOUBLED_WORDS, REDUPLICATIONS};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::lower_into;
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// A grammatical word typed twice in a row: "của của", "các các".
    ///
    /// ## What it does
    /// Finds a word repeated right after itself, in any capitals, with only spaces between
    /// (a line break, a comma or any other mark in between says nothing), when the word is
    /// one of the grammatical words that Vietnamese never doubles on purpose, listed in
    /// `rules/lists/never-doubled-words.txt` (các, của, đã …). The fix removes the second
    /// copy and the space before it. Content words are left alone, because two compounds often meet on the same
    /// syllable ("trở thành thành phố", "có thể thể hiện", "đạt được được ghi nhận", "nhà ở
    /// ở"), and so are the doubled words Vietnamese uses on purpose, listed in
    /// `rules/lists/reduplications.txt` (dần dần, từ từ, ngày ngày, người người, nhà nhà, là là,
    /// ...). That list was built by reading every doubled word in the Wikipedia sample of
    /// `viwiki-spelling` (dev set): the deliberate ones were kept, the slips ("cũng cũng",
    /// "sự sự") and the meetings of two compounds were not; a few common ones the sample
    /// lacks were added. A second copy that starts a compound of
    /// `rules/lists/compounds-after-doubled-word.txt` ("của của cải", "để để dành") is not a
    /// slip either.
    ///
    /// ## Why
    /// A doubled word is the commonest slip of editing: a sentence is rewritten and one
    /// copy of the old word stays behind. Spell checkers miss it, because each copy is a
    /// word.
    ///
    /// ## Example
    /// ```text
    /// Quận yêu cầu các các đơn vị báo cáo kết quả của của từng tháng.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Phường dần dần hoàn thiện các dự án; thành phố đã trở thành thành phố sáng tạo.
    /// ```
    pub struct RepeatedWord {
        id: "repeated-word",
        severity: Warning,
        vi: "Một hư từ bị gõ hai lần liền nhau: “của của”, “các các”.

## Tác dụng
Tìm một từ được lặp lại ngay sau chính nó, không phân biệt chữ hoa, chỉ cách nhau bằng dấu cách (nếu ở giữa có xuống dòng, dấu phẩy hay dấu khác thì không báo), khi đó là một hư từ mà tiếng Việt không bao giờ cố ý lặp, ghi trong `rules/lists/never-doubled-words.txt` (các, của, đã…). Cách sửa: xóa bản lặp thứ hai và dấu cách trước nó. Thực từ không bị xét, vì hai từ ghép thường gặp nhau ở cùng một âm tiết (“trở thành thành phố”, “có thể thể hiện”, “đạt được được ghi nhận”, “nhà ở ở”); các từ láy hoàn toàn mà tiếng Việt dùng có chủ ý, ghi trong `rules/lists/reduplications.txt` (dần dần, từ từ, ngày ngày, người người, nhà nhà, là là…), cũng không bị báo. Danh sách này được lập bằng cách đọc mọi từ lặp trong mẫu Wikipedia của `viwiki-spelling` (tập dev): giữ những từ láy có chủ ý, bỏ các lỗi gõ (“cũng cũng”, “sự sự”) và các chỗ hai từ ghép gặp nhau; thêm vài từ láy thông dụng mà mẫu không có. Bản lặp thứ hai mở đầu một từ ghép ghi trong `rules/lists/compounds-after-doubled-word.txt` (“của của cải”, “để để dành”) cũng không phải lỗi.

## Vì sao
Từ bị lặp là lỗi biên tập phổ biến nhất: câu được sửa lại và một bản của từ cũ còn sót. Trình kiểm tra chính tả bỏ qua lỗi này vì mỗi bản đều là một từ đúng.",
    }
}

/// The lower-cased word at `tokens[i]` if it is a word, else empty.
fn word_at(doc: &Document, tokens: &[Token], i: usize, buf: &mut String) {
    buf.clear();
    if let Some(t) = tokens.get(i)
        && t.kind == TokenKind::Word
    {
        buf.push_str(doc.lower(t));
    }
}

impl Rule for RepeatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let (mut first, mut second, mut other) = (String::new(), String::new(), String::new());
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            for i in 0..tokens.len().saturating_sub(2) {
                let (a, space, b) = (&tokens[i], &tokens[i + 1], &tokens[i + 2]);
                if a.kind != TokenKind::Word
                    || b.kind != TokenKind::Word
                    || a.byte_len() != b.byte_len()
                    || !space.is_inline_space(&doc.text)
                {
                    continue;
                }
                let (at, bt) = (doc.token_text(a), doc.token_text(b));
                // Two different words both starting in lower case: the common case, decided
                // without lower-casing.
                if at != bt
                    && at.as_bytes()[0].is_ascii_lowercase()
                    && bt.as_bytes()[0].is_ascii_lowercase()
                {
                    continue;
                }
                lower_into(at, &mut first);
                if !NEVER_DOUBLED_WORDS.contains(&first) {
                    continue;
                }
                lower_into(bt, &mut second);
                if first != second {
                    continue;
                }
                let pair = format!("{first} {second}");
                if REDUPLICATIONS.contains(&pair) {
                    continue;
                }
                // A word glued to the first copy (an address, a code) is not prose.
                if i > 0 && !tokens[i - 1].is_space() {
                    continue;
                }
                if tokens
                    .get(i + 3)
                    .is_some_and(|t| t.is_inline_space(&doc.text))
                {
                    word_at(doc, tokens, i + 4, &mut other);
                    if !other.is_empty()
                        && COMPOUNDS_AFTER_DOUBLED_WORD.contains(&format!("{second} {other}"))
                    {
                        continue;
                    }
                }
                // Markup between the copies (a comment, a tag) stays: only the space right
                // before the second copy goes with it.
                let fix_start = if doc.map.is_contiguous(a.end()..b.end()) {
                    a.end()
                } else {
                    b.start()
                        - doc.text[..b.start()]
                            .chars()
                            .next_back()
                            .map_or(0, char::len_utf8)
                };
                let message = Message::new(
                    format!("Từ “{}” bị lặp lại", doc.token_text(b)),
                    format!("“{}” is repeated", doc.token_text(b)),
                );
                out.push(
                    Diagnostic::new(
                        self.meta().id,
                        self.meta().default_severity,
                        b.range(),
                        message,
                    )
                    .with_related(a.range(), Message::new("bản thứ nhất", "the first copy"))
                    .with_fix(fix_start..b.end(), ""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RepeatedWord;
    use crate::lists::REDUPLICATIONS;
    use crate::rules::testing::{fixed, flagged, flags_each, silent};

    #[test]
    fn every_listed_reduplication_is_one_word_twice() {
        // Order, NFC and case: the lists' self-test (`crate::lists`).
        for line in REDUPLICATIONS.entries() {
            let words: Vec<&str> = line.split(' ').collect();
            assert!(words.len() == 2 && words[0] == words[1], "{line}");
        }
        assert!(REDUPLICATIONS.contains("dần dần"));
    }

    #[test]
    fn fails_on_doubled_grammatical_words() {
        flags_each(
            &RepeatedWord,
            &[
                ("Báo cáo của của quận.", &["của"]),
                ("Các các đơn vị tham dự.", &["các"]),
                ("Kết quả cũng cũng như năm trước.", &["cũng"]),
                ("Quận đã đã hoàn thành.", &["đã"]),
                ("Và  và thêm nữa.", &["và"]),
                ("Có hơn hơn 180 hộ.", &["hơn"]),
            ],
        );
    }

    #[test]
    fn silent_on_reduplications_compounds_and_breaks() {
        silent(
            &RepeatedWord,
            &[
                "Phường dần dần hoàn thiện; người người, nhà nhà thi đua.",
                "Hà Nội đã trở thành thành phố sáng tạo.",
                "Những kết quả đạt được được ghi nhận.",
                "Phát triển nhà ở ở các đô thị.",
                "Bảo vệ tài sản của của cải chung.",
                "Tiết kiệm để để dành cho năm sau.",
                // A paragraph break (a single line break inside a paragraph is a wrap).
                "Báo cáo của\n\ncủa ai?",
                "Các, các đơn vị.",
                "Năm 2024 2024.",
                "Anh đi đi về về.",
            ],
        );
    }

    #[test]
    fn the_fix_removes_the_second_copy_and_its_space() {
        let text = "Các các đơn vị báo cáo kết quả của  của từng tháng.";
        assert_eq!(flagged(&RepeatedWord, text), vec!["các", "của"]);
        assert_eq!(
            fixed(&RepeatedWord, text),
            "Các đơn vị báo cáo kết quả của từng tháng."
        );
    }
}
