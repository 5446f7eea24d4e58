//! `pattern` rules: a regular expression (the linear-time `regex` crate), and the pattern half of a
//! `needs-attribution` trigger. Only matches that lie in copy count.
//!
//! The pack's expressions are found together: most can only begin with one of a few words (`lied`,
//! `widely`, `is`), so the pack's automaton holds those opening words beside the rules' phrases and
//! reads the file once for both, and each expression is tried, anchored, only where one of its
//! openings is written. Fifty-odd passes of the regex engine over every file became a few short
//! tries. An expression whose openings are not known (`[a-z]+’ll probably`) reads a file only when the
//! automaton found one of its closing words there (`probably`). The matches are the ones `find_iter`
//! gives.

use super::context::Context;
use super::spec::Pattern;
use crate::span::Span;
use regex_automata::{Anchored, Input, meta};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};
use rustc_hash::FxHashMap as HashMap;

/// Matches of a pattern that lie in copy.
pub(super) fn in_copy(cx: &Context, found: &[Span]) -> Vec<Span> {
    let doc = &cx.analysis.document;
    found
        .iter()
        .copied()
        .filter(|m| doc.sentence_at(m.start).is_some())
        .collect()
}

/// The words each of the pack's expressions can open with, for the pack's one automaton: it reads a
/// file once for the rules' phrases and these words together (`Pack::scan`).
pub struct Openings {
    /// The opening words of every expression that has a finite set of them, and the closing words of
    /// those that have not (ASCII case ignored), then `ASCII_FOLDS`: the automaton's patterns after
    /// the phrases.
    words: Vec<Vec<u8>>,
    /// For each word, the expressions it opens (or closes).
    opens: Vec<Vec<Opening>>,
    /// Whether each expression's opening words are known.
    known: Vec<bool>,
    /// Whether each expression whose openings are not known has closing words (`ending_words`), one
    /// of which the automaton must find before the expression reads the file.
    closed: Vec<bool>,
    /// Whether each expression begins at an ASCII word boundary.
    bounded: Vec<bool>,
}

/// An expression that an opening word opens, and how each of its matches there must go on.
struct Opening {
    expression: usize,
    /// The word is one of the expression's closing words, not an opening: where it is found says
    /// only that the expression may match in the file.
    closing: bool,
    /// The openings in full as far as they are ASCII (`it’s` as `it`), lower case: a match begins
    /// with one of them, so the expression is tried only where one of them is written, as it was when
    /// the automaton held them in full.
    prefixes: Vec<Vec<u8>>,
}

impl Opening {
    fn fits(&self, text: &[u8]) -> bool {
        self.prefixes.iter().any(|p| {
            text.get(..p.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(p))
        })
    }
}

/// The entry of `expression` under `word` (as an opening or a closing), the word and the entry added
/// when new. An expression's words are entered one after another, so its entry is the word's last.
fn entry<'o>(
    index: &mut HashMap<Vec<u8>, usize>,
    words: &mut Vec<Vec<u8>>,
    opens: &'o mut Vec<Vec<Opening>>,
    word: Vec<u8>,
    expression: usize,
    closing: bool,
) -> &'o mut Opening {
    let at = *index.entry(word.to_ascii_lowercase()).or_insert_with(|| {
        words.push(word);
        opens.push(Vec::new());
        words.len() - 1
    });
    let entries = &mut opens[at];
    if entries
        .last()
        .is_none_or(|o| o.expression != expression || o.closing != closing)
    {
        entries.push(Opening {
            expression,
            closing,
            prefixes: Vec::new(),
        });
    }
    entries.last_mut().expect("pushed")
}

/// The most starts of one expression kept for the next file: a news story's fit many times over.
const SPARE_STARTS: usize = 1024;

thread_local! {
    /// The start lists of the last file this thread read, emptied, for the next (`Openings::none`).
    static SPARE: std::cell::Cell<Option<Vec<Vec<usize>>>> = const { std::cell::Cell::new(None) };
}

/// Where each expression may begin in one file, as the pack's automaton found its opening words.
pub struct Starts {
    at: Vec<Vec<usize>>,
    /// The file holds a character that `(?i)` folds onto ASCII (`ASCII_FOLDS`).
    folds: bool,
}

