//! JSON Schemas (draft 7) for `.newslint.yaml`, rule files and cue lexicons, so a YAML language server
//! can check them as they are written. `newslint schema config|rules|cues` prints them.

use crate::rules::spec::Kind;
use serde_json::{Value, json};

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

fn severity() -> Value {
    json!({ "enum": ["error", "warning", "note"] })
}

fn strings(description: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string" }, "description": description })
}

/// A rule's list of words or phrases, none blank (an empty phrase would match everywhere).
fn words(description: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string", "pattern": "\\S" }, "description": description })
}

pub fn config() -> Value {
    let rule_list =
        |d: &str| json!({ "type": "array", "items": { "type": "string" }, "description": d });
    let severities = json!({ "type": "object", "additionalProperties": severity(),
        "description": "Severity by rule code (NL203) or name (unsourced-hedge)" });
    json!({
        "$schema": DRAFT,
        "title": "newslint configuration (.newslint.yaml)",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "rules": strings("Rule files or folders of rule files added to the default pack (relative to this file)"),
            "cues": strings("Cue lexicon files added to the default (relative to this file)"),
            "select": rule_list("Only these rules run (codes or names); empty means all"),
            "ignore": rule_list("These rules do not run (codes or names)"),
            "severity": severities,
            "fail-on": severity(),
            "headline-keys": strings("Markdown front matter keys whose values are headlines (default: title, headline, description)"),
            "discrepancy": {
                "type": "object",
                "additionalProperties": false,
                "description": "Limits of the discrepancy checks",
                "properties": {
                    "quote-min-words": { "type": "integer", "minimum": 1 },
                    "quote-min-overlap": { "type": "integer", "minimum": 1 },
                    "quote-max-edit-words": { "type": "integer", "minimum": 0 },
                    "two-speakers-min-words": { "type": "integer", "minimum": 1 },
                    "name-max-edits": { "type": "integer", "minimum": 0 },
                    "figure-max-difference": { "type": "integer", "minimum": 0 }
                }
            },
            "stories": {
                "type": "array",
                "description": "Story sets: the files each set's globs match are checked together for discrepancies",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["paths"],
                    "properties": { "name": { "type": "string" }, "paths": strings("Globs of the drafts of one story") }
                }
            },
            "overrides": {
                "type": "array",
                "description": "Changes for the files some globs match, applied in order",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["paths"],
                    "properties": {
                        "paths": strings("Globs (globset syntax) matched against the paths newslint reads"),
                        "ignore": rule_list("Rules that do not run on these files"),
                        "severity": severities,
                        "fail-on": severity(),
                        "kind": { "enum": ["news", "opinion"], "description": "opinion: rules about the writer's own argument do not run on these files" }
                    }
                }
            }
        }
    })
}

const COMMON_FIELDS: &[&str] = &[
    "code",
    "name",
    "kind",
    "severity",
    "message",
    "help",
    "why",
    "examples",
    "where",
    "attributed",
    "scope",
    "argument",
];

/// The schema by name: `config`, `rules` or `cues`, as pretty JSON.
pub fn named(kind: &str) -> String {
    let schema = match kind {
        "rules" => rules(),
        "cues" => cues(),
        _ => config(),
    };
    serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n"
}

pub fn rules() -> Value {
    let phrases =
        json!({ "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } });
    let per_kind: Vec<Value> = Kind::ALL
        .iter()
        .map(|kind| {
            let (fields, required) = (kind.fields(), kind.required());
            let kind = kind.as_str();
            let allowed: Vec<&str> = COMMON_FIELDS.iter().chain(fields.iter()).copied().collect();
            json!({
                "if": { "properties": { "kind": { "const": kind } } },
                "then": { "required": required, "propertyNames": { "enum": allowed } }
            })
        })
        .collect();
    let mut rule_properties = json!({
        "code": { "type": "string", "pattern": "^NL[0-9]{3}$", "description": "Stable code, unique across loaded files" },
        "name": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Kebab-case, names the problem" },
        "kind": { "enum": Kind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>() },
        "severity": severity(),
        "message": { "type": "string", "minLength": 1, "description": "May use {match} {source} {cue} {suggestion} {other}" },
        "help": { "type": "string" },
        "why": { "type": "string", "description": "What `newslint explain` prints" },
        "examples": {
            "type": "object",
            "additionalProperties": false,
            "properties": { "flag": strings("Copy the rule must flag"), "pass": strings("Copy the rule must pass") }
        },
        "where": { "enum": ["narration", "quote", "any"] },
        "attributed": { "type": "boolean" },
        "argument": { "type": "boolean", "description": "Judges the writer's own argument: not run on opinion copy (kind: opinion)" },
        "scope": { "enum": ["content", "sentence", "neighbours", "paragraph"], "description": "How far from a match an attribution may stand and still answer for it" }
    });
    if let (Some(all), Value::Object(own)) =
        (rule_properties.as_object_mut(), kind_fields(&phrases))
    {
        all.extend(own);
    }
    json!({
        "$schema": DRAFT,
        "title": "newslint rule file",
        "type": "object",
        "additionalProperties": false,
        "required": ["rules"],
        "properties": { "rules": { "type": "array", "items": { "$ref": "#/definitions/rule" } } },
        "definitions": {
            "rule": {
                "type": "object",
                "required": ["code", "name", "kind", "severity", "message", "help", "why"],
                "properties": rule_properties,
                "allOf": per_kind
            }
        }
    })
}

/// The fields of the rule kinds beyond the common ones.
fn kind_fields(phrases: &Value) -> Value {
    json!({
        "phrases": phrases.clone(),
        "exceptions": words("Phrases over a match (or a cue) that give it another sense"),
        "pattern": { "type": "string", "description": "A regular expression (Rust regex syntax)" },
        "swap": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "string", "minLength": 1 } },
        "safe": { "type": "boolean" },
        "groups": { "type": "array", "items": { "type": "array", "minItems": 2, "items": { "type": "string", "minLength": 1 } } },
        "trigger": {
            "type": "object",
            "additionalProperties": false,
            "minProperties": 1,
            "properties": {
                "phrases": phrases.clone(),
                "pattern": { "type": "string" },
                "patterns": { "type": "array", "items": { "type": "string" } }
            }
        },
        "cues": words("Cue lemmas (claim, admit)"),
        "sources": words("Source head words that name no one without an affiliation (officials, critics)"),
        "unnamed": words("Words or phrases that leave a source unnamed whatever its affiliation (familiar with, some)"),
        "affiliations": words("Words before a source's head that tie it to an institution the story names (company, ministry)"),
        "unless": words("Words within the rule's scope that explain a source or say where a claim comes from")
    })
}

pub fn cues() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "newslint cue lexicon",
        "type": "object",
        "additionalProperties": false,
        "required": ["cues"],
        "properties": {
            "cues": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "oneOf": [{ "required": ["verb"] }, { "required": ["phrase"] }],
                    "properties": {
                        "verb": { "type": "string", "minLength": 1 },
                        "phrase": { "type": "string", "minLength": 1 },
                        "forms": { "type": "array", "items": { "type": "string", "minLength": 1 } },
                        "class": { "enum": ["speech", "addressed", "thought", "stance", "according"] },
                        "tone": { "enum": ["neutral", "loaded"] },
                        "complement": { "enum": ["clause", "noun", "clause-only"] },
                        "unless-followed-by": { "type": "array", "items": { "type": "string", "minLength": 1 } }
                    }
                }
            }
        }
    })
}
