use std::sync::LazyLock;

use crate::analysis::sentences::opens_sentence;
use crate::diagnostic::Diagnostic;
use crate::document::{Block, Document};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::case::{Case, transfer_case};
use crate::text::punctuation::{CLOSING_QUOTES, OPENING_QUOTES, STRAIGHT_QUOTES};
use crate::text::tokens::{Token, TokenKind};

mod table;

pub use table::{Table, TableEntry};

declare_rule! {
    /// A real word in the wrong place: a slip that leaves valid syllables behind.
    ///
    /// ## What it does
    /// Looks up every phrase of the text in the data tables of `rules/*.toml`: fixed phrases
    /// with a tone or letter slip ("Giải phòng", "A ninh", "quốc phóng"), and words that are
    /// wrong in a given context ("phương" after a count, where wards are meant). Matches
    /// whole syllables, ignores case, and keeps the writer's capitals in the fix. Each entry
    /// sets its own severity and carries the context that must, or must not, surround it.
    /// A phrase standing alone between quotation marks is a spelling talked about (viết
    /// “sát nhập” là sai), not used, and is left alone. A fix the table marks certain is
    /// applied by `--fix` unless a syllable of the match has a capital inside a sentence (a
    /// name may run into it: "chị Trâm cứu"), where it is only offered.
    ///
    /// ## Why
    /// A spell checker accepts "Giải phòng" because both syllables exist; a reader sees at
    /// once that the liberation of the capital has become a room. These slips are the most
    /// common mistakes in published press releases.
    ///
    /// ## Example
    /// ```text
    /// Kỷ niệm 70 năm Ngày Giải phòng Thủ đô, A ninh chính trị được giữ vững.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Kỷ niệm 70 năm Ngày Giải phóng Thủ đô; quận đề xuất 2 phương án sắp xếp.
    /// ```
    pub struct Confusion {
        id: "confusion",
        severity: Error,
        vi: "Từ có thật nhưng đặt sai chỗ: lỗi gõ để lại những âm tiết vẫn hợp lệ.

## Tác dụng
Dò từng cụm từ của văn bản trong các bảng dữ liệu `rules/*.toml`: cụm từ cố định bị sai dấu hoặc sai chữ (“Giải phòng”, “A ninh”, “quốc phóng”) và những từ chỉ sai trong một ngữ cảnh nhất định (“phương” đứng sau một con số, khi ý nói là phường). So khớp trọn âm tiết, không phân biệt chữ hoa chữ thường, và giữ nguyên cách viết hoa của người viết trong gợi ý sửa. Mỗi mục tự đặt mức độ và ngữ cảnh bắt buộc phải có hoặc không được có. Cụm từ đứng một mình trong ngoặc kép là chữ được nhắc tới (viết “sát nhập” là sai), không phải chữ được dùng, nên được bỏ qua. Gợi ý sửa mà bảng đánh dấu chắc chắn được `--fix` tự áp dụng, trừ khi một âm tiết của cụm từ viết hoa giữa câu (có thể là tên riêng: “chị Trâm cứu”): khi đó chỉ gợi ý.

## Vì sao
Trình kiểm tra chính tả chấp nhận “Giải phòng” vì cả hai âm tiết đều có thật; người đọc thì nhận ra ngay. Đây là loại lỗi hay gặp nhất trong các thông cáo báo chí đã đăng.",
    }
}

static BUILTIN: LazyLock<Table> = LazyLock::new(Table::builtin);

impl Rule for Confusion {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        check_table(&BUILTIN, Self::META.id, doc, out);
        if !ctx.shared.tables.entries.is_empty() {
            check_table(ctx.shared.tables, Self::META.id, doc, out);
        }
    }
}

/// What stands next to a match, as the guards name it.
fn context_name(doc: &Document, token: Option<&Token>, buf: &mut String) {
    buf.clear();
    match token {
        None => buf.push_str("<edge>"),
        Some(t) if t.kind() == TokenKind::Number => buf.push_str("<number>"),
        Some(t) => buf.push_str(doc.lower(t)),
    }
}

fn guard_allows(list_in: &[String], list_not: &[String], name: &str) -> bool {
    (list_in.is_empty() || list_in.iter().any(|w| w == name)) && !list_not.iter().any(|w| w == name)
}

