//! `--statistics`: how many findings each rule made, instead of the findings.

use crate::diagnostic::Severity;
use crate::report::FileReport;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct RuleCount<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    pub count: usize,
    /// How many of them carry a fix.
    pub fixable: usize,
}

/// Most findings first; ties by rule id, so the order never depends on input
/// order.
pub fn counts(reports: &[FileReport]) -> Vec<RuleCount<'_>> {
    let mut by_rule: BTreeMap<&str, RuleCount<'_>> = BTreeMap::new();
    for diagnostic in reports.iter().flat_map(FileReport::diagnostics) {
        let entry = by_rule.entry(&diagnostic.rule).or_insert(RuleCount {
            rule: &diagnostic.rule,
            severity: diagnostic.severity,
            count: 0,
            fixable: 0,
        });
        entry.count += 1;
        entry.fixable += usize::from(diagnostic.fix.is_some());
    }
    let mut counts: Vec<RuleCount<'_>> = by_rule.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    counts
}

/// `  12  quantified-bullet  info  ` lines; `[*]` marks rules whose findings
/// carry fixes.
pub fn render_text(reports: &[FileReport]) -> String {
    let counts = counts(reports);
    let count_width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let rule_width = counts.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for count in &counts {
        let fixable = if count.fixable > 0 { "  [*]" } else { "" };
        let line = format!(
            "{:>count_width$}  {:<rule_width$}  {:<7}{fixable}",
            count.count,
            count.rule,
            count.severity.to_string(),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// Versioned like the JSON report, so tools can tell the two apart.
#[derive(Serialize)]
struct JsonStatistics<'a> {
    version: u32,
    statistics: Vec<RuleCount<'a>>,
}

pub fn render_json(reports: &[FileReport]) -> String {
    let statistics = JsonStatistics {
        version: super::json::VERSION,
        statistics: counts(reports),
    };
    let mut out = serde_json::to_string_pretty(&statistics).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::document::Format;
    use crate::report::Outcome;
    use crate::span::Span;

    fn finding(rule: &str, severity: Severity) -> Diagnostic {
        Diagnostic {
            rule: rule.to_string(),
            severity,
            message: String::new(),
            help: None,
            span: Span {
                offset: 0,
                length: 1,
            },
            fix: None,
        }
    }

    #[test]
    fn counts_per_rule_most_first() {
        let report = FileReport {
            path: "cv.md".into(),
            format: Format::Markdown,
            outcome: Outcome::Linted {
                source: "x".into(),
                diagnostics: vec![
                    finding("b-rule", Severity::Warning),
                    finding("a-rule", Severity::Info),
                    finding("b-rule", Severity::Warning),
                    finding("c-rule", Severity::Error),
                ],
            },
        };
        let text = render_text(std::slice::from_ref(&report));
        assert_eq!(
            text,
            "2  b-rule  warning\n1  a-rule  info\n1  c-rule  error\n"
        );
    }
}
