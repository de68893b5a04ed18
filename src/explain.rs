//! `resume-lint rules` and `resume-lint rule ID`: the rules' documentation.

use crate::rules::{Rule, RuleSet};
use std::fmt::Write as _;

/// One line per rule: id, kind, default severity, fixable, summary.
pub fn list(rules: &RuleSet) -> String {
    let rows: Vec<[String; 5]> = rules
        .rules()
        .iter()
        .map(|rule| {
            [
                rule.id.clone(),
                rule.kind.name().to_string(),
                rule.severity.to_string(),
                if rule.fixable() { "fixable" } else { "-" }.to_string(),
                rule.docs.summary.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = ["RULE", "KIND", "SEVERITY", "FIX", "SUMMARY"].map(String::from);
    let mut widths = [0usize; 4];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row.iter()) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let _ = writeln!(
            out,
            "{:w0$}  {:w1$}  {:w2$}  {:w3$}  {}",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
        );
    }
    out
}

/// The full documentation of one rule.
pub fn describe(rule: &Rule) -> String {
    let mut out = String::new();
    let fixable = if rule.fixable() {
        "fixable"
    } else {
        "not fixable"
    };
    let _ = writeln!(
        out,
        "{} ({} rule, default severity {}, {fixable})",
        rule.id,
        rule.kind.name(),
        rule.severity
    );
    if let Some(summary) = &rule.docs.summary {
        let _ = writeln!(out, "\n{summary}");
    }
    let scopes: Vec<&str> = rule.scope.iter().map(|s| s.name()).collect();
    let _ = writeln!(out, "\nReads: {}", scopes.join(", "));
    section(&mut out, "Why", rule.docs.why.as_deref());
    section(&mut out, "Source", rule.docs.source.as_deref());
    section(&mut out, "Bad", rule.docs.bad.as_deref());
    section(&mut out, "Good", rule.docs.good.as_deref());
    let _ = writeln!(out, "\nMessage: {}", rule.message);
    if let Some(help) = &rule.help {
        let _ = writeln!(out, "Help: {help}");
    }
    let options = rule.options();
    if options.is_empty() {
        let _ = writeln!(out, "\nOptions: none");
    } else {
        let text = toml::to_string(&options).unwrap_or_default();
        section(
            &mut out,
            "Options (with their defaults)",
            Some(text.trim_end()),
        );
    }
    let _ = writeln!(out, "\nDefined in: {}", rule.origin);
    out
}

fn section(out: &mut String, title: &str, body: Option<&str>) {
    let Some(body) = body.filter(|b| !b.trim().is_empty()) else {
        return;
    };
    let _ = writeln!(out, "\n{title}:");
    for line in body.trim().lines() {
        let _ = writeln!(out, "    {line}");
    }
}
