//! Enumerations a count announces: the items after "gồm", "là", ":" or "(" in running text
//! ("3 giải pháp: A, B và C"), the names right after a place noun ("3 xã Tri Lễ, Nậm Giải
//! và Hạnh Dịch"), and the list lines after a paragraph that ends with a colon.
//!
//! Items are told apart by "," ";" "và" "hoặc" outside brackets and quotes, and the same
//! text can be read more than one way ("phòng cháy, chữa cháy" is one item; "và" may join
//! two items or sit inside one). So an enumeration carries the fewest and the most items
//! any plausible reading gives, and a count is contradicted only outside that range.

use std::ops::Range;

use crate::analysis::cursor::Cursor;
use crate::analysis::figures::FigureAt;
use crate::document::{Block, BlockKind, Document};
use crate::lists::{MEASURE_UNITS, NAMED_COUNT_NOUNS, OPEN_LIST_WORDS, PERIOD_NOUNS, ROLE_WORDS};
use crate::text::case::Case;
use crate::text::tokens::TokenKind;

/// Tokens looked back from the introducer for the count (its noun phrase, a time phrase).
const MAX_COUNT_DISTANCE: usize = 14;

/// Words that open a clause of their own between a count and an introducer ("12 xã với
/// tổng diện tích ... là 1.479 km²"): the introducer is not the count's.
const CLAUSE_WORDS: &[&str] = &["với", "tổng"];

/// The largest count taken to announce items one by one.
const MAX_ITEMS: f64 = 30.0;

/// A segment this short (in words) next to long ones is half of a pair ("phòng cháy, chữa
/// cháy", "đưa chó, mèo đi tiêm"), not an item of its own.
const FRAGMENT_WORDS: usize = 2;
const LONG_ITEM_WORDS: usize = 4;

/// Items this short ("bóng đá, cầu lông") hold no pair of their own.
const SHORT_ITEM_WORDS: usize = 3;

/// A count and the items that follow it.
#[derive(Debug, Clone)]
pub struct Enumeration {
    pub count: FigureAt,
    /// The counted noun as written ("giải pháp trọng tâm").
    pub noun: String,
    /// The items under the widest reading, as byte ranges.
    pub items: Vec<Range<usize>>,
    /// The fewest and the most items a plausible reading gives.
    pub fewest: usize,
    pub most: usize,
    /// Whether the fewest can be trusted: names, short items or semicolons. A comma also
    /// joins the halves of a pair inside a long item ("kiểm tra, giám sát năm 2025"), so a
    /// list of long phrases is only known to have at most `most` items.
    pub strict: bool,
}

impl Enumeration {
    /// Whether the count cannot be the number of items under any reading.
    pub fn contradicted(&self) -> bool {
        let n = self.count.figure.value as usize;
        n < self.fewest && self.strict || n > self.most
    }
}

/// How the items are introduced.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Intro {
    Colon,
    Include,
    Copula,
    Bracket,
    /// Names right after the count's noun ("3 xã Tri Lễ, ...").
    Names,
}

/// Whether the word at `k` (with the next one) leaves a list open or makes it examples.
pub fn opens_list(c: &Cursor<'_>, k: usize) -> bool {
    c.word(k).is_some_and(|w| {
        OPEN_LIST_WORDS.contains(w)
            || c.word(k + 1)
                .is_some_and(|next| OPEN_LIST_WORDS.contains_pair(w, next))
    })
}

/// Whether the figure at `k` begins a code glued to letters ("12A1", "10A5"): a name.
fn is_code(c: &Cursor<'_>, k: usize) -> bool {
    c.kind(k + 1) == Some(TokenKind::Word) && c.touching(k)
}

/// Whether the figure at `k` is glued to the token before it ("Covid-19", "F0"): a name.
pub fn is_glued_figure(c: &Cursor<'_>, k: usize) -> bool {
    k > 0 && c.touching(k - 1)
}

