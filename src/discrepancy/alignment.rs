//! How two renderings of a quotation compare, word by word: the words compared (lower case,
//! typography and the writer's bracketed insertions out), their best local alignment
//! (Smith–Waterman), and what differs, as a diagnostic says it. Quote drift and the look-up in the
//! source material both read quotations this way.

use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// Quotations longer than this are compared on their first words only (alignment is quadratic).
const MAX_WORDS: usize = 200;

/// The compared words of a story, each kept once: a quotation holds its words as numbers into it, four
/// bytes a word (a paragraph that never ends, full of quotations, kept 30 bytes a word as strings).
#[derive(Default)]
pub(super) struct Vocabulary {
    ids: HashMap<Rc<str>, u32>,
    /// Each word by its number: the map's own string, shared (one allocation a new word).
    words: Vec<Rc<str>>,
}

impl Vocabulary {
    /// The number of `word`, given it if it is new.
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        // Two billion different words take a file of tens of gigabytes; past that, words share the
        // last number, which only makes their quotations look more alike.
        let id = u32::try_from(self.words.len()).map_or(Word::LAST, |id| id.min(Word::LAST));
        let word: Rc<str> = word.into();
        self.words.push(Rc::clone(&word));
        self.ids.insert(word, id);
        id
    }

    /// The text of `word`.
    pub(super) fn text(&self, word: Word) -> &str {
        self.words.get(word.id() as usize).map_or("", |w| w)
    }
}

/// A word of a quotation: its number in the story's vocabulary, and in the top bit whether a sentence
/// ends with it (`hindrance.`). Words are equal when their numbers are.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word(u32);

impl Word {
    const SENTENCE_END: u32 = 1 << 31;
    const LAST: u32 = Word::SENTENCE_END - 1;

    /// The word's number, whether or not it ends a sentence.
    pub(super) fn id(self) -> u32 {
        self.0 & !Word::SENTENCE_END
    }

    pub(super) fn ends_sentence(self) -> bool {
        self.0 & Word::SENTENCE_END != 0
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        self.id() == other.id()
    }
}

impl Eq for Word {}

impl std::hash::Hash for Word {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state);
    }
}

/// The compared words of `text`, at most `MAX_WORDS`, numbered in `vocabulary`: lower case, curly
/// marks straightened, dashes and ellipses out, bracketed editorial insertions out (`[the] election`
/// compares as `election`), apostrophes kept, hyphens kept (a hyphenation is drift). `counted` is
/// what `count_words` gave for `text`: room for that many is made at once, so the list is neither
/// grown nor cut down by copying.
pub(super) fn quoted_words(text: &str, counted: usize, vocabulary: &mut Vocabulary) -> Box<[Word]> {
    let mut words = Vec::with_capacity(counted.min(MAX_WORDS));
    let mut word = String::new();
    spoken_pieces(text, |raw, _| {
        if words.len() == MAX_WORDS {
            return;
        }
        compared_form_into(raw, &mut word);
        if !word.is_empty() {
            let bare = raw.trim_end_matches(['”', '"', '’', '\'', ')', ']']);
            let end = if bare.ends_with(['.', '?', '!']) {
                Word::SENTENCE_END
            } else {
                0
            };
            words.push(Word(vocabulary.id(&word) | end));
        }
    });
    words.into()
}

/// The compared words of `text` (which starts at byte `base` of its file), each with its span.
pub(super) fn words_with_spans(text: &str, base: usize) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    spoken_pieces(text, |raw, start| {
        let word = compared_form(raw);
        if !word.is_empty() {
            out.push((word, Span::new(base + start, base + start + raw.len())));
        }
    });
    out
}

/// How many words `text` has to compare, without building them: a piece makes a word when it holds a
/// letter or digit (all else is filtered or trimmed out of its compared form).
pub(super) fn count_words(text: &str) -> usize {
    let mut count = 0;
    spoken_pieces(text, |raw, _| {
        count += usize::from(raw.chars().any(char::is_alphanumeric));
    });
    count
}

