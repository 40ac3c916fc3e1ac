use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::lists::{COMPOUNDS_AFTER_DOUBLED_WORD, NEVER_DOUBLED_WORDS, REDUPLICATIONS};
use crate::model::{self, Model};
use crate::rules::in_context::Place;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::rules::{OptionSpec, slips};
use crate::text::case::{Case, lower_into};
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// A word typed twice in a row: "của của", "cùng cùng", "sắp xếp sắp xếp".
    ///
    /// ## What it does
    /// Finds a word repeated right after itself, in any capitals, with only spaces between
    /// (a line break, a comma or any other mark in between says nothing). The grammatical
    /// words that Vietnamese never doubles on purpose, listed in
    /// `rules/lists/never-doubled-words.txt` (các, của, đã …), are always reported. Any
    /// other word in lower case is reported when the built-in model of Vietnamese says the
    /// doubling is neither a reduplication nor a normal sequence: the model knows the word
    /// well, the doubled pair is no word of its word list, the corpus writes it twice fewer
    /// than `normal-per-million` times in a million uses (default 1,000), never right after
    /// the word before nor right before the word after, and the two copies do not each
    /// belong to a word, as in "trở thành thành phố", "nhà ở ở" (the second copy's pair with
    /// the word after counted without the triple the first copy's word makes with it:
    /// "doanh nghiệp nghiệp có" is a slip). A two-syllable word of the word list typed twice
    /// ("sắp xếp sắp xếp") is reported when the corpus's triples say it rarely writes the
    /// word twice in a row ("quyết định quy định" is common, "quy định quy định" is not).
    /// The doubled words
    /// Vietnamese uses on purpose and the model may not know well are listed in
    /// `rules/lists/reduplications.txt` (dần dần, từ từ, ngày ngày, người người, nhà nhà …),
    /// and a second copy that starts a compound of
    /// `rules/lists/compounds-after-doubled-word.txt` ("của của cải", "để để dành") is not a
    /// slip either. The fix removes the second copy and the space before it. The threshold
    /// was chosen on doubled words injected into corpus text the model was not built from
    /// (`scripts/tune_nonword.py`).
    ///
    /// ## Why
    /// A doubled word is the commonest slip of editing: a sentence is rewritten and one
    /// copy of the old word stays behind. Spell checkers miss it, because each copy is a
    /// word.
    ///
    /// ## Example
    /// ```text
    /// Quận yêu cầu các các đơn vị cùng cùng sắp xếp sắp xếp lại bộ máy của của từng phường.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Phường dần dần hoàn thiện các dự án; thành phố đã trở thành thành phố sáng tạo.
    /// ```
    pub struct RepeatedWord {
        id: "repeated-word",
        severity: Warning,
        options: [OptionSpec::integer("normal-per-million", 1000, 1)],
        vi: "Một từ bị gõ hai lần liền nhau: “của của”, “cùng cùng”, “sắp xếp sắp xếp”.

## Tác dụng
Tìm một từ được lặp lại ngay sau chính nó, không phân biệt chữ hoa, chỉ cách nhau bằng dấu cách (nếu ở giữa có xuống dòng, dấu phẩy hay dấu khác thì không báo). Các hư từ mà tiếng Việt không bao giờ cố ý lặp, ghi trong `rules/lists/never-doubled-words.txt` (các, của, đã…), luôn bị báo. Mọi từ viết thường khác bị báo khi mô hình tiếng Việt có sẵn cho biết việc lặp không phải từ láy cũng không phải chuỗi bình thường: mô hình biết rõ từ đó, cặp lặp không có trong danh sách từ của nó, kho ngữ liệu viết từ đó hai lần liền ít hơn `normal-per-million` lần trong một triệu lần dùng (mặc định 1.000), chưa bao giờ ngay sau từ đứng trước hay ngay trước từ đứng sau, và hai bản không thuộc hai từ khác nhau như “trở thành thành phố”, “nhà ở ở” (cặp của bản thứ hai với từ đứng sau được đếm không kể bộ ba mà từ của bản thứ nhất tạo với nó: “doanh nghiệp nghiệp có” là lỗi). Một từ hai âm tiết trong danh sách từ bị gõ hai lần (“sắp xếp sắp xếp”) bị báo khi các bộ ba của kho ngữ liệu cho thấy nó hiếm khi viết từ ấy hai lần liền (“quyết định quy định” thì thường gặp, “quy định quy định” thì không). Các từ láy mà mô hình có thể chưa biết rõ ghi trong `rules/lists/reduplications.txt` (dần dần, từ từ, ngày ngày, người người, nhà nhà…); bản lặp thứ hai mở đầu một từ ghép ghi trong `rules/lists/compounds-after-doubled-word.txt` (“của của cải”, “để để dành”) cũng không phải lỗi. Cách sửa: xóa bản lặp thứ hai và dấu cách trước nó. Ngưỡng được chọn trên các từ lặp cài vào phần kho ngữ liệu mà mô hình không học (`scripts/tune_nonword.py`).

## Vì sao
Từ bị lặp là lỗi biên tập phổ biến nhất: câu được sửa lại và một bản của từ cũ còn sót. Trình kiểm tra chính tả bỏ qua lỗi này vì mỗi bản đều là một từ đúng.",
    }
}

