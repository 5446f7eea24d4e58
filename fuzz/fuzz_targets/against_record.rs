//! A draft's quotations looked up in source material (`--against`): the input is the draft, a NUL
//! byte, then the record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::{Lexicon, SourceFile, analyse, discrepancy};

fuzz_target!(|text: &str| {
    let (draft, record) = text.split_once('\0').unwrap_or((text, text));
    let analysis = analyse(SourceFile::new("draft.txt", draft), Lexicon::default_lexicon());
    let record = [SourceFile::new("record.txt", record)];
    for d in discrepancy::against_record(&[&analysis], &record) {
        assert!(d.primary.span.end <= draft.len());
    }
});
