//! `--output-format junit`: a JUnit XML report that every CI system must be
//! able to parse, whatever the resume contains. Each report is read back with
//! quick-xml's reader into a small tree, which fails on any markup error, and
//! checked character by character against XML 1.0's `Char` production, which
//! the reader does not enforce.

mod harness;

use harness::{Scratch, diagnostics_of};
use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// An element of the report as a consumer sees it: attributes and text
/// unescaped.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, key: &str) -> &str {
        self.attributes
            .get(key)
            .unwrap_or_else(|| panic!("<{}> has no {key}: {self:#?}", self.name))
    }

    fn count(&self, key: &str) -> usize {
        self.attr(key).parse().expect("a count")
    }

    fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every descendant called `name`.
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            child.all(name, out);
        }
    }
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Parses a report, panicking on anything a conforming XML 1.0 parser would
/// reject, and returns its root element.
fn parse(xml: &str) -> Element {
    let declaration = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
    assert!(xml.starts_with(declaration), "{xml}");
    if let Some(bad) = xml.chars().find(|&c| !xml_char(c)) {
        panic!("{bad:?} is not an XML 1.0 character:\n{xml}");
    }
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Element::default()];
    loop {
        let event = reader.read_event().unwrap_or_else(|e| {
            panic!("not well-formed at {}: {e}\n{xml}", reader.error_position())
        });
        match event {
            Event::Decl(_) => {}
            Event::Start(start) => stack.push(element(&start)),
            Event::Empty(start) => {
                let element = element(&start);
                stack.last_mut().unwrap().children.push(element);
            }
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack
                    .last_mut()
                    .expect("an open element")
                    .children
                    .push(done);
            }
            Event::Text(text) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&text.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().expect("a valid reference") {
                    Some(c) => {
                        assert!(xml_char(c), "&{}; is not an XML 1.0 character", &*reference);
                        c.to_string()
                    }
                    None => resolve_predefined_entity(&reference)
                        .unwrap_or_else(|| panic!("undeclared entity &{};", &*reference))
                        .to_string(),
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Event::Eof => break,
            other => panic!("unexpected {other:?} in the report"),
        }
    }
    let mut document = stack.pop().expect("the document");
    assert!(stack.is_empty(), "unclosed elements");
    assert!(document.text.trim().is_empty(), "text outside the root");
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

fn element(start: &BytesStart<'_>) -> Element {
    let attributes = start
        .attributes()
        .map(|attribute| {
            let attribute = attribute.expect("a well-formed, unique attribute");
            let key = attribute.key.as_ref().to_string();
            let value = attribute
                .normalized_value(XmlVersion::Explicit1_0)
                .expect("an attribute value with valid references")
                .into_owned();
            (key, value)
        })
        .collect();
    Element {
        name: start.name().as_ref().to_string(),
        attributes,
        ..Element::default()
    }
}

/// Checks the counts every consumer relies on: each suite's and the root's
/// `tests`, `failures` and `errors` match the elements inside them.
fn check_counts(root: &Element) {
    assert_eq!(root.name, "testsuites");
    assert_eq!(root.attr("name"), "resume-lint");
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for suite in root.children("testsuite") {
        let cases: Vec<&Element> = suite.children("testcase").collect();
        let failed = cases
            .iter()
            .filter(|c| c.child("failure").is_some())
            .count();
        let errored = cases.iter().filter(|c| c.child("error").is_some()).count();
        assert_eq!(suite.count("tests"), cases.len());
        assert_eq!(suite.count("failures"), failed);
        assert_eq!(suite.count("errors"), errored);
        for case in &cases {
            assert_eq!(case.attr("classname"), suite.attr("name"));
            let verdicts = case.children("failure").count() + case.children("error").count();
            assert!(verdicts <= 1, "{case:#?}");
        }
        tests += cases.len();
        failures += failed;
        errors += errored;
    }
    assert_eq!(root.count("tests"), tests);
    assert_eq!(root.count("failures"), failures);
    assert_eq!(root.count("errors"), errors);
}

/// The binary, run in the repository on its examples, as a user would.
fn run_in_repo(args: &[&str]) -> (Option<i32>, String) {
    let output = assert_cmd::Command::cargo_bin("resume-lint")
        .expect("the binary builds")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("RESUME_LINT_TODAY", "2026-11")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (output.status.code(), stdout)
}

/// The number of built-in rules: the TOML files in `rules/`.
fn builtin_rule_count() -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    std::fs::read_dir(dir)
        .expect("the rules folder")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "toml"))
        .count()
}

