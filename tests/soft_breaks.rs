//! Hard-wrapped copy reads like the same copy on one line: a single line break inside a paragraph is a
//! space to every phrase, pattern and grammar match. Each fixture of real copy is wrapped at 72
//! columns by turning spaces into line breaks, so every byte offset stays where it was.

mod common;
use common::{fixtures, newslint_in, stdout};
use serde_json::Value;
use std::fs;

/// `text` with the space before each word that would pass column 72 turned into a line break.
fn wrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut column = 0;
        for (j, word) in paragraph.split(' ').enumerate() {
            if j > 0 {
                if column + 1 + word.chars().count() > 72 {
                    out.push('\n');
                    column = 0;
                } else {
                    out.push(' ');
                    column += 1;
                }
            }
            out.push_str(word);
            column += word.chars().count();
        }
    }
    out
}

/// (code, start, end) of every diagnostic newslint reports for `text` written to a file `name`.
fn findings(name: &str, text: &str) -> Vec<(String, u64, u64)> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    let out = newslint_in(dir.path(), &["check", "--format", "json", name], None);
    let json: Value = serde_json::from_str(&stdout(&out)).expect("JSON output");
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["start"].as_u64().unwrap(),
                d["end"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[track_caller]
fn same_when_wrapped(name: &str, text: &str) {
    let wrapped = wrap(text);
    assert_eq!(wrapped.len(), text.len());
    assert!(wrapped.matches('\n').count() > text.matches('\n').count());
    let one_line = findings(name, text);
    assert!(!one_line.is_empty(), "{name} has findings to compare");
    assert_eq!(findings(name, &wrapped), one_line, "{name} wrapped");
}

#[test]
fn wrapped_rule_fixtures_draw_the_same_findings() {
    for fixture in [
        "overstated-consensus",
        "weasel-attribution",
        "unsourced-hedge",
        "unsourced-claim",
        "vague-source",
        "loaded-attribution-verb",
        "unattributed-quote",
    ] {
        let text = fs::read_to_string(fixtures().join(format!("rules/{fixture}.txt"))).unwrap();
        same_when_wrapped(&format!("{fixture}.txt"), &text);
        same_when_wrapped(&format!("{fixture}.md"), &text);
    }
}

#[test]
fn wrapped_seed_drafts_draw_the_same_findings() {
    // Seed 000 and 003 carry no page furniture in their body paragraphs.
    for seed in ["000_f1e3116a09d4a900.txt", "003_c4404504afc26fe5.txt"] {
        let text = fs::read_to_string(fixtures().join("seeds").join(seed)).unwrap();
        same_when_wrapped(seed, &text);
    }
}

#[test]
fn a_phrase_broken_over_two_lines_is_still_found() {
    // BBC sport-328, wrapped where the phrase spans the break.
    let text = "Woodward's plans\n\nWhen Woodward was appointed last year, it was widely\nbelieved he would rely heavily on his former England players.\n";
    let found = findings("draft.txt", text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "NL202");
}
