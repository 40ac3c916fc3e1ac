//! Roman numerals as Vietnamese uses them for ordinals and terms (khóa VI, lần thứ XXV).

/// The value of an upper-case Roman numeral in canonical form (I to MMMCMXCIX).
pub fn parse(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let values: Vec<i64> = s.bytes().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // Accept only the canonical spelling of the value (rejects IIII, VX, IC ...).
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..4000).contains(t))?;
    (to_roman(total) == s).then_some(total)
}

/// The canonical Roman numeral for 1..=3999.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_numerals() {
        for (s, v) in [
            ("I", 1),
            ("IV", 4),
            ("VI", 6),
            ("VII", 7),
            ("XXV", 25),
            ("XIX", 19),
        ] {
            assert_eq!(parse(s), Some(v), "{s}");
        }
    }

    #[test]
    fn non_numerals() {
        for s in ["", "IIII", "VX", "IC", "vi", "ABC", "MMMM"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
