//! What every rule kind judges a match in, and how it reports: the context of a match (quotation or
//! narration, attributed or not, the kind of copy), the phrase matches of the pack's one automaton
//! less each rule's exceptions, and the diagnostic a rule makes. The kinds (`phrase`, `pattern`, …)
//! and the runner (`check`) read this module; it reads none of them.

use super::spec::{Place, Rule, Scope};
use super::{Role, Target};
use crate::Analysis;
use crate::coverage::Coverage;
use crate::diagnostic::{Diagnostic, Label, RuleId};
use crate::grammar::Attribution;
use crate::input::Genre;
use crate::span::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{Cell, OnceCell, RefCell};

/// Everything a rule may ask about where a match stands.
pub(super) struct Context<'a> {
    pub analysis: &'a Analysis,
    /// The copy's words, indexed once `searches` reaches `SEARCHES_BEFORE_INDEX`.
    words: OnceCell<Words<'a>>,
    /// How many questions about the copy's words were answered by a search of the text.
    searches: Cell<usize>,
    /// The attributions' contents by where they start, indexed on the first question about them.
    contents: OnceCell<Contents>,
    /// Where a named source's speech answers for the copy, read on the first question about it and
    /// held only while the rules run (a long file's discrepancy checks run after, without it).
    coverage: OnceCell<Coverage>,
}

impl<'a> Context<'a> {
    pub(super) fn new(analysis: &'a Analysis) -> Context<'a> {
        Context {
            analysis,
            words: OnceCell::new(),
            searches: Cell::new(0),
            contents: OnceCell::new(),
            coverage: OnceCell::new(),
        }
    }

    /// Where a named source's speech answers for the copy.
    pub(super) fn coverage(&self) -> &Coverage {
        self.coverage.get_or_init(|| {
            Coverage::sourcing(&self.analysis.document, &self.analysis.attributions)
        })
    }

    /// The attributions whose content holds `span`, found among those whose content starts near it
    /// (a look at every attribution for every source made a long file quadratic).
    pub(super) fn reporting(&self, span: Span) -> impl Iterator<Item = &'a Attribution> + '_ {
        let attributions = &self.analysis.attributions;
        self.contents
            .get_or_init(|| Contents::of(attributions))
            .holding(span)
            .map(move |i| &attributions[i])
    }

    /// Whether the copy writes `word` as it is given (case and all) on word boundaries. The first few
    /// questions are a search of the text; indexing its words pays only for a file asked many.
    pub(super) fn writes(&self, word: &str) -> bool {
        let text = self.analysis.document.text();
        if self.words.get().is_none() && self.searches.get() < SEARCHES_BEFORE_INDEX {
            self.searches.set(self.searches.get() + 1);
            return written(text, word);
        }
        self.words.get_or_init(|| Words::of(text)).has(word)
    }
}

impl Context<'_> {
    /// Rules about the writer's own argument do not run on opinion copy.
    pub(super) fn runs(&self, rule: &Rule) -> bool {
        !(rule.argument && self.analysis.file.genre == Genre::Opinion)
    }

    /// `So is Trump lying about his signature issue?`: a question asserts nothing.
    pub(super) fn in_question(&self, span: Span) -> bool {
        let doc = &self.analysis.document;
        doc.sentence_at(span.start).is_some_and(|s| {
            doc.sentences[s]
                .span
                .of(doc.text())
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with('?')
        })
    }

    pub(super) fn in_quotation(&self, span: Span) -> bool {
        self.analysis.document.quotation_at(span.start).is_some()
    }

    pub(super) fn attributed(&self, span: Span, scope: Scope) -> bool {
        self.coverage().covers(&self.analysis.document, span, scope)
    }

    /// The rule's `where` and `attributed` conditions hold for this span, and the rule runs on this
    /// kind of copy.
    pub(super) fn admits(&self, rule: &Rule, span: Span) -> bool {
        if !self.runs(rule) {
            return false;
        }
        let place = match rule.place {
            Place::Narration => !self.in_quotation(span),
            Place::Quote => self.in_quotation(span),
            Place::Any => true,
        };
        place
            && rule
                .attributed
                .is_none_or(|wanted| self.attributed(span, rule.scope) == wanted)
    }

