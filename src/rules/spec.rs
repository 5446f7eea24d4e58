//! The typed shape of a rule file. Every field is checked while it is deserialised (codes, names,
//! severities, placeholders, phrase lists, regular expressions), so a mistake is reported by the YAML
//! parser at the line and column where it stands.

use super::locate;
use crate::diagnostic::Severity;
use regex_automata::{meta, util::syntax};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub rules: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(try_from = "RawRule")]
pub struct Rule {
    pub code: Code,
    pub name: Name,
    pub check: Check,
    pub severity: Severity,
    pub message: Message,
    pub help: String,
    pub why: String,
    pub examples: Examples,
    pub place: Place,
    pub attributed: Option<bool>,
    pub scope: Scope,
    /// The rule judges the writer's own argument (a label, a prediction, a certainty), which
    /// opinion copy is entitled to: it does not run on files of `kind: opinion`.
    pub argument: bool,
}

/// The closed set of check types, named by a rule's `kind:`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Phrase,
    Pattern,
    Substitution,
    Consistency,
    NeedsAttribution,
    Attribution,
}

/// A rule as written: every field any kind may use. `Rule::try_from` then insists on the fields the
/// rule's kind needs and refuses the ones it does not use, inside deserialisation, so the error is placed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    code: Code,
    name: Name,
    kind: Kind,
    severity: Severity,
    message: Message,
    help: String,
    why: String,
    #[serde(default)]
    examples: Examples,
    #[serde(default, rename = "where")]
    place: Place,
    attributed: Option<bool>,
    #[serde(default)]
    scope: Scope,
    #[serde(default)]
    argument: bool,
    phrases: Option<PhraseList>,
    exceptions: Option<Vec<String>>,
    pattern: Option<Pattern>,
    swap: Option<BTreeMap<String, String>>,
    safe: Option<bool>,
    groups: Option<Vec<PhraseList>>,
    trigger: Option<Trigger>,
    cues: Option<Vec<String>>,
    sources: Option<Vec<String>>,
    unnamed: Option<Vec<String>>,
    affiliations: Option<Vec<String>>,
    unless: Option<Vec<String>>,
}

/// The check a rule runs.
#[derive(Debug)]
pub enum Check {
    /// Words or phrases, matched case-insensitively on word boundaries.
    Phrase {
        phrases: PhraseList,
        exceptions: Vec<String>,
    },
    /// A regular expression (linear-time `regex` crate, size-limited).
    Pattern { pattern: Pattern },
    /// `wrong: right` pairs; the right form is the suggestion, applied by `--fix` where `safe`.
    Substitution {
        swap: BTreeMap<String, String>,
        safe: bool,
    },
    /// Groups of variants of which a document uses only one.
    Consistency { groups: Vec<PhraseList> },
    /// A trigger that must have an attribution in its scope, unless an exception overlaps it or the
    /// scope names where the claim comes from (`unless` words: `poll`, `census`).
    NeedsAttribution {
        trigger: Trigger,
        exceptions: Vec<String>,
        unless: Vec<String>,
    },
    /// Conditions on the attributions the grammar found: loaded cues, or vague sources with no reason.
    Attribution(AttributionCheck),
}

/// What an `attribution` rule asks of each attribution.
#[derive(Debug)]
pub struct AttributionCheck {
    /// Cue lemmas that judge what was said (`claim`, `admit`).
    pub cues: Vec<String>,
    /// Source head words that name no one without an affiliation (`officials`, `critics`).
    pub sources: Vec<String>,
    /// Words or phrases that leave a source unnamed whatever its affiliation (`familiar with`,
    /// `some`).
    pub unnamed: Vec<String>,
    /// Words before a head that tie the source to an institution the story names (`a company
    /// official`, `ministry officials`).
    pub affiliations: Vec<String>,
    /// Words in the sentence that give the reason a source is not named (`because`).
    pub unless: Vec<String>,
    /// Phrases over a cue that give it another sense (`claimed responsibility`).
    pub exceptions: Vec<String>,
}

impl TryFrom<RawRule> for Rule {
    type Error = String;

