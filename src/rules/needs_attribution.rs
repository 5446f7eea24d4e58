//! `needs-attribution` rules: a trigger (phrases or patterns) that must have an attribution in its
//! scope, or words there that say where the claim comes from (`unless`).

use super::context::Context;
use super::spec::{Check, Place, Rule};
use crate::span::Span;

/// Whether the trigger at `span` is a claim no one answers for (the runner keeps one a place).
pub(super) fn unsourced_claim(rule: &Rule, cx: &Context, span: Span) -> bool {
    let place_ok = match rule.place {
        Place::Narration => !cx.in_quotation(span),
        Place::Quote => cx.in_quotation(span),
        Place::Any => true,
    };
    let unless: &[String] = match &rule.check {
        Check::NeedsAttribution { unless, .. } => unless,
        _ => &[],
    };
    place_ok
        && cx.runs(rule)
        && !cx.in_question(span)
        && !cx.attributed(span, rule.scope)
        && !cx.mentions(span, rule.scope, unless)
}
