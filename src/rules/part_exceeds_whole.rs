use crate::analysis::cursor::Cursor;
use crate::analysis::figures::FigureAt;
use crate::analysis::sentences::sentences;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::{
    PART_COMPARISON_WORDS, PART_COUNTABLE_NOUNS, PART_INTRO_WORDS, PART_NOT_FRACTION_WORDS,
    PART_VERBS,
};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};

declare_rule! {
    /// A part larger than the whole it belongs to.
    ///
    /// ## What it does
    /// Finds a whole announced with "tổng số", "tổng cộng", "trong tổng số" or "trên tổng
    /// số" ("tổng số 68 chỉ tiêu") and the later counts of the same noun in the same
    /// paragraph that are stated as a part of it ("71 chỉ tiêu đạt", "trong đó 71 chỉ
    /// tiêu"): a part above the whole is reported, with the whole as evidence. It also
    /// reports a fraction of a countable noun whose top is above its bottom ("12/11 xã").
    /// It stays silent on counts compared with the whole ("tăng 80 hộ"), on a whole of a
    /// different noun, and on day/month dates ("ngày 12/11", "12/11/2024").
    ///
    /// ## Why
    /// "71 of 68 targets met" cannot be true: one of the two figures was mistyped, and
    /// readers notice it at once.
    ///
    /// ## Example
    /// ```text
    /// Với tổng số 68 chỉ tiêu, đến nay đã có 71 chỉ tiêu đạt và vượt kế hoạch.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Với tổng số 68 chỉ tiêu, đến nay đã có 51 chỉ tiêu đạt và vượt kế hoạch; ngày 12/11 sẽ sơ kết.
    /// ```
    pub struct PartExceedsWhole {
        id: "part-exceeds-whole",
        severity: Error,
        vi: "Một phần lớn hơn cả tổng mà nó thuộc về.

## Tác dụng
Tìm một tổng được nêu bằng “tổng số”, “tổng cộng”, “trong tổng số” hoặc “trên tổng số” (“tổng số 68 chỉ tiêu”) và các con số đếm cùng danh từ ở phía sau trong cùng đoạn được nêu như một phần của tổng đó (“71 chỉ tiêu đạt”, “trong đó 71 chỉ tiêu”): phần lớn hơn tổng thì báo lỗi, kèm vị trí của tổng. Quy tắc cũng báo phân số của một danh từ đếm được có tử số lớn hơn mẫu số (“12/11 xã”). Quy tắc im lặng với con số dùng để so sánh (“tăng 80 hộ”), với tổng của danh từ khác và với ngày tháng (“ngày 12/11”, “12/11/2024”).

## Vì sao
“71 trên 68 chỉ tiêu đạt” không thể đúng: một trong hai con số đã bị gõ sai, và người đọc nhận ra ngay.",
    }
}

impl Rule for PartExceedsWhole {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for block in &doc.blocks {
            if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
                continue;
            }
            // Only a block with a whole or a fraction needs its sentences.
            let text = &doc.text[block.range.clone()];
            if !text.contains('/') && !text.contains("tổng") && !text.contains("Tổng") {
                continue;
            }
            let sentences = sentences(doc, block);
            // The tokens of the block's sentences, one after the other.
            let all: Vec<usize> = sentences.iter().flat_map(|s| s.iter()).copied().collect();
            for sentence in &sentences {
                self.fractions(doc, sentence, out);
            }
            self.wholes(doc, &all, out);
        }
    }
}

/// The noun after a figure: its unit words, cut to two.
fn noun_after(doc: &Document, tokens: &[usize], at: usize) -> Vec<String> {
    let mut words = Cursor::new(doc, tokens).unit_words(at + 1);
    words.truncate(2);
    words
}

/// Whether the words of `part` start with the noun `whole`.
fn same_noun(whole: &[String], part: &[String]) -> bool {
    !whole.is_empty() && part.len() >= whole.len() && part[..whole.len()] == whole[..]
}

