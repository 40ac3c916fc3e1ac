use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::lists::IY_CONVENTION_WORDS;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, case_of};
use crate::text::tokens::{Token, TokenKind};
use crate::text::variants::variant_key;

declare_rule! {
    /// The same word spelt two accepted ways in one document.
    ///
    /// ## What it does
    /// Groups the words that are one word in two spellings: a syllable ending in i or y
    /// after a consonant (kĩ/kỹ, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, tỉ/tỷ, công ti/công ty), and
    /// the pairs of `rules/lists/spelling-variant-pairs.txt` (giày/giầy, nảy/nẩy …). When a document uses both spellings of one word, each use of
    /// the rarer spelling is reported, with both counts and the first use of the other
    /// spelling; replacing it is offered, not applied by `--fix`. A tie says nothing: there
    /// is no majority to follow. For the syllables whose i or y is a writer's convention
    /// (kì/kỳ, kỉ/kỷ, lí/lý, mĩ/mỹ …: `rules/lists/iy-convention-words.txt`; not "bác sĩ"
    /// or "công ty", spelt one way by everyone) the document's convention is judged across
    /// words: each such word votes for the letter it is written with more often, and when
    /// one letter has more votes, a word written both ways is reported where it departs
    /// from the convention, with the votes as the reason ("kỷ luật, kỉ cương" in a document
    /// writing "quản lý"); a word written one way throughout only when it is the one word
    /// against the convention and two words keep to it. When the votes are split evenly,
    /// nothing is reported. Only words in lower case count: a capital mid-sentence is
    /// a name (Lý, Mỹ, Hoa Kỳ, Vy) and a capital at the start of a sentence may be one.
    /// Pieces of addresses, file names and hyphenated transliterations are left out.
    ///
    /// ## Why
    /// Both spellings are accepted, so neither is a mistake on its own; mixing them in one
    /// text is, and readers notice it ("kỹ thuật" in one paragraph, "kĩ thuật" in the next).
    ///
    /// ## Example
    /// ```text
    /// Đội ngũ kỹ sư rà soát kỹ hồ sơ; các kỹ thuật viên kiểm tra kĩ từng hạng mục.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Ông Lý Văn Nam, kỹ sư tại Mỹ, trình bày lí do; ông Lê Minh nêu lí lẽ của mình.
    /// ```
    pub struct SpellingVariant {
        id: "spelling-variant",
        severity: Warning,
        vi: "Cùng một từ được viết theo hai cách trong một văn bản.

## Tác dụng
Gom các từ là một từ nhưng có hai cách viết: âm tiết mở kết thúc bằng i hoặc y sau phụ âm (kĩ/kỹ, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, tỉ/tỷ, công ti/công ty) và các cặp ghi trong `rules/lists/spelling-variant-pairs.txt` (giày/giầy, nảy/nẩy…). Khi văn bản dùng cả hai cách viết của một từ, mỗi chỗ dùng cách viết ít hơn bị báo, kèm số lần của mỗi cách và chỗ đầu tiên dùng cách kia; việc thay thế chỉ được gợi ý, `--fix` không tự áp dụng. Hai cách ngang nhau thì không báo. Với các âm tiết mà việc viết i hay y là thói quen của người viết (kì/kỳ, kỉ/kỷ, lí/lý, mĩ/mỹ…: `rules/lists/iy-convention-words.txt`; không gồm “bác sĩ”, “công ty”, vốn ai cũng viết một cách), cách viết của văn bản được xét trên mọi từ: mỗi từ như vậy bầu cho chữ cái nó được viết nhiều hơn, và khi một chữ cái được nhiều phiếu hơn thì từ được viết cả hai cách bị báo ở chỗ lệch khỏi cách của văn bản, kèm số phiếu làm lý do (“kỷ luật, kỉ cương” trong văn bản viết “quản lý”); từ chỉ viết một cách thì chỉ bị báo khi nó là từ duy nhất đi ngược cách của văn bản và có ít nhất hai từ theo cách đó. Khi số phiếu ngang nhau thì không báo. Chỉ tính các từ viết thường: chữ hoa giữa câu là tên riêng (Lý, Mỹ, Hoa Kỳ, Vy), chữ hoa đầu câu cũng có thể là tên riêng. Các mảnh của địa chỉ web, tên tệp và phiên âm có gạch nối được bỏ qua.

## Vì sao
Cả hai cách viết đều được chấp nhận nên riêng mỗi cách không sai; nhưng trộn lẫn trong một văn bản là thiếu nhất quán và người đọc nhận ra ngay (“kỹ thuật” ở đoạn này, “kĩ thuật” ở đoạn sau).",
    }
}

