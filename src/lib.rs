//! resume-lint: lints Markdown and plain-text resumes against rules written as data.
//!
//! Data flows one way: source text → [`document::Document`] → rules →
//! [`diagnostic::Diagnostic`]s → an emitter.

pub mod document;
pub mod span;
pub mod diagnostic;
pub mod position;
pub mod rules;
pub mod app;
pub mod cli;
pub mod emit;
pub mod explain;
pub mod input;
pub mod report;
