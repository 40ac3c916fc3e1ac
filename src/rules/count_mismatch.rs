use crate::analysis::cursor::Cursor;

use crate::analysis::sentences::sentences;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::NAMED_COUNT_NOUNS;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::Case;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// A count that the items after it contradict, or a numbered list that skips or repeats.
    ///
    /// ## What it does
    /// Counts what a count announces and compares: the names after it ("2 phường ... là Quan
    /// Hoa và Nghĩa Tân"), the numbered items after a colon ("gồm 3 nội dung: (1) ... (2)
    /// ..."), the parts of a breakdown ("55 đại biểu, gồm 30 nam và 24 nữ"; "9 đảng viên
    /// mới, gồm 6 đảng viên ở ... và 3 đảng viên ở ...", parts counted in the whole's own
    /// noun, decimals allowed); and checks that
    /// markers "(1) (2) (3)" in a paragraph and list items "1. 2. 3." run in sequence without
    /// a gap or a repeat. The message lists what it counted. It stays silent on "trong đó",
    /// which introduces a part, not the whole.
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
Đếm những gì một con số báo trước rồi so sánh: các tên liệt kê sau nó (“2 phường ... là Quan Hoa và Nghĩa Tân”), các mục đánh số sau dấu hai chấm (“gồm 3 nội dung: (1) ... (2) ...”), các thành phần của một phép chia nhỏ (“55 đại biểu, gồm 30 nam và 24 nữ”; “9 đảng viên mới, gồm 6 đảng viên ở ... và 3 đảng viên ở ...”, các phần đếm bằng chính danh từ của tổng, kể cả số thập phân); đồng thời kiểm tra các mục “(1) (2) (3)” trong một đoạn và các mục danh sách “1. 2. 3.” có liên tục, không nhảy số, không lặp. Thông báo nêu rõ những gì đã đếm. Quy tắc im lặng với “trong đó”, vì cụm này giới thiệu một phần chứ không phải toàn bộ.

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
        for block in &doc.blocks {
            // Every check here starts from a number: most blocks are passed over at once.
            let tokens = doc.block_tokens(block);
            if !tokens.iter().any(|t| t.kind == TokenKind::Number) {
                continue;
            }
            if tokens.iter().any(|t| doc.token_text(t) == "(") {
                self.markers_in_block(doc, block.tokens.clone(), out);
            }
            for sentence in sentences(doc, block) {
                named_items(doc, sentence, rule, out);
                if !breakdown(doc, sentence, rule, out) {
                    breakdown_by_head(doc, sentence, rule, out);
                }
            }
        }
        list_items(doc, rule, out);
    }
}

