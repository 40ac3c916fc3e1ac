use std::collections::HashMap;

use crate::analysis::names::{NameMention, bare, names};
use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};

declare_rule! {
    /// A person's name written two ways, one mark apart.
    ///
    /// ## What it does
    /// Collects the people the document names (a capitalised run of two to four syllables
    /// that starts with a family name of `rules/lists/family-names.txt`, or follows a form
    /// of address or a title of `rules/lists/name-intro-words.txt`: "đồng chí", "Đ/c",
    /// "ông", "Bí thư" ...) and compares the spellings:
    /// two names with the same syllables but one, which differs only by a tone or vowel mark
    /// or đ/d ("Trần Thị Phương Hoa" and "Trần Thị Phương Hòa"), are one person written two
    /// ways. Given names a letter apart (Đồng, Hồng) are taken for two people.
    /// The minority spelling is reported against the majority, with the majority's first
    /// place as evidence and its spelling as the suggestion; when both are written as often,
    /// the later spelling is reported (full names of three syllables or more only).
    ///
    /// ## Why
    /// A misspelt name is the error officials notice first, and the one a correction has to
    /// apologise for.
    ///
    /// ## Example
    /// ```text
    /// Đồng chí Trần Thị Phương Hoa chủ trì hội nghị. Kết luận hội nghị, đồng chí Trần Thị Phương Hòa đề nghị các đơn vị tập trung thực hiện.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Đồng chí Trần Thị Phương Hoa chủ trì hội nghị; đồng chí Trần Văn Phương phát biểu. Kết luận, đồng chí Trần Thị Phương Hoa đề nghị các đơn vị tập trung thực hiện.
    /// ```
    pub struct NameMismatch {
        id: "name-mismatch",
        severity: Warning,
        vi: "Tên một người được viết hai cách, lệch nhau một dấu.

## Tác dụng
Thu thập tên người trong văn bản (một chuỗi hai đến bốn âm tiết viết hoa bắt đầu bằng một họ ghi trong `rules/lists/family-names.txt`, hoặc đứng sau một cách xưng hô, một chức danh ghi trong `rules/lists/name-intro-words.txt`: “đồng chí”, “Đ/c”, “ông”, “Bí thư” ...) và so sánh cách viết: hai tên giống nhau ở mọi âm tiết trừ một, chỉ lệch một dấu thanh, dấu mũ, dấu móc hoặc đ/d (“Trần Thị Phương Hoa” và “Trần Thị Phương Hòa”), là một người được viết hai cách. Tên lệch nhau một chữ cái (Đồng, Hồng) được coi là hai người. Cách viết ít gặp hơn bị báo so với cách viết phổ biến hơn, kèm chỗ đầu tiên của cách phổ biến làm bằng chứng và gợi ý sửa theo đó; khi hai cách xuất hiện bằng nhau, cách viết sau bị báo (chỉ với họ tên đủ từ ba âm tiết).

## Vì sao
Tên người viết sai là lỗi mà cán bộ nhận ra đầu tiên, và là lỗi mà lời đính chính phải xin lỗi.",
    }
}

/// How two syllables differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Difference {
    /// Only a tone or vowel mark, or đ/d ("Hoa"/"Hòa", "Dũng"/"Dung").
    Mark,
    /// One letter replaced ("Hùng"/"Hưng" is a mark; "Hoàn"/"Hoàng" is not one letter
    /// replaced but added, and is not compared: "Dụ"/"Duệ" are two kings).
    Letter,
}

/// How two syllables differ, if by one mark or one replaced letter.
fn one_apart(a: &str, b: &str) -> Option<Difference> {
    if a.to_lowercase() == b.to_lowercase() {
        return None;
    }
    let (x, y) = (bare(a), bare(b));
    if x == y {
        return Some(Difference::Mark);
    }
    let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    (x.len() == y.len() && x.iter().zip(&y).filter(|(p, q)| p != q).count() == 1)
        .then_some(Difference::Letter)
}

