//! The JSON report is a contract other tools parse: its exact keys, 1-based
//! lines and columns in Unicode scalar values, byte spans into the file as
//! read, fixes, errors and the summary.

mod harness;

use harness::{ONE_CLICHE_RESUME, Scratch, UTILIZE_RESUME, UTILIZE_RULE, diagnostics_of, file_of};
use serde_json::Value;
use std::collections::BTreeSet;

/// Findings of several rules on several lines: a cliché, pronouns and a
/// filler, each a single word whose text the span must cover exactly.
const MANY_FINDINGS: &str = "\
# Jane Doe

## Summary

Passionate engineer. I ship reliable systems.

## Experience

### Acme — Engineer (2019–2023)

- Cut latency 40% for our various clients
- We built a billing service used by 3,000 shops

## Education

BSc, 2015

## Skills

Rust
";

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

/// The text a diagnostic's span covers in `source`, checking it is in bounds.
fn span_text<'a>(source: &'a [u8], diagnostic: &Value) -> &'a [u8] {
    let offset = diagnostic["span"]["offset"].as_u64().expect("offset") as usize;
    let length = diagnostic["span"]["length"].as_u64().expect("length") as usize;
    source
        .get(offset..offset + length)
        .unwrap_or_else(|| panic!("span out of the file: {diagnostic}"))
}

/// The text between “ and ” in a message: what the rule says it matched.
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('“')? + '“'.len_utf8();
    let end = start + message[start..].find('”')?;
    Some(&message[start..end])
}

fn lint_json(scratch: &Scratch, args: &[&str]) -> Value {
    let run = scratch.run(&[args, &["--output-format", "json"]].concat());
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    run.json()
}

#[test]
fn stdout_is_one_json_document_with_the_contract_keys() {
    let scratch = Scratch::new();
    scratch.write("cv.md", MANY_FINDINGS);
    scratch.write("empty.md", "");
    let run = scratch.run(&["cv.md", "empty.md", "missing.md", "--output-format", "json"]);
    run.expect_code(2);
    // serde_json::from_str rejects trailing content, so nothing else is on stdout.
    let report = run.json();
    assert_eq!(keys(&report), set(&["version", "files", "summary"]));
    assert_eq!(report["version"], 1);
    assert_eq!(
        keys(&report["summary"]),
        set(&["files", "errors", "warnings", "infos"])
    );
    for file in report["files"].as_array().expect("files") {
        let expected = if file["path"] == "missing.md" {
            set(&["path", "format", "error"])
        } else {
            set(&["path", "format", "diagnostics"])
        };
        assert_eq!(keys(file), expected, "{file}");
    }
    let diagnostics = diagnostics_of(&report, "cv.md");
    assert!(!diagnostics.is_empty());
    for diagnostic in diagnostics {
        assert_eq!(
            keys(diagnostic),
            set(&[
                "rule",
                "severity",
                "message",
                "help",
                "line",
                "column",
                "end_line",
                "end_column",
                "span",
                "fix"
            ]),
            "{diagnostic}"
        );
        assert_eq!(keys(&diagnostic["span"]), set(&["offset", "length"]));
        assert!(["error", "warning", "info"].contains(&diagnostic["severity"].as_str().unwrap()));
        assert!(diagnostic["rule"].is_string() && diagnostic["message"].is_string());
        assert!(diagnostic["help"].is_string() || diagnostic["help"].is_null());
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(diagnostic[key].as_u64().expect(key) >= 1, "{diagnostic}");
        }
    }
}

#[test]
fn the_summary_counts_match_the_diagnostics() {
    let scratch = Scratch::new();
    scratch.write("extra/utilize.toml", UTILIZE_RULE);
    scratch.write("a.md", MANY_FINDINGS);
    scratch.write("b.md", UTILIZE_RESUME);
    scratch.write("c.md", "");
    let report = lint_json(&scratch, &["a.md", "b.md", "c.md", "--rules", "extra"]);
    let files = report["files"].as_array().expect("files");
    let count = |severity: &str| {
        files
            .iter()
            .flat_map(|f| f["diagnostics"].as_array().into_iter().flatten())
            .filter(|d| d["severity"] == severity)
            .count() as u64
    };
    assert_eq!(report["summary"]["files"], files.len() as u64);
    assert_eq!(report["summary"]["errors"], count("error"));
    assert_eq!(report["summary"]["warnings"], count("warning"));
    assert_eq!(report["summary"]["infos"], count("info"));
    assert!(count("warning") > 0 && count("info") > 0);
}

