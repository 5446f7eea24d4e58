//! Content: what a cue with its source before it reports: what follows the cue to the end of its
//! clause, or the clause before the frame (`“…,” he said`); where it ends (an object's comma, an
//! unclosed dash, the writer's next verb or clause), and whether a verb that reports only a clause
//! reports one here.

use super::coordination::{coordinated_clause, coordinated_predicate};
use super::opening::opens_a_sentence;
use crate::grammar::clause::{
    TIME_WORDS, Tail, content_end, is_adverb, opens_infinitive, quotation_just_before, tail_after,
};
use crate::grammar::lexicon::{Complement, CueClass};
use crate::grammar::words::{WordSet, is_in, is_lower_case, word};
use crate::grammar::{Found, Site};
use crate::span::Span;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// Content for a cue with its source before it: what follows the cue, or what came before the boundary.
pub(super) fn content_for(site: &Site, before: Option<Span>) -> Option<Span> {
    let text = site.doc.text();
    let sentence = site.sentence;
    let addressed = site.form.class == CueClass::Addressed;
    let before_is_quotation = before.is_some_and(|b| text[..b.end].ends_with(['”', '"', '\'']));
    match tail_after(text, site.cue.end, sentence.span.end, addressed) {
        Tail::End => match before.or_else(|| quotation_just_before(site.doc, sentence)) {
            Some(content) => Some(content),
            None if site.form.class == CueClass::Thought => None,
            None => Some(Span::new(site.cue.end, site.cue.end)),
        },
        Tail::Comma(after) => {
            let rest = Span::new(after, content_end(site.doc, sentence, after));
            // `“…,” he said, “…”` and `The meeting, he said, lasted …` are one content around the frame;
            // after `Earlier in the season, X said, “…”` the content is only the quotation.
            let quotation_follows = text[after..].starts_with(['“', '"', '\'']);
            // After `“…,” he said, laughing` the writer speaks again, unless the quotation resumes
            // (`, he said, and “clear consequences …”`); after `, adding that …` it is the new cue's.
            let quotation_resumes = || {
                site.doc.quotations_in(rest).next().is_some()
                    && !opens_own_report(&text[rest.start..])
            };
            // `told Bill O’Reilly of Fox News, that “…”`: a comma before `that` sets off no frame.
            let after_listener = !text[site.cue.end..after]
                .trim_end()
                .trim_end_matches(',')
                .trim()
                .is_empty();
            let that_follows =
                after_listener && word(&text[after..]).is_ok_and(|(_, w)| w == "that");
            // `In the end, Mr. Rosenthal said, union voters …`: an opening phrase before the frame is
            // the writer's.
            let opening = before.is_some_and(|b| opens_a_sentence(b.of(text).trim()));
            match before {
                _ if that_follows || opening => Some(rest),
                Some(b) if before_is_quotation && !quotation_resumes() => Some(b),
                Some(b) if before_is_quotation || !quotation_follows => Some(b.cover(rest)),
                _ => Some(rest),
            }
        }
        // `“…,” she said in a video message to the convention.`, `…,” he said of the 2016 field.`: after
        // the words said, a phrase of how, where or of what they were said is no content of its own.
        // `“…,” Obama told a townhall meeting with young leaders in Vietnam’s Ho Chi Minh City`: after a
        // quotation, what follows `told` is whom it was told to, unless a clause or a quotation.
        Tail::Content(start)
            if before_is_quotation
                && (opens_adverbial_phrase(&text[start..])
                    || (addressed && !opens_reported_words(&text[start..]))) =>
        {
            before
        }
        Tail::Content(start) => {
            let end = content_end(site.doc, sentence, start);
            let start = after_preposition(text, start, end);
            let end = object_end(site, Span::new(start, end)).unwrap_or(end);
            let end = coordinated_predicate(site, Span::new(start, end)).unwrap_or(end);
            let end = coordinated_clause(site, Span::new(start, end)).unwrap_or(end);
            let end = before_closing_aside(site.doc, Span::new(start, end)).unwrap_or(end);
            Some(Span::new(start, end))
        }
    }
}

