//! Wires the command line to the library: load rules, lint inputs, emit,
//! choose the exit code.

use crate::atomic_write;
mod fixing;

use crate::cli::{CheckArgs, Cli, ColorChoice, Command, FailOn, FormatChoice, OutputFormat};
use crate::diagnostic::Severity;
use crate::document::{Format, parse};
use crate::emit;
use crate::explain;
use crate::fix::{self, FixLevel};
use crate::input::{self, Input, Origin};
use crate::report::{FileReport, Outcome, Totals};
use crate::rules::RuleSet;
use fixing::Change;
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
    if args.statistics && !args.output_format.has_statistics() {
        eprintln!(
            "error: --statistics works with --output-format full, concise or json, not {}",
            args.output_format.name()
        );
        return EXIT_ERROR;
    }
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
    if inputs.is_empty() && !args.quiet {
        eprintln!("note: no *.md, *.markdown or *.txt files found, nothing to lint");
    }
    let level = if args.unsafe_fixes {
        FixLevel::Unsafe
    } else {
        FixLevel::Safe
    };
    let mut checked: Vec<Checked> = inputs
        .into_iter()
        .map(|input| {
            let (mut report, text) = lint_input(&input, rules);
            let change = (args.fix || args.diff)
                .then(|| fixing::fix_report(&mut report, rules, level))
                .flatten();
            Checked {
                input,
                report,
                text,
                change,
            }
        })
        .collect();
    checked.sort_by(|a, b| a.report.path.cmp(&b.report.path));
    for item in &checked {
        match &item.report.outcome {
            Outcome::Empty if !args.quiet => {
                eprintln!("note: {}: empty file, nothing to lint", item.report.path)
            }
            Outcome::Failed(error) => print_error(error, stderr_color),
            Outcome::Linted { .. } | Outcome::Empty => {}
        }
    }
    if args.diff {
        return show_diff(args, &checked);
    }
    let mut write_failures = 0;
    let mut fixed = FixCount::default();
    if args.fix {
        for item in &mut checked {
            let Some(change) = &item.change else { continue };
            match fixing::write_fixed(&item.input, &mut item.report, change, rules) {
                Ok(()) => fixed.add(change.fixes),
                Err(error) => {
                    print_error(&error, stderr_color);
                    write_failures += 1;
                }
            }
        }
    }
    // `--fix -`: stdout is the fixed text, so everything else goes to stderr.
    let stdin_fixed = checked
        .iter()
        .find(|item| args.fix && item.input.origin == Origin::Stdin);
    let (to_stdout, color) = match stdin_fixed {
        Some(item) => {
            let text = match (&item.report.outcome, &item.text) {
                (Outcome::Linted { source, .. }, _) => Some(source),
                (_, text) => text.as_ref(),
            };
            print_stdout(text.map_or("", |t| t));
            (false, stderr_color)
        }
        None => (true, stdout_color),
    };
    let reports: Vec<FileReport> = checked.into_iter().map(|item| item.report).collect();
    let totals = Totals::of(&reports);
    let mut footer = Vec::new();
    if !args.quiet {
        if args.fix {
            footer.push(fixed.line());
        }
        footer.push(emit::summary::line(&totals, color));
        footer.extend(emit::summary::fixable(&reports, level));
    }
    let footer = footer.join("\n");
    match &args.output_file {
        Some(path) => {
            let report = render(args, args.output_format, &reports, rules, false, level);
            if let Err(error) = atomic_write::write(path, report.as_bytes()) {
                print_error(&error, stderr_color);
                return EXIT_ERROR;
            }
            let human = render(args, OutputFormat::Full, &reports, rules, color, level);
            print_to(to_stdout, &with_footer(human, &footer));
        }
        None if args.output_format.is_for_people() => {
            let human = render(args, args.output_format, &reports, rules, color, level);
            print_to(to_stdout, &with_footer(human, &footer));
        }
        None => {
            let report = render(args, args.output_format, &reports, rules, false, level);
            print_to(to_stdout, &report);
            if !footer.is_empty() {
                print_to(false, &with_footer(String::new(), &footer));
            }
        }
    }
    if write_failures > 0 {
        return EXIT_ERROR;
    }
    if args.exit_zero && totals.failed == 0 {
        return EXIT_CLEAN;
    }
    exit_code(&reports, &totals, args.fail_on)
}

