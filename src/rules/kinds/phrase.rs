//! `phrase`: a list of phrases, matched case-insensitively as whole words,
//! each occurrence reported on its own, with an optional replacement.
//!
//! A replacement is the fix (its applicability is `fix-applicability`): the
//! phrase is replaced, the article before it follows the new word ("a
//! dynamic environment" → "an environment"), and a plural match keeps its
//! plural. An empty replacement removes the phrase together with the
//! separator it would leave dangling: the space after it ("various
//! projects" → "projects"), the ", " before a list-final "etc.", the ", "
//! between two listed adjectives ("passionate, detail-oriented" →
//! "detail-oriented"); the next word is capitalised when the phrase opened
//! a sentence ("Passionate engineer" → "Engineer"). Where removing it would
//! need a rewrite — "passionate about Go", "I am passionate.", "curious and
//! passionate engineer" — the finding has no fix.

use super::words::{Hit, PhraseMatcher, TextEdit, capitalise, keeps_outline, reads_cleanly};
use super::{Check, Finding, KindError, OptionsTable, TEXT_SCOPES, options_table, parse_options};
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rules::scope::{Scope, Unit, units};
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
    /// Phrases, or `{ phrase = "…", replacement = "…" }` tables; an empty
    /// replacement removes the phrase.
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
            let hits = self.hits(text);
            for hit in &hits {
                let span = unit.text.source_span(hit.start, hit.end);
                let matched = &text[hit.start..hit.end];
                let replacement = self.options.phrases[hit.phrase].replacement();
                let fix = replacement.and_then(|r| self.fix(&unit, &hits, hit, r));
                out.push(
                    Finding::new(span, matched)
                        .var("replacement", replacement.unwrap_or_default())
                        .with_fix(fix),
                );
            }
        }
    }

    fn options(&self) -> toml::Table {
        options_table(&self.options)
    }

    fn fixable(&self) -> bool {
        self.options
            .phrases
            .iter()
            .any(|p| p.replacement().is_some())
    }
}

impl Phrase {
    /// The hits the rule reports.
    fn hits(&self, text: &str) -> Vec<Hit> {
        self.matcher
            .hits(text)
            .into_iter()
            .filter(|hit| {
                !(self.options.skip_proper_names && is_proper_name(text, hit.start, hit.end))
            })
            .collect()
    }

    /// The fix for `hit`, when the text still reads well after it and holds
    /// one hit fewer ("dynamic self-starter" → "self-starter" fixes nothing).
    fn fix(&self, unit: &Unit<'_>, hits: &[Hit], hit: &Hit, replacement: &str) -> Option<Fix> {
        let text = unit.text.as_str();
        let matched = &text[hit.start..hit.end];
        // How an achievement bullet opens is action-verb-opener's business:
        // "Passionate, detail-oriented team player" is a noun phrase that
        // needs a verb, and losing its adjectives does not give it one.
        let achievement = unit
            .bullet
            .zip(unit.section)
            .is_some_and(|(bullet, section)| section.is_achievement(bullet));
        if achievement && text[..hit.start].trim().is_empty() {
            return None;
        }
        let edit = if replacement.is_empty() {
            // Only another removable phrase can be the adjective coordinated
            // with this one: "team player, passionate" is not a pair.
            let removable: Vec<Hit> = hits
                .iter()
                .filter(|h| self.options.phrases[h.phrase].replacement() == Some(""))
                .copied()
                .collect();
            removal(text, &removable, hit, keeps_final_stop(unit))?
        } else {
            let phrase = self.options.phrases[hit.phrase].phrase();
            let written = match_case(matched, &keep_plural(matched, phrase, replacement));
            with_article(text, TextEdit::new(hit.start, hit.end, written))?
        };
        let fixed = edit.apply(text);
        if !reads_cleanly(text, &fixed)
            || !keeps_outline(unit, text, &fixed)
            || self.hits(&fixed).len() >= hits.len()
        {
            return None;
        }
        let message = if replacement.is_empty() {
            format!("Remove “{matched}”")
        } else {
            format!("Replace “{matched}” with “{}”", edit.replacement.trim())
        };
        Some(Fix {
            applicability: self.options.fix_applicability,
            message,
            edits: vec![edit.to_source(unit.text)?],
        })
    }
}

