//! Numbered events: "Hội nghị Ban Chấp hành lần thứ 24", "Kỳ họp thứ XV", "Đại hội đại biểu
//! lần thứ VII Đảng bộ quận", with the organisation named around them.

use std::ops::Range;

use crate::analysis::sentences::sentences;
use crate::document::{BlockKind, Document};
use crate::lists::{
    EVENT_NOUNS, EVENT_ORGANISATION_WORDS, EVENT_QUALIFIERS, EVENT_STOP_WORDS, WORD_ORDINALS,
};
use crate::text::case::{Case, case_of};
use crate::text::roman;
use crate::text::tokens::TokenKind;

/// How the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    Arabic,
    Roman,
    Word,
}

/// One numbered mention of an event.
#[derive(Debug, Clone, PartialEq)]
pub struct OrdinalMention {
    /// The event noun, lower-case ("hội nghị").
    pub event: &'static str,
    /// Lower-case words naming the organisation, from around the mention.
    pub org: Vec<String>,
    pub value: u32,
    pub numeral: Numeral,
    /// The numeral's span in the text.
    pub span: Range<usize>,
    /// The "lần thứ N" span, for messages.
    pub phrase: Range<usize>,
    pub in_title: bool,
}

impl OrdinalMention {
    /// Whether two mentions can be the same event: same noun, and neither names an
    /// organisation the other does not (one's words are all among the other's).
    pub fn same_event(&self, other: &OrdinalMention) -> bool {
        self.event == other.event
            && (self.org.iter().all(|w| other.org.contains(w))
                || other.org.iter().all(|w| self.org.contains(w)))
    }

    /// The value written the same way as this mention writes its own.
    pub fn write(&self, value: u32) -> String {
        match self.numeral {
            Numeral::Roman => roman::to_roman(value),
            _ => value.to_string(),
        }
    }
}

/// Every numbered event mention in the document.
pub fn ordinal_mentions(doc: &Document) -> Vec<OrdinalMention> {
    let mut out = Vec::new();
    // A web page repeats its <title> as its <h1>: both are the headline.
    let titles: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .map(|b| doc.text[b.range.clone()].trim())
        .collect();
    for block in &doc.blocks {
        let in_title = block.kind == BlockKind::Title
            || titles.contains(&doc.text[block.range.clone()].trim());
        for sentence in sentences(doc, block) {
            // Every mention has "thứ": most sentences are passed over at this test.
            let has_thu = sentence.iter().any(|&i| {
                let t = doc.token_text(&doc.tokens[i]);
                t == "thứ" || t == "Thứ" || t == "THỨ"
            });
            if !has_thu {
                continue;
            }
            let words: Vec<String> = sentence
                .iter()
                .map(|&i| {
                    let t = &doc.tokens[i];
                    if t.kind == TokenKind::Word {
                        doc.lower(t).to_string()
                    } else {
                        String::new()
                    }
                })
                .collect();
            let event_at = |j: usize| {
                EVENT_NOUNS
                    .pairs()
                    .iter()
                    .find(|(phrase, _)| {
                        phrase.split_once(' ').is_some_and(|(first, second)| {
                            words.get(j).map(String::as_str) == Some(first)
                                && words.get(j + 1).map(String::as_str) == Some(second)
                        })
                    })
                    // A variant spelling goes by its listed name ("kì họp" → "kỳ họp").
                    .map(|&(phrase, name)| if name.is_empty() { phrase } else { name })
            };
            for j in 0..sentence.len() {
                let Some(event) = event_at(j) else { continue };
                let mut org = Vec::new();
                let mut k = j + 2;
                while k < sentence.len() && k < j + 14 {
                    if event_at(k).is_some() {
                        break;
                    }
                    let token = &doc.tokens[sentence[k]];
                    let word = words[k].as_str();
                    let (thu_at, lan) = if word == "lần"
                        && words.get(k + 1).map(String::as_str) == Some("thứ")
                    {
                        (k + 1, true)
                    } else if word == "thứ" {
                        (k, false)
                    } else {
                        (usize::MAX, false)
                    };
                    if thu_at != usize::MAX {
                        if let Some((value, numeral)) = sentence
                            .get(thu_at + 1)
                            .and_then(|&n| numeral_value(doc, n, lan))
                        {
                            let num_token = &doc.tokens[sentence[thu_at + 1]];
                            org.extend(org_after(
                                doc,
                                &sentence[thu_at + 2..],
                                &words[thu_at + 2..],
                            ));
                            org.retain(|w| !EVENT_QUALIFIERS.contains(w));
                            out.push(OrdinalMention {
                                event,
                                org,
                                value,
                                numeral,
                                span: num_token.range(),
                                phrase: token.start()..num_token.end(),
                                in_title,
                            });
                        }
                        break;
                    }
                    if token.kind != TokenKind::Word || EVENT_STOP_WORDS.contains(word) {
                        break;
                    }
                    org.push(word.to_string());
                    k += 1;
                }
            }
        }
    }
    out
}

