//! Pairing marks into quotations, one block at a time: a stack of open marks, so quotations nest to
//! any depth; two apostrophes or two backticks standing for a double mark in wire archives; a
//! single quote closed only where a close follows; and an open double mark carried into the next
//! paragraph when it runs on.

use super::marks::{
    Mark, classify, is_format, is_inch_mark, neighbours, quote_marks, straight_double,
};
use super::{Quotation, Quotes, Unbalanced};
use crate::span::Span;

/// An open quotation mark waiting for its close: quotations nest to any depth (`“He told me ‘she
/// wrote “no way” in the memo’ last week.”`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Double(Span),
    Single(Span),
}

/// The quotation marks open while a block is read, innermost last.
struct Stack {
    open: Vec<Open>,
}

impl Stack {
    /// The innermost open double mark and its depth in the stack.
    fn innermost_double(&self) -> Option<(usize, Span)> {
        self.open
            .iter()
            .enumerate()
            .rev()
            .find_map(|(depth, o)| match o {
                Open::Double(span) => Some((depth, *span)),
                Open::Single(_) => None,
            })
    }
}

/// Scans one block; returns the open double quote (piece index, mark) if it runs past the block's end.
pub(super) fn scan_block(
    text: &str,
    block: Span,
    index: usize,
    mut continues: Option<usize>,
    quotes: &mut Quotes,
) -> Option<(usize, Span)> {
    let body = block.of(text);
    let mut stack = Stack { open: Vec::new() };
    let marks = quote_marks(body);
    let mut single_closes = SingleCloses::new(body, marks.clone());
    let mut iter = marks;
    while let Some((i, c)) = iter.next() {
        let (prev, next) = neighbours(body, i, c);
        let mut mark_span = Span::new(block.start + i, block.start + i + c.len_utf8());
        let closes_single_first =
            matches!(stack.open.last(), Some(Open::Single(_))) && body[i..].starts_with("\'\'\'");
        let mark = if c == '\'' && next == Some('\'') && !closes_single_first {
            // Two apostrophes stand for a double quotation mark in some wire and archive copy, read
            // by the characters either side like a straight one.
            iter.next();
            mark_span.end += 1;
            let after = body[i + 2..].chars().find(|&ch| !is_format(ch));
            Some(straight_double(prev, after))
        } else if c == '`' {
            // ``Like this'': two backticks open a quotation in wire archives (AP, NYT); one is not a mark.
            if next != Some('`') {
                continue;
            }
            iter.next();
            mark_span.end += 1;
            Some(Mark::OpenDouble)
        } else if c == '"' && is_inch_mark(body, i) && stack.innermost_double().is_none() {
            None
        } else {
            classify(prev, c, next)
        };
        match mark {
            None | Some(Mark::Apostrophe) => {}
            Some(Mark::OpenDouble) => open_double(
                text,
                block.end,
                &mut stack,
                mark_span,
                index,
                &mut continues,
                quotes,
            ),
            Some(Mark::Double) if stack.innermost_double().is_none() => open_double(
                text,
                block.end,
                &mut stack,
                mark_span,
                index,
                &mut continues,
                quotes,
            ),
            Some(Mark::CloseDouble | Mark::Double) => {
                let Some((depth, open)) = stack.innermost_double() else {
                    quotes.unbalanced_mark(Unbalanced::NeverOpened(mark_span));
                    continue;
                };
                // Single marks still open inside were apostrophes after all (`the players’ union`).
                stack.open.truncate(depth);
                let outermost = stack.open.is_empty();
                let link = if outermost { continues.take() } else { None };
                quotes
                    .quotations
                    .push(quotation(open, mark_span, index, !outermost, link, false));
            }
            Some(Mark::OpenSingle) if single_closes.closed_after(i + c.len_utf8()) => {
                stack.open.push(Open::Single(mark_span))
            }
            Some(Mark::CloseSingle) => {
                if let Some(Open::Single(open)) = stack.open.last().copied() {
                    stack.open.pop();
                    let nested = !stack.open.is_empty();
                    quotes
                        .quotations
                        .push(quotation(open, mark_span, index, nested, None, false));
                }
            }
            Some(Mark::OpenSingle) => {}
        }
    }
    // A double quotation opened inside another and never closed is unbalanced; the outermost one
    // runs on into the next paragraph, which may continue it.
    let mut doubles = stack.open.iter().filter_map(|o| match o {
        Open::Double(span) => Some(*span),
        Open::Single(_) => None,
    });
    let outermost = doubles.next()?;
    doubles.for_each(|mark| quotes.unbalanced_mark(Unbalanced::NeverClosed(mark)));
    let end = Span::new(block.end, block.end);
    let piece = quotation(outermost, end, index, false, continues, true);
    quotes.quotations.push(piece);
    Some((quotes.quotations.len() - 1, outermost))
}

