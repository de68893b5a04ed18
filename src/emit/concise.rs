//! One line per finding: `path:line:col: severity[rule-id] message`.

use crate::fix::FixLevel;
use crate::report::{FileReport, located};
use std::fmt::Write as _;

/// `[*]` before the message marks a finding `--fix` (with `level`) repairs.
pub fn render(reports: &[FileReport], level: FixLevel) -> String {
    let mut out = String::new();
    for found in located(reports) {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}{}",
            found.report.path,
            found.start.line,
            found.start.column,
            found.diagnostic.severity,
            found.diagnostic.rule,
            if level.fixes(found.diagnostic) {
                "[*] "
            } else {
                ""
            },
            found.diagnostic.message
        );
    }
    out
}
