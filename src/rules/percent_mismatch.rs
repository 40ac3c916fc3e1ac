use crate::analysis::cursor::Cursor;
use crate::analysis::figures::{FigureAt, Percent};
use crate::analysis::quantities::{Quantity, same_things};
use crate::analysis::sentences::{Sentences, sentences};
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::{
    BREAKDOWN_OPENERS, CHANGE_VERBS, NUMBER_LABEL_WORDS, PERCENT_QUALIFIERS, PLAN_WORDS,
    RATIO_VERBS, UNIT_ABBREVIATIONS, WHOLE_MARKERS,
};
use crate::rules::{LintContext, OptionSpec, Rule, RuleMeta, declare_rule};
use crate::text::numbers::{self, NumberStyle};
use crate::text::punctuation;

declare_rule! {
    /// A percentage that the figures it is computed from contradict.
    ///
    /// ## What it does
    /// Finds a percentage stated together with its operands and recomputes it: "X / Y, đạt
    /// Z%", "X/Y chỉ tiêu (Z%)", "X tỷ đồng, bằng Z% dự toán (Y tỷ đồng)", "X tỷ đồng, tăng Z%
    /// so với cùng kỳ (Y tỷ đồng)", "Z% (X/Y hộ)", "tăng từ A lên B, tăng Z%", and a share of
    /// a whole stated earlier in the sentence ("tiếp nhận Y đơn, giải quyết X đơn, đạt Z%";
    /// "X vụ trên tổng số Y vụ, đạt Z%"; "X
    /// trong số Y sinh viên, chiếm Z%"), a plan in parentheses ("X hội viên, vượt kế hoạch (Y
    /// hội viên), đạt Z%"), a comparison ("cao hơn Z% so với ... (Y tấn/ha)", "vượt Z% so
    /// với kế hoạch (Y)"), a difference and its share ("giảm X vụ, tương đương Z%", "tăng X
    /// tỷ đồng (Z%) so với đầu năm (Y tỷ đồng)", "So với cùng kỳ (Y vụ), ... giảm X vụ, tức
    /// Z%") and ", tỷ lệ Z%" after "X trên Y". A part counted as "người", "em" or "đồng
    /// chí" is a part of a whole of members, pupils or delegates ("có 60 đoàn viên, trong
    /// đó nữ 33 người (55%)"). A change is also read from two figures told apart by their
    /// periods ("năm 2024 đạt A, năm 2025 đạt B, tăng Z%"; "B, tăng Z% (năm 2024: A)"; "B,
    /// so với A năm trước là tăng Z%"), and a share from a whole no word marks in the
    /// clause before ("phát hiện 146 vụ, làm rõ 131 vụ, đạt Z%"): both as warnings
    /// (`unmarked-whole = 0` turns the second reading off; it is on by default). A
    /// headline's percentage that no percentage
    /// of the body agrees with is a warning when one body percentage shares most of its
    /// words (the same measure). A
    /// percentage whose clause holds only its part is read with the sentence before (a
    /// whole after "có", "tiếp nhận", "thụ lý", a plan the percentage names, an earlier
    /// year) or the clause after ("; cùng kỳ năm trước ... Y"), as a warning; a change
    /// between two percentages may be meant in points, and a figure like "2.575" in a
    /// document with no decimals is read both ways: either reading agrees. A
    /// percentage is about the nearest quantity (a figure with its unit) it can be about:
    /// another quantity between a ratio and the claim means the claim is about that one.
    /// "1.020/1.200" gives the same ratio under either reading of the dots. The words before the figure decide what agrees with it:
    /// the qualifiers of `rules/lists/percent-qualifiers.txt` say above ("hơn", "vượt"),
    /// near ("xấp xỉ", "khoảng") or below ("dưới"); a plain verb of
    /// `rules/lists/ratio-verbs.txt` ("đạt", "chiếm") needs the same value at the precision
    /// written (64% accepts 63,5 to 64,99: rounded or cut). The message shows the computation. It stays
    /// silent when it cannot tell which figures are the operands, on a percentage in a
    /// parenthesis that opens with another period ("(năm 2024 đạt 95%)"), and where a word
    /// only ends like a whole's marker ("quản lý 127 tỷ đồng" is no "thụ lý") or "trên"
    /// follows a verb ("tăng trên 6 nghìn tỷ đồng" is "more than").
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
        options: [OptionSpec::integer("unmarked-whole", 1, 0)],
        vi: "Tỷ lệ phần trăm không khớp với các số liệu dùng để tính ra nó.

## Tác dụng
Tìm tỷ lệ phần trăm được nêu cùng các số liệu gốc và tính lại: “X / Y, đạt Z%”, “X/Y chỉ tiêu (Z%)”, “X tỷ đồng, bằng Z% dự toán (Y tỷ đồng)”, “X tỷ đồng, tăng Z% so với cùng kỳ (Y tỷ đồng)”, “Z% (X/Y hộ)”, “tăng từ A lên B, tăng Z%”, phần của một tổng đã nêu trước đó trong câu (“tiếp nhận Y đơn, giải quyết X đơn, đạt Z%”; “X vụ trên tổng số Y vụ, đạt Z%”; “X trong số Y sinh viên, chiếm Z%”), kế hoạch trong ngoặc (“X hội viên, vượt kế hoạch (Y hội viên), đạt Z%”), phép so sánh (“cao hơn Z% so với ... (Y tấn/ha)”, “vượt Z% so với kế hoạch (Y)”), mức chênh lệch và tỷ lệ của nó (“giảm X vụ, tương đương Z%”, “tăng X tỷ đồng (Z%) so với đầu năm (Y tỷ đồng)”, “So với cùng kỳ (Y vụ), ... giảm X vụ, tức Z%”) và “, tỷ lệ Z%” sau “X trên Y”. Phần được đếm bằng “người”, “em” hay “đồng chí” là phần của một tổng số hội viên, học sinh hay đại biểu (“có 60 đoàn viên, trong đó nữ 33 người (55%)”). Mức thay đổi còn được đọc từ hai số liệu phân biệt bằng kỳ của chúng (“năm 2024 đạt A, năm 2025 đạt B, tăng Z%”; “B, tăng Z% (năm 2024: A)”; “B, so với A năm trước là tăng Z%”), và tỷ lệ của một tổng ở vế trước không có từ nào đánh dấu (“phát hiện 146 vụ, làm rõ 131 vụ, đạt Z%”): cả hai ở mức cảnh báo (`unmarked-whole = 0` tắt cách đọc thứ hai; mặc định bật). Tỷ lệ ở tiêu đề mà không tỷ lệ nào trong thân bài khớp được báo ở mức cảnh báo khi có đúng một tỷ lệ trong thân bài có chung nhiều từ nhất với nó (cùng một chỉ số). Tỷ lệ mà mệnh đề của nó chỉ có phần được đọc cùng câu trước (tổng sau “có”, “tiếp nhận”, “thụ lý”, kế hoạch mà tỷ lệ nêu, một năm trước đó) hoặc vế sau (“; cùng kỳ năm trước ... Y”), ở mức cảnh báo; mức thay đổi giữa hai tỷ lệ phần trăm có thể được hiểu theo điểm phần trăm, và con số như “2.575” trong văn bản không có số thập phân được đọc theo cả hai cách: khớp với một cách đọc là đủ. Tỷ lệ phần trăm nói về đại lượng (con số kèm đơn vị) gần nhất mà nó có thể nói về: nếu giữa một tỷ số và tỷ lệ có một đại lượng khác thì tỷ lệ nói về đại lượng đó. “1.020/1.200” cho cùng một tỷ lệ dù dấu chấm được đọc theo cách nào. Từ đứng trước con số quyết định thế nào là khớp: các từ ghi trong `rules/lists/percent-qualifiers.txt` đòi tỷ lệ lớn hơn Z (“hơn”, “vượt”), gần Z (“xấp xỉ”, “khoảng”) hoặc nhỏ hơn Z (“dưới”); một động từ ghi trong `rules/lists/ratio-verbs.txt` (“đạt”, “chiếm”) đòi bằng Z ở độ chính xác đã viết (64% chấp nhận từ 63,5 đến 64,99: làm tròn hoặc cắt bớt). Thông báo nêu rõ phép tính. Quy tắc im lặng khi không chắc số nào là tử số, số nào là mẫu số.

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
            // Rounded or cut at the precision written: 64% accepts 63,5 to 64,99.
            // A value rounded twice (to one more decimal, then to the precision written:
            // 95,2499 -> 95,25 -> 95,3) is still the value written.
            Claim::Equal => {
                let scale = 10f64.powi(i32::from(decimals) + 1);
                let twice = (computed * scale).round() / scale;
                [computed, twice]
                    .iter()
                    .any(|&v| v > stated - half_unit - EPS && v < stated + 2.0 * half_unit)
            }
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
    /// The value under another reading the writer may mean, either agreeing: a change
    /// between two percentages in points ("từ 18,5% xuống 16,2%, giảm 2,3%"), or a figure
    /// whose dot may group or mark decimals ("2.575") read the other way.
    other: Option<f64>,
    /// Lower than the rule's when the operands were read across clauses.
    severity: Option<crate::diagnostic::Severity>,
}

impl Rule for PercentMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let read_unmarked = ctx.integer("unmarked-whole") > 0;
        for (b, block) in doc.blocks.iter().enumerate() {
            let has_percent = doc
                .block_tokens(block)
                .iter()
                .any(|t| doc.token_text(t) == "%");
            if !has_percent {
                continue;
            }
            let clauses = sentences(doc, block);
            for (i, sentence) in clauses.iter().enumerate() {
                // "Đã giải quyết 6.105 hồ sơ; trong đó ... 6.031 hồ sơ, chiếm 98,8%": a clause
                // opening with "trong đó" is read with the clause whose whole it splits.
                let joined: Vec<usize>;
                let (tokens, first) = match i.checked_sub(1).map(|p| &clauses[p]) {
                    Some(previous) if splits_previous(doc, previous, sentence) => {
                        joined = previous.iter().chain(sentence.iter()).copied().collect();
                        (joined.as_slice(), previous.len())
                    }
                    _ => (sentence, 0),
                };
                for percent in Cursor::new(doc, tokens).percents() {
                    if percent.figure.figure.ambiguous || percent.figure.at < first {
                        continue;
                    }
                    match self.check_percent(doc, tokens, &percent, read_unmarked) {
                        Reading::Contradicts(d) => out.push(d),
                        Reading::Agrees => {}
                        // Operands outside the clause: read with its neighbours, a warning.
                        Reading::Unread if first == 0 => {
                            let before: Vec<usize> = if i == 0 {
                                paragraph_split(doc, b, sentence)
                            } else {
                                (sentence_before(doc, &clauses, i)..i)
                                    .flat_map(|p| clauses[p].iter().copied())
                                    .collect()
                            };
                            let after = if i + 1 < clauses.len() {
                                &clauses[i + 1]
                            } else {
                                &[][..]
                            };
                            if let Some(d) =
                                self.check_across_clauses(doc, &before, sentence, after, &percent)
                            {
                                out.push(d);
                            }
                        }
                        Reading::Unread => {}
                    }
                }
            }
        }
        self.check_headline(doc, out);
    }
}

/// A percentage of the body with the words of its clause: from the previous percentage (or
/// the clause's start at ";") to the next one.
struct BodyPercent {
    value: f64,
    claim: Claim,
    span: std::ops::Range<usize>,
    words: Vec<String>,
}

/// Words too common to tie a headline to one figure of the body.
const COMMON_WORDS: [&str; 18] = [
    "của", "và", "các", "những", "với", "trong", "đã", "được", "là", "có", "năm", "cho", "tại",
    "trên", "theo", "từ", "hơn", "gần",
];

/// The fewest distinct words a headline's percentage shares with the body's to be read as
/// the same measure.
const HEADLINE_SHARED_WORDS: usize = 2;

impl PercentMismatch {
    /// The headline's percentage against the body's for the same measure: the body's
    /// percentage whose clause shares the most of the headline's lower-case words (at least
    /// `HEADLINE_SHARED_WORDS`, more than any other). Reported when no percentage of the body
    /// agrees with the headline's claim, as a warning with the body's figure as evidence.
    fn check_headline(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(title) = doc.blocks.iter().find(|b| b.kind == BlockKind::Title) else {
            return;
        };
        if !doc
            .block_tokens(title)
            .iter()
            .any(|t| doc.token_text(t) == "%")
        {
            return;
        }
        let body = body_percents(doc);
        if body.is_empty() {
            return;
        }
        for sentence in &sentences(doc, title) {
            let c = Cursor::new(doc, sentence);
            for percent in c.percents() {
                let stated = percent.figure.figure;
                if stated.ambiguous {
                    continue;
                }
                // "Bảo hiểm xã hội huyện X: thu đạt 101,2% kế hoạch": the measure is the part
                // of the headline around the percentage, not the issuer before the colon.
                let at = percent.figure.at;
                let colon = |k: &usize| c.is_punct(*k, ":");
                let from = (0..at).rev().find(colon).map_or(0, |k| k + 1);
                let to = (at..c.len()).find(colon).unwrap_or(c.len());
                let headline_words: Vec<String> = (from..to)
                    .filter(|&k| {
                        c.word(k).is_some_and(|w| !COMMON_WORDS.contains(&w))
                            && doc.case(c.token(k)) == crate::text::case::Case::Lower
                    })
                    .filter_map(|k| c.word(k).map(str::to_string))
                    .collect();
                let (claim, _) = claim_before(doc, sentence, percent.figure.at);
                if body
                    .iter()
                    .any(|b| claim.accepts(b.value, stated.value, stated.decimals))
                {
                    continue;
                }
                let shared = |b: &BodyPercent| {
                    let mut words: Vec<&String> = b
                        .words
                        .iter()
                        .filter(|w| headline_words.contains(w))
                        .collect();
                    words.sort_unstable();
                    words.dedup();
                    words.len()
                };
                let mut ranked: Vec<(usize, &BodyPercent)> =
                    body.iter().map(|b| (shared(b), b)).collect();
                ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
                let best = ranked[0];
                let unique = ranked.get(1).is_none_or(|second| second.0 < best.0);
                if best.0 < HEADLINE_SHARED_WORDS || !unique || best.1.claim != Claim::Equal {
                    continue;
                }
                let headline_text = &doc.text[percent.span.clone()];
                let body_text = &doc.text[best.1.span.clone()];
                out.push(
                    Diagnostic::new(
                        self.meta().id,
                        crate::diagnostic::Severity::Warning,
                        percent.span.clone(),
                        Message::new(
                            format!("Tiêu đề ghi “{headline_text}” nhưng thân bài ghi “{body_text}” cho cùng chỉ số"),
                            format!("The headline says “{headline_text}” but the body says “{body_text}” for the same measure"),
                        ),
                    )
                    .with_related(best.1.span.clone(), Message::new("thân bài ghi ở đây", "the body says it here")),
                );
            }
        }
    }
}

/// Every percentage outside the headline, with the words of its clause.
fn body_percents(doc: &Document) -> Vec<BodyPercent> {
    let mut out = Vec::new();
    for block in doc.blocks.iter().filter(|b| {
        b.kind != BlockKind::Title && doc.block_tokens(b).iter().any(|t| doc.token_text(t) == "%")
    }) {
        for sentence in &sentences(doc, block) {
            let c = Cursor::new(doc, sentence);
            let percents = c.percents();
            for (i, percent) in percents.iter().enumerate() {
                let after_previous = i.checked_sub(1).map_or(0, |p| percents[p].sign_at + 1);
                let start = (after_previous..percent.figure.at)
                    .rev()
                    .find(|&k| c.is_punct(k, ";"))
                    .map_or(after_previous, |k| k + 1);
                let end = percents.get(i + 1).map_or(c.len(), |next| next.figure.at);
                // The clause ends at the comma after the percentage: what follows
                // ("…, đóng góp 2 điểm vào tốc độ tăng trưởng") speaks of another measure.
                let end = (percent.sign_at..end)
                    .find(|&k| c.is_punct(k, ";") || c.is_punct(k, ","))
                    .unwrap_or(end);
                let (claim, _) = claim_before(doc, sentence, percent.figure.at);
                out.push(BodyPercent {
                    value: percent.figure.figure.value,
                    claim,
                    span: percent.span.clone(),
                    words: (start..end)
                        .filter_map(|k| c.word(k).map(str::to_string))
                        .collect(),
                });
            }
        }
    }
    out
}

/// The first clause of the sentence before clause `i` (the clauses of `i`'s own sentence
/// before it included): where operands stated before a percentage are looked for.
fn sentence_before(doc: &Document, clauses: &Sentences, i: usize) -> usize {
    let ends_sentence = |j: usize| {
        clauses[j]
            .last()
            .is_some_and(|&t| punctuation::ends_sentence(doc.token_text(&doc.tokens[t])))
    };
    let mut j = i;
    while j > 0 && !ends_sentence(j - 1) {
        j -= 1;
    }
    if j > 0 {
        j -= 1;
        while j > 0 && !ends_sentence(j - 1) {
            j -= 1;
        }
    }
    j
}

/// "... tiếp nhận 56.039 hồ sơ." then a paragraph "Trong đó, có 12.516 hồ sơ trực tuyến (đạt
/// tỷ lệ 22,33%)": a paragraph's first clause opening with "trong đó" or "trong số đó" splits
/// a whole of the paragraph before; that paragraph's last sentence, or nothing.
fn paragraph_split(doc: &Document, block: usize, clause: &[usize]) -> Vec<usize> {
    let opens_split = opens_breakdown(&Cursor::new(doc, clause), 0);
    let previous = block
        .checked_sub(1)
        .map(|p| &doc.blocks[p])
        .filter(|p| opens_split && p.kind == BlockKind::Paragraph);
    let Some(previous) = previous else {
        return Vec::new();
    };
    let clauses = sentences(doc, previous);
    (sentence_before(doc, &clauses, clauses.len())..clauses.len())
        .flat_map(|p| clauses[p].iter().copied())
        .collect()
}

