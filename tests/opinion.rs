//! Opinion copy (columns, letters, editorials) is held to the news standard for sourcing, not for the
//! writer's own argument: marked by Markdown front matter `kind: column` or by a config override.
//! The fixture is two paragraphs of a signed USA Today column (PolNeAR train, 2015-12-16), as
//! Markdown with front matter and as plain text.

mod common;
use common::{fixtures, newslint, newslint_in, stdout};
use std::fs;

fn codes(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter_map(|l| l.split('[').nth(1)?.split(']').next())
        .collect()
}

#[test]
fn front_matter_kind_keeps_sourcing_rules_and_drops_argument_rules() {
    let column = stdout(&newslint(&[
        "check",
        "--format",
        "short",
        "opinion/column.md",
    ]));
    assert_eq!(codes(&column), ["NL013"], "{column}");
    let same_copy_as_news = stdout(&newslint(&[
        "check",
        "--format",
        "short",
        "opinion/column.txt",
    ]));
    assert_eq!(
        codes(&same_copy_as_news),
        ["NL013", "NL017"],
        "{same_copy_as_news}"
    );
}

#[test]
fn an_override_glob_marks_plain_text_as_opinion() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("opinion")).unwrap();
    fs::copy(
        fixtures().join("opinion/column.txt"),
        dir.path().join("opinion/column.txt"),
    )
    .unwrap();
    fs::write(
        dir.path().join(".newslint.yaml"),
        "overrides:\n  - paths: ['opinion/**']\n    kind: opinion\n",
    )
    .unwrap();
    let out = stdout(&newslint_in(
        dir.path(),
        &["check", "--format", "short", "opinion/column.txt"],
        None,
    ));
    assert_eq!(codes(&out), ["NL013"], "{out}");
}

#[test]
fn explain_says_which_rules_leave_opinion_alone() {
    let explain = stdout(&newslint(&["explain", "unsourced-prediction"]));
    assert!(
        explain
            .lines()
            .next()
            .unwrap()
            .contains("not on opinion copy"),
        "{explain}"
    );
    let explain = stdout(&newslint(&["explain", "unsourced-figure"]));
    assert!(!explain.contains("not on opinion copy"), "{explain}");
}
