use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::analysis::quotes::quoted_ranges;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::model::{self, Model};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::Case;
use crate::text::syllable::{self, Spelling};
use crate::text::tokens::{Token, TokenKind};
use crate::text::variants::variant_key;

declare_rule! {
    /// A word written once where the document writes a form one slip away in the same context.
    ///
    /// ## What it does
    /// Takes the document as its own dictionary. It counts every syllable (lower-cased, a
    /// number standing as one "number" word) and every pair and triple of neighbouring
    /// syllables. A lower-case syllable is reported when it is one slip (a tone, a vowel mark,
    /// d/đ, one letter, an onset such as ch/tr) away from another syllable and the document
    /// shows that other syllable in the very same context several times:
    /// - the syllable occurs at most twice, its pair with a neighbour only once, while that
    ///   neighbour is followed (or preceded) by the other form at least 3 times and in at
    ///   least half of its uses; the neighbour on the other side must not speak against it
    ///   (it is seen with the other form too, or there is none), unless the evidence is
    ///   overwhelming (8 times or more, in 70 % of the uses);
    /// - or the triple with both neighbours occurs only once while the same neighbours hold
    ///   the other form at least twice, in more than half of the triples they frame.
    ///
    /// A frequent pair that belongs to a longer phrase the rare word is not in ("đề cập
    /// đến" four times, then "có thể cập bến") is no evidence, nor one written as a name,
    /// both words capitalised ("Hội Nông dân" against "hộ nông dân"). Nor is a rare word
    /// that makes a word of the built-in model's word list with its neighbour on the other
    /// side ("khu nông nghiệp" beside "khu công nghiệp" eight times: "nông nghiệp" is a
    /// word).
    ///
    /// The message shows the counts; a couple of the frequent uses are shown beside it and
    /// the frequent form is offered as a replacement (not applied by `--fix`). Words in
    /// capitals (names: `name-mismatch` compares those), words inside quotation marks, words
    /// next to a foreign word, two spellings of one word (hòa/hoà, kỹ/kĩ: `tone-style` and
    /// `spelling-variant`), words of the configured vocabulary, and slips a `confusion` table
    /// already reports are left alone.
    ///
    /// ## Why
    /// A real-word slip passes every spell check: "phương" and "sắp" are words. But a text
    /// that writes "đội bóng" eight times and "đội bống" once has told the reader how it
    /// spells the word, and the odd one out is almost always the slip.
    ///
    /// ## Example
    /// ```text
    /// Huyện có 12 xã. Trong đó 5 xã đạt chuẩn nông thôn mới, 4 xã đạt một phần và 3 xa đạt thấp.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Huyện có 12 xã. Trong đó 5 xã đạt chuẩn nông thôn mới, 4 xã đạt một phần; 3 xa lộ được nâng cấp.
    /// ```
    pub struct VariantOutlier {
        id: "variant-outlier",
        severity: Warning,
        gives_way_to: ["confusion"],
        whole_document_index: true,
        vi: "Một từ chỉ viết một lần, trong khi chính văn bản nhiều lần viết một dạng lệch một lỗi gõ, trong cùng ngữ cảnh.

## Tác dụng
Lấy chính văn bản làm từ điển. Đếm mọi âm tiết (viết thường; mọi con số được tính là một từ “số”) và mọi cặp, bộ ba âm tiết đứng liền nhau. Một âm tiết viết thường bị báo khi nó lệch một lỗi gõ (dấu thanh, dấu mũ/dấu móc, d/đ, một chữ cái, phụ âm đầu như ch/tr) so với một âm tiết khác mà văn bản dùng nhiều lần trong đúng ngữ cảnh ấy:
- âm tiết xuất hiện không quá hai lần, cặp của nó với một từ bên cạnh chỉ có một lần, trong khi từ bên cạnh ấy đi với dạng kia ít nhất 3 lần và chiếm ít nhất một nửa số lần dùng; từ bên cạnh ở phía còn lại không được mâu thuẫn (cũng từng đi với dạng kia, hoặc không có), trừ khi bằng chứng áp đảo (từ 8 lần và chiếm 70 % số lần dùng);
- hoặc bộ ba với hai từ bên cạnh chỉ có một lần, trong khi hai từ ấy kẹp dạng kia ít nhất hai lần và chiếm quá nửa số bộ ba có hai từ ấy.

Một cặp phổ biến nằm trong một cụm dài hơn mà từ hiếm không thuộc về (“đề cập đến” bốn lần, rồi “có thể cập bến”) thì không được tính là bằng chứng, cặp được viết như một tên riêng, cả hai từ viết hoa (“Hội Nông dân” so với “hộ nông dân”), cũng vậy; từ hiếm tạo thành một từ trong danh sách từ của mô hình có sẵn với từ bên cạnh ở phía còn lại (“khu nông nghiệp” bên cạnh tám lần “khu công nghiệp”: “nông nghiệp” là một từ) cũng không bị báo.

Thông báo ghi rõ số lần; vài chỗ dùng dạng phổ biến được chỉ ra bên cạnh và dạng phổ biến được gợi ý thay thế (`--fix` không tự áp dụng). Từ viết hoa (tên riêng: việc của `name-mismatch`), từ trong ngoặc kép, từ đứng cạnh từ nước ngoài, hai cách viết của cùng một từ (hòa/hoà, kỹ/kĩ: việc của `tone-style` và `spelling-variant`), từ trong danh sách từ vựng của cấu hình và lỗi mà bảng `confusion` đã báo thì được bỏ qua.

## Vì sao
Lỗi gõ thành một từ có thật thì vượt qua mọi trình kiểm tra chính tả: “phương” và “sắp” đều là từ. Nhưng một văn bản viết “đội bóng” tám lần và “đội bống” một lần đã tự cho người đọc biết cách viết đúng, và dạng lạc loài gần như luôn là lỗi gõ.",
    }
}

