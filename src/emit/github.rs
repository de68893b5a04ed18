//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
//! line per finding, which the runner turns into an annotation on the file.
//!
//! The resume is untrusted input and messages quote it (a user's rule may say
//! `message = "{match}"`), so every value is escaped as the Actions toolkit
//! does it (`escapeData` and `escapeProperty` in `@actions/core`'s
//! `command.ts`): no value can end our line and start a command of its own.
//! Every line we print starts with `::error `, `::warning ` or `::notice `,
//! which the runner parses as that command; it never falls back to its legacy
//! `##[command]` parser, the one that would look anywhere in the line.

use crate::diagnostic::{Diagnostic, Severity};
use crate::position::LineIndex;
use crate::report::{FileReport, Outcome};
use std::borrow::Cow;
use std::fmt::Write as _;

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        match &report.outcome {
            Outcome::Linted {
                source,
                diagnostics,
            } => {
                let index = LineIndex::new(source);
                for diagnostic in diagnostics {
                    annotation(&mut out, &report.path, diagnostic, &index);
                }
            }
            Outcome::Empty => {}
            Outcome::Failed(error) => {
                let _ = writeln!(
                    out,
                    "::error file={}::{}",
                    property(&report.path),
                    data(&error.to_string())
                );
            }
        }
    }
    out
}

fn annotation(out: &mut String, path: &str, diagnostic: &Diagnostic, index: &LineIndex<'_>) {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let range = index.range(diagnostic.span);
    let _ = write!(
        out,
        "::{command} file={},line={}",
        property(path),
        range.start.line
    );
    // The runner drops `col` and `endColumn` when `line` and `endLine`
    // differ (ActionCommandManager's ValidateLinesAndColumns), so a span over
    // several lines is annotated by lines only.
    if range.start.line == range.end.line {
        let _ = write!(
            out,
            ",col={},endLine={},endColumn={}",
            range.start.column, range.end.line, range.end.column
        );
    } else {
        let _ = write!(out, ",endLine={}", range.end.line);
    }
    let title = format!("resume-lint ({})", diagnostic.rule);
    // The help and the fix go on lines of their own under the message: an
    // escaped line break is how an annotation gets several lines.
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push('\n');
        message.push_str(help);
    }
    if let Some(fix) = &diagnostic.fix {
        message.push_str("\nfix: ");
        message.push_str(&fix.message);
    }
    let _ = writeln!(out, ",title={}::{}", property(&title), data(&message));
}

/// A property value (`file=`, `title=`): untrusted text made safe, then
/// escaped as a property.
fn property(text: &str) -> String {
    escape_property(&neutralize(text))
}

/// The message: untrusted text made safe, then escaped as data.
fn data(text: &str) -> String {
    escape_data(&neutralize(text))
}

/// The toolkit's `escapeData`: `%`, CR and LF as `%25`, `%0D`, `%0A`. The
/// runner undoes it, so the annotation shows the text as it was.
pub(crate) fn escape_data(text: &str) -> String {
    escape(text, false)
}

/// The toolkit's `escapeProperty`: `escapeData` plus `:` and `,` as `%3A`
/// and `%2C`, which would otherwise end the property or the property list.
pub(crate) fn escape_property(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// Untrusted text with every other line-ending character turned into `\n`
/// (which the escaping then writes as `%0A`) and every other control
/// character into U+FFFD.
///
/// The runner reads a step's output with .NET's `StreamReader.ReadLine`,
/// which ends a line at CR, LF or CRLF only, so the toolkit's escaping is all
/// the runner needs. But the log is read by more than the runner: a viewer or
/// a script may also break lines at NEL (U+0085), LINE SEPARATOR (U+2028),
/// PARAGRAPH SEPARATOR (U+2029), VT, FF or FS/GS/RS (all line boundaries
/// for Python's `str.splitlines`, and the first five are mandatory breaks in
/// Unicode's line-breaking rules). Written as an escaped line break they can
/// never begin a line of resume text anywhere, and the annotation still shows
/// a break where the resume had one. Other control characters (ESC above all,
/// which starts terminal and log-viewer escape sequences that can recolour
/// or hide text) have no place in an annotation.
pub(crate) fn neutralize(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| neutral(c) == c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(neutral).collect())
}

fn neutral(c: char) -> char {
    match c {
        '\t' | '\r' | '\n' => c,
        '\u{0B}' | '\u{0C}' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2028}' | '\u{2029}' => '\n',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the runner does to a property value (`UnescapeProperty` in
    /// actions/runner's `ActionCommand.cs`): replacements in this order.
    fn unescape_property(escaped: &str) -> String {
        escaped
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    }

    /// What the runner does to the message (`UnescapeData`).
    fn unescape_data(escaped: &str) -> String {
        escaped
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    }

    /// Strings rich in the characters that matter here.
    fn tricky() -> impl Strategy<Value = String> {
        let special = prop_oneof![
            Just('%'),
            Just('\r'),
            Just('\n'),
            Just(':'),
            Just(','),
            Just('0'),
            Just('A'),
            Just('D'),
            Just('2'),
            Just('5'),
            Just('\u{1b}'),
            Just('\u{85}'),
            Just('\u{2028}'),
            Just('\u{2029}'),
        ];
        prop::collection::vec(prop_oneof![special, any::<char>()], 0..48)
            .prop_map(|chars| chars.into_iter().collect())
    }

    const LINE_ENDS: &[char] = &[
        '\r', '\n', '\u{0B}', '\u{0C}', '\u{1C}', '\u{1D}', '\u{1E}', '\u{85}', '\u{2028}',
        '\u{2029}',
    ];

    proptest! {
        #[test]
        fn data_has_no_line_break_and_round_trips(text in tricky()) {
            let escaped = escape_data(&text);
            prop_assert!(!escaped.contains(['\r', '\n']));
            prop_assert_eq!(unescape_data(&escaped), text);
        }

        #[test]
        fn property_has_no_separator_and_round_trips(text in tricky()) {
            let escaped = escape_property(&text);
            prop_assert!(!escaped.contains(['\r', '\n', ':', ',']));
            prop_assert_eq!(unescape_property(&escaped), text);
        }

        #[test]
        fn emitted_values_contain_no_line_end_of_any_kind(text in tricky()) {
            for escaped in [data(&text), property(&text)] {
                prop_assert!(!escaped.contains(LINE_ENDS));
                prop_assert!(!escaped.chars().any(|c| c.is_control() && c != '\t'));
            }
            prop_assert_eq!(unescape_data(&data(&text)), neutralize(&text));
            prop_assert_eq!(unescape_property(&property(&text)), neutralize(&text));
        }
    }

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(escape_data("50%\r\n::x,y"), "50%25%0D%0A::x,y");
        assert_eq!(escape_property("50%\r\n::x,y"), "50%25%0D%0A%3A%3Ax%2Cy");
        assert_eq!(escape_data("%0A::error::pwned"), "%250A::error::pwned");
    }

    #[test]
    fn neutralizes_unicode_line_ends_and_controls() {
        assert_eq!(
            neutralize("a\u{2028}b\u{2029}c\u{85}d\u{0B}e\u{0C}f"),
            "a\nb\nc\nd\ne\nf"
        );
        assert_eq!(
            neutralize("red \u{1b}[31m\u{7f}"),
            "red \u{FFFD}[31m\u{FFFD}"
        );
        assert_eq!(neutralize("tab\tcr\r"), "tab\tcr\r");
        assert!(matches!(neutralize("plain: “text”"), Cow::Borrowed(_)));
    }
}
