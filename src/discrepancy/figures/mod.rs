//! NL105 figure-conflict: one counted thing given two figures that cannot both be right (`killed 257
//! people` / `killed 258 people`, `at least 21 states` / `20 states`), and one person given two ages.
//!
//! A figure is a whole number directly before a plural noun, outside quotations. What it counts is the
//! noun with the word that governs it (`killed … people`, `systems in … states`), and two figures are
//! compared only when the capitalised words of their sentences do not name two different places or
//! events (`Kenya` / `Tanzania`). A hedge makes a figure a range (`at least 21`, `some two`, a round
//! `200`), and ranges that overlap agree. Figures far apart (`11` / `247` killed) are two counts, not
//! one count given two ways, so the check stops at a configurable difference.
//!
//! This file compares figures across the drafts; `count` reads a figure in its sentence and `number`
//! the words a figure is written in.

mod count;
mod number;

use super::names::Mention;
use super::{Compare, Discrepancy, Story, Thresholds};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::registry::Builtin;
use crate::span::Span;
use count::{age_of, counts_in};
use rustc_hash::FxHashSet as HashSet;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

pub const DISCREPANCY: Discrepancy = Discrepancy {
    rules: &[FIGURE_CONFLICT],
    compare: Compare::Story(compare),
};

pub const FIGURE_CONFLICT: Builtin = Builtin {
    code: "NL105",
    name: "figure-conflict",
    severity: Severity::Warning,
    summary: "One count given two figures",
    explanation: "\
## What it does
Finds one counted thing given two figures that cannot both be right: `killed 247 people` and `killed
253 people` about one blast, a person's age given as 27 and as 37. A count is a whole number before a
plural noun (durations, units of measure, money and percentages are left alone: `some two hours` and
`over two hours` are not counts), known by the word that governs it (`killed … people`, `people were
injured`) and by the places and names of its sentence: counts whose sentences name different places
(`Kenya`, `Tanzania`) are different counts, and so are two counts in one sentence. Hedged figures are
ranges and agree when they overlap (`at least 224` and `247`); a round figure (`200`) is taken as
approximate. Counts more than
`figure-max-difference` percent apart (50 by default) are taken to be two things. Ages may differ by
one year across drafts (a birthday between reports), not within one.

## Why is this bad?
A reader who meets two death tolls, or two ages for one person, cannot tell which to believe. If a
figure has moved since an earlier report, say so (`rose to`, `the latest toll`).

## Example
    The car bomb attack at the u.s. embassy in Nairobi reportedly killed 253 people   (Xinhua)
    outside the U.S. Embassy in Nairobi, Kenya killed 247 people                      (AP)
",
};

fn compare(story: &Story) -> Vec<Diagnostic> {
    check(story.drafts, story.names(), story.limits)
}

/// What a figure counts: `(governing word, noun)`, or a person's age.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Counted {
    Things { governor: String, noun: String },
    Age { person: String },
}

/// A figure where it stands.
struct Figure<'a> {
    path: &'a str,
    /// Which draft of the story set, for the age tolerance across drafts.
    draft: usize,
    /// Its sentence: two figures in one sentence (`44 seats … 56 seats`) are two things.
    sentence: usize,
    span: Span,
    shown: &'a str,
    value: u64,
    range: (f64, f64),
    /// Capitalised words of the sentence: the places, people and events it is about.
    context: BTreeSet<&'a str>,
    /// What it counts, in the copy's words (`both count `killed … people``).
    described: String,
}

fn figures<'a>(
    story: &[&'a Analysis],
    names: &[Vec<Mention<'a>>],
) -> BTreeMap<Counted, Vec<Figure<'a>>> {
    let mut by_thing: BTreeMap<Counted, Vec<Figure<'a>>> = BTreeMap::new();
    for (draft, (analysis, names)) in story.iter().zip(names).enumerate() {
        let mut found = Vec::new();
        counts_in(analysis, draft, &mut found);
        found.extend(names.iter().filter_map(|m| age_of(analysis, draft, m)));
        for (counted, figure) in found {
            by_thing.entry(counted).or_default().push(figure);
        }
    }
    by_thing
}

/// Two figures for one thing that cannot both be right. Ages may differ by a year across drafts
/// (a birthday between reports); counts far apart are two things, not one.
fn conflict(counted: &Counted, a: &Figure, b: &Figure, limits: &Thresholds) -> bool {
    let overlap = a.range.0 <= b.range.1 && b.range.0 <= a.range.1;
    let same_sentence = a.draft == b.draft && a.sentence == b.sentence;
    if overlap || same_sentence {
        return false;
    }
    match counted {
        Counted::Age { .. } => a.draft == b.draft || a.value.abs_diff(b.value) > 1,
        Counted::Things { .. } => {
            let (low, high) = (a.value.min(b.value), a.value.max(b.value));
            // The sentences name the same place or event, and neither names one the other does not.
            let shared = a.context.intersection(&b.context).next().is_some();
            let nested = a.context.is_subset(&b.context) || b.context.is_subset(&a.context);
            let compatible = shared && nested;
            compatible
                && (high - low).saturating_mul(100)
                    <= low.saturating_mul(limits.figure_max_difference as u64)
        }
    }
}

