use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::analysis::sentences::opens_sentence;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::document::Document;
use crate::lists::LOAN_WORDS;
use crate::model::{self, Model};
use crate::rules::in_context::{self, Fit, Place};
use crate::rules::{LintContext, OptionSpec, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, apply_case, case_of, lower_into};
use crate::text::punctuation::is_quote;
use crate::text::syllable::{self, Edit, IllFormed, Tone};
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// A word written in Vietnamese letters that is not a Vietnamese syllable.
    ///
    /// ## What it does
    /// Checks every word against the rules of written Vietnamese syllables: which onsets,
    /// vowels and endings go together (ngh only before i, e, ê; k before i, y, e, ê), which
    /// tones a syllable ending in p, t, c, ch can carry, and on which letter the tone mark
    /// sits (both the old style, hòa, and the new one, hoà, are accepted). Says why a word
    /// fails and offers up to three well-formed syllables one edit away, the likeliest
    /// first, in the writer's capitals; the built-in model of Vietnamese ranks them by how
    /// well each fits between the word's neighbours. Two words run together ("cáccông",
    /// "củaAndy", "đượcxây") get a space, and so does a name or foreign word glued to one of
    /// the commonest Vietnamese words written with a mark ("Dinhvà", "cristobalitcủa"). A
    /// word typed without its marks ("lich", "thuoc") is flagged when its shape is one
    /// English never writes and it stands among Vietnamese words, or, as a warning, when the
    /// model has seen a spelling one edit away beside its neighbours at least `min-support`
    /// times ("Đại hoc", "luật phap"); never beside a plain-ASCII word that is no syllable
    /// (an English run), unless the word is in lower case, that one is a name or an
    /// acronym in capitals without digits, and the word right on the other side has marks
    /// ("xâm chiem Iraq"). A capitalised word opening a
    /// sentence is judged the same way ("Tromg năm", "Ttây Nguyên"; with a letter beyond
    /// ASCII, the word after backs it alone: "Ôgn kết luận"); inside a sentence a capital makes a name (Niê, Ksor,
    /// Y Bih), reported for a misplaced or doubled tone mark, or, as a warning, where the
    /// place all but calls for a spelling one slip away (its marks, two letters swapped: the
    /// pair takes `min-name-share` thousandths of the neighbour's uses: "Hy Lap", "Chuâ Á").
    /// A letter typed too many is dropped: a Telex key inside a word with marks ("nhjà"), a
    /// letter twice in a word with a letter only Vietnamese writes ("Bốnn"), or, where the
    /// model backs the word meant on both sides, a key next to its neighbour ("theoi
    /// đuổi"); a letter typed with the key beside it is put right where the model backs
    /// the word meant ("côny nhận"; in plain ASCII on both sides, between two words:
    /// "tromg việc"). A Vietnamese name without its marks or with two letters swapped
    /// ("Viet Nam", "Htanh") is judged like any name inside a sentence, and a letter typed
    /// twice opening one ("Trongg năm") where the word left fits. A word with two slips
    /// and no spelling one edit away ("trưưởc", "lýýý") gets those two edits away that
    /// the model has seen beside a neighbour. A Telex tone key left in a
    /// word ("Ngfay", "nhfa") gets the tone it stood for, one typed after a word that has its
    /// tone ("hoạchj") is dropped, and so is a combining tone mark left after a letter that
    /// has one ("trườ̃ng"); one typed twice, which took the tone off again ("đươcj"), gets
    /// the tone back. A capitalised word whose second letter the shift key held too long
    /// made a capital ("NGười", "VIệt") is a warning, with the word in its usual capitals. A word left in Telex or VNI keys by an input method that was off
    /// ("booj", "dduwowcj", "bo65") gets the marks its keys stand for, where the model has
    /// seen that word beside a neighbour; a letter Vietnamese never writes typed for the key
    /// beside it ("fiếng") gets the key meant. Words typed without marks side by side back
    /// each other ("phap luat": the model writes "pháp luật"), and two syllables run
    /// together are split where the model backs both in their place ("nhưngkhông"), as is
    /// a plain syllable glued to a capitalised one with marks ("vuaLý"). A key typed beside
    /// a letter with a key Vietnamese never needs (f, j, w) is dropped wherever it stands
    /// ("fcác", "Quốf hội"), and a word with two slips may get a spelling two edits away
    /// ahead of one a single edit away when the model backs it much better. A word marked
    /// the way Spanish or French mark theirs ("él", "más", "née") is left alone where no
    /// word near it shows Vietnamese.
    /// Acronyms in
    /// capitals, tokens with digits, web and e-mail addresses, foreign names and words,
    /// English loans (top, hit, chat), and common loans written solid (axít, điốt, buýt,
    /// ôxy; those the grammar rejects are in `rules/lists/loan-words.txt`) are left alone.
    ///
    /// ## Why
    /// A tone mark on the wrong letter ("taị"), a tone a stop ending cannot carry ("xêp"),
    /// a spelling rule broken ("nghành"): each is a slip no reader misses, and each is
    /// certain, because no such syllable exists.
    ///
    /// ## Example
    /// ```text
    /// Quận tiếp tục sắp xêp các cơ quan chuyên môn theo nghành, lĩnh vực.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// UBND quận đón đoàn chuyên gia Stoke City; chi tiết tại www.caugiay.hanoi.gov.vn.
    /// ```
    pub struct Nonword {
        id: "nonword",
        severity: Error,
        options: [
            OptionSpec::integer("min-support", 20, 1),
            OptionSpec::integer("min-share", 20, 0),
            OptionSpec::integer("min-name-share", 100, 0),
            OptionSpec::integer("min-both", 20, 1),
        ],
        vi: "Từ viết bằng chữ cái tiếng Việt nhưng không phải là một âm tiết tiếng Việt.

## Tác dụng
Đối chiếu từng từ với quy tắc cấu tạo âm tiết tiếng Việt: phụ âm đầu, nguyên âm và âm cuối nào đi được với nhau (ngh chỉ đứng trước i, e, ê; k đứng trước i, y, e, ê), vần tận cùng bằng p, t, c, ch mang được những dấu thanh nào, và dấu thanh đặt trên chữ nào (chấp nhận cả kiểu cũ “hòa” lẫn kiểu mới “hoà”). Nêu lý do và gợi ý tối đa ba âm tiết đúng chỉ khác một chỗ, khả năng cao nhất trước, giữ nguyên cách viết hoa của người viết. Các gợi ý được mô hình tiếng Việt có sẵn xếp hạng theo mức hợp với các từ đứng hai bên. Hai từ viết dính (“cáccông”, “củaAndy”, “đượcxây”) được gợi ý tách ra, kể cả tên riêng hay từ nước ngoài dính vào một từ tiếng Việt rất thông dụng có dấu (“Dinhvà”, “cristobalitcủa”). Từ gõ thiếu dấu (“lich”, “thuoc”) bị nêu khi hình dạng của nó không thể là tiếng Anh và nó đứng giữa các từ tiếng Việt, hoặc, ở mức cảnh báo, khi mô hình đã gặp một cách viết chỉ khác một chỗ đứng cạnh từ bên cạnh ít nhất `min-support` lần (“Đại hoc”, “luật phap”); không bao giờ khi đứng cạnh một từ ASCII không phải âm tiết (một đoạn tiếng Anh), trừ khi từ được xét viết thường, từ bên cạnh là tên riêng hay chữ viết tắt viết hoa không có chữ số và từ ngay phía bên kia có dấu (“xâm chiem Iraq”). Từ viết hoa mở đầu câu được xét như vậy (“Tromg năm”, “Ttây Nguyên”; từ có chữ cái ngoài ASCII thì chỉ cần từ đứng sau xác nhận: “Ôgn kết luận”); giữa câu, chữ hoa cho biết đó là tên riêng (Niê, Ksor, Y Bih), chỉ bị báo khi dấu thanh đặt sai chỗ hoặc bị lặp, hoặc, ở mức cảnh báo, khi vị trí ấy gần như chỉ dành cho một cách viết khác một chỗ (thêm dấu, đổi chỗ hai chữ cái: cặp từ chiếm ít nhất `min-name-share` phần nghìn số lần dùng từ bên cạnh: “Hy Lap”, “Chuâ Á”). Chữ cái gõ thừa được gợi ý bỏ đi: phím Telex lọt vào giữa từ có dấu (“nhjà”), chữ cái gõ hai lần trong từ có chữ chỉ tiếng Việt mới có (“Bốnn”), hoặc, khi mô hình xác nhận từ đúng ở cả hai bên, phím cạnh phím bên cạnh (“theoi đuổi”); chữ cái gõ nhầm sang phím bên cạnh được sửa khi mô hình xác nhận từ đúng (“côny nhận”; với từ chỉ có chữ ASCII thì phải ở cả hai bên, giữa hai từ: “tromg việc”). Tên riêng tiếng Việt thiếu dấu hoặc đảo hai chữ cái (“Viet Nam”, “Htanh”) được xét như mọi tên riêng giữa câu, và chữ cái gõ hai lần ở từ mở đầu câu (“Trongg năm”) khi từ còn lại hợp với từ đứng sau. Từ có hai lỗi mà không có cách viết nào chỉ khác một chỗ (“trưưởc”, “lýýý”) được gợi ý các cách viết khác hai chỗ mà mô hình đã gặp đứng cạnh từ bên cạnh. Phím gõ dấu Telex bị sót lại trong từ (“Ngfay”, “nhfa”) được gợi ý thay bằng dấu thanh tương ứng; phím gõ sau một từ đã có dấu (“hoạchj”) và dấu thanh tổ hợp thừa sau một chữ đã có dấu (“trườ̃ng”) được gợi ý bỏ đi; phím dấu gõ hai lần làm mất dấu thanh (“đươcj”) được gợi ý trả lại dấu. Từ viết hoa mà chữ thứ hai cũng bị viết hoa do giữ phím Shift quá lâu (“NGười”, “VIệt”) bị cảnh báo, kèm cách viết hoa thông thường. Từ còn nguyên phím gõ Telex hoặc VNI do bộ gõ bị tắt (“booj”, “dduwowcj”, “bo65”) được gợi ý thành từ có dấu tương ứng, khi mô hình đã gặp từ đó đứng cạnh từ bên cạnh; chữ cái tiếng Việt không dùng bị gõ nhầm sang phím bên cạnh (“fiếng”) được gợi ý thành phím đúng. Các từ gõ thiếu dấu đứng liền nhau hỗ trợ lẫn nhau (“phap luat”: mô hình có “pháp luật”), và hai âm tiết viết dính được tách khi mô hình xác nhận cả hai ở vị trí đó (“nhưngkhông”), cũng như một âm tiết không dấu dính vào một âm tiết viết hoa có dấu (“vuaLý”). Phím f, j, w mà tiếng Việt không cần, gõ lẫn bên cạnh một chữ cái, được gợi ý bỏ đi ở bất kỳ vị trí nào (“fcác”, “Quốf hội”); từ có hai lỗi có thể được gợi ý một cách viết khác hai chỗ trước cách viết khác một chỗ khi mô hình ủng hộ nó hơn hẳn. Từ có dấu theo kiểu tiếng Tây Ban Nha hay tiếng Pháp (“él”, “más”, “née”) được bỏ qua khi không có từ nào gần đó cho thấy là tiếng Việt. Bỏ qua chữ viết tắt in hoa, từ có chữ số, địa chỉ web và thư điện tử, tên và từ nước ngoài, từ tiếng Anh quen dùng (top, hit, chat), cùng các từ vay mượn thường viết liền (axít, điốt, buýt, ôxy; những từ mà quy tắc âm tiết không nhận được ghi trong `rules/lists/loan-words.txt`).

## Vì sao
Dấu thanh đặt sai chữ (“taị”), dấu thanh mà vần tận cùng bằng phụ âm tắc không mang được (“xêp”), sai quy tắc chính tả (“nghành”): người đọc nào cũng nhận ra, và công cụ chắc chắn đây là lỗi vì không có âm tiết như vậy.",
    }
}

impl Rule for Nonword {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let model = ctx.shared.reference;
        let min_support = ctx.integer("min-support");
        let min_share = ctx.integer("min-share");
        let min_name_share = ctx.integer("min-name-share");
        let min_both = ctx.integer("min-both");
        let mut lower = String::new();
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            for (i, token) in tokens.iter().enumerate() {
                if token.kind() != TokenKind::Word {
                    continue;
                }
                let text = doc.token_text(token);
                // The fast path: almost every token is a syllable.
                let why = match doc.syllable(token) {
                    Some(Err(why)) => why,
                    Some(Ok(_)) => {
                        // A syllable's letters with the shift key held too long ("NGười").
                        if let Some(meant) = shift_held(text)
                            && model.is_some_and(|m| {
                                model::key(text, &mut lower) && m.id(&lower).is_some()
                            })
                            && among_vietnamese_words(doc, tokens, i)
                        {
                            out.push(shift_diagnostic(self.meta(), token, text, meant));
                        }
                        continue;
                    }
                    None => continue,
                };
                // Ð for Đ is lookalike-letter's finding, with its fix.
                if why == IllFormed::Eth {
                    continue;
                }
                let at = Spot {
                    doc,
                    tokens,
                    i,
                    opens: opens_sentence(doc, block, block.tokens.start + i),
                    model,
                    min_support,
                    min_share,
                    min_name_share,
                    min_both,
                };
                // Beside a word with a letter Vietnamese never writes ("Zhōnghuá Duì"): a
                // phrase in another language or its transcription.
                if beside_foreign_letters(doc, tokens, i) {
                    continue;
                }
                let Some(finding) = judge(&at, text, why, &mut lower) else {
                    continue;
                };
                // A capitalised word the model only guesses at, written the same way again
                // elsewhere in the document, is a name or a foreign word (Ali), not a slip.
                if finding == Finding::InContext
                    && case_of(text) == Case::Capitalized
                    && written_again(doc, token)
                {
                    continue;
                }
                out.push(diagnostic(self.meta(), &at, token, text, why, finding));
            }
        }
    }
}

/// A capitalised word whose second letter was typed with the shift key still held ("NGười",
/// "VIệt", "QUốc"): the word with its first letter alone in capitals. Two capitals, then
/// lower case only; not a Roman numeral's subdivision ("IIa", "VIb", "XIc").
fn shift_held(text: &str) -> Option<String> {
    let mut chars = text.chars();
    let (first, second) = (chars.next()?, chars.next()?);
    let rest = chars.as_str();
    if !(first.is_uppercase() && second.is_uppercase())
        || rest.is_empty()
        || !rest.chars().all(char::is_lowercase)
    {
        return None;
    }
    let roman = |c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M');
    if roman(first) && roman(second) && rest.chars().count() == 1 {
        return None;
    }
    Some(format!("{first}{}{rest}", second.to_lowercase()))
}

