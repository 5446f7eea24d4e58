//! Inverted and fronted frames: `“…,” said Lavrov.`, `…, said the ministry.` (the source after the
//! cue) and `Said Comey, "…"` (the cue opens the sentence); the finite verbs of saying that frame a
//! quotation, and the speaker of a frame.

use crate::grammar::clause::{
    Boundary, BoundaryKind, content_end, extend_over_following_quotes, is_adverbial,
};
use crate::grammar::lexicon::CueClass;
use crate::grammar::source::{source_after, source_before, subject_after};
use crate::grammar::words::{WordSet, is_capitalised, is_in, word};
use crate::grammar::{Found, Site};
use crate::span::Span;

/// Finite verbs of saying that frame a quotation (`“…,” he said`) or open a sentence before their
/// source (`Said Comey, “…”`).
pub(in crate::grammar) static FINITE_SPEECH_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "asked",
    "explained",
    "noted",
    "recalled",
    "tweeted",
    "declared",
    "continued",
]);

/// `“Let's see what happens,” he said, adding that …`, `“It’s not new in Virginia,” said Rep. Bobby
/// Scott (D-Va.) at the time, adding …`: a clause that opens with a quotation and its frame has the
/// frame's speaker for its subject, not the quotation's first words.
pub(super) fn speaker_of_frame(site: &Site, start: usize, end: usize) -> Option<Span> {
    let text = site.doc.text();
    let quotation = site.doc.quotation_at(start).filter(|q| q.span.end < end)?;
    let after = quotation.span.end;
    let frame = text[after..end].trim_start();
    let frame_start = end - frame.len();
    match word(frame) {
        Ok((rest, verb)) if FINITE_SPEECH_VERBS.contains(verb) => {
            source_after(text, end - rest.len(), end)
        }
        // `''…,'' a Carrier executive tells employees, describing …`: the phrase before the verb.
        _ => match speech_verb_at(frame) {
            Some(verb_at) => source_before(text, frame_start, &frame[..verb_at]),
            None => subject_after(text, frame_start, end),
        },
    }
}

/// Where the first finite speech verb of `frame` starts, if it has one after its first word.
fn speech_verb_at(frame: &str) -> Option<usize> {
    frame
        .split_whitespace()
        .skip(1)
        .find(|w| FINITE_SPEECH_VERBS.contains(w.trim_end_matches([',', '.'])))
        .map(|w| w.as_ptr() as usize - frame.as_ptr() as usize)
}

/// `“…,” said Lavrov.` and `…, said the ministry.`
pub(super) fn inverted(
    site: &Site,
    boundary: Option<Boundary>,
    before: Option<Span>,
) -> Option<Found> {
    let kind = boundary?.kind;
    if site.form.class == CueClass::Thought
        || !matches!(kind, BoundaryKind::Comma | BoundaryKind::CloseQuote)
    {
        return None;
    }
    let content = before?;
    let text = site.doc.text();
    let source = source_after(text, site.cue.end, site.sentence.span.end)?;
    // `…,” writes Stella Papamichael on the BBC Movies site.`: an adverbial may close the sentence.
    let after = skip_adverbial(text[source.end..site.sentence.span.end].trim_start());
    let ends_source = match kind {
        // `…,” said Jim McGroarty of Discount Corp.`: the abbreviation's point ends the sentence too.
        BoundaryKind::CloseQuote => {
            after.is_empty()
                || after.starts_with(['.', ',', ';', '!', '?', '('])
                || after
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| is_in(&["who", "which", "whose"], w))
        }
        _ => {
            after.is_empty() || after.starts_with(['.', '!', '?', '(']) || followed_by_aside(after)
        }
    };
    // `“…,” said Caddell. “You …”`: the quotations that follow are the same speaker's.
    let content = extend_over_following_quotes(site.doc, site.index, content);
    ends_source.then_some(Found {
        source: Some(source),
        content: Some(content),
    })
}

