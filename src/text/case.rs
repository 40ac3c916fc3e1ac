//! Letter case of syllables: lower-casing for matching, and carrying the writer's case over
//! to a replacement.

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    /// First letter upper-case, the rest not ("Giải", "A").
    Capitalized,
    /// Every letter upper-case, two letters or more ("GIẢI").
    Upper,
    /// Anything else ("iPhone").
    Mixed,
}

/// Whether a character is an upper-case (`Some(true)`) or lower-case (`Some(false)`)
/// letter; `None` for anything else. The letters of Vietnamese are answered without a
/// Unicode table look-up.
fn letter_case(c: char) -> Option<bool> {
    if c == '÷' {
        return None;
    }
    match lower_vietnamese(c) {
        Some(lower) => Some(lower != c),
        None if c.is_ascii() => None,
        None if c.is_uppercase() => Some(true),
        None if c.is_lowercase() => Some(false),
        None => c.is_alphabetic().then_some(false),
    }
}

/// The case of a word.
pub fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter_map(letter_case);
    let Some(first_upper) = letters.next() else {
        return Case::Lower;
    };
    let (mut upper, mut lower) = (0, 0);
    for is_upper in letters {
        if is_upper {
            upper += 1;
        } else {
            lower += 1;
        }
    }
    match (first_upper, upper, lower) {
        (false, 0, _) => Case::Lower,
        (true, 0, _) => Case::Capitalized,
        (true, _, 0) => Case::Upper,
        _ => Case::Mixed,
    }
}

/// Lower-cases `word` into `buf` (cleared first), without allocating when it fits.
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match lower_vietnamese(c) {
            Some(lower) => buf.push(lower),
            None => buf.extend(c.to_lowercase()),
        }
    }
}

/// The lower case of the letters Vietnamese text is made of, without a table look-up;
/// `None` for any other character.
fn lower_vietnamese(c: char) -> Option<char> {
    let code = u32::from(c);
    match code {
        0x41..=0x5A => Some(char::from(c as u8 + 32)),
        0x61..=0x7A | 0xDF..=0xFF => Some(c),
        0xC0..=0xDE if code != 0xD7 => char::from_u32(code + 0x20),
        // Latin Extended Additional, Vietnamese block: capitals even, small letters odd.
        0x1EA0..=0x1EF9 => char::from_u32(code | 1),
        // Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, Ơ ơ: capitals even, small letters odd.
        0x102 | 0x103 | 0x110 | 0x111 | 0x128 | 0x129 | 0x168 | 0x169 | 0x1A0 | 0x1A1 => {
            char::from_u32(code | 1)
        }
        0x1AF => Some('\u{1B0}'),
        0x1B0 => Some(c),
        _ => None,
    }
}

/// `word` written in `case`.
pub fn apply_case(word: &str, case: Case) -> String {
    match case {
        Case::Lower | Case::Mixed => word.to_string(),
        Case::Upper => word.to_uppercase(),
        Case::Capitalized => {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
    }
}

/// Writes the syllables of `replacement` in the case the writer used for `original`,
/// syllable by syllable ("A ninh" + "an ninh" -> "An ninh"; "A NINH" -> "AN NINH").
pub fn transfer_case(original: &[&str], replacement: &str) -> String {
    let cases: Vec<Case> = original.iter().map(|w| case_of(w)).collect();
    // A phrase in capitals throughout keeps capitals even on one-letter syllables ("A NINH").
    let all_upper = cases.len() > 1
        && original
            .iter()
            .all(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
    replacement
        .split(' ')
        .enumerate()
        .map(|(i, syllable)| {
            let case = if all_upper {
                Case::Upper
            } else {
                cases
                    .get(i)
                    .or(cases.last())
                    .copied()
                    .unwrap_or(Case::Lower)
            };
            let case = if i >= cases.len() && case == Case::Capitalized {
                Case::Lower
            } else {
                case
            };
            apply_case(syllable, case)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_letter_case_agrees_with_unicode() {
        for c in ('\u{0}'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}') {
            let expected = if c.is_uppercase() {
                Some(true)
            } else if c.is_alphabetic() {
                Some(false)
            } else {
                None
            };
            assert_eq!(letter_case(c), expected, "{c:?}");
        }
    }

    #[test]
    fn cases() {
        assert_eq!(case_of("giải"), Case::Lower);
        assert_eq!(case_of("Giải"), Case::Capitalized);
        assert_eq!(case_of("A"), Case::Capitalized);
        assert_eq!(case_of("GIẢI"), Case::Upper);
        assert_eq!(case_of("iPhone"), Case::Mixed);
    }

    #[test]
    fn case_is_carried_over_per_syllable() {
        assert_eq!(transfer_case(&["A", "ninh"], "an ninh"), "An ninh");
        assert_eq!(
            transfer_case(&["Giải", "phòng"], "giải phóng"),
            "Giải phóng"
        );
        assert_eq!(transfer_case(&["A", "NINH"], "an ninh"), "AN NINH");
        assert_eq!(transfer_case(&["phương"], "phường"), "phường");
        assert_eq!(transfer_case(&["Đ"], "đồng chí"), "Đồng chí");
    }

    #[test]
    fn the_fast_lower_case_agrees_with_unicode() {
        let letters = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴÇÑÖ";
        for c in letters.chars().chain(letters.to_lowercase().chars()) {
            let expected: String = c.to_lowercase().collect();
            assert_eq!(lower_vietnamese(c).map(String::from), Some(expected), "{c}");
        }
    }

    #[test]
    fn lowercasing_handles_vietnamese_capitals() {
        let mut buf = String::new();
        lower_into("ĐẢNG", &mut buf);
        assert_eq!(buf, "đảng");
        lower_into("UBND", &mut buf);
        assert_eq!(buf, "ubnd");
    }
}
