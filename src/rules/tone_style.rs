use crate::analysis::sentences::opens_sentence;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{Block, Document};
use crate::lists::LEADING_ADDRESS_FORMS;
use crate::model::{self, Model};
use crate::rules::{LintContext, OptionSpec, Rule, RuleMeta, declare_rule};
use crate::text::case::Case;
use crate::text::syllable::{self, MarkStyle};
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// A document that mixes the old and the new placement of the tone mark on oa, oe, uy (hòa and khoẻ).
    ///
    /// ## What it does
    /// Counts the syllables whose open oa, oe or uy carries a tone mark, where the two
    /// styles differ: the old style marks the first vowel (hòa, khỏe, thủy), the new one the
    /// second (hoà, khoẻ, thuỷ). When both occur, each syllable in the less frequent style
    /// is reported with the counts, and the fix writes it in the other style. With a tie
    /// nothing is reported. The style can be fixed in `vnlint.toml`
    /// (`tone-style = { style = "old" }` or `"new"`): then every syllable in the other style
    /// is reported. Names inside a sentence (Thanh Hóa, Khánh Hoà, chị Thủy) keep their
    /// registered spelling and are not counted; a capitalised common word that begins the
    /// name of a body or a title ("Ủy ban nhân dân", "Ủy viên", "Chi cục Thủy lợi": a word
    /// of the built-in model's word list with the lower-case word after it) is counted
    /// and checked like any other.
    ///
    /// ## Why
    /// Both styles are correct Vietnamese: the Ministry of Education's 2018 rules prefer
    /// the new one, most press and legal text uses the old one. A document must keep to
    /// one; a mix shows the text was pieced together and looks careless.
    ///
    /// ## Example
    /// ```text
    /// Quận tổ chức Ngày hội sức khỏe, tuyên truyền về hòa giải và chăm lo sức khoẻ.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Quận tổ chức Ngày hội sức khỏe, tuyên truyền về hòa giải, chăm lo thủy lợi.
    /// ```
    pub struct ToneStyle {
        id: "tone-style",
        severity: Warning,
        options: [OptionSpec::choice("style", &["auto", "old", "new"], "auto")],
        vi: "Văn bản trộn kiểu đặt dấu thanh cũ và mới trên oa, oe, uy (hòa và khoẻ).

## Tác dụng
Đếm các âm tiết có vần mở oa, oe, uy mang dấu thanh, ở những chỗ hai kiểu khác nhau: kiểu cũ đặt dấu trên nguyên âm thứ nhất (hòa, khỏe, thủy), kiểu mới trên nguyên âm thứ hai (hoà, khoẻ, thuỷ). Khi có cả hai, mỗi âm tiết theo kiểu ít hơn được báo kèm số lượng, và cách sửa là viết lại theo kiểu kia. Khi hai bên bằng nhau thì không báo. Có thể chọn kiểu trong `vnlint.toml` (`tone-style = { style = \"old\" }` hoặc `\"new\"`): khi đó mọi âm tiết theo kiểu còn lại đều bị báo. Tên riêng ở giữa câu (Thanh Hóa, Khánh Hoà, chị Thủy) giữ cách viết đã đăng ký và không được tính; còn từ thường viết hoa ở đầu tên cơ quan hay chức danh (“Ủy ban nhân dân”, “Ủy viên”, “Chi cục Thủy lợi”: cùng từ viết thường đứng sau tạo thành một từ trong danh sách từ của mô hình có sẵn) thì được tính và kiểm tra như mọi chữ khác.

## Vì sao
Cả hai kiểu đều đúng: quy định năm 2018 của Bộ Giáo dục và Đào tạo chọn kiểu mới, phần lớn báo chí và văn bản pháp luật dùng kiểu cũ. Một văn bản phải theo một kiểu; trộn hai kiểu cho thấy văn bản được chắp nối và trông cẩu thả.",
    }
}

