//! NL001 unattributed-quote: a quotation in body copy that no attribution covers.

use super::CodeRule;
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::quotes::Quotation;
use crate::span::Span;

pub const RULE: CodeRule = CodeRule {
    code: "NL001",
    name: "unattributed-quote",
    severity: Severity::Warning,
    summary: "A quotation with no speaker",
    explanation: "\
## What it does
Flags a quotation of three or more words in body copy that no attribution covers. A quotation is covered
when an attribution's content includes it, when its sentence or a neighbouring sentence has an
attribution, or when its paragraph does. Headlines and shorter quoted terms (scare quotes, titles of
works) are not checked; a quotation running over several paragraphs is checked once, where it opens.

## Why is this bad?
A direct quotation asserts that someone said exactly these words. Without a speaker the reader cannot
weigh them, and the desk cannot verify them.

## Example
    “The two leaders agreed this is of substantial hindrance.”

Name who said it:

    “The two leaders agreed this is of substantial hindrance,” Tillerson said.
",
    check,
};

/// Quotations shorter than this are quoted terms, not speech.
const MIN_WORDS: usize = 3;

fn check(rule: &CodeRule, analysis: &Analysis) -> Vec<Diagnostic> {
    let doc = &analysis.document;
    let attributed = attributed_sentences(analysis);
    let mut block_attributed = vec![false; doc.copy.blocks.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        block_attributed[s.block] |= attributed[i];
    }
    let contents = ContentIndex::new(analysis);
    doc.quotations()
        .map(|(_, q)| q)
        .filter(|q| q.continues.is_none() && !doc.is_heading(q.block))
        .filter(|q| q.inner.of(&analysis.file.text).split_whitespace().count() >= MIN_WORDS)
        .filter(|q| {
            !block_attributed[q.block]
                && !contents.overlaps(q.span)
                && !near_attribution(analysis, q, &attributed)
        })
        .map(|q| diagnostic(rule, analysis, q))
        .collect()
}

/// For each sentence, whether an attribution's cue is in it.
fn attributed_sentences(analysis: &Analysis) -> Vec<bool> {
    let mut attributed = vec![false; analysis.document.sentences.len()];
    for a in &analysis.attributions {
        attributed[a.sentence] = true;
    }
    attributed
}

/// Attribution contents sorted by start, with the furthest end reached so far: answers "does any
/// content overlap this span" by binary search.
struct ContentIndex {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl ContentIndex {
    fn new(analysis: &Analysis) -> ContentIndex {
        let mut spans: Vec<Span> = analysis
            .attributions
            .iter()
            .filter_map(|a| a.content)
            .collect();
        spans.sort();
        let furthest_end = spans.iter().scan(0, |max, s| {
            *max = s.end.max(*max);
            Some(*max)
        });
        ContentIndex {
            furthest_end: furthest_end.collect(),
            starts: spans.iter().map(|s| s.start).collect(),
        }
    }

    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.furthest_end[before_end - 1] > span.start
    }
}

fn near_attribution(analysis: &Analysis, q: &Quotation, attributed: &[bool]) -> bool {
    let doc = &analysis.document;
    let first = doc.sentence_at(q.span.start).unwrap_or(0);
    let last = doc
        .sentence_at(q.span.end.saturating_sub(1))
        .unwrap_or(first);
    let neighbours = first.saturating_sub(1)..=(last + 1).min(attributed.len().saturating_sub(1));
    attributed
        .get(neighbours)
        .is_some_and(|s| s.iter().any(|&a| a))
}

fn diagnostic(rule: &CodeRule, analysis: &Analysis, q: &Quotation) -> Diagnostic {
    let excerpt = crate::report::attributions::excerpt(q.inner.of(&analysis.file.text), 40);
    Diagnostic::new(
        rule,
        format!("Quotation `{excerpt}` has no speaker"),
        Label::new(
            &analysis.file.path,
            q.span,
            "no attribution covers this quotation",
        ),
    )
    .with_help("Name who said it, e.g. `“…,” the ministry said`")
}