/// The id of every number.
const NUMBER: u32 = 0;
/// No neighbour: the edge of a block, punctuation, a line break.
const NONE: u32 = u32::MAX;

/// A word or number of the document: 4 bytes (a long document has a slot for every other
/// token): its word's id, with [`OPEN`] set for a lower-case word outside quotation marks
/// (one that may be reported) and [`JOINED`] for a slot joined to the one before it (a
/// word or number one space away). Its neighbours are the slots beside it, when joined to
/// it (see [`Index::left`]); its token is found again from the nearest [`Index::marks`].
#[derive(Clone, Copy)]
struct Slot(u32);

/// The bit of a [`Slot`] that marks an open slot.
const OPEN: u32 = 1 << 31;
/// The bit of a [`Slot`] that marks a slot joined to the one before it.
const JOINED: u32 = 1 << 30;

impl Slot {
    fn id(self) -> u32 {
        self.0 & !(OPEN | JOINED)
    }

    fn open(self) -> bool {
        self.0 & OPEN != 0
    }

    fn joined(self) -> bool {
        self.0 & JOINED != 0
    }
}

/// Every this many slots, [`Index::marks`] notes where the slot's token is.
const MARK_EVERY: usize = 64;

/// Whether `token` of a block the index reads has a slot: a number, or a word with a
/// lexicon entry.
fn has_slot(doc: &Document, token: &Token) -> bool {
    match token.kind() {
        TokenKind::Punct | TokenKind::Space => false,
        TokenKind::Number => true,
        TokenKind::Word => doc.lexicon.get(token).is_some(),
    }
}

/// The neighbours a finding is judged by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Before(u32),
    After(u32),
    Between(u32, u32),
}

struct Finding {
    slot: usize,
    other: u32,
    context: Context,
    /// How often the other form stands in that context.
    count: u32,
}

impl Rule for VariantOutlier {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let index = Index::build(doc);
        let mut findings = index.findings();
        if findings.is_empty() {
            return;
        }
        let uses = index.uses(findings.iter().map(|f| f.other));
        findings.retain(|f| {
            !index.bound_elsewhere(f, &uses)
                && !index.named_elsewhere(f, &uses)
                && !ctx.shared.reference.is_some_and(|model| {
                    index.word_on_the_other_side(f, model) || index.another_word(f, model)
                })
        });
        for f in findings {
            out.push(index.diagnostic(doc, &f, &uses, self.meta()));
        }
    }
}

/// The document's words and how often each stands next to which.
struct Index<'a> {
    doc: &'a Document,
    /// For slot `j * MARK_EVERY`: its block's index and its token's index.
    marks: Vec<(u32, u32)>,
    /// Each word in lower case: borrowed from the text when written so, else owned.
    names: Vec<&'a str>,
    slots: Vec<Slot>,
    words: Vec<u32>,
    /// Each pair of neighbours (left id in the high half, right id in the low half) -> its
    /// index into `pair_counts`.
    pairs: FxHashMap<u64, u32>,
    pair_counts: Vec<u32>,
    /// How often a word has a neighbour after it, and before it.
    with_next: Vec<u32>,
    with_previous: Vec<u32>,
    /// For each word, the forms that follow (precede) it in at least half of its uses, at
    /// least [`PAIR_EVIDENCE`] times.
    followers: FxHashMap<u32, Vec<(u32, u32)>>,
    predecessors: FxHashMap<u32, Vec<(u32, u32)>>,
    /// For two words with one between, the middles that fill more than half of those
    /// triples, at least [`TRIPLE_EVIDENCE`] times; only for the two words around a slot
    /// that `findings` may report by its middle.
    middles: FxHashMap<(u32, u32), Vec<(u32, u32)>>,
    /// By word id: whether it has followers, predecessors, or opens a key of `middles`;
    /// most slots are passed over by these before a map is looked up.
    has_followers: Vec<bool>,
    has_predecessors: Vec<bool>,
    opens_middles: Vec<bool>,
    /// Each word as a well-formed syllable (`None`: a number, a foreign word, a nonword),
    /// parsed on first use.
    syllables: Vec<OnceCell<Option<Spelling>>>,
}

/// The slots of a few words (the frequent forms of the findings), in text order: a finding
/// looks at those, not at every slot of a long document.
struct Uses {
    /// By word id; `None` for a word not asked for.
    slots: Vec<Option<Vec<usize>>>,
}

impl Uses {
    /// The slots holding `other` in `context`, in text order.
    fn of<'i>(
        &'i self,
        index: &'i Index,
        other: u32,
        context: Context,
    ) -> impl Iterator<Item = usize> + 'i {
        self.slots[other as usize]
            .iter()
            .flatten()
            .copied()
            .filter(move |&k| index.in_context(k, other, context))
    }
}

/// The rare form occurs at most this often in the document.
const RARE: u32 = 2;
/// The pair with the frequent form occurs at least this often.
const PAIR_EVIDENCE: u32 = 3;
/// Evidence that overrides a neighbour on the other side never seen with the frequent form.
const STRONG_EVIDENCE: u32 = 8;
/// The triple with the frequent form occurs at least this often.
const TRIPLE_EVIDENCE: u32 = 2;

fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl<'a> Index<'a> {
    fn build(doc: &'a Document) -> Index<'a> {
        // Each written form (borrowed from the text) -> its lower-case word and whether it
        // is written in lower case; each lower-case word -> its id. The maps are sized for
        // a short document's words up front rather than grown step by step.
        let guess = (doc.tokens.len() / 4).min(1 << 13);
        // By the lexicon's entry of each written form.
        let mut forms: Vec<Option<(u32, bool)>> = vec![None; doc.lexicon.len()];
        let mut ids: FxHashMap<&'a str, u32> =
            FxHashMap::with_capacity_and_hasher(guess, Default::default());
        let mut names: Vec<&'a str> = Vec::with_capacity(guess);
        names.push("<number>");
        let mut slots: Vec<Slot> = Vec::with_capacity(doc.tokens.len() / 2);
        let mut words = Vec::with_capacity(guess);
        words.push(0u32);
        let mut with_next = Vec::with_capacity(guess);
        with_next.push(0u32);
        let mut with_previous = Vec::with_capacity(guess);
        with_previous.push(0u32);
        // A middle fills a frame at least TRIPLE_EVIDENCE times, so its word's pairs with
        // both sides of the frame occur that often: the words that start (end) such a pair.
        // In a short document most pairs occur once, and most frames cannot hold a middle.
        let mut starts_repeated_pair = Vec::with_capacity(guess);
        starts_repeated_pair.push(false);
        let mut ends_repeated_pair = Vec::with_capacity(guess);
        ends_repeated_pair.push(false);
        // Nearly every word of a short document starts a pair not seen before.
        let mut pairs: FxHashMap<u64, u32> = FxHashMap::with_capacity_and_hasher(
            (doc.tokens.len() / 2).min(1 << 14),
            Default::default(),
        );
        // Each slot's pair with its left neighbour (its index into `pair_counts`; `NONE`:
        // not joined), kept while building so the counts of a slot's pairs need no lookup.
        let mut left_pairs: Vec<u32> = Vec::with_capacity(doc.tokens.len() / 2);
        let mut pair_counts: Vec<u32> = Vec::with_capacity(guess);
        let mut marks = Vec::new();
        for (b, block) in doc.blocks.iter().enumerate() {
            if doc.is_legacy_block(block) {
                continue;
            }
            let tokens = doc.block_tokens(block);
            let quotations = quoted_ranges(doc, block);
            for (i, token) in tokens.iter().enumerate() {
                let (id, lower) = match token.kind() {
                    TokenKind::Punct | TokenKind::Space => continue,
                    TokenKind::Number => (NUMBER, false),
                    TokenKind::Word => {
                        let Some(info) = doc.lexicon.get(token) else {
                            continue;
                        };
                        *forms[token.word() as usize].get_or_insert_with(|| {
                            let lower: &'a str = &info.lower;
                            let id = match ids.get(lower) {
                                Some(&id) => id,
                                None => {
                                    let id = names.len() as u32;
                                    ids.insert(lower, id);
                                    names.push(lower);
                                    words.push(0);
                                    with_next.push(0);
                                    with_previous.push(0);
                                    starts_repeated_pair.push(false);
                                    ends_repeated_pair.push(false);
                                    id
                                }
                            };
                            (id, info.case == Case::Lower)
                        })
                    }
                };
                words[id as usize] += 1;
                let joined = i >= 2
                    && tokens[i - 1].is_inline_space(&doc.text)
                    && is_word_or_number(&tokens[i - 2]);
                left_pairs.push(NONE);
                if joined {
                    let previous = slots.last().expect("the word before").id();
                    let next_pair = pair_counts.len() as u32;
                    let at = *pairs.entry(pair_key(previous, id)).or_insert(next_pair);
                    if at == next_pair {
                        pair_counts.push(0);
                    }
                    pair_counts[at as usize] += 1;
                    if pair_counts[at as usize] == TRIPLE_EVIDENCE {
                        starts_repeated_pair[previous as usize] = true;
                        ends_repeated_pair[id as usize] = true;
                    }
                    *left_pairs.last_mut().expect("pushed above") = at;
                    with_next[previous as usize] += 1;
                    with_previous[id as usize] += 1;
                }
                debug_assert!(has_slot(doc, token));
                let open = lower && !quotations.iter().any(|q| q.contains(&token.start()));
                if slots.len().is_multiple_of(MARK_EVERY) {
                    // A text under MAX_FILE_SIZE has far fewer than 2^32 tokens.
                    marks.push((b as u32, (block.tokens.start + i) as u32));
                }
                // Ids count distinct words: far fewer than 2^30.
                slots.push(Slot(
                    id | if open { OPEN } else { 0 } | if joined { JOINED } else { 0 },
                ));
            }
        }
        // Each slot's neighbours (`NONE`: none joined), read off the slots beside it.
        let left = |k: usize| {
            if slots[k].joined() {
                slots[k - 1].id()
            } else {
                NONE
            }
        };
        let right = |k: usize| match slots.get(k + 1) {
            Some(n) if n.joined() => n.id(),
            _ => NONE,
        };
        // How often slot `k`'s pair with its left neighbour occurs (0: not joined).
        let left_count = |k: usize| match left_pairs.get(k) {
            Some(&at) if at != NONE => pair_counts[at as usize],
            _ => 0,
        };
        let mut followers: FxHashMap<u32, Vec<(u32, u32)>> = FxHashMap::default();
        let mut predecessors: FxHashMap<u32, Vec<(u32, u32)>> = FxHashMap::default();
        for (&key, &at) in &pairs {
            let count = pair_counts[at as usize];
            if count < PAIR_EVIDENCE {
                continue;
            }
            let (a, b) = ((key >> 32) as u32, key as u32);
            if 2 * count >= with_next[a as usize] {
                followers.entry(a).or_default().push((b, count));
            }
            if 2 * count >= with_previous[b as usize] {
                predecessors.entry(b).or_default().push((a, count));
            }
        }
        // The middles are looked up only for an open slot whose two pairs occur once each
        // (see `findings`): only the frames of such slots that may hold a middle are
        // counted, with the triples they hold.
        let mut frames: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        // The words that open (close) a frame: most slots are passed over by these before
        // the map of frames is looked up.
        let mut opens_frame = vec![false; names.len()];
        let mut closes_frame = vec![false; names.len()];
        for (k, s) in slots.iter().enumerate() {
            let (l, r) = (left(k), right(k));
            if s.open()
                && l != NONE
                && r != NONE
                && !(l == NUMBER && r == NUMBER)
                && starts_repeated_pair[l as usize]
                && ends_repeated_pair[r as usize]
                && left_count(k) == 1
                && left_count(k + 1) == 1
            {
                frames.insert((l, r), 0);
                opens_frame[l as usize] = true;
                closes_frame[r as usize] = true;
            }
        }
        let mut triples: FxHashMap<(u32, u32, u32), u32> = FxHashMap::default();
        if !frames.is_empty() {
            for (k, s) in slots.iter().enumerate() {
                let (l, r) = (left(k), right(k));
                if l == NONE || r == NONE || !opens_frame[l as usize] || !closes_frame[r as usize] {
                    continue;
                }
                if let Some(n) = frames.get_mut(&(l, r)) {
                    *n += 1;
                    // A triple occurs no more often than either of its pairs.
                    if left_count(k) >= TRIPLE_EVIDENCE && left_count(k + 1) >= TRIPLE_EVIDENCE {
                        *triples.entry((l, s.id(), r)).or_default() += 1;
                    }
                }
            }
        }
        let mut middles: FxHashMap<(u32, u32), Vec<(u32, u32)>> = FxHashMap::default();
        let mut opens_middles = vec![false; names.len()];
        for (&(a, m, b), &count) in &triples {
            if count >= TRIPLE_EVIDENCE && 2 * count > frames[&(a, b)] {
                middles.entry((a, b)).or_default().push((m, count));
                opens_middles[a as usize] = true;
            }
        }
        let syllables = (0..names.len()).map(|_| OnceCell::new()).collect();
        let has_followers = marked(names.len(), followers.keys());
        let has_predecessors = marked(names.len(), predecessors.keys());
        Index {
            doc,
            marks,
            names,
            slots,
            words,
            pairs,
            pair_counts,
            with_next,
            with_previous,
            has_followers,
            has_predecessors,
            followers,
            predecessors,
            middles,
            opens_middles,
            syllables,
        }
    }

    /// Gathers the slots of the words `ids`, in one pass over the document.
    fn uses(&self, ids: impl Iterator<Item = u32>) -> Uses {
        let mut slots = vec![None; self.names.len()];
        for id in ids {
            slots[id as usize] = Some(Vec::new());
        }
        for (k, s) in self.slots.iter().enumerate() {
            if let Some(list) = &mut slots[s.id() as usize] {
                list.push(k);
            }
        }
        Uses { slots }
    }

    fn pair(&self, a: u32, b: u32) -> u32 {
        self.pairs
            .get(&pair_key(a, b))
            .map_or(0, |&at| self.pair_counts[at as usize])
    }

    /// The word or number joined to slot `k` on its left; [`NONE`] for none (the edge of a
    /// block, punctuation, a line break).
    fn left(&self, k: usize) -> u32 {
        if self.slots[k].joined() {
            self.slots[k - 1].id()
        } else {
            NONE
        }
    }

    /// The word or number joined to slot `k` on its right; [`NONE`] for none.
    fn right(&self, k: usize) -> u32 {
        match self.slots.get(k + 1) {
            Some(n) if n.joined() => n.id(),
            _ => NONE,
        }
    }

    /// Slot `k`'s text range: its token found by walking from the mark before it, as
    /// [`Index::build`] walked (for the few slots a finding names).
    fn range(&self, k: usize) -> Range<usize> {
        let doc = self.doc;
        let (mut b, mut t) = self.marks[k / MARK_EVERY];
        let mut ahead = k % MARK_EVERY;
        loop {
            let block = &doc.blocks[b as usize];
            if !doc.is_legacy_block(block) {
                for i in t as usize..block.tokens.end {
                    let token = &doc.tokens[i];
                    if has_slot(doc, token) {
                        if ahead == 0 {
                            return token.range();
                        }
                        ahead -= 1;
                    }
                }
            }
            b += 1;
            t = doc.blocks[b as usize].tokens.start as u32;
        }
    }

    /// The pairs slot `k` makes with its left and right neighbours: how often each occurs.
    fn own_pairs(&self, k: usize) -> (u32, u32) {
        let id = self.slots[k].id();
        let (left, right) = (self.left(k), self.right(k));
        (
            if left == NONE { 0 } else { self.pair(left, id) },
            if right == NONE {
                0
            } else {
                self.pair(id, right)
            },
        )
    }

    /// The word as a well-formed syllable.
    fn syllable(&self, id: u32) -> Option<&Spelling> {
        self.syllables[id as usize]
            .get_or_init(|| {
                if id == NUMBER {
                    return None;
                }
                let s = Spelling::of(self.names[id as usize]).ok()?;
                syllable::parse_spelling(&s).ok().map(|_| s)
            })
            .as_ref()
    }

    /// A neighbour that leaves the context Vietnamese: none, a number or a syllable.
    fn plain_neighbour(&self, id: u32) -> bool {
        id == NONE || id == NUMBER || self.syllable(id).is_some()
    }

    /// Whether `other` is one slip away from `word` and not merely another spelling of it.
    fn slip(&self, word: u32, other: u32) -> bool {
        if word == other {
            return false;
        }
        let (Some(a), Some(b)) = (self.syllable(word), self.syllable(other)) else {
            return false;
        };
        if !syllable::one_edit_apart(a, b) {
            return false;
        }
        let (x, y) = (a.letters(), b.letters());
        let i_or_y = x != y
            && x.len() == y.len()
            && x.iter()
                .zip(y)
                .all(|(p, q)| p == q || matches!((p, q), ('i', 'y') | ('y', 'i')));
        let (w, o) = (&self.names[word as usize], &self.names[other as usize]);
        let variants = variant_key(w).is_some_and(|k| variant_key(o).as_ref() == Some(&k));
        !i_or_y && !variants
    }

    fn findings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for (k, s) in self.slots.iter().enumerate() {
            if !s.open() {
                continue;
            }
            let (left, right) = (self.left(k), self.right(k));
            let rare = self.words[s.id() as usize] <= RARE;
            // The small maps of evidence first: most slots have none, and are passed over
            // before their pairs are looked up in the document's large map of pairs.
            let marked = |by: &[bool], id: u32| by.get(id as usize).copied().unwrap_or(false);
            let followers = (rare && marked(&self.has_followers, left))
                .then(|| self.followers.get(&left))
                .flatten();
            let predecessors = (rare && marked(&self.has_predecessors, right))
                .then(|| self.predecessors.get(&right))
                .flatten();
            let middles =
                if !marked(&self.opens_middles, left) || (left == NUMBER && right == NUMBER) {
                    None
                } else {
                    self.middles.get(&(left, right))
                };
            if followers.is_none() && predecessors.is_none() && middles.is_none() {
                continue;
            }
            let (before, after) = self.own_pairs(k);
            let followers = followers.filter(|_| before == 1);
            let predecessors = predecessors.filter(|_| after == 1);
            let middles = middles.filter(|_| before == 1 && after == 1);
            if (followers.is_none() && predecessors.is_none() && middles.is_none())
                || self.syllable(s.id()).is_none()
                || !self.plain_neighbour(left)
                || !self.plain_neighbour(right)
            {
                continue;
            }
            let mut best: Option<Finding> = None;
            let mut consider = |other: u32, context: Context, count: u32| {
                if self.slip(s.id(), other) && best.as_ref().is_none_or(|b| count > b.count) {
                    best = Some(Finding {
                        slot: k,
                        other,
                        context,
                        count,
                    });
                }
            };
            let strong = |count: u32, uses: u32| {
                self.words[s.id() as usize] == 1
                    && count >= STRONG_EVIDENCE
                    && 10 * count >= 7 * uses
            };
            for &(other, count) in followers.into_iter().flatten() {
                let agrees = right == NONE || self.pair(other, right) > 0;
                if agrees || strong(count, self.with_next[left as usize]) {
                    consider(other, Context::After(left), count);
                }
            }
            for &(other, count) in predecessors.into_iter().flatten() {
                let agrees = left == NONE || self.pair(left, other) > 0;
                if agrees || strong(count, self.with_previous[right as usize]) {
                    consider(other, Context::Before(right), count);
                }
            }
            for &(other, count) in middles.into_iter().flatten() {
                consider(other, Context::Between(left, right), count);
            }
            out.extend(best);
        }
        out
    }

    /// Whether the frequent form's context is itself bound to a word one further out that
    /// the rare occurrence lacks: "đề cập đến" written four times says nothing about "có
    /// thể cập bến". Bound means that one word (not an edge) stands there in at least four
    /// uses out of five.
    fn bound_elsewhere(&self, f: &Finding, uses: &Uses) -> bool {
        // The word one further out than the context, for the slot at `k`.
        let outer = |k: usize| -> u32 {
            match f.context {
                Context::After(_) => k.checked_sub(1).map_or(NONE, |j| self.left(j)),
                Context::Before(_) => {
                    if k + 1 < self.slots.len() {
                        self.right(k + 1)
                    } else {
                        NONE
                    }
                }
                Context::Between(..) => NONE,
            }
        };
        if matches!(f.context, Context::Between(..)) {
            return false;
        }
        let mut seen: FxHashMap<u32, u32> = FxHashMap::default();
        let mut total = 0;
        for k in uses.of(self, f.other, f.context) {
            total += 1;
            *seen.entry(outer(k)).or_default() += 1;
        }
        let own = outer(f.slot);
        seen.iter()
            .any(|(&word, &n)| word != NONE && word != own && 5 * n >= 4 * total)
    }

    /// Whether the frequent form stands in its context as a name: the word and its
    /// neighbour there both capitalised ("Hội Nông dân" six times says nothing about "hộ
    /// nông dân", nor "Hội An" about "đại hội"), in at least four uses out of five.
    fn named_elsewhere(&self, f: &Finding, uses: &Uses) -> bool {
        let neighbour = |k: usize| {
            match f.context {
                Context::After(_) => k.checked_sub(1),
                Context::Before(_) => Some(k + 1),
                Context::Between(..) => None,
            }
            .and_then(|j| self.slots.get(j))
        };
        let (mut named, mut total) = (0, 0);
        for k in uses.of(self, f.other, f.context) {
            total += 1;
            if !self.slots[k].open() && neighbour(k).is_some_and(|n| !n.open()) {
                named += 1;
            }
        }
        total > 0 && 5 * named >= 4 * total
    }

    /// Whether the written form makes a word of the model's word list with its neighbour
    /// on the side the evidence is not on: "khu nông nghiệp ứng dụng" beside "khu công
    /// nghiệp" eight times is another kind of zone, not a slip, since "nông nghiệp" is a
    /// word. The neighbour that speaks for the written form outweighs the one that does not.
    fn word_on_the_other_side(&self, f: &Finding, model: &Model) -> bool {
        let (first, second) = match f.context {
            Context::After(_) => (self.slots[f.slot].id(), self.right(f.slot)),
            Context::Before(_) => (self.left(f.slot), self.slots[f.slot].id()),
            Context::Between(..) => return false,
        };
        let id = |w: u32| {
            let mut key = String::new();
            (w != NONE && w != NUMBER && model::key(self.names[w as usize], &mut key))
                .then(|| model.id(&key))
                .flatten()
        };
        match (id(first), id(second)) {
            (Some(a), Some(b)) => model.in_word_list(a, b),
            _ => false,
        }
    }

    /// Whether the written form makes, with the neighbour the evidence is on, another word
    /// of the model's word list that the model writes in this very place more often than
    /// the frequent form: "cộng tác viên" once beside "công tác" four times is a second
    /// word sharing a syllable with the first, not a slip ("cộng tác" is a word, and the
    /// model writes "cộng tác viên" where it hardly writes "công tác viên"). The place is
    /// every run of three the slot stands in, with the words one further out.
    fn another_word(&self, f: &Finding, model: &Model) -> bool {
        let id = |w: u32| {
            let mut key = String::new();
            (w != NONE && w != NUMBER && model::key(self.names[w as usize], &mut key))
                .then(|| model.id(&key))
                .flatten()
        };
        let k = f.slot;
        let (Some(written), Some(other)) = (id(self.slots[k].id()), id(f.other)) else {
            return false;
        };
        let (left, right) = (id(self.left(k)), id(self.right(k)));
        let word_with = |n: Option<u16>, before: bool| {
            n.is_some_and(|n| {
                if before {
                    model.in_word_list(n, written)
                } else {
                    model.in_word_list(written, n)
                }
            })
        };
        let is_word = match f.context {
            Context::After(_) => word_with(left, true),
            Context::Before(_) => word_with(right, false),
            Context::Between(..) => word_with(left, true) || word_with(right, false),
        };
        if !is_word {
            return false;
        }
        let further_left = (k > 0 && left.is_some())
            .then(|| id(self.left(k - 1)))
            .flatten();
        let further_right = (right.is_some()).then(|| id(self.right(k + 1))).flatten();
        let in_place = |x: u16| -> u32 {
            let mut n = 0;
            if let (Some(a), Some(b)) = (further_left, left) {
                n += model.trigram(a, b, x);
            }
            if let (Some(a), Some(b)) = (left, right) {
                n += model.trigram(a, x, b);
            }
            if let (Some(a), Some(b)) = (right, further_right) {
                n += model.trigram(x, a, b);
            }
            n
        };
        in_place(written) > in_place(other)
    }

    /// Whether slot `k` holds `other` in `context`.
    fn in_context(&self, k: usize, other: u32, context: Context) -> bool {
        self.slots[k].id() == other
            && match context {
                Context::After(a) => self.left(k) == a,
                Context::Before(b) => self.right(k) == b,
                Context::Between(a, b) => self.left(k) == a && self.right(k) == b,
            }
    }

    fn describe(&self, id: u32) -> (String, String) {
        if id == NUMBER {
            ("một con số".into(), "a number".into())
        } else {
            let name = &self.names[id as usize];
            (format!("“{name}”"), format!("“{name}”"))
        }
    }

    fn diagnostic(&self, doc: &Document, f: &Finding, uses: &Uses, meta: &RuleMeta) -> Diagnostic {
        let slot = &self.slots[f.slot];
        let written = doc.text[self.range(f.slot)].to_string();
        let other = &self.names[f.other as usize];
        let (where_vi, where_en) = match f.context {
            Context::After(a) => {
                let (vi, en) = self.describe(a);
                (format!("sau {vi}"), format!("after {en}"))
            }
            Context::Before(b) => {
                let (vi, en) = self.describe(b);
                (format!("trước {vi}"), format!("before {en}"))
            }
            Context::Between(a, b) => {
                let ((avi, aen), (bvi, ben)) = (self.describe(a), self.describe(b));
                (
                    format!("giữa {avi} và {bvi}"),
                    format!("between {aen} and {ben}"),
                )
            }
        };
        let (n_word, n_other, n) = (
            self.words[slot.id() as usize],
            self.words[f.other as usize],
            f.count,
        );
        let message = Message::new(
            format!(
                "“{written}” {where_vi} chỉ xuất hiện 1 lần, trong khi “{other}” {where_vi} xuất hiện {n} lần (cả văn bản: “{written}” {n_word} lần, “{other}” {n_other} lần): có thể là lỗi gõ của “{other}”"
            ),
            format!(
                "“{written}” {where_en} occurs once, while “{other}” {where_en} occurs {n} times (in the whole text: “{written}” {n_word}×, “{other}” {n_other}×): probably a slip for “{other}”"
            ),
        );
        let mut d = Diagnostic::new(meta.id, meta.default_severity, self.range(f.slot), message);
        let evidence = uses.of(self, f.other, f.context).take(2);
        for k in evidence {
            d = d.with_related(
                self.range(k),
                Message::new(
                    format!("“{other}” trong cùng ngữ cảnh"),
                    format!("“{other}” in the same context"),
                ),
            );
        }
        d.with_suggestion(self.range(f.slot), other.to_string())
    }
}

