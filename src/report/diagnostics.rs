//! Diagnostics as text: `human` (codespan-reporting, in colour or not), `short` (one line each, like a
//! compiler's `--error-format=short`) and `json`. The conversion to codespan is in one function.

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::LineIndex;
use codespan_reporting::diagnostic::{self as cs, LabelStyle};
use codespan_reporting::files;
use codespan_reporting::term::{self, Config, termcolor::Buffer};
use serde::Serialize;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

/// The texts diagnostics point into, by path.
///
/// News copy often puts a whole paragraph on one line; to keep a snippet readable, lines longer than
/// `WRAP` characters are shown as display lines broken at spaces, each still numbered with its real
/// line and column.
pub struct Files<'a> {
    files: Vec<WrappedFile<'a>>,
    ids: HashMap<&'a str, usize>,
}

const WRAP: usize = 100;
/// The longest display line, in characters, when a line has no space to break at.
const HARD_WRAP: usize = 2 * WRAP;

struct WrappedFile<'a> {
    path: &'a str,
    text: &'a str,
    /// The text as the human report shows it, with bidirectional controls escaped.
    shown: OnceCell<Shown<'a>>,
    lines: OnceCell<Vec<DisplayLine>>,
    line_index: OnceCell<LineIndex>,
}

impl<'a> WrappedFile<'a> {
    fn shown(&self) -> &Shown<'a> {
        self.shown.get_or_init(|| Shown::new(self.text))
    }
}

/// A file's text with each bidirectional control written as `<U+202E>`, and where each escape stands,
/// so that labels and carets land on the same characters as in the file.
struct Shown<'a> {
    text: std::borrow::Cow<'a, str>,
    /// For each control: its offset in the file, its offset in `text`, and its length in the file.
    escapes: Vec<(usize, usize, usize)>,
}

impl<'a> Shown<'a> {
    fn new(text: &'a str) -> Shown<'a> {
        if !text.contains(is_bidi_control) {
            return Shown {
                text: text.into(),
                escapes: Vec::new(),
            };
        }
        let mut shown = String::with_capacity(text.len() + 64);
        let mut escapes = Vec::new();
        for (at, c) in text.char_indices() {
            if is_bidi_control(c) {
                escapes.push((at, shown.len(), c.len_utf8()));
                shown.push_str(&escaped(c));
            } else {
                shown.push(c);
            }
        }
        Shown {
            text: shown.into(),
            escapes,
        }
    }

    /// The offset in the shown text of an offset in the file.
    fn in_shown(&self, offset: usize) -> usize {
        match self.escapes.partition_point(|e| e.0 < offset) {
            0 => offset,
            k => {
                let (at, shown_at, length) = self.escapes[k - 1];
                if offset < at + length {
                    shown_at
                } else {
                    offset - at - length + shown_at + ESCAPE_LENGTH
                }
            }
        }
    }

    /// The offset in the file of an offset in the shown text.
    fn in_file(&self, offset: usize) -> usize {
        match self.escapes.partition_point(|e| e.1 < offset) {
            0 => offset,
            k => {
                let (at, shown_at, length) = self.escapes[k - 1];
                if offset < shown_at + ESCAPE_LENGTH {
                    at
                } else {
                    offset - shown_at - ESCAPE_LENGTH + at + length
                }
            }
        }
    }
}

/// The length of `<U+202E>`: every control escaped has four hex digits.
const ESCAPE_LENGTH: usize = 8;

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escaped(c: char) -> String {
    format!("<U+{:04X}>", u32::from(c))
}

/// A piece of a physical line: its byte range, and the physical line it belongs to.
struct DisplayLine {
    start: usize,
    end: usize,
    line_number: usize,
}

impl<'a> Files<'a> {
    pub fn new(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Files<'a> {
        let mut files = Vec::new();
        let mut ids = HashMap::new();
        for (path, text) in sources {
            ids.entry(path).or_insert_with(|| {
                files.push(WrappedFile {
                    path,
                    text,
                    shown: OnceCell::new(),
                    lines: OnceCell::new(),
                    line_index: OnceCell::new(),
                });
                files.len() - 1
            });
        }
        Files { files, ids }
    }

    /// The line and column of an offset in the file at `path`, for printing.
    pub fn line_column(&self, path: &str, offset: usize) -> (usize, usize) {
        match self.ids.get(path) {
            Some(&id) => {
                let file = &self.files[id];
                file.line_index
                    .get_or_init(|| LineIndex::new(file.text))
                    .line_column(file.text, offset)
            }
            None => (1, 1),
        }
    }

