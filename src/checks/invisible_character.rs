//! NL005 invisible-character: a zero-width space or joiner, a soft hyphen or a bidirectional control
//! in the copy. newslint reads the copy without them (so they hide nothing from the other rules), and
//! this rule says where they are, for a reader's search, a CMS and a headline field will not.

use super::CodeRule;
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Fix, Found, Label, Severity};
use crate::invisible::name;
use crate::registry::Builtin;
use crate::span::Span;

pub const RULE: CodeRule = CodeRule {
    rule: Builtin {
        code: "NL005",
        name: "invisible-character",
        severity: Severity::Warning,
        summary: "An invisible character (zero-width space or joiner, soft hyphen, bidirectional control) in the copy",
    explanation: "\
## What it does
Flags characters that show nothing but change the text: zero-width spaces, non-joiners and joiners,
word joiners, soft hyphens, a byte order mark inside the text, direction marks and bidirectional
embeddings, overrides and isolates. The fix removes them. A byte order mark at the very start of a
file, and a joiner inside an emoji sequence, are left alone.

## Why is this bad?
They come in with copy pasted from the web, a social network or a PDF. A reader searching the page for
`officials` will not find `offi<U+200D>cials`; a headline field counts characters nobody sees; and a
right-to-left override makes the text shown differ from the text stored, the trick behind
\"Trojan Source\".

## Example
    Anonymous U.S. offi<U+200D>cials denied Lavrov's account.

The fix removes the joiner:

    Anonymous U.S. officials denied Lavrov's account.
",
    },
    check,
};

fn check(rule: &Builtin, analysis: &Analysis, out: &mut Found) {
    let Some(converted) = &analysis.file.converted else {
        return;
    };
    let text = analysis.document.text();
    let mut last_word = None;
    for &(at, c) in &converted.invisible {
        if at == 0 && c == '\u{feff}' || in_emoji(text, at, c) || !in_copy(analysis, at) {
            continue;
        }
        // Characters left out together (`said\u{200b}\u{200b}`) are one finding.
        let word = word_around(text, at);
        if last_word == Some(word) {
            continue;
        }
        last_word = Some(word);
        out.push(diagnostic(rule, analysis, at, c));
    }
}

/// The word the character stood in or beside, as read; from the character before it when it stood
/// at a word's start, so that the span placed in the file takes the character in.
fn word_around(text: &str, at: usize) -> Span {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let start = if start == at {
        text[..at].char_indices().next_back().map_or(at, |(i, _)| i)
    } else {
        start
    };
    Span::new(start, end)
}

/// A joiner between two pictographs is part of an emoji sequence (a family, a flag), not a slip.
fn in_emoji(text: &str, at: usize, c: char) -> bool {
    let pictograph = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !c.is_alphanumeric());
    c == '\u{200d}'
        && pictograph(text[..at].chars().next_back())
        && pictograph(text[at..].chars().next())
}

/// Whether the place is in a sentence of copy (not in code, a link target or a front matter key).
fn in_copy(analysis: &Analysis, at: usize) -> bool {
    let doc = &analysis.document;
    doc.sentence_at(at).is_some() || at > 0 && doc.sentence_at(at - 1).is_some()
}

fn diagnostic(rule: &Builtin, analysis: &Analysis, at: usize, c: char) -> Diagnostic {
    let text = analysis.document.text();
    let word = word_around(text, at);
    let shown = word.of(text).trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?')
    });
    Diagnostic::new(
        rule.id(),
        format!(
            "A {} (U+{:04X}) is hidden in `{shown}`",
            name(c),
            u32::from(c)
        ),
        Label::new(&analysis.file.path, word, "shows nothing here"),
    )
    .with_help("Remove it: retype the word, or paste copy as plain text")
    .with_fix(Fix {
        span: word,
        replacement: word.of(text).to_string(),
        safe: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lexicon, SourceFile, analyse};

    fn found(path: &str, text: &str) -> Vec<String> {
        let analysis = analyse(SourceFile::new(path, text), Lexicon::default_lexicon());
        let cut_none = |_: &Diagnostic| false;
        let mut out = Found::new(&cut_none);
        check(&RULE.rule, &analysis, &mut out);
        out.into_vec().into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn a_character_hidden_in_a_word_is_found_once() {
        // seed 000, with a joiner planted in `officials` and two spaces after `account`
        let text = "Anonymous U.S. offi\u{200d}cials denied Lavrov’s account\u{200b}\u{200b}.\n";
        assert_eq!(
            found("a.txt", text),
            [
                "A zero-width joiner (U+200D) is hidden in `officials`",
                "A zero-width space (U+200B) is hidden in `account`"
            ]
        );
    }

    #[test]
    fn a_leading_byte_order_mark_and_emoji_sequences_are_left_alone() {
        assert!(found("a.txt", "\u{feff}Lavrov said so.\n").is_empty());
        assert!(found("a.txt", "Lavrov said so 👨\u{200d}👩\u{200d}👧.\n").is_empty());
        assert!(found("a.txt", "Lavrov said so.\n").is_empty());
    }

    #[test]
    fn outside_the_copy_is_not_a_finding() {
        let md = "Lavrov said so.\n\n```\nco\u{200b}de\n```\n";
        assert!(found("a.md", md).is_empty());
    }
}
