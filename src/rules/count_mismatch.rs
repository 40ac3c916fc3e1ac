use crate::analysis::breakdowns::{
    Breakdown, Marker as BreakdownMarker, breakdowns, line_breakdown, listed_nouns,
};
use crate::analysis::cursor::Cursor;
use crate::analysis::lists::{Enumeration, LineList, inline_enumerations, line_list};
use crate::analysis::sentences::non_space_tokens;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// A count that the items after it contradict, or a numbered list that skips or repeats.
    ///
    /// ## What it does
    /// Counts what a count announces and compares: the items after "gồm", "là", ":" or a
    /// bracket, for any noun and any distance of its noun phrase, over a time phrase ("4
    /// giải pháp trọng tâm trong 6 tháng cuối năm:"); names right after a place noun ("3 xã
    /// Tri Lễ, Nậm Giải và Hạnh Dịch"); the list lines after a colon ("4 mục tiêu:" then
    /// "1. ... 2. ..." or "- ..."); the parts of a breakdown after "gồm", "trong đó" or a
    /// colon, in any noun, with descriptions and decimals ("27 ổ dịch, gồm 19 ổ dịch mới và
    /// 8 ổ dịch cũ"; "24 huy chương: Vàng 7, Bạc 8, Đồng 9"), or picked by the whole's
    /// noun behind labels of any length, with the whole in the sentence before and two
    /// nouns per count ("khởi tố 23 vụ, 31 bị can. Cụ thể: ma túy 12 vụ, 17 bị can; ...");
    /// a split that names the rest ("51 căn; 13 căn còn lại", "số còn lại 74 vụ", "đã
    /// giải quyết 468 vụ, còn lại 44 vụ"); a total after its parts ("A 38 triệu đồng, B 17
    /// triệu đồng, tổng cộng 55 triệu đồng"); parts in brackets after each item ("3 xã: Ia
    /// Rmok (72 hộ), Chư Drăng (65 hộ) và Ia Hdreh (53 hộ)"); parts of the whole's noun in
    /// a bracket after it, read as after "trong đó" ("17 thanh niên nhập ngũ (trong đó 15
    /// ... và 02 ...)", "06 giải (01 giải Nhất, ... và 03 giải Khuyến khích)"); a colon after any clause
    /// that counts the parts' noun; a paragraph opening with "Trong đó" or "Cụ thể", whose
    /// whole is in the paragraph before (past a sentence that only compares); figure-first
    /// parts after a "Trong đó" that opens a sentence, against the last count of the same
    /// things in the sentence before; a rest ("Còn lại 4 tiêu chí") that completes a
    /// fraction of its noun ("đã đạt 12/16 tiêu chí"); labelled
    /// lines after a colon ("trao 22 giải như sau:" then "Giải Nhất: 1 giải;" ...); a bare
    /// run of items after a colon, to the sentence's end; figure-first list lines after a
    /// colon ("14 giải:" then "- 2 giải Nhất;" ...); a count in words before a list closed
    /// by "và" ("ba thôn là A, B và C"); parts in the nouns their whole lists ("17 tập
    /// thể, cá nhân: 6 tập thể và 11 cá nhân") or in a noun that counts the same things
    /// ("40 hộ, trong đó 25 gia đình ... và 19 gia đình ..."); "Các X gồm ..." whose whole,
    /// counted in X as written, is in the clause or sentence before; and that markers "(1) (2)
    /// (3)" and list items "1. 2. 3." run without a gap or a repeat. Items are read the
    /// fewest and the most ways the commas and "và" allow ("phòng cháy, chữa cháy" may be
    /// one item), and only a count outside that range is reported. It stays silent on open
    /// lists and examples ("như", "v.v.", "và các xã khác", "tiêu biểu là"), and on parts
    /// after "trong đó" that add up to less than the whole.
    ///
    /// ## Why
    /// "Gồm 3 nội dung" followed by two, or an item 4 after item 2, tells the reader that a
    /// part of the text was lost or a figure is wrong.
    ///
    /// ## Example
    /// ```text
    /// Hội nghị thống nhất 3 nội dung: (1) kiện toàn nhân sự; (2) sắp xếp tổ dân phố.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Hội nghị thống nhất 2 nội dung: (1) kiện toàn nhân sự; (2) sắp xếp tổ dân phố. Quận có 2 phường sắp xếp lại là Quan Hoa và Nghĩa Tân.
    /// ```
    pub struct CountMismatch {
        id: "count-mismatch",
        severity: Error,
        vi: "Con số đếm không khớp với các mục liệt kê sau nó, hoặc danh sách đánh số bị nhảy hay lặp.

## Tác dụng
Đếm những gì một con số báo trước rồi so sánh: các mục sau “gồm”, “là”, dấu hai chấm hoặc dấu ngoặc, với mọi danh từ, dù cụm danh từ dài hay có cụm chỉ thời gian chen giữa (“4 giải pháp trọng tâm trong 6 tháng cuối năm:”); các tên ngay sau danh từ chỉ địa danh (“3 xã Tri Lễ, Nậm Giải và Hạnh Dịch”); các dòng danh sách sau dấu hai chấm (“4 mục tiêu:” rồi “1. ... 2. ...” hoặc “- ...”); các thành phần của một phép chia nhỏ sau “gồm”, “trong đó” hoặc dấu hai chấm, với mọi danh từ, có phần mô tả và số thập phân (“27 ổ dịch, gồm 19 ổ dịch mới và 8 ổ dịch cũ”; “24 huy chương: Vàng 7, Bạc 8, Đồng 9”), hoặc chọn theo danh từ của tổng sau nhãn dài bao nhiêu cũng được, với tổng ở câu trước và hai danh từ cho một lần đếm (“khởi tố 23 vụ, 31 bị can. Cụ thể: ma túy 12 vụ, 17 bị can; ...”); phép chia có nêu phần còn lại (“51 căn; 13 căn còn lại”, “số còn lại 74 vụ”, “đã giải quyết 468 vụ, còn lại 44 vụ”); tổng đứng sau các thành phần (“A 38 triệu đồng, B 17 triệu đồng, tổng cộng 55 triệu đồng”); thành phần trong ngoặc sau từng mục (“3 xã: Ia Rmok (72 hộ), Chư Drăng (65 hộ) và Ia Hdreh (53 hộ)”); các thành phần cùng danh từ với tổng trong dấu ngoặc ngay sau nó, đọc như sau “trong đó” (“17 thanh niên nhập ngũ (trong đó 15 ... và 02 ...)”, “06 giải (01 giải Nhất, ... và 03 giải Khuyến khích)”); dấu hai chấm sau một vế bất kỳ có đếm danh từ của các thành phần; đoạn mở đầu bằng “Trong đó” hay “Cụ thể” có tổng ở đoạn trước (bỏ qua câu chỉ so sánh); các thành phần mở đầu bằng con số sau “Trong đó” đứng đầu câu, so với con số cuối cùng cùng đếm một thứ ở câu trước; phần còn lại (“Còn lại 4 tiêu chí”) bổ sung cho một phân số cùng danh từ (“đã đạt 12/16 tiêu chí”); các dòng có nhãn sau dấu hai chấm (“trao 22 giải như sau:” rồi “Giải Nhất: 1 giải;” ...); một chuỗi mục chỉ có dấu phẩy sau dấu hai chấm, đến hết câu; các dòng danh sách mở đầu bằng con số sau dấu hai chấm (“14 giải:” rồi “- 2 giải Nhất;” ...); con số viết bằng chữ trước một danh sách khép lại bằng “và” (“ba thôn là A, B và C”); các thành phần đếm bằng những danh từ mà tổng liệt kê (“17 tập thể, cá nhân: 6 tập thể và 11 cá nhân”) hoặc bằng danh từ cùng đếm một thứ (“40 hộ, trong đó 25 gia đình ... và 19 gia đình ...”); “Các X gồm ...” có tổng, đếm bằng đúng X, ở vế hoặc câu trước; đồng thời kiểm tra các mục “(1) (2) (3)” và các mục danh sách “1. 2. 3.” có liên tục, không nhảy số, không lặp. Các mục được đọc theo cách ít nhất và nhiều nhất mà dấu phẩy và chữ “và” cho phép (“phòng cháy, chữa cháy” có thể là một mục); chỉ báo khi con số nằm ngoài khoảng đó. Quy tắc im lặng với danh sách mở hoặc chỉ nêu ví dụ (“như”, “v.v.”, “và các xã khác”, “tiêu biểu là”) và với các phần sau “trong đó” cộng lại nhỏ hơn tổng.

## Vì sao
“Gồm 3 nội dung” mà chỉ kể hai, hay mục 4 đứng ngay sau mục 2, cho người đọc thấy một phần văn bản đã bị mất hoặc một con số bị sai.",
    }
}