/// A word glued to an address, a file name, a number or a hyphenated transliteration
/// (`vy.nguyen@`, `mi-li-mét`): not prose.
fn is_glued(tokens: &[Token], i: usize, text: &str) -> bool {
    let glue = |t: &Token| {
        t.kind() == TokenKind::Punct
            && matches!(
                t.text(text),
                "." | "@" | "/" | "\\" | "_" | "-" | ":" | "=" | "&" | "#" | "?" | "%"
            )
    };
    let solid = |t: &Token| matches!(t.kind(), TokenKind::Word | TokenKind::Number);
    let before = i >= 2 && glue(&tokens[i - 1]) && solid(&tokens[i - 2]);
    let after = i + 2 < tokens.len() && glue(&tokens[i + 1]) && solid(&tokens[i + 2]);
    before || after
}

/// A lower-case word that may have a variant: ends in i or y, or is one of the pairs of
/// [`variant_key`]
/// (a cheap test before the syllable is parsed).
fn may_vary(word: &str) -> bool {
    word.len() <= 8
        && word.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                'i' | 'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'y' | 'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'u'
            )
        })
        && case_of(word) == Case::Lower
}

/// The words of the document that may vary, in order.
fn candidates(doc: &Document) -> Vec<&Token> {
    // Whether each written form (an entry of the lexicon) may vary, decided at its first use.
    let mut may: Vec<Option<bool>> = vec![None; doc.lexicon.len()];
    let mut out = Vec::new();
    for block in &doc.blocks {
        let tokens = doc.block_tokens(block);
        for (i, token) in tokens.iter().enumerate() {
            if token.kind() != TokenKind::Word {
                continue;
            }
            // A word with no lexicon entry (past the most a document's tokens can point to)
            // is left out.
            let Some(memo) = may.get_mut(token.word() as usize) else {
                continue;
            };
            let varies = *memo.get_or_insert_with(|| may_vary(doc.token_text(token)));
            if varies && !is_glued(tokens, i, &doc.text) {
                out.push(token);
            }
        }
    }
    out
}

impl Rule for SpellingVariant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        // Each spelling (a written form: an entry of the lexicon): how often, and where
        // first.
        let mut seen: Vec<(usize, std::ops::Range<usize>)> = vec![(0, 0..0); doc.lexicon.len()];
        let mut spellings: Vec<u32> = Vec::new();
        let candidates = candidates(doc);
        for token in &candidates {
            let (n, first) = &mut seen[token.word() as usize];
            if *n == 0 {
                *first = token.range();
                spellings.push(token.word());
            }
            *n += 1;
        }
        let spelling = |entry: u32| &doc.text[seen[entry as usize].1.clone()];
        // The spellings of one word, grouped by their shared key.
        let mut groups: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for &entry in &spellings {
            if let Some(key) = remembered_variant_key(spelling(entry)) {
                groups.entry(key).or_default().push(entry);
            }
        }
        // Each rarer spelling: what to write instead, where the other spelling is, and why.
        // By lexicon entry; few spellings are judged, so not a slot for every entry.
        let mut minority: FxHashMap<u32, Judgement> = FxHashMap::default();
        let convention = Convention::of(doc, &groups, &seen);
        for (key, forms) in &groups {
            if let Some(convention) = &convention
                && convention.rules(key)
            {
                for &entry in forms {
                    if let Some(judgement) = convention.judge(doc, &seen, &spellings, entry) {
                        minority.insert(entry, judgement);
                    }
                }
                continue;
            }
            let [a, b] = forms[..] else {
                continue;
            };
            let (rare, major) = match seen[a as usize].0.cmp(&seen[b as usize].0) {
                std::cmp::Ordering::Equal => continue,
                std::cmp::Ordering::Greater => (b, a),
                std::cmp::Ordering::Less => (a, b),
            };
            let (n, (m, first)) = (seen[rare as usize].0, &seen[major as usize]);
            let (word, major) = (spelling(rare), spelling(major));
            minority.insert(rare, Judgement {
                write: major.to_string(),
                evidence: Some(first.clone()),
                message: Message::new(
                    format!(
                        "“{word}” ({n} lần) và “{major}” ({m} lần) là hai cách viết của cùng một từ: nên viết thống nhất “{major}”"
                    ),
                    format!(
                        "“{word}” ({n}×) and “{major}” ({m}×) spell the same word two ways: write “{major}” throughout"
                    ),
                ),
            });
        }
        for token in candidates {
            let Some(judgement) = minority.get(&token.word()) else {
                continue;
            };
            let span = token.range();
            let write = &judgement.write;
            let mut diagnostic = Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                span.clone(),
                judgement.message.clone(),
            );
            if let Some(first) = &judgement.evidence {
                diagnostic = diagnostic.with_related(
                    first.clone(),
                    Message::new(format!("“{write}” ở đây"), format!("“{write}” here")),
                );
            }
            out.push(diagnostic.with_suggestion(span, write.clone()));
        }
    }
}

