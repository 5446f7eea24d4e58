//! NL001 unattributed-quote: a quotation in body copy that no attribution covers.

use super::CodeRule;
use crate::Analysis;
use crate::coverage::Coverage;
use crate::diagnostic::{Diagnostic, Found, Label, Severity};
use crate::document::Document;
use crate::quotes::Quotation;
use crate::registry::Builtin;

pub const RULE: CodeRule = CodeRule {
    rule: Builtin {
        code: "NL001",
        name: "unattributed-quote",
        severity: Severity::Warning,
        summary: "A quotation with no speaker",
        explanation: "\
## What it does
Flags a quotation in body copy that starts like a sentence, has three or more words, and that no
attribution covers. A quotation is covered when an attribution's content includes it; when its
sentence, a neighbouring sentence or its paragraph has an attribution; when a colon introduces it
(`He went further: \"…\"`); or when its paragraph opens with it right after a paragraph with an attribution
(a run of quoted paragraphs). Headlines, quoted terms and partial quotes (`an online \"day of action\"`),
and titles in title case are not checked; a quotation running over several paragraphs is checked once,
where it opens.

## Why is this bad?
A direct quotation asserts that someone said exactly these words. Without a speaker the reader cannot
weigh them, and the desk cannot verify them.

## Example
    “The two leaders agreed this is of substantial hindrance.”

Name who said it:

    “The two leaders agreed this is of substantial hindrance,” Tillerson said.
",
    },
    check,
};

/// Quotations shorter than this are quoted terms, not speech.
const MIN_WORDS: usize = 3;

/// Speech, as this rule means it: a quotation that starts like a sentence (a partial quote such as
/// `an online "day of action"` is a quoted term), has at least `MIN_WORDS` words, and is not a title in
/// title case (`"Action Plan for the Development of Italy"`, BBC business-052).
fn is_speech(quoted: &str) -> bool {
    let words: Vec<&str> = quoted.split_whitespace().collect();
    let starts_like_a_sentence = quoted
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let significant: Vec<&&str> = words.iter().filter(|w| w.len() > 3).collect();
    let capitalised = significant
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    // `"The Late Show With Stephen Colbert,"` (PolNeAR train): American copy puts the comma inside.
    let title = !significant.is_empty()
        && capitalised == significant.len()
        && !quoted.trim_end().ends_with(['.', '?', '!']);
    starts_like_a_sentence && words.len() >= MIN_WORDS && !title
}

fn check(rule: &Builtin, analysis: &Analysis, out: &mut Found) {
    let doc = &analysis.document;
    let speakers = Coverage::speakers(doc, &analysis.attributions);
    let found = doc
        .quotations()
        .map(|(_, q)| q)
        .filter(|q| q.continues.is_none() && !doc.is_heading(q.block))
        .filter(|q| is_speech(q.inner.of(analysis.document.text())))
        .filter(|q| !covered(analysis, &speakers, q))
        .map(|q| diagnostic(rule, analysis, q));
    out.extend(found);
}

/// Who speaks is clear from the attributions around the quotation, or from the copy's framing.
fn covered(analysis: &Analysis, coverage: &Coverage, q: &Quotation) -> bool {
    let doc = &analysis.document;
    coverage.block(q.block)
        || coverage.in_content(q.span)
        || near_attribution(doc, q, coverage)
        || introduced_by_colon(doc, q)
        || introduced_as_text(doc, q)
        || framed_by_a_verb(doc, q)
        || person_in_view(doc, q)
        || continues_previous_speaker(analysis, q)
}

/// A sentence of the quotation, or the sentence either side of it, has an attribution.
fn near_attribution(doc: &Document, q: &Quotation, coverage: &Coverage) -> bool {
    let first = doc.sentence_at(q.span.start).unwrap_or(0);
    let last = doc
        .sentence_at(q.span.end.saturating_sub(1))
        .unwrap_or(first);
    (first.saturating_sub(1)..=last + 1).any(|s| coverage.sentence(s))
}

/// `He is prepared to go this far: "A clear conclusion …"` (BBC politics-284): a colon hands over to
/// the words of whoever the clause before it is about.
fn introduced_by_colon(doc: &Document, q: &Quotation) -> bool {
    doc.text()[..q.span.start].trim_end().ends_with(':')
}

/// `At the bottom it reads, “P.S. You can further support …”` (PolNeAR train): the words of a sign, a
/// letter or a title, introduced as such.
fn introduced_as_text(doc: &Document, q: &Quotation) -> bool {
    let before = doc.text()[..q.span.start].trim_end().trim_end_matches(',');
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    crate::grammar::words::is_in(
        &[
            "reads",
            "read",
            "reading",
            "titled",
            "entitled",
            "headlined",
            "captioned",
            "labeled",
            "labelled",
            "dubbed",
            "nicknamed",
            "slogan",
            "sign",
            "signs",
            "banner",
            "motto",
        ],
        last,
    )
}

