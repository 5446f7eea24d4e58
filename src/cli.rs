//! The command line's arguments, as clap reads them and `--help` shows them. `main.rs` runs them.

use clap::{Parser, Subcommand, ValueEnum};
use newslint::diagnostic::Severity;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "newslint",
    version,
    about = "A linter for news copy: attribution, sourcing and discrepancies"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args)]
pub struct Inputs {
    /// Files or folders to read; `-` reads standard input. Folders are walked for .txt, .md,
    /// .html and .docx files, honouring .gitignore.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Which files in folders to read (globset syntax; `!pattern` excludes). Repeatable.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Threads to use (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub setup: SetupArgs,
}

#[derive(clap::Args)]
pub struct SetupArgs {
    /// A YAML cue lexicon adding to the embedded one (same shape as rules/attribution.yaml). Repeatable.
    #[arg(long = "cues", value_name = "FILE")]
    pub cues: Vec<PathBuf>,
    /// The config file to use instead of the nearest .newslint.yaml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// When to colour human output (NO_COLOR in the environment turns `auto` off).
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    pub color: Colour,
    /// Run only these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Do not run these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// The lowest severity that makes the exit code 1 [default: warning, or the config's `fail-on`].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Apply the fixes that rules mark safe, rewriting each file atomically; report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a unified diff instead of writing them (exit 1 if there are any).
    #[arg(long)]
    pub diff: bool,
    /// Treat all the files read as drafts of one story: also report discrepancies across them.
    #[arg(long)]
    pub story: bool,
    /// Source material (a transcript, a press release, wire copy) to check every direct quotation
    /// against. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub against: Vec<PathBuf>,
    /// Report only findings on lines changed since this git revision (a branch, tag or commit),
    /// staged or not, and in files git does not track. Files are still read whole.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// The address to listen on; only this machine by default. Another address (`0.0.0.0`) lets
    /// anyone who can reach the machine use the server.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Requests answered at once.
    #[arg(long, short = 'j', default_value_t = 4)]
    pub threads: usize,
    #[command(flatten)]
    pub setup: SetupArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
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
pub enum Command {
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
    /// Serve editors over stdio as a language server: diagnostics as you type, who said what on
    /// hover, fixes and suppressions as code actions.
    Lsp {
        #[command(flatten)]
        setup: SetupArgs,
    },
    /// Print a shell completion script.
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff).
    Man,
    /// Serve the JSON API, LanguageTool's API (/v2/check) and the web page on this machine
    /// (http://127.0.0.1:7878/).
    Serve(ServeArgs),
    /// Run the examples of rule files: each `flag` line must be flagged by its rule, each `pass` line not.
    Test {
        /// Rule files or folders (default: the embedded rule pack).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Colour::Auto)]
        color: Colour,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    /// `.newslint.yaml`
    Config,
    /// Rule files (`rules/*.yaml`)
    Rules,
    /// Cue lexicons (`rules/attribution.yaml`, `--cues`)
    Cues,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    Human,
    Short,
    Json,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per diagnostic.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum AttributionFormat {
    Text,
    Json,
}
