//! The pipeline of `newslint check`, in the library so that every front end runs the same steps: the
//! project's setup (config, cue lexicon, rule pack, policy), reading and analysing the files, grouping
//! them into story sets, the rules and discrepancy checks of each set, `--against` records, the
//! drafts' own suppressions, the policy, and fixes with a check again of the whole set.
//!
//! Paths and options come in; analysed files with their diagnostics, and values for every error, go
//! out. Nothing here prints.

pub use crate::Analysis;
use crate::changed::Changed;
use crate::config::{Config, Policy};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::error::LoadError;
use crate::input::{self, InputError, SourceFile};
use crate::story::StorySets;
use crate::walk::{self, Selection};
use crate::{Document, Lexicon, Pack, Parsed, discrepancy, fix, suppress};
use std::fmt;
use std::path::{Path, PathBuf};

mod findings;
mod setup;
mod stream;
pub use findings::{Fixes, check_file, check_story, lint};
use findings::{file_findings, story_findings};
use setup::Shared;
pub use setup::{Options, pack_with};
pub use stream::Piece;

/// Why the pipeline could not run: a file to show against its text, or a message.
#[derive(Debug)]
pub enum Error {
    Load(LoadError),
    Message(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(e) => e.fmt(f),
            Error::Message(m) => f.write_str(m),
        }
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Error {
        Error::Load(e)
    }
}

/// Config, cue lexicon, rule pack and policy, as the project and the front end set them.
pub struct Engine {
    pub config: Config,
    /// The config file in force, if one was found.
    pub config_path: Option<PathBuf>,
    lexicon: Shared<Lexicon>,
    pack: Shared<Pack>,
    policy: Policy,
    stories: StorySets,
    fail_on: Option<Severity>,
    /// The config's front matter headline keys, when not the defaults.
    headline_keys: Option<std::sync::Arc<[String]>>,
    /// The lines git says changed (`--changed-since`): only findings on them are kept.
    changed: Option<Changed>,
}

impl Engine {
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// The story set the config puts the file at `path` in, if any (an index; equal for one set).
    pub fn story_set_of(&self, path: &str) -> Option<usize> {
        self.stories.set_of(path)
    }

    /// Whether a diagnostic makes the check fail, by the command line's, the file's or the config's
    /// failure level.
    pub fn fails(&self, d: &Diagnostic) -> bool {
        self.policy.fails(d, self.fail_on)
    }

    /// Parses a file and finds its attributions, as the kind of copy the config says it is.
    pub fn analyse(&self, file: SourceFile) -> Analysis {
        self.parse(file).analyse(&self.lexicon)
    }

    /// Parses a file read, as the config has it read (its genre, its headline keys).
    fn parse(&self, mut file: SourceFile) -> Parsed {
        if let Some(genre) = self.policy.genre(&file.path) {
            file.genre = genre;
        }
        file.headline_keys.clone_from(&self.headline_keys);
        Parsed::new(file)
    }

