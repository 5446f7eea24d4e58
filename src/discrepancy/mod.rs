//! Discrepancies: places that cannot both be right, within a draft or across the drafts of one story
//! (a story set). Each check indexes what it compares (quotations by word shingles, names by their
//! parts), so the cost stays near-linear in the words of the set; each finding is one diagnostic with
//! a primary label on one account and a secondary label on the other, in another file if need be.

mod names;
mod quotes;
mod record;

use crate::Analysis;
use crate::diagnostic::{Diagnostic, RuleId, Severity};

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
pub fn check(story: &[&Analysis]) -> Vec<Diagnostic> {
    let mut found = quotes::check(story);
    found.extend(names::check(story));
    found
}
