//! `consistency` rules: groups of variants of which one document uses only one.

use super::check::{Context, diagnostic};
use super::spec::Rule;
use crate::diagnostic::{Diagnostic, Label};
use crate::span::Span;

/// The first variant used sets the document's choice; each use of another variant is reported, with a
/// secondary label on the first use of the choice.
pub(super) fn consistency(
    rule: &Rule,
    cx: &Context,
    used: &[(usize, Span)],
    out: &mut Vec<Diagnostic>,
) {
    let Some(&(chosen, first)) = used.first() else {
        return;
    };
    for &(variant, span) in used.iter().filter(|(v, _)| *v != chosen) {
        let _ = variant;
        let other = cx.text(first);
        out.push(
            diagnostic(
                rule,
                cx,
                span,
                &[("match", cx.text(span)), ("other", other)],
            )
            .with_secondary(Label::new(
                cx.path(),
                first,
                format!("`{other}` is used first here"),
            )),
        );
    }
}
