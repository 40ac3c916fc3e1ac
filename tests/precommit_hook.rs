//! The pre-commit hook's file pattern takes the files a folder walk takes, in any capitals.

use regex::Regex;

fn hook_pattern() -> Regex {
    let hooks = include_str!("../.pre-commit-hooks.yaml");
    let pattern = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("files: "))
        .expect("a files: pattern");
    Regex::new(pattern).unwrap()
}

#[test]
fn the_hook_pattern_matches_what_the_walk_checks_in_any_case() {
    let pattern = hook_pattern();
    for ext in vnlint::engine::CHECKED_EXTENSIONS {
        for name in [
            format!("tin/a.{ext}"),
            format!("tin/A.{}", ext.to_uppercase()),
        ] {
            assert!(pattern.is_match(&name), "{name}");
        }
    }
    for name in ["a.rs", "a.txt.bak", "README", "a.mdx"] {
        assert!(!pattern.is_match(name), "{name}");
    }
}