/// Whether `clause` opens with "trong đó" or "trong số đó" right after `previous` ended
/// with a semicolon: its parts are parts of a whole stated there.
fn splits_previous(doc: &Document, previous: &[usize], clause: &[usize]) -> bool {
    let ends_with_semicolon = previous
        .last()
        .is_some_and(|&t| doc.token_text(&doc.tokens[t]) == ";");
    ends_with_semicolon && opens_breakdown(&Cursor::new(doc, clause), 0)
}

/// The most words of an entry of `breakdown-openers.txt`.
const MAX_OPENER_WORDS: usize = 3;

/// Whether the words at `from` are a breakdown opener of `breakdown-openers.txt` ("trong
/// đó", "trong số đó", "về cơ cấu"): what follows splits a whole stated before.
fn opens_breakdown(c: &Cursor<'_>, from: usize) -> bool {
    (2..=MAX_OPENER_WORDS).any(|n| {
        let words: Option<Vec<&str>> = (from..from + n).map(|k| c.word(k)).collect();
        words.is_some_and(|w| BREAKDOWN_OPENERS.contains(&w.join(" ")))
    })
}

/// What the operands found say of a percentage.
enum Reading {
    Agrees,
    Contradicts(Diagnostic),
    /// No operands found in the clause.
    Unread,
}

impl PercentMismatch {
    fn check_percent(
        &self,
        doc: &Document,
        sentence: &[usize],
        percent: &Percent,
        read_unmarked: bool,
    ) -> Reading {
        let at = percent.figure.at;
        if in_period_parenthesis(&Cursor::new(doc, sentence), at) {
            return Reading::Agrees;
        }
        let (claim, verb_at) = claim_before(doc, sentence, at);
        let verb = verb_at.and_then(|v| Cursor::new(doc, sentence).word(v));
        let found = if let Some(found) = difference_claim(doc, sentence, percent) {
            Some(found)
        } else if at > 0 && Cursor::new(doc, sentence).is_punct(at - 1, "(") {
            fraction_before_paren(doc, sentence, at - 1)
                .or_else(|| share_of_whole(doc, sentence, at - 1))
                .or_else(|| share_of_named_whole(&Cursor::new(doc, sentence), at - 1))
                .or_else(|| share_of_opening_whole(&Cursor::new(doc, sentence), at - 1))
                .or_else(|| {
                    let c = Cursor::new(doc, sentence);
                    let (end, part, whole) = part_over_whole(&c, at - 1)?;
                    c.measures_between(end, at - 1)
                        .is_empty()
                        .then(|| ratio(doc, &part, &whole))?
                })
        } else if let Some(found) = fraction_in_paren_after(doc, sentence, percent, verb) {
            Some(found)
        } else if let (Some(verb), Some(verb_at)) = (verb, verb_at) {
            if RATIO_VERBS.contains(verb) {
                ratio_claim(doc, sentence, verb_at, percent, read_unmarked)
            } else {
                CHANGE_VERBS
                    .value(verb)
                    .and_then(|sign| sign.parse().ok())
                    .and_then(|sign| change_claim(doc, sentence, verb_at, percent, sign))
            }
        } else {
            None
        };
        let Some(found) = found else {
            return Reading::Unread;
        };
        match self.judge(doc, sentence, percent, claim, verb_at, found) {
            Some(d) => Reading::Contradicts(d),
            None => Reading::Agrees,
        }
    }

    /// The finding when the claim does not accept the recomputed value (nor its other
    /// reading: points for a change between two percentages).
    fn judge(
        &self,
        doc: &Document,
        sentence: &[usize],
        percent: &Percent,
        claim: Claim,
        verb_at: Option<usize>,
        found: Contradiction,
    ) -> Option<Diagnostic> {
        let at = percent.figure.at;
        let stated = percent.figure.figure;
        let verb = verb_at.and_then(|v| Cursor::new(doc, sentence).word(v));
        // Operands read across clauses are a likely reading, not a sure one: a last decimal
        // off by one ("182 / 496 = 36,69 %" written "36,70%") is left to the writer.
        let last_unit = 10f64.powi(-i32::from(stated.decimals));
        let loose =
            found.severity == Some(crate::diagnostic::Severity::Warning) && stated.decimals > 0;
        let accepted = |v: f64| {
            v.is_finite()
                && (claim.accepts(v, stated.value, stated.decimals)
                    || loose
                        && claim == Claim::Equal
                        && (v - stated.value).abs() <= 1.5 * last_unit)
        };
        if accepted(found.computed) || found.other.is_some_and(accepted) {
            return None;
        }
        // The claim as quoted: from the qualifier on, and with the verb for a change
        // ("tăng 29%"), whose direction is part of what is wrong.
        // "tương đương 61,4%": the verb's two syllables are quoted.
        let is_change = verb.is_some_and(|v| CHANGE_VERBS.contains(v) || v == "tương");
        let claim_start = verb_at
            .map(|v| if is_change { v } else { v + 1 })
            .filter(|&v| v < at)
            .map_or(percent.span.start, |v| doc.tokens[sentence[v]].start());
        let claim_text = &doc.text[claim_start..percent.span.end];
        let vi_value = numbers::format(found.computed, 2, NumberStyle::Vietnamese);
        let en_value = numbers::format(found.computed, 2, NumberStyle::English);
        let mut d = Diagnostic::new(
            self.meta().id,
            found.severity.unwrap_or(self.meta().default_severity),
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

    /// A percentage whose clause holds only its part (or this period's figure): the whole,
    /// the plan or the figure compared with stated in the clause before, or the base in the
    /// clause after. Reported as a warning: the clauses are read together.
    fn check_across_clauses(
        &self,
        doc: &Document,
        before: &[usize],
        clause: &[usize],
        after: &[usize],
        percent: &Percent,
    ) -> Option<Diagnostic> {
        let joined: Vec<usize> = before.iter().chain(clause).chain(after).copied().collect();
        let shift = before.len();
        let shifted = Percent {
            figure: FigureAt {
                at: percent.figure.at + shift,
                ..percent.figure.clone()
            },
            span: percent.span.clone(),
            sign_at: percent.sign_at + shift,
        };
        let c = Cursor::new(doc, &joined);
        let (claim, verb_at) = claim_before(doc, &joined, shifted.figure.at);
        let Some(verb_at) = verb_at.filter(|&v| v >= shift) else {
            let mut found = verbless_share_of_breakdown(&c, shift, &shifted)?;
            found.severity = Some(crate::diagnostic::Severity::Warning);
            return self.judge(doc, &joined, &shifted, claim, None, found);
        };
        let end = shift + clause.len();
        // "tổng số cử tri … là: A; số cử tri … là: B (đạt tỉ lệ Z%)".
        let named = || {
            let verb = c.word(verb_at)?;
            RATIO_VERBS
                .contains(verb)
                .then(|| share_of_named_whole(&c, verb_at))?
        };
        let mut found = across_clauses(&c, shift, end, verb_at, &shifted).or_else(named)?;
        found.severity = Some(crate::diagnostic::Severity::Warning);
        self.judge(doc, &joined, &shifted, claim, Some(verb_at), found)
    }
}

/// The claim the words before position `at` make, and where its verb is (if any).
fn claim_before(doc: &Document, sentence: &[usize], at: usize) -> (Claim, Option<usize>) {
    let mut claim = Claim::Equal;
    let mut pos = at;
    // Up to two qualifier words ("xấp xỉ", "gần như") and "tỷ lệ", "mức" between the verb
    // and the figure.
    for _ in 0..5 {
        let Some(prev) = pos.checked_sub(1) else {
            break;
        };
        let Some(word) = Cursor::new(doc, sentence).word(prev) else {
            // ", tỷ lệ 80%": the rate's name alone claims the share.
            let c = Cursor::new(doc, sentence);
            if pos >= 1 && is_ty(c.word(pos)) && c.word(pos + 1) == Some("lệ") {
                return (claim, Some(pos));
            }
            break;
        };
        let before = prev
            .checked_sub(1)
            .and_then(|p| Cursor::new(doc, sentence).word(p));
        if word == "hơn" && matches!(before, Some("cao" | "thấp")) {
            // A comparative ("cao hơn 20% so với ..."): the change itself, not a bound.
            return (claim, prev.checked_sub(1));
        }
        if matches!(word, "đương" | "ứng") && before == Some("tương") {
            // "tương đương 61,4%", "tương ứng 60%": the verb starts at "tương".
            return (claim, prev.checked_sub(1));
        }
        if word == "vượt" && pos == at && exceeds_by(doc, sentence, at) {
            // "vượt 5% so với kế hoạch": exceeded by that much, a change.
            return (claim, Some(prev));
        }
        if let Some(c) = PERCENT_QUALIFIERS.value(word).and_then(Claim::listed) {
            claim = c;
            pos = prev;
        } else if matches!(word, "xấp" | "như" | "tỷ" | "tỉ" | "lệ" | "mức") {
            pos = prev;
        } else if let Some(rate) = rate_name_before(doc, sentence, prev) {
            // "đạt tỷ lệ bao phủ 94,2%": the rate's name stands between the verb and figure.
            pos = rate;
        } else {
            return (claim, Some(prev));
        }
    }
    (claim, None)
}

/// The start of "tỷ lệ" (or "tỷ trọng", "độ") when the words from it to `last` name a rate
/// ("tỷ lệ bao phủ", "tỷ lệ hộ nghèo", "độ bao phủ"): up to three lower-case words after it.
fn rate_name_before(doc: &Document, sentence: &[usize], last: usize) -> Option<usize> {
    let c = Cursor::new(doc, sentence);
    (last.saturating_sub(4)..last.saturating_sub(1))
        .rev()
        .find(|&j| {
            let named_from = if is_ty(c.word(j)) && matches!(c.word(j + 1), Some("lệ" | "trọng"))
            {
                j + 2
            } else if c.word(j) == Some("độ") && j + 1 < last && names_a_rate(&c, j) {
                j + 1
            } else {
                return false;
            };
            (named_from..=last).all(|k| {
                c.word(k).is_some() && c.doc.case(c.token(k)) == crate::text::case::Case::Lower
            })
        })
}

/// "tỷ" or its other spelling "tỉ" ("tỉ lệ", "tỉ trọng"), both in use.
fn is_ty(word: Option<&str>) -> bool {
    matches!(word, Some("tỷ" | "tỉ"))
}

/// Whether "độ" at `k` opens a rate's name ("độ bao phủ", "Độ che phủ rừng đạt"), not the
/// second syllable of a noun ("tiến độ", "nồng độ cồn"): no word before it but a verb of
/// `rules/lists/ratio-verbs.txt` ("đạt độ bao phủ").
fn names_a_rate(c: &Cursor<'_>, k: usize) -> bool {
    k.checked_sub(1)
        .and_then(|p| c.word(p))
        .is_none_or(|w| RATIO_VERBS.contains(w))
}

/// Whether the figure at `k` is a label after its noun ("lớp 6", "đợt 2", "tổ 7"), not an
/// amount: the words of `rules/lists/number-label-words.txt`.
fn is_label_figure(c: &Cursor<'_>, k: usize) -> bool {
    k.checked_sub(1)
        .and_then(|j| c.word(j))
        .is_some_and(|w| NUMBER_LABEL_WORDS.contains(w))
}

/// X / Y as a percentage, with its formula written from the document's own figures.
fn ratio(doc: &Document, numerator: &FigureAt, denominator: &FigureAt) -> Option<Contradiction> {
    if denominator.figure.value == 0.0 {
        return None;
    }
    // "1.020/1.200" reads 1 020/1 200 or 1,02/1,2: the same ratio when both are ambiguous;
    // "876 / 2.575" is read both ways, either agreeing.
    let other = (numerator.figure.ambiguous != denominator.figure.ambiguous)
        .then(|| other_reading(doc, numerator) / other_reading(doc, denominator) * 100.0);
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
        other,
        severity: None,
    })
}

/// The figure's value with its one separator read the other way ("2.575": 2,575 when read
/// 2 575), or its value when it is not ambiguous.
fn other_reading(doc: &Document, f: &FigureAt) -> f64 {
    if !f.figure.ambiguous {
        f.figure.value
    } else if doc.text[f.span.clone()].contains('.') {
        f.figure.value / 1000.0
    } else {
        f.figure.value * 1000.0
    }
}

/// The most words describing a fraction's part between it and "(Z%)".
const MAX_FRACTION_DESCRIPTION: usize = 10;

/// The smallest whole of a fraction read with words between it and "(Z%)": "1/4", "2/3"
/// may be rough shares said in words.
const MIN_DESCRIBED_WHOLE: f64 = 20.0;

/// "X/Y chỉ tiêu (Z%)": the fraction right before the parenthesis; or "X/Y hộ đạt danh hiệu
/// gia đình văn hóa (Z%)": a fraction and words describing its part, none of them a plan,
/// a change or a comparison (which the percentage could be about instead).
fn fraction_before_paren(
    doc: &Document,
    sentence: &[usize],
    paren_at: usize,
) -> Option<Contradiction> {
    let c = Cursor::new(doc, sentence);
    let describes_part = |from: usize| {
        paren_at - from <= MAX_FRACTION_DESCRIPTION
            && (from..paren_at).all(|k| {
                c.word(k).is_some_and(|w| {
                    !PLAN_WORDS.contains(w) && !CHANGE_VERBS.contains(w) && w != "so"
                })
            })
    };
    // "chỉ có 1/4 bỏ phiếu cho A (25,5%)": a small fraction may be a rough one; a described
    // part is read only of a count.
    let fraction = (paren_at.saturating_sub(7 + MAX_FRACTION_DESCRIPTION)..paren_at)
        .rev()
        .filter_map(|start| c.fraction_at(start))
        .find(|f| {
            f.end == paren_at
                || f.end < paren_at
                    && f.denominator.figure.value >= MIN_DESCRIBED_WHOLE
                    && describes_part(f.end)
        })?;
    ratio(doc, &fraction.numerator, &fraction.denominator)
}

/// "X/Y ..., đạt Z%" and "X trên tổng số Y ..., đạt Z%" (the nearest such pair before the
/// verb, when no other quantity stands between it and the verb and no other share is claimed
/// in between); "X đơn vị, bằng Z% ... (Y đơn vị)"; "X đơn vị, vượt kế hoạch (Y đơn vị), đạt
/// Z%"; or a share of a whole stated earlier.
fn ratio_claim(
    doc: &Document,
    sentence: &[usize],
    verb_at: usize,
    percent: &Percent,
    read_unmarked: bool,
) -> Option<Contradiction> {
    let c = Cursor::new(doc, sentence);
    // "66/77 cơ quan đạt 85,71%": with no comma the fraction's unit runs on into the verb;
    // it is read up to the verb when the percentage ends its clause (names no base of its own).
    let after = percent.sign_at + 1;
    let ends_clause = after >= c.len() || c.word(after).is_none() && c.figure_at(after).is_none();
    let fraction = (0..verb_at)
        .rev()
        .filter_map(|start| c.fraction_at(start))
        .find(|f| f.end <= verb_at || ends_clause && f.denominator.at < verb_at)
        .map(|f| (f.end.min(verb_at), f.numerator, f.denominator));
    let nearest = [fraction, part_over_whole(&c, verb_at)]
        .into_iter()
        .flatten()
        .max_by_key(|(end, ..)| *end);
    let share_of_earlier = !names_its_own_base(&c, percent);
    if let Some((end, part, whole)) = nearest.filter(|_| share_of_earlier) {
        let claims_between = c.percents().iter().any(|p| {
            p.figure.at > end && p.figure.at < percent.figure.at && {
                let (_, v) = claim_before(doc, sentence, p.figure.at);
                v.and_then(|v| c.word(v))
                    .is_some_and(|w| RATIO_VERBS.contains(w))
            }
        });
        if claims_between {
            return None;
        }
        // Another quantity between the pair and the claim is what the claim is about; a
        // bound of the whole's description ("từ 18 tuổi trở lên") is not one.
        let about_another = c
            .measures_between(end, verb_at)
            .iter()
            .any(|q| !q.unit.iter().any(|w| w == "trở"));
        if !about_another {
            return ratio(doc, &part, &whole);
        }
    }
    if let Some((part, whole)) = whole_after_paren(&c, verb_at, percent) {
        return ratio(doc, &part, &whole);
    }
    if let Some(whole) = quantity_in_parens_after(&c, percent.sign_at + 1)
        .or_else(|| plan_named_after(&c, percent.sign_at + 1))
    {
        let part =
            part_before(&c, verb_at, &whole).or_else(|| quantity_before_claim(&c, verb_at))?;
        return ratio(doc, &part, &whole.figure);
    }
    if !share_of_earlier {
        return None;
    }
    if let Some((part, whole)) = plan_in_parens_before(&c, verb_at) {
        return ratio(doc, &part, &whole);
    }
    share_of_whole(doc, sentence, verb_at)
        .or_else(|| share_of_named_whole(&c, verb_at))
        .or_else(|| described_share(&c, verb_at, percent))
        .or_else(|| {
            read_unmarked
                .then(|| unmarked_whole_share(&c, verb_at, percent))
                .flatten()
        })
}

