//! HTML copy as newsrooms keep it: a CMS export (WordPress's markup, no blank lines between
//! paragraphs) and a plain saved page. Block elements are paragraphs, entities are read as their
//! characters, every diagnostic points at the bytes of the file on disk, and `--fix` rewrites text
//! nodes only.

mod common;
use common::{assert_snapshot, fixtures, newslint, newslint_in, stderr, stdout};
use serde_json::Value;
use std::fs;

/// Each diagnostic's code and the bytes of the file its span covers.
fn found_bytes(path: &str) -> Vec<(String, String)> {
    let out = newslint(&["check", "--format", "json", path]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let raw = fs::read(fixtures().join(path)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (start, end) = (d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap());
            let bytes = &raw[start as usize..end as usize];
            (
                d["code"].as_str().unwrap().to_string(),
                String::from_utf8_lossy(bytes).into_owned(),
            )
        })
        .collect()
}

#[test]
fn a_cms_export_is_read_paragraph_by_paragraph_and_markup_is_not_copy() {
    // BBC business-417: the hedge in the body is found; the same word in the page's JSON-LD script,
    // its navigation and an embedded post is not copy.
    assert_eq!(
        found_bytes("html/wordpress.html"),
        [("NL203".to_string(), "reportedly".to_string())]
    );
    let out = newslint(&["check", "--color", "never", "html/wordpress.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert_snapshot("html-wordpress-human", &stdout(&out));
}

#[test]
fn a_diagnostic_over_an_entity_points_at_the_entity() {
    // BBC business-271 as a saved page, its quotation marks written `&quot;`.
    let found = found_bytes("html/saved-page.html");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "NL001");
    assert!(
        found[0].1.starts_with("&quot;We have two executives"),
        "{found:?}"
    );
    let short = stdout(&newslint(&[
        "check",
        "--format",
        "short",
        "html/saved-page.html",
    ]));
    assert_eq!(
        short,
        "html/saved-page.html:5:344: warning[NL001]: Quotation `We have two executives travelling round …` has no speaker\n"
    );
}

#[test]
fn folders_are_walked_for_html() {
    let out = newslint(&[
        "check",
        "--format",
        "short",
        "--select",
        "NL001,NL203",
        "html",
    ]);
    let text = stdout(&out);
    let paths: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["html/saved-page.html", "html/wordpress.html"]);
}

#[test]
fn fix_rewrites_html_text_nodes_and_never_markup() {
    // BBC politics-009 (`e-mail` against house style's `email`), with `e-mail` in an attribute too.
    let dir = tempfile::tempdir().unwrap();
    let original = fs::read_to_string(fixtures().join("html/mixed-spelling.html")).unwrap();
    fs::write(dir.path().join("a.html"), &original).unwrap();
    let out = newslint_in(
        dir.path(),
        &["check", "--fix", "--format", "short", "a.html"],
        None,
    );
    assert_eq!(stderr(&out), "fixed 3 findings in 1 file\n");
    let fixed = fs::read_to_string(dir.path().join("a.html")).unwrap();
    let expected = original
        .replace("this e-mail", "this email")
        .replace("realised e-mail", "realised email")
        .replace("earlier e-mail", "earlier email");
    assert_eq!(fixed, expected);
    assert!(fixed.contains("data-topic=\"e-mail\"") && fixed.contains("&rsquo;"));
}

#[test]
fn a_page_of_markup_alone_is_not_passed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("app.html"),
        "<!DOCTYPE html><html><head><title>Story</title></head><body><div id=\"root\"></div><script src=\"/app.js\"></script></body></html>\n",
    )
    .unwrap();
    let out = newslint_in(dir.path(), &["check", "app.html"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no copy to check: `app.html` holds text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn attribution_spans_are_bytes_of_the_html_file() {
    let out = newslint(&["attributions", "--format", "json", "html/wordpress.html"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let raw = fs::read(fixtures().join("html/wordpress.html")).unwrap();
    let cues: Vec<&str> = json[0]["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let (start, end) = (
                a["cue"]["start"].as_u64().unwrap(),
                a["cue"]["end"].as_u64().unwrap(),
            );
            assert_eq!(
                &raw[start as usize..end as usize],
                a["cue"]["text"].as_str().unwrap().as_bytes()
            );
            a["cue"]["text"].as_str().unwrap()
        })
        .collect();
    assert!(cues.contains(&"declined"), "{cues:?}");
}
