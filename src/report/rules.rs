//! `newslint rules`: the rule registry as a table (`newslint explain` prints a record's
//! `explanation` as it is).

use crate::registry::Registry;

/// One line per rule: code, name, kind, severity, and what it is for.
pub fn list(registry: &Registry) -> String {
    registry
        .rules()
        .iter()
        .map(|r| {
            format!(
                "{}  {:<26} {:<18} {:<8} {}\n",
                r.code,
                r.name,
                r.kind,
                r.severity.as_str(),
                r.summary
            )
        })
        .collect()
}
