//! What the whole-file targets share: a file checked as `check` checks it, every diagnostic placed on
//! whole characters of the file as on disk, and every diagnostics report written.

use newslint::report::diagnostics;
use newslint::{Analysis, Lexicon, Pack, SourceFile, check_file};

/// Checks `file` with the default pack and writes the human (in colour or not), short and JSON
/// reports; the analysis, for the targets that report more of it.
pub fn check_and_report(file: SourceFile, colour: bool) -> Analysis {
    // Diagnostics point into the file as on disk (HTML, Word), as `check` reports them.
    let (analysis, found) = check_file(file, Lexicon::default_lexicon(), Pack::default_pack());
    let shown = analysis.file.original();
    for d in &found {
        assert!(d.primary.span.end <= shown.len() && shown.is_char_boundary(d.primary.span.start));
    }
    let files = diagnostics::Files::new([(analysis.file.path.as_str(), shown)]);
    diagnostics::human(&found, &files, colour);
    diagnostics::short(&found, &files);
    diagnostics::json(&found, &files);
    analysis
}
