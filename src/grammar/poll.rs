//! Polls as sources: `In a Des Moines Register poll last month, Mr. Cruz had 25 percent`, `… a 24-point
//! lead over Barack Obama among black voters in a CNN national poll`. The poll speaks for its
//! respondents; `in` is the cue and the clause it qualifies is the content.

use super::words::WordSet;
use super::words::{DETERMINERS, Res, fail, skip_many_m_n, word, word_in};
use crate::document::{Document, Sentence};
use crate::span::Span;
use nom::Parser;
use nom::character::complete::multispace1;
use nom::combinator::recognize;
use nom::sequence::{pair, terminated};

static POLL_NOUNS: WordSet = WordSet::new(&["poll", "polls", "survey", "surveys", "polling"]);
static IN: WordSet = WordSet::new(&["in"]);
/// Words that end the description before a poll noun could come (`in the poll` needs none of these).
static NOT_DESCRIPTIVE: WordSet = WordSet::new(&[
    "and", "or", "but", "that", "which", "who", "of", "to", "for", "with", "by", "on", "at",
    "from", "was", "is", "were", "are", "has", "have", "had", "he", "she", "they", "it",
]);

/// A word that may describe a poll: `the latest NBC News/Wall Street Journal`, `May's`, `50-state`.
fn descriptive(input: &str) -> Res<'_, &str> {
    let (rest, w) = word(input)?;
    if NOT_DESCRIPTIVE.contains(w) || POLL_NOUNS.contains(w) {
        return fail(input);
    }
    Ok((rest, w))
}

/// `a Des Moines Register poll`, `the polls`, `one national survey`: up to seven describing words and
/// a poll noun.
fn poll_phrase(input: &str) -> Res<'_, &str> {
    recognize((
        skip_many_m_n(0, 7, terminated(descriptive, multispace1)),
        word_in(&POLL_NOUNS),
    ))
    .parse(input)
}

/// `in` and the poll phrase after it, at `at` in `text`: the cue and the source.
fn in_a_poll(text: &str, at: usize) -> Option<(Span, Span)> {
    let (rest, (cue, _)) = pair(word_in(&IN), multispace1).parse(&text[at..]).ok()?;
    let (_, phrase) = poll_phrase(rest).ok()?;
    let first = phrase.split_whitespace().next()?;
    // `in polls`, `in the polls`, `in a poll`: a determiner or a plural opens the phrase.
    if !(DETERMINERS.contains(first)
        || phrase == "polls"
        || first.ends_with("’s")
        || first.ends_with("'s"))
    {
        return None;
    }
    let source_start = text.len() - rest.len();
    Some((
        Span::new(at, at + cue.len()),
        Span::new(source_start, source_start + phrase.len()),
    ))
}

/// Every `in … poll` of a sentence, with its content: what follows the opening phrase's comma, or the
/// clause before a closing phrase. `mentions` are where the text names a poll, in order.
pub(super) fn parse(
    doc: &Document,
    sentence: Sentence,
    mentions: &[Span],
) -> Vec<(Span, Span, Span)> {
    let text = doc.text();
    let body = sentence.span.of(text);
    let mut out = Vec::new();
    // Look for `in` only in sentences that name a poll.
    let first = mentions.partition_point(|m| m.start < sentence.span.start);
    if mentions
        .get(first)
        .is_none_or(|m| m.end > sentence.span.end)
    {
        return out;
    }
    let ins = body.match_indices("in ").chain(body.match_indices("In "));
    for (offset, _) in ins {
        let at = sentence.span.start + offset;
        let starts_word = offset == 0 || body[..offset].ends_with([' ', '\n', '“', '"', '(']);
        if !starts_word || doc.quotation_at(at).is_some() {
            continue;
        }
        let Some((cue, source)) = in_a_poll(text, at) else {
            continue;
        };
        // `soared in the polls` reports a standing, not a finding: a poll speaks when it opens the
        // sentence or is named (`in the latest NBC News/Wall Street Journal poll`).
        let named = source
            .of(text)
            .split_whitespace()
            .any(super::words::is_capitalised);
        if offset > 0 && !named {
            continue;
        }
        if let Some(content) = content(text, sentence, cue, source) {
            out.push((source, cue, content));
        }
    }
    out
}

fn content(text: &str, sentence: Sentence, cue: Span, source: Span) -> Option<Span> {
    let opening = text[sentence.span.start..cue.start]
        .trim_start_matches(['“', '"', ' '])
        .is_empty();
    let trim_end = |s: &str| {
        s.trim_end_matches(['.', ',', ';', ' ', '”', '"', '\n'])
            .len()
    };
    let span = if opening {
        let rest = &text[source.end..sentence.span.end];
        let comma = rest.find(',')?;
        let start = source.end + comma + 1;
        let body = &text[start..sentence.span.end];
        let lead = body.len() - body.trim_start().len();
        Span::new(start + lead, start + trim_end(body))
    } else {
        let before = &text[sentence.span.start..cue.start];
        let clause_start = before.rfind([';', ':']).map_or(0, |i| i + 1);
        let clause = &before[clause_start..];
        let lead = clause.len() - clause.trim_start().len();
        let start = sentence.span.start + clause_start + lead;
        Span::new(start, start + trim_end(&clause[lead..]))
    };
    (!span.is_empty()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::super::table::assert_attribution;

    #[test]
    fn a_poll_opening_or_closing_the_clause() {
        // PolNeAR train.
        assert_attribution(
            "In a Des Moines Register poll last month, Mr. Cruz had 25 percent.",
            "In",
            Some("a Des Moines Register poll"),
            "Mr. Cruz had 25 percent",
        );
        assert_attribution(
            "Trump entered the debate with a growing lead in the latest NBC News/Wall Street Journal poll.",
            "in",
            Some("the latest NBC News/Wall Street Journal poll"),
            "Trump entered the debate with a growing lead",
        );
    }
}