fn is_count(f: &FigureAt) -> bool {
    f.figure.decimals == 0 && !f.figure.ambiguous && f.figure.value >= 1.0
}

impl PartExceedsWhole {
    /// "tổng số 68 chỉ tiêu ... 71 chỉ tiêu đạt".
    fn wholes(&self, doc: &Document, all: &[usize], out: &mut Vec<Diagnostic>) {
        let rule = self.meta();
        let mut at = 0;
        while at + 2 < all.len() {
            let marked = matches!(doc.token_text(&doc.tokens[all[at]]), "tổng" | "Tổng")
                && matches!(Cursor::new(doc, all).word(at + 1), Some("số" | "cộng"));
            if !marked {
                at += 1;
                continue;
            }
            let Some(whole) = Cursor::new(doc, all).figure_at(at + 2).filter(is_count) else {
                at += 1;
                continue;
            };
            let noun = noun_after(doc, all, at + 2);
            // A one-word noun is too loose to match on ("hộ", "người" are counted in many ways).
            if noun.len() < 2 {
                at += 1;
                continue;
            }
            let mut p = at + 3 + noun.len();
            while p < all.len() {
                // Another whole starts another comparison.
                if Cursor::new(doc, all).word(p) == Some("tổng") {
                    break;
                }
                if let Some(part) = Cursor::new(doc, all).figure_at(p).filter(is_count)
                    && same_noun(&noun, &noun_after(doc, all, p))
                    && is_part(doc, all, p, noun.len())
                    && part.figure.value > whole.figure.value
                {
                    let noun_text = noun.join(" ");
                    let (w, x) = (&doc.text[whole.span.clone()], &doc.text[part.span.clone()]);
                    out.push(
                        Diagnostic::new(
                            rule.id,
                            rule.default_severity,
                            part.span.clone(),
                            Message::new(
                                format!("{x} {noun_text} nhiều hơn tổng số {w} {noun_text} đã nêu"),
                                format!("{x} {noun_text} is more than the total of {w} {noun_text} stated"),
                            ),
                        )
                        .with_related(
                            whole.span.clone(),
                            Message::new("tổng số", "the whole"),
                        ),
                    );
                }
                p += 1;
            }
            at += 3;
        }
    }

    /// "12/11 xã": a fraction of a countable noun above one.
    fn fractions(&self, doc: &Document, sentence: &[usize], out: &mut Vec<Diagnostic>) {
        let rule = self.meta();
        for at in 0..sentence.len() {
            if !Cursor::new(doc, sentence).is_punct(at + 1, "/") {
                continue;
            }
            let (Some(top), Some(bottom)) = (
                Cursor::new(doc, sentence).figure_at(at).filter(is_count),
                Cursor::new(doc, sentence)
                    .figure_at(at + 2)
                    .filter(is_count),
            ) else {
                continue;
            };
            // The middle of a date or a code: "10/10/1954", "15/2024/NĐ", "số 12/11".
            let glued = |p: usize| {
                Cursor::new(doc, sentence).is_punct(p, "/")
                    || Cursor::new(doc, sentence).is_punct(p, "-")
                    || Cursor::new(doc, sentence).is_punct(p, ".")
                        && doc.tokens[sentence[p]].range.end
                            == sentence
                                .get(p + 1)
                                .map_or(usize::MAX, |&i| doc.tokens[i].range.start)
            };
            if (at > 0 && glued(at - 1)) || glued(at + 3) {
                continue;
            }
            let before = at
                .checked_sub(1)
                .and_then(|p| Cursor::new(doc, sentence).word(p));
            if before.is_some_and(|w| PART_NOT_FRACTION_WORDS.contains(w)) {
                continue;
            }
            let Some(noun) = Cursor::new(doc, sentence).word(at + 3) else {
                continue;
            };
            if !PART_COUNTABLE_NOUNS.contains(noun) {
                continue;
            }
            if top.figure.value > bottom.figure.value {
                let (x, y) = (&doc.text[top.span.clone()], &doc.text[bottom.span.clone()]);
                out.push(
                    Diagnostic::new(
                        rule.id,
                        rule.default_severity,
                        top.span.start..doc.tokens[sentence[at + 3]].range.end,
                        Message::new(
                            format!("{x}/{y}: phần ({x}) lớn hơn tổng ({y})"),
                            format!("{x}/{y}: the part ({x}) is larger than the whole ({y})"),
                        ),
                    )
                    .with_related(bottom.span.clone(), Message::new("tổng số", "the whole")),
                );
            }
        }
    }
}

