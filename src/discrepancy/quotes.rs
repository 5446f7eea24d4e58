//! NL101 quote-drift and NL102 quote-two-speakers: the same words quoted twice with differences, or
//! given to two speakers. Quotations are indexed by word shingles, so only quotations that share
//! wording are compared; each pair is aligned word by word.

use super::alignment::{
    Alignment, Edit, Vocabulary, Word, align, count_words, describe, quoted_words,
};
use super::recurring::Recurring;
use super::{Compare, Discrepancy, Story, Thresholds};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::grammar::Attribution;
use crate::grammar::name::person_name;
use crate::grammar::words::{ROLE_WORDS, is_capitalised};
use crate::registry::Builtin;
use crate::span::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub const DISCREPANCY: Discrepancy = Discrepancy {
    rules: &[QUOTE_DRIFT, TWO_SPEAKERS],
    compare: Compare::Story(compare),
};

pub const QUOTE_DRIFT: Builtin = Builtin {
    code: "NL101",
    name: "quote-drift",
    severity: Severity::Warning,
    summary: "One speaker quoted two ways",
    explanation: "\
## What it does
Finds two renderings of the same quotation (in one draft, or across the drafts of a story with
`--story`) that differ: a word changed, added or dropped, or a hyphenation. It aligns the two word by
word and says what differs. The words they share must be most of the shorter quotation or a whole
sentence of one of them: two different remarks of one speaker that share a phrase are not drift. A
partial quote that is word for word part of the other is not drift, nor are typographic differences
(curly or straight quotes, dashes, ellipses) or bracketed insertions.

## Why is this bad?
A quotation promises the speaker's exact words. If two drafts quote them differently, at least one is
wrong, and a reader who sees both stops trusting either.

## Example
    “The two leaders agreed this is of substantial hindrance.”                (seed 000)
    “The two leaders agreed that this is a substantial hindrance ...”         (seed 004)
",
};

pub const TWO_SPEAKERS: Builtin = Builtin {
    code: "NL102",
    name: "quote-two-speakers",
    severity: Severity::Warning,
    summary: "One quotation given to two speakers",
    explanation: "\
## What it does
Finds the same quotation attributed to two different named speakers (a pronoun or a description such
as `the secretary` is not counted as naming anyone).

## Why is this bad?
The words cannot belong to both. Check the recording or the notes before publishing either.
",
};

fn compare(story: &Story) -> Vec<Diagnostic> {
    check(story.drafts, story.limits)
}

/// A quotation as compared: where it is, the attribution giving its speaker, and its words in a
/// typography-free form. A story full of quotations holds one of these for each (48 bytes and its
/// words): who said it is read from the attribution when a pair is compared.
struct Quoted<'a> {
    analysis: &'a Analysis,
    span: Span,
    attribution: Option<&'a Attribution>,
    /// Its words, numbered in the story's vocabulary.
    words: Box<[Word]>,
}

impl<'a> Quoted<'a> {
    fn path(&self) -> &'a str {
        &self.analysis.file.path
    }

    fn speaker(&self) -> Option<&'a str> {
        self.attribution.and_then(|a| a.speaker.as_deref())
    }

    /// The person the source names (not `he` or `the secretary`, resolved from the copy before it).
    fn source_name(&self) -> Option<&'a str> {
        let source = self.attribution?.source?;
        person_name(source.of(self.analysis.document.text()))
    }
}

/// Words per shingle, and shingles two quotations must share to be compared.
const SHINGLE: usize = 3;
/// The surnames of people the story names in full as sources (`press secretary Joe Lockhart`) or
/// after a title (`President Clinton`).
fn surnames<'a>(story: &[&'a Analysis]) -> HashSet<&'a str> {
    let mut out = HashSet::default();
    for analysis in story {
        let view = analysis.document.text();
        out.extend(analysis.attributions.iter().filter_map(|a| {
            let name = person_name(a.source?.of(view))?;
            let mut words = name.split_whitespace();
            let last = words.next_back()?;
            words.next().is_some().then_some(last)
        }));
        // Each word with the one before it, read as the text is split (a list of a long file's words
        // was the largest thing a check held).
        let mut words = view.split_whitespace();
        let mut before = words.next();
        for word in words {
            let title = before.replace(word).unwrap_or_default();
            let titled = is_capitalised(title) && ROLE_WORDS.contains_lowercased(title);
            let name = word.trim_end_matches([',', '.', ';', ':']);
            if titled && is_capitalised(name) {
                out.insert(name);
            }
        }
    }
    out
}

/// Sentences either side of a quotation where the attribution giving its speaker may stand.
const ATTRIBUTION_REACH: usize = 3;