/// A flag for each of `len` word ids, set for `ids`.
fn marked<'i>(len: usize, ids: impl Iterator<Item = &'i u32>) -> Vec<bool> {
    let mut flags = vec![false; len];
    for &id in ids {
        flags[id as usize] = true;
    }
    flags
}

fn is_word_or_number(token: &Token) -> bool {
    matches!(token.kind(), TokenKind::Word | TokenKind::Number)
}

#[cfg(test)]
mod tests {
    use super::VariantOutlier;
    use crate::rules::testing::{check, fixed, flagged, flags_each, silent};

    const COMMUNES: &str =
        "Huyện có 12 xã. Trong đó 5 xã đạt chuẩn nông thôn mới, 4 xã đạt một phần";

    #[test]
    fn fails_on_a_form_the_document_writes_otherwise() {
        flags_each(
            &VariantOutlier,
            &[
                (&format!("{COMMUNES} và 3 xa đạt thấp."), &["xa"]),
                (
                    "Đội bóng thắng. Đội bóng hòa. Đội bóng thua. Đội bống thua tiếp.",
                    &["bống"],
                ),
                (
                    "Tập đoàn quân A họp. Tập đoàn quân B đến. Tập đoàn quân C rút. Tập đoàn quan A ở lại.",
                    &["quan"],
                ),
            ],
        );
    }