/// "phát hiện 146 vụ ..., điều tra làm rõ 131 vụ, đạt 89,7%": a share ending its clause,
/// its part right before ", verb" opening a clause of words, its whole the one other
/// quantity of that unit in the sentence, in the clause before. No word marks the whole,
/// so a warning.
fn unmarked_whole_share(
    c: &Cursor<'_>,
    verb_at: usize,
    percent: &Percent,
) -> Option<Contradiction> {
    let after = percent.sign_at + 1;
    let ends_clause = after >= c.len() || matches!(c.punct(after), Some("." | ";" | ","));
    let comma = verb_at.checked_sub(1).filter(|&k| c.is_punct(k, ","))?;
    if !ends_clause {
        return None;
    }
    let part = plain_measures(c, 0, comma)
        .pop()
        .filter(|q| q.end == comma)?;
    let mut same = plain_measures(c, 0, part.figure.at)
        .into_iter()
        .filter(|q| q.same_unit(&part));
    let (Some(whole), None) = (same.next(), same.next()) else {
        return None;
    };
    let separator = (whole.end..part.figure.at).find(|&k| c.word(k).is_none())?;
    let part_opens_clause =
        c.is_punct(separator, ",") && (separator + 1..part.figure.at).all(|k| c.word(k).is_some());
    if !part_opens_clause || is_approximate(c, &whole) || is_approximate(c, &part) {
        return None;
    }
    let mut found = ratio(c.doc, &part.figure, &whole.figure)?;
    found.severity = Some(crate::diagnostic::Severity::Warning);
    Some(found)
}

/// The most words describing a part between its unit and ", verb Z%".
const MAX_PART_DESCRIPTION: usize = 8;

/// "Toàn huyện có 126 tổ, trong đó 118 tổ được xếp loại tốt, chiếm 93,7%.": a part with
/// words describing it before the claim, of a whole the clause says has parts ("có N ...,
/// trong đó"), when the percentage ends its clause (names no base of its own).
fn described_share(c: &Cursor<'_>, verb_at: usize, percent: &Percent) -> Option<Contradiction> {
    let after = percent.sign_at + 1;
    let ends_clause = after >= c.len() || matches!(c.punct(after), Some("." | ";"));
    let comma = verb_at.checked_sub(1).filter(|&k| c.is_punct(k, ","))?;
    if !ends_clause {
        return None;
    }
    let part = (comma.saturating_sub(MAX_PART_DESCRIPTION + 4)..comma)
        .rev()
        .find_map(|k| c.quantity_at(k))
        .filter(|q| {
            (q.end..comma).all(|k| c.word(k).is_some()) && comma - q.end <= MAX_PART_DESCRIPTION
        })?;
    let whole = (0..part.figure.at).rev().find_map(|k| {
        let q = c.quantity_at(k)?;
        // "Trong số 2.268 tân sinh viên, có 1.361 em ...": a whole that opens the clause
        // is the whole of the first count after it, whatever that counts.
        let opening = opens_with_whole(c, k);
        let marked = k.checked_sub(1).is_some_and(|p| marks_whole(c, p)) || opening.is_some();
        let same = q.same_unit(&part)
            || opening == Some(true) && first_count_after(c, q.end) == Some(part.figure.at);
        (same && (marked || stated_as_whole(c, k, part.figure.at))).then_some(q)
    })?;
    ratio(c.doc, &part.figure, &whole.figure)
}

/// "Trong số 1.240 học viên tốt nghiệp, có 1.116 người có việc làm ... (90%)": the share
/// in parentheses at `paren` of the whole the clause opens with, its part the first count
/// after the whole's comma, no other figure but a duration between the part and the
/// parenthesis.
fn share_of_opening_whole(c: &Cursor<'_>, paren: usize) -> Option<Contradiction> {
    let whole = (0..paren.min(6))
        .filter_map(|k| c.quantity_at(k))
        .find(|q| opens_with_whole(c, q.figure.at) == Some(true))?;
    let part = first_count_after(c, whole.end)?;
    let figures_between = (part + 1..paren)
        .any(|k| c.figure_at(k).is_some() && !c.quantity_at(k).is_some_and(|q| q.is_duration()));
    if part >= paren || figures_between {
        return None;
    }
    ratio(c.doc, &c.figure_at(part)?, &whole.figure)
}

/// Whether the figure at `k` is the whole a clause opens with: "Trong N X", "Trong số N X",
/// "Trong tổng số N X" at the clause's start. `Some(true)` with "số" (the whole of whatever
/// part follows), `Some(false)` without (of parts counting the same thing).
fn opens_with_whole(c: &Cursor<'_>, k: usize) -> Option<bool> {
    let mut j = k;
    let mut counted = false;
    while j > 0 && matches!(c.word(j - 1), Some("số" | "tổng")) {
        counted = true;
        j -= 1;
    }
    (j == 1 && c.word_is(0, "trong")).then_some(counted)
}

/// The first figure with a unit after the comma that ends the whole's noun phrase.
fn first_count_after(c: &Cursor<'_>, from: usize) -> Option<usize> {
    let comma = (from..(from + 12).min(c.len())).find(|&k| c.word(k).is_none())?;
    if !c.is_punct(comma, ",") {
        return None;
    }
    (comma + 1..(comma + 4).min(c.len())).find(|&k| c.quantity_at(k).is_some())
}

/// Whether "vượt Z%" says by how much: "so với" follows the percentage, or a plan word
/// follows a percentage below 100 ("vượt 3% chỉ tiêu"; "vượt 105% kế hoạch" is a bound).
fn exceeds_by(doc: &Document, sentence: &[usize], at: usize) -> bool {
    let c = Cursor::new(doc, sentence);
    let plan_after = (at + 2..at + 4).any(|k| c.word(k).is_some_and(|w| PLAN_WORDS.contains(w)));
    c.is_punct(at + 1, "%")
        && (c.word(at + 2) == Some("so") && c.word(at + 3) == Some("với")
            || plan_after && c.figure(at).is_some_and(|f| f.value < 100.0))
}

/// "giảm 4 vụ, tương đương 22,2%", "tăng 36 tỷ đồng, tức 6,25%", "giảm 2 người (-25% so
/// với 8 người cùng kỳ)": a difference and its share of the figure compared with, given
/// after the percentage ("so với Y", "so với ... (Y)") or at the start of the sentence ("So
/// với cùng kỳ (Y), ... giảm X"), counting what the difference counts.
fn difference_claim(
    doc: &Document,
    sentence: &[usize],
    percent: &Percent,
) -> Option<Contradiction> {
    let c = Cursor::new(doc, sentence);
    let mut j = percent.figure.at;
    if j > 0 && matches!(c.punct(j - 1), Some("-" | "−" | "+")) {
        j -= 1;
    }
    // "(giảm 14,8%)", "tương ứng giảm 18%": the direction said again before the share.
    if j > 1
        && matches!(c.word(j - 1), Some("tăng" | "giảm"))
        && (c.word(j - 2).is_some() || c.is_punct(j - 2, "("))
    {
        j -= 1;
    }
    // The difference ends at "(" or at the comma before a connecting word.
    let end = if j > 0 && c.is_punct(j - 1, "(") {
        j - 1
    } else {
        let connector = match (
            j.checked_sub(2).and_then(|k| c.word(k)),
            j.checked_sub(1).and_then(|k| c.word(k)),
        ) {
            (Some("tương"), Some("đương" | "ứng")) => 2,
            (_, Some("tức")) => 1,
            _ => return None,
        };
        let comma = j.checked_sub(connector + 1)?;
        if !c.is_punct(comma, ",") {
            return None;
        }
        comma
    };
    // "giảm 306 trường hợp so với cùng kỳ (1.700 trường hợp), tương ứng giảm 18%": the
    // figure compared with closes the difference's clause.
    if let Some(found) = difference_before_base(&c, end) {
        return Some(found);
    }
    let difference = (end.saturating_sub(6)..end)
        .filter_map(|k| c.quantity_at(k))
        .find(|q| q.end == end)?;
    if !follows_change_verb(&c, &difference) {
        return None;
    }
    let mut after = percent.sign_at + 1;
    if c.is_punct(after, ")") {
        after += 1;
    }
    let after = if c.is_punct(after, ",") {
        after + 1
    } else {
        after
    };
    let compared = if c.word(after) == Some("so") && c.word(after + 1) == Some("với") {
        c.quantity_at(after + 2)
            .or_else(|| quantity_in_parens_after(&c, after + 2))
    } else {
        None
    }
    .or_else(|| leading_base(&c, difference.figure.at))?;
    difference_share(&c, difference, compared)
}

/// The figure of `quantity` comes right after "tăng" or "giảm".
fn follows_change_verb(c: &Cursor<'_>, quantity: &Quantity) -> bool {
    let verb = quantity.figure.at.checked_sub(1).and_then(|k| c.word(k));
    matches!(verb, Some("tăng" | "giảm"))
}

/// "tăng X [đơn vị] so với ... (Y [đơn vị])" ending at `end` (the comma before the share).
fn difference_before_base(c: &Cursor<'_>, end: usize) -> Option<Contradiction> {
    let close = end.checked_sub(1).filter(|&k| c.is_punct(k, ")"))?;
    let open = (close.saturating_sub(6)..close)
        .rev()
        .find(|&k| c.is_punct(k, "("))?;
    let compared = c.quantity_at(open + 1).filter(|q| q.end == close)?;
    let so = (open.saturating_sub(10)..open)
        .rev()
        .find(|&k| c.word(k) == Some("so") && c.word(k + 1) == Some("với"))?;
    if (so + 2..open).any(|k| c.word(k).is_none() && c.year(k).is_none()) {
        return None;
    }
    // The unit may have run into "so" ("306 trường hợp so").
    let difference = (so.saturating_sub(6)..so)
        .filter_map(|k| c.quantity_at(k))
        .find(|q| q.end == so || q.end == so + 1)?;
    if !follows_change_verb(c, &difference) {
        return None;
    }
    difference_share(c, difference, compared)
}

/// The difference as a share of the figure compared with, counting the same thing.
fn difference_share(
    c: &Cursor<'_>,
    difference: Quantity,
    compared: Quantity,
) -> Option<Contradiction> {
    let doc = c.doc;
    if !compared.same_unit(&difference) || compared.figure.figure.value == 0.0 {
        return None;
    }
    let (d, b) = (
        &doc.text[difference.figure.span.clone()],
        &doc.text[compared.figure.span.clone()],
    );
    let (df, cf) = (&difference.figure, &compared.figure);
    let other = (df.figure.ambiguous != cf.figure.ambiguous)
        .then(|| other_reading(doc, df) / other_reading(doc, cf) * 100.0);
    Some(Contradiction {
        computed: difference.figure.figure.value / compared.figure.figure.value * 100.0,
        formula: format!("{d} / {b}"),
        operands: [
            (difference.figure, "mức chênh lệch", "the difference"),
            (
                compared.figure,
                "số liệu để so sánh",
                "the figure compared with",
            ),
        ],
        other,
        severity: None,
    })
}

/// "So với năm 2023 (thu được 7,68 tỷ đồng), ...": the figure compared with, in
/// parentheses after a "so với" that opens the sentence's comparison before `before`
/// (a few words may lead the parenthesis).
fn leading_base(c: &Cursor<'_>, before: usize) -> Option<Quantity> {
    let so = (0..before).find(|&k| c.word(k) == Some("so") && c.word(k + 1) == Some("với"))?;
    let open =
        (so + 2..(so + 10).min(before)).find(|&k| c.word(k).is_none() && c.year(k).is_none())?;
    if !c.is_punct(open, "(") {
        return None;
    }
    let first = (open + 1..open + 4).find(|&k| c.word(k).is_none())?;
    let base = c.quantity_at(first)?;
    (c.is_punct(base.end, ")") && base.end < before).then_some(base)
}

/// "chiếm 60% tổng diện tích", "15,2% trong tổng vốn", "bằng 60,1% so cùng kỳ": the
/// percentage says what it is a share of (or compares with a period), so it is not the
/// share of a whole stated before it.
fn names_its_own_base(c: &Cursor<'_>, percent: &Percent) -> bool {
    let after = percent.sign_at + 1;
    match c.word(after) {
        Some("tổng" | "so") => true,
        Some("của" | "trong") => c.word(after + 1) == Some("tổng"),
        _ => false,
    }
}

/// Tokens looked back from "trên" or "trong" for the part ("28 công đoàn cơ sở được xếp
/// loại hoàn thành xuất sắc nhiệm vụ trên tổng số 112 đơn vị").
const MAX_PART_TO_WHOLE: usize = 16;

/// "X ... trên tổng số Y ...", "X trong (tổng) số Y ...", "X trên Y" (the same unit or
/// none on X): the nearest before `end`, with the position after the whole.
fn part_over_whole(c: &Cursor<'_>, end: usize) -> Option<(usize, FigureAt, FigureAt)> {
    let not_a_measure = |k: usize| {
        c.is_punct(k + 1, "%") || c.is_punct(k + 1, "/") || k > 0 && c.is_punct(k - 1, "/")
    };
    (0..end).rev().find_map(|m| {
        let marker = c.word(m).filter(|w| matches!(*w, "trên" | "trong"))?;
        // "trên địa bàn": a place, not a whole.
        if c.word(m + 1) == Some("địa") {
            return None;
        }
        // At most three words ("tổng số", "tổng chiều dài", "dự toán"), then the whole.
        let y = (m + 1..(m + 5).min(end)).find(|&k| c.word(k).is_none())?;
        let whole = c.figure_at(y).filter(|_| !not_a_measure(y))?;
        let totalled = (m + 1..y).any(|k| matches!(c.word(k), Some("số" | "tổng")));
        if marker == "trong" && !totalled {
            return None;
        }
        let whole_end = c.quantity_at(y).map_or(y + 1, |q| q.end);
        if whole_end > end {
            return None;
        }
        // A new clause or a rate of its own between the whole and the claim ("..., và tỷ lệ
        // biết chữ đạt 99%", "..., song diện tích ... chiếm 60%").
        let new_clause = (whole_end..end).any(|k| {
            matches!(c.word(k), Some("song" | "nhưng" | "lệ"))
                || c.is_punct(k, ",") && matches!(c.word(k + 1), Some("và" | "còn"))
        });
        if new_clause {
            return None;
        }
        let x = (m.saturating_sub(MAX_PART_TO_WHOLE)..m).rev().find(|&k| {
            c.kind(k) == Some(crate::text::tokens::TokenKind::Number)
                && !is_label_figure(c, k)
                && c.year(k).is_none()
        })?;
        let part = c.figure_at(x).filter(|_| !not_a_measure(x))?;
        let breaks = |k: usize| {
            c.is_punct(k, ",") && !totalled
                || matches!(c.punct(k), Some(";" | ":" | "(" | ")" | "–" | "-"))
        };
        if (x + 1..m).any(breaks) {
            return None;
        }
        // "X đơn vị trên Y đơn vị": X with no unit, or the same as Y's.
        let same_unit = x + 1 == m
            || matches!((c.quantity_at(x), c.quantity_at(y)), (Some(p), Some(w)) if p.same_unit(&w));
        (totalled || same_unit).then_some((whole_end, part, whole))
    })
}

/// The part: the nearest quantity before `verb_at` in the clause that counts what `whole`
/// counts (outside parentheses); or a bare figure right before ", verb"
/// ("Số người đến khám là 846, tăng 41% so với ... (600 người)").
fn part_before(c: &Cursor<'_>, verb_at: usize, whole: &Quantity) -> Option<FigureAt> {
    if verb_at >= 2
        && c.is_punct(verb_at - 1, ",")
        && c.figure_at(verb_at - 2).is_some()
        && c.quantity_at(verb_at - 2).is_none()
        && !verb_at.checked_sub(3).is_some_and(|k| c.is_punct(k, "/"))
        && !is_label_figure(c, verb_at - 2)
    {
        return c.figure_at(verb_at - 2);
    }
    let start = (0..verb_at)
        .rev()
        .find(|&k| matches!(c.punct(k), Some(";" | ":")))
        .map_or(0, |k| k + 1);
    // A figure in parentheses is a reference ("bằng 112,5% dự toán (930 tỷ đồng)"), not one
    // of the clause's own quantities.
    let in_parens = |k: usize| {
        (start..k)
            .rev()
            .find_map(|p| match c.punct(p) {
                Some("(") => Some(true),
                Some(")") => Some(false),
                _ => None,
            })
            .unwrap_or(false)
    };
    c.measures_between(start, verb_at)
        .into_iter()
        .rev()
        .find(|q| !in_parens(q.figure.at) && q.same_unit(whole))
        .map(|q| q.figure)
}

/// "giải quyết X vụ việc (đạt Z%) trong tổng số Y vụ việc": the percentage in parentheses
/// right after the part, the whole after them.
fn whole_after_paren(
    c: &Cursor<'_>,
    verb_at: usize,
    percent: &Percent,
) -> Option<(FigureAt, FigureAt)> {
    let open = verb_at.checked_sub(1).filter(|&k| c.is_punct(k, "("))?;
    let close = percent.sign_at + 1;
    if !c.is_punct(close, ")") {
        return None;
    }
    let part = (open.saturating_sub(1 + 3)..open)
        .filter_map(|k| c.quantity_at(k))
        .find(|q| q.end == open)?;
    let mut k = close + 1;
    if !matches!(c.word(k), Some("trong" | "trên")) {
        return None;
    }
    k += 1;
    while matches!(c.word(k), Some("tổng" | "số")) {
        k += 1;
    }
    let whole = c.quantity_at(k)?;
    part.same_unit(&whole)
        .then_some((part.figure, whole.figure))
}

