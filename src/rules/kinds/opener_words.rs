//! How the `opener` kind reads the words a bullet begins with: a verb in any
//! tense, a noun on confident evidence, or something it leaves alone.
//!
//! Every word list comes from the rule file; the grammar here is only how
//! regular English verbs inflect and how a job title is put together.

use super::Options;
use std::collections::{HashMap, HashSet};

/// A word of a bullet: letters and digits, with inner `-`, `'`, `.`, `/` or
/// `&` ("co-founded", "I'm", "Node.js", "I/O", "R&D").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Only whitespace separates it from the next token.
    pub space_after: bool,
}

/// The words of `text` from byte `from` on.
pub fn tokenize(text: &str, from: usize) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut chars = text[from..]
        .char_indices()
        .map(|(i, c)| (i + from, c))
        .peekable();
    let mut gap_is_space = true;
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            gap_is_space &= c.is_whitespace();
            continue;
        }
        if let Some(last) = tokens.last_mut() {
            last.space_after = gap_is_space;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            let inner = matches!(next, '-' | '\'' | '.' | '/' | '&')
                && text[at + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !(next.is_alphanumeric() || inner) {
                break;
            }
            end = at + next.len_utf8();
            chars.next();
        }
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
            space_after: false,
        });
        gap_is_space = true;
    }
    tokens
}

/// Every word capitalised: "Senior Data Scientist", "Genomic Biology".
pub fn is_title_case(tokens: &[Token<'_>]) -> bool {
    tokens
        .iter()
        .all(|t| t.text.starts_with(|c: char| !c.is_lowercase()))
}

/// Latin letters, with the accented ones of European languages.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// The end of a marker the parser left at the start: a task-list checkbox
/// ("[ ] ", "[x] ") or a plain-text number ("1) ", "2. "), or 0.
pub fn marker_end(text: &str) -> usize {
    if let Some(box_) = ["[ ]", "[x]", "[X]"].iter().find(|b| text.starts_with(**b)) {
        return box_.len();
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &text[digits..];
    if (1..=2).contains(&digits) && (rest.starts_with(") ") || rest.starts_with(". ")) {
        return digits + 2;
    }
    0
}

/// A label before the text proper ("pglock: …", "Paved road (Cobaltline) —
/// …") has at most this many words.
const MAX_LABEL_WORDS: usize = 6;

/// The tokens after the separator of a label of at most `MAX_LABEL_WORDS`.
pub fn label_end<'t, 'a>(text: &str, tokens: &'t [Token<'a>]) -> Option<&'t [Token<'a>]> {
    let from = tokens.first()?.start;
    let rest = &text[from..];
    let (at, len) = rest.char_indices().find_map(|(i, c)| {
        let after = &rest[i + c.len_utf8()..];
        match c {
            ':' if after.is_empty() || after.starts_with(char::is_whitespace) => Some((i, 1)),
            '—' | '–' | '|' => Some((i, c.len_utf8())),
            ' ' if after.starts_with("- ") => Some((i, 2)),
            ',' | ';' | '.' if after.is_empty() || after.starts_with(' ') => Some((i, 0)),
            _ => None,
        }
    })?;
    // A comma or a full stop ends a sentence, not a label.
    if len == 0 {
        return None;
    }
    let (separator, end) = (from + at, from + at + len);
    let label_words = tokens.iter().take_while(|t| t.end <= separator).count();
    if label_words == 0 || label_words > MAX_LABEL_WORDS {
        return None;
    }
    let rest = &tokens[tokens.iter().position(|t| t.start >= end)?..];
    (!rest.is_empty()).then_some(rest)
}

/// What the first word of a bullet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A verb in any tense: the bullet is fine.
    Verb,
    /// A gerund, an adverb, a function word or a date: not judged.
    Other,
    /// No list knows it: not judged.
    Unknown,
    /// A noun, with the evidence for it and the number of words it spans.
    Noun(Evidence, usize),
}

/// Why a word is taken for a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// In `non-verbs` or `determiners`.
    Listed,
    /// A number: "3 years as …", "200+ patients …".
    Numeral,
    /// A hyphenated compound that is not a verb: "Cross-functional".
    Compound,
    /// A noun or adjective ending: "Integration", "Scalable".
    Suffix,
    /// A person: a role noun or a person ending ("Intern", "Developer").
    Person,
    /// A job title: "Lead developer", "Tech lead".
    Title,
    /// Followed by a word that only follows nouns: "Head of", "Work was".
    Cue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// The lemma or its `-s` form: "lead", "leads" (also a noun).
    Base,
    /// "led", "reduced", "planned": only a verb.
    Past,
}