/// Whether the figure at `k` is part of a time expression ("6 tháng", "năm 2025", "12/5").
pub fn is_time_figure(c: &Cursor<'_>, k: usize) -> bool {
    let after = c.word(k + 1);
    let before = k.checked_sub(1).and_then(|j| c.word(j));
    after.is_some_and(|w| PERIOD_NOUNS.contains(w))
        || before.is_some_and(|w| PERIOD_NOUNS.contains(w))
        || c.is_punct(k + 1, "/")
        || k > 0 && c.is_punct(k - 1, "/")
        || c.year(k).is_some()
}

/// The count governing an introducer at `intro`: the nearest figure before it, over its noun
/// phrase and any time expression, that counts items ("4 giải pháp trọng tâm trong 6
/// tháng cuối năm 2025:").
fn governing_count(c: &Cursor<'_>, intro: usize, max: usize, words: bool) -> Option<usize> {
    let first = intro.saturating_sub(max);
    for k in (first..intro).rev() {
        match c.kind(k)? {
            // A time, or a percentage describing the noun ("có tỷ lệ ... trên 35%").
            TokenKind::Number if is_time_figure(c, k) || c.is_punct(k + 1, "%") => {}
            TokenKind::Punct if c.is_punct(k, "%") => {}
            // The count's noun stands between it and the introducer.
            TokenKind::Number => return (k + 1 < intro && is_item_count(c, k)).then_some(k),
            // "hai năm tới": a time in words.
            TokenKind::Word
                if c.count_in_words(k).is_some()
                    && c.word(k + 1).is_some_and(|w| PERIOD_NOUNS.contains(w)) => {}
            // "ba thôn ... là", "mười hai tập thể:": a count in words.
            TokenKind::Word if words && is_words_item_count(c, k) => {
                return (k + 1 < intro && is_words_item_count(c, k)).then_some(k);
            }
            TokenKind::Word => {
                let w = c.word(k)?;
                // "như" before the items makes them examples, "trong đó" a part; "như sau"
                // only announces what follows.
                if w == "như" && c.word(k + 1) != Some("sau")
                    || w != "như" && opens_list(c, k)
                    || w == "trong" && matches!(c.word(k + 1), Some("đó" | "số"))
                    || w == "gồm" && k + 1 < intro
                    || CLAUSE_WORDS.contains(&w)
                {
                    return None;
                }
            }
            _ if c.is_punct(k, "-") || c.is_punct(k, "–") => {}
            _ => return None,
        }
    }
    None
}

/// Whether the figure at `k` can count items: a whole number from 2 on, followed by a
/// lower-case noun that is not a unit of measure, and not a label ("thôn 3", "số 2").
fn is_item_count(c: &Cursor<'_>, k: usize) -> bool {
    let Some(f) = c.figure(k) else {
        return false;
    };
    let noun = c.word(k + 1);
    // "thôn 3", "Kỳ họp thứ 3": a label; "Cả 3 chỉ tiêu" opens a sentence.
    let label = k > 0
        && (c.kind(k - 1) == Some(TokenKind::Word)
            && c.doc.case(c.token(k - 1)) != Case::Lower
            && !c.opens_sentence(k - 1)
            || c.word(k - 1).is_some_and(|w| w == "số" || w == "thứ")
            || c.touching(k - 1));
    f.decimals == 0
        && !f.ambiguous
        && (2.0..=MAX_ITEMS).contains(&f.value)
        && !label
        && noun.is_some_and(|w| !MEASURE_UNITS.contains(w))
        && c.doc.case(c.token(k + 1)) == Case::Lower
}

/// Whether the count in words ending at `k` can count items: lower case (or opening its
/// sentence), at most [`MAX_ITEMS`], before a lower-case noun that is not a unit.
fn is_words_item_count(c: &Cursor<'_>, k: usize) -> bool {
    let Some(f) = c.count_in_words(k) else {
        return false;
    };
    let first = (0..=k)
        .rev()
        .find(|&j| c.token(j).start() == f.span.start)
        .unwrap_or(k);
    let lower = c.doc.case(c.token(first)) == Case::Lower || c.opens_sentence(first);
    lower
        && f.figure.value <= MAX_ITEMS
        && c.word(k + 1)
            .is_some_and(|w| !MEASURE_UNITS.contains(w) && !PERIOD_NOUNS.contains(w))
        && c.doc.case(c.token(k + 1)) == Case::Lower
}

