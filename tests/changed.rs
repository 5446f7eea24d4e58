//! `check --changed-since REV`: only the findings on lines a change added, as a check of a pull
//! request wants them. Each test makes a git repository of seed drafts, commits it, then changes it.

mod common;
use common::{fixtures, newslint_in, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::Command;

/// Runs git in `dir`, with no user or system config (a signing or hook setting must not matter).
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=newslint",
            "-c",
            "user.email=test@example.org",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

fn seed(name: &str) -> String {
    fs::read_to_string(fixtures().join("seeds").join(name)).unwrap()
}

/// `text` without its line `n` (from 1).
fn without_line(text: &str, n: usize) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines.remove(n - 1);
    lines.join("\n")
}

/// A repository whose first commit holds `files`, each as named and with the text given.
fn committed(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    git(dir.path(), &["add", "."]);
    git(
        dir.path(),
        &["commit", "-q", "--no-verify", "-m", "first draft"],
    );
    dir
}

fn changed_since(dir: &Path, extra: &[&str]) -> (String, Option<i32>) {
    let mut args = vec!["check", "--format", "short", "--changed-since", "HEAD"];
    args.extend(extra);
    args.push(".");
    let out = newslint_in(dir, &args, None);
    (stdout(&out), out.status.code())
}

#[test]
fn only_the_lines_a_change_added_are_reported() {
    // Seed 000 was committed without its paragraph 9 (the Russians' account, with `claimed` and
    // `Anonymous U.S. officials`), which the change adds back; seed 002 is committed and unchanged;
    // seed 001 is a new draft git does not track yet.
    let dir = committed(&[
        (
            "000.txt",
            without_line(&seed("000_f1e3116a09d4a900.txt"), 9),
        ),
        ("002.txt", seed("002_d24ae73ce5904a91.txt")),
    ]);
    fs::write(dir.path().join("000.txt"), seed("000_f1e3116a09d4a900.txt")).unwrap();
    fs::write(
        dir.path().join("001 new.txt"),
        seed("001_72941c000c7f4576.txt"),
    )
    .unwrap();
    let (out, code) = changed_since(dir.path(), &[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7, "{out}");
    assert!(
        lines[0].starts_with("./000.txt:9:25: note[NL011]: `claimed`"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("./000.txt:9:496: warning[NL010]: "),
        "{out}"
    );
    // The new draft is new copy: all five of its findings.
    assert!(
        lines[2..].iter().all(|l| l.starts_with("./001 new.txt:")),
        "{out}"
    );
    assert!(
        !out.contains("obviously") && !out.contains("002.txt"),
        "{out}"
    );
    assert_eq!(code, Some(1));
    // Everything committed: nothing changed, nothing to report.
    git(dir.path(), &["add", "."]);
    git(
        dir.path(),
        &["commit", "-q", "--no-verify", "-m", "second draft"],
    );
    assert_eq!(changed_since(dir.path(), &[]), (String::new(), Some(0)));
}

#[test]
fn a_renamed_draft_and_a_name_with_a_space_keep_old_lines_quiet() {
    // A rename changes no line; git writes a name with a space with a tab after it in a patch; and
    // a change to a file in another encoding (not copy) leaves the patch readable.
    let dir = committed(&[
        ("000.txt", seed("000_f1e3116a09d4a900.txt")),
        (
            "my draft.txt",
            without_line(&seed("000_f1e3116a09d4a900.txt"), 9),
        ),
    ]);
    fs::write(dir.path().join("notes.dat"), b"caf\xe9\n").unwrap();
    git(dir.path(), &["add", "notes.dat"]);
    git(dir.path(), &["commit", "-q", "--no-verify", "-m", "notes"]);
    fs::write(dir.path().join("notes.dat"), b"caf\xe9 cr\xe8me\n").unwrap();
    git(dir.path(), &["mv", "000.txt", "000 renamed.txt"]);
    fs::write(
        dir.path().join("my draft.txt"),
        seed("000_f1e3116a09d4a900.txt"),
    )
    .unwrap();
    let (out, _) = changed_since(dir.path(), &[]);
    let places: Vec<&str> = out.lines().map(|l| l.split(": ").next().unwrap()).collect();
    assert_eq!(
        places,
        ["./my draft.txt:9:25", "./my draft.txt:9:496"],
        "{out}"
    );
}

#[test]
fn a_discrepancy_counts_when_the_change_wrote_either_side() {
    // Seed 003 spells `Sergei Lavrov`; seed 000's line 3, which the change adds, spells `Sergey`. The
    // finding stands in 003, which did not change, and points back at the line that did.
    let dir = committed(&[
        (
            "000.txt",
            without_line(&seed("000_f1e3116a09d4a900.txt"), 3),
        ),
        ("003.txt", seed("003_c4404504afc26fe5.txt")),
    ]);
    assert_eq!(
        changed_since(dir.path(), &["--story"]),
        (String::new(), Some(0))
    );
    fs::write(dir.path().join("000.txt"), seed("000_f1e3116a09d4a900.txt")).unwrap();
    let (out, code) = changed_since(dir.path(), &["--story"]);
    assert_eq!(
        out.lines()
            .map(|l| l.split(": ").next().unwrap())
            .collect::<Vec<_>>(),
        ["./000.txt:3:240", "./003.txt:11:391"],
        "{out}"
    );
    assert!(out.contains("NL201") && out.contains("NL103"), "{out}");
    assert_eq!(code, Some(1));
}

#[test]
fn a_fix_rewrites_only_the_changed_lines() {
    // BBC politics-009's paragraph writes `e-mail` three times (NL210, a safe fix). It stands
    // committed in one file, and the change adds it below the headline of another.
    let bbc = fs::read_to_string(fixtures().join("rules/mixed-spelling.txt")).unwrap();
    let headline: String = bbc.split_inclusive('\n').take(2).collect();
    let dir = committed(&[("old.txt", bbc.clone()), ("draft.txt", headline)]);
    fs::write(dir.path().join("draft.txt"), &bbc).unwrap();
    let (out, _) = changed_since(dir.path(), &["--fix"]);
    let draft = fs::read_to_string(dir.path().join("draft.txt")).unwrap();
    assert!(
        !draft.contains("e-mail") && draft.contains("this email Blackberry"),
        "{out}"
    );
    assert_eq!(fs::read_to_string(dir.path().join("old.txt")).unwrap(), bbc);
}

#[test]
fn a_revision_git_does_not_know_is_an_error() {
    let dir = committed(&[("000.txt", seed("000_f1e3116a09d4a900.txt"))]);
    let out = newslint_in(
        dir.path(),
        &["check", "--changed-since", "no-such-branch", "."],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--changed-since: git diff: fatal: bad revision 'no-such-branch'"),
        "{}",
        stderr(&out)
    );
    // Never passed to git as an option of its own.
    let out = newslint_in(
        dir.path(),
        &["check", "--changed-since=--output=x", "."],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`--output=x` is not a git revision"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("x").exists());
}

#[test]
fn outside_a_repository_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("000.txt"), seed("000_f1e3116a09d4a900.txt")).unwrap();
    let out = newslint_in(dir.path(), &["check", "--changed-since", "HEAD", "."], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a git repository"),
        "{}",
        stderr(&out)
    );
}
