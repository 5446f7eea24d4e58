//! Byte offsets to LSP positions and back, and newslint's diagnostics as LSP diagnostics.
//!
//! Spans are byte ranges into the file; an LSP position is a line and a column counted in UTF-8
//! bytes or UTF-16 code units, as negotiated (`positionEncoding`). Lines end at `\n`, `\r\n` or a
//! lone `\r`, as the protocol says.

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use lsp_types::{self as lsp, Position, Range};

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no counting needed), else UTF-16, which every client takes.
    pub fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> lsp::PositionEncodingKind {
        match self {
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Lines<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        Lines {
            text,
            starts,
            encoding,
        }
    }

    /// The position of a byte offset (one inside a character counts from the character's start).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = match self.encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => self.text[start..offset].encode_utf16().count(),
        };
        Position::new(line as u32, column as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position: past the end of its line it is the line's end (before the line
    /// break), past the last line the end of the text, and inside a character its start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |&next| {
                next - line_break_before(self.text, next)
            });
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            units += self.encoding.width(c);
            if units > position.character as usize {
                return start + i;
            }
        }
        end
    }

    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        Span::new(start, self.offset(range.end).max(start))
    }
}

/// The length of the line break that ends just before `next` (a line's start).
fn line_break_before(text: &str, next: usize) -> usize {
    if text[..next].ends_with("\r\n") { 2 } else { 1 }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Note => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// The message an editor shows: newslint's message, its notes, and its help.
pub fn message(d: &Diagnostic) -> String {
    let mut out = d.message.clone();
    for note in &d.notes {
        out.push('\n');
        out.push_str(note);
    }
    if let Some(help) = &d.help {
        out.push_str("\nhelp: ");
        out.push_str(help);
    }
    out
}

/// A diagnostic for the client. `place` finds a label's file and gives its URI and lines (`None`
/// for a file the check did not read, whose label is then left out).
pub fn diagnostic<'t>(
    d: &Diagnostic,
    lines: &Lines,
    place: &dyn Fn(&str) -> Option<(lsp::Uri, &'t Lines<'t>)>,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|label| {
            let (uri, lines) = place(&label.path)?;
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(uri, lines.range(label.span)),
                message: label.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: lines.range(d.primary.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.clone())),
        code_description: None,
        source: Some(format!("newslint {}", d.name)),
        message: message(d),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seed 003, a sentence of its eleventh paragraph and the start of the next, on two lines: curly
    /// quotes and an ellipsis, three bytes each in UTF-8, one unit each in UTF-16.
    const LEAD: &str = "U.S. Secretary of State Rex Tillerson said that Trump was “rightly focused on how…we move forward” from the election.\n\
                        Russian Foreign Minister Sergei Lavrov, meanwhile,";

    #[test]
    fn utf16_columns_count_code_units_and_utf8_columns_bytes() {
        let we = LEAD.find("we move").unwrap();
        let utf16 = Lines::new(LEAD, Encoding::Utf16);
        let utf8 = Lines::new(LEAD, Encoding::Utf8);
        assert_eq!(utf16.position(we), Position::new(0, 82));
        assert_eq!(utf8.position(we), Position::new(0, 86));
        assert_eq!(utf16.offset(Position::new(0, 82)), we);
        assert_eq!(utf8.offset(Position::new(0, 86)), we);
        let sergei = LEAD.find("Sergei").unwrap();
        assert_eq!(utf16.position(sergei), Position::new(1, 25));
        assert_eq!(utf16.offset(Position::new(1, 25)), sergei);
    }

    #[test]
    fn characters_outside_the_basic_plane_are_two_utf16_units() {
        let text = "a😀b — c";
        let lines = Lines::new(text, Encoding::Utf16);
        assert_eq!(lines.position(text.find('b').unwrap()), Position::new(0, 3));
        assert_eq!(lines.position(text.find('c').unwrap()), Position::new(0, 7));
        // A position between the two units of 😀 is the character's start.
        assert_eq!(lines.offset(Position::new(0, 2)), 1);
        assert_eq!(lines.offset(Position::new(0, 3)), text.find('b').unwrap());
    }

    #[test]
    fn positions_past_a_line_or_the_text_stay_inside_it() {
        let text = "one\r\ntwo\rthree";
        let lines = Lines::new(text, Encoding::Utf16);
        assert_eq!(lines.offset(Position::new(0, 99)), 3);
        assert_eq!(lines.offset(Position::new(1, 99)), 8);
        assert_eq!(lines.offset(Position::new(2, 0)), 9);
        assert_eq!(lines.offset(Position::new(7, 0)), text.len());
        assert_eq!(lines.position(text.len()), Position::new(2, 5));
        // An offset inside a character counts from its start.
        let dash = "a — b";
        assert_eq!(
            Lines::new(dash, Encoding::Utf16).position(3),
            Position::new(0, 2)
        );
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let both = [
            lsp::PositionEncodingKind::UTF16,
            lsp::PositionEncodingKind::UTF8,
        ];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[lsp::PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
