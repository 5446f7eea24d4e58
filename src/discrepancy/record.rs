//! NL106 misquote and NL107 quote-not-in-record: each direct quotation of the drafts looked up in the
//! source material (`--against`: a transcript, a press release, wire copy). Found word for word (modulo
//! typography) it is fine; found with differences it is a misquote, with a secondary label on the
//! record's wording; not found, a note. An ellipsis in a quotation marks an omission (each part is
//! looked up on its own) and a bracketed insertion (`[the] election`) is the writer's, not the speaker's.

use super::alignment::{Edit, align, describe, words_with_spans};
use super::{Compare, Discrepancy};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::input::SourceFile;
use crate::registry::Builtin;
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;

pub const DISCREPANCY: Discrepancy = Discrepancy {
    rules: &[MISQUOTE, NOT_IN_RECORD],
    compare: Compare::Record(check),
};

pub const MISQUOTE: Builtin = Builtin {
    code: "NL106",
    name: "misquote",
    severity: Severity::Warning,
    summary: "A quotation that differs from the source material",
    explanation: "\
## What it does
With `--against FILE`, looks up every direct quotation of the drafts in the source material (a
transcript, a press release, wire copy). A quotation found with different words is reported with the
words that differ and a secondary label on the record's wording. Typography does not count; an ellipsis
in the quotation marks an omission and a bracketed insertion (`[the] election`) is the writer's.

## Why is this bad?
The record is what the speaker said. A quotation that departs from it puts words in their mouth.
",
};

pub const NOT_IN_RECORD: Builtin = Builtin {
    code: "NL107",
    name: "quote-not-in-record",
    severity: Severity::Note,
    summary: "A quotation not found in the source material",
    explanation: "\
## What it does
With `--against FILE`, notes a direct quotation that the source material does not contain at all.

## Why is this bad?
It may come from another source (then say which), or from memory.
",
};

/// Parts of a quotation shorter than this are not looked up (too common to mean anything alone).
const MIN_PART_WORDS: usize = 3;
const SHINGLE: usize = 3;
/// Words of the record either side of a candidate place that the alignment may use.
const MARGIN: usize = 8;

struct RecordWord {
    file: usize,
    word: String,
    span: Span,
}

pub(super) fn check(drafts: &[&Analysis], record: &[SourceFile]) -> Vec<Diagnostic> {
    let words: Vec<RecordWord> = record
        .iter()
        .enumerate()
        .flat_map(|(file, f)| {
            words_with_spans(&f.text, 0)
                .into_iter()
                .map(move |(word, span)| RecordWord { file, word, span })
        })
        .collect();
    let mut index: HashMap<Vec<&str>, Vec<usize>> = HashMap::default();
    for (i, w) in words.windows(SHINGLE).enumerate() {
        if w.iter().all(|x| x.file == w[0].file) {
            index
                .entry(w.iter().map(|x| x.word.as_str()).collect())
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for analysis in drafts {
        let doc = &analysis.document;
        for (_, q) in doc.quotations() {
            if doc.is_heading(q.block) {
                continue;
            }
            let parts = parts(q.inner.of(analysis.document.text()), q.inner.start);
            if parts.iter().map(Vec::len).sum::<usize>() < 4 {
                continue;
            }
            let mut missing = false;
            for part in parts.iter().filter(|p| p.len() >= MIN_PART_WORDS) {
                let part_words: Vec<String> = part.iter().map(|(w, _)| w.clone()).collect();
                match best_place(&part_words, &words, &index) {
                    Some((edits, record_span, file)) if !edits.is_empty() => out.push(
                        Diagnostic::new(MISQUOTE.id(), format!("Quotation differs from the record: {}", describe(&edits)), Label::new(&analysis.file.path, q.span, "quoted this way"))
                            .with_secondary(Label::new(&record[file].path, record_span, "the record says this"))
                            .with_help("Quote the words as the record has them, or mark changes with brackets and ellipses"),
                    ),
                    Some(_) => {}
                    None => missing = true,
                }
            }
            if missing {
                out.push(
                    Diagnostic::new(
                        NOT_IN_RECORD.id(),
                        "Quotation is not found in the source material",
                        Label::new(&analysis.file.path, q.span, ""),
                    )
                    .with_help(
                        "Check where the quotation comes from, or add that source with --against",
                    ),
                );
            }
        }
    }
    out
}

/// The quotation's words split at ellipses (`…`, `...`): each part was said as it stands.
fn parts(text: &str, base: usize) -> Vec<Vec<(String, Span)>> {
    let mut out = Vec::new();
    let mut start = 0;
    let cuts = text
        .match_indices('…')
        .map(|(i, m)| (i, m.len()))
        .chain(text.match_indices("...").map(|(i, m)| (i, m.len())));
    let mut cuts: Vec<(usize, usize)> = cuts.collect();
    cuts.sort();
    for (at, len) in cuts {
        if at >= start {
            out.push(words_with_spans(&text[start..at], base + start));
            start = at + len;
        }
    }
    out.push(words_with_spans(&text[start..], base + start));
    out.retain(|p| !p.is_empty());
    out
}

/// Where in the record a part is best found: the edits from the part to the record's words there, the
/// record's span, and its file; None if it is not found (less than 70% of its words line up).
fn best_place(
    part: &[String],
    words: &[RecordWord],
    index: &HashMap<Vec<&str>, Vec<usize>>,
) -> Option<(Vec<Edit>, Span, usize)> {
    let mut votes: HashMap<usize, usize> = HashMap::default();
    for (offset, shingle) in part.windows(SHINGLE).enumerate() {
        let key: Vec<&str> = shingle.iter().map(String::as_str).collect();
        for &at in index.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
            *votes.entry(at.saturating_sub(offset)).or_default() += 1;
        }
    }
    let (&start, _) = votes
        .iter()
        .max_by_key(|&(at, n)| (*n, std::cmp::Reverse(*at)))?;
    let file = words[start].file;
    let from = start.saturating_sub(MARGIN);
    let to = (start + part.len() + MARGIN).min(words.len());
    let window: Vec<&RecordWord> = words[from..to].iter().filter(|w| w.file == file).collect();
    let window_words: Vec<String> = window.iter().map(|w| w.word.clone()).collect();
    let found = align(part, &window_words, String::as_str);
    let (first, last) = found.in_b?;
    (found.common * 10 >= part.len() * 7).then(|| {
        (
            found.edits,
            window[first].span.cover(window[last].span),
            file,
        )
    })
}