/// `“This is fantastic!” beamed Donald Hartley` (PolNeAR train): a verb the lexicon does not list,
/// right after the quotation, with a name or a pronoun beside it.
fn framed_by_a_verb(doc: &Document, q: &Quotation) -> bool {
    let mut words = doc.text()[q.span.end..].split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let is_verb =
        |w: &str| w.len() > 3 && w.ends_with("ed") && crate::grammar::words::is_lower_case(w);
    let is_who = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            || crate::grammar::words::is_in(&["he", "she", "they"], w)
    };
    (is_verb(first) && is_who(second))
        || (is_who(first) && is_verb(second.trim_end_matches(['.', ','])))
}

/// `She sighs. “I'm 50/50 …”`, `Warner voiced concern …. “And, unequivocally, …”`: the sentence
/// before the quotation, in its paragraph, is about a person.
fn person_in_view(doc: &Document, q: &Quotation) -> bool {
    let Some(at) = doc.sentence_at(q.span.start) else {
        return false;
    };
    let here = doc.sentences[at];
    let before = if here.span.start < q.span.start {
        Some(here)
    } else {
        at.checked_sub(1)
            .map(|s| doc.sentences[s])
            .filter(|s| s.block == q.block)
    };
    before.is_some_and(|s| {
        let sentence = s.span.of(doc.text());
        sentence.split_whitespace().any(|w| {
            crate::grammar::words::is_in(
                &["he", "she", "him", "her", "his"],
                w.trim_matches(|c: char| !c.is_alphanumeric()),
            )
        }) || opens_with_a_named_subject(sentence)
    })
}

/// `Warner voiced concern that …`: a sentence whose subject is a name, then a verb.
fn opens_with_a_named_subject(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().take(4).collect();
    let names = words
        .iter()
        .take_while(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && !crate::grammar::words::DETERMINERS.contains_lowercased(w)
                && !crate::grammar::words::is_in(
                    &[
                        "it", "this", "that", "there", "they", "we", "i", "you", "here", "but",
                        "and", "so", "yet", "also",
                    ],
                    w,
                )
        })
        .count();
    (1..=3).contains(&names)
        && words.get(names).is_some_and(|verb| {
            crate::grammar::words::is_lower_case(verb)
                && (verb.ends_with("ed") || verb.ends_with('s'))
        })
}

/// A paragraph that opens with a quotation, after a paragraph whose last attribution names someone,
/// goes on with the same speaker (the news convention for a run of quoted paragraphs). A vague source
/// of another statement (`Some Democrats have said …`) speaks no quotation.
fn continues_previous_speaker(analysis: &Analysis, q: &Quotation) -> bool {
    let doc = &analysis.document;
    let block = doc.copy.blocks[q.block].span;
    if q.span.start != block.start || q.block == 0 {
        return false;
    }
    let previous = q.block - 1;
    if introduces_a_text(doc.copy.blocks[previous].span.of(doc.text())) {
        return true;
    }
    analysis
        .attributions
        .iter()
        .rev()
        .skip_while(|a| doc.sentences[a.sentence].block > previous)
        .take_while(|a| doc.sentences[a.sentence].block == previous)
        .find_map(|a| a.source)
        .is_some_and(|source| names_someone(source.of(doc.text())))
}

/// `Following are extracts from the communique …` (Reuters-21578), or a paragraph ending in a colon:
/// the quoted paragraphs after it are that text.
fn introduces_a_text(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    paragraph.trim_end().ends_with(':')
        || [
            "following are",
            "following is",
            "extracts from",
            "excerpts from",
            "text of",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// A source that names one speaker: a pronoun, or a name (a capitalised word after the first, or one
/// capitalised word that is not a plural such as `Critics`).
fn names_someone(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    match words.as_slice() {
        [one] => {
            crate::grammar::words::is_in(&["he", "she", "i", "we", "they"], one)
                || (capitalised(one) && !one.ends_with('s'))
        }
        [_, rest @ ..] => rest.iter().any(capitalised),
        [] => false,
    }
}

fn diagnostic(rule: &Builtin, analysis: &Analysis, q: &Quotation) -> Diagnostic {
    let excerpt = crate::diagnostic::excerpt(q.inner.of(analysis.document.text()), 40);
    Diagnostic::new(
        rule.id(),
        format!("Quotation `{excerpt}` has no speaker"),
        Label::new(
            &analysis.file.path,
            q.span,
            "no attribution covers this quotation",
        ),
    )
    .with_help("Name who said it, e.g. `“…,” the ministry said`")
}
