//! Word documents (`.docx`) read with `zip` and `quick-xml`: the paragraphs of the body (table cells
//! included) and then of the footnotes, each one line of the text read, so a diagnostic's line is
//! the paragraph's number. Headings (by paragraph style) are headlines; tracked insertions are text
//! and deletions are not; comments, field codes and drawings' fallbacks are not copy.
//!
//! The file's bytes in; the text read (one paragraph a line) and which lines are headings out.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// A Word document's copy: its paragraphs in order, each with whether its style is a heading.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Paragraphs {
    pub lines: Vec<(String, bool)>,
}

/// Reads the body's and the footnotes' paragraphs; why not, if the bytes are not a Word document.
pub fn read(bytes: &[u8]) -> Result<Paragraphs, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("is not a Word document (not a zip archive: {e})"))?;
    let body = part(&mut archive, "word/document.xml")?
        .ok_or("is not a Word document (it has no word/document.xml)")?;
    let mut out = Paragraphs::default();
    paragraphs(&body, &mut out)?;
    if let Some(notes) = part(&mut archive, "word/footnotes.xml")? {
        paragraphs(&notes, &mut out)?;
    }
    Ok(out)
}

fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot be unpacked: {e}")),
    };
    let mut xml = String::new();
    file.read_to_string(&mut xml)
        .map_err(|e| format!("cannot be unpacked: {name}: {e}"))?;
    Ok(Some(xml))
}

/// Elements whose text is not copy: deleted text, field codes, a drawing's fallback (a second copy
/// of a text box), comment marks.
const SKIPPED: &[&str] = &["del", "instrText", "Fallback", "delText"];

fn paragraphs(xml: &str, out: &mut Paragraphs) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let mut text: Option<String> = None; // the paragraph being read
    let mut heading = false;
    let mut in_t = false;
    let mut skipping = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("has a malformed part: {e}"))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                let separator = name == "footnote"
                    && e.attributes()
                        .flatten()
                        .any(|a| a.key.local_name().as_ref() == "type");
                if SKIPPED.contains(&name) || separator {
                    skipping += 1;
                } else if name == "p" {
                    text = Some(String::new());
                    heading = false;
                } else if name == "t" {
                    in_t = true;
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "pStyle" => heading = is_heading_style(&e),
                    "tab" | "br" | "cr" if skipping == 0 => {
                        if let Some(t) = &mut text {
                            t.push(' ');
                        }
                    }
                    "p" if skipping == 0 => out.lines.push((String::new(), false)),
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if SKIPPED.contains(&name) || (name == "footnote" && skipping > 0) {
                    skipping = skipping.saturating_sub(1);
                } else if name == "p" && skipping == 0 {
                    let line = text.take().unwrap_or_default();
                    out.lines.push((line.trim().to_string(), heading));
                } else if name == "t" {
                    in_t = false;
                }
            }
            Event::Text(e) if in_t && skipping == 0 => {
                if let Some(t) = &mut text {
                    t.push_str(&e.xml10_content().replace(['\n', '\r'], " "));
                }
            }
            Event::GeneralRef(e) if in_t && skipping == 0 => {
                if let Some(t) = &mut text {
                    let resolved = match e.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        _ => quick_xml::escape::resolve_predefined_entity(&e.xml10_content())
                            .map(str::to_string),
                    };
                    t.push_str(&resolved.unwrap_or_default());
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// `Heading1` … `Heading9`, `Title` and `Subtitle` (Word's and LibreOffice's style ids) are headlines.
fn is_heading_style(style: &quick_xml::events::BytesStart) -> bool {
    style
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .is_some_and(|a| {
            let id = a.value.to_ascii_lowercase();
            id.starts_with("heading") || id == "title" || id == "subtitle"
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<(String, bool)> {
        read(bytes).unwrap().lines
    }

    #[test]
    fn headings_body_tables_and_footnotes_are_paragraphs_in_order() {
        let found = lines(include_bytes!("../tests/fixtures/word/draft.docx"));
        let text: Vec<&str> = found.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(text[0], "Barclays shares up on merger talk");
        assert!(found[0].1, "the headline's style is a heading");
        assert!(
            text.contains(&"$180bn (£96bn)"),
            "table cells are paragraphs: {text:?}"
        );
        assert_eq!(
            text.last(),
            Some(&"The two banks reportedly held talks in October and November 2004.")
        );
    }

    #[test]
    fn tracked_deletions_and_comments_are_not_read() {
        let found = lines(include_bytes!("../tests/fixtures/word/tracked.docx"));
        let text: Vec<&str> = found.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            text[1],
            "Barclays has declined to comment on the report, saying it does not respond to market speculation."
        );
        assert!(!text.iter().any(|l| l.contains("Who says so")));
    }

    #[test]
    fn bytes_that_are_not_a_word_document_are_an_error() {
        let whole = include_bytes!("../tests/fixtures/word/draft.docx");
        assert!(
            read(b"plain text")
                .unwrap_err()
                .starts_with("is not a Word document")
        );
        for cut in (0..whole.len()).step_by(97) {
            let _ = read(&whole[..cut]); // never panics
        }
    }
}
