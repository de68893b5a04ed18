//! What a user sees for each example, exactly: colour off, fixed width, the
//! current month pinned so that "Present" means the same on every run.

use assert_cmd::Command;
use std::path::Path;

fn run(args: &[&str]) -> String {
    let output = Command::cargo_bin("resume-lint")
        .expect("the binary builds")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("RESUME_LINT_TODAY", "2026-11")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.code().is_some_and(|code| code < 2),
        "exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn strong_example_full_output() {
    insta::assert_snapshot!(run(&["--color", "never", "examples/strong.md"]));
}

#[test]
fn weak_example_full_output() {
    insta::assert_snapshot!(run(&["--color", "never", "examples/weak.md"]));
}

#[test]
fn plain_example_full_output() {
    insta::assert_snapshot!(run(&["--color", "never", "examples/plain.txt"]));
}

#[test]
fn weak_example_concise_output() {
    insta::assert_snapshot!(run(&["--output-format", "concise", "examples/weak.md"]));
}

#[test]
fn weak_example_json_output() {
    insta::assert_snapshot!(run(&["--output-format", "json", "examples/weak.md"]));
}

#[test]
fn rules_listing() {
    insta::assert_snapshot!(run(&["rules"]));
}

#[test]
fn weak_example_diff() {
    insta::assert_snapshot!(run(&["--diff", "examples/weak.md"]));
}

#[test]
fn weak_example_unsafe_diff() {
    insta::assert_snapshot!(run(&["--diff", "--unsafe-fixes", "examples/weak.md"]));
}

#[test]
fn plain_example_unsafe_diff() {
    insta::assert_snapshot!(run(&["--diff", "--unsafe-fixes", "examples/plain.txt"]));
}

#[test]
fn strong_example_has_no_diff() {
    assert_eq!(run(&["--diff", "--unsafe-fixes", "examples/strong.md"]), "");
}

#[test]
fn weak_example_statistics() {
    insta::assert_snapshot!(run(&["--statistics", "examples/weak.md"]));
}

#[test]
fn plain_and_strong_examples_github_output() {
    insta::assert_snapshot!(run(&[
        "--output-format",
        "github",
        "examples/plain.txt",
        "examples/strong.md"
    ]));
}

#[test]
fn plain_and_strong_examples_junit_output() {
    insta::assert_snapshot!(run(&[
        "--output-format",
        "junit",
        "examples/plain.txt",
        "examples/strong.md"
    ]));
}
