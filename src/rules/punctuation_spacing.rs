use crate::diagnostic::{Diagnostic, Message};
use crate::document::Document;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, case_of};
use crate::text::syllable;
use crate::text::tokens::{Token, TokenKind};

declare_rule! {
    /// A space before a punctuation mark, or none after it.
    ///
    /// ## What it does
    /// Finds a space before , . ; : ! ? or before a closing bracket or quotation mark, a
    /// space just inside an opening bracket or quotation mark, and a word glued to the
    /// , ; : . ! ? before it ("xong,sau đó", "hoàn thành.Năm"), a space put before a comma
    /// or semicolon instead of after it ("xong ,sau đó", one finding), an abbreviation in capitals
    /// glued by its dot to a name ("TP.Bắc Kạn", "PGS.TS.Nguyễn"), and a word or number
    /// glued to an opening bracket ("11(kỳ họp"). The fix removes the space, or adds one.
    /// A dash with a space on one side only ("2020- 2025", "2024 -2029", "sởi- rubella") is
    /// reported with a suggestion that `--fix` does not apply. An HTML entity left as text
    /// by a conversion ("chứcnbsp;phiên", "&nbsp;") is reported as such, with the character
    /// it stands for as a suggestion, never as a spacing fix. Left alone: numbers (12.455,236; 14:46; 27/6/2024), web and e-mail
    /// addresses, paths and file names, abbreviations written with dots or slashes (TP.HCM,
    /// PGS.TS., v.v., Đ/c), list markers ("1- "), a minus sign ("-5 độ", and the signs in a row of three or more figures of a table:
    /// "-1,927,831 -2,177,643 12,874"), formulas ("f(x)"), an ellipsis with a space before it ("đơn thư …"), smileys, a
    /// space before an opening bracket, and straight quotation marks in a paragraph where
    /// they do not pair up (which is `unbalanced-pair`'s business). A dot is taken for a
    /// missing space only between two Vietnamese syllables, the first in lower case and the
    /// second capitalised, as at the end of a sentence.
    ///
    /// ## Why
    /// Vietnamese sets punctuation as English does: the mark hugs the word before it and a
    /// space follows. A stray space lets the mark wrap to the start of the next line, and a
    /// missing one runs two sentences or two list items together.
    ///
    /// ## Example
    /// ```text
    /// Hội nghị đã thống nhất các nội dung , giao UBND quận thực hiện.Năm 2025 quận tiếp tục.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Lúc 14:46 ngày 27/6/2024, TP.HCM thu 12.455,236 tỷ đồng (xem caugiay.hanoi.gov.vn) …
    /// ```
    pub struct PunctuationSpacing {
        id: "punctuation-spacing",
        severity: Warning,
        vi: "Dấu cách trước dấu câu, hoặc thiếu dấu cách sau dấu câu.

## Tác dụng
Tìm dấu cách đứng trước , . ; : ! ? hoặc trước dấu đóng ngoặc, đóng ngoặc kép; dấu cách ngay sau dấu mở ngoặc, mở ngoặc kép; chữ viết dính vào dấu , ; : . ! ? đứng trước nó (“xong,sau đó”, “hoàn thành.Năm”), dấu cách đặt trước dấu phẩy hoặc chấm phẩy thay vì sau nó (“xong ,sau đó”, báo một lần), chữ viết tắt viết hoa dính dấu chấm vào tên riêng (“TP.Bắc Kạn”, “PGS.TS.Nguyễn”), và chữ hoặc số dính vào dấu mở ngoặc (“11(kỳ họp”). Cách sửa: bỏ dấu cách thừa hoặc thêm dấu cách còn thiếu. Dấu gạch chỉ có dấu cách ở một bên (“2020- 2025”, “2024 -2029”, “sởi- rubella”) được báo kèm gợi ý mà `--fix` không tự áp dụng. Mã HTML còn sót lại sau khi chuyển đổi (“chứcnbsp;phiên”, “&nbsp;”) được báo đúng là mã sót, kèm gợi ý ký tự nó thay thế, không bao giờ là cách sửa dấu cách. Không xét: số (12.455,236; 14:46; 27/6/2024), địa chỉ web và thư điện tử, đường dẫn và tên tệp, chữ viết tắt có dấu chấm hoặc gạch chéo (TP.HCM, PGS.TS., v.v., Đ/c), ký hiệu đánh số (“1- ”), dấu âm (“-5 độ”, và dấu âm trong một hàng từ ba con số trở lên của bảng: “-1,927,831 -2,177,643 12,874”), công thức (“f(x)”), dấu ba chấm có dấu cách phía trước (“đơn thư …”), biểu tượng cảm xúc, dấu cách trước dấu mở ngoặc, và dấu ngoặc kép thẳng trong đoạn mà chúng không thành cặp (việc của quy tắc `unbalanced-pair`). Dấu chấm chỉ bị coi là thiếu dấu cách khi nằm giữa hai âm tiết tiếng Việt, âm tiết trước viết thường, âm tiết sau viết hoa, như ở chỗ hết câu.

## Vì sao
Tiếng Việt đặt dấu câu như tiếng Anh: dấu câu dính vào chữ đứng trước và có một dấu cách theo sau. Dấu cách thừa khiến dấu câu có thể bị đẩy xuống đầu dòng sau; thiếu dấu cách làm hai câu hay hai ý dính vào nhau.",
    }
}

/// Marks that take no space before them and one after.
const SENTENCE_MARKS: &[&str] = &[",", ".", ";", ":", "!", "?"];
/// Closing brackets and quotation marks (straight quotes are decided by pairing).
const CLOSERS: &[&str] = &[")", "]", "”"];
const OPENERS: &[&str] = &["(", "[", "“"];

/// How a message names a mark, in Vietnamese and in English (a quotation mark is named, not
/// shown inside quotation marks).
pub(super) fn mark_names(m: &str) -> (String, String) {
    match m {
        "“" => (
            "dấu mở ngoặc kép".into(),
            "the opening quotation mark".into(),
        ),
        "”" => (
            "dấu đóng ngoặc kép".into(),
            "the closing quotation mark".into(),
        ),
        "\"" => ("dấu ngoặc kép".into(), "the quotation mark".into()),
        _ => (format!("dấu “{m}”"), format!("“{m}”")),
    }
}

/// A cheap first look: whether a punctuation token is one of the marks this rule is
/// about (, . ; : ! ? brackets and quotation marks).
fn is_spacing_mark(doc: &Document, t: &Token) -> bool {
    match doc.text.as_bytes()[t.start()] {
        b',' | b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'[' | b']' | b'"' => true,
        // “ and ” are E2 80 9C and E2 80 9D.
        0xE2 => matches!(doc.token_text(t), "“" | "”"),
        _ => false,
    }
}

/// The text of the run of non-space tokens around `tokens[i]`.
fn chunk<'a>(doc: &'a Document, tokens: &[Token], i: usize) -> &'a str {
    let mut start = i;
    while start > 0 && !tokens[start - 1].is_space() {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < tokens.len() && !tokens[end + 1].is_space() {
        end += 1;
    }
    &doc.text[tokens[start].start()..tokens[end].end()]
}