/// Words after an adjective that make it the head of a phrase: "passionate
/// about Go", "motivated to learn". Removing the adjective would leave the
/// rest hanging.
const COMPLEMENTS: &[&str] = &[
    "about", "for", "to", "in", "with", "by", "of", "at", "on", "that", "than", "from", "when",
];

/// Verbs that take an adjective as their complement: "I am passionate." has
/// no sentence left without it.
const COPULAS: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "being", "become", "became", "becomes",
    "remain", "remains", "remained", "stay", "stays", "stayed", "feel", "feels", "felt", "seem",
    "seems", "seemed", "get", "gets", "got", "keep", "keeps", "kept",
];

/// Adverbs that modify the next word: "very passionate engineer" cannot
/// lose "passionate" alone.
const INTENSIFIERS: &[&str] = &[
    "very", "so", "too", "quite", "most", "more", "really", "truly",
];

/// The edit that removes `hit` with the separator it would leave dangling,
/// or `None` when removing it needs a rewrite. `keep_final_stop`: a full
/// stop after a list-final phrase at the end of the text stays.
fn removal(text: &str, hits: &[Hit], hit: &Hit, keep_final_stop: bool) -> Option<TextEdit> {
    let (start, end) = (hit.start, hit.end);
    let before = &text[..start];
    let after = &text[end..];
    let next_word = after.strip_prefix(' ').map(first_word).unwrap_or_default();
    if COMPLEMENTS.contains(&next_word.to_lowercase().as_str()) {
        return None;
    }
    let ends_hit = |at: usize| hits.iter().any(|h| h.end == at);
    let starts_hit = |at: usize| hits.iter().any(|h| h.start == at);
    let comma = comma_before(before);
    let conjunction = conjunction_before(before);
    // The second of two listed adjectives goes with the separator before it:
    // "passionate, results-driven" → "passionate"; its edit overlaps the
    // first one's, so a fixer never applies both in one pass.
    if let Some(from) = comma.or(conjunction).filter(|&at| ends_hit(at)) {
        return Some(TextEdit::new(from, end, ""));
    }
    // The first of two goes with the separator after it: "passionate,
    // detail-oriented engineer" → "detail-oriented engineer".
    if let Some(next) = coordinated_start(after).map(|len| end + len)
        && starts_hit(next)
    {
        return opening_removal(text, start, next);
    }
    let prev_word = last_word(before.trim_end()).to_lowercase();
    let copula = COPULAS.contains(&prev_word.as_str())
        || ["'m", "'re", "'s"].iter().any(|s| prev_word.ends_with(s));
    let adverb = INTENSIFIERS.contains(&prev_word.as_str()) || prev_word.ends_with("ly");
    // At the end of a list or a sentence: "Go, Rust, etc." → "Go, Rust.".
    if after.is_empty() || after.starts_with([',', '.', ';', ':', '!', '?', ')']) {
        let from = match (comma, conjunction) {
            (Some(at), _) | (None, Some(at)) => at,
            _ if is_sentence_start(before) || copula || adverb || is_article(&prev_word) => {
                return None;
            }
            _ => before.trim_end_matches(' ').len(),
        };
        if from == start {
            return None;
        }
        return Some(TextEdit::new(
            from,
            end + stop_after(after, keep_final_stop),
            "",
        ));
    }
    // Before the word it describes: "various projects" → "projects".
    let next = end + 1;
    if after.starts_with(' ') && !next_word.is_empty() && !["and", "or"].contains(&next_word) {
        if is_sentence_start(before) {
            return opening_removal(text, start, next);
        }
        // "curious and passionate engineer", "API, various tools": the word
        // before may be an adjective or a list item; either reading of the
        // removal could be wrong.
        if comma.is_some() || conjunction.is_some() || adverb {
            return None;
        }
        return with_article(text, TextEdit::new(start, next, ""));
    }
    None
}

/// Removes `start..next`, capitalising the word at `next` when the removed
/// phrase opened a sentence with a capital.
fn opening_removal(text: &str, start: usize, next: usize) -> Option<TextEdit> {
    let capital = text[start..].starts_with(char::is_uppercase);
    if is_sentence_start(&text[..start]) && capital {
        let first = text[next..].chars().next()?;
        let end = next + first.len_utf8();
        return Some(TextEdit::new(start, end, capitalise(&text[next..end])));
    }
    with_article(text, TextEdit::new(start, next, ""))
}

