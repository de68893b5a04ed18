//! Exit codes: 0 when no finding reaches `--fail-on`, 1 when one does, 2 on
//! usage and I/O errors, with the readable files still linted and reported.

mod harness;

use harness::{CLEAN_RESUME, ONE_CLICHE_RESUME, Scratch, UTILIZE_RESUME, UTILIZE_RULE};

#[test]
fn a_clean_resume_exits_0_and_prints_only_the_summary() {
    let scratch = Scratch::new();
    scratch.write("cv.md", CLEAN_RESUME);
    let run = scratch.run(&["cv.md", "--select", "overused-phrase"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no problems in 1 file\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn a_warning_exits_1_under_the_default_fail_on() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["cv.md", "--select", "overused-phrase"]);
    run.expect_code(1);
    assert!(
        run.stdout.ends_with("1 warning in 1 file\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn fail_on_error_ignores_warnings() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["cv.md", "--select", "overused-phrase", "--fail-on", "error"]);
    run.expect_code(0);
    // The warning is still shown: --fail-on changes the exit code only.
    assert!(run.stdout.contains("overused-phrase"), "{}", run.stdout);
}

#[test]
fn fail_on_never_exits_0_with_findings() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    scratch.run(&["cv.md", "--fail-on", "never"]).expect_code(0);
}

#[test]
fn fail_on_info_counts_an_info_finding() {
    let scratch = Scratch::new();
    scratch.write("extra/utilize.toml", UTILIZE_RULE);
    scratch.write("cv.md", UTILIZE_RESUME);
    let args = ["cv.md", "--rules", "extra", "--select", "utilize"];
    let info = scratch.run(&[&args[..], &["--fail-on", "info"]].concat());
    info.expect_code(1);
    assert!(
        info.stdout.contains("\n1 info in 1 file\n"),
        "{}",
        info.stdout
    );
    // Under the default (warning) an info finding does not fail the run.
    scratch.run(&args).expect_code(0);
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let scratch = Scratch::new();
    let run = scratch.run(&["--no-such-flag"]);
    run.expect_code(2);
    assert!(run.stderr.contains("--no-such-flag"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn an_invalid_flag_value_is_a_usage_error() {
    let scratch = Scratch::new();
    scratch.write("cv.md", CLEAN_RESUME);
    let run = scratch.run(&["cv.md", "--fail-on", "sometimes"]);
    run.expect_code(2);
    assert!(run.stderr.contains("sometimes"), "{}", run.stderr);
}

#[test]
fn an_io_error_exits_2_after_linting_the_other_files() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&[
        "missing.md",
        "cv.md",
        "--select",
        "overused-phrase",
        "--output-format",
        "concise",
    ]);
    run.expect_code(2);
    assert_eq!(
        run.findings(),
        ["cv.md:7:1: warning[overused-phrase] “Passionate” is a cliché recruiters skip"]
    );
    assert!(run.stderr.contains("missing.md"), "{}", run.stderr);
    assert!(
        run.stdout.ends_with("1 file could not be read\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_io_error_wins_over_fail_on_never() {
    let scratch = Scratch::new();
    scratch.write("cv.md", CLEAN_RESUME);
    scratch
        .run(&["cv.md", "missing.md", "--fail-on", "never"])
        .expect_code(2);
}
