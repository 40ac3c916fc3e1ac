use std::ops::Range;

use crate::analysis::cursor::Cursor;
use crate::analysis::sentences::sentences;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::TERM_TRANSITION_WORDS;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, case_of};
use crate::text::roman;

declare_rule! {
    /// The same term of office stated with different figures.
    ///
    /// ## What it does
    /// Compares the terms a document states: "nhiệm kỳ 2020-2025" against the other
    /// "nhiệm kỳ" ranges, reporting one that shares a first or a last year with an earlier
    /// one but not the other ("nhiệm kỳ 2020-2024" after "nhiệm kỳ 2020-2025"); and "khóa
    /// VI" against the other "khóa" of the same organisation (the same words before "khóa":
    /// "Ban Chấp hành Đảng bộ quận (khóa VI)" and "Ban Chấp hành Đảng bộ quận khóa VII").
    /// Consecutive terms ("2015-2020" and "2020-2025"), terms of different bodies that share
    /// no year, a list ("khóa XIV, XV"), and a sentence that speaks of the next or the
    /// previous term ("Đại hội", "bầu", "nhiệm kỳ mới", "nguyên", "trước" within a few words) are left
    /// alone;
    /// "khóa VI" next to "Đại hội lần thứ VII" is not compared at all.
    ///
    /// ## Why
    /// A term of office is a fact the reader can check. "2020-2024" next to "2020-2025" or
    /// "khóa VII" for a committee called "khóa VI" a paragraph earlier means one of them
    /// was mistyped.
    ///
    /// ## Example
    /// ```text
    /// Ban Chấp hành Đảng bộ quận (nhiệm kỳ 2020-2025) họp phiên thường kỳ. Đây là hội nghị cuối cùng của nhiệm kỳ 2020-2024.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Ban Chấp hành Đảng bộ quận (khóa VI, nhiệm kỳ 2020-2025) họp, chuẩn bị Đại hội lần thứ VII, nhiệm kỳ 2025-2030.
    /// ```
    pub struct TermMismatch {
        id: "term-mismatch",
        severity: Warning,
        vi: "Cùng một nhiệm kỳ, một khóa được ghi bằng những con số khác nhau.

## Tác dụng
So sánh các nhiệm kỳ, các khóa mà văn bản nêu: “nhiệm kỳ 2020-2025” với các “nhiệm kỳ” khác, báo nhiệm kỳ trùng năm đầu hoặc năm cuối với một nhiệm kỳ đã nêu nhưng lệch năm còn lại (“nhiệm kỳ 2020-2024” sau “nhiệm kỳ 2020-2025”); và “khóa VI” với “khóa” khác của cùng một tổ chức (cùng các từ đứng trước “khóa”: “Ban Chấp hành Đảng bộ quận (khóa VI)” và “Ban Chấp hành Đảng bộ quận khóa VII”). Các nhiệm kỳ nối tiếp nhau (“2015-2020” và “2020-2025”), nhiệm kỳ của các cơ quan khác nhau không trùng năm nào, danh sách (“khóa XIV, XV”) và câu nói về nhiệm kỳ sau hoặc trước (“Đại hội”, “bầu”, “nhiệm kỳ mới”, “nguyên”, “trước” ở gần đó) được bỏ qua; “khóa VI” và “Đại hội lần thứ VII” không được so với nhau.

## Vì sao
Nhiệm kỳ là thông tin người đọc kiểm tra được. “2020-2024” bên cạnh “2020-2025”, hay “khóa VII” cho một ban chấp hành vừa được gọi là “khóa VI” ở đoạn trên, cho thấy một trong hai con số đã bị gõ sai.",
    }
}

/// A term as stated: a year range or a numbered "khóa".
struct Term {
    /// "nhiệm kỳ": (first, last) years; "khóa": (number, 0).
    value: (u32, u32),
    /// Lower-case words before "khóa" (empty for "nhiệm kỳ"), and as written.
    org: Vec<String>,
    org_text: String,
    span: Range<usize>,
    /// The sentence speaks of another term (a congress, an election, a former office).
    transition: bool,
}

