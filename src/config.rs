//! `.newslint.yaml`: a project's rule folders, cue files, and which rules run at what severity, overall
//! and per path glob. Found by walking up from the working directory, or named with `--config`.
//! Command-line `--select`/`--ignore` come on top of the file, which comes on top of the defaults.

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::LoadError;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = ".newslint.yaml";

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rule files or folders of rule files added to the default pack (relative to the config file).
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Cue lexicon files added to the default (relative to the config file).
    #[serde(default)]
    pub cues: Vec<PathBuf>,
    /// Only these rules run (codes or names); empty means all.
    #[serde(default)]
    pub select: Vec<String>,
    /// These rules do not run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity by rule code or name.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// The lowest severity that makes `check` exit 1 (default: warning).
    pub fail_on: Option<Severity>,
    /// Story sets: the files each set's globs match are checked together for discrepancies.
    #[serde(default)]
    pub stories: Vec<Story>,
    /// The discrepancy checks' limits.
    #[serde(default)]
    pub discrepancy: crate::discrepancy::Thresholds,
    /// Changes for the files some globs match, applied in order after the settings above.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// The Markdown front matter keys whose values are headlines: linted, and compared across a
    /// story set. Other keys are not copy.
    #[serde(default)]
    pub headline_keys: HeadlineKeys,
}

/// Front matter keys; by default `title`, `headline` and `description`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct HeadlineKeys(pub Vec<String>);

impl Default for HeadlineKeys {
    fn default() -> HeadlineKeys {
        HeadlineKeys(
            crate::copy::HEADLINE_KEYS
                .iter()
                .map(|k| k.to_string())
                .collect(),
        )
    }
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    pub paths: Vec<String>,
    /// `opinion` for columns, letters and editorials: rules about the writer's argument do not run.
    pub kind: Option<crate::input::Genre>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    pub fail_on: Option<Severity>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Story {
    pub name: Option<String>,
    pub paths: Vec<String>,
}

/// A config and the folder its relative paths start from.
#[derive(Debug, Default, Clone)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    pub base: PathBuf,
}

/// The config named, or the nearest `.newslint.yaml` from `start` upwards, or the defaults.
pub fn load(named: Option<&Path>, start: &Path) -> Result<Loaded, LoadError> {
    let path = match named {
        Some(p) => Some(p.to_path_buf()),
        None => start
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Ok(Loaded {
            base: start.to_path_buf(),
            ..Loaded::default()
        });
    };
    let shown = path.display().to_string();
    let text = LoadError::read(&path)?;
    let config = parse(&shown, &text)?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Loaded {
        config,
        path: Some(path),
        base,
    })
}

/// A config file's text (shown as `path` in errors): within the YAML limits, and every key known.
pub fn parse(path: &str, text: &str) -> Result<Config, LoadError> {
    crate::yaml::check_limits(path, text)?;
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    serde_yaml::from_str(text).map_err(|e| LoadError::from_yaml(path, text, &e))
}

/// `config`: where the configuration in force comes from, and with `dump` the configuration merged
/// with the command line's cue files, as YAML.
pub fn describe(named: Option<&Path>, cues: &[PathBuf], dump: bool) -> Result<String, LoadError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let (source, yaml) = dump_yaml(load(named, &cwd)?, cues);
    Ok(if dump {
        format!("# from: {source}\n{yaml}")
    } else {
        format!("configuration: {source}\n")
    })
}

fn dump_yaml(loaded: Loaded, cues: &[PathBuf]) -> (String, String) {
    let source = loaded
        .path
        .as_ref()
        .map_or("defaults (no .newslint.yaml found)".to_string(), |p| {
            p.display().to_string()
        });
    let mut merged = loaded.config;
    merged.cues.extend(cues.iter().cloned());
    merged.fail_on.get_or_insert(Severity::Warning);
    let yaml = serde_yaml::to_string(&merged).expect("a config serialises");
    (source, yaml)
}