impl Rule for CountMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let rule = self.meta();
        for (at, block) in doc.blocks.iter().enumerate() {
            // Every check here starts from a number, or a count in words before a list
            // ("ba thôn là ..."): most blocks are passed over at once.
            let tokens = doc.block_tokens(block);
            if !tokens.iter().any(|t| t.kind() == TokenKind::Number)
                && !may_count_in_words(doc, tokens)
            {
                continue;
            }
            let sig = &non_space_tokens(doc, block);
            if tokens.iter().any(|t| doc.token_text(t) == "(") {
                self.markers_in_block(doc, sig, out);
            }
            let c = Cursor::new(doc, sig);
            for e in inline_enumerations(&c) {
                if e.contradicted() {
                    push_once(out, enumeration_finding(rule, &e));
                }
            }
            for b in breakdowns(&c) {
                if let Some(d) = sum_finding(doc, rule, &b) {
                    push_once(out, d);
                }
            }
            // "Trong đó, đường bộ xảy ra 113 vụ, ..." opening a paragraph: its whole is in the
            // paragraph before.
            if let Some(joined) = with_paragraph_before(doc, at, sig) {
                let c = Cursor::new(doc, &joined);
                let here = block.range.start;
                for b in breakdowns(&c) {
                    if b.parts.first().is_some_and(|p| p.figure.span.start >= here)
                        && let Some(d) = sum_finding(doc, rule, &b)
                    {
                        push_once(out, d);
                    }
                }
            }
            if let Some(d) = line_list(doc, at, sig).and_then(|l| line_list_finding(rule, &l)) {
                push_once(out, d);
            }
            if let Some(d) = line_breakdown(doc, at, sig).and_then(|b| sum_finding(doc, rule, &b)) {
                push_once(out, d);
            }
        }
        list_items(doc, rule, out);
    }
}

