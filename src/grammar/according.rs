//! `according to X, …` and `…, according to X.`

use super::clause::content_end;
use super::source::source_after;
use super::words::{CONNECTIVES, WordSet, word};
use super::{Found, Site};
use crate::span::Span;

pub(super) fn parse(site: &Site) -> Option<Found> {
    let text = site.doc.text();
    let sentence = site.sentence.span;
    let source = source_after(text, site.cue.end, sentence.end)?;
    let before = text[sentence.start..site.cue.start]
        .trim_end()
        .trim_end_matches([',', '—', '('])
        .trim_end();
    let before_is_content =
        !before.is_empty() && !CONNECTIVES.contains(before.trim_end_matches(','));
    let after = &text[source.end..sentence.end];
    let after_start =
        source.end + (after.len() - after.trim_start_matches([',', ':', ' ', '\n', '\r']).len());
    let more_after = !text[after_start..sentence.end]
        .trim_end_matches(['.', '”', '"', ')'])
        .trim()
        .is_empty();
    // With content before the cue, what follows the source continues it only as the rest of a clause
    // the cue interrupted (`The economy, according to X, is growing`).
    let more_after = more_after
        && (!before_is_content
            || continues_clause(&text[source.end..after_start], &text[after_start..]));
    let content = match (before_is_content, more_after) {
        (true, false) => Span::new(sentence.start, sentence.start + before.len()),
        (true, true) => Span::new(
            sentence.start,
            content_end(site.doc, site.sentence, after_start),
        ),
        (false, true) => Span::new(
            after_start,
            content_end(site.doc, site.sentence, after_start),
        ),
        (false, false) => return None,
    };
    Some(Found {
        source: Some(source),
        content: Some(content),
    })
}

/// After `…, according to X`: `, who …`, `, a …` and `in New Hampshire - despite …` describe the source or
/// the writer's report; a comma and then a clause's words go on with the content.
fn continues_clause(gap: &str, after: &str) -> bool {
    static SOURCE_MODIFIERS: WordSet = WordSet::new(&["who", "which", "whose", "a", "an", "but"]);
    gap.contains(',') && word(after).is_ok_and(|(_, w)| !SOURCE_MODIFIERS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::super::table::assert_attribution;

    #[test]
    fn according_to_before_and_after_the_content() {
        // Seed 000 and seed 002.
        assert_attribution(
            "According to Secretary of State Rex Tillerson, Trump pushed the Russians on election interference, as well as aggression in Ukraine and Syria.",
            "According to",
            Some("Secretary of State Rex Tillerson"),
            "Trump pushed the Russians on election interference, as well as aggression in Ukraine and Syria",
        );
        assert_attribution(
            "President Donald Trump brought up Russian interference in the 2016 campaign with Russian President Vladimir Putin during their much-anticipated meeting on Friday at the G20 meeting in Germany, according to Secretary of State Rex Tillerson.",
            "according to",
            Some("Secretary of State Rex Tillerson"),
            "President Donald Trump brought up Russian interference in the 2016 campaign with Russian President Vladimir Putin during their much-anticipated meeting on Friday at the G20 meeting in Germany",
        );
        // PolNeAR train: wash-post_2016-08-28. The cue interrupts the clause, which goes on.
        assert_attribution(
            "Fundraising, according to the campaign, has surged in the same period.",
            "according to",
            Some("the campaign"),
            "Fundraising, according to the campaign, has surged in the same period",
        );
        // PolNeAR train: nyt_2016-09-06. `according` is never the head of a subject, so the relative
        // clause's second verb does not take `according to a person` as its own.
        assert_attribution(
            "Clinton delivered, unprompted, a lengthy policy prescription for what to do in Syria, including a gentle critique of the Obama administration for not pursuing her original proposal of a no-fly zone, according to a person who attended and described her remarks on the condition of anonymity.",
            "according to",
            Some("a person"),
            "Clinton delivered, unprompted, a lengthy policy prescription for what to do in Syria, including a gentle critique of the Obama administration for not pursuing her original proposal of a no-fly zone",
        );
        // PolNeAR train: nyt_2016-07-11. What follows the source describes it.
        assert_attribution(
            "Teenage undergraduates with nonexistent credit histories might not be so lucky, according to Jason Delisle, who was an informal adviser to the Bush campaign.",
            "according to",
            Some("Jason Delisle"),
            "Teenage undergraduates with nonexistent credit histories might not be so lucky",
        );
    }
}
