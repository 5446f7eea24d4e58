//! The source phrase as attribution research marks it: the source with what the copy sets beside it,
//! an appositive or relative clause between commas and a bracketed party (`Sen. Chris Murphy
//! (D-Conn.), who voted against an earlier Senate bill`). The constructs find the source's head, the
//! name a rule or a reader looks up; this widens it after the fact, reading only the words between
//! the head and its cue, or after an inverted cue's head to the end of the sentence.

use super::clause::{
    TIME_WORDS, clause_boundary, is_adverb, is_adverbial, strip_auxiliaries, time_phrase_start,
};
use super::reported::{FINITE_SPEECH_VERBS, is_plain_name};
use super::words::{
    AUXILIARIES, CONNECTIVES, PRONOUNS, STOP_WORDS, TITLE_WORDS, WordSet, is_capitalised, is_in,
    is_lower_case, last_word_start, word,
};
use crate::document::Document;
use crate::span::Span;

/// An aside longer than this is more likely the writer's next clause than a description.
const MAX_ASIDE_WORDS: usize = 40;

/// The whole source phrase around `source`, the head a construct found for the cue at `cue` in the
/// sentence `sentence`, whose content is `content`.
pub(super) fn source_phrase(
    doc: &Document,
    sentence: Span,
    source: Span,
    cue: Span,
    content: Option<Span>,
) -> Span {
    let text = doc.text();
    if is_bare_pronoun(source.of(text)) {
        return source;
    }
    if source.end <= cue.start {
        let start = named_before(doc, sentence, source).unwrap_or(source.start);
        before_cue(doc, Span::new(start, source.end), cue)
    } else if source.start >= cue.end {
        // `According to X, Trump …`, `The economy, according to X, is growing`: what follows the
        // source's comma in the sentence is the content, not an aside.
        let content_follows = content.is_some_and(|c| {
            c.start >= source.end || (c.contains(source) && c.end <= sentence.end)
        });
        after_cue(doc, source, sentence_end(text, sentence), content_follows)
    } else {
        source
    }
}

/// `he`, `who`: a pronoun stands for a phrase named elsewhere and has nothing beside it.
fn is_bare_pronoun(source: &str) -> bool {
    static RELATIVES: WordSet = WordSet::new(&["who", "which", "that"]);
    PRONOUNS.contains(source) || RELATIVES.contains(source)
}

/// `J.J. Goldberg, editor at large of The Forward, wrote`, `Dow's chief executive, Andrew Liveris,
/// said`: a name set off before a description, or a role before a name, opens the phrase when it
/// opens its clause. Where the phrase then starts.
fn named_before(doc: &Document, sentence: Span, source: Span) -> Option<usize> {
    let text = doc.text();
    let comma = sentence.start + text[sentence.start..source.start].strip_suffix(", ")?.len();
    let outer = clause_boundary(doc, sentence.start, comma);
    let region_start = outer.map_or(sentence.start, |b| b.mark.end);
    let region = text[region_start..comma].trim_start();
    // `Last Monday, the president said`: a time opens the sentence, not the phrase.
    let timed = || {
        region
            .split_whitespace()
            .any(|w| TIME_WORDS.contains(w) || is_in(&["last", "every", "next", "this"], w))
    };
    let head = source.of(text);
    let named = || is_description(head) && is_plain_name(region);
    let role = || is_capitalised(head) && is_role(region);
    ((named() || role()) && !timed()).then_some(comma - region.len())
}

/// `a philanthropist from Monsey`, `executive director of the House Majority PAC`: a head that
/// describes someone rather than naming them.
fn is_description(head: &str) -> bool {
    word(head).is_ok_and(|(_, first)| {
        is_in(&["a", "an", "the"], first) || is_lower_case(first) && TITLE_WORDS.contains(first)
    })
}

/// `Dow's chief executive`, `The director of the European Centre`: a short phrase that names a role.
fn is_role(region: &str) -> bool {
    const MAX_ROLE_WORDS: usize = 8;
    let words: Vec<&str> = region.split_whitespace().collect();
    let opens = words.first().is_some_and(|w| {
        is_in(&["the", "a", "an", "another"], w) || w.ends_with("'s") || w.ends_with("’s")
    });
    let titled = |w: &&str| is_lower_case(w) && *w != "of" && TITLE_WORDS.contains(w);
    opens
        && words.len() <= MAX_ROLE_WORDS
        && words.iter().any(titled)
        && !words.iter().any(|w| STOP_WORDS.contains(w))
        && !is_adverbial(region)
}

