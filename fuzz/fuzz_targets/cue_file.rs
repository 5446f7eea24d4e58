//! A cue lexicon file added to the embedded one, as `--cues` loads it, then used on a sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::grammar::lexicon::DEFAULT_LEXICON;
use newslint::{Lexicon, SourceFile, analyse, yaml};

fuzz_target!(|text: &str| {
    if yaml::check_limits("cues.yaml", text).is_err() {
        return;
    }
    let sources = [("rules/attribution.yaml", DEFAULT_LEXICON), ("cues.yaml", text)];
    let Ok(lexicon) = Lexicon::from_sources(&sources) else {
        return;
    };
    let copy = "The minister said the talks had failed, according to officials.";
    analyse(SourceFile::new("a.txt", copy), &lexicon);
});