/// The lower-cased word at `tokens[i]` if it is a word, else empty.
fn word_at(doc: &Document, tokens: &[Token], i: usize, buf: &mut String) {
    buf.clear();
    if let Some(t) = tokens.get(i)
        && t.kind() == TokenKind::Word
    {
        buf.push_str(doc.lower(t));
    }
}

/// How many times the model must have seen a word for its doubling to be judged: enough
/// that a normal doubling would show up at least three times.
fn enough_evidence(seen: u32, per_million: u64) -> bool {
    u64::from(seen) * per_million >= 3_000_000
}

/// Whether the model says the doubled word at `tokens[i]` and `tokens[i + 2]` is a slip:
/// it knows the word well, the pair is no word of its word list, the corpus writes it
/// twice fewer than `per_million` times in a million uses, never after the word before
/// nor before the word after (three in a row), and the copies are not two words meeting
/// on one syllable.
fn doubled_by_slip(
    doc: &Document,
    tokens: &[Token],
    i: usize,
    model: &Model,
    per_million: u64,
) -> bool {
    let mut key = String::new();
    if !model::key(doc.token_text(&tokens[i]), &mut key) {
        return false;
    }
    let Some(w) = model.id(&key) else {
        return false;
    };
    let seen = model.unigram(w);
    if !enough_evidence(seen, per_million)
        || model.in_word_list(w, w)
        || u64::from(model.bigram(w, w)) * 1_000_000 >= per_million * u64::from(seen)
    {
        return false;
    }
    let before = Place::of(doc, model, tokens, i).left;
    let after = Place::of(doc, model, tokens, i + 2).right;
    if before.is_some_and(|x| model.trigram(x, w, w) > 0)
        || after.is_some_and(|y| model.trigram(w, w, y) > 0)
    {
        return false;
    }
    // Two words meeting on one syllable (nhà ở · ở các, đạt được · được ghi): the first
    // copy belongs to the word before (a word of the word list, or that word followed by
    // it in a tenth of its uses), and the second leads on into the word after on its own:
    // a word of the list, a pair taking a hundredth of the rarer word's uses once the uses
    // inside the triple with the word before are left out ("doanh nghiệp có" is no
    // evidence that "nghiệp có" starts anything), or, where the model never saw that
    // triple, the start of a triple it knows ("nhà ở ở đô thị").
    let share = |pair: u32, of: u32, parts: u64| u64::from(pair) * parts >= u64::from(of);
    let first_taken = before.is_some_and(|x| {
        model.in_word_list(x, w) || share(model.bigram(x, w), model.unigram(x), 10)
    });
    let beyond = Place::of(doc, model, tokens, i + 4).right;
    let second_leads = after.is_some_and(|y| {
        let through = before.map_or(0, |x| model.trigram(x, w, y));
        let own = model.bigram(w, y).saturating_sub(through);
        model.in_word_list(w, y)
            || share(own, seen.min(model.unigram(y)), 100)
            || (through == 0 && beyond.is_some_and(|z| model.trigram(w, y, z) > 0))
    });
    !(first_taken && second_leads)
}

/// How many times in a million uses of `a b` the corpus writes it twice in a row, as far as
/// its triples tell: the share of `a b` going on with `a`, times the share of `b a` going
/// on with `b`. A triple alone says little: "quy định quy trình" and "quyết định quy
/// định" are common, "quy định quy định" is not.
fn twice_per_million(model: &Model, a: u16, b: u16) -> f64 {
    let share = |triple: u32, pair: u32| f64::from(triple) / f64::from(pair.max(1));
    share(model.trigram(a, b, a), model.bigram(a, b))
        * share(model.trigram(b, a, b), model.bigram(b, a))
        * 1e6
}