    /// A slip told by its two neighbours only (each pair too rare alone), in a short text
    /// where every other frame occurs once; a frame whose words start or end no repeated
    /// pair holds no middle.
    #[test]
    fn a_slip_between_two_neighbours_is_found_among_frames_seen_once() {
        flags_each(
            &VariantOutlier,
            &[(
                "Xã đạt chuẩn nông thôn mới năm nay. Huyện có hai xã nông thôn mới kiểu mẫu. Năm sau thêm một xã nông thông mới.",
                &["thông"],
            )],
        );
        silent(
            &VariantOutlier,
            &[
                "Xã đạt chuẩn nông thôn mới năm nay. Huyện có hai xã nông thôn kiểu mẫu. Năm sau thêm một xã nông thông mới.",
            ],
        );
    }

    #[test]
    fn silent_on_rare_but_right_words_names_quotes_and_styles() {
        silent(
            &VariantOutlier,
            &[
                // Rare but right: the other neighbour never goes with the frequent form.
                &format!("{COMMUNES}; 3 xa lộ được nâng cấp."),
                // A name in capitals.
                "Đội bóng thắng. Đội bóng hòa. Đội bóng thua. Ông Đội Bống phát biểu.",
                // Inside quotation marks: a deliberate variant.
                "Đội bóng thắng. Đội bóng hòa. Đội bóng thua. Khán giả gọi là “đội bống” trẻ.",
                // Two spellings of one word are other rules' business.
                "Khu hòa bình, khu hòa bình, khu hòa bình và khu hoà bình.",
                "Kỹ sư, các kỹ sư, hai kỹ sư và ba kĩ sư.",
                // Both forms common.
                "Trong khi họp, trong khi bàn, trong khi làm, trong kho lưu, trong kho chứa.",
            ],
        );
    }

