//! The words the grammar has just read, remembered while it reads one document.
//!
//! The grammar's constructs are alternatives: each cue's source is parsed back word by word as a
//! pronoun, a partitive, a counted group and a noun phrase, each reading the same words again (63%
//! of the cuts over a corpus sample were of a slice cut before). While `reading` runs, the end of
//! each word read in that document's text is kept in a small table by where the read started, so a
//! word read again is looked up, not cut again. Only slices of that text are remembered: the text
//! is borrowed for the whole reading, so a place in it always holds the same bytes, where a
//! temporary string could be freed and another made at the same address.

use std::cell::Cell;

/// Slots in the table: enough for the words of the clause around a cue, few enough to stay in cache.
const SLOTS: usize = 256;

/// A slice's address and length, the end of the word it starts with, and the reading it was cut in.
type Slot = Cell<(usize, usize, usize, u64)>;

thread_local! {
    /// The addresses of the text being read (none outside `reading`) and the reading's number.
    static TEXT: Cell<(usize, usize, u64)> = const { Cell::new((0, 0, 0)) };
    /// How many readings have begun: a slot of an earlier reading is stale, though its text may have
    /// been freed and another made at its address, so the table need not be cleared for each.
    static READINGS: Cell<u64> = const { Cell::new(0) };
    static TABLE: [Slot; SLOTS] = const { [const { Cell::new((0, 0, 0, 0)) }; SLOTS] };
}

/// Runs `read` with the words of `text` remembered as they are read.
pub fn reading<T>(text: &str, read: impl FnOnce() -> T) -> T {
    /// Forgets the text when the reading ends, however it ends.
    struct Done;
    impl Drop for Done {
        fn drop(&mut self) {
            TEXT.set((0, 0, 0));
        }
    }
    let number = READINGS.get() + 1;
    READINGS.set(number);
    let start = text.as_ptr() as usize;
    TEXT.set((start, start + text.len(), number));
    let _done = Done;
    read()
}

/// `cut(input)`, remembered when `input` is a slice of the text being read. The word's end depends
/// on the slice's end too (a period or apostrophe after it is read), so both key the table.
pub(super) fn word_end(input: &str, cut: fn(&str) -> usize) -> usize {
    let (at, len) = (input.as_ptr() as usize, input.len());
    let (start, end, reading) = TEXT.get();
    if !(start..end).contains(&at) {
        return cut(input);
    }
    TABLE.with(|table| {
        let slot = &table[(at ^ (at >> 8)) % SLOTS];
        match slot.get() {
            (a, l, word_end, r) if (a, l, r) == (at, len, reading) => word_end,
            _ => {
                let word_end = cut(input);
                slot.set((at, len, word_end, reading));
                word_end
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_read_again_is_the_word_read_first() {
        let text = "Trump's team said U.S. officials, who asked not to be named, agreed.";
        let cut = |s: &str| super::super::word(s).map_or(0, |(_, w)| w.len());
        let every = |text: &str| -> Vec<usize> {
            (0..text.len())
                .filter(|&i| text.is_char_boundary(i))
                .flat_map(|i| [cut(&text[i..]), cut(&text[i..text.len() - 1])])
                .collect()
        };
        let plain = every(text);
        let remembered = reading(text, || [every(text), every(text)]);
        assert_eq!(remembered, [plain.clone(), plain]);
    }

    #[test]
    fn only_the_text_being_read_is_remembered() {
        let text = String::from("officials said");
        reading(&text, || {
            let mut other = String::from("said");
            assert_eq!(super::super::word(&other).unwrap().1, "said");
            // the same address and length, another word
            other.replace_range(.., "a bc");
            assert_eq!(super::super::word(&other).unwrap().1, "a");
        });
    }

    #[test]
    fn a_text_made_where_another_was_read_is_read_afresh() {
        let mut text = String::from("officials said");
        let first = reading(&text, || super::super::word(&text).unwrap().1.len());
        // the same address and length, another text
        text.replace_range(.., "a bcdefghijklm");
        let second = reading(&text, || super::super::word(&text).unwrap().1.len());
        assert_eq!((first, second), ("officials".len(), 1));
    }
}
