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

/// At most `MAX_PER_RULE` diagnostics and one summing up the rest: a megabyte of stray marks is a
/// million of them, too many to build only to leave out.
fn check(rule: &Builtin, analysis: &Analysis, out: &mut Found) {
    let quotes = &analysis.document.quotes;
    let mut found: Vec<Diagnostic> = quotes
        .unbalanced
        .iter()
        .take(MAX_PER_RULE + 1)
        .map(|issue| diagnostic(rule, analysis, issue))
        .collect();
    if quotes.unbalanced_count > MAX_PER_RULE + 1 {
        let first_hidden = found.pop().expect("more than the limit were taken");
        found.push(left_out(
            first_hidden,
            quotes.unbalanced_count - MAX_PER_RULE,
        ));
    }
    out.extend(found);
}

// The quotation finder keeps the places of enough unbalanced marks for the report.
const _: () = assert!(crate::quotes::UNBALANCED_KEPT > MAX_PER_RULE);

fn diagnostic(rule: &Builtin, analysis: &Analysis, issue: &Unbalanced) -> Diagnostic {
    let path = &analysis.file.path;
    let text = &analysis.file.text;
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
