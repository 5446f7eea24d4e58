//! Word-level nom parsers and the closed word classes the attribution grammar is built from.
//!
//! Input is a `&str` slice of the copy view; positions are recovered with `nom::Offset` against the
//! view, so every parser here returns slices, never copies.

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::error::{Error, ErrorKind};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub type Res<'a, T> = IResult<&'a str, T>;

pub fn fail<T>(input: &str) -> Res<'_, T> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

/// A word: letters and digits, with inner apostrophes, hyphens, periods, ampersands and slashes
/// (`don’t`, `Russia’s`, `al-Assad`, `U.S.`, `AT&T`, `CNN/ORC`); a final period stays on abbreviations
/// and initials.
pub fn word(input: &str) -> Res<'_, &str> {
    let (_, first) = take_while1(char::is_alphanumeric).parse(input)?;
    let mut end = first.len();
    let mut chars = input[end..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || (matches!(c, '’' | '\'' | '-' | '.' | '&' | '/') && next_is_word)
        {
            end = first.len() + i + c.len_utf8();
        } else {
            break;
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
    } else if input[end..].starts_with('.') && keeps_period(&input[..end]) {
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
    Ok((&input[end..], &input[..end]))
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
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

/// The set, and what lets most words be turned away before hashing: the grammar asks about many more
/// words than any class holds, so a miss must be cheap.
struct Index {
    set: HashSet<&'static [u8], BuildHasherDefault<Fnv>>,
    /// Bit `b` set when some word starts with the (lower-case) byte `b`.
    first_bytes: [u64; 4],
    /// Bit `n` set when some word is `n` bytes long (63 stands for 63 or more).
    lengths: u64,
}

impl Index {
    fn new(words: &[&'static str]) -> Index {
        let mut first_bytes = [0u64; 4];
        let mut lengths = 0u64;
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b) / 64] |= 1 << (b % 64);
            }
            lengths |= 1 << w.len().min(63);
        }
        Index {
            set: words.iter().map(|w| w.as_bytes()).collect(),
            first_bytes,
            lengths,
        }
    }

    fn may_hold(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        let b = b.to_ascii_lowercase();
        self.lengths & (1 << word.len().min(63)) != 0
            && self.first_bytes[usize::from(b) / 64] & (1 << (b % 64)) != 0
    }
}

/// FNV-1a: word lookups hash short strings, where SipHash's set-up dominates.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            index: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| Index::new(self.words));
        if !index.may_hold(word) {
            return false;
        }
        let mut buffer = [0u8; 32];
        match word.len() {
            len if len > buffer.len() => index.set.contains(word.to_lowercase().as_bytes()),
            len => {
                buffer[..len].copy_from_slice(word.as_bytes());
                buffer[..len].make_ascii_lowercase();
                index.set.contains(&buffer[..len])
            }
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

pub static PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "i", "we", "you", "it"]);
/// Quantifiers that stand alone as a source (`many said`, `some say`).
pub static QUANTIFIER_SOURCES: WordSet = WordSet::new(&[
    "many", "some", "most", "few", "several", "both", "all", "none", "one", "others", "each",
    "another",
]);

pub static PERSONAL_PRONOUNS: WordSet = WordSet::new(&["he", "she"]);

pub static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "another", "one", "two", "three", "four", "five", "several", "some", "many",
    "most", "other", "both", "all", "his", "her", "their", "its", "our", "my", "your", "this",
    "these", "those", "each", "every", "few", "more", "multiple", "numerous", "no",
]);

/// Prepositions that may join a phrase to a source (`a person familiar with the talks`).
pub static INNER_PREPOSITIONS: WordSet = WordSet::new(&[
    "of", "for", "at", "with", "from", "in", "on", "to", "close", "within",
]);

/// Words that can never be part of a source phrase: they open clauses or are verbs of the frame.
pub static STOP_WORDS: WordSet = WordSet::new(&[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "if",
    "because",
    "as",
    "but",
    "so",
    "than",
    "then",
    "since",
    "although",
    "though",
    "after",
    "before",
    "until",
    "unless",
    "whether",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "am",
    "will",
    "would",
    "can",
    "could",
    "should",
    "might",
    "must",
    "shall",
    "may",
    "do",
    "does",
    "did",
    "not",
    "have",
    "has",
    "had",
    "also",
    "and",
    "or",
    "nor",
    "even",
    "just",
    "what",
    "how",
    "why",
    "there",
    "here",
    "by",
    "into",
    "about",
    "against",
    "over",
    "under",
    "like",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "yet",
    "however",
    "meanwhile",
    "instead",
    "too",
    "very",
    "only",
    "ever",
    "never",
]);

/// Words that end the clause before a source: a source phrase starts right after one of these.
pub static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "and",
    "but",
    "or",
    "that",
    "which",
    "who",
    "when",
    "while",
    "as",
    "because",
    "since",
    "after",
    "before",
    "if",
    "so",
    "where",
    "although",
    "though",
    "yet",
    "whereas",
    "until",
    "once",
    "unless",
    "then",
    "whether",
    "meanwhile",
    "however",
    "also",
    "now",
    "still",
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "here",
    "there",
    "later",
    "earlier",
    "instead",
    "even",
    "than",
    "why",
    "how",
    "what",
]);

/// Words that open a sentence without being part of its subject or content (`But according to …`).
pub static CONNECTIVES: WordSet = WordSet::new(&[
    "but",
    "and",
    "so",
    "yet",
    "also",
    "however",
    "meanwhile",
    "still",
    "now",
    "again",
    "then",
    "instead",
]);

/// Between a source and its cue: auxiliaries and adverbs (`has also said`, `later told`).
pub static AUXILIARIES: WordSet = WordSet::new(&[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "would",
    "will",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "never",
    "once",
    "repeatedly",
    "reportedly",
    "previously",
    "recently",
    "publicly",
    "privately",
    "initially",
    "first",
    "already",
    "long",
    "often",
    "frequently",
    "further",
    "again",
    "immediately",
    "quickly",
    "flatly",
    "simply",
    "firmly",
    "still",
    "even",
    "just",
    "has been",
    "had been",
    "was",
    "were",
    "is",
    "are",
    "been",
    "be",
    "not",
    "n’t",
    "always",
    "clearly",
    "openly",
    "explicitly",
    "separately",
    "earlier",
    "subsequently",
    "ultimately",
    "finally",
    "specifically",
    "actually",
    "now",
    "only",
    "similarly",
    "likewise",
    "rightly",
    "falsely",
    "wrongly",
    "angrily",
    "bluntly",
    "confidently",
    "proudly",
    "insistently",
    "quietly",
    "loudly",
    "routinely",
    "consistently",
    "emphatically",
    "correctly",
    "herself",
    "himself",
    "themselves",
    "however",
    "though",
    "here",
    "meanwhile",
    "instead",
    "itself",
]);

/// Auxiliaries that make the cue passive (`it was reported`, `he was told`): no source is named.
pub static PASSIVE_AUXILIARIES: WordSet =
    WordSet::new(&["was", "were", "is", "are", "been", "be", "being"]);

/// Numbers spelled as one word, each at the index of its value.
pub const SMALL_NUMBERS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// The tens from twenty, in order.
pub const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

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
    }

    #[test]
    fn word_in_matches_case_insensitively() {
        assert_eq!(word_in(&PRONOUNS)("He said"), Ok((" said", "He")));
        assert!(word_in(&PRONOUNS)("Hero said").is_err());
    }
}
