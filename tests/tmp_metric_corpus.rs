//! Temporary: corpus review for the metric kind. Delete after use.
use resume_lint::document::{Format, parse};
use resume_lint::rules::RuleSet;
use resume_lint::rules::scope::{Scope, units};
use std::path::Path;

fn corpus() -> Vec<(String, String, Format)> {
    let mut out = Vec::new();
    for (dir, format) in [("md", Format::Markdown), ("txt", Format::Text)] {
        let mut paths: Vec<_> = std::fs::read_dir(Path::new("/work/shared/corpus").join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let source = std::fs::read_to_string(&path).unwrap();
            out.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                source,
                format,
            ));
        }
    }
    out
}

#[test]
#[ignore]
fn dump_bullets() {
    for (name, source, format) in corpus() {
        let doc = parse(&source, format);
        for unit in units(&doc, &[Scope::ExperienceBullet]) {
            if unit.bullet.is_some() {
                println!(
                    "{name}\t{}\t{:?}\t{}",
                    unit.section.map_or("", |s| s.heading_text()),
                    unit.section.map(|s| s.kind),
                    unit.text.as_str()
                );
            }
        }
    }
}

#[test]
#[ignore]
fn dump_findings() {
    for rule in ["quantified-bullet", "quantified-ratio"] {
        let mut rules = RuleSet::load(&[] as &[&Path]).unwrap();
        rules.filter(&[rule.into()], &[]).unwrap();
        for (name, source, format) in corpus() {
            let doc = parse(&source, format);
            for d in rules.lint(&doc) {
                let text = &source[d.span.offset..d.span.offset + d.span.length];
                println!("{rule}\t{name}\t{}\t{}", d.message, text.replace('\n', " "));
            }
        }
    }
}
