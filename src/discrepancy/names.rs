//! NL103 name-variant and NL104 title-conflict: one person's name spelled two ways (`Sergey Lavrov` /
//! `Sergei Lavrov`), or one person given two titles (`Foreign Minister` / `Foreign Secretary`), inferred
//! from the copy itself. Names are indexed by their parts, so only names sharing a first or last name
//! are compared.

use super::{Compare, Discrepancy, Story, Thresholds};
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::grammar::words::{
    CLAUSE_OPENERS, DETERMINERS, ORGANISATION_WORDS, ROLE_WORDS, STOP_WORDS, TITLE_WORDS, WordSet,
    is_capitalised,
};
use crate::registry::Builtin;
use crate::span::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

pub const DISCREPANCY: Discrepancy = Discrepancy {
    rules: &[NAME_VARIANT, TITLE_CONFLICT],
    compare: Compare::Story(compare),
};

pub const NAME_VARIANT: Builtin = Builtin {
    code: "NL103",
    name: "name-variant",
    severity: Severity::Warning,
    summary: "One person's name spelled two ways",
    explanation: "\
## What it does
Finds two full names that agree in one part and spell the other two ways (`Sergey Lavrov` and `Sergei
Lavrov`, `Volodymyr Zelensky` and `Volodymyr Zelenskyy`), inferred from the copy: no list of names to
declare. People who share a surname (`Donald Trump`, `Melania Trump`) are not variants.

## Why is this bad?
A name spelled two ways looks careless and can look like two people. Transliterated names need one
house spelling.
",
};

pub const TITLE_CONFLICT: Builtin = Builtin {
    code: "NL104",
    name: "title-conflict",
    severity: Severity::Warning,
    summary: "One person given two titles",
    explanation: "\
## What it does
Finds one person (by full name) given two titles where neither is a shortening of the other:
`Foreign Minister Sergey Lavrov` and `Foreign Secretary Sergey Lavrov`. Nationality words do not
count (`Russian Foreign Minister` is `Foreign Minister`).

## Why is this bad?
A wrong title misinforms about who speaks with what authority.
",
};

fn compare(story: &Story) -> Vec<Diagnostic> {
    check(story.drafts, story.names(), story.limits)
}

/// A full name where it stands, with the title written before it. Eighty bytes, its words in place:
/// a long file mentions names by the hundred thousand, all held while they are compared.
pub(super) struct Mention<'a> {
    pub(super) name: Name<'a>,
    pub(super) span: Span,
    /// Most names are written without a title.
    title: Option<Box<Title<'a>>>,
    /// The draft's place in the story.
    draft: usize,
}

/// A name's two or three words (a third word empty for a name of two).
pub(super) struct Name<'a>([&'a str; 3]);

impl<'a> std::ops::Deref for Name<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        let len = if self.0[2].is_empty() { 2 } else { 3 };
        &self.0[..len]
    }
}

/// A title's words and where it stands.
type Title<'a> = (Box<[&'a str]>, Span);

/// Words that make a capitalised run an organisation or a group, not a titled person.
static GROUP_WORDS: WordSet = WordSet::new(&[
    "band",
    "tribe",
    "tribes",
    "nation",
    "nations",
    "club",
    "team",
    "league",
    "federation",
]);

/// Capitalised runs in the copy, split into a title (title words) and a name of two or three words.
/// Punctuation and opening quotation marks end a run.
pub(super) fn mentions<'a>(analysis: &'a Analysis, draft: usize) -> Vec<Mention<'a>> {
    let view = analysis.document.text();
    let mut out = Vec::new();
    // One buffer for every sentence's runs: `flush` empties it at each run's end.
    let mut run: Vec<(usize, &str)> = Vec::new();
    for sentence in &analysis.document.sentences {
        let text = sentence.span.of(view);
        let mut at = 0;
        while at < text.len() {
            if run.is_empty() {
                // No run is open: a piece that starts none changes nothing, so the pieces before
                // the next capital that starts one are passed at once (most copy is lower case).
                let Some(start) = next_run_start(text, at) else {
                    break;
                };
                at = start;
            }
            let piece = crate::copy::pieces(&text[at..]).next().unwrap_or_default();
            read_piece(
                piece,
                view,
                sentence.span.start + at,
                draft,
                &mut run,
                &mut out,
            );
            at += piece.len();
        }
        flush(&mut run, draft, &mut out);
    }
    // Held through every discrepancy check of the story: up to half a grown list's room is unused
    // (12 MB of a check of the corpus as one file).
    out.shrink_to_fit();
    out
}

