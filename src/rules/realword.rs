use std::borrow::Cow;
use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::analysis::quotes::quoted_ranges;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{Block, Document};
use crate::model::{self, Model};
use crate::rules::slips::{self, Finding, eligible, pair_counts_among};
use crate::rules::{LintContext, OptionSpec, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, apply_case, case_of};
use crate::text::syllable::{self, Edit, MarkStyle, Spelling};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// A real word that does not fit its place, where a word one slip away fits far better, by the built-in model of Vietnamese.
    ///
    /// ## What it does
    /// vnlint carries a model of Vietnamese: how often each syllable, pair and triple of
    /// syllables occurs in 12 million syllables of Vietnamese Wikipedia and Vietnamese
    /// laws, and which pairs stand inside a word of Wiktionary. For every lower-case
    /// syllable (or a capital opening its sentence), it tries the
    /// syllables one slip away: another tone, a vowel mark (a/ă/â, o/ô/ơ, u/ư, e/ê) or d/đ,
    /// an onset swap (s/x, ch/tr, d/gi/r, l/n) or its spelling rule, a final n/ng or t/c,
    /// a final consonant missing or extra, i/y inside a rhyme; and, on stronger evidence, any
    /// other letter replaced, left out, added or swapped with the next, the tone the same
    /// ("bàn diễn văn", "nghên cứu"): the written pairs never seen (at most `max-count` times)
    /// and the variant's pairs vouching
    /// for it on each side that has a neighbour, and the variant at least `letter-ratio`
    /// times (default 100000) likelier; not in a syllable hyphened to a word ("sô-cô-la"). Each is scored with the
    /// model on both sides of the word (triples where the model has seen them, backing off
    /// to pairs and single syllables, Witten-Bell; a break after the word, such as a comma,
    /// counts as evidence too: how often the model saw each reading last before one), times
    /// a prior on the kind of slip. The
    /// syllable is reported when the written word makes a pair the model has seen at most
    /// `max-count` times (default 1), or fewer than `min-count` times and at most
    /// 1/`rare-share` (default 1/200) as often as the variant's pair (the reference text has slips of its own), and not inside a dictionary word (unless the reference text never writes that word and the variant's pair is a strong collocation: seen 100 times and ten times as often as chance; the word list has misspellings of its own, "hò sơ"), the variant
    /// makes that pair at least `min-count` times (default 20; where both written pairs are
    /// unseen, a quarter of it each side and `min-count` together, each side ten times as
    /// often as chance: "nóng long muốn") and at least `min-association`
    /// times (default 1) as often as its two syllables would meet by chance (a collocation,
    /// not a common word beside any neighbour), and the variant is at least `min-ratio` times
    /// (default 10000; `strong-ratio`, off by default at 10000, 3000 to opt in, where the variant's pair is a strong
    /// collocation of two words: seen 100 times and ten times as often as chance) likelier in this place,
    /// and at least `min-context` times (default 10)
    /// once how common each syllable is on its own is left out. A written pair rare beside the
    /// variant's but seen more than `max-count` times, and at most 1/`rare-share` of the
    /// written word's own uses, where the variant stands in a triple the model has seen with
    /// these neighbours, is taken for the reference text's own slips ("phổ biển" 12 times,
    /// "phổ biến" 3,505): the score counts it as never seen. A word whose two pairs are
    /// common but stand in a triple the model has seen at most `max-count` times is judged
    /// the same way on the triple ("đô là Mỹ" / "đô la Mỹ"). The message gives both
    /// counts. A syllable the model never saw is judged the same way, against the
    /// variants it knows, any one letter away (deleted, inserted, replaced or swapped, i/y
    /// aside: “xuất hện”, “cốc hứ hai”); a word glued to a number or word is not judged. Names (a capital inside a sentence) are judged only where both their pairs are
    /// rare and the variant makes a strong collocation on both sides (“Thổ Nhì Kỳ”, “Thổ Nhĩ
    /// Kỳ” 871 times); words in quotation marks, words of the user's vocabulary, a pair the document writes three
    /// times or more without ever writing the variant's (unless the reference text writes it
    /// at most `max-count` times beside a strong collocation of the variant: a slip made again
    /// and again), a word the document writes in lower case twice more elsewhere in pairs the
    /// model knows far more often than the reference text, never writing the variant's pair
    /// there (the topic's word: "ca mổ", then "quyết định mổ."; "30 hộp", then "mỗi hộp"), and a
    /// pair the user's archive
    /// model (`--model`) writes are left alone; so are slips `confusion`, `variant-outlier`
    /// or `rare-variant` report. The thresholds were chosen on slips injected into corpus
    /// text the model was not built from (`scripts/tune_realword.py`).
    ///
    /// ## Why
    /// A slip that leaves a real syllable ("thoát khởi", "cở sở") passes every spell
    /// checker and no table can list them all; but the model has read "thoát khỏi"
    /// hundreds of times and "thoát khởi" never.
    ///
    /// ## Example
    /// ```text
    /// Người dân đã thoát khởi cảnh nghèo nhờ chương trình hỗ trợ của tỉnh.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Người dân đã thoát khỏi cảnh nghèo nhờ chương trình hỗ trợ của tỉnh.
    /// ```
    pub struct Realword {
        id: "realword",
        severity: Warning,
        options: [
            OptionSpec::integer("max-count", 1, 0),
            OptionSpec::integer("min-count", 20, 1),
            OptionSpec::integer("min-ratio", 10_000, 1),
            OptionSpec::integer("rare-share", 200, 1),
            OptionSpec::integer("min-context", CONTEXT_DEFAULT, 1),
            OptionSpec::integer("min-association", ASSOCIATION_DEFAULT, 0),
            OptionSpec::integer("strong-ratio", STRONG_RATIO_DEFAULT, 1),
            OptionSpec::integer("letter-ratio", LETTER_RATIO_DEFAULT, 0),
        ],
        gives_way_to: ["confusion", "variant-outlier", "rare-variant"],
        vi: "Một từ có thật nhưng không hợp với chỗ đứng của nó, trong khi một từ chỉ khác một lỗi gõ hợp hơn hẳn, theo mô hình tiếng Việt có sẵn.

## Tác dụng
vnlint mang theo một mô hình tiếng Việt: số lần mỗi âm tiết, mỗi cặp và mỗi bộ ba âm tiết xuất hiện trong 12 triệu âm tiết của Wikipedia tiếng Việt và các văn bản luật, cùng các cặp âm tiết nằm trong một từ của Wiktionary. Với mỗi âm tiết viết thường (hoặc viết hoa ở đầu câu), quy tắc thử các âm tiết chỉ khác một lỗi: dấu thanh khác, dấu mũ hoặc móc (a/ă/â, o/ô/ơ, u/ư, e/ê) hoặc d/đ, phụ âm đầu (s/x, ch/tr, d/gi/r, l/n) hoặc quy tắc chính tả của nó, âm cuối n/ng hoặc t/c, thiếu hoặc thừa phụ âm cuối, i/y trong vần; và, khi bằng chứng mạnh hơn, một chữ cái bất kỳ khác bị thay, thiếu, thừa hoặc đổi chỗ với chữ sau, cùng dấu thanh (“bàn diễn văn”, “nghên cứu”): các cặp đã viết đều chưa từng gặp (tối đa `max-count` lần) và các cặp của biến thể xác nhận nó ở mỗi phía có từ bên cạnh, và biến thể hợp hơn ít nhất `letter-ratio` lần (mặc định 100000); trừ âm tiết nối bằng gạch nối với một từ (“sô-cô-la”). Mỗi biến thể được chấm điểm bằng mô hình ở cả hai phía của từ (bộ ba khi mô hình đã gặp, lùi dần về cặp và âm tiết đơn, Witten-Bell; chỗ ngắt ngay sau từ, như dấu phẩy, cũng là bằng chứng: mô hình đã gặp mỗi cách đọc đứng cuối trước chỗ ngắt bao nhiêu lần), nhân với xác suất tiên nghiệm của loại lỗi. Âm tiết bị báo khi từ đã viết tạo thành cặp mà mô hình gặp tối đa `max-count` lần (mặc định 1), hoặc ít hơn `min-count` lần và không quá 1/`rare-share` (mặc định 1/200) số lần của cặp biến thể (văn bản tham chiếu cũng có lỗi), và không nằm trong một từ của từ điển (trừ khi văn bản tham chiếu chưa từng viết từ ấy và cặp của biến thể là một cụm rất quen: gặp từ 100 lần và gấp mười lần ngẫu nhiên; danh sách từ cũng có lỗi chính tả, “hò sơ”), biến thể tạo thành cặp đó ít nhất `min-count` lần (mặc định 20; khi cả hai cặp đã viết đều chưa từng gặp, mỗi phía một phần tư số đó và cả hai cộng lại `min-count`, mỗi phía gấp mười lần ngẫu nhiên: “nóng long muốn”) và ít nhất `min-association` lần (mặc định 1) so với số lần hai âm tiết ấy gặp nhau do ngẫu nhiên (một cụm quen, không phải một từ phổ biến đứng cạnh bất kỳ từ nào), và biến thể hợp với chỗ này hơn ít nhất `min-ratio` lần (mặc định 10000; `strong-ratio`, mặc định 10000 tức là tắt, đặt 3000 để bật, khi cặp của biến thể là một cụm rất quen: gặp từ 100 lần và gấp mười lần ngẫu nhiên), và ít nhất `min-context` lần (mặc định 10) khi đã bỏ qua độ phổ biến riêng của mỗi âm tiết. Một cặp đã viết hiếm so với cặp của biến thể nhưng gặp hơn `max-count` lần, và chiếm không quá 1/`rare-share` số lần dùng của chính từ đã viết, ở chỗ mà biến thể đứng trong một bộ ba mô hình đã gặp với các từ bên cạnh này, được coi là lỗi của chính văn bản tham chiếu (“phổ biển” 12 lần, “phổ biến” 3.505 lần): khi chấm điểm, cặp ấy được tính như chưa từng gặp. Một từ mà hai cặp đều phổ biến nhưng bộ ba chúng tạo thành thì mô hình gặp tối đa `max-count` lần cũng được xét như vậy trên bộ ba (“đô là Mỹ” / “đô la Mỹ”). Thông báo nêu cả hai con số. Âm tiết mà mô hình chưa gặp bao giờ cũng được xét như vậy, so với các biến thể mà mô hình biết, cách một chữ cái bất kỳ (thiếu, thừa, sai hoặc đảo chỗ, trừ i/y: “xuất hện”, “cốc hứ hai”); từ dính liền với một con số hay một từ khác thì không được xét. Tên riêng (viết hoa giữa câu) chỉ được xét khi cả hai cặp của nó đều hiếm và biến thể tạo thành một cụm rất quen ở cả hai phía (“Thổ Nhì Kỳ”, “Thổ Nhĩ Kỳ” gặp 871 lần); từ trong ngoặc kép, từ trong từ điển riêng của người dùng, cặp từ mà chính văn bản viết từ ba lần trở lên và không lần nào viết cặp của biến thể (trừ khi văn bản tham chiếu viết cặp ấy tối đa `max-count` lần trong khi cặp của biến thể là một cụm rất quen: một lỗi gõ lặp đi lặp lại), từ mà văn bản còn viết thường ít nhất hai lần nữa trong những cặp mô hình đã gặp, nhiều hơn hẳn văn bản tham chiếu, và không lần nào viết cặp của biến thể ở chỗ ấy (từ của chủ đề: “ca mổ”, rồi “quyết định mổ.”; “30 hộp”, rồi “mỗi hộp”), và cặp từ mà mô hình kho văn bản của người dùng (`--model`) có viết, được bỏ qua; lỗi mà `confusion`, `variant-outlier` hoặc `rare-variant` đã báo cũng vậy. Các ngưỡng được chọn trên lỗi cài vào phần văn bản của kho ngữ liệu mà mô hình không học (`scripts/tune_realword.py`).

## Vì sao
Lỗi gõ mà vẫn ra âm tiết có thật (“thoát khởi”, “cở sở”) lọt qua mọi trình kiểm tra chính tả, và không bảng nào liệt kê hết được; nhưng mô hình đã đọc “thoát khỏi” hàng trăm lần và chưa từng gặp “thoát khởi”.",
    }
}

