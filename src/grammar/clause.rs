//! The clause around a cue: where the clause before it begins, what lies before that boundary (content of a
//! trailing attribution), what follows the cue, and where content ends.

use super::words::WordSet;
use super::words::{
    AUXILIARIES, DETERMINERS, MONTHS, PASSIVE_AUXILIARIES, PRONOUNS, Res, STOP_WORDS, TITLE_WORDS,
    WEEKDAYS, fail, is_capitalised, is_lower_case, last_word_start, skip_many0, word, word_in,
};
use crate::document::{Document, Sentence};
use crate::span::Span;
use nom::Parser;
use nom::bytes::complete::tag;
use nom::character::complete::{multispace0, multispace1, satisfy};
use nom::combinator::{opt, peek, recognize};
use nom::sequence::{pair, preceded, terminated};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundaryKind {
    Comma,
    /// A closing quotation mark: `“…,” he said`.
    CloseQuote,
    /// A dash, semicolon, colon, bracket or opening quotation mark.
    Other,
}

#[derive(Clone, Copy, Debug)]
pub struct Boundary {
    pub mark: Span,
    pub kind: BoundaryKind,
}

/// The nearest clause boundary before `pos` in the sentence beginning at `start`.
pub fn clause_boundary(doc: &Document, start: usize, pos: usize) -> Option<Boundary> {
    let text = doc.text();
    // A clause with no punctuation for this long has no boundary worth finding; bounding the look-back
    // keeps the work per cue constant however long the sentence.
    let mut start = start.max(pos.saturating_sub(MAX_LOOK_BACK));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let doubled = |i: usize, c: char| {
        (matches!(c, '-' | '\'') && text[..start + i].ends_with(c))
            || (c == '-'
                && text[..start + i].ends_with(' ')
                && text[start + i + 1..].starts_with(' '))
    };
    // `$42,000`: a comma between digits groups them.
    let in_number = |i: usize, c: char| {
        c == ','
            && text[..start + i].ends_with(|d: char| d.is_ascii_digit())
            && text[start + i + 1..].starts_with(|d: char| d.is_ascii_digit())
    };
    let (i, c) = skip_parentheticals(&text[start..pos])
        .find(|&(i, c)| (is_boundary_char(c) && !in_number(i, c)) || doubled(i, c))?;
    let mark = Span::new(start + i, start + i + c.len_utf8());
    let kind = match c {
        ',' => BoundaryKind::Comma,
        '”' | '“' | '"' | '\'' if doc.quotation_ending_at(mark.end).is_some() => {
            BoundaryKind::CloseQuote
        }
        _ => BoundaryKind::Other,
    };
    Some(Boundary { mark, kind })
}

const MAX_LOOK_BACK: usize = 600;

/// Characters from the end backwards, passing over bracketed asides (`Rep. Elijah Cummings (D-Md.)`).
fn skip_parentheticals(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    text.char_indices().rev().filter(move |&(_, c)| match c {
        ')' => {
            depth += 1;
            false
        }
        '(' if depth > 0 => {
            depth -= 1;
            false
        }
        _ => depth == 0,
    })
}

fn is_boundary_char(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '—' | '–' | '―' | '(' | ')' | '[' | ']' | '“' | '”' | '"'
    )
}

/// Strips auxiliaries and adverbs between a source and its cue (`has also`, `was`); returns the end of
/// the source region and whether the cue is passive (`was told`, `it is believed`).
pub fn strip_auxiliaries(
    text: &str,
    region_start: usize,
    cue_start: usize,
    cue: &str,
) -> (usize, bool) {
    let mut end = cue_start;
    let mut passive = false;
    // `was referring to`: the verb of a phrase cue decides, not its particle.
    let verb = cue.split_whitespace().next().unwrap_or(cue);
    let participle = !verb.ends_with("ing") && !verb.ends_with('s');
    loop {
        let region = text[region_start..end].trim_end();
        let word_start = last_word_start(region);
        let last = &region[word_start..];
        if let Some(time_start) = time_phrase_start(region) {
            end = region_start + time_start;
            continue;
        }
        if last.is_empty()
            || !(AUXILIARIES.contains(last)
                || is_adverb(last)
                || last.ends_with("n’t")
                || last.ends_with("n't"))
            || ends_a_name(&region[..word_start], last, cue)
        {
            return (region_start + region.len(), passive);
        }
        passive |= participle && PASSIVE_AUXILIARIES.contains(last);
        end = region_start + word_start;
    }
}

