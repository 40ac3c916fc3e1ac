use std::ops::Range;

use crate::analysis::Facts;
use crate::analysis::cursor::Cursor;
use crate::analysis::dates::{Dates, YearSource};
use crate::analysis::sentences::sentences;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{BlockKind, Document};
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// An anniversary whose number of years the dates next to it contradict.
    ///
    /// ## What it does
    /// Finds an anniversary ("kỷ niệm 80 năm ngày thành lập", "70 năm Ngày Giải phóng Thủ
    /// đô", "kỷ niệm lần thứ 50 ngày thành lập") followed in the same sentence by the years
    /// it spans in parentheses ("(1944 - 2024)", "(10/10/1954 - 10/10/2024)") and checks that
    /// the number of years is their difference; the message shows the arithmetic. When the
    /// parentheses give only the first year ("(1974)"), the year of the event dated in the
    /// same sentence is used, and only a difference of two years or more is reported (the
    /// celebration may fall just before or after the anniversary). Parentheses that may be a
    /// life span ("ngày sinh đồng chí X (1907 - 1986)") are passed over: a range whose two
    /// dates are not the same day of the year must end in the year of publication.
    /// A second anniversary joined by "và" shares the first one's "kỷ niệm". The headline's
    /// "kỷ niệm N năm ..." (or "chào mừng N năm ...") is compared with the body's anniversary
    /// of the same subject whose years agree with it ("Ngày thành lập Hội" in both), or, when
    /// none begins alike, with the only one that shares most of its words; a headline's "N
    /// năm Ngày thành lập ..." or "N năm thành lập ..." without "kỷ niệm" is compared with the
    /// same subject only, as a warning. A later mention
    /// that retells the span ("chặng đường 51 năm", "suốt 37 năm qua", "Cách đây 48 năm",
    /// "Sau 22 năm tái lập", "Trải qua 49 năm xây dựng", "93 mùa xuân", "tròn 35 năm
    /// trước", a headline's "69 năm một chặng đường") one or two years off the only
    /// anniversary near it is a warning. A range after a founding ("Ngày thành lập Đoàn
    /// (1931 - 2026)") is trusted without a publication date; a founding date in parentheses
    /// alone ("(19/8/1945)") meets the year of publication; and a founding year stated in
    /// another sentence ("được thành lập năm 1956") is compared with the year of publication
    /// for "N năm thành lập", a warning when two to five years off; "ra đời" with a full date
    /// ("Ngày 1.4.1965, ... sự ra đời của huyện") states a founding too. The body's own
    /// "kỷ niệm N năm ..." without years is compared with the same subject's proven count
    /// (a warning, at most five years off, when its sentence states no year). A period told by
    /// its years alone ("77 năm qua (20/10/1930 - 20/10/2007)", "5 năm (2015-2020)") is a
    /// warning when neither the difference nor, between bare years, the difference plus one.
    ///
    /// ## Why
    /// Anniversaries are quoted in headlines, banners and speeches; "75 năm" next to
    /// "1954 - 2024" is a visible error that every reader can compute.
    ///
    /// ## Example
    /// ```text
    /// Quận tổ chức các hoạt động kỷ niệm 75 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024).
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Quận tổ chức các hoạt động kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024), thực hiện kế hoạch 5 năm 2021-2025.
    /// ```
    pub struct AnniversaryMismatch {
        id: "anniversary-mismatch",
        severity: Error,
        reads: [Dates],
        vi: "Số năm kỷ niệm không khớp với các mốc thời gian đi kèm.

## Tác dụng
Tìm một dịp kỷ niệm (“kỷ niệm 80 năm ngày thành lập”, “70 năm Ngày Giải phóng Thủ đô”, “kỷ niệm lần thứ 50 ngày thành lập”) có các mốc năm ghi trong ngoặc ngay sau trong cùng câu (“(1944 - 2024)”, “(10/10/1954 - 10/10/2024)”) và kiểm tra số năm có bằng hiệu hai năm hay không; thông báo nêu rõ phép tính. Khi trong ngoặc chỉ có năm bắt đầu (“(1974)”), năm của sự kiện được ghi ngày tháng trong cùng câu được dùng thay, và chỉ báo khi lệch từ hai năm trở lên (lễ kỷ niệm có thể tổ chức sớm hoặc muộn hơn ngày kỷ niệm một chút). Ngoặc có thể là năm sinh, năm mất (“ngày sinh đồng chí X (1907 - 1986)”) thì bỏ qua: hai mốc không cùng ngày trong năm thì mốc sau phải là năm đăng bài. Dịp kỷ niệm thứ hai nối bằng “và” dùng chung “kỷ niệm” của dịp thứ nhất. “Kỷ niệm N năm ...” (hoặc “chào mừng N năm ...”) ở tiêu đề được so với dịp kỷ niệm cùng nội dung trong thân bài có các mốc năm khớp (“Ngày thành lập Hội” ở cả hai nơi), hoặc, khi không dịp nào mở đầu giống thế, với dịp duy nhất có chung phần lớn các từ; “N năm Ngày thành lập ...” hay “N năm thành lập ...” ở tiêu đề không có “kỷ niệm” chỉ được so với dịp cùng nội dung, ở mức cảnh báo. Chỗ nhắc lại khoảng thời gian ấy về sau (“chặng đường 51 năm”, “suốt 37 năm qua”, “Cách đây 48 năm”, “Sau 22 năm tái lập”) lệch một hoặc hai năm so với dịp kỷ niệm duy nhất gần nó được báo ở mức cảnh báo (kể cả “Trải qua 49 năm xây dựng”, “93 mùa xuân”, “tròn 35 năm trước”, “69 năm một chặng đường” ở tiêu đề). Khoảng năm sau một ngày thành lập (“Ngày thành lập Đoàn (1931 - 2026)”) được tin cả khi không có ngày đăng; ngày thành lập đứng một mình trong ngoặc (“(19/8/1945)”) được so với năm đăng bài; năm thành lập nêu ở câu khác (“được thành lập năm 1956”) được so với năm đăng bài cho “N năm thành lập”, báo ở mức cảnh báo khi lệch từ hai đến năm năm; “ra đời” kèm ngày tháng năm (“Ngày 1.4.1965, ... sự ra đời của huyện”) cũng cho năm thành lập. “Kỷ niệm N năm ...” trong thân bài không kèm mốc năm được so với số năm đã kiểm chứng của cùng dịp (cảnh báo, lệch không quá năm năm, khi câu ấy không nêu năm nào). Khoảng thời gian chỉ ghi bằng các mốc năm (“77 năm qua (20/10/1930 - 20/10/2007)”, “5 năm (2015-2020)”) được báo ở mức cảnh báo khi khác hiệu hai năm và, với năm trơn, khác cả hiệu cộng một.

## Vì sao
Số năm kỷ niệm xuất hiện trên tiêu đề, băng rôn và bài phát biểu; “75 năm” bên cạnh “1954 - 2024” là lỗi ai cũng tự tính được.",
    }
}

