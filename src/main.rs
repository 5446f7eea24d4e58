//! The command line: each command's run, the choice of reporter, and the exit code. The arguments
//! are clap's definitions in `cli.rs`; everything else is the library's (`newslint::engine` runs the
//! pipeline).

mod cli;
mod stdout;

use clap::{CommandFactory, Parser};
use cli::{
    AttributionFormat, CheckArgs, CheckFormat, Cli, Colour, Command, Inputs, SchemaKind, ServeArgs,
    SetupArgs,
};
use newslint::diagnostic::{Diagnostic, Severity};
use newslint::engine::{self, Analysis, Engine, Error, Options, Run};
use newslint::report::ci::SarifRoot;
use newslint::report::{self, diagnostics, diagnostics::Files};
use newslint::{Attribution, Lexicon, Pack, SourceFile, checks, config, schema};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use stdout::{Streamed, emit};

fn main() -> ExitCode {
    run(Cli::parse().command).unwrap_or_else(|error| {
        match error {
            Error::Message(m) => eprintln!("error: {m}"),
            Error::Load(e) => eprint!(
                "{}",
                diagnostics::load_error(&e, colour(Colour::Auto, true))
            ),
        }
        ExitCode::from(2)
    })
}

fn run(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Check(args) => check(&args),
        Command::Attributions { inputs, format } => attributions(&inputs, format),
        Command::Explain { code, setup } => emit(&explain(&code, &setup)?),
        Command::Rules { setup } => emit(&report::rules::list(
            &engine(&setup, Options::default())?.pack().registry(),
        )),
        Command::Test { paths, color } => test_rules(&paths, color),
        Command::Config { dump, setup } => emit(&config::describe(
            setup.config.as_deref(),
            &setup.cues,
            dump,
        )?),
        Command::Schema { kind } => emit(&schema::named(match kind {
            SchemaKind::Config => "config",
            SchemaKind::Rules => "rules",
            SchemaKind::Cues => "cues",
        })),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newslint", &mut out);
            emit(&String::from_utf8_lossy(&out))
        }
        Command::Serve(args) => serve(&args),
        Command::Lsp { setup } => {
            newslint::lsp::serve(Options {
                config: setup.config,
                cues: setup.cues,
                ..Options::default()
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| Error::Message(e.to_string()))?;
            emit(&String::from_utf8_lossy(&out))
        }
    }
}

/// What `newslint explain` prints for the rule with this code or name. A built-in rule is explained
/// without reading the config or the rule pack.
fn explain(code: &str, setup: &SetupArgs) -> Result<String, Error> {
    let built_in = checks::registry().find(code).cloned();
    let rule = match built_in {
        Some(rule) => Some(rule),
        None => engine(setup, Options::default())?
            .pack()
            .registry()
            .find(code)
            .cloned(),
    };
    rule.map(|r| r.explanation).ok_or_else(|| {
        Error::Message(format!(
            "no rule has the code or name `{code}`; `newslint rules` lists them"
        ))
    })
}

/// The engine for the setup options, with `options`' rule choices.
fn engine(setup: &SetupArgs, options: Options) -> Result<Engine, Error> {
    Engine::here(&Options {
        config: setup.config.clone(),
        cues: setup.cues.clone(),
        ..options
    })
}

/// Reads and analyses the inputs and reports the files that could not be read (true if any).
fn read(engine: &Engine, inputs: &Inputs) -> Result<(Vec<Analysis>, bool), Error> {
    let (analyses, errors) = engine.read(&inputs.paths, &inputs.globs, inputs.threads)?;
    errors.iter().for_each(|e| eprintln!("error: {e}"));
    Ok((analyses, !errors.is_empty()))
}

fn check(args: &CheckArgs) -> Result<ExitCode, Error> {
    let choices = Options {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        fail_on: args.fail_on.map(Severity::from),
        changed_since: args.changed_since.clone(),
        ..Options::default()
    };
    let engine = engine(&args.inputs.setup, choices)?;
    let whole = args.story || !args.against.is_empty() || args.fix || args.diff;
    if !whole && !matches!(args.format, CheckFormat::Sarif) {
        return check_each(&engine, args);
    }
    let (analyses, mut failed) = read(&engine, &args.inputs)?;
    let record = Engine::read_record(&args.against)?;
    let run = Run {
        story: args.story,
        record: &record,
        threads: args.inputs.threads,
    };
    let mut checked = engine.check(analyses, &run)?;
    if args.diff {
        let diff = checked.diff();
        emit(&diff)?;
        return Ok(ExitCode::from(if failed {
            2
        } else {
            u8::from(!diff.is_empty())
        }));
    }
    if args.fix {
        let fixed = engine.fix(checked, &run)?;
        fixed.errors.iter().for_each(|e| eprintln!("error: {e}"));
        fixed.summary().into_iter().for_each(|s| eprintln!("{s}"));
        failed |= !fixed.errors.is_empty();
        checked = fixed.checked;
    }
    let found = checked.diagnostics();
    let drafts = checked.files.iter().map(|(a, _)| &a.file);
    let files = Files::new(
        drafts
            .chain(checked.context.iter().map(|a| &a.file))
            .chain(&record)
            .map(|f| (f.path.as_str(), f.original())),
    );
    emit(&match args.format {
        CheckFormat::Human => diagnostics::human(&found, &files, colour(args.color, false)),
        CheckFormat::Short => diagnostics::short(&found, &files),
        CheckFormat::Json => diagnostics::json(&found, &files),
        CheckFormat::Sarif => report::ci::sarif(
            &found,
            &files,
            engine.pack().registry().rules(),
            &SarifRoot::at(&std::env::current_dir().unwrap_or_default()),
        ),
        CheckFormat::Github => report::ci::github(&found, &files),
    })?;
    let fails = found.iter().any(|d| engine.fails(d));
    Ok(ExitCode::from(if failed { 2 } else { u8::from(fails) }))
}

