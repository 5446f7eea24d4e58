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
use crate::document::Document;
use crate::input::{Format, SourceFile};
use crate::registry::Builtin;
use crate::span::{Span, SpanIndex};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

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
    /// The places whose findings the suppression hides (those whose primary span starts there): its
    /// scope, and where the scope is empty, the place it stands at.
    fn reach(&self) -> Span {
        Span::new(self.scope.start, self.scope.end.max(self.scope.start + 1))
    }
}

/// A file's suppressions, grouped by the rules they name (every rule, a code, a name): which
/// suppressions may hide a finding is a look-up and a binary search, which one does is a sweep over
/// the places, never a comparison with each (twenty thousand suppressions took seconds).
pub struct Covered {
    suppressions: Vec<Suppression>,
    every_rule: Option<usize>,
    by_code: FxHashMap<String, usize>,
    by_name: FxHashMap<String, usize>,
    /// Each group's scopes, and each suppression's groups.
    scopes: Vec<SpanIndex>,
    groups_of: Vec<Vec<usize>>,
}

impl Covered {
    pub fn of(file: &SourceFile, document: &Document) -> Covered {
        let suppressions = suppressions(file, document);
        let mut covered = Covered {
            suppressions: Vec::new(),
            every_rule: None,
            by_code: FxHashMap::default(),
            by_name: FxHashMap::default(),
            scopes: Vec::new(),
            groups_of: Vec::new(),
        };
        // Each group's scopes, a group made the first time a suppression names its rule.
        let mut members: Vec<Vec<Span>> = Vec::new();
        fn new_group(members: &mut Vec<Vec<Span>>) -> usize {
            members.push(Vec::new());
            members.len() - 1
        }
        for s in &suppressions {
            let mut groups = Vec::new();
            if s.codes.is_empty() {
                groups.push(
                    *covered
                        .every_rule
                        .get_or_insert_with(|| new_group(&mut members)),
                );
            }
            for c in &s.codes {
                let by_code = covered.by_code.entry(c.to_ascii_lowercase());
                groups.push(*by_code.or_insert_with(|| new_group(&mut members)));
                let by_name = covered.by_name.entry(c.clone());
                groups.push(*by_name.or_insert_with(|| new_group(&mut members)));
            }
            for &g in &groups {
                members[g].push(s.reach());
            }
            covered.groups_of.push(groups);
        }
        covered.scopes = members.into_iter().map(SpanIndex::new).collect();
        covered.suppressions = suppressions;
        covered
    }

    /// The groups of the suppressions that name `d`'s rule.
    fn naming(&self, d: &Diagnostic) -> impl Iterator<Item = usize> {
        let code = self.by_code.get(&d.code.to_ascii_lowercase()).copied();
        let name = self.by_name.get(&d.name).copied();
        [self.every_rule, code, name].into_iter().flatten()
    }

    /// Whether a suppression of the file hides `d` (when they are applied, one will).
    pub fn hides(&self, d: &Diagnostic) -> bool {
        if self.suppressions.is_empty() {
            return false; // most files have none: the lower-case code is not built to look up
        }
        let at = d.primary.span.start;
        self.naming(d)
            .any(|g| self.scopes[g].overlaps(Span::new(at, at + 1)))
    }

    /// For each diagnostic, the first suppression (in the file's order) that hides it. One sweep over
    /// the places in order: the suppressions whose scope holds the place are kept open, by group.
    fn first_hiding(&self, found: &[Diagnostic]) -> Vec<Option<usize>> {
        let mut places: Vec<usize> = (0..found.len()).collect();
        places.sort_by_key(|&i| found[i].primary.span.start);
        let reach = |i: usize| self.suppressions[i].reach();
        let mut opening: Vec<usize> = (0..self.suppressions.len()).collect();
        opening.sort_by_key(|&i| reach(i).start);
        let mut closing = opening.clone();
        closing.sort_by_key(|&i| reach(i).end);
        let mut open: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); self.scopes.len()];
        let (mut opened, mut closed) = (0, 0);
        let mut first = vec![None; found.len()];
        for i in places {
            let at = found[i].primary.span.start;
            while let Some(&s) = opening.get(opened).filter(|&&s| reach(s).start <= at) {
                for &g in &self.groups_of[s] {
                    open[g].insert(s);
                }
                opened += 1;
            }
            while let Some(&s) = closing.get(closed).filter(|&&s| reach(s).end <= at) {
                for &g in &self.groups_of[s] {
                    open[g].remove(&s);
                }
                closed += 1;
            }
            first[i] = self
                .naming(&found[i])
                .filter_map(|g| open[g].first().copied())
                .min();
        }
        first
    }
}