/// `Said Comey, "The thought that an error on our part …"`, `Said Ellis: “I don’t get …”`: the cue
/// opens the sentence, its source follows, and after a comma or colon comes the quotation.
pub(super) fn fronted(site: &Site, boundary: Option<Boundary>) -> Option<Found> {
    // Only finite verbs of saying front: `Citing a study …, X said` opens with a participle.
    let text = site.doc.text();
    let cue = site.cue.of(text);
    if boundary.is_some() || !is_capitalised(cue) || !FINITE_SPEECH_VERBS.contains(cue) {
        return None;
    }
    let sentence = site.sentence.span;
    let source = source_after(text, site.cue.end, sentence.end)?;
    let after = &text[source.end..sentence.end];
    let rest = after.strip_prefix([',', ':'])?.trim_start();
    if !rest.starts_with(['"', '“', '`', '\'']) {
        return None; // `Wrote book, ``Journey to Justice.''` in a list of who's who
    }
    let start = sentence.end - rest.len();
    let content = Span::new(start, content_end(site.doc, site.sentence, start));
    (!content.is_empty()).then(|| Found {
        source: Some(source),
        content: Some(extend_over_following_quotes(site.doc, site.index, content)),
    })
}

/// What follows an adverbial phrase (`on the BBC Movies site.` → `.`), or `after` as it is.
fn skip_adverbial(after: &str) -> &str {
    let end = after
        .find([',', '.', ';', '!', '?', '('])
        .unwrap_or(after.len());
    if end > 0 && is_adverbial(after[..end].trim_end()) {
        &after[end..]
    } else {
        after
    }
}

/// `…, said Tillerson, who had been in the room.`
fn followed_by_aside(after: &str) -> bool {
    // `…”, said De Telegraaf's image editor, Peter Schoonen.`: any appositive after a comma.
    after
        .strip_prefix(',')
        .is_some_and(|rest| rest.split_whitespace().next().is_some())
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::{assert_attribution, assert_source};

    #[test]
    fn a_quantifier_with_a_noun_after_an_inverted_cue() {
        // PolNeAR train.
        assert_attribution(
            "“If any human involvement occurs in an election, the Clintons will find a way to corrupt it,” wrote one commenter.",
            "wrote",
            Some("one commenter"),
            "“If any human involvement occurs in an election, the Clintons will find a way to corrupt it,”",
        );
    }

    #[test]
    fn trailing_attribution_after_a_quotation_and_after_a_clause() {
        // Seed 002 and PolNeAR dev (breitbart, 2016-09-12).
        assert_attribution(
            "Trump “pressed [Putin] and then felt like at this point, ‘let’s talk about how to move forward,’” Tillerson told reporters after the meeting.",
            "told",
            Some("Tillerson"),
            "Trump “pressed [Putin] and then felt like at this point, ‘let’s talk about how to move forward,’”",
        );
        assert_attribution(
            "Secret Service protocol called for the Democratic presidential nominee to be taken to a state-designated Level I Trauma Center in the wake of her Sunday morning health crisis at Ground Zero, sources said.",
            "said",
            Some("sources"),
            "Secret Service protocol called for the Democratic presidential nominee to be taken to a state-designated Level I Trauma Center in the wake of her Sunday morning health crisis at Ground Zero",
        );
    }

    #[test]
    fn a_source_ending_in_an_abbreviation_ends_the_sentence() {
        // Reuters 17871.
        assert_source(
            "\"The trade data will be a deciding factor to see if the dollar has bottomed out,\" said Jim McGroarty of Discount Corp.",
            "said",
            "Jim McGroarty of Discount Corp.",
        );
    }

    #[test]
    fn inverted_cue_with_the_source_after_it() {
        // Seed 002.
        assert_attribution(
            "After Putin denied that Russia ran a covert operation to subvert the US election, Trump agreed to “move forward” and even to collaborate on cybersecurity, said Tillerson, who had been in the room.",
            "said",
            Some("Tillerson"),
            "After Putin denied that Russia ran a covert operation to subvert the US election, Trump agreed to “move forward” and even to collaborate on cybersecurity",
        );
    }

    #[test]
    fn a_cue_that_opens_the_sentence_before_its_source() {
        // PolNeAR train: usa-today_2016-07-07.
        assert_attribution(
            "Said Comey, \"The thought that an error on our part is connected to this guy's purchase of a gun that he used to slaughter these good people is very painful to us.\"",
            "Said",
            Some("Comey"),
            "\"The thought that an error on our part is connected to this guy's purchase of a gun that he used to slaughter these good people is very painful to us.\"",
        );
    }
}