/// The finding on a word typed with the shift key held ([`shift_held`]): a warning, since a
/// brand may write itself so.
fn shift_diagnostic(meta: &RuleMeta, token: &Token, text: &str, meant: String) -> Diagnostic {
    let message = Message::new(
        format!(
            "“{text}” không phải là cách viết của một từ: chữ thứ hai bị viết hoa do giữ phím Shift quá lâu"
        ),
        format!(
            "“{text}” is no way to write a word: its second letter is in capitals, the shift key held too long"
        ),
    );
    Diagnostic::new(meta.id, Severity::Warning, token.range(), message)
        .with_suggestion(token.range(), meant)
}

/// Whether the word right before or after token `i` (not past a quotation mark or a
/// bracket) has a letter neither ASCII nor Vietnamese (ō, ǎ, ü, ñ, ç, ö).
fn beside_foreign_letters(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let foreign = |t: &Token| {
        doc.token_text(t)
            .chars()
            .any(|c| !c.is_ascii() && c.is_alphabetic() && syllable::base_letter(c).is_none())
    };
    let nearest = |side: &mut dyn Iterator<Item = &Token>| {
        side.take_while(|t| !is_fence(doc, t))
            .find(|t| t.kind() == TokenKind::Word)
            .is_some_and(foreign)
    };
    nearest(&mut tokens[..i].iter().rev()) || nearest(&mut tokens[i + 1..].iter())
}

/// Whether the document writes a word token's form (capitals and all) at another place too.
fn written_again(doc: &Document, token: &Token) -> bool {
    let id = token.word();
    let text = doc.token_text(token);
    doc.tokens
        .iter()
        .filter(|t| {
            if id == Token::NO_WORD {
                t.kind() == TokenKind::Word && doc.token_text(t) == text
            } else {
                t.word() == id
            }
        })
        .nth(1)
        .is_some()
}

/// A token being judged: where it stands, and what the model knows.
struct Spot<'a> {
    doc: &'a Document,
    tokens: &'a [Token],
    i: usize,
    /// The token opens its sentence (a capital there is no sign of a name).
    opens: bool,
    model: Option<&'a Model>,
    /// How often the model must have seen a suggestion beside a neighbour to back a finding
    /// the grammar alone cannot be sure of.
    min_support: u32,
    /// And in what share of the neighbour's uses, in thousandths.
    min_share: u32,
    /// The share a capitalised word inside a sentence (taken for a name) needs: the place
    /// must all but call for the word ("Hy Lap" → "Hy Lạp").
    min_name_share: u32,
    /// Or how often the model must have seen it beside each of its two neighbours.
    min_both: u32,
}

type KnownEdits = Rc<[(String, Edit, u16)]>;

/// The most written forms whose edits a thread remembers before it starts afresh.
const REMEMBERED_EDITS: usize = 1 << 14;

thread_local! {
    /// The edits of each written form already looked up by this thread, for the model
    /// with this [`Model::serial`].
    static KNOWN_EDITS: RefCell<(u64, FxHashMap<String, KnownEdits>)> = RefCell::default();
}

/// The spellings one edit away from a written form that the model knows, with their model
/// ids: worked out once per form and thread (a slip is often made again, in a document and
/// in the next; a spot asks twice: to back a finding and to rank its suggestions).
fn known_edits(model: &Model, text: &str) -> KnownEdits {
    let remembered = KNOWN_EDITS.with_borrow(|(serial, known)| {
        (*serial == model.serial())
            .then(|| known.get(text).cloned())
            .flatten()
    });
    if let Some(known) = remembered {
        return known;
    }
    let known: KnownEdits = syllable::edits(text, MAX_CANDIDATES)
        .into_iter()
        .filter_map(|(word, edit)| {
            let x = model.id(&word)?;
            Some((word, edit, x))
        })
        .collect();
    KNOWN_EDITS.with_borrow_mut(|(serial, remembered)| {
        if *serial != model.serial() || remembered.len() >= REMEMBERED_EDITS {
            remembered.clear();
            *serial = model.serial();
        }
        remembered.insert(text.to_string(), known.clone());
    });
    known
}

impl Spot<'_> {
    fn place(&self) -> Option<(&Model, Place)> {
        let model = self.model?;
        Some((model, Place::of(self.doc, model, self.tokens, self.i)))
    }

    /// The spellings one edit away from `text` the model knows, best fit first.
    fn ranked(&self, text: &str) -> Vec<Fit> {
        let Some((model, place)) = self.place() else {
            return Vec::new();
        };
        // The fit in context, weighed by how common the kind of edit is (a mark before a
        // letter), so that the model reorders close spellings rather than far ones.
        let ascii = text.is_ascii();
        let mut plain = String::new();
        let mut fits: Vec<Fit> = known_edits(model, text)
            .iter()
            .map(|(word, edit, x)| {
                let mut fit = in_context::fit(model, place, word, *x);
                let marks_only = ascii && *edit == Edit::Letter && {
                    without_marks(word, &mut plain);
                    plain.eq_ignore_ascii_case(text)
                };
                fit.score += edit_weight(if marks_only { Edit::Tone } else { *edit });
                fit
            })
            .collect();
        fits.sort_by(|a, b| b.score.total_cmp(&a.score));
        fits
    }

    /// Whether the best spelling one edit away fits the place well enough to back a finding
    /// the grammar alone does not make: the model saw it beside a neighbour `min-support`
    /// times or more, in `min-share` thousandths of the uses of the rarer of the two; for a
    /// capitalised word inside a sentence (`name`), in `min-name-share` thousandths.
    fn backed(&self, text: &str, why: IllFormed, name: bool) -> bool {
        // A lower-case word in plain ASCII is backed only by itself with its marks ("hoc" →
        // "học"), two letters swapped ("iknh" → "kinh") or one letter too many ("theoi" →
        // "theo"), not by a letter changed or dropped: English words are a letter away
        // from syllables. A lower-case word with a vowel after its final consonant only by
        // two letters swapped ("ohàn" → "hoàn") or one letter too many ("ngườpi" →
        // "người"): loans written solid (ôxít) are a letter away from syllables. A name
        // inside a sentence likewise ("Hy Lap", "Chuâ Á"), or by its marks alone.
        let lower = case_of(text) == Case::Lower;
        let ascii = text.is_ascii();
        let marks_only = (lower || name) && ascii;
        let swaps_only =
            (lower && !ascii && matches!(why, IllFormed::SecondVowelGroup | IllFormed::TooLong))
                || (name && !ascii);
        // A name with a letter only Vietnamese writes and an onset Vietnamese writes (not
        // Ksơr, Mlô) is a Vietnamese word: a key beside the one meant ("Cônh") or a letter
        // left out ("Thạh") is a slip too.
        let vietnamese_name =
            name && !ascii && why != IllFormed::BadOnset && has_vietnamese_only_letter(text);
        let mut plain = String::new();
        let mut lowered = String::new();
        lower_into(text, &mut lowered);
        let plain_text = without_marks_of(&lowered);
        // Opening a sentence, a capital is no sign of a name, and a letter beyond ASCII
        // none of a foreign word ("Ôgn kết hôn"): the word after alone backs the spelling,
        // which has no word before it to take a share of.
        let opening_marked = self.opens && !name && !ascii && case_of(text) == Case::Capitalized;
        let min_share = if name {
            self.min_name_share
        } else {
            self.min_share
        };
        self.ranked(text)
            .iter()
            .filter(|f| {
                without_marks(&f.word, &mut plain);
                if swaps_only {
                    return swapped(&f.word, &lowered)
                        || one_more(&lowered, &f.word)
                        || (lower && key_for_consonant(&lowered, &f.word))
                        || (name && plain == plain_text)
                        || (vietnamese_name
                            && (key_typed(&lowered, &f.word).is_some()
                                || one_more(&f.word, &lowered)));
                }
                // A letter too many in plain ASCII (English words are: amu, spa, bar), or
                // one typed with the key beside it ("tromg"), only when it is the letter
                // beside it again or its neighbour on the keyboard ("raa", "theoi") and the
                // word meant pairs with both neighbours.
                !marks_only
                    || plain == lowered
                    || swapped(&plain, &lowered)
                    || ((stray_key(&lowered, &plain)
                        || (why != IllFormed::NoVowel
                            && key_typed(&lowered, &plain).is_some()
                            && self.between_words()))
                        && f.both >= self.min_support)
            })
            .take(1)
            .any(|f| {
                f.support >= self.min_support
                    && (f.share >= min_share
                        || (!name && f.both >= self.min_both)
                        || opening_marked)
            })
            || (lower && ascii && self.backed_in_run(&lowered))
    }

    /// Whether both neighbours are syllables the model knows, not figures (a figure pairs
    /// with anything: "2010 sony").
    fn between_words(&self) -> bool {
        self.place().is_some_and(|(model, place)| {
            let number = model.id(model::NUMBER);
            [place.left, place.right]
                .iter()
                .all(|side| side.is_some() && *side != number)
        })
    }

    /// Whether the words right before and after (one space apart) are syllables written
    /// with a letter beyond ASCII: the place is plainly Vietnamese text.
    fn between_marked_words(&self) -> bool {
        let (tokens, i) = (self.tokens, self.i);
        let marked = |space: Option<&Token>, word: Option<&Token>| {
            let (Some(space), Some(word)) = (space, word) else {
                return false;
            };
            let text = self.doc.token_text(word);
            space.is_inline_space(&self.doc.text)
                && word.kind() == TokenKind::Word
                && !text.is_ascii()
                && syllable::is_syllable(text)
        };
        i >= 2
            && marked(tokens.get(i - 1), tokens.get(i - 2))
            && marked(tokens.get(i + 1), tokens.get(i + 2))
    }

    /// A lower-case word typed without marks beside another typed so ("phap luat", "so huu
    /// toan"): whether its marks restored pair with the neighbour's marks restored as the
    /// model writes them, `min-support` times and in `min-share` thousandths of the rarer's
    /// uses ("pháp luật"). The plain neighbour alone says nothing ("phap" beside "luat").
    fn backed_in_run(&self, lowered: &str) -> bool {
        let Some(model) = self.model else {
            return false;
        };
        let mine = self.restored(model, lowered);
        if mine.is_empty() {
            return false;
        }
        let (tokens, i) = (self.tokens, self.i);
        let beside = [
            i.checked_sub(2).map(|j| (j, j + 1, true)),
            Some((i + 2, i + 1, false)),
        ];
        let mut plain = String::new();
        beside.into_iter().flatten().any(|(j, space, left)| {
            let (Some(word), Some(space)) = (tokens.get(j), tokens.get(space)) else {
                return false;
            };
            if word.kind() != TokenKind::Word || !space.is_inline_space(&self.doc.text) {
                return false;
            }
            let text = self.doc.token_text(word);
            if !text.is_ascii() || case_of(text) != Case::Lower {
                return false;
            }
            lower_into(text, &mut plain);
            let mut theirs = self.restored(model, &plain);
            theirs.extend(model.id(&plain));
            mine.iter().any(|&x| {
                theirs.iter().any(|&y| {
                    let pair = if left {
                        model.bigram(y, x)
                    } else {
                        model.bigram(x, y)
                    };
                    let rarer = model.unigram(x).min(model.unigram(y));
                    pair >= self.min_support
                        && u64::from(pair) * 1000 >= u64::from(self.min_share) * u64::from(rarer)
                })
            })
        })
    }

    /// Whether a plain word beside is one in lower case whose marks restored the model
    /// knows (a Vietnamese word typed without them, not an English one).
    fn restorable(&self, word: &str) -> bool {
        self.model.is_some_and(|model| {
            case_of(word) == Case::Lower && !self.restored(model, word).is_empty()
        })
    }

    /// The model's ids of the spellings of a plain lower-case word with its marks restored.
    fn restored(&self, model: &Model, plain: &str) -> Vec<u16> {
        // Marks change neither the onset, the coda nor the number of vowels: a word whose
        // shape is wrong there has none to restore (and its edits are not worth making).
        if syllable::parse(plain)
            .is_err_and(|why| why.is_foreign_shape() && why != IllFormed::BadVowels)
        {
            return Vec::new();
        }
        let mut letters = String::new();
        known_edits(model, plain)
            .iter()
            .filter(|(word, _, _)| {
                without_marks(word, &mut letters);
                letters == plain
            })
            .map(|&(_, _, x)| x)
            .collect()
    }

    /// Whether the model has seen `word` (a syllable) `COMMON_SYLLABLE` times or more.
    fn common(&self, word: &str) -> bool {
        let mut key = String::new();
        self.model.is_some_and(|model| {
            model::key(word, &mut key)
                && model
                    .id(&key)
                    .is_some_and(|x| model.unigram(x) >= COMMON_SYLLABLE)
        })
    }

    /// Whether the model has seen `word` (a syllable) `min-support` times or more.
    fn known(&self, word: &str) -> bool {
        let mut key = String::new();
        self.model.is_some_and(|model| {
            model::key(word, &mut key)
                && model
                    .id(&key)
                    .is_some_and(|x| model.unigram(x) >= self.min_support)
        })
    }

    /// Whether `word` (a syllable) fits the place: seen beside a neighbour `min-support`
    /// times, in `min-share` thousandths of the rarer's uses or `min-both` times beside each
    /// (`sure`: either is enough once the support is there).
    fn fits(&self, word: &str, sure: bool) -> bool {
        let Some((model, place)) = self.place() else {
            return false;
        };
        let mut key = String::new();
        let Some(x) = model::key(word, &mut key).then(|| model.id(&key)).flatten() else {
            return false;
        };
        let f = in_context::fit(model, place, word, x);
        f.support >= self.min_support
            && (sure || f.share >= self.min_share || f.both >= self.min_both)
    }
}

/// The plain ASCII letters of a syllable, lower case: its tone and vowel marks dropped,
/// đ written d.
fn without_marks(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        let base = syllable::base_letter(c).unwrap_or(c);
        out.push(match base {
            'ă' | 'â' => 'a',
            'ê' => 'e',
            'ô' | 'ơ' => 'o',
            'ư' => 'u',
            'đ' => 'd',
            'Ă' | 'Â' => 'A',
            'Ê' => 'E',
            'Ô' | 'Ơ' => 'O',
            'Ư' => 'U',
            'Đ' => 'D',
            other => other,
        });
    }
}

