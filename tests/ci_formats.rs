//! What CI systems read: SARIF 2.1.0 (checked against the schema's required fields), GitHub Actions
//! annotations, and the failure level.

mod common;
use common::{newslint, newslint_in, stdout};
use serde_json::Value;
use std::fs;

fn sarif(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    serde_json::from_slice(&newslint(&all).stdout).expect("SARIF output is JSON")
}

#[track_caller]
fn required(value: &Value, field: &str) -> Value {
    value
        .get(field)
        .cloned()
        .unwrap_or_else(|| panic!("SARIF requires `{field}` in {value}"))
}

/// The SARIF 2.1.0 schema's required properties, for every object newslint writes.
#[track_caller]
fn assert_valid_sarif(log: &Value) {
    assert_eq!(required(log, "version"), "2.1.0");
    let runs = required(log, "runs");
    assert!(!runs.as_array().unwrap().is_empty());
    for run in runs.as_array().unwrap() {
        let driver = required(&required(run, "tool"), "driver");
        assert!(required(&driver, "name").is_string());
        let rules = driver["rules"].as_array().cloned().unwrap_or_default();
        for rule in &rules {
            assert!(required(rule, "id").is_string());
        }
        for result in run["results"].as_array().unwrap() {
            assert!(required(&required(result, "message"), "text").is_string());
            let rule_id = required(result, "ruleId");
            let index = required(result, "ruleIndex").as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], rule_id, "ruleIndex points at the rule");
            assert!(
                ["none", "note", "warning", "error"].contains(&result["level"].as_str().unwrap())
            );
            let locations = result["locations"].as_array().unwrap().iter();
            let related = result["relatedLocations"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for location in locations.chain(related.iter()) {
                let physical = required(location, "physicalLocation");
                assert!(required(&required(&physical, "artifactLocation"), "uri").is_string());
                let region = required(&physical, "region");
                for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                    assert!(region[key].as_u64().unwrap() >= 1, "{key} is 1-based");
                }
                assert!(
                    region["byteOffset"].as_u64().is_some()
                        && region["byteLength"].as_u64().is_some()
                );
            }
        }
    }
}

#[test]
fn sarif_output_has_every_required_field() {
    let log = sarif(&["seeds", "rules"]);
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.len() >= 10,
        "the seeds and rule fixtures have findings"
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"NL001") && ids.contains(&"NL203"), "{ids:?}");
    assert!(
        rules
            .iter()
            .all(|r| !r["help"]["text"].as_str().unwrap().is_empty()),
        "each rule's why is its help"
    );
}

#[test]
fn sarif_carries_secondary_labels_as_related_locations() {
    // BBC politics-009 spells both `email` and `e-mail`.
    let log = sarif(&["--select", "NL211", "rules/mixed-spelling.txt"]);
    assert_valid_sarif(&log);
    let result = &log["runs"][0]["results"][0];
    let related = &result["relatedLocations"][0];
    assert_eq!(related["message"]["text"], "`e-mail` is used first here");
    common::assert_snapshot(
        "sarif-mixed-spelling",
        &serde_json::to_string_pretty(&log).unwrap(),
    );
}

#[test]
fn github_annotations_one_per_diagnostic() {
    let out = newslint(&["check", "--format", "github", "seeds"]);
    let text = stdout(&out);
    let short = stdout(&newslint(&["check", "--format", "short", "seeds"]));
    assert_eq!(text.lines().count(), short.lines().count());
    assert!(text.lines().all(|l| l.starts_with("::warning file=")
        || l.starts_with("::notice file=")
        || l.starts_with("::error file=")));
    common::assert_snapshot("seeds-check-github", &text);
}

#[test]
fn fail_on_sets_which_severities_fail() {
    // The seeds have warnings and notes, no errors; seed 002's loaded attribution verb is a note.
    assert_eq!(
        newslint(&["check", "--fail-on", "error", "seeds"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(newslint(&["check", "seeds"]).status.code(), Some(1));
    assert_eq!(
        newslint(&[
            "check",
            "--select",
            "NL011",
            "seeds/002_d24ae73ce5904a91.txt"
        ])
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        newslint(&[
            "check",
            "--select",
            "NL011",
            "--fail-on",
            "note",
            "seeds/002_d24ae73ce5904a91.txt"
        ])
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn fail_on_from_the_config_and_per_path() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("drafts/opinion")).unwrap();
    let copy = fs::read_to_string(common::fixtures().join("rules/unsourced-hedge.txt")).unwrap();
    fs::write(dir.path().join("drafts/opinion/column.txt"), &copy).unwrap();
    fs::write(
        dir.path().join(".newslint.yaml"),
        "overrides:\n  - paths: ['drafts/opinion/**']\n    fail-on: error\n",
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "drafts"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "opinion pieces fail only on errors"
    );
    fs::write(dir.path().join(".newslint.yaml"), "fail-on: note\n").unwrap();
    assert_eq!(
        newslint_in(dir.path(), &["check", "drafts"], None)
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        newslint_in(dir.path(), &["check", "--fail-on", "error", "drafts"], None)
            .status
            .code(),
        Some(0)
    );
}