/// `Brian Fallon, a spokesman for the Clinton campaign, said`: the asides between the head and the cue
/// are the source's when nothing else stands there but auxiliaries and adverbs (`has also`).
fn before_cue(doc: &Document, source: Span, cue: Span) -> Span {
    let text = doc.text();
    let end = asides_end(doc, source.end, cue.start, false);
    if end == source.end {
        return timed_participle(text, source, cue).unwrap_or(source);
    }
    let (between_end, _) = strip_auxiliaries(text, end, cue.start, cue.of(text));
    let between = text[end..between_end].trim_matches(|c: char| c == ',' || c.is_whitespace());
    if between.is_empty() {
        Span::new(source.start, end)
    } else {
        source
    }
}

/// `A court document filed Thursday says`, `New polls released Sunday showed`: a time right after a
/// participle that ends the source is when the thing was made, part of the phrase (between a name and
/// its cue, `Trump on Tuesday said`, a time is the saying's). The phrase with it, if so.
fn timed_participle(text: &str, source: Span, cue: Span) -> Option<Span> {
    let head = source.of(text);
    let last = &head[last_word_start(head)..];
    if !(is_lower_case(last) && (last.ends_with("ed") || last.ends_with("ing"))) {
        return None;
    }
    // The gap without the auxiliaries and adverbs that stand before the cue (`has also`).
    let mut time = text[source.end..cue.start].trim_end();
    loop {
        let at = last_word_start(time);
        let w = &time[at..];
        let auxiliary = AUXILIARIES.contains(w) || is_adverb(w);
        if w.is_empty() || !auxiliary || TIME_WORDS.contains(w) {
            break;
        }
        time = time[..at].trim_end();
    }
    let words = time.trim_start();
    (!words.is_empty() && time_phrase_start(words) == Some(0))
        .then(|| Span::new(source.start, source.end + time.len()))
}

/// `…,” said Brian Fallon, a spokesman for the Clinton campaign.`: after an inverted cue the asides run
/// to the end of the sentence.
fn after_cue(doc: &Document, source: Span, limit: usize, content_follows: bool) -> Span {
    if limit <= source.end {
        return source;
    }
    let end = if content_follows {
        brackets_end(doc.text(), source.end, limit).unwrap_or(source.end)
    } else {
        asides_end(doc, source.end, limit, true)
    };
    Span::new(source.start, end)
}

/// Where the run of asides that starts at `start` ends, before `limit`: brackets (` (D-Conn.)`) and
/// phrases set off by commas. Before a cue an aside must close with a comma (the cue's own clause is no
/// aside); after one the last may run to `limit`.
fn asides_end(doc: &Document, start: usize, limit: usize, open_last: bool) -> usize {
    let text = doc.text();
    let mut end = start;
    loop {
        if let Some(after) = brackets_end(text, end, limit).or_else(|| dashes_end(text, end, limit))
        {
            end = after;
            continue;
        }
        let Some(body_start) = text[end..limit].strip_prefix(',').map(|_| end + 1) else {
            return end;
        };
        let close = next_comma(doc, body_start, limit);
        if close.is_none() && !open_last {
            return end;
        }
        let body_end = close.unwrap_or(limit);
        if !is_aside(text[body_start..body_end].trim()) {
            return end;
        }
        end = body_start + text[body_start..body_end].trim_end().len();
    }
}

/// ` — a teacher from Mount Pleasant —`: where an aside between dashes right after `at` closes, if one
/// opens there and describes the source. (Between dashes a relative clause, ` — who has been involved
/// in a scuffle … —`, is the writer's parenthesis.)
fn dashes_end(text: &str, at: usize, limit: usize) -> Option<usize> {
    let rest = &text[at..limit];
    let dash = [" — ", " -- ", " – "]
        .into_iter()
        .find(|d| rest.starts_with(d))?;
    let body = &rest[dash.len()..];
    let closing = dash.trim_end();
    let close = body.find(closing)?;
    let aside = body[..close].trim();
    let relative = word(aside).is_ok_and(|(_, w)| is_in(&["who", "which", "whose"], w));
    (!relative && is_aside(aside)).then_some(at + dash.len() + close + closing.len())
}

