//! A Word document's bytes read as a .docx (zip + XML), then checked, and every report written
//! against the text read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::report::diagnostics;
use newslint::{Lexicon, Pack, SourceFile, check_file, docx};

fuzz_target!(|data: &[u8]| {
    let Ok(paragraphs) = docx::read(data) else {
        return;
    };
    let file = SourceFile::word("draft.docx".into(), paragraphs);
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
    let files = diagnostics::Files::new([("draft.docx", shown)]);
    diagnostics::human(&found, &files, false);
    diagnostics::short(&found, &files);
    diagnostics::json(&found, &files);
});