/// A two-syllable word typed twice ("sắp xếp sắp xếp"): a compound of the model's word
/// list that the corpus's triples say it writes twice fewer than `per_million` times in a
/// million uses ([`twice_per_million`]; the pair where the copies meet may be common for
/// other reasons: "quyết định quy định"). The finding covers the
/// second copy; the fix removes it and the space before it.
fn doubled_compounds(
    meta: &RuleMeta,
    doc: &Document,
    tokens: &[Token],
    model: &Model,
    per_million: u64,
    out: &mut Vec<Diagnostic>,
) {
    let mut key = String::new();
    let mut id = |t: &Token| -> Option<u16> {
        (t.kind() == TokenKind::Word && model::key(doc.token_text(t), &mut key))
            .then(|| model.id(&key))
            .flatten()
    };
    for i in 0..tokens.len().saturating_sub(6) {
        let w = &tokens[i..i + 7];
        if !(1..6).step_by(2).all(|k| w[k].is_inline_space(&doc.text))
            || (i > 0 && !tokens[i - 1].is_space())
            || doc.case(&w[6]) != Case::Lower
            || doc.lower(&w[0]) != doc.lower(&w[4])
            || doc.lower(&w[2]) != doc.lower(&w[6])
            || doc.lower(&w[0]) == doc.lower(&w[2])
        {
            continue;
        }
        let (Some(a), Some(b)) = (id(&w[0]), id(&w[2])) else {
            continue;
        };
        if !model.in_word_list(a, b)
            || !enough_evidence(model.unigram(b), per_million)
            || twice_per_million(model, a, b) >= per_million as f64
        {
            continue;
        }
        let copy = w[4].start()..w[6].end();
        let shown = &doc.text[copy.clone()];
        let d = Diagnostic::new(
            meta.id,
            meta.default_severity,
            copy.clone(),
            Message::new(
                format!("Từ “{shown}” bị lặp lại"),
                format!("“{shown}” is repeated"),
            ),
        )
        .with_related(
            w[0].start()..w[2].end(),
            Message::new("bản thứ nhất", "the first copy"),
        );
        // Markup between the copies stays: no fix then.
        let removed = w[2].end()..copy.end;
        out.push(if doc.map.is_contiguous(removed.clone()) {
            d.with_fix(removed, "")
        } else {
            d
        });
    }
}

