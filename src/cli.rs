//! Command-line arguments (clap definitions only).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "resume-lint",
    version,
    about = "Lint Markdown and plain-text resumes: quantified bullets, action verbs, ATS-safe headings, length, clichés.",
    after_help = "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on; 2 usage, configuration or I/O error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub check: CheckArgs,

    /// Extra rule files: every `*.toml` in DIR (repeatable). A rule with a
    /// built-in rule's id replaces it.
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub rule_dirs: Vec<PathBuf>,

    /// When to use colour: auto (a terminal and no NO_COLOR), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every rule: id, kind, default severity, fixable, summary.
    Rules,
    /// Print a rule's documentation: what it checks, why, examples, options.
    Rule {
        /// The rule id, e.g. quantified-bullet.
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to lint (`-` reads standard input). Directories are
    /// searched for *.md, *.markdown and *.txt. Defaults to the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read every file as this format instead of deciding by extension.
    #[arg(long, value_enum)]
    pub format: Option<FormatChoice>,

    /// The name shown for standard input; a `.txt` name reads it as plain text.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = OutputFormat::Full)]
    pub output_format: OutputFormat,

    /// Run only these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Skip these rules (comma-separated ids).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatChoice {
    Markdown,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Diagnostics with the source line, label and help.
    Full,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// A JSON document (version 1) on stdout and nothing else.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}
