use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::diagnostic::{Diagnostic, Message};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::legacy;
use crate::text::syllable;

declare_rule! {
    /// A letter that looks right but is another character: Ð for Đ, a Cyrillic or Greek letter inside a Latin word, an invisible character inside a word.
    ///
    /// ## What it does
    /// Finds, inside a word: the Icelandic eth (Ð, ð: U+00D0, U+00F0) where the word is a
    /// Vietnamese syllable with Đ, đ; Cyrillic or Greek letters that look like Latin ones
    /// (а е о р с у х і, ο α ν ρ ...) mixed with Latin letters; and zero-width spaces,
    /// joiners and non-joiners (U+200B–U+200D, U+2060, U+FEFF) or soft hyphens (U+00AD)
    /// between letters. The fix puts the Latin letter in place of the look-alike and
    /// removes the invisible character. A word wholly in Cyrillic or Greek is Russian or
    /// Greek and is left alone, and so are foreign names written with ð (Guðjohnsen).
    ///
    /// ## Why
    /// The page looks right, but the word is not the word: searching the site for "Đức"
    /// or "Hà Nội" misses it, spell checkers and screen readers stumble on it, and it is
    /// sorted in the wrong place. These characters come from pasting out of other
    /// programs and from keyboards set to another language.
    ///
    /// ## Example
    /// ```text
    /// Đồng chí Ðức phát biểu tại Hà Nоi.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Đồng chí Đức gặp đoàn Москва và cầu thủ Eiður Guðjohnsen.
    /// ```
    pub struct LookalikeLetter {
        id: "lookalike-letter",
        severity: Error,
        vi: "Chữ trông đúng nhưng là ký tự khác: Ð thay cho Đ, chữ Kirin hay Hy Lạp lẫn trong từ Latinh, ký tự vô hình trong từ.

## Tác dụng
Tìm trong một từ: chữ eth của tiếng Iceland (Ð, ð: U+00D0, U+00F0) ở chỗ từ đó là âm tiết tiếng Việt với Đ, đ; chữ Kirin hay Hy Lạp trông giống chữ Latinh (а е о р с у х і, ο α ν ρ ...) lẫn với chữ Latinh; và dấu cách rộng bằng không, ký tự nối, ký tự ngăn nối (U+200B–U+200D, U+2060, U+FEFF) hay dấu gạch nối mềm (U+00AD) nằm giữa các chữ cái. Cách sửa: thay chữ giống bằng chữ Latinh tương ứng, xóa ký tự vô hình. Từ viết hoàn toàn bằng chữ Kirin hay Hy Lạp là tiếng Nga, tiếng Hy Lạp nên không bị xét, tên nước ngoài viết với ð (Guðjohnsen) cũng vậy.

## Vì sao
Trang hiển thị có vẻ đúng nhưng từ đã khác: tìm “Đức” hay “Hà Nội” trên trang sẽ không thấy, công cụ kiểm tra chính tả và trình đọc màn hình vấp phải nó, và từ bị sắp xếp sai chỗ. Các ký tự này đến từ việc dán văn bản từ chương trình khác hoặc từ bàn phím đang đặt ngôn ngữ khác.",
    }
}

/// Characters that take no room: zero-width space, non-joiner, joiner, word joiner,
/// zero-width no-break space, and the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// The Latin letter a Cyrillic or Greek letter cannot be told from.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic.
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'У' => 'Y',
        // Greek.
        'ο' => 'o',
        'α' => 'a',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'ρ' => 'p',
        'υ' => 'u',
        'χ' => 'x',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

fn is_cyrillic_or_greek(c: char) -> bool {
    matches!(u32::from(c), 0x370..=0x3FF | 0x400..=0x52F | 0x1F00..=0x1FFF)
}

fn is_latin(c: char) -> bool {
    c.is_alphabetic() && matches!(u32::from(c), 0..=0x24F | 0x1E00..=0x1EFF)
}

fn is_eth(c: char) -> bool {
    matches!(c, 'ð' | 'Ð')
}

/// Whether a block could hold anything this rule looks for: the fast path, on the UTF-8
/// bytes of eth, the invisible characters, and the Greek and Cyrillic blocks (a false
/// "maybe" only costs the full check).
fn may_be_suspicious(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        // U+0340..U+052F: Greek, Cyrillic (and combining marks, rare in NFC text).
        0xCD..=0xD4 => true,
        // Ð ð
        0xC3 => matches!(b.get(i + 1), Some(0x90 | 0xB0)),
        // soft hyphen
        0xC2 => b.get(i + 1) == Some(&0xAD),
        // U+200B..U+200D, U+2060
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8B..=0x8D)) | (Some(0x81), Some(0xA0))
        ),
        // U+FEFF
        0xEF => b.get(i + 1) == Some(&0xBB) && b.get(i + 2) == Some(&0xBF),
        // U+1F00..U+1FFF: Greek Extended
        0xE1 => matches!(b.get(i + 1), Some(0xBC..=0xBF)),
        _ => false,
    })
}