impl CountMismatch {
    /// "(1) ... (2) ... (4)": a gap or a repeat; "gồm 3 nội dung: (1) ... (2)": a short list.
    fn markers_in_block(&self, doc: &Document, sig: &[usize], out: &mut Vec<Diagnostic>) {
        let mut markers: Vec<(usize, u32)> = Vec::new(); // (position in sig, value)
        for at in 1..sig.len().saturating_sub(1) {
            if Cursor::new(doc, sig).is_punct(at - 1, "(")
                && Cursor::new(doc, sig).is_punct(at + 1, ")")
                && let Some(f) = Cursor::new(doc, sig).figure_at(at)
                && f.figure.decimals == 0
                && f.figure.value >= 1.0
                && f.figure.value <= 50.0
                && !doc.token_text(&doc.tokens[sig[at]]).contains(['.', ','])
            {
                markers.push((at, f.figure.value as u32));
            }
        }
        if markers.len() < 2 || markers[0].1 != 1 {
            return;
        }
        let rule = self.meta();
        for pair in markers.windows(2) {
            let (prev, next) = (pair[0].1, pair[1].1);
            if next != prev + 1 {
                let span = doc.tokens[sig[pair[1].0]].range();
                let message = Message::new(
                    format!(
                        "Mục ({next}) đứng sau mục ({prev}): đánh số bị {}",
                        if next <= prev { "lặp" } else { "nhảy" }
                    ),
                    format!(
                        "Item ({next}) follows item ({prev}): the numbering {}",
                        if next <= prev { "repeats" } else { "skips" }
                    ),
                );
                out.push(
                    Diagnostic::new(rule.id, rule.default_severity, span, message).with_related(
                        doc.tokens[sig[pair[0].0]].range(),
                        Message::new(format!("mục ({prev})"), format!("item ({prev})")),
                    ),
                );
                return;
            }
        }
        // "3 nội dung: (1) ... (2)": the count right before the colon that opens the list.
        let first = markers[0].0;
        let Some(colon) = (first.saturating_sub(2)..first)
            .rev()
            .find(|&p| Cursor::new(doc, sig).is_punct(p, ":"))
        else {
            return;
        };
        let Some(count_at) = (colon.saturating_sub(5)..colon).find(|&p| {
            Cursor::new(doc, sig)
                .figure_at(p)
                .is_some_and(|f| f.figure.decimals == 0)
                && (p + 1..colon).all(|w| Cursor::new(doc, sig).word(w).is_some())
                && p + 1 < colon
        }) else {
            return;
        };
        let announced = Cursor::new(doc, sig)
            .figure_at(count_at)
            .map_or(0.0, |f| f.figure.value) as u32;
        let counted = markers.len() as u32;
        if announced != counted && announced > 1 {
            let noun: Vec<&str> = (count_at + 1..colon)
                .filter_map(|w| Cursor::new(doc, sig).word(w))
                .collect();
            let noun = noun.join(" ");
            out.push(
                Diagnostic::new(
                    rule.id,
                    rule.default_severity,
                    doc.tokens[sig[count_at]].range(),
                    Message::new(
                        format!("Báo {announced} {noun} nhưng liệt kê {counted} mục, từ (1) đến ({counted})"),
                        format!("Announces {announced} {noun} but lists {counted} items, (1) to ({counted})"),
                    ),
                )
                .with_related(doc.tokens[sig[markers[markers.len() - 1].0]].range(), Message::new("mục cuối", "the last item")),
            );
        }
    }
}

/// Words that may end a count in words ("ba", "mười hai", "hai mươi").
const COUNT_WORD_ENDS: [&str; 11] = [
    "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "mươi", "lăm", "mốt",
];

/// Whether a block with no figure may still hold a count in words before a list: a word
/// that ends one, and an introducer (":", "là", "gồm").
fn may_count_in_words(doc: &Document, tokens: &[crate::text::tokens::Token]) -> bool {
    let intro = tokens
        .iter()
        .any(|t| matches!(doc.token_text(t), ":" | "là" | "gồm"));
    intro
        && tokens.iter().any(|t| {
            let text = doc.token_text(t);
            t.kind() == TokenKind::Word
                && (COUNT_WORD_ENDS.contains(&text)
                    || text.starts_with(char::is_uppercase)
                        && COUNT_WORD_ENDS.contains(&text.to_lowercase().as_str()))
        })
}

/// Pushes `d` unless a finding of the rule already points at the same count.
/// The tokens of the paragraph before and of this one, when this one opens with a marker
/// that points back ("Trong đó, ...", "Cụ thể: ...").
fn with_paragraph_before(doc: &Document, at: usize, sig: &[usize]) -> Option<Vec<usize>> {
    let c = Cursor::new(doc, sig);
    let points_back = c.word_is(0, "trong") && c.word(1) == Some("đó")
        || c.word_is(0, "cụ") && c.word(1) == Some("thể");
    let before = doc.blocks.get(at.checked_sub(1)?)?;
    if !points_back || before.kind != BlockKind::Paragraph {
        return None;
    }
    let mut joined = non_space_tokens(doc, before);
    joined.extend_from_slice(sig);
    Some(joined)
}

fn push_once(out: &mut Vec<Diagnostic>, d: Diagnostic) {
    if !out.iter().any(|o| o.rule == d.rule && o.span == d.span) {
        out.push(d);
    }
}

/// "3 giải pháp: A và B": the count against the items under every plausible reading.
fn enumeration_finding(rule: &RuleMeta, e: &Enumeration) -> Diagnostic {
    let n = e.count.figure.value as usize;
    let noun = &e.noun;
    let message = if n > e.most {
        Message::new(
            format!("Báo {n} {noun} nhưng chỉ kể {} mục", e.most),
            format!("Announces {n} {noun} but lists only {} items", e.most),
        )
    } else {
        Message::new(
            format!("Báo {n} {noun} nhưng kể {} mục", e.fewest),
            format!("Announces {n} {noun} but lists {} items", e.fewest),
        )
    };
    let mut d = Diagnostic::new(
        rule.id,
        rule.default_severity,
        e.count.span.clone(),
        message,
    );
    for item in &e.items {
        d = d.with_related(item.clone(), Message::new("một mục", "an item"));
    }
    d
}

