//! Formats for CI systems: SARIF 2.1.0 (code-scanning uploads) and GitHub Actions workflow commands
//! (one annotation per diagnostic).

use super::diagnostics::Files;
use crate::diagnostic::{Diagnostic, Label, Severity};
use serde_json::{Value, json};

/// What SARIF's `tool.driver.rules` says of a rule.
pub struct RuleInfo {
    pub code: String,
    pub name: String,
    pub summary: String,
    pub why: String,
    pub severity: Severity,
}

impl RuleInfo {
    /// Every rule, code rules first, as SARIF describes them.
    pub fn all(pack: &crate::rules::Pack) -> Vec<RuleInfo> {
        let code = crate::checks::RULES.iter().map(|r| RuleInfo {
            code: r.code.to_string(),
            name: r.name.to_string(),
            summary: r.summary.to_string(),
            why: r.explanation.to_string(),
            severity: r.severity,
        });
        let yaml = pack.rules.iter().map(|l| RuleInfo {
            code: l.rule.code.0.clone(),
            name: l.rule.name.0.clone(),
            summary: l.rule.message.0.clone(),
            why: l.rule.why.trim().to_string(),
            severity: l.rule.severity,
        });
        code.chain(yaml).collect()
    }
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A SARIF region for a label: lines and columns (columns in code points, as `columnKind` says) and bytes.
fn location(label: &Label, files: &Files) -> Value {
    let (start_line, start_column) = files.line_column(&label.path, label.span.start);
    let (end_line, end_column) = files.line_column(&label.path, label.span.end);
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&label.path) },
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
                "byteOffset": label.span.start,
                "byteLength": label.span.len(),
            }
        }
    });
    if !label.message.is_empty() {
        location["message"] = json!({ "text": label.message });
    }
    location
}

/// A relative path as a URI reference (forward slashes, no leading `./`).
fn uri(path: &str) -> String {
    path.trim_start_matches("./").replace('\\', "/")
}

/// The whole run as one SARIF 2.1.0 log.
pub fn sarif(diagnostics: &[Diagnostic], files: &Files, rules: &[RuleInfo]) -> String {
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.why },
                "help": { "text": r.why },
                "defaultConfiguration": { "level": sarif_level(r.severity) },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut result = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": { "text": message_with_help(d) },
                "locations": [location(&d.primary, files)],
            });
            if let Some(index) = rules.iter().position(|r| r.code == d.code) {
                result["ruleIndex"] = json!(index);
            }
            if !d.secondary.is_empty() {
                let related: Vec<Value> = d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut related = location(l, files);
                        related["id"] = json!(i);
                        related
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "newslint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF serialises") + "\n"
}

fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.clone(),
    }
}

/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one line per diagnostic.
pub fn github(diagnostics: &[Diagnostic], files: &Files) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let (line, col) = files.line_column(&d.primary.path, d.primary.span.start);
            let (end_line, end_col) = files.line_column(&d.primary.path, d.primary.span.end);
            format!(
                "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                property(&uri(&d.primary.path)),
                property(&format!("{} {}", d.code, d.name)),
                data(&message_with_help(d)),
            )
        })
        .collect()
}

/// Escaping for a workflow command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a workflow command's property values.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(data("50% of\nit"), "50%25 of%0Ait");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
