//! Which files to read: paths the user names are always read; folders are walked with the `ignore`
//! crate's parallel walker (honouring .gitignore and .ignore, skipping hidden files), keeping copy
//! files (every format `input` reads) or, with `--glob`, the files the globs select.
//! Work on the files is then shared across threads and the results come back in input order.

use crate::input::InputError;
use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which files inside folders are copy: `--glob` patterns (`!` excludes), or the copy extensions.
pub struct Selection {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Selection {
    pub fn new(globs: &[String]) -> Result<Selection, globset::Error> {
        let mut include = GlobSetBuilder::new();
        let mut exclude = GlobSetBuilder::new();
        let mut any_include = false;
        for pattern in globs {
            match pattern.strip_prefix('!') {
                Some(negated) => {
                    exclude.add(Glob::new(negated)?);
                }
                None => {
                    include.add(Glob::new(pattern)?);
                    any_include = true;
                }
            }
        }
        Ok(Selection {
            include: any_include.then(|| include.build()).transpose()?,
            exclude: exclude.build()?,
        })
    }

    /// Globs match the path relative to the walked folder or the file name alone.
    fn selects(&self, relative: &Path) -> bool {
        let name = relative.file_name().map(Path::new).unwrap_or(relative);
        let matches = |set: &GlobSet| set.is_match(relative) || set.is_match(name);
        if matches(&self.exclude) {
            return false;
        }
        match &self.include {
            Some(include) => matches(include),
            None => crate::input::is_copy_file(relative),
        }
    }
}

/// What walking the paths found: the files to read, and what could not be walked (a folder that
/// cannot be listed, an ignore file that cannot be read), which the check must not pass over.
#[derive(Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<InputError>,
}

/// The files to read, sorted within each folder, in the order the user named the paths.
pub fn discover(paths: &[PathBuf], selection: &Selection) -> Discovered {
    let mut discovered = Discovered::default();
    for path in paths {
        if path.is_dir() {
            walk_folder(path, selection, &mut discovered);
        } else {
            // named files are always read, even missing ones: reading reports why
            discovered.files.push(path.clone());
        }
    }
    discovered
}

fn walk_folder(root: &Path, selection: &Selection, discovered: &mut Discovered) {
    let found = Mutex::new(Discovered::default());
    WalkBuilder::new(root)
        .require_git(false)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                let mut found = found.lock().expect("walker threads do not panic");
                match entry {
                    Ok(entry) => {
                        if let Some(e) = entry.error() {
                            found.errors.push(walk_error(entry.path(), e));
                        }
                        let is_file = entry.file_type().is_some_and(|t| t.is_file());
                        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                        if is_file && selection.selects(relative) {
                            found.files.push(entry.into_path());
                        }
                    }
                    Err(e) => found.errors.push(walk_error(root, &e)),
                }
                WalkState::Continue
            })
        });
    let mut found = found.into_inner().expect("walker threads do not panic");
    found.files.sort_by_cached_key(|path| order_key(path));
    found.errors.sort_by_key(|e| e.to_string());
    discovered.files.extend(found.files);
    discovered.errors.extend(found.errors);
}

/// Bytes that sort as `Path`'s order sorts paths (component by component, each component's kind
/// before its name): a tag for the kind, the name, and a zero byte, which no name holds, to end it.
/// Comparing paths parses both at every comparison; a folder of 23,000 files spent 3% of an
/// `attributions` run sorting them.
fn order_key(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        let (tag, name) = match component {
            Component::Prefix(prefix) => (1, prefix.as_os_str()),
            Component::RootDir => (2, "".as_ref()),
            Component::CurDir => (3, "".as_ref()),
            Component::ParentDir => (4, "".as_ref()),
            Component::Normal(name) => (5, name),
        };
        key.push(tag);
        key.extend_from_slice(name.as_encoded_bytes());
        key.push(0);
    }
    key
}

/// A walker error as an input error on the path it names (the walked folder if it names none).
fn walk_error(root: &Path, error: &ignore::Error) -> InputError {
    let mut path = root.display().to_string();
    let mut error = error;
    loop {
        match error {
            ignore::Error::WithPath { path: p, err } => {
                path = p.display().to_string();
                error = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                error = err
            }
            _ => break,
        }
    }
    InputError::Unreadable {
        path,
        reason: error.to_string(),
    }
}