/// The first attribution (in the analysis's order) whose content overlaps `span`, looked for among the
/// attributions of nearby sentences (`by_sentence`: attribution indices sorted by sentence).
fn attribution_of<'a>(
    analysis: &'a Analysis,
    by_sentence: &[usize],
    span: Span,
) -> Option<&'a Attribution> {
    let doc = &analysis.document;
    let first = doc.sentences.partition_point(|s| s.span.end <= span.start);
    let last = doc.sentences.partition_point(|s| s.span.start < span.end);
    let sentence_of = |i: &usize| analysis.attributions[*i].sentence;
    let from = by_sentence.partition_point(|i| sentence_of(i) + ATTRIBUTION_REACH < first);
    let to = by_sentence.partition_point(|i| sentence_of(i) <= last + ATTRIBUTION_REACH);
    by_sentence[from..to.max(from)]
        .iter()
        .copied()
        .filter(|&i| {
            analysis.attributions[i]
                .content
                .is_some_and(|c| c.overlaps(span))
        })
        .min()
        .map(|i| &analysis.attributions[i])
}

fn quotations<'a>(
    story: &[&'a Analysis],
    min_words: usize,
    vocabulary: &mut Vocabulary,
) -> Vec<Quoted<'a>> {
    let mut out = Vec::new();
    for analysis in story {
        let doc = &analysis.document;
        let mut by_sentence: Vec<usize> = (0..analysis.attributions.len()).collect();
        by_sentence.sort_by_key(|&i| analysis.attributions[i].sentence);
        for (_, q) in doc.quotations() {
            let inner = q.inner.of(analysis.document.text());
            // Most quotations are a few words or in a heading: counted before any word is built.
            if doc.is_heading(q.block) {
                continue;
            }
            let counted = count_words(inner);
            if counted < min_words {
                continue;
            }
            let words = quoted_words(inner, counted, vocabulary);
            if words.len() < min_words {
                continue; // cut to the words compared
            }
            out.push(Quoted {
                analysis,
                span: q.span,
                attribution: attribution_of(analysis, &by_sentence, q.span),
                words,
            });
        }
    }
    out
}

/// Pairs of quotations that share at least two shingles, each pair once.
fn candidate_pairs(quoted: &[Quoted]) -> Vec<(usize, usize)> {
    let lists = sharing(quoted);
    // Most pairs share one shingle (a long file's quotations made 190,000 pairs, 18,000 sharing
    // two): only those that may share two are counted, in twelve bytes a pair.
    let count = lists.iter().map(|l| l.len() * (l.len() - 1) / 2);
    let mut recurring = Recurring::new(count.sum());
    lists
        .iter()
        .flat_map(|l| pairs_in(l))
        .for_each(|p| recurring.note(&p));
    let mut shared: HashMap<(u32, u32), u32> = HashMap::default();
    for pair in lists.iter().flat_map(|l| pairs_in(l)) {
        if recurring.may_recur(&pair) {
            let count = shared.entry(pair).or_default();
            *count = count.saturating_add(1);
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|((a, b), _)| (a as usize, b as usize))
        .collect();
    pairs.sort();
    pairs
}

/// Each pair of the quotations of a list, in order.
fn pairs_in(list: &[u32]) -> impl Iterator<Item = (u32, u32)> + '_ {
    list.iter()
        .enumerate()
        .flat_map(move |(n, &a)| list[n + 1..].iter().map(move |&b| (a, b)))
}

/// Quotations a shingle may occur in and still say two of them are one: a shingle in more is a stock
/// phrase (or a paragraph repeated), and pairing all its quotations would be quadratic.
const MOST_SHARED: usize = 16;

/// What the index holds for a shingle: the one quotation it is in (a number under `LISTED`), the
/// place of its list of quotations (`LISTED` and the place), or `COMMON`.
const LISTED: u32 = 1 << 31;
const COMMON: u32 = u32::MAX;

