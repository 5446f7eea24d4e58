//! Participles: `The New York businessman has praised Putin, saying he was …` (the main clause's
//! subject is the source), `she released a statement saying …` (the maker of the statement), `… by
//! saying` and the absolute `with 30 percent of voters saying …`.

use super::frame::speaker_of_frame;
use super::opening::first_clause_start;
use super::subject::{capitalised_head, without_final_adverb, without_final_verb};
use crate::grammar::clause::{Tail, content_end, tail_after};
use crate::grammar::lexicon::CueClass;
use crate::grammar::source::subject_after;
use crate::grammar::words::{DETERMINERS, STOP_WORDS, WordSet, is_in, is_lower_case};
use crate::grammar::{Found, Site};
use crate::span::Span;

/// `…, with 30 percent of voters saying they have a positive view of him`: in the absolute construction
/// the phrase after `with` is the participle's subject. The length of `with ` to skip, or 0.
pub(super) fn with_absolute(region: &str, cue: &str) -> usize {
    if !cue.ends_with("ing") {
        return 0;
    }
    // `… as liberals with about three in 10 saying …`: the absolute may close a longer clause.
    let lead = region.len() - region.trim_start().len();
    match region[lead..].strip_prefix("with ") {
        Some(_) => lead + "with ".len(),
        None => region.rfind(" with ").map_or(0, |at| at + " with ".len()),
    }
}

/// `she released a statement saying …`, `Trump fired back a response saying …`: before a participle
/// of speech, a thing said names no one; the one who made it is the clause's subject. The offset in
/// `region` of the verb that made it, if `region` ends with such a thing.
pub(super) fn verb_of_a_statement(site: &Site, region: &str) -> Option<usize> {
    static STATEMENTS: WordSet = WordSet::new(&[
        "statement",
        "statements",
        "email",
        "e-mail",
        "emails",
        "tweet",
        "tweets",
        "letter",
        "memo",
        "message",
        "response",
        "video",
        "ad",
        "note",
        "release",
        "post",
        "op-ed",
        "column",
        "filing",
        "complaint",
        "lawsuit",
        "motion",
        "brief",
        "report",
    ]);
    static PARTICLES: WordSet = WordSet::new(&["back", "out", "up", "off"]);
    const MAX_THING_WORDS: usize = 4;
    let participle = site.cue.of(site.doc.text()).ends_with("ing");
    if !participle || site.form.class == CueClass::Thought {
        return None;
    }
    // The last words, nearest first: only they can hold the thing said and its verb.
    let mut words = region.split_whitespace().rev();
    if !words.next().is_some_and(|w| STATEMENTS.contains(w)) {
        return None;
    }
    // `a statement`, `a new radio ad`: its determiner within the words before it.
    (&mut words)
        .take(MAX_THING_WORDS - 1)
        .find(|w| DETERMINERS.contains(w))?;
    let verb = match words.next()? {
        particle if PARTICLES.contains(particle) => words.next()?,
        verb => verb,
    };
    // A verb with a subject before it.
    let offset = verb.as_ptr() as usize - region.as_ptr() as usize;
    let lower_verb = is_lower_case(verb) && !STOP_WORDS.contains(verb);
    (lower_verb && !region[..offset].trim().is_empty()).then_some(offset)
}

/// `… by saying`, `… after telling`: the participle's subject is the main clause's.
pub(super) fn ends_with_participle_preposition(region: &str) -> bool {
    let last = region.split_whitespace().next_back().unwrap_or("");
    is_in(
        &["by", "after", "while", "before", "when", "without", "in"],
        last,
    )
}