/// `Theresa May said`, `Sean Long expressed`: before a lower-case cue, a capitalised word after a
/// capitalised word is the rest of a name, not an auxiliary or an adverb. (In a headline in title case,
/// `Rick Perry Just Announced`, every word is capitalised.)
fn ends_a_name(before: &str, word: &str, cue: &str) -> bool {
    let previous = || &before.trim_end()[last_word_start(before.trim_end())..];
    is_capitalised(word) && !is_capitalised(cue) && is_capitalised(previous())
}

static PERIODS: WordSet = WordSet::new(&[
    "week",
    "month",
    "year",
    "night",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "fall",
    "spring",
    "summer",
    "winter",
]);
static MONTH_NAMES: WordSet = WordSet::new(MONTHS);
static PERIOD_OPENERS: WordSet = WordSet::new(&["last", "this", "next", "that", "earlier"]);

/// Where a time phrase at the end of `region` starts (`Feinstein (D-Calif.) last week said`, `Trump on
/// Tuesday said`, `who in 2010 said`), if one ends it: it stands between source and cue.
pub(super) fn time_phrase_start(region: &str) -> Option<usize> {
    let mut words = region.split_whitespace().rev();
    let offset = |w: &str| w.as_ptr() as usize - region.as_ptr() as usize;
    let last = words.next()?;
    let previous = words.next();
    // `Gore’s close friends and allies have in the past said`.
    if last == "past" && previous == Some("the") {
        return words.next().filter(|&w| w == "in").map(offset);
    }
    // `She has since said`.
    if last == "since" && previous.is_some_and(|p| AUXILIARIES.contains(p)) {
        return Some(offset(last));
    }
    let year_or_month =
        last.len() == 4 && last.starts_with(['1', '2']) && last.bytes().all(|b| b.is_ascii_digit())
            || MONTH_NAMES.contains(last) && !last.eq_ignore_ascii_case("may");
    let in_year_or_month = year_or_month && previous == Some("in");
    let period = PERIODS.contains(last)
        && previous.is_some_and(|p| PERIOD_OPENERS.contains(p) || TIME_WORDS.contains(p));
    let start = if TIME_WORDS.contains(last) {
        offset(last)
    } else if in_year_or_month || period {
        offset(previous?)
    } else {
        return None;
    };
    // `on Tuesday`: the preposition goes with its day.
    let before = region[..start].trim_end();
    let on =
        before.len() >= 2 && before.ends_with("on") && last_word_start(before) + 2 == before.len();
    Some(if on { last_word_start(before) } else { start })
}

/// `truly`, `angrily`: a lower-case -ly word between source and cue is an adverb, bar a few nouns.
pub(super) fn is_adverb(word: &str) -> bool {
    static LY_NOUNS: WordSet = WordSet::new(&[
        "family", "ally", "assembly", "rally", "supply", "monopoly", "anomaly", "bully", "belly",
    ]);
    word.len() > 4
        && word.ends_with("ly")
        && word.starts_with(|c: char| c.is_lowercase())
        && !LY_NOUNS.contains(word)
}

/// The content of a trailing attribution: the clause before the boundary (`…, sources said`), or the
/// quotation that closes at it (`“…,” he said`), reaching back to where a multi-sentence quotation opened.
pub fn content_before(doc: &Document, sentence: Sentence, boundary: Boundary) -> Option<Span> {
    let start = reach_back(doc, sentence.span.start);
    match boundary.kind {
        BoundaryKind::CloseQuote => {
            let q = doc.quotation_ending_at(boundary.mark.end)?;
            let opened = doc.first_piece(q).span.start;
            Some(Span::new(start.min(opened), boundary.mark.end))
        }
        BoundaryKind::Comma => {
            let before = doc.text()[start..boundary.mark.start].trim_end();
            (!before.is_empty()).then(|| Span::new(start, start + before.len()))
        }
        BoundaryKind::Other => None,
    }
}

/// A sentence that begins inside a quotation opened in an earlier sentence belongs with it.
fn reach_back(doc: &Document, start: usize) -> usize {
    doc.quotation_at(start)
        .map_or(start, |q| doc.first_piece(q).span.start.min(start))
}

/// A quotation that ends right before the sentence (`“Who is lying?” Trump asked.`).
pub fn quotation_just_before(doc: &Document, sentence: Sentence) -> Option<Span> {
    let before = doc.text()[..sentence.span.start].trim_end();
    let q = doc.quotation_ending_at(before.len())?;
    Some(Span::new(doc.first_piece(q).span.start, q.span.end))
}

