//! One line per finding: `path:line:col: severity[rule-id] message`.

use crate::position::LineIndex;
use crate::report::{FileReport, Outcome};
use std::fmt::Write as _;

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let Outcome::Linted {
            source,
            diagnostics,
        } = &report.outcome
        else {
            continue;
        };
        let index = LineIndex::new(source);
        for diagnostic in diagnostics {
            let start = index.position(diagnostic.span.offset);
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                report.path,
                start.line,
                start.column,
                diagnostic.severity,
                diagnostic.rule,
                diagnostic.message
            );
        }
    }
    out
}