/// The length of ", ", " and ", ", and ", " or ", " & " at the start of `after`.
fn coordinated_start(after: &str) -> Option<usize> {
    [", and ", ", or ", ", ", " and ", " or ", " & "]
        .iter()
        .find(|sep| after.starts_with(**sep))
        .map(|sep| sep.len())
}

/// Where the ", " that `before` ends with starts.
fn comma_before(before: &str) -> Option<usize> {
    let trimmed = before.trim_end_matches(' ');
    (trimmed.len() < before.len() && trimmed.ends_with(',')).then(|| trimmed.len() - 1)
}

/// Where the " and " (" or ", " & ") that `before` ends with starts.
fn conjunction_before(before: &str) -> Option<usize> {
    [" and ", " or ", " & "]
        .iter()
        .find(|sep| before.ends_with(**sep))
        .map(|sep| before.len() - sep.len())
}

fn is_sentence_start(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '—', '–', '|', '•'])
}

fn is_article(word: &str) -> bool {
    word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")
}

fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .unwrap_or(text.len());
    &text[..end]
}

fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// How many bytes of a full stop after a removed list-final phrase go with
/// it: the stop of an abbreviation inside a sentence ("etc.)", "etc., and",
/// "etc. are") goes; a stop that ends the sentence stays, and at the very
/// end of the text only when `keep_final_stop`.
fn stop_after(after: &str, keep_final_stop: bool) -> usize {
    let Some(rest) = after.strip_prefix('.') else {
        return 0;
    };
    let next = rest.trim_start().chars().next();
    let inside_sentence = match next {
        None => !keep_final_stop,
        Some(c) => c.is_lowercase() || c.is_ascii_digit() || ",;:)".contains(c),
    };
    usize::from(inside_sentence)
}

/// Whether a full stop at the end of the unit is the writer's habit: prose
/// keeps it; a bullet keeps it when its sibling bullets end with one too.
fn keeps_final_stop(unit: &Unit<'_>) -> bool {
    let (Some(bullet), Some(section)) = (unit.bullet, unit.section) else {
        return true;
    };
    let others: Vec<bool> = section
        .bullets
        .iter()
        .filter(|b| b.entry == bullet.entry && b.parent == bullet.parent && b.span != bullet.span)
        .map(|b| b.text.as_str().trim_end().ends_with('.'))
        .collect();
    others.is_empty() || others.iter().filter(|&&stop| stop).count() * 2 >= others.len()
}

/// The edit with the article before it made to agree with the word that
/// follows the article afterwards: "a passionate engineer" → "an engineer".
/// `None` when the spelling does not tell ("a/an honest", "a/an SRE").
fn with_article(text: &str, edit: TextEdit) -> Option<TextEdit> {
    let before = &text[..edit.start];
    let spaced = before.trim_end_matches(' ');
    if spaced.len() == before.len() {
        return Some(edit);
    }
    let article = last_word(spaced);
    if !is_article(article) || !last_word(&spaced[..spaced.len() - article.len()]).is_empty() {
        return Some(edit);
    }
    let follower = if edit.replacement.is_empty() {
        first_word(&text[edit.end..])
    } else {
        first_word(&edit.replacement)
    };
    let needed = article_for(follower)?;
    if needed.eq_ignore_ascii_case(article) {
        return Some(edit);
    }
    let written = if article.starts_with('A') {
        capitalise(needed)
    } else {
        needed.to_string()
    };
    let article_start = spaced.len() - article.len();
    let gap = &text[spaced.len()..edit.start];
    Some(TextEdit::new(
        article_start,
        edit.end,
        format!("{written}{gap}{}", edit.replacement),
    ))
}

/// "a" or "an" before `word`, when its spelling tells: not for acronyms,
/// "h…", "u…", "one…" or "eu…", whose sound the letters do not give.
fn article_for(word: &str) -> Option<&'static str> {
    let first = word.chars().next()?;
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if !first.is_ascii_alphabetic()
        || (letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()))
    {
        return None;
    }
    let lower = word.to_lowercase();
    if ["one", "once", "eu"].iter().any(|p| lower.starts_with(p)) {
        return None;
    }
    match first.to_ascii_lowercase() {
        'a' | 'e' | 'i' | 'o' => Some("an"),
        'h' | 'u' => None,
        _ => Some("a"),
    }
}

