use crate::document::{Classification, Document, Format, HeadingStyle, SectionKind, parse};

fn markdown(source: &str) -> Document {
    parse(source, Format::Markdown)
}

fn kinds(document: &Document) -> Vec<(String, SectionKind)> {
    document
        .sections
        .iter()
        .map(|s| (s.heading_text().to_string(), s.kind))
        .collect()
}

#[test]
fn the_name_heading_and_contact_lines_form_the_header() {
    let document = markdown(
        "# Jordan Lee\n\njordan@example.com | github.com/jordan\n\n## Experience\n\n- Built it\n",
    );
    assert_eq!(
        document.header.name.as_ref().unwrap().as_str(),
        "Jordan Lee"
    );
    assert_eq!(
        document.header.lines[0].as_str(),
        "jordan@example.com | github.com/jordan"
    );
    assert_eq!(
        kinds(&document),
        [("Experience".to_string(), SectionKind::Experience)]
    );
}

#[test]
fn prose_between_the_header_and_the_first_section_is_the_summary() {
    let document = markdown(
        "# Jordan Lee\n\n- jordan@example.com\n- (912) 555-4321\n\nBackend engineer with eight years of Go, Rust and Python across payments.\n\n## Skills\n\n- Go\n",
    );
    assert_eq!(document.header.lines.len(), 2);
    let summary = &document.sections[0];
    assert_eq!(summary.kind, SectionKind::Summary);
    assert_eq!(summary.classification, Classification::Intro);
    assert!(
        summary.paragraphs[0]
            .text
            .as_str()
            .starts_with("Backend engineer")
    );
}

#[test]
fn role_headings_open_entries_with_dates_and_bullets() {
    let document = markdown(
        "# Jordan Lee\n\n## Experience\n\n### Senior Engineer @ Cloud\n*2021 - Present*\n- Designed it\n- Led it\n\n### Engineer @ Nova\n*2018 - 2021*\n- Automated it\n",
    );
    let experience = &document.sections[0];
    assert_eq!(experience.entries.len(), 2);
    let first = &experience.entries[0];
    assert_eq!(first.title.as_str(), "Senior Engineer @ Cloud");
    let dates = first.dates.expect("dates under the heading");
    assert_eq!(dates.start.year, 2021);
    assert_eq!(dates.end, None);
    assert_eq!(first.bullets, [0, 1]);
    assert_eq!(experience.bullets[2].entry, Some(1));
}

#[test]
fn bold_role_lines_followed_by_bullets_are_entries() {
    let document = markdown(
        "# Jordan Lee\n\n## Experience\n\n**Data Engineer, Beta** (2017 – 2019)\n\n- Built a warehouse\n\n**Analyst, Gamma** (2015 – 2017)\n\n- Wrote reports\n",
    );
    let experience = &document.sections[0];
    assert_eq!(experience.entries.len(), 2);
    assert_eq!(
        experience.entries[1].title.as_str(),
        "Analyst, Gamma (2015 – 2017)"
    );
    assert!(experience.entries[1].dates.is_some());
}

#[test]
fn bold_lines_that_name_sections_are_section_headings() {
    let document = markdown(
        "Jordan Lee\n\n**Experience**\n\n**Engineer, Acme** 2019 – 2021\n\n- Built it\n\n**Skills**\n\n- Go, Rust, Python\n",
    );
    assert_eq!(
        kinds(&document),
        [
            ("Experience".to_string(), SectionKind::Experience),
            ("Skills".to_string(), SectionKind::Skills)
        ]
    );
    let heading = document.sections[0].heading.as_ref().unwrap();
    assert_eq!(heading.style, HeadingStyle::Bold);
}

