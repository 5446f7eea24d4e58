//! Reported speech and thought around a verb cue: `X said (that) …`, `X said: “…”`, `“…,” X said`,
//! `“…,” said X`, `…, X said, …`, `X told Y (that) …`, `Lavrov, who also attended, said …`,
//! and the agentless `it was reported that …`.
//!
//! `parse` reads the clause around the cue and hands each construct family to its file: the cue word
//! as a verb (`verb`), passives, participles, subjects, opening phrases, content and the coordination
//! that ends it, inverted and fronted frames, and asides. Each file's tests are its family's.

mod aside;
mod content;
mod coordination;
mod frame;
mod opening;
mod participle;
mod passive;
mod subject;
mod verb;

pub(super) use aside::is_plain_name;
pub(super) use content::reports_a_clause;
pub(super) use frame::FINITE_SPEECH_VERBS;
pub(super) use subject::word_before_source;

use crate::grammar::clause::{
    clause_boundary, content_before, extend_over_following_quotes, strip_auxiliaries,
};
use crate::grammar::source::source_before;
use crate::grammar::words::last_word_start;
use crate::grammar::{Found, Site};
use aside::appositive;
use content::content_for;
use frame::{fronted, inverted};
use participle::{
    ends_with_participle_preposition, participle, verb_of_a_statement, with_absolute,
};
use passive::{
    agent_follows, asked_by, asked_opening, passive_participle, passive_with_agent,
    subject_talked_about,
};
use subject::relative_or_coordinated;
use verb::{
    disagrees_with_singular, follows_infinitive_or_determiner, held_by_no_one_yet, possessed_noun,
};

pub(super) fn parse(site: &Site) -> Option<Found> {
    let text = site.doc.text();
    let sentence = site.sentence.span;
    // The word right before the cue, read once for the three tests that look at it.
    let last = text[sentence.start..site.cue.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    if follows_infinitive_or_determiner(last)
        || possessed_noun(site, last)
        || held_by_no_one_yet(site, last)
    {
        return None;
    }
    if agent_follows(text, site.cue.end) {
        return asked_by(site).or_else(|| passive_with_agent(site));
    }
    let boundary = clause_boundary(site.doc, sentence.start, site.cue.start);
    let slot_start = boundary.map_or(sentence.start, |b| b.mark.end);
    let (source_end, passive) =
        strip_auxiliaries(text, slot_start, site.cue.start, site.cue.of(text));
    let before = boundary.and_then(|b| content_before(site.doc, site.sentence, b));
    let slot_start = slot_start + with_absolute(&text[slot_start..source_end], site.cue.of(text));
    let region = &text[slot_start..source_end];
    if boundary.is_none() && region.trim().is_empty() && site.cue.of(text).ends_with("ed") {
        return asked_opening(site);
    }
    if region.trim().is_empty() {
        // `On Thursday, Trump spoke to …, promising to …`: a participle after a comma is first read
        // as the clause's, not as a finite verb with a source set off before it.
        let found = participle(site, boundary.map(|b| b.mark.start))
            .or_else(|| appositive(site, boundary))
            .or_else(|| inverted(site, boundary, before))
            .or_else(|| fronted(site, boundary))?;
        // `The key drug involved -- known as ribavirin -- has not been approved`: a passive's subject
        // is what is talked about, whatever stands between it and the verb.
        return Some(subject_talked_about(site, passive, found));
    }
    let source = match source_before(text, slot_start, region) {
        Some(source) => source,
        None if ends_with_participle_preposition(region) => {
            let preposition_at = slot_start + last_word_start(region.trim_end());
            return participle(site, Some(preposition_at)).or_else(|| passive_participle(site));
        }
        None => match verb_of_a_statement(site, region) {
            Some(verb_at) => source_before(text, slot_start, &region[..verb_at])?,
            None => relative_or_coordinated(site, slot_start, region)?,
        },
    };
    let nothing_between = text[source.end..site.cue.start].trim().is_empty();
    if nothing_between
        && (site.form.verb
            && disagrees_with_singular(source.of(text), site.cue.of(text), &site.form.lemma))
    {
        return None;
    }
    let content = extend_over_following_quotes(site.doc, site.index, content_for(site, before)?);
    Some(subject_talked_about(
        site,
        passive,
        Found {
            source: Some(source),
            content: Some(content),
        },
    ))
}
