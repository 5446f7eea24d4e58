//! `--fix` and `--diff`: the safe suggestions of substitution rules applied to a file's text, shown as a
//! unified diff, or written back atomically (a temporary file in the same folder, then a rename, the
//! original's permissions kept) so a file is always either as it was or fully fixed.

use crate::diagnostic::{Diagnostic, Fix};
use crate::span::Span;
use std::fs;
use std::io::Write;
use std::path::Path;

/// The safe fixes among `diagnostics`, in order, without overlaps (the first of two overlapping wins).
pub fn safe_fixes(diagnostics: &[Diagnostic]) -> Vec<&Fix> {
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.safe)
        .collect();
    fixes.sort_by_key(|f| f.span.start);
    let mut last_end = 0;
    fixes.retain(|f| {
        let keep = f.span.start >= last_end;
        if keep {
            last_end = f.span.end;
        }
        keep
    });
    fixes
}

/// The files among those read whose offsets on disk differ from the text read (HTML, and copy with
/// invisible characters left out), by path (the first of a path). Looked up once per label, not by a
/// scan of every file read.
pub struct MappedFiles<'a>(rustc_hash::FxHashMap<&'a str, &'a crate::input::SourceFile>);

impl<'a> MappedFiles<'a> {
    pub fn new(files: impl IntoIterator<Item = &'a crate::input::SourceFile>) -> MappedFiles<'a> {
        let mut mapped = rustc_hash::FxHashMap::default();
        for file in files {
            if file.converted.is_some() {
                mapped.entry(file.path.as_str()).or_insert(file);
            }
        }
        MappedFiles(mapped)
    }
}

/// A diagnostic found in the text read, placed in the files as on disk (the reading text differs
/// where HTML read an entity as its character, or an invisible character was left out). A fix on an
/// HTML text node has its replacement escaped; one whose span would take in markup is dropped, as
/// `--fix` never touches markup.
pub fn to_original(mut d: Diagnostic, mapped: &MappedFiles) -> Diagnostic {
    let file_of = |path: &str| mapped.0.get(path);
    for label in std::iter::once(&mut d.primary).chain(&mut d.secondary) {
        if let Some(file) = file_of(&label.path) {
            label.span = file.to_original(label.span);
        }
    }
    if let Some(file) = file_of(&d.primary.path) {
        let html = file.format == crate::input::Format::Html;
        d.fix = d.fix.take().and_then(|mut fix| {
            fix.span = file.to_original(fix.span);
            if !html {
                return Some(fix);
            }
            fix.replacement = fix
                .replacement
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            (!fix.span.of(file.original()).contains(['<', '>'])).then_some(fix)
        });
    }
    d
}

/// The text with the fixes applied.
pub fn apply(text: &str, fixes: &[&Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for fix in fixes {
        out.push_str(&text[from..fix.span.start]);
        out.push_str(&fix.replacement);
        from = fix.span.end;
    }
    out.push_str(&text[from..]);
    out
}

const CONTEXT: usize = 3;

/// A unified diff of the lines the fixes change, with three lines of context; empty if none.
pub fn unified_diff(path: &str, text: &str, fixes: &[&Fix]) -> String {
    if fixes.is_empty() {
        return String::new();
    }
    let lines: Vec<Span> = line_spans(text);
    let line_of = |offset: usize| {
        lines
            .partition_point(|l| l.end <= offset)
            .min(lines.len() - 1)
    };
    // Changed line ranges, each with the fixes inside it.
    let mut changed: Vec<(usize, usize, Vec<&Fix>)> = Vec::new();
    for fix in fixes {
        let (first, last) = (
            line_of(fix.span.start),
            line_of(fix.span.end.saturating_sub(1).max(fix.span.start)),
        );
        match changed.last_mut() {
            Some((_, end, group)) if first <= *end => {
                *end = (*end).max(last);
                group.push(fix);
            }
            _ => changed.push((first, last, vec![fix])),
        }
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let mut i = 0;
    while i < changed.len() {
        // Changes closer than twice the context share a hunk.
        let mut j = i;
        while j + 1 < changed.len() && changed[j + 1].0 <= changed[j].1 + 2 * CONTEXT + 1 {
            j += 1;
        }
        let start = changed[i].0.saturating_sub(CONTEXT);
        let end = (changed[j].1 + CONTEXT).min(lines.len() - 1);
        let mut body = String::new();
        let (mut old_count, mut new_count) = (0, 0);
        let mut line = start;
        for (first, last, group) in &changed[i..=j] {
            for &context in &lines[line..*first] {
                body += &format!(" {}", line_text(text, context));
                old_count += 1;
                new_count += 1;
            }
            let block = Span::new(lines[*first].start, lines[*last].end);
            let old = block.of(text);
            let shifted: Vec<Fix> = group
                .iter()
                .map(|f| Fix {
                    span: Span::new(f.span.start - block.start, f.span.end - block.start),
                    ..(*f).clone()
                })
                .collect();
            let new = apply(old, &shifted.iter().collect::<Vec<_>>());
            for l in old.split_inclusive('\n') {
                body += &format!("-{}", with_newline(l));
                old_count += 1;
            }
            for l in new.split_inclusive('\n') {
                body += &format!("+{}", with_newline(l));
                new_count += 1;
            }
            line = last + 1;
        }
        for &context in &lines[line..=end] {
            body += &format!(" {}", line_text(text, context));
            old_count += 1;
            new_count += 1;
        }
        out += &format!(
            "@@ -{},{old_count} +{},{new_count} @@\n{body}",
            start + 1,
            start + 1
        );
        i = j + 1;
    }
    out
}

fn line_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        spans.push(Span::new(start, start + line.len()));
        start += line.len();
    }
    if spans.is_empty() {
        spans.push(Span::new(0, 0));
    }
    spans
}

fn line_text(text: &str, line: Span) -> String {
    with_newline(line.of(text))
}

fn with_newline(line: &str) -> String {
    if line.ends_with('\n') {
        line.to_string()
    } else {
        format!("{line}\n\\ No newline at end of file\n")
    }
}

/// Replaces the file at `path`, read as `read`, with `text` atomically, keeping its permissions and
/// owner: the new text goes to a hidden temporary file in the same folder, is synced, and is renamed
/// over the original. A symbolic link is written through to the file it names (the link stays).
/// Nothing is written, and the error says why, if the file has other hard links (renaming would split
/// them), if its owner cannot be kept, or if it changed since it was read (the change would be lost).
pub fn write_atomically(path: &Path, read: &str, text: &str) -> std::io::Result<()> {
    let path = &fs::canonicalize(path)?; // the link's target, in its own folder
    let folder = path.parent().unwrap_or(Path::new("/"));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let metadata = fs::metadata(path)?;
    refuse_hard_links(&metadata)?;
    let temporary = folder.join(format!(".{name}.newslint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::set_permissions(&temporary, metadata.permissions())?;
        keep_owner(&temporary, &metadata)?;
        if fs::read(path)? != read.as_bytes() {
            return Err(std::io::Error::other(
                "it changed since it was read, so it was left alone; check it again",
            ));
        }
        fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

#[cfg(unix)]
fn refuse_hard_links(metadata: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    match metadata.nlink() {
        1 => Ok(()),
        n => Err(std::io::Error::other(format!(
            "it has {n} hard links and a fixed copy would split them; fix it with `--diff` and `patch`"
        ))),
    }
}

#[cfg(not(unix))]
fn refuse_hard_links(_: &fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// Gives the new file the original's owner and group (possible as root, or when the runner owns it).
#[cfg(unix)]
fn keep_owner(temporary: &Path, metadata: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    std::os::unix::fs::chown(temporary, Some(metadata.uid()), Some(metadata.gid())).map_err(|e| {
        std::io::Error::other(format!(
            "its owner or group cannot be kept ({e}); fix it as its owner"
        ))
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(start: usize, end: usize, to: &str) -> Fix {
        Fix {
            span: Span::new(start, end),
            replacement: to.to_string(),
            safe: true,
        }
    }

    #[test]
    fn applies_fixes_and_shows_them_as_a_diff() {
        // BBC politics-009 spells `e-mail`; house style is `email`.
        let text = "One\nTwo e-mail here\nThree\n";
        let at = text.find("e-mail").unwrap();
        let f = fix(at, at + 6, "email");
        assert_eq!(apply(text, &[&f]), "One\nTwo email here\nThree\n");
        assert_eq!(
            unified_diff("a.txt", text, &[&f]),
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n One\n-Two e-mail here\n+Two email here\n Three\n"
        );
    }

    #[test]
    fn overlapping_and_unsafe_fixes_are_left_out() {
        let d = |span: Span, safe: bool| Diagnostic {
            code: "NL210".into(),
            name: "house-spelling".into(),
            severity: crate::diagnostic::Severity::Note,
            message: String::new(),
            primary: crate::diagnostic::Label::new("a", span, ""),
            secondary: vec![],
            notes: vec![],
            help: None,
            summarises: 0,
            fix: Some(Fix {
                span,
                replacement: "x".into(),
                safe,
            }),
        };
        let all = [
            d(Span::new(0, 4), true),
            d(Span::new(2, 6), true),
            d(Span::new(8, 9), false),
        ];
        let fixes = safe_fixes(&all);
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0].span, Span::new(0, 4));
    }
}
