//! `--fix`, `--unsafe-fixes` and `--diff` through the binary: what is
//! written, what is kept (line endings, BOM, final newline, permissions),
//! what is refused, and the exit codes.

mod harness;

use harness::Scratch;
use std::fs;

/// Two safe fixes (creative headings) and one unsafe one (utilize → use).
const FIXABLE: &str = "\
# Jane Doe

## Where I've Built Things

### Acme — Engineer (2019–2023)

- Cut checkout latency 40% by moving pricing to a Redis cache

## Education

BSc Computer Science, 2015

## Tech Arsenal

Rust, Go
";

const FIXED: &str = "\
# Jane Doe

## Work Experience

### Acme — Engineer (2019–2023)

- Cut checkout latency 40% by moving pricing to a Redis cache

## Education

BSc Computer Science, 2015

## Skills

Rust, Go
";

#[test]
fn fix_applies_safe_fixes_in_place_and_reports_what_remains() {
    let scratch = Scratch::new();
    let path = scratch.write("cv.md", FIXABLE);
    let run = scratch.run(&["--fix", "cv.md", "--select", "ats-heading"]);
    run.expect_code(0);
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    assert!(
        run.stdout.contains("fixed 2 findings in 1 file"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("no problems in 1 file"),
        "{}",
        run.stdout
    );
    // Idempotent: a second run has nothing to do.
    let again = scratch.run(&["--fix", "cv.md", "--select", "ats-heading"]);
    again.expect_code(0);
    assert!(again.stdout.contains("nothing to fix"), "{}", again.stdout);
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
}

#[test]
fn fix_keeps_crlf_bom_and_a_missing_final_newline() {
    let scratch = Scratch::new();
    let crlf = format!("\u{FEFF}{}", FIXABLE.trim_end().replace('\n', "\r\n"));
    let path = scratch.write("cv.md", &crlf);
    scratch
        .run(&["--fix", "cv.md", "--select", "ats-heading"])
        .expect_code(0);
    let expected = format!("\u{FEFF}{}", FIXED.trim_end().replace('\n', "\r\n"));
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions_and_skips_read_only_files() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new();
    let writable = scratch.write("a.md", FIXABLE);
    let read_only = scratch.write("b.md", FIXABLE);
    fs::set_permissions(&writable, fs::Permissions::from_mode(0o640)).unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    let run = scratch.run(&["--fix", "a.md", "b.md", "--select", "ats-heading"]);
    // Judged by the permission bits, so this holds when the tests run as root.
    run.expect_code(2);
    assert!(run.stderr.contains("b.md is read-only"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&read_only).unwrap(), FIXABLE);
    assert_eq!(fs::read_to_string(&writable).unwrap(), FIXED);
    let mode = fs::metadata(&writable).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // The skipped file's findings are still reported, on its real text.
    assert!(run.stdout.contains("b.md:3:4"), "{}", run.stdout);
}

#[test]
fn diff_shows_the_fix_and_writes_nothing() {
    let scratch = Scratch::new();
    let path = scratch.write("cv.md", FIXABLE);
    let run = scratch.run(&["--diff", "cv.md"]);
    run.expect_code(1);
    assert!(
        run.stdout.starts_with("--- a/cv.md\n+++ b/cv.md\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("-## Tech Arsenal\n+## Skills\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "would fix 2 findings in 1 file\n");
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXABLE);
    // No diff: exit 0, whatever findings remain.
    scratch.write("clean.md", FIXED);
    let clean = scratch.run(&["--diff", "clean.md"]);
    clean.expect_code(0);
    assert_eq!(clean.stdout, "");
}

#[test]
fn unsafe_fixes_are_applied_only_when_asked() {
    let scratch = Scratch::new();
    scratch.write("rules/utilize.toml", harness::UTILIZE_RULE);
    let path = scratch.write("cv.md", harness::UTILIZE_RESUME);
    let args = ["cv.md", "--rules", "rules", "--select", "utilize"];
    let safe = scratch.run(&[&args[..], &["--fix"]].concat());
    assert_eq!(fs::read_to_string(&path).unwrap(), harness::UTILIZE_RESUME);
    assert!(
        safe.stdout.contains("1 fixable with --fix --unsafe-fixes"),
        "{}",
        safe.stdout
    );
    scratch
        .run(&[&args[..], &["--fix", "--unsafe-fixes"]].concat())
        .expect_code(0);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        harness::UTILIZE_RESUME.replace("Utilize", "Use")
    );
}

#[test]
fn fix_on_stdin_prints_exactly_the_fixed_text() {
    let scratch = Scratch::new();
    let run = harness::Run::of(
        scratch
            .cmd()
            .args(["--fix", "-", "--select", "ats-heading,overused-phrase"])
            .write_stdin(FIXABLE.trim_end()),
    );
    run.expect_code(0);
    assert_eq!(run.stdout, FIXED.trim_end());
    assert!(
        run.stderr.contains("fixed 2 findings in 1 file"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_fixable_marker_follows_the_fix_level() {
    let scratch = Scratch::new();
    scratch.write("cv.md", FIXABLE);
    let run = scratch.run(&[
        "cv.md",
        "--output-format",
        "concise",
        "--select",
        "ats-heading",
    ]);
    assert!(
        run.stdout
            .contains("cv.md:3:4: error[ats-heading] [*] “Where I've Built Things”"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("[*] 2 fixable with --fix\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn fix_and_diff_do_not_mix() {
    let scratch = Scratch::new();
    scratch.write("cv.md", FIXABLE);
    scratch.run(&["--fix", "--diff", "cv.md"]).expect_code(2);
}
