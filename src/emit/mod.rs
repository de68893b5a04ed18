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
