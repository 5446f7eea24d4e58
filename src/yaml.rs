//! Limits on the YAML newslint loads (configs, rule files, cue files), checked before parsing: a file
//! of at most `MAX_BYTES`, and no anchors or aliases. An alias repeats what its anchor names, so a
//! few kilobytes of nested aliases expand to gigabytes; no newslint file needs one.

use crate::error::LoadError;

/// The largest config, rule or cue file newslint reads (the whole embedded pack is about 60 KB).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Refuses a YAML text over the size limit, or one with an anchor or alias, placed in its file.
pub fn check_limits(path: &str, text: &str) -> Result<(), LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::new(
            path,
            "",
            None,
            format!(
                "is {} bytes; rule, cue and config files are limited to {} MiB",
                text.len(),
                MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    match first_anchor_or_alias(text) {
        Some(at) => Err(LoadError::new(
            path,
            text,
            Some(at),
            "YAML anchors and aliases (`&name`, `*name`) are not accepted: write the values out",
        )),
        None => Ok(()),
    }
}

/// Where the first `&anchor` or `*alias` stands: an indicator at the start of a node (after
/// indentation, `- `, `: `, or `[`, `{`, `,` in a flow collection), outside quoted strings, comments
/// and block scalars (`why: |`), whose text is literal.
fn first_anchor_or_alias(text: &str) -> Option<usize> {
    let mut block_indent: Option<usize> = None;
    let mut quote: Option<char> = None;
    let mut flow = 0usize;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let offset = line_start;
        line_start += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_indent {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_indent = None;
        }
        let mut node_start = quote.is_none();
        let mut previous = ' ';
        for (i, c) in line.char_indices() {
            if let Some(q) = quote {
                if c == q {
                    quote = None; // a doubled '' inside single quotes closes and reopens: same state
                } else if c == '\\' && q == '"' {
                    previous = '\0'; // the escaped character is not a closing quote
                    continue;
                }
                previous = c;
                continue;
            }
            if c == '#' && previous.is_whitespace() {
                break;
            }
            if node_start && matches!(c, '&' | '*') {
                let next = line[i + 1..].chars().next().unwrap_or(' ');
                if !next.is_whitespace() && !matches!(next, ',' | ']' | '}') {
                    return Some(offset + i);
                }
            }
            if node_start && matches!(c, '\'' | '"') {
                quote = Some(c);
            }
            match c {
                '[' | '{' => flow += 1,
                ']' | '}' => flow = flow.saturating_sub(1),
                _ => {}
            }
            let separator = matches!(c, '[' | '{') || (flow > 0 && c == ',');
            let indicator = matches!(c, '-' | ':' | '?') && line[i + 1..].starts_with([' ', '\n']);
            node_start = c == ' ' && node_start
                || separator
                || indicator
                || (c == ' ' && matches!(previous, '-' | ':' | '?' | ',' | '[' | '{'));
            previous = c;
        }
        if quote.is_none() && starts_block_scalar(line) {
            block_indent = Some(indent);
        }
    }
    None
}

/// `why: |`, `- >-`: the following more-indented lines are literal text.
fn starts_block_scalar(line: &str) -> bool {
    let code = match line.find(" #") {
        Some(comment) => &line[..comment],
        None => line,
    };
    let code = code.trim_end();
    let header = code.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-'));
    (header.ends_with('|') || header.ends_with('>'))
        && header[..header.len() - 1].trim_end().ends_with([':', '-'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_anchors_and_aliases_where_nodes_start() {
        assert_eq!(first_anchor_or_alias("a: &x [1]\nb: *x\n"), Some(3));
        assert_eq!(first_anchor_or_alias("b:\n  - *x\n"), Some(7));
        assert_eq!(first_anchor_or_alias("b: [a, *x]\n"), Some(7));
        assert_eq!(first_anchor_or_alias("*x: 1\n"), Some(0));
    }

    #[test]
    fn leaves_text_that_only_looks_like_them() {
        for text in [
            "message: R&D spending *rose*\n",
            "paths: ['*.md', \"&x\"]\n",
            "why: |\n  Say who: *they* & others.\n  &x\nnext: 1\n",
            "help: it's ok # *not an alias\n",
            "pattern: '(?i)a* & b'\n",
            "s: 'it''s *x'\n",
        ] {
            assert_eq!(first_anchor_or_alias(text), None, "{text}");
        }
    }

    #[test]
    fn refuses_a_file_over_the_limit() {
        let big = "#".repeat(MAX_BYTES + 1);
        let error = check_limits("big.yaml", &big).unwrap_err();
        assert!(error.message.contains("limited to 2 MiB"));
    }
}