/// `check` written path by path as each is checked (each file alone or with its story set), which
/// holds one file's analysis per thread, not every file's; SARIF, one document, is written whole.
fn check_each(engine: &Engine, args: &CheckArgs) -> Result<ExitCode, Error> {
    let colour = colour(args.color, false);
    let render = |read: &[&SourceFile], found: &[Diagnostic]| {
        let files = Files::new(read.iter().map(|f| (f.path.as_str(), f.original())));
        let text = match args.format {
            CheckFormat::Human => diagnostics::human(found, &files, colour),
            CheckFormat::Short => diagnostics::short(found, &files),
            CheckFormat::Json => diagnostics::json_items(found, &files),
            CheckFormat::Github => report::ci::github(found, &files),
            CheckFormat::Sarif => unreachable!("SARIF is one document, written whole"),
        };
        (text, found.iter().any(|d| engine.fails(d)))
    };
    let mut reports = Streamed::new(matches!(args.format, CheckFormat::Json));
    let mut fails = false;
    let inputs = &args.inputs;
    engine.check_each(
        &inputs.paths,
        &inputs.globs,
        inputs.threads,
        render,
        |piece| {
            reports.take(piece.map(|(text, fail)| {
                fails |= fail;
                text
            }))
        },
    )?;
    let unreadable = reports.finish()?;
    Ok(ExitCode::from(if unreadable { 2 } else { u8::from(fails) }))
}

/// Written file by file as each is read and analysed.
fn attributions(inputs: &Inputs, format: AttributionFormat) -> Result<ExitCode, Error> {
    let engine = engine(&inputs.setup, Options::default())?;
    let mut reports = Streamed::new(matches!(format, AttributionFormat::Json));
    let write = |out: &mut dyn Write, (file, found): &(SourceFile, Vec<Attribution>)| match format {
        AttributionFormat::Json => report::attributions::write_json_item(out, file, found),
        AttributionFormat::Text => report::attributions::write_text(out, file, found),
    };
    engine.attributions_each(&inputs.paths, &inputs.globs, inputs.threads, |piece| {
        reports.take_written(piece, write)
    })?;
    let unreadable = reports.finish()?;
    Ok(ExitCode::from(if unreadable { 2 } else { 0 }))
}

/// Serves the API and the page until the process is stopped; the first line out is the address.
fn serve(args: &ServeArgs) -> Result<ExitCode, Error> {
    let engine = engine(&args.setup, Options::default())?;
    let address = std::net::SocketAddr::new(args.bind, args.port);
    let server = newslint::serve::Server::bind(address).map_err(Error::Message)?;
    emit(&format!(
        "newslint serve: http://{}/ (Ctrl-C stops it)\n",
        server.address()
    ))?;
    server.run(&engine, args.threads, &|e| {
        eprintln!("newslint serve: cannot accept a connection: {e}")
    });
    Ok(ExitCode::SUCCESS)
}

fn test_rules(paths: &[PathBuf], color: Colour) -> Result<ExitCode, Error> {
    let custom = if paths.is_empty() {
        None
    } else {
        Some(engine::pack_with(Vec::new(), paths)?)
    };
    let pack = custom.as_ref().unwrap_or_else(|| Pack::default_pack());
    let outcome = newslint::rules::examples::run(pack, Lexicon::default_lexicon());
    let files = Files::new(
        pack.files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str())),
    );
    emit(&diagnostics::human(
        &outcome.failures,
        &files,
        colour(color, false),
    ))?;
    emit(&format!(
        "{} passed, {} failed\n",
        outcome.passed,
        outcome.failures.len()
    ))?;
    Ok(ExitCode::from(u8::from(!outcome.failures.is_empty())))
}

fn colour(choice: Colour, stderr: bool) -> bool {
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
