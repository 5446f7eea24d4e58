//! A figure in its sentence: what it counts (the plural noun and the word that governs it, `killed
//! … people`), the bound a hedge puts on it (`at least 224`), and the capitalised words that say which
//! place or event its sentence is about; and a person's age after their name (`Linda Tripp, 49,`).

use super::number::{
    Token, UNITS, compound_unit, may_be_number, may_hold_count, number, plural_noun, tokens,
};
use super::{Counted, Figure};
use crate::Analysis;
use crate::discrepancy::names::Mention;
use crate::grammar::amount::{Bound, hedge_ending};
use crate::grammar::words::{
    BE_FORMS, DETERMINERS, HAVE_FORMS, MONTHS, OTHER_SHORT_MONTHS, SHORT_MONTHS, WEEKDAYS, WordSet,
    is_capitalised,
};
use crate::span::Span;
use std::collections::BTreeSet;

/// The hedge right before a figure (`at least`, `some`), read with the grammar's table of hedges.
fn hedge(before: &[Token]) -> Option<Bound> {
    let mut words = before.iter().rev().take(2).take_while(|t| t.word);
    let last = words.next()?.text;
    hedge_ending(words.next().map(|t| t.text), last)
}

/// The values a figure allows. A round figure (`200`, `5,000`) is taken as an estimate too.
/// A stressed figure (`only 20`) reads as an unhedged one.
fn range(value: u64, hedge: Option<Bound>) -> (f64, f64) {
    let v = value as f64;
    let estimate = (v * 0.9 - 1.0, v * 1.1 + 1.0);
    match hedge {
        Some(Bound::AtLeast) => (v, f64::INFINITY),
        Some(Bound::AtMost) => (0.0, v),
        Some(Bound::About) => estimate,
        Some(Bound::Only) | None if value >= 100 && value.is_multiple_of(100) => estimate,
        Some(Bound::Only) | None => (v, v),
    }
}

/// Words skipped between a figure and the word that governs it (`killed at least 224`, `systems in 21`).
static LINKS: WordSet = WordSet::new(&[
    "at",
    "least",
    "most",
    "more",
    "greater",
    "fewer",
    "less",
    "than",
    "over",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "estimated",
    "nearly",
    "almost",
    "under",
    "up",
    "to",
    "just",
    "only",
    "in",
    "of",
    "for",
    "from",
    "by",
    "on",
    "with",
    "among",
    "across",
    "during",
    "upward",
    "upwards",
    "perhaps",
    "reportedly",
]);
/// Between a figure's noun and a participle that governs it (`people were killed`).
static BEFORE_PARTICIPLE: WordSet = WordSet::union(&[
    BE_FORMS,
    HAVE_FORMS,
    &["reportedly", "also", "who", "that", "later", "all"],
]);
/// Words that join or merely have a count, so say nothing of what it counts (`have two boys`).
static NOT_GOVERNORS: WordSet = WordSet::union(&[
    BE_FORMS,
    HAVE_FORMS,
    &[
        "and",
        "or",
        "but",
        "while",
        "as",
        "having",
        "get",
        "got",
        "include",
        "includes",
        "including",
        "included",
    ],
]);
/// Words after a count that are themselves what governs it (`11 dead`, `five people missing`).
static STATES: WordSet = WordSet::new(&["dead", "died", "missing", "hurt", "injured", "wounded"]);
/// Words before a number that make it something other than a count of the noun after it.
static NOT_A_COUNT: WordSet = WordSet::new(&[
    "another",
    "other",
    "additional",
    "further",
    "extra",
    "no.",
    "no",
    "number",
    "the",
    "those",
    "these",
    "aged",
    "ages",
    "age",
    "between",
    "and",
    "or",
    "to",
]);

/// `109 people on board and four people on the ground`: a count that is one part of a total.
fn part_of_a_sum(rest: &[Token]) -> bool {
    rest.windows(2)
        .take(5)
        .take_while(|pair| pair[0].word)
        .any(|pair| pair[0].text == "and" && number(pair[1].text).is_some())
}

/// A verb or noun reduced enough that `killed`, `killing` and `kills` meet.
fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = lower.strip_suffix(suffix).filter(|s| s.len() >= 3) {
            return stem.to_string();
        }
    }
    lower
}