/// What separates two segments.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sep {
    Comma,
    Semicolon,
    And,
}

/// One segment between separators: its token range and word count.
#[derive(Clone, Debug)]
struct Segment {
    tokens: Range<usize>,
    words: usize,
    /// The separator before it (none for the first).
    after: Option<Sep>,
}

/// The segments from `from` to the end of the list: a sentence end, the closing bracket of
/// a bracketed list, or the block's end. `None` when the list is open or not a list.
fn segments(c: &Cursor<'_>, from: usize, bracketed: bool) -> Option<Vec<Segment>> {
    let mut out: Vec<Segment> = Vec::new();
    let mut depth = 0usize;
    let mut quoted = false;
    let mut start = from;
    let mut words = 0usize;
    let mut after = None;
    let mut k = from;
    let close = |out: &mut Vec<Segment>, start: usize, end: usize, words: usize, after| {
        if end > start {
            out.push(Segment {
                tokens: start..end,
                words,
                after,
            });
        }
    };
    while k < c.len() {
        let text = c.text(k);
        match c.kind(k) {
            Some(TokenKind::Punct) => {
                let top = depth == 0 && !quoted;
                match text {
                    "(" | "[" => depth += 1,
                    ")" | "]" if depth > 0 => depth -= 1,
                    ")" | "]" if bracketed => break,
                    "\"" => quoted = !quoted,
                    "“" => quoted = true,
                    "”" => quoted = false,
                    "." | "!" | "?" if top => break,
                    "…" | "..." => return None,
                    ":" if top => return None,
                    "," | ";" if top => {
                        close(&mut out, start, k, words, after);
                        // ", và": the comma and the conjunction are one separator.
                        after = Some(if text == ";" {
                            Sep::Semicolon
                        } else {
                            Sep::Comma
                        });
                        start = k + 1;
                        words = 0;
                    }
                    _ => {}
                }
            }
            Some(TokenKind::Word) => {
                let w = c.word(k).unwrap_or("");
                if w == "vv" || w == "v.v" {
                    return None;
                }
                if depth == 0 && !quoted && (w == "và" || w == "hoặc") {
                    if k > start {
                        close(&mut out, start, k, words, after);
                    }
                    after = Some(Sep::And);
                    start = k + 1;
                    words = 0;
                } else if depth == 0 && !quoted && w == "trong" && c.word(k + 1) == Some("đó") {
                    break;
                } else {
                    words += 1;
                }
            }
            _ => words += 1,
        }
        k += 1;
    }
    close(&mut out, start, k, words, after);
    Some(out)
}

/// The fewest and the most items of a run of segments.
fn reading(segments: &[Segment], names: bool) -> (usize, usize) {
    let most = segments.len();
    let semicolons = segments
        .iter()
        .filter(|s| s.after == Some(Sep::Semicolon))
        .count();
    let commas = segments
        .iter()
        .filter(|s| s.after == Some(Sep::Comma))
        .count();
    // "và" separates for certain only after the last comma or semicolon ("A, B và C").
    let last_mark = segments
        .iter()
        .rposition(|s| matches!(s.after, Some(Sep::Comma | Sep::Semicolon)));
    let final_and = segments
        .iter()
        .enumerate()
        .any(|(i, s)| s.after == Some(Sep::And) && last_mark.is_none_or(|m| i > m));
    if semicolons > 0 {
        // Semicolons part the items; a comma is then inside one ("vải vóc, may mặc"), and a
        // final "và" may part the last two or sit inside the last ("đoàn viên, thanh niên và
        // sinh viên").
        let n = 1 + semicolons;
        return (n.min(most), (n + usize::from(final_and)).min(most));
    }
    let fewest = {
        let long = !names && segments.iter().any(|s| s.words >= LONG_ITEM_WORDS);
        // Half of a pair before a comma, among long items, joins the next segment.
        let fragments = if long {
            segments
                .windows(2)
                .filter(|w| w[0].words <= FRAGMENT_WORDS && w[1].after == Some(Sep::Comma))
                .count()
        } else {
            0
        };
        (1 + commas + usize::from(final_and)).saturating_sub(fragments)
    };
    (fewest.max(1).min(most), most)
}