/// "70 năm", "kỷ niệm lần thứ 50": the number of years an anniversary claims.
struct Claim {
    years: u32,
    /// The number's span.
    span: Range<usize>,
    /// "70 năm", "lần thứ 50".
    phrase: Range<usize>,
    /// Positions in the sentence: the phrase's first and last token.
    start: usize,
    end: usize,
    /// "kỷ niệm" is written before it.
    commemorates: bool,
    /// A span told by its years alone, "77 năm qua (1930 - 2007)", "5 năm (2015 - 2020)":
    /// not said to be an anniversary.
    period: bool,
}

/// What the parentheses after a claim give.
enum Evidence {
    /// Both years: (first, its span, last, its span, both the same day of the year).
    Range(i32, Range<usize>, i32, Range<usize>, bool),
    /// Only the first year; the event's year comes from a date in the sentence.
    Founding(i32, Range<usize>, i32, Range<usize>),
}

/// How far after the claim its parentheses may open, in tokens.
const WINDOW: usize = 30;

impl Rule for AnniversaryMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let dates = doc.dates();
        // The evidence is in parentheses: blocks with a range right after "(", and, for the
        // founding-year form, blocks that say "kỷ niệm" and date an event.
        let mut blocks: Vec<usize> = dates
            .ranges
            .iter()
            .filter(|r| opens_parenthesis(doc, r.tokens.start))
            .map(|r| r.block)
            .collect();
        let mut dated: Vec<usize> = dates
            .dates
            .iter()
            .filter(|d| d.day.is_some())
            .map(|d| d.block)
            .collect();
        dated.dedup();
        blocks.extend(dated.into_iter().filter(|&b| {
            let text = &doc.text[doc.blocks[b].range.clone()];
            ["niệm", "NIỆM", "mừng", "MỪNG"]
                .iter()
                .any(|w| text.contains(w))
        }));
        blocks.sort_unstable();
        blocks.dedup();
        let mut verified = Vec::new();
        for b in blocks {
            for sentence in &sentences(doc, &doc.blocks[b]) {
                let has_paren = sentence.iter().any(|&i| {
                    doc.tokens[i].kind() == TokenKind::Punct
                        && doc.token_text(&doc.tokens[i]) == "("
                });
                if has_paren {
                    self.check_sentence(doc, dates, sentence, &mut verified, out);
                }
            }
        }
        self.check_founding(doc, dates, &mut verified, out);
        if !verified.is_empty() {
            self.check_headline(doc, &verified, out);
            self.check_mentions(doc, &verified, out);
        }
    }
}

/// Whether the token before `token` (spaces aside) is "(".
fn opens_parenthesis(doc: &Document, token: usize) -> bool {
    doc.tokens[..token]
        .iter()
        .rev()
        .find(|t| !t.is_space())
        .is_some_and(|t| t.kind() == TokenKind::Punct && doc.token_text(t) == "(")
}

impl AnniversaryMismatch {
    fn check_sentence(
        &self,
        doc: &Document,
        dates: &Dates,
        sentence: &[usize],
        verified: &mut Vec<Verified>,
        out: &mut Vec<Diagnostic>,
    ) {
        let claims = claims(doc, sentence);
        for (i, claim) in claims.iter().enumerate() {
            let limit = claims
                .get(i + 1)
                .map_or(sentence.len(), |next| next.start)
                .min(claim.end + 1 + WINDOW);
            let Some(open) =
                (claim.end + 1..limit).find(|&q| Cursor::new(doc, sentence).punct(q) == Some("("))
            else {
                continue;
            };
            let Some(evidence) = evidence(doc, dates, sentence, open, claim) else {
                continue;
            };
            let mut exact = true;
            let (first, first_span, last, last_span, tolerance, labels) = match evidence {
                Evidence::Range(a, sa, b, sb, same_day) => {
                    exact = same_day;
                    (
                        a,
                        sa,
                        b,
                        sb,
                        0,
                        [
                            ("năm bắt đầu", "the first year"),
                            ("năm kỷ niệm", "the anniversary year"),
                        ],
                    )
                }
                Evidence::Founding(_, _, _, _) if claim.period => continue,
                Evidence::Founding(a, sa, b, sb) => (
                    a,
                    sa,
                    b,
                    sb,
                    1,
                    [
                        ("năm bắt đầu", "the first year"),
                        ("năm diễn ra sự kiện", "the year of the event"),
                    ],
                ),
            };
            let diff = i64::from(last) - i64::from(first);
            if diff <= 0 {
                continue;
            }
            // A period between two years may count both ("5 năm (2016 - 2020)"); between two
            // dates of the same day of the year, it is their difference.
            if claim.period {
                let years = i64::from(claim.years);
                if years == diff || (!exact && years == diff + 1) {
                    continue;
                }
            } else if (i64::from(claim.years) - diff).abs() <= tolerance {
                verified.push(Verified {
                    years: claim.years,
                    subject: subject(doc, sentence, claim.end + 1),
                    span: claim.span.clone(),
                    first: first_span,
                    last: last_span,
                });
                continue;
            }
            let phrase = &doc.text[claim.phrase.clone()];
            // A period not called an anniversary is less sure to be one: a warning.
            let severity = if claim.period {
                crate::diagnostic::Severity::Warning
            } else {
                self.meta().default_severity
            };
            let d = Diagnostic::new(
                self.meta().id,
                severity,
                claim.span.clone(),
                Message::new(
                    format!("“{phrase}” không khớp với các mốc năm: {last} − {first} = {diff}"),
                    format!("“{phrase}” does not match the years given: {last} − {first} = {diff}"),
                ),
            )
            .with_related(first_span, Message::new(labels[0].0, labels[0].1))
            .with_related(last_span, Message::new(labels[1].0, labels[1].1));
            out.push(d);
        }
    }
}

/// An anniversary whose years the body proves: "kỷ niệm 70 năm Ngày Giải phóng Thủ đô
/// (1954 - 2024)".
struct Verified {
    years: u32,
    /// The words after "năm": what is commemorated ("thành lập hội người mù").
    subject: Vec<String>,
    span: Range<usize>,
    first: Range<usize>,
    last: Range<usize>,
}

/// The most words of a subject compared.
const SUBJECT_WORDS: usize = 6;

