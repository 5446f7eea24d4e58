//! The project's setup, read once before any file: the config found from the working directory (or
//! named), the cue lexicon with the project's cue files, the rule pack with its rule folders, the
//! rule names the config and the command line give checked against the pack, the story sets and the
//! policy.

use super::{Engine, Error};
use crate::changed::Changed;
use crate::config::{self, Policy, Scope};
use crate::diagnostic::Severity;
use crate::error::LoadError;
use crate::rules::{self, RuleSource};
use crate::story::StorySets;
use crate::{Lexicon, Pack};
use std::ops::Deref;
use std::path::{Path, PathBuf};

/// What the command line (or another front end) asks of the setup.
#[derive(Default)]
pub struct Options {
    /// A config file named instead of the nearest `.newslint.yaml`.
    pub config: Option<PathBuf>,
    /// Cue lexicon files added to the embedded one.
    pub cues: Vec<PathBuf>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<Severity>,
    /// A git revision: only findings on lines changed since it are kept (`--changed-since`).
    pub changed_since: Option<String>,
}

/// The embedded default, built the first time it is read (a run of `attributions` never reads the
/// rule pack, whose load was nine tenths of that command on one draft), or one built from the
/// user's files.
pub(super) enum Shared<T: 'static> {
    Default(fn() -> &'static T),
    Custom(T),
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Default(embedded) => embedded(),
            Shared::Custom(t) => t,
        }
    }
}

impl Engine {
    /// `new` from the working directory.
    pub fn here(options: &Options) -> Result<Engine, Error> {
        let cwd = std::env::current_dir()
            .map_err(|e| Error::Message(format!("no working directory: {e}")))?;
        Engine::new(options, &cwd)
    }

    /// Loads the config found from `cwd` up (or named), its cue files and rule folders.
    pub fn new(options: &Options, cwd: &Path) -> Result<Engine, Error> {
        let loaded = config::load(options.config.as_deref(), cwd)?;
        let cue_files: Vec<PathBuf> = loaded
            .config
            .cues
            .iter()
            .map(|p| loaded.base.join(p))
            .chain(options.cues.iter().cloned())
            .collect();
        let lexicon = lexicon(&cue_files)?;
        let pack = if loaded.config.rules.is_empty() {
            Shared::Default(Pack::default_pack)
        } else {
            let folders: Vec<PathBuf> = loaded
                .config
                .rules
                .iter()
                .map(|f| loaded.base.join(f))
                .collect();
            Shared::Custom(pack_with(rules::default_sources(), &folders)?)
        };
        let named = config::named_rules(&loaded.config, &options.select, &options.ignore);
        if !named.is_empty() {
            let registry = pack.registry();
            config::check_rule_names(&named, &registry.names()).map_err(Error::Message)?;
        }
        let scope = Scope::new(&loaded.base, cwd);
        let stories =
            StorySets::new(&loaded.config.stories, scope.clone()).map_err(Error::Message)?;
        let policy = Policy::new(
            &loaded.config,
            scope,
            &options.select,
            &options.ignore,
            options.fail_on,
        )
        .map_err(Error::Message)?;
        let changed = options
            .changed_since
            .as_deref()
            .map(|revision| Changed::since(revision, cwd))
            .transpose()
            .map_err(|e| Error::Message(format!("--changed-since: {e}")))?;
        let keys = &loaded.config.headline_keys;
        let headline_keys =
            (*keys != config::HeadlineKeys::default()).then(|| keys.0.clone().into());
        Ok(Engine {
            headline_keys,
            config: loaded.config,
            config_path: loaded.path,
            lexicon,
            pack,
            policy,
            stories,
            fail_on: options.fail_on,
            changed,
        })
    }
}

/// The cue lexicon: the embedded one, with the project's and the command line's files added.
fn lexicon(cue_files: &[PathBuf]) -> Result<Shared<Lexicon>, Error> {
    if cue_files.is_empty() {
        return Ok(Shared::Default(Lexicon::default_lexicon));
    }
    let mut sources = vec![(
        "rules/attribution.yaml".to_string(),
        crate::grammar::lexicon::DEFAULT_LEXICON.to_string(),
    )];
    for path in cue_files {
        let text = LoadError::read(path)?;
        crate::yaml::check_limits(&path.display().to_string(), &text)?;
        sources.push((path.display().to_string(), text));
    }
    let borrowed: Vec<(&str, &str)> = sources
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    Ok(Shared::Custom(Lexicon::from_sources(&borrowed)?))
}

/// `files` with the rule files of each folder (or file) of `paths` added, loaded as one pack.
pub fn pack_with(mut files: Vec<RuleSource>, paths: &[PathBuf]) -> Result<Pack, LoadError> {
    for path in paths {
        files.extend(rules::read_rule_sources(path)?);
    }
    Pack::load(files)
}
