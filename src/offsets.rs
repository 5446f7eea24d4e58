//! Where offsets of a text read out of a file lie in the file as on disk, for copy whose reading text
//! differs from its bytes: HTML (markup blanked, entities read as their characters) and copy with
//! invisible format characters left out.

use crate::span::Span;

/// Between two anchors, reading and original offsets move together; an anchor stands wherever the
/// reading text and the file part ways.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// (reading offset, original offset), both increasing.
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub fn anchor(&mut self, reading: usize, original: usize) {
        self.anchors.push((reading, original));
    }

    /// Anchors `reading` at `original` unless the map already puts it there; offsets are given in
    /// increasing order as a text is read.
    pub fn align(&mut self, reading: usize, original: usize) {
        let placed = match self.anchors.last() {
            Some(&(r, o)) => reading >= r && o + (reading - r) == original,
            None => reading == original,
        };
        if !placed {
            self.anchor(reading, original);
        }
    }

    /// The original offset of a reading offset.
    pub fn original(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.0 <= at);
        let Some(&(reading, original)) = i.checked_sub(1).and_then(|i| self.anchors.get(i)) else {
            return at;
        };
        let moved = original + (at - reading);
        self.anchors.get(i).map_or(moved, |next| moved.min(next.1))
    }

    pub fn span(&self, span: Span) -> Span {
        Span::new(self.original(span.start), self.original(span.end))
    }
}
