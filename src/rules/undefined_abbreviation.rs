use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashSet;
use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::ABBREVIATIONS;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, case_of};
use crate::text::punctuation::is_quote;
use crate::text::roman;
use crate::text::syllable::is_syllable;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// An abbreviation used without being spelled out first.
    ///
    /// ## What it does
    /// Reports the first use of an abbreviation in capitals ("KTXH", "TCCS", "ĐH") that is
    /// not a standard one (UBND, HĐND, BHXH ... of `rules/lists/abbreviations.txt`), not
    /// spelled out earlier in the document (a name followed by the abbreviation in
    /// parentheses, "Tổ chức cơ sở đảng (TCCS)", "viết tắt là WOSM", "(EW: Electronic
    /// Warfare)", or a capitalised name whose initials it is, "Ban Quản lý dự án" before
    /// "BQLDA"), and not in the user's vocabulary. Headlines written in capitals, Roman
    /// numerals ("khóa VI"), words in capitals that are Vietnamese syllables ("KHÔNG"),
    /// document numbers ("28-CT/QU") and abbreviations inside a foreign name ("HMS Eagle")
    /// are left alone.
    ///
    /// ## Why
    /// A press release is read by people outside the office that wrote it: "TCCS" or
    /// "KTXH" is clear to the author and opaque to them. Spelling an abbreviation out once
    /// costs a few words.
    ///
    /// ## Example
    /// ```text
    /// Quận tập trung hoàn thành các mục tiêu phát triển KTXH trong năm 2024.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Quận tập trung hoàn thành các mục tiêu phát triển kinh tế - xã hội (KTXH); UBND quận theo dõi các chỉ tiêu KTXH hằng tháng.
    /// ```
    pub struct UndefinedAbbreviation {
        id: "undefined-abbreviation",
        severity: Info,
        vi: "Chữ viết tắt được dùng mà chưa được viết đầy đủ trước đó.

## Tác dụng
Báo lần dùng đầu tiên của một chữ viết tắt in hoa (“KTXH”, “TCCS”, “ĐH”) không thuộc danh sách chữ viết tắt thông dụng `rules/lists/abbreviations.txt` (UBND, HĐND, BHXH...), chưa được viết đầy đủ ở phía trước trong văn bản (tên đầy đủ kèm chữ viết tắt trong ngoặc, “Tổ chức cơ sở đảng (TCCS)”, “viết tắt là WOSM”, “(EW: Electronic Warfare)”, hoặc một tên viết hoa có các chữ cái đầu tạo thành chữ viết tắt, “Ban Quản lý dự án” trước “BQLDA”) và không có trong từ vựng của người dùng. Tiêu đề viết in hoa toàn bộ, số La Mã (“khóa VI”), từ tiếng Việt viết in hoa (“KHÔNG”) và số hiệu văn bản (“28-CT/QU”) và chữ viết tắt nằm trong một tên nước ngoài (“HMS Eagle”) được bỏ qua.

## Vì sao
Thông cáo báo chí được đọc bởi cả những người ngoài cơ quan soạn thảo: “TCCS” hay “KTXH” rõ với người viết nhưng khó hiểu với họ. Viết đầy đủ một lần chỉ tốn thêm vài chữ.",
    }
}

/// Whether a word looks like an abbreviation: two or more capital letters, nothing else.
fn is_candidate(word: &str) -> bool {
    word.chars().nth(1).is_some()
        && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
        && case_of(word) == Case::Upper
}

/// The first letter of a word without its diacritics, upper-case ("Ủy" → 'U', "đảng" → 'Đ').
fn initial(word: &str) -> Option<char> {
    let first = word.chars().next()?;
    if first.is_ascii() {
        return Some(first.to_ascii_uppercase());
    }
    let base = std::iter::once(first).nfd().next()?;
    base.to_uppercase().next()
}

