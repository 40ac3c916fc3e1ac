use crate::analysis::cursor::Cursor;
use crate::analysis::figures::{FigureAt, Percent};
use crate::analysis::sentences::sentences;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::lists::{CHANGE_VERBS, PERCENT_QUALIFIERS, RATIO_VERBS, WHOLE_MARKERS};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::numbers::{self, NumberStyle};

declare_rule! {
    /// A percentage that the figures it is computed from contradict.
    ///
    /// ## What it does
    /// Finds a percentage stated together with its operands and recomputes it: "X / Y, đạt
    /// Z%", "X/Y chỉ tiêu (Z%)", "X tỷ đồng, bằng Z% dự toán (Y tỷ đồng)", "X tỷ đồng, tăng Z%
    /// so với cùng kỳ (Y tỷ đồng)", "Z% (X/Y hộ)", "tăng từ A lên B, tăng Z%", and a share of
    /// a whole stated earlier in the sentence ("tiếp nhận Y đơn, giải quyết X đơn, đạt Z%";
    /// "X vụ trên tổng số Y vụ, đạt Z%"). "1.020/1.200" gives the same ratio under either
    /// reading of the dots. The words before the figure decide what agrees with it:
    /// the qualifiers of `rules/lists/percent-qualifiers.txt` say above ("hơn", "vượt"),
    /// near ("xấp xỉ", "khoảng") or below ("dưới"); a plain verb of
    /// `rules/lists/ratio-verbs.txt` ("đạt", "chiếm") needs the same value at the precision
    /// written (64% accepts 63,5 to 64,49). The message shows the computation. It stays
    /// silent when it cannot tell which figures are the operands.
    ///
    /// ## Why
    /// Readers and journalists recompute headline figures. A budget reported as "more than
    /// 64 %" that the same sentence shows to be 63,90 % is a published error.
    ///
    /// ## Example
    /// ```text
    /// Thu ngân sách đạt 8.214,5 tỷ đồng / 13.000 tỷ đồng, đạt hơn 64% dự toán năm.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Thu ngân sách đạt 8.214,5 tỷ đồng / 13.000 tỷ đồng, tăng 12% so với cùng kỳ 2023 và đạt hơn 63% dự toán năm.
    /// ```
    pub struct PercentMismatch {
        id: "percent-mismatch",
        severity: Error,
        vi: "Tỷ lệ phần trăm không khớp với các số liệu dùng để tính ra nó.

## Tác dụng
Tìm tỷ lệ phần trăm được nêu cùng các số liệu gốc và tính lại: “X / Y, đạt Z%”, “X/Y chỉ tiêu (Z%)”, “X tỷ đồng, bằng Z% dự toán (Y tỷ đồng)”, “X tỷ đồng, tăng Z% so với cùng kỳ (Y tỷ đồng)”, “Z% (X/Y hộ)”, “tăng từ A lên B, tăng Z%”, và phần của một tổng đã nêu trước đó trong câu (“tiếp nhận Y đơn, giải quyết X đơn, đạt Z%”; “X vụ trên tổng số Y vụ, đạt Z%”). “1.020/1.200” cho cùng một tỷ lệ dù dấu chấm được đọc theo cách nào. Từ đứng trước con số quyết định thế nào là khớp: các từ ghi trong `rules/lists/percent-qualifiers.txt` đòi tỷ lệ lớn hơn Z (“hơn”, “vượt”), gần Z (“xấp xỉ”, “khoảng”) hoặc nhỏ hơn Z (“dưới”); một động từ ghi trong `rules/lists/ratio-verbs.txt` (“đạt”, “chiếm”) đòi bằng Z ở độ chính xác đã viết (64% chấp nhận từ 63,5 đến 64,49). Thông báo nêu rõ phép tính. Quy tắc im lặng khi không chắc số nào là tử số, số nào là mẫu số.

## Vì sao
Người đọc và phóng viên thường tính lại các con số nổi bật. Ngân sách được báo là “đạt hơn 64%” trong khi chính câu đó cho ra 63,90% là một lỗi đã đăng.",
    }
}

/// What the words before a percentage claim about the computed value.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Claim {
    /// Equal at the precision written.
    Equal,
    Above,
    Below,
    Near,
}

