//! What the CLI tests share: the real binary run in a scratch folder, a few
//! resumes with known findings, and checks on what the user sees.
//!
//! Every test writes its files into its own temporary folder, never into the
//! repository, and runs the binary there so that paths in the output are
//! short and predictable ("cv.md", not "/tmp/.tmpXYZ/cv.md").

#![allow(dead_code)] // each test crate uses a different part of this module

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A resume that no built-in rule flags in the sections `--select
/// overused-phrase` reads.
pub const CLEAN_RESUME: &str = "\
# Jane Doe

jane@example.com

## Summary

Backend engineer who ships reliable payment systems.

## Experience

### Acme Corp — Senior Engineer (2019–2023)

- Cut checkout latency 40% by moving pricing to a Redis cache
- Led a team of 5 engineers to ship a new billing service

## Education

BSc Computer Science, State University, 2015

## Skills

Rust, Go, PostgreSQL
";

/// The clean resume with one cliché in the summary: exactly one
/// `overused-phrase` warning, on line 7, column 1 (“Passionate”).
pub const ONE_CLICHE_RESUME: &str = "\
# Jane Doe

jane@example.com

## Summary

Passionate about reliable payment systems that ship on time.

## Experience

### Acme Corp — Senior Engineer (2019–2023)

- Cut checkout latency 40% by moving pricing to a Redis cache
- Led a team of 5 engineers to ship a new billing service

## Education

BSc Computer Science, State University, 2015

## Skills

Rust, Go, PostgreSQL
";

/// A user rule of kind `pattern`: “utilize” → “use”, severity info, fixable.
pub const UTILIZE_RULE: &str = r#"
id = "utilize"
kind = "pattern"
severity = "info"
scope = ["summary", "bullet", "paragraph"]
message = "“{match}” is a long way to say “{replacement}”"
help = "Write “{replacement}”."
summary = "Utilize means use"
pattern = '(?i)\butilize\b'
replacement = "use"
"#;

/// A summary that uses “utilize” once, on line 3, column 1.
pub const UTILIZE_RESUME: &str = "\
## Summary

Utilize caching to cut latency 40%.
";

/// A temporary folder to write resumes and rule files into, and to run the
/// binary in.
pub struct Scratch {
    dir: TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `contents` to `name` (relative, parents created) and returns
    /// the full path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the parent folder");
        }
        std::fs::write(&path, contents).expect("write a fixture file");
        path
    }

    /// The binary, run in this folder, with no colour settings inherited
    /// from whoever runs the tests.
    pub fn cmd(&self) -> Command {
        let mut cmd = resume_lint();
        cmd.current_dir(self.dir.path());
        cmd
    }

    /// Runs the binary here and returns what it did.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(self.cmd().args(args))
    }
}

/// The binary under test, with a clean colour environment.
pub fn resume_lint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_resume-lint"));
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
    cmd
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(cmd: &mut Command) -> Run {
        let output = cmd.output().expect("the binary runs");
        let run = Run {
            code: output.status.code().expect("the binary exits, not killed"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "the binary panicked:\n{}",
            run.stderr
        );
        run
    }

    /// Asserts the exit code, showing both streams when it is wrong.
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// stdout parsed as the JSON report.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not one JSON document ({e}):\n{}\n--- stderr\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// The concise finding lines of stdout (the summary and the fixable
    /// count after it dropped).
    pub fn findings(&self) -> Vec<&str> {
        let mut lines: Vec<&str> = self.stdout.lines().collect();
        while lines
            .last()
            .is_some_and(|last| !last.contains(": ") || last.contains("fixable with --fix"))
        {
            lines.pop();
        }
        lines
    }
}

/// The diagnostics of the file `path` in a JSON report.
pub fn diagnostics_of<'a>(report: &'a serde_json::Value, path: &str) -> &'a [serde_json::Value] {
    file_of(report, path)["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("{path} has no diagnostics array in {report:#}"))
}

/// The entry of the file `path` in a JSON report.
pub fn file_of<'a>(report: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    report["files"]
        .as_array()
        .expect("files is an array")
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} is not in the report: {report:#}"))
}

/// Whether text contains an ANSI escape sequence.
pub fn has_ansi(text: &str) -> bool {
    text.contains('\u{1b}')
}
