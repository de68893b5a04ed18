//! Placeholder while the kind is written.

use super::{Check, Finding, KindError, OptionsTable, options_table};
use crate::document::Document;
use crate::rules::scope::Scope;

pub const DEFAULT_SCOPE: &[Scope] = &[Scope::Document];
pub const ALLOWED_SCOPES: &[Scope] = &[Scope::Document];
pub const PLACEHOLDERS: &[&str] = &[];

pub struct Placeholder;

pub fn compile(_table: OptionsTable<'_>) -> Result<Placeholder, KindError> {
    Ok(Placeholder)
}

impl Check for Placeholder {
    fn check(&self, _document: &Document, _scopes: &[Scope], _out: &mut Vec<Finding>) {}

    fn options(&self) -> toml::Table {
        options_table(&toml::Table::new())
    }
}

#[cfg(test)]
mod corpus_dump {
    use crate::document::{Format, parse};
    use crate::rules::scope::{Scope, units};
    use std::path::Path;

    #[test]
    #[ignore]
    fn dump_bullets() {
        for (dir, format) in [("md", Format::Markdown), ("txt", Format::Text)] {
            let mut paths: Vec<_> = std::fs::read_dir(Path::new("/work/shared/corpus").join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
            paths.sort();
            for path in paths {
                let source = std::fs::read_to_string(&path).unwrap();
                let doc = parse(&source, format);
                for unit in units(&doc, &[Scope::ExperienceBullet]) {
                    if unit.bullet.is_some() {
                        println!("{}\t{}", path.file_name().unwrap().to_string_lossy(), unit.text.as_str());
                    }
                }
            }
        }
    }
}