/// Per rule, the findings that fail (warning, error) and the hints (info).
fn findings_by_rule(diagnostics: &[Value]) -> BTreeMap<String, (usize, usize)> {
    let mut by_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for diagnostic in diagnostics {
        let entry = by_rule
            .entry(diagnostic["rule"].as_str().unwrap().to_string())
            .or_default();
        if diagnostic["severity"] == "info" {
            entry.1 += 1;
        } else {
            entry.0 += 1;
        }
    }
    by_rule
}

/// The `line:col severity message` lines of a failure or system-out.
fn finding_lines(text: &str) -> usize {
    text.lines()
        .filter(|line| !line.starts_with(' ') && !line.is_empty())
        .count()
}

#[test]
fn every_example_is_well_formed_and_counted() {
    let rules = builtin_rule_count();
    for example in [
        "examples/strong.md",
        "examples/weak.md",
        "examples/plain.txt",
    ] {
        let (code, xml) = run_in_repo(&["--output-format", "junit", example]);
        assert!(matches!(code, Some(0 | 1)), "exit {code:?}");
        let root = parse(&xml);
        check_counts(&root);
        let suites: Vec<&Element> = root.children("testsuite").collect();
        assert_eq!(suites.len(), 1);
        assert_eq!(suites[0].attr("name"), example);
        assert_eq!(suites[0].count("tests"), rules, "one test case per rule");

        // Failures and hints match the JSON report, finding for finding.
        let (_, json) = run_in_repo(&["--output-format", "json", example]);
        let json: Value = serde_json::from_str(&json).unwrap();
        let by_rule = findings_by_rule(diagnostics_of(&json, example));
        for case in suites[0].children("testcase") {
            let rule = case.attr("name");
            let (failing, hints) = by_rule.get(rule).copied().unwrap_or_default();
            match case.child("failure") {
                Some(failure) => {
                    assert_eq!(failure.attr("type"), rule);
                    assert_eq!(finding_lines(&failure.text), failing, "{rule}");
                }
                None => assert_eq!(failing, 0, "{rule} should fail"),
            }
            match case.child("system-out") {
                Some(out) => assert_eq!(finding_lines(&out.text), hints, "{rule}"),
                None => assert_eq!(hints, 0, "{rule} should list its hints"),
            }
        }
        let failing_rules = by_rule.values().filter(|(failing, _)| *failing > 0).count();
        assert_eq!(root.count("failures"), failing_rules);
        assert_eq!(root.count("errors"), 0);
    }
}

/// Rules that quote each line of the resume, whole: one fails, one hints.
const ECHO_WARNING: &str = r#"
id = "echo-warning"
kind = "pattern"
severity = "warning"
scope = ["bullet", "paragraph"]
message = "{match}"
help = "quoted: {match}"
pattern = '(?m)^.+$'
"#;

const ECHO_INFO: &str = r#"
id = "echo-info"
kind = "pattern"
severity = "info"
scope = ["bullet", "paragraph"]
message = "{match}"
pattern = '(?m)^.+$'
"#;

/// Markup, CDATA ends, quotes, entities and control characters. As plain
/// text the resume reaches the messages as it is (Markdown would read the
/// tags as inline HTML and resolve the entities).
const HOSTILE_RESUME: &str = "\
EXPERIENCE

Acme Corp — Engineer (2020–2023)
- Wrote <script>alert(1)</script> & <![CDATA[ x ]]> in \"quotes\" and 'apostrophes'
- Coloured \u{1b}[31mred\u{1b}[0m, rang \u{7} and kept \u{FFFF}
- Ended a section ]]> with &amp; and &#27; as text
";

