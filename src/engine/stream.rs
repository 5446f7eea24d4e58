//! `check` as the files are read: each file alone, or each story set together, on the worker threads,
//! its report handed on in order of path as soon as it and every path before it are done, and its
//! analysis dropped there. Memory grows with the largest file or story set, not with the number of
//! files. The output is the one `Engine::check` gives, in the same order, for a run without `--story`
//! or `--against` (those compare every file given with the rest, so they check all files at once).

use super::{Engine, Error, Fixes, Tally, discover, file_findings, story_findings};
use crate::diagnostic::{self, Diagnostic};
use crate::input::{self, InputError, SourceFile};
use crate::{Analysis, Attribution, Parsed, fix, walk};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a command hands on, in order of path: a file that could not be read, or what it made of a
/// readable one (`check`: the report of the files shown with one path, as its `render` made it;
/// `attributions`: a file and its attributions).
pub enum Piece<R> {
    Unreadable(InputError),
    Report(R),
}

impl<R> Piece<R> {
    pub fn map<S>(self, f: impl FnOnce(R) -> S) -> Piece<S> {
        match self {
            Piece::Unreadable(e) => Piece::Unreadable(e),
            Piece::Report(r) => Piece::Report(f(r)),
        }
    }
}

/// A file given to check: where to read it (standard input if none) and the path reports show.
struct Given {
    path: Option<PathBuf>,
    shown: String,
}

/// The reports of some paths, each by its place in the sorted paths, and what the files read hold.
type Done<R> = (Vec<(usize, Vec<Piece<R>>)>, Tally);

impl Engine {
    /// Reads and checks the files `paths` name (`-` is standard input) on `threads` threads (all
    /// cores if none), each alone or with the rest of its story set. For each path in sorted order,
    /// `render` makes its report on a worker, from the files the diagnostics point into and the
    /// diagnostics sorted by offset and code; `emit` gets the reports, and the files that could not
    /// be read, on this thread in order of path. Nothing is emitted for a run that read no copy,
    /// which is an error as with `read`.
    pub fn check_each<R: Send>(
        &self,
        paths: &[PathBuf],
        globs: &[String],
        threads: Option<usize>,
        render: impl Fn(&[&SourceFile], &[Diagnostic]) -> R + Sync,
        emit: impl FnMut(Piece<R>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let (given, errors) = given(paths, globs)?;
        let mut shown: Vec<&str> = given.iter().map(|g| g.shown.as_str()).collect();
        shown.sort_unstable();
        shown.dedup();
        let slot = |g: &Given| {
            shown
                .binary_search(&g.shown.as_str())
                .expect("every path has a slot")
        };
        let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut alone: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, g) in given.iter().enumerate() {
            match self.stories.set_of(&g.shown) {
                Some(set) => sets.entry(set).or_default().push(i),
                None => alone.entry(slot(g)).or_default().push(i),
            }
        }
        let threads = threads.unwrap_or_else(walk::default_threads);
        let mut gate = Gate::new(emit, !errors.is_empty());
        gate.pass(errors.into_iter().map(Piece::Unreadable))?;
        // Story sets first, all of them, so that a draft of a set that cannot be read stops the run
        // before anything is reported; their reports wait for their turn.
        let sets: Vec<(usize, Vec<usize>)> = sets.into_iter().collect();
        let mut waiting = BTreeMap::new();
        for done in walk::parallel_map(&sets, threads, |(set, members)| {
            self.check_set(*set, members, &given, &slot, &render)
        }) {
            let (reports, tally) = done?;
            gate.tally.merge(tally);
            waiting.extend(reports);
        }
        let alone: Vec<(usize, Vec<usize>)> = alone.into_iter().collect();
        walk::parallel_emit(
            &alone,
            threads,
            |(slot, members)| self.check_alone(*slot, members, &given, &render),
            |(reports, tally)| {
                gate.tally.merge(tally);
                for (slot, pieces) in reports {
                    gate.pass_waiting_before(slot, &mut waiting)?;
                    gate.pass(pieces)?;
                }
                Ok::<(), Error>(())
            },
        )?;
        gate.pass_waiting_before(usize::MAX, &mut waiting)?;
        gate.finish(paths)
    }

