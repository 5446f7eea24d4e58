//! newslint: a linter for news copy that knows who said what.
//!
//! Files come in as `SourceFile`s; `Document::parse` builds the document model (copy, sentences,
//! quotations); `grammar::attributions` finds who said what; the code rules (`checks`) and the YAML rule
//! pack (`rules`) turn that into `Diagnostic`s, which `config` filters; reporters in `report` turn
//! diagnostics into text. The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod checks;
pub mod config;
pub mod copy;
pub mod coverage;
pub mod diagnostic;
pub mod discrepancy;
pub mod document;
pub mod error;
pub mod fix;
pub mod grammar;
pub mod input;
pub mod quotes;
pub mod report;
pub mod rules;
pub mod schema;
pub mod sentences;
pub mod span;
pub mod suppress;
pub mod walk;

pub use document::Document;
pub use grammar::{Attribution, Kind, attributions, lexicon::Lexicon};
pub use input::{InputError, SourceFile};
pub use rules::Pack;
pub use span::Span;

/// One file read and parsed: its document model and attributions.
pub struct Analysis {
    pub file: SourceFile,
    pub document: Document,
    pub attributions: Vec<Attribution>,
    /// What the attributions cover, which the rules ask of every match.
    pub coverage: coverage::Coverage,
}

/// Parses a file and finds its attributions.
pub fn analyse(file: SourceFile, lexicon: &Lexicon) -> Analysis {
    let document = Document::parse(&file);
    let mut attributions = attributions(&document, lexicon);
    for a in &mut attributions {
        fit_to_characters(&file.text, a);
    }
    let coverage = coverage::Coverage::new(&document, &attributions);
    Analysis {
        file,
        document,
        attributions,
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

/// The code rules and the rule pack on one analysed file (no suppressions, no discrepancies).
pub fn lint(analysis: &Analysis, pack: &Pack) -> Vec<diagnostic::Diagnostic> {
    let mut diagnostics = checks::run(analysis);
    diagnostics.extend(rules::check(pack, analysis));
    diagnostics
}

/// Parses a file and runs everything on it alone: the code rules, the rule pack, discrepancies within
/// the draft, then the draft's suppressions.
pub fn check(
    file: SourceFile,
    lexicon: &Lexicon,
    pack: &Pack,
) -> (Analysis, Vec<diagnostic::Diagnostic>) {
    let analysis = analyse(file, lexicon);
    let mut diagnostics = lint(&analysis, pack);
    diagnostics.extend(discrepancy::check(
        &[&analysis],
        &discrepancy::Thresholds::default(),
    ));
    let diagnostics = suppress::apply(&analysis, diagnostics);
    (analysis, diagnostics)
}

/// Drafts of one story: each file's own findings, plus the discrepancies within and across them, each
/// file's suppressions applied to the findings placed in it.
pub fn check_story(
    analyses: &[&Analysis],
    pack: &Pack,
    limits: &discrepancy::Thresholds,
) -> Vec<Vec<diagnostic::Diagnostic>> {
    let mut per_file: Vec<Vec<diagnostic::Diagnostic>> =
        analyses.iter().map(|a| lint(a, pack)).collect();
    let across = if analyses.len() > 1 {
        rules::check_across(pack, analyses)
    } else {
        Vec::new()
    };
    for d in discrepancy::check(analyses, limits)
        .into_iter()
        .chain(across)
    {
        if let Some(i) = analyses.iter().position(|a| a.file.path == d.primary.path) {
            per_file[i].push(d);
        }
    }
    analyses
        .iter()
        .zip(per_file)
        .map(|(a, found)| suppress::apply(a, found))
        .collect()
}