    fn display_line(&self, id: usize, index: usize) -> Result<&DisplayLine, files::Error> {
        let lines = self.lines(id)?;
        lines.get(index).ok_or(files::Error::LineTooLarge {
            given: index,
            max: lines.len().saturating_sub(1),
        })
    }

    fn lines(&self, id: usize) -> Result<&[DisplayLine], files::Error> {
        let file = self.files.get(id).ok_or(files::Error::FileMissing)?;
        Ok(file.lines.get_or_init(|| display_lines(&file.shown().text)))
    }
}

fn display_lines(text: &str) -> Vec<DisplayLine> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let mut start = line_start;
        let mut width = 0;
        for (i, c) in line.char_indices() {
            if width == HARD_WRAP {
                // no space to break at: break anyway, so a snippet never copies a whole long line
                lines.push(DisplayLine {
                    start,
                    end: line_start + i,
                    line_number: number + 1,
                });
                start = line_start + i;
                width = 0;
            }
            width += 1;
            if width > WRAP && c == ' ' {
                let end = line_start + i + 1;
                lines.push(DisplayLine {
                    start,
                    end,
                    line_number: number + 1,
                });
                start = end;
                width = 0;
            }
        }
        let end = line_start + line.len();
        lines.push(DisplayLine {
            start,
            end,
            line_number: number + 1,
        });
        line_start = end;
    }
    if lines.is_empty() || text.ends_with('\n') {
        lines.push(DisplayLine {
            start: text.len(),
            end: text.len(),
            line_number: lines.len() + 1,
        });
    }
    lines
}