    /// Reads and analyses the files `paths` name (`-` is standard input) on `threads` threads (all
    /// cores if none), in input order; and the files that could not be read.
    pub fn read(
        &self,
        paths: &[PathBuf],
        globs: &[String],
        threads: Option<usize>,
    ) -> Result<(Vec<Analysis>, Vec<InputError>), Error> {
        let (found, mut errors) = discover(paths, globs)?;
        let mut analyses = Vec::new();
        if found.stdin {
            match input::read_stdin() {
                Ok(f) => analyses.push(self.analyse(f)),
                Err(e) => errors.push(e),
            }
        }
        let threads = threads.unwrap_or_else(walk::default_threads);
        for result in walk::parallel_map(&found.files, threads, |path| {
            input::read_path(path).map(|f| self.analyse(f))
        }) {
            match result {
                Ok(a) => analyses.push(a),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            let mut tally = Tally::default();
            analyses
                .iter()
                .enumerate()
                .for_each(|(i, a)| tally.add(i, &a.file, &a.document));
            tally.nothing_unread(paths)?;
        }
        Ok((analyses, errors))
    }

    /// Reads the source material named for `--against`.
    pub fn read_record(paths: &[PathBuf]) -> Result<Vec<SourceFile>, Error> {
        paths
            .iter()
            .map(|p| input::read_path(p).map_err(|e| Error::Message(e.to_string())))
            .collect()
    }

    /// Checks the analysed files: each story set together (all of them with `story`), quotations
    /// against the `record`, then each file's suppressions and the policy.
    pub fn check(&self, given: Vec<Analysis>, run: &Run) -> Result<Checked, Error> {
        self.check_among(given, run, &[])
    }

    /// `check`, with the drafts of story sets that `open` holds read from it instead of from disk,
    /// and those of them not on disk yet added: an editor's buffers, saved or not. Each file of
    /// `open` is named by its path (absolute, or from the working directory).
    pub fn check_among(
        &self,
        given: Vec<Analysis>,
        run: &Run,
        open: &[SourceFile],
    ) -> Result<Checked, Error> {
        let mut analyses = if run.story {
            Vec::new()
        } else {
            self.rest_of_story_sets(&given, run.threads, open)?
        };
        // The drafts read only for comparison come first: a discrepancy's primary label is on the
        // later account, so one between a given draft and another falls in the given draft.
        let context = analyses.len();
        analyses.extend(given);
        let groups = story_groups(&analyses, run.story, &self.stories);
        let found: Vec<Vec<(usize, Vec<Diagnostic>)>> = walk::parallel_map(
            &groups,
            run.threads.unwrap_or_else(walk::default_threads),
            |group| {
                let members: Vec<&Analysis> = group.iter().map(|&i| &analyses[i]).collect();
                group
                    .iter()
                    .copied()
                    .zip(story_findings(
                        &members,
                        &self.pack,
                        &self.config.discrepancy,
                        Fixes::Applied,
                    ))
                    .collect()
            },
        );
        let mut per_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); analyses.len()];
        for (i, d) in found.into_iter().flatten() {
            per_file[i] = d;
        }
        if !run.record.is_empty() {
            let refs: Vec<&Analysis> = analyses[context..].iter().collect();
            for d in discrepancy::against_record(&refs, run.record) {
                if let Some(i) = analyses.iter().position(|a| a.file.path == d.primary.path) {
                    per_file[i].push(d);
                }
            }
        }
        let given = analyses.split_off(context);
        let drafts: Vec<&SourceFile> = given.iter().chain(&analyses).map(|a| &a.file).collect();
        let mapped = fix::MappedFiles::new(drafts.iter().copied());
        let kept: Vec<Vec<Diagnostic>> = given
            .iter()
            .zip(per_file.split_off(context))
            .map(|(analysis, found)| self.keep(analysis, found, &mapped, &drafts))
            .collect();
        let files = given.into_iter().zip(kept).collect();
        Ok(Checked {
            files,
            context: analyses,
        })
    }

    /// A draft's findings after its suppressions and the policy, placed in the files as on disk.
    fn keep(
        &self,
        analysis: &Analysis,
        found: Vec<Diagnostic>,
        mapped: &fix::MappedFiles,
        drafts: &[&SourceFile],
    ) -> Vec<Diagnostic> {
        let kept = suppress::apply(analysis, found);
        self.kept_by_policy(&analysis.file.path, kept, mapped, drafts)
    }

    /// A draft's findings after its suppressions: those the policy keeps, placed in the files as on
    /// disk; with `--changed-since`, those of them on lines that changed in `drafts` (the files of
    /// its story, itself included).
    fn kept_by_policy(
        &self,
        path: &str,
        found: Vec<Diagnostic>,
        mapped: &fix::MappedFiles,
        drafts: &[&SourceFile],
    ) -> Vec<Diagnostic> {
        let placed = self
            .policy
            .apply(path, found)
            .into_iter()
            .map(|d| fix::to_original(d, mapped))
            .collect();
        match &self.changed {
            Some(changed) => changed.filter(placed, drafts),
            None => placed,
        }
    }

    /// The drafts of the story sets that the given files belong to, other than the given files,
    /// read and analysed from `open` or else from disk.
    fn rest_of_story_sets(
        &self,
        given: &[Analysis],
        threads: Option<usize>,
        open: &[SourceFile],
    ) -> Result<Vec<Analysis>, Error> {
        let scope = self.stories.scope();
        let mut sets: Vec<usize> = given
            .iter()
            .filter(|a| a.file.path != "<stdin>")
            .filter_map(|a| self.stories.set_of(&a.file.path))
            .collect();
        sets.sort_unstable();
        sets.dedup();
        let have: Vec<PathBuf> = given
            .iter()
            .map(|a| scope.absolute(Path::new(&a.file.path)))
            .collect();
        let opened: Vec<(PathBuf, &SourceFile)> = open
            .iter()
            .map(|f| (scope.absolute(Path::new(&f.path)), f))
            .collect();
        let mut rest: Vec<PathBuf> = Vec::new();
        for set in sets {
            let members = self.stories.members_on_disk(set).map_err(|e| {
                Error::Message(format!("{e} (a folder of a story set being checked)"))
            })?;
            rest.extend(members.into_iter().filter(|p| !have.contains(p)));
            let unsaved: Vec<PathBuf> = opened
                .iter()
                .map(|(p, _)| p.clone())
                .filter(|p| {
                    self.stories.set_of(&p.to_string_lossy()) == Some(set)
                        && !have.contains(p)
                        && !rest.contains(p)
                })
                .collect();
            rest.extend(unsaved);
        }
        let threads = threads.unwrap_or_else(walk::default_threads);
        walk::parallel_map(&rest, threads, |path| {
            let buffer = opened.iter().find(|(p, _)| p == path);
            let mut file = match buffer {
                Some((_, file)) => (*file).clone(),
                None => input::read_path(path).map_err(|e| {
                    Error::Message(format!("{e} (a draft of a story set being checked)"))
                })?,
            };
            file.path = scope.shown(path);
            Ok(self.analyse(file))
        })
        .into_iter()
        .collect()
    }

    /// Writes each file's safe fixes atomically, then checks every file again (a fixed file with the
    /// rest of its story set), so what is reported is what is left, at its new place.
    pub fn fix(&self, checked: Checked, run: &Run) -> Result<Fixed, Error> {
        let mut report = Fixed::default();
        let mut analyses = Vec::with_capacity(checked.files.len());
        for (analysis, found) in checked.files {
            let fixes = fix::safe_fixes(&found);
            if fixes.is_empty() {
                analyses.push(analysis); // a file with nothing to fix is never touched
                continue;
            }
            let path = analysis.file.path.clone();
            if analysis.file.format == input::Format::Word {
                report.errors.push(format!(
                    "{path}: --fix does not rewrite Word documents; make the changes in Word (--diff shows them)"
                ));
                analyses.push(analysis);
                continue;
            }
            if path == "<stdin>" {
                report
                    .errors
                    .push("standard input cannot be fixed in place; use --diff".into());
                analyses.push(analysis);
                continue;
            }
            let text = fix::apply(analysis.file.original(), &fixes);
            match fix::write_atomically(Path::new(&path), analysis.file.original(), &text) {
                Ok(()) => {
                    report.fixed += fixes.len();
                    report.files += 1;
                    analyses.push(self.analyse(SourceFile::new(path, text)));
                }
                Err(e) => {
                    report
                        .errors
                        .push(format!("{path}: cannot be written: {e}"));
                    analyses.push(analysis);
                }
            }
        }
        report.checked = self.check(analyses, run)?;
        Ok(report)
    }
}