fn suppressions(file: &SourceFile, document: &Document) -> Vec<Suppression> {
    let text = &file.text;
    let all = directives(text);
    let enables = Enables::of(&all);
    let mut out = Vec::new();
    for (i, (directive, kind, codes, reason)) in all.iter().enumerate() {
        let reach = match *kind {
            "disable-next-line" => Reach::NextLine,
            "disable-sentence" => Reach::Sentence,
            "disable" => Reach::Block,
            _ => continue, // `enable` only ends a block
        };
        let scope = match reach {
            Reach::NextLine => next_line_of_file(file, *directive),
            Reach::Sentence => next_sentence(document, directive.end),
            Reach::Block => {
                let end = enables
                    .after(i, codes)
                    .map_or(text.len(), |j| all[j].0.start);
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

/// A file's `enable` directives by the codes they name, to find where each block ends in a binary
/// search (a file of many blocks compared each with every later directive).
struct Enables<'a> {
    naming_none: Vec<usize>,
    by_code: FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> Enables<'a> {
    fn of(all: &'a [(Span, &str, Vec<String>, Option<String>)]) -> Enables<'a> {
        let mut enables = Enables {
            naming_none: Vec::new(),
            by_code: FxHashMap::default(),
        };
        for (i, (_, kind, codes, _)) in all.iter().enumerate() {
            if *kind != "enable" {
                continue;
            }
            if codes.is_empty() {
                enables.naming_none.push(i);
            }
            for c in codes {
                enables.by_code.entry(c.as_str()).or_default().push(i);
            }
        }
        enables
    }

    /// The first `enable` after directive `i` that ends a block of `codes`: one naming no code, or one
    /// naming any of them.
    fn after(&self, i: usize, codes: &[String]) -> Option<usize> {
        let next = |list: &[usize]| list.get(list.partition_point(|&j| j <= i)).copied();
        let naming = codes
            .iter()
            .filter_map(|c| self.by_code.get(c.as_str()))
            .filter_map(|list| next(list));
        next(&self.naming_none).into_iter().chain(naming).min()
    }
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

/// The next line as the writer sees it: in HTML the file's, taken back into the text read (where a
/// line break between tags is a space, so the next line of the text read may be a paragraph further
/// on, or the rest of the directive's own).
fn next_line_of_file(file: &SourceFile, directive: Span) -> Span {
    let Some(converted) = file
        .converted
        .as_ref()
        .filter(|_| file.format == Format::Html)
    else {
        return next_line(&file.text, directive.end);
    };
    let line = next_line(&converted.original, file.to_original(directive).end);
    let reading = |at: usize| converted.map.reading(at, file.text.len());
    Span::new(reading(line.start), reading(line.end))
}

fn next_sentence(document: &Document, from: usize) -> Span {
    let sentences = &document.sentences;
    let i = sentences.partition_point(|s| s.span.start < from);
    sentences.get(i).map_or(Span::new(from, from), |s| s.span)
}

/// Removes suppressed diagnostics and adds a note for each suppression with no reason or no effect.
pub fn apply(analysis: &Analysis, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    Covered::of(&analysis.file, &analysis.document).apply(&analysis.file.path, diagnostics)
}

impl Covered {
    /// `apply`, with the suppressions of the file at `path` read before (`Covered::of`).
    pub fn apply(mut self, path: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.suppressions.is_empty() {
            return diagnostics;
        }
        let first = self.first_hiding(&diagnostics);
        for &s in first.iter().flatten() {
            self.suppressions[s].used = true;
        }
        let mut hidden = first.iter().map(Option::is_some);
        let mut kept: Vec<Diagnostic> = diagnostics
            .into_iter()
            .filter(|_| !hidden.next().unwrap_or(false))
            .collect();
        for s in &self.suppressions {
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
