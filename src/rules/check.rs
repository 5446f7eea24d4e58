//! Running a pack on one analysed file: phrase matches from the one automaton, patterns, and the
//! attribution conditions, each judged in context (quotation or narration, attributed or not).

use super::spec::{Check, Place, Rule, Scope};
use super::{Pack, Role};
use crate::Analysis;
use crate::coverage::Coverage;
use crate::diagnostic::{Diagnostic, Fix, Label, RuleId};
use crate::grammar::words::is_in;
use crate::span::Span;
use std::collections::BTreeMap;

/// Everything a rule may ask about where a match stands.
struct Context<'a> {
    analysis: &'a Analysis,
    coverage: Coverage,
}

impl Context<'_> {
    fn in_quotation(&self, span: Span) -> bool {
        self.analysis.document.quotation_at(span.start).is_some()
    }

    fn attributed(&self, span: Span, scope: Scope) -> bool {
        self.coverage
            .covers(&self.analysis.document, span, scope == Scope::Paragraph)
    }

    /// The rule's `where` and `attributed` conditions hold for this span.
    fn admits(&self, rule: &Rule, span: Span) -> bool {
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

    fn text(&self, span: Span) -> &str {
        span.of(&self.analysis.file.text)
    }

    fn path(&self) -> &str {
        &self.analysis.file.path
    }
}

/// Runs every rule of the pack on one file.
pub fn check(pack: &Pack, analysis: &Analysis) -> Vec<Diagnostic> {
    let cx = Context {
        analysis,
        coverage: Coverage::new(&analysis.document, &analysis.attributions),
    };
    let mut out = Vec::new();
    phrase_rules(pack, &cx, &mut out);
    for loaded in &pack.rules {
        let rule = &loaded.rule;
        match &rule.check {
            Check::Pattern { pattern } => {
                for span in pattern_matches(&cx, &pattern.0) {
                    if cx.admits(rule, span) {
                        out.push(diagnostic(rule, &cx, span, &[("match", cx.text(span))]));
                    }
                }
            }
            Check::NeedsAttribution { trigger } => {
                if let Some(pattern) = &trigger.pattern {
                    for span in pattern_matches(&cx, &pattern.0) {
                        needs_attribution(rule, &cx, span, &mut out);
                    }
                }
            }
            Check::Attribution {
                cues,
                sources,
                unless,
            } => attribution_rule(rule, &cx, cues, sources, unless, &mut out),
            _ => {}
        }
    }
    out
}

