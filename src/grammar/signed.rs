//! Signed quotations: `“He can’t even answer a question without screaming.” ― Krystal Correa`, the
//! pull-quote and reader-comment convention, where a dash after the quotation names its speaker.

use super::words::{Res, capitalised_word, skip_many_m_n};
use crate::document::Document;
use crate::span::Span;
use nom::Parser;
use nom::character::complete::{multispace1, one_of, space0};
use nom::combinator::recognize;
use nom::sequence::{pair, preceded};

/// `Krystal Correa`, `Julie A. Diaz Martinez`, `Christina N Luis Olidem`: one to five capitalised words.
fn signature(input: &str) -> Res<'_, &str> {
    recognize(pair(
        capitalised_word,
        skip_many_m_n(0, 4, preceded(multispace1, capitalised_word)),
    ))
    .parse(input)
}

/// The signature after the quotation that ends at `end`: its span and the dash's.
fn signed_after(text: &str, end: usize) -> Option<(Span, Span)> {
    let after = &text[end..];
    let (rest, _) = space0::<&str, nom::error::Error<&str>>(after).ok()?;
    let dash_at = end + after.len() - rest.len();
    let (rest, dash) = one_of::<&str, &str, nom::error::Error<&str>>("―—–")(rest).ok()?;
    let (rest, _) = space0::<&str, nom::error::Error<&str>>(rest).ok()?;
    let (tail, name) = signature(rest).ok()?;
    // The signature ends its line or its sentence (`― Carla Sanchez.`), or a new quotation follows.
    let ends = tail.trim_start_matches('.').trim_start_matches([' ', '\t']);
    if !(ends.is_empty() || ends.starts_with(['\n', '\r', '“', '"', '”'])) {
        return None;
    }
    let name_at = end + after.len() - rest.len();
    Some((
        Span::new(name_at, name_at + name.len()),
        Span::new(dash_at, dash_at + dash.len_utf8()),
    ))
}

/// Every signed quotation of a document: (sentence index, source, cue, content).
pub(super) fn parse(doc: &Document) -> Vec<(usize, Span, Span, Span)> {
    let text = doc.text();
    doc.quotations()
        .filter_map(|(_, q)| {
            let (source, cue) = signed_after(text, q.span.end)?;
            let sentence = doc
                .sentence_at(cue.start)
                .or_else(|| doc.sentence_at(q.span.start))?;
            Some((
                sentence,
                source,
                cue,
                Span::new(doc.first_piece(q).span.start, q.span.end),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::table::{assert_attribution, rows};

    #[test]
    fn a_dash_after_a_quotation_signs_it() {
        // PolNeAR dev: readers' comments quoted in a list.
        assert_attribution(
            "“Donald Trump scares me. Hearing his hateful words makes me afraid for the future.” ― Krystal Correa",
            "―",
            Some("Krystal Correa"),
            "“Donald Trump scares me. Hearing his hateful words makes me afraid for the future.”",
        );
        // A dash after a quotation in running copy opens an aside.
        assert!(
            rows("In July, Gingrich cynically dismissed NATO member Estonia as being in the “suburbs of St. Petersburg” — a metaphor for the GOP’s abandonment of principle at the altar of Trump.")
                .iter()
                .all(|r| r.cue != "—")
        );
    }
}
