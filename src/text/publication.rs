//! The publication line a site prints above or below an article ("Ngày đăng 27/06/2024 |
//! 14:46", "Cập nhật lúc 08:30", "Nguồn: …"): data about the document, not its prose.

use crate::lists::META_LINE_PREFIXES;

/// The longest line read as a `date | time` publication line without an opening word.
const SHORT_LINE: usize = 80;

/// Whether a line is a publication line: it opens with one of the openings of
/// `rules/lists/meta-line-prefixes.txt`, or it is a
/// short line of fields separated by " | " with a digit in it ("27/06/2024 | 14:46").
pub fn is_publication_line(line: &str) -> bool {
    let line = line.trim();
    let head: String = line.chars().take(16).flat_map(char::to_lowercase).collect();
    META_LINE_PREFIXES.entries().any(|o| head.starts_with(o))
        || (line.len() < SHORT_LINE
            && line.contains(" | ")
            && line.bytes().any(|b| b.is_ascii_digit()))
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
