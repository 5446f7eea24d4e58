//! One file read and analysed: its document model, its attributions, and what those attributions
//! cover. Built once per file from a `SourceFile`; every check and rule reads it.

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
    let document = Document::parse(&file);
    let mut attributions = attributions(&document, lexicon);
    for a in &mut attributions {
        fit_to_characters(&file.text, a);
    }
    // Held as long as the file is checked: up to half a grown list's room would be unused.
    attributions.shrink_to_fit();
    Analysis {
        file,
        document,
        attributions,
    }
}

impl Analysis {
    /// Runs `read`, which reads the copy view and not the file's text, with the text freed, then
    /// gives back the file, its text made again in the copy view's own buffer (`Aside`); the rest of
    /// the analysis is dropped. The reads of a check after its suppressions are read (the rules and
    /// the discrepancy checks), so a long file is not held twice while they run, nor after.
    pub fn into_file_after<T>(mut self, read: impl FnOnce(&Analysis) -> T) -> (SourceFile, T) {
        let text = std::mem::take(&mut self.file.text);
        let aside = Aside::between(&text, self.document.text());
        drop(text);
        let out = read(&self);
        let Analysis {
            mut file, document, ..
        } = self;
        file.text = aside.restore_in(document.copy.text);
        (file, out)
    }
}

/// The grammar reads the copy view, where a no-break space is as many ASCII spaces as it has bytes;
/// a span must still begin and end on whole characters of the file.
fn fit_to_characters(text: &str, a: &mut Attribution) {
    a.cue = a.cue.on_characters_of(text);
    a.source = a.source.map(|s| s.on_characters_of(text));
    a.source_phrase = a.source_phrase.map(|s| s.on_characters_of(text));
    a.content = a.content.map(|c| c.on_characters_of(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_given_back_whole_after_a_read_of_its_view_alone() {
        // BBC sport-328, wrapped inside a phrase; and Markdown, whose syntax the view blanks.
        let texts = [
            (
                "a.txt",
                "When Woodward was appointed last year, it was widely\r\nbelieved he would rely heavily on his former England players.\n",
            ),
            (
                "a.md",
                "---\ntitle: Woodward\n---\n\nIt was **widely** [believed](https://www.bbc.co.uk/sport) he would rely on his players.\n",
            ),
        ];
        for (path, text) in texts {
            let analysis = analyse(SourceFile::new(path, text), Lexicon::default_lexicon());
            let (file, read) = analysis.into_file_after(|a| {
                assert!(
                    a.file.text.is_empty(),
                    "the text is freed while the view is read"
                );
                a.document.text().to_string()
            });
            assert_eq!(file.text, text);
            let words: Vec<&str> = read.split_whitespace().collect();
            assert!(
                words.windows(2).any(|w| w == ["widely", "believed"]),
                "{read}"
            );
            assert!(!read.contains(['*', '[']), "{read}");
        }
    }
}
