//! Markup that web copy carries into plain text: embedded posts (`<tweet author="@AP" …>…</tweet>`,
//! `<blockquote class="twitter-tweet">…</blockquote>`) and stray tags (`<a href="…">`).
//!
//! Text in, the byte spans that are not copy out: an embed is someone else's words with its own
//! attribution in its attributes, and a tag's quoted attribute values are not quotations.

use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

/// Where markup stands in `text`, in order and not overlapping.
pub fn markup_spans(text: &str) -> Vec<Span> {
    if !text.contains('<') {
        return Vec::new();
    }
    let mut spans = embeds(text);
    let tags = tag_pattern()
        .find_iter(text)
        .map(|m| Span::new(m.start(), m.end()));
    spans.extend(
        tags.filter(|t| !spans.iter().any(|e| e.overlaps(*t)))
            .collect::<Vec<_>>(),
    );
    spans.sort();
    spans
}

/// Embedded posts, from the opening tag through the matching closing tag (or the opening tag alone
/// when the closing one is missing).
fn embeds(text: &str) -> Vec<Span> {
    static OPEN: OnceLock<Regex> = OnceLock::new();
    static CLOSE: OnceLock<Regex> = OnceLock::new();
    let open = OPEN.get_or_init(|| {
        Regex::new(r"(?i)<(?:tweet|blockquote|script|style|iframe)(?-u:\b)[^<>]*>")
            .expect("a valid pattern")
    });
    let close = CLOSE.get_or_init(|| {
        Regex::new(r"(?i)</(?:tweet|blockquote|script|style|iframe)\s*>").expect("a valid pattern")
    });
    let mut out: Vec<Span> = Vec::new();
    for start in open.find_iter(text) {
        if out.last().is_some_and(|last| last.end > start.start()) {
            continue; // inside the embed before
        }
        let end = close
            .find_at(text, start.end())
            .map_or(start.end(), |m| m.end());
        out.push(Span::new(start.start(), end));
    }
    out
}

/// A tag: one with an attribute (`<a href="…">`), a closing tag, or a bare HTML element in lower
/// case. A bare upper-case `<SRD>` or `<Pacific Gas and Electric Co>` is how Reuters copy names a
/// company, and stays copy.
fn tag_pattern() -> &'static Regex {
    static TAG: OnceLock<Regex> = OnceLock::new();
    TAG.get_or_init(|| {
        Regex::new(concat!(
            r"<[A-Za-z][A-Za-z0-9:-]*\s[^<>]*=[^<>]*>",
            r"|</[A-Za-z][A-Za-z0-9:-]*\s*>",
            r"|<(?:p|br|hr|em|strong|span|div|li|ul|ol|b|i|u|h[1-6]|blockquote|figure|figcaption)\s*/?>"
        ))
        .expect("a valid pattern")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> Vec<&str> {
        markup_spans(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn an_embedded_post_is_not_copy() {
        // PolNeAR train, breitbart 2016-08-23 (Pence calls for a special prosecutor).
        let text = r#"facts right now.” <tweet id="768166957728358400" author="@AP" datetime="2016-08-23">BREAKING: AP analysis: More than half</tweet>. Pence said"#;
        assert_eq!(
            blanked(text),
            [
                r#"<tweet id="768166957728358400" author="@AP" datetime="2016-08-23">BREAKING: AP analysis: More than half</tweet>"#
            ]
        );
    }

    #[test]
    fn a_stray_tag_is_not_copy_but_its_text_is() {
        let text = r#"See <a href="http://example.com">the report</a> for more."#;
        assert_eq!(blanked(text), [r#"<a href="http://example.com">"#, "</a>"]);
    }

    #[test]
    fn a_less_than_sign_in_prose_is_copy() {
        assert!(blanked("Inflation < 2% and 3 <4 are not tags.").is_empty());
    }

    #[test]
    fn a_reuters_company_name_in_angle_brackets_is_copy() {
        // Reuters-21578: `<Pacific Gas and Electric Co>` and tickers like `<SRD>` name companies.
        assert!(blanked("<Pacific Gas and Electric Co> said <SRD> shares rose.").is_empty());
    }
}