/// ` (D-Conn.)`: where a bracketed aside right after `at` closes, if one opens there.
fn brackets_end(text: &str, at: usize, limit: usize) -> Option<usize> {
    const MAX_BRACKETED_WORDS: usize = 8;
    let rest = text[at..limit].strip_prefix(" (")?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    (!inner.contains('(') && inner.split_whitespace().count() <= MAX_BRACKETED_WORDS)
        .then_some(at + " (".len() + close + ')'.len_utf8())
}

/// The next comma from `start` outside quotation marks and brackets, before `limit`.
fn next_comma(doc: &Document, start: usize, limit: usize) -> Option<usize> {
    let text = doc.text();
    let mut depth = 0usize;
    for (i, c) in text[start..limit].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 && doc.quotation_at(start + i).is_none() => return Some(start + i),
            _ => {}
        }
    }
    None
}

/// `a spokesman for the campaign`, `who has endorsed Clinton`, `53`, `president and chief executive of
/// …`: a description of the source. Not a phrase of when, where or how (`in a statement`, `for example`),
/// a participle of the speaker's (`speaking to reporters`, `asked about …`), a connective or a quotation.
fn is_aside(body: &str) -> bool {
    static NOT_DESCRIPTIONS: WordSet = WordSet::new(&[
        "in",
        "on",
        "at",
        "for",
        "during",
        "as",
        "with",
        "after",
        "before",
        "by",
        "from",
        "according",
        "like",
        "including",
        "despite",
        "unlike",
        "amid",
        "since",
        "while",
        "though",
        "although",
        "but",
        "and",
        "or",
        "so",
        "if",
        "when",
        "where",
        "because",
        "to",
        "through",
        "via",
        "not",
        "meanwhile",
        "however",
        "too",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "this",
        "that",
        "there",
        "here",
        "is",
        "was",
        "has",
        "had",
        "have",
        "will",
        "would",
        "said",
        "says",
    ]);
    // `Podesta, who said the project was vetted`, `Guardian, who declined to say who he plans to vote
    // for`: a report of the source's own, not a description.
    static INFINITIVES: WordSet = WordSet::new(&["say", "tell", "comment", "speak", "discuss"]);
    let reports = || {
        body.split_whitespace().any(|w| {
            let w = w.trim_end_matches([',', '.']);
            FINITE_SPEECH_VERBS.contains(w) || INFINITIVES.contains(w)
        })
    };
    let Ok((_, first)) = word(body) else {
        return false;
    };
    let participle = is_lower_case(first)
        && first.len() > 4
        && (first.ends_with("ing") || first.ends_with("ed"));
    // The tests cheapest first: most bodies fail on their first word.
    !body.starts_with(['"', '“', '‘', '\'', '`'])
        && !participle
        && !is_adverb(first)
        && !NOT_DESCRIPTIONS.contains(first)
        && !CONNECTIVES.contains(first)
        && body.split_whitespace().count() <= MAX_ASIDE_WORDS
        && !reports()
        && !is_adverbial(body)
}

/// The end of the sentence's words, before its closing punctuation and quotation marks.
fn sentence_end(text: &str, sentence: Span) -> usize {
    let words = sentence
        .of(text)
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | '”' | '"'));
    sentence.start + words.len()
}

#[cfg(test)]
mod tests {
    use super::super::table::rows;

    /// The source phrase of the last attribution whose cue is `cue`.
    #[track_caller]
    fn assert_phrase(copy: &str, cue: &str, phrase: &str) {
        let found = rows(copy);
        let row = found
            .iter()
            .rfind(|r| r.cue == cue)
            .unwrap_or_else(|| panic!("no `{cue}` attribution in {found:?}"));
        assert_eq!(row.phrase.as_deref(), Some(phrase), "{copy}");
    }

    #[test]
    fn an_appositive_between_source_and_cue_is_the_sources() {
        // PolNeAR train: nyt_2016-08-22_foundation-and-donors-complicate.
        assert_phrase(
            "Brian Fallon, a spokesman for the Clinton campaign, said the Clintons and the foundation had always been careful about donors.",
            "said",
            "Brian Fallon, a spokesman for the Clinton campaign",
        );
    }