    /// Whether the sentences `scope` reaches from `span` mention one of `words` (lower case, compared
    /// without regard to case on word boundaries): `unless` words that explain a source or say where a
    /// claim comes from.
    pub(super) fn mentions(&self, span: Span, scope: Scope, words: &[String]) -> bool {
        if words.is_empty() {
            return false;
        }
        let doc = &self.analysis.document;
        let Some(at) = doc.sentence_at(span.start) else {
            return false;
        };
        let reach = match scope {
            Scope::Content | Scope::Sentence => doc.sentences[at].span,
            Scope::Neighbours => {
                let last = (at + 1).min(doc.sentences.len() - 1);
                doc.sentences[at.saturating_sub(1)]
                    .span
                    .cover(doc.sentences[last].span)
            }
            Scope::Paragraph => doc.copy.blocks[doc.sentences[at].block].span,
        };
        let text = reach.of(doc.text()).to_lowercase();
        words.iter().any(|w| contains_word(&text, w))
    }

    pub(super) fn text(&self, span: Span) -> &str {
        span.of(self.analysis.document.text())
    }

    pub(super) fn path(&self) -> &str {
        &self.analysis.file.path
    }
}

/// A phrase match: the index of the rule it serves, its role there, and where it is.
pub(super) type Hit = (usize, Role, Span);

/// A phrase match as the pack's automaton reports it: where it starts and ends, and the rules it serves.
pub(super) type PhraseMatch<'p> = (usize, usize, &'p [Target]);

/// Every phrase match in the file with the rule and role it serves, less the matches a rule's own
/// exceptions cover; and those exceptions, for the rule's pattern matches.
pub(super) fn phrase_hits<'p>(
    matches: impl IntoIterator<Item = PhraseMatch<'p>>,
) -> (Vec<Hit>, Vec<(usize, Span)>) {
    let mut hits = Vec::new();
    let mut exceptions: Vec<(usize, Span)> = Vec::new();
    for (start, end, targets) in matches {
        for target in targets {
            let span = Span::new(start, end);
            match target.role {
                Role::Exception => exceptions.push((target.rule, span)),
                role => hits.push((target.rule, role, span)),
            }
        }
    }
    hits.retain(|&(r, _, span)| !excepted(&exceptions, r, span));
    (hits, exceptions)
}

/// Whether an exception of rule `rule` overlaps the match (exceptions are few, so a scan will do).
pub(super) fn excepted(exceptions: &[(usize, Span)], rule: usize, span: Span) -> bool {
    exceptions
        .iter()
        .any(|&(r, e)| r == rule && e.overlaps(span))
}

/// `Email Systems` is a name, not a spelling of `email`: a capital that does not open the sentence, or
/// that another capitalised word follows, belongs to a name.
pub(super) fn is_name_use(cx: &Context, span: Span) -> bool {
    let found = cx.text(span);
    let doc = &cx.analysis.document;
    let sentence_start = doc
        .sentence_at(span.start)
        .is_some_and(|s| doc.sentences[s].span.start == span.start);
    let next_is_capitalised = doc.text()[span.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    found.starts_with(|c: char| c.is_uppercase())
        && found.chars().any(char::is_lowercase)
        && (!sentence_start || next_is_capitalised)
}

/// A diagnostic for `rule` at `span`, the placeholders of its message and help filled from `values`.
pub(super) fn diagnostic(
    rule: &Rule,
    cx: &Context,
    span: Span,
    values: &[(&str, &str)],
) -> Diagnostic {
    let fill = |template: &str| {
        values
            .iter()
            .fold(template.to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), &one_line(value))
            })
    };
    let message = fill(&rule.message.0);
    let id = RuleId {
        code: &rule.code.0,
        name: &rule.name.0,
        severity: rule.severity,
    };
    Diagnostic::new(id, message, Label::new(cx.path(), span, "")).with_help(fill(rule.help.trim()))
}

/// `word` (lower case) in `text` (lower case) with no letter either side, judged at each place
/// `match_indices` finds it (leftmost, not overlapping). The scan jumps to each place the word's first
/// byte is: a source or a sentence is short, and building a substring searcher for every word of
/// every question cost more than the search.
pub(super) fn contains_word(text: &str, word: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), word.as_bytes());
    let Some(&first) = needle.first() else {
        return text
            .match_indices(word)
            .any(|(at, _)| crate::grammar::lexicon::on_word_boundaries(text, at, at));
    };
    let mut from = 0;
    while let Some(found) = memchr::memchr(first, &hay[from..]) {
        let at = from + found;
        if hay[at..].starts_with(needle) {
            if crate::grammar::lexicon::on_word_boundaries(text, at, at + needle.len()) {
                return true;
            }
            from = at + needle.len();
        } else {
            from = at + 1;
        }
    }
    false
}

/// The runs of word characters in a text (the characters `on_word_boundaries` joins), so that asking
/// whether a word is written somewhere costs a lookup, not a scan of the whole file: a scan per
/// question made a long file quadratic.
struct Words<'a> {
    text: &'a str,
    runs: HashSet<&'a str>,
    /// Answers for words with a non-word character in them (`u.s.`), which the runs alone cannot give.
    scanned: RefCell<HashMap<String, bool>>,
}