/// Every rule the config and the command line name (`select`, `ignore`, `severity`, in overrides
/// too), with where it is named. Most projects name none: then nothing is checked against the rule
/// pack, and `attributions`, which never reads it, does not load it.
pub fn named_rules<'a>(
    config: &'a Config,
    select: &'a [String],
    ignore: &'a [String],
) -> Vec<(&'static str, &'a str)> {
    let overrides = config
        .overrides
        .iter()
        .flat_map(|o| o.ignore.iter().chain(o.severity.keys()));
    select
        .iter()
        .map(|n| ("--select", n))
        .chain(ignore.iter().map(|n| ("--ignore", n)))
        .chain(config.select.iter().map(|n| ("`select` in the config", n)))
        .chain(config.ignore.iter().map(|n| ("`ignore` in the config", n)))
        .chain(
            config
                .severity
                .keys()
                .map(|n| ("`severity` in the config", n)),
        )
        .chain(overrides.map(|n| ("`overrides` in the config", n)))
        .map(|(place, name)| (place, name.as_str()))
        .collect()
}

/// Checks that every rule `named` (`named_rules`) is one of `known` (each rule's code and name): a
/// misspelt code would otherwise turn a rule off, or every rule, without a word.
pub fn check_rule_names(named: &[(&str, &str)], known: &[(&str, &str)]) -> Result<(), String> {
    for &(place, name) in named {
        let name = name.trim();
        if name.is_empty() {
            return Err(format!("{place}: an empty rule code (a stray comma?)"));
        }
        let is_known = known
            .iter()
            .any(|(code, rule)| code.eq_ignore_ascii_case(name) || *rule == name);
        if !is_known {
            let hint = closest(name, known)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(format!(
                "{place}: no rule has the code or name `{name}`{hint} (`newslint rules` lists them)"
            ));
        }
    }
    Ok(())
}

/// The known code or name nearest to a misspelt one, if one is near enough to be meant.
fn closest<'a>(name: &str, known: &[(&'a str, &'a str)]) -> Option<&'a str> {
    let upper = name.to_ascii_uppercase();
    known
        .iter()
        .flat_map(|(code, rule)| {
            [
                (*code, crate::discrepancy::distance(&upper, code)),
                (*rule, crate::discrepancy::distance(name, rule)),
            ]
        })
        .filter(|(candidate, d)| *d <= (candidate.len() / 4).max(1))
        .min_by_key(|(_, d)| *d)
        .map(|(candidate, _)| candidate)
}

/// Where a config's globs start. A path however the user wrote it (`opinion/a.md`, `./opinion/a.md`,
/// absolute, `a.md` from inside `opinion/`, or found by walking `.`) is matched relative to the folder
/// of the config file that declares the globs, so `overrides` and `stories` mean one thing everywhere.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// The config's folder (the working directory when there is no config), absolute.
    pub base: PathBuf,
    cwd: PathBuf,
    /// `base` with its links resolved, asked of the file system once (a walk asks for every file).
    real_base: std::sync::OnceLock<Option<PathBuf>>,
}

impl Scope {
    pub fn new(base: &Path, cwd: &Path) -> Scope {
        Scope {
            base: normalise(&cwd.join(base)),
            cwd: cwd.to_path_buf(),
            real_base: std::sync::OnceLock::new(),
        }
    }

    /// `path` (as given or found, from the working directory) made absolute, without `.` and `..`.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        normalise(&self.cwd.join(path))
    }

    /// `path` as the config's globs see it: relative to the config's folder when it lies inside it
    /// (through symbolic links too), else absolute.
    pub fn relative(&self, path: &str) -> PathBuf {
        let absolute = self.absolute(Path::new(path));
        if let Ok(inside) = absolute.strip_prefix(&self.base) {
            return inside.to_path_buf();
        }
        let real = |p: &Path| std::fs::canonicalize(p).ok();
        let base = self.real_base.get_or_init(|| real(&self.base));
        match (real(&absolute), base) {
            (Some(file), Some(base)) => file.strip_prefix(base).map_or(absolute, Path::to_path_buf),
            _ => absolute,
        }
    }

    /// How to show a file found on disk: relative to the working directory when inside it.
    pub fn shown(&self, absolute: &Path) -> String {
        absolute
            .strip_prefix(&self.cwd)
            .unwrap_or(absolute)
            .display()
            .to_string()
    }
}