/// For each shingle in two to `MOST_SHARED` quotations, those quotations in order, each once. Only a
/// shingle that may occur twice (`Recurring`: most occur once) is indexed, once, in sixteen bytes,
/// and only a shingle found in two or more quotations has a list (a map from every shingle to a
/// list of quotations was the largest thing a long file's check held; a list of every shingle where
/// it stands, sorted, was as large as a file of one quotation repeated).
/// Quotations past the two-billionth, in a file of tens of gigabytes, are not indexed.
fn sharing(quoted: &[Quoted]) -> Vec<Vec<u32>> {
    let count = quoted
        .iter()
        .map(|q| q.words.len().saturating_sub(SHINGLE - 1));
    let mut recurring = Recurring::new(count.sum());
    quoted
        .iter()
        .flat_map(shingles)
        .for_each(|s| recurring.note(&s));
    let mut index: HashMap<[u32; SHINGLE], u32> = HashMap::default();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    for (i, q) in quoted.iter().enumerate() {
        let Some(i) = u32::try_from(i).ok().filter(|&i| i < LISTED) else {
            break;
        };
        for shingle in shingles(q) {
            if !recurring.may_recur(&shingle) {
                continue; // in one quotation once: it pairs nothing
            }
            let slot = index.entry(shingle).or_insert(i);
            if *slot == i || *slot == COMMON {
                continue; // new, or seen in this quotation, or a stock phrase
            }
            if *slot < LISTED {
                let first = *slot;
                match u32::try_from(lists.len()) {
                    Ok(at) if at < COMMON & !LISTED => {
                        *slot = LISTED | at;
                        lists.push(vec![first, i]);
                    }
                    _ => *slot = COMMON,
                }
                continue;
            }
            let list = &mut lists[(*slot & !LISTED) as usize];
            if list.last() == Some(&i) {
                continue;
            }
            if list.len() == MOST_SHARED {
                *slot = COMMON;
                *list = Vec::new();
            } else {
                list.push(i);
            }
        }
    }
    lists.retain(|l| !l.is_empty());
    lists
}

/// Each run of `SHINGLE` words of a quotation, by their numbers.
fn shingles<'q>(q: &'q Quoted) -> impl Iterator<Item = [u32; SHINGLE]> + 'q {
    q.words
        .windows(SHINGLE)
        .map(|w| std::array::from_fn(|k| w[k].id()))
}

/// Whether the words `range` of `q` make up whole sentences of it.
fn whole_sentence(q: &Quoted, range: Option<(usize, usize)>) -> bool {
    range.is_some_and(|(first, last)| {
        let starts = first == 0 || q.words[first - 1].ends_sentence();
        let ends = last + 1 == q.words.len() || q.words[last].ends_sentence();
        starts && ends
    })
}

/// `part` appears word for word, in one piece, inside `whole`.
fn is_part_of(part: &[Word], whole: &[Word]) -> bool {
    part.is_empty() || whole.windows(part.len()).any(|w| w == part)
}

fn same_speaker_opt(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_speaker(a, b),
        _ => true,
    }
}

fn two_speakers(first: &Quoted, second: &Quoted) -> Diagnostic {
    let (x, y) = (
        first.speaker().unwrap_or("someone"),
        second.speaker().unwrap_or("someone"),
    );
    Diagnostic::new(
        TWO_SPEAKERS.id(),
        format!("The same quotation is given to `{y}` and to `{x}`"),
        Label::new(
            second.path(),
            second.span,
            format!("attributed to {y} here"),
        ),
    )
    .with_secondary(Label::new(
        first.path(),
        first.span,
        format!("attributed to {x} here"),
    ))
    .with_help("Check the recording or notes: who said these words?")
}

/// Two speakers are one person when their last names agree (`Rex Tillerson`, `Tillerson`).
fn same_speaker(a: &str, b: &str) -> bool {
    let last = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_lowercase();
    last(a) == last(b)
}

/// `he` and `the secretary` refer back to someone, `Democrats` and `Cyprus` are no one person: a
/// source names a speaker when it holds a person's first and last name, or the surname of someone the
/// story names in full (`Clinton`). The story's surnames are gathered the first time they are needed.
fn names_a_person<'a>(
    q: &Quoted,
    surnames: &mut Option<HashSet<&'a str>>,
    story: &[&'a Analysis],
) -> bool {
    q.source_name().is_some_and(|name| {
        name.split_whitespace().count() >= 2
            || surnames
                .get_or_insert_with(|| self::surnames(story))
                .contains(name)
    })
}