/// `endorsed Clinton, the party's nominee`, `mocked his rivals, talked over them …`: the object of a
/// verb that takes a noun phrase ends at the first comma outside quotation marks, unless the content
/// is a clause (`criticized that …`) or a quotation. Where it ends, if earlier.
fn object_end(site: &Site, content: Span) -> Option<usize> {
    static CLAUSE_OPENERS: WordSet = WordSet::new(&[
        "that", "whether", "if", "how", "why", "what", "when", "where", "who", "to",
    ]);
    if site.form.complement != Complement::Noun {
        return None;
    }
    let text = site.doc.text();
    let body = content.of(text);
    if body.starts_with(['"', '“', '\'', '‘', '`'])
        || word(body).is_ok_and(|(_, w)| CLAUSE_OPENERS.contains(w))
    {
        return None;
    }
    body.match_indices(',')
        .map(|(i, _)| content.start + i)
        .find(|&at| {
            site.doc.quotation_at(at).is_none()
                && !(text[..at].ends_with(|c: char| c.is_ascii_digit())
                    && text[at + 1..].starts_with(|c: char| c.is_ascii_digit()))
        })
        .filter(|&at| at > content.start)
}

/// `… to kill the families of terrorists — a controversial proposal he has raised at various points
/// during his campaign`: a dash with nothing closing it sets off the writer's comment on what was said.
/// Where the content ends before it, if one does.
fn before_closing_aside(doc: &crate::document::Document, content: Span) -> Option<usize> {
    const DASHES: [char; 3] = ['—', '–', '-'];
    let text = doc.text();
    let body = content.of(text);
    // Byte searches for the first dash with a space on each side (`--` is one dash).
    static SPACED: LazyLock<[Finder; 4]> =
        LazyLock::new(|| [" — ", " – ", " -- ", " - "].map(Finder::new));
    let (dash_at, dash_end) = SPACED
        .iter()
        .filter_map(|d| {
            d.find(body.as_bytes())
                .map(|i| (i + 1, i + d.needle().len() - 1))
        })
        .min()?;
    let at = dash_at - 1;
    let closed = body[dash_end..].contains(DASHES);
    // Trimmed back over every space, so a no-break space (blanked in the copy view) is passed whole.
    let end = content.start + body[..at].trim_end().len();
    (!closed && end > content.start && doc.quotation_at(content.start + at).is_none())
        .then_some(end)
}

/// `warned of the risk of an outbreak`, `warned against the forces of hate`, `asked about speeches …`:
/// the preposition a verb takes is not what was said.
fn after_preposition(text: &str, start: usize, end: usize) -> usize {
    static PREPOSITIONS: WordSet = WordSet::new(&["of", "against", "about", "on", "for", "over"]);
    match word(&text[start..end]) {
        Ok((rest, w)) if PREPOSITIONS.contains(w) && is_lower_case(w) && rest.starts_with(' ') => {
            end - rest.trim_start().len()
        }
        _ => start,
    }
}

/// `adding that …`, `before insisting …`, `but added …`: the writer reports something more.
fn opens_own_report(rest: &str) -> bool {
    static JOINERS: WordSet = WordSet::new(&["but", "before", "while", "as", "after"]);
    word(rest).is_ok_and(|(_, w)| is_lower_case(w) && (w.ends_with("ing") || JOINERS.contains(w)))
}

/// Whether a verb that reports only a marked clause (`maintained that …`) reports its content here: the
/// content is a clause, an infinitive or a quotation, or the words said come before the cue (`“…,” he
/// maintained`). A study or a poll reports a finding with any object (`The April survey found Clinton
/// leading Sanders by seven points`).
pub(in crate::grammar) fn reports_a_clause(text: &str, cue: Span, found: &Found) -> bool {
    static SUBJECTS: WordSet = WordSet::new(&["he", "she", "they", "it", "we", "i", "there"]);
    let Some(content) = found
        .content
        .filter(|c| c.start >= cue.end && !c.is_empty())
    else {
        return true;
    };
    let rest = content.of(text).trim_start_matches([':', ' ']);
    opens_reported_words(rest)
        || opens_infinitive(rest)
        || word(rest)
            .is_ok_and(|(_, w)| SUBJECTS.contains(w) || is_in(&["when", "where", "who"], w))
        || found.source.is_some_and(|s| is_research(s.of(text)))
}