/// The most spellings a thread remembers the key of before it starts afresh.
const REMEMBERED_KEYS: usize = 1 << 14;

thread_local! {
    /// This thread's [`variant_key`] of each spelling it has asked about: a folder of short
    /// documents asks about the same few hundred words in every file, and a key costs a
    /// syllable parse.
    static KEYS: RefCell<FxHashMap<Box<str>, Option<Box<str>>>> = RefCell::default();
}

/// [`variant_key`], remembered per thread.
fn remembered_variant_key(word: &str) -> Option<String> {
    KEYS.with_borrow_mut(|keys| {
        if let Some(key) = keys.get(word) {
            return key.as_deref().map(str::to_string);
        }
        if keys.len() >= REMEMBERED_KEYS {
            keys.clear();
        }
        let key = variant_key(word);
        keys.insert(word.into(), key.as_deref().map(Box::from));
        key
    })
}

/// What a reported spelling should be, the place the other spelling is used, and why.
#[derive(Clone)]
struct Judgement {
    write: String,
    evidence: Option<std::ops::Range<usize>>,
    message: Message,
}

/// i with each tone, and y with the same tone at the same index.
const I_FORMS: [char; 6] = ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'];
const Y_FORMS: [char; 6] = ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];

/// A word spelt with a final i or y that the other letter can replace (kĩ/kỹ, lí/lý):
/// both spellings, i first. `None` for any other word (and for the pairs of the list).
fn i_and_y(key: &str) -> Option<(String, String)> {
    let last = key.chars().next_back()?;
    let at = I_FORMS.iter().position(|&c| c == last)?;
    let stem = &key[..key.len() - last.len_utf8()];
    Some((key.to_string(), format!("{stem}{}", Y_FORMS[at])))
}

/// The document's convention for i and y, told by the words whose spelling is a matter of
/// convention (`rules/lists/iy-convention-words.txt`): each such word votes for the letter
/// it is written with more often. A
/// convention holds when one letter has more votes than the other.
struct Convention {
    y: bool,
    /// The words voting for it (a spelling each, where first written), and how many vote
    /// against.
    voters: Vec<(String, std::ops::Range<usize>)>,
    against: usize,
    /// The keys of the words whose spelling is a convention.
    conventional: Vec<String>,
}

