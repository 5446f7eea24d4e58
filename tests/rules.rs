//! The rule engine as users meet it: the default pack's own examples, `newslint test` on a newsroom's
//! rule file, located errors for broken rule files, and `.newslint.yaml`.

mod common;
use common::{fixtures, newslint, newslint_in, stderr, stdout};
use newslint::rules::examples;
use newslint::{Lexicon, Pack};
use std::fs;

#[test]
fn every_example_of_the_default_pack_passes() {
    let outcome = examples::run(Pack::default_pack(), Lexicon::default_lexicon());
    let failures: Vec<String> = outcome.failures.iter().map(|d| d.message.clone()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(
        outcome.passed >= 25,
        "the pack carries its examples ({} ran)",
        outcome.passed
    );
}

#[test]
fn newslint_test_reports_a_failing_example_against_the_rule_file() {
    let out = newslint(&["test", "--color", "never", "rule-tests/newsroom.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    common::assert_snapshot("rule-test-failure", &stdout(&out));
    let default_pack = newslint(&["test"]);
    assert_eq!(default_pack.status.code(), Some(0));
    assert!(
        stdout(&default_pack).ends_with(" passed, 0 failed\n"),
        "{}",
        stdout(&default_pack)
    );
}

#[test]
fn broken_rule_files_are_errors_at_their_line_and_column() {
    let mut names: Vec<_> = fs::read_dir(fixtures().join("broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(
        names.len() >= 5,
        "unknown key, bad regex, missing message, wrong kind, duplicate code"
    );
    for name in names {
        let name = name.to_string_lossy().into_owned();
        let out = newslint(&["test", &format!("broken/{name}")]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let snapshot = format!("broken-{}", name.trim_end_matches(".yaml"));
        common::assert_snapshot(&snapshot, &stderr(&out));
    }
}

#[test]
fn rules_lists_code_and_pack_rules_and_explain_prints_a_pack_rule() {
    let list = stdout(&newslint(&["rules"]));
    for code in [
        "NL001", "NL002", "NL010", "NL011", "NL012", "NL013", "NL014", "NL015", "NL016", "NL017",
        "NL018", "NL019", "NL020", "NL201", "NL202", "NL203", "NL204", "NL210", "NL211",
    ] {
        assert!(list.contains(code), "{code} missing from:\n{list}");
    }
    let explain = stdout(&newslint(&["explain", "unsourced-hedge"]));
    assert!(explain.starts_with(
        "NL203 unsourced-hedge (warning, needs-attribution, in narration only, where no named source answers for it in what it says)"
    ));
    assert!(
        explain.contains("Flags:\n    The two banks reportedly held talks"),
        "{explain}"
    );
    assert!(explain.contains("help: Say who reports or alleges it"));
}

/// Every rule written in Rust (code rules, suppression notes, discrepancies) and every rule of the
/// embedded pack is listed once by `rules`, explained by `explain` under its code and its name,
/// described once in SARIF's `tool.driver.rules`, and has its row in the README's rules table with the
/// kind and severity `rules` gives it.
#[test]
fn every_rule_is_listed_explained_described_in_sarif_and_in_the_readme() {
    let rules: Vec<(String, String)> = newslint::checks::builtins()
        .map(|r| (r.code.to_string(), r.name.to_string()))
        .chain(
            Pack::default_pack()
                .rules
                .iter()
                .map(|l| (l.rule.code.0.clone(), l.rule.name.0.clone())),
        )
        .collect();
    let list = stdout(&newslint(&["rules"]));
    assert_eq!(list.lines().count(), rules.len(), "{list}");
    let sarif = newslint(&["check", "--format", "sarif", "rules/unbalanced-quote.txt"]);
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let described = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(described.len(), rules.len());
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (code, name) in &rules {
        let lines: Vec<&str> = list
            .lines()
            .filter(|l| l.starts_with(&format!("{code}  {name} ")))
            .collect();
        assert_eq!(lines.len(), 1, "{code} {name} in:\n{list}");
        let fields: Vec<&str> = lines[0].split_whitespace().collect();
        let row = format!("| {code} | `{name}` | {} | {} |", fields[2], fields[3]);
        assert!(readme.contains(&row), "the README has no row `{row}`");
        for key in [code, name] {
            let explained = newslint(&["explain", key]);
            assert_eq!(explained.status.code(), Some(0), "explain {key}");
            assert!(stdout(&explained).starts_with(&format!("{code} {name} (")));
        }
        let ids = described.iter().filter(|r| r["id"] == code.as_str());
        assert_eq!(ids.count(), 1, "{code} in SARIF");
    }
}

/// A project with its own rule folder and a config, and a draft from real BBC copy (business-417).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("house-rules")).unwrap();
    fs::copy(
        fixtures().join("rule-tests/newsroom.yaml"),
        dir.path().join("house-rules/newsroom.yaml"),
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("drafts/opinion")).unwrap();
    let copy = fs::read_to_string(fixtures().join("rules/unsourced-hedge.txt")).unwrap();
    fs::write(dir.path().join("drafts/story.txt"), &copy).unwrap();
    fs::write(dir.path().join("drafts/opinion/column.txt"), &copy).unwrap();
    let scandal =
        "Several former top Parmalat executives are under investigation for the fraud scandal.\n"; // bbc/business-048
    fs::write(dir.path().join("drafts/scandal.txt"), scandal).unwrap();
    dir
}

fn codes(out: &std::process::Output) -> Vec<String> {
    stdout(out)
        .lines()
        .map(|l| l.split(": ").nth(1).unwrap_or("").to_string())
        .collect()
}

#[test]
fn config_adds_rule_folders_and_changes_severities_per_path() {
    let dir = project();
    fs::write(
        dir.path().join(".newslint.yaml"),
        "rules: [house-rules]\nseverity: { NL203: note }\noverrides:\n  - paths: ['drafts/opinion/**']\n    ignore: [unsourced-hedge]\n",
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "--format", "short", "drafts"], None);
    assert_eq!(
        codes(&out),
        ["warning[NL950]", "note[NL203]"],
        "the house rule runs, NL203 is a note, and opinion/ drops it:\n{}",
        stdout(&out)
    );
}

#[test]
fn select_and_ignore_on_the_command_line() {
    let dir = project();
    let selected = newslint_in(
        dir.path(),
        &["check", "--format", "short", "--select", "NL203", "drafts"],
        None,
    );
    assert_eq!(codes(&selected), ["warning[NL203]", "warning[NL203]"]);
    let ignored = newslint_in(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--ignore",
            "NL203,NL002",
            "drafts",
        ],
        None,
    );
    assert_eq!(stdout(&ignored), "");
    assert_eq!(ignored.status.code(), Some(0));
}

#[test]
fn a_broken_config_is_an_error_at_its_line() {
    let dir = project();
    fs::write(
        dir.path().join(".newslint.yaml"),
        "ignore: [NL203]\nfail-level: warning\n",
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "drafts"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown field `fail-level`"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(".newslint.yaml:2:1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_vague_source_of_two_cues_is_one_finding() {
    // BBC business-294: `predicted` and `saying` share the source `Some analysts`.
    let copy = b"Some analysts predicted that the jump in share prices would be short-lived, saying investors would quickly focus once again on the health of the US economy.\n";
    let out = newslint_in(
        &fixtures(),
        &["check", "--format", "short", "--select", "NL010", "-"],
        Some(copy),
    );
    let found = stdout(&out);
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(found.contains("`Some analysts` does not say who is speaking"));
}
