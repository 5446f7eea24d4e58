//! Running a pack on one analysed file: the context every check judges a match in (quotation or
//! narration, attributed or not), phrase matches from the one automaton handed to their rules' kinds,
//! and the diagnostics they make. Each kind's own logic is in its file beside this one.

use super::spec::{Check, Place, Rule, Scope};
use super::{
    Pack, Role, attribution, consistency, needs_attribution, pattern, phrase, substitution,
};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, RuleId};
use crate::input::Genre;
use crate::span::Span;
use std::collections::BTreeMap;

/// Everything a rule may ask about where a match stands.
pub(super) struct Context<'a> {
    pub analysis: &'a Analysis,
}

impl Context<'_> {
    /// Rules about the writer's own argument do not run on opinion copy.
    pub(super) fn runs(&self, rule: &Rule) -> bool {
        !(rule.argument && self.analysis.file.genre == Genre::Opinion)
    }

    /// `So is Trump lying about his signature issue?`: a question asserts nothing.
    pub(super) fn in_question(&self, span: Span) -> bool {
        let doc = &self.analysis.document;
        doc.sentence_at(span.start).is_some_and(|s| {
            doc.sentences[s]
                .span
                .of(doc.text())
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with('?')
        })
    }

    pub(super) fn in_quotation(&self, span: Span) -> bool {
        self.analysis.document.quotation_at(span.start).is_some()
    }

    pub(super) fn attributed(&self, span: Span, scope: Scope) -> bool {
        self.analysis
            .coverage
            .covers(&self.analysis.document, span, scope)
    }

    /// The rule's `where` and `attributed` conditions hold for this span, and the rule runs on this
    /// kind of copy.
    pub(super) fn admits(&self, rule: &Rule, span: Span) -> bool {
        if !self.runs(rule) {
            return false;
        }
        let place = match rule.place {
            Place::Narration => !self.in_quotation(span),
            Place::Quote => self.in_quotation(span),
            Place::Any => true,
        };
        place
            && rule
                .attributed
                .is_none_or(|wanted| self.attributed(span, rule.scope) == wanted)
    }

    /// Whether the sentences `scope` reaches from `span` mention one of `words` (lower case, compared
    /// without regard to case on word boundaries): `unless` words that explain a source or say where a
    /// claim comes from.
    pub(super) fn mentions(&self, span: Span, scope: Scope, words: &[String]) -> bool {
        if words.is_empty() {
            return false;
        }
        let doc = &self.analysis.document;
        let Some(at) = doc.sentence_at(span.start) else {
            return false;
        };
        let reach = match scope {
            Scope::Content | Scope::Sentence => doc.sentences[at].span,
            Scope::Neighbours => {
                let last = (at + 1).min(doc.sentences.len() - 1);
                doc.sentences[at.saturating_sub(1)]
                    .span
                    .cover(doc.sentences[last].span)
            }
            Scope::Paragraph => doc.copy.blocks[doc.sentences[at].block].span,
        };
        let text = reach.of(doc.text()).to_lowercase();
        words.iter().any(|w| contains_word(&text, w))
    }

    pub(super) fn text(&self, span: Span) -> &str {
        span.of(&self.analysis.file.text)
    }

    pub(super) fn path(&self) -> &str {
        &self.analysis.file.path
    }
}

