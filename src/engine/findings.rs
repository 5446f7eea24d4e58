//! What the rules and the discrepancy checks find in one file, and in the drafts of one story,
//! before the policy: the steps `check`, the language server, the fuzz targets and the benchmark run
//! on files already analysed.

use crate::diagnostic::{self, Diagnostic};
use crate::{
    Analysis, Lexicon, Pack, Parsed, SourceFile, analyse, discrepancy, fix, rules, suppress,
};

/// Whether the caller of a check applies fixes (`--fix`, `--diff`, an editor's code actions), so that
/// it needs every finding with a fix, or only reports them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fixes {
    Applied,
    Reported,
}

/// The code rules and the rule pack on one analysed file (no suppressions, no discrepancies). A rule
/// with more findings than a report shows keeps those it shows and a count (`diagnostic::Found`),
/// except the findings a later step needs: those a suppression hides (held as their place alone,
/// for the suppression to be counted used) and, when fixes are applied, those with a fix.
pub fn lint(analysis: &Analysis, pack: &Pack, fixes: Fixes) -> Vec<Diagnostic> {
    linted(analysis, pack, fixes).0
}

/// `lint`, and the file's uses of consistency variants, which a story's check reads across its drafts.
fn linted(analysis: &Analysis, pack: &Pack, fixes: Fixes) -> (Vec<Diagnostic>, rules::VariantUses) {
    let covered = suppress::Covered::of(&analysis.file, &analysis.document);
    lint_covered(analysis, pack, fixes, &covered)
}

/// `lint`, with the file's suppressions read before (its text may be set aside).
fn lint_covered(
    analysis: &Analysis,
    pack: &Pack,
    fixes: Fixes,
    covered: &suppress::Covered,
) -> (Vec<Diagnostic>, rules::VariantUses) {
    let hidden = |d: &Diagnostic| covered.hides(d);
    let may_cut = |d: &Diagnostic| (fixes == Fixes::Reported || d.fix.is_none()) && !hidden(d);
    let mut found = diagnostic::Found::new(&may_cut).hiding(&hidden);
    let uses = rules::run(pack, analysis, &mut found);
    crate::checks::run(analysis, &mut found);
    (found.into_vec(), uses)
}

/// Parses a file and runs everything on it alone: the code rules, the rule pack, discrepancies within
/// the draft, then the draft's suppressions; spans and fixes placed in the file as given (a file read
/// with invisible characters taken out, or from HTML or Word, is read in another text).
pub fn check_file(file: SourceFile, lexicon: &Lexicon, pack: &Pack) -> (Analysis, Vec<Diagnostic>) {
    let analysis = analyse(file, lexicon);
    let mut diagnostics = lint(&analysis, pack, Fixes::Applied);
    diagnostics.extend(discrepancy::find(
        &[&analysis],
        &discrepancy::Thresholds::default(),
    ));
    let mapped = fix::MappedFiles::new([&analysis.file]);
    let diagnostics = suppress::apply(&analysis, diagnostics)
        .into_iter()
        .map(|d| fix::to_original(d, &mapped))
        .collect();
    (analysis, diagnostics)
}

/// Drafts of one story: each file's own findings, plus the discrepancies within and across them, each
/// file's suppressions applied to the findings placed in it.
pub fn check_story(
    analyses: &[&Analysis],
    pack: &Pack,
    limits: &discrepancy::Thresholds,
) -> Vec<Vec<Diagnostic>> {
    analyses
        .iter()
        .zip(story_findings(analyses, pack, limits, Fixes::Applied))
        .map(|(a, found)| suppress::apply(a, found))
        .collect()
}

/// A draft analysed and checked alone, as `analyse`, `story_findings` and `suppress::apply` check a
/// story of one: its own findings and its discrepancies, its suppressions applied; and the file, the
/// rest of its analysis dropped. Its suppressions are read first; the grammar, the rules, the code
/// checks and the discrepancy checks read the copy view alone, so the file's text is set aside while
/// they run (`Parsed::into_file_after`): in the check of a long file, text and view were the largest
/// things held while the grammar and the checks built their lists and indices.
pub(super) fn file_findings(
    parsed: Parsed,
    lexicon: &Lexicon,
    pack: &Pack,
    limits: &discrepancy::Thresholds,
    fixes: Fixes,
) -> (SourceFile, Vec<Diagnostic>) {
    let covered = suppress::Covered::of(&parsed.file, &parsed.document);
    let (file, found) = parsed.into_file_after(lexicon, |a| {
        let (mut found, _) = lint_covered(a, pack, fixes, &covered);
        found.extend(
            discrepancy::find(&[a], limits)
                .into_iter()
                .filter(|d| d.primary.path == a.file.path),
        );
        found
    });
    let found = covered.apply(&file.path, found);
    (file, found)
}

/// Each draft's own findings and the discrepancies placed in it, before suppressions.
pub(super) fn story_findings(
    analyses: &[&Analysis],
    pack: &Pack,
    limits: &discrepancy::Thresholds,
    fixes: Fixes,
) -> Vec<Vec<Diagnostic>> {
    let (mut per_file, uses): (Vec<Vec<Diagnostic>>, Vec<rules::VariantUses>) =
        analyses.iter().map(|a| linted(a, pack, fixes)).unzip();
    let across = if analyses.len() > 1 {
        rules::check_across(pack, analyses, &uses)
    } else {
        Vec::new()
    };
    for d in discrepancy::find(analyses, limits)
        .into_iter()
        .chain(across)
    {
        if let Some(i) = analyses.iter().position(|a| a.file.path == d.primary.path) {
            per_file[i].push(d);
        }
    }
    per_file
}
