//! Which parts of a Document a rule reads.

use crate::document::{Bullet, Document, MappedText, Section, SectionKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Section headings.
    Heading,
    /// Every paragraph and bullet of the summary, whatever its heading.
    Summary,
    /// Every bullet in every section.
    Bullet,
    /// Achievement bullets: list items of experience-like sections.
    ExperienceBullet,
    /// Items and lines of skills sections.
    Skills,
    /// Paragraphs (prose and entry lines) outside lists.
    Paragraph,
    /// The document as a whole.
    Document,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Heading => "heading",
            Scope::Summary => "summary",
            Scope::Bullet => "bullet",
            Scope::ExperienceBullet => "experience-bullet",
            Scope::Skills => "skills",
            Scope::Paragraph => "paragraph",
            Scope::Document => "document",
        }
    }
}

/// One piece of text a text-matching rule reads.
#[derive(Debug, Clone, Copy)]
pub struct Unit<'d> {
    pub text: &'d MappedText,
    pub section: Option<&'d Section>,
    pub bullet: Option<&'d Bullet>,
}

/// The text units of `scopes`, each once, in source order.
pub fn units<'d>(document: &'d Document, scopes: &[Scope]) -> Vec<Unit<'d>> {
    let mut units = Vec::new();
    let wants = |scope: Scope| scopes.contains(&scope) || scopes.contains(&Scope::Document);
    for section in &document.sections {
        let summary = section.kind == SectionKind::Summary && wants(Scope::Summary);
        let skills = section.kind == SectionKind::Skills && wants(Scope::Skills);
        if wants(Scope::Heading)
            && let Some(heading) = &section.heading
        {
            units.push(Unit {
                text: &heading.text,
                section: Some(section),
                bullet: None,
            });
        }
        if scopes.contains(&Scope::Document) {
            for entry in &section.entries {
                units.push(Unit {
                    text: &entry.title,
                    section: Some(section),
                    bullet: None,
                });
            }
        }
        for paragraph in &section.paragraphs {
            if summary || skills || wants(Scope::Paragraph) {
                units.push(Unit {
                    text: &paragraph.text,
                    section: Some(section),
                    bullet: None,
                });
            }
        }
        for bullet in &section.bullets {
            let achievement = wants(Scope::ExperienceBullet) && section.is_achievement(bullet);
            if summary || skills || wants(Scope::Bullet) || achievement {
                units.push(Unit {
                    text: &bullet.text,
                    section: Some(section),
                    bullet: Some(bullet),
                });
            }
        }
    }
    units.sort_by_key(|u| u.text.full_span().start());
    units.dedup_by_key(|u| u.text.full_span().start());
    units
}
