//! Reported speech and thought around a verb cue: `X said (that) …`, `X said: “…”`, `“…,” X said`,
//! `“…,” said X`, `…, X said, …`, `X told Y (that) …`, `Lavrov, who also attended, said …`,
//! and the agentless `it was reported that …`.

use super::clause::{
    Boundary, BoundaryKind, Tail, clause_boundary, content_before, content_end,
    quotation_just_before, strip_auxiliaries, tail_after,
};
use super::lexicon::CueClass;
use super::source::{noun_phrase, source_after, source_before};
use super::words::{DETERMINERS, is_in, last_word_start};
use super::{Found, Site};
use crate::span::Span;

pub(super) fn parse(site: &Site) -> Option<Found> {
    let text = site.doc.text();
    let sentence = site.sentence.span;
    if follows_infinitive_or_determiner(&text[sentence.start..site.cue.start]) {
        return None;
    }
    let boundary = clause_boundary(site.doc, sentence.start, site.cue.start);
    let slot_start = boundary.map_or(sentence.start, |b| b.mark.end);
    let (source_end, passive) =
        strip_auxiliaries(text, slot_start, site.cue.start, site.cue.of(text));
    let before = boundary.and_then(|b| content_before(site.doc, site.sentence, b));
    let region = &text[slot_start..source_end];
    if region.trim().is_empty() {
        return inverted(site, boundary, before)
            .or_else(|| appositive(site, boundary))
            .or_else(|| participle(site, boundary.map(|b| b.mark.start)));
    }
    let source = match source_before(text, slot_start, region) {
        Some(source) => source,
        None if ends_with_participle_preposition(region) => {
            let preposition_at = slot_start + last_word_start(region.trim_end());
            return participle(site, Some(preposition_at));
        }
        None => relative_or_coordinated(site, boundary, region)?,
    };
    let source = (!(passive && is_impersonal(source.of(text)))).then_some(source);
    let content = content_for(site, before)?;
    Some(Found {
        source,
        content: Some(content),
    })
}

/// `… by saying`, `… after telling`: the participle's subject is the main clause's.
fn ends_with_participle_preposition(region: &str) -> bool {
    let last = region.split_whitespace().next_back().unwrap_or("");
    is_in(
        &["by", "after", "while", "before", "when", "without", "in"],
        last,
    )
}

/// `The New York businessman has praised Putin, saying he was …`: the subject of the main clause (which
/// ends at `clause_end`) is the source of a participle cue.
fn participle(site: &Site, clause_end: Option<usize>) -> Option<Found> {
    let text = site.doc.text();
    let cue_word = site.cue.of(text).split_whitespace().next()?;
    let clause_end = clause_end?;
    if !cue_word.ends_with("ing") || site.form.class == CueClass::Thought {
        return None;
    }
    let sentence = site.sentence.span;
    let subject_start = first_clause_start(site.doc, sentence.start, clause_end);
    let subject = source_after(text, subject_start, clause_end)?;
    let content = match tail_after(
        text,
        site.cue.end,
        sentence.end,
        site.form.class == CueClass::Addressed,
    ) {
        Tail::Content(start) | Tail::Comma(start) => {
            Span::new(start, content_end(site.doc, site.sentence, start))
        }
        Tail::End => return None,
    };
    Some(Found {
        source: Some(subject),
        content: Some(content),
    })
}

/// `Barkley, who said …` (the source is the phrase the relative clause hangs on) and `Clinton … and said …`
/// (the subject of the first verb is the source of the second).
fn relative_or_coordinated(site: &Site, boundary: Option<Boundary>, region: &str) -> Option<Span> {
    let text = site.doc.text();
    let sentence = site.sentence.span;
    let word = region.trim();
    if is_in(&["who", "which"], word) {
        let comma = boundary.filter(|b| b.kind == BoundaryKind::Comma)?;
        let outer = clause_boundary(site.doc, sentence.start, comma.mark.start);
        let start = outer.map_or(sentence.start, |b| b.mark.end);
        return source_before(text, start, &text[start..comma.mark.start]);
    }
    if !(word.eq_ignore_ascii_case("and") || word.ends_with(" and")) {
        return None;
    }
    let subject_start = first_clause_start(site.doc, sentence.start, site.cue.start);
    let subject = source_after(text, subject_start, site.cue.start)?;
    let verb_follows = text[subject.end..site.cue.start].split_whitespace().count() > 1;
    verb_follows.then_some(subject)
}

