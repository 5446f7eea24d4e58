//! The command line as a user runs it: exit codes, inputs (stdin, folders, globs, .gitignore) and bad files.

mod common;
use common::{fixtures, newslint, newslint_in, stderr, stdout};
use std::fs;

#[test]
fn clean_copy_exits_zero_and_prints_nothing() {
    let out = newslint(&["check", "input/lf.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn notes_alone_do_not_fail_the_check() {
    // Seed 002's loaded attribution verb is a note.
    let out = newslint(&[
        "check",
        "--format",
        "short",
        "--select",
        "NL011",
        "seeds/002_d24ae73ce5904a91.txt",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(": note[NL011]: "), "{}", stdout(&out));
}

#[test]
fn findings_exit_one() {
    let out = newslint(&["check", "--format", "short", "rules/unbalanced-quote.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("rules/unbalanced-quote.txt:1:98: warning[NL002]: "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_missing_path_exits_two_and_the_other_files_are_still_linted() {
    let out = newslint(&[
        "check",
        "--format",
        "short",
        "no-such-draft.txt",
        "rules/unbalanced-quote.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no-such-draft.txt: no such file or directory"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("NL002"));
}

#[test]
fn reads_standard_input() {
    let text = fs::read(fixtures().join("rules/unbalanced-quote.txt")).unwrap();
    let out = newslint_in(
        &fixtures(),
        &["check", "--format", "short", "-"],
        Some(&text),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("<stdin>:1:98: warning[NL002]"),
        "{}",
        stdout(&out)
    );
}

/// A folder of copy with a .gitignore, a hidden file, a draft under another extension and a photo.
fn newsroom_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = fs::read_to_string(fixtures().join("rules/unbalanced-quote.txt")).unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    for name in [
        "drafts/a.txt",
        "drafts/b.md",
        "drafts/c.draft",
        "drafts/ignored.txt",
        "drafts/.hidden.txt",
    ] {
        fs::write(dir.path().join(name), &copy).unwrap();
    }
    fs::write(
        dir.path().join("drafts/photo.jpg"),
        [0xff, 0xd8, 0xff, 0x00],
    )
    .unwrap();
    fs::write(dir.path().join(".gitignore"), "ignored.txt\n").unwrap();
    dir
}

fn linted_paths(out: &std::process::Output) -> Vec<String> {
    let mut paths: Vec<String> = stdout(out)
        .lines()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    paths.dedup();
    paths
}

#[test]
fn folders_are_walked_for_copy_honouring_gitignore_and_skipping_hidden_files() {
    let dir = newsroom_folder();
    let out = newslint_in(dir.path(), &["check", "--format", "short", "."], None);
    assert_eq!(
        linted_paths(&out),
        ["./drafts/a.txt", "./drafts/b.md"],
        "{}",
        stderr(&out)
    );
}

#[test]
fn globs_choose_the_files_in_folders() {
    let dir = newsroom_folder();
    let out = newslint_in(
        dir.path(),
        &["check", "--format", "short", "--glob", "*.draft", "drafts"],
        None,
    );
    assert_eq!(linted_paths(&out), ["drafts/c.draft"]);
    let out = newslint_in(
        dir.path(),
        &["check", "--format", "short", "--glob", "!b.md", "drafts"],
        None,
    );
    assert_eq!(linted_paths(&out), ["drafts/a.txt"]);
}

#[test]
fn a_named_file_is_read_even_if_ignored() {
    let dir = newsroom_folder();
    let out = newslint_in(
        dir.path(),
        &["check", "--format", "short", "drafts/ignored.txt"],
        None,
    );
    assert_eq!(linted_paths(&out), ["drafts/ignored.txt"]);
}

#[test]
fn a_binary_file_is_an_error_not_a_crash() {
    let dir = newsroom_folder();
    fs::copy(
        dir.path().join("drafts/photo.jpg"),
        dir.path().join("drafts/photo.txt"),
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "drafts/photo.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: drafts/photo.txt: is a binary file, not copy\n"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_with_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 owners said prices rose.\n",
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "latin1.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: latin1.txt: is not valid UTF-8 (first bad byte at offset 3)\n"
    );
}

#[test]
fn an_empty_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.md"), "").unwrap();
    let out = newslint_in(dir.path(), &["check", "empty.md"], None);
    assert_eq!(out.status.code(), Some(0));
    let out = newslint_in(
        dir.path(),
        &["attributions", "--format", "json", "empty.md"],
        None,
    );
    assert_eq!(
        stdout(&out),
        "[\n  {\n    \"path\": \"empty.md\",\n    \"attributions\": []\n  }\n]\n"
    );
}

/// The spans of `attributions --format json`, with the text each points at in the file.
fn attribution_spans(path: &str) -> Vec<(usize, usize, String)> {
    let out = newslint(&["attributions", "--format", "json", path]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = fs::read(fixtures().join(path)).unwrap();
    let mut spans = Vec::new();
    for a in json[0]["attributions"].as_array().unwrap() {
        for role in ["source", "cue", "content"] {
            if let Some(span) = a[role].as_object() {
                let (start, end) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    String::from_utf8_lossy(&file[start..end]),
                    span["text"].as_str().unwrap(),
                    "{path} {role}"
                );
                spans.push((start, end, span["text"].as_str().unwrap().to_string()));
            }
        }
    }
    spans
}

#[test]
fn attribution_spans_are_byte_offsets_into_the_file_with_crlf_and_bom() {
    let lf = attribution_spans("input/lf.txt");
    assert!(lf.len() >= 9, "{lf:?}");
    let crlf = attribution_spans("input/crlf.txt");
    let texts = |s: &[(usize, usize, String)]| {
        s.iter()
            .map(|(_, _, t)| t.replace("\r\n", "\n"))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&crlf), texts(&lf));
    let bom = attribution_spans("input/bom.txt");
    assert_eq!(texts(&bom), texts(&lf));
    assert_eq!(
        bom[0].0,
        lf[0].0 + 3,
        "the BOM's three bytes shift every offset"
    );
}

#[test]
fn markdown_syntax_front_matter_and_code_are_not_copy() {
    let spans = attribution_spans("input/story.md");
    assert!(
        spans
            .iter()
            .any(|(_, _, t)| t == "Rex Tillerson" || t.contains("Tillerson"))
    );
    assert!(
        spans.iter().all(|(_, _, t)| !t.contains("](https")),
        "{spans:?}"
    );
    // The fenced block holds an unclosed quotation; it is code, not copy, so nothing is reported.
    let out = newslint(&["check", "input/story.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn explain_prints_a_rules_documentation() {
    let out = newslint(&["explain", "NL001"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("NL001 unattributed-quote (warning)"));
    assert!(stdout(&out).contains("## Why is this bad?"));
    let by_name = newslint(&["explain", "unbalanced-quote"]);
    assert!(stdout(&by_name).starts_with("NL002"));
    let unknown = newslint(&["explain", "NL999"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let coloured = newslint(&["check", "--color", "always", "rules/unbalanced-quote.txt"]);
    assert!(stdout(&coloured).contains("\u{1b}["));
    let plain = newslint(&["check", "--color", "never", "rules/unbalanced-quote.txt"]);
    assert!(!stdout(&plain).contains("\u{1b}["));
}

#[test]
fn a_bad_cue_lexicon_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("cues.yaml"),
        "cues:\n  - { verb: opine, tone: snarky }\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), "").unwrap();
    let out = newslint_in(
        dir.path(),
        &["attributions", "--cues", "cues.yaml", "a.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("┌─ cues.yaml:2:26"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("snarky"), "{}", stderr(&out));
}

#[test]
fn user_cues_extend_the_lexicon() {
    // BBC business-287: "remarks" is not a cue in the default lexicon (it is more often a noun).
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixtures().join("input/remarks.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    let before = newslint_in(dir.path(), &["attributions", "a.txt"], None);
    assert_eq!(stdout(&before), "");
    fs::write(
        dir.path().join("cues.yaml"),
        "cues:\n  - { verb: remark, forms: [remarks] }\n",
    )
    .unwrap();
    let after = newslint_in(
        dir.path(),
        &["attributions", "--cues", "cues.yaml", "a.txt"],
        None,
    );
    assert_eq!(
        stdout(&after),
        "a.txt:1:83  he  remarks  “\"I think this is because the food industry and the environme…”\n"
    );
}

#[test]
fn output_is_the_same_on_one_thread_and_many() {
    let one = newslint(&[
        "check", "--format", "json", "-j", "1", "seeds", "rules", "input",
    ]);
    let many = newslint(&[
        "check", "--format", "json", "-j", "4", "seeds", "rules", "input",
    ]);
    assert_eq!(stdout(&one), stdout(&many));
    let json: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    let keys: Vec<(String, u64)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "diagnostics come sorted by path and offset");
}

#[test]
fn partial_quotes_from_a_document_are_not_unattributed_speech() {
    // BBC politics-122: "will have to \"demonstrate they have an acceptable standard of health\"".
    let out = newslint(&[
        "check",
        "--format",
        "short",
        "--select",
        "NL001",
        "rules/partial-quotes.txt",
    ]);
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_story_set_is_checked_across_its_drafts() {
    // The five seed articles disagree: Sergey/Sergei Lavrov, Foreign Minister/Secretary, Tillerson's words, G20/G-20.
    let alone = stdout(&newslint(&["check", "--format", "short", "seeds"]));
    assert!(
        !alone.contains("NL103"),
        "without --story, files are independent"
    );
    let story = stdout(&newslint(&[
        "check", "--format", "short", "--story", "seeds",
    ]));
    for code in ["NL101", "NL103", "NL104", "NL211"] {
        assert!(story.contains(code), "{code} missing:\n{story}");
    }
}

#[test]
fn quotations_are_checked_against_the_record() {
    // Seed 002 against itself: every quotation is found word for word.
    let itself = newslint(&[
        "check",
        "--format",
        "short",
        "--select",
        "NL106,NL107",
        "seeds/002_d24ae73ce5904a91.txt",
        "--against",
        "seeds/002_d24ae73ce5904a91.txt",
    ]);
    assert_eq!(stdout(&itself), "");
    // Seed 001 against seed 002: one drifted quotation, and notes for quotations 002 does not carry.
    let other = stdout(&newslint(&[
        "check",
        "--format",
        "short",
        "--select",
        "NL106,NL107",
        "seeds/001_72941c000c7f4576.txt",
        "--against",
        "seeds/002_d24ae73ce5904a91.txt",
    ]));
    assert_eq!(other.matches("warning[NL106]").count(), 1, "{other}");
    assert!(other.contains("note[NL107]"), "{other}");
    let missing = newslint(&[
        "check",
        "seeds/001_72941c000c7f4576.txt",
        "--against",
        "no-such-transcript.txt",
    ]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn story_sets_declared_in_the_config() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("drafts/g20")).unwrap();
    for seed in ["000_f1e3116a09d4a900.txt", "003_c4404504afc26fe5.txt"] {
        fs::copy(
            fixtures().join("seeds").join(seed),
            dir.path().join("drafts/g20").join(seed),
        )
        .unwrap();
    }
    let without = stdout(&newslint_in(
        dir.path(),
        &["check", "--format", "short", "drafts"],
        None,
    ));
    assert!(!without.contains("NL103"));
    fs::write(
        dir.path().join(".newslint.yaml"),
        "stories:\n  - name: g20\n    paths: ['drafts/g20/**']\n",
    )
    .unwrap();
    let with = stdout(&newslint_in(
        dir.path(),
        &["check", "--format", "short", "drafts"],
        None,
    ));
    assert!(
        with.contains("warning[NL103]: `Sergei Lavrov` is spelled `Sergey Lavrov` elsewhere"),
        "{with}"
    );
}

#[test]
fn discrepancy_limits_come_from_the_config() {
    // Seed 003's "Sergei Lavrov" against "Sergey Lavrov": one letter apart.
    let dir = tempfile::tempdir().unwrap();
    for seed in ["000_f1e3116a09d4a900.txt", "003_c4404504afc26fe5.txt"] {
        fs::copy(fixtures().join("seeds").join(seed), dir.path().join(seed)).unwrap();
    }
    let default = stdout(&newslint_in(
        dir.path(),
        &["check", "--format", "short", "--story", "."],
        None,
    ));
    assert!(default.contains("NL103"));
    fs::write(
        dir.path().join(".newslint.yaml"),
        "discrepancy:\n  name-max-edits: 0\n",
    )
    .unwrap();
    let strict = stdout(&newslint_in(
        dir.path(),
        &["check", "--format", "short", "--story", "."],
        None,
    ));
    assert!(!strict.contains("NL103"), "{strict}");
}

#[test]
fn how_far_apart_two_counts_may_be_comes_from_the_config() {
    // DUC D0626H: 253 and 247 killed in Nairobi, 2.4% apart; 10 and 11 in Tanzania, 10% apart.
    let dir = tempfile::tempdir().unwrap();
    for file in ["apw-1998-08-29.txt", "xinhua-1998-08-21.txt"] {
        let from = fixtures().join("figures").join("embassy").join(file);
        fs::copy(from, dir.path().join(file)).unwrap();
    }
    let check = |dir: &std::path::Path| {
        stdout(&newslint_in(
            dir,
            &[
                "check", "--format", "short", "--select", "NL105", "--story", ".",
            ],
            None,
        ))
    };
    assert_eq!(check(dir.path()).matches("NL105").count(), 2);
    fs::write(
        dir.path().join(".newslint.yaml"),
        "discrepancy:\n  figure-max-difference: 5\n",
    )
    .unwrap();
    let strict = check(dir.path());
    assert_eq!(strict.matches("NL105").count(), 1, "{strict}");
    assert!(strict.contains("`253 people`"), "{strict}");
}

#[test]
fn fixing_a_draft_keeps_the_discrepancies_of_its_story() {
    // Seeds 000 and 003 spell Lavrov two ways (NL103); 003 also gets the BBC politics-009 paragraph
    // with a house-spelling fix (`e-mail`). Fixing it must check it again with the whole story.
    let dir = tempfile::tempdir().unwrap();
    for seed in ["000_f1e3116a09d4a900.txt", "003_c4404504afc26fe5.txt"] {
        fs::copy(fixtures().join("seeds").join(seed), dir.path().join(seed)).unwrap();
    }
    let bbc = fs::read_to_string(fixtures().join("rules/mixed-spelling.txt")).unwrap();
    let draft = dir.path().join("003_c4404504afc26fe5.txt");
    let text = fs::read_to_string(&draft).unwrap() + "\n" + bbc.lines().nth(2).unwrap() + "\n";
    fs::write(&draft, text).unwrap();
    let out = newslint_in(
        dir.path(),
        &["check", "--format", "short", "--story", "--fix", "."],
        None,
    );
    let fixed = fs::read_to_string(&draft).unwrap();
    assert!(!fixed.contains("e-mail") && fixed.contains("email"));
    assert!(stdout(&out).contains("warning[NL103]"), "{}", stdout(&out));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_suppression_hides_a_misquote_found_against_the_record() {
    // Seed 001 quotes Tillerson's "relitigating" as "re-litigating" (NL106 against seed 002); the desk
    // has judged it acceptable, with a reason, on the line before.
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(fixtures().join("seeds/001_72941c000c7f4576.txt")).unwrap();
    let mut lines: Vec<&str> = seed.split('\n').collect();
    let at = lines
        .iter()
        .position(|l| l.contains("re-litigating"))
        .unwrap();
    lines.insert(
        at,
        "[newslint-disable-next-line NL106 -- the hyphen is house style]",
    );
    fs::write(dir.path().join("001.txt"), lines.join("\n")).unwrap();
    fs::copy(
        fixtures().join("seeds/002_d24ae73ce5904a91.txt"),
        dir.path().join("002.txt"),
    )
    .unwrap();
    let out = stdout(&newslint_in(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "001.txt",
            "--against",
            "002.txt",
        ],
        None,
    ));
    assert!(!out.contains("NL106"), "{out}");
    assert!(!out.contains("NL004"), "{out}");
}
