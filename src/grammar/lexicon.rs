//! The cue lexicon: attribution verbs and phrases, read from YAML and compiled once into one
//! aho-corasick automaton that finds every cue candidate in a text in a single pass.

use crate::error::LoadError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

/// The default lexicon, embedded so `newslint` works with no files beside it.
pub const DEFAULT_LEXICON: &str = include_str!("../../rules/attribution.yaml");

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum CueClass {
    /// Speech: `said`, `added`, `wrote`.
    #[default]
    Speech,
    /// Speech with a listener after the verb: `told reporters that`.
    Addressed,
    /// A reported state of mind: `believes`, `wants`.
    Thought,
    /// A position taken or sought rather than words said: `supports`, `sought`. Read as speech is.
    Stance,
    /// `according to`.
    According,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    #[default]
    Neutral,
    /// The verb judges what was said (`claimed`, `admitted`).
    Loaded,
}

/// What a cue's content is: a clause (`said that …`, `said the talks …`) or a noun phrase, which ends
/// where the phrase does (`endorsed Clinton, the party's nominee` → `Clinton`).
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Complement {
    #[default]
    Clause,
    /// The verb takes an object: its content ends at the first comma outside quotation marks.
    Noun,
    /// The verb reports only a clause it marks as one, an infinitive or a quotation (`maintained that
    /// …`, `continued, “…”`); with an object it is another verb (`maintains a large lead`, `continued
    /// the work`, `found a job`, `was charged with assault`).
    ClauseOnly,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    cues: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Entry {
    verb: Option<String>,
    phrase: Option<String>,
    forms: Option<Vec<String>>,
    #[serde(default)]
    class: CueClass,
    #[serde(default)]
    tone: Tone,
    #[serde(default)]
    complement: Complement,
    #[serde(default)]
    unless_followed_by: Vec<String>,
}

/// What the lexicon knows about one matched cue form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueForm {
    /// Shared by the forms of one entry and by every attribution of them.
    pub lemma: Arc<str>,
    /// A verb entry (its forms inflect), not a fixed phrase.
    pub verb: bool,
    pub class: CueClass,
    pub tone: Tone,
    pub complement: Complement,
    /// Words that, right after the cue, make it another verb (`showed up`, `added to her lead`,
    /// `appeared on Fox News`), lower case.
    pub unless_followed_by: Vec<String>,
}

impl CueForm {
    /// Whether the word starting `after` (the text right after the cue) makes it another verb.
    pub fn other_sense_before(&self, after: &str) -> bool {
        !self.unless_followed_by.is_empty()
            && super::words::word(after.trim_start()).is_ok_and(|(_, next)| {
                self.unless_followed_by
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(next))
            })
    }
}

pub struct Lexicon {
    forms: Vec<CueForm>,
    automaton: AhoCorasick,
    /// The form of a verb the lexicon does not list, found before `that`: its lemma is the word itself.
    generic: CueForm,
}

/// A cue candidate: where a lexicon form occurs on word boundaries.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub form: usize,
}

/// What the one pass over a text finds: a lexicon form; ` that ` at a byte offset (the verb before it
/// may be a cue the lexicon does not list); or a word naming a poll (`poll`, `Survey`), which may be a
/// source (`In a CNN/ORC poll, …`).
#[derive(Clone, Copy, Debug)]
pub enum Hit {
    Cue(Candidate),
    That(usize),
    Poll(usize, usize),
}

/// Searched for with the cue forms, so the text is read once.
const THAT: &str = " that ";
const POLL_WORDS: [&str; 4] = ["poll", "Poll", "survey", "Survey"];

