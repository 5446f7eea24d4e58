//! One file read and analysed: its document model, its attributions, and what those attributions
//! cover. Built once per file from a `SourceFile`; every check and rule reads it.

use crate::document::Document;
use crate::grammar::{Attribution, attributions, lexicon::Lexicon};
use crate::input::SourceFile;

/// One file read and parsed: its document model and attributions.
pub struct Analysis {
    pub file: SourceFile,
    pub document: Document,
    pub attributions: Vec<Attribution>,
    /// Where a speaker is in view (any attribution with a source), for quotations.
    pub speakers: crate::coverage::Coverage,
    /// Where a named source's speech answers for the copy, which the rules ask of every match.
    pub coverage: crate::coverage::Coverage,
}

/// Parses a file and finds its attributions.
pub fn analyse(file: SourceFile, lexicon: &Lexicon) -> Analysis {
    let document = Document::parse(&file);
    let mut attributions = attributions(&document, lexicon);
    for a in &mut attributions {
        fit_to_characters(&file.text, a);
    }
    // Held as long as the file is checked: up to half a grown list's room would be unused.
    attributions.shrink_to_fit();
    let speakers = crate::coverage::Coverage::speakers(&document, &attributions);
    let coverage = crate::coverage::Coverage::sourcing(&document, &attributions);
    Analysis {
        file,
        document,
        attributions,
        speakers,
        coverage,
    }
}

/// The grammar reads the copy view, where a no-break space is as many ASCII spaces as it has bytes;
/// a span must still begin and end on whole characters of the file.
fn fit_to_characters(text: &str, a: &mut Attribution) {
    a.cue = a.cue.on_characters_of(text);
    a.source = a.source.map(|s| s.on_characters_of(text));
    a.source_phrase = a.source_phrase.map(|s| s.on_characters_of(text));
    a.content = a.content.map(|c| c.on_characters_of(text));
}
