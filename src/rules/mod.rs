//! The YAML rule engine. Rule files (`rules/*.yaml`, embedded as the default pack, plus a project's own)
//! are read into typed rules (`spec`); every phrase of every rule is compiled into one aho-corasick
//! automaton; each analysed file is then matched once, and each match is judged in context: inside a
//! quotation or in narration, attributed or not.

mod attribution;
mod consistency;
mod context;
pub mod examples;
mod info;
mod locate;
mod needs_attribution;
mod pattern;
mod phrase;
mod runner;
pub mod spec;
mod substitution;

use crate::error::LoadError;
use crate::grammar::lexicon::on_word_boundaries;
use crate::registry::Registry;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use spec::{Check, Rule, RuleFile};
use std::path::Path;
use std::sync::OnceLock;

pub use runner::{VariantUses, run};

/// The default rule pack, embedded so that `newslint check` needs no files beside it.
pub const DEFAULT_PACK: &[(&str, &str)] = &[
    (
        "rules/phrasing.yaml",
        include_str!("../../rules/phrasing.yaml"),
    ),
    (
        "rules/sourcing.yaml",
        include_str!("../../rules/sourcing.yaml"),
    ),
    ("rules/claims.yaml", include_str!("../../rules/claims.yaml")),
    ("rules/style.yaml", include_str!("../../rules/style.yaml")),
];

/// The embedded pack's files, to load alone or with a project's own.
pub fn default_sources() -> Vec<RuleSource> {
    DEFAULT_PACK
        .iter()
        .map(|(path, text)| RuleSource {
            path: path.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// A rule file as read, kept to show errors and failing examples against it.
pub struct RuleSource {
    pub path: String,
    pub text: String,
}

pub struct LoadedRule {
    pub rule: Rule,
    /// Index into `Pack::files`.
    pub file: usize,
}

/// What one automaton pattern means for one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Phrase,
    Exception,
    /// The `wrong` side of the swap pair at this index (in the rule's sorted order).
    Swap(usize),
    /// Variant `variant` of consistency group `group`.
    Variant {
        group: usize,
        variant: usize,
    },
    Trigger,
}

#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub rule: usize,
    pub role: Role,
}

pub struct Pack {
    pub files: Vec<RuleSource>,
    pub rules: Vec<LoadedRule>,
    /// The rules' phrases, then the opening words of their regular expressions: one read of a file
    /// finds both.
    automaton: AhoCorasick,
    /// For each phrase (the automaton's first patterns), the rules and roles it serves.
    targets: Vec<Vec<Target>>,
    /// The opening words, the automaton's patterns after the phrases.
    openings: pattern::Openings,
    /// The regular expressions of pattern rules and needs-attribution triggers, in rule order (each
    /// compiled when its rule file was read), gathered on the first check.
    patterns: OnceLock<pattern::Patterns>,
}

impl Pack {
    pub fn default_pack() -> &'static Pack {
        static DEFAULT: OnceLock<Pack> = OnceLock::new();
        DEFAULT.get_or_init(|| {
            spec::deferring(|| Pack::load(default_sources()))
                .expect("the embedded rule pack is valid (tested)")
        })
    }

    /// Reads and compiles rule files; the first error, located in its file, stops the load.
    pub fn load(files: Vec<RuleSource>) -> Result<Pack, LoadError> {
        let mut rules: Vec<LoadedRule> = Vec::new();
        for (index, file) in files.iter().enumerate() {
            locate::reset();
            crate::yaml::check_limits(&file.path, &file.text)?;
            let parsed: RuleFile =
                serde_yaml::from_str(&file.text).map_err(|e| placed(file, &e))?;
            for (n, rule) in parsed.rules.into_iter().enumerate() {
                if let Some(message) = clash(&rule, &rules, &files) {
                    let at = locate::offset::<RuleFile>(&file.text, locate::What::Code, n);
                    return Err(LoadError::new(&file.path, &file.text, at, message));
                }
                rules.push(LoadedRule { rule, file: index });
            }
        }
        let (phrases, targets) = phrases(&rules);
        let openings = pattern::Openings::of(&expressions(&rules));
        let all: Vec<&[u8]> = phrases
            .iter()
            .map(|p| p.as_bytes())
            .chain(openings.words().iter().map(Vec::as_slice))
            .collect();
        let automaton =
            automaton(&all).map_err(|e| LoadError::new("rule pack", "", None, e.to_string()))?;
        Ok(Pack {
            files,
            rules,
            automaton,
            targets,
            openings,
            patterns: OnceLock::new(),
        })
    }

    /// How many distinct phrases the pack's automaton holds.
    pub fn phrase_count(&self) -> usize {
        self.targets.len()
    }

    /// Every rule: the built-in rules, then this pack's.
    pub fn registry(&self) -> Registry {
        Registry::new(crate::checks::infos().chain(self.rules.iter().map(|l| info::info(&l.rule))))
    }

    /// The rule with this code or name.
    pub fn find(&self, code_or_name: &str) -> Option<&LoadedRule> {
        self.rules.iter().find(|r| {
            r.rule.code.0.eq_ignore_ascii_case(code_or_name) || r.rule.name.0 == code_or_name
        })
    }

    /// Each regular expression's matches in `text`, in the order the runner reads the rules, from
    /// where `scan` found they may begin.
    fn pattern_matches(&self, text: &str, starts: pattern::Starts) -> Vec<Vec<crate::span::Span>> {
        self.patterns
            .get_or_init(|| pattern::Patterns::new(&expressions(&self.rules), &self.openings))
            .matches(text, starts)
    }

    /// Every phrase match in `text` on word boundaries, overlapping ones included, in order.
    pub fn matches<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, &'a [Target])> + 'a {
        self.automaton
            .find_overlapping_iter(text)
            .filter_map(move |m| self.phrase_match(text, m))
    }

    /// One read of `text`: each phrase match, as `matches` gives them, handed to `phrase`; and where
    /// each regular expression may begin.
    fn scan<'a>(
        &'a self,
        text: &str,
        mut phrase: impl FnMut((usize, usize, &'a [Target])),
    ) -> pattern::Starts {
        let mut starts = self.openings.none();
        for m in self.automaton.find_overlapping_iter(text) {
            match m.pattern().as_usize().checked_sub(self.targets.len()) {
                Some(word) => self
                    .openings
                    .found(&mut starts, text.as_bytes(), word, m.start()),
                None => self.phrase_match(text, m).into_iter().for_each(&mut phrase),
            }
        }
        starts
    }

    /// An automaton match as a phrase match: a phrase on word boundaries, with the rules it serves.
    fn phrase_match<'a>(
        &'a self,
        text: &str,
        m: aho_corasick::Match,
    ) -> Option<(usize, usize, &'a [Target])> {
        let targets = self.targets.get(m.pattern().as_usize())?;
        on_word_boundaries(text, m.start(), m.end()).then_some((m.start(), m.end(), targets))
    }
}

