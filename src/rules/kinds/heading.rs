//! `heading`: section headings an ATS will not recognise, with the standard
//! heading the section's content calls for as help and fix.

use super::{Check, Finding, KindError, OptionsTable, options_table, parse_options};
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::section_kind::heading_words;
use crate::document::{Classification, Document, SectionKind};
use crate::rules::scope::Scope;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const DEFAULT_SCOPE: &[Scope] = &[Scope::Heading];
pub const ALLOWED_SCOPES: &[Scope] = &[Scope::Heading];
pub const PLACEHOLDERS: &[&str] = &["suggestion"];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// Words and phrases an ATS maps to a section; a heading containing one
    /// (as whole words, singular or plural) is standard.
    standard: Vec<String>,
    /// Headings a reviewer leaves alone although they hold no standard word.
    #[serde(default)]
    not_judged: Vec<String>,
    /// Words that mark a heading as creative rather than merely unusual
    /// ("Where I've Built Things", "Tech Arsenal"). A heading without a
    /// standard word is flagged only when it holds one of these or is a known
    /// rename: "Academic Appointments" or a heading in another language is
    /// unusual, not creative, and a reviewer leaves it alone.
    #[serde(default)]
    creative_words: Vec<String>,
    /// Creative heading → standard heading, used when the content does not
    /// say what the section is. Matched case-insensitively, punctuation ignored.
    #[serde(default)]
    renames: BTreeMap<String, String>,
    /// The standard heading to suggest for each kind of content.
    #[serde(default)]
    names: BTreeMap<SectionKind, String>,
}

pub struct Heading {
    options: Options,
    standard: Vec<Vec<String>>,
    not_judged: Vec<Vec<String>>,
    creative: Vec<Vec<String>>,
    renames: Vec<(Vec<String>, String)>,
}

pub fn compile(table: OptionsTable<'_>) -> Result<Heading, KindError> {
    let options: Options = parse_options(table)?;
    let phrases = |list: &[String]| -> Vec<Vec<String>> {
        list.iter()
            .map(|p| stems(&heading_words(p)))
            .filter(|words| !words.is_empty())
            .collect()
    };
    if options.standard.iter().all(|s| heading_words(s).is_empty()) {
        return Err(KindError::invalid("standard", "the standard headings list is empty"));
    }
    let standard = phrases(&options.standard);
    let not_judged = phrases(&options.not_judged);
    let creative = phrases(&options.creative_words);
    let renames = options
        .renames
        .iter()
        .map(|(from, to)| (stems(&heading_words(from)), to.clone()))
        .collect();
    Ok(Heading {
        options,
        standard,
        not_judged,
        creative,
        renames,
    })
}

impl Check for Heading {
    fn check(&self, document: &Document, _scopes: &[Scope], out: &mut Vec<Finding>) {
        for section in &document.sections {
            let Some(heading) = &section.heading else {
                continue;
            };
            if !matches!(
                section.classification,
                Classification::Heading | Classification::Content
            ) {
                continue;
            }
            let words = stems(&heading_words(heading.text.as_str()));
            if words.is_empty()
                || contains_any(&words, &self.standard)
                || contains_any(&words, &self.not_judged)
            {
                continue;
            }
            // The content's kind names the heading it calls for; a known
            // creative heading comes next. With neither, a reviewer could not
            // say what to rename it to, so neither do we.
            let by_content = self.options.names.get(&section.kind).cloned();
            let by_rename = self
                .renames
                .iter()
                .find(|(from, _)| *from == words)
                .map(|(_, to)| to.clone());
            if by_rename.is_none() && !contains_any(&words, &self.creative) {
                continue;
            }
            let (suggestion, applicability) = match (by_rename, by_content) {
                (Some(rename), _) => (rename, Applicability::Safe),
                (None, Some(name)) if section.kind != SectionKind::Unknown => {
                    (name, Applicability::Unsafe)
                }
                _ => continue,
            };
            let span = heading.text.full_span();
            let fix = Fix {
                applicability,
                message: format!("Rename the heading to “{suggestion}”"),
                edits: vec![Edit {
                    span,
                    replacement: suggestion.clone(),
                }],
            };
            out.push(
                Finding::new(span, heading.text.as_str())
                    .var("suggestion", suggestion)
                    .with_fix(Some(fix)),
            );
        }
    }

    fn options(&self) -> toml::Table {
        options_table(&self.options)
    }

    fn fixable(&self) -> bool {
        true
    }
}

/// Words in a singular form, so "Certification" and "Certifications" match.
fn stems(words: &[String]) -> Vec<String> {
    words.iter().map(|w| stem(w)).collect()
}

fn stem(word: &str) -> String {
    if let Some(base) = word.strip_suffix("ies").filter(|b| b.len() > 2) {
        return format!("{base}y");
    }
    match word.strip_suffix('s') {
        Some(base) if base.len() > 2 && !base.ends_with('s') => base.to_string(),
        _ => word.to_string(),
    }
}

/// Whether `words` contains one of the phrases as consecutive words.
fn contains_any(words: &[String], phrases: &[Vec<String>]) -> bool {
    phrases
        .iter()
        .any(|phrase| words.windows(phrase.len()).any(|window| window == phrase.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        stems(&heading_words(text))
    }

    #[test]
    fn standard_words_match_as_whole_words_in_any_number() {
        let standard = vec![words("skills"), words("work history"), words("certifications")];
        assert!(contains_any(&words("Technical Skill"), &standard));
        assert!(contains_any(&words("Licenses & Certification"), &standard));
        assert!(contains_any(&words("Work History"), &standard));
        assert!(!contains_any(&words("History of Work"), &standard));
        assert!(!contains_any(&words("Tech Arsenal"), &standard));
    }

    #[test]
    fn stems_fold_plurals() {
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("projects"), "project");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("us"), "us");
    }
}