/// [`without_marks`], returned.
fn without_marks_of(word: &str) -> String {
    let mut out = String::new();
    without_marks(word, &mut out);
    out
}

/// Whether `long` is `short` with one letter more that is a slip of the finger: the letter
/// before or after it again, or a neighbour of one of them on the keyboard.
fn stray_key(long: &str, short: &str) -> bool {
    let l: Vec<char> = long.chars().collect();
    let s: Vec<char> = short.chars().collect();
    if l.len() != s.len() + 1 {
        return false;
    }
    (0..l.len()).any(|k| {
        l[..k] == s[..k]
            && l[k + 1..] == s[k..]
            && [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| l.get(j))
                .any(|&c| c == l[k] || keyboard_neighbours(c, l[k]))
    })
}

/// The letter typed and the letter meant, when `typed` is `meant` with one letter typed
/// with a key next to it on the keyboard ("tromg" for "trong").
fn key_typed(typed: &str, meant: &str) -> Option<(char, char)> {
    let mut pairs = typed.chars().zip(meant.chars()).filter(|(a, b)| a != b);
    let (a, b) = pairs.next()?;
    (pairs.next().is_none()
        && typed.chars().count() == meant.chars().count()
        && keyboard_neighbours(a, b))
    .then_some((a, b))
}

/// A vowel typed with the consonant key beside it, which leaves a second vowel group
/// ("côny" for "công", "ohát" for "phát"): loans written solid are two syllables, never a
/// vowel short of one.
fn key_for_consonant(typed: &str, meant: &str) -> bool {
    key_typed(typed, meant).is_some_and(|(a, b)| syllable::is_vowel(a) && !syllable::is_vowel(b))
}

/// Whether two letters are next to each other on a QWERTY keyboard.
fn keyboard_neighbours(a: char, b: char) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let at = |c: char| {
        ROWS.iter().enumerate().find_map(|(row, keys)| {
            keys.find(c)
                .map(|col| (row as i32, col as i32 * 2 + row as i32))
        })
    };
    match (at(a), at(b)) {
        (Some((ra, xa)), Some((rb, xb))) => {
            a != b && (ra - rb).abs() <= 1 && (xa - xb).abs() <= if ra == rb { 2 } else { 1 }
        }
        _ => false,
    }
}

/// A letter typed twice: the same letter twice in a row, in either case, one of which
/// taken out leaves a syllable ("Bốnn", "Đầầu", "Vviệc").
fn letter_doubled(text: &str) -> bool {
    undoubled(text).is_some()
}

/// [`letter_doubled`]: the syllable left with the letter once.
fn undoubled(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len()).find_map(|i| {
        if !chars[i].to_lowercase().eq(chars[i - 1].to_lowercase()) {
            return None;
        }
        let rest: String = chars[..i].iter().chain(&chars[i + 1..]).collect();
        syllable::is_syllable(&rest).then_some(rest)
    })
}

/// Whether `long` is `short` with one letter more, not in front (loans written solid start
/// with a vowel that leaves a syllable: ôxít, axít).
fn one_more(long: &str, short: &str) -> bool {
    let mut s = short.chars().peekable();
    let mut skipped = false;
    for (i, c) in long.chars().enumerate() {
        if s.peek() == Some(&c) {
            s.next();
        } else if skipped || i == 0 {
            return false;
        } else {
            skipped = true;
        }
    }
    s.next().is_none() && skipped
}

/// Whether `a` is `b` (lower case) with two adjacent letters swapped.
fn swapped(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.to_lowercase().chars().collect());
    let diff: Vec<usize> = (0..a.len().min(b.len()))
        .filter(|&i| a[i] != b[i])
        .collect();
    a.len() == b.len()
        && diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]]
}

/// Two syllables run together that the model writes as a pair ("kinhdoanh", "điềutra",
/// "côngty"): the byte index of the second. The pair must be seen `min-support` times and
/// in `min-share` thousandths of the uses of the rarer syllable, and the token stand among
/// Vietnamese words.
fn glued_pair(at: &Spot<'_>, text: &str) -> Option<usize> {
    let model = at.model?;
    let (mut ka, mut kb) = (String::new(), String::new());
    // A first syllable of two letters or more: loans start with a lone vowel (ôxít, axít).
    let split = text.char_indices().skip(2).map(|(i, _)| i).find(|&i| {
        let (a, b) = text.split_at(i);
        model::key(a, &mut ka)
            && model::key(b, &mut kb)
            && match (model.id(&ka), model.id(&kb)) {
                (Some(x), Some(y)) => {
                    let pair = model.bigram(x, y);
                    let rarer = model.unigram(x).min(model.unigram(y));
                    pair >= at.min_support
                        && u64::from(pair) * 1000 >= u64::from(at.min_share) * u64::from(rarer)
                }
                _ => false,
            }
    })?;
    among_vietnamese_words(at.doc, at.tokens, at.i).then_some(split)
}

/// Two syllables run together, the second in lower case, one of them written with a
/// letter beyond ASCII ("nhưbán", "cờvua", "trậnthi", "Thẩmphán"), where the model backs the two in their place: each
/// pairs with the word beside it, or the pair is one it writes and one side agrees, each
/// pair seen `min-support` times. The byte index of the second.
fn glued_in_place(at: &Spot<'_>, text: &str) -> Option<usize> {
    if !matches!(case_of(text), Case::Lower | Case::Capitalized) {
        return None;
    }
    let (model, place) = at.place()?;
    let (a, b) = syllable::split_in_two(text)?;
    if a.chars().nth(1).is_none() || (a.is_ascii() && b.is_ascii()) {
        return None;
    }
    // A last letter again alone is a key typed twice ("củaa"), not a word.
    if b.chars().nth(1).is_none()
        && a.chars().next_back().and_then(syllable::base_letter) == b.chars().next()
    {
        return None;
    }
    let (mut ka, mut kb) = (String::new(), String::new());
    if !(model::key(a, &mut ka) && model::key(b, &mut kb)) {
        return None;
    }
    let (x, y) = (model.id(&ka)?, model.id(&kb)?);
    let seen = |n: u32| n >= at.min_support;
    let left = place.left.is_some_and(|l| seen(model.bigram(l, x)));
    let right = place.right.is_some_and(|r| seen(model.bigram(y, r)));
    let backed = (left && right) || (seen(model.bigram(x, y)) && (left || right));
    (backed && among_vietnamese_words(at.doc, at.tokens, at.i)).then_some(a.len())
}

/// The log of how much likelier an edit of this kind is taken to be than a letter slip.
fn edit_weight(edit: Edit) -> f64 {
    match edit {
        Edit::Placement => 12.0,
        Edit::Tone | Edit::VowelMark => 8.0,
        Edit::SpellingRule => 6.0,
        Edit::Dialect => 3.0,
        Edit::Letter => 0.0,
    }
}

/// The log of how much less likely a second slip in a word is taken to be than none
/// (chosen on injected slips, half R: 12 puts the word meant first for 51 of 75 words with
/// two slips instead of 24, and costs 2 of the one-slip words).
const SECOND_SLIP: f64 = 12.0;
/// How many candidates the model ranks.
const MAX_CANDIDATES: usize = 120;
/// A word glued to a name or foreign word is one of the commonest syllables: seen this
/// many times in the model's 12.7 million.
const COMMON_SYLLABLE: u32 = 10_000;

/// What is wrong with a token worth flagging, and so what to offer.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Finding {
    /// A misspelt syllable: offer the candidates one edit away.
    Syllable,
    /// A capitalised or unmarked word that the grammar rejects and the model backs: a
    /// spelling one edit away fits the place (a warning: names and foreign words remain
    /// possible).
    InContext,
    /// Two words run together: offer a space at this byte index.
    Glued(usize),
    /// A word in Vietnamese letters typed without its marks (thuoc, kich): offer them.
    Unmarked,
    /// A Telex tone key left in the word ("Ngfay", "hoạchj"): offer the word without it.
    TelexKey(String),
    /// A combining mark left after a letter that already has its tone ("trườ̃ng").
    StrayMark(Vec<String>),
    /// A Telex tone key typed twice: the tone taken off, the key left ("đươcj").
    ToneUndone(Vec<String>),
    /// A word typed in Telex keys the input method did not turn into marks ("vieetj").
    TelexKeys(String),
    /// A letter typed with the key next to it, one Vietnamese never writes ("fiếng").
    NextKey(String),
    /// A Vietnamese word with two slips ("kểtt" for "kết"): the spellings two edits away
    /// the model knows, best fit first.
    TwoSlips(Vec<String>),
}

fn diagnostic(
    meta: &RuleMeta,
    at: &Spot<'_>,
    token: &Token,
    text: &str,
    why: IllFormed,
    finding: Finding,
) -> Diagnostic {
    let (vi, en) = match finding {
        Finding::Glued(_) => ("hai từ bị viết dính nhau", "two words are run together"),
        Finding::Unmarked => (
            "có vẻ thiếu dấu (dấu thanh hoặc dấu của nguyên âm)",
            "it looks typed without its marks (tone or vowel marks)",
        ),
        Finding::Syllable | Finding::InContext | Finding::TwoSlips(_) => why.reason(),
        Finding::TelexKey(_) => (
            "có phím gõ dấu Telex bị sót lại trong từ",
            "a Telex key is left in the word",
        ),
        Finding::StrayMark(_) => (
            "có một dấu thanh thừa sau chữ đã mang dấu",
            "a stray tone mark follows a letter that already has its tone",
        ),
        Finding::ToneUndone(_) => (
            "phím dấu Telex gõ hai lần đã bỏ dấu thanh và còn sót lại trong từ",
            "a Telex tone key typed twice took the tone off and was left in the word",
        ),
        Finding::TelexKeys(_) => (
            "gõ bằng phím Telex nhưng bộ gõ không chuyển thành dấu",
            "typed in Telex keys the input method did not turn into marks",
        ),
        Finding::NextKey(_) => (
            "có một chữ cái bị gõ nhầm sang phím bên cạnh",
            "a letter was typed with the key next to it",
        ),
    };
    let message = Message::new(
        format!("“{text}” không phải là âm tiết tiếng Việt: {vi}"),
        format!("“{text}” is not a Vietnamese syllable: {en}"),
    );
    let case = case_of(text);
    // What the grammar alone cannot be sure of is a warning.
    let severity = match finding {
        Finding::InContext => Severity::Warning,
        _ => meta.default_severity,
    };
    let d = Diagnostic::new(meta.id, severity, token.range(), message);
    match finding {
        Finding::Glued(at) => {
            let fix = format!("{} {}", &text[..at], &text[at..]);
            return d.with_suggestion(token.range(), fix);
        }
        Finding::TelexKey(word) | Finding::TelexKeys(word) | Finding::NextKey(word) => {
            return d.with_suggestion(token.range(), apply_case(&word, case));
        }
        Finding::TwoSlips(words) | Finding::StrayMark(words) | Finding::ToneUndone(words) => {
            return words.iter().fold(d, |d, c| {
                d.with_suggestion(token.range(), apply_case(c, case))
            });
        }
        _ => {}
    }
    // The model's ranking in context; the grammar's order when it knows none of them.
    let mut fits = at.ranked(text);
    // A slip on top of a slip that made another word one edit away ("vãã": "vã" → "vãn",
    // but "và" is meant): the spellings two edits away compete, at the odds of a second
    // slip.
    if finding == Finding::Syllable {
        let twos: Vec<Fit> = two_edit_fits(at, &text.to_lowercase())
            .into_iter()
            .filter(|f| !fits.iter().any(|one| one.word == f.word))
            .map(|mut f| {
                f.score -= SECOND_SLIP;
                f
            })
            .collect();
        fits.extend(twos);
        fits.sort_by(|a, b| b.score.total_cmp(&a.score));
    }
    let mut words: Vec<String> = fits.into_iter().map(|f| f.word).collect();
    for c in syllable::candidates(text, 3) {
        if words.len() >= 3 {
            break;
        }
        if !words.contains(&c) {
            words.push(c);
        }
    }
    words.truncate(3);
    words.into_iter().fold(d, |d, c| {
        d.with_suggestion(token.range(), apply_case(&c, case))
    })
}

/// A word typed in Telex with the input method off ("vieetj" for "việt", "dduowcj" for
/// "được", "nhaf" for "nhà"): the syllable its keys stand for, and how many Telex keys
/// it took (a vowel doubled or followed by w, dd, a tone key after the vowel: f s r x j,
/// letters no Vietnamese coda has); None without one, or when the keys make no syllable.
fn telex_decoded(lower: &str) -> Option<(String, usize)> {
    let b = lower.as_bytes();
    if !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let (mut letters, mut tone, mut keys) = (Vec::with_capacity(b.len()), Tone::Ngang, 0);
    let mut i = 0;
    if lower.starts_with("dd") {
        letters.push('đ');
        (i, keys) = (2, 1);
    }
    while i < b.len() {
        let (c, next) = (b[i] as char, b.get(i + 1).map(|&n| n as char));
        let marked = match (c, next) {
            ('a', Some('a')) => Some('â'),
            ('e', Some('e')) => Some('ê'),
            ('o', Some('o')) => Some('ô'),
            ('a', Some('w')) => Some('ă'),
            ('o', Some('w')) => Some('ơ'),
            ('u', Some('w')) => Some('ư'),
            _ => None,
        };
        if let Some(m) = marked {
            letters.push(m);
            (i, keys) = (i + 2, keys + 1);
            continue;
        }
        let key_tone = match c {
            'f' => Some(Tone::Huyen),
            's' => Some(Tone::Sac),
            'r' => Some(Tone::Hoi),
            'x' => Some(Tone::Nga),
            'j' => Some(Tone::Nang),
            _ => None,
        };
        if let Some(t) = key_tone
            && letters.iter().any(|&l| syllable::is_vowel(l))
        {
            if tone != Tone::Ngang {
                return None;
            }
            (tone, keys) = (t, keys + 1);
        } else {
            letters.push(c);
        }
        i += 1;
    }
    // Telex writes ươ as "uow": the u takes its horn once a letter follows (thuở keeps uơ).
    if let Some(k) = letters.windows(2).position(|w| w == ['u', 'ơ'])
        && k + 2 < letters.len()
    {
        letters[k] = 'ư';
    }
    if keys == 0 {
        return None;
    }
    let word = syllable::compose(&letters, tone, syllable::MarkStyle::Old)?;
    syllable::is_syllable(&word).then_some((word, keys))
}

