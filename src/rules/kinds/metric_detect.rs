//! Whether one bullet states a measure: the judgement behind the `metric`
//! kind, compiled once from the vocabulary (judgement.md, "Quantified").
//!
//! Detection works on the bullet's normalised text (NBSP and narrow NBSP are
//! spaces, `×` is `x`). It first removes what is never a measure (links,
//! dates, designations such as "two-factor") and notes what leaves a bullet
//! not judged (vague magnitudes, frequencies), then reads every number and
//! spelled count in what is left. Any real measure wins; when in doubt, a
//! number counts as a measure, because a false alarm costs more than a miss.

use super::Vocabulary;
use regex::Regex;
use std::collections::HashSet;
use std::ops::{Range, RangeInclusive};

/// The three outcomes a bullet can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// At least one concrete measure of scale or impact.
    Quantified,
    /// Only vague magnitudes, frequencies or context durations, or not an
    /// achievement at all: a reviewer could go either way, so stay quiet.
    NotJudged,
    /// No measure: no numbers, or only years, versions, product names and
    /// ordinals.
    Unquantified,
}

/// What one number or spelled count contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    Measure,
    /// Vague or context only: the bullet is not judged unless a measure
    /// appears elsewhere.
    Context,
    Nothing,
}

pub struct Detector {
    context: Option<Regex>,
    not_metrics: Option<Regex>,
    skip_bullets: Option<Regex>,
    multipliers: Option<Regex>,
    counts: Option<Regex>,
    numbers: Regex,
    units: HashSet<String>,
    duration_units: HashSet<String>,
    result_cues: HashSet<String>,
    currencies: Vec<String>,
    scale_words: HashSet<String>,
    versioned_names: HashSet<String>,
    quantity_prefixes: HashSet<String>,
    years: RangeInclusive<u32>,
    min_words: usize,
}

/// A vocabulary entry that cannot be compiled: the option and the reason.
#[derive(Debug)]
pub struct VocabularyError {
    pub key: &'static str,
    pub message: String,
}