/// The kind of slip that turns the variant into the word written, with its prior: how
/// much likelier than a tone slip it is taken to be (a tone or a vowel mark is the
/// commonest slip; a dropped or doubled consonant the rarest of these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slip {
    Tone,
    VowelMark,
    Onset,
    FinalConsonant,
    IY,
    /// Any other one-letter edit, only of a syllable the model never saw.
    OtherLetter,
    /// Another letter of a known syllable, the tone the same: replaced, left out, added
    /// or swapped with the next ("bàn diễn văn", "viễn ảnh"); judged against `letter-ratio`.
    KnownLetter,
}

impl Slip {
    fn prior(self) -> f64 {
        match self {
            Slip::Tone | Slip::VowelMark => 1.0,
            Slip::Onset => 0.5,
            Slip::FinalConsonant | Slip::IY | Slip::OtherLetter | Slip::KnownLetter => 0.3,
        }
    }

    /// The kind of slip between `written` and `variant` that the model's neighbour list
    /// found with `edit`, or None for an edit this rule does not consider (a tone mark
    /// placed elsewhere is a style, `tone-style`'s; most one-letter edits are too far).
    fn of(edit: Edit, written: &str, variant: &str) -> Option<Slip> {
        match edit {
            Edit::Placement => None,
            Edit::Tone => Some(Slip::Tone),
            Edit::VowelMark => Some(Slip::VowelMark),
            Edit::SpellingRule | Edit::Dialect => Some(Slip::Onset),
            Edit::Letter => letter_slip(written, variant),
        }
    }
}

/// Whether `a` and `b` differ only by i and y (kĩ / kỹ, quĩ / quỹ): a spelling convention,
/// `spelling-variant`'s, never a slip.
fn iy_only(a: &str, b: &str) -> bool {
    let (Ok(a), Ok(b)) = (Spelling::of(a), Spelling::of(b)) else {
        return false;
    };
    let plain =
        |s: &[char]| -> Vec<char> { s.iter().map(|&c| if c == 'y' { 'i' } else { c }).collect() };
    plain(a.letters()) == plain(b.letters())
}

/// Whether `a` and `b` have the same tone and letters one edit apart: one replaced, left
/// out, added, or two neighbours swapped.
fn one_letter(a: &str, b: &str) -> bool {
    let (Ok(a), Ok(b)) = (Spelling::of(a), Spelling::of(b)) else {
        return false;
    };
    if a.tone != b.tone {
        return false;
    }
    let (a, b) = (a.letters(), b.letters());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let same_start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            let rest = |from: usize| short[from..] == long[from..];
            same_start < short.len()
                && (rest(same_start + 1)
                    || (same_start + 2 <= short.len()
                        && short[same_start] == long[same_start + 1]
                        && short[same_start + 1] == long[same_start]
                        && rest(same_start + 2)))
        }
        1 => short[same_start..] == long[same_start + 1..],
        _ => false,
    }
}

/// A one-letter edit this rule considers: a final consonant missing or extra (thàn /
/// thành, bạn / bạ), or i/y inside a rhyme (tai / tay), the tone the same. i/y as the
/// whole rhyme after an onset (kỹ / kĩ) is a spelling convention, `spelling-variant`'s.
fn letter_slip(written: &str, variant: &str) -> Option<Slip> {
    let (Ok(a), Ok(b)) = (Spelling::of(written), Spelling::of(variant)) else {
        return None;
    };
    if a.tone != b.tone {
        return None;
    }
    let (a, b) = (a.letters(), b.letters());
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() == short.len() + 1 {
        let extra = long[short.len()];
        let consonant_end = matches!(extra, 'c' | 'g' | 'h' | 'm' | 'n' | 'p' | 't');
        return (long.starts_with(short) && consonant_end).then_some(Slip::FinalConsonant);
    }
    if a.len() != b.len() {
        return None;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let [i] = differ[..] else { return None };
    let iy = matches!((a[i], b[i]), ('i', 'y') | ('y', 'i'));
    // After "qu" the u is the onset's: quí / quý is the convention too.
    let onset_before =
        |j: usize| !syllable::is_vowel(a[j]) || (a[j] == 'u' && j > 0 && a[j - 1] == 'q');
    let convention = i + 1 == a.len() && (i == 0 || onset_before(i - 1));
    (iy && !convention).then_some(Slip::IY)
}

#[derive(Clone, Copy, PartialEq)]
struct Thresholds {
    max_count: u32,
    min_count: u32,
    min_ratio: f64,
    /// A written pair seen at most 1/rare_share as often as the variant's counts as rare.
    rare_share: u64,
    /// How many times better the neighbours must fit the variant than the word written,
    /// leaving out how common each is on its own ([`context_ratio`]).
    min_context: f64,
    /// How many times more often than chance the variant's pair must occur to count as
    /// evidence ([`association`]); 0 leaves the test out.
    min_association: f64,
    /// The ratio enough where the variant's pair is a strong collocation.
    strong_ratio: f64,
    /// The ratio a known syllable's other one-letter slip needs ([`Slip::KnownLetter`]);
    /// 0 leaves such slips out.
    letter_ratio: f64,
}

impl Thresholds {
    /// Whether a written pair seen `c` times may be rare beside a neighbour seen
    /// `neighbour` times (the variant's pair cannot be more frequent than its neighbour).
    fn may_be_rare(&self, c: u32, neighbour: u32) -> bool {
        c <= self.max_count
            || (c < self.min_count && u64::from(c) * self.rare_share <= u64::from(neighbour))
    }
}

/// The model this rule reads: the built-in model of Vietnamese. (One small function, so
/// that where the model comes from can change in one place.)
impl Rule for Realword {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(model) = ctx.shared.reference else {
            return;
        };
        let t = Thresholds {
            max_count: ctx.integer("max-count"),
            min_count: ctx.integer("min-count"),
            min_ratio: f64::from(ctx.integer("min-ratio")),
            rare_share: u64::from(ctx.integer("rare-share")),
            min_context: f64::from(ctx.integer("min-context")),
            min_association: f64::from(ctx.integer("min-association")),
            strong_ratio: f64::from(ctx.integer("strong-ratio")),
            letter_ratio: f64::from(ctx.integer("letter-ratio")),
        };
        MEMORY.with_borrow_mut(|memory| {
            let memory = match memory {
                Some(m) if m.model == model.serial() && m.thresholds == t => m,
                _ => memory.insert(Memory::new(model.serial(), t)),
            };
            if memory.verdicts.len() >= REMEMBERED {
                memory.verdicts.clear();
            }
            if memory.ids.len() >= REMEMBERED {
                memory.ids.clear();
            }
            self.check_with(ctx, model, memory, out);
        });
    }
}

