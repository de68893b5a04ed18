//! Every built-in rule has fixtures: `tests/fixtures/<rule>/flagged.md`, whose
//! lines marked `<!-- flag -->` (or `<!-- flag N -->` for N findings) are
//! exactly the ones the rule reports, and `clean.md`, of look-alikes the rule
//! must leave alone.

use resume_lint::document::{Format, parse};
use resume_lint::position::LineIndex;
use resume_lint::rules::RuleSet;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixture_dir(rule: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rule)
}

/// Line number → number of findings of `rule` on that line.
fn findings_by_line(rule: &str, source: &str) -> BTreeMap<usize, usize> {
    let mut rules = RuleSet::load(&[] as &[&Path]).expect("built-in rules load");
    rules
        .filter(&[rule.to_string()], &[])
        .expect("the rule exists");
    let document = parse(source, Format::Markdown);
    let index = LineIndex::new(source);
    let mut lines = BTreeMap::new();
    for diagnostic in rules.lint(&document) {
        assert_eq!(diagnostic.rule, rule);
        *lines
            .entry(index.position(diagnostic.span.offset).line)
            .or_insert(0) += 1;
    }
    lines
}

/// Line number → expected findings, from the `<!-- flag -->` markers.
fn expected_by_line(source: &str) -> BTreeMap<usize, usize> {
    let mut lines = BTreeMap::new();
    for (number, line) in source.lines().enumerate() {
        if let Some(at) = line.find("<!-- flag") {
            let count = line[at + 9..]
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            lines.insert(number + 1, count);
        }
    }
    lines
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_rule_flags_exactly_its_marked_lines_and_nothing_in_clean() {
    let rules = RuleSet::load(&[] as &[&Path]).expect("built-in rules load");
    let mut failures = Vec::new();
    for rule in rules.rules() {
        let dir = fixture_dir(&rule.id);
        let flagged = read(&dir.join("flagged.md"));
        let expected = expected_by_line(&flagged);
        assert!(
            !expected.is_empty(),
            "{}: flagged.md marks no line",
            rule.id
        );
        let actual = findings_by_line(&rule.id, &flagged);
        if actual != expected {
            failures.push(format!(
                "{}/flagged.md: expected findings on lines {expected:?}, got {actual:?}",
                rule.id
            ));
        }
        let clean = read(&dir.join("clean.md"));
        let actual = findings_by_line(&rule.id, &clean);
        if !actual.is_empty() {
            failures.push(format!(
                "{}/clean.md: expected no findings, got some on lines {actual:?}",
                rule.id
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
