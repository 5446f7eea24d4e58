//! Sources: who is speaking. A pronoun, a titled name (`Secretary of State Rex Tillerson`), an
//! organisation (`the White House`) or a group (`U.S. officials`, `a person familiar with the talks`).
//!
//! `parse_source` is the nom grammar of a source phrase. `source_before` finds the source that ends
//! where a cue begins: the shortest phrase that starts where a clause can start (after punctuation or a
//! word like `and`, `when`) and parses completely; `source_after` reads one after an inverted cue
//! (`…,” said Lavrov`). Amounts (`At least 21,000`) are `amount`'s grammar, and the person a source
//! names is `name`'s.

use super::amount::{may_open_quantity, opens_with_quantity, quantity};
use super::clause::is_adverbial;
use super::words::{
    ARTICLES, CLAUSE_OPENERS, DETERMINERS, INNER_PREPOSITIONS, PRONOUNS, QUANTIFIER_SOURCES, Res,
    STOP_WORDS, WordSet, fail, is_capitalised, is_in, is_lower_case, skip_many0, word, word_in,
};
use crate::span::Span;
use nom::Parser;
use nom::character::complete::{multispace0, multispace1};
use nom::combinator::{eof, recognize};
use nom::sequence::{pair, preceded, terminated};

/// The longest a source phrase can be, in words; bounds the look-back from a cue.
const MAX_SOURCE_WORDS: usize = 12;

/// Read forwards (`…, according to a poll of 400 registered Latino voters released on Friday by Latino
/// Decisions`), a phrase ends where its grammar does, so it may run longer.
const MAX_SOURCE_WORDS_AFTER: usize = 24;

/// A word that can stand in a noun phrase: not a clause word, determiner or joining preposition.
fn nominal_word(input: &str) -> Res<'_, &str> {
    let (rest, w) = word(input)?;
    let closed_class =
        STOP_WORDS.contains(w) || DETERMINERS.contains(w) || INNER_PREPOSITIONS.contains(w);
    // `“…,” May wrote` (BBC entertainment-138): a capitalised modal standing alone before the cue is a name.
    let lone_name =
        is_capitalised(w) && rest.trim().is_empty() && is_in(&["may", "will", "june", "april"], w);
    if closed_class && !starts_a_name(w, rest) && !lone_name {
        return fail(input);
    }
    Ok((rest, w))
}

/// `Will Doyle`, `May Boeve`: a capitalised closed-class word followed by a capitalised word is a name.
fn starts_a_name(w: &str, rest: &str) -> bool {
    is_capitalised(w)
        && rest.starts_with(' ')
        && word(rest.trim_start()).is_ok_and(|(_, next)| is_capitalised(next))
}

/// `senior administration officials`, `Secretary`, `Rex Tillerson`.
fn nominal(input: &str) -> Res<'_, &str> {
    recognize(pair(
        nominal_word,
        skip_many0(preceded(multispace1, nominal_word)),
    ))
    .parse(input)
}

/// `Neither` in `Neither Cruz nor Christie`: a determiner only inside a source phrase (alone,
/// `Neither felt up to the task`, it is the phrase).
static CORRELATIVES: WordSet = WordSet::new(&["neither", "either"]);

/// `the`, `a`, `two`, `Russia’s` (a possessive works as a determiner).
fn determiner(input: &str) -> Res<'_, &str> {
    terminated(
        nom::branch::alt((word_in(&DETERMINERS), word_in(&CORRELATIVES))),
        multispace1,
    )
    .parse(input)
}

/// `a person familiar with the talks`, `officials at the State Department`, `Trump and Putin`.
pub fn noun_phrase(input: &str) -> Res<'_, &str> {
    let head = pair(skip_many0(determiner), nominal);
    let attachment = preceded(
        multispace1,
        pair(
            alt_joiner,
            preceded(
                multispace1,
                nom::branch::alt((
                    recognize(pair(skip_many0(determiner), nominal)),
                    bare_determiners,
                )),
            ),
        ),
    );
    recognize(pair(head, skip_many0(attachment))).parse(input)
}

static TO: WordSet = WordSet::new(&["to"]);