fn numeral_value(doc: &Document, token_index: usize, after_lan: bool) -> Option<(u32, Numeral)> {
    let token = &doc.tokens[token_index];
    let text = doc.token_text(token);
    match token.kind {
        TokenKind::Number => text.parse().ok().map(|v| (v, Numeral::Arabic)),
        TokenKind::Word => {
            if let Some(v) = roman::parse(text) {
                return Some((v, Numeral::Roman));
            }
            if after_lan && case_of(text) == Case::Lower {
                return WORD_ORDINALS
                    .value(text)
                    .and_then(|v| v.parse().ok())
                    .map(|v| (v, Numeral::Word));
            }
            None
        }
        _ => None,
    }
}

/// Organisation words after the number: capitalised words, acronyms and a few lower-case
/// administrative words, up to the first other token.
fn org_after(doc: &Document, tokens: &[usize], words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (&i, word) in tokens.iter().zip(words).take(8) {
        let token = &doc.tokens[i];
        if token.kind != TokenKind::Word {
            break;
        }
        let case = doc.case(token);
        if case == Case::Lower && !EVENT_ORGANISATION_WORDS.contains(word) {
            break;
        }
        out.push(word.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(&'static str, Vec<String>, u32, bool)> {
        let doc = Document::from_text(text);
        ordinal_mentions(&doc)
            .into_iter()
            .map(|m| (m.event, m.org, m.value, m.in_title))
            .collect()
    }

    #[test]
    fn finds_events_with_their_organisation() {
        assert_eq!(
            mentions(
                "Tổ chức Hội nghị Ban Chấp hành lần thứ 24\n\nHội nghị Ban Chấp hành Đảng bộ quận lần thứ XXV họp."
            ),
            vec![
                (
                    "hội nghị",
                    vec!["ban".into(), "chấp".into(), "hành".into()],
                    24,
                    true
                ),
                (
                    "hội nghị",
                    vec![
                        "ban".into(),
                        "chấp".into(),
                        "hành".into(),
                        "đảng".into(),
                        "bộ".into(),
                        "quận".into()
                    ],
                    25,
                    false
                ),
            ]
        );
    }

    #[test]
    fn organisation_after_the_number_and_qualifiers_dropped() {
        assert_eq!(
            mentions("Kỳ họp thứ 9 HĐND quận Ba Đình. Đại hội đại biểu lần thứ VII Đảng bộ quận."),
            vec![
                (
                    "kỳ họp",
                    vec!["hđnd".into(), "quận".into(), "ba".into(), "đình".into()],
                    9,
                    false
                ),
                (
                    "đại hội",
                    vec!["đảng".into(), "bộ".into(), "quận".into()],
                    7,
                    false
                ),
            ]
        );
    }

    #[test]
    fn not_a_numbered_event() {
        assert!(mentions("Hội nghị đã thống nhất lần thứ hai.").is_empty());
        assert!(mentions("Ban Chấp hành (khóa VI) họp.").is_empty());
        assert!(mentions("Đại hội Đảng các cấp tiến tới Đại hội lần thứ VII.").len() == 1);
    }
}
