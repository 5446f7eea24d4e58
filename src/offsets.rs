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

    /// The first reading offset (up to `len`, the reading text's length) whose original offset is
    /// `original` or after it: where a place in the file begins in the reading text.
    pub fn reading(&self, original: usize, len: usize) -> usize {
        // The original offsets grow with the reading ones: a binary search over the reading text.
        let (mut low, mut high) = (0, len);
        while low < high {
            let middle = low + (high - low) / 2;
            if self.original(middle) < original {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    pub fn span(&self, span: Span) -> Span {
        Span::new(self.original(span.start), self.original(span.end))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_place_in_the_file_is_found_again_in_the_reading_text() {
        // `<p>A&amp;B</p>\n<p>C</p>` read as `A&B`, blanks, `C`: every original offset of a reading
        // offset leads back to that reading offset, and the markup before a character to the blanks
        // before it.
        let html = "<p>A&amp;B</p>\n<p>C</p>";
        let read = crate::html::read(html);
        assert_eq!(
            read.text.split_whitespace().collect::<Vec<_>>(),
            ["A&B", "C"]
        );
        for at in 0..=read.text.len() {
            assert_eq!(read.map.reading(read.map.original(at), read.text.len()), at);
        }
        let c = html.rfind('C').unwrap();
        let markup_before_c = html.rfind("<p>").unwrap();
        let (blanks, c) = (
            read.map.reading(markup_before_c, read.text.len()),
            read.map.reading(c, read.text.len()),
        );
        assert!(blanks < c && read.text[blanks..c].trim().is_empty());
        assert_eq!(&read.text[c..c + 1], "C");
    }
}
