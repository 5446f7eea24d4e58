//! NL002 unbalanced-quote: a quotation mark that opens and never closes, or closes with nothing open.

use super::CodeRule;
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Found, Label, MAX_PER_RULE, Severity, left_out};
use crate::quotes::Unbalanced;
use crate::registry::Builtin;

pub const RULE: CodeRule = CodeRule {
    rule: Builtin {
        code: "NL002",
        name: "unbalanced-quote",
        severity: Severity::Warning,
        summary: "A quotation mark opens and never closes, or closes with nothing open",
        explanation: "\
## What it does
Flags a double quotation mark that is never closed in its paragraph (and is not continued by the next
paragraph opening with a quotation mark, the convention for a quotation running over paragraphs), and a
closing mark with no opening mark before it.

## Why is this bad?
Readers cannot tell where the speaker's words end and the reporter's begin, and newslint cannot either:
the words after the mark may be read as quoted or as narration.

## Example
    “The two leaders agreed this is of substantial hindrance, Tillerson said.

Close the quotation where the speaker's words end:

    “The two leaders agreed this is of substantial hindrance,” Tillerson said.
",
    },
    check,
};

/// A diagnostic for each unbalanced mark the quotation finder kept, and one standing for those past
/// it: a megabyte of stray marks is a million of them, too many to build only to leave out. The
/// report's cap then shows the first `MAX_PER_RULE` not suppressed and sums up the rest (a cut made
/// here, before suppressions, showed one fewer for each suppressed and counted it among the rest).
fn check(rule: &Builtin, analysis: &Analysis, out: &mut Found) {
    let quotes = &analysis.document.quotes;
    let kept: Vec<Diagnostic> = quotes
        .unbalanced
        .iter()
        .map(|issue| diagnostic(rule, analysis, issue))
        .collect();
    let beyond = quotes.unbalanced_count - kept.len();
    let summary = (beyond > 0)
        .then(|| kept.last().map(|last| left_out(last.clone(), beyond)))
        .flatten();
    out.extend(kept);
    out.extend(summary);
}

// The quotation finder keeps the places of more unbalanced marks than a report shows, so the marks
// past them are always among those summed up.
const _: () = assert!(crate::quotes::UNBALANCED_KEPT > MAX_PER_RULE + 1);

fn diagnostic(rule: &Builtin, analysis: &Analysis, issue: &Unbalanced) -> Diagnostic {
    let path = &analysis.file.path;
    let text = analysis.document.text();
    match *issue {
        Unbalanced::NeverClosed(mark) => Diagnostic::new(
            rule.id(),
            format!("Quotation mark `{}` is never closed", mark.of(text)),
            Label::new(path, mark, "opened here"),
        )
        .with_note("a quotation that runs on re-opens each new paragraph with a quotation mark")
        .with_help("Close the quotation where the speaker's words end"),
        Unbalanced::NeverOpened(mark) => Diagnostic::new(
            rule.id(),
            format!(
                "Closing quotation mark `{}` has no opening mark",
                mark.of(text)
            ),
            Label::new(path, mark, "closes nothing"),
        )
        .with_help("Open the quotation where the speaker's words begin, or remove this mark"),
    }
}