/// An address, a path, a file name, code or an entity: no prose spacing applies.
fn looks_technical(chunk: &str) -> bool {
    chunk.contains(['@', '/', '\\', '_', '=', '&', '#', '<', '>', '|'])
        || chunk.contains("://")
        || chunk.to_ascii_lowercase().starts_with("www.")
}

/// The straight double quotes of a block, paired in order when their number is even.
struct Quotes(Vec<usize>);

impl Quotes {
    fn of(doc: &Document, tokens: &[Token]) -> Quotes {
        let mut quotes: Vec<usize> = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind() == TokenKind::Punct && doc.token_text(t) == "\"")
            .map(|(i, _)| i)
            .collect();
        if quotes.len() % 2 == 1 {
            quotes.clear();
        }
        Quotes(quotes)
    }

    /// The role of the token at `i` if it is a paired straight quote: `Some(true)`
    /// opening, `Some(false)` closing.
    fn role(&self, i: usize) -> Option<bool> {
        self.0.binary_search(&i).ok().map(|n| n % 2 == 0)
    }
}

/// Whether a finished token can sit right before a closing mark: a word, a number, or a
/// closing bracket, quote or percent sign.
fn ends_content(doc: &Document, t: &Token, role: Option<bool>) -> bool {
    match t.kind() {
        TokenKind::Word | TokenKind::Number => true,
        TokenKind::Punct => {
            let s = doc.token_text(t);
            CLOSERS.contains(&s) || s == "%" || (s == "\"" && role == Some(false))
        }
        TokenKind::Space => false,
    }
}

