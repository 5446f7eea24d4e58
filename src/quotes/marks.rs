//! Which characters are quotation marks, and which way each turns: a straight `"` or `'` read by the
//! characters either side of it, apostrophes that are not quotes (`don’t`, `Russia’s`, `’90s`), inch
//! marks (`6'3"`) and invisible format characters that stand between a mark and its word.

/// What a mark at a position is, from the characters around it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mark {
    OpenDouble,
    CloseDouble,
    Double,
    OpenSingle,
    CloseSingle,
    Apostrophe,
}

pub(super) fn classify(prev: Option<char>, c: char, next: Option<char>) -> Option<Mark> {
    let word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
    let space_or_end = |ch: Option<char>| ch.is_none_or(char::is_whitespace);
    Some(match c {
        // `“It's unusual,“ said Larry Noble` (PolNeAR train): a mark turned the wrong way still
        // closes after the words it ends, or opens before the words it starts.
        '“' if !space_or_end(prev) && space_or_end(next) => Mark::CloseDouble,
        '”' if space_or_end(prev) && word(next) => Mark::OpenDouble,
        '“' => Mark::OpenDouble,
        '”' => Mark::CloseDouble,
        // `the EC"s current paymasters` (Reuters-21578): a mark between two letters is a mistyped
        // apostrophe, never a quotation.
        '"' if word(prev) && next.is_some_and(char::is_alphabetic) => Mark::Apostrophe,
        '"' => straight_double(prev, next),
        '‘' if next.is_some_and(|n| n.is_ascii_digit()) => Mark::Apostrophe,
        '‘' => Mark::OpenSingle,
        '’' | '\'' if word(prev) && word(next) => Mark::Apostrophe,
        '’' | '\'' if !word(prev) && next.is_some_and(|n| n.is_ascii_digit()) => Mark::Apostrophe,
        '\'' if !word(prev) && word(next) => Mark::OpenSingle,
        '’' | '\'' if prev.is_some_and(|p| !p.is_whitespace()) => Mark::CloseSingle,
        _ => return None,
    })
}

/// A straight double quote opens after space or an opening bracket and before a word, closes after a
/// word or punctuation and before space; only a mark that shows neither is decided by what is open.
pub(super) fn straight_double(prev: Option<char>, next: Option<char>) -> Mark {
    let space_or_start = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let opens_after =
        |c: Option<char>| space_or_start(c) || matches!(c, Some('(' | '[' | '{' | '—' | '–' | '/'));
    if opens_after(prev) && !space_or_start(next) {
        Mark::OpenDouble
    } else if !opens_after(prev)
        && (space_or_start(next) || next.is_some_and(|n| n.is_ascii_punctuation()))
    {
        Mark::CloseDouble
    } else {
        Mark::Double
    }
}

/// Every quotation mark or apostrophe in `body`, in order, found by byte: each is `"`, `'`, a backtick
/// or starts with the byte 0xE2 (the curly marks), so most of the text is skipped without decoding
/// characters. Read as they are needed: a block of a million marks costs no memory per mark.
pub(super) fn quote_marks(body: &str) -> impl Iterator<Item = (usize, char)> + Clone + '_ {
    let bytes = body.as_bytes();
    // Backticks are rare and searched for apart.
    let starts = Merged {
        first: memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable(),
        second: memchr::memchr_iter(b'`', bytes).peekable(),
    };
    starts.filter_map(|i| {
        body[i..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`' | '“' | '”' | '‘' | '’'))
            .map(|c| (i, c))
    })
}

/// Two increasing sequences of offsets as one.
#[derive(Clone)]
struct Merged<A: Iterator<Item = usize>, B: Iterator<Item = usize>> {
    first: std::iter::Peekable<A>,
    second: std::iter::Peekable<B>,
}

impl<A: Iterator<Item = usize>, B: Iterator<Item = usize>> Iterator for Merged<A, B> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match (self.first.peek(), self.second.peek()) {
            (Some(a), Some(b)) if b < a => self.second.next(),
            (Some(_), _) => self.first.next(),
            (None, _) => self.second.next(),
        }
    }
}

/// The characters either side of the character `c` at byte `i`, looking past invisible format
/// characters (`\u{202a}”Sorry Sarah` in copy pasted from a social network opens a quotation).
pub(super) fn neighbours(body: &str, i: usize, c: char) -> (Option<char>, Option<char>) {
    (
        body[..i].chars().rev().find(|&ch| !is_format(ch)),
        body[i + c.len_utf8()..].chars().find(|&ch| !is_format(ch)),
    )
}

/// Zero-width and directional formatting characters, which show nothing between a mark and a word.
pub(super) use crate::invisible::is_invisible as is_format;

/// `6'3" tall`: a straight double mark right after a height or a length in inches is a unit.
pub(super) fn is_inch_mark(body: &str, i: usize) -> bool {
    // Read back only while the token can still be a measure, so a run of marks costs one look each.
    let before = &body[..i];
    before.ends_with(|c: char| c.is_ascii_digit())
        && before
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .all(|c| c.is_ascii_digit() || matches!(c, '\'' | '’' | '.'))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::{balanced_quotations, no_marks};

    #[test]
    fn a_mark_turned_the_wrong_way_still_closes_or_opens() {
        // PolNeAR train (HuffPost, a reader's comment).
        let text =
            "“It's unusual,“ said Larry Noble. ”This is why ISIS has to be destroyed,” wrote one.";
        assert_eq!(
            balanced_quotations(text),
            ["It's unusual,", "This is why ISIS has to be destroyed,"]
        );
    }

    #[test]
    fn a_double_mark_between_letters_is_a_mistyped_apostrophe() {
        // Reuters-21578 (17206): `"` typed for `'`.
        no_marks("They said the EC\"s current paymasters, Britain, would object.");
    }

    #[test]
    fn an_inch_mark_is_not_a_quotation_mark() {
        // BBC entertainment-141.
        no_marks(
            "Police described the intruder as well-built, about 5' 10\" tall and said he was wearing a ski-mask.",
        );
    }

    #[test]
    fn an_invisible_format_character_does_not_turn_a_mark() {
        // PolNeAR train, west-journal 2015-12-16: readers' comments pasted with a left-to-right mark.
        let text = "\u{202a}”Sorry Sarah, you should have said ‘over their dead bodies‘, because I know you can handle a gun very well!!” posted Sharon Powers Geyer.";
        assert_eq!(balanced_quotations(text).len(), 1);
    }
}
