//! Quotations: where quoted words begin and end, as byte spans, and which marks are unbalanced.
//!
//! Straight and curly double quotes, single quotes nested in doubles (and headline-style single quotes),
//! apostrophes that are not quotes (`don’t`, `Russia’s`, `’90s`), a quotation running over several
//! paragraphs (each paragraph re-opens it), and marks that never balance, which are recorded as they are.
//!
//! This file holds what a quotation is and walks the blocks; `marks` says which characters are
//! quotation marks and which way each turns, `pairing` pairs them into quotations within a block.

mod marks;
mod pairing;

use crate::span::Span;
use pairing::scan_block;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// From the opening mark through the closing mark (or the end of the block when it runs on).
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Index of the block it lies in.
    pub block: usize,
    /// Nested inside another quotation (single quotes within double).
    pub nested: bool,
    /// Index (in the document's quotation list) of the piece this one continues, for multi-paragraph quotes.
    pub continues: Option<usize>,
    /// Runs on into the next paragraph.
    pub runs_on: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unbalanced {
    /// An opening mark never closed, in this paragraph or by a continuing one.
    NeverClosed(Span),
    /// A closing mark with nothing open.
    NeverOpened(Span),
}

#[derive(Default, Debug)]
pub struct Quotes {
    pub quotations: Vec<Quotation>,
    /// The first `UNBALANCED_KEPT` unbalanced marks, in the order they were found.
    pub unbalanced: Vec<Unbalanced>,
    /// How many marks are unbalanced in all.
    pub unbalanced_count: usize,
}

/// Unbalanced marks kept with their places: NL002 shows the first hundred and counts the rest, and a
/// megabyte of stray marks is a million of them, 24 MB if each were kept.
pub const UNBALANCED_KEPT: usize = 1_000;

impl Quotes {
    fn unbalanced_mark(&mut self, issue: Unbalanced) {
        self.unbalanced_count += 1;
        if self.unbalanced.len() < UNBALANCED_KEPT {
            self.unbalanced.push(issue);
        }
    }
}

/// Finds the quotations of every block, in order; `blocks` are spans into `text`.
pub fn find(text: &str, blocks: &[Span]) -> Quotes {
    let mut quotes = Quotes::default();
    let mut carried: Option<(usize, Span)> = None; // an open double quote from the previous block
    for (index, block) in blocks.iter().enumerate() {
        let opens_with_quote = block.of(text).starts_with(['"', '“']);
        let continues = match carried.take() {
            Some((piece, _)) if opens_with_quote => Some(piece),
            Some((_, mark)) => {
                quotes.unbalanced_mark(Unbalanced::NeverClosed(mark));
                None
            }
            None => None,
        };
        carried = scan_block(text, *block, index, continues, &mut quotes);
    }
    if let Some((_, mark)) = carried {
        quotes.unbalanced_mark(Unbalanced::NeverClosed(mark));
    }
    sort_keeping_links(&mut quotes.quotations);
    quotes
}

/// Orders quotations by position (nested ones are found before their container closes), keeping the
/// `continues` links pointing at the same pieces.
fn sort_keeping_links(quotations: &mut Vec<Quotation>) {
    let mut order: Vec<usize> = (0..quotations.len()).collect();
    order.sort_by_key(|&i| (quotations[i].span.start, quotations[i].nested));
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Quotation> = order.iter().map(|&i| quotations[i]).collect();
    for q in &mut sorted {
        q.continues = q.continues.map(|old| new_index[old]);
    }
    *quotations = sorted;
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn quotes_in(text: &str) -> Quotes {
        let blocks: Vec<Span> = text
            .split("\n\n")
            .scan(0, |offset, para| {
                let span = Span::new(*offset, *offset + para.len());
                *offset += para.len() + 2;
                Some(span)
            })
            .collect();
        find(text, &blocks)
    }

    pub(super) fn inner_texts<'a>(text: &'a str, quotes: &Quotes) -> Vec<&'a str> {
        quotes.quotations.iter().map(|q| q.inner.of(text)).collect()
    }

    /// The inner texts of the quotations of `text`, which must all be balanced.
    #[track_caller]
    pub(super) fn balanced_quotations(text: &str) -> Vec<&str> {
        let q = quotes_in(text);
        assert!(q.unbalanced.is_empty(), "{:?}", q.unbalanced);
        inner_texts(text, &q)
    }

    /// `text` holds no quotation and no unbalanced mark.
    #[track_caller]
    pub(super) fn no_marks(text: &str) {
        let q = quotes_in(text);
        assert!(q.quotations.is_empty() && q.unbalanced.is_empty(), "{q:?}");
    }

    #[test]
    fn finds_curly_and_straight_quotations() {
        // Seed 000: Tillerson's quotation, with apostrophes nearby that are not quotes.
        let text =
            "Lavrov’s account: “The two leaders agreed,” he said. Putin’s \"reply\" came later.";
        assert_eq!(
            balanced_quotations(text),
            ["The two leaders agreed,", "reply"]
        );
    }

    #[test]
    fn a_quotation_running_over_paragraphs_is_linked_not_unbalanced() {
        let text = "“First part.\n\n“Second part,” he said.";
        let q = quotes_in(text);
        assert!(q.unbalanced.is_empty());
        assert_eq!(q.quotations.len(), 2);
        assert!(q.quotations[0].runs_on);
        assert_eq!(q.quotations[1].continues, Some(0));
    }

    #[test]
    fn records_unbalanced_marks() {
        let text = "“Never closed.\n\nA new paragraph. And a stray” mark.";
        let q = quotes_in(text);
        assert_eq!(
            q.unbalanced,
            [
                Unbalanced::NeverClosed(Span::new(0, 3)),
                Unbalanced::NeverOpened(Span::new(
                    text.find('”').unwrap(),
                    text.find('”').unwrap() + 3
                ))
            ]
        );
    }
}
