//! Applying fixes: a fix is a set of byte-range edits that stand or fall
//! together. Fixes that conflict are left for the next pass, which re-lints
//! the edited text; passes repeat until nothing changes or the bound is hit.

pub mod diff;
pub mod write_back;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::{Document, Format, parse};
use crate::rules::RuleSet;
use std::collections::BTreeMap;

/// Enough for fixes that enable other fixes; a rule set that keeps undoing
/// its own edits stops here instead of looping.
pub const MAX_PASSES: usize = 10;

/// Which fixes to apply: safe ones, or unsafe ones too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixLevel {
    Safe,
    Unsafe,
}

impl FixLevel {
    pub fn allows(self, applicability: Applicability) -> bool {
        match self {
            FixLevel::Unsafe => true,
            FixLevel::Safe => applicability == Applicability::Safe,
        }
    }

    /// Whether `--fix` at this level repairs the finding: what `[*]` marks.
    pub fn fixes(self, diagnostic: &Diagnostic) -> bool {
        diagnostic
            .fix
            .as_ref()
            .is_some_and(|fix| self.allows(fix.applicability))
    }
}

/// One pass over a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// How many fixes were applied (a fix repeated by two findings counts
    /// for both).
    pub fixes: usize,
    /// The edits that were made, in source order, in the coordinates of the
    /// text before the pass.
    pub edits: Vec<Edit>,
}

/// Applies every fix that conflicts with none applied before it, in order
/// of position. An edit outside the text or off a character boundary makes
/// its whole fix invalid: the text is never corrupted.
pub fn apply<'a>(source: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Applied {
    let mut fixes: Vec<&Fix> = fixes
        .into_iter()
        .filter(|fix| is_valid(source, fix))
        .collect();
    fixes.sort_by_key(|fix| {
        fix.edits
            .iter()
            .map(|e| (e.span.offset, e.span.length))
            .min()
            .unwrap_or_default()
    });
    let mut accepted: BTreeMap<usize, &Edit> = BTreeMap::new();
    let mut count = 0;
    for fix in fixes {
        if fix.edits.iter().any(|edit| conflicts(&accepted, edit)) {
            continue;
        }
        let mut changed = false;
        for edit in &fix.edits {
            if !is_no_op(source, edit) && !accepted.contains_key(&edit.span.offset) {
                accepted.insert(edit.span.offset, edit);
                changed = true;
            }
        }
        let repeated = fix
            .edits
            .iter()
            .any(|edit| accepted.get(&edit.span.offset) == Some(&edit));
        if changed || repeated {
            count += 1;
        }
    }
    let mut text = String::with_capacity(source.len());
    let mut cursor = 0;
    for edit in accepted.values() {
        text.push_str(&source[cursor..edit.span.offset]);
        text.push_str(&edit.replacement);
        cursor = edit.span.offset + edit.span.length;
    }
    text.push_str(&source[cursor..]);
    Applied {
        text,
        fixes: count,
        edits: accepted.into_values().cloned().collect(),
    }
}

fn is_valid(source: &str, fix: &Fix) -> bool {
    let in_bounds = fix.edits.iter().all(|edit| {
        let end = edit.span.offset.checked_add(edit.span.length);
        end.is_some_and(|end| {
            end <= source.len()
                && source.is_char_boundary(edit.span.offset)
                && source.is_char_boundary(end)
        })
    });
    let mut spans: Vec<(usize, usize)> = fix
        .edits
        .iter()
        .map(|e| (e.span.offset, e.span.offset + e.span.length))
        .collect();
    spans.sort_unstable();
    let disjoint = spans
        .windows(2)
        .all(|pair| pair[0].1 <= pair[1].0 && pair[0].0 != pair[1].0);
    !fix.edits.is_empty() && in_bounds && disjoint
}

fn is_no_op(source: &str, edit: &Edit) -> bool {
    source[edit.span.offset..edit.span.offset + edit.span.length] == edit.replacement
}

/// Whether `edit` overlaps an accepted edit that is not the very same edit.
/// Two edits starting at one offset conflict (their order would be a
/// guess); an edit may end where another starts.
fn conflicts(accepted: &BTreeMap<usize, &Edit>, edit: &Edit) -> bool {
    let start = edit.span.offset;
    let end = start + edit.span.length;
    if let Some(same_start) = accepted.get(&start) {
        return *same_start != edit;
    }
    let before = accepted.range(..start).next_back();
    let overlaps_before = before.is_some_and(|(_, b)| b.span.offset + b.span.length > start);
    let after = accepted.range(start..).next();
    let overlaps_after = after.is_some_and(|(&after_start, _)| after_start < end);
    overlaps_before || overlaps_after
}

