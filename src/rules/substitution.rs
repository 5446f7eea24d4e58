//! `substitution` rules: `wrong: right` pairs; the right form is the suggestion and, where the rule says
//! `safe`, the fix.

use super::context::{Context, diagnostic};
use super::spec::{Check, Rule};
use crate::diagnostic::{Diagnostic, Fix};
use crate::span::Span;

pub(super) fn substitution(rule: &Rule, cx: &Context, span: Span, index: usize) -> Diagnostic {
    let Check::Substitution { swap, safe } = &rule.check else {
        unreachable!("a swap role comes from a substitution rule")
    };
    let right = swap.values().nth(index).map_or("", String::as_str);
    let found = cx.text(span);
    let suggestion = match_case(found, right);
    diagnostic(
        rule,
        cx,
        span,
        &[("match", found), ("suggestion", &suggestion)],
    )
    .with_fix(Fix {
        span,
        replacement: suggestion.clone(),
        safe: *safe,
    })
}

/// `Alright` → `All right`: the suggestion takes the found word's leading capital.
fn match_case(found: &str, suggestion: &str) -> String {
    let capital = found.starts_with(|c: char| c.is_uppercase())
        && !suggestion.starts_with(|c: char| c.is_uppercase());
    if !capital {
        return suggestion.to_string();
    }
    let mut chars = suggestion.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_keep_a_leading_capital() {
        assert_eq!(match_case("Alright", "all right"), "All right");
        assert_eq!(match_case("alright", "all right"), "all right");
    }
}