#[test]
fn spans_are_bytes_of_the_file_and_cover_the_flagged_word() {
    let scratch = Scratch::new();
    scratch.write("cv.md", MANY_FINDINGS);
    let report = lint_json(
        &scratch,
        &["cv.md", "--select", "overused-phrase,first-person"],
    );
    let source = MANY_FINDINGS.as_bytes();
    let found: Vec<(&str, &str, u64, u64)> = diagnostics_of(&report, "cv.md")
        .iter()
        .map(|d| {
            let text =
                std::str::from_utf8(span_text(source, d)).expect("a span on char boundaries");
            // The span covers exactly what the message quotes.
            assert_eq!(Some(text), quoted(d["message"].as_str().unwrap()), "{d}");
            (
                d["rule"].as_str().unwrap(),
                text,
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("overused-phrase", "Passionate", 5, 1),
            ("first-person", "I", 5, 22),
            ("first-person", "our", 11, 23),
            ("overused-phrase", "various", 11, 27),
            ("first-person", "We", 12, 3),
        ]
    );
}

#[test]
fn columns_count_unicode_scalar_values() {
    let scratch = Scratch::new();
    // Before “passionate”: 2-byte (É, è), 3-byte (日, 本) and 4-byte (🎉)
    // characters, and a combining accent (a scalar value of its own).
    let source = "## Summary\n\nÉlève 日本 🎉 e\u{301} passionate engineer.\n";
    scratch.write("cv.md", source);
    let report = lint_json(&scratch, &["cv.md", "--select", "overused-phrase"]);
    let diagnostics = diagnostics_of(&report, "cv.md");
    assert_eq!(diagnostics.len(), 1, "{report:#}");
    let d = &diagnostics[0];
    // "Élève 日本 🎉 e\u{301} " is 14 scalar values (24 bytes, 15 UTF-16
    // units), so the word starts in column 15.
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(15))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(3), Some(25))
    );
    assert_eq!(span_text(source.as_bytes(), d), b"passionate");
    assert_eq!(d["span"]["offset"], source.find("passionate").unwrap());
}

#[test]
fn a_bom_is_not_counted_in_columns_but_is_in_offsets() {
    let scratch = Scratch::new();
    scratch.write(
        "extra/summary-heading.toml",
        "id = \"summary-heading\"\nkind = \"pattern\"\nscope = [\"heading\"]\nmessage = \"{match}\"\npattern = 'Summary'\n",
    );
    let plain = "## Summary\n\nPassionate engineer.\n";
    let with_bom = format!("\u{feff}{plain}");
    scratch.write("plain.md", plain);
    scratch.write("bom.md", &with_bom);
    let report = lint_json(
        &scratch,
        &[
            "plain.md",
            "bom.md",
            "--rules",
            "extra",
            "--select",
            "summary-heading,overused-phrase",
        ],
    );
    let positions = |path: &str| -> Vec<(u64, u64, u64)> {
        diagnostics_of(&report, path)
            .iter()
            .map(|d| {
                (
                    d["line"].as_u64().unwrap(),
                    d["column"].as_u64().unwrap(),
                    d["end_column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // The heading's “Summary” on line 1 starts in column 4, BOM or not.
    assert_eq!(positions("plain.md"), [(1, 4, 11), (3, 1, 11)]);
    assert_eq!(positions("bom.md"), positions("plain.md"));
    for d in diagnostics_of(&report, "bom.md") {
        let text = span_text(with_bom.as_bytes(), d);
        assert!(text == b"Summary" || text == b"Passionate", "{d}");
    }
    assert_eq!(diagnostics_of(&report, "bom.md")[0]["span"]["offset"], 6);
}

#[test]
fn crlf_files_give_the_same_lines_and_columns_as_lf() {
    let scratch = Scratch::new();
    let crlf = MANY_FINDINGS.replace('\n', "\r\n");
    scratch.write("lf.md", MANY_FINDINGS);
    scratch.write("crlf.md", &crlf);
    let report = lint_json(&scratch, &["lf.md", "crlf.md"]);
    let positions = |path: &str, source: &str| -> Vec<(String, Vec<u8>, [u64; 4])> {
        diagnostics_of(&report, path)
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_string(),
                    span_text(source.as_bytes(), d).to_vec(),
                    ["line", "column", "end_line", "end_column"].map(|k| d[k].as_u64().unwrap()),
                )
            })
            .collect()
    };
    let lf = positions("lf.md", MANY_FINDINGS);
    assert!(lf.len() >= 5);
    assert_eq!(positions("crlf.md", &crlf), lf);
}

#[test]
fn a_fix_carries_its_edits() {
    let scratch = Scratch::new();
    scratch.write("extra/utilize.toml", UTILIZE_RULE);
    scratch.write("cv.md", UTILIZE_RESUME);
    let report = lint_json(
        &scratch,
        &["cv.md", "--rules", "extra", "--select", "utilize"],
    );
    let diagnostics = diagnostics_of(&report, "cv.md");
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(d["rule"], "utilize");
    assert_eq!(d["severity"], "info");
    assert_eq!(d["message"], "“Utilize” is a long way to say “Use”");
    assert_eq!(d["help"], "Write “Use”.");
    assert_eq!(keys(&d["fix"]), set(&["applicability", "message", "edits"]));
    assert_eq!(d["fix"]["applicability"], "unsafe");
    assert!(d["fix"]["message"].is_string());
    let offset = UTILIZE_RESUME.find("Utilize").unwrap();
    assert_eq!(
        d["fix"]["edits"],
        serde_json::json!([{"offset": offset, "length": 7, "replacement": "Use"}])
    );
}

#[test]
fn a_finding_without_a_fix_has_fix_null() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let report = lint_json(&scratch, &["cv.md", "--select", "overused-phrase"]);
    let d = &diagnostics_of(&report, "cv.md")[0];
    assert!(d["fix"].is_null(), "{d}");
    assert_eq!(file_of(&report, "cv.md")["format"], "markdown");
}

#[test]
fn notes_go_to_stderr_not_into_the_json() {
    let scratch = Scratch::new();
    scratch.write("empty.md", "");
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["empty.md", "cv.md", "--output-format", "json"]);
    run.json();
    assert!(run.stderr.contains("empty file"), "{}", run.stderr);
    assert!(!run.stdout.contains("empty file"));
    assert!(
        !run.stdout.contains("in 2 files"),
        "no summary line in JSON"
    );
}
