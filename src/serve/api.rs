//! The JSON API: a draft (or several drafts of one story) posted as JSON goes through the same engine
//! as `newslint check`, and comes back in the same JSON as `check --format json` and
//! `attributions --format json`, written by the same reporters.
//!
//! The config, cue files and rules in force are those found when the server started. The only
//! drafts read from disk are the rest of a configured story set that a draft posted to
//! `/api/check` names itself part of, as `check` completes the set of a file it is given.

use crate::engine::{Analysis, Engine, Run};
use crate::input::{self, Format, SourceFile};
use crate::report::{attributions, diagnostics, diagnostics::Files};
use crate::serve::reply::Reply;
use crate::{Attribution, diagnostic::Diagnostic};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One draft: its text, the name to report it under (its extension says how to read it), and how
/// to read it when there is no name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub text: String,
    pub filename: Option<String>,
    pub format: Option<CopyFormat>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CopyFormat {
    Text,
    Markdown,
    Html,
}

impl CopyFormat {
    fn format(self) -> Format {
        match self {
            CopyFormat::Text => Format::Text,
            CopyFormat::Markdown => Format::Markdown,
            CopyFormat::Html => Format::Html,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            CopyFormat::Text => "txt",
            CopyFormat::Markdown => "md",
            CopyFormat::Html => "html",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Story {
    drafts: Vec<Draft>,
}

/// The most drafts one story request may hold.
pub const MAX_DRAFTS: usize = 100;

/// `POST /api/check`: the draft's diagnostics, as `check --format json` prints them.
pub fn check(engine: &Engine, body: &str) -> Reply {
    respond(parse::<Draft>(body).and_then(|draft| {
        let analysis = analyse(engine, draft, "draft")?;
        let checked = check_in_story_set(engine, analysis)?;
        Ok(diagnostics::json(&checked.diagnostics, &checked.files()))
    }))
}

/// One draft checked as `check` checks a file: when its `filename` falls in a story set of the
/// server's config, with the set's other drafts read from disk (relative to where the server runs),
/// so their discrepancies are found.
fn check_in_story_set(engine: &Engine, analysis: Analysis) -> Result<CheckedDrafts, Refusal> {
    let run = Run {
        story: false,
        record: &[],
        threads: Some(1),
    };
    let checked = engine
        .check_among(vec![analysis], &run, &[])
        .map_err(|e| e.to_string())?;
    Ok(CheckedDrafts {
        diagnostics: checked.diagnostics(),
        sources: checked
            .files
            .into_iter()
            .map(|(a, _)| a.file)
            .chain(checked.context.into_iter().map(|a| a.file))
            .collect(),
    })
}

/// `POST /api/attributions`: who said what in the draft, as `attributions --format json` prints it.
pub fn attributions(engine: &Engine, body: &str) -> Reply {
    respond(parse::<Draft>(body).and_then(|draft| {
        let analysis = analyse(engine, draft, "draft")?;
        Ok(attributions_json(&[analysis]))
    }))
}

/// `POST /api/story`: drafts of one story checked together, as `check --story --format json` checks
/// them: `{"diagnostics": […], "discrepancies": […], "attributions": […]}`, where `discrepancies` are
/// the diagnostics that point into more than one draft.
pub fn story(engine: &Engine, body: &str) -> Reply {
    respond(parse::<Story>(body).and_then(|story| {
        let analyses = analyse_drafts(engine, story.drafts)?;
        let who = attributions_json(&analyses);
        let checked = check_all(engine, analyses)?;
        let files = checked.files();
        let across: Vec<Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.secondary.iter().any(|l| l.path != d.primary.path))
            .cloned()
            .collect();
        Ok(format!(
            "{{\"diagnostics\": {}, \"discrepancies\": {}, \"attributions\": {}}}\n",
            diagnostics::json(&checked.diagnostics, &files).trim_end(),
            diagnostics::json(&across, &files).trim_end(),
            who.trim_end()
        ))
    }))
}

#[derive(Serialize)]
struct RuleJson<'a> {
    code: &'a str,
    name: &'a str,
    severity: crate::diagnostic::Severity,
    summary: &'a str,
    why: &'a str,
}

/// `GET /api/rules`: every rule in force, code rules first.
pub fn rules(engine: &Engine) -> Reply {
    let registry = engine.pack().registry();
    let out: Vec<RuleJson> = (registry.rules().iter())
        .map(|r| RuleJson {
            code: &r.code,
            name: &r.name,
            severity: r.severity,
            summary: &r.summary,
            why: &r.description,
        })
        .collect();
    Reply::json(serde_json::to_string_pretty(&out).expect("rule JSON serialises") + "\n")
}

/// A reason the request cannot be answered: a 400 with its message.
type Refusal = String;

fn respond(result: Result<String, Refusal>) -> Reply {
    match result {
        Ok(body) => Reply::json(body),
        Err(message) => Reply::error(400, message),
    }
}

fn parse<'a, T: Deserialize<'a>>(body: &'a str) -> Result<T, Refusal> {
    serde_json::from_str(body).map_err(|e| format!("bad request body: {e}"))
}

/// The drafts of a story, each under its own name (`draft-1.txt`, … when none is given).
fn analyse_drafts(engine: &Engine, drafts: Vec<Draft>) -> Result<Vec<Analysis>, Refusal> {
    if drafts.is_empty() {
        return Err("`drafts` is empty: post at least one draft".into());
    }
    if drafts.len() > MAX_DRAFTS {
        return Err(format!(
            "{} drafts posted; a story takes at most {MAX_DRAFTS}",
            drafts.len()
        ));
    }
    let mut analyses: Vec<Analysis> = Vec::with_capacity(drafts.len());
    for (i, draft) in drafts.into_iter().enumerate() {
        let analysis = analyse(engine, draft, &format!("draft-{}", i + 1))?;
        if analyses.iter().any(|a| a.file.path == analysis.file.path) {
            return Err(format!(
                "two drafts are named `{}`: each draft of a story needs its own filename",
                analysis.file.path
            ));
        }
        analyses.push(analysis);
    }
    Ok(analyses)
}

/// The draft as a file named `filename` (or `stem` with the format's extension), analysed as the
/// config says; a name in a format newslint does not read, or at odds with `format`, is refused,
/// and so is text none of which is copy (markup alone), as `check` refuses such a file.
fn analyse(engine: &Engine, draft: Draft, stem: &str) -> Result<Analysis, Refusal> {
    let path = file_name(&draft, stem)?;
    let analysis = engine.analyse(SourceFile::new(path, draft.text));
    let file = &analysis.file;
    if analysis.document.copy.blocks.is_empty() && !file.original().trim().is_empty() {
        return Err(format!(
            "no copy to check: `{}` holds text, but none of it is copy newslint reads (markup, front matter or code alone)",
            file.path
        ));
    }
    Ok(analysis)
}

fn file_name(draft: &Draft, stem: &str) -> Result<String, Refusal> {
    let Some(name) = &draft.filename else {
        let format = draft.format.unwrap_or(CopyFormat::Text);
        return Ok(format!("{stem}.{}", format.extension()));
    };
    if name.trim().is_empty() || name.contains('\0') {
        return Err("`filename` is empty or holds a NUL character".into());
    }
    input::refuse_unread_format(Path::new(name)).map_err(|e| e.to_string())?;
    let read_as = Format::from_path(name);
    if read_as == Format::Word {
        return Err(format!(
            "`{name}`: a Word document cannot be posted as text; post its text, or check the file with `newslint check`"
        ));
    }
    match draft.format {
        Some(format) if format.format() != read_as => Err(format!(
            "`filename` `{name}` is read as {read_as:?}, but `format` says {:?}; give a filename ending .{} or leave `format` out",
            format.format(),
            format.extension()
        )),
        _ => Ok(name.clone()),
    }
}

/// The drafts checked together with nothing read from disk (the given files are the whole story),
/// on the request's own thread: the server's workers are the parallelism.
fn check_all(engine: &Engine, analyses: Vec<Analysis>) -> Result<CheckedDrafts, Refusal> {
    let run = Run {
        story: true,
        record: &[],
        threads: Some(1),
    };
    let checked = engine.check(analyses, &run).map_err(|e| e.to_string())?;
    Ok(CheckedDrafts {
        diagnostics: checked.diagnostics(),
        sources: checked.files.into_iter().map(|(a, _)| a.file).collect(),
    })
}

struct CheckedDrafts {
    diagnostics: Vec<Diagnostic>,
    sources: Vec<SourceFile>,
}

impl CheckedDrafts {
    fn files(&self) -> Files<'_> {
        Files::new(self.sources.iter().map(|f| (f.path.as_str(), f.original())))
    }
}

