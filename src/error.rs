//! Errors in files newslint loads as configuration (the cue lexicon, later rule files), located
//! by byte offset in the YAML so they can be shown like any other diagnostic.

use crate::span::line_column;
use std::fmt;

#[derive(Debug, Clone)]
pub struct LoadError {
    pub path: String,
    pub text: String,
    pub offset: Option<usize>,
    pub message: String,
}

impl LoadError {
    pub fn new(
        path: &str,
        text: &str,
        offset: Option<usize>,
        message: impl Into<String>,
    ) -> LoadError {
        LoadError {
            path: path.to_string(),
            text: text.to_string(),
            offset,
            message: message.into(),
        }
    }

    pub fn from_yaml(path: &str, text: &str, err: &serde_yaml::Error) -> LoadError {
        let offset = err.location().map(|l| l.index());
        // serde_yaml's message repeats the position at its end; the location is shown separately.
        let message = err.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        LoadError::new(path, text, offset, message)
    }

    /// Reads a file newslint loads as configuration; bytes that are not UTF-8 are an error placed at
    /// the first of them, so the writer of the file can find it.
    pub fn read(path: &std::path::Path) -> Result<String, LoadError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| LoadError::new(&shown, "", None, format!("cannot be read: {e}")))?;
        String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes());
            LoadError::new(
                &shown,
                &text,
                Some(at),
                "is not UTF-8 from here on; save it as UTF-8",
            )
        })
    }

    pub fn line_column(&self) -> Option<(usize, usize)> {
        self.offset.map(|o| line_column(&self.text, o))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_column() {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for LoadError {}
