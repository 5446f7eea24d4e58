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
use crate::span::{Span, SpanIndex};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The uses of consistency rules' variants in one file, by (rule, group): each (variant, span) in the
/// order found. A story's check reads each draft's uses across the drafts (`check_across`).
pub type VariantUses = BTreeMap<(usize, usize), Vec<(usize, Span)>>;

/// Runs every rule of the pack on one file, its findings added to `out`; gives back its variant uses.
pub fn run(pack: &Pack, analysis: &Analysis, out: &mut Found) -> VariantUses {
    let cx = Context::new(analysis);
    let text = analysis.document.text();
    let mut phrases = Vec::new();
    let starts = pack.scan(text, |m| phrases.push(m));
    let (hits, exceptions) = phrase_hits(phrases);
    let mut claims = Vec::new();
    let variants = phrase_rules(pack, &cx, hits, out, &mut claims);
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
                        if !excepted(&exceptions, r, span)
                            && needs_attribution::unsourced_claim(rule, &cx, span)
                        {
                            claims.push((r, span));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let vague = attribution_rules(pack, &cx, &exceptions, out);
    once_per_place(pack, &cx, &claims, SpanIndex::new(vague), out);
    variants
}

/// The `attribution` rules: the sources that name no one, and the cues that judge what was said. The
/// spans of the findings of rules that look for sources that name no one are returned: a claim
/// there is reported as its vague source alone.
fn attribution_rules(
    pack: &Pack,
    cx: &Context,
    exceptions: &[(usize, Span)],
    out: &mut Found,
) -> Vec<Span> {
    let mut vague = Vec::new();
    for (r, loaded) in pack.rules.iter().enumerate() {
        if let Check::Attribution(check) = &loaded.rule.check {
            let mut add = |d: Diagnostic| {
                if !check.sources.is_empty() {
                    vague.push(d.primary.span);
                }
                out.push(d);
            };
            attribution::vague_sources(&loaded.rule, cx, check, &mut add);
            let excepted = |cue| excepted(exceptions, r, cue);
            attribution::judged_cues(&loaded.rule, cx, check, excepted, &mut add);
        }
    }
    vague
}

/// A claim rule reports a sentence once (a paragraph once, for rules scoped to it): `a serial liar,
/// rampant xenophobe, racist, misogynist` is one label problem for an editor, not four; and not where
/// a vague source is already reported (`Many expect …`: a vague source the grammar read is one
/// finding, not a weasel phrase as well). Claims are kept as places until then, and the first of each
/// rule in each place by offset (ties in the order found) becomes a finding: a file with a claim in
/// every sentence holds a few words for each, not a diagnostic.
fn once_per_place(
    pack: &Pack,
    cx: &Context,
    claims: &[(usize, Span)],
    vague: SpanIndex,
    out: &mut Found,
) {
    let doc = &cx.analysis.document;
    let mut kept = Vec::new();
    let mut first: FxHashMap<(usize, (usize, bool)), (usize, usize)> = FxHashMap::default();
    for (order, &(r, span)) in claims.iter().enumerate() {
        if vague.overlaps(span) {
            continue;
        }
        let Some(sentence) = doc.sentence_at(span.start) else {
            kept.push(order); // not in a sentence: no place to report once
            continue;
        };
        let place = match pack.rules[r].rule.scope {
            Scope::Paragraph => (doc.sentences[sentence].block, true),
            _ => (sentence, false),
        };
        let here = (span.start, order);
        first
            .entry((r, place))
            .and_modify(|seen| *seen = here.min(*seen))
            .or_insert(here);
    }
    kept.extend(first.into_values().map(|(_, order)| order));
    kept.sort_unstable_by_key(|&order| (claims[order].1.start, order));
    for order in kept {
        let (r, span) = claims[order];
        let rule = &pack.rules[r].rule;
        out.push(diagnostic(rule, cx, span, &[("match", cx.text(span))]));
    }
}

fn phrase_rules(
    pack: &Pack,
    cx: &Context,
    hits: Vec<Hit>,
    out: &mut Found,
    claims: &mut Vec<(usize, Span)>,
) -> VariantUses {
    let mut variants = VariantUses::new();
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
            Role::Trigger if needs_attribution::unsourced_claim(rule, cx, span) => {
                claims.push((r, span))
            }
            _ => {}
        }
    }
    for (&(r, _), used) in &variants {
        consistency::consistency(&pack.rules[r].rule, cx, used, out);
    }
    variants
}
