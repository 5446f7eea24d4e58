//! Snapshots of what a user sees: every output format on the sample story set, and each rule's rendered
//! diagnostics on its fixture of real copy. A change to a rule or the grammar shows up here as a diff
//! to review (`cargo insta review`). Snapshots live in the top-level `snapshots/` folder.

mod common;
use common::{newslint, stdout};

#[track_caller]
fn snapshot(name: &str, args: &[&str]) {
    let output = stdout(&newslint(args));
    common::assert_snapshot(name, &output);
}

#[test]
fn seeds_attributions_text() {
    snapshot("seeds-attributions-text", &["attributions", "seeds"]);
}

#[test]
fn attributions_json() {
    snapshot(
        "attributions-json",
        &["attributions", "--format", "json", "input/lf.txt"],
    );
}

#[test]
fn seeds_check_human() {
    snapshot("seeds-check-human", &["check", "--color", "never", "seeds"]);
}

#[test]
fn seeds_check_short() {
    snapshot(
        "seeds-check-short",
        &["check", "--format", "short", "seeds"],
    );
}

#[test]
fn seeds_check_json() {
    snapshot("seeds-check-json", &["check", "--format", "json", "seeds"]);
}

#[test]
fn rule_nl001_unattributed_quote() {
    snapshot(
        "NL001-unattributed-quote",
        &["check", "--color", "never", "rules/unattributed-quote.txt"],
    );
}

#[test]
fn rule_nl002_unbalanced_quote() {
    snapshot(
        "NL002-unbalanced-quote",
        &["check", "--color", "never", "rules/unbalanced-quote.txt"],
    );
}

/// Each pack rule's rendered diagnostics on its fixture of real copy, the rule selected alone.
#[test]
fn rule_nl005_invisible_character() {
    snapshot(
        "NL005-invisible-character",
        &["check", "--color", "never", "rules/invisible-character.txt"],
    );
}

#[test]
fn pack_rules_on_their_fixtures() {
    for (code, name) in [
        ("NL010", "vague-source"),
        ("NL011", "loaded-attribution-verb"),
        ("NL012", "unsourced-claim"),
        ("NL013", "unsourced-figure"),
        ("NL014", "evaluative-label"),
        ("NL015", "ascribed-motive"),
        ("NL016", "ascribed-feeling"),
        ("NL017", "unsourced-prediction"),
        ("NL018", "unsourced-cause"),
        ("NL019", "unsourced-record"),
        ("NL020", "unseen-scene"),
        ("NL201", "overstated-consensus"),
        ("NL202", "weasel-attribution"),
        ("NL203", "unsourced-hedge"),
        ("NL204", "loaded-verb"),
        ("NL210", "house-spelling"),
        ("NL211", "mixed-spelling"),
    ] {
        // The BBC paragraph that spells `email` both ways shows both spelling rules.
        let fixture = match name {
            "house-spelling" => "rules/mixed-spelling.txt".to_string(),
            _ => format!("rules/{name}.txt"),
        };
        snapshot(
            &format!("{code}-{name}"),
            &["check", "--color", "never", "--select", code, &fixture],
        );
    }
}

/// The seed story set checked as one story: the discrepancies, with labels in two files each.
#[test]
fn seeds_as_one_story() {
    snapshot(
        "seeds-story-discrepancies",
        &[
            "check",
            "--color",
            "never",
            "--story",
            "--select",
            "NL101,NL102,NL103,NL104,NL105",
            "seeds",
        ],
    );
}

/// One quotation, two speakers, in real copy of one story (DUC D0742J): the New York Times gives the
/// White House's words to the president, Cox Newspapers to his press secretary.
#[test]
fn one_quote_two_speakers() {
    snapshot(
        "NL102-quote-two-speakers",
        &[
            "check", "--color", "never", "--story", "--select", "NL102", "speakers",
        ],
    );
}

/// Figure conflicts in real wire copy of one story (DUC D0626H and D0710C): two death tolls for one
/// blast, and two ages for one person; a hedged toll (`at least 224`) that agrees is not reported.
#[test]
fn figure_conflicts() {
    for story in ["embassy", "ages"] {
        snapshot(
            &format!("NL105-figure-conflict-{story}"),
            &[
                "check",
                "--color",
                "never",
                "--story",
                "--select",
                "NL105",
                &format!("figures/{story}"),
            ],
        );
    }
}

/// Quotations against the record: seed 001 quotes Tillerson's "relitigating" as "re-litigating"
/// (NL106), and quotes others that seed 002, serving as the record, does not hold (NL107 notes).
#[test]
fn quotes_against_the_record() {
    snapshot(
        "against-record",
        &[
            "check",
            "--color",
            "never",
            "--select",
            "NL106,NL107",
            "seeds/001_72941c000c7f4576.txt",
            "--against",
            "seeds/002_d24ae73ce5904a91.txt",
        ],
    );
}