fn attributions_json(analyses: &[Analysis]) -> String {
    let files: Vec<(&SourceFile, &[Attribution])> = analyses
        .iter()
        .map(|a| (&a.file, a.attributions.as_slice()))
        .collect();
    attributions::json(&files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Options;

    // Seed draft 003 (tests/fixtures/README.md): an unclosed “ and Sergei Lavrov.
    const SEED_003: &str = include_str!("../../tests/fixtures/seeds/003_c4404504afc26fe5.txt");
    // Seed draft 000: Sergey Lavrov.
    const SEED_000: &str = include_str!("../../tests/fixtures/seeds/000_f1e3116a09d4a900.txt");

    fn engine() -> Engine {
        Engine::new(&Options::default(), Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn body(value: serde_json::Value) -> String {
        value.to_string()
    }

    fn json(reply: &Reply) -> serde_json::Value {
        serde_json::from_str(&reply.body).unwrap()
    }

    #[test]
    fn a_posted_draft_gets_its_findings_under_its_name() {
        let reply = check(
            &engine(),
            &body(serde_json::json!({"text": SEED_003, "filename": "g20/003.txt"})),
        );
        assert_eq!(reply.status, 200, "{}", reply.body);
        let found = json(&reply);
        let unbalanced = found
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "NL002")
            .expect("the unclosed quotation mark is reported");
        assert_eq!(unbalanced["path"], "g20/003.txt");
        let start = unbalanced["start"].as_u64().unwrap() as usize;
        assert!(SEED_003[start..].starts_with('“'));
    }

    #[test]
    fn drafts_of_one_story_report_discrepancies_across_them() {
        let request = serde_json::json!({"drafts": [{"text": SEED_000}, {"text": SEED_003}]});
        let reply = story(&engine(), &body(request));
        assert_eq!(reply.status, 200, "{}", reply.body);
        let out = json(&reply);
        let across = out["discrepancies"].as_array().unwrap();
        let variant = across.iter().find(|d| d["code"] == "NL103").unwrap();
        assert_eq!(variant["path"], "draft-2.txt");
        assert_eq!(variant["labels"][0]["path"], "draft-1.txt");
        assert!(across.iter().all(|d| {
            d["labels"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["path"] != d["path"])
        }));
        assert_eq!(out["attributions"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn bad_requests_are_refused_with_the_reason() {
        let engine = engine();
        let refused = |reply: Reply| {
            assert_eq!(reply.status, 400, "{}", reply.body);
            json(&reply)["error"].as_str().unwrap().to_string()
        };
        assert!(refused(check(&engine, "{\"text\": ")).contains("EOF"));
        assert!(refused(check(&engine, "{\"txt\": \"a\"}")).contains("unknown field `txt`"));
        assert!(refused(check(&engine, "{\"text\": 3}")).contains("invalid type"));
        let odt = body(serde_json::json!({"text": "a", "filename": "a.odt"}));
        assert!(refused(check(&engine, &odt)).contains("does not read .odt"));
        let clash = body(serde_json::json!({"text": "a", "filename": "a.md", "format": "html"}));
        assert!(refused(check(&engine, &clash)).contains("`format` says Html"));
        let markup = body(serde_json::json!({"text": "<script>x()</script>", "format": "html"}));
        assert!(refused(attributions(&engine, &markup)).contains("no copy to check"));
        let twice = serde_json::json!({"drafts": [
            {"text": "a", "filename": "a.txt"}, {"text": "b", "filename": "a.txt"}]});
        assert!(refused(story(&engine, &body(twice))).contains("two drafts are named `a.txt`"));
        assert!(refused(story(&engine, "{\"drafts\": []}")).contains("at least one"));
    }

    #[test]
    fn html_is_read_as_html_and_reported_against_its_bytes() {
        let html = "<p>The two banks reportedly held talks.</p>";
        let reply = check(
            &engine(),
            &body(serde_json::json!({"text": html, "format": "html"})),
        );
        let found = json(&reply);
        let hedge = found
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "NL203")
            .unwrap();
        assert_eq!(hedge["path"], "draft.html");
        let start = hedge["start"].as_u64().unwrap() as usize;
        assert!(html[start..].starts_with("reportedly"));
    }
}
