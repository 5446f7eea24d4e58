//! A Word document's bytes read as a .docx (zip + XML), then checked, and every report written
//! against the text read.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use newslint::{SourceFile, docx};

fuzz_target!(|data: &[u8]| {
    let Ok(paragraphs) = docx::read(data) else {
        return;
    };
    common::check_and_report(SourceFile::word("draft.docx".into(), paragraphs), false);
});