/// `names` holds each draft's name mentions, in story order.
pub(super) fn check<'a>(
    story: &[&'a Analysis],
    names: &[Vec<Mention<'a>>],
    limits: &Thresholds,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (counted, figures) in figures(story, names) {
        // The first few figures of each value, so a long story compares each figure with a handful of
        // earlier ones of nearby values, not with all of them.
        let mut earlier: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        let mut reported: HashSet<(u64, u64)> = HashSet::default();
        for (n, later) in figures.iter().enumerate() {
            let pair = |other: u64| (other.min(later.value), other.max(later.value));
            let first = earlier
                .range(comparable(&counted, later.value, limits))
                .filter(|(value, _)| **value != later.value && !reported.contains(&pair(**value)))
                .flat_map(|(_, found)| found.iter().copied())
                .filter(|&i| conflict(&counted, &figures[i], later, limits))
                .min();
            if let Some(first) = first {
                reported.insert(pair(figures[first].value));
                out.push(diagnostic(&counted, &figures[first], later));
            }
            let found = earlier.entry(later.value).or_default();
            if found.len() < EARLIER_PER_VALUE {
                found.push(n);
            }
        }
    }
    out
}

/// Earlier figures of one value that a later figure is compared with.
const EARLIER_PER_VALUE: usize = 8;

/// The values a figure for `counted` can conflict with: counts within `figure-max-difference`
/// percent, any age.
fn comparable(counted: &Counted, value: u64, limits: &Thresholds) -> RangeInclusive<u64> {
    match counted {
        Counted::Age { .. } => 0..=u64::MAX,
        Counted::Things { .. } => {
            let spread = 100 + limits.figure_max_difference as u64;
            value.saturating_mul(100) / spread..=value.saturating_mul(spread).div_ceil(100)
        }
    }
}

fn diagnostic(counted: &Counted, first: &Figure, later: &Figure) -> Diagnostic {
    let message = match counted {
        Counted::Age { person } => format!(
            "{person} is {} here and {} elsewhere",
            later.shown, first.shown
        ),
        Counted::Things { .. } => format!("`{}` here but `{}` elsewhere", later.shown, first.shown),
    };
    Diagnostic::new(
        FIGURE_CONFLICT.id(),
        message,
        Label::new(later.path, later.span, "this figure"),
    )
    .with_secondary(Label::new(first.path, first.span, "that figure"))
    .with_note(first.described.clone())
    .with_help("Check the figure against the source; if it is approximate or has changed, say so")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(drafts: &[&str]) -> Vec<String> {
        let analysed = super::super::analysed(drafts);
        let refs: Vec<&Analysis> = analysed.iter().collect();
        let names: Vec<_> = refs
            .iter()
            .enumerate()
            .map(|(draft, a)| super::super::names::mentions(a, draft))
            .collect();
        check(&refs, &names, &Thresholds::default())
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn two_tolls_for_one_blast_conflict() {
        // DUC D0626H: Xinhua, 21 August 1998, and AP, 29 August 1998.
        assert_eq!(
            messages(&[
                "A much more deadly blast at almost the same time outside the U.S. Embassy in \
                 Nairobi, Kenya killed 247 people and injured more than 5,000 others.",
                "The car bomb attack at the u.s. embassy in Nairobi reportedly killed 253 people \
                 and injured some 5,000 more.",
            ]),
            ["`253 people` here but `247 people` elsewhere"]
        );
    }

    #[test]
    fn the_toll_of_the_other_blast_is_another_count() {
        // DUC D0626H, AP 29 August 1998: Dar es Salaam and Nairobi in one article.
        assert!(
            messages(&[
                "Police had been staging a nationwide manhunt for suspects since the August 7 \
                 bombing of the U.S. Embassy in Dar es Salaam, which killed 11 people.\n\n\
                 A much more deadly blast at almost the same time outside the U.S. Embassy in \
                 Nairobi, Kenya killed 247 people and injured more than 5,000 others."
            ])
            .is_empty()
        );
    }

    #[test]
    fn overlapping_hedged_figures_agree() {
        // DUC D0626H: AP 12 August 1998 (`at least 224`) and AP 29 August 1998.
        assert!(
            messages(&[
                "The Tanzanian embassy bombing killed 10 people and injured 70, while a \
                 simultaneous bombing of the U.S. Embassy in Kenya killed at least 224 people and \
                 injured 5,000.",
                "A much more deadly blast at almost the same time outside the U.S. Embassy in \
                 Nairobi, Kenya killed 247 people and injured more than 5,000 others.",
            ])
            .is_empty()
        );
    }

    #[test]
    fn durations_are_not_counts() {
        // Seeds 000, 001 and 004: `some two hours`, `over two hours`, `two-hour conversation`.
        assert!(
            messages(&[
                "The meeting, which was supposed to last just 35 minutes, instead lasted some two \
                 hours.",
                "President Trump and Russian President Vladimir Putin had their first direct \
                 bilateral meeting on Friday, speaking for over two hours at the G20 summit in \
                 Hamburg, Germany.",
            ])
            .is_empty()
        );
    }

    #[test]
    fn two_counts_in_one_sentence_are_two_things() {
        // Reuters-21578 01544.
        assert!(
            messages(&[
                "For the month, Ford sold 111,853 trucks, up 16.5 pct on a daily sales basis from \
                 last year, when the company sold 96,058 trucks in the period."
            ])
            .is_empty()
        );
    }

    #[test]
    fn ages_differ_by_a_year_across_drafts_but_not_by_ten() {
        // DUC D0710C: Xinhua 9 November and AP 15 November 1998.
        assert_eq!(
            messages(&[
                "Suspects Udi Hargov, 37, and Igal Damary, 49, have been remanded for eight days.",
                "Lawyer Andis Triantafyllides said his clients, Udi Hargov, 27, and Igal Damary, \
                 48, deny they are spies.",
            ]),
            ["Udi Hargov is 27 here and 37 elsewhere"]
        );
    }
}
