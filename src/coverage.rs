//! What the attributions of a document cover: which sentences and paragraphs have one, and whether any
//! attribution's content reaches a span. Built once per file; rules ask it whether copy is attributed.

use crate::document::Document;
use crate::grammar::Attribution;
use crate::span::Span;

pub struct Coverage {
    sentences: Vec<bool>,
    blocks: Vec<bool>,
    /// Content spans sorted by start, with the furthest end reached so far: "does any content overlap
    /// this span" by binary search.
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Coverage {
    /// Only attributions that name a source count: `it was reported` says nothing of who.
    pub fn new(doc: &Document, attributions: &[Attribution]) -> Coverage {
        let attributions: Vec<&Attribution> =
            attributions.iter().filter(|a| a.source.is_some()).collect();
        let mut sentences = vec![false; doc.sentences.len()];
        let mut blocks = vec![false; doc.copy.blocks.len()];
        for a in &attributions {
            sentences[a.sentence] = true;
            blocks[doc.sentences[a.sentence].block] = true;
        }
        let mut spans: Vec<Span> = attributions.iter().filter_map(|a| a.content).collect();
        spans.sort();
        let furthest_end = spans
            .iter()
            .scan(0, |max, s| {
                *max = s.end.max(*max);
                Some(*max)
            })
            .collect();
        Coverage {
            sentences,
            blocks,
            starts: spans.iter().map(|s| s.start).collect(),
            furthest_end,
        }
    }

    /// Whether some attribution's content overlaps `span`.
    pub fn in_content(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.furthest_end[before_end - 1] > span.start
    }

    pub fn sentence(&self, index: usize) -> bool {
        self.sentences.get(index).copied().unwrap_or(false)
    }

    pub fn block(&self, index: usize) -> bool {
        self.blocks.get(index).copied().unwrap_or(false)
    }

    /// Whether `span` is attributed: inside an attribution's content, or in a sentence with an
    /// attribution, or (when `paragraph`) in a paragraph with one.
    pub fn covers(&self, doc: &Document, span: Span, paragraph: bool) -> bool {
        if self.in_content(span) {
            return true;
        }
        let Some(sentence) = doc.sentence_at(span.start) else {
            return false;
        };
        self.sentence(sentence) || (paragraph && self.block(doc.sentences[sentence].block))
    }
}
