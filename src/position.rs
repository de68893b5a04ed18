//! Byte offsets → 1-based lines and columns, computed in this one place.
//!
//! Columns count Unicode scalar values; a leading BOM is not counted; a CRLF
//! line ends before its `\r`.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Start and end positions of a span; the end is inclusive of the last
/// character (an empty span ends where it starts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

pub struct LineIndex<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            source,
            line_starts,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_boundary(offset.min(self.source.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let mut line_start = self.line_starts[line];
        if line == 0 && self.source.starts_with('\u{FEFF}') {
            line_start = '\u{FEFF}'.len_utf8().min(offset);
        }
        let column = self.source[line_start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The range a span covers. The end column is one past the last character,
    /// like an editor's selection, so `end.column - start.column` is the
    /// character length on a single line.
    pub fn range(&self, span: Span) -> Range {
        let start = self.position(span.start());
        let mut end_offset = span.end().min(self.source.len());
        // A span that ends with a line break ends on its line, not the next.
        while end_offset > span.start()
            && matches!(
                self.source.as_bytes().get(end_offset - 1),
                Some(b'\n' | b'\r')
            )
        {
            end_offset -= 1;
        }
        let end = self.position(end_offset);
        Range { start, end }
    }

    /// The text of the 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.source.len());
        self.source[start..end].trim_end_matches(['\n', '\r'])
    }

    fn floor_boundary(&self, mut offset: usize) -> usize {
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "résumé\n— Led ✨ team";
        let index = LineIndex::new(source);
        let led = source.find("Led").unwrap();
        assert_eq!(index.position(led), Position { line: 2, column: 3 });
        let team = source.find("team").unwrap();
        assert_eq!(index.position(team), Position { line: 2, column: 9 });
    }

    #[test]
    fn a_leading_bom_is_not_counted() {
        let source = "\u{FEFF}Jane Doe";
        let index = LineIndex::new(source);
        assert_eq!(index.position(3), Position { line: 1, column: 1 });
        assert_eq!(index.position(8), Position { line: 1, column: 6 });
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
    }

    #[test]
    fn crlf_lines_match_lf_lines() {
        let lf = "a\nbb word\n";
        let crlf = "a\r\nbb word\r\n";
        let word_lf = Span::new(lf.find("word").unwrap(), 4);
        let word_crlf = Span::new(crlf.find("word").unwrap(), 4);
        assert_eq!(
            LineIndex::new(lf).range(word_lf),
            LineIndex::new(crlf).range(word_crlf)
        );
        assert_eq!(LineIndex::new(crlf).line_text(2), "bb word");
    }

    #[test]
    fn range_ends_one_past_the_last_character() {
        let source = "- Led it\n";
        let range = LineIndex::new(source).range(Span::new(2, 7));
        assert_eq!(range.start, Position { line: 1, column: 3 });
        assert_eq!(range.end, Position { line: 1, column: 9 });
    }
}
