//! The rule engine: load rule files, compile them once, run them on documents.

mod builtin;
pub mod error;
pub mod kinds;
pub mod scope;
pub mod spec;
pub mod template;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use error::{LoadError, did_you_mean};
use kinds::{Check, Finding, KindName};
use scope::Scope;
use std::path::Path;

/// A rule's documentation, printed by `resume-lint rule ID`.
#[derive(Debug, Clone, Default)]
pub struct RuleDocs {
    pub summary: Option<String>,
    pub why: Option<String>,
    pub bad: Option<String>,
    pub good: Option<String>,
    /// The guide the rule comes from.
    pub source: Option<String>,
}

impl RuleDocs {
    fn is_complete(&self) -> bool {
        [
            &self.summary,
            &self.why,
            &self.bad,
            &self.good,
            &self.source,
        ]
        .iter()
        .all(|field| field.as_deref().is_some_and(|s| !s.trim().is_empty()))
    }
}

/// A compiled rule.
pub struct Rule {
    pub id: String,
    pub kind: KindName,
    pub severity: Severity,
    pub scope: Vec<Scope>,
    pub message: String,
    pub help: Option<String>,
    pub docs: RuleDocs,
    /// "built-in" or the path of the file it was loaded from.
    pub origin: String,
    check: Box<dyn Check>,
}

impl Rule {
    /// Whether the rule's findings can carry fixes.
    pub fn fixable(&self) -> bool {
        self.check.fixable()
    }

    pub fn options(&self) -> toml::Table {
        self.check.options()
    }

    fn run(&self, document: &Document, findings: &mut Vec<Finding>, out: &mut Vec<Diagnostic>) {
        findings.clear();
        self.check.check(document, &self.scope, findings);
        for finding in findings.drain(..) {
            let mut vars: Vec<(&str, &str)> = vec![("match", finding.matched.as_str())];
            vars.extend(finding.vars.iter().map(|(k, v)| (*k, v.as_str())));
            out.push(Diagnostic {
                rule: self.id.clone(),
                severity: self.severity,
                message: template::fill(&self.message, &vars),
                help: self.help.as_deref().map(|help| template::fill(help, &vars)),
                span: finding.span,
                fix: finding.fix,
            });
        }
    }
}

/// The rules of one run, compiled once and shared by every file.
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// The built-in rules, then each directory's `*.toml` files; a user rule
    /// with a built-in rule's id replaces it. Every broken file is reported.
    pub fn load(dirs: &[impl AsRef<Path>]) -> Result<RuleSet, Vec<LoadError>> {
        let mut rules: Vec<Rule> = Vec::new();
        let mut errors = Vec::new();
        for (name, text) in builtin::BUILTIN_RULES {
            let display = format!("rules/{name}");
            let file = spec::RuleFile {
                display_name: &display,
                stem: name.trim_end_matches(".toml"),
                text,
                builtin: true,
            };
            match spec::compile_rule(&file) {
                Ok(rule) => rules.push(rule),
                Err(e) => errors.push(e.into()),
            }
        }
        for dir in dirs {
            match user_rule_files(dir.as_ref()) {
                Ok(files) => {
                    for (path, text) in files {
                        let display = path.display().to_string();
                        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                        let file = spec::RuleFile {
                            display_name: &display,
                            stem,
                            text: &text,
                            builtin: false,
                        };
                        match spec::compile_rule(&file) {
                            Ok(rule) => {
                                rules.retain(|r| r.id != rule.id);
                                rules.push(rule);
                            }
                            Err(e) => errors.push(e.into()),
                        }
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        if errors.is_empty() {
            Ok(RuleSet { rules })
        } else {
            Err(errors)
        }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Result<&Rule, LoadError> {
        self.rules
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| self.unknown(id))
    }

    fn unknown(&self, id: &str) -> LoadError {
        LoadError::UnknownRule {
            id: id.to_string(),
            help: did_you_mean(id, self.rules.iter().map(|r| r.id.as_str()))
                .or_else(|| Some("`resume-lint rules` lists every rule".to_string())),
        }
    }

    /// Keeps the selected rules (all when `select` is empty) minus the ignored.
    /// Unknown ids are errors, with the nearest id suggested.
    pub fn filter(&mut self, select: &[String], ignore: &[String]) -> Result<(), Vec<LoadError>> {
        let errors: Vec<LoadError> = select
            .iter()
            .chain(ignore)
            .filter(|id| !self.rules.iter().any(|r| &r.id == *id))
            .map(|id| self.unknown(id))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        self.rules.retain(|rule| {
            (select.is_empty() || select.contains(&rule.id)) && !ignore.contains(&rule.id)
        });
        Ok(())
    }

    /// Runs every rule on a document; diagnostics are sorted by position.
    pub fn lint(&self, document: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut findings = Vec::new();
        for rule in &self.rules {
            rule.run(document, &mut findings, &mut out);
        }
        out.sort_by(|a, b| {
            (a.span.offset, a.span.length, &a.rule).cmp(&(b.span.offset, b.span.length, &b.rule))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
        out
    }
}

/// The `*.toml` files of a rules directory, sorted, with their text.
fn user_rule_files(dir: &Path) -> Result<Vec<(std::path::PathBuf, String)>, LoadError> {
    let io_error = |path: &Path, e: std::io::Error| LoadError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| io_error(dir, e))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            let text = String::from_utf8(bytes).map_err(|_| LoadError::Io {
                path: path.display().to_string(),
                reason: "the file is not valid UTF-8".to_string(),
            })?;
            Ok((path, text))
        })
        .collect()
}
