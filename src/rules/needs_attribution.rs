//! `needs-attribution` rules: a trigger (phrases or patterns) that must have an attribution in its
//! scope, or words there that say where the claim comes from (`unless`).

use super::context::{Context, diagnostic};
use super::spec::{Check, Place, Rule};
use crate::diagnostic::Found;
use crate::span::Span;

pub(super) fn needs_attribution(rule: &Rule, cx: &Context, span: Span, out: &mut Found) {
    let place_ok = match rule.place {
        Place::Narration => !cx.in_quotation(span),
        Place::Quote => cx.in_quotation(span),
        Place::Any => true,
    };
    let unless: &[String] = match &rule.check {
        Check::NeedsAttribution { unless, .. } => unless,
        _ => &[],
    };
    if place_ok
        && cx.runs(rule)
        && !cx.in_question(span)
        && !cx.attributed(span, rule.scope)
        && !cx.mentions(span, rule.scope, unless)
    {
        out.push(diagnostic(rule, cx, span, &[("match", cx.text(span))]));
    }
}
