//! What in a file is copy: a same-length "copy view" of the text, and its blocks (paragraphs, headings).
//!
//! The view keeps every byte of copy where it is and turns everything else (Markdown syntax, front matter,
//! code, HTML, link URLs, a byte-order mark) into spaces, so every later stage can work on plain prose and
//! still produce byte offsets into the original file.

use crate::block::{Block, BlockKind};
use crate::input::{Format, SourceFile};
use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The copy of one file: `text` has the original's length, with non-copy bytes blanked.
#[derive(Clone, Debug)]
pub struct CopyView {
    pub text: String,
    pub blocks: Vec<Block>,
}

pub fn copy_of(file: &SourceFile) -> CopyView {
    let mut copy = match (&file.converted, file.format) {
        // HTML and Word were read when the file was: its text is already the text read.
        // A suppression directive stays in the text read for the suppressions to find; inside a
        // paragraph it is an instruction, not copy.
        (Some(converted), Format::Html | Format::Word) => {
            let mut text = file.text.clone();
            blank(&mut text, crate::directive::directive_spans(&file.text));
            CopyView {
                text,
                blocks: converted.blocks.clone(),
            }
        }
        (_, Format::Markdown) => {
            let keys: Vec<&str> = match &file.headline_keys {
                Some(keys) => keys.iter().map(String::as_str).collect(),
                None => HEADLINE_KEYS.to_vec(),
            };
            markdown_copy(&file.text, &keys)
        }
        (_, _) => plain_copy(&file.text),
    };
    blank_wide_spaces(&mut copy.text);
    join_soft_breaks(&mut copy, file.format);
    copy
}

/// Hard-wrapped copy breaks lines inside a paragraph where the writer did not break the sentence:
/// `Everyone\nagrees` is `Everyone agrees` to every phrase, pattern and grammar match. Once the
/// blocks are known, a soft line break inside one becomes a space (one byte for one, so offsets hold).
/// In Markdown every line break inside a paragraph is soft; in plain text only a wrapped line's.
fn join_soft_breaks(copy: &mut CopyView, format: Format) {
    let mut bytes = std::mem::take(&mut copy.text).into_bytes();
    for block in &copy.blocks {
        let inside = &mut bytes[block.span.range()];
        // The breaks are found a vector at a time (`memchr`), not byte by byte.
        let mut line_start = 0;
        let mut width = 0;
        for at in memchr::memchr_iter(b'\n', inside).chain([inside.len()]) {
            width = width.max(at - line_start);
            line_start = at + 1;
        }
        line_start = 0;
        while let Some(n) = memchr::memchr(b'\n', &inside[line_start..]) {
            let at = line_start + n;
            // HTML's line breaks are `<br>`s: the rest of its white space is spaces already.
            let soft = match format {
                Format::Markdown => true,
                Format::Text => wrapped(at - line_start, width),
                Format::Html | Format::Word => false,
            };
            if soft {
                inside[at] = b' ';
                if at > 0 && inside[at - 1] == b'\r' {
                    inside[at - 1] = b' ';
                }
            }
            line_start = at + 1;
        }
    }
    // Line breaks are ASCII: a space in their place keeps the text valid UTF-8.
    copy.text = String::from_utf8(bytes).expect("only ASCII line breaks were replaced");
}

/// A line of plain text that runs near the paragraph's widest line was wrapped by the writer's
/// editor; a much shorter one ends where the writer ended it (a headline, a byline, a list of links
/// scraped from a page), and its line break stays a break.
fn wrapped(line: usize, width: usize) -> bool {
    line * 10 >= width * 7
}

/// `Newt\u{a0}Gingrich`: web copy puts no-break and thin spaces between words. The grammar reads
/// words apart at ASCII white space, so each such space becomes as many ASCII spaces as it has bytes.
fn blank_wide_spaces(view: &mut String) {
    // Every non-ASCII space starts with one of these bytes; most text has none of them but 0xE2
    // (curly quotes), so only those few places are decoded. (0xE1 leads only the rare Ogham and
    // Mongolian spaces, searched for apart.)
    let bytes = view.as_bytes();
    let mut leads: Vec<usize> = memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).collect();
    leads.extend(memchr::memchr_iter(0xE1, bytes));
    let wide: Vec<(usize, usize)> = leads
        .into_iter()
        .filter_map(|at| {
            let c = view[at..].chars().next()?;
            (c.is_whitespace() && !c.is_ascii()).then_some((at, c.len_utf8()))
        })
        .collect();
    for (at, len) in wide {
        view.replace_range(at..at + len, &"   "[..len]);
    }
}

