//! Discrepancies: places that cannot both be right, within a draft or across the drafts of one story
//! (a story set). Each check indexes what it compares (quotations by word shingles, names by their
//! parts), so the cost stays near-linear in the words of the set; each finding is one diagnostic with
//! a primary label on one account and a secondary label on the other, in another file if need be.

mod figures;
mod names;
mod quotes;
mod record;

pub(crate) use names::distance;

use crate::Analysis;
use crate::diagnostic::{Diagnostic, RuleId, Severity};
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

pub const QUOTE_DRIFT: RuleId<'static> = RuleId {
    code: "NL101",
    name: "quote-drift",
    severity: Severity::Warning,
};
pub const TWO_SPEAKERS: RuleId<'static> = RuleId {
    code: "NL102",
    name: "quote-two-speakers",
    severity: Severity::Warning,
};
pub const NAME_VARIANT: RuleId<'static> = RuleId {
    code: "NL103",
    name: "name-variant",
    severity: Severity::Warning,
};
pub const TITLE_CONFLICT: RuleId<'static> = RuleId {
    code: "NL104",
    name: "title-conflict",
    severity: Severity::Warning,
};
pub const FIGURE_CONFLICT: RuleId<'static> = RuleId {
    code: "NL105",
    name: "figure-conflict",
    severity: Severity::Warning,
};

pub const MISQUOTE: RuleId<'static> = RuleId {
    code: "NL106",
    name: "misquote",
    severity: Severity::Warning,
};
pub const NOT_IN_RECORD: RuleId<'static> = RuleId {
    code: "NL107",
    name: "quote-not-in-record",
    severity: Severity::Note,
};

/// Each direct quotation of the drafts against the source material.
pub fn against_record(
    drafts: &[&Analysis],
    record: &[crate::input::SourceFile],
) -> Vec<Diagnostic> {
    record::check(drafts, record)
}

/// Every discrepancy within and across the analysed drafts of one story.
pub fn find(story: &[&Analysis], limits: &Thresholds) -> Vec<Diagnostic> {
    let names: Vec<Vec<names::Mention>> = story.iter().map(|a| names::mentions(a)).collect();
    let mut found = quotes::check(story, limits);
    found.extend(names::check(story, &names, limits));
    found.extend(figures::check(story, &names, limits));
    found
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
