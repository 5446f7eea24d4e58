//! Positions in rule files, taken from the YAML parser itself.
//!
//! Serde gives no positions for values that deserialise successfully, only for errors, and a custom
//! error is placed at the enclosing collection. So to find where the n-th example (or rule code) of a
//! file stands, the file is read again with that value set to be read as a boolean: the parser's own
//! type error is placed exactly on the value. The counters and the target are per thread.

use serde::Deserializer;
use serde::de::{self, Visitor};
use std::cell::Cell;
use std::fmt;

/// The values that can be located.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Example,
    Code,
    /// Any other string value checked while it is read (names, messages, patterns).
    Checked,
}

/// What the deliberately failed read expects, so its error is recognised.
const FOUND: &str = "newslint: located value";

thread_local! {
    static TARGET: Cell<Option<(What, usize)>> = const { Cell::new(None) };
    static EXAMPLES: Cell<usize> = const { Cell::new(0) };
    static CODES: Cell<usize> = const { Cell::new(0) };
    static CHECKED: Cell<usize> = const { Cell::new(0) };
    static INVALID: Cell<Option<(What, usize)>> = const { Cell::new(None) };
}

fn counter(what: What) -> &'static std::thread::LocalKey<Cell<usize>> {
    match what {
        What::Example => &EXAMPLES,
        What::Code => &CODES,
        What::Checked => &CHECKED,
    }
}

/// Starts a file: its values are counted from zero.
pub fn reset() {
    EXAMPLES.with(|n| n.set(0));
    CODES.with(|n| n.set(0));
    CHECKED.with(|n| n.set(0));
    INVALID.with(|i| i.set(None));
}

/// Records that a value failed its check, so the load can place the error on the value itself.
pub fn invalid(what: What, index: usize) {
    INVALID.with(|i| i.set(Some((what, index))));
}

/// The value whose check failed during the last read, if one did.
pub fn take_invalid() -> Option<(What, usize)> {
    INVALID.with(|i| i.take())
}

/// Reads a string value, counting it; if it is the one to locate, fails so the parser places it.
pub fn read<'de, D: Deserializer<'de>>(what: What, d: D) -> Result<(String, usize), D::Error> {
    let index = counter(what).with(|n| {
        let index = n.get();
        n.set(index + 1);
        index
    });
    if TARGET.with(|t| t.get()) == Some((what, index)) {
        return d.deserialize_bool(Locator).map(|_| (String::new(), index));
    }
    let text = <String as serde::Deserialize>::deserialize(d)?;
    Ok((text, index))
}

/// A visitor that accepts nothing: its `expecting` marks the error as a located value.
struct Locator;

impl Visitor<'_> for Locator {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(FOUND)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
}

/// The byte offset of the `index`-th value of kind `what` (in file order) in `text`, a YAML file read
/// as a `T` (a rule file).
pub fn offset<T: serde::de::DeserializeOwned>(
    text: &str,
    what: What,
    index: usize,
) -> Option<usize> {
    reset();
    TARGET.with(|t| t.set(Some((what, index))));
    let result = serde_yaml::from_str::<T>(text);
    TARGET.with(|t| t.set(None));
    match result {
        Err(e) if e.to_string().contains(FOUND) => e.location().map(|l| l.index()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::spec::RuleFile;

    const FILE: &str = "rules:\n  - code: NL901\n    name: x\n    kind: phrase\n    phrases: [a]\n    severity: note\n    message: m\n    help: h\n    why: w\n    examples:\n      flag:\n        - \"one\"\n        - \"two\"  # a comment\n      pass: [three]\n";

    #[test]
    fn finds_examples_and_codes_where_they_stand() {
        let at = offset::<RuleFile>(FILE, What::Example, 1).expect("the second example is found");
        assert_eq!(&FILE[at..at + 5], "\"two\"");
        let at = offset::<RuleFile>(FILE, What::Example, 2).expect("the third example is found");
        assert_eq!(&FILE[at..at + 5], "three");
        let at = offset::<RuleFile>(FILE, What::Code, 0).expect("the code is found");
        assert_eq!(&FILE[at..at + 5], "NL901");
    }
}
