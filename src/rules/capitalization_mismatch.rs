use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use crate::analysis::sentences::non_space_tokens;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::lists::{INSTITUTION_CAPITALS, INSTITUTION_KINDS, NAME_BREAK_WORDS, QUANTIFIERS};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, apply_case, case_of};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// The same term capitalised two ways in the middle of sentences.
    ///
    /// ## What it does
    /// Compares every run of three words that follows a count or a quantifier ("6
    /// Chương trình công tác", "các chương trình công tác") with the other runs of the same
    /// words in the same position: when the first word is capitalised in some ("6 Chương
    /// trình công tác của Quận ủy") and not in others ("06 chương trình công tác của Quận
    /// ủy"), the less frequent form is reported, with the first place of the usual one as
    /// evidence (on a tie, the later form is reported). After a count or a word of
    /// `rules/lists/quantifiers.txt` ("các", "mỗi" …) the term is a common noun, so its capitals are a choice of
    /// style; elsewhere a capital may start a name ("Ngày thành lập Đảng" next to "ngày
    /// thành lập Quân đội", "Hội Người cao tuổi" next to "người cao tuổi") and is left
    /// alone, as is a capital followed by a number or another capitalised word ("các Tập
    /// đoàn quân 28", "3 Giải vô địch bóng đá Việt Nam": the name of one thing), and
    /// sentence starts, headings and titles.
    ///
    /// It also compares every name that starts with a capitalised word ("Hội Nông dân
    /// huyện", "Bộ Chính trị", "Nghĩa trang liệt sĩ"): when a later word of the same name is
    /// capitalised in one mention and not in another, the less frequent spelling is
    /// reported. Names of two to four words are compared ("Ủy ban nhân dân" / "Ủy ban nhân
    /// Dân"). A longer name ("Đảng bộ Khối Doanh nghiệp", "Trường Đại học Vinh") may have
    /// capitals its short form ("Đảng bộ khối", "Trường đại học công lập") has not, but not
    /// fewer ("Ban chấp hành Đảng bộ" next to "Ban Chấp hành"); a last word followed by
    /// different words is not compared ("Đại hội Đảng bộ" / "đại hội đảng các cấp").
    ///
    /// The everyday names of `rules/lists/institution-capitals.txt` ("Bộ Chính trị", "Hội
    /// Nông dân", "Chi hội", "Ban Chấp hành") are compared whatever follows them, and their
    /// conventional spelling (the kind of body and its field capitalised, Decree
    /// 30/2020/NĐ-CP) is the one kept even when it is the rarer: the other mentions are
    /// reported, with a conventional one as evidence. A level word ending a name before
    /// another word is lower case by the same convention ("Công an xã có", not "Công an Xã
    /// có"; "Huyện ủy" and "Phường 5" aside). For other names a tie suggests no change.
    ///
    /// ## Why
    /// Capitals mark a name: "Chương trình công tác" is a named document of the committee,
    /// "chương trình công tác" any work programme. Writing the same term both ways blurs
    /// which one is meant and looks careless.
    ///
    /// ## Example
    /// ```text
    /// Quận ủy ban hành 6 Chương trình công tác toàn khóa. Các đơn vị thực hiện tốt 6 chương trình công tác toàn khóa và 5 Chương trình công tác của Thành ủy.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Quận ủy ban hành 6 Chương trình công tác toàn khóa. Các đơn vị thực hiện tốt 6 Chương trình công tác toàn khóa. Chương trình công tác năm được ban hành.
    /// ```
    pub struct CapitalizationMismatch {
        id: "capitalization-mismatch",
        severity: Info,
        whole_document_index: true,
        vi: "Cùng một cụm từ được viết hoa theo hai cách ở giữa câu.

## Tác dụng
So sánh mỗi cụm ba từ đứng sau một số đếm hoặc một từ chỉ lượng (“6 Chương trình công tác”, “các chương trình công tác”) với các cụm cùng các từ đó ở vị trí tương tự: khi từ đầu được viết hoa ở chỗ này (“6 Chương trình công tác của Quận ủy”) mà không viết hoa ở chỗ khác (“06 chương trình công tác của Quận ủy”), cách viết ít gặp hơn bị báo, kèm chỗ đầu tiên viết theo cách thường dùng (nếu hai cách ngang nhau thì cách viết sau bị báo). Sau số đếm hoặc một từ ghi trong `rules/lists/quantifiers.txt` (“các”, “mỗi”…), cụm từ là danh từ chung nên viết hoa hay không chỉ là cách viết; ở chỗ khác chữ hoa có thể mở đầu một tên riêng (“Ngày thành lập Đảng” bên cạnh “ngày thành lập Quân đội”, “Hội Người cao tuổi” bên cạnh “người cao tuổi”) nên được bỏ qua, cũng như chữ hoa có một con số hay một từ viết hoa đi ngay sau (“các Tập đoàn quân 28”, “3 Giải vô địch bóng đá Việt Nam”: tên của một đối tượng cụ thể), đầu câu, đề mục và tiêu đề.

Quy tắc cũng so sánh mọi tên bắt đầu bằng một từ viết hoa (“Hội Nông dân huyện”, “Bộ Chính trị”, “Nghĩa trang liệt sĩ”): khi một từ phía sau của cùng tên được viết hoa ở chỗ này mà không viết hoa ở chỗ khác, cách viết ít gặp hơn bị báo. Tên từ hai đến bốn từ được so (“Ủy ban nhân dân” / “Ủy ban nhân Dân”). Tên dài (“Đảng bộ Khối Doanh nghiệp”, “Trường Đại học Vinh”) có thể viết hoa nhiều hơn tên gọi tắt (“Đảng bộ khối”, “Trường đại học công lập”) nhưng không ít hơn (“Ban chấp hành Đảng bộ” bên cạnh “Ban Chấp hành”), và từ cuối có các từ khác nhau đi sau không được so (“Đại hội Đảng bộ” / “đại hội đảng các cấp”).

Các tên thường gặp ghi trong `rules/lists/institution-capitals.txt` (“Bộ Chính trị”, “Hội Nông dân”, “Chi hội”, “Ban Chấp hành”) được so dù có từ nào đi sau, và cách viết đúng quy ước (viết hoa chữ đầu của từ chỉ loại hình tổ chức và lĩnh vực hoạt động, Nghị định 30/2020/NĐ-CP) được giữ kể cả khi ít gặp hơn: các chỗ viết khác bị báo, kèm một chỗ viết đúng quy ước làm bằng chứng. Từ chỉ cấp hành chính ở cuối tên, trước một từ khác, viết thường theo cùng quy ước (“Công an xã có”, không phải “Công an Xã có”; trừ “Huyện ủy” và “Phường 5”). Với các tên khác, khi hai cách ngang nhau thì không gợi ý sửa.

## Vì sao
Chữ hoa đánh dấu một tên riêng: “Chương trình công tác” là văn bản có tên của cấp ủy, còn “chương trình công tác” là bất kỳ chương trình nào. Viết một cụm từ theo hai cách khiến người đọc không rõ ý và trông cẩu thả.",
    }
}

