//! JSON Schemas (draft 7) for `.newslint.yaml`, rule files and cue lexicons, so a YAML language server
//! can check them as they are written. `newslint schema config|rules|cues` prints them.

use serde_json::{Value, json};

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

fn severity() -> Value {
    json!({ "enum": ["error", "warning", "note"] })
}

fn strings(description: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string" }, "description": description })
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
                        "fail-on": severity()
                    }
                }
            }
        }
    })
}

/// The fields each rule kind takes beyond the common ones.
const KIND_FIELDS: &[(&str, &[&str], &[&str])] = &[
    ("phrase", &["phrases", "exceptions"], &["phrases"]),
    ("pattern", &["pattern"], &["pattern"]),
    ("substitution", &["swap", "safe"], &["swap"]),
    ("consistency", &["groups"], &["groups"]),
    ("needs-attribution", &["trigger"], &["trigger"]),
    ("attribution", &["cues", "sources", "unless"], &[]),
];

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
];

pub fn rules() -> Value {
    let phrases =
        json!({ "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } });
    let per_kind: Vec<Value> = KIND_FIELDS
        .iter()
        .map(|(kind, fields, required)| {
            let allowed: Vec<&str> = COMMON_FIELDS.iter().chain(fields.iter()).copied().collect();
            json!({
                "if": { "properties": { "kind": { "const": kind } } },
                "then": { "required": required, "propertyNames": { "enum": allowed } }
            })
        })
        .collect();
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
                "properties": {
                    "code": { "type": "string", "pattern": "^NL[0-9]{3}$", "description": "Stable code, unique across loaded files" },
                    "name": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Kebab-case, names the problem" },
                    "kind": { "enum": KIND_FIELDS.iter().map(|(k, _, _)| *k).collect::<Vec<_>>() },
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
                    "scope": { "enum": ["sentence", "paragraph"] },
                    "phrases": phrases,
                    "exceptions": strings("Longer phrases containing a match that mean something else"),
                    "pattern": { "type": "string", "description": "A regular expression (Rust regex syntax)" },
                    "swap": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "string", "minLength": 1 } },
                    "safe": { "type": "boolean" },
                    "groups": { "type": "array", "items": { "type": "array", "minItems": 2, "items": { "type": "string", "minLength": 1 } } },
                    "trigger": {
                        "type": "object",
                        "additionalProperties": false,
                        "minProperties": 1,
                        "properties": { "phrases": phrases, "pattern": { "type": "string" } }
                    },
                    "cues": strings("Cue lemmas (claim, admit)"),
                    "sources": strings("Source head words that name no one (officials, sources)"),
                    "unless": strings("Words in the sentence that explain a vague source")
                },
                "allOf": per_kind
            }
        }
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
