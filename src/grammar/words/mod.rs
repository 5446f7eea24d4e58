//! Word-level nom parsers and the closed word classes the attribution grammar is built from.
//!
//! Input is a `&str` slice of the copy view; positions are recovered with `nom::Offset` against the
//! view, so every parser here returns slices, never copies. The word lists live in `classes` (function
//! words and numbers) and `names` (titles, organisations, months and weekdays), each word once.

mod classes;
mod memo;
mod names;

pub use classes::{
    ARTICLES, AUXILIARIES, BE_FORMS, CLAUSE_OPENERS, CONNECTIVES, DETERMINERS, HAVE_FORMS,
    INNER_PREPOSITIONS, PASSIVE_AUXILIARIES, PERSONAL_PRONOUNS, PRONOUNS, QUANTIFIER_SOURCES,
    SMALL_NUMBERS, STOP_WORDS, TENS,
};
pub use memo::reading;
pub use names::{
    MONTHS, ORGANISATION_WORDS, OTHER_SHORT_MONTHS, ROLE_WORDS, SHORT_MONTHS, TITLE_WORDS, WEEKDAYS,
};

use nom::error::{Error, ErrorKind};
use nom::{IResult, Parser};
use std::sync::OnceLock;

pub type Res<'a, T> = IResult<&'a str, T>;

pub fn fail<T>(input: &str) -> Res<'_, T> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

/// `many0` for a repetition whose matches are not kept (most sit inside `recognize`): nom's `many0`
/// collects them in a vector, one allocation per try even when nothing repeats, and the grammar tries
/// these at most words of the copy.
pub fn skip_many0<'a, O>(
    parser: impl Parser<&'a str, Output = O, Error = Error<&'a str>>,
) -> impl Parser<&'a str, Output = (), Error = Error<&'a str>> {
    nom::multi::fold_many0(parser, || (), |(), _| ())
}

/// `many_m_n` whose matches are not kept, as `skip_many0`.
pub fn skip_many_m_n<'a, O>(
    min: usize,
    max: usize,
    parser: impl Parser<&'a str, Output = O, Error = Error<&'a str>>,
) -> impl Parser<&'a str, Output = (), Error = Error<&'a str>> {
    nom::multi::fold_many_m_n(min, max, parser, || (), |(), _| ())
}

/// A word: letters and digits, with inner apostrophes, hyphens, periods, ampersands and slashes
/// (`don’t`, `Russia’s`, `al-Assad`, `U.S.`, `AT&T`, `CNN/ORC`); a final period stays on abbreviations
/// and initials.
pub fn word(input: &str) -> Res<'_, &str> {
    match memo::word_end(input, word_end) {
        0 => Err(nom::Err::Error(Error::new(input, ErrorKind::TakeWhile1))),
        end => Ok((&input[end..], &input[..end])),
    }
}

/// The byte length of the word `input` starts with; 0 if it starts with none.
fn word_end(input: &str) -> usize {
    let mut end = alphanumeric_run(input);
    if end == 0 {
        return 0;
    }
    while let Some(joiner) = input[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '’' | '\'' | '-' | '.' | '&' | '/'))
    {
        let after = end + joiner.len_utf8();
        match alphanumeric_run(&input[after..]) {
            0 => break,
            run => end = after + run,
        }
    }
    let plural_possessive = input[..end].ends_with(['s', 'S'])
        && ['’', '\'']
            .iter()
            .find(|&&c| input[end..].starts_with(c))
            .is_some_and(|c| {
                input[end + c.len_utf8()..].starts_with(' ')
                    && input[end + c.len_utf8() + 1..].starts_with(char::is_lowercase)
            });
    if plural_possessive {
        // `Sanders’ aides say`: the apostrophe after a final `s` makes a possessive when a noun follows.
        end += if input[end..].starts_with('’') {
            3
        } else {
            1
        };
    } else if input[end..].starts_with('.')
        && (keeps_period(&input[..end]) || is_short_month_before_day(&input[..end], &input[end..]))
    {
        end += 1;
    } else if input[..end].ends_with(|c: char| c.is_ascii_digit()) {
        // `21,000` and `33%` are one word.
        while input[end..].starts_with(',')
            && input
                .as_bytes()
                .get(end + 1..end + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !input
                .as_bytes()
                .get(end + 4)
                .is_some_and(u8::is_ascii_digit)
        {
            end += 4;
        }
        if input[end..].starts_with('%') {
            end += 1;
        }
    }
    end
}