/// `A Quinnipiac University poll`, `the inquiry`, `A jury`: a source whose head names research or a
/// judgment.
fn is_research(source: &str) -> bool {
    static RESEARCH: WordSet = WordSet::new(&[
        "poll",
        "polls",
        "survey",
        "surveys",
        "study",
        "studies",
        "report",
        "reports",
        "analysis",
        "review",
        "inquiry",
        "investigation",
        "investigators",
        "audit",
        "research",
        "researchers",
        "data",
        "jury",
        "court",
        "panel",
    ]);
    source
        .split_whitespace()
        .next_back()
        .is_some_and(|head| RESEARCH.contains(head))
}

/// `that …`, `“…”`, `whether …`: words that report the speaker.
pub(super) fn opens_reported_words(rest: &str) -> bool {
    rest.starts_with(['"', '“', '\'', '‘', '`'])
        || word(rest).is_ok_and(|(_, w)| is_in(&["that", "whether", "if", "how", "why", "what"], w))
}

/// Whether `rest` starts with a preposition or a subordinator that opens an adverbial phrase.
fn opens_adverbial_phrase(rest: &str) -> bool {
    static OPENERS: WordSet = WordSet::new(&[
        "in",
        "on",
        "at",
        "during",
        "of",
        "with",
        "when",
        "after",
        "while",
        "as",
        "before",
        "about",
        "through",
        "via",
        "by",
        "without",
        "from",
        "last",
        "earlier",
        "later",
        "this",
        "yesterday",
        "today",
        "tonight",
    ]);
    // `said dryly`, `said Sunday in Virginia as the crowd roared`, `proclaimed to a cheering crowd`.
    let to_someone = rest.starts_with("to ") && !opens_infinitive(rest);
    to_someone
        || word(rest).is_ok_and(|(_, w)| {
            (is_lower_case(w) && OPENERS.contains(w)) || is_adverb(w) || TIME_WORDS.contains(w)
        })
}

#[cfg(test)]
mod tests {
    use crate::grammar::table::{assert_attribution, assert_source, rows};

    #[test]
    fn content_ends_where_the_writer_takes_over() {
        // PolNeAR dev: the quotations after an inverted cue are the speaker's; a non-restrictive
        // relative clause is the writer's.
        assert_attribution(
            "“One of the things I am surprised about is apparently how much the health issue has affected this race, or seems to be affecting it,” said Caddell. “Yesterday, there were two polls. Morning Consult and Rasmussen had very similar numbers.”",
            "said",
            Some("Caddell"),
            "“One of the things I am surprised about is apparently how much the health issue has affected this race, or seems to be affecting it,” said Caddell. “Yesterday, there were two polls. Morning Consult and Rasmussen had very similar numbers.”",
        );
        assert_attribution(
            "They argue that the EPA overstepped its regulatory authority under the federal Clean Air Act when the agency issued the rules, which the U.S. Supreme Court has put on hold while the case is litigated.",
            "argue",
            Some("They"),
            "that the EPA overstepped its regulatory authority under the federal Clean Air Act when the agency issued the rules",
        );
    }

    #[test]
    fn a_phrase_of_how_or_of_what_after_a_quotation_is_not_content() {
        // PolNeAR dev: usa-today_2016-09-08 and politico_2016-09-28.
        assert_attribution(
            "\"We know at least two states have been the subject of hacking already, so the question is not whether they have the ability, only whether they have the will to do it,\" he said of the prospect of tampering with election returns.",
            "said",
            Some("he"),
            "\"We know at least two states have been the subject of hacking already, so the question is not whether they have the ability, only whether they have the will to do it,\"",
        );
        assert_attribution(
            "“My reaction, that was outrageous,” Obama's former campaign strategist said in an interview with CNN’s Wolf Blitzer.",
            "said",
            Some("Obama's former campaign strategist"),
            "“My reaction, that was outrageous,”",
        );
    }