/// The findings of `rule` in `file` of a JSON report: their messages.
fn messages_of(json: &Value, file: &str, rule: &str) -> Vec<String> {
    diagnostics_of(json, file)
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn hostile_text_is_escaped_and_control_characters_replaced() {
    let scratch = Scratch::new();
    scratch.write("rules/echo-warning.toml", ECHO_WARNING);
    scratch.write("rules/echo-info.toml", ECHO_INFO);
    for file in ["cv.txt", "cv.md"] {
        scratch.write(file, HOSTILE_RESUME);
        let args = |format| {
            [
                "--rules",
                "rules",
                "--select",
                "echo-warning,echo-info",
                "--output-format",
                format,
                file,
            ]
        };
        let run = scratch.run(&args("junit"));
        run.expect_code(1);
        let root = parse(&run.stdout);
        check_counts(&root);
        assert_eq!(root.count("tests"), 2);
        assert_eq!(root.count("failures"), 1);

        let json = scratch.run(&args("json")).json();
        let warnings = messages_of(&json, file, "echo-warning");
        assert_eq!(warnings, messages_of(&json, file, "echo-info"));
        assert!(warnings.len() >= 3, "{json:#}");

        let suite = root.child("testsuite").unwrap();
        let cases: BTreeMap<&str, &Element> = suite
            .children("testcase")
            .map(|case| (case.attr("name"), case))
            .collect();
        let failure = cases["echo-warning"].child("failure").expect("a failure");
        assert!(cases["echo-info"].child("failure").is_none());
        let hints = cases["echo-info"].child("system-out").expect("hints");
        assert_eq!(finding_lines(&failure.text), warnings.len());
        assert_eq!(finding_lines(&hints.text), warnings.len());

        // A consumer reads back every message as the rule wrote it, but for
        // the characters XML cannot carry.
        let visible = |message: &str| -> String {
            message
                .chars()
                .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
                .collect()
        };
        for message in &warnings {
            let message = visible(message);
            assert!(
                failure.text.contains(&message),
                "{message:?} not in {:?}",
                failure.text
            );
            assert!(hints.text.contains(&message));
        }
        assert!(
            failure
                .attr("message")
                .contains(&format!("the first at 4:3: {}", visible(&warnings[0]))),
            "{failure:#?}"
        );
        // The markup in the resume is text in the report, never markup.
        let mut scripts = Vec::new();
        root.all("script", &mut scripts);
        assert!(scripts.is_empty());
    }

    // The plain-text resume quotes every hostile string as it is.
    let run = scratch.run(&[
        "--rules",
        "rules",
        "--select",
        "echo-warning,echo-info",
        "--output-format",
        "junit",
        "cv.txt",
    ]);
    let root = parse(&run.stdout);
    let suite = root.child("testsuite").unwrap();
    let mut texts = vec![];
    suite.all("failure", &mut texts);
    suite.all("system-out", &mut texts);
    assert_eq!(texts.len(), 2);
    for element in texts {
        let text = &element.text;
        assert!(text.contains("<script>alert(1)</script> & <![CDATA[ x ]]>"));
        assert!(text.contains("\"quotes\" and 'apostrophes'"));
        assert!(text.contains("\u{FFFD}[31mred\u{FFFD}[0m, rang \u{FFFD} and kept \u{FFFD}"));
        assert!(text.contains("]]> with &amp; and &#27; as text"));
    }
}

#[test]
fn unreadable_and_empty_files_are_suites_too() {
    let scratch = Scratch::new();
    scratch.write("bad.md", b"caf\xe9 <&>\n");
    scratch.write("empty.md", " \n\n");
    let run = scratch.run(&[
        "--select",
        "first-person,overused-phrase",
        "--output-format",
        "junit",
        "bad.md",
        "empty.md",
        "missing.md",
    ]);
    run.expect_code(2);
    let root = parse(&run.stdout);
    check_counts(&root);
    assert_eq!(root.count("errors"), 2);
    assert_eq!(root.count("failures"), 0);
    let suites: BTreeMap<&str, &Element> = root
        .children("testsuite")
        .map(|suite| (suite.attr("name"), suite))
        .collect();
    assert_eq!(
        suites.keys().copied().collect::<Vec<_>>(),
        ["bad.md", "empty.md", "missing.md"]
    );

    for unreadable in ["bad.md", "missing.md"] {
        let suite = suites[unreadable];
        assert_eq!(suite.count("errors"), 1);
        assert_eq!(suite.count("tests"), 1);
        let error = suite.child("testcase").unwrap().child("error").unwrap();
        assert!(error.attr("message").contains(unreadable), "{error:#?}");
    }
    assert!(
        suites["bad.md"]
            .child("testcase")
            .unwrap()
            .child("error")
            .unwrap()
            .attr("message")
            .contains("not valid UTF-8")
    );

    let empty = suites["empty.md"];
    let names: Vec<&str> = empty.children("testcase").map(|c| c.attr("name")).collect();
    assert_eq!(names, ["first-person", "overused-phrase"]);
    assert!(empty.children("testcase").all(|c| c.children.is_empty()));
    assert_eq!(
        empty.child("system-out").unwrap().text,
        "empty file, nothing to lint"
    );
}

#[test]
fn weak_example_junit_output() {
    let (code, xml) = run_in_repo(&["--output-format", "junit", "examples/weak.md"]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!(xml);
}