/// What an anniversary commemorates: the lower-case words from position `from`, up to the
/// first mark, without a leading "ngày" ("Ngày thành lập Hội" → thành lập hội).
fn subject(doc: &Document, sentence: &[usize], from: usize) -> Vec<String> {
    let c = Cursor::new(doc, sentence);
    // "và" ends it: "kỷ niệm 50 năm Ngày giải phóng và 20 năm tái lập huyện".
    let mut words: Vec<String> = (from..sentence.len())
        .map_while(|q| c.word(q).filter(|&w| w != "và").map(str::to_string))
        .take(SUBJECT_WORDS + 1)
        .collect();
    if words.first().is_some_and(|w| w == "ngày") {
        words.remove(0);
    }
    words.truncate(SUBJECT_WORDS);
    words
}

/// Whether two subjects name the same anniversary: at least two words, one the start of
/// the other.
fn same_subject(a: &[String], b: &[String]) -> bool {
    let n = a.len().min(b.len());
    n >= 2 && a[..n] == b[..n]
}

/// Whether two subjects share most of their words: three at least, and two thirds of the
/// shorter's.
fn shares_most(a: &[String], b: &[String]) -> bool {
    let shared = b.iter().filter(|w| a.contains(w)).count();
    let n = a.len().min(b.len());
    shared >= 3 && 3 * shared >= 2 * n
}

impl AnniversaryMismatch {
    /// The headline's "kỷ niệm N năm ..." against the body's anniversary of the same subject
    /// whose years are given ("kỷ niệm 70 năm ... (1954 - 2024)"): the number must be the
    /// same. A subject that matches anniversaries of different numbers is passed over.
    ///
    /// The body's own "kỷ niệm N năm ..." without years ("tạm hoãn Lễ kỷ niệm 30 năm ngày
    /// thành lập tỉnh") is compared the same way, as a warning, when it is at most
    /// `FOUNDING_SLIP` years off and its sentence states no year (a past celebration's
    /// "Năm 2015, kỷ niệm 85 năm ..." does).
    fn check_headline(&self, doc: &Document, verified: &[Verified], out: &mut Vec<Diagnostic>) {
        let commemorates = |b: &&crate::document::Block| {
            b.kind == BlockKind::Title || {
                let text = &doc.text[b.range.clone()];
                ["niệm", "NIỆM", "mừng", "MỪNG"]
                    .iter()
                    .any(|w| text.contains(w))
            }
        };
        for block in doc.blocks.iter().filter(commemorates) {
            let headline = block.kind == BlockKind::Title;
            for sentence in &sentences(doc, block) {
                let open: Vec<Claim> = claims(doc, sentence)
                    .into_iter()
                    .filter(|claim| {
                        // A headline names the anniversary without "kỷ niệm" too ("95 năm
                        // Ngày thành lập Hội", "Họp mặt kỷ niêm 90 năm ngày thành lập").
                        (claim.commemorates || (headline && !claim.period))
                            && !out.iter().any(|d| d.span == claim.span)
                            && !verified.iter().any(|v| v.span == claim.span)
                    })
                    .collect();
                if open.is_empty() {
                    continue;
                }
                let c = Cursor::new(doc, sentence);
                if !headline && (0..c.len()).any(|q| c.year(q).is_some()) {
                    continue;
                }
                for claim in open {
                    let about = subject(doc, sentence, claim.end + 1);
                    let mut matching: Vec<&Verified> = verified
                        .iter()
                        .filter(|v| same_subject(&v.subject, &about))
                        // Without "kỷ niệm", the subject must name what is celebrated
                        // ("thành lập Hội Khuyến học", not a bare "thành lập").
                        .filter(|v| claim.commemorates || v.subject.len().min(about.len()) >= 3)
                        .collect();
                    // A headline shortens or words the subject otherwise ("Ngày truyền thống
                    // lực lượng Công an nhân dân" for "Ngày truyền thống Công an nhân dân Việt
                    // Nam"): most of its words, when one anniversary of the body has them.
                    // Without "kỷ niệm" only the same subject is compared.
                    if matching.is_empty() && claim.commemorates {
                        matching = verified
                            .iter()
                            .filter(|v| shares_most(&v.subject, &about))
                            .collect();
                        if matching.len() > 1 {
                            continue;
                        }
                    }
                    let Some(body) = matching.first() else {
                        continue;
                    };
                    if matching.iter().any(|v| v.years != body.years) || body.years == claim.years {
                        continue;
                    }
                    if !headline && body.years.abs_diff(claim.years) > FOUNDING_SLIP {
                        continue;
                    }
                    let phrase = &doc.text[claim.phrase.clone()];
                    let stated = &doc.text[body.span.clone()];
                    let (first, last) =
                        (&doc.text[body.first.clone()], &doc.text[body.last.clone()]);
                    let (message, severity) = if headline {
                        (
                            Message::new(
                                format!(
                                    "Tiêu đề ghi “{phrase}” nhưng thân bài ghi {stated} năm ({first} - {last})"
                                ),
                                format!(
                                    "The headline says “{phrase}” but the body says {stated} years ({first} - {last})"
                                ),
                            ),
                            if claim.commemorates {
                                self.meta().default_severity
                            } else {
                                crate::diagnostic::Severity::Warning
                            },
                        )
                    } else {
                        (
                            Message::new(
                                format!(
                                    "“{phrase}” nhưng dịp kỷ niệm này được ghi {stated} năm ({first} - {last})"
                                ),
                                format!(
                                    "“{phrase}” but this anniversary is given as {stated} years ({first} - {last})"
                                ),
                            ),
                            crate::diagnostic::Severity::Warning,
                        )
                    };
                    out.push(
                        Diagnostic::new(self.meta().id, severity, claim.span.clone(), message)
                            .with_related(
                                body.span.clone(),
                                if headline {
                                    Message::new("thân bài ghi ở đây", "the body says it here")
                                } else {
                                    Message::new("số năm ghi ở đây", "the years given here")
                                },
                            )
                            .with_related(
                                body.first.clone(),
                                Message::new("năm bắt đầu", "the first year"),
                            )
                            .with_related(
                                body.last.clone(),
                                Message::new("năm kỷ niệm", "the anniversary year"),
                            ),
                    );
                }
            }
        }
    }
}

/// The most years a founding anniversary may be off the years from its founding to the
/// publication and still be read as a slip of it rather than another body's anniversary.
const FOUNDING_SLIP: u32 = 5;