impl Rule for UndefinedAbbreviation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let rule = self.meta();
        let mut seen: HashSet<&str> = HashSet::new();
        // First uses not spelled out in place: checked against the initials of the
        // capitalised names before them once all are known.
        let mut pending: Vec<usize> = Vec::new();
        let text = |i: usize| doc.token_text(&doc.tokens[i]);
        let kind = |i: usize| doc.tokens[i].kind();
        for block in &doc.blocks {
            if block.kind == BlockKind::Meta || all_caps(doc, block.tokens.clone()) {
                continue;
            }
            let range = block.tokens.clone();
            let neighbour = |i: usize, step: isize| -> Option<usize> {
                let j = i.checked_add_signed(step)?;
                range.contains(&j).then_some(j)
            };
            // The nearest token that is not a space, either way.
            let near = |i: usize, step: isize| -> Option<usize> {
                let mut j = neighbour(i, step)?;
                while kind(j) == TokenKind::Space {
                    j = neighbour(j, step)?;
                }
                Some(j)
            };
            for i in range.clone() {
                if kind(i) != TokenKind::Word {
                    continue;
                }
                // The lexicon knows each word's case: most words are out without a look.
                if doc.case(&doc.tokens[i]) != Case::Upper {
                    continue;
                }
                let word = text(i);
                if !is_candidate(word) || seen.contains(word) {
                    continue;
                }
                // "28-CT/QU", "QĐ-UBND", "TP.HCM": part of a code.
                // A "." joins only when a word or number follows it directly ("TP.HCM"), not
                // at the end of a sentence.
                let glued = |step: isize| {
                    neighbour(i, step).is_some_and(|j| {
                        kind(j) == TokenKind::Number
                            || matches!(text(j), "/" | "-" | "_" | "&" | "@")
                            || (text(j) == "."
                                && neighbour(j, step).is_some_and(|k| {
                                    matches!(kind(k), TokenKind::Word | TokenKind::Number)
                                }))
                    })
                };
                if glued(-1) || glued(1) {
                    continue;
                }
                let lower = word.to_lowercase();
                if ABBREVIATIONS.contains(word)
                    || roman::parse(word).is_some()
                    || is_syllable(&lower)
                {
                    continue;
                }
                let before = near(i, -1);
                let after = near(i, 1);
                let before_text = before.map(text);
                // "(TCCS)" after its name, "WHO (Tổ chức Y tế Thế giới)", "(EW: Electronic
                // Warfare)", "viết tắt là WFIS", "gọi tắt: UWE": spelled out here.
                let defines = (before_text == Some("(")
                    && matches!(after.map(text), Some(")" | ":")))
                    || (after.map(text) == Some("(")
                        && after
                            .and_then(|a| near(a, 1))
                            .is_some_and(|n| case_of(text(n)) == Case::Capitalized))
                    || short_for(doc, before, &near);
                // A foreign name around it ("HMS Eagle", "Mk IIB"): not Vietnamese prose.
                let foreign = |j: Option<usize>| {
                    j.is_some_and(|j| {
                        let w = text(j);
                        kind(j) == TokenKind::Word
                            && case_of(w) != Case::Upper
                            && !is_syllable(&w.to_lowercase())
                    })
                };
                // A quoted word in capitals ("'LONDON'") is cited, not abbreviated.
                let quote = |j: Option<usize>| j.is_some_and(|j| is_quote(text(j)));
                if foreign(before) || foreign(after) || (quote(before) && quote(after)) {
                    continue;
                }
                seen.insert(word);
                if defines {
                    continue;
                }
                pending.push(i);
            }
        }
        if pending.is_empty() {
            return;
        }
        let spelled = names_by_initials(doc, pending.iter().map(|&i| text(i)));
        for i in pending {
            let word = text(i);
            let start = doc.tokens[i].start();
            if spelled.get(word).is_some_and(|&at| at < start) {
                continue;
            }
            out.push(Diagnostic::new(
                rule.id,
                rule.default_severity,
                doc.tokens[i].range(),
                Message::new(
                    format!("“{word}” là chữ viết tắt chưa được viết đầy đủ ở lần dùng đầu tiên"),
                    format!("“{word}” is an abbreviation not spelled out at its first use"),
                ),
            ));
        }
    }
}

/// Whether the words before an abbreviation say it is one: "viết tắt là", "viết tắt:",
/// "gọi tắt là", "gọi tắt".
fn short_for(
    doc: &Document,
    before: Option<usize>,
    near: &dyn Fn(usize, isize) -> Option<usize>,
) -> bool {
    let text = |i: usize| doc.lower(&doc.tokens[i]);
    let mut p = before;
    if p.is_some_and(|i| matches!(text(i), "là" | ":")) {
        p = p.and_then(|i| near(i, -1));
    }
    p.is_some_and(|i| {
        text(i) == "tắt" && near(i, -1).is_some_and(|j| matches!(text(j), "viết" | "gọi"))
    })
}

/// Whether every word of a block is in capitals (a kicker or a signature line).
fn all_caps(doc: &Document, tokens: std::ops::Range<usize>) -> bool {
    let mut words = doc.tokens[tokens]
        .iter()
        .filter(|t| t.kind() == TokenKind::Word)
        .peekable();
    words.peek().is_some() && words.all(|t| doc.case(t) == Case::Upper)
}

