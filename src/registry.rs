//! The rule registry: one record per rule, whatever runs it — a check written in Rust (`checks/`,
//! `suppress`), a discrepancy across drafts (`discrepancy/`) or a rule of the YAML pack (`rules/`).
//! `newslint rules`, `newslint explain`, SARIF's `tool.driver.rules`, the config's check of rule
//! names and the rule pack's check for reused codes all read this one table.

use crate::diagnostic::{RuleId, Severity};

/// A rule written in Rust, declared in the file of its check: who it is and its documentation.
pub struct Builtin {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line for `newslint rules`.
    pub summary: &'static str,
    /// What `newslint explain` prints: what it does, why it matters, an example.
    pub explanation: &'static str,
}

impl Builtin {
    /// Which rule a diagnostic comes from.
    pub const fn id(&self) -> RuleId<'static> {
        RuleId {
            code: self.code,
            name: self.name,
            severity: self.severity,
        }
    }

    /// The rule's record in the registry; `kind` is `code`, or `discrepancy` for a comparison of
    /// drafts.
    pub fn info(&self, kind: &'static str) -> RuleInfo {
        RuleInfo {
            code: self.code.to_string(),
            name: self.name.to_string(),
            kind,
            severity: self.severity,
            summary: self.summary.to_string(),
            description: self.explanation.to_string(),
            explanation: format!(
                "{} {} ({})\n\n{}\n\n{}",
                self.code,
                self.name,
                self.severity.as_str(),
                self.summary,
                self.explanation
            ),
        }
    }
}

/// What newslint says about one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    pub code: String,
    pub name: String,
    /// `code` or `discrepancy` for a rule written in Rust, else the YAML rule's `kind:`.
    pub kind: &'static str,
    pub severity: Severity,
    /// One line: what `newslint rules` lists and SARIF's short description.
    pub summary: String,
    /// What the rule finds and why it matters: SARIF's full description and help.
    pub description: String,
    /// The whole of what `newslint explain` prints.
    pub explanation: String,
}

impl RuleInfo {
    /// Whether `code_or_name` names this rule: its code in any case, or its name.
    pub fn is_named(&self, code_or_name: &str) -> bool {
        self.code.eq_ignore_ascii_case(code_or_name) || self.name == code_or_name
    }
}

/// Every rule, in the order `newslint rules` lists them: the built-in rules by code, then the pack's
/// rules in the order their files were loaded.
#[derive(Debug)]
pub struct Registry {
    rules: Vec<RuleInfo>,
}

impl Registry {
    pub fn new(rules: impl IntoIterator<Item = RuleInfo>) -> Registry {
        Registry {
            rules: rules.into_iter().collect(),
        }
    }

    pub fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    /// The rule with this code (`NL001`, in any case) or name (`unattributed-quote`).
    pub fn find(&self, code_or_name: &str) -> Option<&RuleInfo> {
        self.rules.iter().find(|r| r.is_named(code_or_name))
    }

    /// Each rule's code and name, the words a config or the command line may name it by.
    pub fn names(&self) -> Vec<(&str, &str)> {
        self.rules
            .iter()
            .map(|r| (r.code.as_str(), r.name.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: Builtin = Builtin {
        code: "NL001",
        name: "unattributed-quote",
        severity: Severity::Warning,
        summary: "A quotation with no speaker",
        explanation: "## What it does\n…\n",
    };

    #[test]
    fn a_rule_is_found_by_its_code_in_any_case_or_its_name() {
        let registry = Registry::new([RULE.info("code")]);
        assert!(registry.find("nl001").is_some());
        assert!(registry.find("unattributed-quote").is_some());
        assert!(registry.find("Unattributed-Quote").is_none());
        assert!(registry.find("NL002").is_none());
    }

    #[test]
    fn explain_heads_a_built_in_rule_with_its_code_name_and_severity() {
        assert_eq!(
            RULE.info("code").explanation,
            "NL001 unattributed-quote (warning)\n\nA quotation with no speaker\n\n## What it does\n…\n"
        );
    }
}
