//! Command-line arguments (clap definitions only).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "resume-lint",
    version,
    about = "Lint Markdown and plain-text resumes: quantified bullets, action verbs, ATS-safe headings, length, clichés.",
    after_help = "Exit codes:\n  0  no finding at or above --fail-on (always with --exit-zero); with --diff, nothing to fix\n  1  at least one finding at or above --fail-on; with --diff, something to fix\n  2  usage, configuration or I/O error, or a file --fix could not write\n     (the other files are still linted and reported)"
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

    /// Exit 0 even when there are findings (errors reading files or rules
    /// still exit 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Write the report (in --output-format) to PATH, atomically; standard
    /// output then carries the `full` output for people.
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,

    /// Print how many findings each rule made instead of the findings
    /// (with the full, concise and json output formats).
    #[arg(long)]
    pub statistics: bool,

    /// Apply safe fixes in place, then report what remains. On standard
    /// input, print the fixed text to stdout and the findings to stderr.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// With --fix or --diff, also apply unsafe fixes (they change wording).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what --fix would change and write nothing.
    /// Exit 1 when there is a diff, 0 when there is none.
    #[arg(long)]
    pub diff: bool,

    /// Print only the findings: no summary line and no notes.
    #[arg(long, short)]
    pub quiet: bool,
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
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML: a test suite per file, a test case per rule.
    Junit,
}

impl OutputFormat {
    /// Full and concise end with a summary line on stdout; the other formats
    /// are for tools and put nothing but the report there.
    pub fn is_for_people(self) -> bool {
        matches!(self, OutputFormat::Full | OutputFormat::Concise)
    }

    pub fn has_statistics(self) -> bool {
        matches!(
            self,
            OutputFormat::Full | OutputFormat::Concise | OutputFormat::Json
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Full => "full",
            OutputFormat::Concise => "concise",
            OutputFormat::Json => "json",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Github => "github",
            OutputFormat::Junit => "junit",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}
