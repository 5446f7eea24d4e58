//! A whole file checked as plain text, Markdown or HTML (the first byte chooses), its suppressions applied,
//! and every report written: human, short, JSON, and the attributions as text and JSON.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use newslint::SourceFile;
use newslint::report::attributions;

fuzz_target!(|data: &[u8]| {
    let Some((&format, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = ["draft.txt", "draft.md", "draft.html"][usize::from(format % 3)];
    let analysis = common::check_and_report(SourceFile::new(path, text), format & 2 == 0);
    let (file, found) = (&analysis.file, analysis.attributions.as_slice());
    attributions::write_text(&mut std::io::sink(), file, found).expect("a sink takes all");
    attributions::write_json_item(&mut std::io::sink(), file, found).expect("a sink takes all");
    attributions::json(&[(file, found)]);
});