/// `all five` in `majorities in all five`: determiners standing for the noun.
fn bare_determiners(input: &str) -> Res<'_, &str> {
    recognize(pair(
        word_in(&DETERMINERS),
        skip_many0(preceded(multispace1, word_in(&DETERMINERS))),
    ))
    .parse(input)
}

/// `of`, `for`, `with`, `close to`, or `and` (joining names).
fn alt_joiner(input: &str) -> Res<'_, &str> {
    let (rest, w) = word(input)?;
    if w.eq_ignore_ascii_case("close") {
        return recognize(pair(multispace1, word_in(&TO)))
            .parse(rest)
            .map(|(r, _)| (r, &input[..input.len() - r.len()]));
    }
    // `a report by UK think-tank Demos`, `an examination by the nonpartisan Better Government
    // Association`: `by` joins a named author, not a passive's agent.
    let names_author = w == "by"
        && rest
            .split_whitespace()
            .take(4)
            .find(|w| !(ARTICLES.contains(w) || w.starts_with(|c: char| c.is_lowercase())))
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    // `critics like Huffman`, `experts like Paul Bauman`: `like` before a name gives an example.
    let names_example = w == "like" && rest.trim_start().starts_with(char::is_uppercase);
    // `Neither Cruz nor Christie`: `nor` joins the second of two.
    if INNER_PREPOSITIONS.contains(w)
        || is_in(&["and", "&", "nor"], w)
        || names_author
        || names_example
    {
        Ok((rest, w))
    } else {
        fail(input)
    }
}

fn pronoun(input: &str) -> Res<'_, &str> {
    nom::branch::alt((word_in(&PRONOUNS), word_in(&QUANTIFIER_SOURCES))).parse(input)
}

static INDEFINITES: WordSet = WordSet::new(&[
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
]);

static PARTITIVE_JOINERS: WordSet = WordSet::new(&["of", "in"]);

/// `Some of Clinton's longtime allies`, `75 percent of Democrats`, `Six in 10`, `One in five`: part of a
/// group speaks for it.
fn partitive(input: &str) -> Res<'_, &str> {
    recognize((
        quantity,
        multispace1,
        word_in(&PARTITIVE_JOINERS),
        multispace1,
        nom::branch::alt((noun_phrase, quantity)),
    ))
    .parse(input)
}

/// `42%`, `About 9 percent`, `At least 21,000`, `all but two`: an amount alone stands for the people
/// counted.
fn counted_group(input: &str) -> Res<'_, &str> {
    recognize(pair(
        quantity,
        nom::combinator::opt(preceded(multispace1, noun_phrase)),
    ))
    .parse(input)
}

/// A whole source phrase: a pronoun or a noun phrase, and nothing after it.
pub fn parse_source(input: &str) -> Res<'_, &str> {
    if may_open_quantity(input) {
        nom::branch::alt((
            terminated(pronoun, pair(multispace0, eof)),
            terminated(partitive, pair(multispace0, eof)),
            terminated(counted_group, pair(multispace0, eof)),
            terminated(noun_phrase, pair(multispace0, eof)),
        ))
        .parse(input)
    } else {
        nom::branch::alt((
            terminated(pronoun, pair(multispace0, eof)),
            terminated(noun_phrase, pair(multispace0, eof)),
        ))
        .parse(input)
    }
}

/// The word spans of `region` (offset by `base`), left to right. Callers pass the last few words of
/// a clause: room for as many as a source may have is made at once, not grown by copying.
fn word_spans(region: &str, base: usize) -> Vec<Span> {
    let mut spans = Vec::with_capacity(MAX_SOURCE_WORDS + 1);
    let mut offset = 0;
    while offset < region.len() {
        match word(&region[offset..]) {
            Ok((rest, w)) => {
                spans.push(Span::new(base + offset, base + offset + w.len()));
                offset = region.len() - rest.len();
            }
            Err(_) => offset += region[offset..].chars().next().map_or(1, char::len_utf8),
        }
    }
    spans
}

