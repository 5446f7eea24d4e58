//! NL105 figure-conflict: one counted thing given two figures that cannot both be right (`killed 257
//! people` / `killed 258 people`, `at least 21 states` / `20 states`), and one person given two ages.
//!
//! A figure is a whole number directly before a plural noun, outside quotations. What it counts is the
//! noun with the word that governs it (`killed … people`, `systems in … states`), and two figures are
//! compared only when the capitalised words of their sentences do not name two different places or
//! events (`Kenya` / `Tanzania`). A hedge makes a figure a range (`at least 21`, `some two`, a round
//! `200`), and ranges that overlap agree. Figures far apart (`11` / `247` killed) are two counts, not
//! one count given two ways, so the check stops at a configurable difference.

use super::names::Mention;
use super::{Compare, Discrepancy, Story, Thresholds};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::grammar::words::{
    BE_FORMS, DETERMINERS, HAVE_FORMS, MONTHS, OTHER_SHORT_MONTHS, SHORT_MONTHS, SMALL_NUMBERS,
    TENS, WEEKDAYS, WordSet, is_capitalised,
};
use crate::registry::Builtin;
use crate::span::Span;
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
    check(story.drafts, &story.names, story.limits)
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

/// A word of a sentence, or a punctuation mark that ends a phrase.
#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    text: &'a str,
    span: Span,
    word: bool,
}

/// Splits `sentence` (at byte `base` of the file) into words and phrase-ending marks. Commas and points
/// inside numbers (`5,000`, `3.5`) and points of abbreviations (`U.S.`) stay in the word.
fn tokens(sentence: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut previous = ' ';
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let inner = matches!(c, ',' | '.')
            && start.is_some()
            && next.is_some_and(|d| d.is_alphanumeric())
            && (c == '.' || previous.is_ascii_digit());
        previous = c;
        let in_word = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '$' | '%') || inner;
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word_token(sentence, base, s, i));
                start = None;
            }
            _ => {}
        }
        if !in_word && !c.is_whitespace() && !matches!(c, '—' | '–') {
            out.push(Token {
                text: &sentence[i..i + c.len_utf8()],
                span: Span::new(base + i, base + i + c.len_utf8()),
                word: false,
            });
        }
    }
    if let Some(s) = start {
        out.push(word_token(sentence, base, s, sentence.len()));
    }
    out
}

fn word_token(sentence: &str, base: usize, start: usize, end: usize) -> Token<'_> {
    Token {
        text: &sentence[start..end],
        span: Span::new(base + start, base + end),
        word: true,
    }
}

/// Whether `word` starts as a number or a number word can (a cheap test before `number`).
fn may_be_number(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|b| {
        b.is_ascii_digit()
            || matches!(
                b.to_ascii_lowercase(),
                b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n'
            )
    })
}

/// `247`, `5,000`, `eleven`, `twenty-five`; not `3.5`, `1990s` or a year.
fn number(word: &str) -> Option<u64> {
    if word.chars().all(|c| c.is_ascii_digit() || c == ',') {
        let grouped = word
            .split(',')
            .enumerate()
            .all(|(i, g)| (i == 0 && (1..=3).contains(&g.len())) || g.len() == 3);
        let value: u64 = word.replace(',', "").parse().ok()?;
        let year = !word.contains(',') && (1800..=2100).contains(&value);
        return (grouped && !year).then_some(value);
    }
    let find = |list: &[&str], w: &str| list.iter().position(|s| s.eq_ignore_ascii_case(w));
    let small = |w: &str| find(SMALL_NUMBERS, w).map(|v| v as u64);
    let tens = |w: &str| find(TENS, w).map(|v| 20 + 10 * v as u64);
    match word.split_once('-') {
        Some((t, u)) => Some(tens(t)? + small(u).filter(|&v| (1..10).contains(&v))?),
        None => small(word).or_else(|| tens(word)),
    }
}

