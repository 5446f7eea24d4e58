//! Code rules: checks written in Rust because they need the document model and the attribution
//! records, not a phrase list. Each rule lives in its own file; this table is the one place they are
//! registered, with their stable codes.

mod discrepancies;
mod invisible_character;
mod suppressions;
mod unattributed_quote;
mod unbalanced_quote;

use crate::Analysis;
use crate::diagnostic::{Diagnostic, Severity};

impl CodeRule {
    pub fn id(&self) -> crate::diagnostic::RuleId<'static> {
        crate::diagnostic::RuleId {
            code: self.code,
            name: self.name,
            severity: self.severity,
        }
    }
}

pub struct CodeRule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line for `newslint rules`.
    pub summary: &'static str,
    /// What `newslint explain` prints: what it does, why it matters, an example.
    pub explanation: &'static str,
    /// The check, or None for the rules `suppress::apply` reports while it applies suppressions.
    pub check: Option<fn(&CodeRule, &Analysis) -> Vec<Diagnostic>>,
}

/// Every code rule, by code.
pub const RULES: &[CodeRule] = &[
    unattributed_quote::RULE,
    unbalanced_quote::RULE,
    invisible_character::RULE,
    suppressions::WITHOUT_REASON,
    suppressions::UNUSED,
    discrepancies::DRIFT,
    discrepancies::SPEAKERS,
    discrepancies::NAMES,
    discrepancies::TITLES,
    discrepancies::FIGURES,
    discrepancies::MISQUOTED,
    discrepancies::NOT_FOUND,
];

/// The rule with this code (`NL001`) or name (`unattributed-quote`).
pub fn find(code_or_name: &str) -> Option<&'static CodeRule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Runs every code rule on one analysed file.
pub fn run(analysis: &Analysis) -> Vec<Diagnostic> {
    RULES
        .iter()
        .filter_map(|rule| rule.check.map(|check| check(rule, analysis)))
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        for (i, rule) in RULES.iter().enumerate() {
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
                RULES[i + 1..]
                    .iter()
                    .all(|r| r.code != rule.code && r.name != rule.name)
            );
            assert_eq!(find(rule.code).map(|r| r.name), Some(rule.name));
        }
    }
}
