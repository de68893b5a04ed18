//! The options CI jobs lean on: `--output-file`, `--statistics`, `--quiet`
//! and `--exit-zero`, and which stream carries what.

mod harness;

use harness::{CLEAN_RESUME, ONE_CLICHE_RESUME, Scratch, UTILIZE_RESUME, UTILIZE_RULE};

#[test]
fn output_file_gets_the_report_and_stdout_the_full_output() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let alone = scratch.run(&["cv.md", "--output-format", "json"]);
    let run = scratch.run(&[
        "cv.md",
        "--output-format",
        "json",
        "--output-file",
        "report.json",
    ]);
    run.expect_code(1);
    let written = std::fs::read_to_string(scratch.path().join("report.json")).unwrap();
    assert_eq!(
        written, alone.stdout,
        "the file holds what stdout would have"
    );
    assert!(run.stdout.contains("overused-phrase"), "{}", run.stdout);
    assert!(run.stdout.contains("╭─[cv.md:7:1]"), "{}", run.stdout);
    assert!(
        run.stdout.ends_with("1 warning in 1 file\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn output_file_replaces_an_existing_report_and_leaves_no_temporary_file() {
    let scratch = Scratch::new();
    scratch.write("cv.md", CLEAN_RESUME);
    scratch.write("out/report.json", "stale");
    scratch
        .run(&[
            "cv.md",
            "--select",
            "overused-phrase",
            "--output-format",
            "json",
            "--output-file",
            "out/report.json",
        ])
        .expect_code(0);
    let written = std::fs::read_to_string(scratch.path().join("out/report.json")).unwrap();
    assert!(written.starts_with("{\n  \"version\": 1"), "{written}");
    let names: Vec<_> = std::fs::read_dir(scratch.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["report.json"]);
}

#[test]
fn an_unwritable_output_file_is_an_error_naming_it() {
    let scratch = Scratch::new();
    scratch.write("cv.md", CLEAN_RESUME);
    // A folder where the file should be: fails for root too, unlike chmod.
    std::fs::create_dir(scratch.path().join("report.json")).unwrap();
    let run = scratch.run(&[
        "cv.md",
        "--output-format",
        "json",
        "--output-file",
        "report.json",
    ]);
    run.expect_code(2);
    assert!(run.stderr.contains("report.json"), "{}", run.stderr);
    let missing_folder = scratch.run(&["cv.md", "--output-file", "no/such/dir/report.txt"]);
    missing_folder.expect_code(2);
    assert!(
        missing_folder.stderr.contains("cannot write"),
        "{}",
        missing_folder.stderr
    );
}

#[test]
fn machine_formats_send_the_summary_to_stderr() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["cv.md", "--output-format", "json"]);
    run.json();
    assert_eq!(run.stderr, "1 warning in 1 file\n");
    let quiet = scratch.run(&["cv.md", "--output-format", "json", "--quiet"]);
    assert_eq!(quiet.stderr, "");
}

#[test]
fn statistics_count_findings_per_rule() {
    let scratch = Scratch::new();
    scratch.write("a.md", ONE_CLICHE_RESUME);
    scratch.write("b.md", ONE_CLICHE_RESUME);
    scratch.write("c.md", UTILIZE_RESUME);
    scratch.write("rules/utilize.toml", UTILIZE_RULE);
    let args = [
        "a.md",
        "b.md",
        "c.md",
        "--rules",
        "rules",
        "--select",
        "overused-phrase,utilize",
        "--statistics",
    ];
    let run = scratch.run(&args);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "2  overused-phrase  warning\n1  utilize          info     [*]\n2 warnings, 1 info in 3 files\n1 fixable with --fix --unsafe-fixes\n"
    );
    let json = scratch.run(&[&args[..], &["--output-format", "json"]].concat());
    let value = json.json();
    assert_eq!(value["version"], 1);
    assert_eq!(value["statistics"][0]["rule"], "overused-phrase");
    assert_eq!(value["statistics"][0]["count"], 2);
    assert_eq!(value["statistics"][1]["fixable"], 1);
}

#[test]
fn statistics_refuse_formats_that_cannot_hold_them() {
    let scratch = Scratch::new();
    scratch.write("cv.md", CLEAN_RESUME);
    for format in ["sarif", "github", "junit"] {
        let run = scratch.run(&["cv.md", "--statistics", "--output-format", format]);
        run.expect_code(2);
        assert!(run.stderr.contains("--statistics"), "{}", run.stderr);
        assert_eq!(run.stdout, "");
    }
}

#[test]
fn quiet_prints_only_the_findings() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    scratch.write("empty.md", "");
    let run = scratch.run(&[
        "cv.md",
        "empty.md",
        "--quiet",
        "--output-format",
        "concise",
        "--select",
        "overused-phrase",
    ]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "cv.md:7:1: warning[overused-phrase] “Passionate” is a cliché recruiters skip\n"
    );
    assert_eq!(run.stderr, "");
    let clean = scratch.run(&["empty.md", "-q"]);
    clean.expect_code(0);
    assert_eq!(clean.stdout, "");
    assert_eq!(clean.stderr, "");
}

#[test]
fn exit_zero_keeps_findings_but_not_errors() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["cv.md", "--exit-zero", "--fail-on", "info"]);
    run.expect_code(0);
    assert!(run.stdout.contains("overused-phrase"), "{}", run.stdout);
    scratch.write("binary.md", b"\x00\x01\x02".as_slice());
    scratch
        .run(&["cv.md", "binary.md", "--exit-zero"])
        .expect_code(2);
}
