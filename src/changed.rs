//! `--changed-since REV`: which lines of each file git says were added or changed since a revision,
//! so that a check in CI reports what a pull request wrote and not what was there before it.
//!
//! The files are still read whole (a quotation's speaker, a story set's other drafts, the sentence
//! around a claim), and only the findings are filtered, by the line of their primary label in the
//! file as on disk. A file git tracks and did not change has no findings; one it does not track (new
//! and not yet added, ignored, outside the repository, standard input) is new copy, all of it
//! changed; one whose change git cannot show by lines (a Word document) is changed all through.
//! The repository is the one that holds the working folder; outside one, the option is an error.

use crate::diagnostic::Diagnostic;
use crate::input::SourceFile;
use crate::span::{LineIndex, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What git says changed since one revision, for the files of one repository.
pub struct Changed {
    /// The repository's top folder, as `canonicalize` gives it.
    top: PathBuf,
    /// The folder that relative paths are read from.
    cwd: PathBuf,
    /// Each changed file, by its path from the top folder.
    files: FxHashMap<PathBuf, Lines>,
    /// Every file git tracks, by its path from the top folder.
    tracked: FxHashSet<PathBuf>,
}

/// The lines of one file that count as changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lines {
    All,
    /// First and last line (from 1) of each run of added lines, in order.
    Runs(Vec<(usize, usize)>),
}

impl Changed {
    /// Asks git, in the repository that holds `cwd`, what changed between `revision` and the files
    /// as they are now (staged or not).
    pub fn since(revision: &str, cwd: &Path) -> Result<Changed, String> {
        if revision.starts_with('-') {
            return Err(format!("`{revision}` is not a git revision"));
        }
        let top = git(cwd, &["rev-parse", "--show-toplevel"])?;
        let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
        let top = top
            .canonicalize()
            .map_err(|e| format!("cannot read {}: {e}", top.display()))?;
        let diff = [
            "-c",
            "core.quotePath=false",
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--src-prefix=a/",
            "--dst-prefix=b/",
        ];
        let patch = git(
            &top,
            &[&diff[..], &["--unified=0", revision, "--"][..]].concat(),
        )?;
        let counts = git(
            &top,
            &[&diff[..], &["--numstat", "-z", revision, "--"][..]].concat(),
        )?;
        let tracked = git(&top, &["ls-files", "-z"])?;
        // A changed file whose lines git cannot show (a Word document) is changed all through; a
        // renamed file, or one whose mode changed, has only the lines its hunks add.
        let mut files: FxHashMap<PathBuf, Lines> = binary_files(&counts)
            .map(|name| (PathBuf::from(name), Lines::All))
            .collect();
        for (name, runs) in added_lines(&patch) {
            files.insert(PathBuf::from(name), Lines::Runs(runs));
        }
        Ok(Changed {
            top,
            cwd: cwd.to_path_buf(),
            files,
            tracked: tracked
                .split('\0')
                .filter(|n| !n.is_empty())
                .map(PathBuf::from)
                .collect(),
        })
    }

    /// The findings with a label on a changed line of one of `drafts`: where a finding points, or
    /// a place it points back to (a name spelled one way in a changed draft and the other way in
    /// one that did not change). Labels in other files, such as a transcript, do not count.
    pub fn filter(&self, found: Vec<Diagnostic>, drafts: &[&SourceFile]) -> Vec<Diagnostic> {
        let mut read: FxHashMap<String, Option<(Lines, LineIndex)>> = FxHashMap::default();
        found
            .into_iter()
            .filter(|d| {
                std::iter::once(&d.primary)
                    .chain(&d.secondary)
                    .any(|label| {
                        let path = label.path.as_str();
                        if !read.contains_key(path) {
                            let draft = drafts.iter().find(|f| f.path == path);
                            let lines =
                                draft.map(|f| (self.lines_of(path), LineIndex::new(f.original())));
                            read.insert(path.to_string(), lines);
                        }
                        read[path]
                            .as_ref()
                            .is_some_and(|(lines, index)| lines.holds(index, label.span))
                    })
            })
            .collect()
    }