/// Where the sentence's main clause starts: after a leading adverbial and its comma (`On Friday, …`).
fn first_clause_start(doc: &crate::document::Document, start: usize, limit: usize) -> usize {
    let text = &doc.text()[start..limit];
    match text.find(", ") {
        Some(i) if text[..i].split_whitespace().count() <= 4 && !text[..i].contains(['“', '"']) => {
            start + i + 2
        }
        _ => start,
    }
}

/// `to say`, `the claims`: the cue word is not a finite verb here.
fn follows_infinitive_or_determiner(before: &str) -> bool {
    let last = before.split_whitespace().next_back().unwrap_or("");
    last.eq_ignore_ascii_case("to")
        || (DETERMINERS.contains(last) && !last.eq_ignore_ascii_case("all"))
}

fn is_impersonal(source: &str) -> bool {
    source.eq_ignore_ascii_case("it")
}

/// Content for a cue with its source before it: what follows the cue, or what came before the boundary.
fn content_for(site: &Site, before: Option<Span>) -> Option<Span> {
    let text = site.doc.text();
    let sentence = site.sentence;
    let addressed = site.form.class == CueClass::Addressed;
    match tail_after(text, site.cue.end, sentence.span.end, addressed) {
        Tail::End => match before.or_else(|| quotation_just_before(site.doc, sentence)) {
            Some(content) => Some(content),
            None if site.form.class == CueClass::Thought => None,
            None => Some(Span::new(site.cue.end, site.cue.end)),
        },
        Tail::Comma(after) => {
            let rest = Span::new(after, content_end(site.doc, sentence, after));
            Some(before.map_or(rest, |b| b.cover(rest)))
        }
        Tail::Content(start) => Some(Span::new(start, content_end(site.doc, sentence, start))),
    }
}

/// `“…,” said Lavrov.` and `…, said the ministry.`
fn inverted(site: &Site, boundary: Option<Boundary>, before: Option<Span>) -> Option<Found> {
    let kind = boundary?.kind;
    if site.form.class == CueClass::Thought
        || !matches!(kind, BoundaryKind::Comma | BoundaryKind::CloseQuote)
    {
        return None;
    }
    let content = before?;
    let text = site.doc.text();
    let source = source_after(text, site.cue.end, site.sentence.span.end)?;
    let after = text[source.end..site.sentence.span.end].trim_start();
    after
        .starts_with(['.', ',', ';', '!', '?', '('])
        .then_some(Found {
            source: Some(source),
            content: Some(content),
        })
}

/// `Lavrov, who also attended, said …` and `Sergey Lavrov, Russia’s foreign minister, said …`.
fn appositive(site: &Site, boundary: Option<Boundary>) -> Option<Found> {
    let boundary = boundary.filter(|b| b.kind == BoundaryKind::Comma)?;
    let text = site.doc.text();
    let sentence = site.sentence.span;
    let mut segment_end = boundary.mark.start;
    // `Mr Shin-Bae Kim, chief executive of SK Telecom, also at 3GSM, said: …`: up to three asides.
    for _ in 0..MAX_ASIDES {
        let inner_start = text[sentence.start..segment_end].rfind(',')? + sentence.start;
        if !is_aside(text[inner_start + 1..segment_end].trim()) {
            return None;
        }
        let outer = clause_boundary(site.doc, sentence.start, inner_start);
        let region_start = outer.map_or(sentence.start, |b| b.mark.end);
        if let Some(source) = source_before(text, region_start, &text[region_start..inner_start]) {
            let addressed = site.form.class == CueClass::Addressed;
            return match tail_after(text, site.cue.end, sentence.end, addressed) {
                Tail::Content(start) | Tail::Comma(start) => {
                    let content = Span::new(start, content_end(site.doc, site.sentence, start));
                    Some(Found {
                        source: Some(source),
                        content: Some(content),
                    })
                }
                Tail::End => None,
            };
        }
        segment_end = inner_start;
    }
    None
}

const MAX_ASIDES: usize = 3;
const MAX_ASIDE_WORDS: usize = 10;

/// An aside between a source and its cue: a relative clause, an age, or a short descriptive phrase.
fn is_aside(inner: &str) -> bool {
    let Some(first) = inner.split_whitespace().next() else {
        return false;
    };
    let relative = is_in(&["who", "which", "whose"], first);
    let age = inner.chars().all(|c| c.is_ascii_digit());
    let short = inner.split_whitespace().count() <= MAX_ASIDE_WORDS;
    relative
        || age
        || (short && noun_phrase(inner).is_ok_and(|(rest, _)| rest.trim().is_empty()))
        || (short
            && is_in(
                &[
                    "also",
                    "now",
                    "then",
                    "formerly",
                    "previously",
                    "speaking",
                    "a",
                    "an",
                    "the",
                ],
                first,
            ))
}