/// The quantity that ends right before ", verb", whatever it counts ("Hội có 1.190 hội
/// viên, chiếm 82,6% tổng số phụ nữ ... (1.441 người)"): the subject of the share, when the
/// whole is given in its own words.
fn quantity_before_claim(c: &Cursor<'_>, verb_at: usize) -> Option<FigureAt> {
    let comma = verb_at.checked_sub(1).filter(|&k| c.is_punct(k, ","))?;
    // Its noun and a description of words ("15.806 lượt hộ đăng ký danh hiệu"), a label's
    // figure ("học sinh lớp 6") at most.
    let described = |from: usize| {
        (from..comma)
            .all(|k| c.word(k).is_some() || c.figure_at(k).is_some() && is_label_figure(c, k))
    };
    (comma.saturating_sub(MAX_DESCRIPTION_TOKENS)..comma)
        .rev()
        .find_map(|k| c.quantity_at(k))
        .filter(|q| !q.is_duration() && described(q.end))
        .map(|q| q.figure)
}

/// Tokens looked back from the comma for the subject's quantity.
const MAX_DESCRIPTION_TOKENS: usize = 10;

/// "X đơn vị, vượt kế hoạch (Y đơn vị), đạt Z%": the plan in parentheses right before the
/// verb and the part before it, counting the same thing.
fn plan_in_parens_before(c: &Cursor<'_>, verb_at: usize) -> Option<(FigureAt, FigureAt)> {
    let close = verb_at.checked_sub(2)?;
    if !c.is_punct(verb_at - 1, ",") || !c.is_punct(close, ")") {
        return None;
    }
    let open = (close.saturating_sub(6)..close)
        .rev()
        .find(|&k| c.is_punct(k, "("))?;
    let whole = c.quantity_at(open + 1).filter(|q| q.end == close)?;
    // A plan, not a comparison: "vượt kế hoạch (...)", "vượt chỉ tiêu được giao (...)".
    let planned =
        (open.saturating_sub(4)..open).any(|k| c.word(k).is_some_and(|w| PLAN_WORDS.contains(w)));
    if !planned {
        return None;
    }
    let part = part_before(c, open, &whole)?;
    Some((part, whole.figure))
}

/// "Z% (X/Y hộ)", "chiếm Z% số học sinh dự thi (X/Y em)", "Z% số cổ phần (X triệu trên Y
/// triệu cổ phần)": the fraction that fills a parenthesis right after the percentage or
/// after the words naming its base. A change ("tăng Z% (X/Y)") is not read this way.
fn fraction_in_paren_after(
    doc: &Document,
    sentence: &[usize],
    percent: &Percent,
    verb: Option<&str>,
) -> Option<Contradiction> {
    let c = Cursor::new(doc, sentence);
    let mut open = percent.sign_at + 1;
    let mut comma = false;
    if !c.is_punct(open, "(") {
        if verb.is_some_and(|v| CHANGE_VERBS.contains(v)) {
            return None;
        }
        while open < percent.sign_at + 8 && c.word(open).is_some() {
            open += 1;
        }
        // "chiếm Z% tổng dư nợ, tương đương X tỷ đồng trên Y tỷ đồng": after a comma and
        // a word or two, a pair that ends the clause.
        if c.is_punct(open, ",") && open > percent.sign_at + 1 {
            comma = true;
            let pair = (open + 1..open + 4).find(|&k| c.word(k).is_none())?;
            if pair == open + 1 {
                return None;
            }
            open = pair - 1;
        } else if open == percent.sign_at + 1 || !c.is_punct(open, "(") {
            return None;
        }
    }
    let (numerator, denominator, end) = match c.fraction_at(open + 1) {
        Some(f) => (f.numerator, f.denominator, f.end),
        None => {
            // "X [unit] trên Y [unit]".
            let x = c.figure_at(open + 1)?;
            let m = (open + 2..open + 6)
                .take_while(|&k| c.word(k).is_some())
                .find(|&k| c.word_is(k, "trên"))?;
            let y = c.figure_at(m + 1)?;
            (x, y, m + 2)
        }
    };
    // The unit or description after the fraction, then the closing parenthesis (or the
    // clause's end).
    let close = (end..(end + 6).min(c.len() + 1)).find(|&k| c.word(k).is_none())?;
    let closed = if comma {
        close >= c.len() || matches!(c.punct(close), Some("." | ";"))
    } else {
        c.is_punct(close, ")")
    };
    if !closed {
        return None;
    }
    ratio(doc, &numerator, &denominator)
}

/// A share of a whole stated earlier in the sentence, the part's figure right before `end`
/// (a comma, a verb or a parenthesis): "tiếp nhận 200 đơn, giải quyết 150 đơn, đạt 75%";
/// "có 40 cán bộ, trong đó 30 cán bộ nữ (75%)"; and the whole after the part: "giải quyết
/// 172 vụ trên tổng số 181 vụ, đạt 95%". Part and whole share their unit's head word.
fn share_of_whole(doc: &Document, sentence: &[usize], end: usize) -> Option<Contradiction> {
    let c = Cursor::new(doc, sentence);
    // "..., đạt Z%" and "... 10 vụ (chiếm Z%)".
    let end = if end > 0 && (c.is_punct(end - 1, ",") || c.is_punct(end - 1, "(")) {
        end - 1
    } else {
        end
    };
    // "với 6.596 hồ sơ trực tuyến (đạt tỷ lệ 28,39%)": the unit, then words describing the
    // part.
    let (last, (unit, unit_tokens)) =
        (end.saturating_sub(MAX_PART_DESCRIPTION)..end).find_map(|start| {
            let figure = c.figure_at(start)?;
            let (unit, tokens) = noun_after(&c, start);
            // Lower-case words: "Rb85 (72,2%)", "tại Canada (3,7%)" name what the share is of.
            let described = (start + 1 + tokens..end).all(|k| {
                c.word(k).is_some() && c.doc.case(c.token(k)) == crate::text::case::Case::Lower
            });
            (start + 1 + tokens <= end && described && !unit.is_empty())
                .then_some((figure, (unit, tokens)))
        })?;
    let described = last.at + 1 + unit_tokens < end;
    let head = &unit[0];
    let same_head = |k: usize| {
        let (other, _) = noun_after(&c, k);
        other.first() == Some(head) || same_things(&unit, &other)
    };
    let before = |k: usize, n: usize| k.checked_sub(n).and_then(|p| c.word(p));
    // "X ... trên (tổng số) Y": `last` is the whole.
    let over = before(last.at, 1) == Some("trên")
        && !last
            .at
            .checked_sub(2)
            .is_some_and(|p| is_verb_of_figures(&c, p))
        || before(last.at, 1) == Some("số")
            && before(last.at, 2) == Some("tổng")
            && before(last.at, 3) == Some("trên");
    if over {
        // "trên 100 hộ đã thoát nghèo": "more than", not "out of".
        if described {
            return None;
        }
        let part = (0..last.at)
            .rev()
            .find(|&k| c.figure_at(k).is_some() && !c.is_punct(k + 1, "%") && same_head(k))?;
        return ratio(doc, &c.figure_at(part)?, &last);
    }
    // "có 7.039 lễ hội dân gian (chiếm 88,36%), 332 lễ hội lịch sử (chiếm 4,16%)": a figure
    // with a share of its own is the part's sibling, not its whole; the whole is the
    // nearest marked figure before that is none.
    let whole = (0..last.at).rev().find(|&k| {
        c.figure_at(k).is_some()
            && same_head(k)
            && (k.checked_sub(1).is_some_and(|p| marks_whole(&c, p))
                || stated_as_whole(&c, k, last.at))
            && !has_own_share(&c, k, last.at)
            && !(counted_by_own_subject(&c, k) && counted_by_own_subject(&c, last.at))
    })?;
    if !same_parenthesis_level(&c, whole, last.at) {
        return None;
    }
    ratio(doc, &last, &c.figure_at(whole)?)
}

/// Whether the figure at `k` is the predicate ("có", "là") of a clause whose subject is a
/// count of its own ("số đại biểu do các cơ quan, tổ chức giới thiệu có 214 người", "số hộ
/// nghèo là 40 hộ"): two such clauses side by side are sibling counts, neither the other's
/// whole; only "tổng số" names a whole.
fn counted_by_own_subject(c: &Cursor<'_>, k: usize) -> bool {
    if !(k > 0 && (c.word_is(k - 1, "có") || c.word_is(k - 1, "là"))) {
        return false;
    }
    let subject = (0..k - 1)
        .rev()
        .take_while(|&j| c.figure_at(j).is_none() && !c.is_punct(j, ";"))
        .find(|&j| c.word_is(j, "số"));
    subject.is_some_and(|f| {
        let opens_clause = f == 0 || c.punct(f - 1).is_some();
        opens_clause && !(f > 0 && c.word_is(f - 1, "tổng"))
    })
}

/// "tổng số cử tri … là: 76.516.637; số cử tri đã bỏ phiếu là: 76.043.527 (đạt tỉ lệ
/// 99,38%)": figures without a unit, each named before it ("số N … là"); the part right
/// before `end` (a verb, a comma or a parenthesis), the whole the nearest figure before it
/// named "tổng số N" with the same noun, at the same level of parentheses, with no share
/// of its own and not below the part.
fn share_of_named_whole(c: &Cursor<'_>, end: usize) -> Option<Contradiction> {
    let end = if end > 0 && (c.is_punct(end - 1, ",") || c.is_punct(end - 1, "(")) {
        end - 1
    } else {
        end
    };
    let part_at = end.checked_sub(1)?;
    let part = c.figure_at(part_at)?;
    let (noun, total) = named_noun(c, part_at)?;
    if total {
        return None;
    }
    let whole_at = (0..part_at).rev().find(|&k| {
        c.figure_at(k).is_some() && named_noun(c, k).is_some_and(|(n, t)| t && n == noun)
    })?;
    let whole = c.figure_at(whole_at)?;
    let sibling = has_own_share(c, whole_at, part_at);
    let below = whole.figure.value < part.figure.value;
    if sibling || below || !same_parenthesis_level(c, whole_at, part_at) {
        return None;
    }
    ratio(c.doc, &part, &whole)
}

/// The most words between "số" and "là" before a figure named that way.
const MAX_NAMING_WORDS: usize = 10;

/// The words naming what a figure counts when they stand before it and no unit after it:
/// "số cử tri đã bỏ phiếu là: X" gives "cử tri"; with whether "tổng" opens the name.
fn named_noun(c: &Cursor<'_>, k: usize) -> Option<(Vec<String>, bool)> {
    if !c.unit_words(k + 1).is_empty() {
        return None;
    }
    let mut la = k.checked_sub(1)?;
    if c.is_punct(la, ":") {
        la = la.checked_sub(1)?;
    }
    if !c.word_is(la, "là") {
        return None;
    }
    let so = (la.saturating_sub(MAX_NAMING_WORDS)..la)
        .rev()
        .take_while(|&i| c.word(i).is_some())
        .find(|&i| c.word_is(i, "số"))?;
    let noun: Vec<String> = (so + 1..(so + 3).min(la))
        .filter_map(|i| c.word(i).map(str::to_string))
        .collect();
    let total = so > 0 && c.word_is(so - 1, "tổng");
    (!noun.is_empty()).then_some((noun, total))
}

/// The lower-case noun after the figure at `k`, or the words an abbreviation of
/// `unit-abbreviations.txt` there stands for ("14 ĐB nữ"), with the tokens it spans.
fn noun_after(c: &Cursor<'_>, k: usize) -> (Vec<String>, usize) {
    let words = c.unit_words(k + 1);
    let abbreviated = c.word(k + 1).is_some() && UNIT_ABBREVIATIONS.contains(c.text(k + 1));
    match c.quantity_at(k).filter(|_| words.is_empty() && abbreviated) {
        Some(q) => (q.unit, q.end - k - 1),
        None => {
            let tokens = words.len();
            (words, tokens)
        }
    }
}

/// Most tokens from a figure to the first figure after it read as the figure's own share.
const MAX_OWN_SHARE_DISTANCE: usize = 16;

/// Most words between an opening parenthesis and the share it opens with ("(chiếm tỷ lệ").
const MAX_SHARE_LEAD_WORDS: usize = 3;

/// Whether the figure at `k` is followed, after the words of its noun phrase and before
/// `limit`, by a share of its own: the first figure after it is a percentage that opens a
/// parenthesis ("(chiếm 88,36%)", "(48,8% dân số)", "(tỉ lệ 6,69%)") or follows ", chiếm".
/// The noun phrase may hold commas ("1.067 đại biểu có trình độ thạc sĩ, tiến sĩ (chiếm
/// 67,32%)"). Rates of the figure's group said later ("có 208 học viên, số nghiện lên tới
/// 50%") are not, nor a whole the clause then splits ("... (chiếm 30%), trong đó").
fn has_own_share(c: &Cursor<'_>, k: usize, limit: usize) -> bool {
    let to = limit.min(k + MAX_OWN_SHARE_DISTANCE);
    let Some(share) = (k + 1..to).find(|&j| c.figure_at(j).is_some()) else {
        return false;
    };
    if !c.is_punct(share + 1, "%") {
        return false;
    }
    let lead = (k + 1..share).rev().find(|&j| c.word(j).is_none());
    let opens_share = match lead {
        Some(d) if c.is_punct(d, "(") => share - d - 1 <= MAX_SHARE_LEAD_WORDS,
        Some(d) if c.is_punct(d, ",") => c.word(d + 1).is_some_and(|w| RATIO_VERBS.contains(w)),
        _ => false,
    };
    let phrase_end = lead.unwrap_or(share);
    // Only the words of the noun phrase (and commas between them) before the share.
    let noun_phrase = (k + 1..phrase_end)
        .all(|j| c.word(j).is_some() && !c.word_is(j, "trong") || c.is_punct(j, ","));
    // A split inside a parenthesis ("(… trong đó, tiến sĩ là 144 người)") breaks down the
    // figure, not a whole of the parts after it.
    let split_after = (share..limit)
        .any(|j| c.within_that_len(j).is_some() && same_parenthesis_level(c, j, limit));
    opens_share && noun_phrase && !split_after
}

/// Whether positions `from` and `to` stand at the same level of parentheses: "có 21 người
/// (tỉ lệ 4,2%), ... (khóa trước có 42 người, tỉ lệ 8,4%)" puts a figure of another period
/// in parentheses, no part of the figure outside them (nor the other way round).
fn same_parenthesis_level(c: &Cursor<'_>, from: usize, to: usize) -> bool {
    let mut depth = 0i32;
    for k in from..to {
        if c.is_punct(k, "(") {
            depth += 1;
        } else if c.is_punct(k, ")") {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        }
    }
    depth == 0
}

/// Whether the figure at `k` is a whole its clause says has parts: its noun phrase (a few
/// words), then "trong đó" or "trong số đó" (after a comma or a semicolon) before `part`
/// ("Đã giải quyết 6.105 hồ sơ; trong đó ... 6.031 hồ sơ, chiếm 98,8%").
fn stated_as_whole(c: &Cursor<'_>, k: usize, part: usize) -> bool {
    let mut j = k + 1;
    // Words, and figures of the description ("186 tỷ đồng với 3.905 lượt hộ vay; trong đó").
    while j < part
        && j < k + 12
        && (c.word(j).is_some() || c.figure_at(j).is_some() && !c.is_punct(j + 1, "%"))
        && !c.word_is(j, "trong")
    {
        j += 1;
    }
    if matches!(c.punct(j), Some("," | ";")) {
        j += 1;
    }
    c.within_that_len(j).is_some() && j + 2 <= part
}

/// The position after what follows the "to" value before the verb: its unit (a rate, a
/// percentage, a symbol: "tạ/ha", "m3/ngày đêm", "% tổng dư nợ") and a parenthesis without
/// figures ("(ước cả năm)").
fn after_value(c: &Cursor<'_>, k: usize, verb_at: usize) -> usize {
    let mut end = k;
    if c.is_punct(end, "%") {
        end += 1;
    }
    end += c.quantity_unit(end).len();
    // The rest of a long unit ("ngày đêm") and what the value is ("ở đợt 2", "năm 2024").
    while end < verb_at && end < k + 6 && in_change_description(c, end) && !c.is_punct(end, "%") {
        end += 1;
    }
    if c.is_punct(end, "(")
        && let Some(close) = (end + 1..(end + 8).min(verb_at)).find(|&p| c.is_punct(p, ")"))
        && (end + 1..close).all(|p| c.word(p).is_some())
    {
        end = close + 1;
    }
    end
}

/// Whether the token at `k` may stand inside the description of a value changed "từ A ...
/// lên B": a word, a year, a label's figure ("ở đợt 1"), a rate's slash or a percent sign.
fn in_change_description(c: &Cursor<'_>, k: usize) -> bool {
    c.word(k).is_some()
        || c.is_punct(k, "/")
        || c.is_punct(k, "%")
        || c.year(k).is_some()
        || c.figure_at(k).is_some() && is_label_figure(c, k)
}

/// "từ A [unit, description] lên|xuống [còn] B" with "từ" at `from_at`: the values changed
/// from and to, and the position after B's unit and description.
fn from_to_at(c: &Cursor<'_>, from_at: usize, limit: usize) -> Option<(FigureAt, FigureAt, usize)> {
    if !c.word_is(from_at, "từ") {
        return None;
    }
    let from = c.figure_at(from_at + 1)?;
    // The unit between, and what the value was ("từ 1.000 người ở Đại hội lần thứ IX lên").
    let mut k = (from_at + 2..(from_at + 12).min(limit))
        .take_while(|&p| in_change_description(c, p))
        .find(|&p| matches!(c.word(p), Some("lên" | "xuống")))?
        + 1;
    while matches!(c.word(k), Some("còn" | "mức" | "đến")) {
        k += 1;
    }
    let to = c.figure_at(k)?;
    Some((from, to, after_value(c, k + 1, limit)))
}

