//! Breakdowns: a whole and the parts stated after it ("27 ổ dịch, gồm 19 ổ dịch mới và 8
//! ổ dịch cũ"; "400 suất quà, trong đó 250 suất ... và 150 suất ..."; "24 huy chương:
//! Vàng 7, Bạc 8, Đồng 9"). Parts are counted in any noun, with any description after them;
//! a part starts only where a figure follows a separator, so a comma inside a description
//! ("143 tổ ở các thôn, làng và 25 tổ ...") does not split it.

use crate::analysis::cursor::Cursor;
use crate::analysis::figures::FigureAt;
use crate::analysis::lists::{is_glued_figure, is_time_figure};
use crate::lists::{MEASURE_UNITS, PART_COMPARISON_WORDS};
use crate::text::case::Case;
use crate::text::tokens::TokenKind;

/// Tokens looked back from the marker for the whole.
const MAX_WHOLE_DISTANCE: usize = 12;

/// Tokens looked back for a whole counted in the parts' own noun ("trao 40 sổ bảo hiểm
/// ... cho người lao động có hoàn cảnh khó khăn, gồm 25 sổ ...").
const MAX_HEAD_WHOLE_DISTANCE: usize = 24;

/// Tokens a part's description may run before the next part.
const MAX_PART_TOKENS: usize = 20;

/// How the parts are introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// "gồm", "bao gồm", "gồm có", ":": the parts make up the whole.
    Complete,
    /// "trong đó", "trong số đó": the parts are within the whole, perhaps not all of it.
    Within,
}

#[derive(Debug, Clone)]
pub struct Part {
    pub figure: FigureAt,
    /// The lower-case words after the figure (up to three).
    pub noun: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub whole: FigureAt,
    pub noun: Vec<String>,
    pub marker: Marker,
    pub parts: Vec<Part>,
}

impl Breakdown {
    /// The sum of the parts and the tolerance of the figures' precision.
    pub fn sum(&self) -> (f64, f64) {
        let decimals = self
            .parts
            .iter()
            .map(|p| p.figure.figure.decimals)
            .chain([self.whole.figure.decimals])
            .max()
            .unwrap_or(0);
        let sum = self.parts.iter().map(|p| p.figure.figure.value).sum();
        (sum, 0.5 * 10f64.powi(-i32::from(decimals)))
    }

    /// Whether every part is counted in the whole's head noun.
    pub fn parts_in_head_noun(&self) -> bool {
        self.noun.first().is_some_and(|head| {
            self.parts
                .iter()
                .all(|p| p.noun.first().is_some_and(|n| n == head))
        })
    }
}

/// Words between two commas crossed on the way back to the whole ("9 ý kiến, kiến nghị,
/// gồm ..."): a longer run is a clause of its own.
const MAX_CROSSED_WORDS: usize = 3;

/// Tokens from the whole to a marker with no comma before it ("18 tấn rác gồm ...").
const MAX_BARE_DISTANCE: usize = 4;

