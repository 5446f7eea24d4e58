//! Asides between a source and its cue: an appositive or relative clause between commas (`Lavrov,
//! who also attended, said`), between dashes (`Gingrich — mentioned by Newsmax … — told`), or ending
//! in a quoted title (`host of MSNBC’s “Morning Joe,” suggested`); and the name a description sets
//! off.

use super::content::content_for;
use crate::grammar::amount::opens_with_quantity;
use crate::grammar::clause::{
    Boundary, BoundaryKind, clause_boundary, content_before, strip_auxiliaries,
};
use crate::grammar::source::source_before;
use crate::grammar::words::{
    DETERMINERS, INNER_PREPOSITIONS, STOP_WORDS, is_capitalised, is_in, word,
};
use crate::grammar::{Found, Site};
use crate::span::Span;

/// `Lavrov, who also attended, said …` and `Sergey Lavrov, Russia’s foreign minister, said …`.
pub(super) fn appositive(site: &Site, boundary: Option<Boundary>) -> Option<Found> {
    let text = site.doc.text();
    let boundary = boundary?;
    // `Andrei Illarionov - then economic adviser to President Vladimir Putin - told …` (BBC business-426):
    // an aside between dashes works as one between commas.
    let separator = match boundary.kind {
        BoundaryKind::Comma => ",",
        BoundaryKind::Other if matches!(boundary.mark.of(text), "-" | "—" | "–") => {
            if let Some(found) = dashed_aside(site, boundary.mark) {
                return Some(found);
            }
            boundary.mark.of(text)
        }
        BoundaryKind::CloseQuote => return titled_aside(site, boundary.mark),
        _ => return None,
    };
    let sentence = site.sentence.span;
    let mut segment_end = boundary.mark.start;
    // `Mr Shin-Bae Kim, chief executive of SK Telecom, also at 3GSM, said: …`: up to three asides.
    for _ in 0..MAX_ASIDES {
        let inner_start = text[sentence.start..segment_end].rfind(separator)? + sentence.start;
        let aside = Span::new(inner_start + separator.len(), segment_end);
        let plain_aside = is_aside(aside.of(text).trim());
        if !plain_aside && !is_long_aside(aside.of(text)) {
            return None;
        }
        let outer = clause_boundary(site.doc, sentence.start, inner_start);
        let region_start = outer.map_or(sentence.start, |b| b.mark.end);
        // `numerous military veterans interviewed at Trump rallies in South Carolina this week,
        // including Mr. Jebens, said`: a time phrase may close the source before its aside.
        let (region_end, _) = strip_auxiliaries(text, region_start, inner_start, "");
        let region = &text[region_start..region_end];
        // `David Simas, assistant to the president and director of the White House's Office of
        // Political Strategy and Outreach, said`: after a person's name, a job may take many words.
        if !plain_aside && !is_plain_name(region) {
            return None;
        }
        if outer.is_some_and(|b| b.kind == BoundaryKind::Comma) && opens_an_aside(region) {
            segment_end = inner_start;
            continue;
        }
        let source = source_before(text, region_start, region).or_else(|| {
            let description = Span::new(region_start, inner_start);
            described_name(text, description, aside, segment_end == boundary.mark.start)
        });
        if let Some(source) = source {
            let before = outer.and_then(|b| content_before(site.doc, site.sentence, b));
            let content = content_for(site, before)?;
            return Some(Found {
                source: Some(source),
                content: Some(content),
            });
        }
        segment_end = inner_start;
    }
    None
}

