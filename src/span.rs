//! Byte ranges into the original file: the one unit of position in newslint.
//!
//! Every stage (reader, document model, grammar, rules) produces `Span`s and the reporters consume them
//! unchanged; line and column are computed only when a diagnostic is printed.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `start..end` into a file's original bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Spans, to ask in one binary search whether any overlaps a given one (as `Span::overlaps` has it):
/// sorted by start, with the furthest end of each prefix.
pub struct SpanIndex {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl SpanIndex {
    pub fn new(mut spans: Vec<Span>) -> SpanIndex {
        spans.sort_unstable_by_key(|s| s.start);
        let furthest_end = spans
            .iter()
            .scan(0, |end, s| {
                *end = s.end.max(*end);
                Some(*end)
            })
            .collect();
        SpanIndex {
            starts: spans.into_iter().map(|s| s.start).collect(),
            furthest_end,
        }
    }

    /// Whether any of the spans overlaps `span`: of those starting before it ends, the furthest end
    /// passes its start.
    pub fn overlaps(&self, span: Span) -> bool {
        let before = self.starts.partition_point(|&start| start < span.end);
        before > 0 && self.furthest_end[before - 1] > span.start
    }
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The largest span inside this one that begins and ends on character boundaries of `text`.
    pub fn on_characters_of(self, text: &str) -> Span {
        self.on_boundaries(text.len(), |at| text.is_char_boundary(at))
    }

    /// The largest span inside this one that begins and ends where `boundary` holds, in a text of
    /// `len` bytes (where it holds at 0 and `len`).
    pub fn on_boundaries(self, len: usize, boundary: impl Fn(usize) -> bool) -> Span {
        let mut start = self.start.min(len);
        while !boundary(start) {
            start += 1;
        }
        let mut end = self.end.clamp(start, len);
        while !boundary(end) {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// The text this span covers in `text`.
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column (in characters) for printing one offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(text, offset)
}

/// Where each line of a text starts, and how many characters precede regular checkpoints, so that many
/// offsets can be turned into lines and columns in time independent of the text's length.
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, characters before it), every `CHECKPOINT` bytes.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut checkpoints = vec![(0, 0)];
        let mut chars = 0;
        let mut from = 0;
        while from + CHECKPOINT < text.len() {
            let to = floor_char_boundary(text, from + CHECKPOINT).max(from + 1);
            let to = ceil_char_boundary(text, to);
            chars += text[from..to].chars().count();
            checkpoints.push((to, chars));
            from = to;
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// The 1-based line of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The 1-based line and column (in characters) of `offset` in `text`, the text this index was built on.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line(offset);
        let line_start = self.starts[line - 1];
        (
            line,
            self.chars_before(text, offset) - self.chars_before(text, line_start) + 1,
        )
    }

    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let (at, chars) =
            self.checkpoints[self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1];
        chars + text[at..offset].chars().count()
    }
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_narrowed_to_whole_characters() {
        let text = "won\u{a0}— the";
        assert_eq!(Span::new(4, 9).on_characters_of(text), Span::new(5, 9));
        assert_eq!(Span::new(4, 7).on_characters_of(text), Span::new(5, 5));
        assert_eq!(Span::new(0, 4).on_characters_of(text), Span::new(0, 3));
        assert_eq!(
            Span::new(0, 99).on_characters_of(text),
            Span::new(0, text.len())
        );
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "“Yes,” he said.\r\nNext “line”";
        assert_eq!(line_column(text, 0), (1, 1));
        // after the 3-byte curly quote the column advances by one character
        assert_eq!(line_column(text, 3), (1, 2));
        let next = text.find("Next").unwrap();
        assert_eq!(line_column(text, next), (2, 1));
        assert_eq!(line_column(text, text.len()), (2, 12));
    }

    #[test]
    fn columns_are_right_past_checkpoints_on_a_long_line() {
        let text = "“ab” ".repeat(3000);
        let index = LineIndex::new(&text);
        let offset = text.len() - 8; // the last “ab”
        assert_eq!(
            index.line_column(&text, offset),
            (1, text.chars().count() - 4)
        );
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(!a.overlaps(Span::new(5, 6)));
    }

    #[test]
    fn an_index_answers_overlaps_as_each_span_would() {
        // A long span that starts first and covers what comes after the short ones.
        let spans = [
            Span::new(40, 50),
            Span::new(0, 100),
            Span::new(10, 12),
            Span::new(120, 130),
        ];
        let index = SpanIndex::new(spans.to_vec());
        for start in 0..140 {
            for len in [0, 1, 5] {
                let query = Span::new(start, start + len);
                let each = spans.iter().any(|s| s.overlaps(query));
                assert_eq!(index.overlaps(query), each, "{query:?}");
            }
        }
        assert!(!SpanIndex::new(Vec::new()).overlaps(Span::new(0, 1)));
    }
}