fn plain_word(t: &Token) -> bool {
    t.word && t.text.chars().all(|c| c.is_alphabetic()) && !is_capitalised(t.text)
}

/// The word that says what is counted, as a stem to compare and as written: the nearest lower-case
/// word before the figure across hedges and prepositions (`killed`, `systems`), else a participle after
/// the noun (`were killed`). The flag says it came after.
fn governor<'a>(before: &[Token<'a>], after: &[Token<'a>]) -> Option<(String, &'a str, bool)> {
    for t in before.iter().rev().take(5) {
        if !t.word {
            break;
        }
        if LINKS.contains(t.text) || DETERMINERS.contains(t.text) {
            continue;
        }
        if plain_word(t) && !NOT_GOVERNORS.contains(t.text) {
            return Some((stem(t.text), t.text, false));
        }
        break;
    }
    for t in after.iter().take(4) {
        let lower = t.text.to_lowercase();
        if !t.word {
            return None;
        }
        if BEFORE_PARTICIPLE.contains(t.text) {
            continue;
        }
        let participle = lower.ends_with("ed") || STATES.contains(t.text);
        return (plain_word(t) && participle).then(|| (stem(t.text), t.text, true));
    }
    None
}

/// Capitalised words that name no place or event: dates, days and the words a sentence opens with.
static MONTHS_AND_DAYS: WordSet = WordSet::union(&[
    SHORT_MONTHS,
    OTHER_SHORT_MONTHS,
    MONTHS,
    WEEKDAYS,
    &[
        "The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She", "They", "I",
    ],
]);

/// The capitalised words of a sentence but its first (which any word has), dates and days.
fn context<'a>(tokens: &[Token<'a>]) -> BTreeSet<&'a str> {
    // `including 12 Americans`: a counted group says nothing of where the count was made.
    let counted = |i: usize| number(tokens[i - 1].text).is_some();
    tokens
        .iter()
        .enumerate()
        .skip(1)
        .filter(|&(i, t)| {
            t.word && is_capitalised(t.text) && number(t.text).is_none() && !counted(i)
        })
        .map(|(_, t)| t.text.trim_end_matches('.'))
        .filter(|w| w.len() > 1 && !MONTHS_AND_DAYS.contains(w))
        .collect()
}

/// Counts in the draft's sentences, each cut into tokens in one buffer.
pub(super) fn counts_in<'a>(
    analysis: &'a Analysis,
    draft: usize,
    out: &mut Vec<(Counted, Figure<'a>)>,
) {
    let view = analysis.document.text();
    // Room for a long sentence's tokens at once, rather than grown by copying in every file.
    let mut buffer = Vec::with_capacity(64);
    for (index, sentence) in analysis.document.sentences.iter().enumerate() {
        if !may_hold_count(sentence.span.of(view)) {
            continue;
        }
        tokens(sentence.span.of(view), sentence.span.start, &mut buffer);
        counts_in_sentence(analysis, draft, index, &buffer, out);
    }
}

