//! Code actions on a finding: apply its rule's safe fix, or suppress it with a directive in the
//! file's own syntax (`<!-- … -->` in Markdown and HTML, `[…]` in plain text) and a `-- reason`
//! for the desk to fill in. All edits are byte spans of the file as the editor holds it.

use crate::Analysis;
use crate::diagnostic::Diagnostic;
use crate::fix;
use crate::input::Format;
use crate::span::Span;

/// What an action does to the file: text to put in place of each span.
pub type Edits = Vec<(Span, String)>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// On one finding.
    QuickFix,
    /// Every safe fix in the file.
    FixAll,
}

#[derive(Debug)]
pub struct Action {
    pub title: String,
    pub kind: Kind,
    pub edits: Edits,
    /// The finding it acts on.
    pub finding: Option<usize>,
}

/// The actions for the findings `found` (of this file) that overlap `range`, then fix-all when the
/// file has any safe fix.
pub fn actions(analysis: &Analysis, found: &[Diagnostic], range: Span) -> Vec<Action> {
    let mut out = Vec::new();
    for (i, d) in found.iter().enumerate() {
        let span = d.primary.span;
        let touches = span.start <= range.end && range.start <= span.end;
        if !touches {
            continue;
        }
        if let Some(f) = d.fix.as_ref().filter(|f| f.safe) {
            let was = f.span.of(analysis.file.original());
            out.push(Action {
                title: format!(
                    "Replace `{was}` with `{}` ({} {})",
                    f.replacement, d.code, d.name
                ),
                kind: Kind::QuickFix,
                edits: vec![(f.span, f.replacement.clone())],
                finding: Some(i),
            });
        }
        if let Some(edits) = suppression(analysis, d) {
            out.push(Action {
                title: format!("Suppress {} {} here, with a reason", d.code, d.name),
                kind: Kind::QuickFix,
                edits,
                finding: Some(i),
            });
        }
    }
    let safe = fix::safe_fixes(found);
    if !safe.is_empty() {
        out.push(Action {
            title: format!("Apply all {} safe fixes of newslint", safe.len()),
            kind: Kind::FixAll,
            edits: safe
                .iter()
                .map(|f| (f.span, f.replacement.clone()))
                .collect(),
            finding: None,
        });
    }
    out
}

/// The directive that suppresses `d` where it stands, with `-- reason` for the desk to replace.
///
/// In plain text and Markdown, on a line of its own above the finding's line when that line begins
/// a paragraph (`disable-next-line`), else on lines of their own around the paragraph (`disable` …
/// `enable`): a directive inside a hard-wrapped paragraph would change its lines. In HTML, whose
/// lines are not the copy's, just before the finding's sentence when it opens its paragraph
/// (`disable-sentence`), else around the paragraph. None for a Word document (not edited as text),
/// for a note about a suppression, and in front matter, where a comment would be read as a key.
pub fn suppression(analysis: &Analysis, d: &Diagnostic) -> Option<Edits> {
    let file = &analysis.file;
    let (open, close) = match file.format {
        Format::Text => ("[", "]"),
        Format::Markdown | Format::Html => ("<!-- ", " -->"),
        Format::Word => return None,
    };
    let about_suppression =
        d.code == crate::suppress::WITHOUT_REASON.code || d.code == crate::suppress::UNUSED.code;
    let at = d.primary.span.start;
    if about_suppression || in_front_matter(analysis, at) {
        return None;
    }
    let directive = |reach: &str| format!("{open}newslint-{reach} {} -- reason{close}", d.code);
    let enable = format!("{open}newslint-enable {}{close}", d.code);
    let text = file.original();
    let html = file.format == Format::Html;
    let line_start = |at: usize| text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let on_own_line = |at: usize, what: &str| {
        let line = &text[line_start(at)..];
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        format!("{indent}{what}")
    };
    if !html && begins_paragraph(text, line_start(at)) {
        let insert = on_own_line(at, &directive("disable-next-line")) + newline;
        return Some(vec![(Span::new(line_start(at), line_start(at)), insert)]);
    }
    let sentences = &analysis.document.sentences;
    let i = sentences.iter().position(|s| {
        let s = file.to_original(s.span);
        s.start <= at && at < s.end
    })?;
    let block = sentences[i].block;
    let opens_block = i == 0 || sentences[i - 1].block != block;
    let paragraph = file.to_original(analysis.document.copy.blocks[block].span);
    if html && opens_block {
        let sentence = file.to_original(sentences[i].span);
        let insert = format!("{} ", directive("disable-sentence"));
        return Some(vec![(Span::new(sentence.start, sentence.start), insert)]);
    }
    if html {
        return Some(vec![
            (
                Span::new(paragraph.start, paragraph.start),
                directive("disable"),
            ),
            (Span::new(paragraph.end, paragraph.end), enable),
        ]);
    }
    let first = line_start(paragraph.start);
    let last = text[paragraph.end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| paragraph.end + i);
    Some(vec![
        (
            Span::new(first, first),
            on_own_line(paragraph.start, &directive("disable")) + newline,
        ),
        (
            Span::new(last, last),
            format!("{newline}{}", on_own_line(paragraph.start, &enable)),
        ),
    ])
}