/// One run of three words: where its first word is, how that word is written, and the
/// run's span.
struct Run {
    word: Range<usize>,
    capital: bool,
    phrase: Range<usize>,
}

impl Rule for CapitalizationMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mut runs: FxHashMap<String, Vec<Run>> = FxHashMap::default();
        let mut key = String::new();
        // Whether each written form (an entry of the lexicon) counts, decided once.
        let mut counting: Vec<Option<bool>> = vec![None; doc.lexicon.len()];
        // The names' runs (see `check_names`), gathered in the same pass over the blocks.
        let mut name_runs: FxHashMap<NameKey<'_>, Vec<NameRun>> = FxHashMap::default();
        for block in &doc.blocks {
            let prose = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem);
            if !prose && !matches!(block.kind, BlockKind::Title | BlockKind::Heading) {
                continue;
            }
            // The block's tokens without spaces: a run never crosses punctuation, so the
            // sentence marks need no splitting.
            let sentence = &non_space_tokens(doc, block);
            // A headline in sentence case spells an institution's name as the body does
            // ("Hội Nông dân xã gặp mặt"); one in title case ("Hội Nông Dân Xã Gặp Mặt")
            // does not, and any headline may give other words capitals of their own
            // ("Kỳ họp thứ Mười tám").
            if prose || !title_case(doc, sentence) {
                name_runs_in(doc, sentence, !prose, &mut name_runs);
            }
            if prose {
                let token = |p: usize| &doc.tokens[sentence[p]];
                let case = |p: usize| {
                    let t = token(p);
                    (t.kind() == TokenKind::Word).then(|| doc.case(t))
                };
                for p in 1..sentence.len().saturating_sub(2) {
                    let before = token(p - 1);
                    let counts = match counting.get_mut(before.word() as usize) {
                        Some(memo) => *memo.get_or_insert_with(|| counted(doc, before)),
                        None => counted(doc, before),
                    };
                    if !counts {
                        continue;
                    }
                    let first = match case(p) {
                        Some(Case::Lower) => false,
                        Some(Case::Capitalized) => true,
                        _ => continue,
                    };
                    // The two words after it, with nothing but spaces between.
                    if !(p + 1..p + 3)
                        .all(|q| matches!(case(q), Some(Case::Lower | Case::Capitalized)))
                    {
                        continue;
                    }
                    key.clear();
                    for q in p..p + 3 {
                        if q > p {
                            key.push(' ');
                        }
                        key.push_str(doc.lower(token(q)));
                    }
                    // "Tập đoàn quân 28", "Giải vô địch bóng đá Việt Nam": a capital that
                    // starts the name of one thing, not a style.
                    if first && names_one(doc, sentence, p + 3) {
                        continue;
                    }
                    let run = Run {
                        word: token(p).range(),
                        capital: first,
                        phrase: token(p).start()..token(p + 2).end(),
                    };
                    match runs.get_mut(key.as_str()) {
                        Some(list) => list.push(run),
                        None => {
                            runs.insert(key.clone(), vec![run]);
                        }
                    }
                }
            }
        }
        let mut groups: Vec<&Vec<Run>> = runs
            .values()
            .filter(|list| list.iter().any(|r| r.capital != list[0].capital))
            .collect();
        groups.sort_by_key(|list| list[0].word.start);
        let mut reported = FxHashSet::default();
        self.check_names(doc, name_runs, &mut reported, out);
        for list in groups {
            let capitals = list.iter().filter(|r| r.capital).count();
            let lower = list.len() - capitals;
            let usual = match capitals.cmp(&lower) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => list[0].capital,
            };
            let Some(evidence) = list.iter().find(|r| r.capital == usual) else {
                continue;
            };
            let count = if usual { capitals } else { lower };
            let basis = Basis::Usual {
                count,
                certain: count * 2 > list.len(),
            };
            for run in list.iter().filter(|r| r.capital != usual) {
                if !reported.insert(run.word.start) {
                    continue;
                }
                out.push(self.report(doc, run, evidence, basis));
            }
        }
    }
}

