//! Every output format on one release with findings of each kind: a snapshot of each, and
//! the structure the consuming tools rely on.

use serde_json::Value;
use vnlint::render::{self, OutputFormat};
use vnlint::{Config, FileReport, Format, Lang};

const RELEASE: &str = "Phường Mai Dịch tổ chức Hội nghị Ban Chấp hành lần thứ 9\nNgày đăng 03/07/2024 | 10:20\n\nNgày 2-7, Đảng ủy phường đã tổ chức Hội nghị lần thứ 10. Thu ngân sách đạt 300 tỷ đồng / 400 tỷ đồng, đạt hơn 76% dự toán.\n\nA ninh chính trị được giữ vững  và ổn định, 100% “hộ” đạt chuẩn.\n";

fn reports() -> Vec<FileReport> {
    vec![
        vnlint::lint_bytes(
            "tin/ban tin.txt",
            RELEASE.as_bytes(),
            Format::Plain,
            &Config::default(),
        )
        .unwrap(),
    ]
}

fn rendered(format: OutputFormat) -> String {
    render::render(format, &reports(), 1, Lang::En, false)
}

#[test]
fn snapshots_of_every_format() {
    for (name, format) in [
        ("concise", OutputFormat::Concise),
        ("github", OutputFormat::Github),
        ("checkstyle", OutputFormat::Checkstyle),
        ("jsonl", OutputFormat::Jsonl),
        ("rdjson", OutputFormat::Rdjson),
    ] {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("format__{name}"), rendered(format));
        });
    }
}

#[test]
fn sarif_has_rules_locations_related_locations_and_fixes() {
    let log: Value = serde_json::from_str(&rendered(OutputFormat::Sarif)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), vnlint::rules::REGISTRY.len());
    assert!(rules.iter().all(|r| {
        r["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    }));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let ordinal = &results[0];
    assert_eq!(ordinal["ruleId"], "ordinal-mismatch");
    assert_eq!(
        rules[ordinal["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "ordinal-mismatch"
    );
    let location = &ordinal["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "tin/ban%20tin.txt");
    assert_eq!(location["region"]["startLine"], 1);
    assert_eq!(location["region"]["startColumn"], 56);
    assert_eq!(location["region"]["snippet"]["text"], "9");
    assert_eq!(
        ordinal["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        "10"
    );
    let confusion = results.iter().find(|r| r["ruleId"] == "confusion").unwrap();
    assert_eq!(
        confusion["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "An ninh"
    );
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, vec!["error", "error", "error", "warning"]);
}

#[test]
fn checkstyle_is_well_formed_xml() {
    let xml = rendered(OutputFormat::Checkstyle);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut errors = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == b"error" => errors += 1,
            _ => {}
        }
    }
    assert_eq!(errors, 4);
}

#[test]
fn json_lines_are_the_json_objects() {
    let array: Vec<Value> = serde_json::from_str(&rendered(OutputFormat::Json)).unwrap();
    let lines: Vec<Value> = rendered(OutputFormat::Jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(array, lines);
}

/// The SARIF log read back through `serde-sarif`, whose types are generated from the SARIF
/// 2.1.0 JSON schema: it must parse (required properties, enumerated values such as `level`
/// and `columnKind`), and writing it out again must lose nothing (no property the schema
/// does not know).
#[test]
fn sarif_conforms_to_the_2_1_0_schema() {
    let text = rendered(OutputFormat::Sarif);
    let ours: Value = serde_json::from_str(&text).unwrap();
    let parsed: serde_sarif::sarif::Sarif = serde_json::from_str(&text).expect("valid SARIF 2.1.0");
    let again = serde_json::to_value(&parsed).unwrap();
    assert_eq!(again, ours);
    // The comparison has teeth: a property outside the schema does not survive it.
    let mut tampered = ours.clone();
    tampered["runs"][0]["results"][0]["severity"] = "error".into();
    let parsed: serde_sarif::sarif::Sarif = serde_json::from_value(tampered.clone()).unwrap();
    assert_ne!(serde_json::to_value(&parsed).unwrap(), tampered);
}

/// One slip written many times: the formats people read show the first five in full and
/// fold the rest into one entry with their places; the machine formats keep every finding,
/// and `--fix` fixes every one.
#[test]
fn a_repeated_finding_is_folded_for_people_and_kept_for_programs() {
    let line = "Cán bộ nghành giáo dục  dự họp.\n";
    let text = line.repeat(30);
    let report = || {
        vnlint::lint_bytes(
            "lap.txt",
            text.as_bytes(),
            Format::Plain,
            &Config::default(),
        )
        .unwrap()
    };
    let per_rule = |rule: &str| {
        report()
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .count()
    };
    assert_eq!(per_rule("double-space"), 30);
    assert_eq!(per_rule("nonword"), 30);
    for (name, format) in [
        ("human", OutputFormat::Human),
        ("concise", OutputFormat::Concise),
    ] {
        let out = render::render(format, &[report()], 1, Lang::En, false);
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("format__folded_{name}"), out);
        });
    }
    let concise = render::render(OutputFormat::Concise, &[report()], 1, Lang::Vi, false);
    // Two rules, each five lines in full and one folded line.
    assert_eq!(concise.lines().count(), 12, "{concise}");
    assert!(
        concise.contains("và 24 chỗ khác giống vậy: 7:"),
        "{concise}"
    );
    let json: Vec<Value> = serde_json::from_str(&render::render(
        OutputFormat::Json,
        &[report()],
        1,
        Lang::En,
        false,
    ))
    .unwrap();
    assert_eq!(json.len(), 60);
    let sarif: Value = serde_json::from_str(&render::render(
        OutputFormat::Sarif,
        &[report()],
        1,
        Lang::En,
        false,
    ))
    .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 60);
    let fixed = vnlint::engine::fix_text(
        "lap.txt",
        text.as_bytes(),
        Format::Plain,
        &Config::default(),
        false,
    )
    .unwrap();
    assert!(!fixed.text.contains("  "), "every doubled space is fixed");
    assert_eq!(fixed.text.lines().count(), 30);
}