/// "từ A [unit] lên|xuống [còn] B" before the verb: the values changed from and to.
fn from_to_before(
    doc: &Document,
    sentence: &[usize],
    verb_at: usize,
) -> Option<(FigureAt, FigureAt)> {
    let c = Cursor::new(doc, sentence);
    let from_at = (verb_at.saturating_sub(20)..verb_at)
        .rev()
        .find(|&k| c.word_is(k, "từ") && c.figure_at(k + 1).is_some())?;
    let (from, to, after) = from_to_at(&c, from_at, verb_at)?;
    // Nothing but the unit, a comma and a connector ("tức", "tương đương") between the
    // "to" value and the verb.
    let mut k = after;
    if c.is_punct(k, ",") {
        k += 1;
    }
    while k < verb_at && matches!(c.word(k), Some("tức" | "hay" | "tương" | "đương" | "ứng"))
    {
        k += 1;
    }
    (k == verb_at).then_some((from, to))
}

/// "tăng Z% so với cùng kỳ, từ A lên B" and "giảm Z% (từ A xuống B)": the change given
/// after the percentage, past the words naming its base, in the same clause.
fn from_to_after(c: &Cursor<'_>, percent: &Percent) -> Option<(FigureAt, FigureAt)> {
    let mut k = percent.sign_at + 1;
    while k < c.len() && k < percent.sign_at + 10 && (c.word(k).is_some() || c.year(k).is_some()) {
        k += 1;
    }
    let paren = c.is_punct(k, "(");
    if !paren && !c.is_punct(k, ",") {
        return None;
    }
    let (from, to, after) = from_to_at(c, k + 1, c.len())?;
    // The change ends its clause: the parenthesis closes, or the sentence or clause goes on.
    let ends = if paren {
        c.is_punct(after, ")")
    } else {
        after >= c.len() || matches!(c.punct(after), Some("," | ";" | "."))
    };
    ends.then_some((from, to))
}

/// "X đơn vị, tăng Z% so với cùng kỳ (Y đơn vị)".
fn change_claim(
    doc: &Document,
    sentence: &[usize],
    verb_at: usize,
    percent: &Percent,
    sign: f64,
) -> Option<Contradiction> {
    let c = Cursor::new(doc, sentence);
    let after = percent.sign_at + 1;
    let from_to = from_to_before(doc, sentence, verb_at).or_else(|| from_to_after(&c, percent));
    let mut by_periods = false;
    let (now, before) = match from_to {
        Some((from, to)) => (to, from),
        None => {
            // "so với cùng kỳ (Y)", "so cùng kỳ năm trước (Y)".
            let compares = c.word(after) == Some("so");
            let from = after
                + if c.word(after + 1) == Some("với") {
                    2
                } else {
                    1
                };
            let plan_after = (after..(after + 3).min(c.len()))
                .take_while(|&k| c.word(k).is_some())
                .any(|k| c.word(k).is_some_and(|w| PLAN_WORDS.contains(w)));
            let before = if compares {
                quantity_in_parens_after(&c, from).or_else(|| base_said_after(&c, from))
            } else if plan_after {
                // "vượt 26% chỉ tiêu nghị quyết (đề ra 100 hội viên)".
                quantity_in_parens_after(&c, after).or_else(|| plan_named_after(&c, after))
            } else {
                leading_base(&c, verb_at)
            };
            match before.and_then(|b| Some((part_before(&c, verb_at, &b)?, b.figure))) {
                Some(found) => found,
                None => {
                    by_periods = true;
                    periods_compared(&c, verb_at, percent)?
                }
            }
        }
    };
    let mut found = change(&c, now, before, sign)?;
    // Told apart by their periods only: a warning.
    if by_periods {
        found.severity = Some(crate::diagnostic::Severity::Warning);
    }
    Some(found)
}

/// When a figure is said to be: a year, an earlier period ("cùng kỳ", "năm trước"), or
/// this one ("năm nay").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Period {
    Earlier,
    Year(i32),
    Current,
}

impl Period {
    /// Whether `self` is known to come before `other`.
    fn before(self, other: Period) -> bool {
        match (self, other) {
            (Period::Year(a), Period::Year(b)) => a < b,
            (Period::Earlier, Period::Earlier) | (Period::Current, _) => false,
            (Period::Earlier, _) | (_, Period::Current) => true,
            (Period::Year(_), Period::Earlier) => false,
        }
    }
}

/// Two-word names of a period, earlier or current.
const PERIOD_WORDS: [(&str, &str, Period); 8] = [
    ("cùng", "kỳ", Period::Earlier),
    ("năm", "trước", Period::Earlier),
    ("năm", "ngoái", Period::Earlier),
    ("kỳ", "trước", Period::Earlier),
    ("đầu", "năm", Period::Earlier),
    ("tháng", "trước", Period::Earlier),
    ("năm", "nay", Period::Current),
    ("hiện", "nay", Period::Current),
];

/// Tokens looked back from a figure for the period it is said of.
const PERIOD_LOOKBACK: usize = 8;

fn period_words_at(c: &Cursor<'_>, k: usize) -> Option<Period> {
    let (first, second) = (c.word(k)?, c.word(k + 1)?);
    // "10 tháng đầu năm" is this year's first months; "so với đầu năm" the year's start.
    if (first, second) == ("đầu", "năm")
        && !k
            .checked_sub(1)
            .and_then(|p| c.word(p))
            .is_some_and(|w| matches!(w, "so" | "với" | "từ"))
    {
        return None;
    }
    PERIOD_WORDS
        .iter()
        .find(|(a, b, _)| *a == first && *b == second)
        .map(|&(_, _, p)| p)
}

/// Whether "so với" stands right before the figure of `q`: the figure compared with.
fn compared_with(c: &Cursor<'_>, q: &Quantity) -> bool {
    let at = q.figure.at;
    at >= 2 && c.word(at - 2) == Some("so") && c.word(at - 1) == Some("với")
}

/// The period `q` is said of: an earlier one right after "so với", or the nearest year or
/// period's words among the few tokens before it in its clause or parenthesis ("năm 2024: 1.200 tỷ
/// đồng", "cùng kỳ đạt 370 tỷ đồng", "9 tháng năm 2025 đạt 952 triệu USD"), no other
/// quantity between.
fn period_of(c: &Cursor<'_>, q: &Quantity) -> Option<Period> {
    let at = q.figure.at;
    if compared_with(c, q) {
        return Some(Period::Earlier);
    }
    // "(giảm 22,9 triệu USD)": a difference, said of no period.
    if at
        .checked_sub(1)
        .and_then(|k| c.word(k))
        .is_some_and(|w| CHANGE_VERBS.contains(w))
    {
        return None;
    }
    for k in (at.saturating_sub(PERIOD_LOOKBACK)..at).rev() {
        if matches!(c.punct(k), Some("," | ";" | "." | "(" | ")")) || c.quantity_at(k).is_some() {
            return None;
        }
        if let Some(y) = c.year(k) {
            return Some(Period::Year(y));
        }
        if let Some(p) = period_words_at(c, k) {
            return Some(p);
        }
    }
    None
}

/// "9 tháng năm 2024 đạt 850 triệu USD, 9 tháng năm 2025 đạt 952 triệu USD, tăng 12%",
/// "đạt 1.380 tỷ đồng, tăng 15% (năm 2024: 1.200 tỷ đồng)", "2.346 ca, so với 2.040 ca
/// năm trước là tăng 15%": the two quantities of one unit in the clause up to the
/// percentage's comparison, told apart by the periods they are said of. This period's
/// figure comes before the verb; a figure said of no period is this period's only when
/// the other, of an earlier period, comes after it.
fn periods_compared(
    c: &Cursor<'_>,
    verb_at: usize,
    percent: &Percent,
) -> Option<(FigureAt, FigureAt)> {
    let mut depth = 0usize;
    let end = (percent.sign_at + 1..c.len())
        .find(|&k| {
            match c.punct(k) {
                Some("(") => depth += 1,
                Some(")") => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && matches!(c.punct(k), Some("," | ";" | "."))
        })
        .unwrap_or(c.len());
    let nearest = c.measures_between(0, verb_at).into_iter().next_back()?;
    let same: Vec<Quantity> = c
        .measures_between(0, end)
        .into_iter()
        .filter(|q| q.same_unit(&nearest) && !is_approximate(c, q))
        .collect();
    let [x, y] = same.as_slice() else {
        return None;
    };
    let (now, base) = match (period_of(c, x), period_of(c, y)) {
        (Some(px), Some(py)) if py.before(px) => (x, y),
        (Some(px), Some(py)) if px.before(py) => (y, x),
        // "so với 2.040 ca năm trước"; "(năm 2024: 1.200 tỷ đồng)" after the percentage, in
        // a parenthesis ("... và 7 tháng/2017 đạt 70,89 tỷ USD" is another figure's clause).
        (None, Some(Period::Earlier | Period::Year(_)))
            if compared_with(c, y)
                || (percent.sign_at..y.figure.at).any(|k| c.is_punct(k, "(")) =>
        {
            (x, y)
        }
        _ => return None,
    };
    (now.figure.at < verb_at).then(|| (now.figure.clone(), base.figure.clone()))
}

/// The change from `before` to `now` in percent (with its reading in points when both are
/// percentages).
fn change(c: &Cursor<'_>, now: FigureAt, before: FigureAt, sign: f64) -> Option<Contradiction> {
    let doc = c.doc;
    if before.figure.value == 0.0 {
        return None;
    }
    let relative = |n: f64, b: f64| sign * (n - b) / b * 100.0;
    let computed = relative(now.figure.value, before.figure.value);
    // "từ 40.000 lên 60.000": the same change under either reading of the dots, when both
    // are ambiguous; "từ 950 lên 1.020" is read both ways.
    let either_dot = (now.figure.ambiguous != before.figure.ambiguous)
        .then(|| relative(other_reading(doc, &now), other_reading(doc, &before)));
    // "từ 18,5% xuống 16,2%, giảm 2,3%": a change of two rates, often said in points.
    let is_rate = |f: &FigureAt| c.is_punct(f.at + 1, "%");
    let other = either_dot.or_else(|| {
        (is_rate(&now) && is_rate(&before))
            .then_some(sign * (now.figure.value - before.figure.value))
    });
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
        other,
        severity: None,
    })
}

/// "tăng 8% so với cùng kỳ, khi đó là 13.000 lượt": the figure compared with, said after
/// the period's words by "khi đó" or "lúc đó" (and "là", "đạt" or "có").
fn base_said_after(c: &Cursor<'_>, from: usize) -> Option<Quantity> {
    let comma =
        (from..(from + 8).min(c.len())).find(|&k| c.word(k).is_none() && c.year(k).is_none())?;
    if !c.is_punct(comma, ",")
        || !matches!(c.word(comma + 1), Some("khi" | "lúc"))
        || c.word(comma + 2) != Some("đó")
    {
        return None;
    }
    let mut k = comma + 3;
    if matches!(c.word(k), Some("là" | "đạt" | "có")) {
        k += 1;
    }
    c.quantity_at(k)
}

/// The measures of `from..to` outside parentheses, durations left out.
fn plain_measures(c: &Cursor<'_>, from: usize, to: usize) -> Vec<Quantity> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    for k in from..to.min(c.len()) {
        match c.punct(k) {
            Some("(") => depth += 1,
            Some(")") => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0
            && let Some(q) = c.quantity_at(k).filter(|q| !q.is_duration())
        {
            out.push(q);
        }
    }
    out
}

/// The one measure of `from..to` counting what `part` counts, if there is exactly one.
fn only_same_measure(
    c: &Cursor<'_>,
    from: usize,
    to: usize,
    part: &Quantity,
) -> Option<Option<Quantity>> {
    // The same figure said twice ("có 496 người …, tổng số … là 496 người") is one whole.
    let mut measures: Vec<Quantity> = plain_measures(c, from, to)
        .into_iter()
        .filter(|q| q.same_unit(part))
        .collect();
    measures.dedup_by(|later, earlier| later.figure.figure.value == earlier.figure.figure.value);
    let mut same = measures.into_iter();
    match (same.next(), same.next()) {
        (None, _) => Some(None),
        // "khoảng 27.494.100 người": a rounded figure is no operand of a precise share.
        (Some(q), None) if is_approximate(c, &q) => None,
        (Some(q), None) => Some(Some(q)),
        _ => None,
    }
}

/// Whether a qualifier of `rules/lists/percent-qualifiers.txt` ("khoảng", "gần", "hơn")
/// stands right before the quantity's figure.
fn is_approximate(c: &Cursor<'_>, q: &Quantity) -> bool {
    q.figure
        .at
        .checked_sub(1)
        .and_then(|k| c.word(k))
        .is_some_and(|w| PERCENT_QUALIFIERS.value(w).is_some())
}

/// Words of `whole-markers.txt` that are the second syllable of a word, with its first:
/// "thụ lý 181 vụ" states a whole, "quản lý 127 tỷ đồng" or "xác nhận 20 hồ sơ" does not.
const WHOLE_MARKER_FIRST_SYLLABLES: [(&str, &[&str]); 3] =
    [("cộng", &["tổng"]), ("lý", &["thụ"]), ("nhận", &["tiếp"])];

/// Whether the word at `k` marks the figure after it as a whole: a word of
/// `whole-markers.txt`, with its first syllable where it is the second of a word, and "trên"
/// only after a figure ("45 ha trên 72 ha"), not after a verb ("đạt trên 79,1 nghìn tỷ
/// đồng" is "more than").
fn marks_whole(c: &Cursor<'_>, k: usize) -> bool {
    let Some(w) = c.word(k).filter(|w| WHOLE_MARKERS.contains(w)) else {
        return false;
    };
    if let Some((_, firsts)) = WHOLE_MARKER_FIRST_SYLLABLES.iter().find(|(m, _)| *m == w) {
        return k
            .checked_sub(1)
            .and_then(|p| c.word(p))
            .is_some_and(|p| firsts.contains(&p));
    }
    if w == "trên" {
        return (k.saturating_sub(4)..k)
            .rev()
            .take_while(|&p| c.punct(p).is_none() && !is_verb_of_figures(c, p))
            .any(|p| c.figure_at(p).is_some());
    }
    true
}

/// Whether the word at `k` is a change or ratio verb ("tăng", "đạt"): "tăng trên 6 nghìn
/// tỷ đồng" after it is "more than", not "out of".
fn is_verb_of_figures(c: &Cursor<'_>, k: usize) -> bool {
    c.word(k)
        .is_some_and(|v| CHANGE_VERBS.value(v).is_some() || RATIO_VERBS.contains(v))
}

/// Whether `at` lies in a parenthesis that opens with a period ("(năm 2017 đạt 90,4%)",
/// "(cùng kỳ: 85%)"): a figure of that period, not of the figures outside.
fn in_period_parenthesis(c: &Cursor<'_>, at: usize) -> bool {
    let Some(open) = (0..at)
        .rev()
        .take_while(|&k| !c.is_punct(k, ")"))
        .find(|&k| c.is_punct(k, "("))
    else {
        return false;
    };
    (open + 1..(open + 3).min(at)).any(|k| c.year(k).is_some() || period_words_at(c, k).is_some())
}

/// Whether a word of `rules/lists/plan-words.txt` stands in the few words before `k`
/// ("Kế hoạch thu ... được giao là 250 tỷ đồng", "chỉ tiêu 2.500 đơn vị").
fn planned_before(c: &Cursor<'_>, k: usize, from: usize) -> bool {
    (k.saturating_sub(7).max(from)..k).any(|j| c.word(j).is_some_and(|w| PLAN_WORDS.contains(w)))
}

/// "Tổng nguồn vốn của Quỹ đạt 486 tỷ đồng. Dư nợ đạt 402 tỷ đồng, chiếm 82,7% tổng nguồn
/// vốn.": the base the words after the percentage (`after..tail_end`, two words at least)
/// name, where the same words lead the one figure of the part's unit before; the part ends
/// right before ", verb".
fn named_base(
    c: &Cursor<'_>,
    first: usize,
    verb_at: usize,
    after: usize,
    tail_end: usize,
) -> Option<Contradiction> {
    let named: Vec<&str> = (after..tail_end.min(after + 3))
        .filter_map(|k| c.word(k))
        .collect();
    if named.len() < 2 {
        return None;
    }
    let comma = verb_at.checked_sub(1).filter(|&k| c.is_punct(k, ","))?;
    let part = plain_measures(c, first, comma)
        .pop()
        .filter(|q| q.end == comma)?;
    let named_before = |k: usize| {
        (k.saturating_sub(8)..k).any(|j| (0..named.len()).all(|i| c.word(j + i) == Some(named[i])))
    };
    let mut wholes = plain_measures(c, 0, part.figure.at)
        .into_iter()
        .filter(|q| q.same_unit(&part) && named_before(q.figure.at));
    match (wholes.next(), wholes.next()) {
        (Some(whole), None) => ratio(c.doc, &part.figure, &whole.figure),
        _ => None,
    }
}

