//! A whole file checked as plain text, Markdown or HTML (the first byte chooses), its suppressions applied,
//! and every report written: human, short, JSON, and the attributions as text and JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::report::{attributions, diagnostics};
use newslint::{Lexicon, Pack, SourceFile, check_file};

fuzz_target!(|data: &[u8]| {
    let Some((&format, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = ["draft.txt", "draft.md", "draft.html"][usize::from(format % 3)];
    let file = SourceFile::new(path, text);
    let (analysis, found) = check_file(file, Lexicon::default_lexicon(), Pack::default_pack());
    // Diagnostics point into the file as on disk (HTML), as `check` reports them.
    let mapped = newslint::fix::MappedFiles::new([&analysis.file]);
    let found: Vec<_> = found
        .into_iter()
        .map(|d| newslint::fix::to_original(d, &mapped))
        .collect();
    let shown = analysis.file.original();
    for d in &found {
        assert!(d.primary.span.end <= shown.len() && shown.is_char_boundary(d.primary.span.start));
    }
    let files = diagnostics::Files::new([(path, shown)]);
    diagnostics::human(&found, &files, format & 2 == 0);
    diagnostics::short(&found, &files);
    diagnostics::json(&found, &files);
    attributions::text(&analysis.file, &analysis.attributions);
    attributions::json(&[(&analysis.file, analysis.attributions.as_slice())]);
});
