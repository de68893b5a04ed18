//! `phrase`: a list of phrases, matched case-insensitively as whole words,
//! each occurrence reported on its own, with an optional replacement.

use super::words::PhraseMatcher;
use super::{Check, Finding, KindError, OptionsTable, TEXT_SCOPES, options_table, parse_options};
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rules::scope::{Scope, units};
use serde::{Deserialize, Serialize};

pub const DEFAULT_SCOPE: &[Scope] = &[Scope::Summary, Scope::Bullet];
pub const ALLOWED_SCOPES: &[Scope] = TEXT_SCOPES;
pub const PLACEHOLDERS: &[&str] = &["replacement"];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum PhraseSpec {
    Plain(String),
    Replaced { phrase: String, replacement: String },
}

impl PhraseSpec {
    fn phrase(&self) -> &str {
        match self {
            PhraseSpec::Plain(phrase) | PhraseSpec::Replaced { phrase, .. } => phrase,
        }
    }

    fn replacement(&self) -> Option<&str> {
        match self {
            PhraseSpec::Plain(_) => None,
            PhraseSpec::Replaced { replacement, .. } => Some(replacement),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// Phrases, or `{ phrase = "…", replacement = "…" }` tables.
    phrases: Vec<PhraseSpec>,
    /// Regexes; a hit inside one of their matches is not reported.
    #[serde(default)]
    exceptions: Vec<String>,
    /// Skip hits written as a proper name in mid-sentence ("the Ninja build
    /// tool", "Dynamic Pricing Service").
    #[serde(default = "yes")]
    skip_proper_names: bool,
    /// Whether replacing a phrase keeps the meaning.
    #[serde(default = "unsafe_fix")]
    fix_applicability: Applicability,
}

fn yes() -> bool {
    true
}

fn unsafe_fix() -> Applicability {
    Applicability::Unsafe
}

pub struct Phrase {
    options: Options,
    matcher: PhraseMatcher,
}

pub fn compile(table: OptionsTable<'_>) -> Result<Phrase, KindError> {
    let options: Options = parse_options(table)?;
    if options.phrases.iter().any(|p| p.phrase().trim().is_empty()) {
        return Err(KindError::invalid("phrases", "a phrase cannot be empty"));
    }
    let phrases: Vec<&str> = options.phrases.iter().map(PhraseSpec::phrase).collect();
    let matcher = PhraseMatcher::new(&phrases, &options.exceptions, true)
        .map_err(|e| KindError::invalid("exceptions", format!("invalid exception regex: {e}")))?;
    Ok(Phrase { options, matcher })
}

impl Check for Phrase {
    fn check(&self, document: &Document, scopes: &[Scope], out: &mut Vec<Finding>) {
        for unit in units(document, scopes) {
            let text = unit.text.as_str();
            for hit in self.matcher.hits(text) {
                if self.options.skip_proper_names && is_proper_name(text, hit.start, hit.end) {
                    continue;
                }
                let span = unit.text.source_span(hit.start, hit.end);
                let matched = &text[hit.start..hit.end];
                let spec = &self.options.phrases[hit.phrase];
                let replacement = spec.replacement().map(|r| match_case(matched, r));
                out.push(Finding::new(span, matched).with_replacement(
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
        self.options.phrases.iter().any(|p| p.replacement().is_some())
    }
}

/// Capitalised words in mid-sentence name a product or a place, not a trait
/// of the person: "built with Ninja", "the Dynamic Pricing Service".
fn is_proper_name(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    let capitalised = matched
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let all_caps = !matched.chars().any(char::is_lowercase);
    if !capitalised || all_caps {
        return false;
    }
    let before = text[..start].trim_end();
    !(before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '|', '—', '–', '•', '(', '"']))
}

/// The replacement written in the case of the text it replaces.
pub(super) fn match_case(matched: &str, replacement: &str) -> String {
    let first_upper = matched.chars().next().is_some_and(char::is_uppercase);
    if !first_upper {
        return replacement.to_string();
    }
    let mut chars = replacement.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proper_names_are_capitalised_words_in_mid_sentence() {
        let text = "Built with Ninja and CMake. Passionate about Go";
        let ninja = text.find("Ninja").unwrap();
        assert!(is_proper_name(text, ninja, ninja + 5));
        let passionate = text.find("Passionate").unwrap();
        assert!(!is_proper_name(text, passionate, passionate + 10));
    }

    #[test]
    fn replacements_follow_the_case_of_the_match() {
        assert_eq!(match_case("Utilized", "used"), "Used");
        assert_eq!(match_case("utilized", "used"), "used");
    }
}
