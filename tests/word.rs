//! Word documents (`.docx`) written by a real word processor (LibreOffice, from BBC copy; see
//! `tests/fixtures/README.md`): paragraphs, headings, tables and footnotes are read, tracked
//! insertions are text and deletions are not, comments are not copy. A diagnostic's line is the
//! paragraph's number; `--fix` is refused.

mod common;
use common::{assert_snapshot, fixtures, newslint, newslint_in, stderr, stdout};
use std::fs;

#[test]
fn a_word_draft_is_read_paragraph_by_paragraph_footnotes_included() {
    // BBC business-417: the hedge is in the draft's footnote, the seventh paragraph read.
    let out = newslint(&["check", "--format", "short", "word/draft.docx"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "word/draft.docx:7:15: warning[NL203]: `reportedly` hedges a claim without saying who makes it\n"
    );
    let human = newslint(&["check", "--color", "never", "word/draft.docx"]);
    assert_snapshot("word-draft-human", &stdout(&human));
}

#[test]
fn tracked_insertions_are_copy_and_deletions_and_comments_are_not() {
    // The desk inserted `reportedly` (tracked), deleted `in the Sunday Express` (tracked) and
    // asked in a comment who says so.
    let out = newslint(&["check", "--format", "short", "word/tracked.docx"]);
    assert_eq!(
        stdout(&out),
        "word/tracked.docx:3:15: warning[NL203]: `reportedly` hedges a claim without saying who makes it\n",
        "the comment's own `Reportedly` is not copy"
    );
    let said = stdout(&newslint(&["attributions", "word/tracked.docx"]));
    assert!(
        said.contains("declined") && !said.contains("Sunday Express"),
        "{said}"
    );
}

#[test]
fn fix_is_refused_on_a_word_document_and_the_file_is_untouched() {
    // BBC politics-009 (`e-mail` where house style is `email`) as a Word document.
    let dir = tempfile::tempdir().unwrap();
    let original = fs::read(fixtures().join("word/mixed-spelling.docx")).unwrap();
    fs::write(dir.path().join("a.docx"), &original).unwrap();
    let out = newslint_in(dir.path(), &["check", "--fix", "a.docx"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: a.docx: --fix does not rewrite Word documents; make the changes in Word (--diff shows them)\n"
    );
    assert_eq!(fs::read(dir.path().join("a.docx")).unwrap(), original);
}

#[test]
fn a_file_named_docx_that_is_not_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("draft.docx"),
        "The two banks reportedly held talks.",
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "draft.docx"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: draft.docx: is not a Word document (not a zip archive"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn folders_are_walked_for_word_documents() {
    let out = newslint(&["check", "--format", "short", "--select", "NL203", "word"]);
    let text = stdout(&out);
    let paths: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["word/draft.docx", "word/tracked.docx"]);
}
