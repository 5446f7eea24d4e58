//! Amounts: how much of a group speaks for it. `42%`, `21,000`, `Seventy-four`, `two-thirds`, `half`,
//! `a majority`, with a hedge before them (`about`, `at least`, `all but`) and `percent` after.
//!
//! `quantity` is the nom grammar of an amount (the source grammar builds partitives and counted groups
//! on it); `opens_with_quantity` asks whether a phrase opens with one. The hedges are one table, with
//! the bound each puts on the amount, which the figures of the discrepancy check read through
//! `hedge_ending`.

use super::words::{
    ARTICLES, PRONOUNS, QUANTIFIER_SOURCES, Res, SMALL_NUMBERS, TENS, WordSet, fail, is_in,
    skip_many0, word, word_in,
};
use nom::Parser;
use nom::character::complete::multispace1;
use nom::combinator::recognize;
use nom::sequence::{pair, preceded, terminated};

static CENT: WordSet = WordSet::new(&["cent"]);

/// What a hedge says of the amount after it. One table of hedges serves both readers: the source
/// grammar, which asks only whether a hedge leads an amount (`About 40 rabbis said`), and the figures
/// of the discrepancy check, which read the bound (`killed at least 224 people`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// `at least 224`, `more than 5,000`, `over two hours`.
    AtLeast,
    /// `up to 40`, `nearly 300`, `all but 12`.
    AtMost,
    /// `about 40`, `some two hours`, `an estimated 3,000`.
    About,
    /// `only 20`, `just 35`, `a mere 12`: stressed, not bounded.
    Only,
}

const AT_LEAST: &[&str] = &["over", "upward", "upwards", "exceeding", "fully", "full"];
const AT_MOST: &[&str] = &["under", "nearly", "almost", "barely"];
const ABOUT: &[&str] = &[
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "estimated",
    "perhaps",
    "reportedly",
];
const ONLY: &[&str] = &["only", "just", "mere"];

static AT_LEAST_WORDS: WordSet = WordSet::new(AT_LEAST);
static AT_MOST_WORDS: WordSet = WordSet::new(AT_MOST);
static ABOUT_WORDS: WordSet = WordSet::new(ABOUT);
static HEDGES: WordSet = WordSet::union(&[AT_LEAST, AT_MOST, ABOUT, ONLY]);

/// Hedges that bound a figure but do not lead a group that speaks, so the source grammar does not
/// read them: `greater than the 480 mln marks` is a comparison (Reuters-21578), and `Up to half of
/// adults with obsessive-compulsive disorder show …` is no attribution.
static BOUND_ONLY: WordSet = WordSet::new(&[
    "upward",
    "upwards",
    "exceeding",
    "estimated",
    "perhaps",
    "reportedly",
]);

/// Two-word hedges: `at least`, `more than`, `all but`, and whether they lead a group that speaks.
static HEDGE_PAIRS: &[(&str, &str, Bound, bool)] = &[
    ("at", "least", Bound::AtLeast, true),
    ("more", "than", Bound::AtLeast, true),
    ("greater", "than", Bound::AtLeast, false),
    ("upwards", "of", Bound::AtLeast, true),
    ("at", "most", Bound::AtMost, true),
    ("less", "than", Bound::AtMost, true),
    ("fewer", "than", Bound::AtMost, true),
    ("up", "to", Bound::AtMost, false),
    ("all", "but", Bound::AtMost, true),
];

/// The two-word hedges that lead a group that speaks.
fn leading_pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    HEDGE_PAIRS
        .iter()
        .filter(|(_, _, _, leads)| *leads)
        .map(|(a, b, _, _)| (*a, *b))
}

/// A one-word hedge that leads a group that speaks (`About 40 rabbis`).
fn leading_hedge(w: &str) -> bool {
    HEDGES.contains(w) && !BOUND_ONLY.contains(w)
}