/// "27 ổ dịch, gồm 19 ổ dịch mới và 9 ổ dịch cũ": parts that do not add up to the whole.
/// After "trong đó" the parts may leave some of the whole out, so only parts counted in
/// the whole's noun that add up to more than it are reported. A single part above the whole
/// after "trong đó" is left to `part-exceeds-whole`.
fn sum_finding(doc: &Document, rule: &RuleMeta, b: &Breakdown) -> Option<Diagnostic> {
    let whole = b.whole.figure.value;
    // A part above the whole: after "trong đó" left to `part-exceeds-whole`; after "gồm"
    // or ":" a mismatch only when every part counts the whole's own noun (a figure after a
    // label, "phường 10", is no part).
    let listed = listed_nouns(doc, &b.whole);
    let in_whole_nouns = b.parts_in_whole_nouns(&listed);
    if b.parts.iter().any(|p| p.figure.figure.value > whole)
        && (b.marker == BreakdownMarker::Within || !in_whole_nouns)
    {
        return None;
    }
    let (sum, tolerance) = b.sum();
    let wrong = match b.marker {
        BreakdownMarker::Complete => (sum - whole).abs() > tolerance,
        BreakdownMarker::Within => sum - whole > tolerance && in_whole_nouns,
    };
    if !wrong {
        return None;
    }
    let decimals = usize::from(
        b.parts
            .iter()
            .map(|p| p.figure.figure.decimals)
            .chain([b.whole.figure.decimals])
            .max()
            .unwrap_or(0),
    );
    let terms: Vec<&str> = b
        .parts
        .iter()
        .map(|p| &doc.text[p.figure.span.clone()])
        .collect();
    let whole_text = &doc.text[b.whole.span.clone()];
    let sum_text = format!("{sum:.decimals$}").replace('.', ",");
    let formula = format!("{} = {sum_text}", terms.join(" + "));
    let mut d = Diagnostic::new(
        rule.id,
        rule.default_severity,
        b.whole.span.clone(),
        Message::new(
            format!("Tổng {whole_text} không khớp với các thành phần: {formula}"),
            format!("The total {whole_text} does not match its parts: {formula}"),
        ),
    );
    for part in &b.parts {
        d = d.with_related(
            part.figure.span.clone(),
            Message::new("thành phần", "a part"),
        );
    }
    Some(d)
}

/// "đặt ra 4 mục tiêu:" then three list lines.
fn line_list_finding(rule: &RuleMeta, list: &LineList) -> Option<Diagnostic> {
    let n = list.count.figure.value as usize;
    let k = list.items.len();
    if n == k {
        return None;
    }
    let noun = &list.noun;
    let mut d = Diagnostic::new(
        rule.id,
        rule.default_severity,
        list.count.span.clone(),
        Message::new(
            format!("Báo {n} {noun} nhưng danh sách bên dưới có {k} dòng"),
            format!("Announces {n} {noun} but the list below has {k} lines"),
        ),
    );
    if let Some(last) = list.items.last() {
        d = d.with_related(last.clone(), Message::new("dòng cuối", "the last line"));
    }
    Some(d)
}

/// Numbered list items "1. 2. 3." in consecutive list blocks: a gap or a repeat.
fn list_items(doc: &Document, rule: &RuleMeta, out: &mut Vec<Diagnostic>) {
    let mut previous: Option<(u32, std::ops::Range<usize>)> = None;
    for block in &doc.blocks {
        if block.kind != BlockKind::ListItem {
            if block.kind != BlockKind::Paragraph {
                previous = None;
            }
            continue;
        }
        let tokens = doc.block_tokens(block);
        let marker = match tokens {
            [n, dot, ..]
                if n.kind() == TokenKind::Number && matches!(doc.token_text(dot), "." | ")") =>
            {
                doc.token_text(n)
                    .parse::<u32>()
                    .ok()
                    .map(|v| (v, n.range()))
            }
            _ => None,
        };
        let Some((value, span)) = marker else {
            continue;
        };
        if let Some((prev, prev_span)) = &previous
            && value != prev + 1
            && value != 1
        {
            out.push(
                Diagnostic::new(
                    rule.id,
                    rule.default_severity,
                    span.clone(),
                    Message::new(
                        format!(
                            "Mục {value} đứng sau mục {prev}: đánh số bị {}",
                            if value <= *prev { "lặp" } else { "nhảy" }
                        ),
                        format!(
                            "Item {value} follows item {prev}: the numbering {}",
                            if value <= *prev { "repeats" } else { "skips" }
                        ),
                    ),
                )
                .with_related(
                    prev_span.clone(),
                    Message::new(format!("mục {prev}"), format!("item {prev}")),
                ),
            );
        }
        previous = Some((value, span));
    }
}

