//! Passives: `Cruz was endorsed by former rival Carly Fiorina` (the agent is the source), `it was
//! reported that …` and `A single AAA battery is said to last …` (no source; the subject is talked
//! about), `Asked by Matt Lauer whether …` (the one asking), `… when asked how …` (no agent).

use super::content::content_for;
use crate::grammar::clause::{clause_boundary, content_end, strip_auxiliaries};
use crate::grammar::source::{source_after, source_before};
use crate::grammar::words::{INNER_PREPOSITIONS, WordSet, is_in, is_lower_case, word};
use crate::grammar::{Found, Site};
use crate::span::Span;

/// `A single AAA battery is said to last …`, `The central bank, which …, is expected to act …`,
/// `Republicans don't seem to take Sanders' argument seriously`: in the passive the subject is what is
/// talked about, not who talks; before the infinitive of a passive or a raising verb, it and the
/// infinitive are the content.
pub(super) fn subject_talked_about(site: &Site, passive: bool, found: Found) -> Found {
    let raising = is_in(&["seem", "appear"], &site.form.lemma);
    let (Some(subject), Some(content)) = (found.source, found.content) else {
        return found;
    };
    if (passive || raising) && site.doc.text()[content.start..].starts_with("to ") {
        Found {
            source: None,
            content: Some(subject.cover(content)),
        }
    } else if passive {
        Found {
            source: None,
            ..found
        }
    } else {
        found
    }
}

/// `Asked by Matt Lauer whether she had practiced her speech, she …`, `… when asked by a reporter if
/// that remains his view`: the one asking is the source, the question up to a comma the content.
pub(super) fn asked_by(site: &Site) -> Option<Found> {
    static QUESTION_OPENERS: WordSet = WordSet::new(&[
        "whether", "if", "what", "why", "how", "who", "when", "where", "which", "about", "to",
    ]);
    let text = site.doc.text();
    if !site.cue.of(text).eq_ignore_ascii_case("asked") {
        return None;
    }
    let sentence = site.sentence.span;
    let by_end = site.cue.end + text[site.cue.end..].find("by ")? + "by ".len();
    let source = source_after(text, by_end, sentence.end)?;
    let rest = &text[source.end..content_end(site.doc, site.sentence, source.end)];
    let question = rest[..rest.find(',').unwrap_or(rest.len())].trim();
    let asks = word(question).is_ok_and(|(_, w)| QUESTION_OPENERS.contains(w));
    asks.then(|| {
        let start = source.end + (rest.len() - rest.trim_start().len());
        Found {
            source: Some(source),
            content: Some(Span::new(start, start + question.len())),
        }
    })
}

/// `Cruz was endorsed by former rival Carly Fiorina`, `The episode was revealed by the FBI`: in the
/// passive with an agent, the agent is the source and the subject what was said of.
pub(super) fn passive_with_agent(site: &Site) -> Option<Found> {
    let text = site.doc.text();
    let sentence = site.sentence.span;
    let boundary = clause_boundary(site.doc, sentence.start, site.cue.start);
    let slot_start = boundary.map_or(sentence.start, |b| b.mark.end);
    let (subject_end, passive) =
        strip_auxiliaries(text, slot_start, site.cue.start, site.cue.of(text));
    if !passive {
        return None;
    }
    let subject = source_before(text, slot_start, &text[slot_start..subject_end])?;
    let by_end = site.cue.end + text[site.cue.end..].find("by ")? + "by ".len();
    let agent = source_after(text, by_end, sentence.end)?;
    Some(Found {
        source: Some(before_gerund(text, agent)),
        content: Some(subject),
    })
}

/// `Hillary Clinton for suggesting in past interviews …` → `Hillary Clinton`: a preposition and a
/// gerund after the agent say why, not who.
fn before_gerund(text: &str, phrase: Span) -> Span {
    let words = phrase.of(text);
    let mut previous: Option<&str> = None;
    for w in words.split_whitespace() {
        if let Some(p) = previous
            && w.len() > 4
            && w.ends_with("ing")
            && is_lower_case(w)
            && INNER_PREPOSITIONS.contains(p)
        {
            let at = p.as_ptr() as usize - words.as_ptr() as usize;
            return Span::new(phrase.start, phrase.start + words[..at].trim_end().len());
        }
        previous = Some(w);
    }
    phrase
}