impl AnniversaryMismatch {
    /// "N năm thành lập" against the founding year stated in another sentence ("Năm 1980,
    /// trường được thành lập", "thành lập năm 1956") and the year of publication: the same
    /// number is a verified anniversary; two to `FOUNDING_SLIP` years off, a warning (a
    /// celebration may fall a year early or late). Only when the document states one
    /// founding year, and the words after "thành lập" on both sides share one.
    fn check_founding(
        &self,
        doc: &Document,
        dates: &Dates,
        verified: &mut Vec<Verified>,
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(((published, _, _), published_span)) = &dates.publication else {
            return;
        };
        let blocks: Vec<&crate::document::Block> = doc
            .blocks
            .iter()
            .filter(|b| {
                let text = &doc.text[b.range.clone()];
                ["thành lập", "THÀNH LẬP", "ra đời"]
                    .iter()
                    .any(|w| text.contains(w))
            })
            .collect();
        // The full dates with their year written ("Ngày 1.4.1965, ... ra đời"), by token.
        let dated: Vec<(usize, i32, Range<usize>)> = dates
            .dates
            .iter()
            .filter(|d| d.day.is_some())
            .filter_map(|d| match (&d.year_source, d.year) {
                (YearSource::Written(span), Some(y)) => Some((d.tokens.start, y, span.clone())),
                _ => None,
            })
            .collect();
        // A founding year is written "năm 1956" or in a full date: no block says it, nothing
        // to compare.
        let says_a_year = |b: &&crate::document::Block| {
            let text = &doc.text[b.range.clone()];
            ["năm 1", "năm 2", "Năm 1", "Năm 2", "NĂM 1", "NĂM 2"]
                .iter()
                .any(|w| text.contains(w))
                || dated.iter().any(|(t, _, _)| {
                    doc.tokens[*t].start() >= b.range.start && doc.tokens[*t].end() <= b.range.end
                })
        };
        if !blocks.iter().any(says_a_year) {
            return;
        }
        let mut founding: Option<(i32, Range<usize>, Vec<String>)> = None;
        let mut claimed = Vec::new();
        for block in &blocks {
            for sentence in &sentences(doc, block) {
                let found = claims(doc, sentence);
                let c = Cursor::new(doc, sentence);
                if !found.is_empty() {
                    claimed.extend(found.into_iter().map(|claim| {
                        let about = subject(doc, sentence, claim.end + 1);
                        (claim, about)
                    }));
                    continue;
                }
                // "thành lập", or "ra đời" ("đánh dấu sự ra đời của huyện").
                let said = (1..c.len()).any(|q| match c.word(q - 1) {
                    Some("thành") => c.word_is(q, "lập"),
                    Some("ra") => c.word_is(q, "đời"),
                    _ => false,
                });
                // "năm 1956", or a full date's year ("Ngày 1.4.1965").
                let (first, last) = (sentence[0], sentence[sentence.len() - 1]);
                let years: Vec<(i32, Range<usize>)> = (1..c.len())
                    .filter(|&q| c.word_is(q - 1, "năm"))
                    .filter_map(|q| c.year(q).map(|y| (y, c.token(q).range())))
                    .chain({
                        // `dated` is in text order.
                        let from = dated.partition_point(|(t, _, _)| *t < first);
                        let to = dated.partition_point(|(t, _, _)| *t <= last);
                        dated[from..to]
                            .iter()
                            .map(|(_, y, span)| (*y, span.clone()))
                    })
                    .collect();
                let Some((year, span)) = years.first().cloned().filter(|_| said) else {
                    continue;
                };
                if years.iter().any(|(y, _)| *y != year) || year >= *published {
                    continue;
                }
                match &founding {
                    Some((y, _, _)) if *y != year => return,
                    Some(_) => {}
                    None => {
                        let words = (0..c.len()).filter_map(|q| c.word(q)).map(str::to_string);
                        founding = Some((year, span, words.collect()));
                    }
                }
            }
        }
        let Some((year, year_span, words)) = founding else {
            return;
        };
        let diff = published - year;
        for (claim, about) in claimed {
            let Some(rest) = about.strip_prefix(&["thành".to_string(), "lập".to_string()][..])
            else {
                continue;
            };
            let known = |span: &Range<usize>| {
                verified.iter().any(|v| v.span == *span) || out.iter().any(|d| d.span == *span)
            };
            if known(&claim.span) || (!rest.is_empty() && !rest.iter().any(|w| words.contains(w))) {
                continue;
            }
            let off = i64::from(claim.years) - i64::from(diff);
            if off == 0 {
                verified.push(Verified {
                    years: claim.years,
                    subject: about,
                    span: claim.span,
                    first: year_span.clone(),
                    last: published_span.clone(),
                });
            } else if (2..=i64::from(FOUNDING_SLIP)).contains(&off.abs()) {
                let phrase = &doc.text[claim.phrase.clone()];
                out.push(
                    Diagnostic::new(
                        self.meta().id,
                        crate::diagnostic::Severity::Warning,
                        claim.span.clone(),
                        Message::new(
                            format!("“{phrase}” nhưng thành lập năm {year}, đăng năm {published}: {published} − {year} = {diff}"),
                            format!("“{phrase}” but founded in {year} and published in {published}: {published} − {year} = {diff}"),
                        ),
                    )
                    .with_related(year_span.clone(), Message::new("năm thành lập", "the founding year"))
                    .with_related(published_span.clone(), Message::new("ngày đăng", "the publication date")),
                );
            }
        }
    }
}

/// The most years a later mention may be off from the anniversary it retells and still be
/// read as a slip of it rather than another span ("5 năm qua" beside "kỷ niệm 50 năm").
const MENTION_SLIP: u32 = 2;

