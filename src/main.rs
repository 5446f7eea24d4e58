use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use newslint::checks;
use newslint::config::{self, Policy};
use newslint::diagnostic::{self, Diagnostic, Severity};
use newslint::error::LoadError;
use newslint::fix;
use newslint::input::{self, InputError};
use newslint::report::diagnostics::{self, Files};
use newslint::rules::{self, RuleSource};
use newslint::walk::{self, Selection};
use newslint::{Attribution, Lexicon, Pack, SourceFile, analyse, report};
use std::io::{IsTerminal, Write};
use std::ops::Deref;
use std::path::{Path, PathBuf};
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
    #[command(flatten)]
    setup: SetupArgs,
}

#[derive(clap::Args)]
struct SetupArgs {
    /// A YAML cue lexicon adding to the embedded one (same shape as rules/attribution.yaml). Repeatable.
    #[arg(long = "cues", value_name = "FILE")]
    cues: Vec<PathBuf>,
    /// The config file to use instead of the nearest .newslint.yaml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    inputs: Inputs,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// When to colour human output (NO_COLOR in the environment turns `auto` off).
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    color: Colour,
    /// Run only these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    select: Vec<String>,
    /// Do not run these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    ignore: Vec<String>,
    /// The lowest severity that makes the exit code 1 [default: warning, or the config's `fail-on`].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Apply the fixes that rules mark safe, rewriting each file atomically; report what is left.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the safe fixes as a unified diff instead of writing them (exit 1 if there are any).
    #[arg(long)]
    diff: bool,
    /// Treat all the files read as drafts of one story: also report discrepancies across them.
    #[arg(long)]
    story: bool,
    /// Source material (a transcript, a press release, wire copy) to check every direct quotation
    /// against. Repeatable.
    #[arg(long, value_name = "FILE")]
    against: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Note,
}

impl From<FailOn> for Severity {
    fn from(f: FailOn) -> Severity {
        match f {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Note => Severity::Note,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Lint copy with the code rules and the rule pack.
    Check(CheckArgs),
    /// List who said what: one line per attribution, or JSON.
    Attributions {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value_t = AttributionFormat::Text)]
        format: AttributionFormat,
    },
    /// Print a rule's documentation: why it matters, what it flags and passes, and the fix.
    Explain {
        /// A rule code (`NL001`) or name (`unattributed-quote`).
        code: String,
        #[command(flatten)]
        setup: SetupArgs,
    },
    /// List every rule: code, name, kind, severity and what it finds.
    Rules {
        #[command(flatten)]
        setup: SetupArgs,
    },
    /// Show the configuration in force: `--dump` prints it merged, as YAML.
    Config {
        /// Print the merged configuration.
        #[arg(long)]
        dump: bool,
        #[command(flatten)]
        setup: SetupArgs,
    },
    /// Print a JSON Schema for editors' YAML language servers.
    Schema {
        #[arg(value_enum, default_value_t = SchemaKind::Config)]
        kind: SchemaKind,
    },
    /// Print a shell completion script.
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff).
    Man,
    /// Run the examples of rule files: each `flag` line must be flagged by its rule, each `pass` line not.
    Test {
        /// Rule files or folders (default: the embedded rule pack).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Colour::Auto)]
        color: Colour,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    /// `.newslint.yaml`
    Config,
    /// Rule files (`rules/*.yaml`)
    Rules,
    /// Cue lexicons (`rules/attribution.yaml`, `--cues`)
    Cues,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Short,
    Json,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per diagnostic.
    Github,
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
    let run = match cli.command {
        Command::Check(args) => check(&args),
        Command::Attributions { inputs, format } => attributions(&inputs, format),
        Command::Explain { code, setup } => explain(&code, &setup),
        Command::Rules { setup } => list_rules(&setup),
        Command::Test { paths, color } => test_rules(&paths, color),
        Command::Config { dump, setup } => show_config(dump, &setup),
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Config => newslint::schema::config(),
                SchemaKind::Rules => newslint::schema::rules(),
                SchemaKind::Cues => newslint::schema::cues(),
            };
            emit(&(serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newslint", &mut out);
            emit(&String::from_utf8_lossy(&out));
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map(|()| {
                    emit(&String::from_utf8_lossy(&out));
                    ExitCode::SUCCESS
                })
                .map_err(|e| Failure::Message(e.to_string()))
        }
    };
    run.unwrap_or_else(|failure| failure.report())
}

/// Why a command stopped: a message, or a file that could not be loaded (shown against the file).
enum Failure {
    Message(String),
    Load(LoadError),
}