/// A path with its `.` components dropped and each `..` taking the component before it.
fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Which diagnostics are kept and at what severity, for each file.
pub struct Policy {
    fail_on: Severity,
    select: Vec<String>,
    ignore: Vec<String>,
    severity: BTreeMap<String, Severity>,
    overrides: Vec<(GlobSet, Override)>,
    scope: Scope,
}

impl Policy {
    /// The config's settings with the command line's `--select`/`--ignore`/`--fail-on` on top.
    pub fn new(
        config: &Config,
        scope: Scope,
        select: &[String],
        ignore: &[String],
        fail_on: Option<Severity>,
    ) -> Result<Policy, String> {
        let mut overrides = Vec::new();
        for o in &config.overrides {
            let mut set = GlobSetBuilder::new();
            for p in &o.paths {
                set.add(Glob::new(p).map_err(|e| format!("bad glob in `overrides`: {e}"))?);
            }
            overrides.push((set.build().map_err(|e| e.to_string())?, o.clone()));
        }
        Ok(Policy {
            fail_on: fail_on.or(config.fail_on).unwrap_or(Severity::Warning),
            select: if select.is_empty() {
                config.select.clone()
            } else {
                select.to_vec()
            },
            ignore: config.ignore.iter().chain(ignore).cloned().collect(),
            severity: config.severity.clone(),
            overrides,
            scope,
        })
    }

    /// The overrides whose globs match the file at `path`, in order.
    fn matching(&self, path: &str) -> impl DoubleEndedIterator<Item = &Override> {
        // No overrides, no path to resolve (resolving one may ask the file system, per finding).
        let relative = (!self.overrides.is_empty()).then(|| self.scope.relative(path));
        self.overrides
            .iter()
            .filter(move |(set, _)| relative.as_ref().is_some_and(|r| set.is_match(r)))
            .map(|(_, o)| o)
    }

    /// Whether a diagnostic makes the check fail: at or above the failure level for its file (the
    /// command line's level, or the last matching override's, or the config's).
    pub fn fails(&self, d: &Diagnostic, cli_fail_on: Option<Severity>) -> bool {
        let by_path = self.matching(&d.primary.path).rev().find_map(|o| o.fail_on);
        d.severity >= cli_fail_on.or(by_path).unwrap_or(self.fail_on)
    }

    /// The kind of copy the last matching override gives the file at `path`, if any.
    pub fn genre(&self, path: &str) -> Option<crate::input::Genre> {
        self.matching(path).rev().find_map(|o| o.kind)
    }

    /// Applies the policy to one file's diagnostics.
    pub fn apply(&self, path: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let applicable: Vec<&Override> = self.matching(path).collect();
        diagnostics
            .into_iter()
            .filter(|d| self.select.is_empty() || names(&self.select, d))
            .filter(|d| !names(&self.ignore, d) && !applicable.iter().any(|o| names(&o.ignore, d)))
            .map(|mut d| {
                let by_rule = |map: &BTreeMap<String, Severity>| {
                    map.iter()
                        .find(|(k, _)| **k == d.code || **k == d.name)
                        .map(|(_, s)| *s)
                };
                if let Some(s) = by_rule(&self.severity) {
                    d.severity = s;
                }
                for o in &applicable {
                    if let Some(s) = by_rule(&o.severity) {
                        d.severity = s;
                    }
                }
                d
            })
            .collect()
    }
}

/// Whether the list names the diagnostic's rule by code or name.
fn names(list: &[String], d: &Diagnostic) -> bool {
    list.iter()
        .any(|x| x.eq_ignore_ascii_case(&d.code) || *x == d.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_config_folder_however_written() {
        let scope = Scope::new(Path::new("/news"), Path::new("/news"));
        for written in [
            "opinion/column.md",
            "./opinion/column.md",
            "/news/opinion/column.md",
            "opinion/../opinion/./column.md",
        ] {
            assert_eq!(scope.relative(written), Path::new("opinion/column.md"));
        }
        let inside = Scope::new(Path::new("/news"), Path::new("/news/opinion"));
        assert_eq!(inside.relative("column.md"), Path::new("opinion/column.md"));
        assert_eq!(
            inside.relative("/elsewhere/a.md"),
            Path::new("/elsewhere/a.md")
        );
        assert_eq!(inside.shown(Path::new("/news/opinion/b.md")), "b.md");
    }
}