/// One mention of a name that starts with a capitalised word ("Hội Nông dân", "Bộ Chính
/// trị"): its first word (a token index; the others are the non-space tokens after it) and
/// whether each word after the first is capitalised. 16 bytes: a long document has one for
/// most capitalised words.
struct NameRun {
    first: u32,
    /// The word after the run (a token index), [`NO_NEXT`] after punctuation or at the end.
    next: u32,
    words: u8,
    capitals: [bool; MAX_NAME_WORDS - 1],
    /// A capitalised word follows: a longer name ("Đảng bộ Khối Doanh nghiệp").
    longer: bool,
}

/// [`NameRun::next`] when no word follows.
const NO_NEXT: u32 = u32::MAX;

impl NameRun {
    /// How many words.
    fn len(&self) -> usize {
        usize::from(self.words)
    }

    /// The token index of word `k` (0 the first).
    fn token(&self, doc: &Document, k: usize) -> usize {
        let first = self.first as usize;
        (first..doc.tokens.len())
            .filter(|&i| !doc.tokens[i].is_space())
            .nth(k)
            .expect("a run's words are tokens of the document")
    }

    /// The lower case of the word after the run ("" for none).
    fn next<'a>(&self, doc: &'a Document) -> &'a str {
        match self.next {
            NO_NEXT => "",
            i => doc.lower(&doc.tokens[i as usize]),
        }
    }
}

/// What names are grouped by: the words lower-case ("" past the name's length).
type NameKey<'a> = [&'a str; MAX_NAME_WORDS];

/// The runs of names in a block's non-space tokens (see
/// [`CapitalizationMismatch::check_names`]), added to `runs`; in a headline only those that
/// open with a listed institution's name.
fn name_runs_in<'a>(
    doc: &'a Document,
    sentence: &[usize],
    headline: bool,
    runs: &mut FxHashMap<NameKey<'a>, Vec<NameRun>>,
) {
    let case = |p: usize| {
        sentence.get(p).and_then(|&i| {
            let t = &doc.tokens[i];
            (t.kind() == TokenKind::Word).then(|| doc.case(t))
        })
    };
    let lower = |p: usize| doc.lower(&doc.tokens[sentence[p]]);
    for p in 0..sentence.len() {
        if case(p) != Some(Case::Capitalized) {
            continue;
        }
        for len in NAME_WORDS {
            if !(p + 1..p + len).all(|q| matches!(case(q), Some(Case::Lower | Case::Capitalized))) {
                break;
            }
            // Two words only when they are the whole name ("Bộ Chính trị." aside,
            // "Nhà văn" is not "Nhà Văn hóa") or a listed name ("Chi hội trao").
            if len == 2
                && case(p + 2).is_some()
                && !INSTITUTION_CAPITALS.contains_pair(lower(p), lower(p + 1))
            {
                continue;
            }
            // Four words or more only from the start of a name: after a capitalised
            // word the run would cross from a name into the words after it ("phường
            // Mỹ Quý tổ chức Hội nghị").
            // A listed name starts a name of its own ("xã Chi Lăng Nam Hội Cựu chiến
            // binh xã").
            if len >= 4
                && p > 0
                && case(p - 1) == Some(Case::Capitalized)
                && !opens_with_listed_name(|k| lower(p + k), len)
            {
                continue;
            }
            // Five words or more only for an institution's name: a listed name opens it
            // ("Ủy ban nhân dân xã Bình An") or it has a capitalised field ("Sở Giáo dục
            // và Đào tạo"), never a lower-case word after a proper name ("Việt Nam",
            // "Yên Thế"), which ends the institution's name: a longer run crosses into
            // the words after it ("huyện Yên Thế tổng kết Hội thi"). A run of common
            // words ("Tham dự buổi lễ có lãnh đạo") names nothing. After a word of
            // `rules/lists/institution-kinds.txt` ("Sở", "Hội") a capital is the field's.
            let listed = opens_with_listed_name(|k| lower(p + k), len);
            let from = if listed || INSTITUTION_KINDS.contains(lower(p)) {
                p + 1
            } else {
                p
            };
            if len >= 5
                && (!(listed || (p + 1..p + 4).any(|q| case(q) == Some(Case::Capitalized)))
                    || (from + 2..p + len).any(|q| {
                        case(q) == Some(Case::Lower)
                            && (from + 1..q).any(|r| {
                                case(r) == Some(Case::Capitalized)
                                    && case(r - 1) == Some(Case::Capitalized)
                            })
                    }))
            {
                break;
            }
            if headline && !listed {
                continue;
            }
            let mut words = [""; MAX_NAME_WORDS];
            for (k, word) in words.iter_mut().enumerate().take(len) {
                *word = lower(p + k);
            }
            let next = if case(p + len).is_some() {
                sentence[p + len] as u32
            } else {
                NO_NEXT
            };
            // A capitalised word after it makes a longer name ("Đảng bộ Khối
            // Doanh nghiệp tỉnh"), which its short form ("Đảng bộ khối") need not
            // spell alike: only names ending alike are compared.
            let longer = case(p + len) == Some(Case::Capitalized);
            let mut capitals = [false; MAX_NAME_WORDS - 1];
            for k in 1..len {
                capitals[k - 1] = case(p + k) == Some(Case::Capitalized);
            }
            runs.entry(words).or_default().push(NameRun {
                first: sentence[p] as u32,
                words: len as u8,
                capitals,
                next,
                longer,
            });
        }
    }
}

