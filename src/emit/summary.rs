//! The one-line summary that ends human-readable output.

use crate::report::Totals;
use owo_colors::OwoColorize;

/// "3 warnings, 1 error in 1 file", or "no problems in 2 files".
pub fn line(totals: &Totals, color: bool) -> String {
    let mut parts = Vec::new();
    let counted = [
        (totals.warnings, "warning", "warnings"),
        (totals.errors, "error", "errors"),
        (totals.infos, "info", "info"),
    ];
    for (count, one, many) in counted {
        if count > 0 {
            parts.push(format!("{count} {}", if count == 1 { one } else { many }));
        }
    }
    let checked = totals.files - totals.failed;
    let files = format!("{checked} {}", if checked == 1 { "file" } else { "files" });
    let mut line = if parts.is_empty() {
        format!("no problems in {files}")
    } else {
        format!("{} in {files}", parts.join(", "))
    };
    if totals.failed > 0 {
        let unread = if totals.failed == 1 { "file" } else { "files" };
        line.push_str(&format!("; {} {unread} could not be read", totals.failed));
    }
    if !color {
        return line;
    }
    if totals.errors > 0 || totals.failed > 0 {
        line.red().bold().to_string()
    } else if totals.warnings > 0 {
        line.yellow().bold().to_string()
    } else {
        line.green().bold().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_plurals() {
        let totals = Totals {
            files: 1,
            warnings: 3,
            errors: 1,
            ..Totals::default()
        };
        assert_eq!(line(&totals, false), "3 warnings, 1 error in 1 file");
        let clean = Totals {
            files: 2,
            ..Totals::default()
        };
        assert_eq!(line(&clean, false), "no problems in 2 files");
        let failed = Totals {
            files: 2,
            failed: 1,
            infos: 2,
            ..Totals::default()
        };
        assert_eq!(
            line(&failed, false),
            "2 info in 1 file; 1 file could not be read"
        );
    }
}
