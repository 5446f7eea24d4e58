//! Sentence boundaries in news copy, as byte spans.
//!
//! A boundary is terminal punctuation (and any closing quotes or brackets after it), white space, then
//! something that can start a sentence. News abbreviations (`Sen.`, `Sept.`, `U.S.`, initials) and
//! decimals do not end sentences; `U.S.` and initials do when a usual sentence opener follows.

use crate::span::Span;

/// Abbreviations that never end a sentence in news copy: titles and dates are always followed by more.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gov",
    "Sen",
    "Sens",
    "Rep",
    "Reps",
    "Gen",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Adm",
    "Maj",
    "Cmdr",
    "Prof",
    "Rev",
    "Hon",
    "St",
    "Mt",
    "Ft",
    "No",
    "vs",
    "v",
    "Sept",
    "Sep",
    "Jan",
    "Feb",
    "Apr",
    "Aug",
    "Oct",
    "Nov",
    "Dec",
    "Supt",
    "Insp",
    "Det",
    "Pres",
    "Atty",
    "Gens",
    "Messrs",
    "Mme",
    "Gov-elect",
    "approx",
    "Calif",
    "Conn",
    "Fla",
    "Ill",
    "Mass",
    "Mich",
    "Minn",
    "Penn",
    "Tenn",
    "Wash",
    "Wis",
    "Ariz",
    "Ky",
    "Md",
    "Va",
    "Ga",
    "Ala",
    "Ark",
    "Colo",
    "Del",
    "Ind",
    "Kan",
    "Miss",
    "Mo",
    "Neb",
    "Nev",
    "Okla",
    "Ore",
    "Pa",
    "Vt",
    "Wyo",
];

/// Abbreviations that may also end a sentence (`… in the U.S. The …`).
const FINAL_ABBREVIATIONS: &[&str] = &[
    "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "etc", "a.m", "p.m", "U.S", "U.K", "U.N",
    "E.U", "D.C",
];

/// Words that, capitalised after `U.S.` or an initial, show a new sentence has begun.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "There",
    "If",
    "When",
    "As",
    "After",
    "Meanwhile",
    "However",
    "So",
    "Yet",
    "Still",
    "Now",
    "Then",
    "Some",
    "Many",
    "Most",
    "One",
    "Officials",
];

/// Longer than any sentence of prose (the longest in the news corpus is under 2,000 bytes).
const MAX_SENTENCE_BYTES: usize = 8_000;

/// Splits each block into sentences; every sentence lies inside one block.
pub fn split(text: &str, block: Span) -> Vec<Span> {
    let body = block.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // The terminators are ASCII, so a byte search finds them without decoding characters.
    while let Some(found) = memchr::memchr3(b'.', b'?', b'!', &body.as_bytes()[from..]) {
        let i = from + found;
        start = cut_overlong(&mut out, body, block.start, start, i);
        let c = body.as_bytes()[i] as char;
        let mut end = i + 1;
        for next in body[end..].chars() {
            if is_closer(next) || (next == c && c != '.') {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        if is_boundary(body, start, i, end) {
            push_trimmed(&mut out, body, block.start, start, end);
            start = end;
        }
        from = end;
    }
    start = cut_overlong(&mut out, body, block.start, start, body.len());
    push_trimmed(&mut out, body, block.start, start, body.len());
    out
}

/// No prose sentence is `MAX_SENTENCE_BYTES` long: text that runs on without an ending is cut at a space,
/// so that the work done per sentence stays bounded. Returns the new sentence start.
fn cut_overlong(
    out: &mut Vec<Span>,
    body: &str,
    base: usize,
    mut start: usize,
    upto: usize,
) -> usize {
    while upto - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !body.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = body[start..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |w| start + w);
        let cut = if cut > start { cut } else { limit };
        push_trimmed(out, body, base, start, cut);
        start = cut;
    }
    start
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
}

fn push_trimmed(out: &mut Vec<Span>, body: &str, base: usize, start: usize, end: usize) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + trimmed.len(),
        ));
    }
}

/// Whether the terminal mark at `mark` (closers running to `end`) ends the sentence begun at `start`.
fn is_boundary(body: &str, start: usize, mark: usize, end: usize) -> bool {
    let rest = &body[end..];
    let after = rest.trim_start();
    if after.len() == rest.len() && !after.is_empty() {
        return false; // no white space: a decimal, a URL, `U.S.-led`
    }
    let Some(next) = after.chars().next() else {
        return true;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '['))
    {
        return false;
    }
    if body[mark..].starts_with("..") || body[..mark].ends_with('.') {
        return false; // an ellipsis marks an omission, not an ending
    }
    if !body[mark..].starts_with('.') || end - mark > 1 {
        return true; // `?`, `!`, or a period with a closing quote after it
    }
    let word = word_before(&body[start..mark]);
    if TITLE_ABBREVIATIONS.contains(&word) {
        return false;
    }
    let maybe_final = FINAL_ABBREVIATIONS.contains(&word) || is_initial(word);
    !maybe_final || starts_with_opener(after)
}

fn word_before(text: &str) -> &str {
    let word_start = text
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    &text[word_start..]
}

/// `F` in `John F. Kennedy`, `U.S` in `U.S.`: single letters with dots between.
fn is_initial(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

fn starts_with_opener(after: &str) -> bool {
    let word: &str = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    SENTENCE_OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn keeps_news_abbreviations_inside_sentences() {
        // Seed 004 (The Week) and PolNeAR copy: titles, dates and U.S. mid-sentence.
        assert_eq!(
            sentences(
                "Sen. Chuck Schumer met Gov. Jerry Brown on Sept. 11 in Washington. It rained."
            ),
            [
                "Sen. Chuck Schumer met Gov. Jerry Brown on Sept. 11 in Washington.",
                "It rained."
            ]
        );
        assert_eq!(
            sentences("Anonymous U.S. officials denied Lavrov’s account. So, who is lying?"),
            [
                "Anonymous U.S. officials denied Lavrov’s account.",
                "So, who is lying?"
            ]
        );
    }

    #[test]
    fn ends_a_sentence_after_us_when_a_new_one_begins() {
        assert_eq!(
            sentences("The talks were held in the U.S. The president left."),
            ["The talks were held in the U.S.", "The president left."]
        );
    }

    #[test]
    fn initials_decimals_and_ellipses_do_not_split() {
        assert_eq!(
            sentences("John F. Kennedy won 49.7 percent. Next."),
            ["John F. Kennedy won 49.7 percent.", "Next."]
        );
        assert_eq!(
            sentences("He said … Nothing more. Done."),
            ["He said … Nothing more.", "Done."]
        );
        assert_eq!(sentences("Wait... Then go."), ["Wait... Then go."]);
    }

    #[test]
    fn a_sentence_can_end_inside_a_quotation() {
        assert_eq!(
            sentences("Tillerson said, “We agreed.” Lavrov disagreed."),
            ["Tillerson said, “We agreed.”", "Lavrov disagreed."]
        );
        assert_eq!(
            sentences("“Is it?” he asked. Yes."),
            ["“Is it?” he asked.", "Yes."]
        );
        assert_eq!(
            sentences("“We agreed,” he said."),
            ["“We agreed,” he said."]
        );
    }

    #[test]
    fn spans_are_byte_offsets_into_the_block() {
        let text = "Intro.\n\n  “Über,” er sagte. Ja.";
        let block = Span::new(8, text.len());
        let spans = split(text, block);
        assert_eq!(spans[0].of(text), "“Über,” er sagte.");
        assert_eq!(spans[1].of(text), "Ja.");
    }
}
