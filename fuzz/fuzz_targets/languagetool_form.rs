//! LanguageTool's API in `newslint serve` (`POST /v2/check`): the input posted as a form body as it
//! is, then cut into text and markup (each `<…>` is markup, a `<p…>` read as a new paragraph) and
//! posted as `data`. No answer is a 500, and every match lies inside the document posted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::engine::{Engine, Options};
use newslint::serve::languagetool;
use serde_json::{Value, json};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::new(&Options::default(), std::path::Path::new("/")).expect("the defaults load")
    })
}

/// The text as LanguageTool's annotated pieces, which put together give the text back.
fn pieces(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (piece, tail) = match rest.find('<') {
            Some(0) => rest.split_at(rest.find('>').map_or(rest.len(), |end| end + 1)),
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        out.push(match piece {
            p if p.starts_with("<p") => json!({"markup": p, "interpretAs": "\n\n"}),
            p if p.starts_with('<') => json!({"markup": p}),
            p => json!({"text": p}),
        });
        rest = tail;
    }
    out
}

/// Every byte written `%XX`, as a form decoder takes it.
fn encoded(value: &str) -> String {
    value.bytes().map(|b| format!("%{b:02X}")).collect()
}

fuzz_target!(|text: &str| {
    let raw = languagetool::check(engine(), text);
    assert!(raw.status == 200 || raw.status == 400, "{}", raw.body);
    let data = json!({ "annotation": pieces(text) }).to_string();
    let reply = languagetool::check(engine(), &format!("language=en&data={}", encoded(&data)));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let units = text.encode_utf16().count() as u64;
    let body: Value = serde_json::from_str(&reply.body).expect("the answer is JSON");
    for m in body["matches"].as_array().expect("matches") {
        let (offset, length) = (m["offset"].as_u64().unwrap(), m["length"].as_u64().unwrap());
        assert!(offset + length <= units, "{m} in {units} units");
    }
});