impl Realword {
    fn check_with(
        &self,
        ctx: &LintContext<'_>,
        model: &Model,
        memory: &mut Memory,
        out: &mut Vec<Diagnostic>,
    ) {
        let doc = ctx.doc;
        let keys = model::keys(doc);
        // The model's id of each written form, by its lexicon entry, looked up once.
        let ids: Vec<Option<u16>> = keys
            .iter()
            .map(|k| k.as_deref().and_then(|k| memory.id(model, k)))
            .collect();
        let number = model.id(model::NUMBER);
        let t = memory.thresholds;
        let mut memo = Memo {
            number,
            memory,
            unseen_verdicts: FxHashMap::default(),
            unseen: FxHashMap::default(),
        };
        let mut units: Vec<(usize, Option<u16>)> = Vec::new();
        let units_of = |block: &Block, units: &mut Vec<(usize, Option<u16>)>| {
            units.clear();
            model::walk(doc, block, &keys, |i, key| {
                let id = key.and_then(|k| {
                    if k == model::NUMBER {
                        number
                    } else {
                        ids.get(doc.tokens[i].word() as usize).copied().flatten()
                    }
                });
                units.push((i, id));
            });
        };
        // The suspects of every block first: the document's own pairs are then counted
        // only for the words they are about.
        let mut suspected: Vec<(&Block, Vec<Finding>)> = Vec::new();
        for block in &doc.blocks {
            if doc.is_legacy_block(block) {
                continue;
            }
            units_of(block, &mut units);
            let found = suspects(doc, block, model, &keys, &units, &t, &mut memo);
            if !found.is_empty() {
                suspected.push((block, found));
            }
        }
        if suspected.is_empty() {
            return;
        }
        let mut words: Vec<&str> = Vec::new();
        for (block, found) in &suspected {
            units_of(block, &mut units);
            for f in found {
                let word = doc.tokens[units[f.at].0].word() as usize;
                words.extend(keys.get(word).and_then(|k| k.as_deref()));
                words.push(model.syllable(f.variant));
            }
        }
        let pairs = pair_counts_among(doc, &keys, &words);
        // Worked out on first need: most findings have evidence on both sides.
        let mut uses: Option<DocumentUses> = None;
        let mut walked = Vec::new();
        for (block, found) in &suspected {
            units_of(block, &mut units);
            let quoted = quoted_ranges(doc, block);
            let pairs = &pairs;
            let kept = slips::kept(found, |f| {
                let token = &doc.tokens[units[f.at].0];
                let mut own_word = || {
                    let uses = uses.get_or_insert_with(|| {
                        DocumentUses::of(
                            doc,
                            model,
                            &ids,
                            &suspected,
                            &mut walked,
                            units_of,
                            t.max_count,
                        )
                    });
                    uses.writers_word(model, &units, f)
                        && !writes_variant_pair(pairs, &units, doc, &keys, model, f)
                };
                quoted.iter().any(|q| q.contains(&token.start()))
                    || repeated(pairs, &units, doc, &keys, model, f, &t)
                    || own_word()
                    || archive_writes(ctx.model(), &units, model, f)
            });
            for f in kept {
                out.push(diagnostic(self.meta(), doc, model, &units, f));
            }
        }
    }
}

/// The word judged: a syllable the model knows, or one it never saw (by its lexicon
/// entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Written {
    Known(u16),
    Unseen(u32),
}

/// What one document's check works out once, beside what the thread remembers.
struct Memo<'m> {
    memory: &'m mut Memory,
    /// The verdict on a syllable the model never saw (by its lexicon entry) between the
    /// same two neighbours each side, as a name or not, hyphened or not.
    unseen_verdicts: FxHashMap<(u64, u32, bool, bool), Option<Finding>>,
    /// The variants of each syllable the model never saw, by its lexicon entry.
    unseen: FxHashMap<u32, Vec<(u16, Edit)>>,
    /// The model's id of [`model::NUMBER`].
    number: Option<u16>,
}

/// What a thread's checks work out from the model alone, kept from one document to the
/// next: a folder of short releases writes the same pairs and phrases file after file, and
/// a document's own memory would start empty each time. Kept for one model and one set of
/// thresholds.
struct Memory {
    /// The [`Model::serial`] of the model the answers come from.
    model: u64,
    thresholds: Thresholds,
    /// The verdict on a known syllable between the same two neighbours each side, as a
    /// name or not, hyphened or not.
    verdicts: FxHashMap<(u64, u16, bool, bool), Option<Finding>>,
    /// The model's id of each key looked up (a binary search of the vocabulary).
    ids: FxHashMap<Box<str>, Option<u16>>,
    /// The model's count of each pair looked up.
    pairs: CountCache,
    /// The model's count of each triple `suspects` asks about.
    triples: CountCache,
}

/// The most verdicts (and ids) a thread remembers before it starts afresh.
const REMEMBERED: usize = 1 << 16;

/// The places of each count table (2^14: 256 KiB).
const COUNT_CACHE_BITS: u32 = 14;

thread_local! {
    static MEMORY: RefCell<Option<Memory>> = const { RefCell::new(None) };
}

impl Memory {
    fn new(model: u64, thresholds: Thresholds) -> Memory {
        Memory {
            model,
            thresholds,
            verdicts: FxHashMap::default(),
            ids: FxHashMap::default(),
            pairs: CountCache::with_bits(COUNT_CACHE_BITS),
            triples: CountCache::with_bits(COUNT_CACHE_BITS),
        }
    }

    /// The model's id of `key`, looked up once.
    fn id(&mut self, model: &Model, key: &str) -> Option<u16> {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = model.id(key);
        self.ids.insert(key.into(), id);
        id
    }
}

/// The model's counts of the pairs (or triples) last looked up, in a table of fixed size
/// indexed by a hash of the key (a newer key takes an older one's place): a hit costs a
/// multiplication and a comparison, where a hash map's entry cost far more for every word
/// of a long document.
struct CountCache {
    /// (key + 1, count); a key of 0 for an empty place.
    slots: Vec<(u64, u32)>,
    /// The table holds 2^bits places.
    bits: u32,
}

impl CountCache {
    /// A table of 2^bits places.
    fn with_bits(bits: u32) -> CountCache {
        CountCache {
            slots: vec![(0, 0); 1 << bits],
            bits,
        }
    }

    /// The count of `key` (below 2^63), from `count` the first time.
    fn get(&mut self, key: u64, count: impl FnOnce() -> u32) -> u32 {
        let at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize;
        let (stored, n) = self.slots[at];
        if stored == key + 1 {
            return n;
        }
        let n = count();
        self.slots[at] = (key + 1, n);
        n
    }

    /// The model's count of the pair `a b`.
    fn pair(&mut self, model: &Model, a: u16, b: u16) -> u32 {
        self.get(u64::from(a) << 16 | u64::from(b), || model.bigram(a, b))
    }

    /// The model's count of the triple `a x b`.
    fn triple(&mut self, model: &Model, a: u16, x: u16, b: u16) -> u32 {
        let key = u64::from(a) << 32 | u64::from(x) << 16 | u64::from(b);
        self.get(key, || model.trigram(a, x, b))
    }
}

/// The syllables of a block whose variant fits their place far better, by the model.
fn suspects(
    doc: &Document,
    block: &Block,
    model: &Model,
    keys: &[Option<Cow<'_, str>>],
    units: &[(usize, Option<u16>)],
    t: &Thresholds,
    memo: &mut Memo,
) -> Vec<Finding> {
    let number = memo.number;
    let unit = |k: Option<usize>| k.and_then(|k| units.get(k)).and_then(|(_, id)| *id);
    let mut out = Vec::new();
    let unit_kind = |j: usize| {
        doc.tokens
            .get(j)
            .is_some_and(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number))
    };
    let glued = |i: usize| (i > 0 && unit_kind(i - 1)) || unit_kind(i + 1);
    for (k, &(i, w)) in units.iter().enumerate() {
        if (w.is_some() && w == number) || doc.tokens[i].kind() != TokenKind::Word {
            continue;
        }
        let word = doc.tokens[i].word();
        let w = match w {
            Some(id) => Written::Known(id),
            // A syllable the model never saw (a word that is no syllable has no key; a word
            // glued to a number or another word, "6e", "2005và", is no unit of its own).
            None if keys.get(word as usize).is_some_and(Option::is_some) && !glued(i) => {
                Written::Unseen(word)
            }
            None => continue,
        };
        let (l1, r1) = (unit(k.checked_sub(1)), unit(Some(k + 1)));
        // Most words make common pairs on both sides: two lookups (the document's pairs
        // remembered) settle them.
        let mut rare_beside = |a: Option<u16>, b: Option<u16>, neighbour: Option<u16>| {
            let (Some(a), Some(b), Some(n)) = (a, b, neighbour) else {
                return neighbour.is_some();
            };
            let count = memo.memory.pairs.pair(model, a, b);
            t.may_be_rare(count, model.unigram(n))
        };
        let known = match w {
            Written::Known(id) => Some(id),
            Written::Unseen(_) => None,
        };
        // `rare_between`, with the triples remembered.
        let mut rare_triple = || match (l1, known, r1) {
            (Some(a), Some(x), Some(b)) => {
                memo.memory.triples.triple(model, a, x, b) <= t.max_count
            }
            _ => false,
        };
        if !rare_beside(l1, known, l1) && !rare_beside(known, r1, r1) && !rare_triple() {
            continue;
        }
        let (l2, r2) = (l1.and(unit(k.checked_sub(2))), r1.and(unit(Some(k + 2))));
        // A capital inside a sentence makes a name: judged only on evidence from both
        // sides ("Tây Ba Nha").
        let name = !eligible(doc, block, i);
        if name && doc.case(&doc.tokens[i]) != Case::Capitalized {
            continue;
        }
        // A syllable hyphened to a word spells a loanword ("sô-cô-la"), whose letters are
        // the transcriber's: no other letter is taken for a slip there.
        let hyphen_at = |j: usize| {
            doc.tokens
                .get(j)
                .is_some_and(|t| t.kind() == TokenKind::Punct && doc.token_text(t) == "-")
        };
        let word_at = |j: usize| {
            doc.tokens
                .get(j)
                .is_some_and(|t| t.kind() == TokenKind::Word)
        };
        let hyphened =
            (hyphen_at(i + 1) && word_at(i + 2)) || (i >= 2 && hyphen_at(i - 1) && word_at(i - 2));
        let side = |n: Option<u16>| n.map_or(0, |n| u64::from(n) + 1);
        let context = side(l2) << 51 | side(l1) << 34 | side(r1) << 17 | side(r2);
        let remembered = match w {
            Written::Known(id) => memo.memory.verdicts.get(&(context, id, name, hyphened)),
            Written::Unseen(entry) => memo.unseen_verdicts.get(&(context, entry, name, hyphened)),
        };
        if let Some(verdict) = remembered {
            out.extend(verdict.clone().map(|f| Finding { at: k, ..f }));
            continue;
        }
        let key = keys
            .get(word as usize)
            .and_then(|k| k.as_deref())
            .unwrap_or("");
        let verdict = judge(
            model,
            key,
            [l2, l1, r1, r2],
            w,
            name,
            hyphened,
            t,
            number,
            &mut memo.unseen,
        )
        .map(|f| Finding { at: k, ..f });
        match w {
            Written::Known(id) => memo
                .memory
                .verdicts
                .insert((context, id, name, hyphened), verdict.clone()),
            Written::Unseen(entry) => memo
                .unseen_verdicts
                .insert((context, entry, name, hyphened), verdict.clone()),
        };
        out.extend(verdict);
    }
    out
}

