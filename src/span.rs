//! Byte ranges into the original source.

use serde::Serialize;

/// A byte range into the source text of one file, as read (BOM included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub offset: usize,
    pub length: usize,
}

impl Span {
    pub const fn new(offset: usize, length: usize) -> Self {
        Self { offset, length }
    }

    pub const fn empty(offset: usize) -> Self {
        Self { offset, length: 0 }
    }

    pub fn from_range(range: std::ops::Range<usize>) -> Self {
        Self::new(range.start, range.end.saturating_sub(range.start))
    }

    pub const fn start(self) -> usize {
        self.offset
    }

    pub const fn end(self) -> usize {
        self.offset + self.length
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        let start = self.start().min(other.start());
        let end = self.end().max(other.end());
        Span::new(start, end - start)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.offset.into(), span.length)
    }
}