impl AnniversaryMismatch {
    /// A later mention of a verified anniversary's span in the body without its years:
    /// "chặng đường 50 năm", "suốt 36 năm qua", "Cách đây 80 năm", "Sau 20 năm tái lập",
    /// "Nhân dịp 94 năm Ngày thành lập Đoàn". Reported when one verified anniversary is at
    /// most `MENTION_SLIP` years away and none says the mention's number; a mention with
    /// words of its own must share one with that anniversary's subject.
    fn check_mentions(&self, doc: &Document, verified: &[Verified], out: &mut Vec<Diagnostic>) {
        // Only blocks with a figure before "năm" are split into sentences.
        let says_years = |tokens: &[crate::text::tokens::Token]| {
            tokens.iter().enumerate().any(|(i, t)| {
                t.kind() == TokenKind::Number
                    && tokens[i + 1..]
                        .iter()
                        .find(|u| !u.is_space())
                        .is_some_and(|u| {
                            u.kind() == TokenKind::Word && matches!(doc.lower(u), "năm" | "mùa")
                        })
            })
        };
        for block in doc
            .blocks
            .iter()
            .filter(|b| says_years(doc.block_tokens(b)))
        {
            for sentence in &sentences(doc, block) {
                let c = Cursor::new(doc, sentence);
                for p in 0..sentence.len() {
                    // "N năm", or "N mùa xuân" (a year told by its springs).
                    let unit_end = if c.word_is(p + 1, "năm") {
                        p + 1
                    } else if c.word_is(p + 1, "mùa") && c.word_is(p + 2, "xuân") {
                        p + 2
                    } else {
                        continue;
                    };
                    let Some(years) = count(&c, p) else {
                        continue;
                    };
                    let span = doc.tokens[sentence[p]].range();
                    let said = |d: &Diagnostic| d.span == span;
                    if out.iter().any(said) || verified.iter().any(|v| v.span == span) {
                        continue;
                    }
                    let Some(own_words) = retold_span(&c, p, unit_end, years) else {
                        continue;
                    };
                    if verified.iter().any(|v| v.years == years) {
                        continue;
                    }
                    let near: Vec<&Verified> = verified
                        .iter()
                        .filter(|v| v.years.abs_diff(years) <= MENTION_SLIP)
                        .filter(|v| own_words.is_empty() || shares_a_word(&v.subject, &own_words))
                        .collect();
                    // One anniversary, perhaps stated twice (headline and body).
                    let Some(body) = near.first().filter(|b| {
                        near.iter().all(|v| {
                            v.years == b.years
                                && doc.text[v.first.clone()] == doc.text[b.first.clone()]
                        })
                    }) else {
                        continue;
                    };
                    let phrase = &doc.text[span.start..doc.tokens[sentence[unit_end]].end()];
                    let (stated, first, last) = (
                        &doc.text[body.span.clone()],
                        &doc.text[body.first.clone()],
                        &doc.text[body.last.clone()],
                    );
                    out.push(
                        Diagnostic::new(
                            self.meta().id,
                            crate::diagnostic::Severity::Warning,
                            span.clone(),
                            Message::new(
                                format!("“{phrase}” nhưng dịp kỷ niệm ghi {stated} năm ({first} - {last})"),
                                format!("“{phrase}” but the anniversary says {stated} years ({first} - {last})"),
                            ),
                        )
                        .with_related(body.span.clone(), Message::new("số năm kỷ niệm", "the anniversary's years"))
                        .with_related(body.first.clone(), Message::new("năm bắt đầu", "the first year"))
                        .with_related(body.last.clone(), Message::new("năm kỷ niệm", "the anniversary year")),
                    );
                }
            }
        }
    }
}

/// Whether "N năm" at `p` (its unit ending at `unit_end`: "năm", "mùa xuân") retells a span
/// up to now: "N năm qua", "N năm trước", "chặng đường N năm", "hành trình N năm", "suốt N
/// năm", "trải qua N năm", "cách đây N năm", "N năm một chặng đường", "N năm xây dựng và
/// phát triển", "N mùa xuân"; "sau|nhân dịp N năm" followed by what the span is, or, for ten
/// years or more, by nothing ("Sau 70 năm, ..."). The words after the unit that say what it
/// is (empty for the first forms); none when it is not such a mention or is qualified ("hơn
/// 30 năm").
fn retold_span(c: &Cursor<'_>, p: usize, unit_end: usize, years: u32) -> Option<Vec<String>> {
    let before = |n: usize| p.checked_sub(n).and_then(|k| c.word(k));
    let qualified = matches!(
        before(1),
        Some("hơn" | "gần" | "khoảng" | "trên" | "ngót" | "dưới" | "chừng")
    );
    let after = unit_end + 1;
    if qualified || c.word_is(after, "tuổi") {
        return None;
    }
    let own_words: Vec<String> = (after..c.len())
        .map_while(|q| c.word(q).filter(|&w| w != "và").map(str::to_string))
        .take(SUBJECT_WORDS)
        .collect();
    // Spans of ten years or more are anniversaries' more than anything else's.
    let long = years >= 10;
    let springs = unit_end == p + 2;
    let next = |a: &str, b: &str| c.word_is(after, a) && c.word_is(after + 1, b);
    // What a span is made of: "N năm xây dựng và trưởng thành", "N năm hình thành".
    let of_growth = next("xây", "dựng")
        || next("hình", "thành")
        || next("phát", "triển")
        || next("trưởng", "thành");
    let strong = c.word_is(after, "qua")
        || c.word_is(after, "trước")
        || next("một", "chặng")
        || next("một", "hành")
        || matches!(
            (before(2), before(1)),
            (Some("chặng" | "con"), Some("đường"))
                | (Some("hành"), Some("trình"))
                | (Some("cách"), Some("đây"))
                | (Some("trải"), Some("qua"))
                | (_, Some("suốt"))
        )
        || (long && (springs || of_growth || matches!(before(1), Some("tròn" | "qua"))));
    if strong {
        return Some(Vec::new());
    }
    let retells = matches!(before(1), Some("sau"))
        || matches!((before(2), before(1)), (Some("nhân"), Some("dịp")));
    if retells && own_words.is_empty() && long {
        return Some(Vec::new());
    }
    // "nhân 50 năm thành lập": what the span is, shared with the anniversary's subject.
    let founded = next("thành", "lập") && long;
    ((retells || founded) && !own_words.is_empty()).then_some(own_words)
}

/// Whether the words from `from` to `to` say an anniversary of a founding, a liberation
/// or a tradition day ("Ngày thành lập Đoàn", "Ngày Giải phóng"), and none a birth or a
/// death (a life span in parentheses).
fn founding_subject(c: &Cursor<'_>, from: usize, to: usize) -> bool {
    let words: Vec<&str> = (from..to).filter_map(|q| c.word(q)).collect();
    let has = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    let life = words
        .iter()
        .any(|&w| matches!(w, "sinh" | "mất" | "từ" | "trần" | "đời" | "hy" | "hi"));
    !life
        && (has("thành", "lập")
            || has("truyền", "thống")
            || has("giải", "phóng")
            || has("tái", "lập")
            || has("chiến", "thắng")
            || has("khởi", "nghĩa")
            || has("quốc", "khánh"))
}

/// Whether a mention's words share one with an anniversary's subject ("tái lập" and "tái
/// lập huyện"), "ngày" aside.
fn shares_a_word(subject: &[String], words: &[String]) -> bool {
    words.iter().any(|w| w != "ngày" && subject.contains(w))
}

/// A number of years written in digits (1 to 999).
fn count(c: &Cursor<'_>, at: usize) -> Option<u32> {
    c.small_number(at, 3).filter(|&n| n > 0)
}

