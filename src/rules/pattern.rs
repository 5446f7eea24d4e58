//! `pattern` rules: a regular expression (the linear-time `regex` crate), and the pattern half of a
//! `needs-attribution` trigger. Only matches that lie in copy count.

use super::context::Context;
use crate::span::Span;

/// Matches of a pattern that lie in copy.
pub(super) fn pattern_matches(cx: &Context, pattern: &regex::Regex) -> Vec<Span> {
    let doc = &cx.analysis.document;
    pattern
        .find_iter(doc.text())
        .filter(|m| !m.is_empty() && doc.sentence_at(m.start()).is_some())
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}