/// A lower-case Vietnamese syllable of two letters or more.
fn is_lower_syllable(word: &str) -> bool {
    word.chars().nth(1).is_some() && case_of(word) == Case::Lower && syllable::is_syllable(word)
}

impl PunctuationSpacing {
    fn report(
        &self,
        out: &mut Vec<Diagnostic>,
        span: std::ops::Range<usize>,
        fix: (std::ops::Range<usize>, String),
        message: Message,
    ) {
        out.push(
            Diagnostic::new(self.meta().id, self.meta().default_severity, span, message)
                .with_fix(fix.0, fix.1),
        );
    }

    /// A space at `tokens[i]` before a mark that takes none.
    fn space_before(
        &self,
        doc: &Document,
        tokens: &[Token],
        roles: &Quotes,
        i: usize,
    ) -> Option<(usize, &'static str)> {
        let mark = tokens.get(i + 1)?;
        if i == 0 || mark.kind() != TokenKind::Punct || !is_spacing_mark(doc, mark) {
            return None;
        }
        let prev = &tokens[i - 1];
        if !tokens[i].is_inline_space(&doc.text) || !ends_content(doc, prev, roles.role(i - 1)) {
            return None;
        }
        let m = doc.token_text(mark);
        let after = tokens.get(i + 2);
        if SENTENCE_MARKS.contains(&m) {
            // ". . ." and "..": an ellipsis; ".NET", ".docx", ":)" and ":D": not a mark
            // ending the word before.
            if m == "." && after.is_some_and(|t| doc.token_text(t) == ".") {
                return None;
            }
            if let Some(t) = after
                && !t.is_space()
            {
                let a = doc.token_text(t);
                let closing = CLOSERS.contains(&a)
                    || (a == "\"" && roles.role(i + 2) == Some(false))
                    || SENTENCE_MARKS.contains(&a);
                if displaced_space(doc, tokens, i) {
                    return Some((i + 1, "instead of after"));
                }
                if !closing || (matches!(m, ":" | ";") && matches!(a, ")" | "]")) {
                    return None;
                }
            }
            return Some((i + 1, "before"));
        }
        // A straight quote closes by pairing, and only if it is not shaped as an opener
        // (a word right after it): nested straight quotes do not pair in order.
        let straight_closer = m == "\""
            && roles.role(i + 1) == Some(false)
            && !after.is_some_and(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number));
        if CLOSERS.contains(&m) || straight_closer {
            return Some((i + 1, "before"));
        }
        None
    }
}

