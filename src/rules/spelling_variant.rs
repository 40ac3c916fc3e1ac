use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, case_of};
use crate::text::tokens::{Token, TokenKind};
use crate::text::variants::variant_key;

declare_rule! {
    /// The same word spelt two accepted ways in one document.
    ///
    /// ## What it does
    /// Groups the words that are one word in two spellings: a syllable ending in i or y
    /// after a consonant (kĩ/kỹ, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, tỉ/tỷ, công ti/công ty), and
    /// the pairs of `rules/lists/spelling-variant-pairs.txt` (giày/giầy, nảy/nẩy …). When a document uses both spellings of one word, each use of
    /// the rarer spelling is reported, with both counts and the first use of the other
    /// spelling; replacing it is offered, not applied by `--fix`. A tie says nothing: there
    /// is no majority to follow. Only words in lower case count: a capital mid-sentence is
    /// a name (Lý, Mỹ, Hoa Kỳ, Vy) and a capital at the start of a sentence may be one.
    /// Pieces of addresses, file names and hyphenated transliterations are left out.
    ///
    /// ## Why
    /// Both spellings are accepted, so neither is a mistake on its own; mixing them in one
    /// text is, and readers notice it ("kỹ thuật" in one paragraph, "kĩ thuật" in the next).
    ///
    /// ## Example
    /// ```text
    /// Đội ngũ kỹ sư rà soát kỹ hồ sơ; các kỹ thuật viên kiểm tra kĩ từng hạng mục.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Ông Lý Văn Nam, kỹ sư tại Mỹ, trình bày lí do; ông Lê Minh nêu lí lẽ của mình.
    /// ```
    pub struct SpellingVariant {
        id: "spelling-variant",
        severity: Warning,
        vi: "Cùng một từ được viết theo hai cách trong một văn bản.

## Tác dụng
Gom các từ là một từ nhưng có hai cách viết: âm tiết mở kết thúc bằng i hoặc y sau phụ âm (kĩ/kỹ, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, tỉ/tỷ, công ti/công ty) và các cặp ghi trong `rules/lists/spelling-variant-pairs.txt` (giày/giầy, nảy/nẩy…). Khi văn bản dùng cả hai cách viết của một từ, mỗi chỗ dùng cách viết ít hơn bị báo, kèm số lần của mỗi cách và chỗ đầu tiên dùng cách kia; việc thay thế chỉ được gợi ý, `--fix` không tự áp dụng. Hai cách ngang nhau thì không báo. Chỉ tính các từ viết thường: chữ hoa giữa câu là tên riêng (Lý, Mỹ, Hoa Kỳ, Vy), chữ hoa đầu câu cũng có thể là tên riêng. Các mảnh của địa chỉ web, tên tệp và phiên âm có gạch nối được bỏ qua.

## Vì sao
Cả hai cách viết đều được chấp nhận nên riêng mỗi cách không sai; nhưng trộn lẫn trong một văn bản là thiếu nhất quán và người đọc nhận ra ngay (“kỹ thuật” ở đoạn này, “kĩ thuật” ở đoạn sau).",
    }
}

/// A word glued to an address, a file name, a number or a hyphenated transliteration
/// (`vy.nguyen@`, `mi-li-mét`): not prose.
fn is_glued(tokens: &[Token], i: usize, text: &str) -> bool {
    let glue = |t: &Token| {
        t.kind == TokenKind::Punct
            && matches!(
                t.text(text),
                "." | "@" | "/" | "\\" | "_" | "-" | ":" | "=" | "&" | "#" | "?" | "%"
            )
    };
    let solid = |t: &Token| matches!(t.kind, TokenKind::Word | TokenKind::Number);
    let before = i >= 2 && glue(&tokens[i - 1]) && solid(&tokens[i - 2]);
    let after = i + 2 < tokens.len() && glue(&tokens[i + 1]) && solid(&tokens[i + 2]);
    before || after
}

/// A lower-case word that may have a variant: ends in i or y, or is one of the pairs of
/// [`variant_key`]
/// (a cheap test before the syllable is parsed).
fn may_vary(word: &str) -> bool {
    word.len() <= 8
        && word.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                'i' | 'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'y' | 'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'u'
            )
        })
        && case_of(word) == Case::Lower
}

/// The words of the document that may vary, in order.
fn candidates(doc: &Document) -> Vec<&Token> {
    // Whether each written form (an entry of the lexicon) may vary, decided at its first use.
    let mut may: Vec<Option<bool>> = vec![None; doc.lexicon.len()];
    let mut out = Vec::new();
    for block in &doc.blocks {
        let tokens = doc.block_tokens(block);
        for (i, token) in tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let varies =
                *may[token.word as usize].get_or_insert_with(|| may_vary(doc.token_text(token)));
            if varies && !is_glued(tokens, i, &doc.text) {
                out.push(token);
            }
        }
    }
    out
}

