use std::ops::Range;

use crate::analysis::Facts;
use crate::analysis::cursor::Cursor;
use crate::analysis::ordinals::{Level, expand_acronyms, level_of};
use crate::analysis::sentences::sentences;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::{
    EVENT_NOUNS, EVENT_ORGANISATION_WORDS, EVENT_STOP_WORDS, TERM_TRANSITION_WORDS,
};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, case_of};
use crate::text::roman;

declare_rule! {
    /// The same term of office stated with different figures.
    ///
    /// ## What it does
    /// Compares the terms a document states: "nhiệm kỳ 2020-2025" against the other
    /// "nhiệm kỳ" ranges, reporting one that shares a first or a last year with an earlier
    /// one but not the other ("nhiệm kỳ 2020-2024" after "nhiệm kỳ 2020-2025"). It compares
    /// each "khóa N" with the other mentions of the same body, whatever precedes it: the
    /// body is the name before "khóa" ("Ban Chấp hành Hội Nông dân huyện", "(khóa IV)" after
    /// it), a title before it dropped ("Bí thư Huyện đoàn" is the Huyện đoàn), acronyms read
    /// as their expansion (HĐND, BCH, MTTQ, LHPN ...). A board's khóa is its body's ("Ban
    /// Chấp hành Hội LHPN xã" and "Chủ tịch Hội Liên hiệp Phụ nữ xã Tân Lập"), and a name
    /// that only says which kind of body ("Ban Chấp hành", "Chủ tịch Hội") is the body's
    /// when the document names only one. A khóa elected by the document's congress
    /// ("Đại hội ... lần thứ IX" then "bầu Ban Chấp hành khóa X") must carry its number.
    /// Against the others, a khóa is reported when two or more agree on another number, or
    /// one does in a document that speaks of no congress or election; not the outgoing term
    /// (one lower, in a document that speaks of a congress or an election: elsewhere there
    /// is no outgoing term), nor the incoming one (elected: "bầu Ban Chấp hành", "bầu 15
    /// ông, bà vào Ban Chấp hành"), nor two khóa the nhiệm kỳ years tell apart. One khóa
    /// given two nhiệm kỳ that share no year is reported too, and, as a warning, two khóa of
    /// one body on consecutive nhiệm kỳ whose numbers do not follow ("khóa XII (nhiệm kỳ
    /// 2021 - 2026)" beside "khóa XIV, nhiệm kỳ 2026 - 2031"; not a body numbered anew from
    /// I). A Party committee named by its seat (Tỉnh ủy, Huyện ủy, Thành ủy, Quận ủy, Thị ủy,
    /// Đảng ủy) is the committee of that Party organisation ("đảng bộ tỉnh"), and the
    /// inspection committee (Ủy ban Kiểm tra) shares the khóa of the committee that elects
    /// it. A term numbered after "nhiệm kỳ" ("nhiệm kỳ V (2019 – 2024)", as associations
    /// number theirs) is read as a khóa. A congress elects the board of its own level only
    /// (a commune's "BCH Hội Nông dân xã khóa X" beside a district's congress is not its
    /// board); a nomination ("giới thiệu nhân sự Bí thư ... khóa XIX") is an election; a
    /// khóa given years is compared only with the mentions of its term when another has
    /// them, and one without years with the term most mentions are given. Lists ("khóa XIV, XV", "khóa
    /// XIV và XV"; not "khóa XI và đoàn đại biểu") and a sentence about a former or a future
    /// term ("nguyên", "trước", "sắp tới", "khóa mới") are left alone.
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
        reads: [OrdinalMentions],
        vi: "Cùng một nhiệm kỳ, một khóa được ghi bằng những con số khác nhau.

## Tác dụng
So sánh các nhiệm kỳ, các khóa mà văn bản nêu: “nhiệm kỳ 2020-2025” với các “nhiệm kỳ” khác, báo nhiệm kỳ trùng năm đầu hoặc năm cuối với một nhiệm kỳ đã nêu nhưng lệch năm còn lại (“nhiệm kỳ 2020-2024” sau “nhiệm kỳ 2020-2025”); và mỗi “khóa N” với các lần nhắc khác của cùng một cơ quan, bất kể từ đứng trước: cơ quan là tên đứng trước “khóa” (“Ban Chấp hành Hội Nông dân huyện”, “(khóa IV)” đứng sau tên), bỏ chức danh đứng trước (“Bí thư Huyện đoàn” là Huyện đoàn), chữ viết tắt được đọc như tên đầy đủ (HĐND, BCH, MTTQ, LHPN ...). Khóa của Ban Chấp hành là khóa của chính tổ chức đó (“Ban Chấp hành Hội LHPN xã” và “Chủ tịch Hội Liên hiệp Phụ nữ xã Tân Lập”); tên chỉ nói loại tổ chức (“Ban Chấp hành”, “Chủ tịch Hội”) là của tổ chức duy nhất mà văn bản nêu. Khóa được Đại hội trong văn bản bầu ra (“Đại hội ... lần thứ IX” rồi “bầu Ban Chấp hành khóa X”) phải mang số của Đại hội. So với các lần nhắc khác, một khóa bị báo khi từ hai chỗ trở lên ghi cùng một số khác, hoặc một chỗ trong văn bản không nói đến đại hội hay bầu cử; trừ khóa trước (nhỏ hơn một, trong văn bản nói đến đại hội hay bầu cử: nơi khác không có khóa trước), khóa mới (được bầu: “bầu Ban Chấp hành”, “bầu 15 ông, bà vào Ban Chấp hành”) và hai khóa có năm nhiệm kỳ khác nhau. Một khóa được ghi hai nhiệm kỳ không trùng năm nào cũng bị báo; hai khóa của cùng một cơ quan ở hai nhiệm kỳ liền nhau mà số không liền nhau (“khóa XII (nhiệm kỳ 2021 - 2026)” bên cạnh “khóa XIV, nhiệm kỳ 2026 - 2031”) được báo ở mức cảnh báo, trừ cơ quan đánh số lại từ I. Cấp ủy gọi theo nơi đặt (Tỉnh ủy, Huyện ủy, Thành ủy, Quận ủy, Thị ủy, Đảng ủy) là Ban Chấp hành của đảng bộ đó (“đảng bộ tỉnh”), và Ủy ban Kiểm tra mang khóa của cấp ủy bầu ra nó. Nhiệm kỳ đánh số (“nhiệm kỳ V (2019 – 2024)”, cách các hội đánh số nhiệm kỳ) được đọc như một khóa. Đại hội chỉ bầu Ban Chấp hành cùng cấp với nó (“BCH Hội Nông dân xã khóa X” bên cạnh Đại hội của huyện không phải Ban Chấp hành do Đại hội đó bầu); giới thiệu nhân sự (“lấy phiếu giới thiệu nhân sự Bí thư ... khóa XIX”) được coi như bầu; khóa có ghi năm chỉ được so với các chỗ nhắc cùng nhiệm kỳ khi có chỗ ghi cùng năm, còn khóa không ghi năm được so với nhiệm kỳ mà phần lớn các chỗ nhắc ghi. Danh sách (“khóa XIV, XV”, “khóa XIV và XV”; không phải “khóa XI và đoàn đại biểu”) và câu nói về nhiệm kỳ trước hoặc sau (“nguyên”, “trước”, “sắp tới”, “khóa mới”) được bỏ qua.

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
        let mut khoas: Vec<Khoa> = Vec::new();
        for block in &doc.blocks {
            if matches!(block.kind, BlockKind::Meta) {
                continue;
            }
            if !may_name_a_term(&doc.text[block.range.clone()]) {
                continue;
            }
            for sentence in &sentences(doc, block) {
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
                            // "nhiệm kỳ V (2019 – 2024)": a term numbered as a khóa is.
                            if text(p + 2).is_some_and(|t| roman::parse(t).is_some()) {
                                if let Some(khoa) = read_khoa(doc, &cursor, p, 2, transition(p, 3))
                                {
                                    khoas.push(khoa);
                                }
                                continue;
                            }
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
                            if let Some(khoa) = read_khoa(doc, &cursor, p, 1, transition(p, 2)) {
                                khoas.push(khoa);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        self.compare(doc, &ranges, true, out);
        self.compare_khoas(doc, &khoas, out);
    }
}

/// A numbered term of a body: "Ban Chấp hành Hội Nông dân huyện khóa IX", "(khóa VI,
/// nhiệm kỳ 2020-2025)".
struct Khoa {
    value: u32,
    /// The body's words, lower case, titles before it dropped and acronyms expanded
    /// ("Bí thư Huyện đoàn" → huyện đoàn); empty when "khóa" follows a comma or stands alone.
    body: Vec<String>,
    body_text: String,
    /// "khóa IX".
    span: Range<usize>,
    /// The nhiệm kỳ stated with it and that range's span.
    years: Option<((i32, i32), Range<usize>)>,
    /// Elected here: "bầu Ban Chấp hành khóa IX", "hiệp thương cử ... khóa XXI", "khóa IX
    /// gồm 15 ủy viên tái cử".
    elected: bool,
    /// Words nearby speak of another term ("nguyên", "trước", "sắp tới", "khóa mới").
    transition: bool,
    /// Words nearby speak of a change of term ("Đại hội", "bầu", "nhiệm kỳ mới").
    near_change: bool,
}

/// Words near a "khóa" that make it another term than the document's.
const KHOA_TRANSITION_WORDS: &[&str] = &["nguyên", "trước", "sắp", "tới", "tiếp", "mới"];

/// Titles before a body's name: the body is what follows them ("Bí thư Chi bộ", "Ủy viên
/// BCH Đảng bộ", "Chủ tịch Công đoàn").
const TITLES: &[&[&str]] = &[
    &["bí", "thư"],
    &["chủ", "tịch"],
    &["ủy", "viên"],
    &["uỷ", "viên"],
    &["đại", "biểu"],
    &["thường", "trực"],
    &["thành", "viên"],
];

/// Verbs of an election and of holding an office, which end a body's name read backwards
/// ("Đại hội bầu Ban Chấp hành", "được bầu làm Bí thư", "giữ chức Chủ tịch").
const ELECTION_WORDS: &[&str] = &["bầu", "cử", "làm", "vào", "giữ", "chức", "gồm"];

/// How many tokens before a body's name the verb of its election may stand ("bầu 15 ông,
/// bà vào Ban Chấp hành").
const ELECTION_REACH: usize = 8;

/// The words of the body before "khóa" at `p`, up to this many.
const BODY_WORDS: usize = 10;

/// The "khóa N" (or "nhiệm kỳ N") at position `p` of the sentence, its `len` words before the
/// number, with its body, its years and whether it is elected there.
fn read_khoa(
    doc: &Document,
    c: &Cursor<'_>,
    p: usize,
    len: usize,
    near_change: bool,
) -> Option<Khoa> {
    let text = |q: usize| (q < c.len()).then(|| c.text(q));
    // The number, and what follows it.
    let n = p + len;
    let value = text(n).and_then(|t| {
        roman::parse(t).or_else(|| {
            (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        })
    })?;
    // "khóa XIV, XV", "khóa XIV và XV", "khóa XIV - XV": a list ("khóa XI và đoàn đại
    // biểu" is not one).
    let listed = (matches!(text(n + 1), Some("," | "-" | "–")) || c.word(n + 1) == Some("và"))
        && text(n + 2).is_some_and(|t| {
            roman::parse(t).is_some() || (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        });
    if listed {
        return None;
    }
    // The body: capitalised words, their lower-case second syllables ("Ban Chấp hành",
    // "Hội Nông dân") and words of a level ("huyện", "phường") right before, past a "(".
    let mut q = p;
    if q > 0 && text(q - 1) == Some("(") {
        q -= 1;
    }
    let after_comma = q > 0 && text(q - 1) == Some(",");
    let mut words: Vec<(String, usize)> = Vec::new();
    let capital_at = |k: usize| {
        c.word(k).is_some() && matches!(case_of(c.text(k)), Case::Capitalized | Case::Upper)
    };
    while q > 0 && words.len() < BODY_WORDS && !after_comma {
        let Some(w) = c.word(q - 1) else { break };
        // A sentence opening on a function word ("Trong nhiệm kỳ V"): no name.
        if q == 1 && EVENT_STOP_WORDS.contains(w) {
            break;
        }
        // An event noun ends the body: "Hội nghị Ban Chấp hành khóa XXI".
        if q >= 2
            && c.word(q - 2)
                .is_some_and(|first| EVENT_NOUNS.contains_pair(first, w))
        {
            break;
        }
        // A lower-case syllable of a capitalised name ("Ban Chấp hành", "Hội Cựu chiến
        // binh"): a capitalised word at most two lower-case words before.
        let in_name = !EVENT_STOP_WORDS.contains(w)
            && !ELECTION_WORDS.contains(&w)
            && (1..=2).any(|back| {
                q > back
                    && capital_at(q - 1 - back)
                    && (1..back).all(|m| {
                        c.word(q - 1 - m)
                            .is_some_and(|x| !EVENT_STOP_WORDS.contains(x))
                    })
            });
        if !(capital_at(q - 1) || in_name || EVENT_ORGANISATION_WORDS.contains(w)) {
            break;
        }
        words.insert(0, (w.to_string(), q - 1));
        q -= 1;
    }
    let stop = if q > 0 { c.word(q - 1) } else { None };
    let elected_before = match stop {
        Some("bầu" | "cử") => true,
        // "lấy phiếu giới thiệu nhân sự Bí thư Tỉnh ủy khóa XIX": nominated for the term.
        Some("sự") => {
            q >= 4
                && c.word(q - 2) == Some("nhân")
                && c.word(q - 3) == Some("thiệu")
                && c.word(q - 4) == Some("giới")
        }
        // "được bầu làm Bí thư", "hiệp thương cử 33 vị vào Ủy ban", "bầu 15 ông, bà vào
        // Ban Chấp hành", "bầu 27 ủy viên Ban Chấp hành": the verb earlier in the clause.
        // "bầu Ban chấp hành và Ủy ban kiểm tra Hội ... nhiệm kỳ V": both elected.
        Some("làm" | "vào" | "viên" | "và") => (q.saturating_sub(ELECTION_REACH)
            ..q.saturating_sub(1))
            .rev()
            .take_while(|&k| !matches!(text(k), Some("." | ";" | ":" | "!" | "?")))
            .any(|k| matches!(c.word(k), Some("bầu" | "cử"))),
        _ => false,
    };
    // "Ban Chấp hành khóa IX gồm 15 ủy viên tái cử".
    let elected_after = (n + 1..(n + 11).min(c.len()))
        .take_while(|&k| !matches!(text(k), Some(";" | "." | "!" | "?")))
        .any(|k| matches!(c.word(k), Some("tái" | "trúng" | "đắc")) && c.word(k + 1) == Some("cử"));
    // Drop what comes before the last title.
    let lower: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    let mut from = 0;
    for i in 0..lower.len() {
        for title in TITLES {
            if lower[i..].starts_with(title) {
                from = from.max(i + title.len());
            }
        }
    }
    let body_words = &words[from..];
    let named = body_words
        .iter()
        .any(|&(_, k)| matches!(case_of(c.text(k)), Case::Capitalized | Case::Upper));
    if !body_words.is_empty() && !named {
        return None;
    }
    let body = party_committee_as_body(expand_acronyms(
        body_words.iter().map(|(w, _)| w.clone()).collect(),
    ));
    let body_text = match (body_words.first(), body_words.last()) {
        (Some(&(_, first)), Some(&(_, last))) => doc.text[c.span(first, last)].to_string(),
        _ => String::new(),
    };
    // "khóa VI, nhiệm kỳ 2020 - 2025", "(khóa XV nhiệm kỳ 2020-2025)".
    let mut k = n + 1;
    while k < c.len()
        && k < n + 5
        && (matches!(text(k), Some("," | "("))
            || c.word(k)
                .is_some_and(|w| matches!(w, "nhiệm" | "kỳ" | "kì")))
    {
        k += 1;
    }
    let years = c
        .year_range(k)
        .filter(|&(a, b, _)| b > a && b - a <= 10)
        .map(|(a, b, end)| ((a, b), c.span(k, end - 1)));
    // "tiếp theo" is the next term; "tiếp tục" (to go on) is none.
    let transition = (p.saturating_sub(WINDOW.0)..n + 1 + WINDOW.1)
        .filter(|&r| r < p || r > n)
        .any(|r| {
            c.word(r).is_some_and(|w| {
                KHOA_TRANSITION_WORDS.contains(&w) && (w != "tiếp" || c.word(r + 1) == Some("theo"))
            })
        });
    Some(Khoa {
        value,
        body,
        body_text,
        span: c.span(p, n),
        years,
        elected: elected_before || elected_after,
        transition,
        near_change,
    })
}

/// Whether a block holds "nhiệm" or "khóa" (in any of the ways they are written): each has
/// an h after its first letter, so the text is read once, at each h, rather than searched
/// for every form.
fn may_name_a_term(text: &str) -> bool {
    const FORMS: [&str; 8] = [
        "nhiệm", "Nhiệm", "NHIỆM", "khóa", "khoá", "Khóa", "Khoá", "KHÓA",
    ];
    let bytes = text.as_bytes();
    (1..bytes.len()).any(|i| {
        matches!(bytes[i], b'h' | b'H')
            && FORMS
                .iter()
                .any(|f| bytes[i - 1..].starts_with(f.as_bytes()))
    })
}

/// The years of the term most of `khoas` are given, when they are given two terms or more
/// (and one is given more often than any other).
fn main_term(khoas: &[&Khoa]) -> Option<(i32, i32)> {
    let years: Vec<(i32, i32)> = khoas
        .iter()
        .filter_map(|k| k.years.as_ref().map(|(y, _)| *y))
        .collect();
    let count = |y: &(i32, i32)| years.iter().filter(|z| *z == y).count();
    let main = *years.iter().max_by_key(|y| count(y))?;
    (years.iter().any(|&y| y != main)
        && years.iter().all(|y| *y == main || count(y) < count(&main)))
    .then_some(main)
}

/// Whether the words of one name are all among the other's.
fn nested(a: &[String], b: &[String]) -> bool {
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// A board's words before the name of the body it leads: "Ban Chấp hành Hội Nông dân
/// huyện khóa IX" is the term of "Hội Nông dân huyện"; the inspection committee a Party
/// committee elects serves its term ("Ủy ban Kiểm tra Tỉnh ủy (khóa XV)").
const BOARD_WORDS: &[&[&str]] = &[
    &["ban", "chấp", "hành"],
    &["ban", "thường", "vụ"],
    &["ủy", "ban", "kiểm", "tra"],
];

/// A Party committee named by its level ("Tỉnh ủy", "Huyện ủy", "Đảng ủy xã") is the
/// executive committee of that level's Party organisation: "Bí thư Tỉnh ủy khóa XVII" and
/// "Ban Chấp hành Đảng bộ tỉnh khóa XVII" name one term.
const PARTY_COMMITTEES: &[(&str, &[&str])] = &[
    ("tỉnh", &["đảng", "bộ", "tỉnh"]),
    ("huyện", &["đảng", "bộ", "huyện"]),
    ("thành", &["đảng", "bộ", "thành", "phố"]),
    ("quận", &["đảng", "bộ", "quận"]),
    ("thị", &["đảng", "bộ", "thị", "xã"]),
    ("đảng", &["đảng", "bộ"]),
];

/// The body's words with a Party committee named by its level written as its Party
/// organisation ("tỉnh ủy" → "đảng bộ tỉnh", "đảng ủy xã" → "đảng bộ xã").
fn party_committee_as_body(words: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len() + 2);
    let mut i = 0;
    while i < words.len() {
        let expansion = (words.get(i + 1).map(String::as_str) == Some("ủy"))
            .then(|| {
                PARTY_COMMITTEES
                    .iter()
                    .find(|(level, _)| *level == words[i])
            })
            .flatten();
        match expansion {
            Some((_, organisation)) => {
                out.extend(organisation.iter().map(|w| w.to_string()));
                i += 2;
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// The body's own name: its words after a board's.
fn own_name(body: &[String]) -> &[String] {
    BOARD_WORDS
        .iter()
        .find(|board| {
            body.len() >= board.len() && body.iter().zip(board.iter()).all(|(w, b)| w == b)
        })
        .map_or(body, |board| &body[board.len()..])
}

/// A name that says which kind of body, not which one ("Ban Chấp hành", "Chủ tịch Hội",
/// "Ban Chấp hành Công đoàn"): the document's own body when it names only one.
fn generic(name: &[String]) -> bool {
    matches!(
        name.iter().map(String::as_str).collect::<Vec<_>>()[..],
        [] | ["hội"] | ["đoàn"] | ["công", "đoàn"]
    )
}

/// The most named bodies compared pairwise to tell whether a document names only one.
const MAX_NAMED_BODIES: usize = 40;

/// Whether the document's khóa name one body only (however worded): a generic name is
/// then that body's.
fn one_named_body(khoas: &[Khoa]) -> bool {
    let named: Vec<&[String]> = khoas
        .iter()
        .map(|k| own_name(&k.body))
        .filter(|n| !generic(n))
        .take(MAX_NAMED_BODIES + 1)
        .collect();
    named.len() <= MAX_NAMED_BODIES && named.iter().all(|a| named.iter().all(|b| nested(a, b)))
}

/// Whether two "khóa" name the same body: the words of one are all among the other's, or
/// one's own name past a board's starts the other's ("Ban Chấp hành Hội LHPN xã" and "Chủ
/// tịch Hội LHPN xã"); a generic name ("Ban Chấp hành", "Hội") is any body's when the document
/// names only one (`one_body`).
fn same_body(a: &Khoa, b: &Khoa, one_body: bool) -> bool {
    if nested(&a.body, &b.body) {
        return true;
    }
    let (x, y) = (own_name(&a.body), own_name(&b.body));
    if generic(x) || generic(y) {
        return one_body;
    }
    // One name the start of the other ("Hội LHPN xã", "Hội Liên hiệp Phụ nữ xã Đông Sơn"),
    // not inside it: "Hội đồng thơ Hội Nhà văn" is a council of "Hội Nhà văn".
    x.starts_with(y) || y.starts_with(x)
}

/// The document's congress: its number, the places that state it and the level of the
/// organisation it names (a commune's congress elects no district board).
struct Congress {
    value: u32,
    places: Vec<Range<usize>>,
    level: Option<Level>,
}

impl Congress {
    /// Whether the congress is the khóa's body's: a body's level is part of what it is, so a
    /// commune's board ("BCH Hội Nông dân xã khóa X") is not elected by a district's
    /// congress ("Đại hội Hội Nông dân huyện lần thứ XII") named beside it. A body or a
    /// congress whose words say no level may be either.
    fn elects(&self, k: &Khoa) -> bool {
        match (self.level, level_of(&k.body)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// The number of the document's congress ("Đại hội đại biểu lần thứ IX"), which elects the
/// body's khóa of the same number, with the places that state it: the number most of its
/// mentions without a cue give ("chuẩn bị Đại hội", "Nghị quyết Đại hội"). A shareholders'
/// meeting ("Đại hội đồng cổ đông") elects no khóa.
fn congress(doc: &Document) -> Option<Congress> {
    let facts = doc.ordinal_mentions();
    let mentions: Vec<_> = facts
        .mentions
        .iter()
        .zip(&facts.cues)
        .filter(|(m, cues)| {
            m.event == "đại hội"
                && !m.bare
                && !m.other_body
                && !m.org.iter().any(|w| w == "cổ")
                && !cues.any()
        })
        .map(|(m, _)| m)
        .collect();
    // The number most mentions give; a number given as often as another is no evidence.
    let count = |v: u32| mentions.iter().filter(|m| m.value == v).count();
    let best = mentions
        .iter()
        .max_by_key(|m| (count(m.value), m.in_title))?;
    if mentions
        .iter()
        .any(|m| m.value != best.value && count(m.value) >= count(best.value))
    {
        return None;
    }
    let own: Vec<_> = mentions.iter().filter(|m| m.value == best.value).collect();
    // The level its mentions name, when those that name one agree.
    let mut levels = own.iter().filter_map(|m| level_of(&m.org));
    let level = levels.next().filter(|&l| levels.all(|o| o == l));
    Some(Congress {
        value: best.value,
        places: own.iter().map(|m| m.span.clone()).collect(),
        level,
    })
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

impl TermMismatch {
    /// Each khóa against the congress that elected it and against the other mentions of its
    /// body; then one khóa given two different nhiệm kỳ.
    fn compare_khoas(&self, doc: &Document, khoas: &[Khoa], out: &mut Vec<Diagnostic>) {
        let rule = self.meta();
        let congress = congress(doc);
        let one_body = one_named_body(khoas);
        // The document's congress, when it is the khóa's body's.
        let congress_of = |k: &Khoa| congress.as_ref().filter(|c| c.elects(k));
        let confirmed = |k: &Khoa| k.elected && congress_of(k).is_some_and(|c| c.value == k.value);
        // A document that speaks of no congress and no election has no outgoing term: a
        // khóa one lower than its body's others is not the previous one.
        let changes_term = congress.is_some() || khoas.iter().any(|k| k.elected || k.near_change);
        for (i, k) in khoas.iter().enumerate() {
            let this = &doc.text[k.span.clone()];
            let congress = congress_of(k);
            // Elected by the document's congress: the khóa is the congress's number.
            if let Some(Congress {
                value: n, places, ..
            }) = congress
                && k.elected
                && !k.transition
                && k.value != *n
            {
                let (vi, en) = (
                    format!(
                        "“{this}” được bầu tại Đại hội lần thứ {}",
                        roman::to_roman(*n)
                    ),
                    format!(
                        "“{this}” is elected by the congress numbered {}",
                        roman::to_roman(*n)
                    ),
                );
                out.push(
                    Diagnostic::new(
                        rule.id,
                        rule.default_severity,
                        k.span.clone(),
                        Message::new(vi, en),
                    )
                    .with_related_places(places.iter().map(|s| {
                        (
                            s.clone(),
                            Message::new("số của Đại hội", "the congress's number"),
                        )
                    })),
                );
                continue;
            }
            // The other mentions of its body's term: a khóa given other nhiệm kỳ years is
            // another term ("nhiệm kỳ IV (2014 – 2019)" beside "nhiệm kỳ V (2019 – 2024)").
            let other_term = |o: &Khoa| {
                k.years
                    .as_ref()
                    .zip(o.years.as_ref())
                    .is_some_and(|((a, _), (b, _))| a != b)
            };
            let mut others: Vec<&Khoa> = khoas
                .iter()
                .enumerate()
                .filter(|&(j, o)| j != i && same_body(k, o, one_body))
                .map(|(_, o)| o)
                .collect();
            // Only when another of them is given this one's years: a term's years tell it
            // from the others, they do not make mentions without years its own.
            if others.iter().any(|o| {
                k.years.is_some()
                    && o.years.as_ref().map(|(y, _)| y) == k.years.as_ref().map(|(y, _)| y)
            }) {
                others.retain(|o| !other_term(o));
            }
            // This one without years, the others on two terms their years tell apart (the
            // outgoing "nhiệm kỳ IV (2014 – 2019)" among "nhiệm kỳ V (2019 – 2024)"): it is
            // compared with the term most of them give, if it is one from that term's number.
            if let Some(main) = main_term(&others)
                && k.years.is_none()
            {
                others.retain(|o| o.years.as_ref().is_none_or(|(y, _)| *y == main));
                if others
                    .first()
                    .is_none_or(|o| o.value.abs_diff(k.value) != 1)
                {
                    continue;
                }
            }
            let Some(first) = others.first() else {
                continue;
            };
            // The others agree with each other and not with this one; and they are one
            // body, not several that a bare "khóa" would merge. The pairwise test (quadratic
            // in the mentions) runs last, only for a mention that stands out.
            if first.value == k.value
                || others.iter().any(|o| o.value != first.value)
                || !others
                    .iter()
                    .all(|a| others.iter().all(|b| same_body(a, b, one_body)))
            {
                continue;
            }
            let same_years = others
                .iter()
                .find_map(|o| o.years.as_ref())
                .zip(k.years.as_ref())
                .map(|((a, _), (b, _))| a == b);
            match same_years {
                // Two terms told apart by their years: the outgoing and the incoming.
                Some(false) => continue,
                Some(true) => {}
                None => {
                    // The document's congress numbering the others' khóa confirms them
                    // ("Đại hội ... lần thứ XVII" and "Bí thư Tỉnh ủy khóa XVII").
                    let by_congress = congress.is_some_and(|c| c.value == first.value);
                    let weight = others.len()
                        + others.iter().filter(|o| confirmed(o)).count()
                        + usize::from(by_congress);
                    let identical = others.len() == 1
                        && k.body.len() >= 2
                        && first.body == k.body
                        && !first.transition;
                    // Two mentions alone: one body has one khóa in a document that speaks
                    // of no congress and no election around them.
                    let one_term = others.len() == 1
                        && congress.is_none()
                        && !k.elected
                        && !first.elected
                        && !k.near_change
                        && !first.near_change;
                    if (weight < 2 && !identical && !one_term)
                        || (k.transition && !k.elected)
                        // The outgoing term, named in passing; the incoming one, elected.
                        // (Two mentions alone: the later, higher one is reported.)
                        || (k.value + 1 == first.value
                            && !k.elected
                            && (changes_term || others.len() < 2))
                        // The incoming one, elected or the congress's own number.
                        || (k.value == first.value + 1 && k.elected)
                        || congress.is_some_and(|c| c.value == k.value)
                    {
                        continue;
                    }
                }
            }
            let usual = &doc.text[first.span.clone()];
            let n = others.len();
            let body = if k.body_text.is_empty() {
                &first.body_text
            } else {
                &k.body_text
            };
            let (vi, en) = (
                format!("“{this}” khác với “{usual}” ({n} chỗ) đã nêu cho cùng “{body}”"),
                format!("“{this}” differs from “{usual}” ({n}×) stated for the same “{body}”"),
            );
            out.push(
                Diagnostic::new(
                    rule.id,
                    rule.default_severity,
                    k.span.clone(),
                    Message::new(vi, en),
                )
                .with_related_places(others.iter().map(|o| {
                    let written = &doc.text[o.span.clone()];
                    (
                        o.span.clone(),
                        Message::new(
                            format!("ghi “{written}” ở đây"),
                            format!("says “{written}” here"),
                        ),
                    )
                })),
            );
        }
        self.compare_consecutive_terms(doc, khoas, out);
        // One khóa given two nhiệm kỳ that share no year (sharing one, the ranges are
        // compared already).
        for (i, later) in khoas.iter().enumerate() {
            let Some(((a, b), span)) = &later.years else {
                continue;
            };
            let clash = khoas[..i].iter().find(|e| {
                e.value == later.value
                    && !e.body.is_empty()
                    && !later.body.is_empty()
                    && same_body(e, later, one_body)
                    && e.years.as_ref().is_some_and(|((c, d), _)| c != a && d != b)
            });
            let Some(earlier) = clash else { continue };
            let Some((_, earlier_span)) = &earlier.years else {
                continue;
            };
            let (this, that, khoa) = (
                &doc.text[span.clone()],
                &doc.text[earlier_span.clone()],
                &doc.text[later.span.clone()],
            );
            out.push(
                Diagnostic::new(
                    rule.id,
                    rule.default_severity,
                    span.clone(),
                    Message::new(
                        format!("“{khoa}” ghi nhiệm kỳ {this}, nhưng ở trên ghi {that}"),
                        format!("“{khoa}” is given the term {this}, but {that} above"),
                    ),
                )
                .with_related(
                    earlier_span.clone(),
                    Message::new("lần nêu trước", "stated before"),
                ),
            );
        }
    }
}

impl TermMismatch {
    /// Two khóa of one body stated with consecutive nhiệm kỳ ("khóa XIII (nhiệm kỳ 2021 -
    /// 2026)" and "khóa XIV, nhiệm kỳ 2026 - 2031"): the later term's khóa is the next
    /// number. A warning at the later mention, the earlier as evidence; not when the later
    /// is numbered I (a body formed anew, as communes merged in 2025 were).
    fn compare_consecutive_terms(&self, doc: &Document, khoas: &[Khoa], out: &mut Vec<Diagnostic>) {
        let named_once = one_named_body(khoas);
        for (i, later) in khoas.iter().enumerate() {
            let Some(((a, b), _)) = &later.years else {
                continue;
            };
            let clash = khoas[..i].iter().find_map(|e| {
                let ((c, d), _) = e.years.as_ref()?;
                // The number of terms from the earlier mention's to the later's.
                let step: i64 = if d == a {
                    1
                } else if b == c {
                    -1
                } else {
                    return None;
                };
                let one_body =
                    !e.body.is_empty() && !later.body.is_empty() && same_body(e, later, named_once);
                let expected = i64::from(e.value) + step;
                (one_body
                    && later.value != 1
                    && e.value != 1
                    // The same khóa on two terms is reported below.
                    && later.value != e.value
                    && !e.transition
                    && !later.transition
                    && i64::from(later.value) != expected)
                    .then_some((e, expected))
            });
            let Some((earlier, expected)) = clash else {
                continue;
            };
            let (this, that) = (
                &doc.text[later.span.clone()],
                &doc.text[earlier.span.clone()],
            );
            let expected =
                u32::try_from(expected).map_or_else(|_| expected.to_string(), roman::to_roman);
            out.push(
                Diagnostic::new(
                    self.meta().id,
                    crate::diagnostic::Severity::Warning,
                    later.span.clone(),
                    Message::new(
                        format!("“{this}” ghi nhiệm kỳ {a} - {b}, liền với nhiệm kỳ của “{that}”: lẽ ra là khóa {expected}"),
                        format!("“{this}” is given the term {a} - {b}, next to the term of “{that}”: khóa {expected} expected"),
                    ),
                )
                .with_related(earlier.span.clone(), Message::new("khóa của nhiệm kỳ liền kề", "the khóa of the adjacent term")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TermMismatch;
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn a_party_committee_named_by_its_level_is_its_party_organisation() {
        let words = |t: &str| t.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            super::party_committee_as_body(words("ủy ban kiểm tra tỉnh ủy")),
            words("ủy ban kiểm tra đảng bộ tỉnh")
        );
        assert_eq!(
            super::party_committee_as_body(words("đảng ủy xã")),
            words("đảng bộ xã")
        );
        flags_each(
            &TermMismatch,
            &[(
                "Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII\n\nĐại hội đại biểu Đảng bộ tỉnh lần thứ XVII lấy phiếu giới thiệu Bí thư Tỉnh ủy khóa XVIII. Ban Chấp hành Đảng bộ tỉnh khóa XVII họp phiên đầu tiên.",
                &["khóa XVIII"],
            )],
        );
    }

    #[test]
    fn a_board_and_a_generic_name_are_the_body_the_document_names() {
        flags_each(
            &TermMismatch,
            &[
                // The board's term is the association's: "Ban Chấp hành Hội LHPN xã" and
                // "Chủ tịch Hội Liên hiệp Phụ nữ xã Tân Lập".
                (
                    "Ban Chấp hành Hội LHPN xã khóa III họp phiên thường kỳ. Bà Hoa, Chủ tịch Hội Liên hiệp Phụ nữ xã Tân Lập khóa III, chủ trì. Bà Lan, Phó Chủ tịch Hội LHPN xã khóa IV, báo cáo.",
                    &["khóa IV"],
                ),
                // "Chủ tịch Hội" where the document names one association only.
                (
                    "Hội Người cao tuổi xã khóa VI họp. Ban Chấp hành Hội Người cao tuổi xã khóa VI thống nhất. Ông Tư, Chủ tịch Hội khóa VII, phát biểu.",
                    &["khóa VII"],
                ),
            ],
        );
    }

    #[test]
    fn a_generic_name_or_a_council_inside_a_name_is_not_another_bodys() {
        silent(
            &TermMismatch,
            &[
                // Two bodies: "Ban Chấp hành" alone may be either's.
                "Ban Chấp hành Đảng bộ xã khóa XXV họp. Ủy ban MTTQ xã khóa XXIII họp. Ông Nam, Chủ tịch Hội khóa XXIII, phát biểu.",
                // A council of the association is not the association.
                "Bà là ủy viên Ban Chấp hành Hội Nhà văn Việt Nam khóa III, ủy viên Hội đồng thơ Hội Nhà văn Việt Nam khóa V.",
            ],
        );
    }

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

    #[test]
    fn a_khoa_against_its_congress_and_the_other_mentions_of_its_body() {
        flags_each(
            &TermMismatch,
            &[
                (
                    "Đảng bộ xã tổ chức Đại hội đại biểu lần thứ IX. Đại hội đã bầu Ban Chấp hành Đảng bộ xã khóa X gồm 15 đồng chí.",
                    &["khóa X"],
                ),
                (
                    "Ban Chấp hành Huyện đoàn khóa XXI họp. Ban Chấp hành Huyện đoàn khóa XXI thống nhất. Anh Tú, Bí thư Huyện đoàn khóa XXII, phát biểu.",
                    &["khóa XXII"],
                ),
            ],
        );
    }

    #[test]
    fn a_khoa_followed_by_and_is_no_list_and_an_election_reaches_back_in_its_clause() {
        flags_each(
            &TermMismatch,
            &[
                // "khóa XII và đoàn đại biểu": a khóa, then other words.
                (
                    "Khai mạc Đại hội Công đoàn tỉnh lần thứ 11. Đại hội sẽ bầu Ban Chấp hành Liên đoàn Lao động tỉnh khóa XII và đoàn đại biểu dự Đại hội toàn quốc.",
                    &["khóa XII"],
                ),
                // "bầu 15 ông, bà vào Ban Chấp hành", "bầu 27 ủy viên Ban Chấp hành".
                (
                    "Hội tổ chức Đại hội lần thứ VII. Đại hội lần thứ VII đã bầu 15 ông, bà vào Ban Chấp hành khóa VI.",
                    &["khóa VI"],
                ),
                (
                    "Hội tổ chức Đại hội lần thứ V. Đại hội lần thứ V bầu 27 ủy viên Ban Chấp hành khóa IV.",
                    &["khóa IV"],
                ),
            ],
        );
    }

    #[test]
    fn one_lower_is_no_outgoing_term_where_no_term_changes() {
        flags_each(
            &TermMismatch,
            &[(
                "Kỳ họp thứ 19, khóa XIX\n\nKỳ họp thứ 19 Hội đồng nhân dân huyện khóa XX, nhiệm kỳ 2021 - 2026 bế mạc. Thường trực HĐND huyện khóa XX giám sát.",
                &["khóa XIX"],
            )],
        );
    }

    #[test]
    fn silent_on_the_outgoing_term_and_on_other_bodies() {
        silent(
            &TermMismatch,
            &[
                "Đại hội đại biểu lần thứ XV. Ban Chấp hành khóa XIV, nhiệm kỳ 2020-2025 báo cáo. Đại hội bầu Ban Chấp hành khóa XV, nhiệm kỳ 2025-2030. Ban Chấp hành khóa XV họp.",
                "Kỳ họp thứ 9 HĐND huyện khóa XI. Kỳ họp thứ 9 HĐND huyện khóa XI bế mạc. Đại biểu Quốc hội khóa XV dự.",
            ],
        );
    }

    #[test]
    fn consecutive_terms_have_consecutive_khoa() {
        flags_each(
            &TermMismatch,
            &[
                (
                    "Bà Hương cảm ơn Ban Chấp hành Hội khóa XII (nhiệm kỳ 2021 - 2026). Đại hội hiệp thương cử Ban Chấp hành Hội khóa XIV, nhiệm kỳ 2026 - 2031.",
                    &["khóa XIV"],
                ),
                (
                    "Ban Chấp hành Hội khóa XIV (nhiệm kỳ 2021 - 2026) đã hoàn thành nhiệm vụ. Đại hội bầu Ban Chấp hành Hội khóa XIV, nhiệm kỳ 2026 - 2031.",
                    // One khóa on two terms: reported at the later term.
                    &["2026 - 2031"],
                ),
            ],
        );
        silent(
            &TermMismatch,
            &[
                "Ban Chấp hành Hội khóa XIII (nhiệm kỳ 2021 - 2026) đã hoàn thành nhiệm vụ. Đại hội bầu Ban Chấp hành Hội khóa XIV, nhiệm kỳ 2026 - 2031.",
                // A commune formed anew starts again at I.
                "Ban Chấp hành Đảng bộ xã khóa XXIV (nhiệm kỳ 2020 - 2025) kết thúc nhiệm vụ. Đại hội bầu Ban Chấp hành Đảng bộ xã khóa I, nhiệm kỳ 2025 - 2030.",
            ],
        );
    }

    #[test]
    fn a_term_numbered_after_nhiem_ky_is_read_as_a_khoa() {
        flags_each(
            &TermMismatch,
            &[(
                "Hội Khuyến học tỉnh khai mạc Đại hội đại biểu nhiệm kỳ IV (2020 – 2025). Ông Minh được bầu làm Chủ tịch Hội Khuyến học tỉnh nhiệm kỳ IV (2020 – 2025). Trong nhiệm kỳ V (2020 – 2025), Hội phấn đấu kết nạp 200 hội viên.",
                &["nhiệm kỳ V"],
            )],
        );
        silent(
            &TermMismatch,
            &[
                "Báo cáo của Ban Chấp hành nhiệm kỳ III (2015 – 2020) trình Đại hội đại biểu Hội Khuyến học tỉnh nhiệm kỳ IV (2020 – 2025). Chủ tịch Hội Khuyến học tỉnh nhiệm kỳ IV đọc diễn văn.",
            ],
        );
    }

    #[test]
    fn years_tell_terms_apart_in_both_directions() {
        flags_each(
            &TermMismatch,
            &[
                // Given this one's years, another khóa of other years is another term: the
                // two of one term disagree (each is reported, as two mentions alone are).
                (
                    "Chi hội Cựu chiến binh khóa II, nhiệm kỳ 2012-2017 tổng kết. Đại hội Chi hội Cựu chiến binh khóa III, nhiệm kỳ 2022-2027 khai mạc. Đại hội bầu ban chấp hành Chi hội Cựu chiến binh Sở Nội vụ khóa IV, nhiệm kỳ 2022-2027.",
                    &["khóa III", "khóa IV"],
                ),
                // Without years, compared with the term most of the others are given.
                (
                    "Ban Chấp hành Hội Khuyến học huyện nhiệm kỳ III (2016 – 2021) báo cáo tổng kết. Đại hội bầu Ban Chấp hành Hội Khuyến học huyện nhiệm kỳ IV (2021 – 2026) gồm 21 người; ông Sơn làm Chủ tịch Hội Khuyến học huyện nhiệm kỳ IV (2021 – 2026). Hội Khuyến học huyện nhiệm kỳ V đề ra ba khâu đột phá.",
                    &["nhiệm kỳ V"],
                ),
            ],
        );
    }

    #[test]
    fn a_nomination_and_a_coordinated_board_are_elected_and_to_go_on_is_no_other_term() {
        flags_each(
            &TermMismatch,
            &[
                (
                    "Đại hội đại biểu Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2025 - 2030 bầu 45 đồng chí vào Ban Chấp hành và lấy phiếu giới thiệu nhân sự Bí thư Huyện ủy khóa XX. Ban Chấp hành Đảng bộ huyện khóa XXI họp phiên thứ nhất.",
                    &["khóa XX"],
                ),
                (
                    "Đại hội đại biểu Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2025 - 2030 đã bầu Ban Chấp hành Đảng bộ huyện khóa XX và tiếp tục thảo luận văn kiện.",
                    &["khóa XX"],
                ),
                (
                    "Đại hội Hội Luật gia huyện lần thứ III diễn ra sáng 9/5. Đại hội bầu Ban Chấp hành và Ban Kiểm tra Hội Luật gia huyện nhiệm kỳ IV.",
                    &["nhiệm kỳ IV"],
                ),
            ],
        );
    }

    #[test]
    fn a_congress_elects_the_board_of_its_own_level_only() {
        silent(
            &TermMismatch,
            &[
                "Đại hội đại biểu Hội Nông dân huyện Tam Nông lần thứ XI, nhiệm kỳ 2023 - 2028 khai mạc sáng nay. Trước đó, đại hội Hội Nông dân xã Hưng Lộc đã bầu Ban Chấp hành Hội Nông dân xã khóa IX gồm 15 người.",
            ],
        );
        flags_each(
            &TermMismatch,
            &[(
                "Đại hội đại biểu Hội Nông dân huyện Tam Nông lần thứ XI, nhiệm kỳ 2023 - 2028 khai mạc sáng nay. Đại hội đã bầu Ban Chấp hành Hội Nông dân huyện khóa X gồm 35 người.",
                &["khóa X"],
            )],
        );
        // The national association's khóa beside a province branch's congress: two
        // mentions alone of one body.
        flags_each(
            &TermMismatch,
            &[(
                "Đại hội Chi hội Nhạc sĩ Việt Nam tỉnh lần thứ I khai mạc. Nhạc sĩ Tùng thay mặt Ban Chấp hành Hội Nhạc sĩ Việt Nam khoá X phát biểu, nhắc lại chương trình hành động của Hội Nhạc sĩ Việt Nam khoá XI.",
                &["khoá XI"],
            )],
        );
    }
}