impl Rule for ToneStyle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mut found: Vec<(&Token, MarkStyle)> = Vec::new();
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            for (i, token) in tokens.iter().enumerate() {
                if token.kind() != TokenKind::Word || token.byte_len() < 3 {
                    continue;
                }
                // The lexicon has read every word once: most are out on their style.
                let Some(Ok(s)) = doc.syllable(token) else {
                    continue;
                };
                if s.style == MarkStyle::Neutral {
                    continue;
                }
                // The styles differ only on a marked o/u followed by a/e/y, or on o/u
                // followed by a marked a/e/y.
                let text = doc.token_text(token);
                let at = block.tokens.start + i;
                if !has_oa_oe_uy(text)
                    || (is_name(doc, block, at) && !is_title_word(doc, at, ctx.shared.reference))
                {
                    continue;
                }
                found.push((token, s.style));
            }
        }
        let old = found.iter().filter(|f| f.1 == MarkStyle::Old).count();
        let new = found.len() - old;
        let configured = match ctx.choice("style") {
            "old" => Some(MarkStyle::Old),
            "new" => Some(MarkStyle::New),
            _ => None,
        };
        let target = match configured {
            Some(style) => style,
            None if old == 0 || new == 0 || old == new => return,
            None if old > new => MarkStyle::Old,
            None => MarkStyle::New,
        };
        for (token, style) in found {
            if style == target {
                continue;
            }
            let text = doc.token_text(token);
            let Some(converted) = syllable::restyle(text, target) else {
                continue;
            };
            let (vi, en) = match configured {
                Some(_) => (
                    format!(
                        "“{text}” đặt dấu thanh theo {}; cấu hình chọn {}",
                        name_vi(style),
                        name_vi(target)
                    ),
                    format!(
                        "“{text}” places the tone mark in the {}; the configuration chooses the {}",
                        name_en(style),
                        name_en(target)
                    ),
                ),
                None => {
                    let (many, few) = if target == MarkStyle::Old {
                        (old, new)
                    } else {
                        (new, old)
                    };
                    (
                        format!(
                            "“{text}” đặt dấu thanh theo {}, khác phần lớn văn bản: {many} chữ theo {}, {few} theo {}",
                            name_vi(style),
                            name_vi(target),
                            name_vi(style)
                        ),
                        format!(
                            "“{text}” places the tone mark in the {}, unlike most of the document: {many} words in the {}, {few} in the {}",
                            name_en(style),
                            name_en(target),
                            name_en(style)
                        ),
                    )
                }
            };
            out.push(
                Diagnostic::new(
                    self.meta().id,
                    self.meta().default_severity,
                    token.range(),
                    Message::new(vi, en),
                )
                .with_fix(token.range(), converted),
            );
        }
    }
}

fn name_vi(style: MarkStyle) -> &'static str {
    match style {
        MarkStyle::New => "kiểu mới (hoà)",
        _ => "kiểu cũ (hòa)",
    }
}

fn name_en(style: MarkStyle) -> &'static str {
    match style {
        MarkStyle::New => "new style (hoà)",
        _ => "old style (hòa)",
    }
}

/// Whether the word has o or u (any tone) followed by a, e or y (any tone).
fn has_oa_oe_uy(word: &str) -> bool {
    let mut prev_ou = false;
    for c in word.chars() {
        let Some(base) = base_vowel(c) else {
            prev_ou = false;
            continue;
        };
        if prev_ou && matches!(base, 'a' | 'e' | 'y') {
            return true;
        }
        prev_ou = matches!(base, 'o' | 'u');
    }
    false
}

/// The lower-case letter without tone of a, e, y, o, u in any tone and case (a `match`:
/// this runs on every vowel of the document).
fn base_vowel(c: char) -> Option<char> {
    match c {
        'a' | 'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'A' | 'À' | 'Á' | 'Ả' | 'Ã' | 'Ạ' => {
            Some('a')
        }
        'e' | 'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'E' | 'È' | 'É' | 'Ẻ' | 'Ẽ' | 'Ẹ' => {
            Some('e')
        }
        'y' | 'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'Y' | 'Ỳ' | 'Ý' | 'Ỷ' | 'Ỹ' | 'Ỵ' => {
            Some('y')
        }
        'o' | 'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'O' | 'Ò' | 'Ó' | 'Ỏ' | 'Õ' | 'Ọ' => {
            Some('o')
        }
        'u' | 'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'U' | 'Ù' | 'Ú' | 'Ủ' | 'Ũ' | 'Ụ' => {
            Some('u')
        }
        _ => None,
    }
}

/// A capitalised word inside a sentence: a name, which keeps its registered spelling.
fn is_name(doc: &Document, block: &Block, i: usize) -> bool {
    doc.case(&doc.tokens[i]) == Case::Capitalized && !opens_sentence(doc, block, i)
}