impl Lexicon {
    /// The embedded default lexicon.
    pub fn default_lexicon() -> &'static Lexicon {
        static DEFAULT: OnceLock<Lexicon> = OnceLock::new();
        DEFAULT.get_or_init(|| {
            Lexicon::from_sources(&[("rules/attribution.yaml", DEFAULT_LEXICON)])
                .expect("the embedded cue lexicon is valid (tested)")
        })
    }

    /// Builds a lexicon from one or more YAML files (the default first, then the user's).
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Lexicon, LoadError> {
        let mut words: Vec<(String, CueForm)> = Vec::new();
        for (path, text) in sources {
            let file: LexiconFile =
                serde_yaml::from_str(text).map_err(|e| LoadError::from_yaml(path, text, &e))?;
            for entry in file.cues {
                words.extend(expand(entry).map_err(|m| LoadError::new(path, text, None, m))?);
            }
        }
        let patterns: Vec<&str> = words
            .iter()
            .map(|(w, _)| w.as_str())
            .chain([THAT])
            .chain(POLL_WORDS)
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A few hundred short patterns: a DFA is small and the fastest to scan with.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| LoadError::new("cue lexicon", "", None, e.to_string()))?;
        Ok(Lexicon {
            forms: words.into_iter().map(|(_, f)| f).collect(),
            automaton,
            generic: CueForm {
                lemma: Arc::from(""),
                verb: true,
                class: CueClass::Speech,
                tone: Tone::Neutral,
                complement: Complement::Clause,
                unless_followed_by: Vec::new(),
            },
        })
    }

    pub fn generic_form(&self) -> &CueForm {
        &self.generic
    }

    pub fn form(&self, candidate: &Candidate) -> &CueForm {
        &self.forms[candidate.form]
    }

    /// Every cue form in `text` that stands as whole words, and every ` that `, in order.
    pub fn scan<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.automaton.find_iter(text).filter_map(move |m| {
            let form = m.pattern().as_usize();
            // The automaton ignores case: ` That ` is no conjunction after a verb, `POLL` no poll.
            let exactly = |words: &[&str]| words.contains(&&text[m.range()]);
            if form == self.forms.len() {
                exactly(&[THAT]).then_some(Hit::That(m.start()))
            } else if form > self.forms.len() {
                exactly(&POLL_WORDS).then_some(Hit::Poll(m.start(), m.end()))
            } else {
                on_word_boundaries(text, m.start(), m.end()).then_some(Hit::Cue(Candidate {
                    start: m.start(),
                    end: m.end(),
                    form,
                }))
            }
        })
    }
}

/// Whether `start..end` in `text` stands as whole words (hyphenated words are one word).
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(joins) && !after.is_some_and(joins)
}

fn expand(entry: Entry) -> Result<Vec<(String, CueForm)>, String> {
    let verb = entry.verb.is_some();
    let (lemma, forms) = match (entry.verb, entry.phrase) {
        (Some(verb), None) => {
            let forms = entry.forms.unwrap_or_else(|| regular_forms(&verb));
            (verb, forms)
        }
        (None, Some(phrase)) => (phrase.clone(), entry.forms.unwrap_or_else(|| vec![phrase])),
        (Some(v), Some(p)) => {
            return Err(format!(
                "cue `{v}` has both `verb` and `phrase` (`{p}`); give one"
            ));
        }
        (None, None) => return Err("a cue needs a `verb` or a `phrase`".to_string()),
    };
    if forms.iter().any(|f| f.trim().is_empty()) {
        return Err(format!("cue `{lemma}` has an empty form"));
    }
    let cue = CueForm {
        lemma: lemma.into(),
        verb,
        class: entry.class,
        tone: entry.tone,
        complement: entry.complement,
        unless_followed_by: entry.unless_followed_by,
    };
    Ok(forms.into_iter().map(|f| (f, cue.clone())).collect())
}