/// Where content that begins at `start` ends: the sentence's end without its final period, or the end
/// of a quotation that runs on past the sentence.
pub fn content_end(doc: &Document, sentence: Sentence, start: usize) -> usize {
    let text = doc.text();
    let mut end = sentence.span.end;
    // A semicolon outside quotation marks ends the clause the content belongs to, and so does a
    // horizontal bar (`… to drilling ― probably not exactly what Graham had in mind`).
    let region = &text.as_bytes()[start..end];
    let semicolon = memchr::memchr(b';', region);
    let bar = memchr::memmem::find(region, "―".as_bytes());
    if let Some(mark) = semicolon.into_iter().chain(bar).min().map(|i| start + i)
        && doc.quotation_at(mark).is_none()
    {
        // A mark right at the start (`According to Tillerson, ―The …`) leaves no content, not less.
        end = text[..mark].trim_end().len().max(start);
    }
    if let Some(cut) = clause_after_content(doc, start, end) {
        end = cut;
    }
    if text[..end].ends_with('.') {
        end -= 1;
    }
    if let Some(q) = doc.quotation_at(end.saturating_sub(1))
        && q.span.start >= start
        && q.span.end > end
    {
        end = q.span.end;
    }
    end.max(start)
}

/// Where reported content gives way to the writer's own words, outside quotation marks: a
/// non-restrictive relative clause (`, which the U.S. Supreme Court has put on hold`), an aside in
/// brackets (` (her campaign later disclosed …)`), a contrast (`, though she acknowledged it was
/// unlikely to work`, `, but he said …`) or a participle of speech with its own content (`, saying …`).
/// A dash is no boundary here: after a pair of dashes what was said goes on (a dash that nothing closes
/// is cut where the content is put together).
fn clause_after_content(doc: &Document, start: usize, end: usize) -> Option<usize> {
    static AFTER_COMMA: WordSet = WordSet::new(&[
        "which",
        "who",
        "whose",
        "though",
        "although",
        "but",
        "while",
        "whereas",
        "saying",
        "adding",
        "noting",
        "calling",
        "arguing",
        "insisting",
        "warning",
        "telling",
        "asking",
        "explaining",
        "suggesting",
        "declaring",
        "describing",
        "citing",
        "claiming",
        // `…, conceding the race to Clinton`, `…, echoing a memo from …`.
        "conceding",
        "echoing",
        "acknowledging",
        "admitting",
        "stressing",
        "urging",
        "accusing",
        "blaming",
        "promising",
        "vowing",
        "pledging",
        "referring",
        "complaining",
        "denying",
        "defending",
        "praising",
        "criticizing",
        "reminding",
        "recalling",
        "predicting",
    ]);
    let text = doc.text();
    let region = &text[start..end];
    // `that Gov. Alejandro García Padilla, who must make the final decision, has revealed …`: a relative
    // clause closed by a comma sits inside the content.
    let runs_to_the_end =
        |at: usize, w: &str| !w.starts_with("wh") || !text[at + 2 + w.len()..end].contains(',');
    // One pass over the commas and brackets of the content, in order: the first boundary wins.
    memchr::memchr2_iter(b',', b'(', region.as_bytes())
        .map(|i| start + i)
        .filter(|&at| at > start && doc.quotation_at(at).is_none())
        .find(|&at| {
            if text[at..].starts_with('(') {
                return text[..at].ends_with(' ');
            }
            let Some(after) = text[at + 1..end].strip_prefix(' ') else {
                return false;
            };
            let w = after.split_whitespace().next().unwrap_or("");
            AFTER_COMMA.contains(w) && is_lower_case(w) && runs_to_the_end(at, w)
        })
        .map(|at| {
            if text[at..].starts_with('(') {
                at - 1
            } else {
                at
            }
        })
}

/// `“…,” he said. “More.”`: quotations that fill the sentences right after an attribution whose content
/// is a quotation are the same speaker's; the content reaches to the last of them in the paragraph.
pub fn extend_over_following_quotes(doc: &Document, sentence_index: usize, content: Span) -> Span {
    let text = doc.text();
    let block = doc.sentences[sentence_index].block;
    if !text[..content.end].ends_with(['”', '"', '\'']) {
        return content;
    }
    let mut end = content.end;
    for s in doc.sentences[sentence_index + 1..]
        .iter()
        .take_while(|s| s.block == block)
    {
        let Some(q) = doc.quotation_starting_at(s.span.start) else {
            break;
        };
        let unquoted_tail = text[q.span.end.min(s.span.end)..s.span.end].trim();
        if !unquoted_tail.is_empty() && unquoted_tail != "." {
            break; // the sentence goes on outside the quotation: it has its own frame
        }
        end = end.max(q.span.end);
    }
    Span::new(content.start, end)
}