/// Marks that open a piece of copy before its word.
const OPENERS: &[char] = &['“', '"', '(', '‘', '[', '\''];
/// Marks that close a piece of copy after its word.
const CLOSERS: &[char] = &[',', ';', ':', '.', '”', '"', ')', '’', ']', '?', '!', '\''];

/// Where the next piece of `text` from `from` (a piece's start) begins whose word, after its opening
/// marks, is capitalised: a capital found by its byte, then the piece it begins read back.
fn next_run_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(found) = bytes[i..]
        .iter()
        .position(|&b| b.is_ascii_uppercase() || b >= 0xC0)
    {
        let at = i + found;
        if is_capitalised(&text[at..]) {
            let start = from + text[from..at].trim_end_matches(OPENERS).len();
            if start == from || crate::copy::ends_piece(bytes[start - 1]) {
                return Some(start);
            }
        }
        i = at + 1;
    }
    None
}

/// One piece of copy (a word and its marks, and the white space after it) at `offset` in `view`:
/// a capitalised word (or an `of` inside a name) goes on the run, anything else ends it.
fn read_piece<'a>(
    piece: &str,
    view: &'a str,
    offset: usize,
    draft: usize,
    run: &mut Vec<(usize, &'a str)>,
    out: &mut Vec<Mention<'a>>,
) {
    let token = piece.trim_end();
    // Most tokens start and end with a letter or digit: nothing to trim, no mark to decode.
    let opened = match token.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => token,
        _ => token.trim_start_matches(OPENERS),
    };
    let core = match opened.as_bytes().last() {
        Some(b) if b.is_ascii_alphanumeric() => opened,
        _ => opened.trim_end_matches(CLOSERS),
    };
    let at = offset + (token.len() - opened.len());
    if opened.len() < token.len() {
        flush(run, draft, out);
    }
    if !core.is_empty() && (is_capitalised(core) || (core == "of" && !run.is_empty())) {
        run.push((at, &view[at..at + core.len()]));
    } else {
        flush(run, draft, out);
    }
    // `Edward M. Kennedy`: an initial's period does not end the name.
    let initial = core.len() == 1 && core.chars().all(char::is_uppercase) && opened.ends_with('.');
    if core.len() < opened.len() && !initial {
        flush(run, draft, out);
    }
}

/// Turns a capitalised run into a mention if it ends in a person's name, and empties the run (its
/// buffer serves the next).
fn flush<'a>(run: &mut Vec<(usize, &'a str)>, draft: usize, out: &mut Vec<Mention<'a>>) {
    // Most words end no run (the run is empty): nothing to read.
    if !run.is_empty() {
        out.extend(mention(run, draft));
        run.clear();
    }
}

/// The mention a capitalised run makes, if it ends in a person's name.
fn mention<'a>(run: &[(usize, &'a str)], draft: usize) -> Option<Mention<'a>> {
    // A name is two or three words: most runs are one word, and nothing below can make it a name.
    if run.len() < 2 || run.last().is_some_and(|(_, w)| *w == "of") {
        return None;
    }
    // `Since President …`, `Both Palestinian …`: a capitalised sentence opener is not part of a title.
    let mut words = run;
    while words.first().is_some_and(|(_, w)| {
        STOP_WORDS.contains(w) || DETERMINERS.contains(w) || CLAUSE_OPENERS.contains(w)
    }) {
        words = &words[1..];
    }
    let name_start = words
        .iter()
        .rposition(|(_, w)| TITLE_WORDS.contains(w))
        .map_or(0, |i| i + 1);
    let name = &words[name_start..];
    // Each test below only refuses the run, so the cheapest go first: the name's length, then its
    // words, then the whole run's.
    let plausible = (2..=3).contains(&name.len())
        && name.iter().all(|(_, w)| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && !w.ends_with("’s")
                && !w.ends_with("'s")
                && !STOP_WORDS.contains(w)
                && !DETERMINERS.contains(w)
        });
    let organisation = |w: &str| ORGANISATION_WORDS.contains(w) || GROUP_WORDS.contains(w);
    // `National Congress of American Indians`: an organisation, not a titled person.
    if !plausible || words.iter().any(|(_, w)| organisation(w)) {
        return None;
    }
    let span = Span::new(
        name[0].0,
        name[name.len() - 1].0 + name[name.len() - 1].1.len(),
    );
    let has_role = words[..name_start]
        .iter()
        .any(|(_, w)| ROLE_WORDS.contains_lowercased(w));
    let title = (name_start > 0 && has_role).then(|| {
        let t = &words[..name_start];
        Box::new((
            t.iter().map(|(_, w)| *w).collect(),
            Span::new(t[0].0, t[t.len() - 1].0 + t[t.len() - 1].1.len()),
        ))
    });
    let word = |i: usize| name.get(i).map_or("", |(_, w)| *w);
    Some(Mention {
        name: Name([word(0), word(1), word(2)]),
        span,
        title,
        draft,
    })
}

