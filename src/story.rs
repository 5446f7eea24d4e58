//! Story sets: the drafts of one story, declared by globs under `stories:` in `.newslint.yaml` and
//! matched relative to the config's folder. A run that names one draft of a set finds the rest of the
//! set on disk, so a pre-commit hook that passes only the staged draft still compares it with the
//! drafts already committed.

use crate::config::{Scope, Story};
use crate::input::InputError;
use crate::walk::{self, Selection};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// The config's story sets, compiled, with where their globs start.
pub struct StorySets {
    sets: Vec<GlobSet>,
    /// For each set, the folders (or files) its globs can match under: the part before any wildcard.
    roots: Vec<Vec<PathBuf>>,
    scope: Scope,
}

impl StorySets {
    pub fn new(stories: &[Story], scope: Scope) -> Result<StorySets, String> {
        let mut sets = Vec::new();
        let mut roots = Vec::new();
        for story in stories {
            let mut globs = GlobSetBuilder::new();
            for p in &story.paths {
                globs.add(Glob::new(p).map_err(|e| format!("bad glob in `stories`: {e}"))?);
            }
            sets.push(globs.build().map_err(|e| e.to_string())?);
            roots.push(
                story
                    .paths
                    .iter()
                    .map(|p| scope.base.join(literal_prefix(p)))
                    .collect(),
            );
        }
        Ok(StorySets { sets, roots, scope })
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// The set the file at `path` (as given or found) belongs to, if any.
    pub fn set_of(&self, path: &str) -> Option<usize> {
        if self.sets.is_empty() {
            return None; // no path to resolve (resolving one may ask the file system)
        }
        let relative = self.scope.relative(path);
        self.sets.iter().position(|s| s.is_match(&relative))
    }

    /// Every copy file of set `set` on disk, absolute and sorted, walked as folders are (honouring
    /// .gitignore, skipping hidden files); a folder of the set that cannot be walked is an error, not
    /// a draft silently left out.
    pub fn members_on_disk(&self, set: usize) -> Result<Vec<PathBuf>, InputError> {
        let copy_files = Selection::new(&[]).expect("no globs is a valid selection");
        let roots: Vec<PathBuf> = self.roots[set]
            .iter()
            .filter(|r| r.exists())
            .cloned()
            .collect();
        let discovered = walk::discover(&roots, &copy_files);
        if let Some(error) = discovered.errors.into_iter().next() {
            return Err(error);
        }
        let mut found: Vec<PathBuf> = discovered
            .files
            .into_iter()
            .filter(|p| self.set_of(&p.to_string_lossy()) == Some(set))
            .collect();
        found.sort();
        found.dedup();
        Ok(found)
    }
}

/// `fire/**` → `fire`, `drafts/*/v1.md` → `drafts`, `**/x.md` → ``: the folders before the first
/// component with a wildcard, where a walk for the glob's files can start.
fn literal_prefix(glob: &str) -> &Path {
    let end = match glob.find(['*', '?', '[', '{', '\\']) {
        None => glob.len(),
        Some(wild) => glob[..wild].rfind('/').map_or(0, |slash| slash + 1),
    };
    Path::new(&glob[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_for_a_glob_starts_before_its_first_wildcard() {
        assert_eq!(literal_prefix("fire/**"), Path::new("fire/"));
        assert_eq!(literal_prefix("drafts/*/v1.md"), Path::new("drafts/"));
        assert_eq!(literal_prefix("**/x.md"), Path::new(""));
        assert_eq!(literal_prefix("fire/v1.md"), Path::new("fire/v1.md"));
    }

    #[test]
    fn a_draft_belongs_to_a_set_however_its_path_is_written() {
        let scope = Scope::new(Path::new("/news"), Path::new("/news/fire"));
        let stories = [Story {
            name: Some("fire".into()),
            paths: vec!["fire/**".into()],
        }];
        let sets = StorySets::new(&stories, scope).unwrap();
        assert_eq!(sets.set_of("v2.md"), Some(0));
        assert_eq!(sets.set_of("/news/fire/v2.md"), Some(0));
        assert_eq!(sets.set_of("../opinion/a.md"), None);
    }
}