/// Every anniversary claim of a sentence, in order.
fn claims(doc: &Document, sentence: &[usize]) -> Vec<Claim> {
    let is = |p: usize, w: &str| Cursor::new(doc, sentence).word_is(p, w);
    let commemorates = |p: usize| {
        // "kỷ niệm 80 năm", "chào mừng 80 năm Quốc khánh".
        let kn = |q: usize| {
            q >= 1
                && ((is(q, "niệm") && (is(q - 1, "kỷ") || is(q - 1, "kỉ")))
                    || (is(q, "mừng") && is(q - 1, "chào")))
        };
        (p >= 1 && kn(p - 1)) || (p >= 2 && is(p - 1, "tròn") && kn(p - 2))
    };
    let span = |p: usize| doc.tokens[sentence[p]].range();
    let mut out = Vec::new();
    for p in 0..sentence.len() {
        if let Some(years) = count(&Cursor::new(doc, sentence), p)
            && is(p + 1, "năm")
        {
            // "kỷ niệm 80 năm ... (1944 - 2024) và 35 năm ...": the second shares the first's
            // "kỷ niệm".
            let joined = p >= 1
                && (is(p - 1, "và") || Cursor::new(doc, sentence).punct(p - 1) == Some(","))
                && out.last().is_some_and(|c: &Claim| c.commemorates);
            let kn = commemorates(p) || joined;
            // "70 năm ngày Giải phóng", not "70 năm ngày càng phát triển".
            let day_of = is(p + 2, "ngày") && !is(p + 3, "càng");
            // "nhân 70 năm thành lập".
            let founded = is(p + 2, "thành") && is(p + 3, "lập");
            // "77 năm qua (20/10/1930 - 20/10/2007)", "5 năm (2015-2020)".
            let c = Cursor::new(doc, sentence);
            let period = !(kn || day_of || founded)
                && (c.punct(p + 2) == Some("(")
                    || (is(p + 2, "qua") && c.punct(p + 3) == Some("(")));
            if kn || day_of || founded || period {
                out.push(Claim {
                    years,
                    span: span(p),
                    phrase: span(p).start..span(p + 1).end,
                    start: p,
                    end: p + 1,
                    commemorates: kn,
                    period,
                });
            }
        }
        if is(p, "lần")
            && is(p + 1, "thứ")
            && commemorates(p)
            && let Some(years) = count(&Cursor::new(doc, sentence), p + 2)
        {
            out.push(Claim {
                years,
                span: span(p + 2),
                phrase: span(p).start..span(p + 2).end,
                start: p,
                end: p + 2,
                commemorates: true,
                period: false,
            });
        }
    }
    out
}

/// The years the parentheses opening at `open` give for `claim`, if they can be trusted to
/// be the anniversary's.
fn evidence(
    doc: &Document,
    dates: &Dates,
    sentence: &[usize],
    open: usize,
    claim: &Claim,
) -> Option<Evidence> {
    let inner = *sentence.get(open + 1)?;
    let position_of = |token: usize| sentence.iter().position(|&t| t == token);
    // "(1944 - 2024)", "(10/10/1954 - 10/10/2024)".
    if let Some(range) = dates.ranges.iter().find(|r| r.tokens.start == inner) {
        let last = position_of(range.tokens.end - 1)?;
        if Cursor::new(doc, sentence).punct(last + 1) != Some(")") {
            return None;
        }
        let (from, to) = (&range.from, &range.to);
        let same_day_of_year = from.month.is_some() && from.month == to.month && from.day == to.day;
        if !same_day_of_year {
            // Perhaps a life span or a term: trusted only when it ends about now.
            let recent = match &dates.publication {
                Some(((year, _, _), _)) => (year - 1..=year + 1).contains(&to.year),
                // Undated: a later year (a term, a plan) may follow it, but what it follows
                // is said: "kỷ niệm 95 năm Ngày thành lập Đoàn (1931 - 2026)".
                None => {
                    dates.latest_year.is_some_and(|l| to.year >= l - 1)
                        || (claim.commemorates
                            && founding_subject(&Cursor::new(doc, sentence), claim.end + 1, open))
                }
            };
            if !recent {
                return None;
            }
        }
        return Some(Evidence::Range(
            from.year,
            from.year_span.clone(),
            to.year,
            to.year_span.clone(),
            same_day_of_year,
        ));
    }
    if !claim.commemorates {
        return None;
    }
    // "(1974)" or "(20/11/1974)": the first year only.
    let (founding, founding_span, close) = {
        let t = &doc.tokens[inner];
        let text = doc.token_text(t);
        if t.kind() == TokenKind::Number
            && text.len() == 4
            && text.bytes().all(|b| b.is_ascii_digit())
        {
            (text.parse::<i32>().ok()?, t.range(), open + 2)
        } else {
            let date = dates
                .dates
                .iter()
                .find(|d| d.tokens.start == inner && d.year_written())?;
            let YearSource::Written(span) = &date.year_source else {
                return None;
            };
            (
                date.year?,
                span.clone(),
                position_of(date.tokens.end - 1)? + 1,
            )
        }
    };
    if Cursor::new(doc, sentence).punct(close) != Some(")") {
        return None;
    }
    // The event's year: the one dated day of the sentence outside the parentheses.
    let (first_token, close_token) = (sentence[open], sentence[close]);
    let in_sentence = |t: usize| {
        sentence.first().is_some_and(|&f| t >= f) && sentence.last().is_some_and(|&l| t <= l)
    };
    let mut events = dates.dates.iter().filter(|d| {
        d.day.is_some()
            && in_sentence(d.tokens.start)
            && !(first_token..=close_token).contains(&d.tokens.start)
            && matches!(
                d.year_source,
                YearSource::Written(_) | YearSource::Publication(_)
            )
    });
    let Some(event) = events.next() else {
        // No event dated in the sentence: the year of publication ("Hà Tĩnh, ngày 15 tháng
        // 8 năm 2025" above "chào mừng 80 năm Ngày truyền thống ... (19/8/1945)").
        let ((year, _, _), span) = dates.publication.as_ref()?;
        return Some(Evidence::Founding(
            founding,
            founding_span,
            *year,
            span.clone(),
        ));
    };
    let year = event.year?;
    if events.any(|d| d.year != Some(year)) {
        return None;
    }
    Some(Evidence::Founding(
        founding,
        founding_span,
        year,
        event.span.clone(),
    ))
}

#[cfg(test)]
mod tests {
    use super::AnniversaryMismatch;
    use crate::rules::testing::{check, flags_each, silent};