/// The words of a name: two (when nothing but punctuation or the end follows) to six
/// ("Ủy ban nhân dân", "Sở Giáo dục và Đào tạo", "Hội Liên hiệp Phụ nữ Việt Nam").
const NAME_WORDS: [usize; 5] = [2, 3, 4, 5, 6];
const MAX_NAME_WORDS: usize = 6;

/// Whether the first words of a run (`word(k)`, lower case, `len` of them) start with a
/// name of `rules/lists/institution-capitals.txt`.
fn opens_with_listed_name<'a>(word: impl Fn(usize) -> &'a str, len: usize) -> bool {
    INSTITUTION_CAPITALS.pairs().iter().any(|&(name, _)| {
        let mut k = 0;
        name.split(' ').all(|w| {
            k += 1;
            k <= len && word(k - 1) == w
        })
    })
}

impl CapitalizationMismatch {
    /// Names written two ways: the same words after a capitalised first word, a later word
    /// capitalised in one mention and not in another ("Hội Nông dân" / "Hội nông dân",
    /// "Nghĩa trang" / "Nghĩa Trang"). The first word's capital says that a name starts
    /// there (a sentence start included); the later words' capitals are then the writer's
    /// spelling of that name, which one document keeps.
    fn check_names<'a>(
        &self,
        doc: &'a Document,
        runs: FxHashMap<NameKey<'a>, Vec<NameRun>>,
        reported: &mut FxHashSet<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        // A mention written as the convention wants it is the spelling to keep, even when
        // rarer ("Hội Nông dân" once beside "Hội nông dân" twice, "Công an xã" beside
        // "Công an Xã"): the most frequent of those, when the convention tells them apart.
        type Group<'g> = (
            Option<&'g NameRun>,
            Convention,
            &'g NameKey<'g>,
            &'g Vec<NameRun>,
        );
        let mut groups: Vec<Group<'_>> = runs
            .iter()
            .filter(|(_, list)| list.iter().any(|r| r.capitals != list[0].capitals))
            .map(|(words, list)| {
                let convention = conventional_capitals(doc, words, list);
                let fits = |r: &NameRun| {
                    (0..r.len() - 1).all(|k| convention[k].is_none_or(|c| c == r.capitals[k]))
                };
                let count = |r: &NameRun| list.iter().filter(|o| o.capitals == r.capitals).count();
                let conventional = if list.iter().all(fits) {
                    None
                } else {
                    list.iter()
                        .filter(|r| fits(r))
                        .max_by(|a, b| count(a).cmp(&count(b)).then(b.first.cmp(&a.first)))
                };
                (conventional, convention, words, list)
            })
            .collect();
        // Listed names first, so that their conventional words are settled before a run
        // inside them ("Liên hiệp Phụ") could report one; then in text order, the shorter
        // name first where two start at one word: a word is reported once, by the same
        // group on every run (the map's order is not fixed).
        groups.sort_by_key(|(conventional, _, _, list)| {
            (conventional.is_none(), list[0].first, list[0].len())
        });
        let range = |run: &NameRun, k: usize| doc.tokens[run.token(doc, k)].range();
        for (conventional, convention, words, list) in groups {
            let count = |r: &NameRun| list.iter().filter(|o| o.capitals == r.capitals).count();
            // The convention decides word k when it knows it and a mention follows it.
            let decides = |k: usize| conventional.is_some() && convention[k].is_some();
            if let Some(usual) = conventional {
                for run in list.iter().filter(|r| r.capitals == usual.capitals) {
                    for k in (0..run.len() - 1).filter(|&k| decides(k)) {
                        reported.insert(range(run, k + 1).start);
                    }
                }
            }
            // Otherwise the usual spelling: the most frequent, on a tie the first written.
            let Some(usual) = conventional.or_else(|| {
                list.iter()
                    .max_by(|a, b| count(a).cmp(&count(b)).then(b.first.cmp(&a.first)))
            }) else {
                continue;
            };
            let usual_count = count(usual);
            for run in list.iter().filter(|r| r.capitals != usual.capitals) {
                let Some(k) = (0..run.len() - 1).find(|&k| run.capitals[k] != usual.capitals[k])
                else {
                    continue;
                };
                // The run's last word may start a different phrase in each ("Đại hội Đảng
                // bộ" / "đại hội đảng các cấp"): compared only with a mention of the usual
                // spelling followed by the same word. A listed name is whole whatever
                // follows ("Bộ Chính trị về" / "cho"; "Hội cựu chiến binh huyện" /
                // "xã"), and so is a word continuing a capitalised one ("Hội Nông dân Việt
                // Nam" / "Việt nam").
                let continues_name = k > 0 && run.capitals[k - 1] && usual.capitals[k - 1];
                let usual = if k + 2 == run.len()
                    && run.next(doc) != usual.next(doc)
                    && !decides(k)
                    && !continues_name
                    && !is_listed_name(words, run.len())
                {
                    match list
                        .iter()
                        .find(|o| o.capitals == usual.capitals && o.next(doc) == run.next(doc))
                    {
                        Some(same_next) => same_next,
                        None => continue,
                    }
                } else {
                    usual
                };
                // A mention continued by a capitalised word is a longer name ("Trường Đại học
                // Vinh" next to "Trường đại học công lập"): it may have capitals its short
                // form has not, not the reverse ("Ban chấp hành Đảng bộ" next to "Ban Chấp
                // hành" is a slip). A listed name keeps its capitals in a longer one.
                if run.longer != usual.longer && !decides(k) {
                    let (long, short) = if run.longer {
                        (run, usual)
                    } else {
                        (usual, run)
                    };
                    if (0..run.len() - 1).any(|m| long.capitals[m] && !short.capitals[m]) {
                        continue;
                    }
                }
                let word = range(run, k + 1);
                if !reported.insert(word.start) {
                    continue;
                }
                let this = Run {
                    word,
                    capital: run.capitals[k],
                    phrase: range(run, 0).start..range(run, run.len() - 1).end,
                };
                let evidence = Run {
                    word: range(usual, k + 1),
                    capital: usual.capitals[k],
                    phrase: range(usual, 0).start..range(usual, usual.len() - 1).end,
                };
                let basis = if decides(k) {
                    Basis::Convention
                } else {
                    Basis::Usual {
                        count: usual_count,
                        certain: usual_count > count(run),
                    }
                };
                out.push(self.report(doc, &this, &evidence, basis));
            }
        }
    }
}

