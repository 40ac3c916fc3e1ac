//! The publication line a site prints above or below an article ("Ngày đăng 27/06/2024 |
//! 14:46", "Cập nhật lúc 08:30", "Nguồn: …"): data about the document, not its prose.

use crate::lists::META_LINE_PREFIXES;

/// The longest line read as a `date | time` publication line without an opening word.
const SHORT_LINE: usize = 80;

/// How many characters of a line are compared with the prefixes (a character lowers to at
/// most three, of at most four bytes each).
const HEAD_CHARS: usize = 16;

/// Whether a line is a publication line: it opens with one of the openings of
/// `rules/lists/meta-line-prefixes.txt`, or it is a
/// short line of fields separated by " | " with a digit in it ("27/06/2024 | 14:46").
pub fn is_publication_line(line: &str) -> bool {
    let line = line.trim();
    // The first HEAD_CHARS characters in lower case, on the stack, lowered one character at
    // a time and given up on as soon as no prefix can match: every line of a document is
    // asked, and most part from every prefix in their first character or two.
    let mut buf = [0u8; HEAD_CHARS * 3 * 4];
    let mut len = 0;
    for c in line.chars().take(HEAD_CHARS) {
        for l in c.to_lowercase() {
            len += l.encode_utf8(&mut buf[len..]).len();
        }
        let head = std::str::from_utf8(&buf[..len]).expect("whole characters were written");
        if META_LINE_PREFIXES.entries().any(|o| head.starts_with(o)) {
            return true;
        }
        if !META_LINE_PREFIXES.entries().any(|o| o.starts_with(head)) {
            break;
        }
    }
    is_short_field_line(line)
}

/// A short line of fields separated by " | " with a digit in it ("27/06/2024 | 14:46").
fn is_short_field_line(line: &str) -> bool {
    line.len() < SHORT_LINE && line.contains(" | ") && line.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_lines_and_prose() {
        for line in [
            "Ngày đăng 27/06/2024 | 14:46",
            "CẬP NHẬT: 08:30 28/06/2024",
            "Nguồn: Cổng thông tin quận",
            "Thứ Năm, 27/06/2024 | 14:46",
        ] {
            assert!(is_publication_line(line), "{line}");
        }
        for line in [
            "Ngày 27/6, phường tổ chức hội nghị.",
            "Tin tức | Sự kiện",
            "Cập nhật kiến thức cho cán bộ là việc thường xuyên, năm nay phường mở 12 lớp bồi dưỡng và 3 đợt tập huấn.",
        ] {
            assert_eq!(
                is_publication_line(line),
                line.starts_with("Cập nhật"),
                "{line}"
            );
        }
    }
}