impl Openings {
    pub fn of(regexes: &[&Pattern]) -> Openings {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut opens: Vec<Vec<Opening>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::default();
        let mut known = Vec::with_capacity(regexes.len());
        let mut closed = Vec::with_capacity(regexes.len());
        let mut bounded = Vec::with_capacity(regexes.len());
        for (i, regex) in regexes.iter().enumerate() {
            // Read once for its openings, closings and first boundary.
            let hir = parse(&regex.source);
            let found = hir.as_ref().and_then(opening_words);
            known.push(found.is_some());
            let closing = found
                .is_none()
                .then(|| hir.as_ref().and_then(ending_words))
                .flatten();
            closed.push(closing.is_some());
            for word in closing.into_iter().flatten() {
                entry(&mut index, &mut words, &mut opens, word, i, true);
            }
            bounded.push(hir.as_ref().is_some_and(opens_at_boundary));
            for (word, prefix) in found.into_iter().flatten() {
                let prefixes =
                    &mut entry(&mut index, &mut words, &mut opens, word, i, false).prefixes;
                prefixes.push(prefix.to_ascii_lowercase());
                prefixes.sort_unstable();
                prefixes.dedup();
            }
        }
        words.extend(ASCII_FOLDS.iter().map(|f| f.as_bytes().to_vec()));
        Openings {
            words,
            opens,
            known,
            closed,
            bounded,
        }
    }

    /// The automaton patterns these openings add.
    pub fn words(&self) -> &[Vec<u8>] {
        &self.words
    }

    /// No expression found to begin anywhere yet: the lists this thread's last file used, emptied,
    /// when they were as many (a file's lists were made and grown afresh in every file).
    pub fn none(&self) -> Starts {
        let at = SPARE
            .take()
            .filter(|spare| spare.len() == self.known.len())
            .unwrap_or_else(|| vec![Vec::new(); self.known.len()]);
        Starts { at, folds: false }
    }

    /// Notes that the automaton found `word` (an index into `words`) at `start` in `text`.
    pub fn found(&self, starts: &mut Starts, text: &[u8], word: usize, start: usize) {
        let Some(opens) = self.opens.get(word) else {
            starts.folds = true;
            return;
        };
        let boundary = at_ascii_boundary(text, start);
        for o in opens {
            let at = &mut starts.at[o.expression];
            if o.closing {
                if at.is_empty() {
                    at.push(start); // the expression may match somewhere in the file
                }
            } else if (boundary || !self.bounded[o.expression]) && o.fits(&text[start..]) {
                at.push(start);
            }
        }
    }
}

/// The pack's expressions, in the order the runner reads them.
pub struct Patterns {
    expressions: Vec<Expression>,
}

struct Expression {
    /// Compiled without literal prefilters (`Pattern::regex`): they would speed a search of the whole
    /// text, but the expressions that read it open with no literal (`\w+ly`) or read it only where
    /// a letter from outside ASCII folds onto theirs; the others are tried anchored.
    pattern: Pattern,
    /// Its opening words are known: it is tried, anchored, where they are written.
    known: bool,
    /// It reads the whole text only where the automaton found one of its closing words.
    closed: bool,
}

impl Expression {
    /// Each match in the whole of `text`, as `find_iter` gives them, empty ones left out.
    fn whole_text(&self, text: &str) -> Vec<Span> {
        self.pattern
            .regex()
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }
}

/// Characters that `(?i)` folds onto ASCII letters (`K` Kelvin onto `k`, long `ſ` onto `s`), which an
/// ASCII-case-insensitive automaton would not see as opening words.
const ASCII_FOLDS: [&str; 2] = ["\u{212A}", "\u{17F}"];

impl Patterns {
    pub fn new(patterns: &[&Pattern], openings: &Openings) -> Patterns {
        let expressions = patterns
            .iter()
            .zip(openings.known.iter().zip(&openings.closed))
            .map(|(pattern, (&known, &closed))| Expression {
                pattern: (*pattern).clone(),
                known,
                closed,
            })
            .collect();
        Patterns { expressions }
    }

    /// Each expression's matches in `text`, as `find_iter` gives them, empty ones left out, from where
    /// the automaton found the expressions may begin.
    pub fn matches(&self, text: &str, mut starts: Starts) -> Vec<Vec<Span>> {
        let folds = starts.folds;
        let found = self
            .expressions
            .iter()
            .zip(&mut starts.at)
            .map(|(e, starts)| {
                if (e.known || e.closed) && !folds && starts.is_empty() {
                    return Vec::new(); // none of its openings (or closing words) is in the file
                }
                let found = if e.known && !folds {
                    starts.sort_unstable();
                    starts.dedup();
                    tried_at(e.pattern.regex(), text, starts)
                } else {
                    e.whole_text(text)
                };
                // A long file's lists are freed as soon as they are read, as its matches grow.
                if starts.capacity() > SPARE_STARTS {
                    *starts = Vec::new();
                } else {
                    starts.clear();
                }
                found
            })
            .collect();
        SPARE.set(Some(starts.at));
        found
    }
}