    /// The changed lines of the file read from `path` (as given: from `cwd`, or absolute).
    pub fn lines_of(&self, path: &str) -> Lines {
        let Ok(full) = self.cwd.join(path).canonicalize() else {
            return Lines::All; // standard input, or a file gone since it was read: no history
        };
        let Ok(inside) = full.strip_prefix(&self.top) else {
            return Lines::All;
        };
        match self.files.get(inside) {
            Some(lines) => lines.clone(),
            None if self.tracked.contains(inside) => Lines::Runs(Vec::new()),
            None => Lines::All,
        }
    }
}

impl Lines {
    /// Whether a finding at `span` of the file as on disk (`lines` indexes its text) stands on a
    /// changed line.
    pub fn holds(&self, lines: &LineIndex, span: Span) -> bool {
        match self {
            Lines::All => true,
            Lines::Runs(runs) => {
                let (first, last) = (
                    lines.line(span.start),
                    lines.line(span.end.max(span.start + 1) - 1),
                );
                runs.iter().any(|&(a, b)| a <= last && first <= b)
            }
        }
    }
}

/// The files `git diff --numstat -z` counts no lines of (`-\t-\t`): binary files. A renamed file's
/// record gives its count, then its old and new names as fields of their own.
fn binary_files(counts: &str) -> impl Iterator<Item = &str> {
    let mut fields = counts.split('\0');
    std::iter::from_fn(move || {
        loop {
            let record = fields.next().filter(|r| !r.is_empty())?;
            let mut parts = record.splitn(3, '\t');
            let binary = parts.next() == Some("-") && parts.next() == Some("-");
            let name = match parts.next() {
                Some("") | None => fields.nth(1)?, // renamed: the old name, then the new
                Some(name) => name,
            };
            if binary {
                return Some(name);
            }
        }
    })
}

