//! `pattern` rules: a regular expression (the linear-time `regex` crate), and the pattern half of a
//! `needs-attribution` trigger. Only matches that lie in copy count.
//!
//! The pack's expressions are found together: most can only begin with one of a few words (`lied`,
//! `widely`, `is`), so one automaton of those opening words reads the file once, and each expression
//! is tried, anchored, only where one of its words opens. Fifty-odd passes of the regex engine over
//! every file became one pass and a few short tries. The matches are the ones `find_iter` gives.

use super::context::Context;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::{Anchored, Input, meta};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
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

/// The pack's expressions, in the order the runner reads them, with the words each can open with.
pub struct Patterns {
    expressions: Vec<Expression>,
    /// The opening words of every expression that has a finite set of them, ASCII case ignored.
    openings: Option<AhoCorasick>,
    /// For each opening word, the expressions it opens.
    opens: Vec<Vec<usize>>,
}

struct Expression {
    regex: regex::Regex,
    /// The same expression for anchored tries; none when its opening words are not known (it then
    /// reads the whole text).
    anchored: Option<meta::Regex>,
}

/// Characters that `(?i)` folds onto ASCII letters (`K` Kelvin onto `k`, long `ſ` onto `s`), which an
/// ASCII-case-insensitive automaton would not see as opening words.
const ASCII_FOLDS: [&str; 2] = ["\u{212A}", "\u{17F}"];

impl Patterns {
    pub fn new(regexes: Vec<regex::Regex>) -> Patterns {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut opens: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::default();
        let expressions = regexes
            .into_iter()
            .enumerate()
            .map(|(i, regex)| {
                let anchored = opening_words(regex.as_str()).and_then(|found| {
                    let limit = Some(super::spec::REGEX_SIZE_LIMIT);
                    let anchored = meta::Regex::builder()
                        .configure(meta::Config::new().nfa_size_limit(limit))
                        .build(regex.as_str())
                        .ok()?;
                    for word in found {
                        let at = *index.entry(word.to_ascii_lowercase()).or_insert_with(|| {
                            words.push(word);
                            opens.push(Vec::new());
                            words.len() - 1
                        });
                        if opens[at].last() != Some(&i) {
                            opens[at].push(i);
                        }
                    }
                    Some(anchored)
                });
                Expression { regex, anchored }
            })
            .collect();
        let openings = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        Patterns {
            expressions,
            openings,
            opens,
        }
    }

    /// Each expression's matches in `text`, as `find_iter` gives them, empty ones left out.
    pub fn matches(&self, text: &str) -> Vec<Vec<Span>> {
        let folds = ASCII_FOLDS.iter().any(|f| text.contains(f));
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); self.expressions.len()];
        if let (Some(openings), false) = (&self.openings, folds) {
            for m in openings.find_overlapping_iter(text) {
                for &e in &self.opens[m.pattern().as_usize()] {
                    starts[e].push(m.start());
                }
            }
        }
        self.expressions
            .iter()
            .zip(starts)
            .map(|(e, mut starts)| match &e.anchored {
                Some(anchored) if !folds && self.openings.is_some() => {
                    starts.sort_unstable();
                    starts.dedup();
                    tried_at(anchored, text, &starts)
                }
                _ => e
                    .regex
                    .find_iter(text)
                    .filter(|m| !m.is_empty())
                    .map(|m| Span::new(m.start(), m.end()))
                    .collect(),
            })
            .collect()
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

/// The words every match of `pattern` begins with (ASCII case aside), when there is a finite set of
/// them, each non-empty and ASCII. A leading `(?i)` is read as case-sensitive for this: the folded
/// matches are then the same words in other ASCII cases (the two foldings from outside ASCII are
/// checked in the text instead).
fn opening_words(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::parse(pattern.strip_prefix("(?i)").unwrap_or(pattern)).ok()?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let literals = seq.literals()?;
    let usable = literals
        .iter()
        .all(|l| !l.as_bytes().is_empty() && l.as_bytes().is_ascii());
    usable.then(|| literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(sources: &[&str]) -> Patterns {
        Patterns::new(
            sources
                .iter()
                .map(|s| regex::Regex::new(s).unwrap())
                .collect(),
        )
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
    ];

    #[test]
    fn finds_what_find_iter_finds() {
        let texts = [
            "He was accused of LYING to Congress, and lies about it; a serial liar, an habitual liar.",
            "About 40 percent of voters were increasingly\n  fed up, and 12.5% among them WERE unhappy.",
            "The vote angered many Texas Democrats and rattled voters. Lying to the panel is lying about it.",
            "Nothing here matches at all.",
        ];
        let all = patterns(SOURCES);
        for text in texts {
            let found = all.matches(text);
            for (source, found) in SOURCES.iter().zip(found) {
                assert_eq!(found, find_iter(source, text), "{source} on {text}");
            }
        }
    }

    #[test]
    fn a_letter_folded_from_outside_ascii_is_still_found() {
        // `(?i)` folds the Kelvin sign onto `k` and the long s onto `s`.
        let text = "They were LIEſ to him, and lieſ about it.";
        let found = patterns(SOURCES).matches(text);
        assert_eq!(found[0], find_iter(SOURCES[0], text));
        assert_eq!(found[0].len(), 2);
    }

    #[test]
    fn opening_words_are_known_for_literal_openings_only() {
        assert!(opening_words(SOURCES[0]).is_some());
        assert!(opening_words(r"(?i)\w+ said").is_none());
    }
}