#[cfg(test)]
mod tests {
    use super::CountMismatch;
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn parts_after_a_sentence_opening_trong_do_add_up_against_the_sentence_before() {
        flags_each(
            &CountMismatch,
            &[
                (
                    "Nhân dịp này, phường có 30 đảng viên được nhận huy hiệu. Trong đó, có 4 đảng viên 60 năm tuổi đảng, 7 đảng viên 50 năm và 21 đảng viên 30, 40 năm tuổi đảng.",
                    &["30"],
                ),
                // Parts counted in a noun of the same people, parted by semicolons; the
                // years of their badges are no parts.
                (
                    "Đợt này Đảng bộ có 12 đảng viên nhận huy hiệu. Trong đó, có 3 đồng chí nhận huy hiệu 70 năm, 60 năm và 55 năm tuổi Đảng; 05 đồng chí nhận huy hiệu 50 năm tuổi Đảng; 05 đồng chí nhận huy hiệu 40 năm tuổi Đảng.",
                    &["12"],
                ),
            ],
        );
        silent(
            &CountMismatch,
            &[
                "Nhân dịp này, phường có 30 đảng viên được nhận huy hiệu. Trong đó, có 4 đảng viên 60 năm tuổi đảng, 7 đảng viên 50 năm và 19 đảng viên 30, 40 năm tuổi đảng.",
                // After "trong đó" the parts may be some of the whole only.
                "Xã đã trao 90 suất quà cho các hộ khó khăn. Trong đó, có 20 suất cho hộ nghèo và 30 suất cho hộ cận nghèo.",
                // Another noun: no whole in the sentence before.
                "Xã đã trao 90 suất quà cho các hộ khó khăn. Trong đó, có 60 hộ nghèo và 40 hộ cận nghèo.",
                // A range's end is no whole.
                "Thời kỳ ấy có từ 300 cho tới 400 cuộc đình công. Trong số đó có 150 cuộc ở miền Bắc, 200 cuộc ở miền Trung và 60 cuộc ở miền Nam.",
            ],
        );
    }

    #[test]
    fn the_rest_completes_a_fraction_of_its_noun() {
        flags_each(
            &CountMismatch,
            &[
                (
                    "Đến nay xã đã đạt 12/16 tiêu chí nông thôn mới. Còn lại 5 tiêu chí đang được tập trung thực hiện.",
                    &["16"],
                ),
                (
                    "Chi hội hoàn thành 7/9 chỉ tiêu, 3 chỉ tiêu còn lại sẽ hoàn thành trong quý IV.",
                    &["9"],
                ),
            ],
        );
        silent(
            &CountMismatch,
            &[
                "Đến nay xã đã đạt 12/16 tiêu chí nông thôn mới. Còn lại 4 tiêu chí đang được tập trung thực hiện.",
                // The rest split again: not all of it is one count.
                "Đến nay xã đã đạt 12/16 tiêu chí. Còn lại 3 tiêu chí đang thực hiện, 1 tiêu chí chưa đạt.",
                // A rest of another noun.
                "Đến nay xã đã đạt 12/16 tiêu chí. Còn lại 5 thôn chưa có nhà văn hóa.",
            ],
        );
    }

    #[test]
    fn list_lines_end_at_a_line_of_another_marker() {
        flags_each(
            &CountMismatch,
            &[(
                "1. Giải của phần thi viết:\n\nMỗi đợt có 03 giải:\n\n- 01 giải Nhất, trị giá 900.000 đồng.\n\n- 02 giải Nhì, trị giá 600.000 đồng.\n\n- 01 giải Ba, trị giá 400.000 đồng.\n\n2. Giải của phần thi vẽ:\n\nCó 02 giải:\n\n- 01 giải Nhất.\n\n- 01 giải Nhì.",
                &["03"],
            )],
        );
    }