/// Matches of a pattern that lie in copy.
fn pattern_matches(cx: &Context, pattern: &regex::Regex) -> Vec<Span> {
    let doc = &cx.analysis.document;
    pattern
        .find_iter(doc.text())
        .filter(|m| !m.is_empty() && doc.sentence_at(m.start()).is_some())
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

fn phrase_rules(pack: &Pack, cx: &Context, out: &mut Vec<Diagnostic>) {
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
    // (rule, group) → variants used, in order
    let mut variants: BTreeMap<(usize, usize), Vec<(usize, Span)>> = BTreeMap::new();
    for (r, role, span) in hits {
        if exceptions
            .iter()
            .any(|&(er, es)| er == r && es.overlaps(span))
        {
            continue;
        }
        let rule = &pack.rules[r].rule;
        match role {
            Role::Phrase if cx.admits(rule, span) => {
                out.push(diagnostic(rule, cx, span, &[("match", cx.text(span))]))
            }
            Role::Swap(_) | Role::Variant { .. } if is_name_use(cx, span) => {}
            Role::Swap(i) if cx.admits(rule, span) => out.push(substitution(rule, cx, span, i)),
            Role::Variant { group, variant } if cx.admits(rule, span) => variants
                .entry((r, group))
                .or_default()
                .push((variant, span)),
            Role::Trigger => needs_attribution(rule, cx, span, out),
            _ => {}
        }
    }
    for ((r, _), used) in variants {
        consistency(&pack.rules[r].rule, cx, &used, out);
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

fn needs_attribution(rule: &Rule, cx: &Context, span: Span, out: &mut Vec<Diagnostic>) {
    let place_ok = match rule.place {
        Place::Narration => !cx.in_quotation(span),
        Place::Quote => cx.in_quotation(span),
        Place::Any => true,
    };
    if place_ok && !cx.attributed(span, rule.scope) {
        out.push(diagnostic(rule, cx, span, &[("match", cx.text(span))]));
    }
}

fn substitution(rule: &Rule, cx: &Context, span: Span, index: usize) -> Diagnostic {
    let Check::Substitution { swap, safe } = &rule.check else {
        unreachable!("a swap role comes from a substitution rule")
    };
    let right = swap.values().nth(index).map_or("", String::as_str);
    let found = cx.text(span);
    let suggestion = match_case(found, right);
    diagnostic(
        rule,
        cx,
        span,
        &[("match", found), ("suggestion", &suggestion)],
    )
    .with_fix(Fix {
        span,
        replacement: suggestion.clone(),
        safe: *safe,
    })
}

/// `Alright` → `All right`: the suggestion takes the found word's leading capital.
fn match_case(found: &str, suggestion: &str) -> String {
    let capital = found.starts_with(|c: char| c.is_uppercase())
        && !suggestion.starts_with(|c: char| c.is_uppercase());
    if !capital {
        return suggestion.to_string();
    }
    let mut chars = suggestion.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The first variant used sets the document's choice; each use of another variant is reported, with a
/// secondary label on the first use of the choice.
fn consistency(rule: &Rule, cx: &Context, used: &[(usize, Span)], out: &mut Vec<Diagnostic>) {
    let Some(&(chosen, first)) = used.first() else {
        return;
    };
    for &(variant, span) in used.iter().filter(|(v, _)| *v != chosen) {
        let _ = variant;
        let other = cx.text(first);
        out.push(
            diagnostic(
                rule,
                cx,
                span,
                &[("match", cx.text(span)), ("other", other)],
            )
            .with_secondary(Label::new(
                cx.path(),
                first,
                format!("`{other}` is used first here"),
            )),
        );
    }
}

fn attribution_rule(
    rule: &Rule,
    cx: &Context,
    cues: &[String],
    sources: &[String],
    unless: &[String],
    out: &mut Vec<Diagnostic>,
) {
    let doc = &cx.analysis.document;
    for a in &cx.analysis.attributions {
        let source_text = a.source.map_or("(no source)", |s| cx.text(s));
        if cues.iter().any(|c| c.eq_ignore_ascii_case(&a.lemma)) {
            let values = [
                ("cue", cx.text(a.cue)),
                ("source", source_text),
                ("match", cx.text(a.cue)),
            ];
            out.push(diagnostic(rule, cx, a.cue, &values));
            continue;
        }
        let Some(source) = a.source else { continue };
        if cx.coverage.in_content(source) {
            continue; // `According to Mr McGuire, research suggests …`: the named speaker answers for it
        }
        let sentence = doc.sentences[a.sentence].span.of(&cx.analysis.file.text);
        if is_vague(source_text, sources) && !explained(sentence, unless) {
            let values = [
                ("cue", cx.text(a.cue)),
                ("source", source_text),
                ("match", source_text),
            ];
            out.push(diagnostic(rule, cx, source, &values));
        }
    }
}

/// The sentence gives a reason or an affiliation (`unless` words, matched without regard to case).
fn explained(sentence: &str, unless: &[String]) -> bool {
    let sentence = sentence.to_lowercase();
    unless.iter().any(|u| sentence.contains(&u.to_lowercase()))
}

/// A source is vague when it is a bare or indefinite phrase ending in a word of the list (`officials`,
/// `a source`, `some analysts`) with nothing that identifies it: no attachment (`officials at the
/// ministry`, `a report by Demos`), no capitalised affiliation (`U.S. officials`), no pronoun (`he and
/// fellow officials`), and not a definite reference back to one already named (`the study`, `its report`).
fn is_vague(source: &str, vague: &[String]) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    let (Some(first), Some(head)) = (words.first(), words.last()) else {
        return false;
    };
    let definite = is_in(
        &[
            "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
        ],
        first,
    ) || first.ends_with("'s")
        || first.ends_with("’s");
    let affiliated =
        words.iter().enumerate().any(|(i, w)| {
            w.starts_with(|c: char| c.is_uppercase()) && !(i == 0 && is_determiner(w))
        }) && words.len() > 1;
    let attached = words
        .iter()
        .any(|w| is_in(&["of", "from", "by", "at", "in", "for", "with", "close"], w));
    let identified = words
        .iter()
        .any(|w| is_in(&["he", "she", "they", "we", "i"], w));
    vague.iter().any(|v| v.eq_ignore_ascii_case(head))
        && !definite
        && !affiliated
        && !attached
        && !identified
}

fn is_determiner(word: &str) -> bool {
    crate::grammar::words::DETERMINERS.contains(word)
}

/// A diagnostic for `rule` at `span`, its message's placeholders filled from `values`.
fn diagnostic(rule: &Rule, cx: &Context, span: Span, values: &[(&str, &str)]) -> Diagnostic {
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

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_keep_a_leading_capital() {
        assert_eq!(match_case("Alright", "all right"), "All right");
        assert_eq!(match_case("alright", "all right"), "all right");
    }

    #[test]
    fn vague_sources_name_no_affiliation() {
        let list = vec![
            "officials".to_string(),
            "sources".to_string(),
            "source".to_string(),
        ];
        assert!(is_vague("officials", &list));
        assert!(is_vague("a source", &list));
        assert!(is_vague("senior officials", &list));
        assert!(!is_vague("U.S. officials", &list));
        assert!(!is_vague("White House officials", &list));
        assert!(!is_vague("Tillerson", &list));
        // BBC business copy: a study or report named before is referred to as `the study`.
        let list = vec![
            "study".to_string(),
            "report".to_string(),
            "analysts".to_string(),
        ];
        assert!(!is_vague("The study", &list));
        assert!(!is_vague("its report", &list));
        assert!(!is_vague("a report by UK think-tank Demos", &list));
        assert!(is_vague("some analysts", &list));
        assert!(is_vague("Analysts", &list));
        // BBC politics-156 and business-066: identified by a pronoun, or not the head of the phrase.
        let list = vec!["officials".to_string()];
        assert!(!is_vague("he and fellow officials", &list));
        assert!(!is_vague("comments from senior officials", &list));
    }
}