/// The enumeration read from `items_from` for the count at `count_at`.
fn enumeration(
    c: &Cursor<'_>,
    count_at: usize,
    noun_end: usize,
    items_from: usize,
    intro: Intro,
) -> Option<Enumeration> {
    // "gồm các thành viên ...", "một số ...": a kind of item, not the items.
    if opens_list(c, items_from)
        || matches!(c.word(items_from), Some("một" | "các" | "những"))
        || c.kind(items_from) == Some(TokenKind::Number) && !is_code(c, items_from)
    {
        return None;
    }
    let all = segments(c, items_from, intro == Intro::Bracket)?;
    if all.len() < 2 {
        return None;
    }
    // A list is closed by a conjunction or by semicolons; a bare run of commas may go on
    // into a clause of its own, except inside brackets, which close it. After a colon, a
    // bare run to the sentence's end ("3 việc: A, B, C.") is read too, but only as the
    // most items there are (its last segment may be a clause of its own).
    let bare = !all
        .iter()
        .any(|s| matches!(s.after, Some(Sep::And | Sep::Semicolon)));
    // The sentence ends there, and not with dots that leave the list open ("Cờ tướng...").
    let to_end = all.last().is_some_and(|s| {
        let end = s.tokens.end;
        end >= c.len() || matches!(c.punct(end), Some("." | "!" | "?")) && !c.is_punct(end + 1, ".")
    });
    // Figures in a bare run make it a breakdown ("Vàng 7, Bạc 8"), read elsewhere.
    let figures = all.iter().any(|s| {
        s.tokens
            .clone()
            .any(|k| c.kind(k) == Some(TokenKind::Number))
    });
    // "Op. 25 các cung:": a figure before "các" or "những" counts nothing of the list.
    let counted = !matches!(c.word(count_at + 1), Some("các" | "những"));
    if intro != Intro::Bracket && bare && !(intro == Intro::Colon && to_end && !figures && counted)
    {
        return None;
    }
    // The last item leaves the list open: "và các xã khác", "và nhiều ...".
    let last = all.last()?;
    let last_word = (last.tokens.clone()).rev().find_map(|k| c.word(k));
    if last_word == Some("khác")
        || opens_list(c, last.tokens.start)
        || c.word(last.tokens.start) == Some("các")
    {
        return None;
    }
    // A count in words is trusted only for a list closed by a conjunction, with no
    // semicolons, whose items do not open with a count in words themselves ("ba giải: hai
    // giải ... và giải ...").
    if c.figure_at(count_at).is_none()
        && (bare
            || all.iter().any(|s| s.after == Some(Sep::Semicolon))
            || all
                .iter()
                .any(|s| c.count_in_words(s.tokens.start).is_some()))
    {
        return None;
    }
    let starts_with_figure = |s: &Segment| {
        c.kind(s.tokens.start) == Some(TokenKind::Number) && !is_code(c, s.tokens.start)
    };
    // Figures first: a breakdown ("55 đại biểu: 30 nam và 25 nữ"), read elsewhere.
    if all.iter().filter(|s| starts_with_figure(s)).count() * 2 > all.len() {
        return None;
    }
    let capitalised = |s: &Segment| {
        let k = s.tokens.start;
        c.kind(k) == Some(TokenKind::Word) && c.doc.case(c.token(k)) != Case::Lower
            || c.kind(k) == Some(TokenKind::Number) && is_code(c, k)
            || c.is_punct(k, "“")
            || c.is_punct(k, "\"")
    };
    // A person's office after the name ("An, Chủ tịch xã"): commas do not part people.
    let role = |s: &Segment| {
        capitalised(s)
            && c.word(s.tokens.start)
                .is_some_and(|w| ROLE_WORDS.contains(w))
    };
    let names = all.iter().all(capitalised) && !all.iter().any(role);
    if matches!(intro, Intro::Names | Intro::Bracket) && !names {
        return None;
    }
    // After "là" a lower-case phrase may be a predicate ("3 xã là nơi ..."): only a run of
    // names, or a list with a comma as well as a conjunction, is taken as the items.
    if intro == Intro::Copula && !names && !all.iter().any(|s| s.after == Some(Sep::Comma)) {
        return None;
    }
    // Readings: to the list's end, and (when a comma follows the conjunction) to that
    // comma, after which a clause of its own may run ("A, B và C, góp phần ...").
    let mut fewest = usize::MAX;
    let mut most = 0;
    let cut = all
        .iter()
        .position(|s| s.after == Some(Sep::And))
        .and_then(|and| {
            all.iter()
                .skip(and + 1)
                .position(|s| matches!(s.after, Some(Sep::Comma | Sep::Semicolon)))
                .map(|p| and + 1 + p)
        });
    // Names followed by a clause of another kind: the names alone are the list. An office
    // after the cut is no clause but the last person's apposition ("… và Phú, Phó Trưởng
    // Khoa"), and the list is one of people with their offices.
    let names_then_clause = cut.is_some_and(|end| {
        all[..end].iter().all(capitalised)
            && !all[..end].iter().any(role)
            && !all.get(end).is_some_and(role)
    });
    let names = names || names_then_clause;
    let ends: Vec<usize> = if names_then_clause {
        cut.into_iter().collect()
    } else {
        [Some(all.len()), cut].into_iter().flatten().collect()
    };
    for end in ends {
        let (f, m) = reading(&all[..end], names);
        fewest = fewest.min(f);
        most = most.max(m);
    }
    let strict = (names
        || all.iter().all(|s| s.words <= SHORT_ITEM_WORDS)
        || all.iter().any(|s| s.after == Some(Sep::Semicolon)))
        && !(bare && intro == Intro::Colon);
    let count = c
        .figure_at(count_at)
        .or_else(|| c.count_in_words(count_at))?;
    let noun = noun_text(c, count_at + 1, noun_end);
    Some(Enumeration {
        count,
        noun,
        items: all
            .iter()
            .map(|s| c.span(s.tokens.start, s.tokens.end - 1))
            .collect(),
        fewest,
        most,
        strict,
    })
}

