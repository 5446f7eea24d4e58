//! Table-test support for the construct files: every attribution in a piece of copy, as text.

use super::{Attribution, Document, Lexicon, attributions};
use crate::input::SourceFile;

#[derive(Debug, PartialEq, Eq)]
pub struct Row {
    pub source: Option<String>,
    pub phrase: Option<String>,
    pub cue: String,
    pub content: Option<String>,
}

fn analysed(copy: &str) -> Vec<Attribution> {
    let doc = Document::parse(&SourceFile::new("test.txt", copy));
    attributions(&doc, Lexicon::default_lexicon())
}

pub fn rows(copy: &str) -> Vec<Row> {
    analysed(copy)
        .into_iter()
        .map(|a| Row {
            source: a.source.map(|s| s.of(copy).to_string()),
            phrase: a.source_phrase.map(|s| s.of(copy).to_string()),
            cue: a.cue.of(copy).to_string(),
            content: a.content.map(|c| c.of(copy).to_string()),
        })
        .collect()
}

/// The resolved speaker of each attribution, in order.
pub fn speakers(copy: &str) -> Vec<Option<String>> {
    analysed(copy)
        .into_iter()
        .map(|a| a.speaker.as_deref().map(str::to_string))
        .collect()
}

/// The attribution whose cue is `cue`.
#[track_caller]
fn row_for(copy: &str, cue: &str) -> Row {
    let mut rows = rows(copy);
    let at = rows
        .iter()
        .position(|r| r.cue == cue)
        .unwrap_or_else(|| panic!("no `{cue}` attribution in {rows:?}"));
    rows.swap_remove(at)
}

/// Asserts the attribution whose cue is `cue` has this source, whatever its content.
#[track_caller]
pub fn assert_source(copy: &str, cue: &str, source: &str) {
    let row = row_for(copy, cue);
    assert_eq!(
        row.source.as_deref(),
        Some(source),
        "source of `{cue}` in: {copy}"
    );
}

/// Asserts the attribution whose cue is `cue` has this source and content.
#[track_caller]
pub fn assert_attribution(copy: &str, cue: &str, source: Option<&str>, content: &str) {
    let row = row_for(copy, cue);
    assert_eq!(
        row.source.as_deref(),
        source,
        "source of `{cue}` in: {copy}"
    );
    assert_eq!(
        row.content.as_deref(),
        Some(content),
        "content of `{cue}` in: {copy}"
    );
}
