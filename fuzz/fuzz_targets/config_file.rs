//! `.newslint.yaml`: parsed, then made into a policy with the engine's rule-name check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::config;

fuzz_target!(|text: &str| {
    let Ok(parsed) = config::parse(".newslint.yaml", text) else {
        return;
    };
    let known = [("NL001", "unattributed-quote"), ("NL203", "unsourced-hedge")];
    let named = config::named_rules(&parsed, &[], &[]);
    let _ = config::check_rule_names(&named, &known);
    let _ = config::Policy::new(&parsed, config::Scope::default(), &[], &[], None);
});