/// The source phrase that ends at the end of `region` (which starts at `base` in `text`, right after a
/// clause boundary or at the sentence start).
pub fn source_before(text: &str, base: usize, region: &str) -> Option<Span> {
    let region = without_trailing_aside(region);
    // Only the last words can be a source: read just those, so a long clause costs no more.
    let tail_start = tail_of_words(region, MAX_SOURCE_WORDS + 1);
    let words = word_spans(&region[tail_start..], base + tail_start);
    let end = base + region.trim_end().len();
    let pronoun = |w: &&Span| PRONOUNS.contains(w.of(text)) || INDEFINITES.contains(w.of(text));
    if let Some(last) = words.last().filter(pronoun) {
        // `Trump's team decided they said`, `Looks like someone told Trump`: a pronoun before the cue
        // is the whole source.
        return Some(*last);
    }
    let opens_at = |k: usize| opens_clause(text, &words, k);
    // `At least a dozen members of Congress`, `all but two`: a hedge may hold words that elsewhere
    // open a clause, so a counted group is read from its start.
    let window = words.len().saturating_sub(MAX_SOURCE_WORDS)..words.len();
    if let Some(k) = window.clone().find(|&k| {
        opens_at(k)
            && opens_with_quantity(&text[words[k].start..end])
            && parse_source(&text[words[k].start..end]).is_ok()
    }) {
        return Some(Span::new(words[k].start, end));
    }
    for k in window.rev() {
        if opens_at(k) && parse_source(&text[words[k].start..end]).is_ok() {
            return Some(Span::new(words[k].start, end));
        }
        if k > 0 && words[k - 1].of(text) == "who" {
            let who = words[k - 1].start - base;
            return relative_head(text, base, &region[..who]).map(|start| Span::new(start, end));
        }
        // `A report by Demos said`: `by` may join an author inside the phrase; the parse decides.
        let joins_author = words[k].of(text) == "by"
            || (words[k].of(text) == "like"
                && words.get(k + 1).is_some_and(|w| is_capitalised(w.of(text))));
        // `Polk County GOP Chairman Will Rogers`: a capitalised `Will` before a name is a name, and
        // `Theresa May` after one.
        let in_name = || {
            (k + 2 == words.len() && starts_a_name(words[k].of(text), &text[words[k].end..end]))
                || (k + 1 == words.len()
                    && k > 0
                    && is_capitalised(words[k].of(text))
                    && is_capitalised(words[k - 1].of(text)))
        };
        let stops = STOP_WORDS.contains(words[k].of(text))
            && !joins_names(text, &words, k)
            && !joins_author
            && !in_name();
        if stops || (k > 0 && opens_at(k)) {
            return None;
        }
    }
    None
}

/// `Trump and Putin said`: an `and` between names joins them; elsewhere it opens a clause.
fn joins_names(text: &str, words: &[Span], j: usize) -> bool {
    if words[j].of(text) == "nor" {
        return j > 0; // `Neither Mr. Comey nor other officials`
    }
    // `Companies and individuals complain`, `close friends and allies have … said`: two plurals.
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !STOP_WORDS.contains(w);
    words[j].of(text) == "and"
        && j > 0
        && j + 1 < words.len()
        && ((is_capitalised(words[j - 1].of(text)) && is_capitalised(words[j + 1].of(text)))
            || (plural(words[j - 1].of(text)) && plural(words[j + 1].of(text))))
}

/// Whether a phrase may start at word `k`: the first word, or one after a clause opener.
fn opens_clause(text: &str, words: &[Span], k: usize) -> bool {
    k == 0 || (CLAUSE_OPENERS.contains(words[k - 1].of(text)) && !joins_names(text, words, k - 1))
}

/// `One Democratic official who relayed the exchange said`: the noun phrase that ends `region` (the
/// words before `who`, at `base` in `text`) heads the source, and the relative clause belongs to it.
/// The start of the phrase, if one parses.
fn relative_head(text: &str, base: usize, region: &str) -> Option<usize> {
    let tail_start = tail_of_words(region, MAX_SOURCE_WORDS + 1);
    let words = word_spans(&region[tail_start..], base + tail_start);
    let end = words.last()?.end;
    (words.len().saturating_sub(MAX_SOURCE_WORDS)..words.len())
        .rev()
        .find(|&j| opens_clause(text, &words, j) && noun_phrase_whole(&text[words[j].start..end]))
        .map(|j| words[j].start)
}