/// `The New York businessman has praised Putin, saying he was …`: the subject of the main clause (which
/// ends at `clause_end`) is the source of a participle cue.
pub(super) fn participle(site: &Site, clause_end: Option<usize>) -> Option<Found> {
    let text = site.doc.text();
    let cue_word = site.cue.of(text).split_whitespace().next()?;
    let clause_end = clause_end?;
    if !cue_word.ends_with("ing") || site.form.class == CueClass::Thought {
        return None;
    }
    let sentence = site.sentence.span;
    // `It was immediately denied, but the Tories remain suspicious, claiming …`: the participle's
    // clause is the last one joined before it.
    let clause_start = ["; ", ", but "]
        .iter()
        .filter_map(|joiner| {
            memchr::memmem::rfind(
                &text.as_bytes()[sentence.start..clause_end],
                joiner.as_bytes(),
            )
            .map(|at| sentence.start + at + joiner.len())
        })
        .max()
        .unwrap_or(sentence.start);
    let subject_start = first_clause_start(site.doc, clause_start, clause_end);
    if let Some(speaker) = speaker_of_frame(site, subject_start, clause_end) {
        return participle_content(site).map(|content| Found {
            source: Some(speaker),
            content: Some(content),
        });
    }
    let subject = subject_after(text, subject_start, clause_end)?;
    // `the group rejected a £1.3bn takeover offer …, claiming`: the phrase read forwards took in the verb.
    let subject = without_final_verb(text, subject).unwrap_or(subject);
    let subject = without_final_adverb(text, subject);
    // `the Tories remain suspicious, claiming`: a subject that runs up to the comma took in the
    // verb and what follows it; the name it opens with is the subject.
    let subject = if text[subject.end..clause_end].trim().is_empty() {
        capitalised_head(text, subject)?
    } else {
        subject
    };
    Some(Found {
        source: Some(subject),
        content: Some(participle_content(site)?),
    })
}