impl Convention {
    fn of(
        doc: &Document,
        groups: &FxHashMap<String, Vec<u32>>,
        seen: &[(usize, std::ops::Range<usize>)],
    ) -> Option<Convention> {
        let (mut y_voters, mut i_voters, mut conventional) = (Vec::new(), Vec::new(), Vec::new());
        let mut keys: Vec<&String> = groups.keys().collect();
        // Each key's first use worked out once, not at every comparison.
        keys.sort_by_cached_key(|k| groups[*k].iter().map(|&e| seen[e as usize].1.start).min());
        for key in keys {
            let Some((i, y)) = i_and_y(key) else {
                continue;
            };
            if !IY_CONVENTION_WORDS.contains(&i) {
                continue;
            }
            conventional.push(key.clone());
            let uses = |form: &str| {
                groups[key]
                    .iter()
                    .filter(|&&e| doc.text[seen[e as usize].1.clone()].to_lowercase() == form)
                    .map(|&e| seen[e as usize].0)
                    .sum::<usize>()
            };
            let first = |form: &str| {
                groups[key]
                    .iter()
                    .find(|&&e| doc.text[seen[e as usize].1.clone()].to_lowercase() == form)
                    .map_or(0..0, |&e| seen[e as usize].1.clone())
            };
            let (ni, ny) = (uses(&i), uses(&y));
            match ny.cmp(&ni) {
                std::cmp::Ordering::Greater => {
                    let at = first(&y);
                    y_voters.push((y, at));
                }
                std::cmp::Ordering::Less => {
                    let at = first(&i);
                    i_voters.push((i, at));
                }
                std::cmp::Ordering::Equal => {}
            }
        }
        let (y, voters, against) = match y_voters.len().cmp(&i_voters.len()) {
            std::cmp::Ordering::Equal => return None,
            std::cmp::Ordering::Greater => (true, y_voters, i_voters.len()),
            std::cmp::Ordering::Less => (false, i_voters, y_voters.len()),
        };
        Some(Convention {
            y,
            voters,
            against,
            conventional,
        })
    }

    /// Whether the convention decides the spellings of the word with this variant key.
    fn rules(&self, key: &str) -> bool {
        self.conventional.iter().any(|k| k == key)
    }

