use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::punctuation_spacing::mark_names;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// A bracket or quotation mark left open, or closing nothing, in its paragraph.
    ///
    /// ## What it does
    /// Pairs up ( ), [ ], “ ” and straight double quotes within each paragraph, heading or
    /// list item, and points at the mark left open or at the closing mark with nothing to
    /// close. Each kind is paired on its own, so a bracket inside a quotation is fine. A
    /// line that runs on into the next one (it ends without a sentence mark and the next
    /// begins in lower case, as in hard-wrapped text) is read with it. A quotation opened
    /// with a straight quote and closed with a curly one, or the other way round, with no
    /// quotation mark between ("Mua bán ma túy”), is one finding at its opening mark, not
    /// two. Left alone: list
    /// and enumeration markers ("1)", "a)", "b)" after a space or at the start of a line),
    /// smileys (":)", ":-(", ";)") and a straight quote right after a number, which is an
    /// inch or second mark.
    ///
    /// ## Why
    /// A bracket or quotation mark that never closes leaves the reader unsure where the
    /// aside or the quoted words end; it is usually the trace of an edit that cut one half
    /// of the pair.
    ///
    /// ## Example
    /// ```text
    /// Ban Chấp hành Đảng bộ quận (khóa VI đã tổ chức Hội nghị lần thứ 25.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Hội nghị bàn: (1) công tác xây dựng Đảng; a) tuyên truyền; b) “Kỷ cương, trách nhiệm” :)
    /// ```
    pub struct UnbalancedPair {
        id: "unbalanced-pair",
        severity: Warning,
        vi: "Dấu ngoặc hoặc dấu ngoặc kép mở mà không đóng, hoặc đóng mà không có dấu mở, trong một đoạn.

## Tác dụng
Ghép cặp ( ), [ ], “ ” và dấu ngoặc kép thẳng trong từng đoạn văn, tiêu đề hay mục danh sách, rồi chỉ ra dấu mở không được đóng hoặc dấu đóng không có gì để đóng. Mỗi loại dấu được ghép riêng, nên dấu ngoặc đơn nằm trong lời trích dẫn không sao. Một dòng chạy tiếp sang dòng sau (kết thúc không có dấu câu và dòng sau bắt đầu bằng chữ thường, như văn bản bị ngắt dòng cứng) được đọc liền với dòng sau. Một lời trích dẫn mở bằng dấu ngoặc kép thẳng và đóng bằng dấu cong, hoặc ngược lại, không có dấu ngoặc kép nào ở giữa (\"Mua bán ma túy”), được báo một lần ở dấu mở, không phải hai lần. Không xét: ký hiệu đánh số danh sách và liệt kê (“1)”, “a)”, “b)” sau dấu cách hoặc ở đầu dòng), biểu tượng cảm xúc (“:)”, “:-(”, “;)”) và dấu ngoặc kép thẳng ngay sau một số (ký hiệu inch hoặc giây).

## Vì sao
Dấu ngoặc hay dấu ngoặc kép không đóng khiến người đọc không biết phần chú thích hay lời trích dẫn kết thúc ở đâu; thường đó là dấu vết của một lần sửa đã cắt mất một nửa của cặp.",
    }
}

/// `s` with its first letter in capitals.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The bracket pairs paired by nesting.
const PAIRS: &[(&str, &str)] = &[("(", ")"), ("[", "]"), ("“", "”")];

/// Marks ending a line that closes its sentence: the next line starts afresh.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', '"', '”', ')', ']'])
}

/// Whether a token is a punctuation mark with this text.
fn is(doc: &Document, t: Option<&Token>, s: &str) -> bool {
    t.is_some_and(|t| t.kind() == TokenKind::Punct && doc.token_text(t) == s)
}