/// A word typed in VNI with the input method off ("vie65t" for "việt", "d9u7o7c5" for
/// "được"): the syllable its keys stand for and how many keys it took (6 circumflex, 7
/// horn, 8 breve after their vowel, 9 after d; 1-5 a tone after the vowel); None without
/// a key, or when the keys make no syllable.
fn vni_decoded(lower: &str) -> Option<(String, usize)> {
    let (mut letters, mut tone, mut keys) = (Vec::<char>::with_capacity(8), Tone::Ngang, 0);
    for c in lower.chars() {
        let last = letters.last().copied();
        let marked = match (last, c) {
            (Some('a'), '6') => Some('â'),
            (Some('e'), '6') => Some('ê'),
            (Some('o'), '6') => Some('ô'),
            (Some('a'), '8') => Some('ă'),
            (Some('o'), '7') => Some('ơ'),
            (Some('u'), '7') => Some('ư'),
            (Some('d'), '9') => Some('đ'),
            _ => None,
        };
        if let Some(m) = marked {
            *letters.last_mut()? = m;
            keys += 1;
            continue;
        }
        let key_tone = match c {
            '1' => Tone::Sac,
            '2' => Tone::Huyen,
            '3' => Tone::Hoi,
            '4' => Tone::Nga,
            '5' => Tone::Nang,
            _ if c.is_ascii_lowercase() => {
                letters.push(c);
                continue;
            }
            _ => return None,
        };
        if tone != Tone::Ngang || !letters.iter().any(|&l| syllable::is_vowel(l)) {
            return None;
        }
        (tone, keys) = (key_tone, keys + 1);
    }
    if keys == 0 {
        return None;
    }
    let word = syllable::compose(&letters, tone, syllable::MarkStyle::Old)?;
    syllable::is_syllable(&word).then_some((word, keys))
}

/// A word of three letters or more in plain ASCII, in lower case or opening a sentence,
/// typed in Telex or VNI keys ([`telex_decoded`], [`vni_decoded`]) among Vietnamese words, where the word its keys
/// stand for fits the place ([`Spot::fits`]; with two keys or more, the support alone).
fn raw_telex(at: &Spot<'_>, text: &str) -> Option<String> {
    let case = case_of(text);
    if !text.is_ascii()
        || text.len() < 3
        || !(case == Case::Lower || (case == Case::Capitalized && at.opens))
    {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let telex = telex_decoded(&lower);
    let vni = telex.is_none();
    let (word, keys) = telex.or_else(|| vni_decoded(&lower))?;
    if !among_vietnamese_words(at.doc, at.tokens, at.i) {
        return None;
    }
    // Two digits each where VNI puts a key ("tha8ng1", "bo7i3") are a shape no code or
    // word of another language has: a word the model knows is enough. Not in a figure
    // ("9o37’": degrees and minutes).
    let in_figure = [at.i.checked_sub(1), Some(at.i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| at.tokens.get(j))
        .any(|t| t.kind() == TokenKind::Number);
    if vni && keys > 1 && !in_figure && at.known(&word) {
        return Some(word);
    }
    // One key may be chance (a code, an English word: six, bar, a loan: tuổi teen); one
    // VNI digit between two words with Vietnamese marks is a Vietnamese word left in keys
    // ("tôi con2 trẻ").
    let sure = keys > 1 || (vni && at.between_marked_words());
    at.fits(&word, sure).then_some(word)
}

/// A letter Vietnamese never writes (f, j, w) typed for the key next to it, or typed with
/// it, anywhere in a word ("fiếng", "ngườj", "fính"; "fchiếm", "jnhà", "khwai"): the
/// word with the key meant or without the stray one, whichever fits the place best. In
/// lower case, or opening a sentence, or inside one in a word with a letter only
/// Vietnamese writes (elsewhere a capital may be a name: Jơ, H'Wen); the word must carry
/// a letter only Vietnamese writes or the model must back the word meant beside its
/// neighbours, and stand among Vietnamese words.
fn next_key(at: &Spot<'_>, text: &str) -> Option<String> {
    let case = case_of(text);
    let vietnamese_only = has_vietnamese_only_letter(text);
    if !(case == Case::Lower || (case == Case::Capitalized && (at.opens || vietnamese_only))) {
        return None;
    }
    let mut lower = String::new();
    lower_into(text, &mut lower);
    let mut odd = lower
        .char_indices()
        .filter(|(_, c)| matches!(c, 'f' | 'j' | 'w' | 'z'));
    let (k, key) = odd.next()?;
    // z opens loans (zíp, dzô).
    if key == 'z' {
        return None;
    }
    if odd.next().is_some() || !among_vietnamese_words(at.doc, at.tokens, at.i) {
        return None;
    }
    let (model, place) = at.place()?;
    let mut buf = String::new();
    let (head, tail) = (&lower[..k], &lower[k + 1..]);
    // The stray key typed with the letter beside it: only next to a key it neighbours
    // ("fchiếm": f beside c, "jnhà": j beside n).
    let beside = |c: Option<char>| c.is_some_and(|c| keyboard_neighbours(c, key));
    let stray = beside(head.chars().next_back()) || beside(tail.chars().next());
    let best = "qwertyuiopasdfghjklzxcvbnm"
        .chars()
        .filter(|&c| keyboard_neighbours(c, key))
        .map(|c| format!("{head}{c}{tail}"))
        .chain(stray.then(|| format!("{head}{tail}")))
        .filter_map(|word| {
            let x = model::key(&word, &mut buf)
                .then(|| model.id(&buf))
                .flatten()?;
            Some(in_context::fit(model, place, &word, x))
        })
        .max_by(|a, b| a.score.total_cmp(&b.score))?;
    // In plain ASCII (fan, fine, jam are English) only where the word meant pairs with
    // both neighbours; a name inside a sentence only where the place calls for the word.
    let backed = if text.is_ascii() {
        best.both >= at.min_support && at.fits(&best.word, false)
    } else if case == Case::Capitalized && !at.opens {
        at.fits(&best.word, false)
    } else {
        vietnamese_only || at.fits(&best.word, false)
    };
    backed.then_some(best.word)
}

/// A Telex key typed after a word that already has its tone ("hoạchj", "đượcw"): the word
/// without it. The rest must carry a tone mark, so that names (Taj, Raj) stay foreign.
fn telex_key_after_tone(text: &str) -> Option<String> {
    let mut lower = String::new();
    lower_into(text, &mut lower);
    let key = lower.chars().next_back()?;
    if !matches!(key, 'f' | 'j' | 'w' | 'z' | 's' | 'r' | 'x') {
        return None;
    }
    let rest = &lower[..lower.len() - 1];
    (rest.chars().any(has_tone_mark) && syllable::is_syllable(rest)).then(|| rest.to_string())
}

/// A word with its tone and a key after it ([`telex_key_after_tone`]): the word without the
/// key (`rest`), or, where the key is not the one of the word's own tone (a Telex key typed
/// again: "hoạchj") and the place backs it better, the word with the key beside it on the
/// keyboard instead ("trọnf" → "trọng", "hạj" → "hạn", "củw" → "của").
fn key_dropped_or_replaced(at: &Spot<'_>, text: &str, rest: String) -> Finding {
    let mut lower = String::new();
    lower_into(text, &mut lower);
    let Some(key) = lower.chars().next_back() else {
        return Finding::TelexKey(rest);
    };
    let own_tone = syllable::Spelling::of(&rest).ok().map(|s| s.tone);
    let tone_key = match key {
        'f' => Some(Tone::Huyen),
        's' => Some(Tone::Sac),
        'r' => Some(Tone::Hoi),
        'x' => Some(Tone::Nga),
        'j' => Some(Tone::Nang),
        _ => None,
    };
    if tone_key.is_some() && tone_key == own_tone {
        return Finding::TelexKey(rest);
    }
    let mut words = vec![rest.clone()];
    words.extend(
        "qwertyuiopasdfghjklzxcvbnm"
            .chars()
            .filter(|&c| keyboard_neighbours(c, key))
            .map(|c| format!("{rest}{c}"))
            .filter(|w| syllable::is_syllable(w)),
    );
    best_fit_first(at, &mut words);
    if words[0] == rest {
        Finding::TelexKey(rest)
    } else {
        Finding::NextKey(words.swap_remove(0))
    }
}

/// A Telex key (f, j, w) typed inside a Vietnamese word, after its first letter ("nhjà",
/// "đảwo", "Hjết"; not zíp, Wú, Dzếnh): the word without it. The rest must be a syllable
/// written with a letter beyond ASCII, and, in a capitalised word (a foreign name:
/// Đorđije), with a letter only Vietnamese writes.
fn telex_key_inside(text: &str) -> Option<String> {
    let mut keys = text
        .char_indices()
        .filter(|(_, c)| matches!(c.to_ascii_lowercase(), 'f' | 'j' | 'w'));
    let (at, key) = keys.next()?;
    if at == 0 || keys.next().is_some() {
        return None;
    }
    let rest = format!("{}{}", &text[..at], &text[at + key.len_utf8()..]);
    let vietnamese = match case_of(text) {
        Case::Lower => !rest.is_ascii(),
        Case::Capitalized => has_vietnamese_only_letter(&rest),
        _ => false,
    };
    (vietnamese && syllable::is_syllable(&rest)).then(|| rest.to_lowercase())
}

/// A combining tone mark left after a letter that already carries one ("trườ̃ng"): the
/// word without it, when that is a syllable, and the word with that tone instead of the
/// letter's own ("vạ̀" → "vạ" or "và": either may be the slip).
fn stray_mark(text: &str) -> Option<Vec<String>> {
    let mut previous_toned = false;
    let mut stray = None;
    let mut rest = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(tone) = combining_tone(c) {
            if !previous_toned {
                return None;
            }
            stray = Some((rest.len(), tone));
            continue;
        }
        previous_toned = has_tone_mark(c);
        rest.push(c);
    }
    let (end, tone) = stray?;
    if !syllable::is_syllable(&rest) {
        return None;
    }
    let mut words = vec![rest.to_lowercase()];
    let letter = rest[..end].chars().next_back()?;
    let base = syllable::base_letter(letter)?;
    let other = format!(
        "{}{}{}",
        &rest[..end - letter.len_utf8()],
        syllable::with_tone(base, tone),
        &rest[end..]
    )
    .to_lowercase();
    if other != words[0] && syllable::is_syllable(&other) {
        words.push(other);
    }
    Some(words)
}

/// Orders two or three spellings meant for one word by how well each fits the place, as the
/// model reads it; left as they are without a model.
fn best_fit_first(at: &Spot<'_>, words: &mut [String]) {
    let Some((model, place)) = at.place() else {
        return;
    };
    let mut key = String::new();
    let mut scored: Vec<(f64, String)> = words
        .iter()
        .map(|w| {
            let score = model::key(w, &mut key)
                .then(|| model.id(&key))
                .flatten()
                .map_or(f64::NEG_INFINITY, |x| {
                    in_context::fit(model, place, w, x).score
                });
            (score, w.clone())
        })
        .collect();
    // Stable: the first stays first on a tie.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (w, (_, best)) in words.iter_mut().zip(scored) {
        *w = best;
    }
}

/// A Telex tone key typed twice, which takes the tone off again and leaves the key
/// ("đươcj" for "được", "tiêngs" for "tiếng"): the word with the tone its key stands for,
/// and the word without the key when that is a syllable too (the key typed once too
/// many). The rest must have no tone and a vowel mark or đ (not plain ASCII: raw Telex is
/// [`raw_telex`]'s), and the word with its tone must be a syllable.
fn tone_undone(text: &str) -> Option<Vec<String>> {
    let mut lower = String::new();
    lower_into(text, &mut lower);
    let tone = match lower.chars().next_back()? {
        'f' => Tone::Huyen,
        's' => Tone::Sac,
        'r' => Tone::Hoi,
        'x' => Tone::Nga,
        'j' => Tone::Nang,
        _ => return None,
    };
    let rest = &lower[..lower.len() - 1];
    if rest.is_ascii() || rest.chars().any(has_tone_mark) {
        return None;
    }
    let spelling = syllable::Spelling::of(rest).ok()?;
    let toned = syllable::compose(spelling.letters(), tone, syllable::MarkStyle::Old)?;
    if !syllable::is_syllable(&toned) {
        return None;
    }
    let mut words = vec![toned];
    if syllable::is_syllable(rest) {
        words.push(rest.to_string());
    }
    Some(words)
}

/// The tone a combining tone mark stands for.
fn combining_tone(c: char) -> Option<Tone> {
    Some(match c {
        '\u{300}' => Tone::Huyen,
        '\u{301}' => Tone::Sac,
        '\u{303}' => Tone::Nga,
        '\u{309}' => Tone::Hoi,
        '\u{323}' => Tone::Nang,
        _ => return None,
    })
}

/// A word with a Telex tone key typed inside it, the input method having failed to turn
/// it into a mark ("Ngfay" for "ngày": f is the key of the huyền tone, j of the nặng tone):
/// the word with that tone, in lower case. Only after an onset no foreign word writes before
/// those letters (ng, ngh, nh, tr, đ) and when the rest is an unmarked syllable, so that
/// names such as "Nijmegen" or "Trjo" stay foreign.
fn telex_key_left(text: &str) -> Option<String> {
    let mut lower = String::new();
    lower_into(text, &mut lower);
    let (at, key) = lower
        .char_indices()
        .find(|(_, c)| matches!(c, 'f' | 'j' | 'w' | 'z'))?;
    let onset = &lower[..at];
    let after = &lower[at + 1..];
    if !matches!(key, 'f' | 'j')
        || !matches!(onset, "ng" | "ngh" | "nh" | "tr" | "đ")
        || after.contains(['f', 'j', 'w', 'z'])
    {
        return None;
    }
    let rest = format!("{onset}{after}");
    let spelling = syllable::Spelling::of(&rest).ok()?;
    if spelling.tone != Tone::Ngang || syllable::parse(&rest).is_err() {
        return None;
    }
    let tone = if key == 'f' { Tone::Huyen } else { Tone::Nang };
    syllable::compose(spelling.letters(), tone, syllable::MarkStyle::Old)
}

