//! Running a pack on one analysed file: the phrase matches of the one automaton handed to their rules'
//! kinds, each pattern and attribution rule run, and one finding kept per place. What a rule judges a
//! match in is `context`; each kind's own logic is in its file beside this one.

use super::context::{Context, Hit, diagnostic, excepted, is_name_use, phrase_hits};
use super::spec::{Check, Scope};
use super::{
    Pack, Role, attribution, consistency, needs_attribution, pattern, phrase, substitution,
};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Found};
use crate::span::Span;
use std::collections::BTreeMap;

/// Runs every rule of the pack on one file, its findings added to `out`.
pub fn run(pack: &Pack, analysis: &Analysis, out: &mut Found) {
    let cx = Context::new(analysis);
    let text = analysis.document.text();
    let mut phrases = Vec::new();
    let starts = pack.scan(text, |m| phrases.push(m));
    let (hits, exceptions) = phrase_hits(phrases);
    phrase_rules(pack, &cx, hits, out);
    let mut found = pack.pattern_matches(text, starts).into_iter();
    let mut next_matches = || pattern::in_copy(&cx, &found.next().unwrap_or_default());
    for (r, loaded) in pack.rules.iter().enumerate() {
        let rule = &loaded.rule;
        match &rule.check {
            Check::Pattern { .. } => {
                for span in next_matches() {
                    if cx.admits(rule, span) {
                        out.push(diagnostic(rule, &cx, span, &[("match", cx.text(span))]));
                    }
                }
            }
            Check::NeedsAttribution { trigger, .. } => {
                for _ in trigger.patterns() {
                    for span in next_matches() {
                        if !excepted(&exceptions, r, span) {
                            needs_attribution::needs_attribution(rule, &cx, span, out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    attribution_rules(pack, &cx, &exceptions, out);
    once_per_place(pack, analysis, out.list());
}

/// The `attribution` rules: the sources that name no one, and the cues that judge what was said.
fn attribution_rules(pack: &Pack, cx: &Context, exceptions: &[(usize, Span)], out: &mut Found) {
    for (r, loaded) in pack.rules.iter().enumerate() {
        if let Check::Attribution(check) = &loaded.rule.check {
            attribution::vague_sources(&loaded.rule, cx, check, out);
            let excepted = |cue| excepted(exceptions, r, cue);
            attribution::judged_cues(&loaded.rule, cx, check, excepted, out);
        }
    }
}

/// A claim rule reports a sentence once (a paragraph once, for rules scoped to it): `a serial liar,
/// rampant xenophobe, racist, misogynist` is one label problem for an editor, not four; and not where
/// a vague source is already reported.
fn once_per_place(pack: &Pack, analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let doc = &analysis.document;
    let is_claim = |d: &Diagnostic| {
        pack.find(&d.code)
            .is_some_and(|l| matches!(l.rule.check, Check::NeedsAttribution { .. }))
    };
    // `Many expect …`: a vague source the grammar read is one finding, not a weasel phrase as well.
    let vague_sources: Vec<Span> = out
        .iter()
        .filter(|d| {
            pack.find(&d.code).is_some_and(
                |l| matches!(&l.rule.check, Check::Attribution(c) if !c.sources.is_empty()),
            )
        })
        .map(|d| d.primary.span)
        .collect();
    out.retain(|d| !(is_claim(d) && vague_sources.iter().any(|s| s.overlaps(d.primary.span))));
    let place = |d: &Diagnostic| {
        let rule = &pack.find(&d.code)?.rule;
        let Check::NeedsAttribution { .. } = rule.check else {
            return None;
        };
        let sentence = doc.sentence_at(d.primary.span.start)?;
        Some(match rule.scope {
            Scope::Paragraph => (doc.sentences[sentence].block, true),
            _ => (sentence, false),
        })
    };
    out.sort_by_key(|d| d.primary.span.start);
    let mut seen = rustc_hash::FxHashSet::default();
    out.retain(|d| place(d).is_none_or(|p| seen.insert((d.code.clone(), p))));
}

fn phrase_rules(pack: &Pack, cx: &Context, hits: Vec<Hit>, out: &mut Found) {
    // (rule, group) → variants used, in order
    let mut variants: BTreeMap<(usize, usize), Vec<(usize, Span)>> = BTreeMap::new();
    for (r, role, span) in hits {
        let rule = &pack.rules[r].rule;
        match role {
            Role::Phrase if cx.admits(rule, span) => out.push(phrase::phrase(rule, cx, span)),
            Role::Swap(_) | Role::Variant { .. } if is_name_use(cx, span) => {}
            Role::Swap(i) if cx.admits(rule, span) => {
                out.push(substitution::substitution(rule, cx, span, i))
            }
            Role::Variant { group, variant } if cx.admits(rule, span) => variants
                .entry((r, group))
                .or_default()
                .push((variant, span)),
            Role::Trigger => needs_attribution::needs_attribution(rule, cx, span, out),
            _ => {}
        }
    }
    for ((r, _), used) in variants {
        consistency::consistency(&pack.rules[r].rule, cx, &used, out);
    }
}
