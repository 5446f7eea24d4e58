//! Where copy lives: the formats newslint reads, and that nothing passes unread — a file in a format
//! it does not read, or a run that found no copy, is an error (exit 2), never a silent pass.

mod common;
use common::{fixtures, newslint_in, stderr, stdout};
use std::fs;

/// A folder holding a draft with a finding (BBC business-417's unsourced hedge, as
/// `tests/fixtures/rules/unsourced-hedge.txt`) under the name given.
fn folder_with(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::copy(fixtures().join("rules/unsourced-hedge.txt"), path).unwrap();
    dir
}

#[test]
fn a_named_file_in_a_format_not_read_is_an_error_naming_the_formats_read() {
    let dir = folder_with("draft.txt");
    fs::write(dir.path().join("draft.rtf"), "{\\rtf1 The two banks}").unwrap();
    let out = newslint_in(
        dir.path(),
        &["check", "--format", "short", "draft.rtf", "draft.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: draft.rtf: newslint does not read .rtf files; it reads plain text (.txt, .text), Markdown (.md, .markdown), HTML (.html, .htm), Word (.docx)\n"
    );
    assert!(
        stdout(&out).contains("draft.txt:"),
        "the other files are still checked: {}",
        stdout(&out)
    );
}

#[test]
fn a_named_file_with_no_extension_is_read_as_plain_text() {
    let dir = folder_with("wire/AP-0412");
    let out = newslint_in(
        dir.path(),
        &["check", "--format", "short", "wire/AP-0412"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("NL203"), "{}", stdout(&out));
}

#[test]
fn a_folder_with_no_copy_in_it_is_an_error_not_a_pass() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("exports")).unwrap();
    fs::write(dir.path().join("exports/draft.pdf"), "%PDF-1.4").unwrap();
    for args in [
        &["check", "exports"][..],
        &["check", "--format", "json", "exports"],
    ] {
        let out = newslint_in(dir.path(), args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert_eq!(
            stderr(&out),
            "error: no copy to check: found no file that newslint reads in `exports`; it reads plain text (.txt, .text), Markdown (.md, .markdown), HTML (.html, .htm), Word (.docx)\n"
        );
    }
    let out = newslint_in(dir.path(), &["attributions", "exports"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn globs_that_choose_nothing_read_nothing_and_say_so() {
    let dir = folder_with("drafts/a.txt");
    let out = newslint_in(dir.path(), &["check", "--glob", "*.md", "drafts"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: no copy to check"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn files_that_hold_only_markup_are_not_passed_as_clean() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("stub.md"),
        "---\ntitle: \"\"\nlayout: story\n---\n<div id=\"story-body\"></div>\n",
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "stub.md"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: no copy to check: `stub.md` holds text, but none of it is copy newslint reads (markup, front matter or code alone)\n"
    );
}

#[test]
fn an_empty_draft_beside_copy_is_fine() {
    let dir = folder_with("drafts/a.txt");
    fs::write(dir.path().join("drafts/b.md"), "").unwrap();
    let out = newslint_in(dir.path(), &["check", "--format", "short", "drafts"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}