/// Whether a character carries a tone mark.
fn has_tone_mark(c: char) -> bool {
    syllable::tone_of(c).is_some_and(|t| t != Tone::Ngang)
}

/// A token that is two syllables run together ("đượcmột", "cáccông"): the byte index of
/// the second. The first must carry a tone mark and the second a Vietnamese letter beyond
/// ASCII, which loans written solid do not do (ôxít, axít, mêtan, nitơ, magiê, pêxô: their
/// first syllable carries no tone; cácbon: its second is plain ASCII).
fn run_together(at: &Spot<'_>, text: &str) -> Option<usize> {
    let (a, _) = likeliest_split(at, text, |a, b| {
        a.chars().any(has_tone_mark) && !b.is_ascii()
    })?;
    Some(a.len())
}

/// Of the ways `text` splits into two syllables that `keep` accepts, the one the model
/// writes most often as a pair ("đồngý": "đồng ý", not "đồ ngý"); the shortest first half
/// when it knows none. A lone letter first ("ạđi", "Yội") only where the model writes the
/// pair `min-support` times ("ởđây"): else it is more likely a letter slipped out of place.
fn likeliest_split<'t>(
    at: &Spot<'_>,
    text: &'t str,
    keep: impl Fn(&str, &str) -> bool,
) -> Option<(&'t str, &'t str)> {
    let (mut ka, mut kb) = (String::new(), String::new());
    let mut pair_count = |a: &str, b: &str| -> Option<u32> {
        let model = at.model?;
        (model::key(a, &mut ka) && model::key(b, &mut kb)).then_some(())?;
        Some(model.bigram(model.id(&ka)?, model.id(&kb)?))
    };
    let mut best: Option<((&str, &str), u64)> = None;
    for (a, b) in syllable::splits_in_two(text).filter(|(a, b)| keep(a, b)) {
        let seen = pair_count(a, b);
        if a.chars().nth(1).is_none() && seen.is_none_or(|n| n < at.min_support) {
            continue;
        }
        // A pair it has seen, then a pair of syllables it knows, then any.
        let score = seen.map_or(0, |n| 2 * u64::from(n) + 1);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some(((a, b), score));
        }
    }
    best.map(|(split, _)| split)
}

/// A word glued to the next one at a change of case ("củaAndy", "trướcCộng", "TâyBan"):
/// the byte index where the capital starts. The part before must be a syllable written
/// with a Vietnamese letter beyond ASCII (not iPhone, eBay, McDonald, YouTube) and the
/// case must change once.
fn glued_at_capital(text: &str) -> Option<usize> {
    let mut at = None;
    let mut previous_lower = false;
    for (i, c) in text.char_indices() {
        let upper = c.is_uppercase();
        if upper && previous_lower {
            if at.is_some() {
                return None;
            }
            at = Some(i);
        }
        previous_lower = c.is_lowercase();
    }
    let at = at?;
    let (first, second) = text.split_at(at);
    let first_case = case_of(first);
    // Or a plain lower-case syllable of two letters or more before a capitalised one with
    // Vietnamese marks ("doThủ", "vuaLý"): camel case never marks its second word.
    let glued_to_marked = first_case == Case::Lower
        && first.len() > 1
        && !second.is_ascii()
        && syllable::is_syllable(second);
    ((!first.is_ascii() || glued_to_marked)
        && matches!(first_case, Case::Lower | Case::Capitalized)
        && syllable::is_syllable(first))
    .then_some(at)
}

/// Letters only Vietnamese writes: a horn (ơ, ư), a hook above or a dot below, or a tone
/// mark on top of a circumflex or breve. A capitalised word with one is a Vietnamese word,
/// never a foreign name (foreign names borrow é, è, ê, ô, ã, ă, đ, but not these).
fn has_vietnamese_only_letter(text: &str) -> bool {
    text.chars().any(|c| {
        let Some(tone) = syllable::tone_of(c) else {
            return false;
        };
        let Some(base) = syllable::base_letter(c) else {
            return false;
        };
        matches!(base, 'ơ' | 'ư')
            || matches!(tone, Tone::Hoi | Tone::Nang)
            || (tone != Tone::Ngang && matches!(base, 'â' | 'ă' | 'ê' | 'ô'))
    })
}

/// What a plain-ASCII word must look like to be a Vietnamese word typed without its marks
/// (or slipped) rather than English, a code or a name: an ending English never writes (nh;
/// ch where only the tone is missing: lunh, kich, hoach; not tech, much), uo before another letter (thuoc, nguoi; not
/// quota, quote), or a consonant typed twice next to another consonant, once too many
/// (tronng, bbi; not mm, pp, ppm).
fn vietnamese_only_ascii(lower: &str, why: IllFormed) -> bool {
    let b = lower.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let consonant = |c: u8| c.is_ascii_lowercase() && !vowel(c);
    match why {
        // ch only where Vietnamese writes it (after i, ê, a: the tone alone is missing), so
        // not tech, much, such.
        IllFormed::StopTone | IllFormed::CodaNotAllowed => {
            n >= 3
                && vowel(b[n - 3])
                && (lower.ends_with("nh") || lower.ends_with("ch") && why == IllFormed::StopTone)
        }
        IllFormed::BadVowels => b
            .windows(3)
            .enumerate()
            .any(|(i, w)| w[0] == b'u' && w[1] == b'o' && (i == 0 || b[i - 1] != b'q')),
        IllFormed::BadCoda | IllFormed::BadOnset => (0..n.saturating_sub(1)).any(|i| {
            b[i] == b[i + 1]
                && consonant(b[i])
                && (i == 0 || b.get(i + 2).is_some_and(|&c| consonant(c)))
                && syllable::is_syllable(&format!("{}{}", &lower[..i], &lower[i + 1..]))
        }),
        _ => false,
    }
}

/// An i or u typed twice in a plain-ASCII word, one of which taken out leaves a syllable
/// ("giiao", "khii", "nguuy"): English doubles e and o (see, book), rarely i or u, and
/// never so that a syllable is left (skiing, vacuum).
fn vowel_typed_twice(lower: &str) -> bool {
    let b = lower.as_bytes();
    // Two letters alone are a name of a letter ("uu", the old name of w) or a numeral.
    b.len() > 2
        && (1..b.len()).any(|i| {
            b[i] == b[i - 1]
                && matches!(b[i], b'i' | b'u')
                && syllable::is_syllable(&format!("{}{}", &lower[..i], &lower[i + 1..]))
        })
}

/// A plain-ASCII capitalised word of a foreign shape that a Vietnamese name slipped into:
/// its vowels without their marks (Viet, Quoc), two letters swapped (Htanh) or one typed
/// twice (Trungg).
fn name_slip_shape(text: &str, why: IllFormed) -> bool {
    why == IllFormed::BadVowels || syllable::transposed(text) || letter_doubled(text)
}

/// Whether one of the three nearest words before or after token `i`, within the same
/// quotation or bracket, has a letter beyond ASCII (the word stands in Vietnamese text, not
/// in an English phrase: "Be rich in spirit"; three, so that a run of words typed without
/// marks is still among them: "cánh to. Hoa thuoc loai"), and neither word right beside it
/// is plain ASCII that is no syllable (an English word: "rich kid", "tech startup"; a name
/// or an acronym in capitals only when the word on the other side has no marks).
fn among_vietnamese_words(doc: &Document, tokens: &[Token], i: usize) -> bool {
    among_vietnamese_words_or(doc, tokens, i, |_| false)
}

/// [`among_vietnamese_words`], where a plain-ASCII word beside that is no syllable does not
/// make an English run when `unmarked` says it is a Vietnamese word typed without its
/// marks ("phap luat").
fn among_vietnamese_words_or(
    doc: &Document,
    tokens: &[Token],
    i: usize,
    unmarked: impl Fn(&str) -> bool,
) -> bool {
    let fence = |t: &&Token| is_fence(doc, t);
    let mut vietnamese = false;
    // Per side: the nearest word, when it is a plain-ASCII name or acronym right beside
    // (Iraq, GDP), and whether it has a letter beyond ASCII.
    let mut name_beside = [false; 2];
    let mut marked_beside = [false; 2];
    for (s, side) in [
        &mut tokens[..i].iter().rev() as &mut dyn Iterator<Item = &Token>,
        &mut tokens[i + 1..].iter(),
    ]
    .into_iter()
    .enumerate()
    {
        let clause_break = std::cell::Cell::new(false);
        let mut words = side
            .take_while(|t| !fence(t))
            .filter(|t| {
                if t.kind() == TokenKind::Punct && breaks_clause(doc.token_text(t)) {
                    clause_break.set(true);
                }
                t.kind() == TokenKind::Word
            })
            .map(|t| doc.token_text(t))
            .take(3);
        if let Some(next) = words.next() {
            // A name past a comma or a colon is no English run ("Shane Brolly, dien viên";
            // "Đạo dien: Tony"); a common word is ("pop, rap và hip hop").
            let beside = !clause_break.get() || case_of(next) == Case::Lower;
            if beside && next.is_ascii() && !syllable::is_syllable(next) && !unmarked(next) {
                // A code with digits (C2, Pd109) is no name.
                if case_of(next) == Case::Lower || next.bytes().any(|b| b.is_ascii_digit()) {
                    return false;
                }
                name_beside[s] = true;
            }
            marked_beside[s] = !clause_break.get() && !next.is_ascii();
            vietnamese |= !next.is_ascii() || words.any(|w| !w.is_ascii());
        }
    }
    // A name or an acronym beside (a capital, in plain ASCII) is what Vietnamese text
    // writes foreign names and abbreviations with ("xâm chiem Iraq", "Tăng truong GDP"),
    // not an English run, where the word on the other side has Vietnamese marks; between
    // two of them, or beside one and a plain word, it may be a phrase in English.
    // A capitalised word beside a name is part of it (Porfirio Díaz).
    let lower = case_of(doc.token_text(&tokens[i])) == Case::Lower;
    let name_ok = |s: usize| !name_beside[s] || (lower && marked_beside[1 - s]);
    vietnamese && name_ok(0) && name_ok(1)
}

/// Punctuation that ends a clause: a word past it is not right beside.
fn breaks_clause(mark: &str) -> bool {
    matches!(mark, "," | ";" | ":" | "." | "!" | "?" | "…" | "–" | "—")
}

/// Whether the three nearest words before and after token `i`, within the same quotation
/// or bracket, show Vietnamese text rather than a Spanish or French phrase whose marks look
/// Vietnamese: one has a letter only Vietnamese writes, or two are syllables with marks.
fn in_vietnamese_text(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let before = tokens[..i].iter().rev();
    let after = tokens[i + 1..].iter();
    let mut marked = 0;
    for side in [&mut { before } as &mut dyn Iterator<Item = &Token>, &mut {
        after
    }] {
        for word in side
            .take_while(|t| !is_fence(doc, t))
            .filter(|t| t.kind() == TokenKind::Word)
            .take(3)
        {
            let text = doc.token_text(word);
            if has_vietnamese_only_letter(text) {
                return true;
            }
            marked += usize::from(!text.is_ascii() && syllable::is_syllable(text));
        }
    }
    marked >= 2
}

/// A quotation mark or a bracket: what a phrase in another language is set off by.
fn is_fence(doc: &Document, t: &Token) -> bool {
    t.kind() == TokenKind::Punct && {
        let mark = doc.token_text(t);
        is_quote(mark) || matches!(mark, "(" | ")" | "[" | "]")
    }
}

/// The shape of a Spanish or French word with marks ("él", "más", "cuál", "née"): no
/// letter only Vietnamese writes, no letter typed twice in a row but e (née), and no
/// Vietnamese ending nh, ng, ch.
fn romance_shape(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    !has_vietnamese_only_letter(text)
        && !chars
            .windows(2)
            .any(|w| w[0] == w[1] && syllable::base_letter(w[0]) != Some('e'))
        && !["nh", "ng", "ch"].iter().any(|end| text.ends_with(end))
}

