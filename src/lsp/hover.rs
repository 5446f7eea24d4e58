//! Hover: who said what at a place in a draft. On a source, a cue or what is said (a quotation
//! included), the attribution: the speaker resolved, the source phrase, the cue and its kind, and the
//! sentence that carries it; on a quotation no attribution claims, that no speaker was found. On a
//! finding, its rule's documentation (`newslint explain`).

use crate::Analysis;
use crate::diagnostic::{Diagnostic, excerpt};
use crate::grammar::Attribution;
use crate::span::Span;

/// What to show at `offset` (a byte of the file as the editor holds it), over which span; `None`
/// where there is nothing to say. `explain` gives a rule's documentation by code.
pub fn hover(
    analysis: &Analysis,
    found: &[Diagnostic],
    offset: usize,
    explain: &dyn Fn(&str) -> Option<String>,
) -> Option<(Span, String)> {
    let file = &analysis.file;
    let at = |span: Span| {
        let span = file.to_original(span);
        span.start <= offset && offset < span.end
    };
    let quotation = analysis
        .document
        .quotations()
        .map(|(_, q)| q.span)
        .find(|&q| at(q));
    let attributions: Vec<&Attribution> = analysis
        .attributions
        .iter()
        .filter(|a| {
            parts(a).any(at) || quotation.is_some_and(|q| a.content.is_some_and(|c| c.overlaps(q)))
        })
        .collect();
    let findings: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| {
            d.primary.span.start <= offset
                && offset < d.primary.span.end.max(d.primary.span.start + 1)
        })
        .collect();
    let mut sections: Vec<String> = attributions.iter().map(|a| describe(analysis, a)).collect();
    let mut spans: Vec<Span> = attributions
        .iter()
        .flat_map(|a| parts(a))
        .filter(|&s| at(s))
        .map(|s| file.to_original(s))
        .collect();
    if let (Some(q), true) = (quotation, attributions.is_empty()) {
        sections.push(format!(
            "**no speaker found** for this quotation: no attribution in the copy claims it\n\n> {}",
            excerpt(q.of(&file.text), 200)
        ));
        spans.push(file.to_original(q));
    }
    for d in findings {
        let doc = explain(&d.code).unwrap_or_else(|| format!("{} {}", d.code, d.name));
        sections.push(format!(
            "**{}** `{}`\n\n```text\n{doc}\n```",
            d.code, d.name
        ));
        spans.push(d.primary.span);
    }
    let span = spans.into_iter().reduce(|a, b| {
        // The narrowest thing under the cursor.
        if b.end - b.start < a.end - a.start {
            b
        } else {
            a
        }
    })?;
    Some((span, sections.join("\n\n---\n\n")))
}

/// The spans of an attribution's source phrase, cue and content, in the text read.
fn parts(a: &Attribution) -> impl Iterator<Item = Span> + '_ {
    a.source_phrase
        .or(a.source)
        .into_iter()
        .chain([a.cue])
        .chain(a.content)
}

/// The attribution as the editor shows it: speaker, source, cue, kind, content and sentence.
fn describe(analysis: &Analysis, a: &Attribution) -> String {
    let text = &analysis.file.text;
    let kind = a.kind.name();
    let speaker = a
        .speaker
        .as_deref()
        .map_or("no one named (an agentless cue)".to_string(), |s| {
            format!("**{s}**")
        });
    let mut out = format!("**who said what** — speaker: {speaker}\n");
    if let Some(source) = a.source_phrase.or(a.source) {
        out += &format!("- source: {}\n", excerpt(source.of(text), 120));
    }
    let how = format!("{kind}, {:?} {:?}", a.tone, a.class).to_lowercase();
    out += &format!("- cue: `{}` ({how})\n", a.cue.of(text));
    if let Some(content) = a.content {
        out += &format!("- says: “{}”\n", excerpt(content.of(text), 160));
    }
    if let Some(sentence) = analysis.document.sentences.get(a.sentence) {
        let line = analysis.file.original()[..analysis.file.to_original(sentence.span).start]
            .matches('\n')
            .count()
            + 1;
        out += &format!(
            "- in the sentence on line {line}: {}\n",
            excerpt(sentence.span.of(text), 200)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::SourceFile;
    use crate::{Lexicon, Pack, check_file};

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

    fn hover_at(name: &str, needle: &str) -> Option<(String, String)> {
        let text = std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap();
        let file = SourceFile::new(name, text.as_str());
        let (analysis, found) = check_file(file, Lexicon::default_lexicon(), Pack::default_pack());
        let at = text.find(needle).unwrap();
        let explain = |code: &str| Some(format!("explained {code}"));
        hover(&analysis, &found, at, &explain).map(|(span, md)| (span.of(&text).to_string(), md))
    }

    #[test]
    fn a_source_shows_who_said_what_and_the_sentence_that_carries_it() {
        let (over, md) = hover_at("seeds/000_f1e3116a09d4a900.txt", "Lavrov stated").unwrap();
        assert_eq!(over, "Lavrov");
        assert!(md.contains("speaker: **Lavrov**"), "{md}");
        assert!(md.contains("cue: `stated` (indirect"), "{md}");
        assert!(md.contains("says: “that Trump had accepted"), "{md}");
        assert!(md.contains("in the sentence on line 9: "), "{md}");
    }

    #[test]
    fn a_quotation_shows_its_speaker_and_one_unclaimed_says_so() {
        let (_, md) = hover_at("seeds/003_c4404504afc26fe5.txt", "“rightly focused").unwrap();
        assert!(md.contains("speaker: **Rex Tillerson**"), "{md}");
        let (over, md) = hover_at("rules/unattributed-quote.txt", "\"").unwrap();
        assert!(over.starts_with('"'), "{over}");
        assert!(md.contains("**no speaker found**"), "{md}");
        assert!(md.contains("**NL001** `unattributed-quote`"), "{md}");
        assert!(md.contains("explained NL001"), "{md}");
    }

    #[test]
    fn plain_narration_shows_nothing() {
        assert_eq!(
            hover_at("seeds/000_f1e3116a09d4a900.txt", "The meeting, which"),
            None
        );
    }
}