/// Keeps a named file in a format newslint reads; records the refusal of any other (false).
fn refused_format(path: &Path, refused: &mut Vec<InputError>) -> bool {
    input::refuse_unread_format(path)
        .map_err(|e| refused.push(e))
        .is_ok()
}

/// What to read, in input order: standard input (named `-`), then the files named or found in folders;
/// and the named files in a format newslint does not read and what could not be walked.
fn discover(paths: &[PathBuf], globs: &[String]) -> Result<(Found, Vec<InputError>), Error> {
    let selection =
        Selection::new(globs).map_err(|e| Error::Message(format!("bad --glob: {e}")))?;
    let mut refused = Vec::new();
    let named: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter(|p| p.is_dir() || refused_format(p, &mut refused))
        .cloned()
        .collect();
    let walk::Discovered { files, errors } = walk::discover(&named, &selection);
    refused.extend(errors);
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    Ok((Found { stdin, files }, refused))
}

/// The inputs `discover` found.
struct Found {
    stdin: bool,
    files: Vec<PathBuf>,
}

/// What the files read hold, to tell a run that read no copy: how many were read, whether any holds
/// copy, and the first (in input order) that holds text.
#[derive(Default)]
struct Tally {
    read: usize,
    copy: bool,
    first_text: Option<(usize, String)>,
}

