//! `phrase` rules: words or phrases, found by the pack's one automaton on word boundaries, less the
//! rule's `exceptions` (longer phrases that contain a match and mean something else: `most obviously`).

use super::check::{Context, diagnostic};
use super::spec::Rule;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// Whether an exception of rule `rule` overlaps the match (exceptions are few, so a scan will do).
pub(super) fn excepted(exceptions: &[(usize, Span)], rule: usize, span: Span) -> bool {
    exceptions
        .iter()
        .any(|&(r, e)| r == rule && e.overlaps(span))
}

pub(super) fn phrase(rule: &Rule, cx: &Context, span: Span) -> Diagnostic {
    diagnostic(rule, cx, span, &[("match", cx.text(span))])
}
