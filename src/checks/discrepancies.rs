//! NL101–NL107: discrepancies, reported by `discrepancy::find` over a draft or a story set; listed
//! here so `rules`, `explain` and SARIF know them.

use super::CodeRule;
use crate::discrepancy::{
    FIGURE_CONFLICT, MISQUOTE, NAME_VARIANT, NOT_IN_RECORD, QUOTE_DRIFT, TITLE_CONFLICT,
    TWO_SPEAKERS,
};

pub const DRIFT: CodeRule = CodeRule {
    code: QUOTE_DRIFT.code,
    name: QUOTE_DRIFT.name,
    severity: QUOTE_DRIFT.severity,
    summary: "One speaker quoted two ways",
    explanation: "\
## What it does
Finds two renderings of the same quotation (in one draft, or across the drafts of a story with
`--story`) that differ: a word changed, added or dropped, or a hyphenation. It aligns the two word by
word and says what differs. The words they share must be most of the shorter quotation or a whole
sentence of one of them: two different remarks of one speaker that share a phrase are not drift. A
partial quote that is word for word part of the other is not drift, nor are typographic differences
(curly or straight quotes, dashes, ellipses) or bracketed insertions.

## Why is this bad?
A quotation promises the speaker's exact words. If two drafts quote them differently, at least one is
wrong, and a reader who sees both stops trusting either.

## Example
    “The two leaders agreed this is of substantial hindrance.”                (seed 000)
    “The two leaders agreed that this is a substantial hindrance ...”         (seed 004)
",
    check: None,
};

pub const SPEAKERS: CodeRule = CodeRule {
    code: TWO_SPEAKERS.code,
    name: TWO_SPEAKERS.name,
    severity: TWO_SPEAKERS.severity,
    summary: "One quotation given to two speakers",
    explanation: "\
## What it does
Finds the same quotation attributed to two different named speakers (a pronoun or a description such
as `the secretary` is not counted as naming anyone).

## Why is this bad?
The words cannot belong to both. Check the recording or the notes before publishing either.
",
    check: None,
};

pub const NAMES: CodeRule = CodeRule {
    code: NAME_VARIANT.code,
    name: NAME_VARIANT.name,
    severity: NAME_VARIANT.severity,
    summary: "One person's name spelled two ways",
    explanation: "\
## What it does
Finds two full names that agree in one part and spell the other two ways (`Sergey Lavrov` and `Sergei
Lavrov`, `Volodymyr Zelensky` and `Volodymyr Zelenskyy`), inferred from the copy: no list of names to
declare. People who share a surname (`Donald Trump`, `Melania Trump`) are not variants.

## Why is this bad?
A name spelled two ways looks careless and can look like two people. Transliterated names need one
house spelling.
",
    check: None,
};

pub const TITLES: CodeRule = CodeRule {
    code: TITLE_CONFLICT.code,
    name: TITLE_CONFLICT.name,
    severity: TITLE_CONFLICT.severity,
    summary: "One person given two titles",
    explanation: "\
## What it does
Finds one person (by full name) given two titles where neither is a shortening of the other:
`Foreign Minister Sergey Lavrov` and `Foreign Secretary Sergey Lavrov`. Nationality words do not
count (`Russian Foreign Minister` is `Foreign Minister`).

## Why is this bad?
A wrong title misinforms about who speaks with what authority.
",
    check: None,
};

pub const FIGURES: CodeRule = CodeRule {
    code: FIGURE_CONFLICT.code,
    name: FIGURE_CONFLICT.name,
    severity: FIGURE_CONFLICT.severity,
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
    check: None,
};

pub const MISQUOTED: CodeRule = CodeRule {
    code: MISQUOTE.code,
    name: MISQUOTE.name,
    severity: MISQUOTE.severity,
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
    check: None,
};

pub const NOT_FOUND: CodeRule = CodeRule {
    code: NOT_IN_RECORD.code,
    name: NOT_IN_RECORD.name,
    severity: NOT_IN_RECORD.severity,
    summary: "A quotation not found in the source material",
    explanation: "\
## What it does
With `--against FILE`, notes a direct quotation that the source material does not contain at all.

## Why is this bad?
It may come from another source (then say which), or from memory.
",
    check: None,
};
