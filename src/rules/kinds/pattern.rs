//! `pattern`: a regular expression over the text of a scope, with an optional
//! replacement template (`$1`, `${name}`).

use super::{Check, Finding, KindError, OptionsTable, TEXT_SCOPES, options_table, parse_options};
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rules::scope::{Scope, units};
use regex::Regex;
use serde::{Deserialize, Serialize};

pub const DEFAULT_SCOPE: &[Scope] = &[Scope::Summary, Scope::Bullet];
pub const ALLOWED_SCOPES: &[Scope] = TEXT_SCOPES;
pub const PLACEHOLDERS: &[&str] = &["replacement"];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    pattern: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    replacement: Option<String>,
    #[serde(default = "unsafe_fix")]
    fix_applicability: Applicability,
}

fn unsafe_fix() -> Applicability {
    Applicability::Unsafe
}

pub struct Pattern {
    options: Options,
    regex: Regex,
}

pub fn compile(table: OptionsTable<'_>) -> Result<Pattern, KindError> {
    let options: Options = parse_options(table)?;
    let regex = Regex::new(&options.pattern).map_err(|e| KindError::Invalid {
        key: Some("pattern".to_string()),
        message: format!("the pattern is not a valid regex:\n{e}"),
        help: Some("the syntax is that of Rust's regex crate: https://docs.rs/regex".to_string()),
    })?;
    Ok(Pattern { options, regex })
}

impl Check for Pattern {
    fn check(&self, document: &Document, scopes: &[Scope], out: &mut Vec<Finding>) {
        for unit in units(document, scopes) {
            let text = unit.text.as_str();
            for caps in self.regex.captures_iter(text) {
                let Some(whole) = caps.get(0).filter(|m| !m.is_empty()) else {
                    continue;
                };
                let span = unit.text.source_span(whole.start(), whole.end());
                let replacement = self.options.replacement.as_ref().map(|template| {
                    let mut expanded = String::new();
                    caps.expand(template, &mut expanded);
                    // "Utilize caching" → "Use caching", not "use caching".
                    super::phrase::match_case(whole.as_str(), &expanded)
                });
                out.push(Finding::new(span, whole.as_str()).with_replacement(
                    replacement,
                    self.options.fix_applicability,
                ));
            }
        }
    }

    fn options(&self) -> toml::Table {
        options_table(&self.options)
    }

    fn fixable(&self) -> bool {
        self.options.replacement.is_some()
    }
}