    #[test]
    fn fails_on_counts_the_items_contradict() {
        flags_each(
            &CountMismatch,
            &[
                (
                    "Hội nghị thống nhất 3 nội dung: (1) nhân sự; (2) tổ dân phố.",
                    &["3"],
                ),
                (
                    "Các nội dung: (1) nhân sự; (2) tổ dân phố; (4) ngân sách.",
                    &["4"],
                ),
                (
                    "Các nội dung: (1) nhân sự; (2) tổ dân phố; (2) ngân sách.",
                    &["2"],
                ),
                (
                    "Quận có 3 phường sắp xếp lại là Quan Hoa và Nghĩa Tân.",
                    &["3"],
                ),
                ("Có 55 đại biểu, gồm 30 nam và 24 nữ.", &["55"]),
                (
                    "Đảng bộ đã kết nạp 10 đảng viên mới, gồm 6 đảng viên ở các chi bộ khu dân cư và 3 đảng viên ở các chi bộ trường học.",
                    &["10"],
                ),
                (
                    "Tổng kinh phí là 87,3 triệu đồng, gồm 70,8 triệu đồng quà của Chủ tịch nước và 15,5 triệu đồng quà của phường.",
                    &["87,3"],
                ),
                (
                    "Các đại biểu cho ý kiến vào 6 dự thảo nghị quyết, gồm 3 nghị quyết về đầu tư công, 1 nghị quyết về ngân sách và 1 nghị quyết về tổ chức bộ máy.",
                    &["6"],
                ),
                (
                    "1. Việc thứ nhất.\n\n2. Việc thứ hai.\n\n4. Việc thứ tư.",
                    &["4"],
                ),
                (
                    "Đơn vị tập trung 4 giải pháp: chống thất thu, đôn đốc thu nợ đọng và mở rộng hóa đơn điện tử.",
                    &["4"],
                ),
                (
                    "Các kiến nghị tập trung vào 4 lĩnh vực là đất đai, bồi thường giải phóng mặt bằng và chính sách xã hội.",
                    &["4"],
                ),
                (
                    "Các vận động viên thi đấu 5 môn: bóng đá, bóng chuyền, cầu lông, kéo co, cờ tướng và việt dã.",
                    &["5"],
                ),
                (
                    "Huyện hỗ trợ 3 xã khó khăn nhất gồm Đạ Chais, Đạ Nhim, Đưng K'Nớ và Lát.",
                    &["3"],
                ),
                (
                    "Đợt sau tổ chức tại 4 xã Tri Lễ, Nậm Giải và Hạnh Dịch.",
                    &["4"],
                ),
                (
                    "6 tháng cuối năm, đơn vị tập trung 4 giải pháp:\n1. Giải phóng mặt bằng.\n2. Tăng ca.\n3. Nghiệm thu.",
                    &["4"],
                ),
                (
                    "Dự kiến thông qua 4 tờ trình:\n- Báo cáo tài chính;\n- Phân phối lợi nhuận;\n- Kế hoạch kinh doanh;\n- Thù lao;\n- Kiểm toán.",
                    &["4"],
                ),
                (
                    "Hội trại có 34 trại, gồm 11 trại khối 10, 11 trại khối 11 và 11 trại khối 12.",
                    &["34"],
                ),
                ("Đoàn giành 24 huy chương: Vàng 7, Bạc 8, Đồng 10.", &["24"]),
                (
                    "Trường tuyển sinh 4 ngành mới: Kinh doanh số, Logistics, Kiểm toán, Thương mại điện tử và Quản trị khách sạn.",
                    &["4"],
                ),
                (
                    "Giống lúa được khảo nghiệm tại 5 tỉnh là An Giang, Đồng Tháp, Kiên Giang và Hậu Giang, trên diện tích 1.250 ha.",
                    &["5"],
                ),
                (
                    "Phường đã tổ chức 10 buổi tiếp công dân, trong đó 9 buổi do Chủ tịch chủ trì và 2 buổi do Phó Chủ tịch chủ trì.",
                    &["10"],
                ),
                (
                    "Chương trình trao 400 suất quà, trong đó 260 suất do phường trao và 150 suất do doanh nghiệp tài trợ.",
                    &["400"],
                ),
                (
                    "Cử tri đã nêu 9 ý kiến, kiến nghị, gồm 5 ý kiến về giao thông, thủy lợi và 3 ý kiến về chính sách.",
                    &["9"],
                ),
                // Figure-first lines priced in their description.
                (
                    "Mỗi tuần có 4 giải thưởng:\n- 01 giải Nhất, trị giá 2.000.000 đồng.\n- 02 giải Nhì, trị giá 1.000.000 đồng/giải.\n",
                    &["4"],
                ),
                // Parts in a bracket after the whole.
                (
                    "Xã có 12 đoàn viên nhập ngũ (trong đó 10 đoàn viên vào quân đội và 3 đoàn viên vào công an).",
                    &["12"],
                ),
                (
                    "Hội thi trao 7 giải (2 giải Nhì, 2 giải Ba và 4 giải Khuyến khích) và 1 giải tập thể.",
                    &["7"],
                ),
            ],
        );
        // Bracketed parts may be some of the whole.
        silent(
            &CountMismatch,
            &[
                "Hội thi trao 9 giải (2 giải Nhì, 2 giải Ba và 4 giải Khuyến khích) và 1 giải tập thể.",
            ],
        );
    }

