//! The server's state: the engine for the workspace's config, and the drafts the editor holds
//! open, each with its last check. A draft is checked through `Engine::check_among`, the pipeline
//! of `newslint check`, with the rest of its story set read from the editor's buffers where they
//! are open and from disk where they are not.

use super::convert::{self, Encoding, Lines};
use super::uri;
use crate::diagnostic::Diagnostic;
use crate::engine::{Checked, Engine, Options, Run};
use crate::input::{self, Format, SourceFile};
use crate::{Analysis, checks};
use lsp_types as lsp;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct Workspace {
    /// Where `newslint check` would be run from: the editor's workspace folder.
    pub root: PathBuf,
    options: Options,
    engine: Result<Engine, String>,
    docs: HashMap<PathBuf, Doc>,
}

/// A draft open in the editor.
pub struct Doc {
    pub uri: lsp::Uri,
    pub version: i32,
    pub text: String,
    /// The last check, of `checked_version`.
    checked: Option<Checked>,
    checked_version: i32,
}

impl Workspace {
    pub fn new(root: PathBuf, options: Options) -> Workspace {
        let engine = load(&root, &options);
        Workspace {
            root,
            options,
            engine,
            docs: HashMap::new(),
        }
    }

    /// Why the config (or its rules or cues) could not be loaded, if it could not.
    pub fn setup_error(&self) -> Option<&str> {
        self.engine.as_ref().err().map(String::as_str)
    }

    /// Loads the config (and its rules and cues) again; the error, if it cannot be.
    pub fn reload(&mut self) -> Result<(), String> {
        self.engine = load(&self.root, &self.options);
        self.engine.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// Whether a file's change means the setup must be loaded again: the config in force, or any
    /// YAML file (a config being created, rule or cue files).
    pub fn is_setup(&self, path: &Path) -> bool {
        let config = self
            .engine
            .as_ref()
            .ok()
            .and_then(|e| e.config_path.as_ref());
        config.is_some_and(|c| self.absolute(c) == path)
            || path.extension().is_some_and(|e| e == "yaml" || e == "yml")
    }

    pub fn doc(&self, path: &Path) -> Option<&Doc> {
        self.docs.get(path)
    }

    pub fn open_paths(&self) -> Vec<PathBuf> {
        self.docs.keys().cloned().collect()
    }

    pub fn open(&mut self, path: PathBuf, uri: lsp::Uri, version: i32, text: String) {
        let doc = Doc {
            uri,
            version,
            text,
            checked: None,
            checked_version: version,
        };
        self.docs.insert(path, doc);
    }

    /// Applies the editor's changes (whole text, or ranges in `encoding`) to an open draft.
    pub fn change(
        &mut self,
        path: &Path,
        version: i32,
        changes: Vec<lsp::TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        let Some(doc) = self.docs.get_mut(path) else {
            return;
        };
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = Lines::new(&doc.text, encoding).span(range);
                    doc.text.replace_range(span.range(), &change.text);
                }
                None => doc.text = change.text,
            }
        }
        doc.version = version;
    }

    pub fn close(&mut self, path: &Path) -> Option<Doc> {
        self.docs.remove(path)
    }

    /// The other open drafts of the story set `path` is in.
    pub fn same_story(&self, path: &Path) -> Vec<PathBuf> {
        let Ok(engine) = &self.engine else {
            return Vec::new();
        };
        let set_of = |p: &Path| engine.story_set_of(&p.to_string_lossy());
        match set_of(path) {
            None => Vec::new(),
            set => self
                .docs
                .keys()
                .filter(|p| p.as_path() != path && set_of(p) == set)
                .cloned()
                .collect(),
        }
    }

    /// Checks an open draft as `newslint check` checks the file, with its story set.
    pub fn check(&mut self, path: &Path) -> Result<(), String> {
        let engine = self.engine.as_ref().map_err(Clone::clone)?;
        let Some(doc) = self.docs.get(path) else {
            return Ok(());
        };
        let given = engine.analyse(SourceFile::new(path.display().to_string(), &*doc.text));
        let open: Vec<SourceFile> = self
            .same_story(path)
            .iter()
            .map(|p| SourceFile::new(p.display().to_string(), &*self.docs[p].text))
            .collect();
        let run = Run {
            story: false,
            record: &[],
            threads: None,
        };
        let checked = engine
            .check_among(vec![given], &run, &open)
            .map_err(|e| e.to_string())?;
        let doc = self.docs.get_mut(path).expect("the draft is open");
        doc.checked_version = doc.version;
        doc.checked = Some(checked);
        Ok(())
    }

    /// The last check of an open draft, if it is of the text the editor holds now: its analysis
    /// and findings.
    pub fn checked(&self, path: &Path) -> Option<(&Analysis, &[Diagnostic])> {
        let doc = self.docs.get(path)?;
        let checked = doc.checked.as_ref()?;
        let (analysis, found) = checked.files.first()?;
        (doc.checked_version == doc.version).then_some((analysis, found.as_slice()))
    }

    /// The findings of the last check, as the client shows them, with the version checked.
    pub fn diagnostics(&self, path: &Path, encoding: Encoding) -> (Vec<lsp::Diagnostic>, i32) {
        let Some(doc) = self.docs.get(path) else {
            return (Vec::new(), 0);
        };
        let Some(checked) = &doc.checked else {
            return (Vec::new(), doc.checked_version);
        };
        let files: Vec<(String, lsp::Uri, Lines)> = checked
            .files
            .iter()
            .map(|(a, _)| a)
            .chain(&checked.context)
            .map(|a| &a.file)
            .map(|f| {
                let absolute = self.absolute(Path::new(&f.path));
                let lines = Lines::new(f.original(), encoding);
                (f.path.clone(), uri::from_path(&absolute), lines)
            })
            .collect();
        let place = |path: &str| {
            files
                .iter()
                .find(|(p, ..)| p == path)
                .map(|(_, uri, lines)| (uri.clone(), lines))
        };
        let Some((_, _, own)) = files.first() else {
            return (Vec::new(), doc.checked_version);
        };
        let found = checked
            .diagnostics()
            .iter()
            .map(|d| convert::diagnostic(d, own, &place))
            .collect();
        (found, doc.checked_version)
    }

    /// A rule's documentation, as `newslint explain` prints it.
    pub fn explain(&self, code: &str) -> Option<String> {
        let registry = match &self.engine {
            Ok(engine) => engine.pack().registry(),
            Err(_) => checks::registry(),
        };
        registry.find(code).map(|r| r.explanation.clone())
    }

    /// A path as the engine shows it, made absolute from the workspace folder.
    fn absolute(&self, path: &Path) -> PathBuf {
        self.root.join(path)
    }
}

/// Whether the server checks a document: a file in a format newslint reads as text (a Word
/// document is binary: an editor does not open it as text), or one with no extension.
pub fn is_draft(path: &Path) -> bool {
    let named = path.display().to_string();
    match path.extension() {
        None => true,
        Some(_) => input::is_copy_file(path) && Format::from_path(&named) != Format::Word,
    }
}

fn load(root: &Path, options: &Options) -> Result<Engine, String> {
    let options = Options {
        config: options.config.clone(),
        cues: options.cues.clone(),
        ..Options::default()
    };
    Engine::new(&options, root).map_err(|e| e.to_string())
}
