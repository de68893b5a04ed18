//! Every Markdown and text resume of the shared corpus (`../shared/corpus`):
//! linting never panics, and every span and fix edit lies inside the file on
//! character boundaries. The same holds for each file with CRLF line ends, a
//! BOM, and read as the other format, since real files come in all of these.
//!
//! The corpus lives outside the repository; when it is missing the tests
//! say so and pass.

use resume_lint::diagnostic::Diagnostic;
use resume_lint::document::{Format, parse};
use resume_lint::rules::RuleSet;
use resume_lint::span::Span;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// The files of `corpus/<folder>`, sorted; none when the folder is missing.
fn corpus_files(folder: &str) -> Vec<PathBuf> {
    let dir = corpus_dir().join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no corpus at {}", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Why `span` does not fit `source`, if it does not.
fn span_problem(source: &str, span: Span) -> Option<String> {
    if span.end() > source.len() {
        return Some(format!(
            "ends at {} past the end ({})",
            span.end(),
            source.len()
        ));
    }
    for at in [span.start(), span.end()] {
        if !source.is_char_boundary(at) {
            return Some(format!("byte {at} is inside a character"));
        }
    }
    None
}

/// Every problem with the spans of `diagnostics`, one line each.
fn span_problems(source: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut problems = Vec::new();
    for d in diagnostics {
        let fix_spans = d
            .fix
            .iter()
            .flat_map(|fix| fix.edits.iter().map(|e| e.span));
        for (what, span) in std::iter::once(("span", d.span)).chain(fix_spans.map(|s| ("edit", s)))
        {
            if let Some(problem) = span_problem(source, span) {
                problems.push(format!("{} {what} {span:?}: {problem}", d.rule));
            }
        }
    }
    problems
}

/// The variants of one file worth linting: as is, with CRLF, with a BOM, and
/// in the other format.
fn variants(source: &str, format: Format) -> Vec<(String, String, Format)> {
    let other = match format {
        Format::Markdown => Format::Text,
        Format::Text => Format::Markdown,
    };
    let lf = source.replace("\r\n", "\n");
    vec![
        ("as is".to_string(), source.to_string(), format),
        ("CRLF".to_string(), lf.replace('\n', "\r\n"), format),
        ("BOM".to_string(), format!("\u{feff}{source}"), format),
        (format!("as {}", other.name()), source.to_string(), other),
    ]
}

fn lint_folder(folder: &str, format: Format) {
    let files = corpus_files(folder);
    if files.is_empty() {
        return;
    }
    let rules = RuleSet::load(&[] as &[&Path]).expect("the built-in rules load");
    let mut failures = Vec::new();
    for path in &files {
        let Ok(source) = std::fs::read_to_string(path) else {
            // Not UTF-8: the CLI refuses it; there is nothing to parse.
            continue;
        };
        for (variant, text, format) in variants(&source, format) {
            let name = format!("{} ({variant})", path.display());
            let linted = catch_unwind(AssertUnwindSafe(|| rules.lint(&parse(&text, format))));
            match linted {
                Err(_) => failures.push(format!("{name}: panicked")),
                Ok(diagnostics) => failures.extend(
                    span_problems(&text, &diagnostics)
                        .into_iter()
                        .map(|problem| format!("{name}: {problem}")),
                ),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn markdown_corpus_lints_with_valid_spans() {
    lint_folder("md", Format::Markdown);
}

#[test]
fn text_corpus_lints_with_valid_spans() {
    lint_folder("txt", Format::Text);
}

#[test]
fn the_binary_lints_the_whole_corpus_to_json() {
    let folders: Vec<PathBuf> = ["md", "txt"]
        .iter()
        .map(|folder| corpus_dir().join(folder))
        .filter(|dir| dir.is_dir())
        .collect();
    if folders.is_empty() {
        eprintln!("skipped: no corpus at {}", corpus_dir().display());
        return;
    }
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_resume-lint"))
        .args(&folders)
        .args(["--output-format", "json"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let code = output.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "exit {code:?}, not a clean run:\n{stderr}"
    );
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("stdout is one JSON document");
    let files = report["files"].as_array().expect("files");
    let expected: usize = ["md", "txt"].iter().map(|f| corpus_files(f).len()).sum();
    assert_eq!(files.len(), expected);
    assert!(files.iter().all(|f| f.get("error").is_none()));
    // Spans index the bytes of each file.
    for file in files {
        let path = file["path"].as_str().expect("path");
        let source = std::fs::read(path).expect("the corpus file");
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            let end = d["span"]["offset"].as_u64().unwrap() + d["span"]["length"].as_u64().unwrap();
            assert!(end as usize <= source.len(), "{path}: {d}");
        }
    }
}