    #[test]
    fn fails_when_the_years_disagree() {
        flags_each(
            &AnniversaryMismatch,
            &[
                (
                    "Kỷ niệm 75 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024).",
                    &["75"],
                ),
                (
                    "Tiêu đề ngắn\nNgày đăng 20/12/2024 | 08:00\n\nTổ chức kỷ niệm 85 năm ngày thành lập (1944 - 2024).",
                    &["85"],
                ),
                (
                    "Chuẩn bị kỷ niệm 90 năm ngày thành lập Đảng (3/2/1930 - 3/2/2025).",
                    &["90"],
                ),
                (
                    "Các ngày lễ lớn: 70 năm ngày Giải phóng Thủ đô (10/10/1954-10/10/2024), 79 năm ngày thành lập Quân đội (22/12/1944-22/12/2024).",
                    &["79"],
                ),
                (
                    "Trường tổ chức kỷ niệm lần thứ 45 ngày thành lập (1974 - 2024).",
                    &["45"],
                ),
                (
                    "Sáng 20/11/2024, trường long trọng tổ chức lễ kỷ niệm lần thứ 40 ngày thành lập (1974).",
                    &["40"],
                ),
            ],
        );
    }

    #[test]
    fn silent_when_right_or_not_an_anniversary_range() {
        silent(
            &AnniversaryMismatch,
            &[
                "Chỉ đạo kỷ niệm: 70 năm ngày Giải phòng Thủ đô (10/10/1954-10/10/2024), 80 năm ngày thành lập Quân đội Nhân dân Việt Nam (22/12/1944-22/12/2024).",
                "Tiêu đề ngắn\nNgày đăng 20/12/2024 | 08:00\n\nTổ chức kỷ niệm 80 năm ngày thành lập (1944 - 2024).",
                "Kỷ niệm 95 năm ngày thành lập Đảng (3/2/1930 - 3/2/2025).",
                "Thực hiện kế hoạch 5 năm (2021 - 2025) và nhiệm kỳ 2020-2025.",
                "Sơ kết 5 năm Nghị quyết (2021 - 2025).",
                "Năm 2024 kỷ niệm 100 năm ngày sinh đồng chí Nguyễn Văn Cừ (1912 - 1941).",
                "Sau 30 năm ngày càng phát triển (1990 - 2024), xã đổi mới.",
                "Sáng 20/11/2024, trường tổ chức lễ kỷ niệm lần thứ 50 ngày thành lập (1974).",
                "Ngày 15/12/2024, Đảng ủy họp chuẩn bị kỷ niệm 95 năm ngày thành lập Đảng (3/2/1930).",
                "Kỷ niệm 80 năm ngày thành lập (1944 - 2024).",
            ],
        );
    }

    #[test]
    fn a_later_mention_retells_the_span() {
        flags_each(
            &AnniversaryMismatch,
            &[
                (
                    "Trường kỷ niệm 50 năm thành lập (1975 - 2025). Nhìn lại chặng đường 51 năm xây dựng, nhà trường tự hào.",
                    &["51"],
                ),
                (
                    "Hội kỷ niệm 36 năm Ngày thành lập (6/12/1989 - 6/12/2025). Suốt 37 năm qua, hội viên luôn đi đầu.",
                    &["37"],
                ),
                (
                    "Huyện kỷ niệm 50 năm Ngày giải phóng (1975 - 2025) và 20 năm tái lập huyện (2005 - 2025). Sau 22 năm tái lập, kinh tế tăng trưởng khá.",
                    &["22"],
                ),
            ],
        );
        silent(
            &AnniversaryMismatch,
            &[
                // Another span, a qualified number, an age, words of another span.
                "Trường kỷ niệm 50 năm thành lập (1975 - 2025). Trong 5 năm qua, trường có 40 giải.",
                "Trường kỷ niệm 50 năm thành lập (1975 - 2025). Hơn 49 năm qua, trường luôn phát triển.",
                "Đảng bộ kỷ niệm 95 năm Ngày thành lập Đảng (1930 - 2025). Trao Huy hiệu 94 năm tuổi Đảng.",
                "Huyện kỷ niệm 20 năm tái lập huyện (2005 - 2025). Sau 18 năm thực hiện Nghị quyết, kinh tế tăng trưởng khá.",
                "Huyện kỷ niệm 50 năm Ngày giải phóng (1975 - 2025) và 20 năm tái lập huyện (2005 - 2025). Cách đây 50 năm, quân dân nổi dậy.",
            ],
        );
    }

    #[test]
    fn the_headline_greets_or_words_the_subject_otherwise() {
        flags_each(
            &AnniversaryMismatch,
            &[
                (
                    "Phường chào mừng 79 năm Cách mạng tháng Tám\n\nNhân dịp kỷ niệm 80 năm Cách mạng tháng Tám thành công (19/8/1945 - 19/8/2025), phường tổ chức nhiều hoạt động.",
                    &["79"],
                ),
                (
                    "Gặp mặt kỷ niệm 78 năm Ngày truyền thống lực lượng Công an nhân dân\n\nSáng 19/8, xã gặp mặt kỷ niệm 80 năm Ngày truyền thống Công an nhân dân Việt Nam (19/8/1945 - 19/8/2025) và 20 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2025).",
                    &["78"],
                ),
            ],
        );
    }

    #[test]
    fn a_headline_without_ky_niem_is_compared_with_the_same_subject() {
        flags_each(
            &AnniversaryMismatch,
            &[(
                "Hội Khuyến học huyện gặp mặt 29 năm Ngày thành lập Hội Khuyến học Việt Nam\n\nSáng 2/10, hội gặp mặt kỷ niệm 30 năm Ngày thành lập Hội Khuyến học Việt Nam (2/10/1996 - 2/10/2026).",
                &["29"],
            )],
        );
        let text = "Hội Khuyến học huyện gặp mặt 29 năm Ngày thành lập Hội Khuyến học Việt Nam\n\nSáng 2/10, hội gặp mặt kỷ niệm 30 năm Ngày thành lập Hội Khuyến học Việt Nam (2/10/1996 - 2/10/2026).";
        assert_eq!(
            check(&AnniversaryMismatch, text)[0].severity,
            crate::diagnostic::Severity::Warning
        );
        silent(
            &AnniversaryMismatch,
            &[
                // Another subject: "10 năm thành lập" of the club, not the association's 30.
                "Câu lạc bộ mừng 10 năm thành lập\n\nNhân dịp kỷ niệm 30 năm Ngày thành lập Hội Khuyến học Việt Nam (2/10/1996 - 2/10/2026), câu lạc bộ gặp mặt.",
            ],
        );
    }

    #[test]
    fn shows_the_arithmetic_with_both_years_as_evidence() {
        let text = "Kỷ niệm 75 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024).";
        let found = check(&AnniversaryMismatch, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "75");
        assert_eq!(
            found[0].message.vi,
            "“75 năm” không khớp với các mốc năm: 2024 − 1954 = 70"
        );
        let related: Vec<&str> = found[0]
            .related
            .iter()
            .map(|r| &text[r.span.clone()])
            .collect();
        assert_eq!(related, vec!["1954", "2024"]);
    }

