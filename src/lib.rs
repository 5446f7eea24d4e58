//! newslint: a linter for news copy that knows who said what.
//!
//! Files come in as `SourceFile`s; `Document::parse` builds the document model (copy, sentences,
//! quotations); `grammar::attributions` finds who said what; the checks turn that into `Diagnostic`s;
//! reporters in `report` turn diagnostics into text. The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod checks;
pub mod copy;
pub mod diagnostic;
pub mod document;
pub mod error;
pub mod grammar;
pub mod input;
pub mod quotes;
pub mod sentences;
pub mod span;

pub use document::Document;
pub use grammar::{Attribution, Kind, attributions, lexicon::Lexicon};
pub use input::{InputError, SourceFile};
pub use span::Span;
pub mod report;
pub mod walk;

/// One file read and parsed: its document model and attributions.
pub struct Analysis {
    pub file: SourceFile,
    pub document: Document,
    pub attributions: Vec<Attribution>,
}

/// Parses a file and finds its attributions.
/// Parses a file, finds its attributions and runs the code rules on it.
pub fn check(file: SourceFile, lexicon: &Lexicon) -> (Analysis, Vec<diagnostic::Diagnostic>) {
    let analysis = analyse(file, lexicon);
    let diagnostics = checks::run(&analysis);
    (analysis, diagnostics)
}

pub fn analyse(file: SourceFile, lexicon: &Lexicon) -> Analysis {
    let document = Document::parse(&file);
    let attributions = attributions(&document, lexicon);
    Analysis {
        file,
        document,
        attributions,
    }
}
