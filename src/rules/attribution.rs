//! `attribution` rules: conditions on the attributions the grammar found — a loaded cue (`claimed`), or a
//! vague source (`officials`) that the sentence gives no reason or affiliation for.

use super::check::{Context, diagnostic};
use super::spec::Rule;
use crate::diagnostic::Diagnostic;
use crate::grammar::words::is_in;

pub(super) fn attribution_rule(
    rule: &Rule,
    cx: &Context,
    cues: &[String],
    sources: &[String],
    unless: &[String],
    out: &mut Vec<Diagnostic>,
) {
    let doc = &cx.analysis.document;
    // `Some analysts predicted …, saying …`: one source of two cues is one finding.
    let mut reported_sources = Vec::new();
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
        if cx.analysis.coverage.in_content(source) {
            continue; // `According to Mr McGuire, research suggests …`: the named speaker answers for it
        }
        let sentence = doc.sentences[a.sentence].span.of(&cx.analysis.file.text);
        if is_vague(source_text, sources)
            && !explained(sentence, unless)
            && !reported_sources.contains(&source)
        {
            reported_sources.push(source);
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

#[cfg(test)]
mod tests {
    use super::*;

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
