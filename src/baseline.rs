//! Baselines, for adopting vnlint on an existing archive: `--write-baseline FILE` records
//! today's findings, `--baseline FILE` then reports only new ones. A finding is recognised
//! by its path, rule, flagged text and a little text around it on its line, not by its
//! line number, so edits elsewhere in the file do not revive it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::report::FileReport;

/// Characters of context kept on each side of a finding.
const CONTEXT_CHARS: usize = 16;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint {
    pub path: String,
    pub rule: String,
    pub text: String,
    pub before: String,
    pub after: String,
}

/// The file `--write-baseline` writes.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Fingerprint>,
}

/// A path as the baseline compares it: forward slashes, no `.` segments, no doubled
/// slashes, so `./drafts/a.txt`, `drafts//a.txt` and `drafts\\a.txt` are one file.
pub fn normalize_path(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let absolute = slashed.starts_with('/');
    let parts: Vec<&str> = slashed
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint of a finding in a report.
pub fn fingerprint(report: &FileReport, d: &Diagnostic) -> Fingerprint {
    let source = &report.source;
    let text = source.get(d.span.clone()).unwrap_or("");
    // Context stays within the line: a new line above or below changes nothing.
    let before: String = {
        let head = &source[..d.span.start.min(source.len())];
        let mut chars: Vec<char> = head
            .chars()
            .rev()
            .take_while(|&c| c != '\n')
            .take(CONTEXT_CHARS)
            .collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = source
        .get(d.span.end..)
        .unwrap_or("")
        .chars()
        .take_while(|&c| c != '\n')
        .take(CONTEXT_CHARS)
        .collect();
    Fingerprint {
        path: normalize_path(&report.path),
        rule: d.rule.to_string(),
        text: squeeze(text),
        before: squeeze(&before),
        after: squeeze(&after),
    }
}

impl Baseline {
    /// Today's findings.
    pub fn from_reports(reports: &[FileReport]) -> Baseline {
        let mut findings: Vec<Fingerprint> = reports
            .iter()
            .flat_map(|r| r.diagnostics.iter().map(move |d| fingerprint(r, d)))
            .collect();
        findings.sort_by(|a, b| (&a.path, &a.rule, &a.text).cmp(&(&b.path, &b.rule, &b.text)));
        Baseline {
            version: 1,
            findings,
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("baseline serialises");
        out.push('\n');
        out
    }

    pub fn from_json(text: &str) -> Result<Baseline, String> {
        let mut baseline: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if baseline.version != 1 {
            return Err(format!("unknown baseline version {}", baseline.version));
        }
        // A baseline written before paths were normalised still matches.
        for f in &mut baseline.findings {
            f.path = normalize_path(&f.path);
        }
        Ok(baseline)
    }

    /// Removes the findings the baseline records (each recorded finding hides one).
    pub fn filter(&self, reports: &mut [FileReport]) {
        let mut budget: HashMap<&Fingerprint, usize> = HashMap::new();
        for f in &self.findings {
            *budget.entry(f).or_default() += 1;
        }
        for report in reports {
            let prints: Vec<Fingerprint> = report
                .diagnostics
                .iter()
                .map(|d| fingerprint(report, d))
                .collect();
            let mut keep = prints.iter().map(|p| match budget.get_mut(p) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            });
            report.diagnostics.retain(|_| keep.next().unwrap_or(true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Format};

    fn report(text: &str) -> FileReport {
        crate::lint_bytes(
            "tin/a.txt",
            text.as_bytes(),
            Format::Plain,
            &Config::default(),
        )
        .unwrap()
    }

    #[test]
    fn recorded_findings_stay_hidden_after_edits_elsewhere() {
        let before = report("Mở đầu.\nA ninh chính trị được giữ vững.\n");
        let baseline = Baseline::from_json(&Baseline::from_reports(&[before]).to_json()).unwrap();
        let mut after = vec![report(
            "Mở đầu dài hơn hẳn.\n\nMột dòng mới.\nA ninh chính trị được giữ vững.\nGiải phòng Thủ đô.\n",
        )];
        baseline.filter(&mut after);
        let left: Vec<&str> = after[0]
            .diagnostics
            .iter()
            .map(|d| &after[0].source[d.span.clone()])
            .collect();
        assert_eq!(left, vec!["Giải phòng"]);
    }

    #[test]
    fn one_recorded_finding_hides_one_occurrence() {
        let baseline = Baseline::from_reports(&[report("A ninh tốt.\n")]);
        let mut after = vec![report("A ninh tốt.\nA ninh tốt.\n")];
        baseline.filter(&mut after);
        assert_eq!(after[0].diagnostics.len(), 1);
    }

    #[test]
    fn paths_match_however_they_were_spelt() {
        let mut written = report("A ninh tốt.\n");
        written.path = "./tin/a.txt".into();
        let baseline = Baseline::from_reports(&[written]);
        assert_eq!(baseline.findings[0].path, "tin/a.txt");
        for spelt in [
            "tin/a.txt",
            "./tin/a.txt",
            "tin//a.txt",
            "tin\\a.txt",
            "./tin/./a.txt",
        ] {
            let mut now = vec![report("A ninh tốt.\n")];
            now[0].path = spelt.into();
            baseline.filter(&mut now);
            assert!(now[0].diagnostics.is_empty(), "{spelt}");
        }
        // An older baseline that kept the "./" still matches.
        let old = r#"{"version":1,"findings":[{"path":"./tin/a.txt","rule":"confusion","text":"A ninh","before":"","after":"tốt."}]}"#;
        let mut now = vec![report("A ninh tốt.\n")];
        Baseline::from_json(old).unwrap().filter(&mut now);
        assert!(now[0].diagnostics.is_empty());
    }
}
