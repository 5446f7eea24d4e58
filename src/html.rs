//! HTML copy (a CMS export, a saved page) read through html5tokenizer, an HTML5 tokenizer that
//! reports the source bytes of every character it emits: block elements are paragraphs; `head`,
//! `script`, `style`, `template`, navigation, forms, embedded posts and comments are not copy; entities
//! are read as their characters; `<br>` is a line break.
//!
//! Raw HTML in; the reading text (markup blanked, entities decoded), its blocks, and an `OffsetMap`
//! from reading offsets back to the original bytes out, so every diagnostic points at the file on disk.

use crate::block::{Block, BlockKind};
use crate::offsets::OffsetMap;
use crate::span::Span;
use html5tokenizer::offset::PosTrackingReader;
use html5tokenizer::trace::Trace;
use html5tokenizer::{NaiveParser, Token, TracingEmitter};

/// An HTML file read as copy.
#[derive(Clone, Debug, Default)]
pub struct HtmlCopy {
    pub text: String,
    pub blocks: Vec<Block>,
    pub map: OffsetMap,
    /// Invisible characters left out of `text`, each at its offset there.
    pub invisible: Vec<(usize, char)>,
}

/// Elements whose content is not the story's copy.
const NOT_COPY: &[&str] = &[
    "head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "nav",
    "form", "button", "select", "textarea",
];

/// Elements that hold a paragraph of copy (or contain ones that do).
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "td",
    "th",
    "dd",
    "dt",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "caption",
    "address",
    "pre",
    "summary",
    "figure",
    "body",
    "ul",
    "ol",
    "table",
    "tr",
    "dl",
];

/// The classes embedded posts carry: someone else's words, attributed in their own markup.
const EMBEDS: &[&str] = &[
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "wp-embedded-content",
];

/// Reads `raw` as HTML.
pub fn read(raw: &str) -> HtmlCopy {
    let mut reader = Reader::default();
    let parser =
        NaiveParser::new_with_emitter(PosTrackingReader::new(raw), TracingEmitter::default());
    for (token, trace) in parser.flatten() {
        match (token, trace) {
            (Token::Char(c), Trace::Char(range)) => reader.char(raw, c, Span::from(range)),
            (Token::StartTag(tag), Trace::StartTag(t)) => {
                let embed = tag
                    .attributes
                    .get("class")
                    .is_some_and(|class| EMBEDS.iter().any(|e| class.contains(e)));
                reader.start(raw, &tag.name, embed, Span::from(t.span));
            }
            (Token::EndTag(tag), Trace::EndTag(t)) => {
                reader.end(raw, &tag.name, Span::from(t.span))
            }
            (Token::Comment(comment), Trace::Comment(t)) => {
                // A suppression directive stays where it is, for the suppressions to read.
                let keep = comment.contains("newslint-");
                reader.markup(raw, comment_span(raw, Span::from(t.data_span)), keep);
            }
            (_, Trace::Doctype(t)) => reader.markup(raw, Span::from(t.span()), false),
            _ => {}
        }
    }
    reader.finish(raw)
}

/// A comment's whole span, `<!--` and `-->` included, from the span of what it says.
fn comment_span(raw: &str, data: Span) -> Span {
    let start = if raw[..data.start].ends_with("<!--") {
        data.start - 4
    } else {
        data.start
    };
    let end = if raw[data.end..].starts_with("-->") {
        data.end + 3
    } else {
        data.end
    };
    Span::new(start, end)
}

/// The state of one read: the text so far, the open blocks and the elements being skipped.
#[derive(Default)]
struct Reader {
    out: String,
    /// How far into the original the text has come.
    done: usize,
    map: OffsetMap,
    blocks: Vec<Block>,
    /// Open block elements, each with the hull of the copy read directly inside it so far.
    open: Vec<(String, BlockKind, Option<Span>)>,
    /// The element being skipped and how deep in elements of its name.
    skipping: Option<(String, usize)>,
    /// A character reference read but not yet placed: where it starts, and what it reads as.
    pending: Option<(usize, String)>,
    invisible: Vec<(usize, char)>,
}

impl Reader {
    /// Blanks markup up to `to`, keeping line breaks so lines still line up.
    fn blank_to(&mut self, raw: &str, to: usize) {
        if to <= self.done {
            return;
        }
        let blank: String = raw[self.done..to]
            .chars()
            .flat_map(|c| {
                let filler = if c == '\n' { '\n' } else { ' ' };
                std::iter::repeat_n(filler, c.len_utf8())
            })
            .collect();
        self.out.push_str(&blank);
        self.done = to;
    }

    fn markup(&mut self, raw: &str, span: Span, keep: bool) {
        self.settle(raw, span.start);
        self.blank_to(raw, span.start);
        if keep && span.start >= self.done {
            self.out.push_str(span.of(raw));
            self.done = span.end;
        } else {
            self.blank_to(raw, span.end);
        }
    }

