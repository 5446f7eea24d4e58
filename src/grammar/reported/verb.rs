//! The cue word as a verb: where a cue word is a noun (`the claims`, `Trump’s tweet`, `The Russian
//! view`) or a state of mind nobody holds yet (`donors will decide`), it reports nothing.

use super::content::opens_reported_words;
use crate::grammar::Site;
use crate::grammar::amount::opens_with_quantity;
use crate::grammar::clause::opens_infinitive;
use crate::grammar::lexicon::CueClass;
use crate::grammar::words::{DETERMINERS, INNER_PREPOSITIONS, QUANTIFIER_SOURCES, WordSet, is_in};

/// `The Russian view`, `Clinton's support from …`: a base-form cue right after a singular phrase is a
/// noun, not a verb; a singular subject would take `views`, or a modal or `do` would stand between.
pub(super) fn disagrees_with_singular(source: &str, cue: &str, lemma: &str) -> bool {
    // `People briefed on the situation say`, `those surveyed say`: the head noun comes before the
    // attachment and a participle after it.
    let words: Vec<&str> = source.split_whitespace().collect();
    let attached = words
        .iter()
        .position(|w| INNER_PREPOSITIONS.contains(w) || *w == "who" || *w == "like")
        .filter(|&i| i > 0)
        .unwrap_or(words.len());
    static POLLED: WordSet = WordSet::new(&[
        "surveyed",
        "polled",
        "questioned",
        "interviewed",
        "sampled",
        "contacted",
    ]);
    let mut head = attached.saturating_sub(1);
    let participle = |w: &str| {
        if attached < words.len() {
            w.ends_with("ed")
        } else {
            POLLED.contains(w)
        }
    };
    if head > 0 && participle(words[head]) {
        head -= 1;
    }
    let last = words.get(head).copied().unwrap_or(source);
    let plural_or_personal = last.ends_with('s')
        || is_in(
            &[
                "i", "we", "you", "they", "who", "which", "people", "police", "staff", "media",
                "public", "those", "these",
            ],
            last,
        )
        || source.contains(" and ")
        || QUANTIFIER_SOURCES.contains(last)
        || opens_with_quantity(source);
    cue.eq_ignore_ascii_case(lemma) && !plural_or_personal
}

/// `to say`, `the claims`: after `last`, the cue word is not a finite verb.
pub(super) fn follows_infinitive_or_determiner(last: &str) -> bool {
    // `One in five say`: a number before the verb counts its subject.
    last.eq_ignore_ascii_case("to")
        || (DETERMINERS.contains(last)
            && !QUANTIFIER_SOURCES.contains(last)
            && !opens_with_quantity(last))
}

/// `Trump’s tweet came as …`, `Cruz's hopes of beating Trump`: after a possessive the cue word is a
/// noun, which reports only with a clause of its own (`Mr. Trump's claims that his net worth exceeds $10
/// billion`, `Trump's promises to deport`). (`He’s said`, `That's according to`: a contraction of
/// `is` or `has` before a participle or a phrase.)
pub(super) fn possessed_noun(site: &Site, last: &str) -> bool {
    static CONTRACTIONS: WordSet = WordSet::new(&[
        "he's",
        "she's",
        "it's",
        "that's",
        "there's",
        "here's",
        "what's",
        "who's",
        "one's",
        "let's",
        "he’s",
        "she’s",
        "it’s",
        "that’s",
        "there’s",
        "here’s",
        "what’s",
        "who’s",
        "one’s",
        "let’s",
    ]);
    let text = site.doc.text();
    let cue = site.cue.of(text);
    let possessive = (last.ends_with("'s") || last.ends_with("’s")) && !CONTRACTIONS.contains(last);
    let noun_form = site.form.verb && !cue.ends_with("ed") && !cue.ends_with("ing");
    let rest = || text[site.cue.end..].trim_start();
    possessive && noun_form && !opens_reported_words(rest()) && !opens_infinitive(rest())
}

/// `donors will decide to put their money …`, `Chris Christie added that he would approve …`: a state of
/// mind or a stance under a modal is a prediction or a hypothesis that nobody holds yet. (`It may seem
/// surprising`: a modal before `seem` or `appear` qualifies how things look, which is still reported.)
pub(super) fn held_by_no_one_yet(site: &Site, last: &str) -> bool {
    static MODALS: WordSet = WordSet::new(&[
        "will",
        "would",
        "could",
        "might",
        "may",
        "should",
        "can",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "shouldn't",
        "won’t",
        "wouldn’t",
        "can’t",
        "couldn’t",
        "shouldn’t",
    ]);
    matches!(site.form.class, CueClass::Thought | CueClass::Stance)
        && MODALS.contains(last)
        && !is_in(&["seem", "appear"], &site.form.lemma)
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::{assert_attribution, assert_source, rows};

    #[test]
    fn the_head_noun_agrees_with_the_verb_not_the_last_word() {
        // PolNeAR train: `say` agrees with `People`, not with `situation`.
        assert_attribution(
            "People briefed on the situation say that Gov. Alejandro García Padilla, who must make the final decision, has revealed almost nothing about his intentions.",
            "say",
            Some("People briefed on the situation"),
            "that Gov. Alejandro García Padilla, who must make the final decision, has revealed almost nothing about his intentions",
        );
    }

    #[test]
    fn a_title_case_headline_verb_is_a_cue() {
        // PolNeAR train headline.
        assert_attribution(
            "Trump Says He Never Pledged To Kill Family Members Of Terrorists.",
            "Says",
            Some("Trump"),
            "He Never Pledged To Kill Family Members Of Terrorists",
        );
    }

    #[test]
    fn does_not_take_speech_inside_a_quotation_or_an_infinitive() {
        // Seed 000: "say" after "to", and Lavrov's quoted "said" inside his own quotation.
        let copy = "Lavrov explained, “President Trump, I’m sure either he himself or Rex Tillerson will talk about this, said that this campaign is already acquiring quite a strange character.” It would be easy and comforting to say that the Russians are lying.";
        let cues: Vec<String> = rows(copy).into_iter().map(|r| r.cue).collect();
        assert_eq!(cues, ["explained"]);
    }

    #[test]
    fn a_cue_word_after_a_possessive_is_a_noun_that_reports_only_a_clause() {
        // PolNeAR train: breitbart_2016-02-20_the-latest-hillary-clinton-tells and
        // nyt_2016-06-26_the-battle-of-the-billionaire-li.
        assert_eq!(
            rows("Trump’s tweet came as South Carolina was holding its GOP primary."),
            []
        );
        assert_source(
            "Despite Mr. Trump's claims that his net worth exceeds $10 billion, all of the wealth research firms put him far lower in rankings.",
            "claims",
            "Mr. Trump's",
        );
    }

    #[test]
    fn a_state_of_mind_under_a_modal_is_held_by_no_one_yet() {
        // PolNeAR train: huff-post_2015-11-17_post-rebuilding-isn-t-the-only-r, then
        // nyt_2015-12-14_visa-screening-missed-attacker-s (`seem` still reports how things look).
        assert_eq!(
            rows(
                "Similarly, it’s hard to know where financial sector donors will decide to put their money in the general election."
            ),
            []
        );
        assert!(
            rows("It may seem surprising that a Facebook or Twitter post could go unnoticed in a background screening.")
                .iter()
                .any(|r| r.cue == "seem")
        );
    }
}
