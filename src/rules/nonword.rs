use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, apply_case, case_of, lower_into};
use crate::text::syllable::{self, IllFormed, Tone};
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// A word written in Vietnamese letters that is not a Vietnamese syllable.
    ///
    /// ## What it does
    /// Checks every word against the rules of written Vietnamese syllables: which onsets,
    /// vowels and endings go together (ngh only before i, e, ê; k before i, y, e, ê), which
    /// tones a syllable ending in p, t, c, ch can carry, and on which letter the tone mark
    /// sits (both the old style, hòa, and the new one, hoà, are accepted). Says why a word
    /// fails and offers up to three well-formed syllables one edit away, the likeliest
    /// first, in the writer's capitals. Acronyms in capitals, tokens with digits, web and
    /// e-mail addresses, foreign names and words, and common loans written solid (axít,
    /// điốt, buýt, ôxy) are left alone.
    ///
    /// ## Why
    /// A tone mark on the wrong letter ("taị"), a tone a stop ending cannot carry ("xêp"),
    /// a spelling rule broken ("nghành"): each is a slip no reader misses, and each is
    /// certain, because no such syllable exists.
    ///
    /// ## Example
    /// ```text
    /// Quận tiếp tục sắp xêp các cơ quan chuyên môn theo nghành, lĩnh vực.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// UBND quận đón đoàn chuyên gia Stoke City; chi tiết tại www.caugiay.hanoi.gov.vn.
    /// ```
    pub struct Nonword {
        id: "nonword",
        severity: Error,
        vi: "Từ viết bằng chữ cái tiếng Việt nhưng không phải là một âm tiết tiếng Việt.

## Tác dụng
Đối chiếu từng từ với quy tắc cấu tạo âm tiết tiếng Việt: phụ âm đầu, nguyên âm và âm cuối nào đi được với nhau (ngh chỉ đứng trước i, e, ê; k đứng trước i, y, e, ê), vần tận cùng bằng p, t, c, ch mang được những dấu thanh nào, và dấu thanh đặt trên chữ nào (chấp nhận cả kiểu cũ “hòa” lẫn kiểu mới “hoà”). Nêu lý do và gợi ý tối đa ba âm tiết đúng chỉ khác một chỗ, khả năng cao nhất trước, giữ nguyên cách viết hoa của người viết. Bỏ qua chữ viết tắt in hoa, từ có chữ số, địa chỉ web và thư điện tử, tên và từ nước ngoài, cùng các từ vay mượn thường viết liền (axít, điốt, buýt, ôxy).

## Vì sao
Dấu thanh đặt sai chữ (“taị”), dấu thanh mà vần tận cùng bằng phụ âm tắc không mang được (“xêp”), sai quy tắc chính tả (“nghành”): người đọc nào cũng nhận ra, và công cụ chắc chắn đây là lỗi vì không có âm tiết như vậy.",
    }
}

/// Loans written solid that the grammar rejects: `rules/allow-loans.txt`, one a line.
static LOANS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../rules/allow-loans.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

impl Rule for Nonword {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut lower = String::new();
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            let mut legacy_block = None;
            for (i, token) in tokens.iter().enumerate() {
                if token.kind != TokenKind::Word {
                    continue;
                }
                let text = doc.token_text(token);
                // The fast path: almost every token is a syllable.
                let Some(Err(why)) = doc.syllable(token) else {
                    continue;
                };
                // Ð for Đ is lookalike-letter's finding, with its fix.
                if why == IllFormed::Eth || !worth_flagging(doc, tokens, i, text, why, &mut lower) {
                    continue;
                }
                // A paragraph in a legacy encoding is legacy-encoding's finding, as a whole.
                let legacy = *legacy_block.get_or_insert_with(|| doc.is_legacy_block(block));
                if legacy {
                    continue;
                }
                out.push(diagnostic(self.meta(), token, text, why));
            }
        }
    }
}

fn diagnostic(meta: &RuleMeta, token: &Token, text: &str, why: IllFormed) -> Diagnostic {
    let (vi, en) = why.reason();
    let message = Message::new(
        format!("“{text}” không phải là âm tiết tiếng Việt: {vi}"),
        format!("“{text}” is not a Vietnamese syllable: {en}"),
    );
    let case = case_of(text);
    let mut d = Diagnostic::new(meta.id, meta.default_severity, token.range.clone(), message);
    if let Some((a, b)) = run_together(text) {
        let fix = format!("{a} {b}");
        return d.with_suggestion(token.range.clone(), fix);
    }
    for candidate in syllable::candidates(text, 3) {
        d = d.with_suggestion(token.range.clone(), apply_case(&candidate, case));
    }
    d
}

/// The two syllables of a token that is two words run together, each with a tone mark.
fn run_together(text: &str) -> Option<(&str, &str)> {
    let marks = text
        .chars()
        .filter(|&c| syllable::tone_of(c).is_some_and(|t| t != Tone::Ngang))
        .count();
    if marks < 2 {
        return None;
    }
    syllable::split_in_two(text)
}