    #[test]
    fn silent_when_the_items_agree_or_the_count_is_a_part() {
        silent(
            &CountMismatch,
            &[
                "Hội nghị thống nhất 2 nội dung: (1) nhân sự; (2) tổ dân phố.",
                "Các nội dung: (1) nhân sự, (2) tổ dân phố, (3) ngân sách.",
                "Quận có 2 phường sắp xếp lại là Quan Hoa và Nghĩa Tân, với tổng 6 phường bị ảnh hưởng.",
                "Có 55 đại biểu, gồm 31 nam và 24 nữ.",
                "Đảng bộ đã kết nạp 9 đảng viên mới, gồm 6 đảng viên ở các chi bộ khu dân cư và 3 đảng viên ở các chi bộ trường học.",
                "Tổng kinh phí là 87,3 triệu đồng, gồm 70,8 triệu đồng quà của Chủ tịch nước và 16,5 triệu đồng quà của phường.",
                "Đã thăm 73 lượt hội viên, gồm 58 lượt thăm tại nhà và tặng 15 suất quà.",
                "Thanh tra 8 cuộc, gồm 5 cuộc theo kế hoạch và 3 cuộc đột xuất; năm sau 10 cuộc.",
                "Có 250 hộ, trong đó 30 hộ nghèo và 20 hộ cận nghèo.",
                "1. Việc thứ nhất.\n\n2. Việc thứ hai.\n\n3. Việc thứ ba.",
                "Tiếp tục thực hiện Kế hoạch (số 12) và Quyết định (số 7).",
                "Nội dung (2) và (3) của kế hoạch được điều chỉnh.",
                "Đoàn gồm 3 đồng chí: Trần Văn An, Lê Thị Bình và Phạm Văn Cường.",
                "Người dân thực hiện 3 việc: đưa chó, mèo đi tiêm phòng đúng lịch, không thả rông vật nuôi và đến cơ sở y tế ngay khi bị cắn.",
                "Công an tập trung 3 nhiệm vụ: trấn áp tội phạm, quản lý cư trú và tuyên truyền phòng cháy, chữa cháy trong khu dân cư.",
                "Huyện có 5 xã đạt chuẩn như Tri Lễ, Hạ Long và Nậm Giải.",
                "Huyện có 5 xã đạt chuẩn gồm Tri Lễ, Hạ Long và các xã khác.",
                "Hội ra mắt 5 câu lạc bộ: Thơ ca, Dưỡng sinh, Cờ tướng...",
                "Có 3 xã là nơi có nhiều hộ nghèo và cận nghèo.",
                "Hội có 12 mô hình, tiêu biểu là Tri Lễ và Hạ Long.",
                "Trong 6 tháng, đơn vị tập trung 3 giải pháp: chống thất thu, đôn đốc thu nợ và mở rộng hóa đơn, góp phần tăng thu.",
                "Phường giải quyết 28.740 hồ sơ, trong đó 27.916 hồ sơ đúng hạn và 31 hồ sơ quá hạn.",
                "Toàn huyện thành lập 168 tổ, gồm 143 tổ ở các thôn, làng và 25 tổ ở các tổ dân phố.",
                "Xã có 12 thôn, ban chỉ đạo gồm 5 đồng chí và 3 chuyên viên.",
                "Hội nghị thống nhất 3 nội dung: kế hoạch đại hội các chi bộ, chương trình kiểm tra, giám sát năm 2025 và quy chế làm việc.",
                "Hội trao giải cho 2 đồng chí: Nguyễn Văn An, Chủ tịch UBND xã và Trần Thị Bình, Phó Chủ tịch.",
                "Hội trao 20 suất quà (mỗi suất gồm quà trị giá 200.000đ và 500.000đ tiền mặt) cho hội viên.",
                "Thượng viện có 17 ghế gồm các thành viên của chính phủ và các đảng đối lập.",
                "Cuối thế kỷ 19 là thời thịnh hành của chữ Hán, chữ Nôm và chữ Quốc ngữ.",
                "Thành phố có 2 di tích cấp quốc gia đó là:\n- Nhà cổ Huỳnh Thủy Lê\n-Kiến An Cung",
                "Vùng đệm có dân của 12 xã với tổng diện tích là 1479,45 km² thuộc huyện Minh Hóa, Bố Trạch và Quảng Ninh.",
                "Tòa đã có 4 lần xét xử về việc này: vụ thứ nhất và vụ thứ hai.",
                "Đơn vị đạt 3 giải:\n1. Giải Nhất.\n2. Giải Nhì.\n3. Giải Ba.",
                "Tại 3 xã: Tri Lễ 5 hộ, Nậm Giải 7 hộ và Hạnh Dịch 2 hộ.",
            ],
        );
    }

    #[test]
    fn reads_counts_in_words_listed_nouns_and_named_subjects() {
        flags_each(
            &CountMismatch,
            &[
                // A count in words before names closed by "và".
                (
                    "Xã chọn ba thôn khó khăn nhất là Pa Ló, Bản Mòn, Nà Sài và Huổi Lếch để hỗ trợ.",
                    &["ba"],
                ),
                (
                    "Trạm nhận mười hai thiết bị mới gồm máy siêu âm và máy xét nghiệm.",
                    &["mười hai"],
                ),
                // Parts in the nouns the whole lists, after a colon or "trong đó".
                (
                    "Có 19 tập thể, cá nhân được tặng giấy khen: 7 tập thể và 13 cá nhân.",
                    &["19"],
                ),
                (
                    "Đội gồm 30 y, bác sĩ, trong đó có 16 bác sĩ và 15 y sĩ.",
                    &["30"],
                ),
                // Parts in a noun that counts the same things.
                (
                    "Thôn có 40 hộ nghèo, trong đó 25 gia đình ở xóm trên và 19 gia đình ở xóm dưới.",
                    &["40"],
                ),
                // "Các X gồm" with its whole in the sentence before.
                (
                    "Hội có 220 hội viên ở 11 chi hội. Các chi hội gồm 8 chi hội ở phường và 4 chi hội ở xã.",
                    &["11"],
                ),
                // Figure-first list lines are parts of the count before the colon.
                (
                    "Đội tuyển đạt 15 giải:\n\n- 2 giải Nhất;\n- 3 giải Nhì;\n- 4 giải Ba;\n- 5 giải Khuyến khích.",
                    &["15"],
                ),
            ],
        );
        silent(
            &CountMismatch,
            &[
                "Đội tuyển đạt 14 giải:\n\n- 2 giải Nhất;\n- 3 giải Nhì;\n- 4 giải Ba;\n- 5 giải Khuyến khích.",
                "Xã chọn ba thôn khó khăn nhất là Pa Ló, Bản Mòn và Huổi Lếch để hỗ trợ.",
                // "năm" is also "year"; a label's number; a bound; the start of "tám mươi".
                "Kế hoạch sử dụng đất năm của huyện gồm: đất ở, đất nông nghiệp và đất rừng.",
                "Huân chương hạng ba để tặng tập thể đạt các tiêu chuẩn là lập công và đoàn kết.",
                "Tổ bầu cử có từ hai thành viên trở lên gồm đại diện Mặt trận, Đoàn thanh niên và Hội phụ nữ.",
                "Trong tám mươi ngày, đơn vị làm xong các việc là đo đạc, cắm mốc và bàn giao.",
                // Items opening with a count in words; semicolons in a list counted in words.
                "Hội đồng công bố ba giải mới: hai giải cho lứa tuổi thiếu niên và giải cho người lớn.",
                "Sách có sáu chương: Núi, Mây; Nước; Động đất; Khoáng vật; Địa hình.",
                // A narrower subject names a subset, not the whole.
                "Xã có 1.200 hộ dân. Các hộ nghèo gồm 50 hộ ở thôn 1 và 20 hộ ở thôn 2.",
            ],
        );
    }