/// A list or enumeration marker "1)", "a)", "iv)", "B)", "IV)": the `)` at `i` after a short
/// number or one to three lower-case letters that follow a space, a mark or the start of the
/// line, or after a capital or a Roman numeral that follows a mark or the start of the line.
fn is_enumeration(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let Some(label) = i.checked_sub(1).map(|j| &tokens[j]) else {
        return false;
    };
    let text = doc.token_text(label);
    let is_mark = |t: &Token| {
        t.kind() == TokenKind::Punct
            && matches!(
                doc.token_text(t),
                ":" | ";" | "," | "." | "\"" | "“" | "-" | "–"
            )
    };
    // After the start of the line, a mark, or a space after a mark.
    let after_mark = i < 2
        || is_mark(&tokens[i - 2])
        || (tokens[i - 2].is_space() && (i < 3 || is_mark(&tokens[i - 3])));
    // After the start of the line, a mark or any space.
    let after_space = after_mark || tokens[i - 2].is_space();
    match label.kind() {
        TokenKind::Number => text.len() <= 3 && after_space,
        // a), iv)
        TokenKind::Word if text.chars().count() <= 3 && text.chars().all(char::is_lowercase) => {
            after_space
        }
        // A), IV): capitals are names and numerals ("khóa VI)") unless a mark comes before.
        TokenKind::Word => {
            (text.chars().count() == 1
                || (text.len() <= 4 && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))))
                && after_mark
        }
        _ => false,
    }
}

/// A smiley: a bracket right after ":", ";", "=" or ":-".
fn is_smiley(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|j| &tokens[j]);
    [":", ";", "="].iter().any(|m| is(doc, prev, m))
        || (is(doc, prev, "-") && i >= 2 && is(doc, Some(&tokens[i - 2]), ":"))
}

impl UnbalancedPair {
    /// Reports a mark left open (`open`) or closing nothing.
    fn unpaired(&self, doc: &Document, t: &Token, open: bool, out: &mut Vec<Diagnostic>) {
        let (vi, en) = mark_names(doc.token_text(t));
        let (vi_what, en_what) = if open {
            (
                "không được đóng trong đoạn",
                "is never closed in its paragraph",
            )
        } else {
            (
                "không có dấu mở tương ứng trong đoạn",
                "closes nothing in its paragraph",
            )
        };
        out.push(Diagnostic::new(
            self.meta().id,
            self.meta().default_severity,
            t.range(),
            Message::new(
                format!("{} {vi_what}", capitalize(&vi)),
                format!("{} {en_what}", capitalize(&en)),
            ),
        ));
    }