/// A whole file fixed: the final text, the fixes applied over every pass and
/// the findings that remain in the final text.
#[derive(Debug, Clone)]
pub struct Fixed {
    pub text: String,
    pub fixes: usize,
    pub remaining: Vec<Diagnostic>,
}

/// Lints, applies what `level` allows, and repeats on the edited text until
/// a pass changes nothing or `MAX_PASSES` is reached.
pub fn fix(source: &str, format: Format, rules: &RuleSet, level: FixLevel) -> Fixed {
    let mut text = source.to_string();
    let mut fixes = 0;
    for _ in 0..MAX_PASSES {
        let document = parse(&text, format);
        let diagnostics = rules.lint(&document);
        let allowed: Vec<&Fix> = diagnostics
            .iter()
            .filter(|d| level.fixes(d))
            .filter_map(|d| d.fix.as_ref())
            .collect();
        let applied = apply_keeping_shape(&text, format, shape(&document), &allowed);
        if applied.text == text {
            return Fixed {
                text,
                fixes,
                remaining: diagnostics,
            };
        }
        fixes += applied.fixes;
        text = applied.text;
    }
    let remaining = rules.lint(&parse(&text, format));
    Fixed {
        text,
        fixes,
        remaining,
    }
}

/// The outline a fix must not change: how many sections and bullets the
/// text parses to.
fn shape(document: &Document) -> (usize, usize) {
    let bullets = document.sections.iter().map(|s| s.bullets.len()).sum();
    (document.sections.len(), bullets)
}

/// Applies the fixes together when the result keeps the outline; otherwise
/// one by one, skipping each that would change it. A renamed heading can
/// change which headings open sections in a resume whose structure was
/// guessed, and a fix is meant to change wording, never structure.
fn apply_keeping_shape(
    text: &str,
    format: Format,
    expected: (usize, usize),
    fixes: &[&Fix],
) -> Applied {
    let together = apply(text, fixes.iter().copied());
    if together.text == text || shape(&parse(&together.text, format)) == expected {
        return together;
    }
    let mut kept: Vec<&Fix> = Vec::new();
    for fix in fixes {
        kept.push(fix);
        let trial = apply(text, kept.iter().copied());
        if shape(&parse(&trial.text, format)) != expected {
            kept.pop();
        }
    }
    apply(text, kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn fix(edits: &[(usize, usize, &str)]) -> Fix {
        Fix {
            applicability: Applicability::Safe,
            message: String::new(),
            edits: edits
                .iter()
                .map(|&(offset, length, replacement)| Edit {
                    span: Span { offset, length },
                    replacement: replacement.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn applies_disjoint_fixes_in_one_pass() {
        let fixes = [fix(&[(6, 5, "Earth")]), fix(&[(0, 5, "Hi")])];
        let applied = apply("Hello world", &fixes);
        assert_eq!(applied.text, "Hi Earth");
        assert_eq!(applied.fixes, 2);
    }

    #[test]
    fn a_conflicting_fix_waits_for_the_next_pass() {
        let fixes = [fix(&[(0, 5, "Hi")]), fix(&[(3, 5, "X")])];
        let applied = apply("Hello world", &fixes);
        assert_eq!(applied.text, "Hi world");
        assert_eq!(applied.fixes, 1);
    }

    #[test]
    fn the_same_edit_from_two_findings_is_made_once_and_counts_twice() {
        let fixes = [fix(&[(0, 1, "W")]), fix(&[(0, 1, "W")])];
        let applied = apply("we", &fixes);
        assert_eq!(applied.text, "We");
        assert_eq!(applied.fixes, 2);
    }

    #[test]
    fn a_fix_with_one_bad_edit_is_dropped_whole() {
        // Offset 1 is inside “é”: the fix would split a character.
        let fixes = [fix(&[(0, 0, "x"), (1, 1, "e")])];
        let applied = apply("é", &fixes);
        assert_eq!(applied.text, "é");
        assert_eq!(applied.fixes, 0);
        let out_of_bounds = [fix(&[(0, 9, "")])];
        assert_eq!(apply("short", &out_of_bounds).text, "short");
    }

    #[test]
    fn a_fix_is_all_or_nothing() {
        // The second fix's first edit is free but its second one clashes.
        let fixes = [fix(&[(0, 2, "AB")]), fix(&[(4, 1, "Z"), (1, 1, "Q")])];
        let applied = apply("abcdef", &fixes);
        assert_eq!(applied.text, "ABcdef");
    }

    #[test]
    fn insertions_at_one_point_conflict_but_adjacent_edits_do_not() {
        let same_point = [fix(&[(2, 0, "x")]), fix(&[(2, 0, "y")])];
        assert_eq!(apply("abcd", &same_point).text, "abxcd");
        let adjacent = [fix(&[(0, 2, "AB")]), fix(&[(2, 2, "CD")])];
        assert_eq!(apply("abcd", &adjacent).text, "ABCD");
    }
}