/// English regular verb forms: claim → claims, claimed, claiming; note → notes, noted, noting.
fn regular_forms(verb: &str) -> Vec<String> {
    let (third, past, ing) = if let Some(stem) = verb.strip_suffix('e') {
        (format!("{verb}s"), format!("{verb}d"), format!("{stem}ing"))
    } else if verb.ends_with(['s', 'x', 'z']) || verb.ends_with("sh") || verb.ends_with("ch") {
        (
            format!("{verb}es"),
            format!("{verb}ed"),
            format!("{verb}ing"),
        )
    } else {
        (
            format!("{verb}s"),
            format!("{verb}ed"),
            format!("{verb}ing"),
        )
    };
    vec![verb.to_string(), third, past, ing]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_regular_forms() {
        assert_eq!(
            regular_forms("claim"),
            ["claim", "claims", "claimed", "claiming"]
        );
        assert_eq!(regular_forms("note"), ["note", "notes", "noted", "noting"]);
        assert_eq!(
            regular_forms("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
    }

    #[test]
    fn finds_cues_on_word_boundaries_only() {
        let lexicon = Lexicon::default_lexicon();
        let text = "So-called experts said, according to Lavrov, that Sayings are unsaid.";
        let found: Vec<&str> = lexicon
            .scan(text)
            .filter_map(|hit| match hit {
                Hit::Cue(c) => Some(&text[c.start..c.end]),
                _ => None,
            })
            .collect();
        assert_eq!(found, ["said", "according to"]);
    }

    #[test]
    fn one_pass_finds_cues_that_clauses_and_polls_in_order() {
        // PolNeAR dev, nyt_2016-09-30_keep-the-returns-trump-just-give.
        let text = "A Quinnipiac University poll released in late August found that 74 percent of \
                    likely voters said";
        let found: Vec<String> = Lexicon::default_lexicon()
            .scan(text)
            .map(|hit| match hit {
                Hit::Cue(c) => format!("cue {}", &text[c.start..c.end]),
                Hit::That(at) => format!("that after {}", &text[..at]),
                Hit::Poll(start, end) => format!("poll {}", &text[start..end]),
            })
            .collect();
        assert_eq!(
            found,
            [
                "poll poll",
                "cue found",
                "that after A Quinnipiac University poll released in late August found",
                "cue said"
            ]
        );
        // Case matters where the automaton ignores it: `That` opens no clause, `POLL` is a headline
        // (Reuters-21578 05161; BBC tech-218).
        let text = "THATCHER PARTY HAS NINE POINT POLL LEAD. That said, the graphics";
        assert!(
            Lexicon::default_lexicon()
                .scan(text)
                .all(|hit| matches!(hit, Hit::Cue(_)))
        );
    }

    #[test]
    fn knows_loaded_cues() {
        let lexicon = Lexicon::default_lexicon();
        let text = "the Russians claimed";
        let Some(Hit::Cue(c)) = lexicon.scan(text).next() else {
            panic!("`claimed` is a cue")
        };
        assert_eq!(lexicon.form(&c).tone, Tone::Loaded);
        assert_eq!(&*lexicon.form(&c).lemma, "claim");
    }

    #[test]
    fn a_user_cue_may_take_an_object() {
        let lexicon = Lexicon::from_sources(&[(
            "ours.yaml",
            "cues:\n  - { verb: lambast, complement: noun }\n",
        )])
        .unwrap();
        // DUC corpus: `she lambasted opposition lawmakers for demonizing her`.
        let text = "she lambasted opposition lawmakers for demonizing her";
        let Some(Hit::Cue(c)) = lexicon.scan(text).next() else {
            panic!("`lambasted` is a cue")
        };
        assert_eq!(lexicon.form(&c).complement, Complement::Noun);
        let said = Lexicon::default_lexicon();
        let Some(Hit::Cue(c)) = said.scan("he said").next() else {
            panic!("`said` is a cue")
        };
        assert_eq!(said.form(&c).complement, Complement::Clause);
        assert!(
            Lexicon::from_sources(&[("x.yaml", "cues:\n  - { verb: say, complement: verb }\n")])
                .is_err()
        );
    }

    #[test]
    fn a_cue_may_name_the_words_that_make_it_another_verb() {
        let lexicon = Lexicon::from_sources(&[(
            "ours.yaml",
            "cues:\n  - { verb: show, unless-followed-by: [up, off] }\n",
        )])
        .unwrap();
        let Some(Hit::Cue(c)) = lexicon.scan("Sanders showed up").next() else {
            panic!("`showed` is a cue")
        };
        let form = lexicon.form(&c);
        assert!(form.other_sense_before(" up."));
        assert!(form.other_sense_before(" Up in Portland"));
        assert!(!form.other_sense_before(" that he won"));
        assert!(!form.other_sense_before(" upward trends"));
    }

    #[test]
    fn a_malformed_lexicon_is_an_error_with_a_line() {
        let err = Lexicon::from_sources(&[("x.yaml", "cues:\n  - { verb: say, colour: red }\n")])
            .err()
            .unwrap();
        assert_eq!(err.line_column(), Some((2, 18)));
        assert!(err.message.contains("colour"), "{}", err.message);
    }
}