/// `A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama --
/// said`, `Gingrich — mentioned by Newsmax as the leading choice for … running mate — told`: an aside
/// between two dashes may hold commas and run long; the source is the phrase before the first dash.
/// `mark` is the closing dash (the second hyphen of `--`).
fn dashed_aside(site: &Site, mark: Span) -> Option<Found> {
    let text = site.doc.text();
    let sentence = site.sentence.span;
    let closing = dash_at(text, mark);
    let dash = closing.of(text).trim();
    // A lone hyphen is a dash only with a space on each side; elsewhere it joins a word.
    let opening = if dash == "-" { " - " } else { dash };
    let open = text[sentence.start..closing.start].rfind(opening)? + sentence.start;
    let inner = Span::new(open + opening.len(), closing.start);
    let lead = inner.of(text).len() - inner.of(text).trim_start().len();
    let aside = Span::new(
        inner.start + lead,
        inner.start + lead + inner.of(text).trim().len(),
    );
    let words = aside.of(text).split_whitespace().count();
    if words == 0 || words > MAX_LONG_ASIDE_WORDS {
        return None;
    }
    found_before_aside(site, open, |region_start, outer| {
        named_in_aside(text, Span::new(region_start, open), aside)
            .or_else(|| named_before(site, outer))
            .or_else(|| source_before(text, region_start, &text[region_start..open]))
    })
}

/// The attribution whose source ends at `aside_start`, where an aside before the cue opens: `pick`
/// reads the source from the clause start it is given (and the boundary there); the clause before
/// that boundary is the content a trailing frame reports.
fn found_before_aside(
    site: &Site,
    aside_start: usize,
    pick: impl FnOnce(usize, Option<Boundary>) -> Option<Span>,
) -> Option<Found> {
    let sentence = site.sentence.span;
    let outer = clause_boundary(site.doc, sentence.start, aside_start);
    let region_start = outer.map_or(sentence.start, |b| b.mark.end);
    let source = pick(region_start, outer)?;
    let before = outer.and_then(|b| content_before(site.doc, site.sentence, b));
    Some(Found {
        source: Some(source),
        content: Some(content_for(site, before)?),
    })
}

/// `Susan Walker, coordinator of the International Campaign to Ban Land Mines -- which won … -- said`:
/// a person's name set off by a comma before the phrase the dashes follow is the source.
fn named_before(site: &Site, boundary: Option<Boundary>) -> Option<Span> {
    let text = site.doc.text();
    let comma = boundary.filter(|b| b.kind == BoundaryKind::Comma)?.mark;
    let outer = clause_boundary(site.doc, site.sentence.span.start, comma.start);
    let start = outer.map_or(site.sentence.span.start, |b| b.mark.end);
    let region = &text[start..comma.start];
    let lead = region.len() - region.trim_start().len();
    is_plain_name(region).then(|| Span::new(start + lead, start + region.trim_end().len()))
}

/// `A former Republican presidential candidate -- John McCain, who lost …`: a description whose aside
/// opens with the name (alone, or described in turn) is one source with it, ending at the name. Not
/// a list (`The three constitutional scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar`).
fn named_in_aside(text: &str, description: Span, aside: Span) -> Option<Span> {
    let (name_len, rest) = match aside.of(text).find(',') {
        Some(comma) => (comma, &aside.of(text)[comma + 1..]),
        None => (aside.len(), ""),
    };
    let described_further = rest.is_empty()
        || word(rest.trim_start())
            .is_ok_and(|(_, w)| is_in(&["who", "which", "whose", "a", "an", "the"], w));
    let name = Span::new(aside.start, aside.start + name_len);
    // `Rob Partridge - Marley's former head of press at Island Records -`: a description, not a name.
    let all_capitalised = name.of(text).split_whitespace().all(is_capitalised);
    (described_further && all_capitalised).then(|| described_name(text, description, name, true))?
}

/// The whole dash whose last character is at `mark`: `--` is two hyphens.
fn dash_at(text: &str, mark: Span) -> Span {
    if mark.of(text) == "-" && text[..mark.start].ends_with('-') {
        Span::new(mark.start - 1, mark.end)
    } else {
        mark
    }
}

