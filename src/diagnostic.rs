//! Our own diagnostic: a stable code, a kebab-case name, a severity, a message, a primary label and
//! secondary labels (possibly in other files), notes and help. Reporters turn it into text.

use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
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
    /// For a summary of findings not shown (`left_out`), how many findings it stands for; 0 for a
    /// finding.
    pub summarises: usize,
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
            summarises: 0,
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

    /// The diagnostic's rule and primary place, with nothing it would say.
    fn place_alone(self) -> Diagnostic {
        Diagnostic {
            message: String::new(),
            primary: Label {
                message: String::new(),
                ..self.primary
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
            ..self
        }
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

/// Diagnostics sorted by path, offset and code, with at most `MAX_PER_RULE` of each rule in each file
/// (the first by place), and in place of the first left out, one of the rule's severity saying how
/// many more there are (`cap`). The rules over the limit are cut before the sort: a file with half a
/// million findings is not sorted, nor its sort's scratch space held, to show a few hundred.
pub fn sorted_and_capped(mut found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    cap(&mut found, &|_| true);
    sort(&mut found);
    found
}

/// Cuts each rule with more than `MAX_PER_RULE + 1` findings in a file, among the diagnostics
/// `may_cut` admits, to its first `MAX_PER_RULE` by place (ties in the order found) and, in place of
/// the next, one (`left_out`) standing for the rest; the other diagnostics stay, and the order is
/// kept. One more than the limit is shown rather than summed up. A summary from an earlier cut counts
/// as the findings it stands for, so cutting again, with more found, sums up all of them.
pub fn cap(found: &mut Vec<Diagnostic>, may_cut: &dyn Fn(&Diagnostic) -> bool) {
    let Some(Cut { keep, summaries }) = over_the_limit(found, may_cut) else {
        return;
    };
    for (i, more) in summaries {
        found[i] = left_out(found[i].clone(), more);
    }
    let mut i = 0;
    found.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// The findings a diagnostic stands for.
fn weight(d: &Diagnostic) -> usize {
    d.summarises.max(1)
}

/// What `cap` does to a list: which diagnostics it keeps, and the one each rule over the limit sums
/// up the rest in, with how many findings that stands for.
struct Cut {
    keep: Vec<bool>,
    summaries: Vec<(usize, usize)>,
}

/// The cut of the rules with more than `MAX_PER_RULE + 1` findings in a file (among those `may_cut`
/// admits); none when every rule is within the limit.
fn over_the_limit(found: &[Diagnostic], may_cut: &dyn Fn(&Diagnostic) -> bool) -> Option<Cut> {
    fn key(d: &Diagnostic) -> (&str, &str) {
        (&d.primary.path, &d.code)
    }
    let mut totals: HashMap<(&str, &str), usize> = HashMap::default();
    for d in found.iter().filter(|d| may_cut(d)) {
        *totals.entry(key(d)).or_default() += weight(d);
    }
    totals.retain(|_, n| *n > MAX_PER_RULE + 1);
    if totals.is_empty() {
        return None;
    }
    // Each such rule's diagnostics by place, ties in the order found (as the stable sort has them).
    let mut places: HashMap<(&str, &str), Vec<(usize, usize)>> = HashMap::default();
    for (i, d) in found.iter().enumerate() {
        if totals.contains_key(&key(d)) && may_cut(d) {
            places
                .entry(key(d))
                .or_default()
                .push((d.primary.span.start, i));
        }
    }
    let mut keep = vec![true; found.len()];
    let mut summaries = Vec::new();
    for (rule, list) in &mut places {
        // A summary stands at least `MAX_PER_RULE` findings from its rule's first: a rule over the
        // limit always has a place for one.
        if list.len() <= MAX_PER_RULE {
            continue;
        }
        list.select_nth_unstable(MAX_PER_RULE);
        for &(_, i) in &list[MAX_PER_RULE + 1..] {
            keep[i] = false;
        }
        summaries.push((list[MAX_PER_RULE].1, totals[rule] - MAX_PER_RULE));
    }
    Some(Cut { keep, summaries })
}

/// Findings on one file as they are made, held to a bound: each time the list doubles, the rules
/// over the limit are cut to what the report will show (`cap`), among the findings `may_cut` says no
/// later step will remove. A file with a finding every few bytes then holds a few hundred of each rule
/// rather than a diagnostic (about a kilobyte) for every few bytes of copy.
pub struct Found<'a> {
    list: Vec<Diagnostic>,
    may_cut: &'a dyn Fn(&Diagnostic) -> bool,
    hidden: &'a dyn Fn(&Diagnostic) -> bool,
    next_cut: usize,
}

/// Findings held before the first cut.
const FIRST_CUT: usize = 4096;

impl<'a> Found<'a> {
    pub fn new(may_cut: &'a dyn Fn(&Diagnostic) -> bool) -> Found<'a> {
        Found {
            list: Vec::new(),
            may_cut,
            hidden: &|_| false,
            next_cut: FIRST_CUT,
        }
    }

    /// Findings `hidden` says a suppression will hide are held as their rule and place alone: what
    /// they say is never shown, and where they are tells which suppression was used.
    pub fn hiding(self, hidden: &'a dyn Fn(&Diagnostic) -> bool) -> Found<'a> {
        Found { hidden, ..self }
    }

    pub fn push(&mut self, d: Diagnostic) {
        let d = if (self.hidden)(&d) {
            d.place_alone()
        } else {
            d
        };
        self.list.push(d);
        if self.list.len() >= self.next_cut {
            cap(&mut self.list, self.may_cut);
            self.next_cut = (2 * self.list.len()).max(FIRST_CUT);
        }
    }

    /// The findings, the rules over the limit cut.
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        cap(&mut self.list, self.may_cut);
        self.list
    }
}

impl Extend<Diagnostic> for Found<'_> {
    fn extend<T: IntoIterator<Item = Diagnostic>>(&mut self, found: T) {
        for d in found {
            self.push(d);
        }
    }
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
        summarises: more,
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

    /// The messages a report shows of `found`, after the cut while they were made.
    fn shown(found: Vec<Diagnostic>) -> Vec<String> {
        sorted_and_capped(found)
            .into_iter()
            .map(|d| format!("{}@{}: {}", d.code, d.primary.span.start, d.message))
            .collect()
    }

    #[test]
    fn findings_cut_as_they_are_made_show_what_the_whole_list_would() {
        // Pushed last place first, so each cut sees a later part of the file than the next.
        let mut all = findings("NL201", 10_000);
        all.reverse();
        let cut_any = |_: &Diagnostic| true;
        let mut found = Found::new(&cut_any);
        found.extend(all.clone());
        assert!(found.list.len() < 2 * FIRST_CUT);
        assert_eq!(shown(found.into_vec()), shown(all));
    }

    #[test]
    fn findings_a_later_step_reads_are_kept_whole() {
        let spared = |d: &Diagnostic| d.code != "NL202";
        let mut found = Found::new(&spared);
        found.extend(findings("NL202", 5_000));
        found.extend(findings("NL201", 5_000));
        let kept = found.into_vec();
        assert_eq!(kept.iter().filter(|d| d.code == "NL202").count(), 5_000);
        assert_eq!(
            kept.iter().filter(|d| d.code == "NL201").count(),
            MAX_PER_RULE + 1
        );
    }

    #[test]
    fn a_hidden_finding_is_held_as_its_rule_and_place() {
        let cut_none = |_: &Diagnostic| false;
        let first = |d: &Diagnostic| d.primary.span.start == 0;
        let mut found = Found::new(&cut_none).hiding(&first);
        found.extend(
            findings("NL203", 2)
                .into_iter()
                .map(|d| d.with_help("Say who")),
        );
        let held = found.into_vec();
        assert_eq!(
            (held[0].code.as_str(), held[0].primary.span),
            ("NL203", Span::new(0, 1))
        );
        assert_eq!(
            (held[0].message.as_str(), held[0].help.as_deref()),
            ("", None)
        );
        assert_eq!(held[1].message, "found");
    }

    #[test]
    fn a_summary_counts_the_findings_it_stands_for_when_more_come() {
        // A draft's own 300 findings cut to 100 and a summary; then one more of the rule, earlier
        // in the file, found comparing the story's drafts.
        let mut own = findings("NL210", 300);
        for d in &mut own {
            d.primary.span = Span::new(d.primary.span.start + 10, d.primary.span.end + 10);
        }
        let cut_any = |_: &Diagnostic| true;
        let mut found = Found::new(&cut_any);
        found.extend(own.clone());
        let mut cut = found.into_vec();
        cut.extend(findings("NL210", 1));
        let mut whole = own;
        whole.extend(findings("NL210", 1));
        let report = shown(cut);
        assert_eq!(report, shown(whole));
        assert!(report[MAX_PER_RULE].ends_with("… and 201 more NL210 in this file, not shown"));
    }

    #[test]
    fn a_rule_one_over_the_limit_is_shown_whole_while_another_is_capped() {
        // the corpus as one file had NL001 over the limit and another rule at exactly 101: a panic
        let mut all = findings("NL001", MAX_PER_RULE + 5);
        all.extend(findings("NL002", MAX_PER_RULE + 1));
        let kept = sorted_and_capped(all);
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