/// The hedge that ends with `last` (after `before`, for a two-word hedge) right before an amount, as
/// the bound it puts on the amount.
pub fn hedge_ending(before: Option<&str>, last: &str) -> Option<Bound> {
    let pair = before.and_then(|first| {
        HEDGE_PAIRS
            .iter()
            .find(|(a, b, _, _)| first.eq_ignore_ascii_case(a) && last.eq_ignore_ascii_case(b))
    });
    if let Some((_, _, bound, _)) = pair {
        return Some(*bound);
    }
    if AT_LEAST_WORDS.contains(last) {
        Some(Bound::AtLeast)
    } else if AT_MOST_WORDS.contains(last) {
        Some(Bound::AtMost)
    } else if ABOUT_WORDS.contains(last) {
        Some(Bound::About)
    } else {
        HEDGES.contains(last).then_some(Bound::Only)
    }
}

static SMALL_NUMBER_WORDS: WordSet = WordSet::new(SMALL_NUMBERS);

static TENS_WORDS: WordSet = WordSet::new(TENS);

/// Magnitudes, fractions and words for part of a group.
static AMOUNT_WORDS: WordSet = WordSet::new(&[
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "dozens",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
    "majority",
    "majorities",
    "plurality",
    "minority",
    "handful",
]);

/// `seventy`, `two`, `dozen`, `thirds`: a word that counts or measures a part.
fn number_word(w: &str) -> bool {
    SMALL_NUMBER_WORDS.contains(w) || TENS_WORDS.contains(w) || AMOUNT_WORDS.contains(w)
}

/// `42%`, `21,000`, `Seventy-four`, `two-thirds`, `Three-in-five`, `half`, `majority`: an amount.
fn amount(input: &str) -> Res<'_, &str> {
    let (rest, w) = word(input)?;
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok((rest, w));
    }
    let spelled = w
        .split('-')
        .all(|part| number_word(part) || is_in(&["in", "of"], part));
    if spelled && number_word(w.split('-').next().unwrap_or(w)) {
        Ok((rest, w))
    } else {
        fail(input)
    }
}

/// `about`, `at least`, `all but`: a hedge before an amount.
fn hedge(input: &str) -> Res<'_, &str> {
    let (rest, w) = word(input)?;
    if leading_hedge(w) {
        return Ok((rest, w));
    }
    if !leading_pairs().any(|(a, _)| w.eq_ignore_ascii_case(a)) {
        return fail(input);
    }
    let (after, second) = preceded(multispace1, word).parse(rest)?;
    if leading_pairs().any(|(a, b)| w.eq_ignore_ascii_case(a) && second.eq_ignore_ascii_case(b)) {
        Ok((after, &input[..input.len() - after.len()]))
    } else {
        fail(input)
    }
}

/// `Some`, `Most`, `75 percent`, `About 9 percent`, `At least 21,000`, `a majority`: how much of a group.
pub(super) fn quantity(input: &str) -> Res<'_, &str> {
    let counted = |i| {
        let (rest, w) = word(i)?;
        if QUANTIFIER_SOURCES.contains(w) || PRONOUNS.contains(w) && w == "none" {
            Ok((rest, w))
        } else {
            fail(i)
        }
    };
    let measured = pair(amount, nom::combinator::opt(preceded(multispace1, percent)));
    nom::branch::alt((
        recognize(pair(quantity_lead, measured)),
        recognize(pair(
            skip_many0(terminated(word_in(&ARTICLES), multispace1)),
            counted,
        )),
    ))
    .parse(input)
}

/// `a`, `at least`, `at least a`, `just over a`: what may come before an amount.
fn quantity_lead(input: &str) -> Res<'_, &str> {
    let article = || skip_many0(terminated(word_in(&ARTICLES), multispace1));
    recognize((
        article(),
        skip_many0(terminated(hedge, multispace1)),
        article(),
    ))
    .parse(input)
}