/// One input with its report, the text read, and what fixing changed.
struct Checked {
    input: Input,
    report: FileReport,
    text: Option<Arc<str>>,
    change: Option<Change>,
}

#[derive(Default)]
struct FixCount {
    findings: usize,
    files: usize,
}

impl FixCount {
    fn add(&mut self, findings: usize) {
        self.findings += findings;
        self.files += 1;
    }

    fn line(&self) -> String {
        let findings = plural(self.findings, "finding", "findings");
        let files = plural(self.files, "file", "files");
        if self.findings == 0 {
            "nothing to fix".to_string()
        } else {
            format!("fixed {findings} in {files}")
        }
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// `--diff`: the diffs on stdout, a count on stderr; exit 1 when there is
/// something to fix.
fn show_diff(args: &CheckArgs, checked: &[Checked]) -> u8 {
    let mut would = FixCount::default();
    let mut out = String::new();
    for item in checked {
        let (Some(change), Outcome::Linted { source, .. }) = (&item.change, &item.report.outcome)
        else {
            continue;
        };
        out.push_str(&fix::diff::unified(
            &item.report.path,
            &change.original,
            source,
        ));
        would.add(change.fixes);
    }
    print_stdout(&out);
    if !args.quiet {
        let findings = plural(would.findings, "finding", "findings");
        let files = plural(would.files, "file", "files");
        if would.files == 0 {
            eprintln!("nothing to fix");
        } else {
            eprintln!("would fix {findings} in {files}");
        }
    }
    let failed = checked
        .iter()
        .any(|item| matches!(item.report.outcome, Outcome::Failed(_)));
    if failed {
        EXIT_ERROR
    } else if would.files > 0 && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn with_footer(mut text: String, footer: &str) -> String {
    if !footer.is_empty() {
        text.push_str(footer);
        text.push('\n');
    }
    text
}

/// The report in one format.
fn render(
    args: &CheckArgs,
    format: OutputFormat,
    reports: &[FileReport],
    rules: &RuleSet,
    color: bool,
    level: FixLevel,
) -> String {
    match (format, args.statistics) {
        (OutputFormat::Full | OutputFormat::Concise, true) => {
            emit::statistics::render_text(reports)
        }
        (OutputFormat::Json, true) => emit::statistics::render_json(reports),
        (OutputFormat::Full, false) => emit::full::render(reports, color, level),
        (OutputFormat::Concise, false) => emit::concise::render(reports, level),
        (OutputFormat::Json, false) => emit::json::render(reports),
        (OutputFormat::Sarif, _) => emit::sarif::render(reports, rules.rules()),
        (OutputFormat::Github, _) => emit::github::render(reports),
        (OutputFormat::Junit, _) => emit::junit::render(reports, rules.rules()),
    }
}

/// Reads and lints one input; also returns the text read, for `--fix -`.
fn lint_input(input: &Input, rules: &RuleSet) -> (FileReport, Option<Arc<str>>) {
    let (outcome, text) = match input::read(input) {
        Err(error) => (Outcome::Failed(error), None),
        Ok(source) if source.trim_start_matches('\u{FEFF}').trim().is_empty() => {
            (Outcome::Empty, Some(Arc::from(source)))
        }
        Ok(source) => {
            let document = parse(&source, input.format);
            let diagnostics = rules.lint(&document);
            let source: Arc<str> = Arc::from(source);
            let text = Some(Arc::clone(&source));
            (
                Outcome::Linted {
                    source,
                    diagnostics,
                },
                text,
            )
        }
    };
    let report = FileReport {
        path: input.display_path.clone(),
        format: input.format,
        outcome,
    };
    (report, text)
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

fn print_to(stdout: bool, text: &str) {
    if stdout {
        print_stdout(text);
    } else {
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
}

/// Writes to stdout; a closed pipe (`resume-lint … | head`) is not an error.
fn print_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