    fn char(&mut self, raw: &str, c: char, span: Span) {
        // The tokenizer's span of a character after a bare `&` can end inside the next character
        // (`<title>&\u{652}</`, found by fuzzing): read only whole characters of the file.
        let span = span.on_characters_of(raw);
        if let Some(pending) = &mut self.pending
            && span.start <= pending.0
        {
            pending.1.push(c); // the second character of a two-character reference
            return;
        }
        self.settle(raw, span.start);
        if self.skipping.is_some() {
            self.blank_to(raw, span.end);
            return;
        }
        self.blank_to(raw, span.start);
        let source = span.of(raw);
        if source.len() > 1 && source.starts_with('&') {
            // A character reference. html5tokenizer's trace of a named one stops short of its
            // end, so the reference runs to where the next token starts.
            self.pending = Some((span.start, c.to_string()));
            return;
        }
        let start = self.out.len();
        // The tokenizer's spans do not always follow one another byte for byte (a lone carriage
        // return is read with the character after it): each character is placed where it stands.
        self.map.align(start, span.start);
        if crate::invisible::is_invisible(c) {
            // Left out of the text read, so a word with a zero-width joiner in it is still a word.
            self.map.anchor(start, span.end);
            self.invisible.push((start, c));
        } else if c.is_whitespace() {
            // White space collapses in HTML: each of its bytes reads as a space.
            self.out.push_str(&" ".repeat(source.len()));
        } else {
            self.out.push_str(source);
            self.extend_block(Span::new(start, self.out.len()));
        }
        self.done = span.end;
    }

    /// Reads the character reference pending before `next`, the start of the token after it: it
    /// runs to its semicolon, or to `next` if it has none.
    fn settle(&mut self, raw: &str, next: usize) {
        let Some((start, read)) = self.pending.take() else {
            return;
        };
        let next = next.clamp(start, raw.len());
        let next = raw[start..next].find(';').map_or(next, |at| start + at + 1);
        let at = self.out.len();
        if read.chars().all(crate::invisible::is_invisible) {
            self.map.anchor(at, next); // `&zwj;`, `&shy;`
            self.invisible.extend(read.chars().map(|c| (at, c)));
        } else if read.chars().all(char::is_whitespace) {
            self.out.push_str(&" ".repeat(next - start)); // `&nbsp;`
        } else {
            self.map.anchor(at, start);
            self.out.push_str(&read);
            self.map.anchor(self.out.len(), next);
            self.extend_block(Span::new(at, self.out.len()));
        }
        self.done = next;
    }

    /// Adds copy read at `read` to the innermost open block (a paragraph of its own outside any).
    fn extend_block(&mut self, read: Span) {
        if self.open.is_empty() {
            self.open.push((String::new(), BlockKind::Body, None));
        }
        let hull = &mut self.open.last_mut().expect("a block is open").2;
        *hull = Some(hull.map_or(read, |h| h.cover(read)));
    }