impl Detector {
    pub fn new(vocabulary: &Vocabulary) -> Result<Detector, VocabularyError> {
        let phrases = |key: &'static str, lists: &[&[String]]| {
            phrase_regex(lists.iter().flat_map(|l| l.iter())).map_err(|message| {
                VocabularyError { key, message }
            })
        };
        let regexes = |key: &'static str, list: &[String]| {
            alternation(list).map_err(|message| VocabularyError { key, message })
        };
        let lower = |list: &[String]| list.iter().map(|w| w.to_lowercase()).collect();
        let [first_year, last_year] = vocabulary.years;
        if first_year > last_year {
            return Err(VocabularyError {
                key: "years",
                message: "`years` must be [first, last] with first ≤ last".to_string(),
            });
        }
        let mut count_words = vocabulary.number_words.clone();
        count_words.extend(vocabulary.scale_words.iter().cloned());
        Ok(Detector {
            context: phrases(
                "vague-magnitudes",
                &[&vocabulary.vague_magnitudes, &vocabulary.frequencies],
            )?,
            not_metrics: regexes("not-metrics", &vocabulary.not_metrics)?,
            skip_bullets: regexes("skip-bullets", &vocabulary.skip_bullets)?,
            multipliers: phrases("multiplier-words", &[&vocabulary.multiplier_words])?,
            counts: phrases("number-words", &[&count_words])?,
            numbers: Regex::new(r"\d+(?:[.,]\d+)*").expect("the number pattern is valid"),
            units: lower(&vocabulary.units),
            duration_units: lower(&vocabulary.duration_units),
            result_cues: lower(&vocabulary.result_cues),
            currencies: vocabulary.currencies.iter().map(|c| c.to_lowercase()).collect(),
            scale_words: lower(&vocabulary.scale_words),
            versioned_names: lower(&vocabulary.versioned_names),
            quantity_prefixes: lower(&vocabulary.quantity_prefixes),
            years: first_year..=last_year,
            min_words,
        }
        .with_min_words(vocabulary.min_words))
    }

    fn with_min_words(mut self, min_words: usize) -> Self {
        self.min_words = min_words;
        self
    }

    pub fn verdict(&self, text: &str) -> Verdict {
        if !self.is_achievement(text) {
            return Verdict::NotJudged;
        }
        let mut masked = text.to_string();
        let mut context = false;
        if let Some(re) = &self.context {
            for found in re.find_iter(text) {
                context = true;
                mask(&mut masked, found.range());
            }
        }
        if let Some(re) = &self.not_metrics {
            let ranges: Vec<Range<usize>> = re.find_iter(&masked).map(|m| m.range()).collect();
            for range in ranges {
                mask(&mut masked, range);
            }
        }
        if self.multipliers.as_ref().is_some_and(|re| re.is_match(&masked)) {
            return Verdict::Quantified;
        }
        let reader = Reader {
            text: &masked,
            title_case: is_title_case(text),
        };
        let numbers = self
            .numbers
            .find_iter(&masked)
            .map(|m| self.number(&reader, m.range()));
        let counts = self
            .counts
            .iter()
            .flat_map(|re| re.find_iter(&masked))
            .map(|m| self.count(&reader, m.range()));
        for signal in numbers.chain(counts) {
            match signal {
                Signal::Measure => return Verdict::Quantified,
                Signal::Context => context = true,
                Signal::Nothing => {}
            }
        }
        if context {
            Verdict::NotJudged
        } else {
            Verdict::Unquantified
        }
    }

    /// Labels, tech lists, names and text in other scripts are not
    /// statements of work done, or not in the vocabulary's language.
    fn is_achievement(&self, text: &str) -> bool {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < self.min_words {
            return false;
        }
        if self.skip_bullets.as_ref().is_some_and(|re| re.is_match(text)) {
            return false;
        }
        // A line of capitalised words names something ("Auburn University
        // Auburn Alabama", "Source Code Management"); it states no work.
        let lettered: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| w.starts_with(char::is_alphabetic))
            .collect();
        if lettered.iter().all(|w| w.starts_with(char::is_uppercase)) {
            return false;
        }
        // The vocabulary is English: text mostly in another script could hide
        // a vague magnitude or a frequency it cannot see.
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let latin = text.chars().filter(|c| c.is_alphabetic() && is_latin(*c)).count();
        latin * 2 > letters
    }

    /// What the number at `range` of the masked text says.
    fn number(&self, reader: &Reader<'_>, range: Range<usize>) -> Signal {
        let text = reader.text;
        let token = &text[range.clone()];
        let before = &text[..range.start];
        let after = &text[range.end..];
        // Letters glued before the digits make an identifier: S3, EC2, IPv6,
        // K8s, k6, Log4j, Web3, P99, ES6, Q3, FY23, v2.
        if before.ends_with(char::is_alphabetic) {
            return Signal::Nothing;
        }
        let year = token.len() == 4
            && token.parse::<u32>().is_ok_and(|n| self.years.contains(&n));
        let suffix: &str = &after[..after
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(after.len())];
        if !suffix.is_empty() {
            let suffix = suffix.to_lowercase();
            return if year && suffix == "s" {
                Signal::Nothing // a decade: the 2010s
            } else if self.duration_units.contains(&suffix) {
                self.duration(before, &after[suffix.len()..])
            } else if self.units.contains(&suffix) {
                Signal::Measure // 200ms, 10k, 3x, 500GB, 2.8M
            } else {
                Signal::Nothing // 5G, 3D, 2FA, 2nd, 1st, 1080p, 5xx
            };
        }
        if self.is_money(before) {
            return Signal::Measure;
        }
        let rest = after.strip_prefix('+').unwrap_or(after);
        let spaced = rest.strip_prefix(' ').unwrap_or(rest);
        if spaced.starts_with('%') {
            return Signal::Measure;
        }
        if let Some(compound) = after.strip_prefix('-').map(first_word).filter(|w| !w.is_empty()) {
            let compound_lower = compound.to_lowercase();
            if self.duration_units.contains(&compound_lower) {
                return self.duration(before, &after[1 + compound.len()..]);
            }
            if !hyphen_identifier(before) && !year {
                return Signal::Measure; // a 4-person team, a 5-star rating
            }
        }
        if rest.starts_with(' ') {
            let unit = first_word(spaced);
            let unit_lower = unit.to_lowercase();
            if self.duration_units.contains(&unit_lower) {
                return self.duration(before, &spaced[unit.len()..]);
            }
            if self.units.contains(&unit_lower)
                || self.currencies.contains(&unit_lower)
                || (year && is_plural_noun(unit))
            {
                return Signal::Measure;
            }
        }
        // GPT-4, COVID-19, HTTP/2: digits after a name and a hyphen or slash.
        if hyphen_identifier(before) {
            return Signal::Nothing;
        }
        if year || self.is_version(reader, before) {
            return Signal::Nothing;
        }
        Signal::Measure
    }

    /// What the spelled count at `range` says ("three services", "a dozen").
    fn count(&self, reader: &Reader<'_>, range: Range<usize>) -> Signal {
        let text = reader.text;
        let word = &text[range.clone()];
        let before = &text[..range.start];
        let after = &text[range.end..];
        // "Two Sigma", "Four Seasons": a capitalised count in mid-sentence is
        // a name.
        if word.starts_with(char::is_uppercase)
            && !reader.title_case
            && !is_sentence_start(before)
        {
            return Signal::Nothing;
        }
        if self.scale_words.contains(&word.to_lowercase()) {
            let previous = last_word(before).to_lowercase();
            if !matches!(previous.as_str(), "a" | "an" | "one") {
                return Signal::Context; // "million-dollar", "thousand-strong"
            }
        }
        let next = after
            .strip_prefix(['-', ' '])
            .map(first_word)
            .unwrap_or_default();
        if self.duration_units.contains(&next.to_lowercase()) {
            let unit_end = after.find(next).map_or(after.len(), |at| at + next.len());
            return self.duration(before, &after[unit_end..]);
        }
        Signal::Measure
    }

    /// A duration is a result next to a cue ("from 3 days", "saving 15
    /// hours/week", "2 weeks ahead"), context otherwise ("built in 24 hours").
    fn duration(&self, before: &str, after_unit: &str) -> Signal {
        let previous = last_word(before).to_lowercase();
        let next = after_unit.trim_start_matches(' ');
        let next_word = first_word(next).to_lowercase();
        if self.result_cues.contains(&previous)
            || after_unit.starts_with('/')
            || self.result_cues.contains(&next_word)
        {
            Signal::Measure
        } else {
            Signal::Context
        }
    }

    fn is_money(&self, before: &str) -> bool {
        let before = before.strip_suffix(' ').unwrap_or(before).to_lowercase();
        self.currencies.iter().any(|currency| {
            before.ends_with(currency.as_str())
                && (currency.starts_with(|c: char| !c.is_alphanumeric())
                    || !before[..before.len() - currency.len()].ends_with(char::is_alphanumeric))
        })
    }

    /// A number right after a name is its version or designation: "Python
    /// 3", "Java 17", "OAuth 2.0", "SOC 2", "Camunda 8.5".
    fn is_version(&self, reader: &Reader<'_>, before: &str) -> bool {
        let Some(name_end) = before.strip_suffix(' ') else {
            return false;
        };
        let name = last_word(name_end);
        if name.is_empty() || name.len() != name.trim_end_matches([',', ':', ';']).len() {
            return false;
        }
        let lower = name.to_lowercase();
        if self.versioned_names.contains(&lower) {
            return true;
        }
        let capitalised = name.chars().any(char::is_uppercase);
        capitalised
            && !reader.title_case
            && !self.quantity_prefixes.contains(&lower)
            && !is_sentence_start(&name_end[..name_end.len() - name.len()])
    }
}

