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

/// The most distinct forms a thread remembers before it starts afresh (at the start of a
/// document: one document's forms are all remembered while it is read).
const REMEMBERED_FORMS: usize = 1 << 16;

/// A form this thread has analysed, and its entry in the document being read.
struct Remembered {
    analysis: Analysis,
    /// The document that last gave the form an entry ([`Memory::document`]).
    document: u32,
    entry: u32,
}

/// This thread's analysed forms, across documents: a folder of short press releases
/// repeats the same few thousand words from file to file. One table serves both to
/// recall a form's analysis and to find its entry in the current document, so a word
/// costs one lookup and no table is built per document.
#[derive(Default)]
struct Memory {
    /// Where each form is in `remembered`.
    forms: FxHashMap<Box<str>, u32>,
    remembered: Vec<Remembered>,
    /// Counts the documents read; an entry stamped with another number is stale.
    document: u32,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::default();
}

fn analyse(form: &str, lower: &mut String) -> Analysis {
    lower_into(form, lower);
    (
        Arc::from(lower.as_str()),
        case_of(form),
        syllable::parse(form),
    )
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
        MEMORY.with_borrow_mut(|memory| {
            memory.document = memory.document.wrapping_add(1);
            if memory.forms.len() >= REMEMBERED_FORMS || memory.document == 0 {
                // Full, or the count came round: stamps of old documents could match.
                memory.forms.clear();
                memory.remembered.clear();
                memory.document = 1;
            }
            let document = memory.document;
            let mut words = Vec::new();
            let mut lower = String::new();
            for token in tokens.iter_mut().filter(|t| t.is_word()) {
                let form = &text[token.range()];
                let at = match memory.forms.get(form) {
                    Some(&at) => at,
                    None => {
                        let at = u32::try_from(memory.remembered.len())
                            .expect("fewer than 2^32 remembered forms");
                        memory.remembered.push(Remembered {
                            analysis: analyse(form, &mut lower),
                            document: 0,
                            entry: 0,
                        });
                        memory.forms.insert(form.into(), at);
                        at
                    }
                };
                let known = &mut memory.remembered[at as usize];
                if known.document != document {
                    if words.len() >= max_words() {
                        // Past the most entries a token can point to: the word has none.
                        continue;
                    }
                    let (lower, case, syllable) = &known.analysis;
                    known.document = document;
                    known.entry =
                        u32::try_from(words.len()).expect("fewer than 2^32 distinct words");
                    words.push(WordInfo {
                        lower: lower.clone(),
                        case: *case,
                        syllable: *syllable,
                    });
                }
                token.set_word(known.entry);
            }
            Lexicon { words }
        })
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