/// Counts in one sentence: a number, then a plural noun or a compound unit, with what governs it.
fn counts_in_sentence<'a>(
    analysis: &'a Analysis,
    draft: usize,
    index: usize,
    tokens: &[Token<'a>],
    out: &mut Vec<(Counted, Figure<'a>)>,
) {
    let text = analysis.document.text();
    // Most sentences hold no count: their capitalised words are gathered only when one does.
    let mut context_of_sentence = None;
    let shown = |span: Span| &text[span.start..span.end];
    for (i, t) in tokens.iter().enumerate() {
        if !t.word || !may_be_number(t.text) {
            continue;
        }
        let (value, noun, noun_span, rest) = if let Some((count, unit)) = compound_unit(t.text) {
            let Some(value) = number(count) else { continue };
            let unit_span = Span::new(t.span.end - unit.len(), t.span.end);
            (value, unit.to_string(), unit_span, &tokens[i + 1..])
        } else {
            let Some(value) = number(t.text) else {
                continue;
            };
            let Some(next) = tokens.get(i + 1).filter(|n| n.word) else {
                continue;
            };
            let Some(noun) = plural_noun(next.text) else {
                continue;
            };
            (value, noun, next.span, &tokens[i + 2..])
        };
        // Looked up once a count is found: most words that may be a number are not one.
        if analysis.document.quotation_at(t.span.start).is_some() {
            continue;
        }
        if UNITS.contains(&noun) {
            continue;
        }
        let before = &tokens[..i];
        let previous = before.last().map(|p| p.text.to_lowercase());
        let scaled = rest.first().is_some_and(|n| {
            matches!(
                n.text.to_lowercase().as_str(),
                "of" | "million" | "billion" | "trillion" | "percent" | "%"
            )
        });
        if scaled || previous.is_some_and(|p| NOT_A_COUNT.contains(&p) || p.starts_with('$')) {
            continue;
        }
        if part_of_a_sum(rest) {
            continue;
        }
        let Some((governor, written, after)) = governor(before, rest) else {
            continue;
        };
        let noun_written = noun_span.of(text);
        let described = if after {
            format!("both count `{noun_written} … {written}`")
        } else {
            format!("both count `{written} … {noun_written}`")
        };
        let span = Span::new(t.span.start, noun_span.end);
        out.push((
            Counted::Things { governor, noun },
            Figure {
                path: &analysis.file.path,
                draft,
                sentence: index,
                span,
                shown: shown(span),
                value,
                range: range(value, hedge(before)),
                context: context_of_sentence
                    .get_or_insert_with(|| context(tokens))
                    .clone(),
                described,
            },
        ));
    }
}

/// `Linda Tripp, 49,`: a name with an age in commas after it. The person is known by the last two
/// words of the name (`Suspects Udi Hargov` is `Udi Hargov`).
pub(super) fn age_of<'a>(
    analysis: &'a Analysis,
    draft: usize,
    m: &Mention<'a>,
) -> Option<(Counted, Figure<'a>)> {
    let text = analysis.document.text();
    let after = text[m.span.end..].strip_prefix(", ")?;
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = after[digits..].strip_prefix(',')?;
    let age: u64 = after[..digits].parse().ok()?;
    // `Aug. 7, 1998,` is a date, not an age.
    if digits > 3
        || !(1..=120).contains(&age)
        || rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let person = m.name[m.name.len().saturating_sub(2)..].join(" ");
    let start = m.span.end + 2;
    let span = Span::new(start, start + digits);
    Some((
        Counted::Age {
            person: person.clone(),
        },
        Figure {
            path: &analysis.file.path,
            draft,
            sentence: analysis.document.sentence_at(m.span.start)?,
            span,
            shown: span.of(text),
            value: age,
            range: (age as f64, age as f64),
            context: BTreeSet::new(),
            described: format!("both give the age of {person}"),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_is_known_by_its_noun_and_the_word_governing_it() {
        // DUC D0626H, AP and Xinhua.
        let found = crate::discrepancy::analysed(&[
            "A much more deadly blast at almost the same time outside the U.S. Embassy in Nairobi, \
             Kenya killed 247 people and injured more than 5,000 others.",
            "In neighboring Kenya, 248 people, 12 of them Americans, were killed.",
        ]);
        let mut out = Vec::new();
        counts_in(&found[0], 0, &mut out);
        let (counted, figure) = &out[0];
        assert_eq!(
            *counted,
            Counted::Things {
                governor: "kill".into(),
                noun: "person".into()
            }
        );
        assert_eq!(figure.shown, "247 people");
        assert!(figure.context.contains("Nairobi") && figure.context.contains("Kenya"));
        let mut out = Vec::new();
        counts_in(&found[1], 0, &mut out);
        assert!(
            out.is_empty(),
            "`248 people, 12 of them …`: no governor next to the count"
        );
    }

    #[test]
    fn a_hedge_bounds_a_figure_and_a_round_figure_is_an_estimate() {
        // DUC D0626H, AP 12 August 1998: `killed at least 224 people`.
        assert_eq!(range(224, Some(Bound::AtLeast)), (224.0, f64::INFINITY));
        assert!(range(200, None).0 < 200.0, "a round figure is an estimate");
    }
}