/// The longest noun phrase that ends `region` (at `base` in `text`): what a relative `who` right after
/// it stands for (`not paying an architect` → `an architect`, `Winfrey, Patti LaBelle and Stevie
/// Wonder` → `Patti LaBelle and Stevie Wonder`).
pub fn phrase_ending(text: &str, base: usize, region: &str) -> Option<Span> {
    let region = without_trailing_aside(region);
    let tail_start = tail_of_words(region, MAX_SOURCE_WORDS);
    let words = word_spans(&region[tail_start..], base + tail_start);
    let end = words.last()?.end;
    // `steep for Mr. Sanders`, `revered among Democratic activists`: a phrase that names people opens
    // with a determiner, a number, a name or a possessive, or is a bare plural (`developers`).
    let opens_phrase = |w: &str| {
        !is_lower_case(w)
            || DETERMINERS.contains(w)
            || QUANTIFIER_SOURCES.contains(w)
            || (w.len() > 3 && w.ends_with('s') && !STOP_WORDS.contains(w))
    };
    words
        .iter()
        .find(|w| opens_phrase(w.of(text)) && noun_phrase_whole(&text[w.start..end]))
        .map(|w| Span::new(w.start, end))
}

/// A noun phrase and nothing after it (not a pronoun: `he who` is not news copy's).
fn noun_phrase_whole(input: &str) -> bool {
    nom::branch::alt((
        terminated(partitive, pair(multispace0, eof)),
        terminated(noun_phrase, pair(multispace0, eof)),
    ))
    .parse(input)
    .is_ok()
}

/// The byte offset where the last `n` white-space-separated words of `region` begin.
fn tail_of_words(region: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in region.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i + c.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

/// `Rep. Elijah Cummings (D-Md.)` → `Rep. Elijah Cummings`: a bracketed affiliation is not the name.
fn without_trailing_aside(region: &str) -> &str {
    let trimmed = region.trim_end();
    match trimmed.strip_suffix(')').and_then(|r| r.rfind('(')) {
        Some(open) => &trimmed[..open],
        None => region,
    }
}

/// The source phrase that starts at `start` in `text` (after an inverted cue or `according to`).
pub fn source_after(text: &str, start: usize, limit: usize) -> Option<Span> {
    phrase_after(text, start, limit, without_adverbial)
}

/// The subject at the start of a clause (`Mrs. Clinton shook her head and said`): read forwards, a
/// phrase that starts with a name is just the name.
pub fn subject_after(text: &str, start: usize, limit: usize) -> Option<Span> {
    phrase_after(text, start, limit, name_only)
}

fn phrase_after(text: &str, start: usize, limit: usize, trim: fn(&str) -> &str) -> Option<Span> {
    let region = &text[start..limit];
    let lead = region.len() - region.trim_start().len();
    let body = &region[lead..];
    // `said one source familiar with …`: a quantifier stands alone only when no noun follows it.
    let (_, found) = nom::branch::alt((
        terminated(word_in(&PRONOUNS), not_word),
        noun_phrase,
        terminated(word_in(&QUANTIFIER_SOURCES), not_word),
    ))
    .parse(body)
    .ok()?;
    let found = trim(trim_capped(found));
    (!found.is_empty() && found.split_whitespace().count() <= MAX_SOURCE_WORDS_AFTER)
        .then(|| Span::new(start + lead, start + lead + found.len()))
}

/// `Robby Mook in a statement`, `Josh Earnest on Tuesday`: an adverbial after a name is not the source.
fn without_adverbial(found: &str) -> &str {
    let mut offset = 0;
    for w in found.split_whitespace() {
        let at = w.as_ptr() as usize - found.as_ptr() as usize;
        if offset > 0 && ADVERBIAL_OPENERS.contains(w) && is_adverbial(&found[at..]) {
            return found[..at].trim_end();
        }
        offset = at + w.len();
    }
    found
}

static ADVERBIAL_OPENERS: WordSet = WordSet::new(&[
    "in", "on", "at", "during", "via", "through", "after", "last", "this",
]);

fn not_word(input: &str) -> Res<'_, ()> {
    if word(input).is_ok() {
        fail(input)
    } else {
        Ok((input, ()))
    }
}

