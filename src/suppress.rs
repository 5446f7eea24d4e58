//! Inline suppressions, each with a reason. In Markdown an HTML comment, in plain text a bracketed
//! directive (which is not copy):
//!
//! `<!-- newslint-disable-next-line NL203 -- quoted from the court filing -->` — the next line;
//! `[newslint-disable-sentence NL010 -- the source is protected]` — the sentence that follows;
//! `<!-- newslint-disable NL201 -- reader comments -->` … `<!-- newslint-enable NL201 -->` — a block.
//!
//! Codes (or names) are separated by commas or spaces; none means every rule. A suppression hides a
//! diagnostic whose primary span starts in its scope, never a secondary label elsewhere (so the other
//! side of a discrepancy stays visible). One with no reason, or one that hides nothing, is a note.

use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::directive::directives;
use crate::registry::Builtin;
use crate::span::Span;

/// The rules this module reports while it applies a file's suppressions.
pub const RULES: &[Builtin] = &[WITHOUT_REASON, UNUSED];

pub const WITHOUT_REASON: Builtin = Builtin {
    code: "NL003",
    name: "suppression-without-reason",
    severity: Severity::Note,
    summary: "A suppression that gives no reason",
    explanation: "\
## What it does
Notes a `newslint-disable…` directive with no reason after `--`.

## Why is this bad?
A suppression hides a finding from every later reader of the copy. The reason is what lets the next
editor judge whether it still holds.

## Example
    <!-- newslint-disable-next-line NL203 -->

Say why:

    <!-- newslint-disable-next-line NL203 -- quoted from the court filing -->
",
};

pub const UNUSED: Builtin = Builtin {
    code: "NL004",
    name: "unused-suppression",
    severity: Severity::Note,
    summary: "A suppression that hides nothing",
    explanation: "\
## What it does
Notes a `newslint-disable…` directive that hid no finding: the copy it covered changed, or its codes or
its place are wrong.

## Why is this bad?
A stale suppression will silently hide the next real finding that lands in its scope.

## Example
A `newslint-disable-next-line NL203` above a paragraph that no longer says \"reportedly\": remove it.
",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    NextLine,
    Sentence,
    Block,
}

#[derive(Debug)]
struct Suppression {
    directive: Span,
    codes: Vec<String>,
    reason: Option<String>,
    scope: Span,
    used: bool,
}

impl Suppression {
    /// Whether the suppression hides `d`: its primary span starts in the scope, and its rule is named
    /// (or none is).
    fn hides(&self, d: &Diagnostic) -> bool {
        self.scope.start <= d.primary.span.start
            && d.primary.span.start < self.scope.end.max(self.scope.start + 1)
            && (self.codes.is_empty()
                || self
                    .codes
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(&d.code) || *c == d.name))
    }
}

/// What a file's suppressions cover, before they are applied: a finding they may hide is held whole
/// until then (see `diagnostic::Found`).
pub struct Covered(Vec<Suppression>);

impl Covered {
    pub fn of(analysis: &Analysis) -> Covered {
        Covered(suppressions(analysis))
    }

    pub fn may_hide(&self, d: &Diagnostic) -> bool {
        self.0.iter().any(|s| s.hides(d))
    }
}

fn suppressions(analysis: &Analysis) -> Vec<Suppression> {
    let text = &analysis.file.text;
    let all = directives(text);
    let mut out = Vec::new();
    for (i, (directive, kind, codes, reason)) in all.iter().enumerate() {
        let reach = match *kind {
            "disable-next-line" => Reach::NextLine,
            "disable-sentence" => Reach::Sentence,
            "disable" => Reach::Block,
            _ => continue, // `enable` only ends a block
        };
        let scope = match reach {
            Reach::NextLine => next_line(text, directive.end),
            Reach::Sentence => next_sentence(analysis, directive.end),
            Reach::Block => {
                let end = all[i + 1..]
                    .iter()
                    .find(|(_, k, c, _)| {
                        *k == "enable" && (c.is_empty() || c.iter().any(|x| codes.contains(x)))
                    })
                    .map_or(text.len(), |(span, ..)| span.start);
                Span::new(directive.end, end)
            }
        };
        out.push(Suppression {
            directive: *directive,
            codes: codes.clone(),
            reason: reason.clone(),
            scope,
            used: false,
        });
    }
    out
}

/// The first non-blank line after `from` (the rest of the directive's own line is skipped).
fn next_line(text: &str, from: usize) -> Span {
    let line_end = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    let mut start = line_end;
    for line in text[line_end..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            return Span::new(start, start + line.trim_end().len());
        }
        start += line.len();
    }
    Span::new(text.len(), text.len())
}

fn next_sentence(analysis: &Analysis, from: usize) -> Span {
    let sentences = &analysis.document.sentences;
    let i = sentences.partition_point(|s| s.span.start < from);
    sentences.get(i).map_or(Span::new(from, from), |s| s.span)
}

/// Removes suppressed diagnostics and adds a note for each suppression with no reason or no effect.
pub fn apply(analysis: &Analysis, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut suppressions = suppressions(analysis);
    if suppressions.is_empty() {
        return diagnostics;
    }
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let hit = suppressions.iter_mut().find(|s| s.hides(d));
            match hit {
                Some(s) => {
                    s.used = true;
                    false
                }
                None => true,
            }
        })
        .collect();
    let path = &analysis.file.path;
    for s in &suppressions {
        let label = Label::new(path, s.directive, "");
        if s.reason.is_none() {
            kept.push(
                Diagnostic::new(WITHOUT_REASON.id(), "Suppression gives no reason", label.clone())
                    .with_help("Say why after `--`, e.g. `newslint-disable-next-line NL203 -- quoted from the court filing`"),
            );
        }
        if !s.used {
            kept.push(
                Diagnostic::new(UNUSED.id(), "Suppression hides nothing", label)
                    .with_help("Remove it, or check its codes and where it stands"),
            );
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_reasons() {
        let text = "<!-- newslint-disable-next-line NL203, NL010 -- quoted from the court filing -->\n[newslint-disable]";
        let found = directives(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, "disable-next-line");
        assert_eq!(found[0].2, ["NL203", "NL010"]);
        assert_eq!(found[0].3.as_deref(), Some("quoted from the court filing"));
        assert_eq!(found[1].1, "disable");
        assert!(found[1].2.is_empty() && found[1].3.is_none());
    }
}
