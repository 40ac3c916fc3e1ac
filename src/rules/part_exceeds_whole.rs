use crate::analysis::cursor::Cursor;
use crate::analysis::figures::FigureAt;
use crate::analysis::lists::{is_glued_figure, is_time_figure};
use crate::analysis::quantities::same_things;
use crate::analysis::sentences::sentences;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::document::{BlockKind, Document};
use crate::lists::{
    BACKLOG_WORDS, HANDLING_VERBS, INTAKE_VERBS, MEASURE_UNITS, NEW_INTAKE_WORDS,
    PART_COMPARISON_WORDS, PART_COUNTABLE_NOUNS, PART_INTRO_WORDS, PART_NOT_FRACTION_WORDS,
    PART_VERBS, PLAN_CLAUSE_WORDS,
};
use crate::rules::{LintContext, OptionSpec, Rule, RuleMeta, declare_rule};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// A part larger than the whole it belongs to.
    ///
    /// ## What it does
    /// Finds a whole announced with "tổng số", "tổng cộng", "trong tổng số" or "trên tổng
    /// số" ("tổng số 68 chỉ tiêu") and the later counts of the same noun in the same
    /// paragraph that are stated as a part of it ("71 chỉ tiêu đạt", "trong đó 71 chỉ
    /// tiêu"): a part above the whole is reported, with the whole as evidence. A whole is
    /// also a count before "trong đó" or "trong số đó", in its sentence or the one before
    /// when the marker opens a sentence ("có 23 đảng viên, trong đó 24 đảng viên"; "Dự Đại
    /// hội có 135 đại biểu. Trong đó có 148 đại biểu"): the largest earlier count of the
    /// part's head noun, or, for a part of another noun right after the marker, the only
    /// count there ("đón 1.240 học sinh, trong đó có 1.297 em"); and the count after "trong
    /// (tổng) số" or "trong" ("Trong số 50 hộ, có 52 hộ"; "trong 23 xã của huyện, đã có 24
    /// xã"), whose first count after the comma is a part whatever its verb. "trong số
    /// này" and "trong số trên" point back as "trong số đó" does; a count of people right
    /// after them is a part of a count of visits ("1.150 lượt đoàn viên ..., trong số đó có
    /// 236 sinh viên"). A whole after "trong tổng số", "trên tổng số" or "nâng tổng số ...
    /// lên" has the nearest count of its noun before it in the sentence as its part ("173
    /// vụ hòa giải thành trong tổng số 390 vụ"; "kết nạp 236 hội viên, nâng tổng số hội
    /// viên lên 1.318 người"); such a count is that whole's part, not an earlier whole's
    /// ("giải quyết 338 vụ (đạt 87,5%) trong tổng số 387 vụ"), and so has one after "nâng
    /// tổng số" without "lên" or named by "tổng số ... là" ("kết nạp 9 đảng viên, hiện tổng
    /// số đảng viên là 48 đảng viên"). The second of two counts joined by a slash counts its
    /// own noun ("thụ lý 120 vụ/260 bị cáo"). A part may be counted in a noun that counts the same things
    /// as its whole ("50 hộ, trong đó 52 gia đình"; "học sinh" / "em"). A count after an
    /// intake verb ("thụ lý", "tiếp nhận", "phát hiện", "xảy ra") is the whole of the later
    /// counts of its noun in the sentence handled from it ("thụ lý 49 vụ việc, đã giải quyết
    /// 55 vụ việc"): a warning, silent when the part's clause takes in again, speaks of a
    /// change, a plan or a year, or names a place, and when the sentence speaks of a backlog
    /// ("tồn", "chuyển sang", "đến hạn", "tiếp nhận mới"). With
    /// `unmarked-parts = 1` (off by default), a count that opens a sentence or a clause,
    /// after a short lead phrase at most ("Sau khi khám sàng lọc, 612 người"; "số người
    /// tham gia tự nguyện là 3.715 người"), is also compared with the largest count of its
    /// head noun in the clause before: a warning, as no marker says it is a part; off by
    /// default because on text nobody tuned to it took a count of a wider group for a part.
    /// It also reports a fraction of a countable noun whose top is above its
    /// bottom ("12/11 xã"). It stays silent on counts compared with the whole or bounds
    /// ("tăng 80 hộ", "từ 10 đến 20 lần"), on clauses that speak of a change, a plan or a
    /// year, on others ("150 người khác"), on a whole of a different noun, and on day/month
    /// dates ("ngày 12/11", "12/11/2024").
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
        options: [OptionSpec::integer("unmarked-parts", 0, 0)],
        vi: "Một phần lớn hơn cả tổng mà nó thuộc về.

