//! Characters that shape text without being seen: zero-width spaces and joiners, the soft hyphen, the
//! byte order mark, and the bidirectional controls. Pasted from the web or planted inside a word
//! (`Offi<U+200D>cials`, `said<U+200B>`), they hide the word from every phrase, pattern and grammar
//! match, so the text read leaves them out and an `OffsetMap` keeps every diagnostic on the file's
//! bytes.

use crate::offsets::OffsetMap;

/// Whether `c` is a format character that shows nothing in copy.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' // soft hyphen
        | '\u{061c}' // Arabic letter mark
        | '\u{180e}' // Mongolian vowel separator
        | '\u{200b}'..='\u{200f}' // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
        | '\u{202a}'..='\u{202e}' // bidirectional embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidirectional isolates
        | '\u{feff}' // byte order mark, zero-width no-break space
    )
}

/// Whether `text` holds an invisible character, decoding only where one may begin: each begins with
/// one of five bytes (U+00AD, U+061C, U+180E, U+2xxx, U+FEFF in UTF-8), and copy is mostly ASCII.
fn has_invisible(text: &str) -> bool {
    let bytes = text.as_bytes();
    let invisible_at = |at: usize| text[at..].chars().next().is_some_and(is_invisible);
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes).any(invisible_at)
        || memchr::memchr2_iter(0xD8, 0xE1, bytes).any(invisible_at)
}

/// Text read without its invisible characters.
pub struct Stripped {
    pub text: String,
    /// Where offsets of `text` lie in the text given.
    pub map: OffsetMap,
    /// Each character left out, at the offset in `text` where it stood.
    pub left_out: Vec<(usize, char)>,
}

/// The text without its invisible characters; `None` when it has none, as nearly all copy.
pub fn strip(text: &str) -> Option<Stripped> {
    if !has_invisible(text) {
        return None;
    }
    let mut read = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut left_out = Vec::new();
    let mut done = 0;
    for (at, c) in text.char_indices().filter(|&(_, c)| is_invisible(c)) {
        read.push_str(&text[done..at]);
        done = at + c.len_utf8();
        map.anchor(read.len(), done);
        left_out.push((read.len(), c));
    }
    read.push_str(&text[done..]);
    Some(Stripped {
        text: read,
        map,
        left_out,
    })
}

/// What a reader calls the character.
pub fn name(c: char) -> &'static str {
    match c {
        '\u{00ad}' => "soft hyphen",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "zero-width no-break space",
        '\u{061c}' | '\u{200e}' | '\u{200f}' => "direction mark",
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => "bidirectional control",
        _ => "invisible character",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn a_joined_word_reads_whole_and_maps_back_to_its_bytes() {
        let text = "Offi\u{200d}cials said\u{200b} it.";
        let Stripped {
            text: read,
            map,
            left_out,
        } = strip(text).unwrap();
        assert_eq!(read, "Officials said it.");
        assert_eq!(left_out, [(4, '\u{200d}'), (14, '\u{200b}')]);
        let officials = Span::new(0, "Officials".len());
        assert_eq!(map.span(officials).of(text), "Offi\u{200d}cials");
        let it = Span::new(read.find("it").unwrap(), read.len());
        assert_eq!(map.span(it).of(text), "it.");
    }

    #[test]
    fn every_invisible_character_is_found_where_it_begins() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("“No,” she said{c} ");
            assert_eq!(
                has_invisible(&text),
                is_invisible(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn copy_without_invisible_characters_is_left_alone() {
        assert!(strip("“We’re done,” she said — twice.").is_none());
    }
}