impl CountMismatch {
    /// "(1) ... (2) ... (4)": a gap or a repeat; "gồm 3 nội dung: (1) ... (2)": a short list.
    fn markers_in_block(
        &self,
        doc: &Document,
        tokens: std::ops::Range<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let sig: Vec<usize> = tokens
            .filter(|&i| doc.tokens[i].kind != TokenKind::Space)
            .collect();
        let mut markers: Vec<(usize, u32)> = Vec::new(); // (position in sig, value)
        for at in 1..sig.len().saturating_sub(1) {
            if Cursor::new(doc, &sig).is_punct(at - 1, "(")
                && Cursor::new(doc, &sig).is_punct(at + 1, ")")
                && let Some(f) = Cursor::new(doc, &sig).figure_at(at)
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
            .find(|&p| Cursor::new(doc, &sig).is_punct(p, ":"))
        else {
            return;
        };
        let Some(count_at) = (colon.saturating_sub(5)..colon).find(|&p| {
            Cursor::new(doc, &sig)
                .figure_at(p)
                .is_some_and(|f| f.figure.decimals == 0)
                && (p + 1..colon).all(|w| Cursor::new(doc, &sig).word(w).is_some())
                && p + 1 < colon
        }) else {
            return;
        };
        let announced = Cursor::new(doc, &sig)
            .figure_at(count_at)
            .map_or(0.0, |f| f.figure.value) as u32;
        let counted = markers.len() as u32;
        if announced != counted && announced > 1 {
            let noun: Vec<&str> = (count_at + 1..colon)
                .filter_map(|w| Cursor::new(doc, &sig).word(w))
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

/// "2 phường sắp xếp lại là Quan Hoa và Nghĩa Tân": the names after "là" or ":" counted.
fn named_items(doc: &Document, sentence: &[usize], rule: &RuleMeta, out: &mut Vec<Diagnostic>) {
    for at in 0..sentence.len() {
        let Some(count) = Cursor::new(doc, sentence).figure_at(at) else {
            continue;
        };
        if count.figure.decimals != 0 || count.figure.value < 2.0 || count.figure.value > 20.0 {
            continue;
        }
        let Some(noun) = Cursor::new(doc, sentence).word(at + 1) else {
            continue;
        };
        if !NAMED_COUNT_NOUNS.contains(noun) {
            continue;
        }
        // "là" or ":" within a few lower-case words.
        let Some(intro) = (at + 2..(at + 8).min(sentence.len())).find(|&p| {
            Cursor::new(doc, sentence).word(p) == Some("là")
                || Cursor::new(doc, sentence).is_punct(p, ":")
        }) else {
            continue;
        };
        if (at + 2..intro).any(|p| {
            Cursor::new(doc, sentence)
                .word(p)
                .is_none_or(|w| w.chars().any(char::is_uppercase))
        }) {
            continue;
        }
        let Some((names, end)) = name_list(doc, sentence, intro + 1) else {
            continue;
        };
        let announced = count.figure.value as usize;
        if names.len() != announced && names.len() >= 2 {
            let list = names.join(", ");
            out.push(
                Diagnostic::new(
                    rule.id,
                    rule.default_severity,
                    count.span.clone(),
                    Message::new(
                        format!(
                            "Báo {announced} {noun} nhưng kể {} tên: {list}",
                            names.len()
                        ),
                        format!(
                            "Announces {announced} {noun} but names {}: {list}",
                            names.len()
                        ),
                    ),
                )
                .with_related(
                    doc.tokens[sentence[intro + 1]].start()..doc.tokens[sentence[end - 1]].end(),
                    Message::new("các tên được kể", "the names given"),
                ),
            );
        }
    }
}

/// Capitalised names separated by "," and "và" from `from`; the list must end the sentence
/// or be followed by a comma and a lower-case word. Returns the names and the end position.
fn name_list(doc: &Document, sentence: &[usize], from: usize) -> Option<(Vec<String>, usize)> {
    let mut names = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut p = from;
    loop {
        let token = sentence.get(p).map(|&i| &doc.tokens[i]);
        match token {
            Some(t) if t.kind == TokenKind::Word && doc.case(t) == Case::Capitalized => {
                current.push(doc.token_text(t));
                if current.len() > 4 {
                    return None;
                }
            }
            Some(t)
                if t.kind == TokenKind::Word
                    && doc.token_text(t) == "và"
                    && !current.is_empty() =>
            {
                names.push(current.join(" "));
                current.clear();
            }
            Some(t)
                if t.kind == TokenKind::Punct
                    && doc.token_text(t) == ","
                    && !current.is_empty() =>
            {
                names.push(current.join(" "));
                current.clear();
                // A comma followed by a lower-case word ends the list.
                if Cursor::new(doc, sentence)
                    .word(p + 1)
                    .is_some_and(|w| w != "và")
                    && sentence
                        .get(p + 1)
                        .is_some_and(|&i| doc.case(&doc.tokens[i]) == Case::Lower)
                {
                    return Some((names, p));
                }
            }
            Some(t)
                if t.kind == TokenKind::Punct
                    && matches!(doc.token_text(t), "." | ";" | "!" | "?") =>
            {
                if current.is_empty() {
                    return None;
                }
                names.push(current.join(" "));
                return Some((names, p));
            }
            None if !current.is_empty() => {
                names.push(current.join(" "));
                return Some((names, p));
            }
            _ => return None,
        }
        p += 1;
    }
}

/// "55 đại biểu, gồm 30 nam và 24 nữ": the parts must add up to the whole.
/// Returns whether it reported.
fn breakdown(
    doc: &Document,
    sentence: &[usize],
    rule: &RuleMeta,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let before = out.len();
    for at in 0..sentence.len() {
        let Some(total) = Cursor::new(doc, sentence).figure_at(at) else {
            continue;
        };
        if total.figure.ambiguous || total.figure.decimals != 0 {
            continue;
        }
        // The whole's noun (one or two words), a comma, then "gồm" or "bao gồm".
        let mut p = at + 1;
        while p < at + 3
            && Cursor::new(doc, sentence)
                .word(p)
                .is_some_and(|w| w != "gồm" && w != "bao")
        {
            p += 1;
        }
        if p == at + 1 || !Cursor::new(doc, sentence).is_punct(p, ",") {
            continue;
        }
        let mut q = p + 1;
        if Cursor::new(doc, sentence).word(q) == Some("bao") {
            q += 1;
        }
        if Cursor::new(doc, sentence).word(q) != Some("gồm") {
            continue;
        }
        // Parts: "A word(s)" separated by "," and a final "và", up to the sentence's end or ";".
        let mut parts = Vec::new();
        let mut r = q + 1;
        let mut saw_and = false;
        while let Some(part) = Cursor::new(doc, sentence).figure_at(r) {
            if part.figure.decimals != 0 {
                parts.clear();
                break;
            }
            let words = (r + 1..)
                .take_while(|&w| {
                    Cursor::new(doc, sentence)
                        .word(w)
                        .is_some_and(|x| x != "và")
                })
                .count();
            if words == 0 || words > 3 {
                parts.clear();
                break;
            }
            parts.push(part);
            r += 1 + words;
            if Cursor::new(doc, sentence).word(r) == Some("và") {
                saw_and = true;
                r += 1;
            } else if Cursor::new(doc, sentence).is_punct(r, ",") && !saw_and {
                r += 1;
            } else {
                break;
            }
        }
        let ends = r >= sentence.len()
            || sentence
                .get(r)
                .is_some_and(|&i| matches!(doc.token_text(&doc.tokens[i]), "." | ";" | "," | ")"));
        if parts.len() < 2 || !saw_and || !ends {
            continue;
        }
        let sum: f64 = parts.iter().map(|f| f.figure.value).sum();
        if (sum - total.figure.value).abs() > 0.5 {
            let terms: Vec<&str> = parts.iter().map(|f| &doc.text[f.span.clone()]).collect();
            let whole = &doc.text[total.span.clone()];
            let formula = format!("{} = {}", terms.join(" + "), sum as u64);
            let mut d = Diagnostic::new(
                rule.id,
                rule.default_severity,
                total.span.clone(),
                Message::new(
                    format!("Tổng {whole} không khớp với các thành phần: {formula}"),
                    format!("The total {whole} does not match its parts: {formula}"),
                ),
            );
            for part in &parts {
                d = d.with_related(part.span.clone(), Message::new("thành phần", "a part"));
            }
            out.push(d);
        }
    }
    out.len() > before
}

/// Words of the whole's noun phrase before "gồm" ("suất quà cho đoàn viên khó khăn").
const MAX_WHOLE_WORDS: usize = 8;

/// Words a part may take after its figure before the next part.
const MAX_PART_WORDS: usize = 12;

/// "đã kết nạp 9 đảng viên mới, gồm 6 đảng viên ở ... và 3 đảng viên ở ...": parts counted
/// in the whole's own noun (their first word is one of the whole's noun words), with
/// any description after each, must add up to the whole; decimals allowed ("87,3 triệu
/// đồng, gồm 70,8 triệu đồng ... và 16,5 triệu đồng ...").
fn breakdown_by_head(
    doc: &Document,
    sentence: &[usize],
    rule: &RuleMeta,
    out: &mut Vec<Diagnostic>,
) {
    let c = Cursor::new(doc, sentence);
    for at in 0..sentence.len() {
        let Some(total) = c.figure_at(at).filter(|f| !f.figure.ambiguous) else {
            continue;
        };
        // The whole's noun phrase: lower-case words up to "gồm", perhaps after a comma.
        let noun: Vec<&str> = (at + 1..)
            .map_while(|k| c.word(k).filter(|w| *w != "gồm" && *w != "bao"))
            .take(MAX_WHOLE_WORDS + 1)
            .collect();
        if noun.is_empty() || noun.len() > MAX_WHOLE_WORDS {
            continue;
        }
        let mut q = at + 1 + noun.len();
        if c.is_punct(q, ",") {
            q += 1;
        }
        if c.word(q) == Some("bao") {
            q += 1;
        }
        if c.word(q) != Some("gồm") {
            continue;
        }
        let head_of = |k: usize| c.word(k + 1).filter(|w| noun.contains(w));
        let mut parts = Vec::new();
        let mut k = q + 1;
        let mut saw_and = false;
        while let Some(part) = c.figure_at(k).filter(|f| !f.figure.ambiguous) {
            if head_of(k).is_none() {
                break;
            }
            parts.push(part);
            if saw_and {
                break;
            }
            // The next part: after "," or "và", within a few words.
            let next = (k + 2..(k + 2 + MAX_PART_WORDS).min(sentence.len()))
                .take_while(|&p| !c.is_punct(p, ";") && !c.is_punct(p, "."))
                .find(|&p| {
                    (c.is_punct(p, ",") || c.word(p) == Some("và"))
                        && c.figure_at(p + 1).is_some()
                        && head_of(p + 1).is_some()
                });
            let Some(sep) = next else {
                break;
            };
            saw_and = c.word(sep) == Some("và");
            k = sep + 1;
        }
        if parts.len() < 2 || !saw_and {
            continue;
        }
        let decimals = parts
            .iter()
            .chain([&total])
            .map(|f| f.figure.decimals)
            .max()
            .unwrap_or(0);
        let sum: f64 = parts.iter().map(|f| f.figure.value).sum();
        if (sum - total.figure.value).abs() < 0.5 * 10f64.powi(-i32::from(decimals)) {
            continue;
        }
        let terms: Vec<&str> = parts.iter().map(|f| &doc.text[f.span.clone()]).collect();
        let whole = &doc.text[total.span.clone()];
        let sum_text = format!("{sum:.prec$}", prec = usize::from(decimals)).replace('.', ",");
        let formula = format!("{} = {sum_text}", terms.join(" + "));
        let mut d = Diagnostic::new(
            rule.id,
            rule.default_severity,
            total.span.clone(),
            Message::new(
                format!("Tổng {whole} không khớp với các thành phần: {formula}"),
                format!("The total {whole} does not match its parts: {formula}"),
            ),
        );
        for part in &parts {
            d = d.with_related(part.span.clone(), Message::new("thành phần", "a part"));
        }
        out.push(d);
    }
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
                if n.kind == TokenKind::Number && matches!(doc.token_text(dot), "." | ")") =>
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