impl Rule for PunctuationSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for block in &doc.blocks {
            let tokens = doc.block_tokens(block);
            let roles = Quotes::of(doc, tokens);
            for (i, token) in tokens.iter().enumerate() {
                match token.kind() {
                    TokenKind::Space => {
                        if let Some((m, where_)) = self.space_before(doc, tokens, &roles, i) {
                            let mark = doc.token_text(&tokens[m]);
                            if where_ == "instead of after" {
                                self.report(
                                    out,
                                    token.start()..tokens[m].end(),
                                    (token.start()..tokens[m].end(), format!("{mark} ")),
                                    Message::new(
                                        format!("Dấu cách đặt trước dấu “{mark}” thay vì sau nó"),
                                        format!("A space before “{mark}” instead of after it"),
                                    ),
                                );
                                continue;
                            }
                            let (vi, en) = mark_names(mark);
                            self.report(
                                out,
                                token.start()..tokens[m].end(),
                                (token.range(), String::new()),
                                Message::new(
                                    format!("Thừa dấu cách trước {vi}"),
                                    format!("A space before {en}"),
                                ),
                            );
                        }
                    }
                    TokenKind::Punct => {
                        if let Some(spaced) = lopsided_dash(doc, tokens, i) {
                            self.report_dash(doc, out, tokens, i, spaced);
                            continue;
                        }
                        if !is_spacing_mark(doc, token) {
                            continue;
                        }
                        let m = doc.token_text(token);
                        if m == ";"
                            && let Some((span, stands_for)) = entity_residue(doc, tokens, i)
                        {
                            self.report_residue(doc, out, span, stands_for);
                            continue;
                        }
                        if m == "(" && glued_before_bracket(doc, tokens, i) {
                            self.report(
                                out,
                                tokens[i - 1].start()..token.end(),
                                (token.range(), " (".to_string()),
                                Message::new("Thiếu dấu cách trước dấu “(”", "No space before “(”"),
                            );
                            continue;
                        }
                        // A straight quote glued to the word before it is shaped as a closer.
                        let opener = OPENERS.contains(&m)
                            || (m == "\""
                                && roles.role(i) == Some(true)
                                && (i == 0
                                    || tokens[i - 1].is_space()
                                    || OPENERS.contains(&doc.token_text(&tokens[i - 1]))));
                        if opener {
                            let (Some(space), Some(next)) = (tokens.get(i + 1), tokens.get(i + 2))
                            else {
                                continue;
                            };
                            if space.is_inline_space(&doc.text)
                                && matches!(next.kind(), TokenKind::Word | TokenKind::Number)
                            {
                                let (vi, en) = mark_names(m);
                                self.report(
                                    out,
                                    token.start()..space.end(),
                                    (space.range(), String::new()),
                                    Message::new(
                                        format!("Thừa dấu cách sau {vi}"),
                                        format!("A space after {en}"),
                                    ),
                                );
                            }
                            continue;
                        }
                        if SENTENCE_MARKS.contains(&m) && self.glued_after(doc, tokens, &roles, i) {
                            self.report(
                                out,
                                token.range(),
                                (token.range(), format!("{m} ")),
                                Message::new(
                                    format!("Thiếu dấu cách sau dấu “{m}”"),
                                    format!("No space after “{m}”"),
                                ),
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A comma or semicolon with the space on the wrong side, between two words or a word
/// and a number ("thống nhất ,giao", "Lê Hồng Phong ;93 năm"): the space before the mark
/// belongs after it. Single letters on both sides ("a ,b") are symbols, and addresses and
/// code are left alone.
fn displaced_space(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let (Some(mark), Some(next)) = (tokens.get(i + 1), tokens.get(i + 2)) else {
        return false;
    };
    if i == 0 || !matches!(doc.token_text(mark), "," | ";") || !is_content(next) {
        return false;
    }
    let prev = &tokens[i - 1];
    if !is_content(prev) || looks_technical(chunk(doc, tokens, i + 1)) {
        return false;
    }
    let (p, n) = (doc.token_text(prev), doc.token_text(next));
    p.chars().nth(1).is_some() || n.chars().nth(1).is_some()
}

/// Dashes: a hyphen, an en dash, an em dash.
const DASHES: &[&str] = &["-", "–", "—"];

/// A word or a number.
fn is_content(t: &Token) -> bool {
    matches!(t.kind(), TokenKind::Word | TokenKind::Number)
}

/// Whether the token at `i` starts its line: the first of the block, or after a line break.
fn starts_line(doc: &Document, tokens: &[Token], i: usize) -> bool {
    i == 0 || (tokens[i - 1].is_space() && !tokens[i - 1].is_inline_space(&doc.text))
}

/// A dash between two words or numbers with a space on one side only ("2020- 2025",
/// "2024 -2029", "sởi- rubella"; a closing bracket or quote may stand before the space:
/// "(Mặt trận) -Chiều"): `Some(i + 1)` when the space is after it, `Some(i - 1)`
/// when before. Left alone: a list marker ("1- Nội dung"), a negative number after a word
/// ("nhiệt độ -5"), addresses and code.
fn lopsided_dash(doc: &Document, tokens: &[Token], i: usize) -> Option<usize> {
    if !DASHES.contains(&doc.token_text(&tokens[i])) || i == 0 {
        return None;
    }
    let inline = |j: usize| tokens.get(j).is_some_and(|t| t.is_inline_space(&doc.text));
    let content = |j: usize| tokens.get(j).filter(|t| is_content(t));
    let (prev, next) = (&tokens[i - 1], tokens.get(i + 1)?);
    let spaced = if is_content(prev) && inline(i + 1) && content(i + 2).is_some() {
        // A list marker ("1- "), or the end of a longer glued form: a charge ("(CO3)2- "),
        // a hyphenated chain.
        if starts_line(doc, tokens, i - 1) || !inline(i - 2) {
            return None;
        }
        i + 1
    } else if i >= 2 && inline(i - 1) && is_content(next) {
        // What the space follows: a word, a number, or a closing bracket or quote
        // ("(Mặt trận) -Chiều").
        let before = tokens
            .get(i - 2)
            .filter(|t| is_content(t) || CLOSERS.contains(&doc.token_text(t)))?;
        if next.kind() == TokenKind::Number
            && (before.kind() != TokenKind::Number || figures_in_row(doc, tokens, i) >= 3)
        {
            return None;
        }
        i - 1
    } else {
        return None;
    };
    (!looks_technical(chunk(doc, tokens, i))).then_some(spaced)
}

/// How many figures stand in the row around the dash at `i`: numbers separated only by
/// spaces on one line, each maybe signed. Three or more are a table's row
/// ("-1,927,831 -2,177,643 12,874"), where a dash glued to a figure is its minus sign; a
/// range has two ends ("2024 -2029").
fn figures_in_row(doc: &Document, tokens: &[Token], i: usize) -> usize {
    let in_row = |t: &Token| {
        t.kind() == TokenKind::Number
            || t.is_inline_space(&doc.text)
            || DASHES.contains(&doc.token_text(t))
    };
    let start = tokens[..i]
        .iter()
        .rposition(|t| !in_row(t))
        .map_or(0, |p| p + 1);
    let end = tokens[i..]
        .iter()
        .position(|t| !in_row(t))
        .map_or(tokens.len(), |p| i + p);
    tokens[start..end]
        .iter()
        .filter(|t| t.kind() == TokenKind::Number)
        .count()
}

/// A word or number glued to an opening bracket that a word follows ("11(kỳ", "Hội(nghị"):
/// not a formula ("f(x)", "Ca(OH)2"), an address or code.
fn glued_before_bracket(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let (Some(prev), Some(next)) = (i.checked_sub(1).map(|p| &tokens[p]), tokens.get(i + 1)) else {
        return false;
    };
    let word_like = |t: &Token| match t.kind() {
        TokenKind::Number => true,
        TokenKind::Word => {
            doc.token_text(t).chars().nth(1).is_some()
                && matches!(doc.case(t), Case::Lower | Case::Capitalized | Case::Upper)
        }
        _ => false,
    };
    let n = doc.token_text(next);
    word_like(prev)
        && next.kind() == TokenKind::Word
        && matches!(doc.case(next), Case::Lower | Case::Capitalized)
        && n.chars().nth(1).is_some()
        && syllable::is_syllable(n)
        && !looks_technical(chunk(doc, tokens, i))
}

/// HTML entities a conversion leaves in the text as words, and what each stands for. The
/// short ones (amp, lt, gt) count only with their "&".
const ENTITIES: &[(&str, &str)] = &[
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("quot", "\""),
    ("apos", "'"),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
];

/// An HTML entity left as text before the ";" at `tokens[i]` ("chứcnbsp;phiên",
/// "&nbsp;"): its span (from the "&" or the entity's name) and what it stands for.
fn entity_residue(
    doc: &Document,
    tokens: &[Token],
    i: usize,
) -> Option<(std::ops::Range<usize>, &'static str)> {
    let prev = tokens
        .get(i.checked_sub(1)?)
        .filter(|t| t.kind() == TokenKind::Word)?;
    let word = doc.token_text(prev);
    let &(name, stands_for) = ENTITIES.iter().find(|(e, _)| word.ends_with(e))?;
    let stem = &word[..word.len() - name.len()];
    let ampersand = i >= 2 && stem.is_empty() && doc.token_text(&tokens[i - 2]) == "&";
    let glued_to_syllable = !stem.is_empty() && name.len() >= 4 && syllable::is_syllable(stem);
    let alone = stem.is_empty() && name.len() >= 4;
    if !(ampersand || glued_to_syllable || alone) {
        return None;
    }
    let start = if ampersand {
        tokens[i - 2].start()
    } else {
        prev.end() - name.len()
    };
    Some((start..tokens[i].end(), stands_for))
}

impl PunctuationSpacing {
    /// A dash with a space on one side only: the span is the dash and the space; the
    /// suggestion (not applied by `--fix`) glues the dash, as in "2020-2025".
    fn report_dash(
        &self,
        doc: &Document,
        out: &mut Vec<Diagnostic>,
        tokens: &[Token],
        i: usize,
        space: usize,
    ) {
        let (dash, gap) = (&tokens[i], &tokens[space]);
        let span = dash.start().min(gap.start())..dash.end().max(gap.end());
        let d = doc.token_text(dash);
        let side = if space > i {
            ("sau", "after")
        } else {
            ("trước", "before")
        };
        out.push(
            Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                span.clone(),
                Message::new(
                    format!(
                        "Dấu “{d}” lệch: có dấu cách {} nhưng không có ở bên kia; viết liền hai bên hoặc cách cả hai bên",
                        side.0
                    ),
                    format!(
                        "A lopsided “{d}”: a space {} it but none on the other side; write it close on both sides or spaced on both",
                        side.1
                    ),
                ),
            )
            .with_suggestion(span, d.to_string()),
        );
    }

    /// An HTML entity left by a conversion: garbage to clean, not a spacing slip. The
    /// suggestion (not applied by `--fix`) writes the character it stands for.
    fn report_residue(
        &self,
        doc: &Document,
        out: &mut Vec<Diagnostic>,
        span: std::ops::Range<usize>,
        stands_for: &str,
    ) {
        let residue = &doc.text[span.clone()];
        let shown = if stands_for == " " {
            ("dấu cách", "a space")
        } else {
            (stands_for, stands_for)
        };
        out.push(
            Diagnostic::new(
                self.meta().id,
                self.meta().default_severity,
                span.clone(),
                Message::new(
                    format!(
                        "“{residue}” là mã HTML còn sót lại sau khi chuyển đổi văn bản, không phải chữ; nó thay cho {}",
                        shown.0
                    ),
                    format!(
                        "“{residue}” is an HTML entity left over from a conversion, not text; it stands for {}",
                        shown.1
                    ),
                ),
            )
            .with_suggestion(span, stands_for.to_string()),
        );
    }
}

impl PunctuationSpacing {
    /// Whether the mark at `tokens[i]` is followed directly by a word that should stand apart.
    fn glued_after(&self, doc: &Document, tokens: &[Token], roles: &Quotes, i: usize) -> bool {
        let (Some(next), true) = (tokens.get(i + 1), i > 0) else {
            return false;
        };
        let prev = &tokens[i - 1];
        if next.kind() != TokenKind::Word || !ends_content(doc, prev, roles.role(i - 1)) {
            return false;
        }
        if looks_technical(chunk(doc, tokens, i)) {
            return false;
        }
        let (p, n) = (doc.token_text(prev), doc.token_text(next));
        match doc.token_text(&tokens[i]) {
            // Abbreviations (TP.HCM, PGS.TS, v.v, Th.S), domains and file names
            // (gov.vn, Node.js): only a lower-case syllable, then a capitalised one, with
            // a Vietnamese letter on either side, reads as two sentences.
            "." => {
                let after_name = tokens.get(i + 2).is_none_or(|t| doc.token_text(t) != ".");
                // "TP.Bắc Kạn", "PGS.TS.Nguyễn": an abbreviation in capitals glued to a
                // capitalised name ("TP.HCM", in capitals, is a fixed form).
                let abbreviation_before_name = prev.kind() == TokenKind::Word
                    && doc.case(prev) == Case::Upper
                    && (2..=4).contains(&p.chars().count())
                    && doc.case(next) == Case::Capitalized
                    && syllable::is_syllable(n)
                    && after_name;
                abbreviation_before_name
                    || prev.kind() == TokenKind::Word
                        && is_lower_syllable(p)
                        && doc.case(next) == Case::Capitalized
                        && syllable::is_syllable(n)
                        && !(p.is_ascii() && n.is_ascii())
                        && after_name
            }
            // "x,y", "a,b": letters in a formula or a list of symbols.
            "," => n.chars().nth(1).is_some() || p.chars().nth(1).is_some(),
            // "Yahoo!Mail" and other names with a mark inside.
            "!" | "?" => {
                doc.case(next) != Case::Mixed && p.chars().all(|c| !c.is_ascii_uppercase())
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PunctuationSpacing;
    use crate::rules::testing::{fixed, flagged, flags_each, silent};

    #[test]
    fn a_space_before_a_comma_instead_of_after_it_is_one_finding() {
        flags_each(
            &PunctuationSpacing,
            &[
                ("Hội nghị đã bàn xong ,sau đó biểu quyết.", &[" ,"]),
                ("Kỷ niệm ngày sinh của ông ;80 năm ngày thành lập.", &[" ;"]),
            ],
        );
        assert_eq!(
            fixed(
                &PunctuationSpacing,
                "Hội nghị đã bàn xong ,sau đó biểu quyết."
            ),
            "Hội nghị đã bàn xong, sau đó biểu quyết."
        );
        silent(
            &PunctuationSpacing,
            &[
                "Các điểm a ,b nằm trên một đường thẳng.",
                "Xem tệp du-lieu ,ban_dau.csv.",
            ],
        );
    }

    #[test]
    fn fails_on_spaces_before_marks_and_missing_spaces_after() {
        flags_each(
            &PunctuationSpacing,
            &[
                ("Hội nghị đã thống nhất , giao UBND quận.", &[" ,"]),
                ("Quận đã hoàn thành kế hoạch .", &[" ."]),
                ("Các nội dung sau :", &[" :"]),
                ("Có thật vậy không ?", &[" ?"]),
                ("Ban hành Kế hoạch (số 12 ).", &[" )"]),
                ("Chủ đề “Kỷ cương, trách nhiệm ”.", &[" ”"]),
                ("Chủ đề \"Kỷ cương \".", &[" \""]),
                ("Ban hành Kế hoạch ( số 12).", &["( "]),
                ("Chủ đề “ Kỷ cương”.", &["“ "]),
                ("Giao UBND quận thực hiện.Năm 2025 tiếp tục.", &["."]),
                ("Thu ngân sách,chi ngân sách.", &[","]),
                ("Lưu ý:thực hiện ngay.", &[":"]),
                ("Một là tăng cường;hai là đổi mới.", &[";"]),
            ],
        );
    }

    #[test]
    fn silent_on_numbers_addresses_abbreviations_and_ellipses() {
        silent(
            &PunctuationSpacing,
            &[
                "Thu 12.455,236 tỷ đồng lúc 14:46 ngày 27/6/2024.",
                "Xem caugiay.hanoi.gov.vn hoặc gửi về vp@caugiay.gov.vn.",
                "Tệp bao-cao.docx và Node.js, công nghệ ASP.NET.",
                "TP.HCM, PGS.TS. Nguyễn Văn A, Th.S Lê B, v.v. và Đ/c Hoa.",
                "Giải quyết đơn thư … và các việc khác ...",
                "Tiếp dân. . . hết.",
                "Vui quá :) và :D nhé ;)",
                "Đảng bộ quận (khóa VI) đã họp; nhiệm kỳ 2020-2025.",
                "Chủ đề: \"Kỷ cương, trách nhiệm\".",
                "Rằng \"ai quen với \"Age of Empires\" sẽ mê \"Empire Earth\".",
                "Một dấu \" lẻ.",
                "Công thức x,y và tệp C:\\data.",
                "Thương hiệu Yahoo!Mail.",
                "Nhà văn (1920 - 1990) viết.",
                "Tỷ lệ đạt 98 %.",
            ],
        );
    }

    #[test]
    fn fails_on_lopsided_dashes_glued_names_and_brackets() {
        flags_each(
            &PunctuationSpacing,
            &[
                ("Giai đoạn 2020- 2025 đã xong.", &["- "]),
                ("Nhiệm kỳ 2024 -2029 bắt đầu.", &[" -"]),
                (
                    "Tin từ cơ sở (Hội Nông dân) -Sáng 12/3, xã tổ chức họp.",
                    &[" -"],
                ),
                ("Tiêm vắc xin sởi- rubella cho trẻ.", &["- "]),
                ("Đoàn đến TP.Bắc Kạn làm việc.", &["."]),
                ("Chủ trì là PGS.TS.Nguyễn Văn An.", &["."]),
                ("Kỳ họp thứ 11(kỳ họp cuối năm) đã bế mạc.", &["11("]),
            ],
        );
        assert_eq!(
            fixed(&PunctuationSpacing, "Kỳ họp thứ 11(kỳ họp cuối năm)."),
            "Kỳ họp thứ 11 (kỳ họp cuối năm)."
        );
        // A lopsided dash is a suggestion, not a fix: which side is meant is the writer's.
        let found = crate::rules::testing::check(&PunctuationSpacing, "Giai đoạn 2020- 2025.");
        assert_eq!(found[0].suggestions[0].replacement, "-");
        assert!(!found[0].suggestions[0].safe);
    }

    #[test]
    fn silent_on_balanced_dashes_list_markers_formulas_and_fixed_forms() {
        silent(
            &PunctuationSpacing,
            &[
                "Giai đoạn 2020-2025 và 2020 - 2025, sởi-rubella.",
                "1- Nội dung thứ nhất.",
                "Nhiệt độ xuống -5 độ.",
                "Nhiệt độ ở Sa Pa (Lào Cai) -2 độ.",
                "Chi phí lãi -1,927,831 -2,177,643 -2,175,981",
                "Lãi thuần ngoại hối -40,207 -29,239 12,874 -3,829",
                "Các anion (CO3)2- và SO4.",
                "TP.HCM và TP. Bắc Kạn, Q. Ba Đình.",
                "Hàm f(x) và công thức Ca(OH)2.",
                "Kỳ họp thứ 11 (kỳ họp cuối năm).",
                "Xem www.example.com/a-b- c.",
            ],
        );
    }

    #[test]
    fn html_entity_residue_is_reported_as_such_with_no_safe_fix() {
        let text = "Tổ chứcnbsp;phiên họp và lễ&nbsp;ra quân.";
        let found = crate::rules::testing::check(&PunctuationSpacing, text);
        let spans: Vec<&str> = found.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(spans, vec!["nbsp;", "&nbsp;"]);
        assert!(
            found[0].message.en.contains("HTML entity"),
            "{}",
            found[0].message.en
        );
        assert!(found.iter().all(|d| d.suggestions.iter().all(|s| !s.safe)));
        assert_eq!(found[0].suggestions[0].replacement, " ");
        silent(
            &PunctuationSpacing,
            &["Trại hè camp; ngày mai.", "Giá trị lt; gt."],
        );
    }

    #[test]
    fn fixes_remove_or_add_one_space() {
        let text = "Hội nghị thống nhất , giao quận thực hiện.Năm 2025 ( dự kiến ) tiếp tục.";
        assert_eq!(
            flagged(&PunctuationSpacing, text),
            vec![" ,", ".", "( ", " )"]
        );
        assert_eq!(
            fixed(&PunctuationSpacing, text),
            "Hội nghị thống nhất, giao quận thực hiện. Năm 2025 (dự kiến) tiếp tục."
        );
    }
}
