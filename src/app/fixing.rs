//! `--fix` and `--diff`: fix each linted file, then write it back, print it,
//! or show what would change.

use crate::document::parse;
use crate::fix::{self, FixLevel, write_back::write_back};
use crate::input::{Input, Origin};
use crate::report::{FileReport, Outcome};
use crate::rules::RuleSet;
use std::sync::Arc;

/// A file whose text the fixes changed.
pub struct Change {
    pub original: Arc<str>,
    pub fixes: usize,
}

/// Fixes a linted report in memory: afterwards it holds the fixed text and
/// the findings that remain in it.
pub fn fix_report(report: &mut FileReport, rules: &RuleSet, level: FixLevel) -> Option<Change> {
    let Outcome::Linted { source, .. } = &report.outcome else {
        return None;
    };
    let fixed = fix::fix(source, report.format, rules, level);
    if fixed.text == **source {
        return None;
    }
    let original = Arc::clone(source);
    report.outcome = Outcome::Linted {
        source: Arc::from(fixed.text),
        diagnostics: fixed.remaining,
    };
    Some(Change {
        original,
        fixes: fixed.fixes,
    })
}

/// Writes a fixed report's text over its file. When the file cannot be
/// written, the report goes back to the original text and its findings, and
/// the error is returned for the caller to print.
pub fn write_fixed(
    input: &Input,
    report: &mut FileReport,
    change: &Change,
    rules: &RuleSet,
) -> Result<(), fix::write_back::WriteBackError> {
    let (Origin::File(path), Outcome::Linted { source, .. }) = (&input.origin, &report.outcome)
    else {
        return Ok(());
    };
    let result = write_back(path, &report.path, &change.original, source);
    if result.is_err() {
        let diagnostics = rules.lint(&parse(&change.original, report.format));
        report.outcome = Outcome::Linted {
            source: Arc::clone(&change.original),
            diagnostics,
        };
    }
    result
}
