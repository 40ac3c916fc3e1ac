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
    /// tiêu"): a part above the whole is reported, with the whole as evidence. A whole is
    /// also the count right before "trong đó" ("có 23 đảng viên, trong đó 24 đảng viên")
    /// and the count after "trong số" ("Trong số 50 hộ, có 52 hộ"); there a part counted
    /// in the whole's head noun is enough. It also
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
Tìm một tổng được nêu bằng “tổng số”, “tổng cộng”, “trong tổng số” hoặc “trên tổng số” (“tổng số 68 chỉ tiêu”) và các con số đếm cùng danh từ ở phía sau trong cùng đoạn được nêu như một phần của tổng đó (“71 chỉ tiêu đạt”, “trong đó 71 chỉ tiêu”): phần lớn hơn tổng thì báo lỗi, kèm vị trí của tổng. Tổng cũng có thể là con số đứng ngay trước “trong đó” (“có 23 đảng viên, trong đó 24 đảng viên”) hoặc sau “trong số” (“Trong số 50 hộ, có 52 hộ”); khi đó chỉ cần phần được đếm bằng danh từ chính của tổng. Quy tắc cũng báo phân số của một danh từ đếm được có tử số lớn hơn mẫu số (“12/11 xã”). Quy tắc im lặng với con số dùng để so sánh (“tăng 80 hộ”), với tổng của danh từ khác và với ngày tháng (“ngày 12/11”, “12/11/2024”).

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
            let marked = ["/", "tổng", "Tổng", "rong đó", "rong số"]
                .iter()
                .any(|m| text.contains(m));
            if !marked {
                continue;
            }
            let sentences = sentences(doc, block);
            // The tokens of the block's sentences, one after the other.
            let all: Vec<usize> = sentences.iter().flat_map(|s| s.iter()).copied().collect();
            self.wholes(doc, &all, out);
            for sentence in &sentences {
                self.fractions(doc, sentence, out);
                self.parts_after_trong_do(doc, sentence, out);
            }
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

/// A figure a whole or a part can be after "trong đó": money and areas have decimals.
fn is_whole_or_part(f: &FigureAt) -> bool {
    f.figure.value > 0.0
}

/// Two figures compare the same way under either reading of "1.402": both ambiguous the
/// same way, or neither.
fn comparable(whole: &FigureAt, part: &FigureAt) -> bool {
    whole.figure.ambiguous == part.figure.ambiguous
}

