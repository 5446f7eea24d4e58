//! The words of a figure: a sentence cut into words and phrase-ending marks, whole numbers in
//! digits or words (`5,000`, `twenty-three`), plural nouns in a common singular form (`people` →
//! `person`), and units of measure (a figure of them is not a count).

use crate::grammar::words::{SMALL_NUMBERS, TENS, WordSet};
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// A word of a sentence, or a punctuation mark that ends a phrase.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    pub(super) span: Span,
    pub(super) word: bool,
}

/// Splits `sentence` (at byte `base` of the file) into words and phrase-ending marks, in `out` (a
/// buffer reused from sentence to sentence). Commas and points inside numbers (`5,000`, `3.5`) and
/// points of abbreviations (`U.S.`) stay in the word. Copy is mostly ASCII: a byte is a character
/// unless it is not, and the character after a mark is decoded only for a comma or a point.
pub(super) fn tokens<'a>(sentence: &'a str, base: usize, out: &mut Vec<Token<'a>>) {
    out.clear();
    let bytes = sentence.as_bytes();
    let mut start = None;
    let mut previous_digit = false;
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes are ASCII letters and digits inside a word: a run of them is passed at once.
        if bytes[i].is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - i);
            previous_digit = bytes[i - 1].is_ascii_digit();
            continue;
        }
        let c = match bytes[i] {
            b if b.is_ascii() => char::from(b),
            _ => sentence[i..].chars().next().unwrap_or_default(),
        };
        let len = c.len_utf8();
        let inner = matches!(c, ',' | '.')
            && start.is_some()
            && (c == '.' || previous_digit)
            && sentence[i + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        previous_digit = c.is_ascii_digit();
        let in_word = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '$' | '%') || inner;
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word_token(sentence, base, s, i));
                start = None;
            }
            _ => {}
        }
        if !in_word && !c.is_whitespace() && !matches!(c, '—' | '–') {
            out.push(Token {
                text: &sentence[i..i + len],
                span: Span::new(base + i, base + i + len),
                word: false,
            });
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(word_token(sentence, base, s, sentence.len()));
    }
}

fn word_token(sentence: &str, base: usize, start: usize, end: usize) -> Token<'_> {
    Token {
        text: &sentence[start..end],
        span: Span::new(base + start, base + end),
        word: true,
    }
}

/// Whether `sentence` may hold a word that `number` reads: an ASCII digit, or a number word standing as
/// a word of its own or before a hyphen (`twenty-three`, `one-day`; `ten` in `tense` is none). Most
/// sentences hold neither and are not cut into tokens for figures.
///
/// The search is leftmost-longest, not overlapping, so that the automaton can skip ahead with its
/// prefilter: it finds a number word standing apart whenever one is there, because the words are all
/// letters. A match reported before it cannot reach over the mark or space before it, and the longest
/// word starting where it starts cannot run past the mark or space after it.
pub(super) fn may_hold_number(sentence: &str) -> bool {
    static NUMBER_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(SMALL_NUMBERS.iter().chain(TENS))
            .expect("a few short words make an automaton")
    });
    let bytes = sentence.as_bytes();
    bytes.iter().any(u8::is_ascii_digit)
        || NUMBER_WORDS.find_iter(sentence).any(|m| {
            let apart = |b: Option<&u8>| !b.is_some_and(u8::is_ascii_alphanumeric);
            apart(m.start().checked_sub(1).map(|i| &bytes[i])) && apart(bytes.get(m.end()))
        })
}

/// Whether `word` starts as a number or a number word can (a cheap test before `number`).
pub(super) fn may_be_number(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|b| {
        b.is_ascii_digit()
            || matches!(
                b.to_ascii_lowercase(),
                b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n'
            )
    })
}

static NUMBER_WORD_SET: WordSet = WordSet::union(&[SMALL_NUMBERS, TENS]);

/// `247`, `5,000`, `eleven`, `twenty-five`; not `3.5`, `1990s` or a year.
pub(super) fn number(word: &str) -> Option<u64> {
    if word.chars().all(|c| c.is_ascii_digit() || c == ',') {
        let grouped = word
            .split(',')
            .enumerate()
            .all(|(i, g)| (i == 0 && (1..=3).contains(&g.len())) || g.len() == 3);
        let value = digits_value(word)?;
        let year = !word.contains(',') && (1800..=2100).contains(&value);
        return (grouped && !year).then_some(value);
    }
    // Most words are no number: the set says so before the lists are searched.
    if !NUMBER_WORD_SET.contains(word.split_once('-').map_or(word, |(tens, _)| tens)) {
        return None;
    }
    let find = |list: &[&str], w: &str| list.iter().position(|s| s.eq_ignore_ascii_case(w));
    let small = |w: &str| find(SMALL_NUMBERS, w).map(|v| v as u64);
    let tens = |w: &str| find(TENS, w).map(|v| 20 + 10 * v as u64);
    match word.split_once('-') {
        Some((t, u)) => Some(tens(t)? + small(u).filter(|&v| (1..10).contains(&v))?),
        None => small(word).or_else(|| tens(word)),
    }
}