impl Rule for LookalikeLetter {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for block in &doc.blocks {
            let text = &doc.text[block.range.clone()];
            if !may_be_suspicious(text) {
                continue;
            }
            // TCVN3 writes ư as the byte of the soft hyphen: that is legacy-encoding's case.
            let legacy = text.contains('\u{AD}') && legacy::detect(text).is_some();
            for word in words(text) {
                let base = block.range.start;
                if let Some(d) = self.check_word(&text[word.clone()], legacy) {
                    let span = base + word.start..base + word.end;
                    out.push(
                        Diagnostic::new(
                            self.meta().id,
                            self.meta().default_severity,
                            span.clone(),
                            d.0,
                        )
                        .with_fix(span, d.1),
                    );
                }
            }
        }
    }
}

/// The runs of letters, combining marks and invisible characters, without invisible
/// characters at either end.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let part = |c: char| c.is_alphabetic() || is_combining_mark(c) || is_invisible(c);
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let w = &text[s..e];
        let trimmed = w.trim_start_matches(is_invisible);
        let s2 = s + (w.len() - trimmed.len());
        let e2 = s2 + trimmed.trim_end_matches(is_invisible).len();
        if s2 < e2 {
            out.push(s2..e2);
        }
    };
    for (i, c) in text.char_indices() {
        match (part(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut out);
    }
    out
}

impl LookalikeLetter {
    /// The message and the corrected word, if the word has a look-alike in it.
    fn check_word(&self, word: &str, legacy: bool) -> Option<(Message, String)> {
        let (mut latin, mut foreign, mut mapped, mut unmapped) = (0, 0, 0, 0);
        let mut invisible = None;
        let mut eth = false;
        let mut first_lookalike = None;
        for c in word.chars() {
            if is_invisible(c) {
                if !(legacy && c == '\u{AD}') {
                    invisible.get_or_insert(c);
                }
            } else if is_cyrillic_or_greek(c) {
                foreign += 1;
                match latin_lookalike(c) {
                    Some(l) => {
                        mapped += 1;
                        first_lookalike.get_or_insert((c, l));
                    }
                    None => unmapped += 1,
                }
            } else if is_eth(c) {
                eth = true;
                latin += 1;
            } else if is_latin(c) {
                latin += 1;
            }
        }
        let keep = |c: char| !is_invisible(c) || (legacy && c == '\u{AD}');
        let dd = |c: char| match c {
            'ð' => 'đ',
            'Ð' => 'Đ',
            c => c,
        };
        let cleaned: String = word
            .chars()
            .filter(|&c| keep(c))
            .map(|c| dd(latin_lookalike(c).unwrap_or(c)))
            .collect::<String>()
            .nfc()
            .collect();
        let homoglyphs = mapped > 0
            && unmapped == 0
            && latin > 0
            && (latin > foreign || syllable::is_syllable(&cleaned));
        let eth_slip = eth && syllable::is_syllable(&cleaned);
        // Between two whole syllables that make no word together, the character may stand
        // for a break between words: removing it would be a guess.
        let between_words = || {
            let mut parts = word.split(|c: char| !keep(c)).filter(|p| !p.is_empty());
            !syllable::is_syllable(&cleaned) && parts.all(syllable::is_syllable)
        };
        let invisible = invisible.filter(|_| latin > 0 && !between_words());
        if !homoglyphs && !eth_slip && invisible.is_none() {
            return None;
        }
        let fixed: String = word
            .chars()
            .filter(|&c| keep(c))
            .map(|c| {
                if homoglyphs {
                    latin_lookalike(c).unwrap_or(c)
                } else {
                    c
                }
            })
            .map(|c| if eth_slip { dd(c) } else { c })
            .collect::<String>()
            .nfc()
            .collect();
        let (vi, en) = if eth_slip {
            (
                "chữ Ð/ð (eth, U+00D0/U+00F0) của tiếng Iceland thay cho Đ/đ".to_string(),
                "the Icelandic eth Ð/ð (U+00D0/U+00F0) in place of Đ/đ".to_string(),
            )
        } else if homoglyphs {
            let (c, l) = first_lookalike.expect("a look-alike");
            let script = if (0x370..=0x3FF).contains(&u32::from(c)) {
                ("Hy Lạp", "Greek")
            } else {
                ("Kirin", "Cyrillic")
            };
            (
                format!(
                    "chữ {} “{c}” (U+{:04X}) trông giống chữ Latinh “{l}”",
                    script.0,
                    u32::from(c)
                ),
                format!(
                    "the {} letter “{c}” (U+{:04X}) looks like the Latin “{l}”",
                    script.1,
                    u32::from(c)
                ),
            )
        } else {
            let c = invisible.expect("an invisible character");
            (
                format!("ký tự vô hình U+{:04X} nằm giữa các chữ cái", u32::from(c)),
                format!("an invisible U+{:04X} between its letters", u32::from(c)),
            )
        };
        let message = Message::new(
            format!("“{fixed}” chứa {vi}"),
            format!("“{fixed}” contains {en}"),
        );
        Some((message, fixed))
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    #[test]
    fn the_byte_test_misses_nothing_the_char_test_finds() {
        for c in ('\u{80}'..='\u{2FFF}').chain(['\u{FEFF}']) {
            let s = format!("ab{c}cd");
            if is_eth(c) || is_invisible(c) || is_cyrillic_or_greek(c) {
                assert!(may_be_suspicious(&s), "{c:?}");
            }
        }
        assert!(!may_be_suspicious("Hội nghị lần thứ 25 “đã” họp – tốt."));
    }
}

#[cfg(test)]
mod tests {
    use super::LookalikeLetter;
    use crate::rules::testing::{check, fixed, flagged, flags_each, silent};