## Tác dụng
Tìm một tổng được nêu bằng “tổng số”, “tổng cộng”, “trong tổng số” hoặc “trên tổng số” (“tổng số 68 chỉ tiêu”) và các con số đếm cùng danh từ ở phía sau trong cùng đoạn được nêu như một phần của tổng đó (“71 chỉ tiêu đạt”, “trong đó 71 chỉ tiêu”): phần lớn hơn tổng thì báo lỗi, kèm vị trí của tổng. Tổng cũng có thể là con số đứng trước “trong đó” hoặc “trong số đó”, trong cùng câu hoặc ở câu trước khi cụm này mở đầu câu (“có 23 đảng viên, trong đó 24 đảng viên”; “Dự Đại hội có 135 đại biểu. Trong đó có 148 đại biểu”): con số lớn nhất trước đó cùng danh từ chính với phần, hoặc, với phần của danh từ khác đứng ngay sau cụm, con số duy nhất ở đó (“đón 1.240 học sinh, trong đó có 1.297 em”); và con số sau “trong (tổng) số” (“Trong số 50 hộ, có 52 hộ”) hoặc sau “trong” (“trong 23 xã của huyện, đã có 24 xã”), với con số đầu tiên sau dấu phẩy là một phần dù động từ là gì. “trong số này”, “trong số trên” cũng trỏ về trước như “trong số đó”; số người đứng ngay sau các cụm này là một phần của số lượt (“1.150 lượt đoàn viên ..., trong số đó có 236 sinh viên”). Tổng đứng sau “trong tổng số”, “trên tổng số” hoặc “nâng tổng số ... lên” lấy con số gần nhất cùng danh từ đứng trước nó trong câu làm phần (“173 vụ hòa giải thành trong tổng số 390 vụ”; “kết nạp 236 hội viên, nâng tổng số hội viên lên 1.318 người”); con số ấy là phần của tổng đứng sau nó, không phải của một tổng nêu trước (“giải quyết 338 vụ (đạt 87,5%) trong tổng số 387 vụ”); tổng sau “nâng tổng số” không có “lên”, hoặc được nêu bằng “tổng số ... là” (“kết nạp 9 đảng viên, hiện tổng số đảng viên là 48 đảng viên”), cũng vậy. Con số thứ hai của hai con số nối bằng dấu gạch chéo đếm danh từ của chính nó (“thụ lý 120 vụ/260 bị cáo”). Phần có thể được đếm bằng danh từ cùng đếm một thứ với tổng (“50 hộ, trong đó 52 gia đình”; “học sinh” / “em”). Con số sau một động từ tiếp nhận (“thụ lý”, “tiếp nhận”, “phát hiện”, “xảy ra”) là tổng của những con số cùng danh từ ở sau trong câu được xử lý từ đó (“thụ lý 49 vụ việc, đã giải quyết 55 vụ việc”): chỉ cảnh báo; im lặng khi vế của phần lại tiếp nhận, nói về thay đổi, kế hoạch hay một năm, hoặc nêu một địa danh, và khi câu nói đến số tồn (“tồn”, “chuyển sang”, “đến hạn”, “tiếp nhận mới”). Với `unmarked-parts = 1` (mặc định tắt), con số mở đầu một câu hay một vế câu, sau một cụm dẫn ngắn là nhiều nhất (“Sau khi khám sàng lọc, 612 người”; “số người tham gia tự nguyện là 3.715 người”), cũng được so với con số lớn nhất cùng danh từ chính ở vế trước: chỉ cảnh báo, vì không có từ nào nói rõ đó là một phần; mặc định tắt vì trên văn bản chưa dùng để chỉnh quy tắc, nó đã coi con số của một nhóm rộng hơn là một phần. Quy tắc cũng báo phân số của một danh từ đếm được có tử số lớn hơn mẫu số (“12/11 xã”). Quy tắc im lặng với con số dùng để so sánh hay làm mốc (“tăng 80 hộ”, “từ 10 đến 20 lần”), với vế câu nói về thay đổi, kế hoạch hay một năm, với “150 người khác”, với tổng của danh từ khác và với ngày tháng (“ngày 12/11”, “12/11/2024”).

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
        let unmarked_parts = ctx.integer("unmarked-parts") > 0;
        for block in &doc.blocks {
            if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
                continue;
            }
            // Only a block with a whole or a fraction needs its sentences.
            let text = &doc.text[block.range.clone()];
            // A whole and a part are two figures; a block of one sentence with no marker
            // holds no whole and no part of one.
            let figures = doc
                .block_tokens(block)
                .iter()
                .filter(|t| t.kind() == TokenKind::Number)
                .take(2)
                .count();
            let intake = may_hold_intake_verb(text);
            let marked = ["/", "tổng", "Tổng", "rong"]
                .iter()
                .any(|m| text.contains(m))
                || intake
                || (unmarked_parts && opens_with_count(text));
            if figures < 2 || !marked {
                continue;
            }
            let sentences = sentences(doc, block);
            // The tokens of the block's sentences, one after the other.
            let all: Vec<usize> = sentences.iter().flat_map(|s| s.iter()).copied().collect();
            self.wholes(doc, &all, out);
            for (i, sentence) in sentences.iter().enumerate() {
                self.fractions(doc, sentence, out);
                let previous = i.checked_sub(1).map(|j| &sentences[j]);
                self.parts_within(doc, previous, sentence, out);
                self.earlier_part(doc, sentence, out);
                if let (true, Some(previous)) = (unmarked_parts, previous) {
                    self.opening_part(doc, previous, sentence, out);
                }
            }
            // An intake and its handled parts, over sentences split at a semicolon.
            let mut joined: Vec<usize> = Vec::new();
            for sentence in sentences.iter().filter(|_| intake) {
                joined.extend_from_slice(sentence);
                let semicolon = sentence
                    .last()
                    .is_some_and(|&i| &doc.text[doc.tokens[i].range()] == ";");
                if !semicolon {
                    self.handled_parts(doc, &joined, out);
                    joined.clear();
                }
            }
            if !joined.is_empty() {
                self.handled_parts(doc, &joined, out);
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

/// Whether the words of `part` start with the noun `whole`, or the two are nouns that count
/// the same things ("hộ" / "gia đình").
fn same_noun(whole: &[String], part: &[String]) -> bool {
    !whole.is_empty() && part.len() >= whole.len() && part[..whole.len()] == whole[..]
        || same_things(whole, part)
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

/// The finding on a fraction whose part `top` is above its whole `bottom`, at `span`, its
/// message opened by `lead` (the fraction as written, or nothing).
fn part_above_whole(
    doc: &Document,
    rule: &RuleMeta,
    top: &FigureAt,
    bottom: &FigureAt,
    span: std::ops::Range<usize>,
    lead: &str,
) -> Diagnostic {
    let (x, y) = (&doc.text[top.span.clone()], &doc.text[bottom.span.clone()]);
    Diagnostic::new(
        rule.id,
        rule.default_severity,
        span,
        Message::new(
            format!("{lead}phần ({x}) lớn hơn tổng ({y})"),
            format!("{lead}the part ({x}) is larger than the whole ({y})"),
        ),
    )
    .with_related(bottom.span.clone(), Message::new("tổng số", "the whole"))
}

fn is_count(f: &FigureAt) -> bool {
    f.figure.decimals == 0 && !f.figure.ambiguous && f.figure.value >= 1.0
}

/// Whether "trong/trên tổng số" follows at `k`, past one bracket ("(đạt 87,5%)").
fn own_whole_follows(c: &Cursor<'_>, mut k: usize) -> bool {
    if c.is_punct(k, "(") {
        let Some(close) = (k + 1..c.len().min(k + 16)).find(|&j| c.is_punct(j, ")")) else {
            return false;
        };
        k = close + 1;
    }
    (c.word_is(k, "trong") || c.word_is(k, "trên"))
        && c.word_is(k + 1, "tổng")
        && c.word_is(k + 2, "số")
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
            // "trong tổng số 23 tổ dân phố" states its whole as "trong số" does, and so does
            // "trong 23 xã của huyện, ..." (a count of things, not of time).
            let bare_among = c.word_is(at, "trong")
                && c.kind(at + 1) == Some(TokenKind::Number)
                && !is_time_figure(&c, at + 1)
                && c.quantity_at(at + 1).is_some_and(|q| !q.is_duration());
            let among = c.word_is(at, "trong") && c.word(at + 1) == Some("số")
                || total && at > 0 && c.word_is(at - 1, "trong")
                || bare_among;
            if !total && !among {
                at += 1;
                continue;
            }
            let whole_at = if bare_among { at + 1 } else { at + 2 };
            let Some(whole) = c
                .figure_at(whole_at)
                .filter(|f| is_count(f) || f.figure.ambiguous)
            else {
                at += 1;
                continue;
            };
            let mut noun = noun_after(doc, all, whole_at);
            // After "tổng số" a one-word noun is too loose to match on ("hộ", "người" are
            // counted in many ways); "trong số 50 hộ, 52 hộ ..." states the whole itself.
            if among {
                noun.truncate(1);
            }
            if noun.is_empty() || total && !among && noun.len() < 2 {
                at += 1;
                continue;
            }
            let mut p = whole_at + 1 + noun.len();
            // "Trong số 86 cổ đông dự họp, 81 cổ đông ...": the first count after the clause
            // that names the whole is a part of it, and so is one joined to it by "và".
            let clause_end = among
                .then(|| (p..all.len()).find(|&k| !matches!(c.kind(k), Some(TokenKind::Word))))
                .flatten()
                .filter(|&k| c.is_punct(k, ","));
            let mut stated = false;
            while p < all.len() {
                // "trong 23 xã ..." is a whole for its own sentence only.
                if bare_among && Cursor::new(doc, all).is_punct(p, ".") {
                    break;
                }
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
                    && same_noun(&noun, &noun_after(doc, all, p))
                {
                    let c = Cursor::new(doc, all);
                    let after_clause = clause_end.is_some_and(|e| {
                        (e + 1..p).all(|k| matches!(c.word(k), Some("có" | "đã" | "thì")))
                    });
                    // A count with its own "trong tổng số N" after it belongs to that whole
                    // ("Năm 2017, giải quyết 338 vụ (đạt 87,5%) trong tổng số 387 vụ").
                    if own_whole_follows(&c, p + 1 + noun_after(doc, all, p).len()) {
                        p += 1;
                        continue;
                    }
                    let joined = stated && c.word(p.wrapping_sub(1)) == Some("và");
                    // After "trong 23 xã", only the count the clause leads to is a part.
                    let is_stated = !compared_at(&c, p) && (after_clause || joined)
                        || !bare_among && is_part(doc, all, p, noun.len());
                    stated |= is_stated;
                    if is_stated
                        && comparable(&whole, &part)
                        && part.figure.value > whole.figure.value
                    {
                        out.push(too_large(doc, rule, &whole, &part, &noun));
                    }
                }
                p += 1;
            }
            at = whole_at + 1;
        }
    }

    /// "173 vụ, việc hòa giải thành trong tổng số 390 vụ, việc"; "kết nạp mới 236 hội viên,
    /// nâng tổng số hội viên lên 1.318 người": a whole after "trong/trên tổng số" or "nâng
    /// tổng số ... lên", and the nearest count before it in its sentence, of the noun the
    /// whole counts (or names after "tổng số"), as its part.
    fn earlier_part(&self, doc: &Document, sentence: &[usize], out: &mut Vec<Diagnostic>) {
        let c = Cursor::new(doc, sentence);
        let rule = self.meta();
        for at in 1..c.len() {
            if !(c.word_is(at, "tổng") && c.word(at + 1) == Some("số")) {
                continue;
            }
            // "là" naming the count after "tổng số" and a few words of its noun.
            let named_count = || {
                (at + 2..c.len().min(at + 2 + MAX_NAMED_COUNT_WORDS))
                    .take_while(|&k| c.kind(k) == Some(TokenKind::Word))
                    .find(|&k| c.word(k) == Some("là"))
                    .filter(|&la| c.kind(la + 1) == Some(TokenKind::Number))
            };
            let (whole_at, named) = match c.word(at - 1) {
                Some("trong" | "trên") => (at + 2, None),
                // "kết nạp được 40 hội viên, nâng tổng số 1.035 hội viên".
                Some("nâng") if c.kind(at + 2) == Some(TokenKind::Number) => (at + 2, None),
                Some("nâng") => {
                    let Some(up) = (at + 2..c.len().min(at + 2 + MAX_RAISED_NOUN_WORDS))
                        .take_while(|&k| c.kind(k) == Some(TokenKind::Word))
                        .find(|&k| c.word(k) == Some("lên"))
                    else {
                        continue;
                    };
                    (up + 1, Some(noun_after(doc, sentence, at + 1)))
                }
                // "kết nạp 9 đảng viên mới, hiện tổng số đảng viên của chi bộ là 48 đảng viên":
                // the count the clause names is the whole of the sentence's earlier one.
                _ => match named_count() {
                    Some(la) if at + 2 < la => (la + 1, Some(noun_after(doc, sentence, at + 1))),
                    _ => continue,
                },
            };
            let Some((whole, whole_noun)) = quantity_at(&c, whole_at) else {
                continue;
            };
            if !is_count(&whole) && !whole.figure.ambiguous {
                continue;
            }
            let nouns: Vec<Vec<String>> = [Some(whole_noun), named].into_iter().flatten().collect();
            let first = (0..at - 1)
                .rev()
                .find(|&k| matches!(c.punct(k), Some("." | "!" | "?" | ";" | ":")))
                .map_or(0, |k| k + 1);
            let part = (first..at - 1).rev().find_map(|k| {
                let (f, n) = quantity_at(&c, k)?;
                (!compared_at(&c, k) && nouns.iter().any(|w| same_head(w, &n))).then_some((f, n))
            });
            let Some((part, noun)) = part else {
                continue;
            };
            if frames_another_count(&Cursor::new(doc, &sentence[first..at - 1])) {
                continue;
            }
            if comparable(&whole, &part)
                && part.figure.value > whole.figure.value
                && !out.iter().any(|d| d.rule == rule.id && d.span == part.span)
            {
                out.push(too_large(doc, rule, &whole, &part, &noun));
            }
        }
    }

    /// "có 23 đảng viên, trong đó 24 đảng viên chính thức": the parts after "trong đó" or
    /// "trong số đó" (or "Trong số đại biểu ...") against the counts stated before the
    /// marker, in its sentence or, when the marker opens the sentence, the one before. A
    /// part is compared with the largest earlier count of its head noun; a part of another
    /// noun right after the marker, with the one count there is ("đón 1.240 học sinh, trong
    /// đó có 1.297 em").
    fn parts_within(
        &self,
        doc: &Document,
        previous: Option<&[usize]>,
        sentence: &[usize],
        out: &mut Vec<Diagnostic>,
    ) {
        let c = Cursor::new(doc, sentence);
        let Some((marker, from, named)) = within_marker(&c) else {
            return;
        };
        let opens = (0..marker).all(|k| c.kind(k) == Some(TokenKind::Punct));
        let mut wholes: Vec<(FigureAt, Vec<String>)> = Vec::new();
        let mut collect = |tokens: &[usize], end: usize| {
            let c = Cursor::new(doc, tokens);
            for k in 0..end {
                // "từ 10 lần trở lên", "tăng 80 hộ": a bound or a change, not a whole.
                if let Some(w) = quantity_at(&c, k).filter(|_| !compared_at(&c, k)) {
                    wholes.push(w);
                }
            }
        };
        if opens {
            let Some(previous) = previous else {
                return;
            };
            collect(previous, previous.len());
        } else {
            collect(sentence, marker);
        }
        let rule = self.meta();
        for p in from..sentence.len() {
            let Some((part, noun)) = quantity_at(&c, p) else {
                continue;
            };
            if compared_at(&c, p) {
                continue;
            }
            let same: Option<&(FigureAt, Vec<String>)> = wholes
                .iter()
                .filter(|(_, n)| n[0] == noun[0] || same_things(n, &noun))
                .max_by(|a, b| a.0.figure.value.total_cmp(&b.0.figure.value));
            let whole = match same {
                Some(w) => w,
                // Another noun: only the first figure after the marker, against the only
                // count there is, and not many times it (a count of houses within villages).
                None if p == from && !named && wholes.len() == 1 => {
                    let (w, n) = &wholes[0];
                    let measured = |n: &[String]| MEASURE_UNITS.contains(&n[0]);
                    // People are no more than the visits they made ("1.150 lượt đoàn viên
                    // ..., trong số đó có 236 sinh viên").
                    let visits_of_people =
                        n[0] == "lượt" && PERSON_HEADS.contains(&noun[0].as_str());
                    if measured(n) && !visits_of_people
                        || measured(&noun)
                        || part.figure.value > w.figure.value * MAX_OTHER_NOUN_RATIO
                    {
                        continue;
                    }
                    &wholes[0]
                }
                None => continue,
            };
            if comparable(&whole.0, &part)
                && part.figure.value > whole.0.figure.value
                && !out.iter().any(|d| d.rule == rule.id && d.span == part.span)
            {
                out.push(too_large(doc, rule, &whole.0, &part, &whole.1));
            }
        }
    }

    /// "thu hút 587 người đăng ký hiến máu. Sau khi khám sàng lọc, 612 người đủ điều kiện":
    /// a count that opens its sentence or clause (after a lead phrase and a comma at most)
    /// is read as a part of the largest count of the same head noun in the clause before. A
    /// warning, not an error: no marker says it is a part. Silent when either clause
    /// compares or changes ("tăng", "so với", "thêm"), names a year, or the part is of
    /// others ("người khác").
    fn opening_part(
        &self,
        doc: &Document,
        previous: &[usize],
        sentence: &[usize],
        out: &mut Vec<Diagnostic>,
    ) {
        let c = Cursor::new(doc, sentence);
        let Some(p) = opening_count(&c) else {
            return;
        };
        let Some((part, noun)) = quantity_at(&c, p).filter(|_| !compared_at(&c, p)) else {
            return;
        };
        // "3 thí sinh còn lại của mỗi đội", "150 người khác": not a part of the count before.
        let others = (p + 1..(p + 1 + MAX_OTHERS_DISTANCE).min(c.len()))
            .any(|k| c.word(k).is_some_and(|w| OTHERS_WORDS.contains(&w)));
        if others || frames_another_count(&c) {
            return;
        }
        let b = Cursor::new(doc, previous);
        // Inside brackets ("10 tấn (9,8 tấn Anh; 11 tấn thiếu)"): no whole and part.
        let opened = (0..b.len()).filter(|&k| b.is_punct(k, "(")).count()
            > (0..b.len()).filter(|&k| b.is_punct(k, ")")).count();
        if opened || frames_another_count(&b) {
            return;
        }
        let counts: Vec<(usize, FigureAt, Vec<String>)> = (0..b.len())
            .filter(|&k| !compared_at(&b, k))
            .filter_map(|k| quantity_at(&b, k).map(|(f, n)| (k, f, n)))
            .collect();
        // "6 con trai và 6 người con gái; 12 người con": a count may total those before.
        let total: f64 = counts.iter().map(|(_, f, _)| f.figure.value).sum();
        if counts.len() >= 2 && part.figure.value <= total {
            return;
        }
        // The largest: "Trong số 30 dự án, 22 dự án ... và 2 dự án ..." states the whole
        // before its parts.
        let Some((at, whole, _)) = counts
            .into_iter()
            .filter(|(_, _, n)| same_head(n, &noun))
            .max_by(|x, y| x.1.figure.value.total_cmp(&y.1.figure.value))
        else {
            return;
        };
        // A clause parallel to the one before ("Có 2 thị xã ... . Có 10 thị xã ..."): two
        // counts side by side, not a whole and its part.
        if opening_count(&b) == Some(at) {
            return;
        }
        let rule = self.meta();
        if (is_count(&whole) || whole.figure.ambiguous)
            && comparable(&whole, &part)
            && part.figure.value > whole.figure.value
            && !out.iter().any(|d| d.rule == rule.id && d.span == part.span)
        {
            let mut d = too_large(doc, rule, &whole, &part, &noun[..1]);
            d.severity = Severity::Warning;
            out.push(d);
        }
    }

    /// "thụ lý 49 vụ việc, đã giải quyết 55 vụ việc": a count taken in by an intake verb
    /// ("thụ lý", "tiếp nhận", "phát hiện", "xảy ra") is the whole of the later counts of its
    /// noun in the sentence that are handled from it: after a handling verb ("giải quyết",
    /// "xét xử", "làm rõ") or opening their clause with a verb after the noun ("tiếp nhận
    /// 2.684 hồ sơ; 2.105 hồ sơ đã được trả"; not "phát hiện 65 vụ A, 213 vụ B", the
    /// intake's kinds). A warning: no marker says so. Writers tell other figures of the noun
    /// apart by words this reads as no part: a clause taking in again (another place's or
    /// period's intake), a change, a comparison, a plan or a year in the part's clause, a
    /// place before the part ("xã B 350 hồ sơ"), and a backlog in the sentence ("tồn", "kỳ
    /// trước chuyển sang", "đến hạn", "tiếp nhận mới"), which handled counts may include.
    fn handled_parts(&self, doc: &Document, sentence: &[usize], out: &mut Vec<Diagnostic>) {
        let c = Cursor::new(doc, sentence);
        let pair_in = |list: &crate::lists::WordList, k: usize| matches!((c.word(k), c.word(k + 1)), (Some(a), Some(b)) if list.contains_pair(a, b));
        let Some(verb) = (0..c.len()).find(|&k| pair_in(&INTAKE_VERBS, k)) else {
            return;
        };
        let backlog = (0..c.len()).any(|k| {
            c.word(k).is_some_and(|w| BACKLOG_WORDS.contains(w)) || pair_in(&BACKLOG_WORDS, k)
        });
        // "tiếp nhận mới 19.630 hồ sơ": new ones only, beside those carried over.
        if backlog
            || c.word(verb + 2)
                .is_some_and(|w| NEW_INTAKE_WORDS.contains(w))
        {
            return;
        }
        let clause_end = |from: usize| {
            (from..c.len())
                .find(|&k| matches!(c.punct(k), Some("," | ";" | "." | "!" | "?" | ":" | "(")))
                .unwrap_or(c.len())
        };
        // The whole: the first count within two words of the verb, and any other of its
        // clause in another noun.
        let first = verb + 2;
        let end = clause_end(first);
        let wholes: Vec<(FigureAt, Vec<String>)> = (first..end)
            .filter(|&k| !compared_at(&c, k))
            .filter_map(|k| quantity_at(&c, k))
            .collect();
        if wholes.is_empty() || wholes[0].0.at > first + 2 {
            return;
        }
        let rule = self.meta();
        let mut start = end;
        while start < c.len() && !matches!(c.punct(start), Some("." | "!" | "?" | ":" | "(")) {
            let from = start + 1;
            let to = clause_end(from);
            start = to;
            let clause = Cursor::new(doc, &sentence[from..to]);
            // Another intake (a parallel clause) ends the wholes' reach.
            if (from..to).any(|k| pair_in(&INTAKE_VERBS, k)) {
                return;
            }
            if frames_another_count(&clause)
                || (0..clause.len()).any(|k| {
                    clause
                        .word(k)
                        .is_some_and(|w| PLAN_CLAUSE_WORDS.contains(w))
                })
            {
                continue;
            }
            for k in from..to {
                let Some((part, noun)) = quantity_at(&c, k).filter(|_| !compared_at(&c, k)) else {
                    continue;
                };
                let Some((whole, whole_noun)) =
                    wholes.iter().find(|(_, n)| same_noun(&n[..1], &noun))
                else {
                    continue;
                };
                let lead = &sentence[from..k];
                let opens = (from..k).all(|j| matches!(c.word(j), Some("có" | "đã" | "và")));
                let handled = (k.saturating_sub(MAX_HANDLING_DISTANCE).max(from)..k).any(|j| {
                    pair_in(&HANDLING_VERBS, j)
                        || c.word(j).is_some_and(|w| HANDLING_VERBS.contains(w))
                });
                // "xã B 350 hồ sơ": a place's own figure.
                let placed = lead.iter().any(|&i| {
                    doc.tokens[i].kind() == TokenKind::Word
                        && doc.case(&doc.tokens[i]) != crate::text::case::Case::Lower
                });
                // A count opening its clause needs a verb after its noun ("2.105 hồ sơ đã
                // được giải quyết"): "phát hiện 65 vụ A, 213 vụ B" lists the intake's kinds.
                let stated = opens && is_part(doc, sentence, k, noun.len());
                if !(stated || handled) || placed {
                    continue;
                }
                if comparable(whole, &part)
                    && part.figure.value > whole.figure.value
                    && !out.iter().any(|d| d.rule == rule.id && d.span == part.span)
                {
                    // The words the two nouns share ("bị cáo", not "bị").
                    let shared = noun
                        .iter()
                        .zip(whole_noun)
                        .take_while(|(a, b)| a == b)
                        .count()
                        .clamp(1, 2);
                    let mut d = too_large(doc, rule, whole, &part, &noun[..shared]);
                    d.severity = Severity::Warning;
                    out.push(d);
                }
            }
        }
    }

    /// "12/11 xã": a fraction of a countable noun above one.
    fn fractions(&self, doc: &Document, sentence: &[usize], out: &mut Vec<Diagnostic>) {
        let rule = self.meta();
        for at in 0..sentence.len() {
            let c = Cursor::new(doc, sentence);
            // "39 trong số 46 hồ sơ", "172 trên tổng số 181 vụ": a fraction in words.
            let in_words = match (c.word(at + 1), c.word(at + 2), c.word(at + 3)) {
                (Some("trong"), Some("số"), _) => Some(at + 3),
                (Some("trên"), Some("tổng"), Some("số")) => Some(at + 4),
                _ => None,
            };
            let bottom_at = match in_words {
                Some(b) => b,
                None if c.is_punct(at + 1, "/") => at + 2,
                None => continue,
            };
            let (Some(top), Some(bottom)) = (
                c.figure_at(at).filter(is_count),
                c.figure_at(bottom_at).filter(is_count),
            ) else {
                continue;
            };
            if let Some(b) = in_words {
                let noun = c.word(b + 1);
                let glued = |p: usize| c.is_punct(p, "/") || c.is_punct(p, "%");
                if noun.is_none() || glued(b + 1) || at > 0 && glued(at - 1) || glued(at + 1) {
                    continue;
                }
                if top.figure.value > bottom.figure.value {
                    out.push(part_above_whole(
                        doc,
                        rule,
                        &top,
                        &bottom,
                        top.span.clone(),
                        "",
                    ));
                }
                continue;
            }
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
                let span = top.span.start..doc.tokens[sentence[at + 3]].end();
                let fraction = format!("{x}/{y}: ");
                out.push(part_above_whole(doc, rule, &top, &bottom, span, &fraction));
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

/// First words of nouns that count people ("người", "em", "sinh viên", "đoàn viên").
const PERSON_HEADS: [&str; 16] = [
    "bệnh", "cháu", "cán", "công", "cụ", "em", "giáo", "hội", "học", "người", "sinh", "thanh",
    "trẻ", "đoàn", "đại", "đảng",
];

/// How many times a whole a part of another noun may be and still be taken as its part.
const MAX_OTHER_NOUN_RATIO: f64 = 1.25;

/// "trong đó", "trong số đó", or "trong số" before a noun ("Trong số đại biểu dự Đại hội
/// có 38 đại biểu"): the marker's position, where its parts start, and whether it names
/// the whole's noun itself.
fn within_marker(c: &Cursor<'_>) -> Option<(usize, usize, bool)> {
    (0..c.len()).find_map(|k| {
        if !c.word_is(k, "trong") {
            return None;
        }
        let (from, named) = match (c.word(k + 1), c.word(k + 2)) {
            (Some("đó"), _) => (k + 2, false),
            // "trong số đó", "trong số này", "trong số trên": the whole before, not named.
            (Some("số"), Some("đó" | "này" | "trên" | "ấy")) => (k + 3, false),
            (Some("số"), Some(_)) => (k + 2, true),
            _ => return None,
        };
        let skip = |p: usize| c.is_punct(p, ",") || c.word(p) == Some("có");
        let from = if skip(from) { from + 1 } else { from };
        let from = if skip(from) { from + 1 } else { from };
        Some((k, from, named))
    })
}

/// Words of a lead phrase before a count that opens its clause ("Sau khi khám sàng lọc,
/// 512 người ...").
const MAX_LEAD_WORDS: usize = 6;

/// Words after a count that make it a count of others, or of each, not a part ("150 người
/// khác", "3 thí sinh còn lại của mỗi đội").
const OTHERS_WORDS: [&str; 4] = ["khác", "còn", "ngoài", "mỗi"];

/// Tokens after a count searched for those words.
const MAX_OTHERS_DISTANCE: usize = 6;

/// Words that scale a noun ("44 ngàn người"): the head is the scale and the word after it.
const SCALE_WORDS: [&str; 5] = ["nghìn", "ngàn", "vạn", "triệu", "tỷ"];

/// Whether the figure at `k` is the second of two counts of one set written with a slash
/// ("thụ lý 120 vụ/260 bị cáo", "dư nợ 420 triệu đồng/70 hộ"): after a count and its noun
/// (at most [`MAX_PAIRED_NOUN_WORDS`] words) and a slash, and before a noun of its own. Not
/// a date or a fraction (a figure before the slash), nor a rate per one ("đồng/01 giải").
fn is_paired_count(c: &Cursor<'_>, k: usize) -> bool {
    let Some(slash) = k.checked_sub(1).filter(|&j| c.is_punct(j, "/")) else {
        return false;
    };
    let first_count = (slash.saturating_sub(MAX_PAIRED_NOUN_WORDS + 1)..slash)
        .rev()
        .take_while(|&j| j + 1 == slash || c.kind(j + 1) == Some(TokenKind::Word))
        .find(|&j| c.kind(j) != Some(TokenKind::Word));
    let counted_before = first_count.is_some_and(|j| {
        j + 1 < slash
            && c.kind(j) == Some(TokenKind::Number)
            && c.figure_at(j).is_some_and(|f| is_count(&f))
    });
    counted_before
        && c.kind(slash - 1) == Some(TokenKind::Word)
        && c.figure_at(k)
            .is_some_and(|f| is_count(&f) && f.figure.value > 1.0)
        && c.kind(k + 1) == Some(TokenKind::Word)
}

/// Words of the first count's noun before the slash of a paired count ("triệu đồng").
const MAX_PAIRED_NOUN_WORDS: usize = 3;

/// Whether two nouns have the same head, a scale word and its noun counted together.
fn same_head(a: &[String], b: &[String]) -> bool {
    let len = |n: &[String]| {
        if SCALE_WORDS.contains(&n[0].as_str()) {
            2
        } else {
            1
        }
    };
    let k = len(a);
    k == len(b) && a.len() >= k && b.len() >= k && a[..k] == b[..k]
}

/// Whether `text` may hold an intake verb of `intake-verbs.txt`, in any case of its first
/// letter (each entry past its first character): the blocks
/// [`PartExceedsWhole::handled_parts`] reads.
fn may_hold_intake_verb(text: &str) -> bool {
    INTAKE_VERBS.entries().any(|verb| {
        let mut chars = verb.chars();
        chars.next();
        text.contains(chars.as_str())
    })
}

/// Words before a part a handling verb may stand ("đã giải quyết, xét xử 415 vụ").
const MAX_HANDLING_DISTANCE: usize = 6;

/// Words that set a count against another frame: a change, a comparison, a plan.
const FRAME_WORDS: [&str; 8] = ["tăng", "giảm", "so", "thêm", "xuống", "hơn", "kế", "cùng"];

/// Words between "tổng số" and "lên" ("nâng tổng số hội viên toàn xã lên 1.318 người").
const MAX_RAISED_NOUN_WORDS: usize = 5;

/// Words between "số" and "là" in a clause that names its count ("số người tham gia tự
/// nguyện là 1.215 người").
const MAX_NAMED_COUNT_WORDS: usize = 8;

/// Whether a clause of `text` may open with a count (a figure, "có" or "số" after a stop or
/// a comma): the only blocks [`PartExceedsWhole::opening_part`] needs to read.
fn opens_with_count(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).enumerate().any(|(i, w)| {
        matches!(w[0], b'.' | b';' | b',')
            && w[1] == b' '
            && (w[2].is_ascii_digit() || text[i + 2..].starts_with(['C', 'c', 'S', 's']))
    })
}

/// The count that opens a clause: its first token, after "có", after "số ... là", or after a
/// lead phrase of words and a comma ("Sau khi khám sàng lọc, 512 người").
fn opening_count(c: &Cursor<'_>) -> Option<usize> {
    let first = (0..c.len()).find(|&k| c.kind(k) != Some(TokenKind::Punct))?;
    let at = match c.kind(first)? {
        TokenKind::Number => first,
        _ if c.word(first) == Some("có") => first + 1,
        // "số người tham gia tự nguyện là 1.215 người".
        _ if c.word(first) == Some("số") => {
            (first + 1..c.len().min(first + MAX_NAMED_COUNT_WORDS + 2))
                .take_while(|&k| c.kind(k) == Some(TokenKind::Word))
                .find(|&k| c.word(k) == Some("là"))?
                + 1
        }
        _ => {
            let comma = (first..c.len().min(first + MAX_LEAD_WORDS + 1))
                .find(|&k| c.kind(k) != Some(TokenKind::Word))?;
            if !c.is_punct(comma, ",") {
                return None;
            }
            comma + 1 + usize::from(c.word(comma + 1) == Some("có"))
        }
    };
    (c.kind(at) == Some(TokenKind::Number)).then_some(at)
}

/// Whether a clause speaks of a change, a comparison, a plan or a year, so that its counts
/// are not simply a whole and its part.
fn frames_another_count(c: &Cursor<'_>) -> bool {
    (0..c.len()).any(|k| c.word(k).is_some_and(|w| FRAME_WORDS.contains(&w)) || c.year(k).is_some())
}

/// Whether the figure at `k` follows a word of comparison or bound ("tăng 80 hộ", "từ 10
/// lần").
fn compared_at(c: &Cursor<'_>, k: usize) -> bool {
    k.checked_sub(1)
        .and_then(|q| c.word(q))
        .is_some_and(|w| PART_COMPARISON_WORDS.contains(w))
}

/// A count with its noun at `k`: not a time, a percentage or a date.
fn quantity_at(c: &Cursor<'_>, k: usize) -> Option<(FigureAt, Vec<String>)> {
    let figure = c.figure_at(k).filter(is_whole_or_part)?;
    if (is_time_figure(c, k) || is_glued_figure(c, k) || c.is_punct(k + 1, "%"))
        && !is_paired_count(c, k)
    {
        return None;
    }
    let noun = noun_after(c.doc, c.tokens, k);
    (!noun.is_empty()).then_some((figure, noun))
}

#[cfg(test)]
mod tests {
    use super::PartExceedsWhole;
    use crate::Config;
    use crate::rules::testing::{check, check_with, flags_each, silent};

    #[test]
    fn a_count_with_its_own_whole_after_it_is_not_an_earlier_whole_s_part() {
        silent(
            &PartExceedsWhole,
            &[
                "Năm 2023, tòa án giải quyết được 1.100 vụ việc (đạt 91,7%) trong tổng số 1.200 vụ việc thụ lý. Năm 2024, giải quyết 1.250 vụ việc (đạt 89,9%) trong tổng số 1.390 vụ việc.",
            ],
        );
        flags_each(
            &PartExceedsWhole,
            &[(
                "Trong tổng số 1.200 vụ việc thụ lý, tòa án đã giải quyết 1.250 vụ việc (đạt 104%).",
                &["1.250"],
            )],
        );
    }

    #[test]
    fn the_second_of_two_counts_written_with_a_slash_is_a_count() {
        flags_each(
            &PartExceedsWhole,
            &[
                (
                    "Năm qua, tòa thụ lý 120 vụ/260 bị cáo; đã xét xử 118 vụ/275 bị cáo.",
                    &["275"],
                ),
                (
                    "Tổng dư nợ là 950 triệu đồng/64 hộ vay, trong đó: dư nợ cho vay hộ nghèo là 420 triệu đồng/70 hộ.",
                    &["70"],
                ),
            ],
        );
        silent(
            &PartExceedsWhole,
            &[
                "Năm qua, tòa thụ lý 120 vụ/260 bị cáo; đã xét xử 118 vụ/251 bị cáo.",
                // A price per one thing, a fraction and a date are no second count.
                "Tổng giải thưởng là 3 giải, trị giá 500.000 đồng/01 giải; trong đó 2 giải Nhì.",
                "Đã giải quyết 95/120 vụ; trong đó 130 vụ đúng hạn vào ngày 12/5.",
            ],
        );
    }

    #[test]
    fn a_handled_part_is_named_by_the_words_its_noun_shares_with_the_whole() {
        let found = check(
            &PartExceedsWhole,
            "Năm qua, tòa thụ lý 120 vụ/260 bị cáo; đã xét xử 118 vụ/275 bị cáo.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.vi,
            "275 bị cáo nhiều hơn tổng số 260 bị cáo đã nêu"
        );
    }

    #[test]
    fn a_whole_after_tong_so_without_len_or_named_by_la() {
        flags_each(
            &PartExceedsWhole,
            &[
                (
                    "Trong quý, kết nạp được 40 hội viên, nâng tổng số 35 hội viên.",
                    &["40"],
                ),
                (
                    "Trong năm, chi bộ kết nạp 9 đảng viên mới, hiện tổng số đảng viên của chi bộ là 8 đảng viên.",
                    &["9"],
                ),
            ],
        );
        silent(
            &PartExceedsWhole,
            &[
                "Trong quý, kết nạp được 40 hội viên, nâng tổng số 1.035 hội viên.",
                "Trong năm, chi bộ kết nạp 9 đảng viên mới, hiện tổng số đảng viên của chi bộ là 48 đảng viên.",
                // An earlier year's count is no part of today's total.
                "Năm 2015 chi bộ có 60 đảng viên, hiện tổng số đảng viên của chi bộ là 48 đảng viên.",
            ],
        );
    }

    #[test]
    fn a_count_handled_from_an_intake_is_a_part_of_it() {
        let warned = |text: &str| {
            check(&PartExceedsWhole, text)
                .iter()
                .filter(|d| d.severity == crate::Severity::Warning)
                .map(|d| text[d.span.clone()].to_string())
                .collect::<Vec<_>>()
        };
        for (text, part) in [
            (
                "Trong quý, tòa án đã thụ lý 49 vụ việc, đã giải quyết 55 vụ việc các loại.",
                "55",
            ),
            (
                "Bộ phận một cửa tiếp nhận 2.684 hồ sơ; 2.705 hồ sơ đã được trả kết quả.",
                "2.705",
            ),
            (
                "Năm nay thụ lý 1.217 vụ, giải quyết 1.230 vụ, đạt 91%.",
                "1.230",
            ),
            (
                "Công an phát hiện 42 vụ vi phạm; xử phạt hành chính 45 vụ.",
                "45",
            ),
        ] {
            assert_eq!(warned(text), [part], "{text}");
        }
        silent(
            &PartExceedsWhole,
            &[
                "Trong quý, tòa án đã thụ lý 49 vụ việc, đã giải quyết 35 vụ việc các loại.",
                // Another intake, a change, a plan, a place, a year, a backlog.
                "Quý I tiếp nhận 200 hồ sơ, quý II tiếp nhận 250 hồ sơ.",
                "Thụ lý 81 vụ, tăng 13 vụ so với năm trước; giải quyết 70 vụ.",
                "Xã A tiếp nhận 300 hồ sơ, xã B 350 hồ sơ.",
                "Đã phát hiện 65 vụ khai thác rừng, 213 vụ vận chuyển lâm sản, 79 vụ phá rừng.",
                "Tiếp nhận 300 hồ sơ, năm 2024 giải quyết 350 hồ sơ.",
                "Thụ lý 120 vụ, phấn đấu giải quyết 130 vụ.",
                "Đã tiếp nhận mới 19.630 hồ sơ, hồ sơ đến hạn giải quyết 19.944 hồ sơ.",
                "Thụ lý 300 vụ, kể cả án tồn, đã giải quyết 320 vụ.",
            ],
        );
    }

    #[test]
    fn a_part_may_count_the_same_things_in_another_noun() {
        flags_each(
            &PartExceedsWhole,
            &[
                (
                    "Xã có 50 hộ nghèo, trong đó 52 gia đình có người cao tuổi.",
                    &["52"],
                ),
                (
                    "Trường có 420 học sinh, trong đó 436 em là con em đồng bào Mường.",
                    &["436"],
                ),
            ],
        );
        silent(
            &PartExceedsWhole,
            &[
                "Xã có 50 hộ nghèo, trong đó 32 gia đình có người cao tuổi.",
                // The same noun twice is judged by its own words, not as a group or as people.
                "Quân đoàn mất 148.000 người chết, trong đó 114.000 tử trận; số người bị thương là 380.000 người.",
                "Vùng có 33,8 triệu người; trong đó tỉnh A có 6.320.300 người và tỉnh B có 9.959.270 người và đã nêu.",
            ],
        );
    }

    #[test]
    fn reads_wholes_named_by_trong_so_and_parts_that_open_a_clause() {
        flags_each(
            &PartExceedsWhole,
            &[
                (
                    "Trong số 86 cổ đông dự họp, 91 cổ đông tham gia biểu quyết điện tử.",
                    &["91"],
                ),
                (
                    "Trong số 51 hộ đã nhận nhà, 39 hộ là đồng bào Vân Kiều và 56 hộ là đồng bào Pa Kô.",
                    &["56"],
                ),
                (
                    "Như vậy, trong 23 xã của huyện, đã có 24 xã đạt chuẩn.",
                    &["24"],
                ),
            ],
        );
        silent(
            &PartExceedsWhole,
            &[
                "Tặng giấy khen cho 12 cá nhân hiến máu từ 10 lần trở lên, trong đó 3 người đã hiến máu trên 20 lần và 9 người hiến từ 10 đến 20 lần.",
                "Hội nghị có 120 người dự. 150 người khác theo dõi trực tuyến.",
                "Năm 2023 xã có 120 hộ nghèo. Năm 2024, 150 hộ được vay vốn.",
                "Quý I tiếp nhận 200 hồ sơ. Sang quý II, 250 hồ sơ được tiếp nhận, tăng 25%.",
                "Trong số 86 cổ đông dự họp, 81 cổ đông tham gia biểu quyết điện tử.",
                "Ngày hội thu hút 587 người đăng ký hiến máu. Sau khi khám sàng lọc, 512 người đủ điều kiện hiến máu.",
                // Seen on encyclopedic text: brackets, scales, totals, the rest of each,
                // parallel clauses, a whole for its own sentence.
                "Con lớn nhất nặng 10 tấn (9,8 tấn Anh; 11 tấn thiếu).",
                "Có 6 người chết và 44 ngàn người bị thương. 250 ngàn căn hộ bị hủy.",
                "Họ sinh được 6 con trai và 6 người con gái; 12 người con đều được phong tước.",
                "1 thí sinh được khán giả chọn sẽ đi tiếp. 3 thí sinh còn lại của mỗi đội sẽ thi lại.",
                "Có 2 thị xã trùng tên với tỉnh. Có 10 thị xã trùng tên với các tỉnh cũ.",
                "Chính phủ công nhận 149 nhóm trong 47 dân tộc chính. Danh sách mới bao gồm 49 dân tộc.",
            ],
        );
    }

    /// The opt-in reading (`unmarked-parts`) of a count that opens a clause as a part of
    /// the count before.
    fn with_unmarked_parts(text: &str) -> Vec<crate::Diagnostic> {
        let config =
            Config::from_toml("[rules]\npart-exceeds-whole = { unmarked-parts = 1 }\n").unwrap();
        check_with(&PartExceedsWhole, text, &config)
    }

    #[test]
    fn a_count_opening_a_clause_is_a_part_only_when_the_user_opts_in() {
        for (text, part) in [
            (
                "Ngày hội thu hút 587 người đăng ký hiến máu. Sau khi khám sàng lọc, 612 người đủ điều kiện hiến máu.",
                "612",
            ),
            (
                "Toàn huyện có 3.472 người tham gia bảo hiểm xã hội; số người tham gia tự nguyện là 3.715 người.",
                "3.715",
            ),
        ] {
            let found = with_unmarked_parts(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].span.clone()], part);
            assert_eq!(found[0].severity, crate::Severity::Warning);
            // Off by default: no marker says the second count is a part of the first.
            assert!(check(&PartExceedsWhole, text).is_empty(), "{text}");
        }
        for text in [
            "Hội nghị có 120 người dự. 150 người khác theo dõi trực tuyến.",
            "Năm 2023 xã có 120 hộ nghèo. Năm 2024, 150 hộ được vay vốn.",
            "Ngày hội thu hút 587 người đăng ký hiến máu. Sau khi khám sàng lọc, 512 người đủ điều kiện hiến máu.",
            "Có 2 thị xã trùng tên với tỉnh. Có 10 thị xã trùng tên với các tỉnh cũ.",
        ] {
            assert!(with_unmarked_parts(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn fails_on_a_fraction_in_words() {
        flags_each(
            &PartExceedsWhole,
            &[
                (
                    "Đất đai chiếm phần lớn hồ sơ chậm: 48 trong số 46 hồ sơ quá hạn.",
                    &["48"],
                ),
                ("Tòa giải quyết 190 trên tổng số 181 vụ.", &["190"]),
            ],
        );
        silent(
            &PartExceedsWhole,
            &[
                "Đất đai chiếm phần lớn hồ sơ chậm: 39 trong số 46 hồ sơ quá hạn.",
                "Tòa giải quyết 172 trên tổng số 181 vụ.",
            ],
        );
    }

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
                (
                    "Dự Đại hội có 135 đại biểu, thay mặt cho hơn 6.800 đoàn viên. Trong đó có 148 đại biểu là nữ.",
                    &["148"],
                ),
                (
                    "Hội có 3.412 hội viên sinh hoạt tại 21 cơ sở hội, trong đó 3.480 hội viên là đảng viên.",
                    &["3.480"],
                ),
                (
                    "Trường đón 1.240 học sinh, trong đó có 1.297 em vào lớp 6.",
                    &["1.297"],
                ),
                (
                    "Đại hội có 160 đại biểu chính thức. Trong số đại biểu dự Đại hội có 166 đại biểu là nữ.",
                    &["166"],
                ),
                (
                    "Cho biết trong tổng số 23 tổ dân phố, đã có 24 tổ đăng ký.",
                    &["24"],
                ),
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
                "Trong số 30 dự án, 22 dự án đã hoàn thành, 6 dự án đang thi công và 2 dự án chưa khởi công. Trong đó, 9 dự án thuộc lĩnh vực giáo dục.",
                "Huyện có 12 xã, trong đó 15.000 hộ nghèo.",
                "Dịch Covid-19 diễn biến phức tạp, trong đó, có 22 chỉ tiêu đạt từ 50% trở lên.",
                "Huyện có 12 xã với 50.000 dân, trong đó 13 thôn vùng cao.",
            ],
        );
    }

    #[test]
    fn a_part_before_its_whole_and_after_trong_so_nay() {
        flags_each(
            &PartExceedsWhole,
            &[
                (
                    "Hòa giải thành 409 vụ, việc trong tổng số 390 vụ, việc đủ điều kiện.",
                    &["409"],
                ),
                (
                    "Hội kết nạp mới 1.322 hội viên, nâng tổng số hội viên toàn xã lên 1.318 người.",
                    &["1.322"],
                ),
                (
                    "Phát hiện 6.842 trường hợp; trong số này có 7.283 người điều khiển xe mô tô.",
                    &["7.283"],
                ),
                (
                    "Huy động 1.150 lượt đoàn viên tham gia; trong số đó có 1.244 sinh viên.",
                    &["1.244"],
                ),
            ],
        );
        silent(
            &PartExceedsWhole,
            &[
                "Hòa giải thành 173 vụ, việc trong tổng số 390 vụ, việc đủ điều kiện.",
                "Hội kết nạp mới 236 hội viên, nâng tổng số hội viên toàn xã lên 1.318 người.",
                "Năm 2024 tăng 400 vụ so với năm trước, trong tổng số 390 vụ.",
                "Tiếp 1.150 lượt công dân; trong số đó có 1.244 vụ việc.",
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