    #[test]
    fn the_message_shows_the_counts_and_the_frequent_uses() {
        let text = format!("{COMMUNES} và 3 xa đạt thấp.");
        assert_eq!(flagged(&VariantOutlier, &text), vec!["xa"]);
        let d = &check(&VariantOutlier, &text)[0];
        assert!(
            d.message.en.contains("after a number occurs once"),
            "{}",
            d.message.en
        );
        assert!(d.message.en.contains("occurs 3 times"), "{}", d.message.en);
        assert!(
            d.message.en.contains("“xa” 1×, “xã” 3×"),
            "{}",
            d.message.en
        );
        assert_eq!(d.related.len(), 2);
        assert_eq!(&text[d.related[0].span.clone()], "xã");
        assert!(!d.suggestions[0].safe);
        assert!(fixed(&VariantOutlier, &text).ends_with("3 xã đạt thấp."));
    }

    #[test]
    fn a_pair_bound_to_a_longer_phrase_is_no_evidence() {
        // "cập đến" is always "đề cập đến": it says nothing about "có thể cập bến".
        let text = "Bài viết đề cập đến đất đai. Báo cáo đề cập đến nhà ở. Ông đề cập đến cây xanh. Tàu có thể cập bến.";
        let doc = crate::document::Document::from_text(text);
        let index = super::Index::build(&doc);
        let findings = index.findings();
        assert_eq!(findings.len(), 1);
        let uses = index.uses(findings.iter().map(|f| f.other));
        assert!(index.bound_elsewhere(&findings[0], &uses));
        silent(&VariantOutlier, &[text]);
        // Bound to nothing in particular, the same counts are evidence.
        flags_each(
            &VariantOutlier,
            &[(
                "Bài viết đề cập đến đất đai. Báo cáo nhắc cập đến nhà ở. Ông lại cập đến cây xanh. Tàu có thể cập bến.",
                &["bến"],
            )],
        );
    }