/// An opening double mark: a new quotation, nested in whatever is open — or, when a double quotation
/// is the innermost open and a sentence has just ended, the same quotation re-opened (the convention
/// for a quotation running over paragraphs, often flattened onto one line: `… the team. "If it was
/// …`). A double mark inside a double quotation of the same style nests only around a few words (a
/// title or a scare quote: `elected from [Cruz’s] “list” are`); one that runs on means the outer
/// quotation was never closed.
fn open_double(
    text: &str,
    block_end: usize,
    stack: &mut Stack,
    mark_span: Span,
    index: usize,
    continues: &mut Option<usize>,
    quotes: &mut Quotes,
) {
    if let Some(Open::Double(open)) = stack.open.last().copied() {
        let before = text[..mark_span.start]
            .trim_end()
            .trim_end_matches(['\'', '’', ')']);
        if before.ends_with(['.', '?', '!', '…']) {
            stack.open.pop();
            let outermost = stack.open.is_empty();
            let end = Span::new(before.len(), before.len());
            let link = if outermost { continues.take() } else { None };
            quotes
                .quotations
                .push(quotation(open, end, index, !outermost, link, true));
            if outermost {
                *continues = Some(quotes.quotations.len() - 1);
            }
        } else if same_style(open.of(text), mark_span.of(text))
            && !nested_quotation_follows(&text[mark_span.end..block_end])
        {
            stack.open.pop();
            quotes.unbalanced_mark(Unbalanced::NeverClosed(open));
        }
    }
    stack.open.push(Open::Double(mark_span));
}

/// Both marks straight (`"`, `''`, ``` `` ```) or both curly.
fn same_style(a: &str, b: &str) -> bool {
    let straight = |m: &str| m.starts_with(['"', '\'', '`']);
    straight(a) == straight(b)
}

/// The most words a quotation nested in one of the same style holds: a title or a scare quote.
const NESTED_WORDS: usize = 6;

/// In the rest of the paragraph, a closing double mark follows within a few words, before any
/// sentence ends, and another mark after it can close the quotation around it.
fn nested_quotation_follows(rest: &str) -> bool {
    const DOUBLE_MARKS: [char; 3] = ['"', '”', '“'];
    let Some((close, mark)) = rest.char_indices().find(|(_, c)| DOUBLE_MARKS.contains(c)) else {
        return false;
    };
    let inner = rest[..close]
        .trim_end()
        .trim_end_matches(['.', '?', '!', ',']);
    let after = &rest[close + mark.len_utf8()..];
    inner.split_whitespace().count() <= NESTED_WORDS
        && !inner.contains(['.', '?', '!'])
        && (after.contains(DOUBLE_MARKS) || after.contains("''"))
}

/// Whether a single quote opened at some point is closed before the next double quote. Asked in order
/// along the block: the marks are read ahead once, to the next double quote or closing single quote,
/// and that answer serves every opening single quote before it, so the block is read ahead only once.
struct SingleCloses<'a, I> {
    body: &'a str,
    ahead: I,
    /// The first double quote or closing single quote read ahead (`usize::MAX` past the last), and
    /// whether it closes.
    next: Option<(usize, bool)>,
}

