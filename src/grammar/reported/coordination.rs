//! Coordination after the content: a second verb of the source's (`… and warned against hackers`) or
//! a clause of the writer's after a comma (`…, and his spokesman declined to comment`) ends what was
//! said.

use crate::grammar::Site;
use crate::grammar::words::{
    PASSIVE_AUXILIARIES, WordSet, is_capitalised, is_lower_case, regular_past,
};
use crate::span::Span;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// `Trump thanked her for her victory and praised her effort`, `… said he would order a review and
/// warned against hackers`, `… and has gone so far as to …`: a second verb of the source's, joined by
/// `and` or `but`, starts the writer's report again. (`was born and raised`, `fumigated and burned` join two participles
/// inside the content instead.) Where the content stops, if such a verb follows it.
pub(super) fn coordinated_predicate(site: &Site, content: Span) -> Option<usize> {
    static IRREGULAR_PAST: WordSet = WordSet::new(&[
        "said", "told", "wrote", "spoke", "thought", "felt", "knew", "saw", "took", "gave", "made",
        "went", "came", "did", "sought", "held", "kept", "brought", "put", "left", "sent", "led",
        "won", "stood", "drew", "began", "got", "met",
    ]);
    static ADVERBS: WordSet = WordSet::new(&["also", "then", "later", "again", "still", "even"]);
    let text = site.doc.text();
    let past = |w: &str| regular_past(w) || is_lower_case(w) && IRREGULAR_PAST.contains(w);
    // `says he respects Clinton and calls her …`: a present-tense cue too.
    static PRESENT: WordSet = WordSet::new(&["has", "will", "is", "says", "calls"]);
    let cue = site.cue.of(text);
    if !(past(cue) || cue.ends_with('s')) {
        return None;
    }
    let second_verb = |w: &str| past(w) || PRESENT.contains(w);
    // The verb is the cue's sentence's; content running on in a quotation past it has none.
    let region = &text[content.start..content.end.min(site.sentence.span.end)];
    let qualifies = |at: usize, joiner_len: usize| {
        let mut after = text[at + joiner_len..content.end]
            .split_whitespace()
            .skip_while(|w| ADVERBS.contains(w));
        if !after.next().is_some_and(second_verb) {
            return false;
        }
        let before = text[content.start..at].trim_end_matches(',');
        let mut previous = before.split_whitespace().rev();
        let last = previous.next().unwrap_or("");
        let joins_participles = past(last)
            || previous
                .next()
                .is_some_and(|w| PASSIVE_AUXILIARIES.contains(w))
                && is_lower_case(last);
        !joins_participles && site.doc.quotation_at(at).is_none()
    };
    // Built once: a finder built per search costs as much as the search.
    static JOINERS: LazyLock<[Finder<'static>; 2]> =
        LazyLock::new(|| [Finder::new(" and "), Finder::new(" but ")]);
    // The first joiner of each kind that qualifies; the earlier of them ends the content.
    JOINERS
        .iter()
        .filter_map(|joiner| {
            joiner
                .find_iter(region.as_bytes())
                .map(|i| content.start + i)
                .find(|&at| qualifies(at, joiner.needle().len()))
        })
        .min()
        .map(|at| {
            if text[..at].ends_with(',') {
                at - 1
            } else {
                at
            }
        })
}

/// `…, and his spokesman declined to comment`, `…, and he renewed that prediction last week`: after a
/// comma, `and` with a subject and a finite verb of its own is the writer's next clause.
pub(super) fn coordinated_clause(site: &Site, content: Span) -> Option<usize> {
    static SUBJECT_PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "it", "we", "i"]);
    static SUBJECT_DETERMINERS: WordSet = WordSet::new(&["his", "her", "their", "its", "the"]);
    static FINITE: WordSet = WordSet::new(&[
        "has", "have", "had", "is", "are", "was", "were", "did", "said", "told", "made", "took",
        "gave", "went", "came", "left", "sent", "won",
    ]);
    static FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(", and "));
    let text = site.doc.text();
    let region = &text[content.start..content.end.min(site.sentence.span.end)];
    let finite = |w: &str| regular_past(w) || is_lower_case(w) && FINITE.contains(w);
    let starts_clause = |at: usize| {
        let words: Vec<&str> = text[at + FINDER.needle().len()..content.end]
            .split_whitespace()
            .take(4)
            .collect();
        let subject_len = match words.first() {
            Some(w) if SUBJECT_PRONOUNS.contains(w) => 1,
            Some(w) if SUBJECT_DETERMINERS.contains(w) => 2,
            Some(w) if is_capitalised(w) => words.iter().take_while(|w| is_capitalised(w)).count(),
            _ => return false,
        };
        words.get(subject_len).is_some_and(|w| finite(w)) && site.doc.quotation_at(at).is_none()
    };
    FINDER
        .find_iter(region.as_bytes())
        .map(|i| content.start + i)
        .find(|&at| starts_clause(at))
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::assert_attribution;

    #[test]
    fn a_second_verb_of_the_source_ends_the_content() {
        // PolNeAR dev: breitbart_2016-10-03 (`and warned`) and west-journal_2016-09-23 (`and
        // attempted`); wash-post_2016-09-26: `born and raised` joins two participles of the content.
        assert_attribution(
            "Trump, speaking to a veterans group in Virginia, said he would order a thorough review of the nation’s computer defenses and warned against potential hackers from China, Russia and North Korea.",
            "said",
            Some("Trump"),
            "he would order a thorough review of the nation’s computer defenses",
        );
        assert_attribution(
            "However, over the past few days, the Obama administration has promised a veto and attempted to make the case to members of both parties that the bill is a bad idea.",
            "promised",
            Some("the Obama administration"),
            "a veto",
        );
        assert_attribution(
            "Citing an unfounded conspiracy theory, Trump repeatedly accused Rafael Cruz, who was born and raised in Cuba, of associating with Lee Harvey Oswald around the time of John F. Kennedy's assassination.",
            "accused",
            Some("Trump"),
            "Rafael Cruz, who was born and raised in Cuba, of associating with Lee Harvey Oswald around the time of John F. Kennedy's assassination",
        );
        // PolNeAR train: breitbart_2016-04-14 and wash-post_2015-12-20 (a present tense, an auxiliary).
        assert_attribution(
            "He says he respects Clinton and calls her “an extremely intelligent woman with a wonderful resume and a whole lot of experience.”",
            "says",
            Some("He"),
            "he respects Clinton",
        );
        assert_attribution(
            "Trump has proposed temporarily banning Muslims from entering the United States and has gone so far as to justify the killing of the families of jihadists overseas.",
            "proposed",
            Some("Trump"),
            "temporarily banning Muslims from entering the United States",
        );
    }

    #[test]
    fn a_clause_of_the_writers_after_a_comma_and_ends_the_content() {
        // PolNeAR train: politico_2016-08-11; the second stays whole (usa-today_2016-09-01), its
        // second clause being the speaker's too.
        assert_attribution(
            "Trump said Obama was the founder of ISIS on Wednesday at a Florida rally, and he reiterated them on Hugh Hewitt’s radio show Thursday — where he seemed to differ with Pence’s interpretation of his remarks.",
            "said",
            Some("Trump"),
            "Obama was the founder of ISIS on Wednesday at a Florida rally",
        );
        assert_attribution(
            "I think this meeting is too little too late, and it will have no effect on voters after hearing Trump's rhetoric.",
            "think",
            Some("I"),
            "this meeting is too little too late, and it will have no effect on voters after hearing Trump's rhetoric",
        );
    }
}
