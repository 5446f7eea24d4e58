//! LanguageTool's HTTP API, so the tools that already speak it show newslint's findings where the
//! copy is written: LanguageTool's browser add-on and its desktop clients set to a local server,
//! LTeX in editors, CMS plug-ins. `POST /v2/check` takes the form fields `text` (or `data`, text
//! with its markup) and `language`, and answers with LanguageTool's JSON: each finding a match with
//! its message, replacement, offset and length. `GET /v2/languages` lists the languages checked.
//!
//! Offsets and lengths count UTF-16 code units, as LanguageTool's (Java) do: a curly quotation
//! mark is one unit, an emoji two. With `data`, they count in the whole document, markup
//! included, as LanguageTool's do; what is checked is its text, with markup read as what its
//! `interpretAs` says (`<p>` as a blank line) or as nothing.
//!
//! The posted text is checked alone, as a draft of its own story: no file is read from disk.

use crate::diagnostic::Diagnostic;
use crate::engine::{Engine, Run};
use crate::input::SourceFile;
use crate::serve::reply::Reply;
use crate::span::Span;
use serde::Deserialize;
use serde_json::{Value, json};

/// `POST /v2/check`.
pub fn check(engine: &Engine, body: &str) -> Reply {
    match checked(engine, body) {
        Ok(value) => Reply::json(value.to_string() + "\n"),
        Err(message) => Reply::error(400, message),
    }
}

/// `GET /v2/languages`: English, which newslint's grammar and rules are written for.
pub fn languages() -> Reply {
    let english = |name: &str, code: &str| json!({"name": name, "code": "en", "longCode": code});
    Reply::json(
        json!([
            english("English", "en"),
            english("English (US)", "en-US"),
            english("English (GB)", "en-GB"),
            english("English (Australian)", "en-AU"),
            english("English (Canadian)", "en-CA"),
        ])
        .to_string()
            + "\n",
    )
}

/// Why a request cannot be answered: a 400 with this message.
type Refusal = String;

fn checked(engine: &Engine, body: &str) -> Result<Value, Refusal> {
    let request = Request::from_form(body)?;
    let analysis = engine.analyse(SourceFile::new("draft.txt", request.text.plain.clone()));
    let run = Run {
        story: true,
        record: &[],
        threads: Some(1),
    };
    let checked = engine
        .check(vec![analysis], &run)
        .map_err(|e| e.to_string())?;
    let Some((analysis, _)) = checked.files.first() else {
        return Err("nothing was checked".into());
    };
    // Sentences as spans of the text posted (the text read leaves invisible characters out).
    let file = &analysis.file;
    let sentences: Vec<Span> = (analysis.document.sentences.iter())
        .map(|s| file.to_original(s.span))
        .collect();
    let matches: Vec<Value> = checked
        .diagnostics()
        .iter()
        .filter(|d| d.summarises == 0 && request.asks_for(d))
        .map(|d| {
            let at = d.primary.span.start;
            let sentence = (sentences.iter())
                .find(|s| s.start <= at && at < s.end)
                .map_or("", |s| s.of(file.original()));
            request.text.found(d, sentence)
        })
        .collect();
    Ok(json!({
        "software": {
            "name": "newslint",
            "version": env!("CARGO_PKG_VERSION"),
            "buildDate": "",
            "apiVersion": 1,
            "premium": false,
            "status": "",
        },
        "warnings": {"incompleteResults": false},
        "language": {
            "name": request.language_name,
            "code": request.language,
            "detectedLanguage": {"name": request.language_name, "code": request.language, "confidence": 1.0},
        },
        "matches": matches,
    }))
}

/// What a `/v2/check` form asks.
struct Request {
    text: Annotated,
    /// The language code answered with: the one asked, or `en-US` for `auto`.
    language: String,
    language_name: &'static str,
    /// `disabledRules`: rules by code or name.
    disabled: Vec<String>,
    /// `enabledRules` with `enabledOnly=true`: only these.
    only: Option<Vec<String>>,
}

impl Request {
    fn from_form(body: &str) -> Result<Request, Refusal> {
        if body.trim_start().starts_with('{') {
            return Err(
                "post the form fields `text` (or `data`) and `language`, form-encoded, as LanguageTool takes them; newslint's own JSON API is POST /api/check".into(),
            );
        }
        let fields = form(body)?;
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let list = |name: &str| -> Vec<String> {
            field(name)
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect()
        };
        let text = match (field("text"), field("data")) {
            (Some(text), None) => Annotated::plain(text),
            (None, Some(data)) => Annotated::from_data(data)?,
            (Some(_), Some(_)) => return Err("give `text` or `data`, not both".into()),
            (None, None) => return Err("missing `text` (or `data`): the copy to check".into()),
        };
        let asked = field("language").ok_or("missing `language` (`en-US`, or `auto`)")?;
        let (language, language_name) = english(asked).ok_or_else(|| {
            format!("newslint checks English copy; `language` is `{asked}` (give `en`, `en-US`, … or `auto`)")
        })?;
        let only = (field("enabledOnly") == Some("true")).then(|| list("enabledRules"));
        Ok(Request {
            text,
            language,
            language_name,
            disabled: list("disabledRules"),
            only,
        })
    }

