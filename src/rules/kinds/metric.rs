//! Placeholder while the kind is written.

use super::{Check, Finding, KindError, OptionsTable, options_table};
use crate::document::Document;
use crate::rules::scope::Scope;

pub const DEFAULT_SCOPE: &[Scope] = &[Scope::Document];
pub const ALLOWED_SCOPES: &[Scope] = &[Scope::Document];
pub const PLACEHOLDERS: &[&str] = &[];

pub struct Placeholder;

pub fn compile(_table: OptionsTable<'_>) -> Result<Placeholder, KindError> {
    Ok(Placeholder)
}

impl Check for Placeholder {
    fn check(&self, _document: &Document, _scopes: &[Scope], _out: &mut Vec<Finding>) {}

    fn options(&self) -> toml::Table {
        options_table(&toml::Table::new())
    }
}