/// The replacement of a plural match in the plural: "dynamic teams" →
/// "teams".
fn keep_plural(matched: &str, phrase: &str, replacement: &str) -> String {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    if letters(matched) == format!("{}s", letters(phrase)) {
        format!("{replacement}s")
    } else {
        replacement.to_string()
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
    !(before.is_empty()
        || before.ends_with(['.', '!', '?', ':', ';', '|', '—', '–', '•', '(', '"']))
}

/// The replacement written in the case of the text it replaces.
pub(super) fn match_case(matched: &str, replacement: &str) -> String {
    if matched.starts_with(char::is_uppercase) {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
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

    const REMOVABLE: [&str; 6] = [
        "passionate",
        "detail-oriented",
        "results-driven",
        "highly motivated",
        "various",
        "etc",
    ];

    /// `text` with the hit `which` removed, if it can be.
    fn removed(text: &str, which: &str, keep_final_stop: bool) -> Option<String> {
        let matcher = PhraseMatcher::new(&REMOVABLE, &[], true).unwrap();
        let hits = matcher.hits(text);
        let hit = hits
            .iter()
            .find(|h| &text[h.start..h.end] == which)
            .unwrap_or_else(|| panic!("no “{which}” in “{text}”"));
        removal(text, &hits, hit, keep_final_stop).map(|edit| edit.apply(text))
    }

    #[test]
    fn a_removed_phrase_takes_its_separator_along() {
        for (text, which, expected) in [
            (
                "Passionate engineer who ships",
                "Passionate",
                "Engineer who ships",
            ),
            (
                "worked on various projects",
                "various",
                "worked on projects",
            ),
            (
                "I am a passionate engineer",
                "passionate",
                "I am an engineer",
            ),
            (
                "A highly motivated engineer",
                "highly motivated",
                "An engineer",
            ),
            ("a results-driven team", "results-driven", "a team"),
            (
                "a passionate, detail-oriented engineer",
                "passionate",
                "a detail-oriented engineer",
            ),
            (
                "a passionate, detail-oriented engineer",
                "detail-oriented",
                "a passionate engineer",
            ),
            (
                "Passionate and detail-oriented engineer",
                "Passionate",
                "Detail-oriented engineer",
            ),
            (
                "I am passionate and detail-oriented.",
                "detail-oriented",
                "I am passionate.",
            ),
            ("Go, Rust, etc.", "etc", "Go, Rust."),
            ("(AWS, GCP, etc.) on call", "etc", "(AWS, GCP) on call"),
            ("Go, Rust, etc. are used", "etc", "Go, Rust are used"),
            ("Go, Rust, etc., and Java", "etc", "Go, Rust, and Java"),
            ("Go, Rust etc. Then Java", "etc", "Go, Rust. Then Java"),
        ] {
            assert_eq!(
                removed(text, which, true).as_deref(),
                Some(expected),
                "{text}"
            );
        }
        assert_eq!(
            removed("code reviews, testing, etc.", "etc", false).as_deref(),
            Some("code reviews, testing")
        );
    }

    #[test]
    fn a_phrase_the_sentence_needs_is_not_removed() {
        for (text, which) in [
            ("Passionate about distributed systems", "Passionate"),
            ("I am passionate.", "passionate"),
            ("I'm passionate, and I ship", "passionate"),
            ("curious and passionate engineer", "passionate"),
            ("the API and various tools", "various"),
            ("the API, various tools", "various"),
            ("a very passionate engineer", "passionate"),
            ("Passionate.", "Passionate"),
            ("a passionate honest engineer", "passionate"),
            ("a passionate SRE", "passionate"),
            ("(etc)", "etc"),
        ] {
            assert_eq!(removed(text, which, true), None, "{text}");
        }
    }

    #[test]
    fn a_replacement_keeps_the_article_and_the_plural_right() {
        let edit = with_article("a dynamic environment", TextEdit::new(2, 21, "environment"));
        assert_eq!(
            edit.map(|e| e.apply("a dynamic environment")).as_deref(),
            Some("an environment")
        );
        assert_eq!(
            keep_plural("dynamic teams", "dynamic team", "team"),
            "teams"
        );
        assert_eq!(keep_plural("dynamic team", "dynamic team", "team"), "team");
    }

    #[test]
    fn replacements_follow_the_case_of_the_match() {
        assert_eq!(match_case("Utilized", "used"), "Used");
        assert_eq!(match_case("utilized", "used"), "used");
    }
}