    #[test]
    fn a_slot_is_four_bytes_and_finds_its_token_again() {
        assert_eq!(std::mem::size_of::<super::Slot>(), 4);
        // Several blocks, numbers, punctuation, capitals, more slots than a mark spans.
        let text =
            format!("{COMMUNES} và 3 xa đạt thấp.\n\nXã 5 có 3 xã mới, 4 xã cũ.\n\n").repeat(12);
        let doc = crate::document::Document::from_text(&text);
        let index = super::Index::build(&doc);
        assert!(index.slots.len() > 3 * super::MARK_EVERY);
        for (k, s) in index.slots.iter().enumerate() {
            let written = &doc.text[index.range(k)];
            if s.id() == super::NUMBER {
                assert!(
                    written.chars().all(|c| c.is_ascii_digit()),
                    "{k}: {written}"
                );
            } else {
                assert_eq!(written.to_lowercase(), index.names[s.id() as usize], "{k}");
            }
        }
    }

    #[test]
    fn the_uses_in_a_context_are_the_slots_holding_the_word_there_in_text_order() {
        // A long document: every word has many slots, in many contexts.
        let text = format!("{COMMUNES} và 3 xa đạt thấp. Xã 5 có 3 xã mới và 4 xã cũ. ").repeat(20);
        let doc = crate::document::Document::from_text(&text);
        let index = super::Index::build(&doc);
        let ids = 0..index.names.len() as u32;
        let uses = index.uses(ids.clone());
        for (k, s) in index.slots.iter().enumerate() {
            let (left, right) = (index.left(k), index.right(k));
            for context in [
                super::Context::After(left),
                super::Context::Before(right),
                super::Context::Between(left, right),
            ] {
                let every_slot: Vec<usize> = (0..index.slots.len())
                    .filter(|&j| index.in_context(j, s.id(), context))
                    .collect();
                assert!(every_slot.contains(&k));
                assert_eq!(
                    uses.of(&index, s.id(), context).collect::<Vec<_>>(),
                    every_slot
                );
            }
        }
        // A word not asked for has none.
        let some = index.uses(std::iter::once(0));
        assert!(ids.skip(1).all(|id| some.slots[id as usize].is_none()));
    }

