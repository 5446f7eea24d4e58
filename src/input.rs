//! Reading copy from disk or stdin into a `SourceFile`, or a clear `InputError` saying why not.
//!
//! Bytes come in; a validated UTF-8 string with its display path goes out. Nothing later re-reads the file.

use crate::span::Span;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// How the bytes of a file are to be read as copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Word,
}

/// The formats newslint reads, each with its file extensions: folders are walked for these, and a
/// file named in any other format is refused rather than passed unread.
const EXTENSIONS: &[(Format, &str, &[&str])] = &[
    (Format::Text, "plain text", &["txt", "text"]),
    (Format::Markdown, "Markdown", &["md", "markdown"]),
    (Format::Html, "HTML", &["html", "htm"]),
    (Format::Word, "Word", &["docx"]),
];

impl Format {
    /// The format of a copy extension (`.md`, `.txt`, any case), or `None` for a format not read.
    pub fn of_extension(ext: &str) -> Option<Format> {
        EXTENSIONS
            .iter()
            .find(|(_, _, exts)| exts.iter().any(|e| e.eq_ignore_ascii_case(ext)))
            .map(|(format, _, _)| *format)
    }

    /// How to read a file the user chose: by a copy extension, else as plain text (standard input,
    /// a file with no extension, a file a `--glob` picked).
    pub fn from_path(path: &str) -> Format {
        extension(Path::new(path))
            .and_then(Format::of_extension)
            .unwrap_or(Format::Text)
    }
}

fn extension(path: &Path) -> Option<&str> {
    path.extension().and_then(|e| e.to_str())
}

/// Whether a file inside a folder is copy: it has the extension of a format newslint reads.
pub fn is_copy_file(path: &Path) -> bool {
    extension(path).and_then(Format::of_extension).is_some()
}

/// A file named on the command line that newslint does not read: one with an extension that no
/// format has (`draft.docx`, `page.pdf`). A file with no extension is read as plain text.
pub fn refuse_unread_format(path: &Path) -> Result<(), InputError> {
    match path.extension() {
        Some(ext) if ext.to_str().and_then(Format::of_extension).is_none() => {
            Err(InputError::Unsupported {
                path: path.display().to_string(),
                extension: ext.to_string_lossy().into_owned(),
            })
        }
        _ => Ok(()),
    }
}