/// Every enumeration in a block's run of non-space tokens.
pub fn inline_enumerations(c: &Cursor<'_>) -> Vec<Enumeration> {
    let mut out = Vec::new();
    for p in 0..c.len() {
        // Every position is asked: its kind first, then its text.
        let intro = match c.kind(p) {
            Some(TokenKind::Punct) => match c.punct(p) {
                Some(":") => Intro::Colon,
                Some("(") => Intro::Bracket,
                _ => continue,
            },
            Some(TokenKind::Word) => match c.word(p) {
                Some("gồm") => Intro::Include,
                Some("là") => Intro::Copula,
                _ => continue,
            },
            Some(TokenKind::Number) => Intro::Names,
            _ => continue,
        };
        let (count_at, noun_end, from) = if intro == Intro::Names {
            // "3 xã Tri Lễ, Nậm Giải và Hạnh Dịch": one place noun, then a name (the noun
            // asked before the figure is read).
            if !c.word(p + 1).is_some_and(|w| NAMED_COUNT_NOUNS.contains(w))
                || c.kind(p + 2) != Some(TokenKind::Word)
                || c.doc.case(c.token(p + 2)) == Case::Lower
                || !is_item_count(c, p)
            {
                continue;
            }
            (p, p + 2, p + 2)
        } else {
            // "3 bản có tỷ lệ hộ nghèo trên 35% là ...": a copula after a long noun phrase.
            let reach = match intro {
                Intro::Colon => MAX_COUNT_DISTANCE,
                Intro::Copula => MAX_COUNT_DISTANCE - 2,
                _ => MAX_COUNT_DISTANCE * 2 / 3,
            };
            let Some(count_at) = governing_count(c, p, reach, intro != Intro::Bracket) else {
                continue;
            };
            // "trong đó 22 điểm là trạm y tế xã ...": a part, and "là" says what it is.
            if intro == Intro::Copula && is_stated_part(c, count_at) {
                continue;
            }
            // "tiêu biểu là", "chẳng hạn": examples, not the items.
            if p >= 2 && opens_list(c, p - 2) {
                continue;
            }
            let mut from = p + 1;
            // "gồm có", "bao gồm:", "như sau:".
            if intro == Intro::Include && (c.word(from) == Some("có") || c.is_punct(from, ":")) {
                from += 1;
            }
            if intro == Intro::Bracket && from > count_at + 2 + reach {
                continue;
            }
            (count_at, p, from)
        };
        // "gồm" right before ":" is read at the colon.
        if intro == Intro::Include && c.is_punct(p + 1, ":") {
            continue;
        }
        if let Some(e) = enumeration(c, count_at, noun_end, from, intro) {
            out.push(e);
        }
    }
    out
}