/// Whether the words of a run (`len` of them) are a whole name of
/// `rules/lists/institution-capitals.txt` ("hội cựu chiến binh").
fn is_listed_name(words: &NameKey<'_>, len: usize) -> bool {
    INSTITUTION_CAPITALS.pairs().iter().any(|&(name, _)| {
        name.split(' ').count() == len && name.split(' ').zip(words).all(|(a, b)| a == *b)
    })
}

/// Per word after the first, whether the convention capitalises it, where it is known.
type Convention = [Option<bool>; MAX_NAME_WORDS - 1];

/// Words after an institution that name its level and are written lower case before a
/// word ("Công an xã phối hợp", "Bảo tàng tỉnh Nghệ An"), unless a body's name goes on
/// ("Huyện ủy", "Tỉnh đoàn"); before a number they may start a name ("Phường 5").
const LEVEL_WORDS: &[&str] = &["huyện", "phường", "quận", "tỉnh", "xã"];
const LEVEL_BODIES: &[&str] = &["hội", "uỷ", "đoàn", "đội", "ủy"];

/// The capitals the convention gives the words after the first of a name: those of a
/// listed name (`rules/lists/institution-capitals.txt`; mentions cut inside a longer
/// listed name count when every one continues it, "Hội Liên hiệp Phụ" then "nữ"), and a
/// level word lower case at the end.
fn conventional_capitals(doc: &Document, words: &NameKey<'_>, list: &[NameRun]) -> Convention {
    let len = list[0].len();
    let mut convention = [None; MAX_NAME_WORDS - 1];
    let listed = INSTITUTION_CAPITALS.pairs().iter().find(|&&(name, _)| {
        let mut listed = name.split(' ');
        words[..len].iter().all(|w| listed.next() == Some(*w))
            && listed
                .next()
                .is_none_or(|next| list.iter().all(|r| r.next(doc) == next))
    });
    if let Some(&(_, written)) = listed {
        let after_first = written.split(' ').skip(1).take(len - 1);
        for (known, word) in convention.iter_mut().zip(after_first) {
            *known = Some(case_of(word) == Case::Capitalized);
        }
    } else if LEVEL_WORDS.contains(&words[len - 1])
        && list.iter().all(|r| {
            !LEVEL_BODIES.contains(&r.next(doc)) && (r.capitals[len - 2] <= !r.next(doc).is_empty())
        })
    {
        convention[len - 2] = Some(false);
    }
    convention
}