    fn start(&mut self, raw: &str, name: &str, embed: bool, span: Span) {
        self.markup(raw, span, false);
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == name {
                *depth += 1;
            }
            return;
        }
        if NOT_COPY.contains(&name) || embed {
            self.skipping = Some((name.to_string(), 1));
            return;
        }
        if name == "br" {
            // A line break: the first byte of the tag reads as one.
            let at = self.out.len().saturating_sub(span.len());
            if self.out.as_bytes().get(at) == Some(&b' ') {
                self.out.replace_range(at..at + 1, "\n");
            }
            return;
        }
        if BLOCKS.contains(&name) {
            if matches!(name, "p" | "li") && self.open.last().is_some_and(|o| o.0 == name) {
                self.close(1); // `<p>One<p>Two`: a paragraph ends where the next begins
            }
            self.flush_innermost();
            let kind = if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                BlockKind::Heading
            } else {
                BlockKind::Body
            };
            self.open.push((name.to_string(), kind, None));
        }
    }

    fn end(&mut self, raw: &str, name: &str, span: Span) {
        self.markup(raw, span, false);
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        if let Some(at) = self.open.iter().rposition(|o| o.0 == name) {
            self.close(self.open.len() - at);
        } else if BLOCKS.contains(&name) {
            self.flush_innermost();
        }
    }

    /// Ends the copy read directly in the innermost block so far: a block inside it starts, so what
    /// follows is another paragraph (blocks never overlap).
    fn flush_innermost(&mut self) {
        if let Some((_, kind, hull)) = self.open.last_mut()
            && let Some(span) = hull.take()
        {
            self.blocks.push(Block { span, kind: *kind });
        }
    }

    fn close(&mut self, count: usize) {
        for _ in 0..count {
            self.flush_innermost();
            self.open.pop();
        }
    }

    fn finish(mut self, raw: &str) -> HtmlCopy {
        self.settle(raw, raw.len());
        self.blank_to(raw, raw.len());
        self.close(self.open.len());
        self.blocks.sort_by_key(|b| b.span.start);
        HtmlCopy {
            text: self.out,
            blocks: self.blocks,
            map: self.map,
            invisible: self.invisible,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(raw: &str) -> Vec<(String, BlockKind)> {
        let copy = read(raw);
        copy.blocks
            .iter()
            .map(|b| (b.span.of(&copy.text).to_string(), b.kind))
            .collect()
    }

    #[test]
    fn block_elements_are_paragraphs_and_the_rest_is_not_copy() {
        // BBC business-417, as a CMS exports it: no blank lines between paragraphs.
        let raw = "<head><title>Business Desk</title><style>p{}</style></head><h1>Barclays shares up on merger talk</h1><p>Barclays has declined to comment.</p><script>var a = \"said\";</script><!-- note --><p>The two banks <em>reportedly</em> held talks.</p>";
        assert_eq!(
            blocks(raw),
            [
                (
                    "Barclays shares up on merger talk".into(),
                    BlockKind::Heading
                ),
                ("Barclays has declined to comment.".into(), BlockKind::Body),
                (
                    "The two banks     reportedly      held talks.".into(),
                    BlockKind::Body
                ),
            ]
        );
        let text = read(raw).text;
        assert!(!text.contains("said") && !text.contains("note") && !text.contains("Desk"));
    }

    #[test]
    fn entities_read_as_characters_and_map_back_to_their_bytes() {
        let raw = "<p>the world&#8217;s fourth biggest bank, valued at &pound;96bn in&nbsp;2004 &lsquo;x&rsquo;</p>";
        let copy = read(raw);
        assert!(copy.text.contains("world’s fourth"), "{}", copy.text);
        assert!(copy.text.contains("£96bn in      2004"), "{}", copy.text);
        let at = |word: &str| {
            let start = copy.text.find(word).unwrap();
            copy.map
                .span(Span::new(start, start + word.len()))
                .of(raw)
                .to_string()
        };
        assert_eq!(at("world’s"), "world&#8217;s");
        assert_eq!(at("fourth"), "fourth");
        assert_eq!(at("£96bn"), "&pound;96bn");
        assert_eq!(at("2004"), "2004");
        assert_eq!(at("‘x’"), "&lsquo;x&rsquo;");
    }

    #[test]
    fn a_lone_carriage_return_keeps_the_words_after_it_on_their_bytes() {
        // from a mangled page a fuzzer made of Mother Jones copy (`the free \rother`): the words after
        // the return were read a byte away from their place, and a span mapped back cut a character
        let raw = "<p>Sign up for the free \rother newsletter.\u{a0}But Tillerson said so.</p>";
        let copy = read(raw);
        for word in ["other", "newsletter.", "But", "Tillerson"] {
            let start = copy.text.find(word).unwrap();
            let span = copy.map.span(Span::new(start, start + word.len()));
            assert_eq!(&raw[span.start..span.end], word);
        }
    }

    #[test]
    fn a_bare_ampersand_before_a_combining_mark_is_read_whole() {
        // the fuzzer's shortest form of a mangled BBC headline (`Ar&senal \u{652}ay seek …`): the
        // tokenizer's span of the `&` ended inside the mark
        let raw = "<title>&\u{652}</";
        let copy = read(raw);
        for block in &copy.blocks {
            let span = copy.map.span(block.span);
            assert!(raw.is_char_boundary(span.start) && raw.is_char_boundary(span.end));
        }
    }

    #[test]
    fn a_br_is_a_line_break_and_an_open_paragraph_ends_at_the_next() {
        let copy = read("<p>One line.<br>Another.<p>Next paragraph.");
        let found: Vec<&str> = copy.blocks.iter().map(|b| b.span.of(&copy.text)).collect();
        assert_eq!(found, ["One line.\n   Another.", "Next paragraph."]);
    }

    #[test]
    fn a_page_cut_anywhere_is_read_without_panicking_and_maps_inside_it() {
        let page = include_str!("../tests/fixtures/html/wordpress.html");
        for (cut, _) in page.char_indices() {
            let raw = &page[..cut];
            let copy = read(raw);
            for b in &copy.blocks {
                let original = copy.map.span(b.span);
                assert!(original.start <= original.end && original.end <= raw.len());
            }
        }
    }

    #[test]
    fn an_embedded_post_is_not_copy() {
        let copy = read(
            "<p>Copy.</p><blockquote class=\"twitter-tweet\"><p>Their words</p></blockquote><p>More.</p>",
        );
        let found: Vec<&str> = copy.blocks.iter().map(|b| b.span.of(&copy.text)).collect();
        assert_eq!(found, ["Copy.", "More."]);
    }
}
