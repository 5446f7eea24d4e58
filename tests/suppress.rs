//! Inline suppressions, on real copy (BBC business-417: "The two banks reportedly held talks …").

mod common;
use common::{fixtures, newslint_in, stdout};
use std::fs;

/// The fixture's headline and paragraph, with `directive` on its own line before the paragraph.
fn draft(directive: &str, markdown: bool) -> String {
    let text = fs::read_to_string(fixtures().join("rules/unsourced-hedge.txt")).unwrap();
    let (head, para) = text.split_once("\n\n").unwrap();
    let head = if markdown {
        format!("# {head}")
    } else {
        head.to_string()
    };
    format!("{head}\n\n{directive}\n{}", para.trim_end())
}

fn check(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    stdout(&newslint_in(
        dir.path(),
        &["check", "--format", "short", name],
        None,
    ))
}

#[test]
fn a_markdown_comment_suppresses_the_next_line_with_a_reason() {
    let text = draft(
        "<!-- newslint-disable-next-line NL203 -- the Sunday Express reported the talks -->",
        true,
    );
    assert_eq!(check("a.md", &text), "");
}

#[test]
fn a_bracketed_line_suppresses_in_plain_text_and_is_not_copy() {
    let text = draft(
        "[newslint-disable-next-line unsourced-hedge -- the Sunday Express reported the talks]",
        false,
    );
    assert_eq!(check("a.txt", &text), "");
}

#[test]
fn a_sentence_suppression_covers_only_the_sentence_after_it() {
    let text = fs::read_to_string(fixtures().join("rules/unsourced-hedge.txt")).unwrap();
    let text = text.replace("The two banks reportedly", "[newslint-disable-sentence NL203 -- as the Sunday Express reported] The two banks reportedly");
    assert_eq!(check("a.txt", &text), "");
}

#[test]
fn no_reason_and_no_effect_are_notes() {
    let out = check("a.txt", &draft("[newslint-disable NL201]\n", false));
    assert_eq!(
        out.lines()
            .map(|l| l.split(": ").nth(1).unwrap())
            .collect::<Vec<_>>(),
        ["note[NL003]", "note[NL004]", "warning[NL203]"],
        "{out}"
    );
}

#[test]
fn a_block_runs_to_its_enable() {
    let text = draft(
        "[newslint-disable NL203 -- wire copy, sourced upstream]",
        false,
    ) + "\n[newslint-enable NL203]\n\nThe two banks reportedly held talks in October and November 2004.\n";
    let out = check("a.txt", &text);
    assert_eq!(
        out.lines().count(),
        1,
        "only the copy after the block is flagged: {out}"
    );
    assert!(out.contains("warning[NL203]"));
}

#[test]
fn of_two_suppressions_over_one_finding_the_first_hides_it() {
    // A block over the paragraph, and a next-line suppression inside it: the block is the first to
    // cover the hedge, so the line's suppression hides nothing.
    let text = draft(
        "[newslint-disable NL203 -- wire copy, sourced upstream]\n[newslint-disable-next-line NL203 -- the Sunday Express reported the talks]",
        false,
    );
    let out = check("a.txt", &text);
    assert_eq!(
        out.lines()
            .map(|l| l.split(": ").nth(1).unwrap())
            .collect::<Vec<_>>(),
        ["note[NL004]"],
        "{out}"
    );
    assert!(out.starts_with("a.txt:4:1:"), "{out}");
}

#[test]
fn a_block_ends_only_at_an_enable_of_its_rules() {
    let text = draft(
        "[newslint-disable NL203 -- wire copy, sourced upstream]\n[newslint-enable NL201]",
        false,
    );
    let out = check("a.txt", &text);
    assert!(!out.contains("NL203"), "{out}");
}