/// `plain text (.txt, .text), Markdown (.md, .markdown)`: what newslint reads, for messages.
pub fn formats_read() -> String {
    EXTENSIONS
        .iter()
        .map(|(_, name, exts)| {
            let exts: Vec<String> = exts.iter().map(|e| format!(".{e}")).collect();
            format!("{name} ({})", exts.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What kind of copy a file is. News is held to the sourcing standard in full; opinion (a column, a
/// letter, an editorial) argues in the writer's own voice, which rules about the argument leave alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Genre {
    #[default]
    News,
    Opinion,
}

/// One file of copy: its path as the user should see it, and its text exactly as on disk — or, for
/// HTML and Word, the text read from it (see `Converted`).
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub format: Format,
    /// From Markdown front matter (`kind: opinion`), or set by the config's `overrides`.
    pub genre: Genre,
    /// How an HTML or Word file, or copy with invisible characters, became `text`.
    pub converted: Option<std::sync::Arc<Converted>>,
    /// The front matter keys whose values are headlines, when the config names its own.
    pub headline_keys: Option<std::sync::Arc<[String]>>,
}

/// A file whose copy is read out of another format, or without its invisible characters: the text
/// diagnostics are shown against (as on disk; for Word the text read, one paragraph a line), the
/// blocks of HTML and Word (Markdown and plain text find theirs in the text read), and where its
/// offsets lie in the text shown.
#[derive(Clone, Debug, Default)]
pub struct Converted {
    pub original: String,
    pub blocks: Vec<crate::block::Block>,
    pub map: crate::offsets::OffsetMap,
    /// Invisible characters left out of the text read, each at its offset there.
    pub invisible: Vec<(usize, char)>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let path = path.into();
        let text = text.into();
        let format = Format::from_path(&path);
        let genre = match format {
            Format::Markdown => front_matter_genre(&text).unwrap_or_default(),
            Format::Text | Format::Html | Format::Word => Genre::News,
        };
        let (text, converted) = match format {
            Format::Html => {
                let read = crate::html::read(&text);
                let converted = Converted {
                    original: text,
                    blocks: read.blocks,
                    map: read.map,
                    invisible: read.invisible,
                };
                (read.text, Some(std::sync::Arc::new(converted)))
            }
            _ => match crate::invisible::strip(&text) {
                Some(read) => {
                    let converted = Converted {
                        original: text,
                        blocks: Vec::new(),
                        map: read.map,
                        invisible: read.left_out,
                    };
                    (read.text, Some(std::sync::Arc::new(converted)))
                }
                None => (text, None),
            },
        };
        SourceFile {
            path,
            text,
            format,
            genre,
            converted,
            headline_keys: None,
        }
    }

    /// A Word document's paragraphs as one line each (a diagnostic's line is the paragraph's
    /// number); each non-empty one is a block, a headline if its style is a heading.
    pub fn word(path: String, paragraphs: crate::docx::Paragraphs) -> SourceFile {
        let mut text = String::new();
        let mut blocks = Vec::new();
        for (line, heading) in paragraphs.lines {
            // The paragraphs read are the text shown, so invisible characters simply go.
            let line: String = line
                .chars()
                .filter(|&c| !crate::invisible::is_invisible(c))
                .collect();
            if !line.is_empty() {
                let kind = if heading {
                    crate::block::BlockKind::Heading
                } else {
                    crate::block::BlockKind::Body
                };
                let span = Span::new(text.len(), text.len() + line.len());
                blocks.push(crate::block::Block { span, kind });
            }
            text.push_str(&line);
            text.push('\n');
        }
        let converted = Converted {
            original: text.clone(),
            blocks,
            map: Default::default(),
            invisible: Vec::new(),
        };
        SourceFile {
            path,
            text,
            format: Format::Word,
            genre: Genre::News,
            converted: Some(std::sync::Arc::new(converted)),
            headline_keys: None,
        }
    }

    /// The file as on disk, which diagnostics point into.
    pub fn original(&self) -> &str {
        self.converted.as_ref().map_or(&self.text, |c| &c.original)
    }

    /// Where a span of the text read lies in the file as on disk.
    /// Where a span of the text read lies in the file as on disk, on whole characters there. The map
    /// places every character read (`html.rs` anchors wherever the tokenizer's spans skip or repeat
    /// bytes, as around a lone carriage return); widening a span that still ends inside a character
    /// keeps a slip in a reader from becoming a panic in a report.
    pub fn to_original(&self, span: Span) -> Span {
        let Some(converted) = &self.converted else {
            return span;
        };
        let text = converted.original.as_str();
        let mapped = converted.map.span(span);
        let mut start = mapped.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = mapped.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    }
}

/// The `kind:` of YAML front matter: `opinion`, `column`, `letter`, `editorial`, `op-ed` or
/// `commentary` is opinion, `news` is news; anything else says nothing.
fn front_matter_genre(text: &str) -> Option<Genre> {
    let body = text.strip_prefix("---")?.trim_start_matches([' ', '\t']);
    let body = body
        .strip_prefix("\r\n")
        .or_else(|| body.strip_prefix('\n'))?;
    let end = body.find("\n---").unwrap_or(body.len());
    body[..end].lines().find_map(|line| {
        let value = line.strip_prefix("kind:")?.trim().trim_matches(['"', '\'']);
        match value.to_ascii_lowercase().as_str() {
            "opinion" | "column" | "letter" | "letters" | "editorial" | "op-ed" | "commentary" => {
                Some(Genre::Opinion)
            }
            "news" => Some(Genre::News),
            _ => None,
        }
    })
}

/// Why a file could not be read as copy.
#[derive(Debug)]
pub enum InputError {
    NotFound { path: String },
    Unreadable { path: String, reason: String },
    Binary { path: String },
    NotUtf8 { path: String, offset: usize },
    Unsupported { path: String, extension: String },
    NotWord { path: String, reason: String },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound { path } => write!(f, "{path}: no such file or directory"),
            InputError::Unreadable { path, reason } => {
                write!(f, "{path}: cannot be read: {reason}")
            }
            InputError::Binary { path } => write!(f, "{path}: is a binary file, not copy"),
            InputError::NotWord { path, reason } => write!(f, "{path}: {reason}"),
            InputError::Unsupported { path, extension } => write!(
                f,
                "{path}: newslint does not read .{extension} files; it reads {}",
                formats_read()
            ),
            InputError::NotUtf8 { path, offset } => {
                write!(
                    f,
                    "{path}: is not valid UTF-8 (first bad byte at offset {offset})"
                )
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Reads a file from disk.
pub fn read_path(path: &Path) -> Result<SourceFile, InputError> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound {
            path: display.clone(),
        },
        _ => InputError::Unreadable {
            path: display.clone(),
            reason: e.to_string(),
        },
    })?;
    if Format::from_path(&display) == Format::Word {
        return crate::docx::read(&bytes)
            .map(|paragraphs| SourceFile::word(display.clone(), paragraphs))
            .map_err(|reason| InputError::NotWord {
                path: display,
                reason,
            });
    }
    decode(display, bytes)
}

/// Reads all of stdin; the file is called `<stdin>` in reports.
pub fn read_stdin() -> Result<SourceFile, InputError> {
    let mut bytes = Vec::new();
    let path = "<stdin>".to_string();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Unreadable {
            path: path.clone(),
            reason: e.to_string(),
        })?;
    decode(path, bytes)
}

