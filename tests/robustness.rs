//! Never panic on input: every fixture, cut at many places (mid-word, mid-quotation, mid-character
//! sequence), is read, parsed and checked without a panic and with spans inside the text.

mod common;
use newslint::{Lexicon, Pack, SourceFile, check_file};
use std::fs;

/// Every this-many bytes (at the next character boundary) a cut is tried.
const STEP: usize = 11;

fn fixture_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for folder in ["seeds", "rules", "input"] {
        for entry in fs::read_dir(common::fixtures().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            texts.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    texts
}

fn assert_spans_inside(file: &SourceFile) {
    let (analysis, diagnostics) = check_file(
        file.clone(),
        Lexicon::default_lexicon(),
        Pack::default_pack(),
    );
    for a in &analysis.attributions {
        for span in [a.source, Some(a.cue), a.content].into_iter().flatten() {
            assert!(
                span.end <= file.text.len()
                    && file.text.is_char_boundary(span.start)
                    && file.text.is_char_boundary(span.end)
            );
        }
    }
    // Diagnostics are placed in the file as given.
    let given = file.original();
    for d in &diagnostics {
        assert!(d.primary.span.end <= given.len() && given.is_char_boundary(d.primary.span.start));
    }
}

#[test]
fn truncated_and_headless_copy_never_panics() {
    for (path, text) in fixture_texts() {
        let mut cut = 0;
        while cut < text.len() {
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            for (name, part) in [("a.txt", &text[..cut]), ("b.md", &text[cut..])] {
                assert_spans_inside(&SourceFile::new(format!("{path}:{cut}:{name}"), part));
            }
            cut += STEP;
        }
    }
}

#[test]
fn check_file_places_fixes_in_the_file_as_given() {
    // Seed 002 with a zero-width space after `said`. The fuzzer found the same with a byte-order mark
    // before `Trump`: the fix was placed in the text read (the mark taken out), three bytes short of
    // the file, and applying it cut a character.
    let text = "In his own press conference, Lavrov also said\u{200b} Trump told Putin “that in the US, as before, some groups are spreading—but can’t prove—the topic of Russian meddling in the US election.”\n";
    let (_, found) = check_file(
        SourceFile::new("a.txt", text),
        Lexicon::default_lexicon(),
        Pack::default_pack(),
    );
    let fixed = newslint::fix::apply(text, &newslint::fix::safe_fixes(&found));
    assert_eq!(fixed, text.replace('\u{200b}', ""));
}
