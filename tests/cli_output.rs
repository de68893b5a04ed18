//! The human-readable formats: `concise` lines, the default `full`
//! diagnostics, and when either uses colour.

mod harness;

use harness::{ONE_CLICHE_RESUME, Scratch, has_ansi};
use regex::Regex;

/// Findings of three rules in one resume.
const SEVERAL_FINDINGS: &str = "\
# Jane Doe

## Summary

I am a passionate team player.

## Work Stuff

- Built our billing service
";

#[test]
fn concise_lines_are_path_line_col_severity_rule_message() {
    let scratch = Scratch::new();
    scratch.write("cv.md", SEVERAL_FINDINGS);
    scratch.write("sub/cv.txt", SEVERAL_FINDINGS);
    let run = scratch.run(&["cv.md", "sub", "--output-format", "concise"]);
    run.expect_code(1);
    let line =
        Regex::new(r"^(\S+):(\d+):(\d+): (error|warning|info)\[([a-z0-9-]+)\] (.+)$").unwrap();
    let findings = run.findings();
    assert!(findings.len() >= 5, "{}", run.stdout);
    for finding in &findings {
        let caps = line
            .captures(finding)
            .unwrap_or_else(|| panic!("not a concise line: {finding:?}"));
        assert!(["cv.md", "sub/cv.txt"].contains(&&caps[1]), "{finding}");
        assert!(caps[2].parse::<usize>().unwrap() >= 1);
        assert!(caps[3].parse::<usize>().unwrap() >= 1);
    }
    assert!(
        findings.contains(
            &"cv.md:5:8: warning[overused-phrase] “passionate” is a cliché recruiters skip"
        ),
        "{}",
        run.stdout
    );
    assert!(
        findings.contains(&"cv.md:5:1: warning[first-person] first-person “I” in a resume"),
        "{}",
        run.stdout
    );
    // The summary line ends the findings; only the count of fixable ones
    // may follow it.
    let last = run
        .stdout
        .lines()
        .rfind(|line| !line.contains("fixable with --fix"))
        .unwrap();
    let summary =
        Regex::new(r"^\d+ (warnings?|errors?|info)(, \d+ (warnings?|errors?|info))* in 2 files$");
    assert!(summary.unwrap().is_match(last), "{last}");
}

#[test]
fn full_output_shows_rule_message_source_line_and_help() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["cv.md", "--select", "overused-phrase"]);
    run.expect_code(1);
    let out = &run.stdout;
    assert!(out.contains("overused-phrase"), "{out}");
    assert!(
        out.contains("“Passionate” is a cliché recruiters skip"),
        "{out}"
    );
    assert!(out.contains("[cv.md:7:1]"), "{out}");
    assert!(
        out.contains("Passionate about reliable payment systems that ship on time."),
        "the source line is quoted:\n{out}"
    );
    assert!(out.contains("help: Replace it with evidence"), "{out}");
    assert!(out.ends_with("\n1 warning in 1 file\n"), "{out}");
}

#[test]
fn full_output_positions_match_concise_ones() {
    let scratch = Scratch::new();
    // A BOM, tabs and multi-byte characters before findings: the header of a
    // full diagnostic counts characters like every other format.
    scratch.write(
        "cv.md",
        "\u{feff}## Summary\n\nÉlève\t日本 🎉 passionate engineer. I ship.\n",
    );
    let full = scratch.run(&["cv.md", "--select", "overused-phrase,first-person"]);
    let concise = scratch.run(&[
        "cv.md",
        "--select",
        "overused-phrase,first-person",
        "--output-format",
        "concise",
    ]);
    let header = Regex::new(r"\[(cv\.md:\d+:\d+)\]").unwrap();
    let from_full: Vec<String> = header
        .captures_iter(&full.stdout)
        .map(|caps| caps[1].to_string())
        .collect();
    let from_concise: Vec<String> = concise
        .findings()
        .iter()
        .map(|line| line.splitn(4, ':').take(3).collect::<Vec<_>>().join(":"))
        .collect();
    assert_eq!(
        from_concise,
        ["cv.md:3:12", "cv.md:3:33"],
        "{}",
        concise.stdout
    );
    assert_eq!(from_full, from_concise, "{}", full.stdout);
}

#[test]
fn full_output_shows_the_fix() {
    let scratch = Scratch::new();
    scratch.write("extra/utilize.toml", harness::UTILIZE_RULE);
    scratch.write("cv.md", harness::UTILIZE_RESUME);
    let run = scratch.run(&["cv.md", "--rules", "extra", "--select", "utilize"]);
    assert!(run.stdout.contains("help: Write “Use”."), "{}", run.stdout);
    assert!(
        run.stdout.contains("fix: Replace with “Use”"),
        "{}",
        run.stdout
    );
}

#[test]
fn colour_is_off_when_piped_never_or_no_color() {
    let scratch = Scratch::new();
    scratch.write("cv.md", SEVERAL_FINDINGS);
    for format in ["full", "concise"] {
        let piped = scratch.run(&["cv.md", "--output-format", format]);
        assert!(
            !has_ansi(&piped.stdout),
            "{format}, piped:\n{}",
            piped.stdout
        );
        let never = scratch.run(&["cv.md", "--output-format", format, "--color", "never"]);
        assert!(
            !has_ansi(&never.stdout),
            "{format}, never:\n{}",
            never.stdout
        );
        let no_color = harness::Run::of(
            scratch
                .cmd()
                .args(["cv.md", "--output-format", format])
                .env("NO_COLOR", "1"),
        );
        assert!(
            !has_ansi(&no_color.stdout),
            "{format}, NO_COLOR:\n{}",
            no_color.stdout
        );
    }
}

#[test]
fn colour_always_colours_even_when_piped() {
    let scratch = Scratch::new();
    scratch.write("cv.md", SEVERAL_FINDINGS);
    for format in ["full", "concise"] {
        let run = scratch.run(&["cv.md", "--output-format", format, "--color", "always"]);
        assert!(has_ansi(&run.stdout), "{format}:\n{}", run.stdout);
    }
}

#[test]
fn json_never_has_colour() {
    let scratch = Scratch::new();
    scratch.write("cv.md", SEVERAL_FINDINGS);
    let run = scratch.run(&["cv.md", "--output-format", "json", "--color", "always"]);
    assert!(!has_ansi(&run.stdout), "{}", run.stdout);
    run.json();
}

#[test]
fn errors_on_stderr_have_no_colour_unless_asked() {
    let scratch = Scratch::new();
    let run = scratch.run(&["missing.md"]);
    run.expect_code(2);
    assert!(!has_ansi(&run.stderr), "{}", run.stderr);
    let never = scratch.run(&["missing.md", "--color", "never"]);
    assert!(!has_ansi(&never.stderr), "{}", never.stderr);
}