/// How many variants of a syllable the model never saw are looked up.
const UNSEEN_VARIANTS: usize = 60;

/// The best variant of the word written (`key`, the model's id `written` when it knows
/// it) between its neighbours (two units each side, None for a break), if it passes the
/// thresholds. A `name` (a capital inside a sentence) passes only where both its pairs are
/// rare and the variant makes a strong collocation on both sides: a name one slip from a
/// name the model has read many times ("Tây Ba Nha"), not a name one slip from a word.
#[allow(clippy::too_many_arguments)]
fn judge(
    model: &Model,
    key: &str,
    [l2, l1, r1, r2]: [Option<u16>; 4],
    written: Written,
    name: bool,
    hyphened: bool,
    t: &Thresholds,
    number: Option<u16>,
    unseen: &mut FxHashMap<u32, Vec<(u16, Edit)>>,
) -> Option<Finding> {
    let w = match written {
        Written::Known(id) => Some(id),
        Written::Unseen(_) => None,
    };
    let pair = |a: Option<u16>, b: Option<u16>| match (a, b) {
        (Some(a), Some(b)) => model.bigram(a, b),
        _ => 0,
    };
    let word = |a: Option<u16>, b: Option<u16>| match (a, b) {
        (Some(a), Some(b)) => model.in_word_list(a, b),
        _ => false,
    };
    let (cl, cr) = (pair(l1, w), pair(w, r1));
    // A written pair is rare when the model has seen it at most `max-count` times, or fewer
    // than `min-count` times and at most 1/RARE_SHARE as often as the variant's pair (the
    // reference text has slips of its own); never when it stands inside a dictionary word. The variant's pair cannot be
    // more frequent than its neighbour: a cheap bound first.
    // A pair inside a headword the reference text never writes ("hò sơ", "xử dụng": the
    // word list has misspellings of its own) may be rare too, but only a strong
    // collocation of the variant outweighs the list (`listed_left`, `listed_right`).
    let rare = |c: u32, neighbour: Option<u16>, inside_word: &dyn Fn() -> bool| {
        neighbour.is_some_and(|n| {
            t.may_be_rare(c, model.unigram(n)) && (c <= t.max_count || !inside_word())
        })
    };
    let may_left = rare(cl, l1, &|| word(l1, w));
    let may_right = rare(cr, r1, &|| word(w, r1));
    let listed_left = may_left && word(l1, w);
    let listed_right = may_right && word(w, r1);
    // Both pairs common, the triple they make not: "người dân đầu", where the model has
    // read each pair but never the three together, and "người dẫn đầu" many times.
    let triple = |x: Option<u16>| match (l1, x, r1) {
        (Some(a), Some(x), Some(b)) => model.trigram(a, x, b),
        _ => 0,
    };
    let may_middle = !may_left
        && !may_right
        && rare_between(model, l1, w, r1, t)
        && !word(l1, w)
        && !word(w, r1);
    let may_middle = may_middle && !name;
    let ct = if may_middle { triple(w) } else { 0 };
    if (!may_left && !may_right && !may_middle) || (name && !(may_left && may_right)) {
        return None;
    }
    let rare_against = |c: u32, v: u32| t.may_be_rare(c, v);
    // The written word's fit is worked out at the first variant that passes the counts.
    let mut fit_written: Option<f64> = None;
    let known: Vec<(u16, Edit)>;
    let variants: &[(u16, Edit)] = match (w, written) {
        (Some(w), _) => {
            known = model.neighbours(w).collect();
            &known
        }
        (None, Written::Unseen(word)) => unseen.entry(word).or_insert_with(|| {
            syllable::edits(key, UNSEEN_VARIANTS)
                .iter()
                .filter_map(|(c, edit)| Some((model.id(c)?, *edit)))
                .collect()
        }),
        (None, Written::Known(_)) => return None,
    };
    // A strong collocation of two words.
    let strong =
        |count: u32, a: Option<u16>, b: Option<u16>| strong_collocation(model, count, a, b, number);
    let mut best: Option<Finding> = None;
    for &(v, edit) in variants {
        if edit == Edit::Placement || Some(v) == number || model.unigram(v) < t.min_count {
            continue;
        }
        let vl = if may_left { pair(l1, Some(v)) } else { 0 };
        let vr = if may_right { pair(Some(v), r1) } else { 0 };
        let rare_left = may_left && rare_against(cl, vl);
        let rare_right = may_right && rare_against(cr, vr);
        // Both written pairs never seen, both of the variant's seen and collocations (ten
        // times as often as chance, not a common word beside anything: "xử lý chó mèo" is
        // not "lý cho", "cho mèo"): two pieces of evidence that need not each reach
        // `min-count` ("nóng long muốn": "nóng lòng" 11 times, "lòng muốn" 11).
        let both = cl <= t.max_count
            && cr <= t.max_count
            && vl.min(vr) >= t.min_count / BOTH_SIDES_SHARE
            && vl + vr >= t.min_count
            && association(model, vl, l1, Some(v)) >= STRONG_ASSOCIATION
            && association(model, vr, Some(v), r1) >= STRONG_ASSOCIATION;
        let supports_left = rare_left
            && (vl >= t.min_count || both)
            && association(model, vl, l1, Some(v)) >= t.min_association
            && (!listed_left || strong(vl, l1, Some(v)));
        let supports_right = rare_right
            && (vr >= t.min_count || both)
            && association(model, vr, Some(v), r1) >= t.min_association
            && (!listed_right || strong(vr, Some(v), r1));
        let tv = if may_middle { triple(Some(v)) } else { 0 };
        let supports_middle = may_middle && tv >= t.min_count && rare_against(ct, tv);
        if !supports_left && !supports_right && !supports_middle {
            continue;
        }
        if name
            && !(supports_left
                && supports_right
                && strong(vl, l1, Some(v))
                && strong(vr, Some(v), r1))
        {
            continue;
        }
        let slip = match Slip::of(edit, key, model.syllable(v)) {
            Some(slip) => slip,
            // A syllable the model never saw is hardly one the writer chose: any one-letter
            // edit may be the slip ("giấp phép", "viểu sử").
            None if edit == Edit::Letter && w.is_none() && !iy_only(key, model.syllable(v)) => {
                Slip::OtherLetter
            }
            // A known syllable: another letter is a slip only on stronger evidence, the
            // variant's pairs vouching for it on each side that has a neighbour, the written
            // pairs never seen there (at most `max-count` times): "cá thể" is a word,
            // whatever "đó các" says, and "vừa phát" (6 times) a press release's phrase,
            // whatever "và phát" says; "bàn diễn văn" is a slip.
            None if edit == Edit::Letter
                && t.letter_ratio > 0.0
                && !hyphened
                && (l1.is_none() || (supports_left && cl <= t.max_count))
                && (r1.is_none() || (supports_right && cr <= t.max_count))
                && !iy_only(key, model.syllable(v))
                && one_letter(key, model.syllable(v)) =>
            {
                Slip::KnownLetter
            }
            None => continue,
        };
        // A written pair seen more than `max-count` times yet rare beside the variant's, and
        // rare among the written word's own uses too (at most 1/`rare-share` of them), is
        // taken for the reference text's own slips ("mặt dù" 17 times, "mặc dù" 3,994): the
        // score counts it as never seen, or those slips would cap the ratio. A pair that is
        // one of the word's common uses ("được gói" beside "được gọi") keeps its count, and
        // so does a pair whose variant the model never saw in a triple with these
        // neighbours (the wider context does not vouch for it: "diễu hành vì").
        let written_uses = w.map_or(0, |w| u64::from(model.unigram(w)));
        let seen_triple = |a: Option<u16>, b: Option<u16>, c: Option<u16>| match (a, b, c) {
            (Some(a), Some(b), Some(c)) => model.trigram(a, b, c) > t.max_count,
            _ => false,
        };
        let vouched = seen_triple(l2, l1, Some(v))
            || seen_triple(l1, Some(v), r1)
            || seen_triple(Some(v), r1, r2);
        let noisy = |rare: bool, c: u32, a: Option<u16>, b: Option<u16>| {
            let slips_of_reference =
                rare && vouched && c > t.max_count && u64::from(c) * t.rare_share <= written_uses;
            slips_of_reference.then(|| a.zip(b)).flatten()
        };
        let noise = Noise([noisy(rare_left, cl, l1, w), noisy(rare_right, cr, w, r1)]);
        let written_fit = if noise.is_empty() {
            *fit_written.get_or_insert_with(|| log_fit(model, &Noise::default(), l2, l1, w, r1, r2))
        } else {
            log_fit(model, &noise, l2, l1, w, r1, r2)
        };
        let variant_fit = log_fit(model, &Noise::default(), l2, l1, Some(v), r1, r2);
        let score = (variant_fit - written_fit + slip.prior().ln()).exp();
        // A variant's pair that is a strong collocation ("thoát khỏi") is evidence enough
        // for a lower ratio (`strong-ratio`).
        let needed = if (supports_left && strong(vl, l1, Some(v)))
            || (supports_right && strong(vr, Some(v), r1))
        {
            t.min_ratio.min(t.strong_ratio)
        } else {
            t.min_ratio
        };
        let needed = if slip == Slip::KnownLetter {
            needed.max(t.letter_ratio)
        } else {
            needed
        };
        if score < needed || best.as_ref().is_some_and(|b| b.score >= score) {
            continue;
        }
        if w.is_some() && context_ratio(model, score, w, v) < t.min_context {
            continue;
        }
        let use_left = supports_left && (!supports_right || vl >= vr);
        let (written_count, variant_count) = if supports_middle {
            (ct, tv)
        } else if use_left {
            (cl, vl)
        } else {
            (cr, vr)
        };
        best = Some(Finding {
            at: 0,
            variant: v,
            score,
            left: use_left,
            written_count,
            variant_count,
            // A triple's finding is the writer's choice if either pair is.
            rare_left: rare_left || supports_middle,
            rare_right: rare_right || supports_middle,
            triple: supports_middle,
        });
    }
    best
}

