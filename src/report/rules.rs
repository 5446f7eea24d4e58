//! `newslint rules` and `newslint explain` for rules of the pack.

use crate::checks::CodeRule;
use crate::rules::Pack;
use crate::rules::spec::{Check, Place, Rule, Scope};

/// One line per rule: code, name, kind, severity, and the first sentence of what it is for.
pub fn list(code_rules: &[CodeRule], pack: &Pack) -> String {
    let mut out = String::new();
    for r in code_rules {
        out += &format!(
            "{}  {:<26} {:<18} {:<8} {}\n",
            r.code,
            r.name,
            "code",
            r.severity.as_str(),
            r.summary
        );
    }
    for loaded in &pack.rules {
        let r = &loaded.rule;
        out += &format!(
            "{}  {:<26} {:<18} {:<8} {}\n",
            r.code.0,
            r.name.0,
            r.check.kind().as_str(),
            r.severity.as_str(),
            first_sentence(&r.why)
        );
    }
    out
}

/// A code rule's documentation.
pub fn explain_code(rule: &CodeRule) -> String {
    format!(
        "{} {} ({})\n\n{}\n\n{}",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        rule.summary,
        rule.explanation
    )
}

/// The rule's documentation: why, where it applies, examples, and the fix.
pub fn explain(rule: &Rule) -> String {
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
    out
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