/// The rule's word lists, lower-cased, ready to answer questions.
pub struct Lexicon {
    verbs: HashSet<String>,
    irregular: HashSet<String>,
    prefixes: Vec<String>,
    pronouns: HashSet<String>,
    non_verbs: HashSet<String>,
    determiners: HashSet<String>,
    function_words: HashSet<String>,
    noun_suffixes: Vec<String>,
    person_suffixes: Vec<String>,
    role_nouns: HashSet<String>,
    noun_cues: HashSet<String>,
    irregular_past: HashMap<String, String>,
}

fn lower_set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn lower_list(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// Nouns and adjectives keep at least this much stem before their ending,
/// so "Ship" is not "-ship" and "Drive" is not "-ive".
const NOUN_STEM: usize = 3;
/// Person endings are commoner in verbs ("Lower", "Offer", "Order"): a
/// longer stem is needed.
const PERSON_STEM: usize = 4;

impl Lexicon {
    pub fn new(options: &Options) -> Self {
        Self {
            verbs: lower_set(&options.verbs),
            irregular: lower_set(&options.irregular_verbs),
            prefixes: lower_list(&options.verb_prefixes),
            pronouns: lower_set(&options.pronouns),
            non_verbs: lower_set(&options.non_verbs),
            determiners: lower_set(&options.determiners),
            function_words: lower_set(&options.function_words),
            noun_suffixes: lower_list(&options.noun_suffixes),
            person_suffixes: lower_list(&options.person_suffixes),
            role_nouns: lower_set(&options.role_nouns),
            noun_cues: lower_set(&options.noun_when_followed_by),
            irregular_past: options
                .irregular_past
                .iter()
                .map(|(lemma, past)| (lemma.to_lowercase(), past.to_lowercase()))
                .collect(),
        }
    }

    /// "I", "We", "I'm", "We've"; not "I/O" (one token) or "IT".
    pub fn is_pronoun(&self, token: &Token<'_>) -> bool {
        let word = token.text.to_lowercase();
        let word = word.split('\'').next().unwrap_or_default();
        self.pronouns.contains(word)
    }

    pub fn is_determiner(&self, token: &Token<'_>) -> bool {
        self.determiners.contains(&token.text.to_lowercase())
    }

    pub fn is_function_word(&self, token: &Token<'_>) -> bool {
        self.function_words.contains(&token.text.to_lowercase())
    }

    /// Whether `token` is a verb form only a verb has: "led", "focused".
    pub fn is_past(&self, token: &Token<'_>) -> bool {
        self.verb_form(&token.text.to_lowercase()) == Some(Form::Past)
    }

    /// Whether `token` is a verb form, in any tense.
    pub fn is_verb(&self, token: &Token<'_>) -> bool {
        self.verb_form(&token.text.to_lowercase()).is_some()
    }

    /// Reads the first of `tokens`. After a label ("pglock: …") a person's
    /// title is a value, not an opener, so person evidence is not used.
    pub fn classify(&self, tokens: &[Token<'_>], after_label: bool) -> Word {
        let Some(first) = tokens.first() else {
            return Word::Unknown;
        };
        let word = first.text.to_lowercase();
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return if is_date(&word) {
                Word::Other
            } else {
                Word::Noun(Evidence::Numeral, 1)
            };
        }
        if self.function_words.contains(&word) {
            return Word::Other;
        }
        if self.determiners.contains(&word) || self.non_verbs.contains(&word) {
            return Word::Noun(Evidence::Listed, 1);
        }
        if word.contains('/') {
            let all_verbs = word.split('/').all(|part| self.verb_form(part).is_some());
            return if all_verbs { Word::Verb } else { Word::Unknown };
        }
        let follower = self.follower(tokens);
        match self.verb_form(&word) {
            Some(Form::Past) => return Word::Verb,
            Some(Form::Base) => {
                return follower.map_or(Word::Verb, |(evidence, n)| Word::Noun(evidence, n));
            }
            None => {}
        }
        if is_gerund(&word) {
            return follower.map_or(Word::Other, |(evidence, n)| Word::Noun(evidence, n));
        }
        if word.len() >= 4 && word.ends_with("ly") {
            return Word::Other;
        }
        if word.contains('-') {
            let last = word.rsplit('-').next().unwrap_or_default();
            let verb_like = last.is_empty()
                || is_gerund(last)
                || (last.len() >= 4 && last.ends_with("ed"))
                || self.verb_form(last) == Some(Form::Past);
            return if verb_like {
                Word::Unknown
            } else {
                Word::Noun(Evidence::Compound, 1)
            };
        }
        // An acronym's letters are not an ending: "TOEIC", "SOC".
        if first.text.chars().all(|c| !c.is_lowercase()) {
            return follower.map_or(Word::Unknown, |(evidence, n)| Word::Noun(evidence, n));
        }
        if has_suffix(&word, &self.noun_suffixes, NOUN_STEM) {
            return Word::Noun(Evidence::Suffix, 1);
        }
        if !after_label
            && (self.role_nouns.contains(&word)
                || has_suffix(&word, &self.person_suffixes, PERSON_STEM))
        {
            return Word::Noun(Evidence::Person, 1);
        }
        follower.map_or(Word::Unknown, |(evidence, n)| Word::Noun(evidence, n))
    }

    /// The verb form of a lower-case word: a lemma, its regular inflections,
    /// an irregular form, or any of these after a prefix ("re-", "co-").
    fn verb_form(&self, word: &str) -> Option<Form> {
        if self.verbs.contains(word) {
            return Some(Form::Base);
        }
        if self.irregular.contains(word) {
            return Some(Form::Past);
        }
        let is_verb = |stem: &str| self.verbs.contains(stem);
        if let Some(stem) = word.strip_suffix("ies")
            && is_verb(&format!("{stem}y"))
        {
            return Some(Form::Base);
        }
        if let Some(stem) = word.strip_suffix('s')
            && (is_verb(stem) || stem.strip_suffix('e').is_some_and(is_verb))
        {
            return Some(Form::Base);
        }
        if let Some(stem) = word.strip_suffix("ied")
            && is_verb(&format!("{stem}y"))
        {
            return Some(Form::Past);
        }
        if let Some(stem) = word.strip_suffix("ed")
            && stem.len() >= 2
            && (is_verb(stem)
                || is_verb(&format!("{stem}e"))
                || undouble(stem).is_some_and(is_verb))
        {
            return Some(Form::Past);
        }
        self.prefixes.iter().find_map(|prefix| {
            let rest = word.strip_prefix(prefix.as_str())?;
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            (rest.len() >= 3).then(|| self.verb_form(rest)).flatten()
        })
    }

    /// The past tense of a gerund of a listed verb, in its case: "managing"
    /// → "managed", "planning" → "planned", "applying" → "applied",
    /// "building" → "built" (`irregular-past`), "re-running" → "re-ran".
    /// The gerund's own spelling says whether the consonant doubles, so the
    /// past is reliable; `None` for a gerund of no listed verb ("being") or
    /// of two verbs with different pasts.
    pub fn past_of_gerund(&self, gerund: &str) -> Option<String> {
        let word = gerund.to_lowercase();
        let stem = word.strip_suffix("ing").filter(|s| s.len() >= 2)?;
        let past = self.past_of_stem(stem).or_else(|| {
            self.prefixes.iter().find_map(|prefix| {
                let rest = word.strip_prefix(prefix.as_str())?;
                let (hyphen, rest) = match rest.strip_prefix('-') {
                    Some(rest) => ("-", rest),
                    None => ("", rest),
                };
                let stem = rest.strip_suffix("ing").filter(|s| s.len() >= 3)?;
                Some(format!("{prefix}{hyphen}{}", self.past_of_stem(stem)?))
            })
        })?;
        let capital = gerund.starts_with(char::is_uppercase);
        Some(if capital {
            super::capitalise(&past)
        } else {
            past
        })
    }

    /// The past tense of the verb whose gerund is `stem` + "ing": the verb
    /// is the stem ("build"), the stem with its "e" ("manag" → "manage") or
    /// the stem undoubled ("plann" → "plan").
    fn past_of_stem(&self, stem: &str) -> Option<String> {
        let with_e = format!("{stem}e");
        let mut pasts: Vec<String> = [Some(stem), Some(with_e.as_str()), undouble(stem)]
            .into_iter()
            .flatten()
            .filter(|lemma| self.verbs.contains(*lemma))
            .map(|lemma| {
                if let Some(past) = self.irregular(lemma) {
                    past
                } else if lemma.ends_with('e') {
                    format!("{lemma}d")
                } else if lemma.len() < stem.len() {
                    format!("{stem}ed")
                } else if let Some(base) = lemma.strip_suffix('y')
                    && !base.ends_with(['a', 'e', 'i', 'o', 'u'])
                {
                    format!("{base}ied")
                } else {
                    format!("{lemma}ed")
                }
            })
            .collect();
        pasts.sort();
        pasts.dedup();
        (pasts.len() == 1).then(|| pasts.remove(0))
    }

    /// The irregular past of a lemma, or of the verb it prefixes ("upsell"
    /// → "upsold", "cross-sell" → "cross-sold").
    fn irregular(&self, lemma: &str) -> Option<String> {
        if let Some(past) = self.irregular_past.get(lemma) {
            return Some(past.clone());
        }
        self.prefixes.iter().find_map(|prefix| {
            let rest = lemma.strip_prefix(prefix.as_str())?;
            let (hyphen, rest) = match rest.strip_prefix('-') {
                Some(rest) => ("-", rest),
                None => ("", rest),
            };
            let past = self.irregular_past.get(rest)?;
            Some(format!("{prefix}{hyphen}{past}"))
        })
    }

    /// A word after the first that shows the first is a noun: a cue ("of",
    /// "was") or a role noun ending a job title ("Lead developer on …",
    /// "Lead backend engineer, payments").
    fn follower(&self, tokens: &[Token<'_>]) -> Option<(Evidence, usize)> {
        let lower = |i: usize| tokens.get(i).map(|t| t.text.to_lowercase());
        let next = lower(1).filter(|_| tokens[0].space_after)?;
        if self.noun_cues.contains(&next) {
            return Some((Evidence::Cue, 2));
        }
        if self.role_nouns.contains(&next) && self.ends_title(tokens, 2) {
            return Some((Evidence::Title, 2));
        }
        let plain_middle = !(self.determiners.contains(&next)
            || self.function_words.contains(&next)
            || self.pronouns.contains(&next));
        let third = lower(2).filter(|_| tokens[1].space_after)?;
        (plain_middle && self.role_nouns.contains(&third) && self.ends_title(tokens, 3))
            .then_some((Evidence::Title, 3))
    }

    /// A title of `n` words ends at the end, at punctuation or at a function
    /// word; "Lead developer experience work" is a verb and its object.
    fn ends_title(&self, tokens: &[Token<'_>], n: usize) -> bool {
        match tokens.get(n) {
            None => true,
            Some(next) => {
                !tokens[n - 1].space_after
                    || self.function_words.contains(&next.text.to_lowercase())
            }
        }
    }
}

/// "planned" → "plan", "controlled" → "control".
fn undouble(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 3 && bytes[n - 1] == bytes[n - 2] && !b"aeiou".contains(&bytes[n - 1]))
        .then(|| &stem[..n - 1])
}

fn is_gerund(word: &str) -> bool {
    word.len() >= 5 && word.ends_with("ing")
}

/// A lower-case word ending in "-ing": a gerund, or a noun that looks like
/// one ("string", "thing"); "Spring" in capitals is a name.
pub fn is_gerund_like(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && is_gerund(word)
}

/// Years, year ranges and dates: "2019", "2019-2021", "2022/12".
fn is_date(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
        && word
            .split(['-', '/', '.'])
            .any(|part| part.len() == 4 && (part.starts_with("19") || part.starts_with("20")))
}

/// Whether `word`, or its singular, ends in one of `suffixes` after a stem of
/// at least `stem` letters.
fn has_suffix(word: &str, suffixes: &[String], stem: usize) -> bool {
    let singular = word
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| {
            word.strip_suffix('s')
                .filter(|s| !s.ends_with('s'))
                .map(str::to_string)
        });
    std::iter::once(word.to_string()).chain(singular).any(|w| {
        suffixes
            .iter()
            .any(|s| w.len() >= s.len() + stem && w.ends_with(s.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::super::shipped_options;
    use super::*;

    fn classify(text: &str) -> Word {
        Lexicon::new(&shipped_options()).classify(&tokenize(text, 0), false)
    }

    #[test]
    fn tokens_keep_inner_punctuation_and_note_what_follows() {
        let tokens = tokenize("**x** I/O, co-founded Node.js — I'm", 0);
        let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(words, ["x", "I/O", "co-founded", "Node.js", "I'm"]);
        assert!(!tokens[1].space_after);
        assert!(tokens[2].space_after);
        assert!(!tokens[3].space_after);
    }

    #[test]
    fn regular_and_irregular_forms_of_a_verb_are_verbs() {
        for word in [
            "Reduce",
            "Reduces",
            "Reduced",
            "Planned",
            "Shipped",
            "Controlled",
            "Applied",
            "Applies",
            "Fixes",
            "Built",
            "Led",
            "Wrote",
            "Ran",
            "Won",
            "Secured",
            "Owned",
            "Analysed",
            "Optimised",
            "Co-founded",
            "Cofounded",
            "Re-architected",
            "Rebuilt",
            "Rewrote",
            "Oversaw",
            "Upheld",
            "Fine-tuned",
            "Open-sourced",
            "Engineer",
            "Monitor",
            "Mentor",
            "Deliver",
            "Partner",
            "Implement",
            "Enhance",
            "Envision",
            "Harness",
        ] {
            assert_eq!(classify(&format!("{word} it")), Word::Verb, "{word}");
        }
    }

    #[test]
    fn nouns_need_evidence() {
        let noun = |text: &str| match classify(text) {
            Word::Noun(evidence, _) => Some(evidence),
            _ => None,
        };
        assert_eq!(noun("Various tasks"), Some(Evidence::Listed));
        assert_eq!(noun("The service"), Some(Evidence::Listed));
        assert_eq!(noun("200+ patients a week"), Some(Evidence::Numeral));
        assert_eq!(noun("End-to-end tests"), Some(Evidence::Compound));
        assert_eq!(noun("Implementation of SSO"), Some(Evidence::Suffix));
        assert_eq!(noun("Scalable backend"), Some(Evidence::Suffix));
        assert_eq!(noun("Developer of the SDK"), Some(Evidence::Person));
        assert_eq!(noun("Lead developer on it"), Some(Evidence::Title));
        assert_eq!(noun("Design of the billing system"), Some(Evidence::Cue));
        assert_eq!(noun("Work was focused on X"), Some(Evidence::Cue));
        // Verbs win over endings; short stems are not endings.
        for text in [
            "Ship the app",
            "Drive adoption",
            "Lower costs",
            "Order parts",
            "Assemble kits",
        ] {
            assert_eq!(classify(text), Word::Verb, "{text}");
        }
    }

    #[test]
    fn a_verb_before_an_object_is_not_a_title() {
        assert_eq!(classify("Lead developer experience work"), Word::Verb);
        assert_eq!(classify("Support the nurse on shift"), Word::Verb);
        assert_eq!(classify("Lead engineers across teams"), Word::Verb);
    }

    #[test]
    fn the_past_of_a_gerund_follows_its_spelling() {
        let lexicon = Lexicon::new(&shipped_options());
        for (gerund, past) in [
            ("managing", "managed"),
            ("owning", "owned"),
            ("planning", "planned"),
            ("developing", "developed"),
            ("controlling", "controlled"),
            ("labelling", "labelled"),
            ("labeling", "labeled"),
            ("programming", "programmed"),
            ("applying", "applied"),
            ("deploying", "deployed"),
            ("guaranteeing", "guaranteed"),
            ("enrolling", "enrolled"),
            ("fine-tuning", "fine-tuned"),
            ("building", "built"),
            ("leading", "led"),
            ("running", "ran"),
            ("setting", "set"),
            ("overseeing", "oversaw"),
            ("proofreading", "proofread"),
            ("rebuilding", "rebuilt"),
            ("re-architecting", "re-architected"),
            ("upselling", "upsold"),
            ("cross-selling", "cross-sold"),
            ("Building", "Built"),
        ] {
            assert_eq!(
                lexicon.past_of_gerund(gerund).as_deref(),
                Some(past),
                "{gerund}"
            );
        }
        for gerund in ["being", "having", "string", "something", "ing"] {
            assert_eq!(lexicon.past_of_gerund(gerund), None, "{gerund}");
        }
    }

    #[test]
    fn every_irregular_past_is_a_listed_verb_and_reads_as_one() {
        let options = shipped_options();
        let lexicon = Lexicon::new(&options);
        for (lemma, past) in &options.irregular_past {
            assert!(lexicon.verbs.contains(lemma), "{lemma} is not in `verbs`");
            assert!(
                lexicon.verb_form(past).is_some(),
                "{past} is not read as a verb"
            );
        }
    }

    #[test]
    fn gerunds_adverbs_dates_and_unknown_words_are_left_alone() {
        assert_eq!(classify("Building things"), Word::Other);
        assert_eq!(classify("Successfully delivered"), Word::Other);
        assert_eq!(classify("2019 hackathon"), Word::Other);
        assert_eq!(classify("Ahead of schedule"), Word::Other);
        assert_eq!(classify("Kafka consumers"), Word::Unknown);
        assert_eq!(classify("Self-hosted Grafana"), Word::Unknown);
        assert_eq!(classify("I/O latency"), Word::Unknown);
    }
}