    #[test]
    fn reads_parts_by_the_wholes_noun_lines_rests_and_bare_runs() {
        flags_each(
            &CountMismatch,
            &[
                // The whole in the sentence before, labels of any length.
                (
                    "Trong 9 tháng, Tòa án thụ lý 742 vụ, việc. Trong đó, án hình sự 96 vụ, án dân sự 618 vụ, án hôn nhân và gia đình 87 vụ.",
                    &["742"],
                ),
                // Two nouns per count.
                (
                    "Công an đã khởi tố 23 vụ, 31 bị can. Cụ thể: ma túy 12 vụ, 17 bị can; trộm cắp 7 vụ, 9 bị can; đánh bạc 4 vụ, 6 bị can.",
                    &["31"],
                ),
                // A colon right after the quantity; one part above the whole.
                (
                    "Tổng nguồn lực là 27,9 tỷ đồng: nguồn công đoàn 16,4 tỷ đồng, nguồn doanh nghiệp 9,8 tỷ đồng và nguồn xã hội hóa 2,7 tỷ đồng.",
                    &["27,9"],
                ),
                (
                    "Kinh phí là 6,8 tỷ đồng, gồm 7,5 tỷ đồng vốn tỉnh và 2,3 tỷ đồng vốn huyện.",
                    &["6,8"],
                ),
                // The rest named with its noun.
                (
                    "Huyện được phân bổ 64 căn nhà. Đến nay đã hoàn thành 51 căn; 14 căn còn lại đang thi công.",
                    &["64"],
                ),
                (
                    "Xét xử 88 vụ, 124 bị cáo; trong đó xét xử lưu động 14 vụ, 19 bị cáo, số còn lại xét xử tại trụ sở 75 vụ, 105 bị cáo.",
                    &["88"],
                ),
                // Labelled lines after a colon.
                (
                    "Ban Tổ chức đã trao 7 giải như sau:\n\nGiải Nhất: 1 giải;\n\nGiải Nhì: 2 giải;\n\nGiải Ba: 3 giải.",
                    &["7"],
                ),
                // A bare run after a colon to the sentence's end.
                (
                    "Đề nghị các xã chú trọng 3 việc: hướng dẫn hộ dân giữ gìn nhà cửa, theo dõi đời sống các hộ.",
                    &["3"],
                ),
            ],
        );
        silent(
            &CountMismatch,
            &[
                "Trong 9 tháng, Tòa án thụ lý 742 vụ, việc. Trong đó, án hình sự 96 vụ, án dân sự 318 vụ.",
                "Được giao 30 dự án. Trong số 30 dự án, 22 dự án đã hoàn thành, 6 dự án còn lại đang thi công và 2 dự án chưa khởi công.",
                "Kiểm tra 96 lượt hộ, phát hiện 7 lượt vi phạm, xử phạt 7 lượt với tổng số tiền 21 triệu đồng, gồm 5 lượt phạt tiền và 2 lượt tịch thu hàng hóa.",
                "Đội tuyển giành 27 giải: Nhất 3, Nhì 6, Ba 8, Khuyến khích 10.",
                "Người tham gia đến từ 4 khối: cán bộ, công chức; lực lượng vũ trang; công nhân; đoàn viên, thanh niên và sinh viên.",
                "Đề nghị các xã chú trọng 3 việc: hướng dẫn hộ dân giữ gìn nhà cửa, hỗ trợ con giống, theo dõi đời sống các hộ.",
                "Ban Tổ chức đã trao 6 giải như sau:\n\nGiải Nhất: 1 giải;\n\nGiải Nhì: 2 giải;\n\nGiải Ba: 3 giải.",
                // Seen on encyclopedic text: none of these is a split of the count.
                "Năm nay được phân suất: châu Âu 5 đội, châu Á 4 đội (gồm cả chủ nhà), Nam Mỹ 3 đội.",
                "Cô vào chung kết 12 lần, bao gồm 9 lần liên tiếp, và hiện giữ kỷ lục về 9 lần vô địch.",
                "Tách một phần của phường 2 gồm 1,6 ha đất với 71 nhân khẩu để nhập vào phường 9 và 10.",
                "Bản nhạc Op. 25 các cung: la trưởng, fa thứ.",
            ],
        );
    }

    #[test]
    fn a_paragraph_opening_with_trong_do_reads_its_whole_before() {
        flags_each(
            &CountMismatch,
            &[(
                "Tiêu đề\n\nToàn tỉnh xảy ra 117 vụ tai nạn, làm chết 79 người. So với cùng kỳ, giảm 14 vụ.\n\nTrong đó, đường bộ xảy ra 113 vụ; đường sắt xảy ra 3 vụ; đường thủy xảy ra 2 vụ.",
                &["117"],
            )],
        );
        silent(
            &CountMismatch,
            &[
                "Tiêu đề\n\nToàn tỉnh xảy ra 118 vụ tai nạn, làm chết 79 người. So với cùng kỳ, giảm 14 vụ.\n\nTrong đó, đường bộ xảy ra 113 vụ; đường sắt xảy ra 3 vụ; đường thủy xảy ra 2 vụ.",
            ],
        );
    }

    #[test]
    fn the_message_lists_what_was_counted() {
        let found = check(&CountMismatch, "Có 55 đại biểu, gồm 30 nam và 24 nữ.");
        assert_eq!(
            found[0].message.vi,
            "Tổng 55 không khớp với các thành phần: 30 + 24 = 54"
        );
    }
}