/// The figures that may be the whole before the marker at `marker`, nearest first: those of
/// its clause that are not a time or a percentage.
fn wholes_before(c: &Cursor<'_>, marker: usize, colon: bool) -> Vec<(FigureAt, bool)> {
    let mut out = Vec::new();
    let Some(mut k) = marker.checked_sub(1) else {
        return out;
    };
    // "9.412 lượt hộ đạt danh hiệu; trong đó ...": a semicolon before the marker as a comma.
    let comma = !colon && (c.is_punct(k, ",") || c.is_punct(k, ";"));
    if comma {
        let Some(j) = k.checked_sub(1) else {
            return out;
        };
        k = j;
    }
    let reach = if comma || colon {
        MAX_HEAD_WHOLE_DISTANCE
    } else {
        MAX_BARE_DISTANCE
    };
    let first = k.saturating_sub(reach);
    let mut words = 0;
    // Past a longer clause between commas, a figure is the whole only when counted in the
    // parts' noun ("146 công trình, phần việc thanh niên với tổng giá trị hơn 3,8 tỷ đồng,
    // gồm 98 công trình ...").
    let mut far = false;
    for j in (first..=k).rev() {
        match c.kind(j) {
            Some(TokenKind::Number) if is_time_figure(c, j) && !colon || is_glued_figure(c, j) => {}
            Some(TokenKind::Number) => {
                if c.is_punct(j + 1, "%") {
                    break;
                }
                if let Some(f) = c.figure_at(j).filter(|f| f.figure.value > 0.0) {
                    out.push((f, far));
                }
            }
            Some(TokenKind::Word) if colon && c.doc.case(c.token(j)) != Case::Lower => break,
            Some(TokenKind::Word) => words += 1,
            Some(TokenKind::Punct) if comma && c.is_punct(j, ",") => {
                far |= words > MAX_CROSSED_WORDS;
                words = 0;
            }
            // A quoted name in the whole's noun phrase.
            Some(TokenKind::Punct) if !colon && matches!(c.text(j), "“" | "”" | "\"") => {}
            _ => break,
        }
    }
    out
}

/// The whole among `candidates`: the nearest counted in the parts' common head noun, or
/// else the nearest that is not a comparison ("trên 90 điểm").
fn pick_whole(
    c: &Cursor<'_>,
    candidates: Vec<(FigureAt, bool)>,
    parts: &[Part],
    marker: usize,
) -> Option<FigureAt> {
    let head = parts[0]
        .noun
        .first()
        .filter(|h| parts.iter().all(|p| p.noun.first() == Some(*h)));
    if let Some(head) = head
        && let Some((f, _)) = candidates
            .iter()
            .find(|(f, _)| c.unit_words(f.at + 1).first() == Some(head))
    {
        return Some(f.clone());
    }
    candidates
        .into_iter()
        .filter(|(_, far)| !far)
        .map(|(f, _)| f)
        .find(|f| {
            marker - f.at <= MAX_WHOLE_DISTANCE
                && f.at
                    .checked_sub(1)
                    .and_then(|j| c.word(j))
                    .is_none_or(|w| !PART_COMPARISON_WORDS.contains(w))
        })
}

/// Words a label may have before a part's figure after "trong đó" ("cấp Trung ương 18 lượt
/// hộ", "trộm cắp tài sản 10 vụ").
const MAX_LABEL_WORDS: usize = 4;

/// How parts are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Labels {
    /// The figure first ("250 suất ...").
    None,
    /// One or two capitalised words ("Vàng 7").
    Capitalised,
    /// After "trong đó", a few words of any case ("cấp tỉnh 264 lượt hộ").
    Words,
}

/// A part's head at `k`: a figure (not a percentage), or a label then a figure. Returns the
/// figure's position.
fn part_at(c: &Cursor<'_>, k: usize, labels: Labels) -> Option<usize> {
    let capital =
        |j: usize| c.kind(j) == Some(TokenKind::Word) && c.doc.case(c.token(j)) != Case::Lower;
    let at = match labels {
        Labels::None => k,
        Labels::Capitalised if capital(k) && c.kind(k + 1) == Some(TokenKind::Number) => k + 1,
        Labels::Capitalised
            if capital(k) && capital(k + 1) && c.kind(k + 2) == Some(TokenKind::Number) =>
        {
            k + 2
        }
        Labels::Words => (k + 1..=k + MAX_LABEL_WORDS)
            .take_while(|&j| c.kind(j - 1) == Some(TokenKind::Word))
            .find(|&j| c.kind(j) == Some(TokenKind::Number))?,
        _ => return None,
    };
    let f = c.figure_at(at)?;
    (f.figure.value >= 0.0 && !c.is_punct(at + 1, "%") && !c.is_punct(at + 1, "/")).then_some(at)
}