/// Each white-space-separated piece of `text` (dashes and ellipses separate too) outside the writer's
/// bracketed insertions, with its byte offset in `text`.
fn spoken_pieces<'a>(text: &'a str, mut each: impl FnMut(&'a str, usize)) {
    let mut in_brackets = false;
    let mut offset = 0;
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '…')) {
        let start = offset;
        offset += raw.len()
            + text[start + raw.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        // `[the] election`, `when he (Bouchard) talks`: the writer's insertions, not the speaker's words.
        let opens = raw.starts_with(['[', '(']);
        let closes = raw.ends_with([']', ')'])
            || raw
                .trim_end_matches([',', '.', ';', ':'])
                .ends_with([']', ')']);
        if opens || in_brackets {
            in_brackets = !closes;
            continue;
        }
        each(raw, start);
    }
}

/// A piece's compared form: lower case, curly apostrophes straight, only letters, digits, apostrophes
/// and hyphens, and no apostrophe or hyphen at either end.
fn compared_form(raw: &str) -> String {
    let mut word = String::with_capacity(raw.len());
    compared_form_into(raw, &mut word);
    word
}

/// `compared_form` written into `word` (cleared first), so a caller reading many words reuses one buffer.
fn compared_form_into(raw: &str, word: &mut String) {
    word.clear();
    word.extend(
        raw.chars()
            .map(|c| match c {
                '’' | '‘' => '\'',
                c => c.to_ascii_lowercase(),
            })
            .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '-')),
    );
    let end = word.trim_end_matches(['\'', '-']).len();
    word.truncate(end);
    let start = word.len() - word.trim_start_matches(['\'', '-']).len();
    word.drain(..start);
}

/// One difference between two renderings of a quotation.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Edit {
    Changed(String, String),
    Added(String),
    Dropped(String),
}

const MATCH: i32 = 2;
const MISMATCH: i32 = -1;
const GAP: i32 = -1;

/// How two word sequences `a` and `b` line up.
pub(super) struct Alignment {
    /// Words that match.
    pub common: usize,
    /// Words of `a` the aligned stretch spans.
    pub window: usize,
    /// The differences from `a` to `b`.
    pub edits: Vec<Edit>,
    /// The first and last words of `a`, and of `b`, that the stretch covers.
    pub in_a: Option<(usize, usize)>,
    pub in_b: Option<(usize, usize)>,
}

