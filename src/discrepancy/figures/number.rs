//! The words of a figure: a sentence cut into words and phrase-ending marks, whole numbers in
//! digits or words (`5,000`, `twenty-three`), plural nouns in a common singular form (`people` →
//! `person`), and units of measure (a figure of them is not a count).

use crate::grammar::words::{SMALL_NUMBERS, TENS, WordSet};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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

/// Whether `sentence` may hold a count as `counts_in` reads one: a number that a hyphen joins to a
/// unit (`a 10-day visit`, `twenty-three`), or that is followed, past white space and dashes only,
/// by a word of letters that may be a plural noun (`247 people`). Three sentences in four that hold
/// a number hold no count, and are not cut into tokens for figures.
///
/// It errs only towards yes. A count's number is a token, which starts where no ASCII letter or
/// digit is before it: a number word, which the automaton reports whole (it is leftmost-longest,
/// and no match before it can reach over the mark or space before it), or digits and commas, whose
/// last group is a run of digits after a comma or at the start (`5,000`): every digit is reported.
/// What follows the number is read as `tokens` cuts it. The automaton is a DFA: it reads every byte
/// of the sentence (no prefilter pays for words this short), where a table of moves is quickest.
pub(super) fn may_hold_count(sentence: &str) -> bool {
    static NUMBERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(SMALL_NUMBERS.iter().chain(TENS).chain(&DIGITS))
            .expect("a few short words make an automaton")
    });
    let bytes = sentence.as_bytes();
    NUMBERS.find_iter(sentence).any(|m| {
        if m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric() {
            return false;
        }
        let end = if bytes[m.start()].is_ascii_digit() {
            // A run of digits alone: `1990s` is no number.
            let digits = bytes[m.start()..].iter().take_while(|b| b.is_ascii_digit());
            m.start() + digits.count()
        } else {
            m.end()
        };
        !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) && counted_after(&sentence[end..])
    })
}

/// Whether the copy right after a number may make it a count: a hyphen, or white space and dashes
/// and then a run of letters that may be a plural noun as `plural_noun` reads one (ending in `s`, or
/// one of `PLURALS` once lower-cased).
fn counted_after(rest: &str) -> bool {
    if rest.starts_with('-') {
        return true;
    }
    let next = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–'));
    if next.len() == rest.len() {
        return false; // the number runs on into other characters, or ends the sentence
    }
    let word = &next[..next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len())];
    word.ends_with(['s', 'S']) || PLURALS.contains_lowercased(word)
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

    /// Whether `counts_in_sentence` would go on to read a count in `sentence`, as far as its words
    /// go: a number joined to a unit, or a number and then a plural noun. The test that spares most
    /// sentences their tokens must say yes to each such sentence.
    fn holds_count(sentence: &str) -> bool {
        let mut cut = Vec::new();
        tokens(sentence, 0, &mut cut);
        cut.iter().enumerate().any(|(i, t)| {
            t.word
                && match compound_unit(t.text) {
                    Some((count, _)) => number(count).is_some(),
                    None => {
                        number(t.text).is_some()
                            && cut
                                .get(i + 1)
                                .is_some_and(|n| n.word && plural_noun(n.text).is_some())
                    }
                }
        })
    }

    #[test]
    fn a_sentence_with_a_count_may_hold_one() {
        // DUC AP and BBC copy.
        for sentence in [
            "Police said 247 people were killed.",
            "Twelve miners were trapped.",
            "The blast killed twenty-three people.",
            "a one-day strike",
        ] {
            assert!(holds_count(sentence), "{sentence}");
            assert!(may_hold_count(sentence), "{sentence}");
        }
        for sentence in [
            "\"Seventeen,\" he said.",
            "(eleven) of them",
            "“Ten,” she said.",
            "Someone often gave money.",
            "The talks were tense.",
            "Ones and tenants",
            // Marks of more than one byte before, between and after words.
            "A tenfold rise — “twentyish” schön’",
        ] {
            assert!(!may_hold_count(sentence), "{sentence}");
        }
    }

    /// Every string of up to four of these pieces that holds a count is let through: numbers in
    /// figures and words, joined and not, nouns plural and not, and the marks, spaces and letters
    /// from outside ASCII that end or extend a token.
    #[test]
    fn no_count_is_passed_over() {
        let pieces = [
            "5", "1,000", "Ten", "twenty", "two-hour", "-", "people", "Police", "states", "women",
            " ", ", ", ".", "—", "–", "(", "$", "é", "’s", "x", "1990s", "day",
        ];
        let (mut counts, mut spared) = (0, 0);
        let mut sentence = String::new();
        for n in 0..pieces.len().pow(4) {
            sentence.clear();
            let mut rest = n;
            while rest > 0 {
                sentence.push_str(pieces[rest % pieces.len()]);
                rest /= pieces.len();
            }
            let holds = holds_count(&sentence);
            assert!(!holds || may_hold_count(&sentence), "{sentence:?}");
            counts += usize::from(holds);
            spared += usize::from(!may_hold_count(&sentence));
        }
        assert!(
            counts > 1_000 && spared > 10_000,
            "{counts} counts, {spared} spared"
        );
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