/// The byte length of the letters and digits `text` starts with. Copy is mostly ASCII, so bytes are
/// tested first and only a non-ASCII character is decoded.
fn alphanumeric_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut end = 0;
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        match text[end..].chars().next() {
            Some(c) if !c.is_ascii() && c.is_alphanumeric() => end += c.len_utf8(),
            _ => return end,
        }
    }
}

fn keeps_period(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm", "Maj",
    "Prof", "Rev", "St", "Jr", "Sr", "U.S", "U.N", "U.K", "E.U", "D.C", "Inc", "Corp", "Co", "Ltd",
    "Atty", "Cmdr", "Pres", "Sens", "Reps", "Hon", "Supt", "Insp", "Det", "Messrs",
];

/// `Nov` before `. 8`: the period is the month's, not a sentence's.
fn is_short_month_before_day(word: &str, rest: &str) -> bool {
    SHORT_MONTHS.contains(&word)
        && rest
            .strip_prefix(". ")
            .is_some_and(|day| day.starts_with(|c: char| c.is_ascii_digit()))
}

/// A word that starts with a capital letter.
pub fn capitalised_word(input: &str) -> Res<'_, &str> {
    let (rest, w) = word(input)?;
    if is_capitalised(w) {
        Ok((rest, w))
    } else {
        fail(input)
    }
}

/// A word whose lower-case form is in `set`.
pub fn word_in<'a>(set: &'static WordSet) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |input| {
        let (rest, w) = word(input)?;
        if set.contains(w) {
            Ok((rest, w))
        } else {
            fail(input)
        }
    }
}

