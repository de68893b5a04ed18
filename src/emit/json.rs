//! The JSON report: a versioned contract (see README, "JSON output").

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::position::LineIndex;
use crate::report::{FileReport, Outcome, Totals};
use crate::span::Span;
use serde::Serialize;

/// Bumped on any incompatible change to the shape below.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Vec<JsonDiagnostic<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    span: Span,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    offset: usize,
    length: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn render(reports: &[FileReport]) -> String {
    let totals = Totals::of(reports);
    let report = JsonReport {
        version: VERSION,
        files: reports.iter().map(file).collect(),
        summary: JsonSummary {
            files: totals.files,
            errors: totals.errors,
            warnings: totals.warnings,
            infos: totals.infos,
        },
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

fn file(report: &FileReport) -> JsonFile<'_> {
    let (diagnostics, error) = match &report.outcome {
        Outcome::Linted {
            source,
            diagnostics,
        } => {
            let index = LineIndex::new(source);
            (
                Some(diagnostics.iter().map(|d| diagnostic(d, &index)).collect()),
                None,
            )
        }
        Outcome::Empty => (Some(Vec::new()), None),
        Outcome::Failed(error) => (None, Some(error.to_string())),
    };
    JsonFile {
        path: &report.path,
        format: report.format.name(),
        diagnostics,
        error,
    }
}

fn diagnostic<'a>(diagnostic: &'a Diagnostic, index: &LineIndex<'_>) -> JsonDiagnostic<'a> {
    let range = index.range(diagnostic.span);
    JsonDiagnostic {
        rule: &diagnostic.rule,
        severity: diagnostic.severity,
        message: &diagnostic.message,
        help: diagnostic.help.as_deref(),
        line: range.start.line,
        column: range.start.column,
        end_line: range.end.line,
        end_column: range.end.column,
        span: diagnostic.span,
        fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability,
            message: &fix.message,
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit {
                    offset: edit.span.offset,
                    length: edit.span.length,
                    replacement: &edit.replacement,
                })
                .collect(),
        }),
    }
}
