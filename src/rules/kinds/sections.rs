//! `sections`: sections a resume must have, found by heading or, for
//! creative headings, by content.

use super::{Check, Finding, KindError, OptionsTable, options_table, parse_options};
use crate::document::{Document, SectionKind};
use crate::rules::scope::Scope;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const DEFAULT_SCOPE: &[Scope] = &[Scope::Document];
pub const ALLOWED_SCOPES: &[Scope] = &[Scope::Document];
pub const PLACEHOLDERS: &[&str] = &["section"];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    required: Vec<SectionKind>,
    /// How each kind is named in messages ("Experience").
    #[serde(default)]
    names: BTreeMap<SectionKind, String>,
}

pub struct Sections {
    options: Options,
}

pub fn compile(table: OptionsTable<'_>) -> Result<Sections, KindError> {
    let options: Options = parse_options(table)?;
    if options.required.contains(&SectionKind::Unknown) {
        return Err(KindError::invalid("required", "`unknown` is not a section one can require"));
    }
    Ok(Sections { options })
}

impl Check for Sections {
    fn check(&self, document: &Document, _scopes: &[Scope], out: &mut Vec<Finding>) {
        for &kind in &self.options.required {
            if document.sections_of(kind).next().is_some() {
                continue;
            }
            let name = self
                .options
                .names
                .get(&kind)
                .cloned()
                .unwrap_or_else(|| kind.name().to_string());
            out.push(Finding::new(Span::empty(0), name.clone()).var("section", name));
        }
    }

    fn options(&self) -> toml::Table {
        options_table(&self.options)
    }
}
