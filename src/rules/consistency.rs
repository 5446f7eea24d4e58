//! `consistency` rules: groups of variants of which one document, or one story set, uses only one.

use super::context::{Context, diagnostic};
use super::spec::Rule;
use super::{Pack, VariantUses};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Found, Label};
use crate::span::Span;
use std::collections::BTreeMap;

/// The first variant used sets the document's choice; each use of another variant is reported, with a
/// secondary label on the first use of the choice.
pub(super) fn consistency(rule: &Rule, cx: &Context, used: &[(usize, Span)], out: &mut Found) {
    let Some(&(chosen, first)) = used.first() else {
        return;
    };
    for &(_, span) in used.iter().filter(|(v, _)| *v != chosen) {
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

/// (draft, variant, span): where a draft first uses a variant.
type DraftUse = (usize, usize, Span);

/// Across the drafts of a story: the first variant used in the set is its choice; in each other draft,
/// the first use of another variant is reported against it (uses within one draft are reported by the
/// draft's own check).
pub(super) fn across(pack: &Pack, story: &[&Analysis], drafts: &[VariantUses]) -> Vec<Diagnostic> {
    // (rule, group) → each draft's first use of each variant, in story order.
    let mut uses: BTreeMap<(usize, usize), Vec<DraftUse>> = BTreeMap::new();
    for (draft, draft_uses) in drafts.iter().enumerate() {
        for (&key, used) in draft_uses {
            let list = uses.entry(key).or_default();
            for &(variant, span) in used {
                if !list.iter().any(|&(d, v, _)| d == draft && v == variant) {
                    list.push((draft, variant, span));
                }
            }
        }
    }
    let mut out = Vec::new();
    for ((rule, _), list) in uses {
        let Some(&(first_draft, chosen, first_span)) = list.first() else {
            continue;
        };
        let first_analysis = story[first_draft];
        let other = first_span.of(first_analysis.document.text());
        for &(draft, _, span) in list
            .iter()
            .filter(|&&(d, v, _)| d != first_draft && v != chosen)
        {
            let analysis = story[draft];
            let cx = Context::new(analysis);
            out.push(
                diagnostic(
                    &pack.rules[rule].rule,
                    &cx,
                    span,
                    &[("match", cx.text(span)), ("other", other)],
                )
                .with_secondary(Label::new(
                    &first_analysis.file.path,
                    first_span,
                    format!("`{other}` is used first here"),
                )),
            );
        }
    }
    out
}