    /// Whether the rules asked for include the finding's: by code or name, as `--select` takes them.
    fn asks_for(&self, d: &Diagnostic) -> bool {
        let names = |list: &[String]| {
            list.iter()
                .any(|r| r.eq_ignore_ascii_case(&d.code) || *r == d.name)
        };
        !names(&self.disabled) && self.only.as_deref().is_none_or(names)
    }
}

/// The language to answer with and its name, if `asked` is English or `auto`.
fn english(asked: &str) -> Option<(String, &'static str)> {
    let lower = asked.to_ascii_lowercase();
    let name = match lower.as_str() {
        "auto" | "en-us" => "English (US)",
        "en" => "English",
        "en-gb" => "English (GB)",
        "en-au" => "English (Australian)",
        "en-ca" => "English (Canadian)",
        _ if lower.starts_with("en-") => "English",
        _ => return None,
    };
    Some((
        if lower == "auto" {
            "en-US".into()
        } else {
            asked.into()
        },
        name,
    ))
}

/// The fields of an `application/x-www-form-urlencoded` body: `&`-separated `name=value` pairs,
/// `+` for a space and `%XX` for a byte.
fn form(body: &str) -> Result<Vec<(String, String)>, Refusal> {
    body.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

fn decode(encoded: &str) -> Result<String, Refusal> {
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut rest = encoded.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        match b {
            b'+' => bytes.push(b' '),
            b'%' => {
                let digit = |b: &u8| char::from(*b).to_digit(16);
                let (Some(high), Some(low)) =
                    (rest.first().and_then(digit), rest.get(1).and_then(digit))
                else {
                    return Err("a `%` in the form is not followed by two hex digits".into());
                };
                bytes.push((high * 16 + low) as u8);
                rest = &rest[2..];
            }
            _ => bytes.push(b),
        }
    }
    String::from_utf8(bytes).map_err(|_| "a form field is not UTF-8 once decoded".into())
}

/// LanguageTool's `data`: the document's pieces in order, each text or markup. Other fields are
/// passed over, as the form's other fields are: clients send what their own server takes.
#[derive(Deserialize)]
struct Data {
    annotation: Vec<Piece>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Piece {
    text: Option<String>,
    markup: Option<String>,
    interpret_as: Option<String>,
}

/// The text checked, and where each stretch of it stands in the document posted.
struct Annotated {
    /// Text pieces, and what markup is read as, in order.
    plain: String,
    /// Each piece: where it starts in `plain` (bytes) and in the document (UTF-16 units), its
    /// length in the document, and whether it is text (read as written) or markup.
    pieces: Vec<Stretch>,
}

#[derive(Clone, Copy)]
struct Stretch {
    plain: usize,
    document: usize,
    length: usize,
    text: bool,
}

impl Annotated {
    fn plain(text: &str) -> Annotated {
        Annotated {
            plain: text.to_string(),
            pieces: vec![Stretch {
                plain: 0,
                document: 0,
                length: utf16_len(text),
                text: true,
            }],
        }
    }

    fn from_data(data: &str) -> Result<Annotated, Refusal> {
        let data: Data = serde_json::from_str(data)
            .map_err(|e| format!("`data` is not LanguageTool's annotated text: {e}"))?;
        let mut out = Annotated {
            plain: String::new(),
            pieces: Vec::new(),
        };
        let mut document = 0;
        for piece in data.annotation {
            let (written, read_as, text) = match (piece.text, piece.markup, piece.interpret_as) {
                (Some(text), None, None) => (text.clone(), text, true),
                (None, Some(markup), read_as) => (markup, read_as.unwrap_or_default(), false),
                _ => {
                    return Err(
                        "each piece of `data` is `{\"text\": …}` or `{\"markup\": …}`, with `interpretAs` only on markup".into(),
                    );
                }
            };
            let length = utf16_len(&written);
            out.pieces.push(Stretch {
                plain: out.plain.len(),
                document,
                length,
                text,
            });
            out.plain.push_str(&read_as);
            document += length;
        }
        Ok(out)
    }