impl Rule for SpellingVariant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        // Each spelling (a written form: an entry of the lexicon): how often, and where
        // first.
        let mut seen: Vec<(usize, std::ops::Range<usize>)> = vec![(0, 0..0); doc.lexicon.len()];
        let mut spellings: Vec<u32> = Vec::new();
        let candidates = candidates(doc);
        for token in &candidates {
            let (n, first) = &mut seen[token.word as usize];
            if *n == 0 {
                *first = token.range();
                spellings.push(token.word);
            }
            *n += 1;
        }
        let spelling = |entry: u32| &doc.text[seen[entry as usize].1.clone()];
        // The spellings of one word, grouped by their shared key.
        let mut groups: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for &entry in &spellings {
            if let Some(key) = variant_key(spelling(entry)) {
                groups.entry(key).or_default().push(entry);
            }
        }
        // Each rarer spelling -> the majority spelling.
        let mut minority: Vec<Option<u32>> = vec![None; doc.lexicon.len()];
        let mut any = false;
        for forms in groups.values() {
            let [a, b] = forms[..] else {
                continue;
            };
            let (rare, major) = match seen[a as usize].0.cmp(&seen[b as usize].0) {
                std::cmp::Ordering::Equal => continue,
                std::cmp::Ordering::Greater => (b, a),
                std::cmp::Ordering::Less => (a, b),
            };
            minority[rare as usize] = Some(major);
            any = true;
        }
        if !any {
            return;
        }
        for token in candidates {
            let Some(major) = minority[token.word as usize] else {
                continue;
            };
            let (word, span) = (doc.token_text(token), token.range());
            let (n, (m, first)) = (seen[token.word as usize].0, &seen[major as usize]);
            let major = spelling(major);
            let message = Message::new(
                format!(
                    "“{word}” ({n} lần) và “{major}” ({m} lần) là hai cách viết của cùng một từ: nên viết thống nhất “{major}”"
                ),
                format!(
                    "“{word}” ({n}×) and “{major}” ({m}×) spell the same word two ways: write “{major}” throughout"
                ),
            );
            out.push(
                Diagnostic::new(
                    self.meta().id,
                    self.meta().default_severity,
                    span.clone(),
                    message,
                )
                .with_related(
                    first.clone(),
                    Message::new(format!("“{major}” ở đây"), format!("“{major}” here")),
                )
                .with_suggestion(span, major.to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SpellingVariant;
    use crate::rules::testing::{check, fixed, flagged, flags_each, silent};

    #[test]
    fn fails_on_mixed_spellings() {
        flags_each(
            &SpellingVariant,
            &[
                ("Kiểm tra kỹ, rà soát kỹ và ghi chép kĩ.", &["kĩ"]),
                ("Bác sĩ trực, bác sĩ khám và bác sỹ kê đơn.", &["sỹ"]),
                ("Thu 12 tỷ đồng, chi 9 tỷ đồng, còn 3 tỉ đồng.", &["tỉ"]),
                ("Công ty A, công ty B và công ti C.", &["ti"]),
                (
                    "Quỹ phúc lợi, quỹ khen thưởng, quỹ dự phòng và quĩ khác.",
                    &["quĩ"],
                ),
                ("Mua giày, bán giày, sửa giầy.", &["giầy"]),
            ],
        );
    }

    #[test]
    fn silent_on_names_ties_and_addresses() {
        silent(
            &SpellingVariant,
            &[
                "Ông Lý Văn Nam nêu lí do.",
                "Đoàn công tác sang Mỹ học mĩ thuật.",
                "Kỹ sư và kĩ thuật viên.",
                "Quy định về quy trình, quy chế.",
                "Liên hệ vy.nguyen@caugiay.gov.vn hoặc chị Vy; vi phạm sẽ bị xử lý, xử lý nghiêm.",
                "Đơn vị đo mi-li-mét; lông mi.",
                "Hoa Kỳ và nhiệm kì; kì họp, kì thi.",
            ],
        );
    }

    #[test]
    fn reports_each_minority_use_with_the_majority_spelling() {
        let text = "Kiểm tra kỹ, rà soát kỹ và ghi chép kĩ.";
        assert_eq!(flagged(&SpellingVariant, text), vec!["kĩ"]);
        let d = &check(&SpellingVariant, text)[0];
        assert_eq!(&text[d.related[0].span.clone()], "kỹ");
        assert!(d.message.en.contains("(1×)") && d.message.en.contains("(2×)"));
        assert!(!d.suggestions[0].safe);
        assert_eq!(
            fixed(&SpellingVariant, text),
            "Kiểm tra kỹ, rà soát kỹ và ghi chép kỹ."
        );
    }
}
