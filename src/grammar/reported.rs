//! Reported speech and thought around a verb cue: `X said (that) …`, `X said: “…”`, `“…,” X said`,
//! `“…,” said X`, `…, X said, …`, `X told Y (that) …`, `Lavrov, who also attended, said …`,
//! and the agentless `it was reported that …`.

use super::clause::{
    Boundary, BoundaryKind, Tail, clause_boundary, content_before, content_end,
    quotation_just_before, strip_auxiliaries, tail_after,
};
use super::lexicon::CueClass;
use super::source::{source_after, source_before};
use super::words::{DETERMINERS, is_in};
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
        return inverted(site, boundary, before).or_else(|| appositive(site, boundary));
    }
    let source = source_before(text, slot_start, region)?;
    let source = (!(passive && is_impersonal(source.of(text)))).then_some(source);
    let content = content_for(site, before)?;
    Some(Found {
        source,
        content: Some(content),
    })
}

/// `to say`, `the claims`: the cue word is not a finite verb here.
fn follows_infinitive_or_determiner(before: &str) -> bool {
    let last = before.split_whitespace().next_back().unwrap_or("");
    last.eq_ignore_ascii_case("to")
        || (is_in(DETERMINERS, last) && !last.eq_ignore_ascii_case("all"))
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
        .starts_with(['.', ',', ';', '!', '?'])
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
    let inner_start = text[sentence.start..boundary.mark.start].rfind(',')? + sentence.start;
    let inner = text[inner_start + 1..boundary.mark.start].trim_start();
    let first = inner.split_whitespace().next()?;
    if !(is_in(&["who", "which", "whose", "the", "a", "an"], first)
        || first.ends_with("’s")
        || first.ends_with("'s"))
    {
        return None;
    }
    let outer = clause_boundary(site.doc, sentence.start, inner_start);
    let region_start = outer.map_or(sentence.start, |b| b.mark.end);
    let source = source_before(text, region_start, &text[region_start..inner_start])?;
    match tail_after(
        text,
        site.cue.end,
        sentence.end,
        site.form.class == CueClass::Addressed,
    ) {
        Tail::Content(start) | Tail::Comma(start) => {
            let content = Span::new(start, content_end(site.doc, site.sentence, start));
            Some(Found {
                source: Some(source),
                content: Some(content),
            })
        }
        Tail::End => None,
    }
}