/// The expression tried, anchored, at each place where one of its opening words begins, in order, from
/// the end of the last match on: as every match begins at such a place, this finds what `find_iter`
/// finds (the leftmost match, then the leftmost after it).
fn tried_at(regex: &meta::Regex, text: &str, starts: &[usize]) -> Vec<Span> {
    let mut found = Vec::new();
    let mut from = 0;
    for &start in starts {
        if start < from {
            continue;
        }
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        if let Some(m) = regex.search(&input) {
            found.push(Span::new(m.start(), m.end()));
            from = m.end();
        }
    }
    found
}

/// The words every match of an expression (`hir`, as `parse` reads it) begins with (ASCII case
/// aside), when there is a finite set of them, each non-empty and ASCII: each opening's head
/// (`opening_head`), with the opening as far as it is ASCII. `parse` reads a leading `(?i)` as
/// case-sensitive: the folded matches are then the same words in other ASCII cases (the two
/// foldings from outside ASCII are checked in the text instead).
fn opening_words(hir: &Hir) -> Option<Vec<(Vec<u8>, Vec<u8>)>> {
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let openings: Vec<(Vec<u8>, Vec<u8>)> = seq
        .literals()?
        .iter()
        .map(|l| {
            let l = l.as_bytes();
            let ascii = l.iter().take_while(|b| b.is_ascii()).count();
            (opening_head(l).to_vec(), l[..ascii].to_vec())
        })
        .collect();
    let usable = openings.iter().all(|(w, _)| !w.is_empty() && w.is_ascii());
    usable.then_some(openings)
}

/// Words every match of an expression (`hir`) ends with (ASCII case aside), when there is a finite
/// set of them, each at least `ENDING_BYTES` long: the last `OPENING_BYTES` bytes of each closing,
/// as far as they are ASCII, from a letter or digit (`’ll probably` gives `probably`, ` shock`
/// gives `shock`). A space or mark first would set the automaton off at every space of the text; a
/// shorter word (`of`) is in nearly every file.
fn ending_words(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new().kind(ExtractKind::Suffix).extract(hir);
    let mut endings: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| {
            let l = l.as_bytes();
            let ascii = l.iter().rev().take_while(|b| b.is_ascii()).count();
            let tail = &l[l.len() - ascii.min(OPENING_BYTES)..];
            let word = tail.iter().position(u8::is_ascii_alphanumeric);
            word.map_or(&[][..], |at| &tail[at..]).to_vec()
        })
        .collect();
    endings.sort_unstable();
    endings.dedup();
    endings
        .iter()
        .all(|w| w.len() >= ENDING_BYTES)
        .then_some(endings)
}

/// The shortest closing word worth looking for.
const ENDING_BYTES: usize = 3;

/// An opening cut to its first `OPENING_BYTES` bytes as far as they are ASCII (`about 10,000 people`
/// becomes `about 10`, `it’s` becomes `it`): every match still begins with it, and the automaton
/// holds short heads instead of the default pack's 2,900 full openings (a 5.6 MB DFA of their own).
fn opening_head(literal: &[u8]) -> &[u8] {
    let ascii = literal.iter().take_while(|b| b.is_ascii()).count();
    &literal[..ascii.min(OPENING_BYTES)]
}

/// How much of an opening the automaton holds: long enough that a word found is most often the
/// opening itself, short enough to keep the automaton small.
const OPENING_BYTES: usize = 8;

/// Whether every match of an expression (`hir`) begins at an ASCII word boundary (`(?-u:\b)`
/// first): a start found inside a word (`is` in `this`) is then not tried.
fn opens_at_boundary(hir: &Hir) -> bool {
    let first = match hir.kind() {
        HirKind::Concat(parts) => parts.first().map(Hir::kind),
        kind => Some(kind),
    };
    first == Some(&HirKind::Look(Look::WordAscii))
}

/// An expression read for its openings and closings, a leading `(?i)` read as case-sensitive.
fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::parse(pattern.strip_prefix("(?i)").unwrap_or(pattern)).ok()
}