/// Whether the known word `w` stands between two neighbours in a triple the model has seen
/// at most `max-count` times (the triples it stores were seen twice or more).
fn rare_between(
    model: &Model,
    l1: Option<u16>,
    w: Option<u16>,
    r1: Option<u16>,
    t: &Thresholds,
) -> bool {
    match (l1, w, r1) {
        (Some(a), Some(x), Some(b)) => model.trigram(a, x, b) <= t.max_count,
        _ => false,
    }
}

/// A variant's pair seen at least this many times, and this many times as often as chance,
/// is a strong collocation: evidence enough for `strong-ratio` (fixed beforehand, not tuned).
const STRONG_COUNT: u32 = 100;
const STRONG_ASSOCIATION: f64 = 10.0;

/// Where both written pairs are unseen, each of the variant's pairs needs only
/// 1/BOTH_SIDES_SHARE of `min-count`, the two together `min-count`.
const BOTH_SIDES_SHARE: u32 = 4;

/// Whether the pair `a b`, seen `count` times, is a strong collocation of two words
/// ([`STRONG_COUNT`], [`STRONG_ASSOCIATION`]). A number stands for every number: "năm 58"
/// is "năm" before any figure, not a collocation of two words.
fn strong_collocation(
    model: &Model,
    count: u32,
    a: Option<u16>,
    b: Option<u16>,
    number: Option<u16>,
) -> bool {
    a != number
        && b != number
        && count >= STRONG_COUNT
        && association(model, count, a, b) >= STRONG_ASSOCIATION
}

/// The default of `strong-ratio`: the same as `min-ratio`, so off. 3000, chosen on slips
/// injected into held-out corpus text (`scripts/tune_realword.py --strong-grid`), finds 1.2 %
/// more of them, but a third of what it added on clean text was false ("hội thao" in a press
/// release, "độc đạo" on viwiki): a user who wants the recall sets it.
const STRONG_RATIO_DEFAULT: u32 = 10_000;

/// The default of `letter-ratio`, chosen on one-letter slips injected into held-out corpus
/// text (`scripts/tune_realword.py --letter-grid`).
const LETTER_RATIO_DEFAULT: u32 = 100_000;

/// The default of `min-association`, chosen on slips injected into held-out corpus text
/// (`scripts/tune_realword.py`).
const ASSOCIATION_DEFAULT: u32 = 1;

/// How many times more often the model saw the pair `a b` (`count` times) than two
/// syllables as common as `a` and `b` would meet by chance. A variant's pair is evidence
/// when it is a collocation ("thoát khỏi"), not when it is only two common words side by
/// side ("lý cho", "hợp của"): a frequent variant meets every neighbour often.
fn association(model: &Model, count: u32, a: Option<u16>, b: Option<u16>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else {
        return 0.0;
    };
    let expected = f64::from(model.unigram(a)) * f64::from(model.unigram(b))
        / model.provenance().tokens.max(1) as f64;
    f64::from(count) / expected.max(f64::MIN_POSITIVE)
}

/// The default of `min-context`, chosen on slips injected into held-out corpus text
/// (`scripts/tune_realword.py`).
const CONTEXT_DEFAULT: u32 = 10;

/// How many times better the variant `v` fits between the neighbours than the known word
/// written `w`, leaving out how common each syllable is on its own: the score divided by
/// the ratio of their frequencies. A frequent variant is likelier anywhere; it is the
/// neighbours' evidence that says it belongs here. Beside a rare everyday word the model
/// has no pair for ("nuôi kết hợp cua", "chó mèo"), the score is mostly the variant's
/// frequency ("của", "cho"), and the neighbours say little.
fn context_ratio(model: &Model, score: f64, w: Option<u16>, v: u16) -> f64 {
    score * prior(model, w) / prior(model, Some(v))
}

/// The log of how likely the model finds `x` between its neighbours:
/// P(x | l2 l1) · P(r1 | l1 x) · P(r2 | x r1), each a triple's estimate interpolated with
/// the pair's (Witten-Bell: a history's own counts are trusted in proportion to how rarely
/// it is followed by something new), the pair's with the syllable's own frequency.
fn log_fit(
    model: &Model,
    noise: &Noise,
    l2: Option<u16>,
    l1: Option<u16>,
    x: Option<u16>,
    r1: Option<u16>,
    r2: Option<u16>,
) -> f64 {
    let mut p = if l1.is_some() {
        given(model, noise, l2, l1, x)
    } else {
        prior(model, x)
    };
    match r1 {
        Some(r1) => {
            p *= given(model, noise, l1, x, Some(r1));
            if let Some(r2) = r2 {
                p *= given(model, noise, x, Some(r1), Some(r2));
            }
        }
        // A break after the word is evidence too: "các dì," ends a phrase where "các di"
        // never does (di tích, di sản).
        None => p *= ends_here(model, noise, l1, x),
    }
    p.ln()
}

/// P(a break right after x | l1 x), interpolated like [`given`]: how often the model saw
/// the pair, then the syllable, last before a break, backing off to the share of all
/// syllables that are.
fn ends_here(model: &Model, noise: &Noise, l1: Option<u16>, x: Option<u16>) -> f64 {
    let rate = model.break_rate();
    let Some(x) = x else { return rate };
    let seen = f64::from(model.unigram(x));
    let followers = f64::from(model.followers(x));
    let single = if seen + followers == 0.0 {
        rate
    } else {
        (f64::from(model.ends(x)) + followers * rate) / (seen + followers)
    };
    let Some(a) = l1 else { return single };
    let history = f64::from(noise.bigram(model, a, x));
    let next = f64::from(model.trigram_followers(a, x));
    match model.trigram_ends(a, x) {
        Some(ends) if history > 0.0 && next > 0.0 => {
            (f64::from(ends) + next * single) / (history + next)
        }
        _ => single,
    }
}

/// The written pairs (at most one each side) that the score counts as never seen, with the
/// triples they stand in: the reference text's own slips.
#[derive(Default)]
struct Noise([Option<(u16, u16)>; 2]);

impl Noise {
    fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    fn has(&self, a: u16, b: u16) -> bool {
        self.0.contains(&Some((a, b)))
    }

    fn bigram(&self, model: &Model, a: u16, b: u16) -> u32 {
        if self.has(a, b) {
            0
        } else {
            model.bigram(a, b)
        }
    }

    fn trigram(&self, model: &Model, a: u16, b: u16, c: u16) -> u32 {
        if self.has(a, b) || self.has(b, c) {
            0
        } else {
            model.trigram(a, b, c)
        }
    }
}

/// P(x), add-one smoothed (None: a syllable the model never saw).
fn prior(model: &Model, x: Option<u16>) -> f64 {
    let total = model.provenance().tokens as f64 + model.syllable_count() as f64;
    (x.map_or(0.0, |x| f64::from(model.unigram(x))) + 1.0) / total
}

