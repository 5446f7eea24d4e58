//! Our own diagnostic: a stable code, a kebab-case name, a severity, a message, a primary label and
//! secondary labels (possibly in other files), notes and help. Reporters turn it into text.

use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The first `max` characters of `text` on one line, with an ellipsis if cut: quoted copy in a
/// message.
/// Reads only as far as the excerpt needs, however long the text.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for (n, word) in text.split_whitespace().enumerate() {
        for c in (n > 0).then_some(' ').into_iter().chain(word.chars()) {
            if shown == max {
                out.push('…');
                return out;
            }
            out.push(c);
            shown += 1;
        }
    }
    out
}

/// A place in a file, with what to say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub path: String,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(path: &str, span: Span, message: impl Into<String>) -> Label {
        Label {
            path: path.to_string(),
            span,
            message: message.into(),
        }
    }
}

/// A replacement for a span of the file: what `--fix` would write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    /// The rule says applying it can never change the meaning.
    pub safe: bool,
}

/// Which rule a diagnostic comes from.
#[derive(Clone, Copy, Debug)]
pub struct RuleId<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub severity: Severity,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(rule: RuleId, message: impl Into<String>, primary: Label) -> Diagnostic {
        Diagnostic {
            code: rule.code.to_string(),
            name: rule.name.to_string(),
            severity: rule.severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(fix);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn with_secondary(mut self, label: Label) -> Diagnostic {
        self.secondary.push(label);
        self
    }
}

/// Output order: by path, then offset, then code, whatever order the threads finished in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.primary.path, a.primary.span.start, &a.code).cmp(&(
            &b.primary.path,
            b.primary.span.start,
            &b.code,
        ))
    });
}

/// At most this many diagnostics of one rule are reported in one file; one more says how many were
/// left out (32 KB of stray quotation marks would otherwise be 32,768 reports of one mistake).
pub const MAX_PER_RULE: usize = 100;

/// Sorted diagnostics with at most `MAX_PER_RULE` of each rule in each file (the first by place), and
/// in place of the first left out, one of the rule's severity saying how many more there are. One
/// more than the limit is shown rather than summed up, so a rule that sums up its own (`left_out`)
/// is left as it is.
pub fn cap_per_rule(sorted: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut counts: std::collections::HashMap<(&str, &str), usize> = Default::default();
    for d in &sorted {
        *counts.entry((&d.primary.path, &d.code)).or_default() += 1;
    }
    if counts.values().all(|&n| n <= MAX_PER_RULE + 1) {
        return sorted;
    }
    let hidden: std::collections::HashMap<(String, String), usize> = counts
        .into_iter()
        .filter(|&(_, n)| n > MAX_PER_RULE + 1)
        .map(|((path, code), n)| ((path.to_string(), code.to_string()), n - MAX_PER_RULE))
        .collect();
    let mut seen: std::collections::HashMap<(String, String), usize> = Default::default();
    let mut kept = Vec::new();
    for d in sorted {
        let key = (d.primary.path.clone(), d.code.clone());
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        if *n <= MAX_PER_RULE {
            kept.push(d);
        } else if *n == MAX_PER_RULE + 1 {
            // a rule with exactly one more than the limit keeps it, even when another rule is capped
            kept.push(match hidden.get(&key) {
                Some(&more) => left_out(d, more),
                None => d,
            });
        }
    }
    kept
}

/// The summary standing for `more` diagnostics of `first`'s rule, placed where `first` was.
pub fn left_out(first: Diagnostic, more: usize) -> Diagnostic {
    let message = format!(
        "… and {} more {} in this file, not shown",
        thousands(more),
        first.code
    );
    Diagnostic {
        message,
        primary: Label {
            message: "the first not shown".into(),
            ..first.primary
        },
        secondary: Vec::new(),
        notes: vec![format!(
            "newslint reports at most {MAX_PER_RULE} findings of one rule in one file"
        )],
        help: Some("Fix the findings shown and check again to see the rest".into()),
        fix: None,
        ..first
    }
}

/// `31998` as `31,998`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(code: &'static str, n: usize) -> Vec<Diagnostic> {
        let rule = RuleId {
            code,
            name: "rule",
            severity: Severity::Warning,
        };
        (0..n)
            .map(|i| Diagnostic::new(rule, "found", Label::new("a.txt", Span::new(i, i + 1), "")))
            .collect()
    }

    #[test]
    fn a_rule_one_over_the_limit_is_shown_whole_while_another_is_capped() {
        // the corpus as one file had NL001 over the limit and another rule at exactly 101: a panic
        let mut all = findings("NL001", MAX_PER_RULE + 5);
        all.extend(findings("NL002", MAX_PER_RULE + 1));
        sort(&mut all);
        let kept = cap_per_rule(all);
        let count = |code: &str| kept.iter().filter(|d| d.code == code).count();
        assert_eq!(count("NL001"), MAX_PER_RULE + 1);
        assert_eq!(count("NL002"), MAX_PER_RULE + 1);
        assert!(
            kept.iter()
                .any(|d| d.message.starts_with("… and 5 more NL001"))
        );
        assert!(!kept.iter().any(|d| d.message.contains("more NL002")));
    }
}