/// `percent`, `per cent`.
fn percent(input: &str) -> Res<'_, &str> {
    let (rest, w) = word(input)?;
    if w.eq_ignore_ascii_case("percent") {
        return Ok((rest, w));
    }
    if w.eq_ignore_ascii_case("per") {
        return recognize(pair(multispace1, word_in(&CENT)))
            .parse(rest)
            .map(|(after, _)| (after, &input[..input.len() - after.len()]));
    }
    fail(input)
}

/// Whether a source phrase opens with an amount (`Four in 10 voters`, `42%`): a group, which takes
/// a plural verb and names no person.
pub fn opens_with_quantity(source: &str) -> bool {
    may_open_quantity(source) && pair(quantity_lead, amount).parse(source).is_ok()
}

/// Whether the first word could start a quantity: a cheap test that spares most phrases the
/// quantity grammar (sources are parsed at many positions before every cue).
pub(super) fn may_open_quantity(input: &str) -> bool {
    word(input).is_ok_and(|(_, w)| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || ARTICLES.contains(w)
            || leading_hedge(w)
            || QUANTIFIER_SOURCES.contains(w)
            || number_word(w.split('-').next().unwrap_or(w))
            || leading_pairs().any(|(a, _)| w.eq_ignore_ascii_case(a))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::table::assert_source;

    #[test]
    fn a_hedged_amount_opens_a_counted_group() {
        // PolNeAR train: breitbart_2016-04-14_the-latest-trump-delivers-defens,
        // wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee,
        // usa-today_2016-03-16_american-dream-survives-among-mi; Reuters-21578 08185.
        for group in [
            "Nearly three in four",
            "About 40 rabbis",
            "Nearly a third",
            "More than a quarter of the firms polled",
        ] {
            assert!(opens_with_quantity(group), "{group}");
        }
        for no_amount in ["the survey", "Trump", "an organizer"] {
            assert!(!opens_with_quantity(no_amount), "{no_amount}");
        }
    }

    #[test]
    fn a_hedge_before_an_amount_bounds_it() {
        // DUC D0626H (`killed at least 224 people`), seeds 000 and 001 (`lasted some two hours`,
        // `speaking for over two hours`, `last just 35 minutes`), PolNeAR train (`Nearly three in four`).
        assert_eq!(hedge_ending(Some("at"), "least"), Some(Bound::AtLeast));
        assert_eq!(hedge_ending(Some("lasted"), "some"), Some(Bound::About));
        assert_eq!(hedge_ending(Some("for"), "over"), Some(Bound::AtLeast));
        assert_eq!(hedge_ending(Some("last"), "just"), Some(Bound::Only));
        assert_eq!(hedge_ending(None, "Nearly"), Some(Bound::AtMost));
        assert_eq!(hedge_ending(Some("bombing"), "killed"), None);
    }

    #[test]
    fn a_comparison_does_not_open_a_counted_group() {
        // Reuters-21578 10191 and DUC D0648C (AP, 24 November 1998): bounds, not groups that speak.
        for comparison in [
            "greater than the 480 mln marks",
            "Up to half of adults with obsessive-compulsive disorder",
        ] {
            assert!(!opens_with_quantity(comparison), "{comparison}");
        }
        assert_eq!(hedge_ending(Some("up"), "to"), Some(Bound::AtMost));
    }

    #[test]
    fn part_of_a_counted_group_is_the_source() {
        // Reuters-21578 08185 and PolNeAR train (breitbart_2016-03-15_the-latest-kasich-scores-all-del).
        assert_source(
            "More than a quarter of the firms polled said they thought orders in hand were insufficient.",
            "said",
            "More than a quarter of the firms polled",
        );
        assert_source(
            "At least half of voters in each state say each of the two candidates’ positions on the issues are “about right,” though voters are generally more likely to say Sanders’ policies are too liberal than not liberal enough and to say the opposite about Clinton.",
            "say",
            "At least half of voters in each state",
        );
    }
}
