//! A file's text set aside while only its copy view is read: the bytes where the two differ, from
//! which the text is made again.
//!
//! Every byte of the copy view is the text's own byte or a space (markup, directives, a byte-order
//! mark and wide spaces blanked, soft line breaks joined), so the difference is small: 22,000 runs
//! in the 29 MB corpus read as one file, where the text itself is as large as the view.

/// The runs of bytes where a text differs from its copy view, with the text's bytes.
pub struct Aside {
    /// Each run: where it starts in the text, and where its bytes start in `bytes` (they run to the
    /// next run's).
    runs: Vec<(usize, usize)>,
    bytes: Vec<u8>,
}

/// The bytes compared at once where text and view mostly agree.
const CHUNK: usize = 64;

impl Aside {
    /// What `restore_in` needs to make `text` again from `view`, which has its length.
    pub fn between(text: &str, view: &str) -> Aside {
        let (text, view) = (text.as_bytes(), view.as_bytes());
        debug_assert_eq!(text.len(), view.len());
        let mut aside = Aside {
            runs: Vec::new(),
            bytes: Vec::new(),
        };
        let mut open = false;
        for (chunk, (t, v)) in text.chunks(CHUNK).zip(view.chunks(CHUNK)).enumerate() {
            if t == v {
                open = false;
                continue;
            }
            for (i, (&tb, &vb)) in t.iter().zip(v).enumerate() {
                if tb == vb {
                    open = false;
                    continue;
                }
                if !open {
                    aside.runs.push((chunk * CHUNK + i, aside.bytes.len()));
                    open = true;
                }
                aside.bytes.push(tb);
            }
        }
        aside.runs.shrink_to_fit();
        aside.bytes.shrink_to_fit();
        aside
    }

    /// Whether `at` is a character boundary of the text set aside, whose view is `view`: where the
    /// two agree, the view's byte is the text's.
    pub fn is_char_boundary(&self, view: &str, at: usize) -> bool {
        if at >= view.len() {
            return at == view.len();
        }
        let run = self.runs.partition_point(|&(start, _)| start <= at);
        let byte = match run.checked_sub(1).map(|r| (r, self.runs[r])) {
            Some((r, (start, from))) if from + (at - start) < self.end_of(r) => {
                self.bytes[from + (at - start)]
            }
            _ => view.as_bytes()[at],
        };
        // A UTF-8 continuation byte is 0b10xx_xxxx.
        byte & 0b1100_0000 != 0b1000_0000
    }

    /// Where the bytes of run `r` end in `bytes`.
    fn end_of(&self, r: usize) -> usize {
        self.runs
            .get(r + 1)
            .map_or(self.bytes.len(), |&(_, from)| from)
    }

    /// The text set aside, made again in the buffer of the view it was compared with.
    pub fn restore_in(&self, view: String) -> String {
        let mut text = view.into_bytes();
        for (r, &(start, from)) in self.runs.iter().enumerate() {
            let end = self.end_of(r);
            text[start..start + (end - from)].copy_from_slice(&self.bytes[from..end]);
        }
        String::from_utf8(text).expect("the bytes of the text set aside, which was a string")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::SourceFile;

    fn round_trip(path: &str, text: &str) -> usize {
        let file = SourceFile::new(path, text);
        let view = crate::copy::copy_of(&file).text;
        let aside = Aside::between(&file.text, &view);
        for at in 0..=text.len() + 1 {
            let boundary = file.text.is_char_boundary(at);
            assert_eq!(
                aside.is_char_boundary(&view, at),
                boundary,
                "{at} in {text:?}"
            );
        }
        assert_eq!(aside.restore_in(view), file.text, "{path}");
        aside.runs.len()
    }

    #[test]
    fn a_text_is_made_again_from_its_view_and_its_characters_found_there() {
        // BBC sport-328, wrapped inside a phrase, and a long line past one chunk.
        let wrapped = "When Woodward was appointed last year, it was widely\r\nbelieved he would rely heavily on his former England players.";
        assert_eq!(round_trip("a.txt", wrapped), 1);
        let long = format!("{}\n{wrapped}", "word ".repeat(40));
        assert_eq!(round_trip("a.txt", &long), 1);
        // Markdown syntax, front matter and a suppression, blanked in the view.
        let markdown = "---\ntitle: Talks\n---\n\n# Talks\n\nThe **two** banks [held](https://example.com) talks.\n\n<!-- newslint-disable-next-line NL203 -- named later -->\nThey reportedly met.\n";
        assert!(round_trip("a.md", markdown) > 3);
        // A no-break space: two spaces in the view.
        assert_eq!(round_trip("a.txt", "Newt\u{a0}Gingrich said"), 1);
        assert_eq!(round_trip("a.txt", "Newt\u{2003}Gingrich\u{a0}said"), 2);
        assert_eq!(round_trip("a.txt", "Copy the view keeps whole."), 0);
        assert_eq!(round_trip("a.txt", ""), 0);
    }
}
