use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, case_of, lower_into};
use crate::text::syllable::{self, Nucleus, Onset};
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// The same word spelt two accepted ways in one document.
    ///
    /// ## What it does
    /// Groups the words that are one word in two spellings: a syllable ending in i or y
    /// after a consonant (kĩ/kỹ, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, tỉ/tỷ, công ti/công ty), and
    /// the pairs of a small table (giày/giầy, dày/dầy, giàu/giầu, gãy/gẫy, nảy/nẩy,
    /// xảy/xẩy, nhảy/nhẩy). When a document uses both spellings of one word, each use of
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
Gom các từ là một từ nhưng có hai cách viết: âm tiết mở kết thúc bằng i hoặc y sau phụ âm (kĩ/kỹ, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, tỉ/tỷ, công ti/công ty) và các cặp trong một bảng nhỏ (giày/giầy, dày/dầy, giàu/giầu, gãy/gẫy, nảy/nẩy, xảy/xẩy, nhảy/nhẩy). Khi văn bản dùng cả hai cách viết của một từ, mỗi chỗ dùng cách viết ít hơn bị báo, kèm số lần của mỗi cách và chỗ đầu tiên dùng cách kia; việc thay thế chỉ được gợi ý, `--fix` không tự áp dụng. Hai cách ngang nhau thì không báo. Chỉ tính các từ viết thường: chữ hoa giữa câu là tên riêng (Lý, Mỹ, Hoa Kỳ, Vy), chữ hoa đầu câu cũng có thể là tên riêng. Các mảnh của địa chỉ web, tên tệp và phiên âm có gạch nối được bỏ qua.

## Vì sao
Cả hai cách viết đều được chấp nhận nên riêng mỗi cách không sai; nhưng trộn lẫn trong một văn bản là thiếu nhất quán và người đọc nhận ra ngay (“kỹ thuật” ở đoạn này, “kĩ thuật” ở đoạn sau).",
    }
}

/// Spelling pairs other than i/y: (the spelling dictionaries list first, the other one, an
/// example of the word). Both spellings are in use for the same word; none of them has a
/// second meaning that the other lacks.
const PAIRS: &[(&str, &str, &str)] = &[
    ("giày", "giầy", "đôi giày / đôi giầy"),
    ("dày", "dầy", "dày đặc / dầy đặc"),
    ("giàu", "giầu", "giàu có / giầu có"),
    ("gãy", "gẫy", "gãy cành / gẫy cành"),
    ("nảy", "nẩy", "nảy sinh / nẩy sinh"),
    ("xảy", "xẩy", "xảy ra / xẩy ra"),
    ("nhảy", "nhẩy", "nhảy vọt / nhẩy vọt"),
];

/// i with each tone, and y with the same tone at the same index.
const I_FORMS: [char; 6] = ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'];
const Y_FORMS: [char; 6] = ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];

