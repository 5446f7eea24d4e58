//! The syntax of suppression directives: `<!-- newslint-disable-next-line NL203 -- reason -->` in
//! Markdown, `[newslint-disable-sentence NL010 -- reason]` in plain text. Text in, each directive's
//! span, kind, codes and reason out; the copy view leaves them out, `suppress` applies them.

use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

fn directive_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?:<!--|\[)[ \t]*newslint-(disable-next-line|disable-sentence|disable|enable)\b([^\]\n]*?)[ \t]*(?:-->|\])")
            .expect("the directive pattern is valid")
    })
}

/// Every directive in a file: (span, kind, codes, reason).
pub fn directives(text: &str) -> Vec<(Span, &str, Vec<String>, Option<String>)> {
    directive_pattern()
        .captures_iter(text)
        .map(|c| {
            let whole = c.get(0).expect("a match has a whole");
            let (codes, reason) = match c[2].split_once("--") {
                Some((codes, reason)) => (
                    codes,
                    Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
                ),
                None => (&c[2], None),
            };
            let codes = codes
                .split([',', ' ', '\t'])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            (
                Span::new(whole.start(), whole.end()),
                c.get(1).map_or("", |m| m.as_str()),
                codes,
                reason,
            )
        })
        .collect()
}

/// The directives' spans, so the reader can leave them out of the copy.
pub fn directive_spans(text: &str) -> Vec<Span> {
    directives(text)
        .into_iter()
        .map(|(span, ..)| span)
        .collect()
}