impl Failure {
    fn report(self) -> ExitCode {
        match self {
            Failure::Message(m) => eprintln!("error: {m}"),
            Failure::Load(e) => eprint!(
                "{}",
                diagnostics::load_error(&e, use_colour(Colour::Auto, true))
            ),
        }
        ExitCode::from(2)
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Failure {
        Failure::Load(e)
    }
}

/// The embedded default, or one built from the user's files.
enum Shared<T: 'static> {
    Default(&'static T),
    Custom(T),
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Default(t) => t,
            Shared::Custom(t) => t,
        }
    }
}

/// Config, cue lexicon and rule pack, as the project and the command line set them.
struct Setup {
    config: config::Config,
    lexicon: Shared<Lexicon>,
    pack: Shared<Pack>,
}

impl Setup {
    fn new(args: &SetupArgs) -> Result<Setup, Failure> {
        let cwd = std::env::current_dir()
            .map_err(|e| Failure::Message(format!("no working directory: {e}")))?;
        let loaded = config::load(args.config.as_deref(), &cwd)?;
        let cue_files: Vec<PathBuf> = loaded
            .config
            .cues
            .iter()
            .map(|p| loaded.base.join(p))
            .chain(args.cues.iter().cloned())
            .collect();
        let lexicon = if cue_files.is_empty() {
            Shared::Default(Lexicon::default_lexicon())
        } else {
            let mut sources = vec![(
                "rules/attribution.yaml".to_string(),
                newslint::grammar::lexicon::DEFAULT_LEXICON.to_string(),
            )];
            for path in &cue_files {
                sources.push((path.display().to_string(), read_text(path)?));
            }
            let borrowed: Vec<(&str, &str)> = sources
                .iter()
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .collect();
            Shared::Custom(Lexicon::from_sources(&borrowed)?)
        };
        let pack = if loaded.config.rules.is_empty() {
            Shared::Default(Pack::default_pack())
        } else {
            let mut files: Vec<RuleSource> = rules::default_sources();
            for folder in &loaded.config.rules {
                files.extend(rules::read_rule_sources(&loaded.base.join(folder))?);
            }
            Shared::Custom(Pack::load(files)?)
        };
        Ok(Setup {
            config: loaded.config,
            lexicon,
            pack,
        })
    }
}

fn read_text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::Message(format!("{}: cannot be read: {e}", path.display())))
}

/// Reads every input (stdin first if named) and runs `work` on each file on all threads; results keep
/// the input order, with the files that could not be read as errors in their place.
fn read_inputs<T: Send>(
    inputs: &Inputs,
    work: impl Fn(SourceFile) -> T + Sync,
) -> Result<Vec<Result<T, InputError>>, Failure> {
    let selection =
        Selection::new(&inputs.globs).map_err(|e| Failure::Message(format!("bad --glob: {e}")))?;
    let named: Vec<PathBuf> = inputs
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let files = walk::discover(&named, &selection);
    let threads = inputs.threads.unwrap_or_else(walk::default_threads);
    let mut results = Vec::new();
    if inputs.paths.iter().any(|p| p.as_os_str() == "-") {
        results.push(input::read_stdin().map(&work));
    }
    results.extend(walk::parallel_map(&files, threads, |path| {
        input::read_path(path).map(&work)
    }));
    Ok(results)
}

