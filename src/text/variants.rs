//! Words written two accepted ways: the open syllables in i or y after a consonant (kĩ/kỹ,
//! lí/lý, quí/quý) and a few pairs (giày/giầy, nảy/nẩy). Both spellings are right; mixing
//! them in one document is `spelling-variant`'s finding, and another rule must not take one
//! for a slip of the other.

use crate::lists::SPELLING_VARIANT_PAIRS;
use crate::text::syllable::{self, Nucleus, Onset};

/// i with each tone, and y with the same tone at the same index.
const I_FORMS: [char; 6] = ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'];
const Y_FORMS: [char; 6] = ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];

/// The key shared by both spellings of a word (the i spelling, or the first of a pair of
/// `rules/lists/spelling-variant-pairs.txt`), for a lower-case word that has a variant;
/// `None` otherwise.
pub fn variant_key(lower: &str) -> Option<String> {
    let last = lower.chars().next_back()?;
    if I_FORMS.contains(&last) || Y_FORMS.contains(&last) {
        let open_i = syllable::parse(lower).is_ok_and(|s| {
            matches!(s.nucleus, Nucleus::I | Nucleus::Y)
                && s.coda == syllable::Coda::None
                && !matches!(s.onset, Onset::None | Onset::Gi)
                && (!s.medial || s.onset == Onset::Qu)
        });
        if open_i {
            let stem = &lower[..lower.len() - last.len_utf8()];
            let i = Y_FORMS
                .iter()
                .position(|&y| y == last)
                .map_or(last, |at| I_FORMS[at]);
            // "qu" + i: the glide is written u either way (quí, quý).
            return Some(format!("{stem}{i}"));
        }
    }
    SPELLING_VARIANT_PAIRS
        .pairs()
        .iter()
        .find(|(a, b)| *a == lower || *b == lower)
        .map(|(a, _)| (*a).to_string())
}

#[cfg(test)]
mod tests {
    use super::variant_key;

    #[test]
    fn keys_join_the_two_spellings() {
        for (a, b) in [
            ("kĩ", "kỹ"),
            ("lí", "lý"),
            ("quí", "quý"),
            ("sĩ", "sỹ"),
            ("tỉ", "tỷ"),
            ("ti", "ty"),
            ("giày", "giầy"),
        ] {
            assert_eq!(variant_key(a), variant_key(b), "{a}/{b}");
            assert!(variant_key(a).is_some(), "{a}");
        }
        for word in ["y", "ý", "gì", "thủy", "tuy", "kính", "mai", "ly0"] {
            assert_eq!(variant_key(word), None, "{word}");
        }
    }
}
