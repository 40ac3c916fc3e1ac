//! The README's rule table is generated from the registry: this test fails when it is stale
//! and prints the table to paste.

#[test]
fn readme_rule_table_matches_the_registry() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- rules:start -->\n")
        .expect("rules:start marker")
        + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    let expected = vnlint::render::rules_table(vnlint::Lang::En);
    assert_eq!(
        &readme[start..end],
        expected,
        "README.md rule table is stale; replace it with:\n{expected}"
    );
}

/// docs/ci.md once pinned `rev: v0.1.0`, a tag that never existed: every `rev:` it shows is
/// a placeholder for a commit SHA or a full SHA, and no tag.
#[test]
fn ci_docs_pin_no_tag_that_does_not_exist() {
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ci.md")).unwrap();
    let revs: Vec<&str> = ci
        .lines()
        .filter_map(|l| l.trim().strip_prefix("rev:"))
        .map(str::trim)
        .collect();
    assert!(!revs.is_empty(), "docs/ci.md shows a pre-commit rev");
    for rev in revs {
        let sha = rev.len() == 40 && rev.bytes().all(|b| b.is_ascii_hexdigit());
        let placeholder = rev.starts_with('<') && rev.contains("SHA");
        assert!(
            sha || placeholder,
            "docs/ci.md pins rev {rev:?}, not a commit SHA"
        );
    }
}
