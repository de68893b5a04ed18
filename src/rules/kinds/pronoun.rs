//! `pronoun`: first-person pronouns, each occurrence reported on its own.
//!
//! Like `phrase`, but case matters where it tells a pronoun from something
//! else: "I" is a pronoun only in capitals (lower-case "i" is almost always
//! part of "i.e." or a typo), and "US" in capitals is the country.

use super::words::PhraseMatcher;
use super::{Check, Finding, KindError, OptionsTable, TEXT_SCOPES, options_table, parse_options};
use crate::document::Document;
use crate::rules::scope::{Scope, units};
use serde::{Deserialize, Serialize};

pub const DEFAULT_SCOPE: &[Scope] = &[Scope::Summary, Scope::Bullet];
pub const ALLOWED_SCOPES: &[Scope] = TEXT_SCOPES;
pub const PLACEHOLDERS: &[&str] = &[];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    pronouns: Vec<String>,
    /// Pronouns that count only when written exactly so ("I").
    #[serde(default)]
    case_sensitive: Vec<String>,
    /// Regexes; a pronoun inside one of their matches is not one ("I/O",
    /// "Engineer I", "US market").
    #[serde(default)]
    exceptions: Vec<String>,
}

pub struct Pronoun {
    options: Options,
    matcher: PhraseMatcher,
}

pub fn compile(table: OptionsTable<'_>) -> Result<Pronoun, KindError> {
    let options: Options = parse_options(table)?;
    if options.pronouns.iter().any(|p| p.trim().is_empty()) {
        return Err(KindError::invalid("pronouns", "a pronoun cannot be empty"));
    }
    let pronouns: Vec<&str> = options.pronouns.iter().map(String::as_str).collect();
    let matcher = PhraseMatcher::new(&pronouns, &options.exceptions, false)
        .map_err(|e| KindError::invalid("exceptions", format!("invalid exception regex: {e}")))?;
    Ok(Pronoun { options, matcher })
}

impl Check for Pronoun {
    fn check(&self, document: &Document, scopes: &[Scope], out: &mut Vec<Finding>) {
        for unit in units(document, scopes) {
            let text = unit.text.as_str();
            for hit in self.matcher.hits(text) {
                let matched = &text[hit.start..hit.end];
                let spelled = &self.options.pronouns[hit.phrase];
                let exact_only = self
                    .options
                    .case_sensitive
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(spelled));
                if exact_only && matched != spelled {
                    continue;
                }
                out.push(Finding::new(unit.text.source_span(hit.start, hit.end), matched));
            }
        }
    }

    fn options(&self) -> toml::Table {
        options_table(&self.options)
    }
}
