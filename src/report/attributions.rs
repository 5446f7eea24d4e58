//! `newslint attributions` output: one line per attribution, or the JSON other tools read.

use crate::grammar::Attribution;
use crate::input::SourceFile;
use crate::span::{LineIndex, Span};
use serde::Serialize;

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    attributions: Records<'a>,
}

/// A file's attributions, each made JSON as it is written (a list of them all was 15 MB for a long
/// file, held beside its report).
struct Records<'a> {
    file: &'a SourceFile,
    found: &'a [Attribution],
}

impl Serialize for Records<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let file = self.file;
        serializer.collect_seq(self.found.iter().map(|a| AttributionJson {
            kind: a.kind,
            speaker: a.speaker.as_deref(),
            source: a.source_phrase.map(|s| span_json(file, s)),
            cue: span_json(file, a.cue),
            content: a.content.map(|c| span_json(file, c)),
        }))
    }
}

#[derive(Serialize)]
struct AttributionJson<'a> {
    kind: crate::grammar::Kind,
    speaker: Option<&'a str>,
    source: Option<SpanJson<'a>>,
    cue: SpanJson<'a>,
    content: Option<SpanJson<'a>>,
}

#[derive(Serialize)]
struct SpanJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// A span as bytes of the file on disk (for HTML, mapped back from the text read), with those bytes.
fn span_json(file: &SourceFile, span: Span) -> SpanJson<'_> {
    let span = file.to_original(span);
    SpanJson {
        start: span.start,
        end: span.end,
        text: span.of(file.original()),
    }
}

/// The JSON array: `[{"path", "attributions": [{"kind","speaker","source","cue","content"}]}]`.
pub fn json(files: &[(&SourceFile, &[Attribution])]) -> String {
    let items: String = files
        .iter()
        .map(|(file, found)| json_item(file, found))
        .collect::<Vec<_>>()
        .join(",\n");
    super::JsonArray::whole(&items)
}

/// One file's object of `json`'s array, to write each file as it is read (`JsonArray`).
pub fn json_item(file: &SourceFile, found: &[Attribution]) -> String {
    let mut text = Vec::new();
    write_json_item(&mut text, file, found).expect("writing to memory");
    String::from_utf8(text).expect("serde_json writes UTF-8")
}

/// `json_item`, written to `out` as it is made: a long file's report (67 MB of JSON for the news
/// corpus as one file) is not held whole.
pub fn write_json_item(
    out: &mut (impl std::io::Write + ?Sized),
    file: &SourceFile,
    found: &[Attribution],
) -> std::io::Result<()> {
    let item = FileJson {
        path: &file.path,
        attributions: Records { file, found },
    };
    super::write_json_items(out, &[item])
}

/// `path:line:col  speaker  cue  “content…”`, one line per attribution, written to `out`.
pub fn write_text(
    out: &mut (impl std::io::Write + ?Sized),
    file: &SourceFile,
    found: &[Attribution],
) -> std::io::Result<()> {
    let lines = LineIndex::new(file.original());
    for a in found {
        let cue = file.to_original(a.cue).start;
        let (line, column) = lines.line_column(file.original(), cue);
        let speaker = a.speaker.as_deref().unwrap_or("(no source)");
        let content = a.content.map_or_else(
            || "(no content)".to_string(),
            |c| crate::diagnostic::excerpt(c.of(&file.text), 60),
        );
        writeln!(
            out,
            "{}:{line}:{column}  {speaker}  {}  “{content}”",
            file.path,
            a.cue.of(&file.text)
        )?;
    }
    Ok(())
}