    #[test]
    fn fails_on_lookalikes() {
        flags_each(
            &LookalikeLetter,
            &[
                ("Đồng chí Ðức phát biểu.", &["Ðức"]),
                ("Đồng chí Nguyễn Văn Ðông.", &["Ðông"]),
                ("Thành phố Hà Nоi.", &["Nоi"]),        // Cyrillic о
                ("Phường Quаn Hoa.", &["Quаn"]),        // Cyrillic а
                ("Công ty Micrоsoft.", &["Micrоsoft"]), // Cyrillic о in an English word
                ("Chủ tịch Ηồ Chí Minh.", &["Ηồ"]),     // Greek Η
                ("Quận Cầu Gi\u{200B}ấy.", &["Gi\u{200b}ấy"]), // zero-width space
                ("Nghị quyết số\u{AD}ng.", &["số\u{ad}ng"]), // soft hyphen
                ("Việ\u{200D}t Nam.", &["Việ\u{200d}t"]), // zero-width joiner
            ],
        );
    }

    #[test]
    fn silent_on_real_foreign_words_and_clean_text() {
        silent(
            &LookalikeLetter,
            &[
                "Đồng chí Đức phát biểu.",
                "Đoàn đại biểu thành phố Москва và Αθήνα.",
                "Cầu thủ Eiður Guðjohnsen, nhà văn Þórbergur.",
                "Hệ số α, góc β và điện trở 5 Ω.",
                "Tiếng Nga viết: Я люблю Ханой.",
                "Biểu tượng 👍\u{200D}🏽 và khoảng trắng\u{200B} cuối từ.",
                "Hội nghị tổng kết công tác năm.",
                "đồng\u{FEFF}chí",
            ],
        );
    }

    #[test]
    fn fixes_to_the_latin_letter_or_removes_the_invisible_one() {
        assert_eq!(
            fixed(&LookalikeLetter, "Ông Ðức và bà ðào."),
            "Ông Đức và bà đào."
        );
        assert_eq!(fixed(&LookalikeLetter, "Hà Nоi"), "Hà Noi");
        assert_eq!(fixed(&LookalikeLetter, "Cầu Gi\u{200B}ấy."), "Cầu Giấy.");
        assert_eq!(
            flagged(&LookalikeLetter, "Cầu Gi\u{200B}ấy."),
            vec!["Gi\u{200B}ấy"]
        );
        let d = &check(&LookalikeLetter, "Hà Nоi")[0];
        assert!(d.message.en.contains("Cyrillic"), "{}", d.message.en);
        assert!(d.suggestions[0].safe);
    }

    #[test]
    fn tcvn3_text_is_left_to_legacy_encoding() {
        // In TCVN3 the soft hyphen's byte is ư.
        silent(
            &LookalikeLetter,
            &["Ng\u{AD}êi d©n vµ c¸c n\u{AD}íc l¸ng giÒng cïng tham gia"],
        );
    }
}
