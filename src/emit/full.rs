//! The default output: miette's graphical diagnostics, one per finding.

use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::FixLevel;
use crate::report::{FileReport, located};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use std::fmt;
use std::sync::Arc;

/// Width of the rendered output, fixed so that output is the same everywhere.
pub const WIDTH: usize = 100;

pub fn handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_links(false)
}

/// `level` decides which findings the code line marks `[*]` as fixable.
pub fn render(reports: &[FileReport], color: bool, level: FixLevel) -> String {
    // miette would print `[path:line:col]` with the column counted in bytes
    // (a BOM and every multi-byte character before the span included); the
    // header is built from `LineIndex` instead, so it matches the concise and
    // JSON output.
    let handler = handler(color).without_primary_span_start();
    let mut out = String::new();
    for found in located(reports) {
        let name = format!(
            "{}:{}:{}",
            found.report.path, found.start.line, found.start.column
        );
        let finding = Finding {
            diagnostic: found.diagnostic,
            fixable: level.fixes(found.diagnostic),
            source: NamedSource::new(name, Arc::clone(found.source)),
        };
        if handler.render_report(&mut out, &finding).is_err() {
            out.push_str(&format!(
                "{}: {}\n",
                found.report.path, found.diagnostic.message
            ));
        }
    }
    out
}

/// A finding as miette sees it.
struct Finding<'a> {
    diagnostic: &'a Diagnostic,
    fixable: bool,
    source: NamedSource<Arc<str>>,
}

impl fmt::Debug for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Finding<'_> {}

impl miette::Diagnostic for Finding<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        if self.fixable {
            Some(Box::new(format!("{} [*]", self.diagnostic.rule)))
        } else {
            Some(Box::new(&self.diagnostic.rule))
        }
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.diagnostic.help.as_deref();
        let fix = self.diagnostic.fix.as_ref().map(|fix| fix.message.as_str());
        match (help, fix) {
            (Some(help), Some(fix)) => Some(Box::new(format!("{help}\nfix: {fix}"))),
            (Some(help), None) => Some(Box::new(help)),
            (None, Some(fix)) => Some(Box::new(format!("fix: {fix}"))),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = LabeledSpan::new_with_span(None, self.diagnostic.span);
        Some(Box::new(std::iter::once(label)))
    }
}