impl Tally {
    /// Counts the input at `index`, its file and its document model.
    fn add(&mut self, index: usize, file: &SourceFile, document: &Document) {
        self.read += 1;
        self.copy |= !document.copy.blocks.is_empty();
        if !file.original().trim().is_empty() {
            self.text_at(index, &file.path);
        }
    }

    fn text_at(&mut self, index: usize, path: &str) {
        if self.first_text.as_ref().is_none_or(|(i, _)| index < *i) {
            self.first_text = Some((index, path.to_string()));
        }
    }

    fn merge(&mut self, other: Tally) {
        self.read += other.read;
        self.copy |= other.copy;
        if let Some((index, path)) = other.first_text {
            self.text_at(index, &path);
        }
    }

    /// A check that guards publication never passes copy it did not read: a run that found no file
    /// to read, or whose files hold text but none of it copy (a page of markup alone), is an error.
    fn nothing_unread(&self, paths: &[PathBuf]) -> Result<(), Error> {
        if self.read == 0 {
            let shown: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
            return Err(Error::Message(format!(
                "no copy to check: found no file that newslint reads in {}; it reads {}",
                shown.join(", "),
                input::formats_read()
            )));
        }
        match &self.first_text {
            Some((_, path)) if !self.copy => Err(Error::Message(format!(
                "no copy to check: `{path}` holds text, but none of it is copy newslint reads (markup, front matter or code alone)"
            ))),
            _ => Ok(()),
        }
    }
}

/// What one check covers beyond the files: whether they are one story, the source material to look
/// quotations up in, and how many threads to use.
pub struct Run<'a> {
    pub story: bool,
    pub record: &'a [SourceFile],
    /// All cores if none.
    pub threads: Option<usize>,
}

/// Every file checked, in input order, with the diagnostics kept for it; and the other drafts of
/// their story sets, read to compare with (secondary labels may point into them).
#[derive(Default)]
pub struct Checked {
    pub files: Vec<(Analysis, Vec<Diagnostic>)>,
    pub context: Vec<Analysis>,
}

impl Checked {
    /// All diagnostics to report, sorted by path, offset and code, at most `MAX_PER_RULE` of a rule
    /// in a file (then one saying how many more).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let all: Vec<Diagnostic> = self
            .files
            .iter()
            .flat_map(|(_, d)| d.iter().cloned())
            .collect();
        diagnostic::sorted_and_capped(all)
    }

    /// The safe fixes as one unified diff over every file.
    pub fn diff(&self) -> String {
        self.files
            .iter()
            .map(|(a, d)| fix::unified_diff(&a.file.path, a.file.original(), &fix::safe_fixes(d)))
            .collect()
    }
}

