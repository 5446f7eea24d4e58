//! Transcript and headline colons: `WALLACE: …`, `Pence: Gennifer Flowers won’t be …`.

use super::words::WordSet;
use super::words::{Res, capitalised_word, is_capitalised, skip_many_m_n};
use crate::document::{Document, Sentence};
use crate::span::Span;
use nom::Parser;
use nom::character::complete::{char, multispace1, space0};
use nom::combinator::{recognize, verify};
use nom::sequence::{pair, preceded};

/// Page furniture and labels that stand before a colon but are not speakers.
static LABELS: WordSet = WordSet::new(&[
    "note",
    "update",
    "updated",
    "related",
    "photo",
    "photos",
    "source",
    "sources",
    "read",
    "watch",
    "correction",
    "credit",
    "image",
    "video",
    "advertisement",
    "subscribe",
    "share",
    "tags",
    "posted",
    "published",
    "q",
    "a",
    "by",
    "contact",
    "email",
    "follow",
    "listen",
    "more",
    "also",
    "warning",
    "disclaimer",
    "caption",
    "summary",
    "background",
    "why",
    "what",
    "how",
    "where",
    "when",
    "who",
    "editor’s",
    "editor's",
    "see",
    "click",
    "full",
    "text",
    "transcript",
    "live",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "comment",
    "poll",
    "vote",
    "results",
    "total",
    "price",
    "prices",
    "shr",
    "net",
    "revs",
    "sales",
    "qtr",
    "avg",
    "shrs",
    "mln",
    "year",
    "wow",
    "so",
    "twitter",
    "facebook",
    "instagram",
    "contributing",
    "latest",
    "the",
    "this",
    "here",
    "now",
    "today",
    "clarification",
    "bottom",
    "line",
    "lesson",
    "question",
    "answer",
    "fact",
    "facts",
    "rating",
    "verdict",
    "claim",
    "topic",
    "said",
    "says",
    "byline",
    "notes",
    "notice",
    "name",
    "plus",
    "look",
    "hey",
    "boom",
    "remember",
    "bombshell",
    "revealed",
    "leaked",
    "busted",
    "result",
    "goals",
    "subs",
    "replacements",
    "referee",
    "booked",
    "eds",
    "e-mail",
    "cast",
    "profile",
    "optional",
    "sidebar",
]);

/// At most this many words in a mixed-case speaker label; ALL-CAPS transcript labels may have one more.
const MAX_LABEL_WORDS: usize = 2;

/// A speaker label: one to four capitalised words, none of them a label word.
fn speaker_label(input: &str) -> Res<'_, &str> {
    recognize(pair(
        label_word,
        skip_many_m_n(0, 3, preceded(multispace1, label_word)),
    ))
    .parse(input)
}

/// A capitalised word that is not a label word.
fn label_word(input: &str) -> Res<'_, &str> {
    verify(capitalised_word, |w: &str| !LABELS.contains(w)).parse(input)
}

/// `Clinton to Planned Parenthood:`, `CNN President On Trump:`: a headline names whom or what the
/// speaker addresses before the colon. What is left after that, or `rest` unchanged.
fn addressee(rest: &str) -> &str {
    let Some(after) = ["to ", "on ", "To ", "On "]
        .iter()
        .find_map(|joiner| rest.strip_prefix(' ')?.strip_prefix(joiner))
    else {
        return rest;
    };
    match after.find(':') {
        Some(colon)
            if after[..colon].split_whitespace().count() <= 4
                && after[..colon].split_whitespace().all(is_capitalised)
                && !after[..colon].contains(['.', ',', '"', '“']) =>
        {
            &after[colon..]
        }
        _ => rest,
    }
}

/// `Revenues exclude …`, `Why not debate?`: what follows a speaker's colon is a sentence or a quotation.
/// Not a list (`Tim Albrecht, Brad Anderson, Rob Barron, …`, `Rooney 68, Dunne 75 og.`), a row of a
/// market table (`UP at $1.1104`, `UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES`) or an address.
fn are_words_said(content: &str) -> bool {
    static MOVES: WordSet =
        WordSet::new(&["up", "down", "unch", "unchanged", "flat", "nil", "off"]);
    let line = content.split(['\n', ';']).next().unwrap_or(content);
    let first = line.split_whitespace().next().unwrap_or("");
    let market_move = MOVES.contains(first) && !first.chars().any(char::is_lowercase);
    let address = ["http", "www.", "@", "(at)", "(AT)"]
        .iter()
        .any(|mark| first.contains(mark));
    !market_move && !address && !is_list(line)
}