/// Whether an ill-formed token is a Vietnamese word gone wrong rather than something else
/// (an acronym, an address, a foreign name or word, a loan), and what is wrong with it:
/// precision first.
fn judge(at: &Spot<'_>, text: &str, why: IllFormed, lower: &mut String) -> Option<Finding> {
    let (doc, tokens, i) = (at.doc, at.tokens, at.i);
    if let Some(mut words) = stray_mark(text) {
        // Which of the two tones was meant, as the model reads the place.
        best_fit_first(at, &mut words);
        return Some(Finding::StrayMark(words));
    }
    if let Some(mut words) = tone_undone(text) {
        // Lower case or opening a sentence, in Vietnamese text (not "três" in a Portuguese
        // phrase); a capital inside a sentence (a name) only where the place calls for it.
        let case = case_of(text);
        let judged = if case == Case::Lower || (case == Case::Capitalized && at.opens) {
            in_vietnamese_text(doc, tokens, i)
        } else {
            case == Case::Capitalized && words.iter().any(|w| at.fits(w, false))
        };
        if judged {
            best_fit_first(at, &mut words);
            return Some(Finding::ToneUndone(words));
        }
    }
    if matches!(why, IllFormed::ForeignLetter(_)) {
        // A key after a word with its tone: typed too many ("hoạchj"), or typed for the key
        // beside it ("trọnf" for "trọng"), whichever the place backs.
        if let Some(rest) = telex_key_after_tone(text)
            && among_vietnamese_words(doc, tokens, i)
        {
            return Some(key_dropped_or_replaced(at, text, rest));
        }
        return telex_key_left(text)
            .or_else(|| telex_key_inside(text))
            .filter(|_| among_vietnamese_words(doc, tokens, i))
            .map(Finding::TelexKey)
            .or_else(|| raw_telex(at, text).map(Finding::TelexKeys))
            .or_else(|| next_key(at, text).map(Finding::NextKey));
    }
    // One letter alone ("A", "ý") is an initial or a word, never a slip.
    text.chars().nth(1)?;
    let case = case_of(text);
    if case == Case::Upper {
        return None;
    }
    let chunk = chunk_around(tokens, i);
    let chunk_text = &doc.text[chunk.clone()];
    lower_into(text, lower);
    if LOAN_WORDS.contains(lower) || looks_like_address(chunk_text) {
        return None;
    }
    if case == Case::Mixed {
        // A word glued to a capitalised one: "củaAndy", "TâyBan".
        let split = glued_at_capital(text)?;
        let plain_first = text[..split].is_ascii();
        return (!chunk_text.contains(['#', '@', '-', '_', '/'])
            && (!plain_first || among_vietnamese_words(doc, tokens, i)))
        .then_some(Finding::Glued(split));
    }
    // A transliteration in pieces (Ô-xtrây-li-a), a compound name: only a plain slip of
    // a Vietnamese word.
    let hyphenated = chunk_text.contains('-');
    let foreign = why.is_foreign_shape() || text.is_ascii() || case == Case::Capitalized;
    if hyphenated && foreign {
        return None;
    }
    if why.is_foreign_shape()
        && let Some(split) = glued_to_common_word(at, text)
    {
        return Some(Finding::Glued(split));
    }
    // Where a capital is no sign of a name (the sentence's first word) or the word is in
    // lower case, a slip the model backs: a spelling one edit away that it has seen beside
    // the word's neighbours ("Tromg năm" → "Trong năm", "Đại hoc" → "Đại học").
    // Inside a sentence a capital makes a name: only where the place all but calls for a
    // word one slip away ("Hy Lap" → "Hy Lạp", "châu Chuâ Á" → "Châu Á").
    // A lower-case word in plain ASCII may stand in a run of words typed without marks.
    let unmarked_run = case == Case::Lower && text.is_ascii();
    let judged_in_context = || {
        among_vietnamese_words_or(doc, tokens, i, |w| unmarked_run && at.restorable(w))
            && if case == Case::Lower || at.opens {
                at.backed(text, why, false)
            } else {
                // Not for the shapes of foreign names in plain ASCII (clusters, codas, vowel
                // runs no syllable has: Smith, Robert): ranking their spellings costs time,
                // and a slip of a Vietnamese name keeps a Vietnamese shape ("Lap") or a
                // Vietnamese letter ("Chuâ", "Têin"), lacks only its marks (iê, uô, ươ:
                // "Viet", "Quoc") or has two letters swapped or one doubled ("Htanh",
                // "Trungg").
                case == Case::Capitalized
                    && !(text.is_ascii() && why.is_foreign_shape() && !name_slip_shape(text, why))
                    && at.backed(text, why, true)
            }
    };
    if let Some(word) = raw_telex(at, text) {
        return Some(Finding::TelexKeys(word));
    }
    if text.is_ascii() {
        // A token in plain ASCII is as likely English, a name or a code: a lower-case word
        // of a shape English never writes, among Vietnamese words, or one the model backs.
        let vowel_twice = vowel_typed_twice(lower);
        let unmarked = case == Case::Lower
            && (vowel_twice || vietnamese_only_ascii(lower, why))
            && among_vietnamese_words(doc, tokens, i)
            && !syllable::candidates(text, 1).is_empty();
        // A letter typed twice is a slip; the other shapes want their marks.
        let doubled = vowel_twice || matches!(why, IllFormed::BadCoda | IllFormed::BadOnset);
        if unmarked {
            return Some(if doubled {
                Finding::Syllable
            } else {
                Finding::Unmarked
            });
        }
        if case == Case::Lower
            && let Some(split) = glued_pair(at, text)
        {
            return Some(Finding::Glued(split));
        }
        // Opening a sentence, a letter typed twice ("Trongg", "Thheo") where the word left
        // fits before the next word: the capital says nothing of a name there, and English
        // words with a letter twice do not leave a syllable (Allen, Green, Emma).
        // Or where the word left is one of the commonest syllables ("Trrong cờ", "Annh
        // Bố"): the place need not know the pair.
        let opening_doubled = || {
            case == Case::Capitalized
                && at.opens
                && undoubled(text).is_some_and(|word| {
                    let word = word.to_lowercase();
                    at.fits(&word, true) || at.common(&word)
                })
                && among_vietnamese_words(doc, tokens, i)
        };
        return (judged_in_context() || opening_doubled()).then_some(Finding::InContext);
    }
    if why.is_foreign_shape() {
        // Clusters and shapes no syllable has: a foreign name or word, a loan written solid
        // (ôxít, magiê, lôgic): left alone.
        // What stays is a word with Vietnamese marks that is either two syllables run
        // together (đượcmột), or one slip away from a syllable: a doubled letter
        // (thườnng), a vowel mark missing (chưong, chién); capitalised, only a word with a
        // letter no foreign name has, two letters swapped (Tổgn) or run together (Anhkhỏi),
        // or a vowel that lost its circumflex, breve or horn under the tone (Quóc, Viét),
        // or a letter typed twice (Bốnn, Đầầu; not any letter too many: Ngọk, Khơme);
        // or, opening a sentence, a slip the model backs (Ttây).
        if case == Case::Capitalized {
            // Opening a sentence, where a capital is no sign of a name, a letter typed twice
            // in any word among Vietnamese words ("Cũnng", "Vviệc"; not two letters swapped:
            // foreign names are two letters from a syllable, León).
            let vietnamese_only = has_vietnamese_only_letter(text);
            let opening_doubled =
                at.opens && letter_doubled(text) && among_vietnamese_words(doc, tokens, i);
            if (vietnamese_only && (syllable::transposed(text) || letter_doubled(text)))
                || opening_doubled
                || (why == IllFormed::BadVowels && syllable::missing_vowel_mark(text))
            {
                return Some(Finding::Syllable);
            }
            // "Anhkhỏi": the second syllable with a tone mark on a letter only Vietnamese
            // writes; transliterations written solid do not end so (Sáclơ, Nitơ, Kitô).
            if let Some((a, _)) = likeliest_split(at, text, |_, b| {
                b.chars().any(has_tone_mark) && has_vietnamese_only_letter(b)
            }) {
                return Some(Finding::Glued(a.len()));
            }
            // Two syllables with marks run together that the model writes as a pair
            // ("Thẩmphán", "Ngânhàng"), whatever the place.
            if let Some(split) = glued_in_place(at, text).or_else(|| glued_pair(at, text)) {
                return Some(Finding::Glued(split));
            }
            return (judged_in_context() || doubled_in_name(at, text))
                .then_some(Finding::InContext);
        }
        // Marks Spanish, French or Portuguese write too ("él", "más", "cuál"), with no
        // word nearby written with a letter only Vietnamese writes: a foreign word.
        if romance_shape(text) && !in_vietnamese_text(doc, tokens, i) {
            return None;
        }
        if matches!(why, IllFormed::SecondVowelGroup | IllFormed::TooLong) {
            // Two syllables run together; a letter too many in a word with a letter only
            // Vietnamese writes ("ngườpi", "hợpo"); or a slip that split the vowel ("ohàn"
            // for "hoàn") or added a letter ("topàn") where the model backs the word meant.
            if let Some(split) = run_together(at, text) {
                return Some(Finding::Glued(split));
            }
            if has_vietnamese_only_letter(text) && syllable::one_letter_too_many(text).is_some() {
                return Some(Finding::Syllable);
            }
            return glued_pair(at, text)
                .or_else(|| glued_in_place(at, text))
                .map(Finding::Glued)
                .or_else(|| judged_in_context().then_some(Finding::InContext));
        }
        if let Some(split) = glued_in_place(at, text) {
            return Some(Finding::Glued(split));
        }
        if !syllable::candidates(text, 1).is_empty() {
            return Some(Finding::Syllable);
        }
        // Two slips in one word ("kểtt", "đđẫ", "cnơg"): the spellings two edits away.
        return (case == Case::Lower)
            .then(|| two_slips(at, text))
            .flatten()
            .map(Finding::TwoSlips);
    }
    if case == Case::Capitalized {
        // A slip no word has, whatever its place: the tone mark misplaced or doubled.
        let typing = matches!(
            why,
            IllFormed::MarkPosition | IllFormed::DoubledTone | IllFormed::TwoTones
        );
        // Opening a sentence, a Vietnamese word breaking the rule of gh, ngh ("Nghành").
        let onset_rule = matches!(why, IllFormed::GhBeforeBack | IllFormed::GBeforeFront);
        if typing || (at.opens && onset_rule && !text.is_ascii()) {
            return Some(Finding::Syllable);
        }
        // The other rules of spelling (a stop with the wrong tone, a rhyme with the wrong
        // ending, gh/ngh): names keep spellings of their own (Niê, Kơ Ho, Đắk, Iát), so
        // only where the model backs a spelling one edit away, as a warning. Opening a
        // sentence, where a capital is no sign of a name, any of them ("Kột" for "Một",
        // "Iểu" for "Tiểu").
        let spelling = at.opens
            || matches!(
                why,
                IllFormed::StopTone
                    | IllFormed::GhBeforeBack
                    | IllFormed::GBeforeFront
                    | IllFormed::CodaNotAllowed
            );
        return ((spelling && judged_in_context()) || doubled_in_name(at, text))
            .then_some(Finding::InContext);
    }
    Some(Finding::Syllable)
}

/// A capitalised word with Vietnamese marks inside a sentence, a letter typed twice
/// ("Hánn Vũ Đế", "Thủủ Dầu Một"), where the word left fits beside a neighbour in
/// `min-share` thousandths of the rarer's uses or beside both: foreign names with a letter
/// twice do not leave a Vietnamese syllable with its marks.
fn doubled_in_name(at: &Spot<'_>, text: &str) -> bool {
    !at.opens
        && !text.is_ascii()
        && undoubled(text).is_some_and(|word| at.fits(&word.to_lowercase(), false))
        && among_vietnamese_words(at.doc, at.tokens, at.i)
}

/// A lower-case word with two slips and none of the spellings one edit away ("kểtt",
/// "đđẫ", "hiiẹn", "cnơg"): up to three spellings two edits away (a letter taken out or two
/// letters swapped, then any edit) that the model knows, best fit first. Only for a word
/// with a letter only Vietnamese writes, or where the best one fits the place.
fn two_slips(at: &Spot<'_>, text: &str) -> Option<Vec<String>> {
    let fits = two_edit_fits(at, text);
    let best = fits.first()?;
    // The word meant seen beside a neighbour at least: a guess two edits away with no
    // support is no finding.
    let vietnamese = at.fits(&best.word, has_vietnamese_only_letter(text));
    (vietnamese && among_vietnamese_words(at.doc, at.tokens, at.i))
        .then(|| fits.into_iter().take(3).map(|f| f.word).collect())
}

/// The spellings two edits away from `text` (a letter taken out or two letters swapped,
/// then any edit) that the model knows, best fit first, each weighed by its likeliest
/// second edit; none for a word without a vowel (an abbreviation: qđ, tp).
fn two_edit_fits(at: &Spot<'_>, text: &str) -> Vec<Fit> {
    let Some((model, place)) = at.place() else {
        return Vec::new();
    };
    let chars: Vec<char> = text.chars().collect();
    if !chars
        .iter()
        .any(|&c| syllable::base_letter(c).is_some_and(syllable::is_vowel))
    {
        return Vec::new();
    }
    // A letter taken out: one typed twice, or any but the first (minority languages open
    // with clusters: kmưk, krông).
    let mut firsts: Vec<String> = (0..chars.len())
        .filter(|&i| i > 0 || chars.get(1) == Some(&chars[0]))
        .map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect())
        .collect();
    firsts.extend((0..chars.len().saturating_sub(1)).map(|i| {
        let mut swapped = chars.clone();
        swapped.swap(i, i + 1);
        swapped.into_iter().collect()
    }));
    // The fit in context, and the weight of the likeliest edit that reaches the spelling
    // (two paths may reach one: "vãã" → "vã" → "và", a tone, or → "vàà" → "và").
    let mut fits: Vec<(Fit, f64)> = Vec::new();
    for first in &firsts {
        for (word, edit, x) in known_edits(model, first).iter() {
            let weight = edit_weight(*edit);
            if let Some(seen) = fits.iter_mut().find(|(f, _)| f.word == *word) {
                seen.1 = seen.1.max(weight);
                continue;
            }
            fits.push((in_context::fit(model, place, word, *x), weight));
        }
    }
    let mut fits: Vec<Fit> = fits
        .into_iter()
        .map(|(mut fit, weight)| {
            fit.score += weight;
            fit
        })
        .collect();
    fits.sort_by(|a, b| b.score.total_cmp(&a.score));
    fits
}

/// A name or foreign word glued to one of the commonest Vietnamese syllables
/// ("Dinhvà", "cristobalitcủa"): the byte index of that syllable. It must be written with a
/// letter beyond ASCII (English words end in ASCII syllables: Shanghai, Vietnam) after a
/// part in plain ASCII or a syllable, start with a consonant (Mêkông, nilông are loans), be at least two
/// letters, follow at least three, and the token must stand among Vietnamese words.
fn glued_to_common_word(at: &Spot<'_>, text: &str) -> Option<usize> {
    let model = at.model?;
    let mut key = String::new();
    let split = text.char_indices().skip(3).map(|(i, _)| i).find(|&i| {
        let word = &text[i..];
        // Marks on what comes before make a transliteration written solid (Vecnêudinxcơ,
        // Tômxcơ), unless that is a syllable (a Vietnamese name: "Cảnhlàm").
        (text[..i].is_ascii() || syllable::is_syllable(&text[..i]))
            && word.chars().nth(1).is_some()
            && !word.is_ascii()
            && word
                .chars()
                .next()
                .and_then(syllable::base_letter)
                .is_some_and(|c| !syllable::is_vowel(c))
            && model::key(word, &mut key)
            && model
                .id(&key)
                .is_some_and(|id| model.unigram(id) >= COMMON_SYLLABLE)
    })?;
    among_vietnamese_words(at.doc, at.tokens, at.i).then_some(split)
}