/// Levenshtein distance, for short words.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// `Sergey`/`Sergei`, `Zelensky`/`Zelenskyy`: the same word spelled two ways, not two names. Short
/// names two letters apart are usually two names (`Hart`/`Hall`), so they may differ by one.
fn spelled_two_ways(a: &str, b: &str, max_edits: usize) -> bool {
    let shortest = a.chars().count().min(b.chars().count());
    let (lower_a, lower_b) = (a.to_lowercase(), b.to_lowercase());
    // `Phil`/`Philip`: a short form is the same name.
    let short_form = lower_a.starts_with(&lower_b) || lower_b.starts_with(&lower_a);
    let max_edits = if shortest <= 5 && !short_form {
        max_edits.min(1)
    } else {
        max_edits
    };
    lower_a != lower_b
        && shortest >= 4
        && a.chars().next() == b.chars().next()
        && distance(&lower_a, &lower_b) <= max_edits
}

/// `names` holds each draft's name mentions, in story order.
pub(super) fn check(
    story: &[&Analysis],
    names: &[Vec<Mention>],
    limits: &Thresholds,
) -> Vec<Diagnostic> {
    let all: Vec<&Mention> = names.iter().flatten().collect();
    let path = |m: &Mention| story[m.draft].file.path.as_str();
    let mut out = variants(story, &all, path, limits.name_max_edits);
    out.extend(titles(&all, path));
    out
}

/// Which of the names `asked` the copy shows to be people: a speaker or source of an attribution, or
/// a name with a job title. (`South Africa` and `Wetland Protection` are capitalised pairs too.) Only
/// the names asked are kept: every source and speaker of a long file was 53,000 strings.
fn people<'a>(
    story: &[&Analysis],
    all: &[&Mention],
    asked: impl Iterator<Item = &'a [&'a str]>,
) -> HashSet<String> {
    let mut asked: HashSet<String> = asked.map(|name| name.join(" ")).collect();
    let mut people = HashSet::default();
    let mut shown = |name: String| {
        if let Some(name) = asked.take(&name) {
            people.insert(name);
        }
    };
    for m in all.iter().filter(|m| m.title.is_some()) {
        shown(m.name.join(" "));
    }
    for analysis in story {
        for a in &analysis.attributions {
            let source = a.source.map(|s| s.of(analysis.document.text()));
            for name in source.into_iter().chain(a.speaker.as_deref()) {
                let words: Vec<&str> = name.split_whitespace().collect();
                for n in 2..=3.min(words.len()) {
                    shown(words[words.len() - n..].join(" "));
                }
            }
        }
    }
    people
}

