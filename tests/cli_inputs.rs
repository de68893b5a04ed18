//! What gets linted and as what: standard input, `--format`, empty files,
//! and the walk of a directory, in a stable order.

mod harness;

use harness::{ONE_CLICHE_RESUME, Scratch, diagnostics_of, file_of};

/// A summary whose heading only the plain-text parser recognises (an
/// ALL-CAPS line), with one cliché.
const TEXT_RESUME: &str = "SUMMARY\n\nPassionate engineer who ships.\n";

#[test]
fn stdin_is_read_as_markdown_and_shown_as_dash() {
    let scratch = Scratch::new();
    let run = harness::Run::of(
        scratch
            .cmd()
            .args([
                "-",
                "--select",
                "overused-phrase",
                "--output-format",
                "json",
            ])
            .write_stdin(ONE_CLICHE_RESUME),
    );
    run.expect_code(1);
    let report = run.json();
    assert_eq!(file_of(&report, "-")["format"], "markdown");
    assert_eq!(diagnostics_of(&report, "-").len(), 1);
}

#[test]
fn stdin_filename_names_the_input_and_picks_plain_text() {
    let scratch = Scratch::new();
    let args = [
        "-",
        "--stdin-filename",
        "cv.txt",
        "--select",
        "overused-phrase",
    ];
    let concise = harness::Run::of(
        scratch
            .cmd()
            .args(args)
            .args(["--output-format", "concise"])
            .write_stdin(TEXT_RESUME),
    );
    concise.expect_code(1);
    assert_eq!(
        concise.findings(),
        ["cv.txt:3:1: warning[overused-phrase] “Passionate” is a cliché recruiters skip"]
    );
    let json = harness::Run::of(
        scratch
            .cmd()
            .args(args)
            .args(["--output-format", "json"])
            .write_stdin(TEXT_RESUME),
    );
    let report = json.json();
    assert_eq!(file_of(&report, "cv.txt")["format"], "text");
    assert_eq!(report["files"].as_array().map(Vec::len), Some(1));
}

#[test]
fn stdin_filename_ending_in_md_stays_markdown() {
    let scratch = Scratch::new();
    let run = harness::Run::of(
        scratch
            .cmd()
            .args(["-", "--stdin-filename", "cv.md", "--output-format", "json"])
            .write_stdin(ONE_CLICHE_RESUME),
    );
    assert_eq!(file_of(&run.json(), "cv.md")["format"], "markdown");
}

#[test]
fn format_overrides_the_extension() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    scratch.write("cv.txt", ONE_CLICHE_RESUME);
    let run = scratch.run(&[
        "cv.md",
        "cv.txt",
        "--format",
        "text",
        "--output-format",
        "json",
    ]);
    let report = run.json();
    assert_eq!(file_of(&report, "cv.md")["format"], "text");
    assert_eq!(file_of(&report, "cv.txt")["format"], "text");
    let run = scratch.run(&["cv.txt", "--format", "markdown", "--output-format", "json"]);
    assert_eq!(file_of(&run.json(), "cv.txt")["format"], "markdown");
    let stdin = harness::Run::of(
        scratch
            .cmd()
            .args(["-", "--stdin-filename", "cv.md", "--format", "text"])
            .args(["--output-format", "json"])
            .write_stdin(TEXT_RESUME),
    );
    assert_eq!(file_of(&stdin.json(), "cv.md")["format"], "text");
}