/// The parts from `from`; `None` unless at least two are joined by a conjunction (or, for
/// labelled parts, run to the sentence's end).
fn parts_from(c: &Cursor<'_>, from: usize, within: bool) -> Option<Vec<Part>> {
    let labelled = c.kind(from) == Some(TokenKind::Word);
    let capitalised = if labelled {
        Labels::Capitalised
    } else {
        Labels::None
    };
    let (mut at, labelled) = match part_at(c, from, capitalised) {
        Some(at) => (at, capitalised),
        None if within && labelled => (part_at(c, from, Labels::Words)?, Labels::Words),
        None => return None,
    };
    let mut parts = Vec::new();
    let mut joined = false;
    loop {
        parts.push(Part {
            figure: c.figure_at(at)?,
            noun: c.unit_words(at + 1),
        });
        // The description runs to a separator followed by the next part.
        let mut k = at + 1;
        let mut depth = 0usize;
        let next = loop {
            if k >= c.len() || k > at + MAX_PART_TOKENS {
                break None;
            }
            match c.punct(k) {
                Some("(") => depth += 1,
                Some(")") if depth > 0 => depth -= 1,
                Some("." | "!" | "?" | ":" | ")") => break None,
                Some("," | ";") if depth == 0 && joined => break None,
                Some("," | ";") if depth == 0 => {
                    let mut n = k + 1;
                    let and = c.word(n) == Some("và");
                    if and {
                        n += 1;
                    }
                    if let Some(p) = part_at(c, n, labelled) {
                        break Some((p, and));
                    }
                    if c.is_punct(k, ";") {
                        break None;
                    }
                }
                _ => {}
            }
            if depth == 0
                && c.word(k) == Some("và")
                && let Some(p) = part_at(c, k + 1, labelled)
            {
                break Some((p, true));
            }
            k += 1;
        };
        let Some((p, and)) = next else {
            break;
        };
        if joined {
            break;
        }
        joined |= and;
        at = p;
    }
    let to_sentence_end = labelled != Labels::None && parts.len() >= 3;
    (parts.len() >= 2 && (joined || to_sentence_end)).then_some(parts)
}