/// Two full names of the same length, both shown to be people, that agree in one part and spell the
/// other two ways (letter case alone is not a second spelling).
fn variants<'a>(
    story: &[&Analysis],
    all: &[&Mention],
    path: impl Fn(&Mention) -> &'a str,
    max_edits: usize,
) -> Vec<Diagnostic> {
    // First use of each distinct spelling, grouped by first name and by last name.
    let mut first_use: BTreeMap<&[&str], usize> = BTreeMap::new();
    for (i, m) in all.iter().enumerate() {
        first_use.entry(&*m.name).or_insert(i);
    }
    let parts = Parts::of(all, first_use.values().copied());
    // Who the story's people are is asked only of two spellings alike (most stories have none), and
    // only of spellings that share a part with another.
    let mut people = None;
    let mut person = |m: &Mention| {
        people
            .get_or_insert_with(|| self::people(story, all, parts.shared(all)))
            .contains(&m.name.join(" "))
    };
    let mut reported: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for list in parts.lists() {
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                let (x, y) = (&all[a], &all[b]);
                if x.name.len() != y.name.len()
                    || reported.contains(&(a.min(b), a.max(b)))
                    || !person(x)
                    || !person(y)
                {
                    continue;
                }
                let differing: Vec<(&str, &str)> = x
                    .name
                    .iter()
                    .zip(y.name.iter())
                    .filter(|(p, q)| p != q)
                    .map(|(p, q)| (*p, *q))
                    .collect();
                if differing.len() == 1
                    && spelled_two_ways(differing[0].0, differing[0].1, max_edits)
                {
                    reported.push((a.min(b), a.max(b)));
                    let (earlier, later) = if a < b { (x, y) } else { (y, x) };
                    let (e, l) = (earlier.name.join(" "), later.name.join(" "));
                    out.push(
                        Diagnostic::new(
                            NAME_VARIANT.id(),
                            format!("`{l}` is spelled `{e}` elsewhere"),
                            Label::new(path(later), later.span, "spelled this way here"),
                        )
                        .with_secondary(Label::new(
                            path(earlier),
                            earlier.span,
                            "and this way here",
                        ))
                        .with_help("Use one spelling of the name throughout"),
                    );
                }
            }
        }
    }
    out
}

/// The first uses of the spellings of names grouped by one end of the name and the initial of the
/// other (two spellings of one word start alike), each group in the order given. The groups are
/// numbered by a map and their members held in one list sorted by group: a long file's 37,000
/// spellings made 55,000 groups, most of one, and a list each was the largest thing its check held.
struct Parts<'m> {
    groups: HashMap<(usize, &'m str, Option<char>), usize>,
    /// Each group's mentions (indices), group after group.
    members: Vec<usize>,
    /// Where each group's mentions start in `members`, and where the last ends.
    starts: Vec<usize>,
}

impl<'m> Parts<'m> {
    fn of(all: &[&'m Mention], first_uses: impl Iterator<Item = usize>) -> Parts<'m> {
        let initial = |w: &str| w.chars().next();
        let mut groups = HashMap::default();
        let mut grouped: Vec<(usize, usize)> = Vec::new();
        for i in first_uses {
            let name = &all[i].name;
            let (first, last) = (name[0], name[name.len() - 1]);
            for key in [(0, first, initial(last)), (1, last, initial(first))] {
                let next = groups.len();
                grouped.push((*groups.entry(key).or_insert(next), i));
            }
        }
        grouped.sort_by_key(|&(group, _)| group); // stable: each group in the order given
        let mut starts = vec![0; groups.len() + 1];
        for &(group, _) in &grouped {
            starts[group + 1] += 1;
        }
        for g in 1..starts.len() {
            starts[g] += starts[g - 1];
        }
        Parts {
            groups,
            members: grouped.into_iter().map(|(_, i)| i).collect(),
            starts,
        }
    }

    /// The names of the mentions (of `all`) that share a group with another.
    fn shared<'s>(&'s self, all: &'s [&'s Mention]) -> impl Iterator<Item = &'s [&'s str]> {
        self.lists()
            .filter(|list| list.len() > 1)
            .flatten()
            .map(move |&i| &*all[i].name)
    }

    /// Each group's mentions, the groups in the map's order: the order the map of lists this replaced
    /// gave them in, kept so the findings come as before. FxHash has no random seed, so the order is
    /// the same on every run.
    fn lists(&self) -> impl Iterator<Item = &[usize]> {
        self.groups
            .values()
            .map(|&g| &self.members[self.starts[g]..self.starts[g + 1]])
    }
}