    #[test]
    fn an_undated_range_of_a_founding_is_trusted_whatever_years_follow() {
        flags_each(
            &AnniversaryMismatch,
            &[(
                "Huyện đoàn kỷ niệm tròn 90 năm Ngày thành lập Đoàn (1931 - 2026). Đại hội nhiệm kỳ 2027 - 2032 sẽ tổ chức sau.",
                &["90"],
            )],
        );
        silent(
            &AnniversaryMismatch,
            &[
                "Kỷ niệm 135 năm ngày sinh đồng chí Lê Hồng (1890 - 1969) trong nhiệm kỳ 2027 - 2032.",
            ],
        );
    }

    #[test]
    fn a_founding_year_is_compared_with_the_year_of_publication() {
        flags_each(
            &AnniversaryMismatch,
            &[
                (
                    "Hà Tĩnh, ngày 15 tháng 8 năm 2025\n\nXã chào mừng 78 năm Ngày truyền thống lực lượng Công an nhân dân (19/8/1945), với nhiều hoạt động.",
                    &["78"],
                ),
                (
                    "Nam Định, thứ Sáu, 27/2/2026\n\nBệnh viện khám miễn phí\n\nBệnh viện được thành lập năm 1956, khi ấy chỉ có 50 giường. Nhân kỷ niệm 67 năm thành lập, bệnh viện khám miễn phí cho người cao tuổi.",
                    &["67"],
                ),
            ],
        );
        silent(
            &AnniversaryMismatch,
            &[
                // A year early or late: the celebration need not fall on the day.
                "Nam Định, thứ Sáu, 27/2/2026\n\nBệnh viện khám miễn phí\n\nBệnh viện được thành lập năm 1956. Nhân kỷ niệm 69 năm thành lập, bệnh viện khám miễn phí.",
                // Two founding years: which one is meant is not known.
                "Nam Định, thứ Sáu, 27/2/2026\n\nBệnh viện khám miễn phí\n\nBệnh viện được thành lập năm 1956. Khoa Nhi thành lập năm 1990. Nhân kỷ niệm 67 năm thành lập, bệnh viện khám miễn phí.",
                // Far off: another body's anniversary.
                "Nam Định, thứ Sáu, 27/2/2026\n\nBệnh viện khám miễn phí\n\nBệnh viện được thành lập năm 1956. Nhân kỷ niệm 95 năm thành lập Đoàn, bệnh viện khám miễn phí.",
            ],
        );
    }

    #[test]
    fn spans_retold_by_growth_springs_or_from_the_headline() {
        flags_each(
            &AnniversaryMismatch,
            &[
                (
                    "Cập nhật: 22/11/2025\n\nTrường kỷ niệm tròn 50 năm ngày thành lập trường (1975 - 2025). Trải qua 49 năm xây dựng và trưởng thành, trường có 36 lớp.",
                    &["49"],
                ),
                (
                    "Hội kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam (14/10/1930 - 14/10/2025). Diễn văn nhắc lại: 93 mùa xuân đã qua.",
                    &["93"],
                ),
                (
                    "Bệnh viện: 69 năm một chặng đường\n\nBệnh viện kỷ niệm 70 năm ngày thành lập (1956 - 2026) vào Chủ nhật.",
                    &["69"],
                ),
                (
                    "Kỷ niệm 36 năm Ngày thành lập Hội Cựu chiến binh Việt Nam (6/12/1989 - 6/12/2025). Ông nhắc lại: tròn 35 năm trước, Hội ra đời.",
                    &["35"],
                ),
            ],
        );
        silent(
            &AnniversaryMismatch,
            &[
                // Short spans are anything's: a plan, a term.
                "Kỷ niệm 10 năm ngày thành lập (2015 - 2025). Sau 8 năm, dự án hoàn thành.",
                "Trường kỷ niệm 50 năm ngày thành lập (1975 - 2025). Thầy Hùng có hơn 48 năm xây dựng phong trào.",
            ],
        );
    }

    #[test]
    fn the_body_own_anniversary_periods_and_a_founding_told_by_ra_doi() {
        flags_each(
            &AnniversaryMismatch,
            &[
                // The body names the anniversary twice; the mention without years is off.
                (
                    "Thư mời\n\nPhường dời Lễ kỷ niệm 41 năm ngày thành lập phường sang tháng sau. Lễ kỷ niệm 40 năm ngày thành lập (1/7/1985 - 1/7/2025) sẽ có diễu hành.",
                    &["41"],
                ),
                // A period told by its years alone, not called an anniversary.
                (
                    "Suốt chặng đường ấy, 65 năm qua (5/3/1961 - 5/3/2025), Hội luôn đồng hành.",
                    &["65"],
                ),
                ("Xã khen thưởng 12 hộ tiêu biểu 3 năm (2019-2024).", &["3"]),
                // The same anniversary stated in the headline and the body is one.
                (
                    "KỶ NIỆM 70 NĂM NGÀY THÀNH LẬP TRƯỜNG (1955 - 2025)\n\nTrường kỷ niệm 70 năm ngày thành lập trường (1955 - 2025). Cách đây 71 năm, trường chỉ có hai lớp.",
                    &["71"],
                ),
                // "qua N năm" of ten years or more retells the span.
                (
                    "Công ty kỷ niệm 30 năm ngày thành lập (12/4/1995 - 12/4/2025). Qua 31 năm, công ty mở 9 chi nhánh.",
                    &["31"],
                ),
                // A founding dated in full and told by "ra đời", against the publication.
                (
                    "Ngày đăng: 02/09/2025\n\nNgày 2.9.1972, đánh dấu sự ra đời của trường. Trường tổ chức Lễ kỷ niệm 50 năm thành lập trường.",
                    &["50"],
                ),
            ],
        );
        silent(
            &AnniversaryMismatch,
            &[
                // Both counts of a period between two years are usual.
                "Biểu dương 5 năm (2016-2020) và 5 năm (2020-2025) phong trào thi đua.",
                "Chặng đường 64 năm qua (5/3/1961 - 5/3/2025) của Hội.",
                // A past celebration states its own year.
                "Lễ kỷ niệm 40 năm ngày thành lập (1/7/1985 - 1/7/2025). Năm 2020, phường tổ chức Lễ kỷ niệm 35 năm ngày thành lập.",
                // Far off the proven count: another anniversary.
                "Lễ kỷ niệm 40 năm ngày thành lập (1/7/1985 - 1/7/2025). Trường tổ chức Lễ kỷ niệm 20 năm ngày thành lập trường.",
                "Ngày đăng: 02/09/2025\n\nNgày 2.9.1972, đánh dấu sự ra đời của trường. Trường tổ chức Lễ kỷ niệm 53 năm thành lập trường.",
            ],
        );
    }
}