/// What a participle reports: what follows it to the end of its clause.
fn participle_content(site: &Site) -> Option<Span> {
    let text = site.doc.text();
    let addressed = site.form.class == CueClass::Addressed;
    match tail_after(text, site.cue.end, site.sentence.span.end, addressed) {
        Tail::Content(start) | Tail::Comma(start) => Some(Span::new(
            start,
            content_end(site.doc, site.sentence, start),
        )),
        Tail::End => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::{assert_attribution, assert_source, rows};

    #[test]
    fn the_subject_of_an_absolute_participle() {
        // PolNeAR train.
        assert_attribution(
            "Trump has slightly improved his standing, with 30 percent of voters saying they have a positive view of him.",
            "saying",
            Some("30 percent of voters"),
            "they have a positive view of him",
        );
    }

    #[test]
    fn a_participle_of_speech_after_a_comma_opens_its_own_content() {
        // PolNeAR dev, breitbart_2016-09-30: `saying …` is a second attribution, not more content.
        let text = "Rival Hillary Clinton had mocked the complaint, saying anybody who complains about a microphone “is not having a good night.”";
        assert_attribution(
            text,
            "mocked",
            Some("Rival Hillary Clinton"),
            "the complaint",
        );
        assert_attribution(
            text,
            "saying",
            Some("Rival Hillary Clinton"),
            "anybody who complains about a microphone “is not having a good night.”",
        );
        // PolNeAR train (huff-post_2016-03-16_hillary-clinton-wins-missouri-de).
        assert_attribution(
            "On Thursday, Sanders told the AP that he would not seek a recount, conceding the race to Clinton.",
            "told",
            Some("Sanders"),
            "that he would not seek a recount",
        );
    }

    #[test]
    fn the_maker_of_a_statement_is_the_source_of_its_participle() {
        // PolNeAR train (politico_2016-08-23_top-senate-candidates-pointing-f,
        // west-journal_2016-05-06_republican-unity-meeting-schedul).
        assert_attribution(
            "Shortly after Murphy’s conference call ended, Rubio’s campaign sent out a press release saying Murphy owes “Florida an explanation for repeatedly voting against Zika funding.”",
            "saying",
            Some("Rubio’s campaign"),
            "Murphy owes “Florida an explanation for repeatedly voting against Zika funding.”",
        );
        assert_source(
            "Later that day, Trump fired back a response saying he would not support Ryan’s agenda and suggesting that politicians should do what is best for the American people.",
            "saying",
            "Trump",
        );
    }

    #[test]
    fn a_participle_after_a_comma_takes_its_clauses_subject() {
        // PolNeAR dev (huff-post_2016-09-22_trump-the-dealmaker-could-addres): an opening phrase and a
        // connective before the subject; `to` opens an infinitive, the content, not a listener.
        assert_attribution(
            "On Thursday, however, Trump spoke to a gathering of fracking industry leaders, promising to lift environmental regulations and open more federal land to drilling ― probably not exactly what Graham had in mind.",
            "promising",
            Some("Trump"),
            "to lift environmental regulations and open more federal land to drilling",
        );
        // BBC politics-360: the clause after `but`, and its subject without the verb it ran into.
        assert_source(
            "It was immediately denied, but the Tories remain suspicious, claiming that, as Mr Letwin said, if the money does not come from there, where will it come from.",
            "claiming",
            "the Tories",
        );
        // PolNeAR train (huff-post_2015-11-15_bernie-sanders-it-is-not-a-radic): past a dateline.
        assert_source(
            "WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended his call to raise the federal minimum wage to $15 an hour, saying the positives in economic stimulus would outweigh the potential in job losses.",
            "saying",
            "Sen. Bernie Sanders",
        );
        // PolNeAR train (nyt_2015-12-31_trump-turns-attacks-on-another-c): a longer time phrase.
        assert_source(
            "And a couple of years later, he echoed that comment, recalling an anecdote about watching Mr. Clinton.",
            "recalling",
            "he",
        );
        // PolNeAR train (wash-post_2016-02-17_sanders-and-clinton-see-black-vo).
        assert_source(
            "Here in Columbia, Sanders stepped up his emphasis on criminal justice issues, saying, \"We have got to achieve the day when young black males and women can walk the streets without being worried about being harassed by a police officer.\"",
            "saying",
            "Sanders",
        );
        // BBC business-319.
        assert_source(
            "Last week, the group rejected a £1.3bn ($2.5bn) takeover offer from Deutsche Boerse, claiming that it undervalued the business.",
            "claiming",
            "the group",
        );
    }

    #[test]
    fn a_participle_after_a_quotation_and_its_frame_is_the_frames_speakers() {
        // PolNeAR train (wash-post_2016-04-17_cruz-wins-most-wyo-delegates-in-,
        // huff-post_2016-02-01_here-s-why-winning-iowa-could-br).
        assert_attribution(
            "\"If there's anyone that the RNC would like to see lose, it would be Ted Cruz or Donald Trump,\" Black said, referring to the Republican National Committee.",
            "referring to",
            Some("Black"),
            "the Republican National Committee",
        );
        assert_attribution(
            "“It’s not new in Virginia,” said Rep. Bobby Scott (D-Va.) at the time, adding that “we’ve been electing African-Americans to office for a long time.”",
            "adding",
            Some("Rep. Bobby Scott"),
            "that “we’ve been electing African-Americans to office for a long time.”",
        );
        // PolNeAR train (nyt_2016-03-21_factory-workers-feel-sting-of-gl): the frame's verb comes after
        // its subject, and the frame's cue is kept.
        let copy = "''This is strictly a business decision,'' a Carrier executive tells employees, describing how their 1,400 jobs making furnaces and heating equipment will be sent to Mexico.";
        assert_source(copy, "describing", "a Carrier executive");
        assert_source(copy, "tells", "a Carrier executive");
    }

    #[test]
    fn participle_takes_the_main_clause_subject() {
        // Seed 001.
        let copy = "The Trump administration has pushed back on Lavrov's account of the meeting, saying that Trump did not accept Putin's claim of Russian innocence from hacks of emails from the Democratic National Committee and Clinton campaign chairman John Podesta at face value, telling reporters at CNN and NBC News that Lavrov's statements were inaccurate.";
        let saying = rows(copy)
            .into_iter()
            .find(|r| r.cue == "saying")
            .expect("a `saying` attribution");
        assert_eq!(saying.source.as_deref(), Some("The Trump administration"));
        assert!(
            saying
                .content
                .unwrap()
                .starts_with("that Trump did not accept")
        );
    }
}