impl<'a> Words<'a> {
    fn of(text: &'a str) -> Words<'a> {
        let runs = text
            .split(|c: char| !joins(c))
            .filter(|run| !run.is_empty())
            .collect();
        Words {
            text,
            runs,
            scanned: RefCell::new(HashMap::default()),
        }
    }

    /// A match on word boundaries begins a run of word characters, and that run is exactly the word's
    /// own leading run: so a word whose leading run is not in the text is nowhere in it.
    fn has(&self, word: &str) -> bool {
        let head = &word[..word.find(|c: char| !joins(c)).unwrap_or(word.len())];
        if !head.is_empty() && !self.runs.contains(head) {
            return false;
        }
        if head.len() == word.len() {
            return true;
        }
        *self
            .scanned
            .borrow_mut()
            .entry(word.to_string())
            .or_insert_with(|| written(self.text, word))
    }
}

/// Searches of the text a `Context` answers before it indexes the copy's words: a few searches of a
/// short article cost less than the index, and the bound keeps a long file linear.
const SEARCHES_BEFORE_INDEX: usize = 8;

/// Whether `text` has `word` on word boundaries, by a search of it (an empty word is in every text,
/// as the index answers).
fn written(text: &str, word: &str) -> bool {
    word.is_empty()
        || memchr::memmem::find_iter(text.as_bytes(), word.as_bytes())
            .any(|at| crate::grammar::lexicon::on_word_boundaries(text, at, at + word.len()))
}

/// The contents of a file's attributions, sorted by start, with the longest one's length.
struct Contents {
    /// (start, end, attribution index).
    by_start: Vec<(usize, usize, usize)>,
    longest: usize,
}

impl Contents {
    fn of(attributions: &[Attribution]) -> Contents {
        let mut by_start: Vec<(usize, usize, usize)> = attributions
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.content.map(|c| (c.start, c.end, i)))
            .collect();
        by_start.sort_unstable();
        let longest = by_start.iter().map(|&(s, e, _)| e - s).max().unwrap_or(0);
        Contents { by_start, longest }
    }

    /// The indices of the attributions whose content holds `span`: such a content starts at or
    /// before it, and no further back than the longest content's length from its end.
    fn holding(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .by_start
            .partition_point(|&(s, _, _)| s < span.end.saturating_sub(self.longest));
        let to = self.by_start.partition_point(|&(s, _, _)| s <= span.start);
        self.by_start[from..to.max(from)]
            .iter()
            .filter(move |&&(_, e, _)| span.end <= e)
            .map(|&(_, _, i)| i)
    }
}

/// The characters that make a word with their neighbours, as `on_word_boundaries` reads them.
fn joins(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::lexicon::on_word_boundaries;

    #[test]
    fn contains_word_judges_the_places_match_indices_finds() {
        let by_match_indices = |text: &str, word: &str| {
            text.match_indices(word)
                .any(|(at, _)| on_word_boundaries(text, at, at + word.len()))
        };
        // BBC politics copy, `people familiar with`; and a word found first where it overlaps a
        // later place on word boundaries, which `match_indices` never reaches.
        let cases = [
            ("people familiar with the talks", "familiar with"),
            ("germany's foreign ministry", "many"),
            ("many democrats", "many"),
            ("ba a a", "a a"),
            ("", "some"),
            ("some—all", "some"),
            ("it’s some", "some"),
            ("some", ""),
        ];
        for (text, word) in cases {
            assert_eq!(
                contains_word(text, word),
                by_match_indices(text, word),
                "{word} in {text}"
            );
        }
        assert!(!contains_word("ba a a", "a a"));
    }

    #[test]
    fn a_word_is_written_as_a_scan_of_the_text_finds_it() {
        // BBC business copy: `Crime` opens a sentence; `crime` in lower case comes later.
        let text = "Crime figures rose. The crime-rate fell, u.s. officials said.";
        let words = Words::of(text);
        let scan = |word: &str| {
            text.match_indices(word)
                .any(|(at, _)| on_word_boundaries(text, at, at + word.len()))
        };
        let asked = [
            "crime",
            "crime-rate",
            "figures",
            "figure",
            "fell,",
            "u.s.",
            "u.s",
            "u",
            "s.",
            "officials",
            "Officials",
            "said.",
            ".",
            "rate",
        ];
        for word in asked {
            assert_eq!(words.has(word), scan(word), "{word}");
            assert_eq!(written(text, word), scan(word), "{word}");
        }
        assert!(!words.has("crime"), "only inside `crime-rate`");
        assert!(words.has("u.s."));
    }
}