    fn try_from(raw: RawRule) -> Result<Rule, String> {
        let kind = raw.kind;
        let used: &[(&str, bool)] = &[
            ("phrases", raw.phrases.is_some()),
            ("exceptions", raw.exceptions.is_some()),
            ("pattern", raw.pattern.is_some()),
            ("swap", raw.swap.is_some()),
            ("safe", raw.safe.is_some()),
            ("groups", raw.groups.is_some()),
            ("trigger", raw.trigger.is_some()),
            ("cues", raw.cues.is_some()),
            ("sources", raw.sources.is_some()),
            ("unnamed", raw.unnamed.is_some()),
            ("affiliations", raw.affiliations.is_some()),
            ("unless", raw.unless.is_some()),
        ];
        let allowed = kind.fields();
        if let Some((field, _)) = used
            .iter()
            .find(|(f, present)| *present && !allowed.contains(f))
        {
            return Err(format!(
                "`{field}` does not belong to a `{}` rule (it takes {})",
                kind.as_str(),
                fields(allowed)
            ));
        }
        blank_entry(&[
            ("exceptions", &raw.exceptions),
            ("cues", &raw.cues),
            ("sources", &raw.sources),
            ("unnamed", &raw.unnamed),
            ("affiliations", &raw.affiliations),
            ("unless", &raw.unless),
        ])?;
        let missing = |field: &str| format!("a `{}` rule needs `{field}`", kind.as_str());
        let check = match kind {
            Kind::Phrase => Check::Phrase {
                phrases: raw.phrases.ok_or_else(|| missing("phrases"))?,
                exceptions: raw.exceptions.unwrap_or_default(),
            },
            Kind::Pattern => Check::Pattern {
                pattern: raw.pattern.ok_or_else(|| missing("pattern"))?,
            },
            Kind::Substitution => {
                let swap = raw.swap.ok_or_else(|| missing("swap"))?;
                if swap.is_empty()
                    || swap
                        .iter()
                        .any(|(w, r)| w.trim().is_empty() || r.trim().is_empty())
                {
                    return Err(
                        "`swap` needs `wrong: right` pairs with neither side empty".to_string()
                    );
                }
                Check::Substitution {
                    swap,
                    safe: raw.safe.unwrap_or(false),
                }
            }
            Kind::Consistency => {
                let groups = raw.groups.ok_or_else(|| missing("groups"))?;
                if let Some(g) = groups.iter().find(|g| g.0.len() < 2) {
                    return Err(format!(
                        "consistency group `{}` needs at least two variants",
                        g.0.join(", ")
                    ));
                }
                Check::Consistency { groups }
            }
            Kind::NeedsAttribution => {
                let trigger = raw.trigger.ok_or_else(|| missing("trigger"))?;
                if trigger.phrases.is_none() && trigger.patterns().next().is_none() {
                    return Err("`trigger` needs `phrases`, `pattern` or `patterns`".to_string());
                }
                Check::NeedsAttribution {
                    trigger,
                    exceptions: raw.exceptions.unwrap_or_default(),
                    unless: raw.unless.unwrap_or_default(),
                }
            }
            Kind::Attribution => {
                let (cues, sources) = (
                    raw.cues.unwrap_or_default(),
                    raw.sources.unwrap_or_default(),
                );
                if cues.is_empty() && sources.is_empty() {
                    return Err("an `attribution` rule needs `cues` or `sources`".to_string());
                }
                Check::Attribution(AttributionCheck {
                    cues,
                    sources,
                    unnamed: raw.unnamed.unwrap_or_default(),
                    affiliations: raw.affiliations.unwrap_or_default(),
                    unless: raw.unless.unwrap_or_default(),
                    exceptions: raw.exceptions.unwrap_or_default(),
                })
            }
        };
        Ok(Rule {
            code: raw.code,
            name: raw.name,
            check,
            severity: raw.severity,
            message: raw.message,
            help: raw.help,
            why: raw.why,
            examples: raw.examples,
            place: raw.place,
            attributed: raw.attributed,
            scope: raw.scope,
            argument: raw.argument,
        })
    }
}

fn fields(list: &[&str]) -> String {
    list.iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Phrase,
        Kind::Pattern,
        Kind::Substitution,
        Kind::Consistency,
        Kind::NeedsAttribution,
        Kind::Attribution,
    ];

    /// The fields this kind takes beyond the ones every rule has; the rule file's schema and the
    /// loader both read this one list.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Phrase => &["phrases", "exceptions"],
            Kind::Pattern => &["pattern"],
            Kind::Substitution => &["swap", "safe"],
            Kind::Consistency => &["groups"],
            Kind::NeedsAttribution => &["trigger", "exceptions", "unless"],
            Kind::Attribution => &[
                "cues",
                "sources",
                "unnamed",
                "affiliations",
                "unless",
                "exceptions",
            ],
        }
    }

    /// The fields a rule of this kind must have.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Phrase => &["phrases"],
            Kind::Pattern => &["pattern"],
            Kind::Substitution => &["swap"],
            Kind::Consistency => &["groups"],
            Kind::NeedsAttribution => &["trigger"],
            Kind::Attribution => &[],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Phrase => "phrase",
            Kind::Pattern => "pattern",
            Kind::Substitution => "substitution",
            Kind::Consistency => "consistency",
            Kind::NeedsAttribution => "needs-attribution",
            Kind::Attribution => "attribution",
        }
    }
}

