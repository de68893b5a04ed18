//! Output formats. Each emitter formats reports; none knows rule logic, and
//! positions come from `position::LineIndex` only.

pub mod concise;
pub mod full;
pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;
pub mod summary;

use crate::diagnostic::Diagnostic;
use crate::fix::FixLevel;

/// Whether `--fix` at `level` repairs this finding: what `[*]` marks.
pub fn is_fixable(diagnostic: &Diagnostic, level: FixLevel) -> bool {
    diagnostic
        .fix
        .as_ref()
        .is_some_and(|fix| level.allows(fix.applicability))
}
