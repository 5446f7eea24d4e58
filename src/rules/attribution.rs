//! `attribution` rules: conditions on the attributions the grammar found — a loaded cue (`claimed`), or
//! a source that names no one (`officials`, `some Democrats`, `a person familiar with the talks`)
//! with no reason given for it, read in the context of the sentences around it.

use super::context::{Context, diagnostic};
use super::spec::{AttributionCheck, Rule};
use crate::coverage::holds_a_belief;
use crate::diagnostic::Diagnostic;
use crate::grammar::Attribution;
use crate::grammar::lexicon::CueClass;
use crate::grammar::words::is_in;
use crate::span::Span;

/// The cues a rule judges (`claimed`): each use reported at the cue.
pub(super) fn judged_cues(
    rule: &Rule,
    cx: &Context,
    check: &AttributionCheck,
    excepted: impl Fn(Span) -> bool,
    out: &mut dyn FnMut(Diagnostic),
) {
    for a in &cx.analysis.attributions {
        if !check.cues.iter().any(|c| c.eq_ignore_ascii_case(&a.lemma)) {
            continue;
        }
        let source_text = a.source.map_or("(no source)", |s| cx.text(s));
        if !excepted(a.cue) && cx.admits(rule, a.cue) && !first_person(source_text) {
            let values = [
                ("cue", cx.text(a.cue)),
                ("source", source_text),
                ("match", cx.text(a.cue)),
            ];
            out(diagnostic(rule, cx, a.cue, &values));
        }
    }
}

/// The sources that name no one, each reported once however many cues share it (`Some analysts
/// predicted …, saying …`).
pub(super) fn vague_sources(
    rule: &Rule,
    cx: &Context,
    check: &AttributionCheck,
    out: &mut dyn FnMut(Diagnostic),
) {
    // A set, not a list: a draft of ten thousand vague sources must not compare each with all.
    let mut reported = rustc_hash::FxHashSet::default();
    if check.sources.is_empty() || !cx.runs(rule) {
        return;
    }
    for (i, a) in cx.analysis.attributions.iter().enumerate() {
        let Some(source) = a.source else { continue };
        if reported.contains(&source) || inside_named_report(cx, check, source) {
            continue; // `According to Mr McGuire, research suggests …`: the named speaker answers for it
        }
        if a.class == CueClass::Thought && !holds_a_belief(&cx.analysis.document, a) {
            continue; // `where people want to use a mobile`: an aim, no information to source
        }
        if names_no_one(cx, check, i, source)
            && !cx.mentions(source, super::spec::Scope::Sentence, &check.unless)
        {
            reported.insert(source);
            let values = [
                ("cue", cx.text(a.cue)),
                ("source", cx.text(source)),
                ("match", cx.text(source)),
            ];
            out(diagnostic(rule, cx, source, &values));
        }
    }
}

/// `I admit`, `we concede`: the writer's own voice (a column, a letter), not a verb chosen for
/// someone else's words.
fn first_person(source: &str) -> bool {
    is_in(&["i", "we"], source)
}

/// The source lies in what a named speaker says.
fn inside_named_report(cx: &Context, check: &AttributionCheck, source: Span) -> bool {
    cx.coverage().in_content(source) && cx.reporting(source).any(|a| names_a_person(cx, check, a))
}

/// Whether the source of attribution `index` leaves the reader unable to tell who it is: unnamed
/// whatever its affiliation (`a person familiar with …`, `some Democrats`), or a bare head word
/// (`officials`) that neither the sentence before says whose (`Party officials said …` then
/// `…, officials said`) nor a named source in the next sentence answers (a lead-in: `Experts say …`).
fn names_no_one(cx: &Context, check: &AttributionCheck, index: usize, source: Span) -> bool {
    let text = cx.text(source);
    // The head is asked first: few sources end in a vague head, and the unnamed markers are a scan
    // of the source each.
    if is_vague_head(text, &check.sources) && unnamed(text, &check.unnamed) {
        return true;
    }
    let answered = || {
        names_an_institution(text, &check.affiliations)
            || affiliated_before(cx, source)
            || described_after(cx, source)
            || named_in_apposition(cx, source)
            || said_whose_before(cx, index, text)
            || (is_group(text) && named_next(cx, check, index))
    };
    is_vague(text, &check.sources, || opens_with_common_word(cx, source)) && !answered()
}