/// How two spellings of a name differ, when they can be one person one slip apart: every
/// syllable the same but one, and that one a mark or a letter away.
fn variants(a: &NameMention, b: &NameMention) -> Option<Difference> {
    if a.syllables.len() != b.syllables.len() {
        return None;
    }
    let differing: Vec<(&String, &String)> = a
        .syllables
        .iter()
        .zip(&b.syllables)
        .filter(|(x, y)| x.to_lowercase() != y.to_lowercase())
        .collect();
    match differing.as_slice() {
        [(x, y)] => one_apart(x, y),
        _ => None,
    }
}

/// Whether two spellings stand in one sentence ("đồng chí Lê Văn An và đồng chí Lê Văn
/// Ân"): then they are two people, listed side by side.
fn named_together(doc: &Document, a: &[&NameMention], b: &[&NameMention]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            let (first, second) = if x.span.start < y.span.start {
                (x, y)
            } else {
                (y, x)
            };
            let between = &doc.text[first.span.end..second.span.start.max(first.span.end)];
            !between.contains(['.', ';', '!', '?', '\n'])
        })
    })
}

impl Rule for NameMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mentions = names(doc);
        // Each spelling: its count and its mentions, in order of first appearance.
        let mut order: Vec<String> = Vec::new();
        let mut by_form: HashMap<String, Vec<&NameMention>> = HashMap::new();
        for m in &mentions {
            let form = m.text();
            if !by_form.contains_key(&form) {
                order.push(form.clone());
            }
            by_form.entry(form).or_default().push(m);
        }
        // Spellings one mark apart have the same bare letters: only those are compared.
        let mut by_letters: HashMap<String, Vec<usize>> = HashMap::new();
        for (rank, form) in order.iter().enumerate() {
            by_letters.entry(bare(form)).or_default().push(rank);
        }
        for (rank, form) in order.iter().enumerate() {
            let here = &by_form[form];
            let alike = &by_letters[&bare(form)];
            // The spelling this one should be: a variant written more often, or (a tie) earlier.
            let better = alike
                .iter()
                .map(|&r| (r, &order[r]))
                .find(|(other_rank, other)| {
                    let there = &by_form[other.as_str()];
                    // A family name that is none of the list is never the spelling to keep.
                    if there[0].family_slip {
                        return false;
                    }
                    let Some(difference) = variants(here[0], there[0]) else {
                        return false;
                    };
                    // Given names one letter apart are usually two people (Phạm Văn Đồng, Phạm
                    // Văn Hồng): only a mark apart is taken for one person written two ways.
                    if difference != Difference::Mark {
                        return false;
                    }
                    let tie_allowed = here[0].syllables.len() >= 3;
                    // A tie with a family name that is none of the list goes to the listed one.
                    let tie_won = there.len() == here.len()
                        && (here[0].family_slip || tie_allowed && *other_rank < rank);
                    !named_together(doc, here, there) && (there.len() > here.len() || tie_won)
                });
            let Some((_, other)) = better else { continue };
            let there = &by_form[other.as_str()];
            for m in here {
                let message = Message::new(
                    format!(
                        "Tên “{form}” ({} lần) khác “{other}” ({} lần) một dấu: có lẽ là cùng một người",
                        here.len(),
                        there.len()
                    ),
                    format!(
                        "The name “{form}” ({}×) is one mark away from “{other}” ({}×): probably the same person",
                        here.len(),
                        there.len()
                    ),
                );
                out.push(
                    Diagnostic::new(
                        self.meta().id,
                        self.meta().default_severity,
                        m.span.clone(),
                        message,
                    )
                    .with_related(
                        there[0].span.clone(),
                        Message::new(
                            format!("viết “{other}” ở đây"),
                            format!("written “{other}” here"),
                        ),
                    )
                    .with_suggestion(m.span.clone(), other.clone()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{NameMismatch, one_apart};
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn one_mark_or_one_letter() {
        use super::Difference::{Letter, Mark};
        assert_eq!(one_apart("Hoa", "Hòa"), Some(Mark));
        assert_eq!(one_apart("Dũng", "Đũng"), Some(Mark));
        assert_eq!(one_apart("Tuấn", "Tuân"), Some(Mark));
        assert_eq!(one_apart("Hùng", "Hưng"), Some(Mark));
        assert_eq!(one_apart("Hùng", "Dùng"), Some(Letter));
        assert_eq!(one_apart("Dụ", "Duệ"), None);
        assert_eq!(one_apart("Hoa", "Hoa"), None);
        assert_eq!(one_apart("Hoa", "Hùng"), None);
    }

    #[test]
    fn fails_on_a_name_written_two_ways() {
        flags_each(
            &NameMismatch,
            &[
                (
                    "Đồng chí Trần Thị Phương Hoa chủ trì. Đồng chí Trần Thị Phương Hòa kết luận.",
                    &["Trần Thị Phương Hòa"],
                ),
                (
                    "Ông Nguyễn Văn Dũng phát biểu. Ông Nguyễn Văn Dũng nhấn mạnh. Ông Nguyễn Văn Dung đề nghị.",
                    &["Nguyễn Văn Dung"],
                ),
                (
                    "Đ/c Lê Minh Tuấn phát biểu. Đ/c Lê Minh Tuấn nhấn mạnh. Đ/c Lê Minh Tuân kết luận.",
                    &["Lê Minh Tuân"],
                ),
            ],
        );
    }

    #[test]
    fn silent_on_different_people_and_places() {
        silent(
            &NameMismatch,
            &[
                "Đồng chí Trần Thị Phương Hoa chủ trì; đồng chí Trần Văn Phương phát biểu.",
                "Ông Minh Tuấn và ông Minh Tâm dự họp.",
                "Phường Nghĩa Tân và phường Nghĩa Đô sắp xếp lại.",
                "Đồng chí Lê Văn An và đồng chí Lê Văn Ân cùng dự.",
                "Đ/c Lê Minh Tuấn, Đ/c Lê Minh Tuấn và Đ/c Lê Minh Tuân.",
                "Vua Trần Dụ Tông lên ngôi. Sau đó, Trần Duệ Tông nối ngôi. Trần Dụ Tông mất.",
                "Ông Lê Văn Hùng phát biểu. Ông Lê Văn Dùng kết luận.",
                "Thủ tướng Phạm Văn Đồng gửi thư. Ông Phạm Văn Hồng trả lời. Ông Phạm Văn Hồng ký.",
                "Đồng chí Trần Thị Phương Hoa chủ trì. Đồng chí Trần Thị Phương Hoa kết luận.",
            ],
        );
    }

    #[test]
    fn a_family_name_a_mark_from_the_list_is_the_slip() {
        // "Dinh", "Giạp" are no family names: the listed spelling is kept even when it is
        // mentioned as often, or later.
        flags_each(
            &NameMismatch,
            &[
                (
                    "Thẩm phán Dinh Thị Mai chủ tọa. Theo thẩm phán Đinh Thị Mai, phiên tòa kết thúc.",
                    &["Dinh Thị Mai"],
                ),
                (
                    "Điều dưỡng Giáp Thị Lụa trực. Liên hệ điều dưỡng Giạp Thị Lụa.",
                    &["Giạp Thị Lụa"],
                ),
            ],
        );
    }

    #[test]
    fn the_minority_is_reported_with_the_majority_as_evidence() {
        let text = "Ông Nguyễn Văn Dũng phát biểu. Ông Nguyễn Văn Dũng nhấn mạnh. Ông Nguyễn Văn Dung đề nghị.";
        let found = check(&NameMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "Nguyễn Văn Dung");
        assert_eq!(found[0].suggestions[0].replacement, "Nguyễn Văn Dũng");
        assert_eq!(&text[found[0].related[0].span.clone()], "Nguyễn Văn Dũng");
    }
}