pub(super) fn check(story: &[&Analysis], limits: &Thresholds) -> Vec<Diagnostic> {
    let mut surnames = None;
    let mut vocabulary = Vocabulary::default();
    let quoted = quotations(story, limits.quote_min_words, &mut vocabulary);
    let mut out = Vec::new();
    for (a, b) in candidate_pairs(&quoted) {
        let (first, second) = (&quoted[a], &quoted[b]);
        let (shorter, longer) = if first.words.len() <= second.words.len() {
            (first, second)
        } else {
            (second, first)
        };
        if is_part_of(&shorter.words, &longer.words) {
            // A partial quote of the other, word for word: the same speaker, or given to another.
            let long_enough = shorter.words.len() >= limits.two_speakers_min_words;
            if long_enough
                && names_a_person(first, &mut surnames, story)
                && names_a_person(second, &mut surnames, story)
                && !same_speaker_opt(first.speaker(), second.speaker())
            {
                out.push(two_speakers(first, second));
            }
            continue;
        }
        let Alignment {
            common,
            window,
            edits,
            in_a: in_shorter,
            in_b: in_longer,
        } = align(&shorter.words, &longer.words, |&w| vocabulary.text(w));
        // Where the two renderings overlap, they must be mostly the same words with small differences
        // (either may go on beyond the overlap: `The two leaders agreed … hindrance ...`), and the
        // overlap must be most of the shorter one or a whole sentence of either: two remarks of one
        // speaker share phrases too.
        let edited: usize = edits.iter().map(Edit::words).sum();
        let largest = edits.iter().map(Edit::words).max().unwrap_or(0);
        let one_remark = common * 10 >= shorter.words.len() * 7
            || whole_sentence(shorter, in_shorter)
            || whole_sentence(longer, in_longer);
        if window < limits.quote_min_overlap
            || common * 10 < window * 7
            || !one_remark
            || edited * 10 > window * 3
            || largest > limits.quote_max_edit_words
        {
            continue;
        }
        let label = |q: &Quoted, text: &str| Label::new(q.path(), q.span, text);
        match (first.speaker(), second.speaker()) {
            (Some(x), Some(y)) if !same_speaker(x, y) => {}
            (speaker_a, speaker_b) if !edits.is_empty() => {
                let who = speaker_b
                    .or(speaker_a)
                    .map_or(String::new(), |s| format!(" of {s}"));
                out.push(
                    Diagnostic::new(
                        QUOTE_DRIFT.id(),
                        format!(
                            "Quotation{who} differs from another rendering: {}",
                            describe(&edits)
                        ),
                        label(second, "quoted this way here"),
                    )
                    .with_secondary(label(first, "and this way here"))
                    .with_help("Quote the words as they were said, the same way each time"),
                );
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drift(drafts: &[&str]) -> Vec<String> {
        let analysed = super::super::analysed(drafts);
        let refs: Vec<&Analysis> = analysed.iter().collect();
        check(&refs, &Thresholds::default())
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn two_remarks_sharing_a_phrase_are_not_one_quotation() {
        // BBC News sport-155: Benitez says much the same thing twice, in two different sentences.
        assert!(
            drift(&["\"For me it was not Jerzy Dudek's fault,\" added Benitez. \"He had played a very good game - and had we scored our other chances, nobody would be talking about about their goal. It would not have mattered. \"If we had scored our other chances it would not have been worth remembering that last goal. \"In my opinion Jerzy played well, made two very fine saves - and I am happy with him. \""])
                .is_empty()
        );
    }

    /// The pairs of quotations compared, each quotation numbered by its draft.
    fn pairs(drafts: &[&str]) -> Vec<(usize, usize)> {
        let analysed = super::super::analysed(drafts);
        let refs: Vec<&Analysis> = analysed.iter().collect();
        let quoted = quotations(
            &refs,
            Thresholds::default().quote_min_words,
            &mut Vocabulary::default(),
        );
        assert_eq!(quoted.len(), drafts.len(), "one quotation a draft");
        candidate_pairs(&quoted)
    }

    #[test]
    fn quotations_sharing_wording_are_paired_and_a_stock_phrase_pairs_none() {
        // Seeds 000 and 004 share a sentence; seed 002's quotation shares none of it.
        let agreed = "“The two leaders agreed this is of substantial hindrance.”";
        let drifted = "“The two leaders agreed that this is a substantial hindrance ...”";
        let other = "“The two leaders, I would say, connected very quickly.”";
        assert_eq!(pairs(&[agreed, other, drifted]), [(0, 2)]);
        // In more quotations than `MOST_SHARED`, the sentence is a stock phrase: compared with
        // none, or every copy would be compared with every other.
        let many = vec![agreed; MOST_SHARED + 1];
        assert_eq!(pairs(&many), []);
        assert_eq!(
            pairs(&many[..MOST_SHARED]).len(),
            MOST_SHARED * (MOST_SHARED - 1) / 2
        );
    }

    #[test]
    fn one_sentence_quoted_two_ways_inside_longer_quotations_is_drift() {
        // Seeds 000 and 004: the shared sentence is whole in 000's quotation.
        let found = drift(&[
            "“The two leaders agreed this is of substantial hindrance. They agreed to exchange further work regarding commitments of noninterference in the affairs of the U.S. and our democratic process as well as other countries.”",
            "\"The president pressed President Putin, on more than one occasion, regarding Russian involvement. President Putin denied such involvement, as I think he has in the past. The two leaders agreed that this is a substantial hindrance ... \"",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("`that` added"), "{found:?}");
    }
}
