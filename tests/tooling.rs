//! The files around newslint: JSON Schemas that editors validate against (checked here against every
//! shipped rule file and an example config), `config --dump`, shell completions and the man page.

mod common;
use common::{fixtures, newslint, newslint_in, stdout};
use newslint::config::Config;
use serde_json::Value;
use std::fs;

fn schema(kind: &str) -> Value {
    serde_json::from_slice(&newslint(&["schema", kind]).stdout).expect("the schema is JSON")
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("YAML reads as JSON values")
}

#[track_caller]
fn valid(schema: &Value, instance: &Value) -> bool {
    jsonschema::validator_for(schema)
        .expect("the schema compiles")
        .is_valid(instance)
}

#[test]
fn every_shipped_rule_file_and_the_cue_lexicon_match_their_schemas() {
    let rules = schema("rules");
    for (path, text) in newslint::rules::DEFAULT_PACK {
        assert!(
            valid(&rules, &yaml(text)),
            "{path} does not match the rule-file schema"
        );
    }
    let newsroom = fs::read_to_string(fixtures().join("rule-tests/newsroom.yaml")).unwrap();
    assert!(valid(&rules, &yaml(&newsroom)));
    let cues = schema("cues");
    assert!(valid(
        &cues,
        &yaml(newslint::grammar::lexicon::DEFAULT_LEXICON)
    ));
}

#[test]
fn the_rule_schema_rejects_what_the_loader_rejects() {
    let rules = schema("rules");
    for name in [
        "unknown-key",
        "wrong-kind",
        "missing-message",
        "field-of-another-kind",
        "blank-exception",
    ] {
        let text = fs::read_to_string(fixtures().join(format!("broken/{name}.yaml"))).unwrap();
        assert!(!valid(&rules, &yaml(&text)), "{name} passes the schema");
    }
}

#[test]
fn the_example_config_matches_the_schema_and_loads() {
    let text = fs::read_to_string(fixtures().join("config/newsroom.newslint.yaml")).unwrap();
    assert!(valid(&schema("config"), &yaml(&text)));
    let config: Config = serde_yaml::from_str(&text).expect("the example config loads");
    assert_eq!(config.overrides[0].paths, ["opinion/**"]);
    assert_eq!(
        config.overrides[0].kind,
        Some(newslint::input::Genre::Opinion)
    );
    assert!(!valid(
        &schema("config"),
        &yaml("ignore: [NL210]\nfail-level: warning\n")
    ));
}

#[test]
fn config_dump_prints_the_merged_configuration() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".newslint.yaml"), "ignore: [NL210]\n").unwrap();
    let out = stdout(&newslint_in(
        dir.path(),
        &["config", "--dump", "--cues", "extra.yaml"],
        None,
    ));
    assert!(out.starts_with("# from: "), "{out}");
    let dumped: Config = serde_yaml::from_str(&out).expect("the dump is a config");
    assert_eq!(dumped.ignore, ["NL210"]);
    assert_eq!(dumped.cues, [std::path::PathBuf::from("extra.yaml")]);
    assert_eq!(
        dumped.fail_on,
        Some(newslint::diagnostic::Severity::Warning)
    );
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&newslint(&["completions", shell]));
        assert!(
            script.contains("newslint") && script.contains("attributions"),
            "{shell}"
        );
    }
    let man = stdout(&newslint(&["man"]));
    assert!(man.contains(".TH newslint 1"));
    assert!(man.contains("check"));
}