    /// Reads the files `paths` name (`-` is standard input) and finds their attributions on `threads`
    /// threads (all cores if none); `emit` gets each file with its attributions, and the files that
    /// could not be read, on this thread in input order, to write them out (a report of a long file
    /// made on a worker was held whole until its turn). Nothing is emitted for a run that read no
    /// copy, which is an error as with `read`.
    pub fn attributions_each(
        &self,
        paths: &[PathBuf],
        globs: &[String],
        threads: Option<usize>,
        emit: impl FnMut(Piece<(SourceFile, Vec<Attribution>)>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let (given, errors) = given(paths, globs)?;
        let mut gate = Gate::new(emit, !errors.is_empty());
        gate.pass(errors.into_iter().map(Piece::Unreadable))?;
        let order: Vec<usize> = (0..given.len()).collect();
        walk::parallel_emit(
            &order,
            threads.unwrap_or_else(walk::default_threads),
            |&i| {
                let mut tally = Tally::default();
                let piece = match self.read_given(&given[i]) {
                    Ok(parsed) => {
                        tally.add(i, &parsed.file, &parsed.document);
                        Piece::Report(parsed.into_attributions(&self.lexicon))
                    }
                    Err(e) => Piece::Unreadable(e),
                };
                (piece, tally)
            },
            |(piece, tally)| {
                gate.tally.merge(tally);
                gate.pass([piece])
            },
        )?;
        gate.finish(paths)
    }

    /// Checks each file given with one path, alone.
    fn check_alone<R>(
        &self,
        slot: usize,
        members: &[usize],
        given: &[Given],
        render: &impl Fn(&[&SourceFile], &[Diagnostic]) -> R,
    ) -> Done<R> {
        let mut pieces = Vec::new();
        let mut tally = Tally::default();
        let mut files = Vec::new();
        let mut found = Vec::new();
        for &i in members {
            match self.read_given(&given[i]) {
                Ok(parsed) => {
                    tally.add(i, &parsed.file, &parsed.document);
                    let (file, findings) = file_findings(
                        parsed,
                        &self.lexicon,
                        &self.pack,
                        &self.config.discrepancy,
                        Fixes::Reported,
                    );
                    let mapped = fix::MappedFiles::new([&file]);
                    found.extend(self.kept_by_policy(&file.path, findings, &mapped, &[&file]));
                    files.push(file);
                }
                Err(e) => pieces.push(Piece::Unreadable(e)),
            }
        }
        if !files.is_empty() {
            let files: Vec<&SourceFile> = files.iter().collect();
            pieces.push(Piece::Report(render_sorted(&files, found, render)));
        }
        (vec![(slot, pieces)], tally)
    }

    /// Checks the given drafts of story set `set` together with the rest of the set on disk (read
    /// first, to compare with); each given path's report.
    fn check_set<R>(
        &self,
        set: usize,
        members: &[usize],
        given: &[Given],
        slot: &impl Fn(&Given) -> usize,
        render: &impl Fn(&[&SourceFile], &[Diagnostic]) -> R,
    ) -> Result<Done<R>, Error> {
        let mut by_slot: BTreeMap<usize, Vec<Piece<R>>> = BTreeMap::new();
        let mut tally = Tally::default();
        let mut read = Vec::new();
        let mut unread = Vec::new();
        for &i in members {
            match self.read_given(&given[i]) {
                Ok(parsed) => {
                    tally.add(i, &parsed.file, &parsed.document);
                    read.push((i, parsed.analyse(&self.lexicon)));
                }
                Err(e) => {
                    unread.push(i);
                    by_slot
                        .entry(slot(&given[i]))
                        .or_default()
                        .push(Piece::Unreadable(e));
                }
            }
        }
        // A given draft that could not be read is looked for on disk with the rest, as `check` does.
        let scope = self.stories.scope();
        let have: Vec<PathBuf> = (0..given.len())
            .filter(|i| !unread.contains(i))
            .map(|i| scope.absolute(Path::new(&given[i].shown)))
            .collect();
        let mut analyses = Vec::new();
        for path in self
            .stories
            .members_on_disk(set)
            .map_err(|e| Error::Message(format!("{e} (a folder of a story set being checked)")))?
        {
            if !have.contains(&path) {
                let mut file = input::read_path(&path).map_err(|e| {
                    Error::Message(format!("{e} (a draft of a story set being checked)"))
                })?;
                file.path = scope.shown(&path);
                analyses.push(self.analyse(file));
            }
        }
        let context = analyses.len();
        let order: Vec<usize> = read.iter().map(|(i, _)| *i).collect();
        analyses.extend(read.into_iter().map(|(_, a)| a));
        let members: Vec<&Analysis> = analyses.iter().collect();
        // Streamed reports are never fixed (`--fix` and `--diff` check the whole set at once).
        let found = story_findings(
            &members,
            &self.pack,
            &self.config.discrepancy,
            Fixes::Reported,
        );
        let (others, drafts) = analyses.split_at(context);
        let files: Vec<&SourceFile> = drafts.iter().chain(others).map(|a| &a.file).collect();
        let mapped = fix::MappedFiles::new(files.iter().copied());
        let mut kept: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
        for ((i, analysis), found) in order
            .iter()
            .zip(drafts)
            .zip(found.into_iter().skip(context))
        {
            kept.entry(slot(&given[*i]))
                .or_default()
                .extend(self.keep(analysis, found, &mapped, &files));
        }
        for (slot, found) in kept {
            by_slot
                .entry(slot)
                .or_default()
                .push(Piece::Report(render_sorted(&files, found, render)));
        }
        Ok((by_slot.into_iter().collect(), tally))
    }

    fn read_given(&self, given: &Given) -> Result<Parsed, InputError> {
        let file = match &given.path {
            Some(path) => input::read_path(path)?,
            None => input::read_stdin()?,
        };
        Ok(self.parse(file))
    }
}

/// The files to read in input order (standard input first, as `read` reads them), and what could not
/// be walked or is in a format newslint does not read.
fn given(paths: &[PathBuf], globs: &[String]) -> Result<(Vec<Given>, Vec<InputError>), Error> {
    let (found, errors) = discover(paths, globs)?;
    let stdin = found.stdin.then(|| Given {
        path: None,
        shown: "<stdin>".into(),
    });
    let files = found.files.into_iter().map(|path| Given {
        shown: path.display().to_string(),
        path: Some(path),
    });
    Ok((stdin.into_iter().chain(files).collect(), errors))
}

/// Diagnostics sorted and capped per rule as `Checked::diagnostics` does, then rendered.
fn render_sorted<R>(
    files: &[&SourceFile],
    found: Vec<Diagnostic>,
    render: &impl Fn(&[&SourceFile], &[Diagnostic]) -> R,
) -> R {
    render(files, &diagnostic::sorted_and_capped(found))
}

/// Hands pieces on once the run is known to have read copy, holding them back until then: a run
/// that read no copy reports nothing but the error (unless files could not be read, which is
/// reported anyway).
struct Gate<R, F> {
    emit: F,
    held: Vec<Piece<R>>,
    errors: bool,
    tally: Tally,
}

impl<R, F: FnMut(Piece<R>) -> Result<(), Error>> Gate<R, F> {
    fn new(emit: F, errors: bool) -> Gate<R, F> {
        Gate {
            emit,
            held: Vec::new(),
            errors,
            tally: Tally::default(),
        }
    }

    fn pass(&mut self, pieces: impl IntoIterator<Item = Piece<R>>) -> Result<(), Error> {
        for piece in pieces {
            self.errors |= matches!(piece, Piece::Unreadable(_));
            self.held.push(piece);
        }
        if self.tally.copy {
            self.held.drain(..).try_for_each(&mut self.emit)?;
        }
        Ok(())
    }

    /// Passes the story sets' reports of the paths before `slot`.
    fn pass_waiting_before(
        &mut self,
        slot: usize,
        waiting: &mut BTreeMap<usize, Vec<Piece<R>>>,
    ) -> Result<(), Error> {
        while let Some(entry) = waiting.first_entry().filter(|e| *e.key() < slot) {
            self.pass(entry.remove())?;
        }
        Ok(())
    }

    fn finish(mut self, paths: &[PathBuf]) -> Result<(), Error> {
        if !self.errors {
            self.tally.nothing_unread(paths)?;
        }
        self.held.drain(..).try_for_each(&mut self.emit)
    }
}
