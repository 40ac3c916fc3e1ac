//! Prints the numbered event mentions `ordinal-mismatch` reads from each file named on the
//! command line, one JSON object a line: file, source byte span, event, organisation words,
//! value, whether bare or in the headline, and the session cues (used by
//! `scripts/ordinal_misses.py` to tell why a case was missed).

use std::path::Path;

use vnlint::analysis::ordinals::Mentions;
use vnlint::document::{Document, Format};

fn main() {
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).expect("a UTF-8 file");
        let doc = Document::parse(&source, 0, Format::from_path(Path::new(&path)));
        let facts = Mentions::build(&doc);
        for (m, cues) in facts.mentions.iter().zip(&facts.cues) {
            let line = serde_json::json!({
                "file": path,
                "span": [doc.map.source_start(m.span.start), doc.map.source_end(m.span.end)],
                "event": m.event,
                "org": m.org,
                "value": m.value,
                "bare": m.bare,
                "in_title": m.in_title,
                "earlier": cues.earlier,
                "later": cues.later,
                "current": cues.current,
            });
            println!("{line}");
        }
    }
}
