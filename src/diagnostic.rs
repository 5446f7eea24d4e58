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
pub fn excerpt(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
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
