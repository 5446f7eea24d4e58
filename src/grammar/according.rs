//! `according to X, …` and `…, according to X.`

use super::clause::content_end;
use super::source::source_after;
use super::words::CONNECTIVES;
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
    }
}