/// Plural nouns that do not end in `s`.
static PLURALS: WordSet = WordSet::new(&[
    "people",
    "children",
    "men",
    "women",
    "dead",
    "police",
    "personnel",
]);

/// The counted noun in a common singular form (`states` → `state`, `people` → `person`), if `word` is
/// a plural noun.
fn plural_noun(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if PLURALS.contains(&lower) {
        return Some(if lower == "people" {
            "person".into()
        } else {
            lower
        });
    }
    let plain = lower.chars().all(|c| c.is_alphabetic());
    if !plain || lower.len() < 4 || !lower.ends_with('s') || lower.ends_with("ss") {
        return None;
    }
    if lower == "persons" {
        return Some("person".into());
    }
    let sibilant = ["ches", "shes", "xes", "sses"]
        .iter()
        .any(|e| lower.ends_with(e));
    Some(match lower.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None if sibilant => lower[..lower.len() - 2].to_string(),
        None => lower[..lower.len() - 1].to_string(),
    })
}

/// Units of measure: what they measure (a sentence, a weight, a distance) is seldom one thing across
/// a story, so figures of them are not compared.
static UNITS: WordSet = WordSet::new(&[
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "time",
    "cent",
    "dollar",
    "pound",
    "ounce",
    "ton",
    "inch",
    "foot",
    "feet",
    "yard",
    "mile",
    "meter",
    "metre",
    "kilometer",
    "kilometre",
    "degree",
    "acre",
    "point",
    "percent",
    "gallon",
    "liter",
    "litre",
    "kilogram",
    "gram",
    "decade",
    "century",
    "round",
    "lap",
    "game",
    "run",
    "vote",
    "dlr",
    "ct",
    "shr",
    "share",
    "basi",
    "tonne",
    "quintal",
    "quintale",
    "barrel",
    "bushel",
    "bale",
    "carat",
    "yen",
    "mark",
    "franc",
    "rupee",
    "peso",
    "euro",
    "lira",
    "mln",
    "bln",
    "pct",
    "seat",
]);

/// Units written as a compound adjective (`a two-hour meeting`, `a 10-day visit`).
fn compound_unit(word: &str) -> Option<(&str, String)> {
    let (count, unit) = word.split_once('-')?;
    let unit_ok = unit.len() >= 3 && unit.chars().all(|c| c.is_ascii_lowercase());
    (unit_ok && !unit.contains('-') && unit != "year").then(|| (count, unit.to_string()))
}

/// Words that say a figure is a bound or an estimate, as they stand before it. (Not the grammar's
/// hedge, `grammar::amount`: that one recognises a hedge before a source's amount and says nothing of
/// the bound; this one reads the bound, from other words as well: `up to`, `estimated`, `exceeding`.)
enum Hedge {
    AtLeast,
    AtMost,
    About,
}

fn hedge(before: &[Token]) -> Option<Hedge> {
    let words: Vec<String> = before
        .iter()
        .rev()
        .take(2)
        .take_while(|t| t.word)
        .map(|t| t.text.to_lowercase())
        .collect();
    let last = words.first().map(String::as_str);
    let pair = words.get(1).map(String::as_str);
    match (pair, last) {
        (Some("at"), Some("least")) | (Some("more" | "greater"), Some("than")) => {
            Some(Hedge::AtLeast)
        }
        (Some("fewer" | "less"), Some("than"))
        | (Some("up"), Some("to"))
        | (Some("at"), Some("most")) => Some(Hedge::AtMost),
        (_, Some("over" | "upward" | "upwards" | "exceeding")) => Some(Hedge::AtLeast),
        (_, Some("under" | "nearly" | "almost")) => Some(Hedge::AtMost),
        (
            _,
            Some(
                "about" | "around" | "some" | "roughly" | "approximately" | "estimated" | "perhaps"
                | "reportedly",
            ),
        ) => Some(Hedge::About),
        _ => None,
    }
}