/// What follows a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tail {
    /// Nothing more in the sentence: `…, he said.`
    End,
    /// A comma and more: `he said, “…”` or a parenthetical `…, he said, and …`; the offset is after the comma.
    Comma(usize),
    /// Content starts here: `said that …`, `said: “…”`, `said the talks …`.
    Content(usize),
}

/// Reads past a listener (`told reporters`) and adverbials (`in a statement`, `on Friday`) after a cue.
pub fn tail_after(text: &str, cue_end: usize, limit: usize, addressed: bool) -> Tail {
    let mut rest = &text[cue_end..limit];
    if addressed && let Ok((after, _)) = preceded(multispace1, listener).parse(rest) {
        rest = after;
    }
    if let Ok((after, _)) = skip_many0(preceded(multispace0, adverbial)).parse(rest)
        && followed_by_content_marker(after)
    {
        rest = after;
    }
    let trimmed = rest.trim_start();
    let at = limit - trimmed.len();
    match trimmed.chars().next() {
        None | Some('.' | '!' | '?' | ';' | ')') => Tail::End,
        Some(',') => Tail::Comma(limit - trimmed[1..].trim_start().len()),
        Some(':') => Tail::Content(limit - trimmed[1..].trim_start().len()),
        Some(_) => Tail::Content(at),
    }
}

/// After an adverbial, what may open the content: a mark, `that`, a subject pronoun (`said after the
/// convention he would not accept …`) or an infinitive (`decided after a lengthy investigation not to …`).
fn followed_by_content_marker(rest: &str) -> bool {
    static OPENERS: WordSet = WordSet::new(&[
        "that", "he", "she", "they", "we", "i", "it", "to", "not", "how", "why", "whether", "if",
    ]);
    let t = rest.trim_start();
    t.is_empty()
        || t.starts_with([',', ':', '.', '“', '"', ';'])
        || word(t).is_ok_and(|(_, w)| OPENERS.contains(w))
}

static LISTENER_WORDS: WordSet = WordSet::new(&[
    "that", "about", "on", "in", "at", "to", "after", "before", "during", "whether", "if",
]);

const MAX_LISTENER_WORDS: usize = 5;

/// `reporters`, `Fox News`, `the Guardian`, `him`: one to five words that are not the content, and
/// where they work (`Chris Wallace of Fox News`).
fn listener(input: &str) -> Res<'_, &str> {
    let one = |i| {
        let (rest, w) = word(i)?;
        // `told reporters she was leaning toward Cruz`: a subject pronoun opens the content.
        let subject = PRONOUNS.contains(w) && !w.eq_ignore_ascii_case("you");
        if LISTENER_WORDS.contains(w) || STOP_WORDS.contains(w) || subject {
            fail(i)
        } else {
            Ok((rest, w))
        }
    };
    let run = || recognize(pair(&one, skip_many0(preceded(multispace1, &one))));
    // `told Bill O’Reilly of Fox News that …`: a listener named with where they work.
    let mut of_a_name = preceded(
        (multispace1, tag("of"), multispace1),
        preceded(peek(satisfy(char::is_uppercase)), run()),
    );
    let (after_run, named) = run().parse(input)?;
    let listener = before_named_subject(named);
    // `told Breitbart News Daily host Alex Marlow on Thursday how …`: a title and a name add words.
    let titled = listener
        .split_whitespace()
        .any(|w| is_lower_case(w) && TITLE_WORDS.contains(w));
    let limit = MAX_LISTENER_WORDS + if titled { 2 } else { 0 };
    if listener.split_whitespace().count() > limit {
        return fail(input);
    }
    let found = match of_a_name.parse(after_run) {
        Ok((rest, _)) if listener.len() == named.len() => &input[..input.len() - rest.len()],
        _ => listener,
    };
    Ok((&input[found.len()..], found))
}

/// `reporters Trump was wrong` → `reporters`: a name after a common noun is the content's subject.
fn before_named_subject(listener: &str) -> &str {
    let mut previous_common = false;
    for w in listener.split_whitespace() {
        let capitalised = w.starts_with(char::is_uppercase);
        if capitalised && previous_common {
            let at = w.as_ptr() as usize - listener.as_ptr() as usize;
            return listener[..at].trim_end();
        }
        // `host Alex Marlow`: a title before a name is no common noun.
        previous_common =
            !capitalised && !DETERMINERS.contains(w) && w != "of" && !TITLE_WORDS.contains(w);
    }
    listener
}