/// P(x | a b), with `a` or `b` None for no history there.
fn given(model: &Model, noise: &Noise, a: Option<u16>, b: Option<u16>, x: Option<u16>) -> f64 {
    let Some(b) = b else {
        return prior(model, x);
    };
    let Some(x) = x else {
        let followers = f64::from(model.followers(b));
        let seen = f64::from(model.unigram(b));
        if seen + followers == 0.0 {
            return prior(model, None);
        }
        return followers * prior(model, None) / (seen + followers);
    };
    let seen = f64::from(model.unigram(b));
    let followers = f64::from(model.followers(b));
    let bigram = if seen + followers == 0.0 {
        prior(model, Some(x))
    } else {
        (f64::from(noise.bigram(model, b, x)) + followers * prior(model, Some(x)))
            / (seen + followers)
    };
    let Some(a) = a else { return bigram };
    let history = f64::from(noise.bigram(model, a, b));
    let next = f64::from(model.trigram_followers(a, b));
    if history == 0.0 || next == 0.0 {
        return bigram;
    }
    (f64::from(noise.trigram(model, a, b, x)) + next * bigram) / (history + next)
}

/// How the whole document uses the words of the findings: where it writes each in a pair
/// the model has seen (more than `max-count` times), and how many words and numbers it has.
struct DocumentUses {
    /// (written syllable, token index) of each such use.
    attested: Vec<(u16, usize)>,
    /// How many syllables and numbers the document has.
    units: usize,
}

/// How many other uses of a word in pairs the model knows make it the document's own word.
const DOCUMENT_WORD: usize = 2;
/// How many times as often as in the reference text the document must use it.
const TOPICAL: f64 = 10.0;

impl DocumentUses {
    /// `ids` is the model's id of each lexicon entry. Only the blocks holding one of the
    /// findings' words are walked.
    fn of<'b>(
        doc: &'b Document,
        model: &Model,
        ids: &[Option<u16>],
        suspected: &[(&'b Block, Vec<Finding>)],
        units: &mut Vec<(usize, Option<u16>)>,
        units_of: impl Fn(&'b Block, &mut Vec<(usize, Option<u16>)>),
        max_count: u32,
    ) -> DocumentUses {
        // By the model's id: whether it is the word of a finding.
        let mut written = vec![false; usize::from(u16::MAX) + 1];
        for (block, found) in suspected {
            units_of(block, units);
            for id in found.iter().filter_map(|f| units[f.at].1) {
                written[usize::from(id)] = true;
            }
        }
        let wanted: Vec<bool> = ids
            .iter()
            .map(|id| id.is_some_and(|id| written[usize::from(id)]))
            .collect();
        let mut attested = Vec::new();
        let mut count = 0;
        for block in &doc.blocks {
            if doc.is_legacy_block(block) {
                continue;
            }
            let mut holds = false;
            for t in &doc.tokens[block.tokens.clone()] {
                match t.kind() {
                    TokenKind::Word => {
                        count += 1;
                        holds |= wanted.get(t.word() as usize).copied().unwrap_or(false);
                    }
                    TokenKind::Number => count += 1,
                    _ => {}
                }
            }
            if !holds {
                continue;
            }
            units_of(block, units);
            for (k, &(i, id)) in units.iter().enumerate() {
                let Some(id) = id.filter(|&id| written[usize::from(id)]) else {
                    continue;
                };
                // A capital is a name's ("Mông Cổ"), not a use of the word ("các môn").
                if doc.case(&doc.tokens[i]) != Case::Lower {
                    continue;
                }
                let seen = |a: Option<u16>, b: Option<u16>| {
                    a.zip(b)
                        .is_some_and(|(a, b)| model.bigram(a, b) > max_count)
                };
                let left = k.checked_sub(1).and_then(|l| units[l].1);
                let right = units.get(k + 1).and_then(|r| r.1);
                if seen(left, Some(id)) || seen(Some(id), right) {
                    attested.push((id, i));
                }
            }
        }
        DocumentUses {
            attested,
            units: count,
        }
    }

    /// Whether the finding's word is the document's own word, the topic's: the document
    /// writes it in lower case [`DOCUMENT_WORD`] times or more elsewhere in pairs the model
    /// knows, [`TOPICAL`] times as often as the
    /// reference text would in as many words ("ca mổ", "mổ ruột thừa", then "quyết định
    /// mổ."; "nuôi ong", "mật ong", then "30 đàn ong"): a phrase the reference text lacks,
    /// not a slip, whether the evidence against it is on one side or both ("30 hộp", "hình
    /// hộp", then "mỗi hộp có": a rare word's pairs are unseen for want of text, and a
    /// frequent variant's are not). A common word the document uses no more than any text does ("trở
    /// thành", then "chuyến bay trở khách") gets no such pass; the caller also asks that
    /// the document never write the variant's pair there.
    fn writers_word(&self, model: &Model, units: &[(usize, Option<u16>)], f: &Finding) -> bool {
        let (token, Some(id)) = units[f.at] else {
            return false;
        };
        let elsewhere = self
            .attested
            .iter()
            .filter(|&&(w, i)| w == id && i != token)
            .count();
        let expected = prior(model, Some(id)) * self.units as f64;
        elsewhere >= DOCUMENT_WORD && elsewhere as f64 >= TOPICAL * expected
    }
}

/// The model key of the syllable written at unit `k`, if there is one.
fn written_key<'k>(
    units: &[(usize, Option<u16>)],
    doc: &Document,
    keys: &'k [Option<Cow<'_, str>>],
    k: Option<usize>,
) -> Option<&'k str> {
    let (i, _) = units.get(k?)?;
    keys.get(doc.tokens[*i].word() as usize)?.as_deref()
}

