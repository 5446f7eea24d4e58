//! NL003 suppression-without-reason and NL004 unused-suppression: reported by `suppress::apply` while it
//! applies a file's suppressions, listed here so `rules` and `explain` know them.

use super::CodeRule;
use crate::suppress;

pub const WITHOUT_REASON: CodeRule = CodeRule {
    code: suppress::WITHOUT_REASON.code,
    name: suppress::WITHOUT_REASON.name,
    severity: suppress::WITHOUT_REASON.severity,
    summary: "A suppression that gives no reason",
    explanation: "\
## What it does
Notes a `newslint-disable…` directive with no reason after `--`.

## Why is this bad?
A suppression hides a finding from every later reader of the copy. The reason is what lets the next
editor judge whether it still holds.

## Example
    <!-- newslint-disable-next-line NL203 -->

Say why:

    <!-- newslint-disable-next-line NL203 -- quoted from the court filing -->
",
    check: None,
};

pub const UNUSED: CodeRule = CodeRule {
    code: suppress::UNUSED.code,
    name: suppress::UNUSED.name,
    severity: suppress::UNUSED.severity,
    summary: "A suppression that hides nothing",
    explanation: "\
## What it does
Notes a `newslint-disable…` directive that hid no finding: the copy it covered changed, or its codes or
its place are wrong.

## Why is this bad?
A stale suppression will silently hide the next real finding that lands in its scope.

## Example
A `newslint-disable-next-line NL203` above a paragraph that no longer says \"reportedly\": remove it.
",
    check: None,
};