/// Runs git in `dir`; its output (bytes that are not UTF-8, from a file in another encoding, read
/// as U+FFFD: lines still count the same), or what it said on failing.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    // Named by its subcommand (`git diff`), not every option given to it.
    let command = (0..args.len())
        .find(|&i| !args[i].starts_with('-') && (i == 0 || args[i - 1] != "-c"))
        .map_or("", |i| args[i]);
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        return Err(format!("git {command}: {}", said.trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Each file of a patch made with `--unified=0`, by its new name, with the runs of lines it adds.
/// The lines of a hunk are counted off by its header, so an added line that begins `++ ` is not
/// read as the next file's header.
fn added_lines(patch: &str) -> Vec<(String, Vec<(usize, usize)>)> {
    let mut files: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    let mut lines = patch.lines();
    while let Some(line) = lines.next() {
        if let Some(name) = line.strip_prefix("+++ ") {
            // git ends a name that holds a space with a tab, for patch(1).
            let name = unquote(name.strip_suffix('\t').unwrap_or(name));
            if let Some(name) = name.strip_prefix("b/") {
                files.push((name.to_string(), Vec::new()));
            }
        } else if let Some((old, new)) = hunk(line) {
            if let (Some((_, runs)), (start, count @ 1..)) = (files.last_mut(), new) {
                runs.push((start, start + count - 1));
            }
            // The hunk's own lines: removed, then added, and notes like `\ No newline at end of file`.
            let mut left = old.1 + new.1;
            while left > 0 {
                match lines.next() {
                    Some(l) if l.starts_with('\\') => {}
                    Some(_) => left -= 1,
                    None => break,
                }
            }
        }
    }
    files
}

/// A hunk header's old and new start and length: `@@ -3,2 +3 @@` is `((3, 2), (3, 1))`.
fn hunk(line: &str) -> Option<((usize, usize), (usize, usize))> {
    let ranges = line.strip_prefix("@@ -")?;
    let (old, rest) = ranges.split_once(" +")?;
    let (new, _) = rest.split_once(" @@")?;
    let range = |r: &str| -> Option<(usize, usize)> {
        match r.split_once(',') {
            Some((start, count)) => Some((start.parse().ok()?, count.parse().ok()?)),
            None => Some((r.parse().ok()?, 1)),
        }
    };
    Some((range(old)?, range(new)?))
}

/// A file name as git writes it in a patch header: as is, or in double quotes with C escapes where
/// it holds a quote, a backslash or a control character (`"b/tab\there.md"`).
fn unquote(name: &str) -> String {
    let Some(inner) = name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) else {
        return name.to_string();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut rest = inner.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        let Some((&e, tail)) = rest.split_first() else {
            break;
        };
        rest = tail;
        let octal = |d: u8| (b'0'..=b'7').contains(&d);
        bytes.push(match e {
            b'n' => b'\n',
            b't' => b'\t',
            b'r' => b'\r',
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            d if octal(d) && rest.len() >= 2 && rest[..2].iter().all(|&d| octal(d)) => {
                let value = (d - b'0') * 64 + (rest[0] - b'0') * 8 + (rest[1] - b'0');
                rest = &rest[2..];
                value
            }
            other => other,
        });
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `git diff --unified=0` of two files: one with a line changed and two added, one with lines
    /// removed only; and a new file whose first added line begins `++ `.
    const PATCH: &str = "\
diff --git a/drafts/a.md b/drafts/a.md
index 3b18e51..a8c0f2d 100644
--- a/drafts/a.md
+++ b/drafts/a.md
@@ -4 +4 @@ heading
-alpha
+alpha beta
@@ -9,0 +10,2 @@ heading
+gamma
+delta
diff --git a/drafts/old.md b/drafts/old.md
index 1111111..2222222 100644
--- a/drafts/old.md
+++ b/drafts/old.md
@@ -2,2 +1,0 @@
-one
-two
diff --git a/new.md b/new.md
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.md
@@ -0,0 +1,2 @@
+++ b/not-a-file.md
+epsilon
\\ No newline at end of file
diff --git a/my draft.md b/my draft.md
index 4444444..5555555 100644
--- a/my draft.md\t
+++ b/my draft.md\t
@@ -1 +1 @@
-zeta
+eta
";

    #[test]
    fn each_file_has_the_lines_its_hunks_add() {
        assert_eq!(
            added_lines(PATCH),
            vec![
                ("drafts/a.md".to_string(), vec![(4, 4), (10, 11)]),
                ("drafts/old.md".to_string(), vec![]),
                ("new.md".to_string(), vec![(1, 2)]),
                ("my draft.md".to_string(), vec![(1, 1)]),
            ]
        );
    }

    #[test]
    fn only_files_git_counts_no_lines_of_are_binary() {
        // `git diff --numstat -z`: a text file, a Word document, a renamed Word document.
        let counts = "3\t1\tdrafts/a.md\0-\t-\tdrafts/b.docx\0-\t-\t\0old.docx\0new name.docx\0";
        assert_eq!(
            binary_files(counts).collect::<Vec<_>>(),
            ["drafts/b.docx", "new name.docx"]
        );
        assert_eq!(binary_files("").count(), 0);
    }

    #[test]
    fn a_quoted_name_is_read_with_its_escapes() {
        assert_eq!(unquote("b/plain name.md"), "b/plain name.md");
        assert_eq!(unquote(r#""b/tab\there.md""#), "b/tab\there.md");
        assert_eq!(unquote(r#""b/say \"no\".md""#), "b/say \"no\".md");
        assert_eq!(unquote(r#""b/na\303\257ve.md""#), "b/naïve.md");
    }

    #[test]
    fn a_finding_counts_when_any_of_its_lines_changed() {
        let lines = LineIndex::new("one\ntwo\nthree\nfour\n");
        let runs = Lines::Runs(vec![(2, 2), (4, 4)]);
        let at = |s: usize, e: usize| runs.holds(&lines, Span::new(s, e));
        assert!(!at(0, 3), "line 1");
        assert!(at(4, 7), "line 2");
        assert!(at(0, 7), "lines 1 and 2");
        assert!(!at(8, 13), "line 3");
        assert!(!at(8, 14), "line 3 with its line break");
        assert!(at(14, 14), "an empty span at the start of line 4");
        assert!(Lines::All.holds(&lines, Span::new(0, 3)));
        assert!(!Lines::Runs(Vec::new()).holds(&lines, Span::new(4, 7)));
    }
}
