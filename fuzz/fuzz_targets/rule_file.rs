//! A project's rule file loaded (alone: the embedded pack's own load is tested), its examples run, and
//! a line of copy checked with it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::rules::{self, RuleSource};
use newslint::{Lexicon, Pack, SourceFile, check_file};

fuzz_target!(|text: &str| {
    let sources = vec![RuleSource {
        path: "house.yaml".into(),
        text: text.into(),
    }];
    let Ok(pack) = Pack::load(sources) else {
        return;
    };
    rules::examples::run(&pack, Lexicon::default_lexicon());
    let copy = "Officials said the plan, reportedly agreed, was clearly a success.";
    check_file(SourceFile::new("a.txt", copy), Lexicon::default_lexicon(), &pack);
});