/// `Asked if he was ever bullied, the candidate said …`: a sentence opening with a past participle
/// cue; the question (up to the comma) is its content and no asker is named.
pub(super) fn asked_opening(site: &Site) -> Option<Found> {
    let text = site.doc.text();
    let rest = &text[site.cue.end..site.sentence.span.end];
    let comma = rest.find(',')?;
    let content = Span::new(
        site.cue.end + (rest.len() - rest.trim_start().len()),
        site.cue.end + comma,
    );
    (!content.is_empty()).then_some(Found {
        source: None,
        content: Some(content),
    })
}

/// `… when asked how ties would fare`: a passive participle with no agent.
pub(super) fn passive_participle(site: &Site) -> Option<Found> {
    if !site.cue.of(site.doc.text()).ends_with("ed") {
        return None;
    }
    let content = content_for(site, None)?;
    Some(Found {
        source: None,
        content: Some(content),
    })
}

/// `The officials quoted by NBC News were …`: a participle with its agent after it modifies a noun.
/// (`said by telephone`: `by` with a means of speaking is no agent.)
pub(super) fn agent_follows(text: &str, cue_end: usize) -> bool {
    static MEANS: WordSet = WordSet::new(&[
        "telephone",
        "phone",
        "email",
        "e-mail",
        "text",
        "letter",
        "video",
        "videolink",
        "satellite",
        "radio",
        "fax",
        "mail",
        "cellphone",
    ]);
    let mut after = text[cue_end..].split_whitespace();
    after.next().is_some_and(|w| w == "by")
        && !after
            .next()
            .is_some_and(|w| MEANS.contains(w.trim_end_matches(|c: char| !c.is_alphanumeric())))
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::assert_attribution;

    #[test]
    fn a_passive_after_an_aside_names_no_source() {
        // BBC business-373 and the Reuters-21578 corpus: the subject of `are said to`, `has not been
        // approved` is what is talked about, with an aside between commas or dashes or none.
        assert_attribution(
            "The owners of Rossignol, the Boix-Vives family, are said to be considering an offer from Quiksilver.",
            "said",
            None,
            "The owners of Rossignol, the Boix-Vives family, are said to be considering an offer from Quiksilver",
        );
        assert_attribution(
            "The key drug involved -- known as ribavirin -- has not been approved for official use in Canada, but it is available through a special program.",
            "approved",
            None,
            "official use in Canada",
        );
    }

    #[test]
    fn the_subject_of_a_passive_or_raising_verb_is_part_of_the_content() {
        // PolNeAR train (nyt_2015-11-09_jobs-report-gives-democrats-a-li,
        // usa-today_2016-01-22_some-republicans-promote-sanders).
        assert_attribution(
            "The central bank, which has held short-term rates near zero since December 2008, is expected to act at its final meeting of the year in December.",
            "expected",
            None,
            "The central bank, which has held short-term rates near zero since December 2008, is expected to act at its final meeting of the year in December",
        );
        assert_attribution(
            "Republicans don't seem to take Sanders' argument seriously.",
            "seem",
            None,
            "Republicans don't seem to take Sanders' argument seriously",
        );
    }

    #[test]
    fn in_the_passive_the_agent_is_the_source() {
        // PolNeAR train (wash-post_2016-03-22_presidential-candidates-promise-) and BBC business-143.
        assert_attribution(
            "Earlier in the day, Trump was attacked by Democratic presidential front-runner and former secretary of state Hillary Clinton for suggesting in past interviews that he would remain neutral in negotiating the conflict between Israel and the Palestinians.",
            "attacked",
            Some(
                "Democratic presidential front-runner and former secretary of state Hillary Clinton",
            ),
            "Trump",
        );
        assert_attribution(
            "The modest profit rise had been expected by analysts after the company said in December that the poor summer weather had hit soft drink sales in Europe.",
            "expected",
            Some("analysts"),
            "The modest profit rise",
        );
    }

    #[test]
    fn the_one_asking_after_asked_by_is_the_source() {
        // PolNeAR train: wash-post_2016-07-20 and wash-post_2016-06-06.
        assert_attribution(
            "Asked by Matt Lauer whether she had practiced her speech, she said, \"I read it once over, and that's all because I wrote it with as little help as possible.\"",
            "Asked",
            Some("Matt Lauer"),
            "whether she had practiced her speech",
        );
        assert_attribution(
            "\"Absolutely,\" he said when asked by a reporter if that remains his view.",
            "asked",
            Some("a reporter"),
            "if that remains his view",
        );
    }
}
