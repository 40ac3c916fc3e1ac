//! The distinct words of a document, each analysed once: most words of a text are repeats
//! ("của", "và", "các"), so the rules ask the lexicon for a word's lower case or its
//! reading as a syllable instead of working it out again at every occurrence.

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::text::case::{Case, case_of, lower_into};
use crate::text::syllable::{self, IllFormed, Syllable};
use crate::text::tokens::Token;

/// One distinct written form (case kept: "Hòa" and "hòa" are two entries).
#[derive(Debug)]
pub struct WordInfo {
    /// The form in lower case (shared with this thread's memory of the form).
    pub lower: Arc<str>,
    /// How the form is capitalised.
    pub case: Case,
    /// The form read as a Vietnamese syllable, or why it is not one.
    pub syllable: Result<Syllable, IllFormed>,
}

/// A form's lower case, capitalisation and syllable reading.
type Analysis = (Arc<str>, Case, Result<Syllable, IllFormed>);

/// The most distinct forms a thread remembers before it starts afresh.
const REMEMBERED_FORMS: usize = 1 << 16;

thread_local! {
    /// Forms already analysed by this thread, across documents: a folder of short press
    /// releases repeats the same few thousand words from file to file.
    static ANALYSED: RefCell<FxHashMap<Box<str>, Analysis>> = RefCell::default();
}

/// A written form's lower case, capitalisation and syllable reading, from this thread's
/// memory when it has met the form before (`lower` is scratch room).
fn analysed(form: &str, lower: &mut String) -> Analysis {
    ANALYSED.with_borrow_mut(|memory| {
        if let Some(known) = memory.get(form) {
            return known.clone();
        }
        if memory.len() >= REMEMBERED_FORMS {
            memory.clear();
        }
        lower_into(form, lower);
        let analysis = (
            Arc::from(lower.as_str()),
            case_of(form),
            syllable::parse(form),
        );
        memory.insert(form.into(), analysis.clone());
        analysis
    })
}

/// The most entries a lexicon holds: [`Token::MAX_WORDS`], smaller in a test that shows
/// what happens past it.
fn max_words() -> usize {
    #[cfg(test)]
    if let Some(n) = tests::MAX_WORDS.get() {
        return n;
    }
    Token::MAX_WORDS
}

/// The words of a document; a word token's [`Token::word`] indexes it.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: Vec<WordInfo>,
}

impl Lexicon {
    /// Interns every word token of `tokens` (slices of `text`) and sets its index.
    pub fn build(text: &str, tokens: &mut [Token]) -> Lexicon {
        // Sized for a short document's forms (about one distinct form in four tokens, so
        // the table of a press release is not grown three times); a long one's grow far
        // slower than its tokens, and a table sized by the tokens would be touched all
        // over (a few forms on every page) for nothing.
        let mut index: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(
            (tokens.len() / 4).min(1 << 15),
            Default::default(),
        );
        let mut words = Vec::new();
        let mut lower = String::new();
        for token in tokens.iter_mut().filter(|t| t.is_word()) {
            let form = &text[token.range()];
            if index.len() >= max_words() && !index.contains_key(form) {
                // Past the most entries a token can point to: the word has none.
                continue;
            }
            let word = *index.entry(form).or_insert_with(|| {
                let (lower, case, syllable) = analysed(form, &mut lower);
                words.push(WordInfo {
                    lower,
                    case,
                    syllable,
                });
                u32::try_from(words.len() - 1).expect("fewer than 2^32 distinct words")
            });
            token.set_word(word);
        }
        Lexicon { words }
    }

    /// The analysis of a word token; `None` for any other token.
    pub fn get(&self, token: &Token) -> Option<&WordInfo> {
        self.words.get(usize::try_from(token.word()).ok()?)
    }

    /// How many distinct written forms the document has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    use crate::document::Document;
    use crate::text::case::{case_of, lower_into};
    use crate::text::syllable;

    thread_local! {
        /// A smaller cap on a lexicon's entries, for this thread (see the engine's test of a
        /// document past the cap).
        pub(crate) static MAX_WORDS: Cell<Option<usize>> = const { Cell::new(None) };
    }

    #[test]
    fn each_word_token_gets_the_analysis_of_its_own_text() {
        let doc = Document::from_text(
            "Hòa và hoà, HÒA và nghành; UBND quận Cầu Giấy, Napoléon, 12 phường và 2 phương.",
        );
        let mut lower = String::new();
        let mut words = 0;
        for token in &doc.tokens {
            let info = doc.lexicon.get(token);
            if !token.is_word() {
                assert!(info.is_none(), "{:?}", doc.token_text(token));
                continue;
            }
            words += 1;
            let text = doc.token_text(token);
            let info = info.expect("a word has an entry");
            lower_into(text, &mut lower);
            assert_eq!(&*info.lower, lower, "{text}");
            assert_eq!(info.case, case_of(text), "{text}");
            assert_eq!(info.syllable, syllable::parse(text), "{text}");
        }
        assert_eq!(words, 14);
        // "và" is written three times: one entry; "Hòa", "hoà" and "HÒA" are three.
        assert_eq!(doc.lexicon.len(), 12);
    }
}