/// The value of the digits of `word` (commas skipped), if there are any and it fits in a `u64`.
fn digits_value(word: &str) -> Option<u64> {
    let mut digits = word.bytes().filter(u8::is_ascii_digit).peekable();
    digits.peek()?;
    digits.try_fold(0u64, |value, d| {
        value.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })
}

/// Plural nouns that do not end in `s`.
static PLURALS: WordSet = WordSet::new(&[
    "people",
    "children",
    "men",
    "women",
    "dead",
    "police",
    "personnel",
]);

/// The counted noun in a common singular form (`states` → `state`, `people` → `person`), if `word` is
/// a plural noun.
pub(super) fn plural_noun(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if PLURALS.contains(&lower) {
        return Some(if lower == "people" {
            "person".into()
        } else {
            lower
        });
    }
    let plain = lower.chars().all(|c| c.is_alphabetic());
    if !plain || lower.len() < 4 || !lower.ends_with('s') || lower.ends_with("ss") {
        return None;
    }
    if lower == "persons" {
        return Some("person".into());
    }
    let sibilant = ["ches", "shes", "xes", "sses"]
        .iter()
        .any(|e| lower.ends_with(e));
    Some(match lower.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None if sibilant => lower[..lower.len() - 2].to_string(),
        None => lower[..lower.len() - 1].to_string(),
    })
}

/// Units of measure: what they measure (a sentence, a weight, a distance) is seldom one thing across
/// a story, so figures of them are not compared.
pub(super) static UNITS: WordSet = WordSet::new(&[
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "time",
    "cent",
    "dollar",
    "pound",
    "ounce",
    "ton",
    "inch",
    "foot",
    "feet",
    "yard",
    "mile",
    "meter",
    "metre",
    "kilometer",
    "kilometre",
    "degree",
    "acre",
    "point",
    "percent",
    "gallon",
    "liter",
    "litre",
    "kilogram",
    "gram",
    "decade",
    "century",
    "round",
    "lap",
    "game",
    "run",
    "vote",
    "dlr",
    "ct",
    "shr",
    "share",
    "basi",
    "tonne",
    "quintal",
    "quintale",
    "barrel",
    "bushel",
    "bale",
    "carat",
    "yen",
    "mark",
    "franc",
    "rupee",
    "peso",
    "euro",
    "lira",
    "mln",
    "bln",
    "pct",
    "seat",
]);

/// Units written as a compound adjective (`a two-hour meeting`, `a 10-day visit`).
pub(super) fn compound_unit(word: &str) -> Option<(&str, &str)> {
    let (count, unit) = word.split_once('-')?;
    let unit_ok = unit.len() >= 3 && unit.chars().all(|c| c.is_ascii_lowercase());
    (unit_ok && !unit.contains('-') && unit != "year").then_some((count, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word `number` reads, in a sentence, is found by the test that lets a sentence be cut
    /// into tokens; a sentence with no digit and no number word starting a word is passed over.
    #[test]
    fn a_sentence_with_a_number_may_hold_one() {
        // DUC AP and BBC copy.
        let holding = [
            "Police said 247 people were killed.",
            "Twelve miners were trapped.",
            "The blast killed twenty-three people.",
            "\"Seventeen,\" he said.",
            "a one-day strike",
            "(eleven) of them",
            "“Ten,” she said.",
        ];
        for sentence in holding {
            let mut buffer = Vec::new();
            tokens(sentence, 0, &mut buffer);
            let read = |t: &Token| {
                number(t.text).or_else(|| compound_unit(t.text).and_then(|(n, _)| number(n)))
            };
            assert!(buffer.iter().any(|t| read(t).is_some()), "{sentence}");
            assert!(may_hold_number(sentence), "{sentence}");
        }
        for sentence in [
            "Someone often gave money.",
            "The talks were tense.",
            "Ones and tenants",
            // Marks of more than one byte before, between and after words.
            "A tenfold rise — “twentyish” schön’",
        ] {
            assert!(!may_hold_number(sentence), "{sentence}");
        }
    }

    #[test]
    fn reads_whole_numbers_in_figures_and_words() {
        assert_eq!(number("247"), Some(247));
        assert_eq!(number("5,000"), Some(5000));
        assert_eq!(number("Twelve"), Some(12));
        assert_eq!(number("twenty-three"), Some(23));
        assert_eq!(number("1998"), None, "a year");
        assert_eq!(number("5,00"), None);
        assert_eq!(number("3.5"), None);
    }
}