/// What `Engine::fix` did: the findings fixed, in how many files, the files it could not write, and
/// the check of what is left.
#[derive(Default)]
pub struct Fixed {
    pub fixed: usize,
    pub files: usize,
    pub errors: Vec<String>,
    pub checked: Checked,
}

impl Fixed {
    /// `fixed 3 findings in 2 files`, when anything was fixed.
    pub fn summary(&self) -> Option<String> {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        (self.fixed > 0).then(|| {
            format!(
                "fixed {} finding{} in {} file{}",
                self.fixed,
                plural(self.fixed),
                self.files,
                plural(self.files)
            )
        })
    }
}

/// Which files are checked together: all of them with `story`; else each story set the config
/// declares, and every other file alone.
fn story_groups(analyses: &[Analysis], story: bool, sets: &StorySets) -> Vec<Vec<usize>> {
    if story {
        return vec![(0..analyses.len()).collect()];
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut alone = Vec::new();
    for (i, a) in analyses.iter().enumerate() {
        match sets.set_of(&a.file.path) {
            Some(g) => {
                if groups.len() <= g {
                    groups.resize(g + 1, Vec::new());
                }
                groups[g].push(i);
            }
            None => alone.push(vec![i]),
        }
    }
    groups.retain(|g| !g.is_empty());
    groups.extend(alone);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");

    /// A folder whose config declares `g20/**` a story set, with seed 003 in it (it spells the
    /// Russian foreign minister `Sergei Lavrov`, where seed 000 spells him `Sergey Lavrov`).
    fn newsroom() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(".newslint.yaml"),
            "select: [NL103]\nstories: [{name: g20, paths: [\"g20/**\"]}]\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("g20")).unwrap();
        std::fs::copy(
            format!("{SEEDS}/003_c4404504afc26fe5.txt"),
            dir.path().join("g20/003.txt"),
        )
        .unwrap();
        dir
    }

    fn seed_000() -> String {
        std::fs::read_to_string(format!("{SEEDS}/000_f1e3116a09d4a900.txt")).unwrap()
    }

    /// The codes found in `g20/003.txt`, checked with `open` as the editor's buffers.
    fn codes_in_003(dir: &Path, open: &[SourceFile]) -> Vec<String> {
        let engine = Engine::new(&Options::default(), dir).unwrap();
        let path = dir.join("g20/003.txt");
        let file = input::read_path(&path).unwrap();
        let run = Run {
            story: false,
            record: &[],
            threads: Some(1),
        };
        let checked = engine
            .check_among(vec![engine.analyse(file)], &run, open)
            .unwrap();
        checked.diagnostics().into_iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_draft_open_in_an_editor_joins_its_story_set_before_it_is_saved() {
        let dir = newsroom();
        assert!(codes_in_003(dir.path(), &[]).is_empty());
        let unsaved = SourceFile::new(
            dir.path().join("g20/000.txt").display().to_string(),
            seed_000(),
        );
        assert_eq!(codes_in_003(dir.path(), &[unsaved]), ["NL103"]);
    }

    #[test]
    fn an_open_buffer_is_read_in_place_of_the_draft_on_disk() {
        let dir = newsroom();
        let on_disk = dir.path().join("g20/000.txt");
        std::fs::write(&on_disk, seed_000()).unwrap();
        assert_eq!(codes_in_003(dir.path(), &[]), ["NL103"]);
        // The editor's buffer of 000 spells the name as 003 does.
        let edited = SourceFile::new(
            on_disk.display().to_string(),
            seed_000().replace("Sergey Lavrov", "Sergei Lavrov"),
        );
        assert!(codes_in_003(dir.path(), &[edited]).is_empty());
    }
}