/// The values a figure allows. A round figure (`200`, `5,000`) is taken as an estimate too.
fn range(value: u64, hedge: Option<Hedge>) -> (f64, f64) {
    let v = value as f64;
    let estimate = (v * 0.9 - 1.0, v * 1.1 + 1.0);
    match hedge {
        Some(Hedge::AtLeast) => (v, f64::INFINITY),
        Some(Hedge::AtMost) => (0.0, v),
        Some(Hedge::About) => estimate,
        None if value >= 100 && value.is_multiple_of(100) => estimate,
        None => (v, v),
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

/// Counts in one sentence: a number, then a plural noun or a compound unit, with what governs it.
fn counts_in<'a>(
    analysis: &'a Analysis,
    draft: usize,
    index: usize,
    out: &mut Vec<(Counted, Figure<'a>)>,
) {
    let sentence = analysis.document.sentences[index].span;
    let text = &analysis.file.text;
    let view = analysis.document.text();
    let tokens = tokens(sentence.of(view), sentence.start);
    // Most sentences hold no count: their capitalised words are gathered only when one does.
    let mut context_of_sentence = None;
    let shown = |span: Span| &text[span.start..span.end];
    for (i, t) in tokens.iter().enumerate() {
        if !t.word
            || !may_be_number(t.text)
            || analysis.document.quotation_at(t.span.start).is_some()
        {
            continue;
        }
        let (value, noun, noun_span, rest) = if let Some((count, unit)) = compound_unit(t.text) {
            let Some(value) = number(count) else { continue };
            let unit_span = Span::new(t.span.end - unit.len(), t.span.end);
            (value, unit, unit_span, &tokens[i + 1..])
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
                    .get_or_insert_with(|| context(&tokens))
                    .clone(),
                described,
            },
        ));
    }
}

/// `Linda Tripp, 49,`: a name with an age in commas after it. The person is known by the last two
/// words of the name (`Suspects Udi Hargov` is `Udi Hargov`).
fn age_of<'a>(
    analysis: &'a Analysis,
    draft: usize,
    m: &Mention<'a>,
) -> Option<(Counted, Figure<'a>)> {
    let text = &analysis.file.text;
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

fn figures<'a>(
    story: &[&'a Analysis],
    names: &[Vec<Mention<'a>>],
) -> BTreeMap<Counted, Vec<Figure<'a>>> {
    let mut by_thing: BTreeMap<Counted, Vec<Figure<'a>>> = BTreeMap::new();
    for (draft, (analysis, names)) in story.iter().zip(names).enumerate() {
        let mut found = Vec::new();
        for index in 0..analysis.document.sentences.len() {
            counts_in(analysis, draft, index, &mut found);
        }
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
            .map(|a| super::super::names::mentions(a))
            .collect();
        check(&refs, &names, &Thresholds::default())
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn reads_whole_numbers_in_figures_and_words() {
        assert_eq!(number("247"), Some(247));
        assert_eq!(number("5,000"), Some(5000));
        assert_eq!(number("Twelve"), Some(12));
        assert_eq!(number("twenty-three"), Some(23));
        assert_eq!(number("1998"), None, "a year");
        assert_eq!(number("5,00"), None);
        assert_eq!(number("3.5"), None);
    }

    #[test]
    fn a_count_is_known_by_its_noun_and_the_word_governing_it() {
        // DUC D0626H, AP and Xinhua.
        let found = super::super::analysed(&[
            "A much more deadly blast at almost the same time outside the U.S. Embassy in Nairobi, \
             Kenya killed 247 people and injured more than 5,000 others.",
            "In neighboring Kenya, 248 people, 12 of them Americans, were killed.",
        ]);
        let mut out = Vec::new();
        counts_in(&found[0], 0, 0, &mut out);
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
        counts_in(&found[1], 0, 0, &mut out);
        assert!(
            out.is_empty(),
            "`248 people, 12 of them …`: no governor next to the count"
        );
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
        assert_eq!(range(224, Some(Hedge::AtLeast)).1, f64::INFINITY);
        assert!(range(200, None).0 < 200.0, "a round figure is an estimate");
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
