use clap::{Parser, Subcommand, ValueEnum};
use newslint::input::{self, InputError};
use newslint::walk::{self, Selection};
use newslint::{Lexicon, SourceFile, analyse, report};
use std::io::Write;
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
    /// List who said what: one line per attribution, or JSON.
    Attributions {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value_t = AttributionFormat::Text)]
        format: AttributionFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum AttributionFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Attributions { inputs, format } => attributions(&inputs, format),
    }
}

/// Reads every input and analyses it on all threads; results in input order, errors beside them.
fn analyse_inputs(
    inputs: &Inputs,
    lexicon: &Lexicon,
) -> Result<Vec<Result<newslint::Analysis, InputError>>, String> {
    let selection = Selection::new(&inputs.globs).map_err(|e| format!("bad --glob: {e}"))?;
    let stdin_named = inputs.paths.iter().any(|p| p.as_os_str() == "-");
    let named: Vec<PathBuf> = inputs
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let files = walk::discover(&named, &selection);
    let threads = inputs.threads.unwrap_or_else(walk::default_threads);
    let mut results = Vec::new();
    if stdin_named {
        results.push(input::read_stdin().map(|f| analyse(f, lexicon)));
    }
    results.extend(walk::parallel_map(&files, threads, |path| {
        input::read_path(path).map(|f| analyse(f, lexicon))
    }));
    Ok(results)
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

fn attributions(inputs: &Inputs, format: AttributionFormat) -> ExitCode {
    with_lexicon(&inputs.cues, |lexicon| {
        let results = match analyse_inputs(inputs, lexicon) {
            Ok(results) => results,
            Err(e) => return fail(&e),
        };
        let mut failed = false;
        let mut analyses = Vec::new();
        for result in results {
            match result {
                Ok(analysis) => analyses.push(analysis),
                Err(e) => {
                    failed = true;
                    eprintln!("error: {e}");
                }
            }
        }
        let out = match format {
            AttributionFormat::Json => {
                let files: Vec<(&SourceFile, &[newslint::Attribution])> = analyses
                    .iter()
                    .map(|a| (&a.file, a.attributions.as_slice()))
                    .collect();
                report::attributions::json(&files)
            }
            AttributionFormat::Text => analyses
                .iter()
                .map(|a| report::attributions::text(&a.file, &a.attributions))
                .collect(),
        };
        emit(&out);
        if failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    })
}