/// The view cut after each white-space character, as `str::split_inclusive(char::is_whitespace)`
/// cuts it, but byte by byte: the view's white space is all ASCII (`blank_wide_spaces`), so nothing
/// is decoded.
pub fn pieces(view: &str) -> impl Iterator<Item = &str> {
    let mut rest = view;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .bytes()
            .position(ends_piece)
            .map_or(rest.len(), |at| at + 1);
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// The white-space bytes `pieces` cuts after.
pub fn ends_piece(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

fn plain_copy(text: &str) -> CopyView {
    let mut view = text.to_string();
    // `[newslint-disable-next-line … -- reason]` directives are instructions, and markup pasted
    // from the web (`<tweet author="@AP">…</tweet>`) is not the writer's copy.
    let not_copy = crate::directive::directive_spans(text)
        .into_iter()
        .chain(crate::markup::markup_spans(text));
    blank(&mut view, not_copy);
    let blocks = paragraphs(&view)
        .into_iter()
        .enumerate()
        .map(|(i, span)| Block {
            span,
            kind: plain_block_kind(span.of(&view), i == 0),
        })
        .collect();
    CopyView { text: view, blocks }
}

/// Each of `spans` turned into spaces, its line breaks kept (so lines and offsets hold).
fn blank(view: &mut String, spans: impl IntoIterator<Item = Span>) {
    for span in spans {
        let blank: String = span
            .of(view)
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect();
        view.replace_range(span.range(), &blank);
    }
}

/// Paragraphs of plain text: runs of non-blank lines, trimmed of surrounding white space.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, last_end));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(offset + lead);
            last_end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_end));
    }
    out
}

/// A one-line block that does not end like a sentence is a headline, as is a one-line title-case first line.
fn plain_block_kind(block: &str, first: bool) -> BlockKind {
    if block.contains('\n') {
        return BlockKind::Body;
    }
    // `… then pay more.)`: a sentence may end inside a bracket or a quotation.
    let ends_sentence = block.ends_with(['"', '”'])
        || block
            .trim_end_matches([')', ']', '’', '\''])
            .ends_with(['.', '!', ':', '?', '…', ';', ',']);
    if !ends_sentence || (first && block.ends_with('?') && mostly_capitalised(block)) {
        BlockKind::Heading
    } else {
        BlockKind::Body
    }
}

fn mostly_capitalised(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().filter(|w| w.len() > 3).collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    !words.is_empty() && caps * 3 >= words.len() * 2
}

/// Markdown through pulldown-cmark's source offsets: only `Text` inside paragraphs, headings, list items
/// and table cells is copy; code, HTML, front matter, image alt text and link targets are not.
fn markdown_copy(text: &str, headline_keys: &[&str]) -> CopyView {
    let mut view: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    let mut blocks = Vec::new();
    // The open containers that text can belong to, with the hull of the text seen in each so far.
    let mut open: Vec<(BlockKind, Option<Span>)> = Vec::new();
    let mut not_copy_depth = 0usize;
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => {
                open.push((BlockKind::Body, None))
            }
            Event::Start(Tag::Heading { .. }) => open.push((BlockKind::Heading, None)),
            Event::Start(Tag::MetadataBlock(_)) => {
                for span in front_matter_headlines(text, Span::from(range), headline_keys) {
                    view[span.range()].copy_from_slice(&text.as_bytes()[span.range()]);
                    blocks.push(Block {
                        span,
                        kind: BlockKind::Heading,
                    });
                }
                not_copy_depth += 1;
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => {
                not_copy_depth += 1
            }
            Event::End(
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image | TagEnd::HtmlBlock,
            ) => not_copy_depth -= 1,
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_),
            ) => {
                if let Some((kind, Some(span))) = open.pop() {
                    blocks.push(Block { span, kind });
                }
            }
            Event::Text(_) if not_copy_depth == 0 => {
                if let Some((_, hull)) = open.last_mut() {
                    view[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
                    let span = Span::from(range);
                    *hull = Some(hull.map_or(span, |h| h.cover(span)));
                }
            }
            _ => {}
        }
    }
    blocks.sort_by_key(|b| b.span.start);
    // Only whole characters of the original were copied and everything else is ASCII space.
    let text = String::from_utf8(view).expect("copy view keeps whole characters");
    CopyView { text, blocks }
}

