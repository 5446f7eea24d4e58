//! `newslint test`: every rule's examples, run through the whole pipeline. A `flag` line must draw at
//! least one diagnostic of its rule, a `pass` line none. Failures are diagnostics placed on the example
//! in its rule file.

use super::Pack;
use crate::diagnostic::{Diagnostic, Found, Label, RuleId, Severity};
use crate::grammar::lexicon::Lexicon;
use crate::input::SourceFile;
use crate::span::Span;

pub struct Outcome {
    pub passed: usize,
    pub failures: Vec<Diagnostic>,
}

pub fn run(pack: &Pack, lexicon: &Lexicon) -> Outcome {
    let mut outcome = Outcome {
        passed: 0,
        failures: Vec::new(),
    };
    for loaded in &pack.rules {
        let rule = &loaded.rule;
        let cases = rule
            .examples
            .flag
            .iter()
            .map(|e| (e, true))
            .chain(rule.examples.pass.iter().map(|e| (e, false)));
        for (example, should_flag) in cases {
            let found = times_flagged(pack, lexicon, &rule.code.0, &example.text);
            if (found > 0) == should_flag {
                outcome.passed += 1;
                continue;
            }
            let file = &pack.files[loaded.file];
            let span = super::example_offset(file, example.index)
                .map_or(Span::new(0, 0), |at| example_line(&file.text, at));
            let message = if should_flag {
                format!("`flag` example is not flagged by {}", rule.code.0)
            } else {
                format!(
                    "`pass` example is flagged by {} ({found} {})",
                    rule.code.0,
                    if found == 1 { "time" } else { "times" }
                )
            };
            let id = RuleId {
                code: &rule.code.0,
                name: &rule.name.0,
                severity: Severity::Error,
            };
            outcome.failures.push(Diagnostic::new(
                id,
                message,
                Label::new(&file.path, span, "this example"),
            ));
        }
    }
    crate::diagnostic::sort(&mut outcome.failures);
    outcome
}

/// How many diagnostics of the rule `code` the example copy draws.
fn times_flagged(pack: &Pack, lexicon: &Lexicon, code: &str, text: &str) -> usize {
    let analysis = crate::analyse(SourceFile::new("example.txt", text), lexicon);
    let cut_none = |_: &Diagnostic| false;
    let mut found = Found::new(&cut_none);
    super::run(pack, &analysis, &mut found);
    found.into_vec().iter().filter(|d| d.code == code).count()
}

/// From the example's start to the end of its line, less a trailing comment.
fn example_line(text: &str, at: usize) -> Span {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[at..line_end];
    let without_comment = line.find("  #").map_or(line, |i| &line[..i]).trim_end();
    Span::new(at, at + without_comment.len())
}
