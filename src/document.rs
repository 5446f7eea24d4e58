//! The document model: a file's copy, its sentences and its quotations, all as byte spans.
//!
//! Built once per file from a `SourceFile`; the grammar and the rules read it and never re-scan the text.

use crate::block::BlockKind;
use crate::copy::{CopyView, copy_of};
use crate::input::SourceFile;
use crate::quotes::{self, Quotation, Quotes};
use crate::sentences;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub block: usize,
}

pub struct Document {
    /// The copy view: the file's text with non-copy bytes blanked, offsets unchanged.
    pub copy: CopyView,
    pub sentences: Vec<Sentence>,
    pub quotes: Quotes,
    /// Indices of the top-level quotations, whose spans are disjoint and in order.
    top: Vec<usize>,
}

impl Document {
    pub fn parse(file: &SourceFile) -> Document {
        let copy = copy_of(file);
        let mut sentences = Vec::new();
        for (block, b) in copy.blocks.iter().enumerate() {
            sentences.extend(
                sentences::split(&copy.text, b.span)
                    .into_iter()
                    .map(|span| Sentence { span, block }),
            );
        }
        // Held as long as the file is checked: up to half a grown list's room would be unused.
        sentences.shrink_to_fit();
        let block_spans: Vec<Span> = copy.blocks.iter().map(|b| b.span).collect();
        let quotes = quotes::find(&copy.text, &block_spans);
        let top = (0..quotes.quotations.len())
            .filter(|&i| !quotes.quotations[i].nested)
            .collect();
        Document {
            copy,
            sentences,
            quotes,
            top,
        }
    }

    pub fn text(&self) -> &str {
        &self.copy.text
    }

    pub fn is_heading(&self, block: usize) -> bool {
        self.copy.blocks[block].kind == BlockKind::Heading
    }

    /// The index of the sentence containing `offset`, if it lies in copy.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Top-level (not nested) quotations, in order.
    pub fn quotations(&self) -> impl Iterator<Item = (usize, &Quotation)> {
        self.top.iter().map(|&i| (i, &self.quotes.quotations[i]))
    }

    /// The top-level quotation whose span contains `offset` (opening mark included, end excluded).
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let i = self
            .top
            .partition_point(|&q| self.quotes.quotations[q].span.end <= offset);
        let q = &self.quotes.quotations[*self.top.get(i)?];
        (q.span.start <= offset).then_some(q)
    }

    /// The top-level quotations that overlap `span`, in order.
    pub fn quotations_in(&self, span: Span) -> impl Iterator<Item = &Quotation> {
        let first = self
            .top
            .partition_point(|&q| self.quotes.quotations[q].span.end <= span.start);
        self.top[first..]
            .iter()
            .map(|&i| &self.quotes.quotations[i])
            .take_while(move |q| q.span.start < span.end)
    }

    /// The top-level quotation whose closing mark ends exactly at `end`.
    pub fn quotation_ending_at(&self, end: usize) -> Option<&Quotation> {
        self.quotation_at(end.checked_sub(1)?)
            .filter(|q| q.span.end == end)
    }

    /// The first piece of a quotation that runs over several paragraphs.
    pub fn first_piece<'a>(&'a self, mut q: &'a Quotation) -> &'a Quotation {
        while let Some(prev) = q.continues {
            q = &self.quotes.quotations[prev];
        }
        q
    }

    /// The top-level quotation that opens at `start`.
    pub fn quotation_starting_at(&self, start: usize) -> Option<&Quotation> {
        self.quotation_at(start).filter(|q| q.span.start == start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sentence_at_an_offset() {
        let file = SourceFile::new("a.txt", "Headline\n\nOne two. Three four.\n");
        let doc = Document::parse(&file);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentence_at(file.text.find("Three").unwrap()), Some(2));
        assert_eq!(doc.sentence_at(file.text.find("\n\n").unwrap()), None);
        assert!(doc.is_heading(0));
    }
}