/// Whether the line starting at `line_start` is the first of the file or follows a blank line.
fn begins_paragraph(text: &str, line_start: usize) -> bool {
    let before = &text[..line_start];
    let before = before
        .strip_suffix("\r\n")
        .or_else(|| before.strip_suffix(['\n', '\r']))
        .unwrap_or(before);
    let previous = before
        .rfind(['\n', '\r'])
        .map_or(before, |i| &before[i + 1..]);
    line_start == 0 || previous.trim().is_empty()
}

/// Whether `offset` lies in Markdown front matter, where a comment would be read as a key.
fn in_front_matter(analysis: &Analysis, offset: usize) -> bool {
    let file = &analysis.file;
    let text = file.original();
    if file.format != Format::Markdown || !(text.starts_with("---") || text.starts_with("+++")) {
        return false;
    }
    let fence = &text[..3];
    let end = text[3..]
        .find(&format!("\n{fence}"))
        .map_or(text.len(), |i| i + 3 + 1 + 3);
    offset < end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Engine, Options, Run};
    use crate::input::SourceFile;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
    }

    /// `newslint check` on one file with no config: its analysis and findings.
    fn check(path: &str, text: &str) -> (Analysis, Vec<Diagnostic>) {
        let dir = tempfile::tempdir().unwrap();
        let engine = Engine::new(&Options::default(), dir.path()).unwrap();
        let run = Run {
            story: false,
            record: &[],
            threads: Some(1),
        };
        let file = engine.analyse(SourceFile::new(path, text));
        let mut checked = engine.check(vec![file], &run).unwrap();
        checked.files.remove(0)
    }

    fn apply(text: &str, edits: &Edits) -> String {
        let mut out = text.to_string();
        for (span, with) in edits.iter().rev() {
            out.replace_range(span.range(), with);
        }
        out
    }

    /// Every finding of a draft, suppressed by its action one at a time, is gone on the next check,
    /// and the directive hides something (no NL004) and gives a reason (no NL003).
    fn every_suppression_holds(path: &str, text: &str) -> usize {
        let (analysis, found) = check(path, text);
        let mut tried = 0;
        for d in &found {
            let Some(edits) = suppression(&analysis, d) else {
                continue;
            };
            tried += 1;
            let after = apply(text, &edits);
            let moved = d.primary.span.start
                + edits
                    .iter()
                    .filter(|(at, _)| at.start <= d.primary.span.start)
                    .map(|(_, insert)| insert.len())
                    .sum::<usize>();
            let insert = &edits[0].1;
            let (_, again) = check(path, &after);
            let still = again
                .iter()
                .find(|e| e.code == d.code && e.primary.span.start == moved);
            assert!(still.is_none(), "{path}: `{insert}` left {d:?}");
            let notes: Vec<&Diagnostic> = again
                .iter()
                .filter(|e| e.code == "NL003" || e.code == "NL004")
                .collect();
            assert!(notes.is_empty(), "{path}: `{insert}` drew {notes:?}");
        }
        tried
    }

    /// `text` with the space before each word that would pass column 72 turned into a line break
    /// (as `tests/soft_breaks.rs` wraps copy), so findings fall on lines inside paragraphs.
    fn wrap(text: &str) -> String {
        let mut column = 0;
        let mut out = String::with_capacity(text.len());
        for (i, word) in text.split(' ').enumerate() {
            let length = word.chars().count();
            if i > 0 {
                let wraps = column + 1 + length > 72;
                out.push(if wraps { '\n' } else { ' ' });
                column = if wraps { 0 } else { column + 1 };
            }
            out.push_str(word);
            column = match word.rfind('\n') {
                Some(n) => word[n + 1..].chars().count(),
                None => column + length,
            };
        }
        out
    }

    fn seed(n: &str) -> String {
        let name = std::fs::read_dir(format!("{FIXTURES}/seeds"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .find(|f| f.starts_with(n))
            .unwrap();
        fixture(&format!("seeds/{name}"))
    }

    #[test]
    fn a_suppression_above_a_paragraph_of_plain_text_suppresses_its_finding() {
        let text = seed("000");
        let (analysis, found) = check("000.txt", &text);
        assert_eq!(every_suppression_holds("000.txt", &text), found.len());
        // Each paragraph of the seed is one line.
        let d = found.iter().find(|d| d.code == "NL201").unwrap();
        let edits = suppression(&analysis, d).unwrap();
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].1, "[newslint-disable-next-line NL201 -- reason]\n");
        assert!(text[edits[0].0.start..].starts_with("On Friday, President Trump"));
        // Wrapped, `The men obviously` stands on the paragraph's fourth line.
        let wrapped = wrap(&text);
        let (analysis, found) = check("000.txt", &wrapped);
        let d = found.iter().find(|d| d.code == "NL201").unwrap();
        let edits = suppression(&analysis, d).unwrap();
        assert_eq!(edits[0].1, "[newslint-disable NL201 -- reason]\n");
        assert!(wrapped[edits[0].0.start..].starts_with("On Friday, President Trump"));
        assert_eq!(edits[1].1, "\n[newslint-enable NL201]");
        assert!(wrapped[..edits[1].0.start].ends_with("sat beside Trump afterward."));
    }

    #[test]
    fn suppressions_hold_in_every_seed_draft_on_one_line_or_wrapped() {
        for n in ["000", "001", "002", "003", "004"] {
            let text = seed(n);
            let found = check("draft.txt", &text).1.len();
            assert_eq!(every_suppression_holds(&format!("{n}.txt"), &text), found);
            let wrapped = wrap(&text);
            let found = check("draft.txt", &wrapped).1.len();
            let name = format!("{n}-wrapped.txt");
            assert_eq!(every_suppression_holds(&name, &wrapped), found);
        }
    }

    #[test]
    fn a_suppression_in_markdown_is_an_html_comment_and_holds() {
        for name in [
            "input/story.md",
            "front-matter/bribery.md",
            "opinion/column.md",
        ] {
            every_suppression_holds(name, &fixture(name));
        }
        for n in ["000", "003"] {
            let text = wrap(&seed(n));
            let found = check("draft.md", &text).1.len();
            assert_eq!(every_suppression_holds("draft.md", &text), found, "{n}");
        }
        let (analysis, found) = check("draft.md", &wrap(&seed("003")));
        let edits = suppression(&analysis, &found[0]).unwrap();
        assert!(edits[0].1.starts_with("<!-- newslint-disable"), "{edits:?}");
        assert!(edits[0].1.contains(" -- reason -->"), "{edits:?}");
    }

    #[test]
    fn a_suppression_in_html_holds() {
        for name in [
            "html/wordpress.html",
            "html/saved-page.html",
            "html/mixed-spelling.html",
        ] {
            assert!(every_suppression_holds(name, &fixture(name)) > 0, "{name}");
        }
    }

    #[test]
    fn a_safe_fix_is_offered_on_its_finding_and_applying_it_clears_it() {
        let text = fixture("rules/mixed-spelling.txt");
        let (analysis, found) = check("politics-009.txt", &text);
        let at = text.find("e-mail Blackberry").unwrap();
        let here = actions(&analysis, &found, Span::new(at, at));
        let fix = here
            .iter()
            .find(|a| a.title.starts_with("Replace `e-mail` with `email`"))
            .unwrap_or_else(|| panic!("no fix in {here:?}"));
        let fixed = apply(&text, &fix.edits);
        assert!(fixed.contains("this email Blackberry"));
        let all = here.iter().find(|a| a.kind == Kind::FixAll).unwrap();
        let (_, again) = check("politics-009.txt", &apply(&text, &all.edits));
        assert!(again.iter().all(|d| d.fix.as_ref().is_none_or(|f| !f.safe)));
        // Nothing is offered away from the findings but fix-all.
        let headline = actions(&analysis, &found, Span::new(0, 0));
        assert!(headline.iter().all(|a| a.kind == Kind::FixAll));
    }
}