/// The masked bullet text and what is known about its casing.
struct Reader<'t> {
    text: &'t str,
    /// Most words capitalised: capitals say nothing about names.
    title_case: bool,
}

fn mask(text: &mut String, range: Range<usize>) {
    let blank = " ".repeat(range.len());
    text.replace_range(range, &blank);
}

/// The leading run of letters (and `/`, for "req/s") of `text`.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '/'))
        .unwrap_or(text.len());
    text[..end].trim_end_matches('/')
}

/// The word that ends `text` (letters, digits and the `.`, `#`, `+` of
/// ".NET", "C#", "C++").
fn last_word(text: &str) -> &str {
    let start = text
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '#' | '+' | '_')))
        .map_or(0, |at| at + text[at..].chars().next().map_or(1, char::len_utf8));
    &text[start..]
}

/// Digits right after `name-` or `name/`: GPT-4, COVID-19, HTTP/2.
fn hyphen_identifier(before: &str) -> bool {
    let mut chars = before.chars().rev();
    matches!(chars.next(), Some('-' | '/')) && chars.next().is_some_and(char::is_alphabetic)
}

fn is_sentence_start(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', ';', '—', '–', '|', '•', '·'])
        || before.ends_with(" -")
}

/// "2000 users" is a count, "2019 launch" a date.
fn is_plural_noun(word: &str) -> bool {
    const NOT_PLURALS: &[&str] = &["this", "was", "has", "its", "across", "plus", "is", "as"];
    word.len() >= 4
        && word.ends_with('s')
        && word.starts_with(char::is_lowercase)
        && !NOT_PLURALS.contains(&word)
}

/// Most words capitalised ("Led Team Of 5 Engineers"): capitals cannot tell
/// a name from a word.
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    let capitalised = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    words.len() >= 4 && capitalised * 10 >= words.len() * 7
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// One case-insensitive regex for whole-word phrases; in a phrase a space
/// also matches a hyphen, and `#` matches digits.
fn phrase_regex<'a>(phrases: impl Iterator<Item = &'a String>) -> Result<Option<Regex>, String> {
    let mut patterns: Vec<String> = Vec::new();
    for phrase in phrases {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return Err("an entry cannot be empty".to_string());
        }
        let body = phrase
            .split('#')
            .map(|part| {
                part.split([' ', '-'])
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"[\s-]+")
            })
            .collect::<Vec<_>>()
            .join(r"\d+");
        let word_edge = |c: Option<char>| {
            if c.is_some_and(|c| c.is_alphanumeric() || c == '#') {
                r"\b"
            } else {
                ""
            }
        };
        patterns.push(format!(
            "{}{body}{}",
            word_edge(phrase.chars().next()),
            word_edge(phrase.chars().last())
        ));
    }
    // Longest first, so "in half" wins over a shorter overlapping entry.
    patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
    if patterns.is_empty() {
        return Ok(None);
    }
    Regex::new(&format!("(?i)(?:{})", patterns.join("|")))
        .map(Some)
        .map_err(|e| e.to_string())
}

fn alternation(regexes: &[String]) -> Result<Option<Regex>, String> {
    if regexes.is_empty() {
        return Ok(None);
    }
    for (index, re) in regexes.iter().enumerate() {
        Regex::new(re).map_err(|e| format!("entry {}: {e}", index + 1))?;
    }
    let joined = regexes
        .iter()
        .map(|re| format!("(?:{re})"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&joined).map(Some).map_err(|e| e.to_string())
}