/// What the spelling a mention is compared with rests on.
#[derive(Clone, Copy)]
enum Basis {
    /// The document's usual spelling, written `count` times; `certain` when it outnumbers
    /// the reported one (a tie suggests nothing).
    Usual { count: usize, certain: bool },
    /// The conventional spelling of a listed name or a level word.
    Convention,
}

/// Whether a headline or heading capitalises its words as titles do: fewer than one word in
/// four after the first is lower case.
fn title_case(doc: &Document, sentence: &[usize]) -> bool {
    let (mut lower, mut words) = (0, 0);
    for &i in sentence.iter().skip(1) {
        let t = &doc.tokens[i];
        if t.kind() == TokenKind::Word {
            words += 1;
            lower += usize::from(doc.case(t) == Case::Lower);
        }
    }
    lower * 4 < words
}

/// Whether the words after a run (from position `from`) continue it into a name: a number
/// or a capitalised word within three tokens, before any function word or punctuation.
fn names_one(doc: &Document, sentence: &[usize], from: usize) -> bool {
    for &i in sentence.iter().skip(from).take(3) {
        let t = &doc.tokens[i];
        let text = doc.token_text(t);
        match t.kind() {
            TokenKind::Number => return true,
            TokenKind::Word => {
                if NAME_BREAK_WORDS.contains(text) {
                    return false;
                }
                if matches!(case_of(text), Case::Capitalized | Case::Upper) {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Whether a term after this token is counted or quantified ("6 Chương trình", "các
/// chương trình"): a term used as a common noun, where its capitals are a choice of style,
/// not the start of a name ("Ngày thành lập Đảng", "Hội Người cao tuổi").
fn counted(doc: &Document, token: &crate::text::tokens::Token) -> bool {
    let text = doc.token_text(token);
    match token.kind() {
        TokenKind::Number => text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()),
        TokenKind::Word => QUANTIFIERS.contains(text),
        _ => false,
    }
}

impl CapitalizationMismatch {
    fn report(&self, doc: &Document, run: &Run, usual: &Run, basis: Basis) -> Diagnostic {
        let rule = self.meta();
        let this = &doc.text[run.phrase.clone()];
        let other = &doc.text[usual.phrase.clone()];
        let word = &doc.text[run.word.clone()];
        let fixed = apply_case(
            &word.to_lowercase(),
            if usual.capital {
                Case::Capitalized
            } else {
                Case::Lower
            },
        );
        let (times, label) = match basis {
            Basis::Usual { count, .. } if count > 1 => (
                (format!(" ({count} lần)"), format!(" ({count} times)")),
                Message::new("cách viết thường dùng", "the usual form"),
            ),
            Basis::Usual { .. } => (
                (String::new(), String::new()),
                Message::new("cách viết thường dùng", "the usual form"),
            ),
            Basis::Convention => (
                (
                    " (đúng quy ước viết hoa tên cơ quan, tổ chức)".to_string(),
                    " (the conventional capitals of the institution's name)".to_string(),
                ),
                Message::new("cách viết đúng quy ước", "the conventional form"),
            ),
        };
        let diagnostic = Diagnostic::new(
            rule.id,
            rule.default_severity,
            run.word.clone(),
            Message::new(
                format!(
                    "“{this}” viết hoa khác với chỗ khác trong văn bản: “{other}”{}",
                    times.0
                ),
                format!(
                    "“{this}” is capitalised unlike elsewhere in the document: “{other}”{}",
                    times.1
                ),
            ),
        )
        .with_related(usual.phrase.clone(), label);
        match basis {
            Basis::Usual { certain: false, .. } => diagnostic,
            _ => diagnostic.with_suggestion(run.word.clone(), fixed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CapitalizationMismatch;
    use crate::rules::testing::{check, fixed, flags_each, silent};

    #[test]
    fn a_name_run_is_sixteen_bytes() {
        // A long document holds one for most capitalised words and name lengths.
        assert_eq!(std::mem::size_of::<super::NameRun>(), 16);
    }

    #[test]
    fn fails_on_a_term_capitalised_two_ways() {
        flags_each(
            &CapitalizationMismatch,
            &[
                (
                    "Ban hành 06 chương trình công tác của Quận ủy và 6 Chương trình công tác của Quận ủy.",
                    &["Chương"],
                ),
                (
                    "Thực hiện các Nghị quyết chuyên đề của Đảng ủy, triển khai 3 nghị quyết chuyên đề mới và 2 Nghị quyết chuyên đề khác.",
                    &["nghị"],
                ),
            ],
        );
    }

    #[test]
    fn silent_at_sentence_starts_after_markers_and_in_headings() {
        silent(
            &CapitalizationMismatch,
            &[
                "Chương trình công tác được ban hành. Quận thực hiện 6 chương trình công tác toàn khóa.",
                "Nội dung: (1) công tác xây dựng Đảng; (3) Báo cáo công tác kiểm tra và báo cáo công tác kiểm tra khác.",
                "Các đơn vị: Chương trình công tác năm và các chương trình công tác khác.",
                "TIÊU ĐỀ CHƯƠNG TRÌNH CÔNG TÁC và 6 chương trình công tác.",
                "Quận thực hiện tốt 6 Chương trình công tác, các chương trình, kế hoạch khác.",
                "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam và 80 năm ngày thành lập Quân đội nhân dân.",
                "Hội Người cao tuổi xã tổ chức khám cho 350 người cao tuổi.",
                "Các Tập đoàn quân 28 và 51 tấn công; các tập đoàn quân khác phòng ngự.",
                "Đội đạt Hạng 3 Giải vô địch bóng đá Việt Nam và 2 giải vô địch khu vực.",
            ],
        );
    }

    #[test]
    fn fails_on_a_name_spelt_with_other_capitals() {
        flags_each(
            &CapitalizationMismatch,
            &[
                (
                    "Hội Nông dân huyện họp. Các cấp Hội nông dân huyện vận động. Hội Nông dân huyện khen thưởng.",
                    &["nông"],
                ),
                (
                    "Đoàn viếng Nghĩa trang liệt sĩ xã. Sau đó, đoàn dọn vệ sinh Nghĩa Trang liệt sĩ xã.",
                    &["Trang"],
                ),
                // The fourth word of a name.
                (
                    "Ủy ban nhân dân huyện họp. Đề nghị Ủy ban nhân dân huyện báo cáo. Ủy ban nhân Dân huyện đã nhận.",
                    &["Dân"],
                ),
                // A longer name with fewer capitals than its short form.
                (
                    "Đại hội bầu Ban Chấp hành khóa I. Ban Chấp hành khóa I họp. Đồng chí A, Ủy viên Ban chấp hành Đảng bộ xã, phát biểu.",
                    &["chấp"],
                ),
            ],
        );
    }

    #[test]
    fn a_word_two_names_hold_is_reported_by_the_shorter_on_every_run() {
        let text = "Hội Cựu chiến binh xã họp. Hội Cựu chiến binh huyện dự. Ông Ba, Chủ tịch Hội cựu chiến binh tỉnh, khen.";
        for _ in 0..30 {
            let found = check(&CapitalizationMismatch, text);
            assert_eq!(found.len(), 1);
            assert_eq!(&text[found[0].related[0].span.clone()], "Hội Cựu chiến");
        }
    }

    #[test]
    fn silent_on_a_full_name_and_its_short_form() {
        silent(
            &CapitalizationMismatch,
            &[
                "Đảng bộ Khối Doanh nghiệp tỉnh họp. Đảng bộ khối hiện có 64 tổ chức.",
                "Chuẩn bị Đại hội Đảng bộ quận và đại hội đảng các cấp.",
                "Nhà văn Nguyễn Du được nhắc. Nhà Văn hóa xã mở cửa.",
                "Trường đại học công lập được tự chủ. Trường Đại học Vinh tuyển sinh.",
                "Phường Mỹ Quý tổ chức Hội nghị sơ kết. Sau đó, phường Mỹ Quý tổ chức hội nghị tổng kết.",
            ],
        );
    }

    #[test]
    fn a_listed_name_keeps_its_conventional_capitals_even_when_rarer() {
        let text = "Hội Nông dân xã họp. Các cấp Hội nông dân vận động. Hội nông dân khen thưởng.";
        let found = check(&CapitalizationMismatch, text);
        let flagged: Vec<&str> = found.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(flagged, ["nông", "nông"]);
        for d in &found {
            assert_eq!(&text[d.related[0].span.clone()], "Hội Nông dân");
        }
        assert_eq!(
            fixed(&CapitalizationMismatch, text),
            "Hội Nông dân xã họp. Các cấp Hội Nông dân vận động. Hội Nông dân khen thưởng."
        );
        // Inside a longer run, the conventional words are not reported either.
        let text = "Hội Liên hiệp phụ nữ xã họp. Hội Liên hiệp phụ nữ huyện dự. Hội Liên hiệp Phụ nữ Việt Nam khen.";
        let flagged: Vec<String> = check(&CapitalizationMismatch, text)
            .iter()
            .map(|d| text[d.span.clone()].to_string())
            .collect();
        assert_eq!(flagged, ["phụ", "phụ"]);
    }

    #[test]
    fn a_listed_name_is_compared_whatever_follows_it() {
        flags_each(
            &CapitalizationMismatch,
            &[
                (
                    "Quán triệt kết luận của Bộ Chính trị về cán bộ. Thực hiện nghị quyết của Bộ Chính Trị trong quý IV.",
                    &["Trị"],
                ),
                (
                    "Chi hội Cựu chiến binh thôn họp. Hằng năm, Chi Hội nhận chăm sóc khu mộ.",
                    &["Hội"],
                ),
                (
                    "Ban Chấp hành Đảng bộ phường họp. Sau đó, Ban Chấp Hành sẽ chấm bài.",
                    &["Hành"],
                ),
            ],
        );
    }

    #[test]
    fn a_level_word_after_a_name_is_lower_case_by_convention() {
        flags_each(
            &CapitalizationMismatch,
            &[(
                "Người dân kịp thời báo cáo Công an xã; Công an Xã có trách nhiệm hướng dẫn.",
                &["Xã"],
            )],
        );
        silent(
            &CapitalizationMismatch,
            &[
                "Ban Thường vụ Huyện ủy họp. Ban Thường vụ huyện đã chỉ đạo.",
                "Hội Nông dân Phường 5 họp. Hội Nông dân phường đã vận động.",
            ],
        );
    }

    #[test]
    fn compares_names_of_five_and_six_words() {
        flags_each(
            &CapitalizationMismatch,
            &[
                // The fifth word: a place name closing a listed name.
                (
                    "Hội Liên hiệp Thanh niên Việt Nam tổ chức trại hè. Đoàn viên của Hội Liên hiệp Thanh niên Việt nam tham gia.",
                    &["nam"],
                ),
                // The level word of a body, fifth, lower case by convention.
                (
                    "Ủy ban nhân dân xã Tân Lập họp. Ủy ban nhân dân Xã Tân Lập đã trả lời cử tri.",
                    &["Xã"],
                ),
                // A field of five words.
                (
                    "Sở Khoa học và Công nghệ kiểm tra. Sở Khoa học và công nghệ kết luận. Sở Khoa học và Công nghệ báo cáo.",
                    &["công"],
                ),
            ],
        );
    }

    #[test]
    fn a_long_run_that_crosses_out_of_a_name_is_not_compared() {
        silent(
            &CapitalizationMismatch,
            &[
                // A place name, then a verb phrase and another name.
                "Phòng Nội vụ huyện Yên Thế tổng kết Hội thi cải cách hành chính. Trước đó, huyện Yên Thế tổng kết hội thi năm trước.",
                "Tham dự buổi lễ có Lãnh đạo Sở Tư pháp. Tham dự buổi lễ có lãnh đạo các phòng.",
            ],
        );
    }

    #[test]
    fn a_last_word_is_compared_with_a_mention_followed_by_the_same_word() {
        // The other mentions go on differently ("xã", "tỉnh"), one goes on like the slip.
        flags_each(
            &CapitalizationMismatch,
            &[(
                "Ông Tư là Chủ tịch Hội cựu giáo chức xã. Hội cựu giáo chức tỉnh khen. Hội cựu giáo chức huyện dự. Hội cựu giáo Chức huyện góp ý.",
                &["Chức"],
            )],
        );
    }

    #[test]
    fn a_whole_listed_name_is_compared_whatever_follows_it() {
        flags_each(
            &CapitalizationMismatch,
            &[(
                // "Hội cựu chiến binh" is written one way throughout, but for one capital.
                "Ban chấp hành Hội cựu chiến binh huyện họp. Thôn Đông Hội cựu chiến binh xã trao quà. Hội cựu chiến Binh thôn nhận.",
                &["Binh"],
            )],
        );
    }

    #[test]
    fn a_headline_in_sentence_case_spells_an_institution_as_the_body_does() {
        flags_each(
            &CapitalizationMismatch,
            &[(
                "Hội nông dân Việt Nam trao giải cho nông dân giỏi\n\nSáng 5/3, Hội Nông dân Việt Nam trao giải. Hội Nông dân Việt Nam khen 30 hộ.",
                &["nông"],
            )],
        );
        silent(
            &CapitalizationMismatch,
            &[
                // A headline in title case.
                "Hội Nông Dân Việt Nam Trao Giải Cho Nông Dân Giỏi\n\nSáng 5/3, Hội Nông dân Việt Nam trao giải cho nông dân giỏi.",
                // A headline's own capitals for other words than an institution's name.
                "Khai mạc Kỳ họp thứ Mười lăm Hội đồng nhân dân quận\n\nSáng nay, Kỳ họp thứ mười lăm khai mạc. Kỳ họp thứ mười lăm họp hai ngày.",
            ],
        );
    }

    #[test]
    fn a_tie_of_an_unlisted_name_suggests_nothing() {
        let text =
            "Đoàn viếng Nghĩa trang liệt sĩ xã. Sau đó, đoàn dọn vệ sinh Nghĩa Trang liệt sĩ xã.";
        let found = check(&CapitalizationMismatch, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].suggestions.is_empty());
        assert_eq!(fixed(&CapitalizationMismatch, text), text);
    }

    #[test]
    fn reports_the_minority_with_the_usual_form_as_evidence() {
        let text = "Về thực hiện các Chương trình công tác, đã ban hành 06 chương trình công tác toàn khóa và 5 Chương trình công tác của Thành ủy.";
        let found = check(&CapitalizationMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "chương");
        assert_eq!(&text[found[0].related[0].span.clone()], "Chương trình công");
        assert!(fixed(&CapitalizationMismatch, text).contains("06 Chương trình"));
    }
}
