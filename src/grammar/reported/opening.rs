//! Opening phrases: what stands before a sentence's subject and is no part of it: a dateline
//! (`WASHINGTON — `), a connective (`But`, `However,`) and an opening phrase with its comma (`In
//! Washington, `, `A couple of years later, `).

use crate::grammar::clause::is_adverbial;
use crate::grammar::words::{CONNECTIVES, WordSet};

/// Where the sentence's main clause starts: after a leading adverbial and its comma (`On Friday, …`).
pub(super) fn first_clause_start(
    doc: &crate::document::Document,
    start: usize,
    limit: usize,
) -> usize {
    let text = doc.text();
    let at = after_dateline(text, start, limit);
    let at = after_connective(text, at, limit);
    let at = after_opening_phrase(text, at, limit);
    // `On Thursday, however, Trump spoke …`: the connective may come after the opening phrase.
    after_connective(text, at, limit)
}

/// Past a connective (`But`, `However,`) at `start`, or at the first word.
fn after_connective(text: &str, start: usize, limit: usize) -> usize {
    let full = &text[start..limit];
    let text = full.trim_start_matches(|c: char| !c.is_alphanumeric());
    let at = start + full.len() - text.len();
    match text
        .split_whitespace()
        .next()
        .filter(|w| CONNECTIVES.contains(w.trim_end_matches(',')))
    {
        Some(w) => at + w.len() + (text[w.len()..].len() - text[w.len()..].trim_start().len()),
        None => at,
    }
}

/// Past a dateline (`WASHINGTON — `, `DES MOINES, Iowa (AP) — `) at `start`, or at `start`.
fn after_dateline(text: &str, start: usize, limit: usize) -> usize {
    const MAX_DATELINE: usize = 40;
    let head = &text[start..limit];
    let window = &head.as_bytes()[..head.len().min(MAX_DATELINE + " — ".len())];
    let Some(dash) = memchr::memmem::find(window, " — ".as_bytes())
        .or_else(|| memchr::memmem::find(window, b" -- "))
    else {
        return start;
    };
    let place = &head[..dash];
    let city = place.split([',', '(']).next().unwrap_or(place);
    let upper = city.chars().any(char::is_alphabetic) && city.chars().all(|c| !c.is_lowercase());
    if dash <= MAX_DATELINE && upper {
        let after = &head[dash..];
        let mark = after.trim_start().find(' ').unwrap_or(0);
        start + dash + (after.len() - after.trim_start().len()) + mark + 1
    } else {
        start
    }
}

/// Past an opening phrase and its comma (`In Washington, `, `A couple of years later, `), if one
/// opens `start..limit`.
fn after_opening_phrase(text: &str, start: usize, limit: usize) -> usize {
    const MAX_OPENING_WORDS: usize = 4;
    const MAX_TIME_WORDS: usize = 6;
    let text = &text[start..limit];
    let Some(i) = text.find(", ") else {
        return start;
    };
    let phrase = &text[..i];
    let words = phrase.split_whitespace().count();
    let short = words <= MAX_OPENING_WORDS || (ends_in_time(phrase) && words <= MAX_TIME_WORDS);
    if short && opens_a_sentence(phrase) {
        start + i + 2
    } else {
        start
    }
}

/// The first words of phrases that open a sentence before its subject.
static OPENING_WORDS: WordSet = WordSet::new(&[
    "here",
    "there",
    "after",
    "before",
    "at",
    "in",
    "on",
    "during",
    "for",
    "with",
    "as",
    "despite",
    "since",
    "still",
    "earlier",
    "later",
    "instead",
    "meanwhile",
    "yet",
    "under",
    "from",
    "by",
    "amid",
    "following",
    "throughout",
    "over",
    "without",
    "within",
    "among",
    "across",
    "unlike",
    "like",
    "upon",
]);

/// `In Washington`, `Last week`, `Earlier`, `Still`: a phrase that opens a sentence before its
/// subject, not the subject itself (`Cash-strapped US companies, including …, had argued`).
pub(super) fn opens_a_sentence(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    !phrase.contains(['“', '"'])
        && (is_adverbial(phrase)
            || first.ends_with("ly")
            || ends_in_time(phrase)
            || OPENING_WORDS.contains(first))
}

/// `A year ago`, `A couple of years later`.
fn ends_in_time(phrase: &str) -> bool {
    [" ago", " later", " earlier", " before"]
        .iter()
        .any(|t| phrase.ends_with(t))
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::assert_attribution;

    #[test]
    fn a_participles_subject_comes_after_what_opens_the_sentence() {
        // DUC clusters D0608H/APW19990803.0198 (a dateline), Reuters-21578 09076 (a connective) and
        // DUC clusters D0631D/NYT20000726.0198 (an opening phrase and its comma).
        assert_attribution(
            "DETROIT (AP) -- Mercedes-Benz has recalled 6,000 high-tech child seats that automatically turn off passenger-side air bags when installed, saying a flaw in the system might keep the air bags turned on.",
            "saying",
            Some("Mercedes-Benz"),
            "a flaw in the system might keep the air bags turned on",
        );
        assert_attribution(
            "Meanwhile, Saskatchewan Trade Minister Bob Andrew expressed confidence Canada would win its case, claiming the problem stems from low international commodity prices and not government subsidies.",
            "claiming",
            Some("Saskatchewan Trade Minister Bob Andrew"),
            "the problem stems from low international commodity prices and not government subsidies",
        );
        assert_attribution(
            "In that speech, Chirac celebrated the close relationship between the two nations, saying it was their destiny to lead a united Europe.",
            "saying",
            Some("Chirac"),
            "it was their destiny to lead a united Europe",
        );
    }
}
