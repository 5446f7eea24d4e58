//! Paths mean the same however they are written: the config's `overrides` and `stories` globs match
//! paths relative to the config's folder, for no path, `.`, `./x`, absolute paths and runs from a
//! subfolder; and a story set applies from any entry point, the rest of the set read from disk.

mod common;
use common::{fixtures, newslint_in, stderr, stdout};
use std::fs;
use std::path::Path;

fn copy_fixture(dir: &Path, fixture: &str, to: &str) {
    let to = dir.join(to);
    fs::create_dir_all(to.parent().unwrap()).unwrap();
    fs::copy(fixtures().join(fixture), to).unwrap();
}

/// A newsroom repository whose config exempts columns from `overstated-consensus` (NL201). Both
/// drafts are BBC business-284's headline and paragraph with "it is clear that"
/// (`tests/fixtures/rules/overstated-consensus.txt`): the column must pass, the news story not.
fn newsroom_with_opinion_override() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        dir.path(),
        "rules/overstated-consensus.txt",
        "opinion/column.txt",
    );
    copy_fixture(
        dir.path(),
        "rules/overstated-consensus.txt",
        "news/story.txt",
    );
    fs::write(
        dir.path().join(".newslint.yaml"),
        "overrides:\n  - paths: ['opinion/**']\n    ignore: [overstated-consensus]\n",
    )
    .unwrap();
    dir
}

fn short(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["check", "--format", "short"];
    all.extend(args);
    let out = newslint_in(dir, &all, None);
    assert_ne!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn an_override_applies_however_the_path_is_written() {
    let dir = newsroom_with_opinion_override();
    let root = dir.path();
    let absolute = root.join("opinion/column.txt").display().to_string();
    for (from, args) in [
        (root.to_path_buf(), vec![]),
        (root.to_path_buf(), vec!["."]),
        (root.to_path_buf(), vec!["opinion"]),
        (root.to_path_buf(), vec!["./opinion/column.txt"]),
        (root.to_path_buf(), vec![absolute.as_str()]),
        (root.join("opinion"), vec![]),
        (root.join("opinion"), vec!["column.txt"]),
        (root.join("news"), vec!["../opinion/column.txt"]),
    ] {
        let out = short(&from, &args);
        assert!(
            !out.contains("column.txt") || !out.contains("NL201"),
            "from {from:?} with {args:?}: {out}"
        );
    }
    for (from, args) in [
        (root.to_path_buf(), vec!["."]),
        (root.join("news"), vec!["story.txt"]),
        (root.join("opinion"), vec!["../news/story.txt"]),
    ] {
        let out = short(&from, &args);
        assert!(
            out.contains("story.txt") && out.contains("NL201"),
            "the news story is still held to the rule, from {from:?} with {args:?}: {out}"
        );
    }
}

/// Two reports of one story in `embassy/`: DUC cluster D0626H, Xinhua XIE19980821.0157 (253 killed
/// in Nairobi, 10 in Tanzania) and AP APW19980829.0400 (247 and 11), as in `tests/fixtures/figures`.
fn newsroom_with_story_set() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        dir.path(),
        "figures/embassy/xinhua-1998-08-21.txt",
        "embassy/v1.txt",
    );
    copy_fixture(
        dir.path(),
        "figures/embassy/apw-1998-08-29.txt",
        "embassy/v2.txt",
    );
    fs::write(
        dir.path().join(".newslint.yaml"),
        "stories:\n  - name: embassy\n    paths: ['embassy/**']\n",
    )
    .unwrap();
    dir
}

#[test]
fn naming_one_draft_of_a_story_set_compares_it_with_the_rest_of_the_set() {
    let dir = newsroom_with_story_set();
    let root = dir.path();
    for (from, args, shown) in [
        (root.to_path_buf(), vec!["embassy/v2.txt"], "embassy/v2.txt"),
        (
            root.to_path_buf(),
            vec!["./embassy/v2.txt"],
            "./embassy/v2.txt",
        ),
        (root.join("embassy"), vec!["v2.txt"], "v2.txt"),
    ] {
        let out = short(&from, &args);
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("{shown}:")) && l.contains("[NL105]")),
            "from {from:?} with {args:?}: {out}"
        );
        assert!(
            out.lines().all(|l| l.starts_with(&format!("{shown}:"))),
            "only findings in the named draft are reported: {out}"
        );
    }
}

#[test]
fn a_whole_story_set_from_a_subfolder_is_still_a_set() {
    let dir = newsroom_with_story_set();
    let out = short(&dir.path().join("embassy"), &[]);
    assert!(out.contains("[NL105]"), "{out}");
}

#[test]
fn the_secondary_label_points_into_the_draft_read_from_disk() {
    let dir = newsroom_with_story_set();
    let out = newslint_in(
        dir.path(),
        &["check", "--color", "never", "embassy/v2.txt"],
        None,
    );
    let human = stdout(&out);
    assert!(human.contains("embassy/v1.txt:1:"), "{human}");
    assert!(human.contains("that figure"), "{human}");
}

#[test]
fn a_draft_outside_every_set_is_checked_alone() {
    let dir = newsroom_with_story_set();
    copy_fixture(
        dir.path(),
        "figures/embassy/xinhua-1998-08-21.txt",
        "other/v1.txt",
    );
    let out = short(dir.path(), &["other/v1.txt"]);
    assert!(!out.contains("NL105"), "{out}");
}

/// Files are reported as they are checked, in order of path as written, whatever order the folders
/// are walked in and the threads finish: `embassy-notes/` is walked after `embassy/` but written
/// before it (`-` sorts before `/`), and the story set's reports fall between the lone files'.
#[test]
fn reports_come_in_order_of_path_with_story_sets_among_lone_files() {
    let dir = newsroom_with_story_set();
    for to in ["a.txt", "embassy-notes/a.txt", "z.txt"] {
        copy_fixture(dir.path(), "rules/overstated-consensus.txt", to);
    }
    let one = short(dir.path(), &["-j", "1"]);
    assert_eq!(one, short(dir.path(), &["-j", "2"]));
    let mut files: Vec<&str> = one.lines().filter_map(|l| l.split(':').next()).collect();
    files.dedup();
    let mut sorted = files.clone();
    sorted.sort_unstable();
    assert_eq!(files, sorted, "{one}");
    for path in [
        "./a.txt",
        "./embassy-notes/a.txt",
        "./embassy/v2.txt",
        "./z.txt",
    ] {
        assert!(files.contains(&path), "{path} is reported: {one}");
    }
    assert!(one.contains("[NL105]"), "the story set is compared: {one}");
}
