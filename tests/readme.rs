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