impl<'a, I: Iterator<Item = (usize, char)>> SingleCloses<'a, I> {
    fn new(body: &'a str, marks: I) -> SingleCloses<'a, I> {
        SingleCloses {
            body,
            ahead: marks,
            next: None,
        }
    }

    /// A single quote opens a quotation only if a closing single quote follows before any double quote.
    fn closed_after(&mut self, from: usize) -> bool {
        if let Some((at, closes)) = self.next
            && at >= from
        {
            return closes;
        }
        let next = self
            .ahead
            .by_ref()
            .filter(|&(i, _)| i >= from)
            .find_map(|(i, c)| {
                if matches!(c, '"' | '“' | '”') {
                    return Some((i, false));
                }
                let (prev, next) = neighbours(self.body, i, c);
                (classify(prev, c, next) == Some(Mark::CloseSingle)).then_some((i, true))
            })
            .unwrap_or((usize::MAX, false));
        self.next = Some(next);
        next.1
    }
}

fn quotation(
    open: Span,
    close: Span,
    block: usize,
    nested: bool,
    continues: Option<usize>,
    runs_on: bool,
) -> Quotation {
    Quotation {
        span: Span::new(open.start, close.end),
        inner: Span::new(open.end, close.start),
        block,
        nested,
        continues,
        runs_on,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::{balanced_quotations, inner_texts, quotes_in};

    #[test]
    fn three_apostrophes_close_a_single_then_a_double_quotation() {
        // PolNeAR train (New York Times).
        let text = "''Republican voters will not be satisfied with 'We'll bomb the S out of them,''' said Senator John McCain.";
        assert_eq!(
            balanced_quotations(text),
            [
                "Republican voters will not be satisfied with 'We'll bomb the S out of them,'",
                "We'll bomb the S out of them,"
            ]
        );
    }

    #[test]
    fn nests_single_quotes_inside_doubles_and_ignores_apostrophes() {
        let text = "“He said ‘no deal’ in the ’90s, didn’t he?” she asked.";
        let q = quotes_in(text);
        assert_eq!(
            inner_texts(text, &q),
            ["He said ‘no deal’ in the ’90s, didn’t he?", "no deal"]
        );
        assert!(q.quotations[1].nested);
    }

    #[test]
    fn headline_single_quotes_are_quotations() {
        // Seed 004's headline.
        let text = "Russia's foreign minister claims Trump 'accepts' Putin's assurance";
        assert_eq!(inner_texts(text, &quotes_in(text)), ["accepts"]);
    }

    #[test]
    fn two_apostrophes_are_a_double_quotation_mark() {
        // PolNeAR (NYT archive style): ''You hear that a lot,'' said Representative Dan Kildee.
        let text = "''You hear that a lot,'' said Representative Dan Kildee.";
        assert_eq!(
            inner_texts(text, &quotes_in(text)),
            ["You hear that a lot,"]
        );
    }

    #[test]
    fn a_quotation_reopened_at_a_new_sentence_continues() {
        // BBC business-110: a quotation left open before the next one starts.
        let text = "\"Personal consumption looks good, but it was mainly due to the Olympics. \"The amber light is flashing.\" The government may now find it difficult.";
        let q = quotes_in(text);
        assert_eq!(
            inner_texts(text, &q),
            [
                "Personal consumption looks good, but it was mainly due to the Olympics.",
                "The amber light is flashing."
            ]
        );
        assert_eq!(q.quotations[1].continues, Some(0));
        assert!(q.unbalanced.is_empty());
    }

    #[test]
    fn backticks_open_and_apostrophes_close_in_wire_archives() {
        // DUC (AP, 1998): ``gorgeous endemic forests I've ever seen,'' said Mary Lou Goodwin.
        let text = "``gorgeous endemic forests I've ever seen,'' said Mary Lou Goodwin.";
        assert_eq!(
            inner_texts(text, &quotes_in(text)),
            ["gorgeous endemic forests I've ever seen,"]
        );
    }

    #[test]
    fn quotations_nest_three_deep() {
        // The nesting a hostile-input review found read as two unbalanced marks (issue #15, row 4).
        let text = "The minister said: “He told me ‘she wrote “no way” in the memo’ last week.”";
        let q = quotes_in(text);
        assert!(q.unbalanced.is_empty(), "{:?}", q.unbalanced);
        assert_eq!(
            inner_texts(text, &q),
            [
                "He told me ‘she wrote “no way” in the memo’ last week.",
                "no way"
            ]
        );
        assert!(q.quotations[1].nested);
    }

    #[test]
    fn a_short_quotation_nests_inside_one_of_the_same_style() {
        // PolNeAR train, wash-post 2016-06-13 (a tweet quoted whole), and politico 2016-04-03.
        let text = "Trump tweeted, \"Reporting that Orlando killer shouted \"Allah hu Akbar!\" as he slaughtered clubgoers.\" This appeared";
        assert_eq!(
            balanced_quotations(text),
            [
                "Reporting that Orlando killer shouted \"Allah hu Akbar!\" as he slaughtered clubgoers.",
                "Allah hu Akbar!"
            ]
        );
        let text = "Jack noted that “many of those elected from [Cruz’s] “list” are firmly undecided or support other candidates” and that, “We’re confident.”";
        assert_eq!(balanced_quotations(text).len(), 3);
    }

    #[test]
    fn an_unclosed_quotation_before_a_short_one_is_the_unbalanced_mark() {
        // BBC politics-124: the first quotation is never closed; the second is whole.
        let text = "Ms Hutt defended her record, saying waiting times and lists were \"only 10% of the health agenda. Dr Gibbons said NHS staff wanted a period of consolidation after \"tremendous change and reform\".";
        let q = quotes_in(text);
        let open = text.find("\"only").unwrap();
        assert_eq!(
            q.unbalanced,
            [Unbalanced::NeverClosed(Span::new(open, open + 1))]
        );
        assert_eq!(inner_texts(text, &q), ["tremendous change and reform"]);
    }
}
