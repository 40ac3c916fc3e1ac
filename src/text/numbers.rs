//! Numbers as Vietnamese writes them (`.` groups thousands, `,` is the decimal mark), with
//! the English convention understood where a document uses it throughout.

/// How a document writes its numbers, decided from its unambiguous figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `12.455,236`: the Vietnamese convention.
    Vietnamese,
    /// `12,455.236`.
    English,
    /// No figure in the document tells.
    Unknown,
}

/// A parsed figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// Digits written after the decimal mark (the precision the writer stated).
    pub decimals: u8,
    /// True when the reading depends on a convention the document never showed ("1.234").
    pub ambiguous: bool,
}

/// What a single number token says about the convention, if anything.
fn evidence(token: &str) -> Option<NumberStyle> {
    // Most figures have no separator ("2024", "15"): no evidence, told in one pass.
    if !token.bytes().any(|b| b == b'.' || b == b',') {
        return None;
    }
    let dots = token.matches('.').count();
    let commas = token.matches(',').count();
    let groups_of_three_after = |sep: char, s: &str| s.split(sep).skip(1).all(|g| g.len() == 3);
    match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots >= 2 && groups_of_three_after('.', token) => Some(NumberStyle::Vietnamese),
        (1, 0) if !groups_of_three_after('.', token) => Some(NumberStyle::English),
        (0, 1) if !groups_of_three_after(',', token) => Some(NumberStyle::Vietnamese),
        (0, _) if commas >= 2 && groups_of_three_after(',', token) => Some(NumberStyle::English),
        _ if dots > 0 && commas > 0 => {
            let last_comma = token.rfind(',')?;
            let last_dot = token.rfind('.')?;
            if last_comma > last_dot {
                Some(NumberStyle::Vietnamese)
            } else {
                Some(NumberStyle::English)
            }
        }
        _ => None,
    }
}

/// Decides a document's convention from its number tokens: the one with more unambiguous
/// figures wins; a tie or no evidence is `Unknown`.
pub fn detect_style<'a>(tokens: impl IntoIterator<Item = &'a str>) -> NumberStyle {
    let (mut vi, mut en) = (0usize, 0usize);
    for t in tokens {
        match evidence(t) {
            Some(NumberStyle::Vietnamese) => vi += 1,
            Some(NumberStyle::English) => en += 1,
            _ => {}
        }
    }
    match vi.cmp(&en) {
        std::cmp::Ordering::Greater => NumberStyle::Vietnamese,
        std::cmp::Ordering::Less => NumberStyle::English,
        std::cmp::Ordering::Equal => NumberStyle::Unknown,
    }
}

/// Parses a number token under the document's convention. `None` for tokens that are not
/// one figure (`27.6.2024`, `1.23.4`).
pub fn parse(token: &str, style: NumberStyle) -> Option<Figure> {
    // Most figures are plain digits ("2024", "15"): no separator to weigh.
    if (1..=15).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit()) {
        let value = token
            .bytes()
            .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        return Some(Figure {
            value: value as f64,
            decimals: 0,
            ambiguous: false,
        });
    }
    let own = evidence(token);
    let (decimal, group, ambiguous) = match own {
        Some(NumberStyle::Vietnamese) => (',', '.', false),
        Some(NumberStyle::English) => ('.', ',', false),
        _ if !token.contains(['.', ',']) => (',', '.', false),
        _ => match style {
            NumberStyle::English => ('.', ',', false),
            NumberStyle::Vietnamese => (',', '.', false),
            NumberStyle::Unknown => (',', '.', true),
        },
    };
    let (int_part, frac_part) = match token.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (token, None),
    };
    if frac_part.is_some_and(|f| f.contains([decimal, group])) {
        return None;
    }
    let mut groups = int_part.split(group);
    let first = groups.next()?;
    if first.is_empty() {
        return None;
    }
    let mut digits = String::with_capacity(token.len());
    digits.push_str(first);
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        digits.push_str(g);
    }
    let mut decimals = 0;
    if let Some(f) = frac_part {
        digits.push('.');
        digits.push_str(f);
        decimals = u8::try_from(f.len()).unwrap_or(u8::MAX);
    }
    // Only digits and the one mark: `f64::from_str` would also take "nan", "inf", "1e5".
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let value = digits.parse().ok()?;
    Some(Figure {
        value,
        decimals,
        ambiguous,
    })
}

/// Writes `value` with `decimals` digits after the mark, in the given convention.
pub fn format(value: f64, decimals: usize, style: NumberStyle) -> String {
    let plain = format!("{value:.decimals$}");
    let (int_part, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let (sign, int_digits) = int_part
        .strip_prefix('-')
        .map_or(("", int_part), |d| ("-", d));
    let (decimal, group) = match style {
        NumberStyle::English => ('.', ','),
        _ => (',', '.'),
    };
    let mut out = String::from(sign);
    for (i, c) in int_digits.chars().enumerate() {
        if i > 0 && (int_digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::*;

    fn value(token: &str, style: NumberStyle) -> Option<(f64, u8, bool)> {
        parse(token, style).map(|f| (f.value, f.decimals, f.ambiguous))
    }

    #[test]
    fn vietnamese_figures() {
        assert_eq!(value("12.455,236", Unknown), Some((12455.236, 3, false)));
        assert_eq!(value("63,90", Unknown), Some((63.9, 2, false)));
        assert_eq!(value("1.234.567", Unknown), Some((1234567.0, 0, false)));
        assert_eq!(value("06", Unknown), Some((6.0, 0, false)));
    }

    #[test]
    fn english_figures() {
        assert_eq!(value("12,455.236", Unknown), Some((12455.236, 3, false)));
        assert_eq!(value("12.5", Unknown), Some((12.5, 1, false)));
    }

    #[test]
    fn an_ambiguous_figure_follows_the_document_and_says_so_otherwise() {
        assert_eq!(value("1.234", Vietnamese), Some((1234.0, 0, false)));
        assert_eq!(value("1.234", English), Some((1.234, 3, false)));
        assert_eq!(value("1.234", Unknown), Some((1234.0, 0, true)));
    }

    #[test]
    fn dates_and_broken_groups_are_not_figures() {
        assert_eq!(value("27.6.2024", Unknown), None);
        assert_eq!(value("1.23,4", Unknown), None);
    }

    #[test]
    fn words_that_rust_reads_as_floats_are_not_figures() {
        for token in ["nAn", "inf", "Infinity", "1e5", "+5", "-3", "1,5e3"] {
            assert_eq!(value(token, Unknown), None, "{token}");
        }
    }

    #[test]
    fn style_is_decided_by_unambiguous_figures() {
        assert_eq!(detect_style(["12.455,236", "1.234", "25"]), Vietnamese);
        assert_eq!(detect_style(["12.5", "3.75"]), English);
        assert_eq!(detect_style(["1.234", "25"]), Unknown);
    }

    #[test]
    fn formats_both_ways() {
        assert_eq!(format(63.8963, 2, Vietnamese), "63,90");
        assert_eq!(format(12455.236, 3, Vietnamese), "12.455,236");
        assert_eq!(format(12455.236, 1, English), "12,455.2");
    }
}