/// Runs one table over a document.
pub fn check_table(table: &Table, rule: &'static str, doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut context = String::new();
    // The entries starting with each written form (an entry of the lexicon), looked up once.
    let mut starting: Vec<Option<Option<&[usize]>>> = vec![None; doc.lexicon.len()];
    for block in &doc.blocks {
        let tokens = doc.block_tokens(block);
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            if token.kind() != TokenKind::Word {
                i += 1;
                continue;
            }
            // A word with no lexicon entry (past the most a document's tokens can point to)
            // is passed over.
            let Some(memo) = starting.get_mut(token.word() as usize) else {
                i += 1;
                continue;
            };
            let candidates = *memo
                .get_or_insert_with(|| table.by_first.get(doc.lower(token)).map(Vec::as_slice));
            let Some(candidates) = candidates else {
                i += 1;
                continue;
            };
            let mut matched = None;
            for &idx in candidates {
                if let Some(end) = match_phrase(doc, tokens, i, &table.syllables[idx])
                    && guards_hold(doc, tokens, i..end, &table.entries[idx], &mut context)
                {
                    matched = Some((idx, end));
                    break;
                }
            }
            let Some((idx, end)) = matched else {
                i += 1;
                continue;
            };
            if mentioned(doc, tokens, i, end) {
                i = end;
                continue;
            }
            let entry = &table.entries[idx];
            let span = token.start()..tokens[end - 1].end();
            let written: Vec<&str> = tokens[i..end]
                .iter()
                .filter(|t| t.kind() == TokenKind::Word)
                .map(|t| doc.token_text(t))
                .collect();
            let replacement = transfer_case(&written, &entry.right);
            let d = Diagnostic::new(rule, entry.severity, span.clone(), entry.message());
            let name = written_as_a_name(doc, block, block.tokens.start + i, &tokens[i..end]);
            out.push(if entry.safe && !name {
                d.with_fix(span, replacement)
            } else {
                d.with_suggestion(span, replacement)
            });
            i = end;
        }
    }
}

/// Whether the match stands alone between quotation marks, as a spelling talked about
/// rather than used: viết “sát nhập” là sai.
fn mentioned(doc: &Document, tokens: &[Token], start: usize, end: usize) -> bool {
    let quote = |t: Option<&Token>, marks: &[&str]| {
        t.is_some_and(|t| {
            let mark = doc.token_text(t);
            t.kind() == TokenKind::Punct
                && (marks.contains(&mark) || STRAIGHT_QUOTES.contains(&mark))
        })
    };
    let before = start.checked_sub(1).and_then(|k| tokens.get(k));
    quote(before, OPENING_QUOTES) && quote(tokens.get(end), CLOSING_QUOTES)
}

/// Whether a match is written the way a name is, or touches one: a capital inside a
/// sentence on any of its syllables ("chị Trâm cứu", "đường Nguyễn Trãi nhựa", "Chung
/// Bình"). Its fix is then only offered, never applied by `--fix`: the tables match without
/// regard to case.
fn written_as_a_name(doc: &Document, block: &Block, first: usize, matched: &[Token]) -> bool {
    let mut words = matched.iter().filter(|t| t.kind() == TokenKind::Word);
    let capital = |t: &Token| doc.case(t) == Case::Capitalized;
    words
        .next()
        .is_some_and(|t| capital(t) && !opens_sentence(doc, block, first))
        || words.any(capital)
}

/// Matches the syllables from token `start`, words separated only by white space; returns
/// the index after the last matched token.
fn match_phrase(
    doc: &Document,
    tokens: &[Token],
    start: usize,
    syllables: &[String],
) -> Option<usize> {
    let mut i = start + 1;
    for syllable in &syllables[1..] {
        if tokens.get(i)?.kind() != TokenKind::Space {
            return None;
        }
        let word = tokens.get(i + 1)?;
        if word.kind() != TokenKind::Word {
            return None;
        }
        if doc.lower(word) != syllable {
            return None;
        }
        i += 2;
    }
    Some(i)
}

/// Whether the tokens around the match `tokens[matched]` satisfy the entry's guards.
fn guards_hold(
    doc: &Document,
    tokens: &[Token],
    matched: std::ops::Range<usize>,
    entry: &TableEntry,
    name: &mut String,
) -> bool {
    let (start, end) = (matched.start, matched.end);
    if !entry.before.is_empty() || !entry.not_before.is_empty() {
        let before = tokens[..start].iter().rev().find(|t| !t.is_space());
        context_name(doc, before, name);
        if !guard_allows(&entry.before, &entry.not_before, name) {
            return false;
        }
    }
    if !entry.after.is_empty() || !entry.not_after.is_empty() {
        let after = tokens[end..].iter().find(|t| !t.is_space());
        context_name(doc, after, name);
        if !guard_allows(&entry.after, &entry.not_after, name) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests;
