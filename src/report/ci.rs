//! Formats for CI systems: SARIF 2.1.0 (code-scanning uploads) and GitHub Actions workflow commands
//! (one annotation per diagnostic).

use super::diagnostics::Files;
use crate::config::Scope;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::registry::RuleInfo;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Where SARIF's relative URIs start: the repository root (the nearest folder from the working
/// directory up that holds `.git`, else the working directory), named `SRCROOT` in the log, so
/// code-scanning maps every location to a file of the repository however the paths were given.
pub struct SarifRoot {
    root: PathBuf,
    scope: Scope,
}

impl SarifRoot {
    /// The root for a run from `cwd`.
    pub fn at(cwd: &Path) -> SarifRoot {
        let root = cwd
            .ancestors()
            .find(|d| d.join(".git").exists())
            .unwrap_or(cwd)
            .to_path_buf();
        SarifRoot {
            scope: Scope::new(&root, cwd),
            root,
        }
    }

    /// A path inside the root relative to `SRCROOT`; one outside it as a `file://` URI.
    fn artifact(&self, path: &str) -> Value {
        let relative = self.scope.relative(path);
        if relative.is_absolute() {
            json!({ "uri": file_uri(&relative) })
        } else {
            json!({ "uri": uri_path(&relative), "uriBaseId": "SRCROOT" })
        }
    }

    fn base_ids(&self) -> Value {
        let mut root = file_uri(&self.root);
        if !root.ends_with('/') {
            root.push('/');
        }
        json!({ "SRCROOT": { "uri": root } })
    }
}

fn file_uri(absolute: &Path) -> String {
    format!("file://{}", uri_path(absolute))
}

/// A path as a URI path: forward slashes, and every byte outside RFC 3986's unreserved and
/// path characters percent-encoded (a space, `#`, `?`, `%`, non-ASCII letters).
fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A SARIF region for a label: lines and columns (columns in code points, as `columnKind` says) and bytes.
fn location(label: &Label, files: &Files, root: &SarifRoot) -> Value {
    let (start_line, start_column) = files.line_column(&label.path, label.span.start);
    let (end_line, end_column) = files.line_column(&label.path, label.span.end);
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": root.artifact(&label.path),
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

/// A path as GitHub's `file=` wants it (forward slashes, no leading `./`).
fn uri(path: &str) -> String {
    path.trim_start_matches("./").replace('\\', "/")
}

/// The whole run as one SARIF 2.1.0 log.
pub fn sarif(
    diagnostics: &[Diagnostic],
    files: &Files,
    rules: &[RuleInfo],
    root: &SarifRoot,
) -> String {
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.description },
                "help": { "text": r.description },
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
                "locations": [location(&d.primary, files, root)],
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
                        let mut related = location(l, files, root);
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
            "originalUriBaseIds": root.base_ids(),
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

    #[test]
    fn locations_are_relative_to_the_repository_root_or_file_uris() {
        let root = SarifRoot {
            root: PathBuf::from("/news"),
            scope: Scope::new(Path::new("/news"), Path::new("/news/drafts")),
        };
        assert_eq!(
            root.artifact("./fire/v1 draft.md"),
            json!({ "uri": "drafts/fire/v1%20draft.md", "uriBaseId": "SRCROOT" })
        );
        assert_eq!(
            root.artifact("/tmp/wire/ap#1.txt"),
            json!({ "uri": "file:///tmp/wire/ap%231.txt" })
        );
        assert_eq!(
            root.base_ids(),
            json!({ "SRCROOT": { "uri": "file:///news/" } })
        );
    }
}