/// The finding: `part` of `noun` is more than the `whole`.
fn too_large(
    doc: &Document,
    rule: &RuleMeta,
    whole: &FigureAt,
    part: &FigureAt,
    noun: &[String],
) -> Diagnostic {
    let noun_text = noun.join(" ");
    let (w, x) = (&doc.text[whole.span.clone()], &doc.text[part.span.clone()]);
    Diagnostic::new(
        rule.id,
        rule.default_severity,
        part.span.clone(),
        Message::new(
            format!("{x} {noun_text} nhiều hơn tổng số {w} {noun_text} đã nêu"),
            format!("{x} {noun_text} is more than the total of {w} {noun_text} stated"),
        ),
    )
    .with_related(whole.span.clone(), Message::new("tổng số", "the whole"))
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
            let c = Cursor::new(doc, all);
            // "tổng số N", "tổng cộng N"; "trong số N", whose whole is explicit.
            let total = c.word_is(at, "tổng") && matches!(c.word(at + 1), Some("số" | "cộng"));
            let among = c.word_is(at, "trong") && c.word(at + 1) == Some("số");
            if !total && !among {
                at += 1;
                continue;
            }
            let Some(whole) = c
                .figure_at(at + 2)
                .filter(|f| is_count(f) || among && f.figure.ambiguous)
            else {
                at += 1;
                continue;
            };
            let mut noun = noun_after(doc, all, at + 2);
            // After "tổng số" a one-word noun is too loose to match on ("hộ", "người" are
            // counted in many ways); "trong số 50 hộ, 52 hộ ..." states the whole itself.
            if among {
                noun.truncate(1);
            }
            if noun.is_empty() || total && noun.len() < 2 {
                at += 1;
                continue;
            }
            let mut p = at + 3 + noun.len();
            while p < all.len() {
                // Another whole starts another comparison.
                if matches!(Cursor::new(doc, all).word(p), Some("tổng"))
                    || Cursor::new(doc, all).word_is(p, "trong")
                        && Cursor::new(doc, all).word(p + 1) == Some("số")
                {
                    break;
                }
                if let Some(part) = Cursor::new(doc, all)
                    .figure_at(p)
                    .filter(|f| is_count(f) || f.figure.ambiguous)
                    && comparable(&whole, &part)
                    && same_noun(&noun, &noun_after(doc, all, p))
                    && is_part(doc, all, p, noun.len())
                    && part.figure.value > whole.figure.value
                {
                    out.push(too_large(doc, rule, &whole, &part, &noun));
                }
                p += 1;
            }
            at += 3;
        }
    }

    /// "có 23 đảng viên, trong đó 24 đảng viên chính thức": the count just before "trong
    /// đó" in the sentence is the whole, and the counts of its head noun after it are parts.
    fn parts_after_trong_do(&self, doc: &Document, sentence: &[usize], out: &mut Vec<Diagnostic>) {
        let c = Cursor::new(doc, sentence);
        let Some(marker) =
            (1..sentence.len()).find(|&k| c.word_is(k, "trong") && c.word(k + 1) == Some("đó"))
        else {
            return;
        };
        // The whole: the last figure with a noun before the marker, in its clause.
        let Some((whole, noun)) = (0..marker).rev().find_map(|k| {
            let figure = c.figure_at(k).filter(is_whole_or_part)?;
            let noun = noun_after(doc, sentence, k);
            (!noun.is_empty() && !c.is_punct(k + 1, "%")).then_some((figure, noun))
        }) else {
            return;
        };
        let head = &noun[..1];
        let rule = self.meta();
        for p in marker + 2..sentence.len() {
            if c.is_punct(p, ";") {
                break;
            }
            let Some(part) = c.figure_at(p).filter(is_whole_or_part) else {
                continue;
            };
            let compared = p
                .checked_sub(1)
                .and_then(|q| c.word(q))
                .is_some_and(|w| PART_COMPARISON_WORDS.contains(w));
            if !compared
                && comparable(&whole, &part)
                && same_noun(head, &noun_after(doc, sentence, p))
                && part.figure.value > whole.figure.value
                // Already reported against a "tổng số" whole.
                && !out.iter().any(|d| d.rule == rule.id && d.span == part.span)
            {
                out.push(too_large(doc, rule, &whole, &part, &noun));
            }
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
                        && doc.tokens[sentence[p]].end()
                            == sentence
                                .get(p + 1)
                                .map_or(usize::MAX, |&i| doc.tokens[i].start())
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
                        top.span.start..doc.tokens[sentence[at + 3]].end(),
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
                    "Chi bộ hiện có 23 đảng viên, trong đó 24 đảng viên chính thức.",
                    &["24"],
                ),
                (
                    "Phường tiếp nhận 300 hồ sơ, trong đó 320 hồ sơ trực tuyến.",
                    &["320"],
                ),
                ("Toàn xã có 10 thôn, trong đó 11 thôn đạt chuẩn.", &["11"]),
                (
                    "Tổng số thành viên là 504 người, trong đó 552 người là đồng bào Jrai.",
                    &["552"],
                ),
                (
                    "Trong số 1.402 người đăng ký, có 1.418 người đủ điều kiện.",
                    &["1.418"],
                ),
                (
                    "Quỹ quyên góp được 15,5 tỷ đồng, trong đó 16 tỷ đồng từ doanh nghiệp.",
                    &["16"],
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
                "Chi bộ có 23 đảng viên, trong đó 20 đảng viên chính thức và 3 đảng viên dự bị.",
                "Năm 2024 có 40 hộ thoát nghèo, trong đó tăng 45 hộ so với năm trước.",
                "Phiên tòa thu hút 230 người dân, trong đó có 35 đoàn viên và 250 lượt người theo dõi trực tuyến.",
                "Xã có 10 thôn, trong đó 3 thôn vùng cao; 12 thôn khác thuộc huyện bạn.",
                "Trong số 50 hộ, có 45 hộ đã nhận hỗ trợ.",
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