/// "… bầu đủ 50 đại biểu. Về cơ cấu …: đại biểu nữ là 14 người (28%)": a clause opening
/// with a breakdown opener, a part and right after it "(Z%)" alone; the whole is the one
/// measure of the part's unit before `first` (the same figure said twice counts once), with
/// no share of its own and not below the part.
fn verbless_share_of_breakdown(
    c: &Cursor<'_>,
    first: usize,
    percent: &Percent,
) -> Option<Contradiction> {
    let paren = percent.figure.at.checked_sub(1)?;
    let alone = c.is_punct(paren, "(") && c.is_punct(percent.sign_at + 1, ")");
    if !alone || !opens_breakdown(c, first) {
        return None;
    }
    let part = plain_measures(c, first, paren)
        .pop()
        .filter(|q| q.end == paren)?;
    let whole = only_same_measure(c, 0, first, &part)??;
    let own_share = has_own_share(c, whole.figure.at, first);
    let below = whole.figure.figure.value < part.figure.figure.value;
    if own_share || below || is_approximate(c, &whole) || is_approximate(c, &part) {
        return None;
    }
    ratio(c.doc, &part.figure, &whole.figure)
}

/// The operands of a percentage whose clause (`first..end` of `c`, the clause before it
/// at `..first`, the one after at `end..`) holds only its part or this period's figure:
/// - a share ("đạt", "chiếm", "tỷ lệ") of the one quantity of the part's unit in the clause
///   before, when that quantity is a whole ("có", "tiếp nhận", "thụ lý": a word of
///   `whole-markers.txt` before it), a plan the percentage names ("Kế hoạch ... là 250 tỷ
///   đồng. ... thu 253 tỷ đồng, đạt 101,2% kế hoạch"), or anything for "chiếm"; the part is
///   the nearest quantity before the verb that counts what the clause before counts, or the
///   one in parentheses after the percentage ("đạt 86,4% (2.808 hồ sơ)");
/// - a change ("X, tăng Z%") from the one quantity of X's unit in the clause after when it
///   opens with "cùng kỳ" or "khi đó", or in the clause before when that one speaks of an
///   earlier year or the plan the percentage names.
fn across_clauses(
    c: &Cursor<'_>,
    first: usize,
    end: usize,
    verb_at: usize,
    percent: &Percent,
) -> Option<Contradiction> {
    let verb = c.word(verb_at)?;
    let after = percent.sign_at + 1;
    let tail = (after..end)
        .take_while(|&k| c.word(k).is_some() || c.year(k).is_some())
        .count();
    let tail_end = after + tail;
    let plan_after = (after..tail_end).any(|k| c.word(k).is_some_and(|w| PLAN_WORDS.contains(w)));
    // "(đạt tỷ lệ 22,33%)": a share in parentheses ends at the closing one.
    let ends = tail_end >= end || matches!(c.punct(tail_end), Some("." | ";" | "(" | "," | ")"));
    if !ends {
        return None;
    }
    if RATIO_VERBS.contains(verb) {
        if tail > 0 && !plan_after {
            // "chiếm 60% dân số": a base of its own, found where its words name a figure.
            return named_base(c, first, verb_at, after, tail_end);
        }
        let in_parens = c
            .is_punct(tail_end, "(")
            .then(|| c.quantity_at(tail_end + 1))
            .flatten()
            .filter(|q| c.is_punct(q.end, ")"));
        // "tỷ lệ che phủ rừng đạt 26,06%": a named rate has a base of its own, unless its
        // part is given with it.
        let named_rate = (first..verb_at.max(percent.figure.at)).any(|k| {
            (is_ty(c.word(k)) && c.word(k + 1) == Some("lệ")
                || c.word(k) == Some("độ") && names_a_rate(c, k))
                && c.word(k + 2).is_some()
                && k + 2 < percent.figure.at
                && k + 2 != verb_at
        });
        let parts: Vec<Quantity> = match in_parens {
            Some(q) => vec![q],
            None if named_rate => return None,
            None => plain_measures(c, first, verb_at)
                .into_iter()
                .rev()
                .collect(),
        };
        for part in parts {
            // "Trong tổng số 51 cơ quan có 47 (chiếm 92,16%)": a figure nearer the claim is
            // what it is about, and a figure introduced as a whole is no part.
            let nearer =
                (part.end..verb_at).any(|k| c.figure_at(k).is_some() && c.quantity_at(k).is_none());
            let introduced_as_whole = part
                .figure
                .at
                .checked_sub(1)
                .is_some_and(|k| matches!(c.word(k), Some("số" | "tổng")));
            if nearer || introduced_as_whole {
                return None;
            }
            // "... có 258.780 người, chiếm 25,26% ... còn ... có 100.456 người, tức chiếm
            // 9,8%": a part beside others of its kind is a share of their whole, not of a
            // figure before.
            let siblings = plain_measures(c, first, verb_at)
                .iter()
                .filter(|q| q.same_unit(&part))
                .count();
            if siblings > 1 {
                return None;
            }
            let planned = plan_after.then(|| only_planned(c, first, &part)).flatten();
            let from_plan = planned.is_some();
            let whole = match planned {
                Some(plan) => plan,
                None => match only_same_measure(c, 0, first, &part)? {
                    Some(whole) => whole,
                    None => continue,
                },
            };
            // "có 222 đại biểu nữ (chiếm 13,99%); 175 đại biểu … (chiếm 11,03%)": a figure
            // with a share of its own is a sibling.
            if has_own_share(c, whole.figure.at, part.figure.at) {
                return None;
            }
            let marked = whole
                .figure
                .at
                .checked_sub(1)
                .is_some_and(|k| marks_whole(c, k));
            let plan = from_plan || plan_after && planned_before(c, whole.figure.at, 0);
            // "Nhóm A đạt 43,3 tỷ USD ... Nhóm B đạt 10,4 tỷ USD, chiếm 8,6%": a figure said
            // with the part's own verb is its sibling, not its whole.
            let verb_before = |q: &Quantity| q.figure.at.checked_sub(1).and_then(|k| c.word(k));
            let sibling =
                verb_before(&whole).is_some() && verb_before(&whole) == verb_before(&part);
            // "Tổng số đại biểu là 300 người. Trong đó, … có 90 người (tỉ lệ 30%)": the
            // opener says the clause splits the whole before.
            let split = opens_breakdown(c, first);
            return (marked || plan || split || verb == "chiếm" && !sibling)
                .then(|| ratio(c.doc, &part.figure, &whole.figure))?;
        }
        return None;
    }
    let sign: f64 = CHANGE_VERBS.value(verb)?.parse().ok()?;
    // "xảy ra 21 vụ ... . So với năm 2024 (28 vụ), số vụ giảm 25%.": the base leads the
    // clause, this period's figure is the one of its unit in the sentence before.
    if let Some(base) = leading_base(c, verb_at).filter(|b| b.figure.at > first) {
        let now = only_same_measure(c, 0, first, &base)??;
        return change(c, now.figure, base.figure, sign);
    }
    let now = verb_at
        .checked_sub(1)
        .filter(|&k| c.is_punct(k, ","))
        .and_then(|comma| {
            plain_measures(c, first, comma)
                .pop()
                .filter(|q| q.end == comma)
        })?;
    let compares = c.word(after) == Some("so") && c.word(after + 1) == Some("với");
    if tail > 0 && !compares && !plan_after {
        return None;
    }
    let next_opens_period = matches!(
        (c.word(end), c.word(end + 1)),
        (Some("cùng"), Some("kỳ")) | (Some("khi" | "lúc"), Some("đó"))
    );
    let base = if next_opens_period && tail == 0 {
        only_same_measure(c, end, c.len(), &now)??
    } else {
        let base = only_same_measure(c, 0, first, &now)??;
        let years =
            |from: usize, to: usize| (from..to).filter_map(|k| c.year(k)).collect::<Vec<_>>();
        // Every year the sentence before names is earlier than one of the clause's ("11
        // tháng năm 2015 ... so với năm 2014. Năm 2015 ..." is the same year).
        let earlier = years(0, first).into_iter().max();
        // "Năm nay con số này là 312 người": this year, later than any year before.
        let this_year = (first..end).any(|k| period_words_at(c, k) == Some(Period::Current));
        let later = years(first, end).into_iter().max();
        let earlier_year = matches!((earlier, later), (Some(e), Some(l)) if e < l)
            || this_year && earlier.is_some();
        let plan = plan_after && planned_before(c, base.figure.at, 0);
        if !(earlier_year || plan) {
            return None;
        }
        base
    };
    change(c, now.figure, base.figure, sign)
}

/// "Kế hoạch vốn năm 2025 là 250 tỷ đồng, gồm vốn tỉnh 180 tỷ đồng và ... . ... giải ngân
/// 171 tỷ đồng, tương đương 68,4% kế hoạch": of the quantities of `part`'s unit before
/// `first`, the one plan, a quantity after a plan word among the few words before it, or
/// the first quantity of a sentence that opens with a plan word.
fn only_planned(c: &Cursor<'_>, first: usize, part: &Quantity) -> Option<Quantity> {
    let sentence_start = |k: usize| {
        (0..k)
            .rev()
            .find(|&j| c.punct(j).is_some_and(punctuation::ends_sentence))
            .map_or(0, |j| j + 1)
    };
    let opens_planned = |q: &Quantity| {
        let start = sentence_start(q.figure.at);
        let opening = (start..(start + 3).min(q.figure.at))
            .any(|k| c.word(k).is_some_and(|w| PLAN_WORDS.contains(w)));
        let first_quantity = plain_measures(c, start, q.figure.at).is_empty();
        opening && first_quantity
    };
    let mut planned = plain_measures(c, 0, first).into_iter().filter(|q| {
        q.same_unit(part)
            && !is_approximate(c, q)
            && (planned_before(c, q.figure.at, 0) || opens_planned(q))
    });
    match (planned.next(), planned.next()) {
        (Some(q), None) => Some(q),
        _ => None,
    }
}

/// "đạt 75% chỉ tiêu cả năm là 1.500 đoàn viên": the plan named after the percentage (a
/// word of `rules/lists/plan-words.txt` among a few words), then "là" and its figure.
fn plan_named_after(c: &Cursor<'_>, from: usize) -> Option<Quantity> {
    let la = (from..(from + 6).min(c.len()))
        .take_while(|&k| c.word(k).is_some())
        .find(|&k| c.word_is(k, "là"))?;
    let planned = (from..la).any(|k| c.word(k).is_some_and(|w| PLAN_WORDS.contains(w)));
    planned.then(|| c.quantity_at(la + 1))?
}

/// "(Y đơn vị)" within a few words after `from` (words, years and quantities of a
/// description only between: "tổng số phụ nữ từ 18 tuổi trở lên (1.441 người)"): the
/// quantity it opens with, closed by ")" (after a few words: "(4,86 tỷ đồng được giao)") or
/// by ";" before a second figure ("(918 tỷ đồng; năm 2024: ...)").
fn quantity_in_parens_after(c: &Cursor<'_>, from: usize) -> Option<Quantity> {
    // A date of the description ("so với thời điểm 31/12/2024 (12 tỷ đồng)") is skipped.
    let in_date = |p: usize| {
        p > 0 && c.is_punct(p, "/") && c.touching(p - 1) && c.touching(p)
            || c.figure_at(p).is_some()
                && (c.is_punct(p + 1, "/") && c.touching(p)
                    || p > 0 && c.is_punct(p - 1, "/") && c.touching(p - 1))
    };
    let open = (from..(from + 12).min(c.len())).find(|&p| {
        c.word(p).is_none()
            && c.year(p).is_none()
            && !(c.figure_at(p).is_some() && c.word(p + 1).is_some())
            && !in_date(p)
    })?;
    if !c.is_punct(open, "(") {
        return None;
    }
    // "(đạt 1.210 triệu USD)", "(chi 1 tỷ đồng)": a verb or two may lead the figure, not
    // a change's ("(giảm 22,9 triệu USD)" is a difference).
    let first = (open + 1..(open + 4).min(c.len())).find(|&k| c.word(k).is_none())?;
    if (open + 1..first).any(|k| c.word(k).is_some_and(|w| CHANGE_VERBS.contains(w))) {
        return None;
    }
    let whole = c.quantity_at(first)?;
    let close = (whole.end..(whole.end + 4).min(c.len())).find(|&k| c.word(k).is_none())?;
    (c.is_punct(close, ")") || close == whole.end && c.is_punct(close, ";")).then_some(whole)
}