/// The key shared by both spellings of a word (the i spelling, or the first of a pair),
/// for a lower-case word that has a variant; `None` otherwise.
fn variant_key(lower: &str) -> Option<String> {
    let last = lower.chars().next_back()?;
    if I_FORMS.contains(&last) || Y_FORMS.contains(&last) {
        let open_i = syllable::parse(lower).is_ok_and(|s| {
            matches!(s.nucleus, Nucleus::I | Nucleus::Y)
                && s.coda == syllable::Coda::None
                && !matches!(s.onset, Onset::None | Onset::Gi)
                && (!s.medial || s.onset == Onset::Qu)
        });
        if open_i {
            let stem = &lower[..lower.len() - last.len_utf8()];
            let i = Y_FORMS
                .iter()
                .position(|&y| y == last)
                .map_or(last, |at| I_FORMS[at]);
            // "qu" + i: the glide is written u either way (quí, quý).
            return Some(format!("{stem}{i}"));
        }
    }
    PAIRS
        .iter()
        .find(|(a, b, _)| *a == lower || *b == lower)
        .map(|(a, _, _)| (*a).to_string())
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

struct Form {
    count: usize,
    first: std::ops::Range<usize>,
    uses: Vec<std::ops::Range<usize>>,
}

impl Rule for SpellingVariant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // key -> spelling -> uses, in the order first seen.
        let mut groups: FxHashMap<String, Vec<(String, Form)>> = FxHashMap::default();
        let mut lower = String::new();
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            for (i, token) in tokens.iter().enumerate() {
                if token.kind != TokenKind::Word {
                    continue;
                }
                let word = doc.token_text(token);
                if word.len() > 8 || case_of(word) != Case::Lower {
                    continue;
                }
                lower_into(word, &mut lower);
                let Some(key) = variant_key(&lower) else {
                    continue;
                };
                if is_glued(tokens, i, &doc.text) {
                    continue;
                }
                let forms = groups.entry(key).or_default();
                match forms.iter_mut().find(|(s, _)| *s == lower) {
                    Some((_, form)) => {
                        form.count += 1;
                        form.uses.push(token.range.clone());
                    }
                    None => forms.push((
                        lower.clone(),
                        Form {
                            count: 1,
                            first: token.range.clone(),
                            uses: vec![token.range.clone()],
                        },
                    )),
                }
            }
        }
        let mut groups: Vec<_> = groups.into_values().filter(|f| f.len() == 2).collect();
        groups.sort_by_key(|f| f[0].1.first.start);
        for forms in groups {
            let (a, b) = (&forms[0], &forms[1]);
            let (major, minor) = match a.1.count.cmp(&b.1.count) {
                std::cmp::Ordering::Equal => continue,
                std::cmp::Ordering::Greater => (a, b),
                std::cmp::Ordering::Less => (b, a),
            };
            let (mw, mf) = (&major.0, &major.1);
            let (nw, nf) = (&minor.0, &minor.1);
            for span in &nf.uses {
                let message = Message::new(
                    format!(
                        "“{nw}” ({} lần) và “{mw}” ({} lần) là hai cách viết của cùng một từ: nên viết thống nhất “{mw}”",
                        nf.count, mf.count
                    ),
                    format!(
                        "“{nw}” ({}×) and “{mw}” ({}×) spell the same word two ways: write “{mw}” throughout",
                        nf.count, mf.count
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
                        mf.first.clone(),
                        Message::new(format!("“{mw}” ở đây"), format!("“{mw}” here")),
                    )
                    .with_suggestion(span.clone(), mw.clone()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SpellingVariant, variant_key};
    use crate::rules::testing::{check, fails, fixed, flagged, silent};

    #[test]
    fn keys_join_the_two_spellings() {
        for (a, b) in [
            ("kĩ", "kỹ"),
            ("lí", "lý"),
            ("quí", "quý"),
            ("sĩ", "sỹ"),
            ("tỉ", "tỷ"),
            ("ti", "ty"),
            ("giày", "giầy"),
        ] {
            assert_eq!(variant_key(a), variant_key(b), "{a}/{b}");
            assert!(variant_key(a).is_some(), "{a}");
        }
        for word in ["y", "ý", "gì", "thủy", "tuy", "kính", "mai", "ly0"] {
            assert_eq!(variant_key(word), None, "{word}");
        }
    }

    #[test]
    fn fails_on_mixed_spellings() {
        fails(
            &SpellingVariant,
            &[
                "Kiểm tra kỹ, rà soát kỹ và ghi chép kĩ.",
                "Bác sĩ trực, bác sĩ khám và bác sỹ kê đơn.",
                "Thu 12 tỷ đồng, chi 9 tỷ đồng, còn 3 tỉ đồng.",
                "Công ty A, công ty B và công ti C.",
                "Quỹ phúc lợi, quỹ khen thưởng, quỹ dự phòng và quĩ khác.",
                "Mua giày, bán giày, sửa giầy.",
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
