//! `newslint attributions` output: one line per attribution, or the JSON other tools read.

use crate::grammar::Attribution;
use crate::input::SourceFile;
use crate::span::{LineIndex, Span};
use std::io::Write;

/// The JSON array: `[{"path", "attributions": [{"kind","speaker","source","cue","content"}]}]`.
pub fn json(files: &[(&SourceFile, &[Attribution])]) -> String {
    let mut array = super::JsonArray::default();
    let mut text = Vec::new();
    for (file, found) in files {
        text.extend_from_slice(array.before_elements().as_bytes());
        write_json_item(&mut text, file, found).expect("writing to memory");
    }
    text.extend_from_slice(array.end().as_bytes());
    String::from_utf8(text).expect("the JSON of UTF-8 strings is UTF-8")
}

/// How much JSON is gathered before it is written: a long file's report (67 MB for the news corpus
/// as one file) is not held whole.
const CHUNK: usize = 64 * 1024;

/// One file's object of `json`'s array, byte for byte as `serde_json::to_string_pretty` writes it
/// there, written to `out` as it is made. Written here rather than through serde: this is most of
/// what `attributions --format json` writes (more bytes than it reads), and serde_json's pretty
/// printer makes each key and indent a write of its own (a fifth of the command's instructions).
pub fn write_json_item(
    out: &mut (impl Write + ?Sized),
    file: &SourceFile,
    found: &[Attribution],
) -> std::io::Result<()> {
    let mut json = Vec::with_capacity(CHUNK.min(512 * (found.len() + 1)));
    json.extend_from_slice(b"  {\n    \"path\": ");
    string(&mut json, &file.path);
    json.extend_from_slice(b",\n    \"attributions\": [");
    for (i, a) in found.iter().enumerate() {
        let open: &[u8] = if i == 0 { b"\n" } else { b",\n" };
        json.extend_from_slice(open);
        attribution(&mut json, file, a);
        if json.len() > CHUNK {
            out.write_all(&json)?;
            json.clear();
        }
    }
    let close: &[u8] = if found.is_empty() {
        b"]\n  }"
    } else {
        b"\n    ]\n  }"
    };
    json.extend_from_slice(close);
    out.write_all(&json)
}

/// An attribution, an element of its file's list (at an indent of six spaces).
fn attribution(json: &mut Vec<u8>, file: &SourceFile, a: &Attribution) {
    json.extend_from_slice(b"      {\n        \"kind\": \"");
    json.extend_from_slice(a.kind.name().as_bytes());
    json.extend_from_slice(b"\",\n        \"speaker\": ");
    match &a.speaker {
        Some(speaker) => string(json, speaker),
        None => json.extend_from_slice(b"null"),
    }
    json.extend_from_slice(b",\n        \"source\": ");
    optional_span(json, file, a.source_phrase);
    json.extend_from_slice(b",\n        \"cue\": ");
    span(json, file, a.cue);
    json.extend_from_slice(b",\n        \"content\": ");
    optional_span(json, file, a.content);
    json.extend_from_slice(b"\n      }");
}

fn optional_span(json: &mut Vec<u8>, file: &SourceFile, span: Option<Span>) {
    match span {
        Some(s) => self::span(json, file, s),
        None => json.extend_from_slice(b"null"),
    }
}

/// A span as bytes of the file on disk (for HTML, mapped back from the text read), with those bytes.
fn span(json: &mut Vec<u8>, file: &SourceFile, span: Span) {
    let span = file.to_original(span);
    json.extend_from_slice(b"{\n          \"start\": ");
    number(json, span.start);
    json.extend_from_slice(b",\n          \"end\": ");
    number(json, span.end);
    json.extend_from_slice(b",\n          \"text\": ");
    string(json, span.of(file.original()));
    json.extend_from_slice(b"\n        }");
}

fn number(json: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    json.extend_from_slice(&digits[at..]);
}