    #[test]
    fn after_a_quotation_and_its_frame_the_writer_speaks_unless_the_quotation_resumes() {
        // PolNeAR train: huff-post_2016-06-09, breitbart_2016-02-20, usa-today_2016-03-22.
        assert_attribution(
            "“Do not let the perfect be the enemy of the good,” she said, in an implicit caution to Sanders backers.",
            "said",
            Some("she"),
            "“Do not let the perfect be the enemy of the good,”",
        );
        assert_attribution(
            "“He stands for the middle-class,” Anderson said, adding that Sanders is “definitely the most trustworthy of the candidates.”",
            "said",
            Some("Anderson"),
            "“He stands for the middle-class,”",
        );
        assert_attribution(
            "\"This deal must come with vigorous enforcement,\" she said, and \"clear consequences for any violations.\"",
            "said",
            Some("she"),
            "\"This deal must come with vigorous enforcement,\" she said, and \"clear consequences for any violations.\"",
        );
    }

    #[test]
    fn an_adverbial_after_the_cue_is_not_content() {
        // PolNeAR dev.
        assert_attribution(
            "Trump said after the convention he would not accept Cruz's endorsement if it were offered.",
            "said",
            Some("Trump"),
            "he would not accept Cruz's endorsement if it were offered",
        );
    }

    #[test]
    fn reported_speech_with_that_and_with_a_quotation() {
        // Seed 000.
        assert_attribution(
            "Lavrov stated that Trump had accepted Putin’s denial regarding election interference.",
            "stated",
            Some("Lavrov"),
            "that Trump had accepted Putin’s denial regarding election interference",
        );
        assert_attribution(
            "Tillerson even stated, “on some issues maybe they have the right approach and we have the wrong approach.”",
            "stated",
            Some("Tillerson"),
            "“on some issues maybe they have the right approach and we have the wrong approach.”",
        );
        assert_attribution(
            "Anonymous U.S. officials denied Lavrov’s account.",
            "denied",
            Some("Anonymous U.S. officials"),
            "Lavrov’s account",
        );
    }

    #[test]
    fn a_verb_that_takes_an_object_ends_its_content_with_the_phrase() {
        // PolNeAR train (wash-post_2016-03-04_blistering-attacks-upend-trump-s).
        assert_attribution(
            "He mocked his rivals, talked over them as they answered questions and even assured the crowd that he doesn't have small hands.",
            "mocked",
            Some("He"),
            "his rivals",
        );
        // PolNeAR train (nyt_2015-11-10_netanyahu-and-obama-a-tortured-r): `said` takes a clause,
        // which runs on past the comma.
        assert_attribution(
            "But aides said Mr. Obama simply believed in honestly airing differences, not creating distance.",
            "said",
            Some("aides"),
            "Mr. Obama simply believed in honestly airing differences, not creating distance",
        );
    }

    #[test]
    fn a_dash_with_nothing_closing_it_ends_the_content() {
        // PolNeAR train (huff-post_2015-12-22_of-the-most-powerful-things-lati), with its no-break
        // spaces: the content ends on a whole character before the dash.
        let copy = "But Ferrera told HuffPost that she was disheartened there haven’t been\u{a0}more Latina winners since she first won\u{a0}— the actress also pointed that the problem was not with\u{a0}the\u{a0}award ceremony.";
        assert_attribution(
            copy,
            "told",
            Some("Ferrera"),
            "that she was disheartened there haven’t been\u{a0}more Latina winners since she first won",
        );
    }