/// Why `rule` cannot join the rules loaded so far: its code or name is a built-in code rule's or an
/// earlier rule's (`--select`, suppressions and `explain` name rules by either, so both are unique).
fn clash(rule: &Rule, loaded: &[LoadedRule], files: &[RuleSource]) -> Option<String> {
    let (code, name) = (&rule.code.0, &rule.name.0);
    if let Some(built_in) =
        crate::checks::builtins().find(|b| b.code.eq_ignore_ascii_case(code) || b.name == name)
    {
        return Some(format!(
            "rule `{code}` (`{name}`) reuses the {} of the built-in rule {} `{}`",
            if built_in.code.eq_ignore_ascii_case(code) {
                "code"
            } else {
                "name"
            },
            built_in.code,
            built_in.name
        ));
    }
    let first = loaded
        .iter()
        .find(|r| r.rule.code.0.eq_ignore_ascii_case(code) || r.rule.name.0 == *name)?;
    Some(if first.rule.code.0.eq_ignore_ascii_case(code) {
        format!(
            "rule code `{code}` is already used by `{}` in {}",
            first.rule.name.0, files[first.file].path
        )
    } else {
        format!(
            "rule name `{name}` is already used by {} in {}",
            first.rule.code.0, files[first.file].path
        )
    })
}

/// A YAML error in a rule file, placed on the value whose check failed when the parser placed it on the
/// rule around it.
fn placed(file: &RuleSource, error: &serde_yaml::Error) -> LoadError {
    let mut load = LoadError::from_yaml(&file.path, &file.text, error);
    if let Some((what, index)) = locate::take_invalid() {
        load.offset = locate::offset::<RuleFile>(&file.text, what, index).or(load.offset);
    }
    load
}

/// Consistency rules across the drafts of one story (each draft's own uses are checked with the draft),
/// from each draft's variant uses as `run` gave them.
pub fn check_across(
    pack: &Pack,
    story: &[&crate::Analysis],
    uses: &[VariantUses],
) -> Vec<crate::diagnostic::Diagnostic> {
    consistency::across(pack, story, uses)
}

/// Reads the rule files of a folder (`*.yaml`, `*.yml`, sorted) or a single file.
pub fn read_rule_sources(path: &Path) -> Result<Vec<RuleSource>, LoadError> {
    let unreadable = |p: &Path, e: std::io::Error| {
        LoadError::new(
            &p.display().to_string(),
            "",
            None,
            format!("cannot be read: {e}"),
        )
    };
    let mut paths = Vec::new();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).map_err(|e| unreadable(path, e))? {
            let p = entry.map_err(|e| unreadable(path, e))?.path();
            if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                paths.push(p);
            }
        }
        paths.sort();
    } else {
        paths.push(path.to_path_buf());
    }
    paths
        .into_iter()
        .map(|p| {
            let text = LoadError::read(&p)?;
            Ok(RuleSource {
                path: p.display().to_string(),
                text,
            })
        })
        .collect()
}