/// The best local alignment of `a` with `b`, word by word (Smith–Waterman); `say` gives a word's text
/// for the edits.
pub(super) fn align<'w, W: PartialEq>(
    a: &'w [W],
    b: &'w [W],
    say: impl Fn(&'w W) -> &'w str,
) -> Alignment {
    let (n, m) = (a.len(), b.len());
    let mut score = vec![vec![0i32; m + 1]; n + 1];
    let mut best = (0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let diagonal = score[i - 1][j - 1]
                + if a[i - 1] == b[j - 1] {
                    MATCH
                } else {
                    MISMATCH
                };
            let value = diagonal
                .max(score[i - 1][j] + GAP)
                .max(score[i][j - 1] + GAP)
                .max(0);
            score[i][j] = value;
            if value > best.0 {
                best = (value, i, j);
            }
        }
    }
    // Walk back from the best cell to where the alignment starts.
    let (mut i, mut j) = (best.1, best.2);
    let mut steps: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    while i > 0 && j > 0 && score[i][j] > 0 {
        let here = score[i][j];
        if here
            == score[i - 1][j - 1]
                + if a[i - 1] == b[j - 1] {
                    MATCH
                } else {
                    MISMATCH
                }
        {
            steps.push((Some(i - 1), Some(j - 1)));
            i -= 1;
            j -= 1;
        } else if here == score[i - 1][j] + GAP {
            steps.push((Some(i - 1), None));
            i -= 1;
        } else {
            steps.push((None, Some(j - 1)));
            j -= 1;
        }
    }
    steps.reverse();
    let matched =
        |s: &(Option<usize>, Option<usize>)| matches!(s, (Some(x), Some(y)) if a[*x] == b[*y]);
    let common = steps.iter().filter(|s| matched(s)).count();
    let window = steps.iter().filter(|s| s.0.is_some()).count();
    let a_range = steps
        .iter()
        .find_map(|s| s.0)
        .zip(steps.iter().rev().find_map(|s| s.0));
    let b_range = steps
        .iter()
        .find_map(|s| s.1)
        .zip(steps.iter().rev().find_map(|s| s.1));
    let mut out = Vec::new();
    let mut k = 0;
    while k < steps.len() {
        if matched(&steps[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < steps.len() && !matched(&steps[k]) {
            k += 1;
        }
        let from_a: Vec<&str> = steps[start..k]
            .iter()
            .filter_map(|s| s.0)
            .map(|x| say(&a[x]))
            .collect();
        let from_b: Vec<&str> = steps[start..k]
            .iter()
            .filter_map(|s| s.1)
            .map(|y| say(&b[y]))
            .collect();
        out.push(match (from_a.is_empty(), from_b.is_empty()) {
            (false, false) => Edit::Changed(from_a.join(" "), from_b.join(" ")),
            (true, false) => Edit::Added(from_b.join(" ")),
            _ => Edit::Dropped(from_a.join(" ")),
        });
    }
    Alignment {
        common,
        window,
        edits: out,
        in_a: a_range,
        in_b: b_range,
    }
}

/// The edits as a diagnostic says them.
pub(super) fn describe(edits: &[Edit]) -> String {
    edits
        .iter()
        .map(|e| match e {
            Edit::Changed(a, b) if a.replace('-', "") == b.replace('-', "") => {
                format!("`{a}` vs `{b}` (hyphenation)")
            }
            Edit::Changed(a, b) => format!("`{a}` vs `{b}`"),
            Edit::Added(w) => format!("`{w}` added"),
            Edit::Dropped(w) => format!("`{w}` dropped"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Edit {
    /// How many words the edit touches.
    pub(super) fn words(&self) -> usize {
        match self {
            Edit::Changed(a, b) => a.split(' ').count().max(b.split(' ').count()),
            Edit::Added(w) | Edit::Dropped(w) => w.split(' ').count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<String> {
        words_with_spans(text, 0)
            .into_iter()
            .map(|(w, _)| w)
            .collect()
    }

    fn edits(a: &[String], b: &[String]) -> (usize, usize, Vec<Edit>) {
        let found = align(a, b, String::as_str);
        (found.common, found.window, found.edits)
    }

    #[test]
    fn typography_and_editorial_brackets_are_not_differences() {
        assert_eq!(
            w("“Trump … heard Putin's statements that Russia didn't hack [the] election,”"),
            w("\"Trump heard Putin’s statements that Russia didn’t hack election\"")
        );
    }

    #[test]
    fn quotations_number_their_words_in_one_vocabulary() {
        // Seeds 000 and 004: one sentence quoted in both.
        let mut vocabulary = Vocabulary::default();
        let (a, b) = (
            "“The two leaders agreed this is of substantial hindrance. They agreed …”",
            "\"The two leaders agreed that this is a substantial hindrance ... \"",
        );
        assert_eq!((count_words(a), count_words(b)), (11, 10));
        let a = quoted_words(a, count_words(a), &mut vocabulary);
        let b = quoted_words(b, count_words(b), &mut vocabulary);
        assert_eq!((a.len(), b.len()), (11, 10), "as many words as counted");
        assert_eq!(a[..4], b[..4]);
        assert_eq!(vocabulary.text(a[8]), "hindrance");
        let sentence_ends: Vec<usize> = (0..a.len()).filter(|&i| a[i].ends_sentence()).collect();
        assert_eq!(sentence_ends, [8]);
        assert_eq!(a[8], b[9], "a sentence's end is not part of the word");
    }

    #[test]
    fn aligns_the_seed_renderings_of_tillersons_words() {
        // Seed 000 and seed 001: the same remark, quoted two ways.
        let (_, _, e) = edits(
            &w("The two leaders agreed this is of substantial hindrance."),
            &w("The two leaders agreed that this is a substantial hindrance ..."),
        );
        assert_eq!(
            e,
            [
                Edit::Added("that".into()),
                Edit::Changed("of".into(), "a".into())
            ]
        );
        let (_, _, e) = edits(
            &w("There was not a lot of relitigating of the past."),
            &w("There was not a lot of re-litigating of the past,"),
        );
        assert_eq!(
            describe(&e),
            "`relitigating` vs `re-litigating` (hyphenation)"
        );
    }

    #[test]
    fn a_partial_quote_is_not_drift() {
        // Seed 000: the partial quote "agreed to exchange further work regarding commitments".
        let (common, _, e) = edits(
            &w("agreed to exchange further work regarding commitments"),
            &w(
                "They agreed to exchange further work regarding commitments of noninterference in the affairs of the U.S.",
            ),
        );
        assert_eq!(common, 7);
        assert!(e.is_empty());
    }
}