    #[test]
    fn after_a_quotation_how_and_to_whom_it_was_said_is_no_content() {
        // PolNeAR train (huff-post_2016-05-25_obama-to-asians-worried-about-u-, nyt_2016-05-17_a-big-bet-on-nostalgia).
        assert_attribution(
            "“I think other people sometimes look at our election system and say ‘what a mess’,” Obama told a townhall meeting with young leaders in Vietnam’s Ho Chi Minh City, formerly Saigon.",
            "told",
            Some("Obama"),
            "“I think other people sometimes look at our election system and say ‘what a mess’,”",
        );
        assert_attribution(
            "''I would not discount the commercial motivations,'' Mr. Kaplan, a screenwriter and former studio executive, said dryly.",
            "said",
            Some("Mr. Kaplan"),
            "''I would not discount the commercial motivations,''",
        );
    }

    #[test]
    fn listener_is_not_content() {
        // Seed 000.
        assert_attribution(
            "It would be easy and comforting to say that the Russians are lying — that Trump told Putin that our intelligence community has come to a general assessment about Russian election interference.",
            "told",
            Some("Trump"),
            "that our intelligence community has come to a general assessment about Russian election interference",
        );
    }

    #[test]
    fn a_listener_named_with_where_they_work() {
        // PolNeAR train (west-journal_2016-05-14_gingrich-takes-talk-of-being-tru): a dashed aside, a
        // listener `of` an outlet, and a comma before `that`.
        assert_attribution(
            "On Friday, Gingrich — mentioned by Newsmax as the leading choice for Republican presidential nominee Donald Trump’s running mate — told Bill O’Reilly of Fox News, that “you have to look at it very seriously, of course.”",
            "told",
            Some("Gingrich"),
            "that “you have to look at it very seriously, of course.”",
        );
    }

    #[test]
    fn a_listener_may_have_a_title_and_an_adverb_may_stand_before_that() {
        // PolNeAR dev (breitbart_2016-09-15_pat-caddell-democrat-voters-worr, nyt_2016-10-04_in-avoiding-tax-trump-is-merely-).
        assert_attribution(
            "In offering analysis of the ongoing presidential election, longtime Democratic pollster Pat Caddell told Breitbart News Daily host Alex Marlow on Thursday how surprised he is that health has been at the forefront.",
            "told",
            Some("longtime Democratic pollster Pat Caddell"),
            "how surprised he is that health has been at the forefront",
        );
        assert_attribution(
            "Companies and individuals complain bitterly that taxes are too high and the rules too complicated, but many corporations and the wealthiest members of our society have found ways to make the tax code work for them.",
            "complain",
            Some("Companies and individuals"),
            "that taxes are too high and the rules too complicated",
        );
    }

    #[test]
    fn a_subject_after_the_listener_is_the_contents() {
        // PolNeAR train (Politico).
        assert_attribution(
            "One delegate not on the Cruz slate, Kelly Schmdit, told POLITICO she was leaning toward Cruz.",
            "told",
            Some("One delegate not on the Cruz slate, Kelly Schmdit"),
            "she was leaning toward Cruz",
        );
    }

    #[test]
    fn a_verb_that_reports_only_a_clause_reports_nothing_with_an_object() {
        // PolNeAR train: usa-today_2016-04-14_clinton-sharpens-focus-on-sander,
        // wash-post_2016-04-30_indiana-governor-endorses-cruz-b (another verb), then
        // politico_2016-08-08_inside-the-swing-state-trench-wa and huff-post_2016-04-27_hillary-clinton-wins-delaware-s-.
        for copy in [
            "Though Clinton maintains a large pledged delegate lead over Sanders, a narrower victory in the state would raise questions.",
            "Cruz continued campaigning Friday with former technology executive Carly Fiorina.",
        ] {
            assert_eq!(rows(copy), [], "{copy}");
        }
        assert_attribution(
            "But they maintained that large numbers of the Vermont senator’s supporters were also unifying around the nominee.",
            "maintained",
            Some("they"),
            "that large numbers of the Vermont senator’s supporters were also unifying around the nominee",
        );
        // A study or a poll reports a finding with any object.
        assert_source(
            "The April survey found Clinton leading Sanders by seven points, with 17 percent of likely Democratic voters still undecided.",
            "found",
            "The April survey",
        );
    }
}