/// `(?-u:\b)` at `at`: an ASCII word character on one side only.
fn at_ascii_boundary(text: &[u8], at: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    word(at.checked_sub(1).and_then(|i| text.get(i))) != word(text.get(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(sources: &[&str]) -> Vec<Pattern> {
        sources.iter().map(|s| Pattern::new(s).unwrap()).collect()
    }

    /// Each expression's matches, from the starts an automaton of the opening words finds (the pack's
    /// automaton holds the rules' phrases before them, which does not change where these are found).
    fn matches(sources: &[&str], text: &str) -> Vec<Vec<Span>> {
        let patterns = compiled(sources);
        let patterns: Vec<&Pattern> = patterns.iter().collect();
        let openings = Openings::of(&patterns);
        let automaton = super::super::automaton(openings.words()).unwrap();
        let mut starts = openings.none();
        for m in automaton.find_overlapping_iter(text) {
            openings.found(
                &mut starts,
                text.as_bytes(),
                m.pattern().as_usize(),
                m.start(),
            );
        }
        Patterns::new(&patterns, &openings).matches(text, starts)
    }

    fn find_iter(source: &str, text: &str) -> Vec<Span> {
        regex::Regex::new(source)
            .unwrap()
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }

    // Patterns of rules/claims.yaml and rules/phrasing.yaml, on copy from the corpus (DUC AP, BBC).
    const SOURCES: &[&str] = &[
        r"(?i)(?-u:\b)(?:lied|lies|lying) (?:about|to)(?-u:\b)",
        r"(?i)(?-u:\b)(?:a |an )?(?:serial|habitual|pathological|compulsive) liar(?-u:\b)",
        r"(?i)(?-u:\b)\d[\d,.]*(?: ?%| percent| per cent)(?: of| among)(?-u:\b)",
        r"(?i)(?-u:\b)(?:are|were|is|was|been|grew|remain|remains|remained|became|become)\s+(?:(?:increasingly|deeply|very|so)\s+)*(?:tired of|fed up|unhappy)(?-u:\b)",
        r"(?-u:\b)(?:angered|rattled) (?:many |some )?(?:[A-Z][a-z]+ )?(?:Democrats|voters)(?-u:\b)",
        r"(?i)(?-u:\b)(?:[a-z]+[’']ll|will) probably(?-u:\b)",
    ];

    #[test]
    fn expressions_with_no_known_opening_close_with_known_words() {
        let endings = |source: &str| ending_words(&parse(source).unwrap());
        assert_eq!(endings(SOURCES[5]).unwrap(), [b"probably".to_vec()]);
        assert_eq!(endings(SOURCES[2]), None, "`% of` closes with `of`");
        assert_eq!(endings(r"(?i)(?-u:\b)\w+ly\w*"), None);
    }

    #[test]
    fn finds_what_find_iter_finds() {
        let texts = [
            "He was accused of LYING to Congress, and lies about it; a serial liar, an habitual liar.",
            "About 40 percent of voters were increasingly\n  fed up, and 12.5% among them WERE unhappy.",
            "The vote angered many Texas Democrats and rattled voters. Lying to the panel is lying about it.",
            "Nothing here matches at all.",
            // Reuters-21578 02833 and BBC tech-286; then a closing word with no match before it.
            "\"I think they'll probably try to hang onto Encor as long as they can,\" said Bache Securities",
            "\"They will probably pay an increasing role in helping P2P spread,\" he said.",
            "Probably not, she’ll say.",
        ];
        for text in texts {
            let found = matches(SOURCES, text);
            for (source, found) in SOURCES.iter().zip(found) {
                assert_eq!(found, find_iter(source, text), "{source} on {text}");
            }
        }
    }

    #[test]
    fn a_letter_folded_from_outside_ascii_is_still_found() {
        // `(?i)` folds the Kelvin sign onto `k` and the long s onto `s`.
        let text = "They were LIEſ to him, and lieſ about it.";
        let found = matches(SOURCES, text);
        assert_eq!(found[0], find_iter(SOURCES[0], text));
        assert_eq!(found[0].len(), 2);
    }

    #[test]
    fn opening_words_are_known_for_literal_openings_only() {
        let openings = |source: &str| opening_words(&parse(source).unwrap());
        assert!(openings(SOURCES[0]).is_some());
        assert!(openings(r"(?i)\w+ said").is_none());
    }

    #[test]
    fn the_automaton_holds_the_head_of_each_opening() {
        let hir = parse(r"(?i)(?-u:\b)(?:it is|it[’']s|it was) likely").unwrap();
        let found = opening_words(&hir).unwrap();
        let mut words: Vec<&[u8]> = found.iter().map(|(w, _)| w.as_slice()).collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words, [&b"it"[..], b"it is li", b"it was l", b"it's lik"]);
    }

    #[test]
    fn starts_inside_a_word_are_not_tried_after_a_word_boundary() {
        // BBC politics copy: `This is unlikely to …` holds `is` inside `This`.
        let sources = [r"(?i)(?-u:\b)(?:is|are) (?:very )?(?:likely|unlikely) to(?-u:\b)"];
        let text = "This is unlikely to pass; thisis likely to fail, and Is likely to.";
        assert!(opens_at_boundary(&parse(sources[0]).unwrap()));
        assert!(!opens_at_boundary(
            &parse(r"(?i)(?:is|are) likely").unwrap()
        ));
        assert_eq!(matches(&sources, text)[0], find_iter(sources[0], text));
        assert_eq!(matches(&sources, text)[0].len(), 2);
    }
}