/// How far around a term its transition words are looked for, in tokens before and after.
const WINDOW: (usize, usize) = (8, 4);

impl Rule for TermMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mut ranges: Vec<Term> = Vec::new();
        let mut khoas: Vec<Term> = Vec::new();
        for block in &doc.blocks {
            if matches!(block.kind, BlockKind::Meta) {
                continue;
            }
            let block_text = &doc.text[block.range.clone()];
            if ![
                "nhiệm", "Nhiệm", "NHIỆM", "khóa", "khoá", "Khóa", "Khoá", "KHÓA",
            ]
            .iter()
            .any(|w| block_text.contains(w))
            {
                continue;
            }
            for sentence in sentences(doc, block) {
                let cursor = Cursor::new(doc, sentence);
                let word = |p: usize| cursor.word(p);
                let text = |p: usize| (p < cursor.len()).then(|| cursor.text(p));
                // "Đại hội ... bầu Ban Chấp hành khóa VII", "nhiệm kỳ mới", "nguyên ... khóa V".
                let transition = |p: usize, own: usize| {
                    (p.saturating_sub(WINDOW.0)..p + own + WINDOW.1).any(|q| {
                        !(p..p + own).contains(&q)
                            && (word(q).is_some_and(|w| TERM_TRANSITION_WORDS.contains(w))
                                || (word(q) == Some("đại") && word(q + 1) == Some("hội")))
                    })
                };
                for p in 0..sentence.len() {
                    // Only "nhiệm" and "khóa" start a term: skip the rest without lower-casing.
                    if !text(p).is_some_and(|t| {
                        matches!(
                            t,
                            "nhiệm"
                                | "Nhiệm"
                                | "NHIỆM"
                                | "khóa"
                                | "khoá"
                                | "Khóa"
                                | "Khoá"
                                | "KHÓA"
                        )
                    }) {
                        continue;
                    }
                    match word(p) {
                        Some("nhiệm") if word(p + 1) == Some("kỳ") || word(p + 1) == Some("kì") =>
                        {
                            let Some((first, last, _)) = cursor.year_range(p + 2) else {
                                continue;
                            };
                            if last <= first || last - first > 10 {
                                continue;
                            }
                            let span = cursor.span(p + 2, p + 4);
                            ranges.push(Term {
                                value: (first as u32, last as u32),
                                org: Vec::new(),
                                org_text: String::new(),
                                span,
                                transition: transition(p, 5),
                            });
                        }
                        Some("khóa" | "khoá") => {
                            let Some(n) = text(p + 1).and_then(|t| {
                                roman::parse(t).or_else(|| {
                                    t.bytes()
                                        .all(|b| b.is_ascii_digit())
                                        .then(|| t.parse().ok())
                                        .flatten()
                                })
                            }) else {
                                continue;
                            };
                            // "khóa XIV, XV", "khóa XIV và XV", "khóa XIV - XV": a list.
                            let listed = matches!(text(p + 2), Some("," | "-" | "–"))
                                && text(p + 3).is_some_and(|t| roman::parse(t).is_some())
                                || word(p + 2) == Some("và");
                            if listed {
                                continue;
                            }
                            // The organisation: up to four words right before, past a "(".
                            let mut q = p;
                            if q > 0 && text(q - 1) == Some("(") {
                                q -= 1;
                            }
                            let mut org = Vec::new();
                            while q > 0 && org.len() < 4 {
                                let Some(w) = word(q - 1) else { break };
                                org.insert(0, w.to_string());
                                q -= 1;
                            }
                            let named = (q..p).any(|r| {
                                text(r).is_some_and(|t| {
                                    matches!(case_of(t), Case::Capitalized | Case::Upper)
                                })
                            });
                            if org.len() < 2 || !named {
                                continue;
                            }
                            let org_text = (q..q + org.len())
                                .filter_map(text)
                                .collect::<Vec<_>>()
                                .join(" ");
                            khoas.push(Term {
                                value: (n, 0),
                                org,
                                org_text,
                                span: cursor.span(p, p + 1),
                                transition: transition(p, 2),
                            });
                        }
                        _ => {}
                    }
                }
            }
        }
        self.compare(doc, &ranges, true, out);
        self.compare(doc, &khoas, false, out);
    }
}

