//! Date ranges on role and project lines.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: YearMonth,
    /// `None` for an ongoing role ("Present", "Current", "Now").
    pub end: Option<YearMonth>,
    /// Where the range is written, in the source.
    pub span: Span,
}