/// All phrases of all rules, each once, with the rules and roles each serves: one automaton holds them
/// all, so matching costs the same however many phrase rules there are.
fn phrases(rules: &[LoadedRule]) -> (Vec<String>, Vec<Vec<Target>>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut targets: Vec<Vec<Target>> = Vec::new();
    let mut index = rustc_hash::FxHashMap::default();
    let mut add_one = |key: String, target: Target| {
        let id = *index.entry(key.clone()).or_insert_with(|| {
            patterns.push(key);
            targets.push(Vec::new());
            patterns.len() - 1
        });
        targets[id].push(target);
    };
    // Copy writes `couldn’t` as often as `couldn't`: a phrase with an apostrophe matches both.
    let mut add = |phrase: &str, target: Target| {
        let key = phrase.to_lowercase();
        if key.contains('\'') {
            add_one(key.replace('\'', "’"), target);
        }
        add_one(key, target);
    };
    for (r, loaded) in rules.iter().enumerate() {
        let target = |role| Target { rule: r, role };
        match &loaded.rule.check {
            Check::Phrase {
                phrases,
                exceptions,
            } => {
                phrases.0.iter().for_each(|p| add(p, target(Role::Phrase)));
                exceptions
                    .iter()
                    .for_each(|p| add(p, target(Role::Exception)));
            }
            Check::Substitution { swap, .. } => {
                swap.keys()
                    .enumerate()
                    .for_each(|(i, wrong)| add(wrong, target(Role::Swap(i))));
            }
            Check::Consistency { groups } => {
                for (group, variants) in groups.iter().enumerate() {
                    for (variant, phrase) in variants.0.iter().enumerate() {
                        add(phrase, target(Role::Variant { group, variant }));
                    }
                }
            }
            Check::NeedsAttribution {
                trigger,
                exceptions,
                ..
            } => {
                if let Some(phrases) = &trigger.phrases {
                    phrases.0.iter().for_each(|p| add(p, target(Role::Trigger)));
                }
                exceptions
                    .iter()
                    .for_each(|p| add(p, target(Role::Exception)));
            }
            Check::Attribution(check) => check
                .exceptions
                .iter()
                .for_each(|p| add(p, target(Role::Exception))),
            Check::Pattern { .. } => {}
        }
    }
    (patterns, targets)
}

/// An ASCII-case-insensitive automaton reporting every match, overlapping ones included: a contiguous
/// NFA when one can be built. The default pack's 1,512 patterns make a 3.6 MB DFA, which a check of
/// many files reads from memory, not cache (the NFA took 15% fewer samples of a corpus check, and 20
/// ms less to build at start).
fn automaton<P: AsRef<[u8]>>(patterns: &[P]) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .or_else(|_| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(patterns)
        })
}

/// The regular expressions of the rules, in the order the runner reads them: a pattern rule's, then
/// each of a needs-attribution trigger's.
fn expressions(rules: &[LoadedRule]) -> Vec<&spec::Pattern> {
    rules
        .iter()
        .flat_map(|loaded| match &loaded.rule.check {
            Check::Pattern { pattern } => vec![pattern],
            Check::NeedsAttribution { trigger, .. } => trigger.patterns().collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// Where an example stands in its rule file, for reports of a failing example.
pub fn example_offset(file: &RuleSource, index: usize) -> Option<usize> {
    locate::offset::<RuleFile>(&file.text, locate::What::Example, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded pack is read with its expressions left to compile when first tried
    /// (`spec::deferring`), which would panic on one that did not compile.
    #[test]
    fn each_embedded_expression_compiles_when_deferred() {
        let read = Pack::load(default_sources()).expect("the embedded pack loads");
        let deferred = spec::deferring(|| Pack::load(default_sources())).expect("and deferred");
        let (read, deferred) = (expressions(&read.rules), expressions(&deferred.rules));
        assert_eq!(read.len(), deferred.len());
        for (a, b) in read.iter().zip(&deferred) {
            assert_eq!(a.source, b.source);
            assert_eq!(
                a.regex().find("").is_some(),
                b.regex().find("").is_some(),
                "{}",
                b.source
            );
        }
    }

    /// A user's rule file, read after the embedded pack on the same thread, still has its
    /// expressions compiled as it is read: a bad one stops the load.
    #[test]
    fn a_bad_expression_stops_the_load_after_a_deferred_one() {
        spec::deferring(|| Pack::load(default_sources())).expect("the embedded pack loads");
        let file = RuleSource {
            path: "tests/fixtures/broken/bad-regex.yaml".to_string(),
            text: include_str!("../../tests/fixtures/broken/bad-regex.yaml").to_string(),
        };
        let error = Pack::load(vec![file])
            .err()
            .expect("a bad expression stops the load");
        assert!(
            error.to_string().contains("invalid regular expression"),
            "{error}"
        );
    }
}
