//! Discrepancies: places that cannot both be right, within a draft or across the drafts of one story
//! (a story set). Each check indexes what it compares (quotations by word shingles, names by their
//! parts), so the cost stays near-linear in the words of the set; each finding is one diagnostic with
//! a primary label on one account and a secondary label on the other, in another file if need be.
//!
//! They read the copy view, never the file's text: a check of one file frees the text while they run
//! (`Parsed::into_file_after`), and every word of the view is the text's own.

mod alignment;
mod figures;
mod names;
mod quotes;
mod record;
mod recurring;

pub(crate) use names::distance;

use crate::Analysis;
use crate::diagnostic::Diagnostic;
use crate::input::SourceFile;
use crate::registry::Builtin;
use serde::{Deserialize, Serialize};

/// The limits the checks work to, settable under `discrepancy:` in `.newslint.yaml`.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Thresholds {
    /// Quotations shorter than this many words are not compared.
    pub quote_min_words: usize,
    /// Two renderings must share at least this many words to be one quotation.
    pub quote_min_overlap: usize,
    /// A run of more added or dropped words than this means two quotations, not drift.
    pub quote_max_edit_words: usize,
    /// One quotation given to two speakers is reported from this many words.
    pub two_speakers_min_words: usize,
    /// Most letters two spellings of one name may differ by.
    pub name_max_edits: usize,
    /// Two counts further apart than this (in percent of the smaller) are taken to count two things.
    pub figure_max_difference: usize,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            quote_min_words: 4,
            quote_min_overlap: 8,
            quote_max_edit_words: 3,
            two_speakers_min_words: 8,
            name_max_edits: 2,
            figure_max_difference: 50,
        }
    }
}

/// One comparison and the rules it reports. Adding a discrepancy rule is its file (the rule's
/// `Builtin` and its comparison) and one line in `DISCREPANCIES`.
pub struct Discrepancy {
    pub rules: &'static [Builtin],
    pub compare: Compare,
}

/// What a comparison reads.
pub enum Compare {
    /// The drafts of one story (or one draft alone), with the names each mentions.
    Story(fn(&Story) -> Vec<Diagnostic>),
    /// The drafts against the source material given with `--against`.
    Record(fn(&[&Analysis], &[SourceFile]) -> Vec<Diagnostic>),
}

/// The drafts of one story as the story comparisons read them.
pub struct Story<'a> {
    pub drafts: &'a [&'a Analysis],
    /// The names each draft mentions, read once for every comparison that needs them, when the first
    /// does: not before, so that they are not held while quotations are compared.
    names: std::cell::OnceCell<Vec<Vec<names::Mention<'a>>>>,
    pub limits: &'a Thresholds,
}

impl<'a> Story<'a> {
    fn names(&self) -> &[Vec<names::Mention<'a>>] {
        self.names.get_or_init(|| {
            self.drafts
                .iter()
                .enumerate()
                .map(|(draft, a)| names::mentions(a, draft))
                .collect()
        })
    }
}

/// Every discrepancy comparison, in the order of their rules' codes.
pub const DISCREPANCIES: &[Discrepancy] = &[
    quotes::DISCREPANCY,
    names::DISCREPANCY,
    figures::DISCREPANCY,
    record::DISCREPANCY,
];

/// Every discrepancy rule, by code.
pub fn rules() -> impl Iterator<Item = &'static Builtin> {
    DISCREPANCIES.iter().flat_map(|d| d.rules)
}

/// Each direct quotation of the drafts against the source material.
pub fn against_record(drafts: &[&Analysis], record: &[SourceFile]) -> Vec<Diagnostic> {
    DISCREPANCIES
        .iter()
        .filter_map(|d| match d.compare {
            Compare::Record(compare) => Some(compare(drafts, record)),
            Compare::Story(_) => None,
        })
        .flatten()
        .collect()
}

/// Every discrepancy within and across the analysed drafts of one story.
pub fn find(drafts: &[&Analysis], limits: &Thresholds) -> Vec<Diagnostic> {
    let story = Story {
        drafts,
        names: std::cell::OnceCell::new(),
        limits,
    };
    DISCREPANCIES
        .iter()
        .filter_map(|d| match d.compare {
            Compare::Story(compare) => Some(compare(&story)),
            Compare::Record(_) => None,
        })
        .flatten()
        .collect()
}

/// Each text analysed as a draft named by its place in the story (`0.txt`, `1.txt`, …).
#[cfg(test)]
fn analysed(drafts: &[&str]) -> Vec<Analysis> {
    drafts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            crate::analyse(
                crate::input::SourceFile::new(format!("{i}.txt"), *text),
                crate::grammar::lexicon::Lexicon::default_lexicon(),
            )
        })
        .collect()
}