impl<'f, 'a: 'f> files::Files<'f> for Files<'a> {
    type FileId = usize;
    type Name = &'f str;
    type Source = &'f str;

    fn name(&'f self, id: usize) -> Result<&'f str, files::Error> {
        self.files
            .get(id)
            .map(|f| f.path)
            .ok_or(files::Error::FileMissing)
    }

    fn source(&'f self, id: usize) -> Result<&'f str, files::Error> {
        self.files
            .get(id)
            .map(|f| f.shown().text.as_ref())
            .ok_or(files::Error::FileMissing)
    }

    fn line_index(&'f self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        let lines = self.lines(id)?;
        Ok(lines
            .partition_point(|l| l.end <= byte_index)
            .min(lines.len() - 1))
    }

    fn line_number(&'f self, id: usize, line_index: usize) -> Result<usize, files::Error> {
        let line = self.display_line(id, line_index)?;
        Ok(line.line_number)
    }

    fn column_number(
        &'f self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        self.display_line(id, line_index)?;
        let file = &self.files[id];
        let index = file.line_index.get_or_init(|| LineIndex::new(file.text));
        Ok(index
            .line_column(file.text, file.shown().in_file(byte_index))
            .1)
    }

    fn line_range(&'f self, id: usize, line_index: usize) -> Result<Range<usize>, files::Error> {
        let line = self.display_line(id, line_index)?;
        Ok(line.start..line.end)
    }
}

fn to_codespan(d: &Diagnostic, files: &Files) -> cs::Diagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let label = |style, l: &crate::diagnostic::Label| {
        files.ids.get(l.path.as_str()).map(|&id| {
            let shown = files.files[id].shown();
            let range = shown.in_shown(l.span.start)..shown.in_shown(l.span.end);
            cs::Label::new(style, id, range).with_message(&l.message)
        })
    };
    let mut labels: Vec<cs::Label<usize>> =
        label(LabelStyle::Primary, &d.primary).into_iter().collect();
    labels.extend(
        d.secondary
            .iter()
            .filter_map(|l| label(LabelStyle::Secondary, l)),
    );
    let mut notes = d.notes.clone();
    notes.extend(d.help.iter().map(|h| format!("help: {h}")));
    cs::Diagnostic::new(severity)
        .with_code(format!("{}/{}", d.code, d.name))
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Compiler-style reports, with ANSI colour or without.
pub fn human(diagnostics: &[Diagnostic], files: &Files, colour: bool) -> String {
    let config = Config::default();
    let mut buffer = if colour {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in diagnostics {
        // Rendering can only fail on a span outside its file, which the reader never produces.
        let _ = term::emit_to_write_style(&mut buffer, &config, files, &to_codespan(d, files));
    }
    escape_invisible(&String::from_utf8_lossy(buffer.as_slice()))
}

/// Bidirectional controls shown as `<U+202E>`: written raw, they reorder what the terminal shows, so
/// a report could show the reader other words than the file holds ("Trojan Source"). The files' text is
/// escaped before rendering (`Shown`), so carets stay under their characters; this catches the rest (a
/// path, a message).
fn escape_invisible(report: &str) -> String {
    if !report.contains(is_bidi_control) {
        return report.to_string();
    }
    report
        .chars()
        .map(|c| {
            if is_bidi_control(c) {
                escaped(c)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `path:line:col: severity[CODE]: message`, one line each.
pub fn short(diagnostics: &[Diagnostic], files: &Files) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let (line, column) = files.line_column(&d.primary.path, d.primary.span.start);
            format!(
                "{}:{line}:{column}: {}[{}]: {}\n",
                d.primary.path,
                d.severity.as_str(),
                d.code,
                d.message
            )
        })
        .collect()
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    code: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    labels: Vec<LabelJson<'a>>,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct LabelJson<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    message: &'a str,
}

/// A JSON array, one object per diagnostic; `labels` are the secondary labels.
pub fn json(diagnostics: &[Diagnostic], files: &Files) -> String {
    super::JsonArray::whole(&json_items(diagnostics, files))
}

/// The objects of `json`'s array, to write a file's diagnostics as they are found (`JsonArray`).
pub fn json_items(diagnostics: &[Diagnostic], files: &Files) -> String {
    let out: Vec<DiagnosticJson> = diagnostics
        .iter()
        .map(|d| {
            let (line, column) = files.line_column(&d.primary.path, d.primary.span.start);
            DiagnosticJson {
                code: &d.code,
                name: &d.name,
                severity: d.severity,
                message: &d.message,
                path: &d.primary.path,
                start: d.primary.span.start,
                end: d.primary.span.end,
                line,
                column,
                labels: d
                    .secondary
                    .iter()
                    .map(|l| LabelJson {
                        path: &l.path,
                        start: l.span.start,
                        end: l.span.end,
                        message: &l.message,
                    })
                    .collect(),
                help: d.help.as_deref(),
            }
        })
        .collect();
    super::json_items(&out)
}

/// The length of the YAML value at the start of `text`: a quoted string to its closing quote, or a bare
/// token to the next space or separator.
fn value_length(text: &str) -> usize {
    let line = text.split('\n').next().unwrap_or("");
    let quoted = line.chars().next().filter(|c| matches!(c, '"' | '\''));
    let length = match quoted {
        Some(q) => line[1..].find(q).map_or(line.len(), |i| i + 2),
        None => line
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ']' | '}'))
            .unwrap_or(line.len()),
    };
    length.max(1).min(text.len())
}

/// A rule, cue or config file that could not be loaded, shown against the file at the error's position.
pub fn load_error(error: &crate::error::LoadError, colour: bool) -> String {
    let mut buffer = if colour {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let files = Files::new([(error.path.as_str(), error.text.as_str())]);
    let mut diagnostic = cs::Diagnostic::error().with_message(&error.message);
    if let Some(offset) = error.offset.filter(|&o| o <= error.text.len()) {
        let end = offset + value_length(&error.text[offset..]);
        let shown = files.files[0].shown();
        let range = shown.in_shown(offset)..shown.in_shown(end);
        diagnostic = diagnostic.with_labels(vec![cs::Label::primary(0, range)]);
    } else {
        diagnostic = diagnostic.with_notes(vec![format!("in {}", error.path)]);
    }
    let _ = term::emit_to_write_style(&mut buffer, &Config::default(), &files, &diagnostic);
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_between_the_file_and_its_escaped_text() {
        // a two-byte Arabic letter mark and a three-byte override, each shown as eight characters
        let text = "a\u{061c}b \u{202e}cd";
        let shown = Shown::new(text);
        assert_eq!(shown.text, "a<U+061C>b <U+202E>cd");
        for (file, in_shown) in [(0, 0), (1, 1), (3, 9), (4, 10), (5, 11), (8, 19), (9, 20)] {
            assert_eq!(shown.in_shown(file), in_shown, "file offset {file}");
            assert_eq!(shown.in_file(in_shown), file, "shown offset {in_shown}");
        }
    }
}
