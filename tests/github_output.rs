//! `--output-format github`: GitHub Actions workflow commands. A resume is
//! untrusted input that messages quote, so no text in it may produce a line
//! the runner would read as a command of its own.

mod harness;

use harness::{Scratch, UTILIZE_RESUME, UTILIZE_RULE, diagnostics_of};
use regex::Regex;
use std::path::Path;

/// A user rule that quotes every line of text it reads, whole, in its message
/// and its help: the worst case for injection.
const ECHO_RULE: &str = r#"
id = "echo-line"
kind = "pattern"
severity = "warning"
scope = ["heading", "summary", "bullet", "paragraph"]
message = "{match}"
help = "quoted: {match}"
pattern = '(?m)^.+$'
"#;

/// Workflow commands, an escaped line break, a carriage return, a Unicode
/// line separator and an ANSI escape sequence in bullets and paragraphs.
const INJECTION_RESUME: &str = "\
# Jane Doe

## Summary

::set-output name=x::y

## Experience

### Acme Corp — Engineer (2020–2023)

- ::add-mask::secret
- ::stop-commands::tok
- %0A::error::pwned
- Led a team\r::warning::carriage return
- Cut costs\u{2028}::notice::line separator
- Shipped \u{1b}[31mred\u{1b}[0m text, with: commas

A paragraph line
::set-env name=PATH::/evil
";

/// The only shape of line the emitter may print for a finding. Columns are
/// left out of a span over several lines (the runner would drop them).
const ANNOTATION: &str = r"^::(error|warning|notice) file=[^:,\r\n]*,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,title=[^:,\r\n]*::[^\r\n]*$";

fn scratch_with_echo_rule(resume_name: &str, resume: &str) -> Scratch {
    let scratch = Scratch::new();
    scratch.write("rules/echo-line.toml", ECHO_RULE);
    scratch.write(resume_name, resume);
    scratch
}

fn echo_args<'a>(format: &'a str, file: &'a str) -> [&'a str; 7] {
    [
        "--rules",
        "rules",
        "--select",
        "echo-line",
        "--output-format",
        format,
        file,
    ]
}

/// A workflow command as the runner parses it (`ActionCommand.TryParseV2` in
/// actions/runner): the command, its properties unescaped, its data
/// unescaped.
struct Command {
    name: String,
    properties: Vec<(String, String)>,
    data: String,
}

fn parse_command(line: &str) -> Option<Command> {
    let line = line.trim_start();
    let rest = line.strip_prefix("::")?;
    let end = rest.find("::")?;
    let info = &rest[..end];
    let (name, properties) = info.split_once(' ').unwrap_or((info, ""));
    let properties = properties
        .split(',')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
        .map(|(key, value)| (key.to_string(), unescape_property(value)))
        .collect();
    Some(Command {
        name: name.to_string(),
        properties,
        data: unescape_data(&rest[end + 2..]),
    })
}

fn unescape_property(value: &str) -> String {
    value
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

fn unescape_data(value: &str) -> String {
    value
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

#[test]
fn resume_text_never_becomes_a_command() {
    let scratch = scratch_with_echo_rule("cv.md", INJECTION_RESUME);
    let run = scratch.run(&echo_args("github", "cv.md"));
    run.expect_code(1);
    let json = scratch.run(&echo_args("json", "cv.md")).json();
    let diagnostics = diagnostics_of(&json, "cv.md");
    // Every payload is quoted by at least one finding.
    assert!(diagnostics.len() >= 7, "{json:#}");

    let annotation = Regex::new(ANNOTATION).unwrap();
    assert!(!run.stdout.contains('\r'), "a raw CR in {:?}", run.stdout);
    assert!(run.stdout.ends_with('\n'));
    let lines: Vec<&str> = run.stdout.split('\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines.len(),
        diagnostics.len(),
        "one line per finding:\n{}",
        run.stdout
    );
    for (line, diagnostic) in lines.iter().zip(diagnostics) {
        assert!(annotation.is_match(line), "not an annotation: {line:?}");
        assert!(
            !line.contains(['\u{85}', '\u{2028}', '\u{2029}', '\u{1b}']),
            "{line:?}"
        );
        let command = parse_command(line).expect("the runner parses the line");
        assert_eq!(command.name, "warning");
        let keys: Vec<&str> = command.properties.iter().map(|(k, _)| k.as_str()).collect();
        if diagnostic["line"] == diagnostic["end_line"] {
            assert_eq!(
                keys,
                ["file", "line", "col", "endLine", "endColumn", "title"]
            );
        } else {
            assert_eq!(keys, ["file", "line", "endLine", "title"]);
        }
        let property = |key: &str| {
            command
                .properties
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(property("file").as_deref(), Some("cv.md"));
        assert_eq!(
            property("title").as_deref(),
            Some("resume-lint (echo-line)")
        );
        assert_eq!(property("line"), Some(diagnostic["line"].to_string()));
        assert_eq!(
            property("endLine"),
            Some(diagnostic["end_line"].to_string())
        );
        // The runner reads back the message and the help as the rule wrote
        // them, with the escape character made visible.
        let message = diagnostic["message"]
            .as_str()
            .unwrap()
            .replace('\u{1b}', "\u{FFFD}");
        assert_eq!(command.data, format!("{message}\nquoted: {message}"));
    }

    for payload in [
        "::set-output name=x::y",
        "::add-mask::secret",
        "::stop-commands::tok",
        "%250A::error::pwned",
        "::set-env name=PATH::/evil",
        "\u{FFFD}[31mred",
        "with: commas",
    ] {
        assert!(
            run.stdout.contains(payload),
            "{payload:?} not quoted in:\n{}",
            run.stdout
        );
    }
    assert!(!run.stdout.contains("::%0A::error"));
}

#[test]
fn a_path_with_line_breaks_and_separators_stays_one_property() {
    let name = "evil\n::set-output name=x::y,\r\u{2028}50%.md";
    let scratch = scratch_with_echo_rule(name, "## Skills\n\nRust\n");
    let run = scratch.run(&echo_args("github", name));
    run.expect_code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // The heading and the line under it.
    assert_eq!(lines.len(), 2, "{:?}", run.stdout);
    let annotation = Regex::new(ANNOTATION).unwrap();
    for line in lines {
        assert!(annotation.is_match(line), "{line:?}");
        assert!(
            line.starts_with(
                "::warning file=evil%0A%3A%3Aset-output name=x%3A%3Ay%2C%0D%0A50%25.md,line="
            ),
            "{line}"
        );
        // The runner reads the path back whole; the line separator, which it
        // would not split on but another reader might, became a line break.
        let command = parse_command(line).unwrap();
        assert_eq!(
            command.properties[0],
            (
                "file".to_string(),
                "evil\n::set-output name=x::y,\r\n50%.md".to_string()
            )
        );
    }
}

#[test]
fn severities_map_to_error_warning_and_notice() {
    let scratch = Scratch::new();
    scratch.write("rules/utilize.toml", UTILIZE_RULE);
    scratch.write("cv.md", UTILIZE_RESUME);
    let run = scratch.run(&[
        "--rules",
        "rules",
        "--select",
        "utilize",
        "--output-format",
        "github",
        "cv.md",
    ]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "::notice file=cv.md,line=3,col=1,endLine=3,endColumn=8,title=resume-lint (utilize)\
         ::“Utilize” is a long way to say “Use”%0AWrite “Use”.%0Afix: Replace with “Use”\n"
    );
}

#[test]
fn unreadable_and_empty_files() {
    let scratch = Scratch::new();
    scratch.write("empty.md", "  \n");
    scratch.write("bad.md", b"caf\xe9\n");
    let run = scratch.run(&[
        "--output-format",
        "github",
        "empty.md",
        "bad.md",
        "missing,file.md",
    ]);
    run.expect_code(2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].starts_with("::error file=bad.md::bad.md is not valid UTF-8"));
    assert!(
        lines[1].starts_with("::error file=missing%2Cfile.md::cannot read missing,file.md: "),
        "{}",
        lines[1]
    );
}

/// A multi-line span keeps its lines but not its columns, which the runner
/// would drop anyway.
#[test]
fn weak_example_github_output() {
    let output = assert_cmd::Command::cargo_bin("resume-lint")
        .expect("the binary builds")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("RESUME_LINT_TODAY", "2026-11")
        .env_remove("NO_COLOR")
        .args(["--output-format", "github", "examples/weak.md"])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(stdout.contains(
        "::warning file=examples/weak.md,line=7,endLine=8,title=resume-lint (overused-phrase)::"
    ));
    insta::assert_snapshot!(stdout);
}