/// Whether the count at `p` (its noun `noun_len` words long) is stated as a part of the
/// whole: introduced by "trong đó", "có", "đến nay", or followed by "đạt", "được", "đã".
fn is_part(doc: &Document, tokens: &[usize], p: usize, noun_len: usize) -> bool {
    let before = p
        .checked_sub(1)
        .and_then(|q| Cursor::new(doc, tokens).word(q));
    if before.is_some_and(|w| PART_COMPARISON_WORDS.contains(w)) {
        return false;
    }
    if before.is_some_and(|w| PART_INTRO_WORDS.contains(w)) {
        return true;
    }
    // The verb may come after the noun or after a short list of other nouns.
    (p + 1 + noun_len..(p + 1 + noun_len + 4).min(tokens.len()))
        .filter_map(|q| Cursor::new(doc, tokens).word(q))
        .any(|w| PART_VERBS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::PartExceedsWhole;
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn fails_when_a_part_is_larger_than_its_whole() {
        flags_each(
            &PartExceedsWhole,
            &[
                (
                    "Với tổng số 68 chỉ tiêu, và 31 đề án. Đến nay đã có 71 chỉ tiêu đạt và vượt kế hoạch.",
                    &["71"],
                ),
                (
                    "Trong tổng số 40 đơn vị dự thi, có 42 đơn vị đạt giải.",
                    &["42"],
                ),
                (
                    "Tổng cộng 12 dự án được phê duyệt, trong đó 15 dự án đã khởi công.",
                    &["15"],
                ),
                (
                    "Đến nay đã có 12/11 xã đạt chuẩn nông thôn mới.",
                    &["12/11 xã"],
                ),
                ("Kết quả 9/8 phường hoàn thành kế hoạch.", &["9/8 phường"]),
            ],
        );
    }

    #[test]
    fn silent_when_parts_fit_or_are_not_parts() {
        silent(
            &PartExceedsWhole,
            &[
                "Với tổng số 68 chỉ tiêu, và 31 đề án nhánh, kế hoạch. Đến nay đã có 51 chỉ tiêu đạt và vượt kế hoạch, 29 đề án, kế hoạch đã được ban hành.",
                "Tổng số 120 hộ nghèo, giảm 130 hộ nghèo so với năm trước.",
                "Ngày 12/11 xã tổ chức hội nghị.",
                "Chỉ thị số 12/11 xã ban hành.",
                "Từ 12/11/2024 các xã triển khai.",
                "Tổng số 40 đơn vị; năm sau phấn đấu 45 đơn vị đạt chuẩn trong tổng số 50 đơn vị.",
                "Tổng số 10 chỉ tiêu năm 2023; năm 2024 giao 12 chỉ tiêu.",
                "Đạt 11/12 xã, 5/5 phường.",
            ],
        );
    }

    #[test]
    fn points_at_the_part_with_the_whole_as_evidence() {
        let text = "Với tổng số 68 chỉ tiêu. Đến nay đã có 71 chỉ tiêu đạt.";
        let found = check(&PartExceedsWhole, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "71");
        assert_eq!(&text[found[0].related[0].span.clone()], "68");
    }
}
