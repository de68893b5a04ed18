//! One line per finding: `path:line:col: severity[rule-id] message`.

use crate::report::{FileReport, located};
use std::fmt::Write as _;

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for found in located(reports) {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            found.report.path,
            found.start.line,
            found.start.column,
            found.diagnostic.severity,
            found.diagnostic.rule,
            found.diagnostic.message
        );
    }
    out
}
