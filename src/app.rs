//! Wires the command line to the library: load rules, lint inputs, emit,
//! choose the exit code.

use crate::cli::{CheckArgs, Cli, ColorChoice, Command, FailOn, FormatChoice, OutputFormat};
use crate::diagnostic::Severity;
use crate::document::{Format, parse};
use crate::emit;
use crate::explain;
use crate::input::{self, Input};
use crate::report::{FileReport, Outcome, Totals};
use crate::rules::RuleSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// Exit codes (documented in the README and `--help`).
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> u8 {
    let stdout_color = use_color(cli.color, std::io::stdout().is_terminal());
    let stderr_color = use_color(cli.color, std::io::stderr().is_terminal());
    let mut rules = match RuleSet::load(&cli.rule_dirs) {
        Ok(rules) => rules,
        Err(errors) => {
            for error in &errors {
                print_error(error, stderr_color);
            }
            return EXIT_ERROR;
        }
    };
    match cli.command {
        Some(Command::Rules) => {
            print_stdout(&explain::list(&rules));
            EXIT_CLEAN
        }
        Some(Command::Rule { id }) => match rules.get(&id) {
            Ok(rule) => {
                print_stdout(&explain::describe(rule));
                EXIT_CLEAN
            }
            Err(error) => {
                print_error(&error, stderr_color);
                EXIT_ERROR
            }
        },
        None => {
            if let Err(errors) = rules.filter(&cli.check.select, &cli.check.ignore) {
                for error in &errors {
                    print_error(error, stderr_color);
                }
                return EXIT_ERROR;
            }
            check(&cli.check, &rules, stdout_color, stderr_color)
        }
    }
}

fn check(args: &CheckArgs, rules: &RuleSet, stdout_color: bool, stderr_color: bool) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let format = args.format.map(|f| match f {
        FormatChoice::Markdown => Format::Markdown,
        FormatChoice::Text => Format::Text,
    });
    let inputs = input::collect(&paths, format, args.stdin_filename.as_deref());
    if inputs.is_empty() {
        eprintln!("note: no *.md, *.markdown or *.txt files found, nothing to lint");
    }
    let mut reports: Vec<FileReport> = inputs.iter().map(|i| lint_input(i, rules)).collect();
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    for report in &reports {
        match &report.outcome {
            Outcome::Empty => eprintln!("note: {}: empty file, nothing to lint", report.path),
            Outcome::Failed(error) => print_error(error, stderr_color),
            Outcome::Linted { .. } => {}
        }
    }
    let totals = Totals::of(&reports);
    match args.output_format {
        OutputFormat::Full => {
            let mut out = emit::full::render(&reports, stdout_color);
            out.push_str(&emit::summary::line(&totals, stdout_color));
            out.push('\n');
            print_stdout(&out);
        }
        OutputFormat::Concise => {
            let mut out = emit::concise::render(&reports);
            out.push_str(&emit::summary::line(&totals, stdout_color));
            out.push('\n');
            print_stdout(&out);
        }
        OutputFormat::Json => print_stdout(&emit::json::render(&reports)),
    }
    exit_code(&reports, &totals, args.fail_on)
}

fn lint_input(input: &Input, rules: &RuleSet) -> FileReport {
    let outcome = match input::read(input) {
        Err(error) => Outcome::Failed(error),
        Ok(source) if source.trim_start_matches('\u{FEFF}').trim().is_empty() => Outcome::Empty,
        Ok(source) => {
            let document = parse(&source, input.format);
            let diagnostics = rules.lint(&document);
            Outcome::Linted {
                source: Arc::from(source),
                diagnostics,
            }
        }
    };
    FileReport {
        path: input.display_path.clone(),
        format: input.format,
        outcome,
    }
}

fn exit_code(reports: &[FileReport], totals: &Totals, fail_on: FailOn) -> u8 {
    if totals.failed > 0 {
        return EXIT_ERROR;
    }
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
        FailOn::Never => return EXIT_CLEAN,
    };
    let failing = reports
        .iter()
        .flat_map(FileReport::diagnostics)
        .any(|d| d.severity >= threshold);
    if failing { EXIT_FINDINGS } else { EXIT_CLEAN }
}

fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Prints a miette error to stderr.
fn print_error(error: &dyn miette::Diagnostic, color: bool) {
    let mut out = String::new();
    if emit::full::handler(color)
        .render_report(&mut out, error)
        .is_err()
    {
        out = format!("error: {error}\n");
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// Writes to stdout; a closed pipe (`resume-lint … | head`) is not an error.
fn print_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