impl Rule for RepeatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let per_million = u64::from(ctx.integer("normal-per-million"));
        let (mut first, mut second, mut other) = (String::new(), String::new(), String::new());
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            if let Some(model) = ctx.shared.reference {
                doubled_compounds(self.meta(), doc, tokens, model, per_million, out);
            }
            for i in 0..tokens.len().saturating_sub(2) {
                let (a, space, b) = (&tokens[i], &tokens[i + 1], &tokens[i + 2]);
                if a.kind() != TokenKind::Word
                    || b.kind() != TokenKind::Word
                    || a.byte_len() != b.byte_len()
                    || !space.is_inline_space(&doc.text)
                {
                    continue;
                }
                let (at, bt) = (doc.token_text(a), doc.token_text(b));
                // Two different words both starting in lower case: the common case, decided
                // without lower-casing.
                if at != bt
                    && at.as_bytes()[0].is_ascii_lowercase()
                    && bt.as_bytes()[0].is_ascii_lowercase()
                {
                    continue;
                }
                lower_into(at, &mut first);
                lower_into(bt, &mut second);
                if first != second {
                    continue;
                }
                // A grammatical word of the list, or any word the model says the corpus
                // does not write twice here.
                let listed = NEVER_DOUBLED_WORDS.contains(&first);
                let judged = || {
                    doc.case(b) == Case::Lower
                        && slips::eligible(doc, block, block.tokens.start + i)
                        && ctx.shared.reference.is_some_and(|model| {
                            doubled_by_slip(doc, tokens, i, model, per_million)
                        })
                };
                if !listed && !judged() {
                    continue;
                }
                let pair = format!("{first} {second}");
                if REDUPLICATIONS.contains(&pair) {
                    continue;
                }
                // A word glued to the first copy (an address, a code) is not prose.
                if i > 0 && !tokens[i - 1].is_space() {
                    continue;
                }
                if tokens
                    .get(i + 3)
                    .is_some_and(|t| t.is_inline_space(&doc.text))
                {
                    word_at(doc, tokens, i + 4, &mut other);
                    if !other.is_empty()
                        && COMPOUNDS_AFTER_DOUBLED_WORD.contains(&format!("{second} {other}"))
                    {
                        continue;
                    }
                }
                // Markup between the copies (a comment, a tag) stays: only the space right
                // before the second copy goes with it.
                let fix_start = if doc.map.is_contiguous(a.end()..b.end()) {
                    a.end()
                } else {
                    b.start()
                        - doc.text[..b.start()]
                            .chars()
                            .next_back()
                            .map_or(0, char::len_utf8)
                };
                let message = Message::new(
                    format!("Từ “{}” bị lặp lại", doc.token_text(b)),
                    format!("“{}” is repeated", doc.token_text(b)),
                );
                out.push(
                    Diagnostic::new(
                        self.meta().id,
                        self.meta().default_severity,
                        b.range(),
                        message,
                    )
                    .with_related(a.range(), Message::new("bản thứ nhất", "the first copy"))
                    .with_fix(fix_start..b.end(), ""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RepeatedWord;
    use crate::lists::REDUPLICATIONS;
    use crate::rules::testing::{fixed, flagged, flags_each, silent};

    #[test]
    fn every_listed_reduplication_is_one_word_twice() {
        // Order, NFC and case: the lists' self-test (`crate::lists`).
        for line in REDUPLICATIONS.entries() {
            let words: Vec<&str> = line.split(' ').collect();
            assert!(words.len() == 2 && words[0] == words[1], "{line}");
        }
        assert!(REDUPLICATIONS.contains("dần dần"));
    }

    #[test]
    fn fails_on_doubled_grammatical_words() {
        flags_each(
            &RepeatedWord,
            &[
                ("Báo cáo của của quận.", &["của"]),
                ("Các các đơn vị tham dự.", &["các"]),
                ("Kết quả cũng cũng như năm trước.", &["cũng"]),
                ("Quận đã đã hoàn thành.", &["đã"]),
                ("Và  và thêm nữa.", &["và"]),
                ("Có hơn hơn 180 hộ.", &["hơn"]),
            ],
        );
    }

    #[test]
    fn silent_on_reduplications_compounds_and_breaks() {
        silent(
            &RepeatedWord,
            &[
                "Phường dần dần hoàn thiện; người người, nhà nhà thi đua.",
                "Hà Nội đã trở thành thành phố sáng tạo.",
                "Những kết quả đạt được được ghi nhận.",
                "Phát triển nhà ở ở các đô thị.",
                "Bảo vệ tài sản của của cải chung.",
                "Tiết kiệm để để dành cho năm sau.",
                // A paragraph break (a single line break inside a paragraph is a wrap).
                "Báo cáo của\n\ncủa ai?",
                "Các, các đơn vị.",
                "Năm 2024 2024.",
                "Anh đi đi về về.",
            ],
        );
    }

    #[test]
    fn the_fix_removes_the_second_copy_and_its_space() {
        let text = "Các các đơn vị báo cáo kết quả của  của từng tháng.";
        assert_eq!(flagged(&RepeatedWord, text), vec!["các", "của"]);
        assert_eq!(
            fixed(&RepeatedWord, text),
            "Các đơn vị báo cáo kết quả của từng tháng."
        );
    }

    #[test]
    fn doubled_content_words_the_model_does_not_know_as_normal() {
        flags_each(
            &RepeatedWord,
            &[
                ("Quận có có nhiều dự án.", &["có"]),
                ("Các đơn vị cùng cùng nhau làm.", &["cùng"]),
                ("Hoạt động trong trong năm qua.", &["trong"]),
                ("Phường sắp xếp sắp xếp lại bộ máy.", &["sắp xếp"]),
            ],
        );
        assert_eq!(
            fixed(&RepeatedWord, "Phường sắp xếp sắp xếp lại bộ máy."),
            "Phường sắp xếp lại bộ máy."
        );
        silent(
            &RepeatedWord,
            &[
                "Ngày ngày, người người, xanh xanh, từ từ, đâu đâu.",
                "Có thể thể hiện; đạt được được ghi nhận; nhà ở ở đô thị.",
                "Viện đại học Mở mở rộng tuyển sinh.",
                "Trong năm năm qua, quận phát triển.",
            ],
        );
    }

    #[test]
    fn a_copy_leads_on_only_by_pairs_of_its_own() {
        // "nghiệp có" is common only as "doanh nghiệp có": no word starts at the second copy.
        flags_each(
            &RepeatedWord,
            &[(
                "Các doanh nghiệp nghiệp có vốn nhà nước phải báo cáo.",
                &["nghiệp"],
            )],
        );
        silent(
            &RepeatedWord,
            &["Thành phố đã trở thành thành phố sáng tạo."],
        );
    }

    #[test]
    fn a_doubled_compound_is_judged_by_its_triples_together() {
        // "định quy" and "quy định quy" are common ("quyết định quy định", "quy định quy
        // trình"); the two together are not.
        flags_each(
            &RepeatedWord,
            &[(
                "Sở ban hành quy định quy định về thủ tục cấp phép.",
                &["quy định"],
            )],
        );
        silent(
            &RepeatedWord,
            &["Ủy ban ban hành quyết định quy định về thủ tục cấp phép."],
        );
    }
}
