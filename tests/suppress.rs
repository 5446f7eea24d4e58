//! Inline suppressions, on real copy (BBC business-417: "The two banks reportedly held talks …").

mod common;
use common::{fixtures, newslint_in, stdout};
use std::fs;

/// The fixture's headline and paragraph, with `directive` on its own line before the paragraph.
fn draft(directive: &str, markdown: bool) -> String {
    let text = fs::read_to_string(fixtures().join("rules/unsourced-hedge.txt")).unwrap();
    let (head, para) = text.split_once("\n\n").unwrap();
    let head = if markdown {
        format!("# {head}")
    } else {
        head.to_string()
    };
    format!("{head}\n\n{directive}\n{}", para.trim_end())
}

fn check(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    stdout(&newslint_in(
        dir.path(),
        &["check", "--format", "short", name],
        None,
    ))
}

#[test]
fn a_markdown_comment_suppresses_the_next_line_with_a_reason() {
    let text = draft(
        "<!-- newslint-disable-next-line NL203 -- the Sunday Express reported the talks -->",
        true,
    );
    assert_eq!(check("a.md", &text), "");
}

#[test]
fn a_bracketed_line_suppresses_in_plain_text_and_is_not_copy() {
    let text = draft(
        "[newslint-disable-next-line unsourced-hedge -- the Sunday Express reported the talks]",
        false,
    );
    assert_eq!(check("a.txt", &text), "");
}

/// The fixture as HTML, one element a line (as editors and CMSs write it), `directive` on the line
/// `before` the paragraph (1: just above it; 2: above the headline).
fn html_draft(directive: &str, before: usize) -> String {
    let text = fs::read_to_string(fixtures().join("rules/unsourced-hedge.txt")).unwrap();
    let (head, para) = text.split_once("\n\n").unwrap();
    let mut lines = vec![
        format!("<h1>{head}</h1>"),
        format!("<p>{}</p>", para.trim_end()),
    ];
    lines.insert(lines.len() - before, directive.to_string());
    format!("<html><body>\n{}\n</body></html>\n", lines.join("\n"))
}

#[test]
fn in_html_the_next_line_is_the_files_next_line() {
    // The text read from HTML joins the file's lines: the paragraph stood on the directive's own line
    // there, so the suppression reached past it, hid nothing, and the hedge was shown.
    let directive =
        "<!-- newslint-disable-next-line NL203 -- the Sunday Express reported the talks -->";
    assert_eq!(check("a.html", &html_draft(directive, 1)), "");
    let above_the_headline = check("a.html", &html_draft(directive, 2));
    assert!(
        above_the_headline.contains("note[NL004]") && above_the_headline.contains("warning[NL203]"),
        "{above_the_headline}"
    );
}

#[test]
fn a_directive_inside_an_html_paragraph_is_not_copy() {
    // Its reason was read as the paragraph's words: a hedge there was a finding of its own, and the
    // sentence after it was read with the directive's words in front.
    let text = html_draft("", 1).replace(
        "The two banks reportedly",
        "<!-- newslint-disable-sentence NL203 -- the Sunday Express reportedly broke the story --> The two banks reportedly",
    );
    assert_eq!(check("a.html", &text), "");
}

#[test]
fn a_sentence_suppression_covers_only_the_sentence_after_it() {
    let text = fs::read_to_string(fixtures().join("rules/unsourced-hedge.txt")).unwrap();
    let text = text.replace("The two banks reportedly", "[newslint-disable-sentence NL203 -- as the Sunday Express reported] The two banks reportedly");
    assert_eq!(check("a.txt", &text), "");
}

#[test]
fn no_reason_and_no_effect_are_notes() {
    let out = check("a.txt", &draft("[newslint-disable NL201]\n", false));
    assert_eq!(
        out.lines()
            .map(|l| l.split(": ").nth(1).unwrap())
            .collect::<Vec<_>>(),
        ["note[NL003]", "note[NL004]", "warning[NL203]"],
        "{out}"
    );
}

#[test]
fn a_block_runs_to_its_enable() {
    let text = draft(
        "[newslint-disable NL203 -- wire copy, sourced upstream]",
        false,
    ) + "\n[newslint-enable NL203]\n\nThe two banks reportedly held talks in October and November 2004.\n";
    let out = check("a.txt", &text);
    assert_eq!(
        out.lines().count(),
        1,
        "only the copy after the block is flagged: {out}"
    );
    assert!(out.contains("warning[NL203]"));
}

#[test]
fn of_two_suppressions_over_one_finding_the_first_hides_it() {
    // A block over the paragraph, and a next-line suppression inside it: the block is the first to
    // cover the hedge, so the line's suppression hides nothing.
    let text = draft(
        "[newslint-disable NL203 -- wire copy, sourced upstream]\n[newslint-disable-next-line NL203 -- the Sunday Express reported the talks]",
        false,
    );
    let out = check("a.txt", &text);
    assert_eq!(
        out.lines()
            .map(|l| l.split(": ").nth(1).unwrap())
            .collect::<Vec<_>>(),
        ["note[NL004]"],
        "{out}"
    );
    assert!(out.starts_with("a.txt:4:1:"), "{out}");
}

#[test]
fn a_block_ends_only_at_an_enable_of_its_rules() {
    let text = draft(
        "[newslint-disable NL203 -- wire copy, sourced upstream]\n[newslint-enable NL201]",
        false,
    );
    let out = check("a.txt", &text);
    assert!(!out.contains("NL203"), "{out}");
}

/// A draft of 150 paragraphs, each the fixture's quotation that never closes (seed 003, cut off),
/// the first suppressed: the report shows the first 100 of the other 149 and sums up 49, as it would
/// with no suppression and 149 marks (the stray-mark rule once cut its own list before suppressions:
/// 99 shown, and the suppressed one counted among 50 more).
#[test]
fn a_suppressed_finding_is_not_one_of_the_hundred_shown_or_the_rest() {
    let para = fs::read_to_string(fixtures().join("rules/unbalanced-quote.txt")).unwrap();
    let para = para.trim_end();
    let mut text = format!(
        "[newslint-disable-next-line NL002 -- the quotation goes on in the next story]\n{para}"
    );
    for _ in 1..150 {
        text.push_str("\n\n");
        text.push_str(para);
    }
    let out = check("a.txt", &text);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 101, "{out}");
    assert!(
        lines[..100]
            .iter()
            .all(|l| l.contains("warning[NL002]: Quotation mark `“` is never closed"))
    );
    assert!(lines[0].starts_with("a.txt:4:98:"), "{}", lines[0]);
    assert!(
        lines[100].ends_with("warning[NL002]: … and 49 more NL002 in this file, not shown"),
        "{}",
        lines[100]
    );
}