/// Runs every rule of the pack on one file.
pub fn check(pack: &Pack, analysis: &Analysis) -> Vec<Diagnostic> {
    let cx = Context { analysis };
    let mut out = Vec::new();
    let (hits, exceptions) = phrase_hits(pack, &cx);
    phrase_rules(pack, &cx, hits, &mut out);
    for (r, loaded) in pack.rules.iter().enumerate() {
        let rule = &loaded.rule;
        match &rule.check {
            Check::Pattern { pattern } => {
                for span in pattern::pattern_matches(&cx, &pattern.0) {
                    if cx.admits(rule, span) {
                        out.push(diagnostic(rule, &cx, span, &[("match", cx.text(span))]));
                    }
                }
            }
            Check::NeedsAttribution { trigger, .. } => {
                for pattern in trigger.patterns() {
                    for span in pattern::pattern_matches(&cx, &pattern.0) {
                        if !phrase::excepted(&exceptions, r, span) {
                            needs_attribution::needs_attribution(rule, &cx, span, &mut out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    attribution_rules(pack, &cx, &exceptions, &mut out);
    once_per_place(pack, analysis, &mut out);
    out
}

/// The `attribution` rules: the sources that name no one, and the cues that judge what was said.
fn attribution_rules(
    pack: &Pack,
    cx: &Context,
    exceptions: &[(usize, Span)],
    out: &mut Vec<Diagnostic>,
) {
    for (r, loaded) in pack.rules.iter().enumerate() {
        if let Check::Attribution(check) = &loaded.rule.check {
            attribution::vague_sources(&loaded.rule, cx, check, out);
            let excepted = |cue| phrase::excepted(exceptions, r, cue);
            attribution::judged_cues(&loaded.rule, cx, check, excepted, out);
        }
    }
}

/// A claim rule reports a sentence once (a paragraph once, for rules scoped to it): `a serial liar,
/// rampant xenophobe, racist, misogynist` is one label problem for an editor, not four.
fn once_per_place(pack: &Pack, analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let doc = &analysis.document;
    let place = |d: &Diagnostic| {
        let rule = &pack.find(&d.code)?.rule;
        let Check::NeedsAttribution { .. } = rule.check else {
            return None;
        };
        let sentence = doc.sentence_at(d.primary.span.start)?;
        Some(match rule.scope {
            Scope::Paragraph => (doc.sentences[sentence].block, true),
            _ => (sentence, false),
        })
    };
    out.sort_by_key(|d| d.primary.span.start);
    let mut seen = std::collections::HashSet::new();
    out.retain(|d| place(d).is_none_or(|p| seen.insert((d.code.clone(), p))));
}

/// A phrase match: the index of the rule it serves, its role there, and where it is.
type Hit = (usize, Role, Span);

/// Every phrase match in the file with the rule and role it serves, less the matches a rule's own
/// exceptions cover; and those exceptions, for the rule's pattern matches.
fn phrase_hits(pack: &Pack, cx: &Context) -> (Vec<Hit>, Vec<(usize, Span)>) {
    let text = cx.analysis.document.text();
    let mut hits = Vec::new();
    let mut exceptions: Vec<(usize, Span)> = Vec::new();
    for (start, end, targets) in pack.matches(text) {
        for target in targets {
            let span = Span::new(start, end);
            match target.role {
                Role::Exception => exceptions.push((target.rule, span)),
                role => hits.push((target.rule, role, span)),
            }
        }
    }
    hits.retain(|&(r, _, span)| !phrase::excepted(&exceptions, r, span));
    (hits, exceptions)
}

/// Uses of consistency variants in one file, as `consistency` rules count them: (rule, group, variant, span).
pub(super) fn variant_uses(pack: &Pack, analysis: &Analysis) -> Vec<(usize, usize, usize, Span)> {
    let cx = Context { analysis };
    phrase_hits(pack, &cx)
        .0
        .into_iter()
        .filter_map(|(r, role, span)| match role {
            Role::Variant { group, variant }
                if !is_name_use(&cx, span) && cx.admits(&pack.rules[r].rule, span) =>
            {
                Some((r, group, variant, span))
            }
            _ => None,
        })
        .collect()
}

fn phrase_rules(pack: &Pack, cx: &Context, hits: Vec<Hit>, out: &mut Vec<Diagnostic>) {
    // (rule, group) → variants used, in order
    let mut variants: BTreeMap<(usize, usize), Vec<(usize, Span)>> = BTreeMap::new();
    for (r, role, span) in hits {
        let rule = &pack.rules[r].rule;
        match role {
            Role::Phrase if cx.admits(rule, span) => out.push(phrase::phrase(rule, cx, span)),
            Role::Swap(_) | Role::Variant { .. } if is_name_use(cx, span) => {}
            Role::Swap(i) if cx.admits(rule, span) => {
                out.push(substitution::substitution(rule, cx, span, i))
            }
            Role::Variant { group, variant } if cx.admits(rule, span) => variants
                .entry((r, group))
                .or_default()
                .push((variant, span)),
            Role::Trigger => needs_attribution::needs_attribution(rule, cx, span, out),
            _ => {}
        }
    }
    for ((r, _), used) in variants {
        consistency::consistency(&pack.rules[r].rule, cx, &used, out);
    }
}

/// `Email Systems` is a name, not a spelling of `email`: a capital that does not open the sentence, or
/// that another capitalised word follows, belongs to a name.
fn is_name_use(cx: &Context, span: Span) -> bool {
    let found = cx.text(span);
    let doc = &cx.analysis.document;
    let sentence_start = doc
        .sentence_at(span.start)
        .is_some_and(|s| doc.sentences[s].span.start == span.start);
    let next_is_capitalised = doc.text()[span.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    found.starts_with(|c: char| c.is_uppercase())
        && found.chars().any(char::is_lowercase)
        && (!sentence_start || next_is_capitalised)
}

/// A diagnostic for `rule` at `span`, its message's placeholders filled from `values`.
pub(super) fn diagnostic(
    rule: &Rule,
    cx: &Context,
    span: Span,
    values: &[(&str, &str)],
) -> Diagnostic {
    let mut message = rule.message.0.clone();
    for (name, value) in values {
        message = message.replace(&format!("{{{name}}}"), &one_line(value));
    }
    let id = RuleId {
        code: &rule.code.0,
        name: &rule.name.0,
        severity: rule.severity,
    };
    Diagnostic::new(id, message, Label::new(cx.path(), span, "")).with_help(rule.help.trim())
}

/// `word` (lower case) in `text` (lower case) with no letter either side.
pub(super) fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(at, _)| crate::grammar::lexicon::on_word_boundaries(text, at, at + word.len()))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