/// Whether the figure at `k` is a part of a whole just stated: right after "trong đó",
/// "trong số đó" or "gồm" (an optional "có" between).
fn is_stated_part(c: &Cursor<'_>, k: usize) -> bool {
    let mut j = k;
    if j > 0 && c.word(j - 1) == Some("có") {
        j -= 1;
    }
    let before = |n: usize| j.checked_sub(n).and_then(|p| c.word(p));
    before(1) == Some("gồm")
        || before(1) == Some("đó") && before(2) == Some("trong")
        || before(1) == Some("đó") && before(2) == Some("số") && before(3) == Some("trong")
}

/// The counted noun as written, without the introducing words ("là", "như sau").
fn noun_text(c: &Cursor<'_>, from: usize, to: usize) -> String {
    let mut words: Vec<&str> = (from..to).map(|k| c.text(k)).collect();
    while words
        .last()
        .is_some_and(|w| matches!(*w, "là" | "gồm" | "bao" | "như" | "sau" | "đó" | "có"))
    {
        words.pop();
    }
    words.join(" ")
}

/// A list line's marker: "1." "2)" (numbered), "a)" (lettered), "-" "•" "+" "*" (bulleted).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Numbered(u32),
    Lettered,
    Bulleted,
    /// A Markdown or HTML list item, whose marker is markup.
    Unseen,
}

fn marker(doc: &Document, block: &Block) -> Marker {
    let tokens = doc.block_tokens(block);
    match tokens {
        [n, dot, ..]
            if n.kind() == TokenKind::Number && matches!(doc.token_text(dot), "." | ")") =>
        {
            doc.token_text(n)
                .parse()
                .map_or(Marker::Bulleted, Marker::Numbered)
        }
        [w, paren, ..]
            if w.kind() == TokenKind::Word
                && doc.token_text(w).len() == 1
                && doc.token_text(paren) == ")" =>
        {
            Marker::Lettered
        }
        [mark, ..] if matches!(doc.token_text(mark), "-" | "•" | "+" | "*" | "–") => {
            Marker::Bulleted
        }
        _ => Marker::Unseen,
    }
}

/// Whether two list lines have markers of one kind (numbers, letters, one bullet): a line
/// of another kind after them ("2. Giải của phần thi vẽ:" after "- 01 giải Nhất ...") starts
/// another part of the text, not another line of their list.
pub fn same_marker_kind(doc: &Document, first: &Block, other: &Block) -> bool {
    match (marker(doc, first), marker(doc, other)) {
        (Marker::Numbered(_), Marker::Numbered(_)) => true,
        (Marker::Bulleted, Marker::Bulleted) => {
            let bullet = |b: &Block| doc.text[b.range.clone()].chars().next();
            bullet(first) == bullet(other)
        }
        (a, b) => a == b,
    }
}

/// Whether a list line's text, after its marker, opens with a figure ("- 2 giải Nhất;").
fn opens_with_figure(doc: &Document, block: &Block) -> bool {
    let tokens: Vec<&crate::text::tokens::Token> = doc
        .block_tokens(block)
        .iter()
        .filter(|t| t.kind() != TokenKind::Space)
        .collect();
    let skip = match marker(doc, block) {
        Marker::Bulleted => 1,
        Marker::Numbered(_) | Marker::Lettered => 2,
        Marker::Unseen => 0,
    };
    tokens
        .get(skip)
        .is_some_and(|t| t.kind() == TokenKind::Number)
        && tokens
            .get(skip + 1)
            .is_none_or(|t| doc.token_text(t) != "%")
}