#[cfg(test)]
mod tests {
    use super::{Claim, PercentMismatch};
    use crate::lists::{CHANGE_VERBS, PERCENT_QUALIFIERS};
    use crate::rules::testing::{check, flags, flags_each, silent};

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
    fn sibling_counts_each_named_by_so_are_not_each_others_whole() {
        // "số … có A, số … là B (Z%)": two counts side by side; the whole is the "tổng
        // số" before them, not the sibling A.
        let lead = "Tổng số học viên của khóa là 400 người.";
        silent(
            &PercentMismatch,
            &[&format!(
                "{lead} Trong đó, số học viên do các sở, ngành cử có 150 người, số học viên tự đăng ký là 250 người (62,5%)."
            )],
        );
        flags(
            &PercentMismatch,
            &format!(
                "{lead} Trong đó, số học viên do các sở, ngành cử có 150 người, số học viên tự đăng ký là 250 người (60,5%)."
            ),
            &["60,5%"],
        );
        // A whole introduced by "có" still covers a part named after it.
        flags(
            &PercentMismatch,
            "Xã có 400 hộ, số hộ đạt chuẩn văn hóa là 380 hộ (90%).",
            &["90%"],
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
    fn finds_the_operands_in_more_phrasings() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Trong 5 năm, 1.418 học sinh đỗ đại học trên tổng số 1.560 học sinh dự thi, chiếm 97,9%.",
                    &["97,9%"],
                ),
                (
                    "Có 962 trong số 1.030 sinh viên đã có việc làm sau 12 tháng, chiếm 100,4%.",
                    &["100,4%"],
                ),
                (
                    "Quận hoàn thành 23 trên 25 chỉ tiêu năm 2023, đạt 77%.",
                    &["77%"],
                ),
                (
                    "Quận đạt 91,45 điểm trên thang 100 điểm (95,45%).",
                    &["95,45%"],
                ),
                (
                    "Sản lượng đạt 1.312 triệu kWh, tăng 0,2% so với năm 2023 (1.213 triệu kWh).",
                    &["0,2%"],
                ),
                (
                    "Công suất tăng từ 40.000 lên 60.000 m3/ngày đêm, tăng 42%.",
                    &["42%"],
                ),
                (
                    "Số ca tăng từ 9.120 ca lên 10.260 ca (ước cả năm), tăng 4,5%.",
                    &["4,5%"],
                ),
                (
                    "Hội dạy nghề cho 42 hội viên, vượt kế hoạch (35 hội viên), đạt 108%.",
                    &["108%"],
                ),
                (
                    "Doanh thu đạt 6.720 tỷ đồng, hoàn thành 110% kế hoạch (6.400 tỷ đồng).",
                    &["110%"],
                ),
                (
                    "Năng suất đạt 7,2 tấn/ha, cao hơn 5% so với giống đối chứng (6 tấn/ha).",
                    &["5%"],
                ),
                (
                    "Huyện tiếp 236 lượt công dân, giải quyết 212 lượt, đạt 81,8%.",
                    &["81,8%"],
                ),
                (
                    "Số người đến khám năm nay là 846, tăng 26% so với năm ngoái (600 người).",
                    &["26%"],
                ),
                (
                    "Đơn vị đã giải quyết 141 tin trên tổng số 148 tin, đạt tỷ lệ 87,3%.",
                    &["87,3%"],
                ),
            ],
        );
    }

    #[test]
    fn differences_connectors_and_leading_comparisons() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "So với cùng kỳ năm trước (18 vụ), số vụ giảm 4 vụ, tương đương 29,2%.",
                    &["29,2%"],
                ),
                (
                    "Số người chết giảm 2 người (-31% so với 8 người cùng kỳ).",
                    &["31%"],
                ),
                (
                    "Dư nợ đạt 612 tỷ đồng, tăng 36 tỷ đồng, tức 13,25%, so với đầu năm (576 tỷ đồng).",
                    &["13,25%"],
                ),
                (
                    "Thu nội địa đạt 245,6 tỷ đồng, tương đương 46,4% dự toán năm (400 tỷ đồng).",
                    &["46,4%"],
                ),
                (
                    "So với năm 2023 (thu được 7,68 tỷ đồng), số thu năm nay là 8,64 tỷ đồng, tăng 17,5%.",
                    &["17,5%"],
                ),
                (
                    "Doanh thu đạt 1.260 tỷ đồng, vượt 11% so với kế hoạch (1.200 tỷ đồng).",
                    &["11%"],
                ),
                (
                    "Toàn huyện có 126 tổ, trong đó 118 tổ được xếp loại tốt, chiếm 83,7%.",
                    &["83,7%"],
                ),
                (
                    "Nợ thuế còn 9,6 tỷ đồng, giảm 10% so với thời điểm 31/12/2024 (12 tỷ đồng).",
                    &["10%"],
                ),
                (
                    "Thanh toán trực tuyến đạt 1.504 giao dịch trên 1.880 giao dịch phát sinh, tỷ lệ 70%.",
                    &["70%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                "So với cùng kỳ năm trước (18 vụ), số vụ giảm 4 vụ, tương đương 22,2%.",
                "Số người chết giảm 2 người (-25% so với 8 người cùng kỳ).",
                "Dư nợ đạt 612 tỷ đồng, tăng 36 tỷ đồng, tức 6,25%, so với đầu năm (576 tỷ đồng).",
                "Thu nội địa đạt 245,6 tỷ đồng, tương đương 61,4% dự toán năm (400 tỷ đồng).",
                "So với năm 2023 (thu được 7,68 tỷ đồng), số thu năm nay là 8,64 tỷ đồng, tăng 12,5%.",
                "Doanh thu đạt 1.260 tỷ đồng, vượt 5% so với kế hoạch (1.200 tỷ đồng).",
                "Thanh toán trực tuyến đạt 1.504 giao dịch trên 1.880 giao dịch phát sinh, tỷ lệ 80%.",
                // A year is not the part; "trên địa bàn" is a place.
                "Thu nội địa 6 tháng đầu năm 2025 trên địa bàn đạt 245,6 tỷ đồng, tương đương 61,4% dự toán năm (400 tỷ đồng).",
                "Toàn huyện có 126 tổ, trong đó 118 tổ được xếp loại tốt, chiếm 93,7%.",
                "Nợ thuế còn 9,6 tỷ đồng, giảm 20% so với thời điểm 31/12/2024 (12 tỷ đồng).",
                // A score is a label, not the part.
                "Có 57 bài đạt điểm 9 trở lên trong tổng số 380 bài thi, chiếm 15%.",
                // The difference counts another thing than the figure compared with.
                "So với cùng kỳ (18 vụ), số người chết giảm 4 người, tương đương 50%.",
            ],
        );
    }

    #[test]
    fn the_headline_against_the_body_for_the_same_measure() {
        flags_each(
            &PercentMismatch,
            &[(
                "Xã Tân Hòa: thu ngân sách năm 2024 đạt 115% dự toán\n\nTổng thu ngân sách ước đạt 8,64 tỷ đồng, bằng 108% dự toán huyện giao. Diện tích lúa chất lượng cao chiếm 65%.",
                &["115%"],
            )],
        );
        silent(
            &PercentMismatch,
            &[
                // The same value, a value the body has elsewhere, a measure the body does not
                // name.
                "Xã Tân Hòa: thu ngân sách năm 2024 đạt 108% dự toán\n\nTổng thu ngân sách ước đạt 8,64 tỷ đồng, bằng 108% dự toán huyện giao.",
                "Thu ngân sách tăng 12%\n\nThu ngân sách đạt 108% dự toán, tăng 12,4% so với cùng kỳ.",
                "Tỷ lệ tiêm chủng đạt 97%\n\nThu ngân sách đạt 108% dự toán huyện giao.",
                // The body's clause ends at the comma after its percentage: the measure
                // named after it is another one's.
                "Tốc độ tăng trưởng kinh tế quý I đạt 6,2%\n\nKhu vực dịch vụ tăng 6,9%, đóng góp 3,1 điểm phần trăm vào tốc độ tăng trưởng kinh tế của tỉnh.",
            ],
        );
    }

    #[test]
    fn a_percentage_is_about_the_nearest_quantity() {
        silent(
            &PercentMismatch,
            &[
                // 6% is about the 7.440 members, not the 13/13 communes.
                "Hội có mặt ở 13/13 xã, thị trấn với 7.440 hội viên, đạt 6% dân số.",
                "Quận hoàn thành 23 trên 25 chỉ tiêu năm 2023, đạt 92%.",
                "Có 962 trong số 1.030 sinh viên đã có việc làm sau 12 tháng, chiếm 93,4%.",
                "Xã có 300 hộ, trên 100 hộ đã thoát nghèo, đạt 80% kế hoạch.",
                "Hội dạy nghề cho 42 hội viên, vượt kế hoạch (35 hội viên), đạt 120%.",
                "Năng suất đạt 7,2 tấn/ha, cao hơn 20% so với giống đối chứng (6 tấn/ha).",
                "Công suất tăng từ 40.000 lên 60.000 m3/ngày đêm, tăng 50%.",
                "Đạt 45/60 chỉ tiêu, kết nạp 30 đảng viên mới, đạt 120% kế hoạch.",
                // Parallel items, a comparison in parentheses, a rate of its own, a base named
                // after the percentage, a percentage cut rather than rounded.
                "Vùng A tiêu thụ 156 triệu tấn, vùng B tiêu thụ 123 triệu tấn (23% của thế giới).",
                "Xã có 785 hộ, giảm so với năm 2019 (811 hộ), chiếm 5,6% số hộ của huyện.",
                "Tỷ lệ tử vong giảm từ 127 trên 1000 năm 1977 còn 12 ngày nay, và tỷ lệ biết chữ đạt 99%.",
                "Có 38 nước trồng lúa trong tổng số 54 quốc gia, song hai nước chiếm 60% tổng diện tích.",
                "Khu vực A đạt 4.660 tỷ đồng, khu vực B đạt 594 tỷ đồng, bằng 60,1% so cùng kỳ.",
                "Đất nông nghiệp là 1.240,56 ha trên tổng số 7.918,5 ha, chiếm 15,66%.",
            ],
        );
    }

    #[test]
    fn finds_the_operands_where_real_releases_put_them() {
        flags_each(
            &PercentMismatch,
            &[
                // A change with a year or a label in its description, or given after it.
                (
                    "Số người tăng từ 420 người năm 2024 lên 515 người, tăng 29,6%.",
                    &["29,6%"],
                ),
                (
                    "Số trẻ tăng từ 120 trẻ ở đợt 1 lên 164 trẻ ở đợt 2, tăng 21,7%.",
                    &["21,7%"],
                ),
                (
                    "Số vụ giảm 24,2% so với năm 2023 (từ 29 vụ xuống 24 vụ).",
                    &["24,2%"],
                ),
                (
                    "Doanh thu tăng 20,5% so với cùng kỳ, từ 1,38 triệu đồng lên 1,58 triệu đồng/ngày.",
                    &["20,5%"],
                ),
                (
                    "Đơn vị phấn đấu giảm 27% số việc tồn, từ 345 việc xuống còn 276 việc.",
                    &["27%"],
                ),
                // The fraction after the words naming the base, or after a comma.
                (
                    "Số học sinh đạt giải chiếm 82% số học sinh dự thi (32/41 em).",
                    &["82%"],
                ),
                (
                    "Tỷ lệ hồ sơ trực tuyến đạt 68,5% (3.822/6.214 hồ sơ tiếp nhận mới).",
                    &["68,5%"],
                ),
                (
                    "Cổ đông đại diện 92,4% số cổ phần (10,37 triệu trên 12 triệu cổ phần).",
                    &["92,4%"],
                ),
                (
                    "Dư nợ nông nghiệp chiếm 63,3% tổng dư nợ, tương đương 2.126 tỷ đồng trên 2.715 tỷ đồng.",
                    &["63,3%"],
                ),
                // The whole in parentheses with words after it, the part in another noun.
                (
                    "Xã đã giải ngân 4,37 tỷ đồng, đạt 79,9% (4,86 tỷ đồng được giao).",
                    &["79,9%"],
                ),
                (
                    "Hội có 1.190 hội viên, chiếm 72,6% tổng số phụ nữ từ 18 tuổi trở lên (1.441 người).",
                    &["72,6%"],
                ),
                (
                    "Có 118.400 người tham gia, đạt tỷ lệ bao phủ 84,2% dân số (125.690 người).",
                    &["84,2%"],
                ),
                // The whole after the percentage's parentheses; a whole split by "; trong đó".
                (
                    "Tòa án đã giải quyết 412 vụ việc (đạt 97,6%) trong tổng số 450 vụ việc thụ lý.",
                    &["97,6%"],
                ),
                (
                    "Đã giải quyết 6.105 hồ sơ; trong đó đúng hạn có 6.031 hồ sơ, chiếm tỷ lệ 83,8%.",
                    &["83,8%"],
                ),
                (
                    "Công an phát hiện 24 vụ phạm tội; trong đó trộm cắp tài sản 10 vụ (chiếm 47,7%).",
                    &["47,7%"],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_a_value_rounded_twice_and_on_a_label() {
        silent(
            &PercentMismatch,
            &[
                // 6.517 / 6.842 = 95,2499...: 95,25 rounded again.
                "Có 6.517 hộ đạt danh hiệu, tỷ lệ 95,3% (6.517/6.842 hộ).",
                // "lớp 6" names the class; 2.381 is the part.
                "Các trường tuyển 2.381 học sinh lớp 6, đạt 99,2% kế hoạch (2.400 em).",
                "Số trẻ tăng từ 120 trẻ ở đợt 1 lên 164 trẻ ở đợt 2, tăng 36,7%.",
                "Đã giải quyết 6.105 hồ sơ; trong đó đúng hạn có 6.031 hồ sơ, chiếm tỷ lệ 98,8%.",
                "Cổ đông đại diện 86,4% số cổ phần (10,37 triệu trên 12 triệu cổ phần).",
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

    #[test]
    fn operands_in_the_sentence_before_or_the_clause_after_give_a_warning() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Năm học này trường có 448 học sinh dự thi. Kết quả, 440 học sinh đỗ tốt nghiệp, đạt tỷ lệ 99,3%.",
                    &["99,3%"],
                ),
                (
                    "Kế hoạch thu năm 2024 được giao là 250 tỷ đồng. Đơn vị thu được 253 tỷ đồng, đạt 108% kế hoạch.",
                    &["108%"],
                ),
                (
                    "Năm 2023 có 1.950 người tham gia. Năm 2024, con số này là 2.184 người, tăng 20%.",
                    &["20%"],
                ),
                (
                    "Số thu đạt 484 tỷ đồng, tăng 30%; cùng kỳ năm trước đơn vị thu được 400 tỷ đồng.",
                    &["30%"],
                ),
                (
                    "Thành phố được giao chỉ tiêu 2.500 đơn vị máu. Qua 6 đợt, đã tiếp nhận 2.575 đơn vị, vượt 5% chỉ tiêu.",
                    &["5%"],
                ),
                (
                    "Bộ phận Một cửa tiếp nhận 3.250 hồ sơ. Tỷ lệ hồ sơ nộp trực tuyến đạt 90,4% (2.808 hồ sơ).",
                    &["90,4%"],
                ),
                (
                    "Bệnh viện thực hiện 2.412 ca phẫu thuật; phẫu thuật nội soi là 1.013 ca, chiếm 52%.",
                    &["52%"],
                ),
                (
                    "Tổng nguồn vốn của Quỹ đạt 486 tỷ đồng. Dư nợ đạt 402 tỷ đồng, chiếm 87,7% tổng nguồn vốn.",
                    &["87,7%"],
                ),
            ],
        );
        let found = check(
            &PercentMismatch,
            "Năm 2023 có 1.950 người tham gia. Năm 2024, con số này là 2.184 người, tăng 20%.",
        );
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
        assert_eq!(found[0].related.len(), 2);
        silent(
            &PercentMismatch,
            &[
                "Năm học này trường có 448 học sinh dự thi. Kết quả, 445 học sinh đỗ tốt nghiệp, đạt tỷ lệ 99,3%.",
                "Tổng nguồn vốn của Quỹ đạt 486 tỷ đồng. Dư nợ đạt 402 tỷ đồng, chiếm 82,7% tổng nguồn vốn.",
                "Nguồn vốn của Quỹ đạt 486 tỷ đồng. Dư nợ đạt 402 tỷ đồng, chiếm 87,7% tổng nguồn vốn.",
                "Số thu đạt 484 tỷ đồng, tăng 21%; cùng kỳ năm trước đơn vị thu được 400 tỷ đồng.",
                // No sign that the figure before is the whole, the plan or an earlier year.
                "Năm trước xã thu 200 tỷ đồng. Năm nay xã thu 150 tỷ đồng, đạt 95%.",
                // Two figures of the unit before: which is the whole is not known.
                "Bộ phận Một cửa tiếp nhận 4.820 hồ sơ; đã giải quyết 4.806 hồ sơ; 9 hồ sơ quá hạn. Số hồ sơ nộp trực tuyến chiếm 68,5% (3.302 hồ sơ).",
                // A named rate has its own base.
                "Toàn tỉnh có 4,4 triệu ha đất rừng. Tổng diện tích rừng là 3,6 triệu ha, tỷ lệ che phủ rừng đạt 26,06%.",
                // The sentence before speaks of the same year; a rounded whole.
                "11 tháng năm 2015, cảng đón 1.090.550 lượt, tăng 40% so với cùng kỳ năm 2014. Năm 2015, cảng đón 1.256.719 lượt, tăng 35,6% so với năm trước.",
                "Tổng nhân khẩu toàn tỉnh là khoảng 27.494.100 người. Người Hán có 24.816.300 người, chiếm 90,97%.",
                // A part beside others of its kind.
                "Nhóm tuổi lao động là 665.236 người, chiếm 64,93% tổng dân số. Nhóm tuổi dưới 15 có 258.780 người, chiếm 25,26% tổng dân số còn nhóm trên 60 tuổi có 100.456 người, tức chiếm 9,8%.",
            ],
        );
    }

    #[test]
    fn a_change_between_two_rates_may_be_said_in_points() {
        silent(
            &PercentMismatch,
            &[
                "Tỷ lệ trẻ suy dinh dưỡng giảm từ 14,6% xuống còn 13,1%, giảm 1,5%.",
                "Tỷ lệ bỏ học giảm từ 1,2% xuống còn 0,4%, giảm 66,7%.",
            ],
        );
        flags_each(
            &PercentMismatch,
            &[(
                "Tỷ lệ bỏ học giảm từ 1,2% xuống còn 0,4%, giảm 30%.",
                &["30%"],
            )],
        );
    }

    #[test]
    fn a_figure_whose_dot_may_mark_decimals_is_read_both_ways() {
        flags_each(
            &PercentMismatch,
            &[(
                "Có 1.030 lượt là đoàn viên, chiếm 45% tổng số lượt hiến (2.575 lượt).",
                &["45%"],
            )],
        );
        silent(
            &PercentMismatch,
            &["Có 1.030 lượt là đoàn viên, chiếm 40% tổng số lượt hiến (2.575 lượt)."],
        );
    }

    #[test]
    fn people_counted_as_nguoi_em_dong_chi_are_the_groups_members() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Chi đoàn có 60 đoàn viên, trong đó nữ 33 người (45%).",
                    &["45%"],
                ),
                (
                    "Hội nghị có 150 đại biểu dự, trong đó 48 đồng chí là nữ, chiếm 40%.",
                    &["40%"],
                ),
                (
                    "Lớp có 40 học sinh dự kiểm tra. Có 30 em đạt điểm khá, đạt tỷ lệ 85%.",
                    &["85%"],
                ),
                (
                    "Trong số 500 sinh viên ra trường, có 410 người có việc làm sau 6 tháng (92%).",
                    &["92%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                "Chi đoàn có 60 đoàn viên, trong đó nữ 33 người (55%).",
                "Hội nghị có 150 đại biểu dự, trong đó 48 đồng chí là nữ, chiếm 32%.",
                // Households are not members.
                "Hội có 1.000 hội viên. Có 300 hộ đạt danh hiệu sản xuất giỏi, đạt 50%.",
            ],
        );
    }

    #[test]
    fn a_change_between_figures_told_apart_by_their_periods() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Sản lượng 6 tháng năm 2024 đạt 400 tấn, 6 tháng năm 2025 đạt 460 tấn, tăng 25%.",
                    &["25%"],
                ),
                (
                    "Doanh thu năm 2025 là 600 triệu đồng, năm 2024 là 500 triệu đồng, tăng 30%.",
                    &["30%"],
                ),
                (
                    "Số thuê bao đạt 1.150 thuê bao, tăng 25% (năm 2024: 1.000 thuê bao).",
                    &["25%"],
                ),
                (
                    "Thu đạt 220 tỷ đồng, tăng 20% so với cùng kỳ (cùng kỳ thu 200 tỷ đồng).",
                    &["20%"],
                ),
                (
                    "Bệnh viện mổ 330 ca, so với 300 ca năm trước là tăng 20%.",
                    &["20%"],
                ),
                (
                    "Tổng thu đạt 550 tỷ đồng, tăng 20% so cùng kỳ năm trước (500 tỷ đồng).",
                    &["20%"],
                ),
                (
                    "Năm 2024 có 200 người tham gia. Năm nay con số này là 260 người, tăng 20%.",
                    &["20%"],
                ),
                (
                    "Số chi hội vững mạnh tăng từ 10 lên 12 chi hội, tức tăng 30%.",
                    &["30%"],
                ),
                (
                    "Hội kết nạp 130 hội viên, vượt 20% chỉ tiêu đại hội (đề ra 100 hội viên).",
                    &["20%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                "Sản lượng 6 tháng năm 2024 đạt 400 tấn, 6 tháng năm 2025 đạt 460 tấn, tăng 15%.",
                "Số thuê bao đạt 1.150 thuê bao, tăng 15% (năm 2024: 1.000 thuê bao).",
                // "10 tháng đầu năm" is this year; the two figures are of one period.
                "Giá trị tháng 10 đạt 40 tỷ đồng, lũy kế 10 tháng đầu năm đạt 420 tỷ đồng, tăng 12% so cùng kỳ.",
                // The parenthesis gives the difference, not the base.
                "Trị giá đạt 40 triệu USD, giảm 30% so cùng kỳ (giảm 17 triệu USD).",
                "Dư nợ đạt 900 tỷ đồng, tăng 100 tỷ đồng so đầu năm và tăng 15% so cùng kỳ.",
                // A year before a figure that is not this period's and not the base's.
                "Quỹ có 500 tỷ đồng, năm 2024 chi 200 tỷ đồng, tăng 10%.",
            ],
        );
    }

    #[test]
    fn do_of_tien_do_or_nong_do_names_no_rate() {
        flags_each(
            &PercentMismatch,
            &[
                ("Có 3/20 công trình chậm tiến độ, chiếm 25%.", &["25%"]),
                (
                    "Tổ kiểm tra 500 trường hợp. Vi phạm nồng độ cồn là 100 trường hợp, chiếm 30%.",
                    &["30%"],
                ),
                (
                    "Có 30 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trong năm qua trên tổng số 120 đơn vị, tỷ lệ 35%.",
                    &["35%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &["Xã có 2.400 hộ. Độ che phủ rừng đạt 42%."],
        );
    }

    #[test]
    fn words_that_only_end_like_a_whole_marker_and_figures_of_another_period() {
        // Each sentence is checked alone, and with the words that made the reading wrong:
        // the reading still fires there.
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Xã thụ lý 40 hồ sơ. Cụ thể, hồ sơ đất đai 30 hồ sơ, bằng 50%.",
                    &["50%"],
                ),
                (
                    "Chi nhánh có 80 tỷ đồng tiền gửi, cho vay 50 tỷ đồng trên 80 tỷ đồng (đạt 40%).",
                    &["40%"],
                ),
                (
                    "Nhóm A đạt 40 triệu USD. Tổng cộng 80 triệu USD, chiếm 30%.",
                    &["30%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                // "quản lý" is no "thụ lý": the figure after it is no whole.
                "Xã quản lý 40 hồ sơ. Cụ thể, hồ sơ đất đai 30 hồ sơ, bằng 50%.",
                // "tăng trên" is "more than", not "out of".
                "Dư nợ đạt 90 tỷ đồng, tăng trên 9 tỷ đồng (đạt tỷ lệ 11%).",
                // A sibling said with the part's own verb is not its whole.
                "Nhóm A đạt 40 triệu USD. Nhóm B đạt 10 triệu USD, chiếm 30%.",
                // The parenthesis gives last year's rate, not this year's fraction.
                "Trạm tiêm cho 600/500 trẻ đạt 120% kế hoạch (năm 2024 đạt 95%).",
                // The figure after "và" is another period's own clause, not the base.
                "Tháng này bán 20 tấn, giảm 4% so với tháng trước và năm 2024 bán 90 tấn.",
            ],
        );
    }

    #[test]
    fn a_whole_unmarked_or_among_others_and_a_base_leading_the_next_sentence() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Đội phát hiện 80 vụ vi phạm, xử lý dứt điểm 60 vụ, đạt 85%.",
                    &["85%"],
                ),
                (
                    "Chỉ tiêu năm nay là 400 tỷ đồng, gồm vốn tỉnh 300 tỷ đồng và vốn xã 100 tỷ đồng. Đến nay đã giải ngân 200 tỷ đồng, bằng 60% kế hoạch.",
                    &["60%"],
                ),
                (
                    "Năm 2025 xảy ra 30 vụ cháy. So với năm 2024 (40 vụ), số vụ giảm 20%.",
                    &["20%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                "Đội phát hiện 80 vụ vi phạm, xử lý dứt điểm 60 vụ, đạt 75%.",
                "Chỉ tiêu năm nay là 400 tỷ đồng, gồm vốn tỉnh 300 tỷ đồng và vốn xã 100 tỷ đồng. Đến nay đã giải ngân 200 tỷ đồng, bằng 50% kế hoạch.",
                "Năm 2025 xảy ra 30 vụ cháy. So với năm 2024 (40 vụ), số vụ giảm 25%.",
                // Three figures of the unit: which is the whole is unclear.
                "Đội phát hiện 80 vụ, chuyển 10 vụ, xử lý 60 vụ, đạt 85%.",
                // A rounded whole is no operand.
                "Đội tiếp xúc khoảng 80 người, vận động 60 người, đạt 85%.",
            ],
        );
    }

    #[test]
    fn more_phrasings_of_shares_differences_and_bases() {
        flags_each(
            &PercentMismatch,
            &[
                (
                    "Số vụ giảm 306 trường hợp so với cùng kỳ (1.700 trường hợp), tương ứng giảm 25%.",
                    &["25%"],
                ),
                (
                    "Xảy ra 23 vụ, giảm 4 vụ (giảm 20%) so với cùng kỳ năm 2024 (27 vụ).",
                    &["20%"],
                ),
                (
                    "Trong 300 vụ án đã giải quyết, có 168 vụ hòa giải thành, chiếm 66%.",
                    &["66%"],
                ),
                (
                    "Trong số 2.268 tân sinh viên, có 1.361 em là nữ, chiếm 70%.",
                    &["70%"],
                ),
                (
                    "Đơn vị làm thủ tục cho 18.540 tờ khai, trong đó 15.388 tờ khai được phân luồng xanh, chiếm tỷ lệ 88%.",
                    &["88%"],
                ),
                (
                    "Các công đoàn kết nạp mới 1.125 đoàn viên, đạt 80% chỉ tiêu cả năm là 1.500 đoàn viên.",
                    &["80%"],
                ),
                (
                    "Kim ngạch đạt 1.331 triệu USD, tăng 15% so với cùng kỳ năm 2024 (đạt 1.210 triệu USD).",
                    &["15%"],
                ),
                (
                    "Số người bệnh nội trú là 14.040 lượt, tăng 12% so với cùng kỳ, khi đó là 13.000 lượt.",
                    &["12%"],
                ),
                (
                    "Số người tham gia là 76.520 người trên tổng dân số 82.400 người, đạt độ bao phủ 96,9%.",
                    &["96,9%"],
                ),
                (
                    "Hội có 1.652 hội viên trên tổng số 2.065 phụ nữ từ 18 tuổi trở lên, đạt 85%.",
                    &["85%"],
                ),
                (
                    "Đến nay, xã có 9/11 thôn đạt chuẩn, chiếm 87,8%.",
                    &["87,8%"],
                ),
                (
                    "Bảo hiểm xã hội huyện Cẩm Khê: thu đạt 89,2% kế hoạch\n\nĐơn vị thu được 253 tỷ đồng, đạt 101,2% kế hoạch (250 tỷ đồng). Số nợ bảo hiểm xã hội còn 3,6 tỷ đồng, chiếm 1,4% số đã thu.",
                    &["89,2%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                "Số vụ giảm 306 trường hợp so với cùng kỳ (1.700 trường hợp), tương ứng giảm 18%.",
                "Năng suất đạt 71,5 tạ/ha, tăng 3,5 tạ/ha so với vụ trước (68 tạ/ha), tương đương tăng 5,1%.",
                "Trong số 2.268 tân sinh viên, có 1.361 em là nữ, chiếm 60%.",
                "Các công đoàn kết nạp mới 1.125 đoàn viên, đạt 75% chỉ tiêu cả năm là 1.500 đoàn viên.",
                "Số người bệnh nội trú là 14.040 lượt, tăng 8% so với cùng kỳ, khi đó là 13.000 lượt.",
                "Đến nay, xã có 9/11 thôn đạt chuẩn, chiếm 81,8%.",
                "Ngày 9/11 thôn Đông tổ chức họp, 80% hộ dự.",
            ],
        );
    }

    #[test]
    fn real_phrasings_of_fractions_rates_and_split_paragraphs() {
        flags_each(
            &PercentMismatch,
            &[
                // The fraction's unit runs on into the verb, no comma between.
                ("Thị trấn có 45/50 tổ dân phố đạt 80%.", &["80%"]),
                (
                    "Xã có 9/10 thôn đạt chuẩn (trong đó thôn vùng cao 3/4 đạt 60%; thôn vùng thấp 6/6 đạt 100%).",
                    &["60%"],
                ),
                // Words describing the part between the fraction and "(Z%)".
                (
                    "Năm nay phường có 1.800/2.000 hộ được công nhận gia đình văn hóa (80%).",
                    &["80%"],
                ),
                // "tỉ lệ", the other spelling of "tỷ lệ".
                (
                    "Toàn xã có 400 hội viên, trong đó 150 hội viên nữ (tỉ lệ 45%).",
                    &["45%"],
                ),
                // Rates of the whole's group said before the part.
                (
                    "Trại có 240 học viên, số nghiện lên tới 50%, số mắc bệnh lên tới 10%, tính cả bệnh khác thì có 150 người (70%) mắc bệnh.",
                    &["70%"],
                ),
                // A quantity of another unit between the part and the claim.
                (
                    "Năm nay xã có 400 trẻ thuộc diện tiêm. Đến nay đã có 380 trẻ được tiêm đủ 8 loại vắc xin, đạt tỷ lệ 90%.",
                    &["90%"],
                ),
                // Words describing the part after its unit.
                (
                    "Các sở tiếp nhận 2.140 hồ sơ, với 610 hồ sơ nộp qua cổng trực tuyến (đạt tỷ lệ 25,5%).",
                    &["25,5%"],
                ),
                // A paragraph opening with "Trong đó" splits the whole of the one before.
                (
                    "Tin ngắn\n\nTrong quý, bộ phận một cửa tiếp nhận 2.140 hồ sơ.\n\nTrong đó, có 610 hồ sơ trực tuyến (đạt tỷ lệ 25,5%).",
                    &["25,5%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                "Thị trấn có 45/50 tổ dân phố đạt 90%.",
                // The percentage names a base of its own after it.
                "Xã có 9/10 thôn đạt 100% tiêu chí.",
                "Năm nay phường có 1.800/2.000 hộ được công nhận gia đình văn hóa (90%).",
                // A plan or a change between the fraction and the parenthesis.
                "Huyện có 12/15 xã hoàn thành kế hoạch (105%).",
                "Chỉ có 1/4 cử tri bỏ phiếu cho ứng viên A (25,5%).",
                // Siblings with shares of their own; a share of what a name says.
                "Huyện có 800 lễ hội, trong đó có 600 lễ hội dân gian (chiếm 75%), 80 lễ hội lịch sử truyền thống (chiếm 10%).",
                "Tỉnh có 24 điểm du lịch, trong đó 2 điểm là Hồ Tây (72,2%) và Hồ Xuân (27,8%).",
                "Đoàn có 40 đại biểu nữ (chiếm 20%); 30 đại biểu trẻ (chiếm 15%).",
                "Trong tổng số 60 đơn vị có 45 (chiếm 80%) đã hoàn thành. Trong tổng số 60 đơn vị có 45 (chiếm 75,5%) đã báo cáo.",
                "Xã có 8/10 thôn có thu nhập tăng (12%).",
                "Toàn xã có 400 hội viên, trong đó 150 hội viên nữ (tỉ lệ 37,5%).",
                "Các sở tiếp nhận 2.140 hồ sơ, với 610 hồ sơ nộp qua cổng trực tuyến (đạt tỷ lệ 28,5%).",
                // The part in parentheses of another term, the whole outside them.
                "Có 30 đại biểu nữ (tỉ lệ 20%), thấp hơn khóa trước (khóa trước có 45 đại biểu, tỉ lệ 30%).",
                "Có 30 đại biểu nữ (khóa trước có 45 đại biểu, 30%), tái cử 60 đại biểu (tỉ lệ 40%).",
                "Tin ngắn\n\nTrong quý, bộ phận một cửa tiếp nhận 2.140 hồ sơ.\n\nTrong đó, có 610 hồ sơ trực tuyến (đạt tỷ lệ 28,5%).",
                // No "Trong đó": the paragraph before is not read.
                "Tin ngắn\n\nTrong quý, bộ phận một cửa tiếp nhận 2.140 hồ sơ.\n\nCó 610 hồ sơ trực tuyến (đạt tỷ lệ 25,5%).",
            ],
        );
    }

    #[test]
    fn a_figure_with_its_own_share_is_a_sibling_not_the_whole() {
        silent(
            &PercentMismatch,
            &[
                // The earlier figure's noun phrase holds a comma before its share.
                "Về chuyên môn, có 540 cán bộ có bằng đại học, cao đẳng (chiếm 61,4%), 38 cán bộ có bằng thạc sĩ (chiếm 4,3%). Về lý luận chính trị, có 862 người có trình độ trung cấp, cao cấp (chiếm tỷ lệ 98,1%).",
                // A split inside the sibling's own parenthesis does not make it a whole.
                "Về trình độ, trên đại học có 300 người (tỷ lệ 60% trong tổng số (trong đó, tiến sĩ là 100 người, thạc sĩ là 200 người); đại học 190 người (chiếm 38%); dưới đại học có 10 người (tỷ lệ 2%).",
                // A long noun phrase, then a change, before the next share.
                "Đợt này có 1.200 tân binh lên đường. Trong đó có 230 người có trình độ từ cao đẳng đến đại học (19,17%), tăng 2% so với năm trước; 84 người là đảng viên (tỉ lệ 7%), tăng 1% so với năm trước.",
            ],
        );
        flags_each(
            &PercentMismatch,
            &[
                // The whole stated in the clause, with no share of its own: still read.
                (
                    "Đơn vị có 250 cán bộ, trong đó 100 cán bộ nữ (chiếm 30%).",
                    &["30%"],
                ),
                // A whole with a share of its own that the clause then splits.
                (
                    "Xã có 500 hộ đồng bào dân tộc (chiếm 30%), trong đó 200 hộ nghèo (50%).",
                    &["50%"],
                ),
            ],
        );
    }

    #[test]
    fn abbreviated_nouns_and_siblings_before_the_whole() {
        flags_each(
            &PercentMismatch,
            &[
                // An abbreviation as the part's noun; the later part skips the earlier
                // sibling with its own share and is read against the whole.
                (
                    "Danh sách có 80 người trúng cử đại biểu, trong đó có 20 ĐB nữ (30%), 8 ĐB ngoài đảng (12%).",
                    &["30%", "12%"],
                ),
            ],
        );
        silent(
            &PercentMismatch,
            &[
                "Danh sách có 80 người trúng cử đại biểu, trong đó có 20 ĐB nữ (25%), 8 ĐB ngoài đảng (10%).",
            ],
        );
    }

    #[test]
    fn a_sentence_that_opens_a_breakdown_splits_the_whole_before_it() {
        let found = check(
            &PercentMismatch,
            "Tổng số đại biểu trúng cử là 300 người. Trong đó, đại biểu do cấp tỉnh giới thiệu có 90 người trúng cử (tỉ lệ 40%), cao hơn dự kiến.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
        let found = check(
            &PercentMismatch,
            "Hội đồng nhân dân huyện đã bầu đủ số lượng 40 đại biểu khóa mới. Về cơ cấu đại biểu trúng cử: đại biểu nữ là 12 người (20%); đại biểu trẻ có 6 người (15%).",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
        silent(
            &PercentMismatch,
            &[
                "Tổng số đại biểu trúng cử là 300 người. Trong đó, đại biểu do cấp tỉnh giới thiệu có 90 người trúng cử (tỉ lệ 30%), cao hơn dự kiến.",
                "Hội đồng nhân dân huyện đã bầu đủ số lượng 40 đại biểu khóa mới. Về cơ cấu đại biểu trúng cử: đại biểu nữ là 12 người (30%).",
                // No opener: the sentence before is not read for a bare "(Z%)".
                "Hội đồng nhân dân huyện đã bầu đủ số lượng 40 đại biểu khóa mới. Đại biểu nữ là 12 người (20%).",
                // The candidate whole has its own share, or is below the part.
                "Có 40 đại biểu nữ (chiếm 20%). Về cơ cấu đại biểu nữ: đại biểu trẻ là 12 người (20%).",
                "Huyện có 10 đại biểu dự khuyết. Về cơ cấu: đại biểu chính thức là 120 người (80%).",
            ],
        );
    }

    #[test]
    fn a_last_decimal_off_by_one_across_clauses_is_left_alone() {
        silent(
            &PercentMismatch,
            &[
                "Tổng số đại biểu trúng cử là 496 người. Trong đó, đại biểu do cấp tỉnh giới thiệu có 182 người trúng cử (tỉ lệ 36,70%).",
            ],
        );
    }

    #[test]
    fn figures_named_before_them_by_so_and_la() {
        flags_each(
            &PercentMismatch,
            &[(
                "Theo báo cáo, tổng số cử tri của tỉnh là: 1.250.000; số cử tri đã đi bỏ phiếu là: 1.240.000 (đạt tỉ lệ 95,2%).",
                &["95,2%"],
            )],
        );
        silent(
            &PercentMismatch,
            &[
                "Theo báo cáo, tổng số cử tri của tỉnh là: 1.250.000; số cử tri đã đi bỏ phiếu là: 1.240.000 (đạt tỉ lệ 99,2%).",
                // Another noun: not the whole.
                "Tổng số hộ của xã là: 4.000; số cử tri đã đi bỏ phiếu là: 1.240 (đạt tỉ lệ 95,2%).",
            ],
        );
    }

    #[test]
    fn the_unmarked_whole_reading_is_an_option() {
        let text = "Đội phát hiện 80 vụ vi phạm, xử lý dứt điểm 60 vụ, đạt 85%.";
        let off = crate::Config::from_toml("[rules]\npercent-mismatch = { unmarked-whole = 0 }\n")
            .unwrap();
        let on = crate::Config::from_toml("[rules]\npercent-mismatch = { unmarked-whole = 1 }\n")
            .unwrap();
        assert!(crate::rules::testing::check_with(&PercentMismatch, text, &off).is_empty());
        assert_eq!(
            crate::rules::testing::check_with(&PercentMismatch, text, &on).len(),
            1
        );
        // A whole a word marks is read either way.
        let marked = "Đội tiếp nhận 80 đơn, giải quyết 60 đơn, đạt 85%.";
        assert_eq!(
            crate::rules::testing::check_with(&PercentMismatch, marked, &off).len(),
            1
        );
    }
}