/// The file with the kind of copy the config's overrides give its path (`kind: opinion`), which
/// takes precedence over its front matter.
fn with_genre(mut file: SourceFile, policy: &Policy) -> SourceFile {
    if let Some(genre) = policy.genre(&file.path) {
        file.genre = genre;
    }
    file
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

fn use_colour(choice: Colour, stderr: bool) -> bool {
    let terminal = if stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    match choice {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal,
    }
}

fn check(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let setup = Setup::new(&args.inputs.setup)?;
    let cli_fail_on = args.fail_on.map(Severity::from);
    let policy = Policy::new(&setup.config, &args.select, &args.ignore, cli_fail_on)
        .map_err(Failure::Message)?;
    let (analyses, mut failed) = report_input_errors(read_inputs(&args.inputs, |f| {
        analyse(with_genre(f, &policy), &setup.lexicon)
    })?);
    let groups = story_groups(&analyses, args.story, &setup.config).map_err(Failure::Message)?;
    let threads = args.inputs.threads.unwrap_or_else(walk::default_threads);
    let found: Vec<Vec<(usize, Vec<Diagnostic>)>> = walk::parallel_map(&groups, threads, |group| {
        let members: Vec<&newslint::Analysis> = group.iter().map(|&i| &analyses[i]).collect();
        group
            .iter()
            .copied()
            .zip(newslint::check_story(
                &members,
                &setup.pack,
                &setup.config.discrepancy,
            ))
            .collect()
    });
    let mut per_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); analyses.len()];
    for (i, d) in found.into_iter().flatten() {
        per_file[i] = policy.apply(&analyses[i].file.path, d);
    }
    let mut checked: Vec<(newslint::Analysis, Vec<Diagnostic>)> =
        analyses.into_iter().zip(per_file).collect();
    let mut record = Vec::new();
    for path in &args.against {
        match input::read_path(path) {
            Ok(file) => record.push(file),
            Err(e) => return Err(Failure::Message(e.to_string())),
        }
    }
    if !record.is_empty() {
        let refs: Vec<&newslint::Analysis> = checked.iter().map(|(a, _)| a).collect();
        let found = newslint::discrepancy::against_record(&refs, &record);
        for (analysis, kept) in checked.iter_mut() {
            let mine: Vec<Diagnostic> = found
                .iter()
                .filter(|d| d.primary.path == analysis.file.path)
                .cloned()
                .collect();
            kept.extend(policy.apply(&analysis.file.path, mine));
        }
    }
    if args.diff {
        let diffs: String = checked
            .iter()
            .map(|(a, d)| fix::unified_diff(&a.file.path, &a.file.text, &fix::safe_fixes(d)))
            .collect();
        emit(&diffs);
        let code = if failed {
            2
        } else {
            u8::from(!diffs.is_empty())
        };
        return Ok(ExitCode::from(code));
    }
    if args.fix {
        let lint = |file: SourceFile| {
            let file = with_genre(file, &policy);
            let (analysis, found) = newslint::check(file, &setup.lexicon, &setup.pack);
            let kept = policy.apply(&analysis.file.path, found);
            (analysis, kept)
        };
        failed |= fix_files(&mut checked, &lint);
    }
    let mut found: Vec<Diagnostic> = checked
        .iter()
        .flat_map(|(_, d)| d.iter().cloned())
        .collect();
    diagnostic::sort(&mut found);
    let drafts = checked
        .iter()
        .map(|(a, _)| (a.file.path.as_str(), a.file.text.as_str()));
    let files = Files::new(drafts.chain(record.iter().map(|f| (f.path.as_str(), f.text.as_str()))));
    emit(&match args.format {
        CheckFormat::Human => diagnostics::human(&found, &files, use_colour(args.color, false)),
        CheckFormat::Short => diagnostics::short(&found, &files),
        CheckFormat::Json => diagnostics::json(&found, &files),
        CheckFormat::Sarif => report::ci::sarif(&found, &files, &rule_infos(&setup.pack)),
        CheckFormat::Github => report::ci::github(&found, &files),
    });
    Ok(if failed {
        ExitCode::from(2)
    } else if found.iter().any(|d| policy.fails(d, cli_fail_on)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes each file's safe fixes atomically, then checks the fixed text again so what is reported is
/// what is left, at its new place; true if a file could not be written.
fn fix_files(
    checked: &mut [(newslint::Analysis, Vec<Diagnostic>)],
    lint: &dyn Fn(SourceFile) -> (newslint::Analysis, Vec<Diagnostic>),
) -> bool {
    let (mut fixed, mut files, mut failed) = (0, 0, false);
    for entry in checked.iter_mut() {
        let fixes = fix::safe_fixes(&entry.1);
        if fixes.is_empty() {
            continue; // a file with nothing to fix is never touched
        }
        let path = entry.0.file.path.clone();
        if path == "<stdin>" {
            eprintln!("error: standard input cannot be fixed in place; use --diff");
            failed = true;
            continue;
        }
        let text = fix::apply(&entry.0.file.text, &fixes);
        match fix::write_atomically(Path::new(&path), &text) {
            Ok(()) => {
                fixed += fixes.len();
                files += 1;
                *entry = lint(SourceFile::new(path, text));
            }
            Err(e) => {
                eprintln!("error: {path}: cannot be written: {e}");
                failed = true;
            }
        }
    }
    if fixed > 0 {
        eprintln!(
            "fixed {fixed} finding{} in {files} file{}",
            plural(fixed),
            plural(files)
        );
    }
    failed
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Which files are checked together: all of them with `--story`; else each story set the config declares
/// (by globs), and every other file alone.
fn story_groups(
    analyses: &[newslint::Analysis],
    story: bool,
    config: &config::Config,
) -> Result<Vec<Vec<usize>>, String> {
    if story {
        return Ok(vec![(0..analyses.len()).collect()]);
    }
    let mut sets = Vec::new();
    for set in &config.stories {
        let mut globs = globset::GlobSetBuilder::new();
        for p in &set.paths {
            globs.add(globset::Glob::new(p).map_err(|e| format!("bad glob in `stories`: {e}"))?);
        }
        sets.push(globs.build().map_err(|e| e.to_string())?);
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); sets.len()];
    let mut alone = Vec::new();
    for (i, a) in analyses.iter().enumerate() {
        let path = a.file.path.trim_start_matches("./");
        match sets.iter().position(|s| s.is_match(path)) {
            Some(g) => groups[g].push(i),
            None => alone.push(vec![i]),
        }
    }
    groups.retain(|g| !g.is_empty());
    groups.extend(alone);
    Ok(groups)
}

/// `newslint config --dump`: the configuration in force (the file found, or the defaults), as YAML.
fn show_config(dump: bool, args: &SetupArgs) -> Result<ExitCode, Failure> {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure::Message(format!("no working directory: {e}")))?;
    let loaded = config::load(args.config.as_deref(), &cwd)?;
    let source = loaded
        .path
        .as_ref()
        .map_or("defaults (no .newslint.yaml found)".to_string(), |p| {
            p.display().to_string()
        });
    if !dump {
        emit(&format!("configuration: {source}\n"));
        return Ok(ExitCode::SUCCESS);
    }
    let mut merged = loaded.config;
    merged.cues.extend(args.cues.iter().cloned());
    merged.fail_on.get_or_insert(Severity::Warning);
    let yaml = serde_yaml::to_string(&merged).map_err(|e| Failure::Message(e.to_string()))?;
    emit(&format!("# from: {source}\n{yaml}"));
    Ok(ExitCode::SUCCESS)
}

/// Every rule, code rules first, as SARIF describes them.
fn rule_infos(pack: &Pack) -> Vec<report::ci::RuleInfo> {
    let code = checks::RULES.iter().map(|r| report::ci::RuleInfo {
        code: r.code.to_string(),
        name: r.name.to_string(),
        summary: r.summary.to_string(),
        why: r.explanation.to_string(),
        severity: r.severity,
    });
    let yaml = pack.rules.iter().map(|l| report::ci::RuleInfo {
        code: l.rule.code.0.clone(),
        name: l.rule.name.0.clone(),
        summary: l.rule.message.0.clone(),
        why: l.rule.why.trim().to_string(),
        severity: l.rule.severity,
    });
    code.chain(yaml).collect()
}

fn attributions(inputs: &Inputs, format: AttributionFormat) -> Result<ExitCode, Failure> {
    let setup = Setup::new(&inputs.setup)?;
    let (analyses, failed) =
        report_input_errors(read_inputs(inputs, |file| analyse(file, &setup.lexicon))?);
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
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn explain(code: &str, args: &SetupArgs) -> Result<ExitCode, Failure> {
    if let Some(rule) = checks::find(code) {
        emit(&format!(
            "{} {} ({})\n\n{}\n\n{}",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary,
            rule.explanation
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let setup = Setup::new(args)?;
    let loaded = setup.pack.find(code).ok_or_else(|| {
        Failure::Message(format!(
            "no rule has the code or name `{code}`; `newslint rules` lists them"
        ))
    })?;
    emit(&report::rules::explain(&loaded.rule));
    Ok(ExitCode::SUCCESS)
}

fn list_rules(args: &SetupArgs) -> Result<ExitCode, Failure> {
    let setup = Setup::new(args)?;
    emit(&report::rules::list(checks::RULES, &setup.pack));
    Ok(ExitCode::SUCCESS)
}

fn test_rules(paths: &[PathBuf], colour: Colour) -> Result<ExitCode, Failure> {
    let pack = if paths.is_empty() {
        Shared::Default(Pack::default_pack())
    } else {
        let mut files = Vec::new();
        for path in paths {
            files.extend(rules::read_rule_sources(path)?);
        }
        Shared::Custom(Pack::load(files)?)
    };
    let outcome = rules::examples::run(&pack, Lexicon::default_lexicon());
    let files = Files::new(
        pack.files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str())),
    );
    emit(&diagnostics::human(
        &outcome.failures,
        &files,
        use_colour(colour, false),
    ));
    emit(&format!(
        "{} passed, {} failed\n",
        outcome.passed,
        outcome.failures.len()
    ));
    Ok(if outcome.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