/// A closed class of lower-case words, looked up case-insensitively in constant time.
pub struct WordSet {
    /// The class's lists: one, or the shared lists a class is the union of (`WordSet::union`).
    lists: &'static [&'static [&'static str]],
    /// The words of a class given as one list (`WordSet::new`).
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

/// The words bucketed by first letter and length. The grammar asks about many more words than any
/// class holds, so a miss must be cheap: most words are told apart by two bit maps of 64 bytes each
/// (is there a word of this length with this first letter, and with this last letter?), where a table
/// of bucket ends took a kilobyte and a cache miss per look-up. The rest are compared with the one or
/// two words of the same first letter and length, with no hashing or lower-casing.
struct Index {
    /// Which buckets (by first letter) hold a word.
    first: BitMap,
    /// Which buckets by last letter, and length, hold a word.
    last: BitMap,
    /// Each word's bucket, in order, searched without reading the words themselves.
    buckets: Vec<u16>,
    /// Words ordered by bucket.
    words: Vec<&'static [u8]>,
}

/// A byte's low five bits (the same for either case of a letter) times lengths up to 15.
const BUCKETS: usize = 32 * 16;

type BitMap = [u64; BUCKETS / 64];

fn bucket_of(byte: Option<&u8>, len: usize) -> usize {
    byte.map_or(0, |b| usize::from(b & 31)) * 16 + len.min(15)
}

fn bucket(word: &[u8]) -> usize {
    bucket_of(word.first(), word.len())
}

fn last_bucket(word: &[u8]) -> usize {
    bucket_of(word.last(), word.len())
}

fn set(map: &mut BitMap, b: usize) {
    map[b / 64] |= 1 << (b % 64);
}

fn is_set(map: &BitMap, b: usize) -> bool {
    map[b / 64] & (1 << (b % 64)) != 0
}

impl Index {
    fn new<'a>(words: impl Iterator<Item = &'a &'static str>) -> Index {
        let mut sorted: Vec<&'static [u8]> = words.map(|w| w.as_bytes()).collect();
        sorted.sort_by_key(|w| bucket(w));
        let (mut first, mut last) = ([0; BUCKETS / 64], [0; BUCKETS / 64]);
        for w in &sorted {
            set(&mut first, bucket(w));
            set(&mut last, last_bucket(w));
        }
        Index {
            first,
            last,
            buckets: sorted.iter().map(|w| bucket(w) as u16).collect(),
            words: sorted,
        }
    }

    fn contains(&self, word: &[u8]) -> bool {
        let b = bucket(word);
        if !is_set(&self.first, b) || !is_set(&self.last, last_bucket(word)) {
            return false;
        }
        let start = self.buckets.partition_point(|&x| usize::from(x) < b);
        self.buckets[start..]
            .iter()
            .zip(&self.words[start..])
            .take_while(|&(&x, _)| usize::from(x) == b)
            .any(|(_, w)| w.eq_ignore_ascii_case(word))
    }
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            lists: &[],
            words,
            index: OnceLock::new(),
        }
    }

    /// A class made of shared lists (`CLAUSE_OPENERS` holds the `WEEKDAYS`), so each word is listed
    /// once.
    pub const fn union(lists: &'static [&'static [&'static str]]) -> WordSet {
        WordSet {
            lists,
            words: &[],
            index: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.index
            .get_or_init(|| {
                Index::new(
                    self.words
                        .iter()
                        .chain(self.lists.iter().copied().flatten()),
                )
            })
            .contains(word.as_bytes())
    }

    /// Whether the word, lower-cased as Unicode has it (`PRÉSIDENT`), is in the class. `contains`
    /// already ignores ASCII case, so only a word with other letters is lower-cased: most words are
    /// looked up with no allocation.
    pub fn contains_lowercased(&self, word: &str) -> bool {
        if word.is_ascii() {
            self.contains(word)
        } else {
            self.contains(&word.to_lowercase())
        }
    }
}

/// The byte offset where the last white-space-separated word of `text` starts.
pub fn last_word_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

pub fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

pub fn is_capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// All ASCII lower-case letters: a verb or a function word inside a sentence, not a name.
pub fn is_lower_case(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// `overruled`, `warned`: a lower-case word of five letters or more ending in `-ed`.
pub fn regular_past(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && is_lower_case(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks_and_abbreviation_periods() {
        assert_eq!(word("Russia’s account"), Ok((" account", "Russia’s")));
        assert_eq!(word("U.S. officials"), Ok((" officials", "U.S.")));
        assert_eq!(word("Sen. Warren"), Ok((" Warren", "Sen.")));
        assert_eq!(word("al-Assad, who"), Ok((", who", "al-Assad")));
        assert_eq!(word("said."), Ok((".", "said")));
        assert_eq!(word("F. Kennedy"), Ok((" Kennedy", "F.")));
        assert_eq!(word("21,000 said"), Ok((" said", "21,000")));
        assert_eq!(word("33% say"), Ok((" say", "33%")));
        assert_eq!(word("2, 3"), Ok((", 3", "2")));
        assert!(word("“quote").is_err());
        // Letters outside ASCII are letters (PolNeAR dev, nyt_2016-09-28: `Mr. Peña Nieto`;
        // train, huff-post_2016-07-18: `Calderón said`).
        assert_eq!(word("Peña Nieto invited"), Ok((" Nieto invited", "Peña")));
        assert_eq!(word("Calderón said"), Ok((" said", "Calderón")));
        assert!(word("- said").is_err());
    }

    #[test]
    fn word_in_matches_case_insensitively() {
        assert_eq!(word_in(&PRONOUNS)("He said"), Ok((" said", "He")));
        assert!(word_in(&PRONOUNS)("Hero said").is_err());
    }

    #[test]
    fn a_union_holds_the_words_of_each_of_its_lists() {
        // `this Friday`, `Sept. 8`: a class built from shared lists.
        static UNION: WordSet = WordSet::union(&[&["this", "next"], WEEKDAYS, SHORT_MONTHS]);
        for w in ["this", "Next", "Friday", "sunday", "Sept"] {
            assert!(UNION.contains(w), "{w}");
        }
        for w in ["last", "Fri", "March", ""] {
            assert!(!UNION.contains(w), "{w}");
        }
        assert!(CLAUSE_OPENERS.contains("Tuesday") && CLAUSE_OPENERS.contains("despite"));
    }

    #[test]
    fn a_word_with_capitals_outside_ascii_is_found_lower_cased() {
        static SET: WordSet = WordSet::new(&["président", "minister"]);
        assert!(!SET.contains("PRÉSIDENT"));
        for w in ["PRÉSIDENT", "Président", "MINISTER", "minister"] {
            assert!(SET.contains_lowercased(w), "{w}");
        }
        assert!(!SET.contains_lowercased("PRÉSIDENTS"));
    }

    #[test]
    fn word_sets_hold_exactly_their_words_in_any_case() {
        static SET: WordSet =
            WordSet::new(&["said", "says", "spokeswoman", "notwithstanding-like", "a"]);
        for w in [
            "said",
            "SAID",
            "Says",
            "spokeswoman",
            "Notwithstanding-Like",
            "A",
        ] {
            assert!(SET.contains(w), "{w}");
        }
        // Same first letter and length, one letter apart; longer than the buckets tell apart.
        for w in [
            "sajd",
            "say",
            "saidx",
            "spokeswomen",
            "notwithstanding-lik",
            "",
            "b",
            "é",
        ] {
            assert!(!SET.contains(w), "{w}");
        }
    }
}