impl Check {
    pub fn kind(&self) -> Kind {
        match self {
            Check::Phrase { .. } => Kind::Phrase,
            Check::Pattern { .. } => Kind::Pattern,
            Check::Substitution { .. } => Kind::Substitution,
            Check::Consistency { .. } => Kind::Consistency,
            Check::NeedsAttribution { .. } => Kind::NeedsAttribution,
            Check::Attribution(_) => Kind::Attribution,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Trigger {
    pub phrases: Option<PhraseList>,
    pub pattern: Option<Pattern>,
    /// Several patterns, each read on its own line of the rule file (easier to review than one
    /// alternation).
    #[serde(default)]
    pub patterns: Vec<Pattern>,
}

impl Trigger {
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.pattern.iter().chain(&self.patterns)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub flag: Vec<Example>,
    #[serde(default)]
    pub pass: Vec<Example>,
}

/// Copy outside quotation marks is the reporter's narration.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    Narration,
    Quote,
    #[default]
    Any,
}

pub use crate::coverage::Scope;

/// `NL` and three digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Code(pub String);

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (code, _) = locate::read(locate::What::Code, d)?;
        let well_formed = code.len() == 5
            && code.starts_with("NL")
            && code[2..].bytes().all(|b| b.is_ascii_digit());
        if !well_formed {
            return Err(de::Error::custom(format!(
                "rule code `{code}` is not `NL` and three digits"
            )));
        }
        Ok(Code(code))
    }
}

/// Kebab-case, naming the problem (`unattributed-quote`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name(pub String);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (name, index) = locate::read(locate::What::Checked, d)?;
        let kebab = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !name.starts_with('-')
            && !name.ends_with('-');
        if kebab {
            return Ok(Name(name));
        }
        locate::invalid(locate::What::Checked, index);
        Err(de::Error::custom(format!(
            "rule name `{name}` is not kebab-case"
        )))
    }
}

/// The placeholders a message may use.
const PLACEHOLDERS: &[&str] = &["match", "source", "cue", "suggestion", "other"];

#[derive(Debug, Clone)]
pub struct Message(pub String);

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (message, index) = locate::read(locate::What::Checked, d)?;
        check_message(&message).map_err(|e| {
            locate::invalid(locate::What::Checked, index);
            de::Error::custom(e)
        })?;
        Ok(Message(message))
    }
}

fn check_message(message: &str) -> Result<(), String> {
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .ok_or("message has a `{` with no `}`")?;
        let name = &rest[open + 1..open + close];
        if !PLACEHOLDERS.contains(&name) {
            let known: Vec<String> = PLACEHOLDERS.iter().map(|p| format!("{{{p}}}")).collect();
            return Err(format!(
                "message placeholder `{{{name}}}` is unknown; use one of {}",
                known.join(", ")
            ));
        }
        rest = &rest[open + close + 1..];
    }
    if message.trim().is_empty() {
        return Err("message is empty".to_string());
    }
    Ok(())
}

/// Refuses a blank entry in a list of words or phrases: an empty phrase would match everywhere, even
/// inside a character (YAML reads `- #clearly visible` as an empty entry and a comment).
fn blank_entry(lists: &[(&str, &Option<Vec<String>>)]) -> Result<(), String> {
    for (field, list) in lists {
        if let Some(blank) = list.iter().flatten().position(|p| p.trim().is_empty()) {
            return Err(format!(
                "entry {} of `{field}` is empty (YAML reads `- #…` as an empty entry and a comment)",
                blank + 1
            ));
        }
    }
    Ok(())
}

/// A non-empty list of non-empty phrases, kept in lower case for matching.
#[derive(Debug, Clone)]
pub struct PhraseList(pub Vec<String>);