#[test]
fn creative_headings_are_classified_by_their_content() {
    let document = markdown(concat!(
        "# Jordan Lee\n\n",
        "## Hi, I'm Jordan\n\nI build payment systems in Go and have done so for eight years at three companies.\n\n",
        "## Where I've Built Things\n\n### Engineer, Acme (2019 – 2021)\n\n- Built it\n\n",
        "## Tech Arsenal\n\n- Go, Rust, Python, PostgreSQL\n- Kafka, Redis, Docker\n\n",
        "## Academic Journey\n\nB.S. Computer Science, Georgia Tech University, 2018\n\n",
        "## Things I've Made\n\n### chess-engine\n\n- Wrote it\n\n### pglock\n\n- Shipped it\n",
    ));
    assert_eq!(
        kinds(&document)
            .into_iter()
            .map(|(_, k)| k)
            .collect::<Vec<_>>(),
        [
            SectionKind::Summary,
            SectionKind::Experience,
            SectionKind::Skills,
            SectionKind::Education,
            SectionKind::Projects
        ]
    );
    assert!(
        document
            .sections
            .iter()
            .all(|s| s.classification == Classification::Content)
    );
}

#[test]
fn a_tagline_under_the_name_is_not_a_section() {
    let document = markdown(
        "# Jordan Lee\n\n## Senior Backend Engineer\n\njordan@example.com\n\n## Experience\n\n- Built it\n",
    );
    assert_eq!(
        kinds(&document),
        [("Experience".to_string(), SectionKind::Experience)]
    );
    assert!(
        document
            .header
            .lines
            .iter()
            .any(|l| l.as_str() == "Senior Backend Engineer")
    );
}

#[test]
fn a_resume_without_headings_has_achievement_bullets() {
    let document = markdown("Jordan Lee\n\n- Built the billing service\n- Led the migration\n");
    assert_eq!(
        document.header.name.as_ref().unwrap().as_str(),
        "Jordan Lee"
    );
    assert_eq!(document.sections.len(), 1);
    assert_eq!(
        document.sections[0].classification,
        Classification::Headless
    );
    assert_eq!(document.achievement_bullets().count(), 2);
}

#[test]
fn nested_items_under_a_sentence_are_its_parts_and_under_a_title_achievements() {
    let document = markdown(concat!(
        "# J\n\n## Projects\n\n",
        "- Project Atlas\n  - Built the ingest service\n  - Cut costs 30%\n",
        "- Rebuilt the search stack on three pillars.\n  - Tokenizer\n  - Ranker\n",
    ));
    let texts: Vec<&str> = document
        .achievement_bullets()
        .map(|(_, b)| b.text.as_str())
        .collect();
    assert_eq!(texts, ["Built the ingest service", "Cut costs 30%"]);
}

#[test]
fn plain_text_resumes_get_the_same_structure() {
    let source = "JORDAN LEE\njordan@example.com\n\nEXPERIENCE\n\nAcme Corp, Engineer          2019 – 2021\n• Built the billing service\n• Led the migration\n\nSKILLS\nGo, Rust, Python\n";
    let document = parse(source, Format::Text);
    assert_eq!(
        document.header.name.as_ref().unwrap().as_str(),
        "JORDAN LEE"
    );
    assert_eq!(
        kinds(&document),
        [
            ("EXPERIENCE".to_string(), SectionKind::Experience),
            ("SKILLS".to_string(), SectionKind::Skills)
        ]
    );
    let experience = &document.sections[0];
    assert_eq!(experience.entries.len(), 1);
    assert_eq!(experience.entries[0].bullets.len(), 2);
    assert!(experience.entries[0].dates.is_some());
}

#[test]
fn employer_lines_in_capitals_stay_inside_experience() {
    let source = "JORDAN LEE\n\nEXPERIENCE\n\nACME CORP\nEngineer, 2019 – 2021\n• Built the billing service\n\nBETA INDUSTRIES\nAnalyst, 2017 – 2019\n• Wrote the reports\n\nEDUCATION\nB.S. Computer Science, 2017\n";
    let document = parse(source, Format::Text);
    assert_eq!(
        kinds(&document),
        [
            ("EXPERIENCE".to_string(), SectionKind::Experience),
            ("EDUCATION".to_string(), SectionKind::Education)
        ]
    );
    assert_eq!(document.sections[0].bullets.len(), 2);
}