/// The front matter keys whose values are copy unless the config names others: the headline
/// (`title:` in Hugo and Jekyll drafts, `headline:`) and the standfirst (`description:`).
pub const HEADLINE_KEYS: &[&str] = &["title", "headline", "description"];

/// The values of the headline keys in the front matter at `block` (YAML `key: value` or TOML
/// `key = "value"`, on one line), without their quotation marks.
fn front_matter_headlines(text: &str, block: Span, keys: &[&str]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = block.start;
    for line in block.of(text).split_inclusive('\n') {
        if let Some(value) = headline_value(line, keys) {
            let start = at + (value.as_ptr() as usize - line.as_ptr() as usize);
            out.push(Span::new(start, start + value.len()));
        }
        at += line.len();
    }
    out
}

fn headline_value<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let value = keys.iter().find_map(|key| {
        let rest = line.strip_prefix(key)?.trim_start_matches([' ', '\t']);
        rest.strip_prefix([':', '='])
    })?;
    let value = value.trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q)?.strip_suffix(*q))
        .unwrap_or(value);
    let block_scalar = matches!(unquoted, "|" | ">" | "|-" | ">-");
    (!unquoted.trim().is_empty() && !block_scalar).then_some(unquoted.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> CopyView {
        copy_of(&SourceFile::new("a.md", text))
    }

    #[test]
    fn markdown_view_keeps_offsets_and_drops_syntax() {
        let text = "---\ntitle: \"x\"\n---\n# Head\n\nSee [the *report*](http://x.org/\"q\") and `code \"x\"`.\n\n```\n\"not copy\"\n```\n";
        let copy = md(text);
        assert_eq!(copy.text.len(), text.len());
        assert!(
            !copy.text.contains("title"),
            "front matter keys are not copy"
        );
        assert!(!copy.text.contains("http"), "link targets are not copy");
        assert!(!copy.text.contains("code"), "inline code is not copy");
        assert!(!copy.text.contains("not copy"), "code blocks are not copy");
        let report = text.find("report").unwrap();
        assert_eq!(&copy.text[report..report + 6], "report");
        assert_eq!(copy.blocks.len(), 3);
        assert_eq!(copy.blocks[0].span.of(text), "x", "the title is a headline");
        assert_eq!(copy.blocks[1].kind, BlockKind::Heading);
        assert_eq!(copy.blocks[1].span.of(text), "Head");
        assert_eq!(copy.blocks[2].kind, BlockKind::Body);
    }

    #[test]
    fn front_matter_headlines_are_copy_and_other_keys_are_not() {
        // DUC D0741I, AP APW19990730.0171's headline, as Hugo front matter.
        let text = "---\ntitle: \"Atlanta Gunman Kills 12 People, Self\"\nauthor: AP\ndescription: >\n  folded\n---\nBody.\n";
        let copy = md(text);
        let headlines: Vec<(&str, BlockKind)> = copy
            .blocks
            .iter()
            .map(|b| (b.span.of(text), b.kind))
            .collect();
        assert_eq!(
            headlines,
            [
                ("Atlanta Gunman Kills 12 People, Self", BlockKind::Heading),
                ("Body.", BlockKind::Body)
            ]
        );
        assert!(!copy.text.contains("AP"));
        let toml = "+++\nheadline = 'Atlanta Gunman Kills 12 People, Self'\n+++\n";
        assert_eq!(
            md(toml).blocks[0].span.of(toml),
            "Atlanta Gunman Kills 12 People, Self"
        );
    }

    #[test]
    fn the_config_names_the_headline_keys() {
        // The same AP headline under a key of the newsroom's own (`config: headline-keys: [hed]`).
        let text =
            "---\nhed: \"Atlanta Gunman Kills 12 People, Self\"\ntitle: slug-atlanta\n---\nBody.\n";
        let mut file = SourceFile::new("a.md", text);
        file.headline_keys = Some(vec!["hed".to_string()].into());
        let copy = copy_of(&file);
        assert_eq!(
            copy.blocks[0].span.of(text),
            "Atlanta Gunman Kills 12 People, Self"
        );
        assert!(!copy.text.contains("slug"), "title is not a headline here");
    }

    #[test]
    fn no_break_spaces_read_as_spaces_at_their_offsets() {
        let text = "Former House Speaker Newt\u{a0}Gingrich said\u{2009}so.";
        let copy = copy_of(&SourceFile::new("a.txt", text));
        assert_eq!(copy.text.len(), text.len());
        assert_eq!(copy.text, "Former House Speaker Newt  Gingrich said   so.");
    }

    #[test]
    fn pieces_of_the_view_are_cut_where_unicode_white_space_cuts_them() {
        // Every white-space character there is, the wide ones among ordinary words.
        let spaces: String = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .flat_map(|c| [c, 'x'])
            .collect();
        let text =
            format!("Former House Speaker Newt\u{a0}Gingrich said\u{2009}so.\r\n\n{spaces} “Yes”");
        let copy = copy_of(&SourceFile::new("a.txt", text.as_str()));
        let expected: Vec<&str> = copy.text.split_inclusive(char::is_whitespace).collect();
        assert_eq!(pieces(&copy.text).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn a_directive_inside_a_word_paragraph_is_not_copy() {
        // BBC business-417 as a Word paragraph, a suppression typed before its second sentence.
        let directive = "[newslint-disable-sentence NL203 -- the paper reportedly named no source]";
        let paragraph = format!(
            "Barclays has declined to comment. {directive} The two banks reportedly held talks."
        );
        let file = SourceFile::word(
            "a.docx".into(),
            crate::docx::Paragraphs {
                lines: vec![(paragraph.clone(), false)],
            },
        );
        let copy = copy_of(&file);
        let at = paragraph.find(directive).unwrap();
        assert_eq!(copy.text.len(), file.text.len());
        assert!(copy.text[at..at + directive.len()].trim().is_empty());
        assert!(copy.text.contains("The two banks reportedly held talks."));
    }

    #[test]
    fn a_paragraph_ending_in_a_closed_bracket_is_body_copy() {
        // PolNeAR train (breitbart 2016-05-04): a one-line paragraph whose last sentence is in brackets.
        let text = "Headline\n\nFor those of you not yet on the Trump Train, I know you don’t want to vote for Hillary, but all the pundits have been trying to convince you that Trump’s a complete fraud. (That was between their smug assurances that he wouldn’t make it out of Iowa.)\n";
        let copy = copy_of(&SourceFile::new("a.txt", text));
        assert_eq!(copy.blocks[1].kind, BlockKind::Body);
    }

    #[test]
    fn tight_list_items_are_blocks() {
        let copy = md("- one “a”\n- two\n");
        assert_eq!(copy.blocks.len(), 2);
        assert_eq!(copy.blocks[0].span.of(&copy.text), "one “a”");
    }

    #[test]
    fn a_wrapped_line_break_is_a_space_and_a_short_line_keeps_its_break() {
        // Seed 004: a scraped list of links, one headline a line, is not hard-wrapped prose.
        let text = "Trump pardons Silk Road founder, defends Jan. 6 acts\nSpeed Read President Donald Trump made good with libertarians and crypto enthusiasts in pardoning Ross Ulbricht\n";
        assert_eq!(copy_of(&SourceFile::new("a.txt", text)).text, text);
        // BBC sport-328, wrapped inside a phrase.
        let text = "When Woodward was appointed last year, it was widely\r\nbelieved he would rely heavily on his former England players.";
        let view = copy_of(&SourceFile::new("a.txt", text)).text;
        assert!(view.contains("widely  believed"), "{view}");
        let view = copy_of(&SourceFile::new("a.md", "One\nshort line.\n")).text;
        assert_eq!(
            view, "One short line.\n",
            "Markdown breaks inside a paragraph are soft"
        );
    }

    #[test]
    fn plain_text_leaves_out_a_bom_and_splits_paragraphs_on_blank_lines() {
        let text = "\u{feff}Headline here\r\n\r\nFirst line.\r\nsame paragraph.\r\n\r\nSecond.\r\n";
        let file = SourceFile::new("a.txt", text);
        let copy = copy_of(&file);
        assert_eq!(copy.text.len(), text.len() - "\u{feff}".len());
        let spans: Vec<&str> = (copy.blocks.iter())
            .map(|b| file.to_original(b.span).of(text))
            .collect();
        assert_eq!(
            spans,
            ["Headline here", "First line.\r\nsame paragraph.", "Second."]
        );
        assert_eq!(copy.blocks[0].kind, BlockKind::Heading);
        assert_eq!(copy.blocks[1].kind, BlockKind::Body);
    }
}
