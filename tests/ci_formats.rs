//! What CI systems read: SARIF 2.1.0 (checked against the schema's required fields here, and against
//! the official schema itself when `.ci/run` names it), GitHub Actions annotations, and the failure level.

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
    let mut log = log;
    // The repository root's absolute path differs between checkouts.
    log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] = "file:///[repository]/".into();
    common::assert_snapshot(
        "sarif-mixed-spelling",
        &serde_json::to_string_pretty(&log).unwrap(),
    );
}

#[test]
fn sarif_locations_are_relative_to_the_repository_root() {
    let log = sarif(&["--select", "NL211", "./rules/mixed-spelling.txt"]);
    let artifact =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "tests/fixtures/rules/mixed-spelling.txt");
    assert_eq!(artifact["uriBaseId"], "SRCROOT");
    let root = log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .unwrap();
    let repository = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    assert!(
        root.trim_end_matches('/')
            .ends_with(&*repository.file_name().unwrap().to_string_lossy()),
        "{root}"
    );
}

#[test]
fn sarif_gives_a_file_outside_the_repository_as_a_file_uri() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("hedge draft.txt");
    fs::copy(common::fixtures().join("rules/unsourced-hedge.txt"), &draft).unwrap();
    let log = sarif(&[draft.to_str().unwrap()]);
    let artifact =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = artifact["uri"].as_str().unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/hedge%20draft.txt"),
        "{uri}"
    );
    assert!(artifact.get("uriBaseId").is_none());
}

/// The official SARIF 2.1.0 schema (Draft 4) is not in the repository: `.ci/run` runs this test with
/// `SARIF_SCHEMA` naming `../shared/schemas/sarif-schema-2.1.0.json`.
#[test]
#[ignore = "needs SARIF_SCHEMA, the official schema; .ci/run sets it"]
fn sarif_matches_the_official_schema() {
    let path = std::env::var("SARIF_SCHEMA").expect("SARIF_SCHEMA names the official schema");
    let schema: Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("the official schema compiles");
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("draft.txt");
    fs::copy(
        common::fixtures().join("rules/unsourced-hedge.txt"),
        &outside,
    )
    .unwrap();
    let outside = outside.to_str().unwrap();
    for args in [
        &["seeds", "rules", "input", "front-matter"][..],
        &[outside],
        &["input/lf.txt"],
    ] {
        let log = sarif(args);
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        let mut broken = log.clone();
        broken["runs"][0]["columnKind"] = "bytes".into();
        assert!(!validator.is_valid(&broken), "the check can fail");
    }
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