/// Where each wanted abbreviation is first spelled out as the initials of a capitalised
/// name: runs of two to eight words starting with a capitalised word, all words
/// capitalised for two letters ("Đại Hội" but not "Đại hội" for "ĐH"). Returns the offset
/// where the name ends.
fn names_by_initials<'a>(
    doc: &Document,
    wanted: impl Iterator<Item = &'a str>,
) -> HashMap<&'a str, usize> {
    let mut out: HashMap<&'a str, usize> = HashMap::new();
    let wanted: FxHashSet<&'a str> = wanted.collect();
    // Every start of a wanted abbreviation: a run of initials that starts none ends there.
    let prefixes: FxHashSet<&'a str> = wanted
        .iter()
        .flat_map(|w| w.char_indices().map(|(i, c)| &w[..i + c.len_utf8()]))
        .collect();
    let longest = wanted
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
        .min(8);
    let mut key = String::new();
    for block in &doc.blocks {
        let tokens = &doc.tokens[block.tokens.clone()];
        for (start, first) in tokens.iter().enumerate() {
            if first.kind() != TokenKind::Word
                || !matches!(doc.case(first), Case::Capitalized | Case::Upper)
            {
                continue;
            }
            // The words from here on separated by spaces only (a hyphen between words is
            // kept).
            let run = tokens[start..]
                .iter()
                .filter(|t| {
                    !(t.kind() == TokenKind::Space
                        || (t.kind() == TokenKind::Punct && doc.token_text(t) == "-"))
                })
                .take_while(|t| t.kind() == TokenKind::Word);
            key.clear();
            let mut all_capitalised = true;
            for (n, w) in run.take(longest).enumerate() {
                all_capitalised &= doc.case(w) != Case::Lower;
                let Some(c) = initial(doc.token_text(w)) else {
                    break;
                };
                key.push(c);
                if !prefixes.contains(key.as_str()) {
                    break;
                }
                if n >= 1
                    && (all_capitalised || n >= 2)
                    && let Some(&abbr) = wanted.get(key.as_str())
                {
                    out.entry(abbr).or_insert(w.end());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::UndefinedAbbreviation;
    use crate::lists::ABBREVIATIONS;
    use crate::rules::testing::{flagged, flags_each, silent};

    #[test]
    fn every_listed_abbreviation_is_a_candidate_with_its_expansion() {
        // Order, NFC and whitespace: the lists' self-test (`crate::lists`).
        for (abbr, expansion) in ABBREVIATIONS.pairs() {
            assert!(super::is_candidate(abbr), "{abbr}");
            assert!(!expansion.is_empty(), "{abbr}");
        }
    }

    #[test]
    fn fails_on_abbreviations_never_spelled_out() {
        flags_each(
            &UndefinedAbbreviation,
            &[
                ("Phát triển KTXH bền vững.", &["KTXH"]),
                (
                    "Các đồng chí Bí thư các TCCS Đảng trực thuộc quận.",
                    &["TCCS"],
                ),
                (
                    "Tiến tới Đại hội đại biểu Đảng bộ. Lãnh đạo công tác chuẩn bị ĐH đảng các cấp.",
                    &["ĐH"],
                ),
                (
                    "Hoàn thành TCCS. Sau đó, Tổ chức cơ sở đảng (TCCS) được kiện toàn.",
                    &["TCCS"],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_standard_defined_or_not_abbreviations() {
        silent(
            &UndefinedAbbreviation,
            &[
                "(PLM) - Sáng 5/7 (giờ GMT+7), đoàn công tác của TPHCM thăm xã Ea Tiêu; NSND Thu Hiền và Hội LHPN xã dự.",
                "UBND quận và HĐND quận, MTTQ và ĐBQH.",
                "Tổ chức cơ sở đảng (TCCS) được kiện toàn; các TCCS hoạt động tốt.",
                "Ban Quản lý dự án quận báo cáo; BQLDA đã hoàn thành.",
                "CÔNG TÁC ĐẢNG\n\nBan Chấp hành (khóa VI) và Đại hội lần thứ XXV.",
                "Chỉ thị số 28-CT/QU ngày 31/5/2024 và Quyết định 15/QĐ-UBND.",
                "Tuyệt đối KHÔNG được chủ quan.",
                "WHO (Tổ chức Y tế Thế giới) khuyến cáo; WHO theo dõi.",
                "Tại TP.HCM, giá trị đạt 12 USD.",
                "Tổ chức Hướng đạo Thế giới (tiếng Anh, viết tắt là WOSM) và tàu HMS Eagle.",
                "Hệ thống chiến tranh điện tử (EW: Electronic Warfare) được lắp đặt.",
                "Địa chỉ bưu chính ghi là 'LONDON'.",
            ],
        );
    }

    #[test]
    fn reports_the_first_use_only() {
        assert_eq!(
            flagged(
                &UndefinedAbbreviation,
                "Phát triển KTXH. Các chỉ tiêu KTXH đạt."
            ),
            vec!["KTXH"]
        );
    }
}