/// The byte range of the run of non-space tokens around token `i`.
fn chunk_around(tokens: &[Token], i: usize) -> std::ops::Range<usize> {
    let mut start = i;
    while start > 0 && tokens[start - 1].kind() != TokenKind::Space {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < tokens.len() && tokens[end + 1].kind() != TokenKind::Space {
        end += 1;
    }
    tokens[start].start()..tokens[end].end()
}

/// A web or e-mail address: `@`, `://`, `www.`, or a dot between two letters (gov.vn).
fn looks_like_address(chunk: &str) -> bool {
    if chunk.contains('@') || chunk.contains("://") || chunk.starts_with("www.") {
        return true;
    }
    // Without collecting the characters: this runs for every ill-formed token.
    let mut chars = chunk.chars();
    let (mut a, mut b) = (chars.next(), chars.next());
    for c in chars {
        if a.is_some_and(char::is_alphanumeric) && b == Some('.') && c.is_alphabetic() {
            return true;
        }
        (a, b) = (b, Some(c));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::Nonword;
    use crate::rules::testing::{check, fixed, fixes_each, flagged, flags_each, silent};

    #[test]
    fn fails_on_ill_formed_syllables() {
        flags_each(
            &Nonword,
            &[
                ("Quận đã sắp xêp lại bộ máy.", &["xêp"]),
                ("Phòng họp tại trụ sở taị phường.", &["taị"]),
                ("Các nghành chức năng đã vào cuộc.", &["nghành"]),
                ("Thưc hiện nghiêm chỉ thị.", &["Thưc"]),
                ("Hoàn thành tòan bộ kế hoạch.", &["tòan"]),
                ("Nghành giáo dục quận.", &["Nghành"]),
                ("Vượt chỉ tiêu, vựơt kế hoạch.", &["vựơt"]),
            ],
        );
    }

    #[test]
    fn silent_on_names_acronyms_addresses_loans() {
        silent(
            &Nonword,
            &[
                "UBND, HĐND, ĐH, TCCS và KTXH của quận.",
                "Cầu thủ Shilton, Robson, Clemence của Stoke City.",
                "Xem tại https://caugiay.hanoi.gov.vn hoặc www.hanoi.gov.vn.",
                "Gửi thư về banbientap@caugiay.vn nhé.",
                "Xe buýt, axít, điốt, ôxy, người Hmông, tivi, email, internet, web.",
                "Quãng đường 12 ki-lô-mét, xe số 4B, bản ver2.",
                "Napoléon, González, Molière, Hélène, José, Zürich và iPhone.",
                "Ô-xtrây-li-a và Mát-xcơ-va.",
                "Tỉnh Đắk Lắk, huyện Kon Plông, xã Ea Súp.",
                "Các từ online, marketing, video, hot, top, chat.",
                "Khoáng vật ôxít, điôxít, magiê, lôgic mờ, détente, cácbon, tuốcnơvít.",
                "Hòa và hoà, thủy và thuỷ, khỏe và khoẻ đều đúng.",
                "Chữ a, b, c và đ.",
                "Đồng chí Ðức phát biểu.",
            ],
        );
    }

    #[test]
    fn a_paragraph_in_a_legacy_encoding_is_left_to_legacy_encoding() {
        let text = "Héi nghÞ tæng kÕt c«ng t¸c n¨m cña quËn, trụ sở taị phường, Xin chaøo caùc baïn ñaõ ñeán.";
        // The rule alone reads the misplaced mark of "taị"; the engine leaves the paragraph to
        // `legacy-encoding`, for every rule.
        assert!(!crate::rules::testing::check(&Nonword, text).is_empty());
        let rules: Vec<&str> = crate::lint_text(text, &crate::Config::default())
            .iter()
            .map(|d| d.rule)
            .collect();
        assert_eq!(rules, ["legacy-encoding"]);
    }

    #[test]
    fn fixes_keep_the_writers_capitals() {
        assert_eq!(
            fixed(&Nonword, "Nghành y tế taị quận."),
            "Ngành y tế tại quận."
        );
        assert_eq!(fixed(&Nonword, "Đã sắp xêp."), "Đã sắp xếp.");
        assert_eq!(fixed(&Nonword, "Đã đượcmột năm."), "Đã được một năm.");
        assert_eq!(flagged(&Nonword, "Thưc hiện."), vec!["Thưc"]);
        let d = &check(&Nonword, "Thưc hiện.")[0];
        let fixes: Vec<&str> = d
            .suggestions
            .iter()
            .map(|s| s.replacement.as_str())
            .collect();
        assert!(
            fixes.contains(&"Thực") && fixes.contains(&"Thức"),
            "{fixes:?}"
        );
        assert!(d.message.en.contains("sắc") || d.message.en.contains("acute"));
    }

    #[test]
    fn words_run_together_are_split() {
        for (text, fix) in [
            (
                "Quận rà soát cáccông trình.",
                "Quận rà soát các công trình.",
            ),
            (
                "Bài phát biểu củaAndy Nguyễn.",
                "Bài phát biểu của Andy Nguyễn.",
            ),
            ("Đoàn đi thăm TâyBan Nha.", "Đoàn đi thăm Tây Ban Nha."),
            ("Quận đứng trướcCơ hội lớn.", "Quận đứng trước Cơ hội lớn."),
            ("Anh ấy rời Anhkhỏi đây.", "Anh ấy rời Anh khỏi đây."),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
    }

    #[test]
    fn a_telex_key_left_in_a_word() {
        assert_eq!(
            fixed(&Nonword, "Phường tổ chức Ngfay hội tại nhfa văn hóa."),
            "Phường tổ chức Ngày hội tại nhà văn hóa."
        );
        // f, j, w, z in foreign names; a key after an onset English writes too; a key
        // whose tone the ending cannot carry ("trfac": no huyền before c).
        silent(
            &Nonword,
            &[
                "Ông Wang Jian và bà Lowe dự họp tại Nijmegen.",
                "Đoàn làm việc với ông Thfa tại xã.",
                "Tổ trfac nghiệm của phường.",
            ],
        );
    }

    #[test]
    fn capitalised_slips_and_words_without_marks() {
        for (text, fix) in [
            ("Tổgn số hồ sơ.", "Tổng số hồ sơ."),
            ("Quốc hội và Quóc kỳ.", "Quốc hội và Quốc kỳ."),
            ("Viét thư cảm ơn.", "Viết thư cảm ơn."),
            (
                "Tăng cường đả kich tham nhũng.",
                "Tăng cường đả kích tham nhũng.",
            ),
            ("Nói chuyện tronng hội nghị.", "Nói chuyện trong hội nghị."),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
        for (text, word) in [
            ("Kế hoach năm nay đã xong.", "hoach"),
            ("Học về lich sử địa phương.", "lich"),
            ("Được giao cho lunh mục phụ trách.", "lunh"),
        ] {
            assert_eq!(flagged(&Nonword, text), vec![word]);
        }
        let d = &check(&Nonword, "Người dân thuoc diện hộ nghèo.")[0];
        let fixes: Vec<&str> = d
            .suggestions
            .iter()
            .map(|s| s.replacement.as_str())
            .collect();
        assert!(fixes.contains(&"thuộc"), "{fixes:?}");
        assert!(
            d.message.en.contains("without its marks"),
            "{}",
            d.message.en
        );
    }

    #[test]
    fn silent_on_english_loans_camel_case_and_transliterations() {
        silent(
            &Nonword,
            &[
                "Bình chọn top 10 bài hit nhạc pop, rap và hip hop qua chat.",
                "Chiếc áo hot nhất; món dip chấm; quota xuất khẩu; bản rock.",
                "The rich and famous: which, each, inch, coach, roach.",
                "Giới rich kid khởi nghiệp, ngành tech phát triển, much và such.",
                "Điện thoại iPhone, sàn eBay, kênh YouTube, cửa hàng McDonald.",
                "Nhà văn Sáclơ Đích-ken, khí Nitơ, đạo Kitô, thành Rôma.",
                "Tỉnh Đắk Lắk, huyện Krông Búk, người Kơ Ho, sông Mê Kông.",
                "Perón, Inés, Tomás, Raúl, Saúl, Miklós, Iát, Módok, Olíc, Léon, Noé, Kaká.",
                "São Paulo, Cancún, Bogotá, Panamá, Medellín, Asunción, Belém, Perú.",
                "Ôxít, côban, mêtan, magiê, pêxô, nitơ và đôla.",
                "Đường kính 20 mm, nồng độ 400 ppm, xem pp. 12–15, vv.",
                "Gõ #ViệtNam vào ô tìm kiếm.",
            ],
        );
    }

    #[test]
    fn the_model_backs_slips_the_grammar_alone_leaves() {
        flags_each(
            &Nonword,
            &[
                ("Học tại Đại hoc Quốc gia.", &["hoc"]),
                ("Sửa đổi luật phap hiện hành.", &["phap"]),
                ("Để phuc vụ người dân.", &["phuc"]),
                ("Tromg năm nay, quận làm tốt.", &["Tromg"]),
                ("Ttây Nguyên có nhiều rừng.", &["Ttây"]),
                ("Quận đã ohàn thành kế hoạch.", &["ohàn"]),
            ],
        );
        for (text, fix) in [
            ("Học tại Đại hoc Quốc gia.", "Học tại Đại học Quốc gia."),
            ("Tromg năm nay.", "Trong năm nay."),
            ("Đã ohàn thành.", "Đã hoàn thành."),
            ("Kế hoạchj năm nay.", "Kế hoạch năm nay."),
            ("Công trình trườ\u{303}ng học.", "Công trình trường học."),
            ("Ông Dinhvà bà Lan dự họp.", "Ông Dinh và bà Lan dự họp."),
            (
                "Khoáng vật cristobalitcủa đá.",
                "Khoáng vật cristobalit của đá.",
            ),
            ("Hộ kinhdoanh nhỏ.", "Hộ kinh doanh nhỏ."),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
        // What the grammar alone does not decide is a warning.
        let d = &check(&Nonword, "Học tại Đại hoc Quốc gia.")[0];
        assert_eq!(d.severity, crate::Severity::Warning);
    }

    #[test]
    fn a_name_inside_a_sentence_the_place_calls_for() {
        // A capital inside a sentence is a name, unless the place all but calls for a
        // spelling one slip away: its marks, two letters swapped.
        for (text, fix) in [
            (
                "Các thành phố đã nổi lên tại Hy Lap cổ.",
                "Các thành phố đã nổi lên tại Hy Lạp cổ.",
            ),
            (
                "Hãng hàng không tốt nhất khu vực Chuâ Á năm nay.",
                "Hãng hàng không tốt nhất khu vực Châu Á năm nay.",
            ),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
        let d = &check(&Nonword, "Các thành phố đã nổi lên tại Hy Lap cổ.")[0];
        assert_eq!(d.severity, crate::Severity::Warning);
        // Names the place does not call for: a letter changed, a pair the model writes
        // seldom, a minority name.
        silent(
            &Nonword,
            &[
                "Đoàn làm việc với ông Bob và ông Pat tại xã.",
                "Ông Ksor Phước và bà Rơ Châm Hoa dự lễ.",
                "Các xã Ngọk Bay, Ngọk Réo và Đắk Cấm của huyện.",
            ],
        );
    }

    #[test]
    fn a_letter_too_many() {
        for (text, fix) in [
            // Plain ASCII: the letter beside it again or its neighbour on the keyboard,
            // the word meant pairing with both neighbours.
            (
                "Không thể tiếp tục theoi đuổi quân địch.",
                "Không thể tiếp tục theo đuổi quân địch.",
            ),
            // A Telex key inside a word with marks.
            ("Tổng Kiểm toán nhjà nước.", "Tổng Kiểm toán nhà nước."),
            ("Bán đảwo Sơn Trà.", "Bán đảo Sơn Trà."),
            // A letter too many in a word with a letter only Vietnamese writes.
            (
                "Đây là nơi những ngườpi sáng tạo làm việc.",
                "Đây là nơi những người sáng tạo làm việc.",
            ),
            // Capitalised: a letter typed twice.
            ("Bốnn hành tinh vòng trong.", "Bốn hành tinh vòng trong."),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
        silent(
            &Nonword,
            &[
                // English words one letter more than a syllable; loans with a vowel in
                // front; a transliteration; a Telex key first; the old spelling dz.
                "Khối lượng 96,935 amu (Cd97), bể bơi và spa, quầy bar ngoài trời.",
                "Nếu hỗn hợp được ion hóa, lớp ôxít bao phủ.",
                "Theo tiếng Khơme, xe zíp, tầng ôzôn, Hồ Dzếnh, vua João VI.",
            ],
        );
    }

    #[test]
    fn a_run_of_words_without_marks() {
        // Three words around, not two: the neighbours of "thuoc" are unmarked too.
        assert_eq!(
            flagged(&Nonword, "Lá dai, cánh to. Hoa thuoc loai hoa đơn."),
            vec!["thuoc"]
        );
    }

    #[test]
    fn words_without_marks_are_ranked_as_one_slip() {
        // All its marks given back is one slip, not a vowel mark alone ("tiên").
        let d = &check(&Nonword, "Chịu mức phạt tien đối với hành vi.")[0];
        assert_eq!(d.suggestions[0].replacement, "tiền");
    }

    #[test]
    fn capitals_inside_a_sentence_are_names_and_loans_are_words() {
        silent(
            &Nonword,
            &[
                "Bà H'Hen Niê, ông Y Bih, ông Ksor Phước và bà Rơ Châm Hoa dự lễ.",
                "Khí clo, flo, brôm, crôm và muối clorua.",
                "Sông Mêkông, tấm nilông và khoáng vật ôxít.",
            ],
        );
        // The same spelling opening a sentence, where the model backs a word: a slip.
        assert_eq!(flagged(&Nonword, "Thưc hiện nghiêm."), vec!["Thưc"]);
    }

    #[test]
    fn words_typed_in_telex_or_vni_keys_the_input_method_left() {
        for (text, fix) in [
            (
                "Ông là cán booj quản lý của công ty.",
                "Ông là cán bộ quản lý của công ty.",
            ),
            (
                "Cơ quan nhận dduwowcj kiến nghị.",
                "Cơ quan nhận được kiến nghị.",
            ),
            (
                "Ông là cán bo65 quản lý của công ty.",
                "Ông là cán bộ quản lý của công ty.",
            ),
        ] {
            assert_eq!(fixed(&Nonword, text), fix, "{text}");
        }
        // Capitals (an acronym), codes with digits, a loan opening with z.
        silent(
            &Nonword,
            &[
                "Tấn công DDOS vào hệ thống.",
                "Máy bay mig21 và khu a1 của sân bay.",
                "Xe zíp của đơn vị.",
            ],
        );
    }

    #[test]
    fn a_letter_vietnamese_never_writes_typed_for_the_key_beside_it() {
        assert_eq!(
            fixed(&Nonword, "Học sinh học fiếng Anh mỗi ngày."),
            "Học sinh học tiếng Anh mỗi ngày."
        );
    }

    #[test]
    fn words_without_marks_beside_each_other_back_each_other() {
        // "phap" beside "luat": neither alone pairs with a Vietnamese word.
        assert_eq!(
            flagged(&Nonword, "Theo quy định của phap luat."),
            vec!["phap", "luat"]
        );
        // An English word beside stays an English run.
        silent(&Nonword, &["Theo quy định của open data."]);
    }

    #[test]
    fn two_syllables_run_together_the_place_backs() {
        fixes_each(
            &Nonword,
            &[
                ("Ông đến nhưngkhông gặp ai.", "Ông đến nhưng không gặp ai."),
                (
                    "Hội đồng Thẩmphán Tòa án nhân dân tối cao họp.",
                    "Hội đồng Thẩm phán Tòa án nhân dân tối cao họp.",
                ),
            ],
        );
    }

    #[test]
    fn a_letter_typed_twice_opening_a_sentence() {
        assert_eq!(
            flagged(
                &Nonword,
                "Vviệc công bố thông tin đã xong. Cũnng như năm trước."
            ),
            vec!["Vviệc", "Cũnng"]
        );
        // Two letters swapped is not enough there: foreign names are so close to syllables.
        silent(&Nonword, &["Ông đến. León Cortés là chính khách."]);
        // In plain ASCII, where the word left fits before the next one.
        assert_eq!(
            fixed(&Nonword, "Cuộc họp kết thúc. Trongg năm nay, quận làm tốt."),
            "Cuộc họp kết thúc. Trong năm nay, quận làm tốt."
        );
        silent(&Nonword, &["Cuộc họp kết thúc. Allen Green đến thăm quận."]);
    }

    #[test]
    fn a_letter_typed_twice_in_a_name() {
        assert_eq!(
            fixed(&Nonword, "Năm 91 TCN thời Hánn Vũ Đế thì chỉ còn 32 người."),
            "Năm 91 TCN thời Hán Vũ Đế thì chỉ còn 32 người."
        );
        silent(&Nonword, &["Ông Bánffy và bà Kovács đến thăm thành phố."]);
    }

    #[test]
    fn a_key_typed_for_the_key_beside_it() {
        for (text, fix) in [
            // A vowel for the consonant beside it leaves a second vowel group.
            (
                "Người dân ủng hộ việc côny nhận này.",
                "Người dân ủng hộ việc công nhận này.",
            ),
            // In plain ASCII, where the word meant pairs with both neighbours.
            (
                "Ông còn thành công tromg việc trấn áp các cuộc nổi dậy.",
                "Ông còn thành công trong việc trấn áp các cuộc nổi dậy.",
            ),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
        // A figure beside pairs with anything: no support.
        silent(&Nonword, &["Vào năm 2010 sony đã loại bỏ tính năng này."]);
    }

    #[test]
    fn a_name_without_its_marks_the_place_calls_for() {
        let d = &check(
            &Nonword,
            "Phật giáo được truyền bá vào Viet Nam từ năm 1954.",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, crate::Severity::Warning);
        assert_eq!(d[0].suggestions[0].replacement, "Việt");
        silent(
            &Nonword,
            &["Ông Daniel Pierre và bà Vienna đến thăm thành phố."],
        );
    }

    #[test]
    fn two_slips_in_one_word() {
        for (text, fix) in [
            (
                "Ba Tư vào đầu thế kỷ trưưởc đã suy yếu.",
                "Ba Tư vào đầu thế kỷ trước đã suy yếu.",
            ),
            (
                "Cơ quan quản lýýý nhà nước về thể dục thể thao.",
                "Cơ quan quản lý nhà nước về thể dục thể thao.",
            ),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
        // An abbreviation has no vowel; a minority word opens with a cluster.
        silent(
            &Nonword,
            &[
                "Di tích được công nhận tại qđ số 2383 ngày 9 tháng 12.",
                "Lễ vật cúng cho giàng kmưk là 5 loại thức ăn.",
            ],
        );
    }

    #[test]
    fn a_letter_vietnamese_never_writes_typed_with_the_key_beside_it() {
        for (text, fix) in [
            (
                "Nhà đầu tư được fcác nam tước đồng ý.",
                "Nhà đầu tư được các nam tước đồng ý.",
            ),
            // Inside a sentence, a word with a letter only Vietnamese writes is no name.
            (
                "Trình Quốf hội phê chuẩn các dự án.",
                "Trình Quốc hội phê chuẩn các dự án.",
            ),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
    }

    #[test]
    fn a_name_past_a_comma_is_not_beside() {
        // "Brolly", a name, stands past the comma: "dien" is among Vietnamese words.
        assert_eq!(
            flagged(
                &Nonword,
                "Ông là diễn viên người Anh, Shane Brolly, dien viên điện ảnh."
            ),
            ["dien"]
        );
    }

    #[test]
    fn an_i_or_u_typed_twice_in_plain_ascii() {
        assert_eq!(
            fixed(&Nonword, "Đơn vị đặt hàng, giiao kế hoạch cho các sở."),
            "Đơn vị đặt hàng, giao kế hoạch cho các sở."
        );
        // Two letters: the old name of w.
        silent(&Nonword, &["Trong tiếng Anh cổ, chữ này bị uu thay thế."]);
    }

    #[test]
    fn a_vietnamese_name_with_a_key_slip_the_place_calls_for() {
        let found = check(&Nonword, "Trình Quốx hội phê chuẩn các dự án.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].suggestions[0].replacement, "Quốc");
    }

    #[test]
    fn a_stray_mark_offers_both_tones_the_likelier_first() {
        let found = check(&Nonword, "Quân đánh Phúc Lộc va\u{323}\u{300} Tiên Phong.");
        let offered: Vec<&str> = found[0]
            .suggestions
            .iter()
            .map(|s| s.replacement.as_str())
            .collect();
        assert_eq!(offered, ["và", "vạ"]);
    }

    #[test]
    fn glued_words_with_marks_are_split() {
        for (text, fix) in [
            // A plain syllable glued to a capitalised one with marks.
            (
                "Từ đời vuaLý Thánh Tông đổi tên.",
                "Từ đời vua Lý Thánh Tông đổi tên.",
            ),
            // A capitalised pair the model writes, whatever the place.
            (
                "Nhiệm kỳ của Chánhán Tòa án nhân dân tỉnh.",
                "Nhiệm kỳ của Chánh án Tòa án nhân dân tỉnh.",
            ),
        ] {
            assert_eq!(fixed(&Nonword, text), fix);
        }
        silent(&Nonword, &["Ứng dụng chạy trên iPhone và macOS của hãng."]);
    }

    #[test]
    fn a_second_slip_competes_with_the_words_one_slip_away() {
        // "vãã" is one letter from "vã" and "vãn", two slips from "và", which fits.
        let found = check(
            &Nonword,
            "Hội đồng quản trị vãã chịu trách nhiệm trước pháp luật.",
        );
        assert_eq!(found[0].suggestions[0].replacement, "và");
    }

    #[test]
    fn a_tone_key_typed_twice_gives_the_tone_back() {
        assert_eq!(
            fixed(
                &Nonword,
                "Trong năm qua, tỉnh đã đạt đươcj nhiều thành tựu."
            ),
            "Trong năm qua, tỉnh đã đạt được nhiều thành tựu."
        );
        // The word without the key competes, ranked by the place.
        assert_eq!(
            fixed(&Nonword, "Các đơn vị cần đẩy mạnh côngs tác tuyên truyền."),
            "Các đơn vị cần đẩy mạnh công tác tuyên truyền."
        );
        // Portuguese in a Portuguese phrase, a foreign word with marks no tone follows.
        silent(
            &Nonword,
            &[
                "Bài hát “Os três porquinhos” rất nổi tiếng.",
                "Khách sạn Hôtels de Paris.",
            ],
        );
    }

    #[test]
    fn the_shift_key_held_on_the_second_letter() {
        for (text, fix) in [
            (
                "NGười dân trong xã đã hoàn thành việc xây dựng.",
                "Người dân",
            ),
            ("Cả nước VIệt Nam chung tay phòng chống dịch.", "Việt Nam"),
        ] {
            let found = check(&Nonword, text);
            assert_eq!(found.len(), 1, "{text}");
            let meant = &found[0].suggestions[0].replacement;
            assert!(fix.starts_with(meant.as_str()), "{text}: {meant}");
        }
        // Acronyms, units, a Roman numeral's subdivision, camel case: no slip.
        silent(
            &Nonword,
            &[
                "Tần số đạt 5 GHz, theo Quyết định số 12/QĐ-TTg của Thủ tướng.",
                "Các nguyên tố nhóm VIa và nhóm IIa trong bảng tuần hoàn.",
                "Hãng VinFast và ThS Nguyễn Văn An đã dự hội nghị.",
            ],
        );
    }

    #[test]
    fn a_capitalised_guess_written_again_is_a_name() {
        // Once, opening a sentence: the model's guess stands.
        let once = "Quân tiến được ít. Uty nhiên, tất cả các mục tiêu đều đạt.";
        assert_eq!(flagged(&Nonword, once), ["Uty"]);
        // The same form again in the document: a name, as the other place shows.
        let again = "Quân tiến được ít. Uty nhiên, tất cả các mục tiêu đều đạt. Ông Uty đến.";
        assert!(flagged(&Nonword, again).is_empty());
    }

    #[test]
    fn a_spelling_rule_broken_opening_a_sentence_is_judged_in_context() {
        let found = check(
            &Nonword,
            "Hội nghị đã bế mạc. Kột số đại biểu ở lại dự tiệc.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].suggestions[0].replacement, "Một");
    }

    #[test]
    fn glued_words_split_where_the_model_writes_the_pair() {
        fixes_each(
            &Nonword,
            &[
                (
                    "Cả hai bên đã đồngý với bản kế hoạch mới.",
                    "Cả hai bên đã đồng ý với bản kế hoạch mới.",
                ),
                (
                    "Họ vẫn sốngở miền nam của tỉnh.",
                    "Họ vẫn sống ở miền nam của tỉnh.",
                ),
            ],
        );
        // A lone letter glued only where the model writes the pair.
        assert_eq!(
            fixed(&Nonword, "Chúng tôi sẽ họp ởđây vào sáng mai."),
            "Chúng tôi sẽ họp ở đây vào sáng mai."
        );
        let found = check(&Nonword, "Ông giữ chức ạđi diện của tỉnh tại hội nghị.");
        assert_ne!(found[0].suggestions[0].replacement, "ạ đi");
    }

    #[test]
    fn a_key_after_a_toned_word_dropped_or_put_right() {
        assert_eq!(
            fixed(
                &Nonword,
                "Nhà nước có vai trò quan trọnf trong lĩnh vực này."
            ),
            "Nhà nước có vai trò quan trọng trong lĩnh vực này."
        );
        // The key of the word's own tone, typed again: dropped.
        assert_eq!(
            fixed(&Nonword, "Kế hoạchj phát triển kinh tế năm nay."),
            "Kế hoạch phát triển kinh tế năm nay."
        );
    }

    #[test]
    fn beside_a_letter_vietnamese_never_writes_a_word_is_foreign() {
        silent(
            &Nonword,
            &["Bính âm: Zhōnghuá Duì; Hán-Việt: Trung Hoa đội."],
        );
        assert_eq!(
            flagged(&Nonword, "Hán-Việt: Trung Hoa Duì, đội tuyển."),
            ["Duì"]
        );
    }

    #[test]
    fn a_letter_typed_twice_opening_a_sentence_before_a_common_word() {
        let found = check(
            &Nonword,
            "Quân tiến được ít. Trrong cờ vây, quân nào cũng vậy.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].suggestions[0].replacement, "Trong");
    }

    #[test]
    fn a_name_or_acronym_beside_is_no_english_run_when_the_other_side_is_marked() {
        for (text, fix) in [
            (
                "Liên quân xâm chiem Iraq vào mùa xuân năm đó.",
                "Liên quân xâm chiếm Iraq vào mùa xuân năm đó.",
            ),
            (
                "Tốc độ tăng truong GDP của tỉnh đạt hơn sáu phần trăm.",
                "Tốc độ tăng trưởng GDP của tỉnh đạt hơn sáu phần trăm.",
            ),
            (
                "Đoàn khách đến thăm nhà thờ lâu d9ai2 Wittenberg vào buổi sáng.",
                "Đoàn khách đến thăm nhà thờ lâu đài Wittenberg vào buổi sáng.",
            ),
        ] {
            assert_eq!(fixed(&Nonword, text), fix, "{text}");
        }
        // Between two names, or a name and a plain word: a title in English; a capital
        // beside a name is part of it; a code with digits is no name.
        silent(
            &Nonword,
            &[
                "Vở kịch Romeo and Juliet được dựng lại ở nhà hát.",
                "Cuốn Harry Potter and the Chamber được in lại.",
                "Tướng Carlos Díaz và quân của ông rút lui.",
                "Câu lạc bộ từng giành cup C3 của khu vực.",
            ],
        );
    }

    #[test]
    fn one_raw_key_between_two_marked_words_needs_only_support() {
        assert_eq!(
            fixed(&Nonword, "Cô giáo dạy toán của trường tôi con2 trẻ lắm."),
            "Cô giáo dạy toán của trường tôi còn trẻ lắm."
        );
        // One Telex key may be a loan ("teen" would read "tên").
        silent(
            &Nonword,
            &["Bộ phim dành cho khán giả tuổi teen người Việt."],
        );
    }

    #[test]
    fn a_marked_word_opening_a_sentence_is_backed_by_the_word_after() {
        assert_eq!(
            fixed(
                &Nonword,
                "Hội đồng đã họp xong. Ôgn kết luận rằng dự án đạt yêu cầu."
            ),
            "Hội đồng đã họp xong. Ông kết luận rằng dự án đạt yêu cầu."
        );
        // In plain ASCII it may be a foreign name: the share is still asked for.
        silent(
            &Nonword,
            &["Cuộc họp đã xong. Ela là người phát biểu đầu tiên."],
        );
    }

    #[test]
    fn two_vni_keys_need_only_a_word_the_model_knows() {
        assert_eq!(
            fixed(
                &Nonword,
                "Đội bạn chơi rất hay nên đội nhà khó tha8ng1 nổi trong trận này."
            ),
            "Đội bạn chơi rất hay nên đội nhà khó thắng nổi trong trận này."
        );
        // Codes whose digits are no VNI keys; a figure's degrees and minutes.
        silent(
            &Nonword,
            &[
                "Kho hàng có lô a6b1 và lô c7d2 chờ xuất bến.",
                "Mũi đất nằm ở vĩ độ 8o37’ Bắc của bản đồ.",
            ],
        );
    }

    #[test]
    fn a_last_letter_typed_twice_is_no_word_glued() {
        let found = check(&Nonword, "Chiến thuyền củaa Nelson đã rời cảng.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].suggestions[0].replacement, "của");
    }
}
