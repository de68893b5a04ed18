//! resume-lint: lints Markdown and plain-text resumes against rules written as data.
//!
//! Data flows one way: source text → [`document::Document`] → rules →
//! [`diagnostic::Diagnostic`]s → an emitter.

pub mod document;
pub mod span;
