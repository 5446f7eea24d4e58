//! `--fix` and `--diff` on real copy (BBC politics-009, which spells `e-mail` where house style is
//! `email`): written atomically, permissions kept, idempotent, and never half-written even when killed.

mod common;
use common::{fixtures, newslint_in, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn draft() -> String {
    fs::read_to_string(fixtures().join("rules/mixed-spelling.txt")).unwrap()
}

fn fixed_draft() -> String {
    draft().replace("e-mail", "email")
}

#[test]
fn diff_shows_the_fix_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), draft()).unwrap();
    let out = newslint_in(dir.path(), &["check", "--diff", "a.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        stdout(&out)
            .matches("+He said: \"Not very good at this email")
            .count(),
        1
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        draft()
    );
}

#[cfg(unix)]
#[test]
fn fix_rewrites_keeping_permissions_and_a_second_run_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, draft()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let out = newslint_in(
        dir.path(),
        &["check", "--fix", "--format", "short", "a.txt"],
        None,
    );
    assert_eq!(stderr(&out), "fixed 3 findings in 1 file\n");
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed_draft());
    assert!(
        !stdout(&out).contains("NL210"),
        "fixed findings are not reported: {}",
        stdout(&out)
    );
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let again = newslint_in(dir.path(), &["check", "--fix", "a.txt"], None);
    assert_eq!(stderr(&again), "");
    assert_eq!(
        fs::metadata(&path).unwrap().modified().unwrap(),
        modified,
        "nothing to fix: not rewritten"
    );
    let entries: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file is left");
}

/// Every copy is the original or fully fixed.
fn assert_whole(dir: &Path, original: &str, fixed: &str) -> usize {
    let mut done = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with('.') {
            continue; // a temporary file the kill left behind; the walker skips hidden files
        }
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text == original || text == fixed,
            "{} is partly written",
            path.display()
        );
        done += usize::from(text == fixed);
    }
    done
}

#[test]
fn a_fix_killed_at_any_moment_leaves_each_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (original, fixed) = (draft(), fixed_draft());
    for i in 0..1000 {
        fs::write(dir.path().join(format!("draft-{i:04}.txt")), &original).unwrap();
    }
    // Kill runs at spread-out moments; each leaves every file whole, and later runs finish the rest.
    for delay_ms in [5, 15, 40, 90, 200] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
            .args(["check", "--fix", "--format", "short"])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        assert_whole(dir.path(), &original, &fixed);
    }
    let last = newslint_in(dir.path(), &["check", "--fix", "."], None);
    assert!(last.status.code().is_some());
    assert_eq!(assert_whole(dir.path(), &original, &fixed), 1000);
}
