//! One file read and analysed: its document model and its attributions, found once per file from a
//! `SourceFile`; every check and rule reads them (what the attributions cover is worked out by the
//! readers that ask, `crate::coverage`).

use crate::aside::Aside;
use crate::document::Document;
use crate::grammar::{Attribution, attributions, lexicon::Lexicon};
use crate::input::SourceFile;

/// One file read and parsed: its document model and attributions.
pub struct Analysis {
    pub file: SourceFile,
    pub document: Document,
    pub attributions: Vec<Attribution>,
}

/// Parses a file and finds its attributions.
pub fn analyse(file: SourceFile, lexicon: &Lexicon) -> Analysis {
    Parsed::new(file).analyse(lexicon)
}

/// A file read and its document model built, its attributions not yet found: what is read of a file
/// before its text may be set aside (its suppressions).
pub struct Parsed {
    pub file: SourceFile,
    pub document: Document,
}

impl Parsed {
    pub fn new(file: SourceFile) -> Parsed {
        let document = Document::parse(&file);
        Parsed { file, document }
    }

    /// The file analysed, its text held.
    pub fn analyse(self, lexicon: &Lexicon) -> Analysis {
        let Parsed { file, document } = self;
        let attributions =
            attributions_fitted(&document, lexicon, |at| file.text.is_char_boundary(at));
        Analysis {
            file,
            document,
            attributions,
        }
    }

    /// Frees the text, finds the attributions in the copy view and runs `read`, which reads the view
    /// and not the text, on the analysis; then gives back the file, its text made again in the view's
    /// own buffer (`Aside`), the rest of the analysis dropped. The grammar, the rules and the
    /// discrepancy checks of a file checked alone read the view alone: a long file is not held twice
    /// while they run, nor after. No analysis without its text or its view escapes.
    pub fn into_file_after<T>(
        self,
        lexicon: &Lexicon,
        read: impl FnOnce(&Analysis) -> T,
    ) -> (SourceFile, T) {
        self.with_text_aside(lexicon, |analysis| read(analysis))
    }

    /// The file and its attributions, found with its text set aside as `into_file_after` finds them,
    /// the document model dropped: what a report of attributions reads, held beside that report (for
    /// a long file, its copy view and sentences were as large as the text).
    pub fn into_attributions(self, lexicon: &Lexicon) -> (SourceFile, Vec<Attribution>) {
        self.with_text_aside(lexicon, |analysis| {
            std::mem::take(&mut analysis.attributions)
        })
    }

    /// `into_file_after`, `take` given the analysis to take its attributions from (its text and view
    /// are made one again after, so it must leave them be).
    fn with_text_aside<T>(
        self,
        lexicon: &Lexicon,
        take: impl FnOnce(&mut Analysis) -> T,
    ) -> (SourceFile, T) {
        let Parsed { mut file, document } = self;
        let text = std::mem::take(&mut file.text);
        let aside = Aside::between(&text, document.text());
        drop(text);
        let view = document.text();
        let attributions =
            attributions_fitted(&document, lexicon, |at| aside.is_char_boundary(view, at));
        let mut analysis = Analysis {
            file,
            document,
            attributions,
        };
        let out = take(&mut analysis);
        let Analysis {
            mut file, document, ..
        } = analysis;
        file.text = aside.restore_in(document.copy.text);
        (file, out)
    }
}

/// The attributions of `document`, each span fitted to the file's characters (`boundary`, in the
/// file's text): the grammar reads the copy view, where a no-break space is as many ASCII spaces as
/// it has bytes, and a span must still begin and end on whole characters of the file.
fn attributions_fitted(
    document: &Document,
    lexicon: &Lexicon,
    boundary: impl Fn(usize) -> bool,
) -> Vec<Attribution> {
    let mut attributions = attributions(document, lexicon);
    let len = document.text().len();
    let fit = |s: crate::span::Span| s.on_boundaries(len, &boundary);
    for a in &mut attributions {
        a.cue = fit(a.cue);
        a.source = a.source.map(fit);
        a.source_phrase = a.source_phrase.map(fit);
        a.content = a.content.map(fit);
    }
    // Held as long as the file is checked: up to half a grown list's room would be unused.
    attributions.shrink_to_fit();
    attributions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_given_back_whole_after_a_read_of_its_view_alone() {
        // BBC sport-328, wrapped inside a phrase; Markdown, whose syntax the view blanks; and
        // Reuters 08095 set with no-break spaces around the cue and the source, which the view reads
        // as two spaces each. Each with two words the view joins and the attributions it holds.
        let texts = [
            (
                "a.txt",
                "When Woodward was appointed last year, it was widely\r\nbelieved he would rely heavily on his former England players.\n",
                ["widely", "believed"],
                1,
            ),
            (
                "a.md",
                "---\ntitle: Woodward\n---\n\nIt was **widely** [believed](https://www.bbc.co.uk/sport) he would rely on his players.\n",
                ["widely", "believed"],
                1,
            ),
            (
                "a.txt",
                "Saudi\u{a0}Oil Minister Hisham Nazer is likely to discuss oil price stabilisation but Britain would not change its refusal to limit its North Sea oil production and exports,\u{a0}officials\u{a0}said.\n",
                ["officials", "said."],
                1,
            ),
        ];
        let lexicon = Lexicon::default_lexicon();
        for (path, text, joined, attributions) in texts {
            let held = analyse(SourceFile::new(path, text), lexicon);
            assert_eq!(held.attributions.len(), attributions, "{text}");
            let parsed = Parsed::new(SourceFile::new(path, text));
            let (file, read) = parsed.into_file_after(lexicon, |a| {
                assert!(
                    a.file.text.is_empty(),
                    "the text is freed while the view is read"
                );
                assert_eq!(a.attributions, held.attributions, "{text}");
                a.document.text().to_string()
            });
            assert_eq!(file.text, text);
            let words: Vec<&str> = read.split_whitespace().collect();
            assert!(words.windows(2).any(|w| w == joined), "{read}");
            assert!(!read.contains(['*', '[']), "{read}");
        }
    }
}