/// `a company official`, `ministry officials`, `a government survey`: a word before the head ties the
/// source to an institution the story names.
fn names_an_institution(source: &str, affiliations: &[String]) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    words[..words.len().saturating_sub(1)]
        .iter()
        .any(|w| affiliations.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// `U.S. Officials said`: the grammar began the source after an affiliation written before it.
fn affiliated_before(cx: &Context, source: Span) -> bool {
    let doc = &cx.analysis.document;
    let Some(sentence) = doc.sentence_at(source.start) else {
        return false;
    };
    let start = doc.sentences[sentence].span.start;
    if start == source.start {
        // Wire copy capitalises the word after `U.S.`, which then ends a sentence.
        return sentence > 0
            && doc.text()[..start]
                .split_whitespace()
                .next_back()
                .is_some_and(is_initials);
    }
    let before = doc.text()[start..source.start].trim_end();
    let mut words = before.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    last.starts_with(|c: char| c.is_uppercase()) && words.next().is_some() && !is_determiner(last)
}

/// `U.S.`, `U.K.`: capital initials, each with its point.
fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes.len().is_multiple_of(2)
        && bytes
            .chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// The words right after the source say whose it is, where the grammar ended the source early: `a
/// report in the Des Moines Register`, `a survey published by NBC News`.
fn described_after(cx: &Context, source: Span) -> bool {
    let mut words = cx.analysis.document.text()[source.end..].split_whitespace();
    let mut next = words.next();
    if next.is_some_and(|w| is_in(&["published", "conducted", "released", "commissioned"], w)) {
        next = words.next();
    }
    next.is_some_and(|w| is_in(&["in", "by", "from", "of", "at", "for"], w))
        && words
            .next()
            .map(|w| {
                if is_in(&["the", "a", "an"], w) {
                    words.next()
                } else {
                    Some(w)
                }
            })
            .is_some_and(|w| w.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase())))
}

/// `According to technology analysts, TDG Research, there will be …`: a name set off by commas right
/// after the source is who they are.
fn named_in_apposition(cx: &Context, source: Span) -> bool {
    let after = &cx.analysis.document.text()[source.end..];
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let Some((name, _)) = rest.split_once(',') else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) && !is_determiner(w))
}

/// The source holds a word or phrase that leaves it unnamed (`familiar with`, `some`).
fn unnamed(source: &str, words: &[String]) -> bool {
    let lower = source.to_lowercase();
    words
        .iter()
        .any(|w| super::context::contains_word(&lower, w))
}

/// The phrase's head (its last word, or the word before a trailing description: `officials
/// familiar with …`) is one of the vague heads.
fn is_vague_head(source: &str, vague: &[String]) -> bool {
    source
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| !is_in(ATTACHMENTS, w) && !is_in(&["who", "that"], w))
        .last()
        .is_some_and(|head| vague.iter().any(|v| v.eq_ignore_ascii_case(head)))
}

/// Words that attach a description to a source (`officials at the ministry`, `a report by Demos`).
const ATTACHMENTS: &[&str] = &[
    "of", "from", "by", "at", "in", "for", "with", "close", "on", "to", "familiar", "involved",
    "briefed",
];

/// The sentence before, or this sentence before the source, names whose they are: the head word
/// with an affiliation (`Party officials`, `White House aides`).
fn said_whose_before(cx: &Context, index: usize, source: &str) -> bool {
    let Some(head) = source.split_whitespace().last() else {
        return false;
    };
    let a = &cx.analysis.attributions[index];
    let doc = &cx.analysis.document;
    let from = doc.sentences[a.sentence.saturating_sub(1)].span.start;
    let before = &doc.text()[from..a.source.map_or(a.cue.start, |s| s.start)];
    // ASCII lower case keeps byte offsets, so a find in the lowered text is a place in the original.
    before
        .to_ascii_lowercase()
        .match_indices(&head.to_ascii_lowercase())
        .any(|(at, _)| affiliated(&before[..at]))
}

/// The words right before a head word give an affiliation: a capitalised word that does not open
/// its sentence (`… Party officials`, `the White House aides`).
fn affiliated(before_head: &str) -> bool {
    let mut words = before_head.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let previous = words.next();
    last.starts_with(|c: char| c.is_uppercase())
        && !is_determiner(last)
        && previous.is_some_and(|p| !p.ends_with(['.', '!', '?']))
}

/// A group of people (`experts`, `some analysts`), whom a named member in the next sentence can
/// answer for; a document (`one report`, `a study`) is not answered by someone else's name.
fn is_group(source: &str) -> bool {
    source.split_whitespace().last().is_some_and(|head| {
        head.ends_with('s') && !is_in(&["reports", "studies", "surveys", "polls"], head)
    })
}

/// A named source answers in the next sentence: `Experts say the plan will fail. "…," said Jane Doe.`
fn named_next(cx: &Context, check: &AttributionCheck, index: usize) -> bool {
    let attributions = &cx.analysis.attributions;
    let sentence = attributions[index].sentence;
    attributions[index + 1..]
        .iter()
        .take_while(|a| a.sentence <= sentence + 1)
        .filter(|a| a.sentence == sentence + 1)
        .any(|a| names_a_person(cx, check, a))
}

/// An attribution whose source is a name (`Jane Doe`, `Mr. Smith`), not a vague phrase.
fn names_a_person(cx: &Context, check: &AttributionCheck, a: &Attribution) -> bool {
    let Some(source) = a.source else {
        return false;
    };
    let text = cx.text(source);
    text.split_whitespace()
        .any(|w| w.starts_with(|c: char| c.is_uppercase()) && !is_determiner(w))
        && !is_vague(text, &check.sources, || opens_with_common_word(cx, source))
        && !unnamed(text, &check.unnamed)
}