/// The job words of a title (`Chief Executive Officer` and `CEO` are one job; `Housing Secretary` and
/// `Urban Development Secretary` name one job two ways, so departments are left out of the comparison).
fn significant(title: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = title
        .iter()
        .flat_map(|w| match w.to_lowercase().as_str() {
            "ceo" => vec![
                "chief".to_string(),
                "executive".to_string(),
                "officer".to_string(),
            ],
            "vice-president" => vec!["vice".to_string(), "president".to_string()],
            other => vec![other.to_string()],
        })
        .filter(|w| ROLE_WORDS.contains(w))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// One person (same full name) given two titles, neither a shortening of the other.
fn titles<'a>(all: &[&Mention], path: impl Fn(&Mention) -> &'a str) -> Vec<Diagnostic> {
    let mut by_person: BTreeMap<String, Vec<&Mention>> = BTreeMap::new();
    for m in all.iter().filter(|m| m.title.is_some()) {
        // Per full name: `Richard Daley` and `William Daley` are two people.
        by_person
            .entry(m.name.join(" ").to_lowercase())
            .or_default()
            .push(m);
    }
    let mut out = Vec::new();
    for mentions in by_person.values() {
        let Some(first) = mentions.first() else {
            continue;
        };
        let first_words = significant(&first.title.as_ref().expect("filtered").0);
        for later in &mentions[1..] {
            let (title, span) = &**later.title.as_ref().expect("filtered");
            let words = significant(title);
            let subset = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
            if words.is_empty()
                || first_words.is_empty()
                || subset(&words, &first_words)
                || subset(&first_words, &words)
            {
                continue;
            }
            let (first_title, first_span) = &**first.title.as_ref().expect("filtered");
            let (this, that) = (title.join(" "), first_title.join(" "));
            out.push(
                Diagnostic::new(
                    TITLE_CONFLICT.id(),
                    format!(
                        "`{}` is called `{this}` here and `{that}` elsewhere",
                        later.name.join(" ")
                    ),
                    Label::new(path(later), *span, "this title"),
                )
                .with_secondary(Label::new(path(first), *first_span, "that title"))
                .with_help("Check the person's title and use it throughout"),
            );
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_starts_at_a_capital_after_opening_marks_and_goes_on_past_an_initial() {
        // BBC entertainment-367 and tech-023.
        let found = crate::discrepancy::analysed(&[
            "This echoed the views of Oscars host and comedian Chris Rock, who whipped up a media \
             storm. \"As Chris Rock accurately said, they're about celebrity and fashion,\" Mr \
             Strauss said. \"To dig the ground and lay the pipes is a bit of a task,\" said Mr R. \
             Sridharan, vice president of networks at Tata.",
        ]);
        let names: Vec<String> = mentions(&found[0], 0)
            .iter()
            .map(|m| m.name.join(" "))
            .collect();
        assert_eq!(
            names,
            ["Chris Rock", "Chris Rock", "Mr Strauss", "Mr R Sridharan"]
        );
        // The first `Chris Rock` follows `comedian` (no capital); the second an opening quotation
        // mark and `As`, a sentence opener left out of the run.
        assert_eq!(next_run_start("x \"(As y", 0), Some(2));
        assert_eq!(next_run_start("iPhone McDonald", 0), Some(7));
        assert_eq!(next_run_start("the Élysée", 0), Some(4));
        assert_eq!(
            next_run_start("a\x0BZed", 0),
            Some(2),
            "a vertical tab cuts pieces too"
        );
        assert_eq!(next_run_start("x(Ab", 0), None);
    }

    #[test]
    fn spelling_variants_are_small_edits_of_one_word() {
        assert!(spelled_two_ways("Sergey", "Sergei", 2));
        assert!(spelled_two_ways("Zelensky", "Zelenskyy", 2));
        assert!(!spelled_two_ways("Donald", "Melania", 2));
        assert!(!spelled_two_ways("Trump", "Trump", 2));
        assert!(!spelled_two_ways("Kim", "Tim", 2), "too short to tell");
        // BBC politics-137: a chief executive and a correspondent.
        assert!(!spelled_two_ways("Hart", "Hall", 2));
        // DUC D0731G: Xinhua's `Phil Coughter` and `Philip Coughter`.
        assert!(spelled_two_ways("Phil", "Philip", 2));
    }

    #[test]
    fn a_title_and_its_shortening_agree() {
        let minister = significant(&["Russian", "Foreign", "Minister"]);
        assert_eq!(minister, ["minister"]);
        assert_eq!(significant(&["Foreign", "Minister"]), minister);
        assert_ne!(significant(&["Foreign", "Secretary"]), minister);
        // DUC clusters: one job written two ways.
        assert_eq!(
            significant(&["CEO"]),
            significant(&["Chief", "Executive", "Officer"])
        );
        assert_eq!(
            significant(&["Housing", "Secretary"]),
            significant(&["Urban", "Development", "Secretary"])
        );
    }
}
