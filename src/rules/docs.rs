//! A rule's documentation, parsed from the text its file declares once.

use crate::diagnostic::Lang;

/// The sections `vnlint explain` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDocs {
    pub summary: String,
    pub what: String,
    pub why: String,
    pub example: String,
    pub silent_example: String,
}

impl RuleDocs {
    /// Reads the English doc comment (summary, `## What it does`, `## Why`, `## Example`,
    /// `## Silent example`) and the Vietnamese text (summary, `## Tác dụng`, `## Vì sao`);
    /// the examples, Vietnamese text either way, come from the English one.
    pub fn parse(en: &str, vi: &str, lang: Lang) -> RuleDocs {
        let en_sections = sections(en);
        let vi_sections = sections(vi);
        let find = |secs: &[(&str, String)], heading: &str| {
            secs.iter()
                .find(|(h, _)| *h == heading)
                .map_or(String::new(), |(_, body)| body.clone())
        };
        let example = strip_fence(&find(&en_sections, "Example")).to_string();
        let silent_example = strip_fence(&find(&en_sections, "Silent example")).to_string();
        match lang {
            Lang::En => RuleDocs {
                summary: find(&en_sections, ""),
                what: find(&en_sections, "What it does"),
                why: find(&en_sections, "Why"),
                example,
                silent_example,
            },
            Lang::Vi => RuleDocs {
                summary: find(&vi_sections, ""),
                what: find(&vi_sections, "Tác dụng"),
                why: find(&vi_sections, "Vì sao"),
                example,
                silent_example,
            },
        }
    }
}

/// Splits a doc text into (heading, body) pairs; the text before the first heading has the
/// empty heading. Each line loses one leading space (doc comments carry one).
fn sections(doc: &str) -> Vec<(&str, String)> {
    let mut out: Vec<(&str, String)> = Vec::new();
    let mut heading = "";
    let mut body_start = 0;
    let mut offset = 0;
    for line in doc.split_inclusive('\n') {
        let content = line.strip_prefix(' ').unwrap_or(line).trim_end();
        if let Some(h) = content.strip_prefix("## ") {
            out.push((heading, dedent(doc[body_start..offset].trim_end())));
            heading = h.trim();
            body_start = offset + line.len();
        }
        offset += line.len();
    }
    out.push((heading, dedent(doc[body_start..].trim_end())));
    out
}

/// The content of a fenced block, or the text itself when it has no fence.
fn strip_fence(body: &str) -> &str {
    let Some(rest) = body.strip_prefix("```") else {
        return body;
    };
    let rest = rest.split_once('\n').map_or("", |(_, r)| r);
    rest.rsplit_once("```")
        .map_or(rest, |(inner, _)| inner)
        .trim()
}

/// The text with the one leading space of doc-comment lines removed, trimmed.
fn dedent(text: &str) -> String {
    text.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = " Summary line.\n\n ## What it does\n Checks.\n\n ## Why\n Because.\n\n ## Example\n ```text\n Sai  rồi.\n ```\n\n ## Silent example\n ```text\n Đúng rồi.\n ```\n";
    const VI: &str = "Tóm tắt.\n\n## Tác dụng\nKiểm tra.\n\n## Vì sao\nVì thế.";

    #[test]
    fn sections_are_found_in_both_languages() {
        let en = RuleDocs::parse(EN, VI, Lang::En);
        assert_eq!(en.summary, "Summary line.");
        assert_eq!(en.what, "Checks.");
        assert_eq!(en.why, "Because.");
        assert_eq!(en.example, "Sai  rồi.");
        assert_eq!(en.silent_example, "Đúng rồi.");
        let vi = RuleDocs::parse(EN, VI, Lang::Vi);
        assert_eq!(vi.summary, "Tóm tắt.");
        assert_eq!(vi.what, "Kiểm tra.");
        assert_eq!(vi.example, "Sai  rồi.");
    }
}