    /// Where byte `at` of the plain text stands in the document, in UTF-16 units. A start lies in
    /// the last piece that begins at or before it, an end in the last piece that begins before it
    /// (which holds the finding's last byte: not markup that begins where the finding ends). In
    /// markup read as something, a start is the markup's start and an end its end.
    fn document_offset(&self, at: usize, end: bool) -> usize {
        let holding = if end {
            self.pieces.partition_point(|p| p.plain < at)
        } else {
            self.pieces.partition_point(|p| p.plain <= at)
        };
        let Some(piece) = holding.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            return 0;
        };
        if piece.text {
            let from = piece.plain.min(at);
            (piece.document + utf16_len(&self.plain[from..at])).min(piece.document + piece.length)
        } else if end {
            piece.document + piece.length
        } else {
            piece.document
        }
    }

    /// The finding as a LanguageTool match.
    fn found(&self, d: &Diagnostic, sentence: &str) -> Value {
        let span = d.primary.span;
        let offset = self.document_offset(span.start, false);
        let length = self.document_offset(span.end, true).saturating_sub(offset);
        let message = match &d.help {
            Some(help) => format!("{} ({help})", d.message),
            None => d.message.clone(),
        };
        let replacements: Vec<Value> = d
            .fix
            .iter()
            .map(|f| json!({"value": f.replacement}))
            .collect();
        json!({
            "message": message,
            "shortMessage": d.name,
            "replacements": replacements,
            "offset": offset,
            "length": length,
            "context": self.context(span.start, span.end),
            "sentence": sentence,
            "type": {"typeName": "Other"},
            "rule": {
                "id": d.code,
                "description": described(&d.name),
                "issueType": "style",
                "category": {"id": "NEWSLINT", "name": "News copy (newslint)"},
            },
            "ignoreForIncompleteSentence": false,
            "contextForSureMatch": 0,
        })
    }

    /// Up to 40 characters of the plain text either side of `start..end`, as LanguageTool gives
    /// the context of a match, with the match's place in it (UTF-16 units).
    fn context(&self, start: usize, end: usize) -> Value {
        const AROUND: usize = 40;
        let text = &self.plain;
        let before = text[..start]
            .char_indices()
            .rev()
            .nth(AROUND - 1)
            .map_or(0, |(i, _)| i);
        let after = text[end..]
            .char_indices()
            .nth(AROUND)
            .map_or(text.len(), |(i, _)| end + i);
        json!({
            "text": text[before..after].replace(['\n', '\r'], " "),
            "offset": utf16_len(&text[before..start]),
            "length": utf16_len(&text[start..end]),
        })
    }
}