    /// The finding on a spelling that does not keep to the convention; `spellings` are the
    /// entries of `seen` the document uses (the others are never counted).
    fn judge(
        &self,
        doc: &Document,
        seen: &[(usize, std::ops::Range<usize>)],
        spellings: &[u32],
        entry: u32,
    ) -> Option<Judgement> {
        let (n, span) = &seen[entry as usize];
        let word = &doc.text[span.clone()];
        let (i, y) = i_and_y(&variant_key(word)?)?;
        let written_y = word == y;
        if written_y == self.y {
            return None;
        }
        let write = if self.y { y } else { i };
        let letter = if self.y { "y" } else { "i" };
        let shown: Vec<&str> = self.voters.iter().map(|v| v.0.as_str()).take(4).collect();
        let voters = shown.join(", ");
        // The same word written the document's way, or else the first word that is. One
        // entry at most is written `write` (an entry is a written form), so the used ones
        // are searched, not the whole lexicon.
        let written = spellings
            .iter()
            .map(|&e| &seen[e as usize])
            .find(|(_, at)| doc.text[at.clone()] == write);
        let evidence = written
            .map(|(_, at)| at.clone())
            .or_else(|| self.voters.first().map(|v| v.1.clone()));
        let count = self.voters.len();
        let (against_vi, against_en) = match self.against {
            0 => (
                "không từ nào viết cách kia".to_string(),
                "none the other way".to_string(),
            ),
            n => (
                format!("cách kia ở {n} từ"),
                format!("the other letter in {n}"),
            ),
        };
        // The same word also written the document's way: both counts.
        let same_word = written.map_or(0, |(m, _)| *m);
        // A word written one way throughout is the writer's choice unless it is the only
        // word of the document against the convention, and two words keep to it.
        if same_word == 0 && (self.against > 1 || self.voters.len() < 2) {
            return None;
        }
        let (also_vi, also_en) = if same_word > 0 {
            (
                format!(" và “{write}” ({same_word} lần) là hai cách viết của cùng một từ;"),
                format!(" and “{write}” ({same_word}×) spell the same word two ways;"),
            )
        } else {
            (
                " viết khác cách của văn bản:".to_string(),
                " is not spelt the document's way:".to_string(),
            )
        };
        Some(Judgement {
            evidence,
            message: Message::new(
                format!(
                    "“{word}” ({n} lần){also_vi} văn bản viết “{letter}” ở {count} từ có hai cách viết ({voters}), {against_vi}; nên viết “{write}”"
                ),
                format!(
                    "“{word}” ({n}×){also_en} the document writes “{letter}” in {count} words spelt either way ({voters}), {against_en}; write “{write}”"
                ),
            ),
            write,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{REMEMBERED_KEYS, SpellingVariant, remembered_variant_key};
    use crate::rules::testing::{check, fixed, flagged, flags_each, silent};
    use crate::text::variants::variant_key;

    #[test]
    fn a_remembered_key_is_the_key_before_and_after_the_memory_fills() {
        let words = ["kỹ", "kĩ", "tỷ", "giầy", "giày", "ty", "mai", "thủy", "quý"];
        for round in 0..2 {
            for word in words {
                assert_eq!(
                    remembered_variant_key(word),
                    variant_key(word),
                    "{word} {round}"
                );
            }
        }
        for n in 0..REMEMBERED_KEYS + 10 {
            remembered_variant_key(&format!("x{n}"));
        }
        for word in words {
            assert_eq!(remembered_variant_key(word), variant_key(word), "{word}");
        }
    }

    #[test]
    fn fails_on_mixed_spellings() {
        flags_each(
            &SpellingVariant,
            &[
                ("Kiểm tra kỹ, rà soát kỹ và ghi chép kĩ.", &["kĩ"]),
                ("Bác sĩ trực, bác sĩ khám và bác sỹ kê đơn.", &["sỹ"]),
                ("Thu 12 tỷ đồng, chi 9 tỷ đồng, còn 3 tỉ đồng.", &["tỉ"]),
                ("Công ty A, công ty B và công ti C.", &["ti"]),
                (
                    "Quỹ phúc lợi, quỹ khen thưởng, quỹ dự phòng và quĩ khác.",
                    &["quĩ"],
                ),
                ("Mua giày, bán giày, sửa giầy.", &["giầy"]),
            ],
        );
    }

    #[test]
    fn silent_on_names_ties_and_addresses() {
        silent(
            &SpellingVariant,
            &[
                "Ông Lý Văn Nam nêu lí do.",
                "Đoàn công tác sang Mỹ học mĩ thuật.",
                "Kỹ sư và kĩ thuật viên.",
                "Quy định về quy trình, quy chế.",
                "Liên hệ vy.nguyen@caugiay.gov.vn hoặc chị Vy; vi phạm sẽ bị xử lý, xử lý nghiêm.",
                "Đơn vị đo mi-li-mét; lông mi.",
                "Hoa Kỳ và nhiệm kì; kì họp, kì thi.",
            ],
        );
    }

    #[test]
    fn the_documents_i_or_y_convention_decides_across_words() {
        flags_each(
            &SpellingVariant,
            &[
                ("Tăng cường kỷ luật, kỉ cương; quản lý và lý luận.", &["kỉ"]),
                ("Kỹ sư, quản lý, kỳ họp và mĩ thuật.", &["mĩ"]),
                ("Kĩ năng, lí luận, kì họp và kỹ thuật.", &["kỹ"]),
            ],
        );
        silent(
            &SpellingVariant,
            &[
                // Split evenly: no convention.
                "Kỹ năng và lí luận.",
                "Tăng cường kỷ luật, kỉ cương.",
                // "sĩ" is written with i whatever the convention.
                "Bác sĩ, chiến sĩ, quản lý và kỹ thuật.",
            ],
        );
        let text = "Tăng cường kỷ luật, kỉ cương; quản lý và lý luận.";
        let d = &check(&SpellingVariant, text)[0];
        assert!(
            d.message.vi.contains("văn bản viết “y” ở 1 từ"),
            "{}",
            d.message.vi
        );
        assert!(d.message.en.contains("(lý)"), "{}", d.message.en);
        assert_eq!(&text[d.related[0].span.clone()], "kỷ");
        assert_eq!(d.suggestions[0].replacement, "kỷ");
    }

    #[test]
    fn reports_each_minority_use_with_the_majority_spelling() {
        let text = "Kiểm tra kỹ, rà soát kỹ và ghi chép kĩ.";
        assert_eq!(flagged(&SpellingVariant, text), vec!["kĩ"]);
        let d = &check(&SpellingVariant, text)[0];
        assert_eq!(&text[d.related[0].span.clone()], "kỹ");
        assert!(d.message.en.contains("(1×)") && d.message.en.contains("(2×)"));
        assert!(!d.suggestions[0].safe);
        assert_eq!(
            fixed(&SpellingVariant, text),
            "Kiểm tra kỹ, rà soát kỹ và ghi chép kỹ."
        );
    }
}