/// Whether the document writes the variant's pair on a rare side of the finding.
fn writes_variant_pair(
    pairs: &slips::PairCounts<'_>,
    units: &[(usize, Option<u16>)],
    doc: &Document,
    keys: &[Option<Cow<'_, str>>],
    model: &Model,
    f: &Finding,
) -> bool {
    let key = |k: Option<usize>| written_key(units, doc, keys, k);
    let v = Some(model.syllable(f.variant));
    (f.rare_left && pairs.count(key(f.at.checked_sub(1)), v) > 0)
        || (f.rare_right && pairs.count(v, key(Some(f.at + 1))) > 0)
}

/// Whether the finding's rare pair is the writer's choice ([`slips::writers_choice`]),
/// unless the reference text writes that pair at most `max-count` times where the variant
/// makes a strong collocation ("xử dụng" five times in one article, "sử dụng" everywhere):
/// a slip the writer makes again and again is still a slip.
fn repeated(
    pairs: &slips::PairCounts<'_>,
    units: &[(usize, Option<u16>)],
    doc: &Document,
    keys: &[Option<Cow<'_, str>>],
    model: &Model,
    f: &Finding,
    t: &Thresholds,
) -> bool {
    let key = |k: Option<usize>| written_key(units, doc, keys, k);
    let id = |k: Option<usize>| units.get(k?)?.1;
    let (left, word, right) = (f.at.checked_sub(1), Some(f.at), Some(f.at + 1));
    let (number, v) = (model.id(model::NUMBER), Some(f.variant));
    let count = |a: Option<u16>, b: Option<u16>| match (a, b) {
        (Some(a), Some(b)) => model.bigram(a, b),
        _ => 0,
    };
    // A side whose written pair the reference hardly writes, beside a strong collocation
    // of the variant, is a slip however often the document repeats it.
    let left_slip = id(left).is_some()
        && count(id(left), id(word)) <= t.max_count
        && strong_collocation(model, count(id(left), v), id(left), v, number);
    let right_slip = id(right).is_some()
        && count(id(word), id(right)) <= t.max_count
        && strong_collocation(model, count(v, id(right)), v, id(right), number);
    let f = Finding {
        rare_left: f.rare_left && !left_slip,
        rare_right: f.rare_right && !right_slip,
        ..f.clone()
    };
    let around = [key(left), key(word), key(right)];
    slips::writers_choice(pairs, around, model.syllable(f.variant), &f)
}

/// Whether the user's archive model (`--model`) writes a rare pair of the finding at
/// least twice: the organisation's own phrase or name.
fn archive_writes(
    archive: Option<&Model>,
    units: &[(usize, Option<u16>)],
    model: &Model,
    f: &Finding,
) -> bool {
    let Some(archive) = archive else {
        return false;
    };
    let id = |k: Option<usize>| {
        k.and_then(|k| units.get(k))
            .and_then(|(_, id)| archive.id(model.syllable((*id)?)))
    };
    let count = |a: Option<u16>, b: Option<u16>| match (a, b) {
        (Some(a), Some(b)) => archive.bigram(a, b),
        _ => 0,
    };
    let word = id(Some(f.at));
    (f.rare_left && count(id(f.at.checked_sub(1)), word) >= 2)
        || (f.rare_right && count(word, id(Some(f.at + 1))) >= 2)
}

/// A count written the Vietnamese way (1.234) or the English way (1,234).
fn grouped(n: u32, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn diagnostic(
    meta: &RuleMeta,
    doc: &Document,
    model: &Model,
    units: &[(usize, Option<u16>)],
    f: &Finding,
) -> Diagnostic {
    let token = &doc.tokens[units[f.at].0];
    let written = doc.token_text(token);
    let variant = model.syllable(f.variant);
    // The writer's capitals and tone style carried over to the variant.
    let restyled = match syllable::parse(written) {
        Ok(s) if s.style == MarkStyle::New => syllable::restyle(variant, MarkStyle::New),
        _ => None,
    };
    let variant = apply_case(restyled.as_deref().unwrap_or(variant), case_of(written));
    let neighbour = units[if f.left { f.at - 1 } else { f.at + 1 }].0;
    let neighbour = doc.token_text(&doc.tokens[neighbour]);
    let (pair, variant_pair) = if f.triple {
        let left = doc.token_text(&doc.tokens[units[f.at - 1].0]);
        let right = doc.token_text(&doc.tokens[units[f.at + 1].0]);
        (
            format!("{left} {written} {right}"),
            format!("{left} {variant} {right}"),
        )
    } else if f.left {
        (
            format!("{neighbour} {written}"),
            format!("{neighbour} {variant}"),
        )
    } else {
        (
            format!("{written} {neighbour}"),
            format!("{variant} {neighbour}"),
        )
    };
    let (wc, vc) = (f.written_count, f.variant_count);
    let message = Message::new(
        format!(
            "“{variant_pair}” gặp {} lần trong kho tham chiếu, “{pair}” {} lần: có phải định viết “{variant}”?",
            grouped(vc, '.'),
            grouped(wc, '.')
        ),
        format!(
            "“{variant_pair}” occurs {} times in the reference corpus, “{pair}” {} times: is “{variant}” meant?",
            grouped(vc, ','),
            grouped(wc, ',')
        ),
    );
    Diagnostic::new(meta.id, meta.default_severity, token.range(), message)
        .with_suggestion(token.range(), variant)
}

#[cfg(test)]
mod tests {
    use super::{Realword, Slip, grouped, letter_slip};
    use crate::Config;
    use crate::document::Document;
    use crate::rules::testing::run;

    /// The flagged words and their suggestion, with the built-in model.
    fn flagged(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text(text);
        let out = run(&Realword, &doc, &Config::default());
        out.iter()
            .map(|d| {
                (
                    doc.text[d.span.clone()].to_string(),
                    d.suggestions[0].replacement.clone(),
                )
            })
            .collect()
    }

    /// The flagged words and their suggestion under a configuration given as TOML.
    fn flagged_with(text: &str, toml: &str) -> Vec<(String, String)> {
        let doc = Document::from_text(text);
        let out = run(&Realword, &doc, &Config::from_toml(toml).unwrap());
        out.iter()
            .map(|d| {
                (
                    doc.text[d.span.clone()].to_string(),
                    d.suggestions[0].replacement.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn what_a_thread_remembers_changes_no_verdict() {
        // The verdicts a thread keeps from one document to the next are kept for one set of
        // thresholds: the same text gets the same answer on a fresh thread and on one that
        // has checked other text, under other thresholds, before.
        const TEXT: &str =
            "Người dân đã thoát khởi cảnh nghèo. Các kỳ năng mềm rất cần cho học sinh.";
        const STRONG: &str = "[rules]\nrealword = { strong-ratio = 3000 }\n";
        let fresh = |toml: &'static str| {
            std::thread::spawn(move || flagged_with(TEXT, toml))
                .join()
                .unwrap()
        };
        let (cold, cold_strong) = (fresh(""), fresh(STRONG));
        assert_eq!(cold, pairs(&[("khởi", "khỏi")]));
        assert_eq!(cold_strong, pairs(&[("khởi", "khỏi"), ("kỳ", "kỹ")]));
        flagged("Các hộ dân đống góp ngày công để làm đường.");
        assert_eq!(flagged_with(TEXT, STRONG), cold_strong);
        assert_eq!(flagged_with(TEXT, ""), cold);
        assert_eq!(flagged_with(TEXT, STRONG), cold_strong);
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn flags_slips_no_table_lists() {
        assert_eq!(
            flagged("Người dân đã thoát khởi cảnh nghèo nhờ chương trình của tỉnh."),
            pairs(&[("khởi", "khỏi")])
        );
        assert_eq!(
            flagged("Các hộ dân đống góp ngày công để làm đường."),
            pairs(&[("đống", "đóng")])
        );
        // A capital opening the sentence is the writer's, and carried over.
        assert_eq!(
            flagged("Thầm tra dự án luật là việc của ủy ban."),
            pairs(&[("Thầm", "Thẩm")])
        );
    }

    #[test]
    fn the_message_gives_both_counts_from_the_reference_corpus() {
        let doc = Document::from_text("Người dân đã thoát khởi cảnh nghèo.");
        let out = run(&Realword, &doc, &Config::default());
        assert_eq!(out.len(), 1, "{out:?}");
        let (vi, en) = (&out[0].message.vi, &out[0].message.en);
        assert!(vi.starts_with("“thoát khỏi” gặp "), "{vi}");
        assert!(
            vi.contains("lần trong kho tham chiếu, “thoát khởi” 0 lần"),
            "{vi}"
        );
        assert!(
            en.contains("in the reference corpus, “thoát khởi” 0 times"),
            "{en}"
        );
        assert_eq!(grouped(1234, '.'), "1.234");
        assert_eq!(grouped(1_234_567, ','), "1,234,567");
        assert_eq!(grouped(12, '.'), "12");
    }

    #[test]
    fn silent_on_good_text_names_quotations_and_the_vocabulary() {
        for text in [
            "Người dân đã thoát khỏi cảnh nghèo nhờ chương trình hỗ trợ của tỉnh.",
            "Nhà trường nâng cấp cơ sở vật chất và đóng góp cho quỹ khuyến học.",
            "Đồng chí Lê Văn Khởi dự họp.",
            "Khẩu hiệu “thoát khởi đói nghèo” là của người dân.",
            "UBND PHƯỜNG VÀ NGƯỜI DÂN THOÁT KHỞI ĐÓI NGHÈO.",
        ] {
            assert_eq!(flagged(text), vec![], "{text}");
        }
        // The user's vocabulary is the engine's policy, for every rule.
        let text = "Người dân đã thoát khởi cảnh nghèo.";
        let mut config = Config::default();
        assert!(
            crate::lint_text(text, &config)
                .iter()
                .any(|d| d.rule == "realword")
        );
        config.vocabulary = std::sync::Arc::new(["khởi".to_string()].into_iter().collect());
        assert!(
            crate::lint_text(text, &config)
                .iter()
                .all(|d| d.rule != "realword")
        );
    }

    #[test]
    fn a_headword_the_reference_text_never_writes_gives_way_to_a_strong_collocation() {
        // "xử dụng" and "hò sơ" are Wiktionary headwords (misspellings it lists) that 12
        // million syllables never write; "sử dụng" and "hồ sơ" are strong collocations.
        assert_eq!(
            flagged("Công ty xử dụng vốn đúng mục đích."),
            pairs(&[("xử", "sử")])
        );
        let doc = Document::from_text("Cán bộ tiếp nhận hò sơ của người dân.");
        let out = run(&Realword, &doc, &Config::default());
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].message.vi.contains("“hò sơ” 0 lần"),
            "{:?}",
            out[0].message
        );
        // A rare headword whose variant's pair is no collocation keeps the list's word.
        assert_eq!(flagged("Người dân ở đợ cho nhà giàu."), vec![]);
    }

    #[test]
    fn a_pair_the_reference_text_writes_only_as_a_slip_counts_as_unseen() {
        // "phổ biển" is in the reference text a dozen times, all slips of "phổ biến" (seen
        // 3,505 times); the message still gives the true counts.
        let doc = Document::from_text("Hoạt động này khá phổ biển hiện nay.");
        let out = run(&Realword, &doc, &Config::default());
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].suggestions[0].replacement, "biến");
        assert!(
            out[0].message.vi.contains("“phổ biển” 12 lần"),
            "{:?}",
            out[0].message
        );
        // One of the written word's common uses keeps its count however common the
        // variant's pair ("được gọi").
        assert_eq!(flagged("Bánh được gói trong lá chuối."), vec![]);
    }

    #[test]
    fn a_break_after_the_word_is_evidence_too() {
        // "các dì" is rare in the reference text and "các di" is not, but "di" (di tích,
        // di sản) almost never stands before a comma, where "dì" often does.
        assert_eq!(
            flagged("Hội tặng quà các dì, các chị từng làm cán bộ hội."),
            vec![]
        );
        let model = crate::model::builtin().unwrap();
        let id = |w: &str| model.id(w).unwrap();
        let (di, di_aunt, cac) = (id("di"), id("dì"), id("các"));
        assert!(super::ends_here(model, &super::Noise::default(), Some(cac), Some(di)) < 0.01);
        assert!(super::ends_here(model, &super::Noise::default(), Some(cac), Some(di_aunt)) > 0.1);
        // A slip whose variant is some 10^4 times likelier (the threshold chosen on the
        // held-out slice) is found.
        assert_eq!(
            flagged("Năm qua, toàn bộ chi hội của phường đạt trọng sạch vững mạnh."),
            pairs(&[("trọng", "trong")])
        );
    }

    #[test]
    fn the_neighbours_must_vouch_for_the_variant_not_its_frequency() {
        // Rare everyday words the model has no pair for, beside a far commoner variant
        // ("của", "cho") that their neighbours do not call for: silent.
        for text in [
            "Hộ dân nuôi kết hợp cua với tôm.",
            "Tổ chức xử lý chó mèo thả rông ra nơi công cộng.",
        ] {
            assert_eq!(flagged(text), vec![], "{text}");
        }
        let model = crate::model::builtin().unwrap();
        let id = |w: &str| model.id(w).unwrap();
        let assoc = |a: &str, b: &str| {
            super::association(model, model.bigram(id(a), id(b)), Some(id(a)), Some(id(b)))
        };
        // A collocation is evidence; two common words side by side are not.
        assert!(assoc("thoát", "khỏi") > 10.0);
        assert!(assoc("lý", "cho") < 1.0);
        assert!(assoc("hợp", "của") < 1.0);
        // The score less the variant's own frequency.
        let (cua, cua_of) = (id("cua"), id("của"));
        assert!(super::context_ratio(model, 1e4, Some(cua), cua_of) < 100.0);
    }

    #[test]
    fn a_strong_collocation_needs_a_lower_ratio() {
        // "kỹ năng" is seen 403 times, far more often than chance: a ratio of 3000 is enough
        // when the user opts in (`strong-ratio`), where the default 10^4 is not.
        let text = "Các kỳ năng mềm rất cần cho học sinh.";
        assert_eq!(flagged(text), vec![]);
        let config = Config::from_toml("[rules]\nrealword = { strong-ratio = 3000 }\n").unwrap();
        let doc = Document::from_text(text);
        let out = run(&Realword, &doc, &config);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].message.vi.contains("kỹ năng"),
            "{:?}",
            out[0].message
        );
        // Off by default: a common word the corpus barely writes ("hội thao") would be taken
        // for a slip of a strong collocation ("hội thảo").
        assert_eq!(
            flagged("Xã tổ chức hội thao dân quân tự vệ lần thứ V."),
            vec![]
        );
    }

    #[test]
    fn a_common_pair_in_a_triple_the_model_never_saw() {
        // "đô là" and "là Mỹ" are common pairs; "đô là Mỹ" is not, "đô la Mỹ" is.
        assert_eq!(
            flagged("Kim ngạch xuất khẩu của tỉnh đạt 5 tỷ đô là Mỹ."),
            pairs(&[("là", "la")])
        );
        assert_eq!(
            flagged("Dân số vùng này tăng nhanh trong thể kỷ trước."),
            pairs(&[("thể", "thế")])
        );
        let doc = crate::document::Document::from_text("Vùng này tăng nhanh trong thể kỷ trước.");
        let out = run(&Realword, &doc, &Config::default());
        assert!(
            out[0].message.vi.contains("“trong thể kỷ” 0 lần"),
            "{:?}",
            out[0].message
        );
        assert_eq!(flagged("Kim ngạch xuất khẩu đạt 5 tỷ đô la Mỹ."), vec![]);
    }

    #[test]
    fn a_pair_the_document_keeps_writing_is_the_writers_choice() {
        // "long trọng" (40 times in the reference) is no strong collocation.
        let thrice = "Lễ diễn ra lọng trọng. Buổi lễ lọng trọng. Lễ đón lọng trọng.";
        assert_eq!(flagged(thrice), vec![]);
        let twice = "Lễ diễn ra lọng trọng. Buổi lễ lọng trọng.";
        assert_eq!(flagged(twice).len(), 2);
    }

    #[test]
    fn the_documents_own_word_in_a_phrase_the_model_lacks_is_left_alone() {
        let alone = "Thấy bệnh nhân nguy kịch, các bác sĩ quyết định mổ.";
        assert_eq!(flagged(alone), pairs(&[("mổ", "mở")]));
        // The document writes "mổ" twice more where the model knows it, never "mở".
        let known = "Sau hai ca mổ trong ngày, kíp trực lại nhận một ca mổ khó. \
                     Thấy bệnh nhân nguy kịch, các bác sĩ quyết định mổ.";
        assert_eq!(flagged(known), vec![]);
        // A common word the document uses no more than any text does gets no pass.
        let used = "Anh ấy trở thành kỹ sư. Chị ấy trở về quê. Chuyến bay trở khách cất cánh.";
        assert_eq!(flagged(used), vec![]);
        let filler = "Người dân trong xã tham gia lao động sản xuất và xây dựng nông thôn mới. ";
        assert_eq!(
            flagged(&format!("{}{used}", filler.repeat(150))),
            pairs(&[("trở", "chở")])
        );
    }

    #[test]
    fn the_documents_own_word_is_left_alone_with_evidence_on_both_sides() {
        // "mỗi hộp" and "hộp có" both unseen, "mỗi hộ" and "hộ có" common: a rare word's
        // pairs are unseen for want of text.
        let alone = "Cán bộ mở thùng hàng, bên trong mỗi hộp có 36 quả pháo.";
        assert_eq!(flagged(alone), pairs(&[("hộp", "hộ")]));
        // The document writes "hộp" twice more where the model knows it.
        let known = "Đoàn kiểm tra thu giữ 12 hộp bánh, xếp trong một khối hình hộp. \
                     Cán bộ mở thùng hàng, bên trong mỗi hộp có 36 quả pháo.";
        assert_eq!(flagged(known), vec![]);
        // A name in capitals is no use of the word: "Mông Cổ" twice, then "các mông".
        let named = "Người dân Mông Cổ yêu thể thao. Ở Mông Cổ, lễ hội lớn nhất năm \
                     có các mông thể thao truyền thống.";
        assert_eq!(flagged(named), pairs(&[("mông", "môn")]));
    }

    #[test]
    fn two_weaker_collocations_one_each_side_are_evidence_together() {
        // "nóng lòng" 11 times, "lòng muốn" 11: neither reaches min-count alone.
        assert_eq!(
            flagged("Cả nhà nóng long muốn gặp lại anh."),
            pairs(&[("long", "lòng")])
        );
        // "lý cho", "cho mèo": a common word beside anything, no collocation.
        assert_eq!(
            flagged("Người dân góp ý về việc xử lý chó mèo thả rông nơi công cộng."),
            vec![]
        );
    }

    #[test]
    fn a_syllable_the_model_never_saw_may_be_any_one_letter_slip() {
        assert_eq!(
            flagged("Trong thế kỷ 18, đã xuất hện một số bộ sưu tập."),
            pairs(&[("hện", "hiện")])
        );
        assert_eq!(
            flagged("Cốc thứ nhất để ngửi, cốc hứ hai để uống."),
            pairs(&[("hứ", "thứ")])
        );
        // i/y is a convention; a piece glued to a number is no syllable of its own.
        assert_eq!(
            flagged("Các quĩ hỗ trợ này được đồng quản lý bởi hai bên."),
            vec![]
        );
        assert_eq!(
            flagged("Tiểu đoàn 6e BPC nhảy xuống cánh đồng Mường Thanh."),
            vec![]
        );
    }

    #[test]
    fn another_letter_of_a_known_syllable_needs_both_sides_to_vouch() {
        assert!(super::one_letter("bàn", "bài") && super::one_letter("nghên", "nghiên"));
        assert!(super::one_letter("tọa", "tạo") && super::one_letter("giời", "giờ"));
        assert!(!super::one_letter("bàn", "bái") && !super::one_letter("trong", "tròn"));
        let text = "Bộ trưởng đọc bàn diễn văn khai mạc hội nghị.";
        assert_eq!(flagged(text), pairs(&[("bàn", "bài")]));
        assert_eq!(
            flagged("Tỉnh đã hoàn thành việc nghên cứu đề án."),
            pairs(&[("nghên", "nghiên")])
        );
        // Off at 0; and a word whose other pair is common ("cá thể") is the writer's.
        assert_eq!(
            flagged_with(text, "[rules]\nrealword = { letter-ratio = 0 }\n"),
            vec![]
        );
        assert_eq!(flagged("Trong đó cá thể lớn nhất dài hai mét."), vec![]);
        // A pair the reference text writes, however rarely beside the variant's, is no slip.
        assert_eq!(
            flagged("Thành đoàn Hà Nội vừa phát động chiến dịch tình nguyện."),
            vec![]
        );
        // A syllable hyphened to a word spells a loanword.
        assert_eq!(flagged("Hộp có 10 chiếc bánh quy sô-cô-la."), vec![]);
    }

    #[test]
    fn a_name_is_judged_on_evidence_from_both_sides() {
        assert_eq!(
            flagged("Nước Cộng hòa Thổ Nhì Kỳ được thành lập năm 1923."),
            pairs(&[("Nhì", "Nhĩ")])
        );
        // Lower case, one side is enough; a name needs both.
        assert_eq!(flagged("Họ đã thoát khởi cảnh nghèo.").len(), 1);
        assert_eq!(flagged("Ông Lê Thoát Khởi dự họp."), vec![]);
        assert_eq!(flagged("Anh Nguyễn Văn Thoát Khởi dự họp."), vec![]);
    }

    #[test]
    fn a_slip_repeated_beside_a_strong_collocation_is_still_a_slip() {
        // "thoát khởi" never in the reference, "thoát khỏi" a strong collocation.
        let thrice = "Đã thoát khởi nghèo. Họ thoát khởi nợ. Ai cũng thoát khởi.";
        assert_eq!(flagged(thrice).len(), 3);
    }

    #[test]
    fn a_slip_a_confusion_table_reports_is_left_to_it() {
        // "hành chinh" is in rules/hanh-chinh.toml.
        let text = "Phường làm tốt cải cách hành chinh và giữ gìn an ninh.";
        let found: Vec<_> = crate::lint_text(text, &crate::Config::default())
            .into_iter()
            .filter(|d| d.severity >= crate::diagnostic::Severity::Warning)
            .map(|d| (d.rule, text[d.span].to_string()))
            .collect();
        assert_eq!(found, vec![("confusion", "hành chinh".to_string())]);
    }

    #[test]
    fn the_slips_it_considers() {
        assert_eq!(letter_slip("thàn", "thành"), Some(Slip::FinalConsonant));
        assert_eq!(letter_slip("bạn", "bạ"), Some(Slip::FinalConsonant));
        assert_eq!(letter_slip("tai", "tay"), Some(Slip::IY));
        // i/y as the whole rhyme is a convention (spelling-variant's), after qu too.
        assert_eq!(letter_slip("kĩ", "kỹ"), None);
        assert_eq!(letter_slip("quí", "quý"), None);
        // Other one-letter edits are `letter-ratio`'s (Slip::KnownLetter); a tone changed
        // with it is too far.
        assert_eq!(letter_slip("bạn", "bán"), None);
        assert_eq!(letter_slip("than", "thanh"), Some(Slip::FinalConsonant));
        assert_eq!(letter_slip("than", "thành"), None);
        assert_eq!(letter_slip("tan", "ton"), None);
    }
}