impl<'de> Deserialize<'de> for PhraseList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let phrases = Vec::<String>::deserialize(d)?;
        if phrases.is_empty() {
            return Err(de::Error::custom("phrase list is empty"));
        }
        if let Some(blank) = phrases.iter().position(|p| p.trim().is_empty()) {
            return Err(de::Error::custom(format!(
                "phrase {} of the list is empty",
                blank + 1
            )));
        }
        Ok(PhraseList(
            phrases.into_iter().map(|p| p.trim().to_string()).collect(),
        ))
    }
}

/// The most a rule's compiled regular expression may take, so one rule cannot slow every run.
pub(super) const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A rule's regular expression: its source, and the expression compiled for the tries the runner
/// makes where one of its opening words is written (`pattern::Patterns`).
#[derive(Debug, Clone)]
pub struct Pattern {
    pub source: String,
    /// Compiled when the rule file is read, so a bad expression stops the load; for the embedded
    /// pack (`deferring`), the first time the runner tries the expression.
    compiled: Arc<OnceLock<meta::Regex>>,
}

thread_local! {
    /// Whether the rule files being read are the embedded pack's, whose expressions a test compiles.
    static DEFERRED: Cell<bool> = const { Cell::new(false) };
}

/// Reads rule files with `read` compiling none of their expressions until each is first tried: the
/// embedded pack's 81 expressions were half the instructions of a check of one short draft, which
/// tries a few of them.
pub(super) fn deferring<T>(read: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            DEFERRED.with(|d| d.set(false));
        }
    }
    DEFERRED.with(|d| d.set(true));
    let _reset = Reset;
    read()
}

impl Pattern {
    /// Compiles `source`: see `compile`.
    pub fn new(source: &str) -> Result<Pattern, regex::Error> {
        Ok(Pattern {
            source: source.to_string(),
            compiled: Arc::new(OnceLock::from(compile(source)?)),
        })
    }

    /// The compiled expression (compiled now, if its pack deferred it).
    pub fn regex(&self) -> &meta::Regex {
        self.compiled.get_or_init(|| {
            compile(&self.source).expect("the embedded pack's expressions compile (tested)")
        })
    }
}

/// Compiles `source` as `regex::RegexBuilder` with `REGEX_SIZE_LIMIT` does, and so fails where and
/// as it does, but without the literal prefilters `regex` looks for: those speed a search of the
/// whole text, and these expressions are tried anchored. Finding the prefilters of the default
/// pack's 81 expressions was three quarters of the instructions of a check of one short draft.
fn compile(source: &str) -> Result<meta::Regex, regex::Error> {
    meta::Regex::builder()
        .configure(
            meta::Config::new()
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .hybrid_cache_capacity(2 * (1 << 20))
                .auto_prefilter(false),
        )
        .syntax(syntax::Config::new().utf8(true))
        .build(source)
        .map_err(|e| match (e.size_limit(), e.syntax_error()) {
            // The errors `regex` makes of a build error.
            (Some(limit), _) => regex::Error::CompiledTooBig(limit),
            (None, Some(syntax)) => regex::Error::Syntax(syntax.to_string()),
            (None, None) => regex::Error::Syntax(e.to_string()),
        })
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (source, index) = locate::read(locate::What::Checked, d)?;
        if DEFERRED.with(Cell::get) {
            return Ok(Pattern {
                source,
                compiled: Arc::default(),
            });
        }
        Pattern::new(&source).map_err(|e| {
            locate::invalid(locate::What::Checked, index);
            de::Error::custom(format!(
                "invalid regular expression: {}",
                one_line(&e.to_string())
            ))
        })
    }
}

fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line of copy a rule must flag or pass, with its place among the file's examples (file order), by
/// which `locate` finds where it stands.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub index: usize,
}

impl<'de> Deserialize<'de> for Example {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (text, index) = locate::read(locate::What::Example, d)?;
        Ok(Example { text, index })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `regex` says of an expression a rule file may hold.
    fn regex_says(source: &str) -> Result<(), String> {
        regex::RegexBuilder::new(source)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_pattern_fails_where_and_as_regex_fails() {
        let sources = [
            r"(?i)(?-u:\b)(?:lied|lies|lying) (?:about|to)(?-u:\b)",
            r"(?i)(?-u:\b)(?:claimed|insisted",
            r"\p{Nonsense}",
            r"a{5000}\w{500}",
            r"(?i)\w+ said",
        ];
        for source in sources {
            let ours = Pattern::new(source).map(|_| ()).map_err(|e| e.to_string());
            assert_eq!(ours, regex_says(source), "{source}");
        }
        assert!(
            regex_says(r"a{5000}\w{500}")
                .unwrap_err()
                .contains("size limit")
        );
    }
}