/// A rule's name as a client lists it: `overstated-consensus` as `Overstated consensus`.
fn described(name: &str) -> String {
    let words = name.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Options;
    use std::path::Path;

    // Seed draft 000 (tests/fixtures/README.md): curly quotation marks and apostrophes before its
    // findings, so UTF-16 offsets differ from byte offsets.
    const SEED_000: &str = include_str!("../../tests/fixtures/seeds/000_f1e3116a09d4a900.txt");

    fn engine() -> Engine {
        Engine::new(&Options::default(), Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// A form body with every byte of each value written `%XX`, which any form decoder takes
    /// (`a_form_decodes_as_browsers_encode_it` reads the shorter encoding browsers send).
    fn form_body(fields: &[(&str, &str)]) -> String {
        let hex = |s: &str| s.bytes().map(|b| format!("%{b:02X}")).collect::<String>();
        let pairs: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", hex(v)))
            .collect();
        pairs.join("&")
    }

    fn matches(reply: &Reply) -> Vec<Value> {
        assert_eq!(reply.status, 200, "{}", reply.body);
        let body: Value = serde_json::from_str(&reply.body).unwrap();
        body["matches"].as_array().unwrap().clone()
    }

    /// The document's text at a match, its offset and length read as UTF-16 units.
    fn at(document: &str, m: &Value) -> String {
        let units: Vec<u16> = document.encode_utf16().collect();
        let (offset, length) = (
            m["offset"].as_u64().unwrap() as usize,
            m["length"].as_u64().unwrap() as usize,
        );
        String::from_utf16(&units[offset..offset + length]).unwrap()
    }

    #[test]
    fn a_draft_posted_as_text_gets_matches_in_utf16_units() {
        let reply = check(
            &engine(),
            &form_body(&[("text", SEED_000), ("language", "en-US")]),
        );
        let found = matches(&reply);
        let words: Vec<(String, String)> = found
            .iter()
            .map(|m| {
                (
                    m["rule"]["id"].as_str().unwrap().to_string(),
                    at(SEED_000, m),
                )
            })
            .collect();
        assert_eq!(
            words,
            [
                ("NL201".to_string(), "obviously".to_string()),
                ("NL011".to_string(), "claimed".to_string()),
                ("NL010".to_string(), "Anonymous U.S. officials".to_string()),
                ("NL012".to_string(), "turned out not to be true".to_string()),
            ]
        );
        let certainty = &found[0];
        assert_eq!(certainty["shortMessage"], "overstated-consensus");
        assert_eq!(certainty["rule"]["description"], "Overstated consensus");
        assert!(
            certainty["sentence"]
                .as_str()
                .unwrap()
                .starts_with("The men obviously had good chemistry")
        );
        let context = &certainty["context"];
        let units: Vec<u16> = context["text"].as_str().unwrap().encode_utf16().collect();
        let (o, l) = (
            context["offset"].as_u64().unwrap() as usize,
            context["length"].as_u64().unwrap() as usize,
        );
        assert_eq!(String::from_utf16(&units[o..o + l]).unwrap(), "obviously");
    }

    #[test]
    fn markup_counts_in_offsets_and_reads_as_it_says() {
        // Seed 000's first two paragraphs, as a browser add-on sends an HTML editor's contents,
        // with the word found set in bold: the match is the word, not the tags around it.
        let paragraphs: Vec<&str> = SEED_000.split("\n\n").take(2).collect();
        let (before, after) = paragraphs[1].split_once("obviously").unwrap();
        let pieces = json!({"annotation": [
            {"markup": "<h1>"}, {"text": paragraphs[0]}, {"markup": "</h1>"},
            {"markup": "<p>", "interpretAs": "\n\n"}, {"text": before}, {"markup": "<b>"},
            {"text": "obviously"}, {"markup": "</b>"}, {"text": after}, {"markup": "</p>"},
        ]});
        let document = format!(
            "<h1>{}</h1><p>{before}<b>obviously</b>{after}</p>",
            paragraphs[0]
        );
        let reply = check(
            &engine(),
            &form_body(&[("data", &pieces.to_string()), ("language", "auto")]),
        );
        let found = matches(&reply);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(at(&document, &found[0]), "obviously");
        let body: Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(body["language"]["code"], "en-US");
    }

    #[test]
    fn an_invisible_character_moves_no_match_and_no_sentence() {
        // The text read for checking leaves a bidirectional control out (found by fuzzing with a
        // Mother Jones story); matches and their sentences are of the text posted.
        let posted = SEED_000.replacen("The men obviously", "The men\u{202C} obviously", 1);
        let found = matches(&check(
            &engine(),
            &form_body(&[("text", &posted), ("language", "en")]),
        ));
        let words: Vec<String> = found.iter().map(|m| at(&posted, m)).collect();
        assert_eq!(words[..2], ["men\u{202C}", "obviously"], "{words:?}");
        assert!(
            found[1]["sentence"]
                .as_str()
                .unwrap()
                .starts_with("The men\u{202C} obviously")
        );
    }

    #[test]
    fn rules_are_chosen_as_languagetool_chooses_them() {
        let only = form_body(&[
            ("text", SEED_000),
            ("language", "en"),
            ("enabledRules", "NL010,loaded-attribution-verb"),
            ("enabledOnly", "true"),
        ]);
        let ids: Vec<Value> = matches(&check(&engine(), &only))
            .iter()
            .map(|m| m["rule"]["id"].clone())
            .collect();
        assert_eq!(ids, [json!("NL011"), json!("NL010")]);
        let without = form_body(&[
            ("text", SEED_000),
            ("language", "en"),
            ("disabledRules", "NL201,NL012"),
        ]);
        assert_eq!(matches(&check(&engine(), &without)).len(), 2);
    }

    #[test]
    fn bad_forms_are_refused_with_the_reason() {
        let refused = |body: &str| {
            let reply = check(&engine(), body);
            assert_eq!(reply.status, 400, "{}", reply.body);
            serde_json::from_str::<Value>(&reply.body).unwrap()["error"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert!(refused("language=en-US").contains("missing `text`"));
        assert!(refused("text=Hello").contains("missing `language`"));
        assert!(refused("text=Hallo&language=de-DE").contains("checks English copy"));
        assert!(refused("text=%E2%80&language=en").contains("not UTF-8"));
        assert!(refused("text=100%&language=en").contains("two hex digits"));
        assert!(refused("text=a%+1b&language=en").contains("two hex digits"));
        assert!(refused("{\"text\": \"a\"}").contains("form-encoded"));
        assert!(refused("data=%7B%7D&language=en").contains("annotated text"));
        assert!(refused("text=a&data=b&language=en").contains("not both"));
    }

    #[test]
    fn a_form_decodes_as_browsers_encode_it() {
        assert_eq!(
            form("text=curly+%E2%80%9Cquotes%E2%80%9D&language=en-US&empty=").unwrap(),
            [
                ("text".to_string(), "curly “quotes”".to_string()),
                ("language".to_string(), "en-US".to_string()),
                ("empty".to_string(), String::new()),
            ]
        );
    }
}
