//! Code rules: checks written in Rust because they need the document model and the attribution
//! records, not a phrase list. Each rule lives in its own file, its record (`Builtin`) beside its
//! check; `RULES` is the one place they are registered. `builtins` gathers every rule written in
//! Rust, these and the suppression notes and discrepancies, for the registry.

mod invisible_character;
mod unattributed_quote;
mod unbalanced_quote;

use crate::Analysis;
use crate::diagnostic::Found;
use crate::registry::{Builtin, Registry, RuleInfo};

/// A rule checked on each analysed file: its record and its check. Adding one is its file and one
/// line in `RULES`.
pub struct CodeRule {
    pub rule: Builtin,
    pub check: fn(&Builtin, &Analysis, &mut Found),
}

/// Every code rule checked on each file, by code.
pub const RULES: &[CodeRule] = &[
    unattributed_quote::RULE,
    unbalanced_quote::RULE,
    invisible_character::RULE,
];

/// Every rule written in Rust, by code: the rules checked on each file, the notes `suppress::apply`
/// reports while it applies suppressions, and the discrepancies.
pub fn builtins() -> impl Iterator<Item = &'static Builtin> {
    let mut all: Vec<&'static Builtin> = (RULES.iter().map(|r| &r.rule))
        .chain(crate::suppress::RULES)
        .chain(crate::discrepancy::rules())
        .collect();
    all.sort_by_key(|r| r.code); // `rules`, `explain` and SARIF list them in code order
    all.into_iter()
}

/// The registry records of every rule written in Rust, by code: of kind `discrepancy` for the
/// comparisons of drafts, `code` for the rest.
pub fn infos() -> impl Iterator<Item = RuleInfo> {
    builtins().map(|rule| {
        let compares = crate::discrepancy::rules().any(|d| d.code == rule.code);
        rule.info(if compares { "discrepancy" } else { "code" })
    })
}

/// The registry of the rules written in Rust alone (a rule pack adds its own: `Pack::registry`).
pub fn registry() -> Registry {
    Registry::new(infos())
}

/// Runs every code rule on one analysed file, its findings added to `out`.
pub fn run(analysis: &Analysis, out: &mut Found) {
    for rule in RULES {
        (rule.check)(&rule.rule, analysis, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let all: Vec<&Builtin> = builtins().collect();
        for (i, rule) in all.iter().enumerate() {
            assert!(
                rule.code.starts_with("NL") && rule.code.len() == 5,
                "{}",
                rule.code
            );
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            assert!(
                all[i + 1..]
                    .iter()
                    .all(|r| r.code != rule.code && r.name != rule.name)
            );
        }
    }
}