    #[test]
    fn after_an_inverted_cue_the_asides_run_to_the_end_of_the_sentence() {
        // PolNeAR train: nyt_2016-06-27_britain-s-exit-looms-over-clinto and
        // politico_2015-11-30_congress-set-to-dump-no-child-le (a bracketed party, then a relative clause).
        assert_phrase(
            "''These are two different countries, with very different circumstances and demographics, facing different choices,'' said Jennifer Palmieri, Mrs. Clinton's communications director.",
            "said",
            "Jennifer Palmieri, Mrs. Clinton's communications director",
        );
        assert_phrase(
            "“I heard loud and clear from teachers and parents,” said Sen. Chris Murphy (D-Conn.), who voted against an earlier Senate bill because he thought it reduced the federal role too much.",
            "said",
            "Sen. Chris Murphy (D-Conn.), who voted against an earlier Senate bill because he thought it reduced the federal role too much",
        );
    }

    #[test]
    fn a_name_or_a_role_set_off_before_the_head_opens_the_phrase() {
        // PolNeAR train: politico_2015-12-03_trump-carson-flop-with-jewish-re and
        // nyt_2016-02-25_rubio-has-the-praise-just-not-th.
        assert_phrase(
            "Rachel Berg, a philanthropist from Monsey, New York, said Thursday's speeches have led her to count Trump and Carson out.",
            "said",
            "Rachel Berg, a philanthropist from Monsey, New York",
        );
        assert_phrase(
            "Nevada's governor, Brian Sandoval, a Republican, said Tuesday that he had voted for Mr. Rubio.",
            "said",
            "Nevada's governor, Brian Sandoval, a Republican",
        );
    }

    #[test]
    fn an_appositive_between_dashes_is_the_sources_and_a_relative_clause_is_not() {
        // PolNeAR train: breitbart_2016-02-20_the-latest-hillary-clinton-tells and
        // usa-today_2016-07-15_ginsburg-apologizes-for-trump-co.
        assert_phrase(
            "Jason Sims — a teacher from Mount Pleasant — says he made a last-minute decision to vote for Marco Rubio.",
            "says",
            "Jason Sims — a teacher from Mount Pleasant —",
        );
        assert_phrase(
            "The Supreme Court justice -- who has been involved in a scuffle with the presumptive Republican nominee over the past few days -- said she regretted her remarks.",
            "said",
            "The Supreme Court justice",
        );
    }

    #[test]
    fn a_time_after_a_participle_in_the_source_is_the_sources() {
        // PolNeAR train: breitbart_2016-04-14_the-latest-trump-delivers-defens and
        // breitbart_2016-06-26_clinton-swipes-at-trump-over-bre; a time after a name is the saying's.
        assert_phrase(
            "A court document filed Thursday says that Donald Trump’s campaign manager will not be prosecuted on a misdemeanor battery charge.",
            "says",
            "A court document filed Thursday",
        );
        assert_phrase(
            "New polls released Sunday showed Clinton taking a lead in the presidential race.",
            "showed",
            "New polls released Sunday",
        );
        assert_phrase("Trump on Tuesday said he would win.", "said", "Trump");
    }

    #[test]
    fn what_is_no_description_stays_out_of_the_phrase() {
        // PolNeAR train: politico_2016-08-17_ap-trump-chair-routed-ukrainian- (a report of the source's
        // own) and wash-post_2016-01-16_ex-cia-chief-in-benghazi-breaks- (the content after the source).
        assert_phrase(
            "Podesta, who said the project was vetted by his firm's counsel, said he was unaware of any such disagreements.",
            "said",
            "Podesta",
        );
        // politico_2016-07-06_atlantic-city-officials-welcome-: declining to say is speech too.
        assert_phrase(
            "“That’s an interesting question. I think you could write a whole history book on that,” said Guardian, who declined to say who he plans to vote for.",
            "said",
            "Guardian",
        );
        assert_phrase(
            "About 10:03 p.m., according to a congressional timeline, the CIA security contractors left for the diplomatic compound.",
            "according to",
            "a congressional timeline",
        );
        // `Trump, in an interview, said`: an adverbial is no aside.
        assert_phrase(
            "Mr. Trump, in an interview on Friday, said he would win.",
            "said",
            "Mr. Trump",
        );
    }
}