impl Claim {
    /// The claim named in `rules/lists/percent-qualifiers.txt`.
    fn listed(name: &str) -> Option<Claim> {
        match name {
            "above" => Some(Claim::Above),
            "below" => Some(Claim::Below),
            "near" => Some(Claim::Near),
            _ => None,
        }
    }

    fn accepts(self, computed: f64, stated: f64, decimals: u8) -> bool {
        const EPS: f64 = 1e-9;
        let half_unit = 0.5 * 10f64.powi(-i32::from(decimals));
        match self {
            Claim::Equal => (computed - stated).abs() <= half_unit + EPS,
            Claim::Above => computed > stated - EPS,
            Claim::Below => computed < stated + EPS,
            Claim::Near => (computed - stated).abs() <= (0.05 * stated).max(1.0) + half_unit,
        }
    }
}

/// A recomputation the claim contradicts.
struct Contradiction {
    computed: f64,
    /// The computation, written with the document's figures ("12.455,236 / 19.492,800").
    formula: String,
    operands: [(FigureAt, &'static str, &'static str); 2],
}

impl Rule for PercentMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for block in &doc.blocks {
            let has_percent = doc
                .block_tokens(block)
                .iter()
                .any(|t| doc.token_text(t) == "%");
            if !has_percent {
                continue;
            }
            for sentence in sentences(doc, block) {
                for percent in Cursor::new(doc, sentence).percents() {
                    if percent.figure.figure.ambiguous {
                        continue;
                    }
                    if let Some(d) = self.check_percent(doc, sentence, &percent) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

impl PercentMismatch {
    fn check_percent(
        &self,
        doc: &Document,
        sentence: &[usize],
        percent: &Percent,
    ) -> Option<Diagnostic> {
        let at = percent.figure.at;
        let (claim, verb_at) = claim_before(doc, sentence, at);
        let stated = percent.figure.figure;
        let verb = verb_at.and_then(|v| Cursor::new(doc, sentence).word(v));
        let found = if at > 0 && Cursor::new(doc, sentence).is_punct(at - 1, "(") {
            fraction_before_paren(doc, sentence, at - 1)
                .or_else(|| share_of_whole(doc, sentence, at - 1))
        } else if let Some(found) = fraction_in_paren_after(doc, sentence, percent) {
            Some(found)
        } else if let Some(verb) = verb {
            let verb_at = verb_at?;
            if RATIO_VERBS.contains(verb) {
                ratio_claim(doc, sentence, verb_at, percent)
            } else {
                let sign = CHANGE_VERBS.value(verb)?.parse().ok()?;
                change_claim(doc, sentence, verb_at, percent, sign)
            }
        } else {
            None
        }?;
        if found.computed.is_finite()
            && claim.accepts(found.computed, stated.value, stated.decimals)
        {
            return None;
        }
        // The claim as quoted: from the qualifier on, and with the verb for a change
        // ("tăng 29%"), whose direction is part of what is wrong.
        let is_change = verb.is_some_and(|v| CHANGE_VERBS.contains(v));
        let claim_start = verb_at
            .map(|v| if is_change { v } else { v + 1 })
            .filter(|&v| v < at)
            .map_or(percent.span.start, |v| doc.tokens[sentence[v]].start());
        let claim_text = &doc.text[claim_start..percent.span.end];
        let vi_value = numbers::format(found.computed, 2, NumberStyle::Vietnamese);
        let en_value = numbers::format(found.computed, 2, NumberStyle::English);
        let mut d = Diagnostic::new(
            self.meta().id,
            self.meta().default_severity,
            percent.span.clone(),
            Message::new(
                format!(
                    "{} = {vi_value} %, không phải “{claim_text}”",
                    found.formula
                ),
                format!("{} = {en_value}%, not “{claim_text}”", found.formula),
            ),
        );
        for (figure, vi, en) in found.operands {
            d = d.with_related(figure.span.clone(), Message::new(vi, en));
        }
        Some(d)
    }
}

/// The claim the words before position `at` make, and where its verb is (if any).
fn claim_before(doc: &Document, sentence: &[usize], at: usize) -> (Claim, Option<usize>) {
    let mut claim = Claim::Equal;
    let mut pos = at;
    // Up to two qualifier words ("xấp xỉ", "gần như") between the verb and the figure.
    for _ in 0..3 {
        let Some(prev) = pos.checked_sub(1) else {
            break;
        };
        let Some(word) = Cursor::new(doc, sentence).word(prev) else {
            break;
        };
        if let Some(c) = PERCENT_QUALIFIERS.value(word).and_then(Claim::listed) {
            claim = c;
            pos = prev;
        } else if word == "xấp" || word == "như" {
            pos = prev;
        } else {
            return (claim, Some(prev));
        }
    }
    (claim, None)
}

/// X / Y as a percentage, with its formula written from the document's own figures.
fn ratio(doc: &Document, numerator: &FigureAt, denominator: &FigureAt) -> Option<Contradiction> {
    // "1.020/1.200" reads 1 020/1 200 or 1,02/1,2: the same ratio when both are ambiguous.
    if numerator.figure.ambiguous != denominator.figure.ambiguous || denominator.figure.value == 0.0
    {
        return None;
    }
    let (n, d) = (
        &doc.text[numerator.span.clone()],
        &doc.text[denominator.span.clone()],
    );
    Some(Contradiction {
        computed: numerator.figure.value / denominator.figure.value * 100.0,
        formula: format!("{n} / {d}"),
        operands: [
            (numerator.clone(), "tử số", "numerator"),
            (denominator.clone(), "mẫu số", "denominator"),
        ],
    })
}

/// "X/Y chỉ tiêu (Z%)": the fraction right before the parenthesis.
fn fraction_before_paren(
    doc: &Document,
    sentence: &[usize],
    paren_at: usize,
) -> Option<Contradiction> {
    let fraction = (paren_at.saturating_sub(7)..paren_at)
        .filter_map(|start| Cursor::new(doc, sentence).fraction_at(start))
        .find(|f| f.end == paren_at)?;
    ratio(doc, &fraction.numerator, &fraction.denominator)
}

/// "X/Y ..., đạt Z%" (the nearest fraction before the verb in the sentence, with no other
/// share claimed in between), or "X đơn vị, bằng Z% ... (Y đơn vị)".
fn ratio_claim(
    doc: &Document,
    sentence: &[usize],
    verb_at: usize,
    percent: &Percent,
) -> Option<Contradiction> {
    let fraction = (0..verb_at)
        .rev()
        .filter_map(|start| Cursor::new(doc, sentence).fraction_at(start))
        .find(|f| f.end <= verb_at);
    if let Some(fraction) = fraction {
        let claims_between = Cursor::new(doc, sentence).percents().iter().any(|p| {
            p.figure.at > fraction.end && p.figure.at < percent.figure.at && {
                let (_, v) = claim_before(doc, sentence, p.figure.at);
                v.and_then(|v| Cursor::new(doc, sentence).word(v))
                    .is_some_and(|w| RATIO_VERBS.contains(w))
            }
        });
        if claims_between {
            return None;
        }
        return ratio(doc, &fraction.numerator, &fraction.denominator);
    }
    let (base, unit) = figure_before_verb(doc, sentence, verb_at)?;
    match figure_in_parens_after(doc, sentence, percent.sign_at + 1, &unit) {
        Some(whole) => ratio(doc, &base, &whole),
        None => share_of_whole(doc, sentence, verb_at),
    }
}

/// "Z% (X/Y hộ)": the fraction in the parenthesis right after the percentage.
fn fraction_in_paren_after(
    doc: &Document,
    sentence: &[usize],
    percent: &Percent,
) -> Option<Contradiction> {
    let open = percent.sign_at + 1;
    if !Cursor::new(doc, sentence).is_punct(open, "(") {
        return None;
    }
    let fraction = Cursor::new(doc, sentence).fraction_at(open + 1)?;
    if !Cursor::new(doc, sentence).is_punct(fraction.end, ")") {
        return None;
    }
    ratio(doc, &fraction.numerator, &fraction.denominator)
}

/// The head word of the unit of the figure at `k`.
fn head_at(doc: &Document, sentence: &[usize], k: usize) -> Option<String> {
    Cursor::new(doc, sentence)
        .unit_words(k + 1)
        .into_iter()
        .next()
}

/// A share of a whole stated earlier in the sentence, the part's figure right before `end`
/// (a comma, a verb or a parenthesis): "tiếp nhận 200 đơn, giải quyết 150 đơn, đạt 75%";
/// "có 40 cán bộ, trong đó 30 cán bộ nữ (75%)"; and the whole after the part: "giải quyết
/// 172 vụ trên tổng số 181 vụ, đạt 95%". Part and whole share their unit's head word.
fn share_of_whole(doc: &Document, sentence: &[usize], end: usize) -> Option<Contradiction> {
    let c = Cursor::new(doc, sentence);
    let end = if end > 0 && c.is_punct(end - 1, ",") {
        end - 1
    } else {
        end
    };
    let (last, unit) = (end.saturating_sub(5)..end).find_map(|start| {
        let figure = c.figure_at(start)?;
        let unit = c.unit_words(start + 1);
        (start + 1 + unit.len() == end && !unit.is_empty()).then_some((figure, unit))
    })?;
    let head = &unit[0];
    let same_head = |k: usize| head_at(doc, sentence, k).as_ref() == Some(head);
    let before = |k: usize, n: usize| k.checked_sub(n).and_then(|p| c.word(p));
    // "X ... trên (tổng số) Y": `last` is the whole.
    let over = before(last.at, 1) == Some("trên")
        || before(last.at, 1) == Some("số")
            && before(last.at, 2) == Some("tổng")
            && before(last.at, 3) == Some("trên");
    if over {
        let part = (0..last.at)
            .rev()
            .find(|&k| c.figure_at(k).is_some() && !c.is_punct(k + 1, "%") && same_head(k))?;
        return ratio(doc, &c.figure_at(part)?, &last);
    }
    let whole = (0..last.at).rev().find(|&k| {
        c.figure_at(k).is_some()
            && same_head(k)
            && before(k, 1).is_some_and(|w| WHOLE_MARKERS.contains(w))
    })?;
    ratio(doc, &last, &c.figure_at(whole)?)
}

/// The position after a unit from `k`, a rate included ("tạ/ha", "triệu đồng/người").
fn unit_end(c: &Cursor<'_>, k: usize) -> usize {
    let end = k + c.unit_words(k).len();
    if end > k && c.is_punct(end, "/") && c.word(end + 1).is_some() {
        end + 2
    } else {
        end
    }
}

/// "từ A [unit] lên|xuống [còn] B" before the verb: the values changed from and to.
fn from_to_before(
    doc: &Document,
    sentence: &[usize],
    verb_at: usize,
) -> Option<(FigureAt, FigureAt)> {
    let c = Cursor::new(doc, sentence);
    let from_at = (verb_at.saturating_sub(14)..verb_at)
        .rev()
        .find(|&k| c.word_is(k, "từ") && c.figure_at(k + 1).is_some())?;
    let from = c.figure_at(from_at + 1)?;
    // The unit between: words, or a rate "tạ/ha".
    let mut k = (from_at + 2..from_at + 7)
        .take_while(|&p| c.word(p).is_some() || c.is_punct(p, "/"))
        .find(|&p| matches!(c.word(p), Some("lên" | "xuống")))?
        + 1;
    while matches!(c.word(k), Some("còn" | "mức" | "đến")) {
        k += 1;
    }
    let to = c.figure_at(k)?;
    // Nothing but the unit and a comma between the "to" value and the verb.
    let after = unit_end(&c, k + 1);
    let gap_ok = after == verb_at || after + 1 == verb_at && c.is_punct(after, ",");
    gap_ok.then_some((from, to))
}

/// "X đơn vị, tăng Z% so với cùng kỳ (Y đơn vị)".
fn change_claim(
    doc: &Document,
    sentence: &[usize],
    verb_at: usize,
    percent: &Percent,
    sign: f64,
) -> Option<Contradiction> {
    let after = percent.sign_at + 1;
    let (now, before) = match from_to_before(doc, sentence, verb_at) {
        Some((from, to)) => (to, from),
        None => {
            let (now, unit) = figure_before_verb(doc, sentence, verb_at)?;
            let compares = Cursor::new(doc, sentence).word(after) == Some("so")
                && Cursor::new(doc, sentence).word(after + 1) == Some("với");
            if !compares {
                return None;
            }
            (
                now,
                figure_in_parens_after(doc, sentence, after + 2, &unit)?,
            )
        }
    };
    if now.figure.ambiguous || before.figure.ambiguous || before.figure.value == 0.0 {
        return None;
    }
    let computed = sign * (now.figure.value - before.figure.value) / before.figure.value * 100.0;
    let (n, b) = (&doc.text[now.span.clone()], &doc.text[before.span.clone()]);
    let formula = if sign > 0.0 {
        format!("({n} − {b}) / {b}")
    } else {
        format!("({b} − {n}) / {b}")
    };
    Some(Contradiction {
        computed,
        formula,
        operands: [
            (now, "số liệu kỳ này", "this period's figure"),
            (before, "số liệu để so sánh", "the figure compared with"),
        ],
    })
}

/// "12.455 tỷ đồng, " right before the verb: the figure and its unit.
fn figure_before_verb(
    doc: &Document,
    sentence: &[usize],
    verb_at: usize,
) -> Option<(FigureAt, Vec<String>)> {
    let end = if verb_at > 0 && Cursor::new(doc, sentence).is_punct(verb_at - 1, ",") {
        verb_at - 1
    } else {
        verb_at
    };
    (end.saturating_sub(4)..end).find_map(|start| {
        let figure = Cursor::new(doc, sentence).figure_at(start)?;
        let unit = Cursor::new(doc, sentence).unit_words(start + 1);
        (start + 1 + unit.len() == end && !unit.is_empty()).then_some((figure, unit))
    })
}

/// "(Y đơn vị)" within a few words after `from`, with the same unit (or none).
fn figure_in_parens_after(
    doc: &Document,
    sentence: &[usize],
    from: usize,
    unit: &[String],
) -> Option<FigureAt> {
    let open = (from..(from + 7).min(sentence.len()))
        .find(|&p| Cursor::new(doc, sentence).is_punct(p, "("))?;
    if (from..open).any(|p| {
        Cursor::new(doc, sentence).word(p).is_none() && Cursor::new(doc, sentence).year(p).is_none()
    }) {
        return None; // only words (and a year) between the claim and the parenthesis
    }
    let figure = Cursor::new(doc, sentence).figure_at(open + 1)?;
    let inner_unit = Cursor::new(doc, sentence).unit_words(open + 2);
    let close = open + 2 + inner_unit.len();
    (Cursor::new(doc, sentence).is_punct(close, ")")
        // The unit may carry a modifier on one side: "12 hội viên mới ... (10 hội viên)".
        && (inner_unit.is_empty() || unit.starts_with(&inner_unit) || inner_unit.starts_with(unit)))
    .then_some(figure)
}

#[cfg(test)]
mod tests {
    use super::{Claim, PercentMismatch};
    use crate::lists::{CHANGE_VERBS, PERCENT_QUALIFIERS};
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn every_listed_qualifier_and_change_verb_has_a_meaning() {
        for (word, claim) in PERCENT_QUALIFIERS.pairs() {
            assert!(Claim::listed(claim).is_some(), "{word}: {claim}");
        }
        for (verb, sign) in CHANGE_VERBS.pairs() {
            assert!(
                sign.parse::<f64>().is_ok_and(|s| s.abs() == 1.0),
                "{verb}: {sign}"
            );
        }
    }

    #[test]
    fn fails_when_the_arithmetic_disagrees() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Thu ngân sách đạt 12.455,236 tỷ đồng / 19.492,800 tỷ đồng, tăng 36% so với cùng kỳ 2023 và đạt hơn 64% dự toán.",
                    &["64%"],
                ),
                ("Đã hoàn thành 45/60 chỉ tiêu (80%).", &["80%"]),
                (
                    "Thu đạt 742,5 tỷ đồng, bằng 58,4% dự toán (1.250 tỷ đồng).",
                    &["58,4%"],
                ),
                (
                    "Thu đạt 1.426,8 tỷ đồng, tăng 29% so với cùng kỳ (1.180 tỷ đồng).",
                    &["29%"],
                ),
                (
                    "Giải ngân 412,6 tỷ đồng / 507,4 tỷ đồng, đạt gần 90% kế hoạch.",
                    &["90%"],
                ),
                (
                    "Giải ngân 300 tỷ đồng / 400 tỷ đồng, đạt 75,5% kế hoạch.",
                    &["75,5%"],
                ),
                ("Toàn xã đạt 50% (5.456/8.800 hộ).", &["50%"]),
                (
                    "Năng suất tăng từ 60 tạ/ha lên 63,6 tạ/ha, tăng 13%.",
                    &["13%"],
                ),
                (
                    "Số vụ giảm từ 38 vụ xuống còn 29 vụ, giảm 28,7%.",
                    &["28,7%"],
                ),
                (
                    "Xảy ra 17 vụ cháy, giảm 36% so với cùng kỳ năm 2023 (25 vụ).",
                    &["36%"],
                ),
                (
                    "Tòa giải quyết 172 vụ án trên tổng số 181 vụ thụ lý, đạt 83%.",
                    &["83%"],
                ),
                (
                    "Phường tiếp nhận 200 đơn, giải quyết 150 đơn, đạt hơn 80%.",
                    &["80%"],
                ),
                (
                    "Chi bộ có 40 cán bộ, trong đó 30 cán bộ (80%) là nữ.",
                    &["80%"],
                ),
                (
                    "Kết nạp 12 hội viên mới, đạt 150% kế hoạch (10 hội viên).",
                    &["150%"],
                ),
            ],
        );
    }

    #[test]
    fn silent_when_right_or_when_the_operands_are_unclear() {
        silent(
            &PercentMismatch,
            &[
                "Thu ngân sách đạt 12.455,236 tỷ đồng / 19.492,800 tỷ đồng, tăng 36% so với cùng kỳ 2023 và đạt gần 64% dự toán.",
                "Thu ngân sách đạt 12.455,236 tỷ đồng / 19.492,800 tỷ đồng, đạt 63,9% dự toán.",
                "Đã hoàn thành 45/60 chỉ tiêu (75%).",
                "Thu đạt 742,5 tỷ đồng, bằng 59,4% dự toán (1.250 tỷ đồng).",
                "Thu đạt 1.426,8 tỷ đồng, tăng 20,9% so với cùng kỳ (1.180 tỷ đồng).",
                "Tỷ lệ hộ nghèo giảm còn 1,2%.",
                "Ngày 27/6 có 64% đại biểu tán thành.",
                "Giải ngân 400 tỷ đồng / 500 tỷ đồng, đạt trên 79% kế hoạch.",
                "Thu 5 tỷ đồng / 7 triệu đồng, đạt 70% dự toán.",
                "Toàn xã đạt 62% (5.456/8.800 hộ).",
                "Năng suất tăng từ 60 tạ/ha lên 63,6 tạ/ha, tăng 6%.",
                "Số vụ giảm từ 38 vụ xuống còn 29 vụ, giảm 23,7%.",
                "Tòa giải quyết 172 vụ án trên tổng số 181 vụ thụ lý, đạt 95%.",
                "Phường tiếp nhận 200 đơn, giải quyết 150 đơn, đạt 75%.",
                "Chi bộ có 40 cán bộ, trong đó 30 cán bộ (75%) là nữ.",
                "Năm trước giải quyết 100 đơn; năm nay giải quyết 150 đơn, đạt 95% kế hoạch.",
            ],
        );
    }

    #[test]
    fn the_message_shows_the_computation() {
        let text = "Thu đạt 12.455,236 tỷ đồng / 19.492,800 tỷ đồng, đạt hơn 64% dự toán.";
        let found = check(&PercentMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "64%");
        assert_eq!(
            found[0].message.vi,
            "12.455,236 / 19.492,800 = 63,90 %, không phải “hơn 64%”"
        );
        let related: Vec<&str> = found[0]
            .related
            .iter()
            .map(|r| &text[r.span.clone()])
            .collect();
        assert_eq!(related, vec!["12.455,236", "19.492,800"]);
    }
}
