//! `--diff`: what `--fix` would change, as a unified diff.

use similar::TextDiff;

/// A unified diff, or an empty string when the texts are equal. Relative
/// paths get git's `a/` and `b/` prefixes (apply with `git apply` or
/// `patch -p1`); absolute ones are left as they are. Line endings are kept.
pub fn unified(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    let (old, new) = if path.starts_with('/') {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&old, &new)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines_with_context_and_headers() {
        let diff = unified(
            "cv.md",
            "# CV\n\n## My Journey\n",
            "# CV\n\n## Experience\n",
        );
        assert_eq!(
            diff,
            "--- a/cv.md\n+++ b/cv.md\n@@ -1,3 +1,3 @@\n # CV\n \n-## My Journey\n+## Experience\n"
        );
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("cv.md", "same\n", "same\n"), "");
    }

    #[test]
    fn a_missing_final_newline_is_marked() {
        let diff = unified("cv.txt", "a\nb", "a\nc");
        assert!(diff.contains("\\ No newline at end of file"), "{diff}");
    }
}
