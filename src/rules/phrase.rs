//! `phrase` rules: words or phrases, found by the pack's one automaton on word boundaries, less the
//! rule's `exceptions` (longer phrases that contain a match and mean something else: `most obviously`).

use super::context::{Context, diagnostic};
use super::spec::Rule;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

pub(super) fn phrase(rule: &Rule, cx: &Context, span: Span) -> Diagnostic {
    diagnostic(rule, cx, span, &[("match", cx.text(span))])
}
