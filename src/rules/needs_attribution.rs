//! `needs-attribution` rules: a trigger (phrases or a pattern) that must have an attribution in its scope.

use super::check::{Context, diagnostic};
use super::spec::{Place, Rule};
use crate::diagnostic::Diagnostic;
use crate::span::Span;

pub(super) fn needs_attribution(rule: &Rule, cx: &Context, span: Span, out: &mut Vec<Diagnostic>) {
    let place_ok = match rule.place {
        Place::Narration => !cx.in_quotation(span),
        Place::Quote => cx.in_quotation(span),
        Place::Any => true,
    };
    if place_ok && !cx.attributed(span, rule.scope) {
        out.push(diagnostic(rule, cx, span, &[("match", cx.text(span))]));
    }
}