/// `Tim Albrecht, Brad Anderson, Rob Barron`, `UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES`: three or more
/// short items, each names and figures only.
fn is_list(line: &str) -> bool {
    const MIN_ITEMS: usize = 3;
    const MAX_ITEM_WORDS: usize = 4;
    let items: Vec<&str> = line.split(',').map(str::trim).collect();
    let named = |item: &&str| {
        let words: Vec<&str> = item.split_whitespace().collect();
        (1..=MAX_ITEM_WORDS).contains(&words.len())
            && words.iter().all(|w| {
                let w = w.trim_start_matches(['(', '“', '"', '`']);
                is_capitalised(w) || w.starts_with(|c: char| c.is_ascii_digit()) || w == "and"
            })
    };
    items.len() >= MIN_ITEMS && items.iter().all(named)
}

/// The colon construct at the start of a sentence; content runs to the end of the paragraph.
pub(super) fn parse(doc: &Document, sentence: Sentence) -> Option<(Span, Span, Span)> {
    let text = doc.text();
    // `"WALLACE: Governor, …`: a transcript quoted whole opens each turn with a quotation mark.
    let opened = sentence.span.of(text);
    if !opened.contains(':') {
        return None; // most sentences: no label to read
    }
    let input = opened.trim_start_matches(['"', '“']);
    let base = sentence.span.start + (opened.len() - input.len());
    let (rest, name) = speaker_label(input).ok()?;
    let words = name.split_whitespace().count();
    let all_caps = !name.chars().any(char::is_lowercase);
    if words > MAX_LABEL_WORDS + usize::from(all_caps) {
        return None;
    }
    let rest = addressee(rest);
    let (after_colon, _) = (space0::<&str, nom::error::Error<&str>>, char(':'))
        .parse(rest)
        .ok()?;
    let content_text = after_colon.trim_start();
    let starts_like_speech = content_text
        .starts_with(|c: char| c.is_alphabetic() || matches!(c, '“' | '"' | '‘' | '\''));
    if !starts_like_speech || !after_colon.starts_with([' ', '\t']) || !are_words_said(content_text)
    {
        return None;
    }
    let source = Span::new(base, base + name.len());
    let colon_at = base + (input.len() - rest.len()) + (rest.len() - rest.trim_start().len());
    let cue = Span::new(colon_at, colon_at + 1);
    let start = base + input.len() - content_text.len();
    let block_end = doc.copy.blocks[sentence.block].span.end;
    Some((
        source,
        cue,
        Span::new(start, content_end(text, start, block_end)),
    ))
}

/// How far a label's words may run: a transcript turn of several sentences, not megabytes of a
/// paragraph that never ends (past this the content is cut at a word).
const MAX_CONTENT: usize = 4_000;

/// The end of the paragraph, or of the last word within `MAX_CONTENT` bytes of `start`.
fn content_end(text: &str, start: usize, block_end: usize) -> usize {
    if block_end - start <= MAX_CONTENT {
        return block_end;
    }
    let mut limit = start + MAX_CONTENT;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    text[start..limit]
        .rfind(char::is_whitespace)
        .map_or(limit, |space| start + space)
}

#[cfg(test)]
mod tests {
    use super::super::table::{assert_attribution, rows};

    #[test]
    fn transcript_and_headline_colons() {
        // PolNeAR dev: a Fox News transcript and a Breitbart headline.
        assert_attribution(
            "WALLACE: Let’s start with breaking news on the debate story.",
            ":",
            Some("WALLACE"),
            "Let’s start with breaking news on the debate story.",
        );
        assert_attribution(
            "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.",
            ":",
            Some("Clinton"),
            "Trump will reverse Roe v. Wade.",
        );
        assert_attribution(
            "Pence: Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp.",
            ":",
            Some("Pence"),
            "Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp.",
        );
    }

    #[test]
    fn labels_and_figures_are_not_speakers() {
        // PolNeAR: an editor's label and an AP delegate count.
        assert!(rows("CLARIFICATION: The first sentence has been clarified to reflect that Fowler is calling for a process to identify a potential successor, not that he is calling for that potential successor to be immediately identified.").iter().all(|r| r.cue != ":"));
        assert!(rows("Clinton: 2,316.").is_empty());
    }

    #[test]
    fn lists_table_rows_addresses_and_headline_labels_are_not_speech() {
        for copy in [
            // Reuters-21578 03040, a rainfall table; BBC sport-324, a line-up.
            "PARANA STATE: UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES, LONDRINA NIL, MARINGA NIL.",
            "Replacements: Cairns, Lloyd, Broster, Chesney, Johnston, Rauluni, Little.",
            // Issue #13: a market report’s row, as the wires print them.
            "Euro/dollar: UP at $1.1104",
            // DUC D0615F (NYT20000418.0045): a contact line.
            "E-mail: jyoung(at)wacotrib.com.",
            // PolNeAR train: politico_2016-02-04_insiders-trump-will-rebound-in-n (a panel by state)
            // and west-journal_2015-11-25_busted-emails-reveal-hillary-aid (a headline's label).
            "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell.",
            "BUSTED: Emails Reveal Hillary Aid And CNN Reporter Caught Conspiring To Do THIS At Benghazi Hearing",
        ] {
            assert!(rows(copy).iter().all(|r| r.cue != ":"), "{copy}");
        }
    }
}