/// `Crime experts have concluded …`: the source opens its sentence with a capital that the same copy
/// writes in lower case elsewhere, so it is a common word, not an affiliation like `Russian officials`.
fn opens_with_common_word(cx: &Context, source: Span) -> bool {
    let doc = &cx.analysis.document;
    let opens_sentence = doc
        .sentence_at(source.start)
        .is_some_and(|s| doc.sentences[s].span.start == source.start);
    let Some(first) = cx.text(source).split_whitespace().next() else {
        return false;
    };
    let lower = first.to_lowercase();
    opens_sentence
        && first.starts_with(|c: char| c.is_uppercase())
        && lower != first
        && cx.writes(&lower)
}

/// A source is vague when it is a bare or indefinite phrase ending in a word of the list (`officials`,
/// `a source`, `some analysts`) with nothing that identifies it: no attachment (`officials at the
/// ministry`, `a report by Demos`), no capitalised affiliation (`U.S. officials`), no pronoun (`he and
/// fellow officials`), and not a definite reference back to one already named (`the study`, `its report`).
///
/// `common_first` answers whether the first word is a common word capitalised to open the sentence; it
/// is asked last, as it may index the whole copy.
fn is_vague(source: &str, vague: &[String], common_first: impl Fn() -> bool) -> bool {
    // Most sources end in no vague head: their words are not gathered.
    let Some(head) = source.split_whitespace().next_back() else {
        return false;
    };
    if !vague.iter().any(|v| v.eq_ignore_ascii_case(head)) {
        return false;
    }
    let words: Vec<&str> = source.split_whitespace().collect();
    let first = words[0];
    let definite = is_in(
        &[
            "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
        ],
        first,
    ) || first.ends_with("'s")
        || first.ends_with("’s");
    let affiliated = || {
        words[..words.len() - 1].iter().enumerate().any(|(i, w)| {
            w.starts_with(|c: char| c.is_uppercase())
                && !(i == 0 && (is_determiner(w) || common_first()))
        })
    };
    let attached = words.iter().any(|w| is_in(ATTACHMENTS, w));
    let identified = words
        .iter()
        .any(|w| is_in(&["he", "she", "they", "we", "i"], w));
    !definite && !attached && !identified && !affiliated()
}

fn is_determiner(word: &str) -> bool {
    crate::grammar::words::DETERMINERS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_capitals_each_with_a_point() {
        assert!(is_initials("U.S."));
        assert!(is_initials("U.K."));
        assert!(!is_initials("Gulf."));
        assert!(!is_initials("U.S"));
        assert!(!is_initials("Inc."));
    }

    fn is_vague_alone(source: &str, vague: &[String]) -> bool {
        is_vague(source, vague, || false)
    }

    fn list(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn vague_sources_name_no_affiliation() {
        let heads = list(&["officials", "sources", "source"]);
        assert!(is_vague_alone("officials", &heads));
        assert!(is_vague_alone("a source", &heads));
        assert!(is_vague_alone("senior officials", &heads));
        assert!(!is_vague_alone("U.S. officials", &heads));
        assert!(!is_vague_alone("White House officials", &heads));
        assert!(!is_vague_alone("Tillerson", &heads));
        // BBC business copy: a study or report named before is referred to as `the study`.
        let heads = list(&["study", "report", "analysts"]);
        assert!(!is_vague_alone("The study", &heads));
        assert!(!is_vague_alone("its report", &heads));
        assert!(!is_vague_alone("a report by UK think-tank Demos", &heads));
        assert!(is_vague_alone("some analysts", &heads));
        assert!(is_vague_alone("Analysts", &heads));
        // BBC politics-156 and business-066: identified by a pronoun, or not the head of the phrase.
        let heads = list(&["officials"]);
        assert!(!is_vague_alone("he and fellow officials", &heads));
        assert!(!is_vague_alone("comments from senior officials", &heads));
    }

    #[test]
    fn a_group_head_is_vague_though_capitalised() {
        // PolNeAR train: `Some Democrats say Perez would help Clinton …` (wash-post, 2016-07-06).
        let heads = list(&["democrats", "officials"]);
        assert!(is_vague_alone("Democrats", &heads));
        assert!(is_vague_alone("Some Democrats", &heads));
        assert!(is_vague_head("officials familiar with the system", &heads));
        assert!(!is_vague_head("the familiar faces", &heads));
        // PolNeAR train, wash-post 2016-03-30: `Law enforcement experts said …` in copy that writes
        // `law` in lower case elsewhere.
        let heads = list(&["experts"]);
        assert!(!is_vague_alone("Law enforcement experts", &heads));
        assert!(is_vague("Law enforcement experts", &heads, || true));
    }

    #[test]
    fn unnamed_markers_are_whole_words() {
        let markers = list(&["familiar with", "some", "many"]);
        assert!(unnamed("People familiar with the talks", &markers));
        assert!(unnamed("many Democrats", &markers));
        assert!(!unnamed("Germany's foreign ministry", &markers));
    }
}