#[test]
fn an_empty_file_is_a_note_not_an_error() {
    let scratch = Scratch::new();
    scratch.write("empty.md", "");
    scratch.write("blank.txt", " \n\t\n   \r\n");
    scratch.write("bom-only.md", "\u{feff}\n  \n");
    let run = scratch.run(&["empty.md", "blank.txt", "bom-only.md"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no problems in 3 files\n");
    for name in ["empty.md", "blank.txt", "bom-only.md"] {
        assert!(
            run.stderr
                .contains(&format!("{name}: empty file, nothing to lint")),
            "{name}:\n{}",
            run.stderr
        );
    }
    // One note per file, and nothing else.
    assert_eq!(run.stderr.lines().count(), 3, "{}", run.stderr);
}

#[test]
fn an_empty_file_appears_in_json_with_no_diagnostics() {
    let scratch = Scratch::new();
    scratch.write("empty.md", "");
    let run = scratch.run(&["empty.md", "--output-format", "json"]);
    run.expect_code(0);
    let report = run.json();
    let file = file_of(&report, "empty.md");
    assert_eq!(file["diagnostics"], serde_json::json!([]));
    assert!(file.get("error").is_none());
    assert!(run.stderr.contains("empty file, nothing to lint"));
}

#[test]
fn empty_stdin_is_a_note_not_an_error() {
    let scratch = Scratch::new();
    let run = harness::Run::of(scratch.cmd().arg("-").write_stdin("\n\n"));
    run.expect_code(0);
    assert!(
        run.stderr.contains("empty file, nothing to lint"),
        "{}",
        run.stderr
    );
}

/// A tree with files the walk must take and files and folders it must skip.
fn resume_tree(scratch: &Scratch) {
    for name in [
        "cvs/a.md",
        "cvs/b.markdown",
        "cvs/c.txt",
        "cvs/sub/d.md",
        "cvs/sub/E.MD",
        // Skipped: other extensions, hidden folders, build and package folders.
        "cvs/notes.rst",
        "cvs/cv.pdf.bak",
        "cvs/.git/e.md",
        "cvs/.hidden/f.txt",
        "cvs/target/g.md",
        "cvs/node_modules/pkg/h.md",
        "cvs/sub/target/i.md",
    ] {
        scratch.write(name, ONE_CLICHE_RESUME);
    }
}

fn linted_paths(report: &serde_json::Value) -> Vec<&str> {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect()
}

#[test]
fn a_directory_walk_takes_resume_files_and_skips_the_rest() {
    let scratch = Scratch::new();
    resume_tree(&scratch);
    let run = scratch.run(&["cvs", "--output-format", "json"]);
    run.expect_code(1);
    let report = run.json();
    assert_eq!(
        linted_paths(&report),
        [
            "cvs/a.md",
            "cvs/b.markdown",
            "cvs/c.txt",
            "cvs/sub/E.MD",
            "cvs/sub/d.md"
        ]
    );
    assert_eq!(file_of(&report, "cvs/b.markdown")["format"], "markdown");
    assert_eq!(file_of(&report, "cvs/sub/E.MD")["format"], "markdown");
    assert_eq!(file_of(&report, "cvs/c.txt")["format"], "text");
}

#[test]
fn a_file_named_explicitly_is_linted_whatever_its_extension() {
    let scratch = Scratch::new();
    resume_tree(&scratch);
    let run = scratch.run(&[
        "cvs/notes.rst",
        "cvs/target/g.md",
        "--output-format",
        "json",
    ]);
    let report = run.json();
    assert_eq!(linted_paths(&report), ["cvs/notes.rst", "cvs/target/g.md"]);
    // Plain text unless the name says Markdown.
    assert_eq!(file_of(&report, "cvs/notes.rst")["format"], "text");
    assert_eq!(file_of(&report, "cvs/target/g.md")["format"], "markdown");
}

#[test]
fn output_is_sorted_by_path_then_offset() {
    let scratch = Scratch::new();
    resume_tree(&scratch);
    scratch.write("a-first.md", ONE_CLICHE_RESUME);
    // Given out of order on the command line.
    let run = scratch.run(&["cvs", "a-first.md", "--output-format", "json"]);
    let report = run.json();
    let paths = linted_paths(&report);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for file in report["files"].as_array().expect("files") {
        let offsets: Vec<u64> = file["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["span"]["offset"].as_u64().expect("offset"))
            .collect();
        assert!(offsets.is_sorted(), "{}: {offsets:?}", file["path"]);
    }
}

#[test]
fn output_is_identical_across_runs() {
    let scratch = Scratch::new();
    resume_tree(&scratch);
    for format in ["full", "concise", "json"] {
        let args = ["cvs", "--output-format", format];
        let first = scratch.run(&args);
        let second = scratch.run(&args);
        assert_eq!(first.stdout, second.stdout, "{format}");
        assert_eq!(first.stderr, second.stderr, "{format}");
    }
}

#[test]
fn a_folder_with_nothing_to_lint_says_so() {
    let scratch = Scratch::new();
    scratch.write("docs/notes.rst", "notes");
    let run = scratch.run(&["docs"]);
    run.expect_code(0);
    assert!(run.stderr.contains("nothing to lint"), "{}", run.stderr);
}

#[test]
fn no_path_lints_the_current_directory() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["--select", "overused-phrase", "--output-format", "concise"]);
    run.expect_code(1);
    assert_eq!(run.findings().len(), 1, "{}", run.stdout);
    assert!(run.findings()[0].contains("cv.md:7:1:"), "{}", run.stdout);
}