/// A count before a list of lines: "đặt ra 4 mục tiêu:" then "1. ..." "2. ...", or "- ..."
/// lines. Returns the count, its noun, the item blocks counted.
pub struct LineList {
    pub count: FigureAt,
    pub noun: String,
    pub items: Vec<Range<usize>>,
}

/// The list of lines after block `at`, if that block ends with a colon after a count.
pub fn line_list(doc: &Document, at: usize, sig: &[usize]) -> Option<LineList> {
    let c = Cursor::new(doc, sig);
    let colon = sig.len().checked_sub(1)?;
    if !c.is_punct(colon, ":") {
        return None;
    }
    let count_at = governing_count(&c, colon, MAX_COUNT_DISTANCE, false)?;
    let lines: Vec<&Block> = doc.blocks[at + 1..]
        .iter()
        .take_while(|b| b.kind == BlockKind::ListItem)
        .collect();
    let lines_len = lines.len();
    let first = marker(doc, lines.first()?);
    let same_kind = |m: Marker| match (first, m) {
        (Marker::Numbered(_), Marker::Numbered(_)) => true,
        (a, b) => a == b,
    };
    // Mixed markers other than numbered lines with bullets under them: nesting unknown.
    if !matches!(first, Marker::Numbered(_)) && lines.iter().any(|b| !same_kind(marker(doc, b))) {
        return None;
    }
    let items: Vec<&Block> = lines
        .into_iter()
        .filter(|b| same_kind(marker(doc, b)))
        .collect();
    // Numbered lines must run 1, 2, 3 (a gap is reported as such elsewhere).
    if let Marker::Numbered(_) = first
        && !items
            .iter()
            .enumerate()
            .all(|(i, b)| marker(doc, b) == Marker::Numbered(i as u32 + 1))
    {
        return None;
    }
    // "14 giải:" then "- 2 giải Nhất;" ...: lines that each open with a figure state parts
    // (a breakdown, read elsewhere), not items.
    if items.iter().all(|b| opens_with_figure(doc, b)) {
        return None;
    }
    // An open last line ("...", "v.v.").
    let last = &doc.text[items.last()?.range.clone()];
    if last.trim_end().ends_with("...") || last.trim_end().ends_with('…') || last.contains("v.v")
    {
        return None;
    }
    // A line right after the list that looks like another item ("-Kiến An Cung", with no
    // space after the dash): the list's length is not known.
    let after = at + 1 + lines_len;
    if doc.blocks.get(after).is_some_and(|b| {
        doc.text[b.range.clone()].starts_with(['-', '+', '*', '•', '–'])
            || doc.text[b.range.clone()].starts_with(|ch: char| ch.is_ascii_digit())
    }) {
        return None;
    }
    let noun = noun_text(&c, count_at + 1, colon);
    Some(LineList {
        count: c
            .figure_at(count_at)
            .or_else(|| c.count_in_words(count_at))?,
        noun,
        items: items.iter().map(|b| b.range.clone()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The enumerations read in the first block of `text`.
    fn read(text: &str) -> Vec<Enumeration> {
        let doc = Document::from_text(text);
        let sig: Vec<usize> = doc.blocks[0]
            .tokens
            .clone()
            .filter(|&i| doc.tokens[i].kind() != TokenKind::Space)
            .collect();
        inline_enumerations(&Cursor::new(&doc, &sig))
    }

    fn enumerations(text: &str) -> Vec<(u32, usize, usize)> {
        read(text)
            .iter()
            .map(|e| (e.count.figure.value as u32, e.fewest, e.most))
            .collect()
    }

    #[test]
    fn reads_items_after_any_introducer() {
        assert_eq!(
            enumerations(
                "Đơn vị tập trung 3 giải pháp: chống thất thu, đôn đốc thu nợ và mở rộng hóa đơn."
            ),
            vec![(3, 3, 3)]
        );
        assert_eq!(
            enumerations(
                "Huyện hỗ trợ 4 xã khó khăn nhất gồm Đạ Chais, Đạ Nhim, Đưng K'Nớ và Lát."
            ),
            vec![(4, 4, 4)]
        );
        assert_eq!(
            enumerations("Đợt sau tổ chức tại 3 xã Tri Lễ, Nậm Giải và Hạnh Dịch."),
            vec![(3, 3, 3)]
        );
        // A pair inside an item: "đưa chó, mèo đi tiêm".
        assert_eq!(
            enumerations(
                "Người dân thực hiện 3 việc: đưa chó, mèo đi tiêm phòng đúng lịch, không thả rông vật nuôi và đến cơ sở y tế ngay."
            ),
            vec![(3, 3, 4)]
        );
        // A time expression between the count and the list.
        assert_eq!(
            enumerations(
                "Đơn vị đặt 2 mục tiêu trong 6 tháng cuối năm 2025: giữ vững an toàn và thông xe."
            ),
            vec![(2, 2, 2)]
        );
    }

    #[test]
    fn reads_codes_brackets_semicolons_and_long_noun_phrases() {
        // Class codes are names.
        assert_eq!(
            enumerations("Trường khen thưởng 3 tập thể lớp xuất sắc là 12A1, 11A2 và 10A5."),
            vec![(3, 3, 3)]
        );
        // Brackets close a list of names without a conjunction, after a longer noun phrase.
        assert_eq!(
            enumerations(
                "Chi nhánh có 4 phòng giao dịch trực thuộc (Diễn Thịnh, Diễn Kỷ, Diễn Hồng, Diễn Yên)."
            ),
            vec![(4, 4, 4)]
        );
        assert_eq!(
            enumerations(
                "Huyện thành lập mới 3 công đoàn cơ sở tại các doanh nghiệp (Công ty May Hà Phong, Công ty Gốm Thuận Thành và Công ty Bao bì Tân Á)."
            ),
            vec![(3, 3, 3)]
        );
        // A percentage inside the counted noun's phrase.
        assert_eq!(
            enumerations("Xã còn 3 bản có tỷ lệ hộ nghèo trên 35% là Tà Xùa, Làng Sáng và Bẹ."),
            vec![(3, 3, 3)]
        );
        // Semicolons part the items; the comma stays inside one.
        assert_eq!(
            enumerations(
                "Chợ có 4 khu: thực phẩm tươi sống; rau củ quả; vải vóc, may mặc; hàng ăn uống."
            ),
            vec![(4, 4, 4)]
        );
    }

    fn contradicted(text: &str) -> bool {
        read(text).iter().any(Enumeration::contradicted)
    }

    #[test]
    fn people_with_their_units_and_offices_are_not_counted_by_their_commas() {
        // Two people: one with a unit, one with an office.
        let text = "Hai y sĩ được tặng giấy khen là Lê Văn Hải, Khoa Nội và Trần Minh Phú, \
                    Phó Trưởng Khoa Ngoại.";
        assert!(!contradicted(text));
        // Three names with no office are still three.
        assert!(contradicted(
            "Hai y sĩ được tặng giấy khen là Lê Văn Hải, Trần Minh Phú và Đỗ An."
        ));
    }

    #[test]
    fn a_part_said_to_be_something_announces_no_items() {
        assert!(
            enumerations("Có 34 điểm tiêm, trong đó 22 điểm là trạm y tế xã và nhà văn hóa bản, còn lại là điểm lưu động.")
                .is_empty()
        );
    }

    #[test]
    fn open_lists_and_examples_are_not_read() {
        for text in [
            "Huyện có 5 xã như Tri Lễ, Hạ Long và Nậm Giải.",
            "Huyện có 5 xã gồm Tri Lễ, Hạ Long và các xã khác.",
            "Hội có 5 câu lạc bộ: Thơ ca, Dưỡng sinh, Cờ tướng...",
            "Có 3 xã là nơi có nhiều hộ nghèo và cận nghèo.",
            "Có 55 đại biểu: 30 nam và 25 nữ.",
            "Hội có 12 mô hình, tiêu biểu là Tri Lễ và Hạ Long.",
        ] {
            assert!(
                enumerations(text)
                    .iter()
                    .all(|(n, f, m)| (*f..=*m).contains(&(*n as usize))),
                "{text}"
            );
        }
    }
}