/// Maps `f` over `items` on `threads` threads; results keep the items' order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker threads do not panic"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Maps `f` over `items` on `threads` threads and hands each result to `emit` on the calling thread,
/// in the items' order, as soon as it and every result before it are done: a result waits for the
/// items before it (and the few others of its batch), never for all of them. The first error from
/// `emit` stops the workers and is returned.
pub fn parallel_emit<T: Sync, R: Send, E>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().try_for_each(|item| emit(f(item)));
    }
    let batch = batch_size(items.len(), threads);
    let next = AtomicUsize::new(0);
    let (next, f) = (&next, &f);
    std::thread::scope(|scope| {
        let (done, results) = std::sync::mpsc::channel();
        for _ in 0..threads {
            let done = done.clone();
            scope.spawn(move || {
                loop {
                    let start = next.fetch_add(batch, Ordering::Relaxed);
                    let Some(claimed) = items.get(start..items.len().min(start + batch)) else {
                        break;
                    };
                    let mapped: Vec<R> = claimed.iter().map(f).collect();
                    if mapped.is_empty() || done.send((start, mapped)).is_err() {
                        break; // all taken, or the caller stopped on an error
                    }
                }
            });
        }
        drop(done);
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (start, mapped) in results {
            waiting.insert(start, mapped);
            while let Some(mapped) = waiting.remove(&due) {
                due += mapped.len();
                mapped.into_iter().try_for_each(&mut emit)?;
            }
        }
        Ok(())
    })
}

/// How many items a worker takes at a time: one each for a few (a story set of two long drafts is
/// two workers' work), up to 16 for a folder of thousands, where handing over each result woke the
/// calling thread 24,000 times over the corpus.
fn batch_size(items: usize, threads: usize) -> usize {
    (items / (threads * 64)).clamp(1, 16)
}

/// The threads to use when the user does not say: all the machine has.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_sort_as_paths_sort() {
        // A name that is a prefix of another, a separator against a byte below `/` (`a-b`, `a.b`),
        // upper case, non-ASCII, `.` and `..`, absolute and relative paths.
        let names = [
            "a/b", "a-b/c", "a.b", "a/b/c", "ab", "a", "A/b", "é/x", "./a/b", "../a", "/a/b", "/a",
            "a/b.txt", "a/b-c", "a//b/./c", "a/B", "b", "",
        ];
        let mut by_key: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let mut by_path = by_key.clone();
        by_key.sort_by_cached_key(|p| order_key(p));
        by_path.sort();
        assert_eq!(by_key, by_path);
    }

    #[test]
    fn selects_copy_files_by_default_and_globs_when_given() {
        let default = Selection::new(&[]).unwrap();
        assert!(default.selects(Path::new("a/story.md")));
        assert!(default.selects(Path::new("story.TXT")));
        assert!(!default.selects(Path::new("photo.jpg")));
        let globs = Selection::new(&["*.draft".into(), "!old/**".into()]).unwrap();
        assert!(globs.selects(Path::new("x/a.draft")));
        assert!(!globs.selects(Path::new("old/a.draft")));
        assert!(!globs.selects(Path::new("a.txt")));
    }

    #[test]
    fn parallel_emit_hands_results_on_in_order_and_stops_on_an_error() {
        // A hundred items go one at a time; ten thousand in batches, the last one short.
        for n in [100, 10_007] {
            let items: Vec<usize> = (0..n).collect();
            let mut seen = Vec::new();
            let all: Result<(), ()> = parallel_emit(
                &items,
                4,
                |i| i * 2,
                |r| {
                    seen.push(r);
                    Ok(())
                },
            );
            assert_eq!(all, Ok(()));
            assert_eq!(seen, parallel_map(&items, 1, |i| i * 2));
        }
        let items: Vec<usize> = (0..100).collect();
        let mut count = 0;
        let stopped = parallel_emit(
            &items,
            2,
            |&i| i,
            |i| {
                count += 1;
                if i == 10 { Err(i) } else { Ok(()) }
            },
        );
        assert_eq!((stopped, count), (Err(10), 11));
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<usize> = (0..100).collect();
        assert_eq!(
            parallel_map(&items, 4, |i| i * 2),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
    }
}