/// `Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested …`, `Dana Perino, a host of ''The
/// Five,'' refused …`: an aside may end in a quoted title that takes the aside's closing comma inside
/// its marks. `mark` is the title's closing quotation mark.
fn titled_aside(site: &Site, mark: Span) -> Option<Found> {
    let text = site.doc.text();
    let sentence = site.sentence.span;
    let title = site.doc.quotation_ending_at(mark.end)?.span;
    let inner = title.of(text).trim_end_matches(['”', '"', '\'']);
    if !inner.ends_with(',') || !is_title(inner.trim_start_matches(['“', '"', '\'', '`'])) {
        return None;
    }
    let comma = text[sentence.start..title.start].rfind(',')? + sentence.start;
    if !is_aside(text[comma + 1..title.start].trim()) {
        return None;
    }
    found_before_aside(site, comma, |region_start, _| {
        source_before(text, region_start, &text[region_start..comma])
    })
}

/// `Morning Joe,`, `The Five,`, `Guccifer,`: a short name in title case, not a quoted remark.
fn is_title(quoted: &str) -> bool {
    const MAX_TITLE_WORDS: usize = 6;
    let words: Vec<&str> = quoted.trim_end_matches(',').split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_TITLE_WORDS
        && words
            .iter()
            .all(|w| is_capitalised(w) || STOP_WORDS.contains(w) || INNER_PREPOSITIONS.contains(w))
}

/// `One delegate not on the Cruz slate, Kelly Schmdit, told …`, `The former sister-in-law of Donald
/// Trump's defense secretary nominee, Pete Hegseth, claims …`: when the description before a name set
/// off right before the cue is no source phrase of its own, description and name are the source.
fn described_name(text: &str, description: Span, aside: Span, next_to_cue: bool) -> Option<Span> {
    let lead = aside.of(text).len() - aside.of(text).trim_start().len();
    let name = source_before(text, aside.start + lead, aside.of(text).trim())?;
    let described = description.of(text).trim_start();
    let start = description.end - described.len();
    let plain = described
        .split_whitespace()
        .all(|w| !STOP_WORDS.contains(w) || w.eq_ignore_ascii_case("not"));
    let opens_as_noun = described
        .split_whitespace()
        .next()
        .is_some_and(|w| is_capitalised(w) || DETERMINERS.contains(w) || opens_with_quantity(w));
    (next_to_cue
        && name.start == aside.start + lead
        && is_capitalised(name.of(text))
        && plain
        && opens_as_noun
        && described.split_whitespace().count() <= MAX_ASIDE_WORDS)
        .then_some(Span::new(start, name.end))
}

/// `Mr. Daniloff, now 81 and retired in Cambridge, Mass., said`: an age or a `now …` between commas
/// is an aside too, never the source.
fn opens_an_aside(region: &str) -> bool {
    let first = region.split_whitespace().next().unwrap_or("");
    is_in(&["now", "then", "formerly", "once"], first)
        || first.starts_with(|c: char| c.is_ascii_digit())
}

pub(super) const MAX_ASIDES: usize = 4;

const MAX_ASIDE_WORDS: usize = 14;

/// An aside between a source and its cue: a relative clause, an age, or a short descriptive phrase.
fn is_aside(inner: &str) -> bool {
    let words = inner.split_whitespace().count();
    // `Ari Fleischer, a former Bush administration official who also sits on the board of the
    // Republican Jewish Coalition, said`: an appositive or relative clause may run long.
    let opens_long_aside = inner
        .split_whitespace()
        .next()
        .is_some_and(|w| is_in(&["who", "which", "whose", "a", "an", "the"], w));
    words > 0 && (words <= MAX_ASIDE_WORDS || (opens_long_aside && words <= MAX_LONG_ASIDE_WORDS))
}

const MAX_LONG_ASIDE_WORDS: usize = 40;

fn is_long_aside(inner: &str) -> bool {
    inner.split_whitespace().count() <= MAX_LONG_ASIDE_WORDS
}