/// A capitalised word inside a sentence that begins the name of a body or a title, written
/// as the common word it is ("Ủy ban nhân dân", "Ủy viên", "Chi cục Thủy lợi"): a word of
/// the reference's word list together with the lower-case word after it, not continuing a
/// capitalised name ("Thanh Hóa") nor after a form of address ("chị Thủy"). Such words
/// follow the document's style; a person's or a place's name keeps its own.
fn is_title_word(doc: &Document, at: usize, reference: Option<&Model>) -> bool {
    let Some(model) = reference else {
        return false;
    };
    let word = |j: usize| doc.tokens.get(j).filter(|t| t.kind() == TokenKind::Word);
    let spaced = |j: usize| {
        doc.tokens
            .get(j)
            .is_some_and(|t| t.is_inline_space(&doc.text))
    };
    let Some(next) = word(at + 1 + 1).filter(|t| spaced(at + 1) && doc.case(t) == Case::Lower)
    else {
        return false;
    };
    if let Some(prev) = at.checked_sub(2).and_then(word).filter(|_| spaced(at - 1))
        && (doc.case(prev) != Case::Lower || LEADING_ADDRESS_FORMS.contains(doc.lower(prev)))
    {
        return false;
    }
    let mut key = String::new();
    let mut id = |t: &Token| {
        model::key(doc.token_text(t), &mut key)
            .then(|| model.id(&key))
            .flatten()
    };
    match (id(&doc.tokens[at]), id(next)) {
        (Some(first), Some(second)) => model.in_word_list(first, second),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::ToneStyle;
    use crate::rules::testing::{check, fixed, flagged, flags_each, silent};

    #[test]
    fn fails_on_a_minority_style() {
        flags_each(
            &ToneStyle,
            &[
                ("Hòa giải, hòa nhập và sức khoẻ.", &["khoẻ"]),
                ("Sức khoẻ, hoà nhập và thủy lợi.", &["thủy"]),
                ("Thủy lợi, thủy sản và quận ủy cùng uỷ ban.", &["uỷ"]),
            ],
        );
    }

    #[test]
    fn silent_on_one_style_a_tie_or_names() {
        silent(
            &ToneStyle,
            &[
                "Hòa giải, hòa nhập, sức khỏe và quận ủy.",
                "Hoà giải, hoà nhập, sức khoẻ và quận uỷ.",
                "Hòa giải và sức khoẻ.",
                "Toán, quý, ngoài, khuỷu, hoạch, thuyền.",
                "Hoà giải, sức khoẻ ở tỉnh Thanh Hóa và Khánh Hòa.",
                "",
            ],
        );
    }

    #[test]
    fn title_words_follow_the_style_and_names_keep_theirs() {
        flags_each(
            &ToneStyle,
            &[
                (
                    "Quận uỷ và Thành uỷ chỉ đạo; Thường trực Ủy ban nhân dân phường triển khai.",
                    &["Ủy"],
                ),
                (
                    "Hòa giải viên, thủy lợi và quận ủy; đồng chí là Uỷ viên Ban Thường vụ.",
                    &["Uỷ"],
                ),
            ],
        );
        silent(
            &ToneStyle,
            &[
                "Quận uỷ và Thành uỷ chỉ đạo; chị Thủy cho biết, bà Nguyễn Thị Thủy và huyện Thủy Nguyên cùng dự.",
                "Hội nghị tại Khánh Hòa, quận uỷ và thành uỷ dự.",
            ],
        );
    }

    #[test]
    fn reports_the_minority_with_counts_and_converts_it() {
        let text = "Hòa giải, hòa nhập, sức khỏe và sức khoẻ.";
        assert_eq!(flagged(&ToneStyle, text), vec!["khoẻ"]);
        let d = &check(&ToneStyle, text)[0];
        assert!(
            d.message
                .vi
                .contains("3 chữ theo kiểu cũ (hòa), 1 theo kiểu mới"),
            "{}",
            d.message.vi
        );
        assert_eq!(
            fixed(&ToneStyle, text),
            "Hòa giải, hòa nhập, sức khỏe và sức khỏe."
        );
        assert_eq!(
            fixed(&ToneStyle, "HOÀ GIẢI, HOÀ NHẬP. Thủy lợi."),
            "HOÀ GIẢI, HOÀ NHẬP. Thuỷ lợi."
        );
    }

    #[test]
    fn the_configured_style_wins() {
        let run = |text: &str, style: &str| {
            let config = crate::Config::from_toml(&format!(
                "[rules]\ntone-style = {{ style = \"{style}\" }}\n"
            ))
            .unwrap();
            let out = crate::rules::testing::check_with(&ToneStyle, text, &config);
            out.iter()
                .map(|d| text[d.span.clone()].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(run("Hòa giải và sức khỏe.", "new"), vec!["Hòa", "khỏe"]);
        assert!(run("Hòa giải và sức khỏe.", "old").is_empty());
        assert_eq!(run("Hòa giải và sức khoẻ.", "old"), vec!["khoẻ"]);
    }
}