impl TermMismatch {
    fn compare(&self, doc: &Document, terms: &[Term], years: bool, out: &mut Vec<Diagnostic>) {
        let rule = self.meta();
        for (i, later) in terms.iter().enumerate() {
            if later.transition {
                continue;
            }
            let clash = terms[..i].iter().find(|earlier| {
                if earlier.transition || earlier.org != later.org {
                    return false;
                }
                let (a, b) = (earlier.value, later.value);
                if years {
                    (a.0 == b.0) != (a.1 == b.1)
                } else {
                    a.0 != b.0
                }
            });
            let Some(earlier) = clash else { continue };
            let (this, that) = (
                &doc.text[later.span.clone()],
                &doc.text[earlier.span.clone()],
            );
            let (vi, en) = if years {
                (
                    format!("Nhiệm kỳ {this} khác với nhiệm kỳ {that} đã nêu ở trên"),
                    format!("The term {this} differs from the term {that} stated above"),
                )
            } else {
                let org = &later.org_text;
                (
                    format!("“{this}” khác với “{that}” đã nêu cho cùng “{org}”"),
                    format!("“{this}” differs from “{that}” stated for the same “{org}”"),
                )
            };
            out.push(
                Diagnostic::new(
                    rule.id,
                    rule.default_severity,
                    later.span.clone(),
                    Message::new(vi, en),
                )
                .with_related(
                    earlier.span.clone(),
                    Message::new("lần nêu trước", "stated before"),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TermMismatch;
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn fails_on_the_same_term_stated_two_ways() {
        flags_each(
            &TermMismatch,
            &[
                (
                    "Hội nghị lần thứ 25 (nhiệm kỳ 2020-2025). Đây là hội nghị cuối năm của nhiệm kỳ 2020-2024.",
                    &["2020-2024"],
                ),
                (
                    "Nhiệm kỳ 2021-2026 của HĐND. Kỳ họp thứ 8 HĐND quận nhiệm kỳ 2020-2026 bế mạc.",
                    &["2020-2026"],
                ),
                (
                    "Ban Chấp hành Đảng bộ quận Cầu Giấy (khóa VI) họp. Ban Chấp hành Đảng bộ quận Cầu Giấy khóa VII thống nhất nội dung.",
                    &["khóa VII"],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_consecutive_terms_other_bodies_and_transitions() {
        silent(
            &TermMismatch,
            &[
                "Ban Chấp hành Đảng bộ quận Cầu Giấy (khóa VI) đã tổ chức Hội nghị lần thứ 25 (nhiệm kỳ 2020-2025), tiến tới Đại hội đại biểu lần thứ VII Đảng bộ quận.",
                "Kết quả nhiệm kỳ 2015-2020 là tiền đề cho nhiệm kỳ 2020-2025.",
                "Đảng bộ nhiệm kỳ 2020-2025; HĐND quận nhiệm kỳ 2021-2026.",
                "Ông là đại biểu Quốc hội khóa XIV, XV.",
                "Ban Chấp hành Đảng bộ quận khóa VI họp. Đại hội bầu Ban Chấp hành Đảng bộ quận khóa VII gồm 45 đồng chí.",
                "HĐND quận khóa XX và HĐND thành phố khóa XVI họp.",
            ],
        );
    }

    #[test]
    fn points_at_the_later_term_with_the_earlier_as_evidence() {
        let text = "Hội nghị (nhiệm kỳ 2020-2025). Kết thúc nhiệm kỳ 2020-2024.";
        let found = check(&TermMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "2020-2024");
        assert_eq!(&text[found[0].related[0].span.clone()], "2020-2025");
    }
}