/// Every breakdown of a block's run of non-space tokens.
pub fn breakdowns(c: &Cursor<'_>) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for p in 0..c.len() {
        // "trong đó", "trong số đó": how many words the phrase takes (its first word
        // asked once).
        let within = if c.word_is(p, "trong") {
            match (c.word(p + 1), c.word(p + 2)) {
                (Some("đó"), _) => Some(2),
                (Some("số"), Some("đó")) => Some(3),
                _ => None,
            }
        } else {
            None
        };
        let (marker, colon, from) = if c.word(p) == Some("gồm") {
            let mut from = p + 1;
            if c.word(from) == Some("có") || c.is_punct(from, ":") {
                from += 1;
            }
            let before = if c.word(p.saturating_sub(1)) == Some("bao") {
                p - 1
            } else {
                p
            };
            (Marker::Complete, before, from)
        } else if within == Some(2) {
            let mut from = p + 2 + usize::from(c.is_punct(p + 2, ","));
            from += usize::from(c.word(from) == Some("có"));
            (Marker::Within, p, from)
        } else if within == Some(3) {
            let from = p + 3 + usize::from(c.word(p + 3) == Some("có"));
            (Marker::Within, p, from)
        } else if c.is_punct(p, ":") {
            (Marker::Complete, p, p + 1)
        } else {
            continue;
        };
        let is_colon = c.is_punct(colon, ":");
        let candidates = wholes_before(c, colon, is_colon);
        if candidates.is_empty() {
            continue;
        }
        let Some(parts) = parts_from(c, from, marker == Marker::Within) else {
            continue;
        };
        let Some(whole) = pick_whole(c, candidates, &parts, colon) else {
            continue;
        };
        // A colon announces a breakdown only right after the whole's noun.
        if is_colon && c.kind(from) != Some(TokenKind::Word) {
            continue;
        }
        let noun = c.unit_words(whole.at + 1);
        // Labelled parts ("Vàng 7") count the whole's noun, not the labels' own things.
        if c.kind(from) == Some(TokenKind::Word)
            && parts
                .iter()
                .any(|p| !p.noun.is_empty() && p.noun.first() != noun.first())
        {
            continue;
        }
        // Measured wholes are split in their own unit ("325 tỷ đồng, gồm 200 tỷ đồng ...").
        let unit = |n: &[String]| n.first().filter(|w| MEASURE_UNITS.contains(w)).cloned();
        let whole_unit = unit(&noun);
        if parts.iter().any(|p| unit(&p.noun) != whole_unit) {
            continue;
        }
        out.push(Breakdown {
            whole,
            noun,
            marker,
            parts,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn read(text: &str) -> Vec<(f64, Vec<f64>)> {
        let doc = Document::from_text(text);
        let sig: Vec<usize> = doc.blocks[0]
            .tokens
            .clone()
            .filter(|&i| doc.tokens[i].kind() != TokenKind::Space)
            .collect();
        breakdowns(&Cursor::new(&doc, &sig))
            .iter()
            .map(|b| {
                (
                    b.whole.figure.value,
                    b.parts.iter().map(|p| p.figure.figure.value).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn reads_parts_in_any_noun_with_descriptions() {
        assert_eq!(
            read(
                "Toàn huyện thành lập 168 tổ, gồm 143 tổ ở các thôn, làng và 25 tổ ở các tổ dân phố."
            ),
            vec![(168.0, vec![143.0, 25.0])]
        );
        assert_eq!(
            read(
                "Quận có 6 phường có chỉ số trên 90 điểm, gồm 4 phường ở phía Bắc và 2 phường ở phía Nam."
            ),
            vec![(6.0, vec![4.0, 2.0])]
        );
        assert_eq!(
            read("Ban Chấp hành gồm 19 đồng chí, gồm 11 nam và 8 nữ."),
            vec![(19.0, vec![11.0, 8.0])]
        );
        assert_eq!(
            read("Đoàn xếp thứ ba với 24 huy chương: Vàng 7, Bạc 8, Đồng 9."),
            vec![(24.0, vec![7.0, 8.0, 9.0])]
        );
        assert_eq!(
            read(
                "Chương trình trao 400 suất quà, trong đó 250 suất do phường trao và 150 suất do doanh nghiệp tài trợ."
            ),
            vec![(400.0, vec![250.0, 150.0])]
        );
    }

    #[test]
    fn reads_labels_after_a_semicolon_and_trong_do() {
        assert_eq!(
            read(
                "Có 9.412 lượt hộ đạt danh hiệu; trong đó cấp Trung ương 18 lượt hộ, cấp tỉnh 264 lượt hộ, cấp huyện 1.930 lượt hộ, cấp xã 7.200 lượt hộ."
            ),
            vec![(9412.0, vec![18.0, 264.0, 1930.0, 7200.0])]
        );
    }

    #[test]
    fn a_whole_in_the_parts_noun_past_a_longer_clause() {
        assert_eq!(
            read(
                "Các cơ sở thực hiện 146 công trình, phần việc thanh niên với tổng giá trị hơn 3,8 tỷ đồng, gồm 98 công trình cấp cơ sở và 48 công trình cấp huyện."
            ),
            vec![(146.0, vec![98.0, 48.0])]
        );
        // In another noun, a figure past such a clause is not taken as the whole.
        assert!(
            read("Xã có 30 hộ, năm nay có thêm nhiều gia đình đăng ký, gồm 20 người trẻ và 15 người già.")
                .is_empty()
        );
    }

    #[test]
    fn other_figures_are_not_parts() {
        assert!(
            read("Đã thăm 73 lượt hội viên, gồm 58 lượt thăm tại nhà và tặng 15 suất quà.")
                .is_empty()
        );
        assert!(read("Quỹ có 325 tỷ đồng, gồm 20 xe và 30 máy.").is_empty());
        assert!(read("Có 120 hộ, gồm 30% hộ nghèo và 20% hộ cận nghèo.").is_empty());
    }
}