/// Read forwards, `Louisiana Gov. Bobby Jindal on Monday signed` is a name and then other words: a
/// phrase that starts with a capitalised word ends with its capitalised run (joined by `of`).
fn name_only(found: &str) -> &str {
    if !found.starts_with(|c: char| c.is_uppercase())
        || DETERMINERS.contains(found.split_whitespace().next().unwrap_or(""))
    {
        return found;
    }
    let mut end = 0;
    for (i, w) in found
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - found.as_ptr() as usize, w))
    {
        if is_capitalised(w) || w.starts_with(|c: char| c.is_ascii_digit()) {
            end = i + w.len();
        } else if !(w == "of" || w == "and" || w == "de" || w == "bin") {
            break;
        }
    }
    &found[..end]
}

/// A phrase read forwards may run on into the next clause's words; keep it to its first line.
fn trim_capped(found: &str) -> &str {
    found.split('\n').next().unwrap_or(found).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn before(text: &str) -> Option<&str> {
        source_before(text, 0, text).map(|s| s.of(text))
    }

    #[test]
    fn parses_the_source_phrases_of_news_copy() {
        // Seed 000 and PolNeAR dev copy.
        for phrase in [
            "Secretary of State Rex Tillerson",
            "Russian Foreign Minister Sergey Lavrov",
            "the White House",
            "Anonymous U.S. officials",
            "a person familiar with the talks",
            "sources",
            "he",
            "The Post",
            "Trump and Putin",
            "a source close to the campaign",
        ] {
            assert!(parse_source(phrase).is_ok(), "{phrase}");
        }
        for not_a_source in ["his", "the", "that Trump", "to", "Trump was"] {
            assert!(parse_source(not_a_source).is_err(), "{not_a_source}");
        }
    }

    #[test]
    fn takes_the_source_that_ends_at_the_cue() {
        assert_eq!(
            before("Secretary of State Rex Tillerson "),
            Some("Secretary of State Rex Tillerson")
        );
        assert_eq!(
            before("The meeting lasted two hours and Trump "),
            Some("Trump")
        );
        assert_eq!(
            before("Trump hurt his own credibility when the White House "),
            Some("the White House")
        );
        assert_eq!(
            before("a person familiar with the talks "),
            Some("a person familiar with the talks")
        );
        assert_eq!(before("On Friday Trump "), Some("Trump"));
        assert_eq!(before("He decided to "), None);
        // Seed 001: "Trump's team decided they wanted a bare-bones staff".
        assert_eq!(before("Trump's team decided they "), Some("they"));
    }

    #[test]
    fn reads_a_source_after_an_inverted_cue() {
        let text = "said Dmitry Peskov, the Kremlin spokesman.";
        assert_eq!(
            source_after(text, 4, text.len()).map(|s| s.of(text)),
            Some("Dmitry Peskov")
        );
        let text = "said in a statement.";
        assert_eq!(source_after(text, 4, text.len()), None);
    }

    #[test]
    fn a_capitalised_modal_after_a_name_is_the_rest_of_the_name() {
        // BBC politics-137 and entertainment-138; PolNeAR train
        // west-journal_2016-01-25_rick-perry-just-announced-his-of (a headline in title case).
        use super::super::table::assert_source;
        assert_source(
            "Conservative family spokeswoman Theresa May said if the party was in government again it would make sure the law was repealed.",
            "said",
            "Conservative family spokeswoman Theresa May",
        );
        assert_source(
            "Guitarist Brian May has said he expects to be on the road with Rodgers and drummer Roger Taylor from April.",
            "said",
            "Guitarist Brian May",
        );
        assert_source(
            "Rick Perry Just Announced His Official Endorsement Of A BIG Name Candidate.",
            "Announced",
            "Rick Perry",
        );
    }
}