/// `David Simas`, `Sen. Jack Reed`: two to five capitalised words and nothing else.
pub(in crate::grammar) fn is_plain_name(region: &str) -> bool {
    const MAX_NAME_WORDS: usize = 5;
    let words = region.split_whitespace().count();
    // `On Friday`, `In The Washington Post` open with a function word; names do not.
    let name_word =
        |w: &str| is_capitalised(w) && !(STOP_WORDS.contains(w) || INNER_PREPOSITIONS.contains(w));
    (2..=MAX_NAME_WORDS).contains(&words) && region.split_whitespace().all(name_word)
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::assert_attribution;

    #[test]
    fn an_aside_between_dashes_may_hold_commas_and_name_the_source() {
        // PolNeAR train (usa-today_2015-12-07_republicans-reaction-is-that-all): the name opens the aside.
        assert_attribution(
            "A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama -- said the president \"offered no changes to his reactive, indirect and incremental strategy.\"",
            "said",
            Some("A former Republican presidential candidate -- John McCain"),
            "the president \"offered no changes to his reactive, indirect and incremental strategy.\"",
        );
        // PolNeAR train (usa-today_2016-08-10_nd-amendment-people-his-secret-w).
        assert_attribution(
            "Democrats -- including Clinton -- quickly accused Trump of suggesting violence against the Democratic nominee.",
            "accused",
            Some("Democrats"),
            "Trump of suggesting violence against the Democratic nominee",
        );
        // DUC D0715D (APW19990301.0233): the name before a description the dashes follow.
        assert_attribution(
            "Susan Walker, coordinator of the International Campaign to Ban Land Mines -- which won the 1997 Nobel Peace Prize -- said her group would this year focus its campaign on the Middle East and former Soviet Union to try to persuade them to go along with the accord.",
            "said",
            Some("Susan Walker"),
            "her group would this year focus its campaign on the Middle East and former Soviet Union to try to persuade them to go along with the accord",
        );
        // PolNeAR train (nyt_2016-03-04_republicans-have-stake-in-a-deal): a list is no name.
        assert_attribution(
            "The three constitutional scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar -- agreed there are qualified candidates who could thread the needle.",
            "agreed",
            Some("The three constitutional scholars"),
            "there are qualified candidates who could thread the needle",
        );
    }

    #[test]
    fn after_a_name_a_job_may_run_long() {
        // PolNeAR train (wash-post_2016-04-28_with-woman-s-card-trump-escalate).
        assert_attribution(
            "Debbie Walsh, director of the Center for American Women and Politics at the Eagleton Institute of Politics at Rutgers University, said Clinton is poised to benefit from Trump's unfavorable ratings and any gap between women and men voters.",
            "said",
            Some("Debbie Walsh"),
            "Clinton is poised to benefit from Trump's unfavorable ratings and any gap between women and men voters",
        );
    }

    #[test]
    fn an_aside_may_end_in_a_quoted_title() {
        // PolNeAR train (huff-post_2016-02-29_joe-scarborough-donald-trump-pla).
        assert_attribution(
            "Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested business mogul Donald Trump’s refusal to disavow the Ku Klux Klan could disqualify him from the presidential race.",
            "suggested",
            Some("Joe Scarborough"),
            "business mogul Donald Trump’s refusal to disavow the Ku Klux Klan could disqualify him from the presidential race",
        );
        // PolNeAR train (breitbart_2016-05-25_hacker-guccifer-clinton-s-server).
        assert_attribution(
            "Marcel Lazăr Lehel, the hacker known as “Guccifer,” stated that he had access to the email server.",
            "stated",
            Some("Marcel Lazăr Lehel"),
            "that he had access to the email server",
        );
        // A quoted remark, not a title, is the content of `said X`.
        assert_attribution(
            "“It’s a great opportunity for us,” said Gonzalez.",
            "said",
            Some("Gonzalez"),
            "“It’s a great opportunity for us,”",
        );
    }

    #[test]
    fn appositive_between_source_and_cue() {
        // Seed 002.
        assert_attribution(
            "But Russian Foreign Minister Sergey Lavrov, who also attended the meeting, claimed that Trump accepted Putin’s assertion that Russia didn’t meddle in the election.",
            "claimed",
            Some("Russian Foreign Minister Sergey Lavrov"),
            "that Trump accepted Putin’s assertion that Russia didn’t meddle in the election",
        );
    }
}
