//! Whole-word, whole-phrase matching shared by the `phrase` and `pronoun`
//! kinds: one aho-corasick automaton per rule, compiled once.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

/// A list of phrases matched case-insensitively as whole words.
pub struct PhraseMatcher {
    automaton: AhoCorasick,
    /// For each automaton pattern: the index of the phrase it spells.
    pattern_phrase: Vec<usize>,
    exceptions: Option<Regex>,
}

/// One hit: byte range in the matched text and the phrase's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

impl PhraseMatcher {
    /// `exceptions` are regexes: a hit inside one of their matches is not a
    /// hit ("dynamic programming", "Engineer I").
    /// With `plurals`, "team players" matches "team player".
    pub fn new(phrases: &[&str], exceptions: &[String], plurals: bool) -> Result<Self, String> {
        let mut patterns = Vec::new();
        let mut pattern_phrase = Vec::new();
        for (index, phrase) in phrases.iter().enumerate() {
            let mut variants = spelling_variants(phrase);
            if plurals {
                let plural: Vec<String> = variants
                    .iter()
                    .filter(|v| v.ends_with(|c: char| c.is_ascii_alphabetic() && c != 's'))
                    .map(|v| format!("{v}s"))
                    .collect();
                variants.extend(plural);
            }
            for variant in variants {
                patterns.push(variant);
                pattern_phrase.push(index);
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let exceptions = if exceptions.is_empty() {
            None
        } else {
            let alternation = exceptions
                .iter()
                .map(|e| format!("(?:{e})"))
                .collect::<Vec<_>>()
                .join("|");
            Some(Regex::new(&alternation).map_err(|e| e.to_string())?)
        };
        Ok(Self {
            automaton,
            pattern_phrase,
            exceptions,
        })
    }

    /// Whole-word hits in `text`, leftmost-longest, not overlapping, outside
    /// every exception. A match that is not a whole word is retried one
    /// character later, so "teamwork, team player" still finds the phrase.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let excepted: Vec<(usize, usize)> = self
            .exceptions
            .as_ref()
            .map(|re| re.find_iter(text).map(|m| (m.start(), m.end())).collect())
            .unwrap_or_default();
        let mut hits = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let input = aho_corasick::Input::new(text).range(at..);
            let Some(found) = self.automaton.find(input) else {
                break;
            };
            let (start, end) = (found.start(), found.end());
            if !is_whole_word(text, start, end) {
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if !excepted.iter().any(|&(s, e)| s <= start && end <= e) {
                hits.push(Hit {
                    start,
                    end,
                    phrase: self.pattern_phrase[found.pattern().as_usize()],
                });
            }
            at = end;
        }
        hits
    }
}

/// Hyphen and space spellings of a phrase mean the same ("detail oriented",
/// "detail-oriented"); a hyphenated word may also be written closed up
/// ("hardworking").
fn spelling_variants(phrase: &str) -> Vec<String> {
    let phrase = phrase.trim();
    let separators: Vec<usize> = phrase
        .char_indices()
        .filter(|(_, c)| *c == ' ' || *c == '-')
        .map(|(i, _)| i)
        .collect();
    let mut variants = vec![phrase.to_string()];
    if separators.is_empty() || separators.len() > 6 {
        return variants;
    }
    for mask in 0u32..(1 << separators.len()) {
        let mut bytes = phrase.as_bytes().to_vec();
        for (bit, &at) in separators.iter().enumerate() {
            bytes[at] = if mask & (1 << bit) != 0 { b'-' } else { b' ' };
        }
        if let Ok(variant) = String::from_utf8(bytes) {
            variants.push(variant);
        }
    }
    if phrase.contains('-') && !phrase.contains(' ') {
        variants.push(phrase.replace('-', ""));
    }
    variants.sort();
    variants.dedup();
    variants
}

/// A hit is a whole word when the characters around it do not continue a
/// word: a letter or digit, or a joiner followed by one ("I/O", "i.e.",
/// "django-ninja", "US-based"). An apostrophe ends a word ("I'm").
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |c: char| matches!(c, '-' | '/' | '.' | '@' | '_' | '+' | '#' | '&');
    let continues_before = before.is_some_and(|c| {
        c.is_alphanumeric()
            || (joins(c) && {
                let prior = text[..start - c.len_utf8()].chars().next_back();
                prior.is_some_and(|p| p.is_alphanumeric()) || c == '_' || c == '@'
            })
    });
    let continues_after = after.is_some_and(|c| {
        c.is_alphanumeric()
            || c == '_'
            || (joins(c)
                && text[end + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric()))
    });
    !continues_before && !continues_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(phrases: &[&str], exceptions: &[&str], text: &str) -> Vec<String> {
        let exceptions: Vec<String> = exceptions.iter().map(|s| s.to_string()).collect();
        let matcher = PhraseMatcher::new(phrases, &exceptions, true).unwrap();
        matcher
            .hits(text)
            .into_iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn matches_whole_words_and_phrases_only() {
        let phrases = ["team player", "dynamic", "passionate"];
        assert_eq!(
            hits(
                &phrases,
                &[],
                "Teamwork; a Team Player, dynamically passionate"
            ),
            ["Team Player", "passionate"]
        );
        assert!(hits(&phrases, &[], "teamwork passionately").is_empty());
    }

    #[test]
    fn hyphen_and_space_spellings_match_each_other() {
        let phrases = ["detail-oriented", "self starter", "hard-working"];
        assert_eq!(
            hits(&phrases, &[], "detail oriented self-starter, hardworking"),
            ["detail oriented", "self-starter", "hardworking"]
        );
    }

    #[test]
    fn joined_words_are_not_hits() {
        assert!(hits(&["ninja"], &[], "the django-ninja library").is_empty());
        assert!(hits(&["i"], &[], "I/O and i.e.").is_empty());
        assert!(hits(&["us"], &[], "US-based team").is_empty());
        assert_eq!(hits(&["i"], &[], "I'm sure I built it."), ["I", "I"]);
        assert_eq!(
            hits(&["team player"], &[], "team players"),
            ["team players"]
        );
        assert_eq!(hits(&["etc"], &[], "Go, Rust, etc."), ["etc"]);
    }

    #[test]
    fn longest_phrase_wins_and_exceptions_suppress() {
        assert_eq!(
            hits(
                &["motivated", "self-motivated"],
                &[],
                "a self-motivated dev"
            ),
            ["self-motivated"]
        );
        assert!(
            hits(
                &["dynamic"],
                &[r"(?i)\bdynamic\s+programming\b"],
                "dynamic programming"
            )
            .is_empty()
        );
    }
}