    /// Reports a quotation opened in one style and closed in the other, once, at its
    /// opening mark, the closing one as related.
    fn mixed(&self, doc: &Document, open: &Token, close: &Token, out: &mut Vec<Diagnostic>) {
        let (o, c) = (doc.token_text(open), doc.token_text(close));
        out.push(
            Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                open.range(),
                Message::new(
                    format!("Ngoặc kép mở bằng “{o}” nhưng đóng bằng “{c}”: hai kiểu ngoặc kép trong một cặp"),
                    format!("A quotation opened with “{o}” and closed with “{c}”: two styles in one pair"),
                ),
            )
            .with_related(
                close.range(),
                Message::new("dấu đóng của cặp", "the pair's closing mark"),
            ),
        );
    }

    fn check_group(&self, doc: &Document, tokens: &[Token], out: &mut Vec<Diagnostic>) {
        // Only a group with a straight quote can mix two styles.
        let text = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => &doc.text.as_bytes()[a.start()..b.end()],
            _ => &[][..],
        };
        let mixed = if text.contains(&b'"') {
            mixed_quotes(doc, tokens)
        } else {
            Vec::new()
        };
        let mut stacks: [Vec<usize>; 3] = Default::default();
        let mut straight = 0;
        for (i, t) in tokens.iter().enumerate() {
            if t.kind() != TokenKind::Punct
                || !matches!(
                    doc.text.as_bytes()[t.start()],
                    b'(' | b')' | b'[' | b']' | b'"' | 0xE2
                )
                || mixed.iter().any(|&(a, b)| a == i || b == i)
            {
                continue;
            }
            let m = doc.token_text(t);
            if m == "\"" {
                straight += 1;
                continue;
            }
            if let Some(k) = PAIRS.iter().position(|(open, _)| *open == m) {
                if !is_smiley(doc, tokens, i) {
                    stacks[k].push(i);
                }
            } else if let Some(k) = PAIRS.iter().position(|(_, close)| *close == m)
                && stacks[k].pop().is_none()
            {
                if m == ")" && (is_enumeration(doc, tokens, i) || is_smiley(doc, tokens, i)) {
                    continue;
                }
                self.unpaired(doc, t, false, out);
            }
        }
        for i in stacks.into_iter().flatten() {
            self.unpaired(doc, &tokens[i], true, out);
        }
        for &(a, b) in &mixed {
            self.mixed(doc, &tokens[a], &tokens[b], out);
        }
        if straight % 2 == 1 {
            self.check_straight_quotes(doc, tokens, out);
        }
    }

    /// Straight quotes have no direction: when their number is odd, the one whose
    /// neighbours make it an opener with nothing after it to close, or a closer with
    /// nothing before it to open, is the stray one.
    fn check_straight_quotes(&self, doc: &Document, tokens: &[Token], out: &mut Vec<Diagnostic>) {
        let quotes: Vec<usize> = (0..tokens.len())
            .filter(|&i| is(doc, Some(&tokens[i]), "\""))
            .collect();
        if quotes.len().is_multiple_of(2) {
            return;
        }
        // An inch or second mark (15,6" or 5'30"): a quote right after a number, followed
        // by no word. One of them makes the count even: nothing is sure.
        let inch_mark = |i: usize| {
            i > 0
                && tokens[i - 1].kind() == TokenKind::Number
                && !tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number))
        };
        if quotes.iter().any(|&i| inch_mark(i)) {
            return;
        }
        let solid = |t: Option<&Token>| t.is_some_and(|t| !t.is_space());
        let mut open: Option<usize> = None;
        for &i in &quotes {
            let before = solid(i.checked_sub(1).map(|j| &tokens[j]))
                && !OPENING_CONTEXT
                    .iter()
                    .any(|m| is(doc, Some(&tokens[i - 1]), m));
            let after = tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number));
            let opener_like = !before && after;
            let closer_like = before && !after;
            match open {
                None if closer_like => {
                    self.unpaired(doc, &tokens[i], false, out);
                    return;
                }
                None => open = Some(i),
                Some(o) if opener_like => {
                    self.unpaired(doc, &tokens[o], true, out);
                    return;
                }
                Some(_) => open = None,
            }
        }
        if let Some(o) = open {
            self.unpaired(doc, &tokens[o], true, out);
        }
    }
}

/// Quotations opened in one style and closed in the other, with no quotation mark
/// between: a straight quote that opens (nothing solid before it, a word after) then a
/// curly closing one (\"Mua bán ma túy”), or a curly opening one then a straight quote
/// that closes (“Vùng đất muôn sắc hoa\"). One slip, not a mark left open and another
/// closing nothing.
fn mixed_quotes(doc: &Document, tokens: &[Token]) -> Vec<(usize, usize)> {
    let quotes: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            ["\"", "“", "”"]
                .iter()
                .any(|m| is(doc, Some(&tokens[i]), m))
        })
        .collect();
    let solid_before = |i: usize| {
        i.checked_sub(1).is_some_and(|j| {
            !tokens[j].is_space() && !OPENING_CONTEXT.iter().any(|m| is(doc, Some(&tokens[j]), m))
        })
    };
    let word_after = |i: usize| {
        tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number))
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < quotes.len() {
        let (a, b) = (quotes[k], quotes[k + 1]);
        let (ma, mb) = (doc.token_text(&tokens[a]), doc.token_text(&tokens[b]));
        let straight_then_curly = ma == "\"" && mb == "”" && !solid_before(a) && word_after(a);
        let curly_then_straight = ma == "“" && mb == "\"" && solid_before(b) && !word_after(b);
        if straight_then_curly || curly_then_straight {
            out.push((a, b));
            k += 2;
        } else {
            k += 1;
        }
    }
    out
}

/// Marks after which a straight quote opens: ( [ “ and dashes.
const OPENING_CONTEXT: &[&str] = &["(", "[", "“", "-", "–", "—"];