/// Validates bytes as copy: a NUL byte means binary (as git and ripgrep decide), then UTF-8 is required.
pub fn decode(path: String, bytes: Vec<u8>) -> Result<SourceFile, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary { path });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(e) => Err(InputError::NotUtf8 {
            path,
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_binary_and_names_the_bad_utf8_offset() {
        assert!(matches!(
            decode("a".into(), b"ab\0c".to_vec()),
            Err(InputError::Binary { .. })
        ));
        match decode("a".into(), b"caf\xe9".to_vec()) {
            Err(InputError::NotUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }

    #[test]
    fn front_matter_kind_marks_opinion_copy() {
        let column = "---\ntitle: Markets are never ready for the Fed\nkind: column\n---\nBody.\n";
        assert_eq!(SourceFile::new("a.md", column).genre, Genre::Opinion);
        let news = "---\nkind: news\n---\nBody.\n";
        assert_eq!(SourceFile::new("a.md", news).genre, Genre::News);
        assert_eq!(
            SourceFile::new("a.md", "kind: opinion\n").genre,
            Genre::News
        );
        assert_eq!(SourceFile::new("a.txt", column).genre, Genre::News);
    }

    #[test]
    fn markdown_is_chosen_by_extension() {
        assert_eq!(Format::from_path("draft.MD"), Format::Markdown);
        assert_eq!(Format::from_path("notes.markdown"), Format::Markdown);
        assert_eq!(Format::from_path("story.txt"), Format::Text);
        assert_eq!(Format::from_path("<stdin>"), Format::Text);
        assert_eq!(Format::from_path("c.draft"), Format::Text);
    }

    #[test]
    fn a_named_file_in_a_format_not_read_is_refused() {
        let refused = refuse_unread_format(Path::new("news/draft.odt")).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "news/draft.odt: newslint does not read .odt files; it reads plain text (.txt, .text), Markdown (.md, .markdown), HTML (.html, .htm), Word (.docx)"
        );
        assert!(refuse_unread_format(Path::new("wire/AP-0412")).is_ok());
        assert!(refuse_unread_format(Path::new("a.MD")).is_ok());
        assert!(is_copy_file(Path::new("a/b.markdown")));
        assert!(!is_copy_file(Path::new("a/LICENSE")));
    }
}