/// A JSON string as serde_json escapes it: quotation mark, backslash and control characters only.
fn string(json: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    json.push(b'"');
    let bytes = text.as_bytes();
    let mut plain = 0;
    for i in escaped(bytes) {
        let b = bytes[i];
        json.extend_from_slice(&bytes[plain..i]);
        plain = i + 1;
        match b {
            b'"' | b'\\' => json.extend_from_slice(&[b'\\', b]),
            b'\n' => json.extend_from_slice(b"\\n"),
            b'\r' => json.extend_from_slice(b"\\r"),
            b'\t' => json.extend_from_slice(b"\\t"),
            0x08 => json.extend_from_slice(b"\\b"),
            0x0c => json.extend_from_slice(b"\\f"),
            _ => json.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]),
        }
    }
    json.extend_from_slice(&bytes[plain..]);
    json.push(b'"');
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Where `bytes` has a byte to escape. Most strings have none: 16 bytes are tested at once (a test
/// of a fixed-length chunk with no early exit is one the compiler makes vector instructions of).
fn escaped(bytes: &[u8]) -> impl Iterator<Item = usize> {
    const LANES: usize = 16;
    let mut chunks = bytes.chunks(LANES).enumerate();
    std::iter::from_fn(move || {
        chunks.find(|(_, chunk)| chunk.iter().fold(false, |any, &b| any | needs_escape(b)))
    })
    .flat_map(move |(n, chunk)| {
        let at = n * LANES;
        (0..chunk.len())
            .filter(move |&i| needs_escape(chunk[i]))
            .map(move |i| at + i)
    })
}

/// `path:line:col  speaker  cue  “content…”`, one line per attribution, written to `out`.
pub fn write_text(
    out: &mut (impl Write + ?Sized),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::lexicon::Lexicon;
    use serde::Serialize;

    /// The report as serde_json writes it from derived `Serialize` structs: what the JSON was made
    /// with before it was written by hand, and what it must stay.
    #[derive(Serialize)]
    struct FileJson<'a> {
        path: &'a str,
        attributions: Vec<AttributionJson<'a>>,
    }

    #[derive(Serialize)]
    struct AttributionJson<'a> {
        kind: &'a str,
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

    fn span_json(file: &SourceFile, span: Span) -> SpanJson<'_> {
        let span = file.to_original(span);
        SpanJson {
            start: span.start,
            end: span.end,
            text: span.of(file.original()),
        }
    }

    fn by_serde(files: &[(&SourceFile, &[Attribution])]) -> String {
        let json: Vec<FileJson> = files
            .iter()
            .map(|&(file, found)| FileJson {
                path: &file.path,
                attributions: found
                    .iter()
                    .map(|a| AttributionJson {
                        kind: a.kind.name(),
                        speaker: a.speaker.as_deref(),
                        source: a.source_phrase.map(|s| span_json(file, s)),
                        cue: span_json(file, a.cue),
                        content: a.content.map(|s| span_json(file, s)),
                    })
                    .collect(),
            })
            .collect();
        serde_json::to_string_pretty(&json).unwrap() + "\n"
    }

    #[test]
    fn the_json_is_what_serde_json_writes() {
        // Two seed reports, a saved WordPress page (spans mapped back to the HTML) and a file of no
        // attributions; a path with every character JSON escapes, and the copy's own straight quotes
        // and backslash-free text in the spans.
        let files = [
            SourceFile::new(
                "seeds/000.txt",
                include_str!("../../tests/fixtures/seeds/000_f1e3116a09d4a900.txt"),
            ),
            SourceFile::new(
                "a \"quoted\" back\\slash \u{1}\u{8}\t\n\u{c}\r\u{1f}\u{7f} é.txt",
                include_str!("../../tests/fixtures/seeds/003_c4404504afc26fe5.txt"),
            ),
            SourceFile::new(
                "wordpress.html",
                include_str!("../../tests/fixtures/html/wordpress.html"),
            ),
            SourceFile::new("empty.md", ""),
        ];
        let found: Vec<Vec<Attribution>> = files
            .iter()
            .map(|f| crate::analysis::analyse(f.clone(), Lexicon::default_lexicon()).attributions)
            .collect();
        assert!(found[0].len() > 10 && found[2].len() > 1 && found[3].is_empty());
        let pairs: Vec<(&SourceFile, &[Attribution])> =
            files.iter().zip(&found).map(|(f, a)| (f, &a[..])).collect();
        assert_eq!(json(&pairs), by_serde(&pairs));
        assert_eq!(json(&pairs[3..]), by_serde(&pairs[3..]));
        assert_eq!(json(&[]), "[]\n");
    }
}