impl Rule for UnbalancedPair {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mut start = 0;
        while start < doc.blocks.len() {
            let mut end = start;
            while end + 1 < doc.blocks.len() {
                let here = &doc.text[doc.blocks[end].range.clone()];
                let next = &doc.text[doc.blocks[end + 1].range.clone()];
                let runs_on = !ends_sentence(here)
                    && next.chars().next().is_some_and(|c| {
                        c.is_lowercase() || c.is_ascii_digit() || matches!(c, ')' | ']' | '”' | '"')
                    });
                if !runs_on {
                    break;
                }
                end += 1;
            }
            let tokens = &doc.tokens[doc.blocks[start].tokens.start..doc.blocks[end].tokens.end];
            self.check_group(doc, tokens, out);
            start = end + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UnbalancedPair;
    use crate::rules::testing::{flagged, flags_each, silent};

    #[test]
    fn fails_on_marks_left_open_or_closing_nothing() {
        flags_each(
            &UnbalancedPair,
            &[
                ("Đảng bộ quận (khóa VI đã họp.", &["("]),
                ("Đảng bộ quận khóa VI) đã họp.", &[")"]),
                ("Chủ đề “Kỷ cương, trách nhiệm.", &["“"]),
                ("Chủ đề Kỷ cương, trách nhiệm” đã được quán triệt.", &["”"]),
                ("Theo tài liệu [3 của quận.", &["["]),
                (
                    "Chủ đề \"Kỷ cương, trách nhiệm. Sau đó \"Phát triển\" được nêu.",
                    &["\""],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_pairs_markers_and_smileys() {
        silent(
            &UnbalancedPair,
            &[
                "Đảng bộ quận (khóa VI) đã họp (nhiệm kỳ 2020-2025).",
                "Nội dung: (1) xây dựng Đảng, (2) kinh tế; (3) quốc phòng.",
                "1) Việc thứ nhất.\na) Việc nhỏ.",
                "Gồm: a) tuyên truyền; b) vận động, c) kiểm tra.",
                "Gồm: I) Tổng quan; II) Nhiệm vụ; B) Giải pháp.",
                "Chủ đề: \"Kỷ cương, trách nhiệm\" và “Hành động (sáng tạo)”.",
                "Vui quá :) buồn quá :-( nháy mắt ;)",
                "Màn hình 15,6\" và thời gian 5'30\".",
                "Chỉ thị 1067 (\"Joint Chiefs of Staff Directive 1067\") và màn hình 15\".",
                "Sắc lệnh quy định: \"1) Nay hủy bỏ ngay.\"",
                "Đảng bộ quận (khóa VI, nhiệm kỳ\n2020-2025) đã họp.",
            ],
        );
    }

    #[test]
    fn a_quotation_opened_and_closed_in_two_styles_is_one_finding() {
        let found = crate::rules::testing::check(
            &UnbalancedPair,
            "Về tội \"Mua bán ma túy”. Lễ hội “Vùng đất muôn sắc hoa\" và “Xuân”.",
        );
        let text = "Về tội \"Mua bán ma túy”. Lễ hội “Vùng đất muôn sắc hoa\" và “Xuân”.";
        let at: Vec<_> = found.iter().map(|d| d.span.start).collect();
        assert_eq!(at, vec![text.find('"').unwrap(), text.find('“').unwrap()]);
        assert!(found[0].message.vi.contains("hai kiểu ngoặc kép"));
        assert_eq!(found[0].related.len(), 1);
        // A straight pair and a curly pair side by side are no mixed pair.
        silent(&UnbalancedPair, &["Tên \"A\" và “B” đều đúng."]);
    }

    #[test]
    fn points_at_the_mark_left_open() {
        assert_eq!(
            flagged(&UnbalancedPair, "Quận (khóa VI đã họp (lần 25)."),
            vec!["("]
        );
        assert_eq!(
            flagged(
                &UnbalancedPair,
                "Chủ đề \"Kỷ cương. Sau đó \"Phát triển\" được nêu."
            ),
            vec!["\""]
        );
    }
}