pub(super) static TIME_WORDS: WordSet = WordSet::union(&[
    &[
        "today",
        "yesterday",
        "tonight",
        "earlier",
        "later",
        "recently",
        "again",
        "repeatedly",
        "publicly",
        "privately",
        "afterward",
        "afterwards",
        "morning",
        "afternoon",
        "evening",
        "night",
    ],
    WEEKDAYS,
]);
static ADVERBIAL_PREPOSITIONS: WordSet = WordSet::new(&[
    "in", "on", "at", "during", "via", "through", "to", "after", "last", "this", "from", "before",
    "by",
]);

/// Whether `text` is wholly an adverbial phrase (`in a statement`, `on Tuesday`).
pub fn is_adverbial(text: &str) -> bool {
    adverbial(text).is_ok_and(|(rest, _)| rest.trim().is_empty())
}

/// `to lift`, `to be`: `to` and a lower-case word that is no plural, determiner or object pronoun.
pub(super) fn opens_infinitive(input: &str) -> bool {
    static OBJECTS: WordSet = WordSet::new(&["him", "her", "them", "us", "me", "you", "it"]);
    let Some(rest) = input.strip_prefix("to ") else {
        return false;
    };
    word(rest.trim_start()).is_ok_and(|(_, w)| {
        is_lower_case(w) && !w.ends_with('s') && !DETERMINERS.contains(w) && !OBJECTS.contains(w)
    })
}

/// `on Friday`, `in a statement`, `at a news conference`, `to reporters`, `last week`, `Tuesday`.
fn adverbial(input: &str) -> Res<'_, &str> {
    if opens_infinitive(input) {
        return fail(input); // `promising to lift restrictions`: content, not `to reporters`
    }
    let time = word_in(&TIME_WORDS);
    // `complain bitterly that …`, `said privately that …`.
    let manner = |i| match word(i) {
        Ok((rest, w)) if is_adverb(w) => Ok((rest, w)),
        _ => fail(i),
    };
    let phrase = recognize((
        word_in(&ADVERBIAL_PREPOSITIONS),
        skip_many0(preceded(multispace1, word_in(&DETERMINERS))),
        preceded(multispace1, phrase_words),
    ));
    terminated(nom::branch::alt((phrase, time, manner)), opt(multispace0)).parse(input)
}

fn phrase_words(input: &str) -> Res<'_, &str> {
    let one = |i| {
        let (rest, w) = word(i)?;
        // `after the convention he would …`: a subject pronoun starts the content, not the phrase.
        if w.eq_ignore_ascii_case("that") || STOP_WORDS.contains(w) || PRONOUNS.contains(w) {
            fail(i)
        } else {
            Ok((rest, w))
        }
    };
    let (rest, found) =
        recognize(pair(&one, skip_many0(preceded(multispace1, &one)))).parse(input)?;
    if found.split_whitespace().count() > 4 {
        fail(input)
    } else {
        Ok((rest, found))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn tail(after_cue: &str, addressed: bool) -> Tail {
        tail_after(after_cue, 0, after_cue.len(), addressed)
    }

    #[test]
    fn reads_past_listeners_and_adverbials() {
        assert_eq!(tail(" reporters.", true), Tail::End);
        assert_eq!(
            tail(" in a statement that the talks failed.", false),
            Tail::Content(16)
        );
        assert_eq!(tail(" on Friday, “We agreed.”", false), Tail::Comma(12));
        assert_eq!(tail(": “We agreed.”", false), Tail::Content(2));
        assert_eq!(tail(" the talks failed.", false), Tail::Content(1));
        assert_eq!(tail(" Fox News that he won.", true), Tail::Content(10));
    }

    #[test]
    fn strips_auxiliaries_and_detects_the_passive() {
        let text = "Tillerson has also said";
        assert_eq!(strip_auxiliaries(text, 0, 19, "said"), (9, false));
        let text = "it was reported";
        assert_eq!(strip_auxiliaries(text, 0, 7, "reported"), (2, true));
        // Reuters-21578: `was referring to` is progressive, whatever the phrase cue ends with.
        let text = "Kerin was referring to";
        assert_eq!(strip_auxiliaries(text, 0, 10, "referring to"), (5, false));
    }

    #[test]
    fn a_time_phrase_stands_between_source_and_cue() {
        // PolNeAR train (politico_2016-07-24_al-gore-to-skip-democratic-conve).
        let region = "Gore’s close friends and allies have in the past";
        assert_eq!(time_phrase_start(region), region.find("in the past"));
        assert_eq!(time_phrase_start("Feinstein last week"), Some(10));
        // PolNeAR train (huff-post_2016-02-26_hillary-clinton-says-trump-s-big): `She has since said`.
        assert_eq!(time_phrase_start("She has since"), Some(8));
        assert_eq!(time_phrase_start("Gore’s close friends"), None);
    }
}