/// Whether an ill-formed token is a Vietnamese word gone wrong rather than something else
/// (an acronym, an address, a foreign name or word, a loan): precision first.
fn worth_flagging(
    doc: &Document,
    tokens: &[Token],
    i: usize,
    text: &str,
    why: IllFormed,
    lower: &mut String,
) -> bool {
    if matches!(why, IllFormed::ForeignLetter(_)) || text.chars().nth(1).is_none() {
        return false;
    }
    let case = case_of(text);
    if case == Case::Upper || case == Case::Mixed {
        return false;
    }
    lower_into(text, lower);
    if LOANS.contains(lower.as_str()) || doc.vocabulary.contains(lower.as_str()) {
        return false;
    }
    let chunk = chunk_around(tokens, i);
    let chunk_text = &doc.text[chunk.clone()];
    if looks_like_address(chunk_text) {
        return false;
    }
    // A token in plain ASCII is as likely English, a name or a word typed without marks.
    let vietnamese_marks = !text.is_ascii();
    if !vietnamese_marks {
        return false;
    }
    if why.is_foreign_shape() {
        // Clusters and shapes no syllable has: a foreign name or word, a transliteration
        // in pieces (Ô-xtrây-li-a), a loan written solid (ôxít, magiê, lôgic): left alone.
        // What stays is a lower-case word with Vietnamese marks that is either two
        // syllables with two tone marks run together (đượcmột), or one slip away from a
        // syllable: a doubled letter (thườnng), a vowel mark missing (chưong, chién).
        if case != Case::Lower || chunk_text.contains('-') {
            return false;
        }
        if matches!(why, IllFormed::SecondVowelGroup | IllFormed::TooLong) {
            return run_together(text).is_some();
        }
        return !syllable::candidates(text, 1).is_empty();
    }
    if case == Case::Capitalized {
        // Names keep spellings of their own (Kơ Ho, Đắk, Iát): only the slips that no
        // name has.
        return matches!(
            why,
            IllFormed::MarkPosition
                | IllFormed::StopTone
                | IllFormed::GhBeforeBack
                | IllFormed::GBeforeFront
                | IllFormed::DoubledTone
                | IllFormed::TwoTones
                | IllFormed::CodaNotAllowed
        );
    }
    true
}

/// The byte range of the run of non-space tokens around token `i`.
fn chunk_around(tokens: &[Token], i: usize) -> std::ops::Range<usize> {
    let mut start = i;
    while start > 0 && tokens[start - 1].kind != TokenKind::Space {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < tokens.len() && tokens[end + 1].kind != TokenKind::Space {
        end += 1;
    }
    tokens[start].range.start..tokens[end].range.end
}

/// A web or e-mail address: `@`, `://`, `www.`, or a dot between two letters (gov.vn).
fn looks_like_address(chunk: &str) -> bool {
    if chunk.contains('@') || chunk.contains("://") || chunk.starts_with("www.") {
        return true;
    }
    let chars: Vec<char> = chunk.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_alphanumeric() && w[1] == '.' && w[2].is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::Nonword;
    use crate::rules::testing::{check, fails, fixed, flagged, silent};

    #[test]
    fn fails_on_ill_formed_syllables() {
        fails(
            &Nonword,
            &[
                "Quận đã sắp xêp lại bộ máy.",
                "Phòng họp tại trụ sở taị phường.",
                "Các nghành chức năng đã vào cuộc.",
                "Thưc hiện nghiêm chỉ thị.",
                "Hoàn thành tòan bộ kế hoạch.",
                "Nghành giáo dục quận.",
                "Vượt chỉ tiêu, vựơt kế hoạch.",
            ],
        );
    }

    #[test]
    fn silent_on_names_acronyms_addresses_loans() {
        silent(
            &Nonword,
            &[
                "UBND, HĐND, ĐH, TCCS và KTXH của quận.",
                "Cầu thủ Shilton, Robson, Clemence của Stoke City.",
                "Xem tại https://caugiay.hanoi.gov.vn hoặc www.hanoi.gov.vn.",
                "Gửi thư về banbientap@caugiay.vn nhé.",
                "Xe buýt, axít, điốt, ôxy, người Hmông, tivi, email, internet, web.",
                "Quãng đường 12 ki-lô-mét, xe số 4B, bản ver2.",
                "Napoléon, González, Molière, Hélène, José, Zürich và iPhone.",
                "Ô-xtrây-li-a và Mát-xcơ-va.",
                "Tỉnh Đắk Lắk, huyện Kon Plông, xã Ea Súp.",
                "Các từ online, marketing, video, hot, top, chat.",
                "Khoáng vật ôxít, điôxít, magiê, lôgic mờ, détente, cácbon, tuốcnơvít.",
                "Hòa và hoà, thủy và thuỷ, khỏe và khoẻ đều đúng.",
                "Chữ a, b, c và đ.",
                "Đồng chí Ðức phát biểu.",
                "Héi nghÞ tæng kÕt c«ng t¸c n¨m cña quËn, Xin chaøo caùc baïn ñaõ ñeán.",
            ],
        );
    }

    #[test]
    fn fixes_keep_the_writers_capitals() {
        assert_eq!(
            fixed(&Nonword, "Nghành y tế taị quận."),
            "Ngành y tế tại quận."
        );
        assert_eq!(fixed(&Nonword, "Đã sắp xêp."), "Đã sắp xếp.");
        assert_eq!(fixed(&Nonword, "Đã đượcmột năm."), "Đã được một năm.");
        assert_eq!(flagged(&Nonword, "Thưc hiện."), vec!["Thưc"]);
        let d = &check(&Nonword, "Thưc hiện.")[0];
        let fixes: Vec<&str> = d
            .suggestions
            .iter()
            .map(|s| s.replacement.as_str())
            .collect();
        assert!(
            fixes.contains(&"Thực") && fixes.contains(&"Thức"),
            "{fixes:?}"
        );
        assert!(d.message.en.contains("sắc") || d.message.en.contains("acute"));
    }
}
