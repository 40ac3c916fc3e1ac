//! The layers of `docs/architecture.md`, checked on the source: each top-level module uses
//! only the modules of the layers below it (and, in the engine layer, its peers), and no
//! two top-level modules use each other through any chain. Test code (`#[cfg(test)]`
//! modules, `tests.rs`, `testing.rs`) and comments are not read: a test may build what it
//! needs from anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module, its layer (lower first) and whether its peers in the layer may
/// use each other.
const LAYERS: &[(&[&str], bool)] = &[
    (&["lists"], false),
    (&["text", "diagnostic", "position"], false),
    (&["document"], false),
    (&["fix"], false),
    (&["report"], false),
    (&["analysis"], false),
    (&["model"], false),
    (&["rules"], false),
    (&["config", "suppress", "baseline", "engine", "root"], true),
    (&["render"], false),
    (&["lsp", "serve", "main"], false),
];

fn layer_of(module: &str) -> Option<(usize, bool)> {
    LAYERS
        .iter()
        .position(|(modules, _)| modules.contains(&module))
        .map(|i| (i, LAYERS[i].1))
}

/// The source without comments, without a trailing `#[cfg(test)]` module and without any
/// other item marked `#[cfg(test)]` (up to the next blank line).
fn code(text: &str) -> String {
    let cut = text.find("#[cfg(test)]\nmod ").unwrap_or(text.len());
    let mut out = Vec::new();
    let mut in_test_item = false;
    for line in text[..cut].lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            in_test_item = true;
        } else if in_test_item && trimmed.is_empty() {
            in_test_item = false;
        } else if !in_test_item && !trimmed.starts_with("//") {
            out.push(line);
        }
    }
    out.join("\n")
}

/// The top-level module a path names after `crate::`: a module of `src/`, or `root` for an
/// item of `lib.rs` itself.
fn target(after: &str, modules: &BTreeSet<String>) -> String {
    let name: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if modules.contains(&name) {
        name
    } else {
        "root".to_string()
    }
}

fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules: BTreeSet<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?.to_string();
            (p.is_dir() || (p.extension()? == "rs" && stem != "lib")).then_some(stem)
        })
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_str().unwrap();
            if !name.ends_with(".rs") || name == "tests.rs" || name == "testing.rs" {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let first = relative
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_str()
                .unwrap();
            let from = match first.strip_suffix(".rs").unwrap_or(first) {
                "lib" => "root".to_string(),
                other => other.to_string(),
            };
            let text = code(&std::fs::read_to_string(&path).unwrap());
            for (at, _) in text.match_indices("crate::") {
                let to = target(&text[at + "crate::".len()..], &modules);
                if to != from {
                    graph.entry(from.clone()).or_default().insert(to);
                }
            }
        }
    }
    graph
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let mut wrong = Vec::new();
    for (from, targets) in uses() {
        let Some((layer, peers)) = layer_of(&from) else {
            wrong.push(format!("src/{from}: not in any layer of tests/layers.rs"));
            continue;
        };
        for to in targets {
            let Some((to_layer, _)) = layer_of(&to) else {
                wrong.push(format!("{from} uses {to}, which is in no layer"));
                continue;
            };
            if to_layer > layer || (to_layer == layer && !peers) {
                wrong.push(format!("{from} uses {to}, a layer above or beside it"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_two_modules_use_each_other() {
    let graph = uses();
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(m) = stack.pop() {
            if m == to {
                return true;
            }
            if seen.insert(m.clone()) {
                stack.extend(graph.get(&m).into_iter().flatten().cloned());
            }
        }
        false
    };
    let cycles: Vec<String> = graph
        .iter()
        .flat_map(|(from, targets)| targets.iter().map(move |to| (from, to)))
        .filter(|(from, to)| reaches(to, from))
        .map(|(from, to)| format!("{from} -> {to} -> … -> {from}"))
        .collect();
    assert!(cycles.is_empty(), "{}", cycles.join("\n"));
}