    #[test]
    fn a_word_with_the_neighbour_on_the_other_side_is_no_slip() {
        // "nông nghiệp" is a word: "khu nông nghiệp" is another kind of zone.
        let zones = "Khu công nghiệp A. Khu công nghiệp B. Các khu công nghiệp lớn. \
                     Một khu công nghiệp mới";
        silent(
            &VariantOutlier,
            &[&format!(
                "{zones} và một khu nông nghiệp ứng dụng công nghệ cao."
            )],
        );
        // "cong nghiệp" is no word of the list: the odd one out is still reported.
        assert_eq!(
            flagged(
                &VariantOutlier,
                &format!("{zones} và một khu cong nghiệp nhỏ.")
            ),
            vec!["cong"]
        );
    }

    #[test]
    fn another_word_sharing_a_syllable_is_no_slip() {
        // "cộng tác" is a word, and the model writes "cộng tác viên" far more often than
        // "công tác viên": a second word beside "công tác", not a slip of it.
        let work = "Đoàn công tác của huyện đến xã. Công tác tuyên truyền được chú trọng. \
                    Kết quả công tác năm nay khá. Đoàn công tác làm việc với cán bộ thôn";
        silent(
            &VariantOutlier,
            &[&format!("{work}, cộng tác viên của xã.")],
        );
        // A form that makes no word with the neighbour is still reported.
        assert_eq!(
            flagged(&VariantOutlier, &format!("{work}, cong tác viên của xã.")),
            vec!["cong"]
        );
    }

    #[test]
    fn a_name_is_no_evidence_against_a_common_phrase() {
        silent(
            &VariantOutlier,
            &[
                "Hội Nông dân xã kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam. Chiều 13-10, Hội Nông dân xã tổ chức lễ kỷ niệm Ngày thành lập Hội Nông dân Việt Nam. Ông Tuấn, Chủ tịch Hội Nông dân xã, phát biểu. Năm qua, Hội Nông dân xã giới thiệu 47 hội viên vay vốn. Ông trao giấy khen cho 15 hộ nông dân sản xuất giỏi. Đại diện các hộ phát biểu.",
            ],
        );
    }

    #[test]
    fn a_word_of_the_vocabulary_is_left_alone() {
        let text = "Đội bóng thắng. Đội bóng hòa. Đội bóng thua. Đội bống thua tiếp.";
        let flagged = |config: &crate::Config| {
            crate::lint_text(text, config)
                .iter()
                .filter(|d| d.rule == "variant-outlier")
                .count()
        };
        let mut config = crate::Config::default();
        assert_eq!(flagged(&config), 1);
        config.vocabulary = std::sync::Arc::new(["bống".to_string()].into_iter().collect());
        assert_eq!(flagged(&config), 0);
    }

    #[test]
    fn a_slip_a_confusion_table_reports_is_left_to_it() {
        let text =
            "Quận có 8 phường. 3 phường đạt chuẩn, 4 phường đạt một phần và 1 phương đạt thấp.";
        let doc = crate::document::Document::from_text(text);
        assert_eq!(super::Index::build(&doc).findings().len(), 1);
        let rules = |config: &crate::Config| -> Vec<&str> {
            crate::lint_text(text, config)
                .iter()
                .map(|d| d.rule)
                .collect()
        };
        assert_eq!(rules(&crate::Config::default()), ["confusion"]);
        // With the tables off, the slip is still reported, here.
        let off = crate::Config::from_toml("[rules]\nconfusion = \"off\"\n").unwrap();
        assert_eq!(rules(&off), ["variant-outlier"]);
    }
}
