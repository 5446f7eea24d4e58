use clap::{Parser, Subcommand, ValueEnum};
use newslint::checks;
use newslint::diagnostic::{self, Diagnostic, Severity};
use newslint::input::{self, InputError};
use newslint::report::diagnostics::{self, Files};
use newslint::walk::{self, Selection};
use newslint::{Attribution, Lexicon, SourceFile, analyse, report};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "newslint",
    version,
    about = "A linter for news copy: attribution, sourcing and discrepancies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Inputs {
    /// Files or folders to read; `-` reads standard input. Folders are walked for .txt/.md files,
    /// honouring .gitignore.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Which files in folders to read (globset syntax; `!pattern` excludes). Repeatable.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    globs: Vec<String>,
    /// Threads to use (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// A YAML cue lexicon adding to the embedded one (same shape as rules/attribution.yaml). Repeatable.
    #[arg(long = "cues", value_name = "FILE")]
    cues: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Lint copy: report unattributed quotations, unbalanced quotation marks and more.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// When to colour human output (NO_COLOR in the environment turns `auto` off).
        #[arg(long, value_enum, default_value_t = Colour::Auto)]
        color: Colour,
    },
    /// List who said what: one line per attribution, or JSON.
    Attributions {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value_t = AttributionFormat::Text)]
        format: AttributionFormat,
    },
    /// Print a rule's documentation.
    Explain {
        /// A rule code (`NL001`) or name (`unattributed-quote`).
        code: String,
    },
    /// List every rule: code, name, severity and what it finds.
    Rules,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Short,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Colour {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum AttributionFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            inputs,
            format,
            color,
        } => check(&inputs, format, color),
        Command::Attributions { inputs, format } => attributions(&inputs, format),
        Command::Explain { code } => explain(&code),
        Command::Rules => rules(),
    }
}

/// Reads every input (stdin first if named) and runs `work` on each file on all threads; results keep
/// the input order, with the files that could not be read as errors in their place.
fn read_inputs<T: Send>(
    inputs: &Inputs,
    selection: &Selection,
    work: impl Fn(SourceFile) -> T + Sync,
) -> Vec<Result<T, InputError>> {
    let named: Vec<PathBuf> = inputs
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let files = walk::discover(&named, selection);
    let threads = inputs.threads.unwrap_or_else(walk::default_threads);
    let mut results = Vec::new();
    if inputs.paths.iter().any(|p| p.as_os_str() == "-") {
        results.push(input::read_stdin().map(&work));
    }
    results.extend(walk::parallel_map(&files, threads, |path| {
        input::read_path(path).map(&work)
    }));
    results
}

/// The embedded lexicon, or a new one with the user's cue files added.
fn with_lexicon(paths: &[PathBuf], run: impl FnOnce(&Lexicon) -> ExitCode) -> ExitCode {
    if paths.is_empty() {
        return run(Lexicon::default_lexicon());
    }
    let mut sources = vec![(
        "rules/attribution.yaml".to_string(),
        newslint::grammar::lexicon::DEFAULT_LEXICON.to_string(),
    )];
    for path in paths {
        match std::fs::read_to_string(path) {
            Ok(text) => sources.push((path.display().to_string(), text)),
            Err(e) => return fail(&format!("{}: cannot be read: {e}", path.display())),
        }
    }
    let borrowed: Vec<(&str, &str)> = sources
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    match Lexicon::from_sources(&borrowed) {
        Ok(lexicon) => run(&lexicon),
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Writes to stdout; a closed pipe (`newslint … | head`) ends the program quietly.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

/// Splits results into what was read and reports what was not; true if anything failed.
fn report_input_errors<T>(results: Vec<Result<T, InputError>>) -> (Vec<T>, bool) {
    let mut ok = Vec::new();
    let mut failed = false;
    for result in results {
        match result {
            Ok(value) => ok.push(value),
            Err(e) => {
                failed = true;
                eprintln!("error: {e}");
            }
        }
    }
    (ok, failed)
}

fn check(inputs: &Inputs, format: CheckFormat, colour: Colour) -> ExitCode {
    with_lexicon(&inputs.cues, |lexicon| {
        let selection = match Selection::new(&inputs.globs) {
            Ok(selection) => selection,
            Err(e) => return fail(&format!("bad --glob: {e}")),
        };
        let results = read_inputs(inputs, &selection, |file| newslint::check(file, lexicon));
        let (checked, failed) = report_input_errors(results);
        let mut diagnostics: Vec<Diagnostic> = checked
            .iter()
            .flat_map(|(_, d)| d.iter().cloned())
            .collect();
        diagnostic::sort(&mut diagnostics);
        let files = Files::new(
            checked
                .iter()
                .map(|(a, _)| (a.file.path.as_str(), a.file.text.as_str())),
        );
        emit(&match format {
            CheckFormat::Human => diagnostics::human(&diagnostics, &files, use_colour(colour)),
            CheckFormat::Short => diagnostics::short(&diagnostics, &files),
            CheckFormat::Json => diagnostics::json(&diagnostics, &files),
        });
        if failed {
            ExitCode::from(2)
        } else if diagnostics.iter().any(|d| d.severity >= Severity::Warning) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    })
}

fn use_colour(choice: Colour) -> bool {
    match choice {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn explain(code: &str) -> ExitCode {
    match checks::find(code) {
        Some(rule) => {
            emit(&format!(
                "{} {} ({})\n\n{}\n\n{}",
                rule.code,
                rule.name,
                rule.severity.as_str(),
                rule.summary,
                rule.explanation
            ));
            ExitCode::SUCCESS
        }
        None => fail(&format!(
            "no rule has the code or name `{code}`; `newslint rules` lists them"
        )),
    }
}

fn rules() -> ExitCode {
    let lines: String = checks::RULES
        .iter()
        .map(|r| {
            format!(
                "{}  {:<22} {:<8} {}\n",
                r.code,
                r.name,
                r.severity.as_str(),
                r.summary
            )
        })
        .collect();
    emit(&lines);
    ExitCode::SUCCESS
}

fn attributions(inputs: &Inputs, format: AttributionFormat) -> ExitCode {
    with_lexicon(&inputs.cues, |lexicon| {
        let selection = match Selection::new(&inputs.globs) {
            Ok(selection) => selection,
            Err(e) => return fail(&format!("bad --glob: {e}")),
        };
        let (analyses, failed) = report_input_errors(read_inputs(inputs, &selection, |file| {
            analyse(file, lexicon)
        }));
        emit(&match format {
            AttributionFormat::Json => {
                let files: Vec<(&SourceFile, &[Attribution])> = analyses
                    .iter()
                    .map(|a| (&a.file, a.attributions.as_slice()))
                    .collect();
                report::attributions::json(&files)
            }
            AttributionFormat::Text => analyses
                .iter()
                .map(|a| report::attributions::text(&a.file, &a.attributions))
                .collect(),
        });
        if failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    })
}
