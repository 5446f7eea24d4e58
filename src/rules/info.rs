//! A YAML rule's record in the registry: the one line `newslint rules` lists, and what `newslint
//! explain` prints, written from the rule's `why`, where it applies, its examples and its help.

use super::spec::{Check, Place, Rule, Scope};
use crate::registry::RuleInfo;

pub fn info(rule: &Rule) -> RuleInfo {
    RuleInfo {
        code: rule.code.0.clone(),
        name: rule.name.0.clone(),
        kind: rule.check.kind().as_str(),
        severity: rule.severity,
        summary: first_sentence(&rule.why),
        description: rule.why.trim().to_string(),
        explanation: explain(rule),
    }
}

/// The rule's documentation: why, where it applies, examples, and the fix.
fn explain(rule: &Rule) -> String {
    let place = match rule.place {
        Place::Narration => ", in narration only",
        Place::Quote => ", inside quotations only",
        Place::Any => "",
    };
    let needs_a_source = matches!(rule.check, Check::NeedsAttribution { .. });
    let attributed = match (rule.attributed, needs_a_source) {
        (Some(true), _) => ", where attributed".to_string(),
        (Some(false), _) | (None, true) => {
            format!(
                ", where no named source answers for it {}",
                reach(rule.scope)
            )
        }
        (None, false) => String::new(),
    };
    let opinion = if rule.argument {
        ", not on opinion copy"
    } else {
        ""
    };
    let mut out = format!(
        "{} {} ({}, {}{place}{attributed}{opinion})\n\n{}\n",
        rule.code.0,
        rule.name.0,
        rule.severity.as_str(),
        rule.check.kind().as_str(),
        rule.why.trim()
    );
    let section = |title: &str, lines: Vec<&str>| -> String {
        if lines.is_empty() {
            return String::new();
        }
        format!(
            "\n{title}\n{}",
            lines
                .iter()
                .map(|l| format!("    {l}\n"))
                .collect::<String>()
        )
    };
    out += &section(
        "Flags:",
        rule.examples.flag.iter().map(|e| e.text.as_str()).collect(),
    );
    out += &section(
        "Passes:",
        rule.examples.pass.iter().map(|e| e.text.as_str()).collect(),
    );
    out += &format!("\nhelp: {}\n", rule.help.trim());
    let filled = placeholders(&rule.help);
    if !filled.is_empty() {
        out += &format!("      (each finding fills in {})\n", filled.join(" and "));
    }
    out
}

/// The placeholders a help names (`{suggestion}`), each once, in order: a finding fills them in.
fn placeholders(help: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    for (open, _) in help.match_indices('{') {
        let Some(close) = help[open..].find('}') else {
            break;
        };
        let name = &help[open..=open + close];
        if !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// How far an attribution may stand from a match and answer for it, as `explain` says it.
fn reach(scope: Scope) -> &'static str {
    match scope {
        Scope::Content => "in what it says",
        Scope::Sentence => "in its sentence",
        Scope::Neighbours => "in its sentence or the one before or after",
        Scope::Paragraph => "in its paragraph",
    }
}

fn first_sentence(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.find(". ") {
        Some(i) => one_line[..=i].to_string(),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_says_a_help_placeholder_is_filled_in() {
        assert_eq!(placeholders("Write `{suggestion}`"), ["{suggestion}"]);
        assert_eq!(
            placeholders("`{match}` or `{other}`, not `{match}`"),
            ["{match}", "{other}"]
        );
        assert!(placeholders("Use one spelling throughout").is_empty());
    }
}
