//! `resume-lint rules`, `resume-lint rule ID`, and user rules added with
//! `--rules DIR`.

mod harness;

use harness::{ONE_CLICHE_RESUME, Scratch, UTILIZE_RESUME, UTILIZE_RULE, diagnostics_of};
use std::path::Path;

/// The built-in rule files, parsed: what `rules` must list.
fn builtin_rules() -> Vec<toml::Table> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the rules folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("a rule file");
            text.parse::<toml::Table>()
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

fn string<'a>(rule: &'a toml::Table, key: &str) -> &'a str {
    rule.get(key)
        .and_then(toml::Value::as_str)
        .unwrap_or_default()
}

/// The id, kind, severity and fix columns of `id`'s row in `rules` output.
fn row<'a>(listing: &'a str, id: &str) -> Option<Vec<&'a str>> {
    listing.lines().find_map(|line| {
        let cells: Vec<&str> = line.split_whitespace().take(4).collect();
        (cells.first() == Some(&id)).then_some(cells)
    })
}

#[test]
fn rules_lists_every_builtin_rule() {
    let scratch = Scratch::new();
    let run = scratch.run(&["rules"]);
    run.expect_code(0);
    let header: Vec<&str> = run
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["RULE", "KIND", "SEVERITY", "FIX", "SUMMARY"]);
    let builtin = builtin_rules();
    assert_eq!(
        run.stdout.lines().count(),
        builtin.len() + 1,
        "{}",
        run.stdout
    );
    for rule in &builtin {
        let id = string(rule, "id");
        let row = row(&run.stdout, id).unwrap_or_else(|| panic!("{id} is not listed"));
        assert_eq!(row[1], string(rule, "kind"), "{id}");
        let severity = rule
            .get("severity")
            .and_then(toml::Value::as_str)
            .unwrap_or("warning");
        assert_eq!(row[2], severity, "{id}");
        assert!(["fixable", "-"].contains(&row[3]), "{id}: {row:?}");
        assert!(
            run.stdout
                .lines()
                .any(|l| l.starts_with(id) && l.trim_end().ends_with(string(rule, "summary"))),
            "{id}: the summary column"
        );
    }
}

#[test]
fn every_builtin_rule_has_full_documentation() {
    let scratch = Scratch::new();
    for rule in builtin_rules() {
        let id = string(&rule, "id");
        let run = scratch.run(&["rule", id]);
        run.expect_code(0);
        let out = &run.stdout;
        assert!(out.starts_with(id), "{out}");
        for heading in ["Why:", "Source:", "Bad:", "Good:"] {
            assert!(out.contains(heading), "{id} lacks {heading}:\n{out}");
        }
        let bad = string(&rule, "bad").lines().next().unwrap_or_default();
        assert!(out.contains(bad.trim()), "{id}: the bad example\n{out}");
        assert!(out.contains("Options"), "{id}:\n{out}");
    }
}

#[test]
fn rule_prints_why_source_examples_and_options_with_defaults() {
    let scratch = Scratch::new();
    let run = scratch.run(&["rule", "overused-phrase"]);
    run.expect_code(0);
    let out = &run.stdout;
    assert!(
        out.starts_with("overused-phrase (phrase rule, default severity warning"),
        "{out}"
    );
    let why = out.find("Why:").expect("why");
    let source = out.find("Source:").expect("source");
    let bad = out.find("Bad:").expect("bad");
    let good = out.find("Good:").expect("good");
    let options = out.find("Options (with their defaults):").expect("options");
    assert!(
        why < source && source < bad && bad < good && good < options,
        "{out}"
    );
    assert!(
        out.contains("- Passionate, detail-oriented team player"),
        "{out}"
    );
    assert!(out.contains("phrases = ["), "{out}");
    assert!(out.contains("\"team player\""), "{out}");
    // Defaults the rule file leaves out are shown too.
    assert!(out.contains("skip-proper-names = true"), "{out}");
    assert!(out.contains("fix-applicability = \"unsafe\""), "{out}");
    assert!(
        out.contains("Defined in: rules/overused-phrase.toml"),
        "{out}"
    );
}

#[test]
fn a_user_rule_is_listed_fires_and_carries_its_fix() {
    let scratch = Scratch::new();
    scratch.write("extra/utilize.toml", UTILIZE_RULE);
    scratch.write("cv.md", UTILIZE_RESUME);

    let rules = scratch.run(&["rules", "--rules", "extra"]);
    rules.expect_code(0);
    let listed = row(&rules.stdout, "utilize").expect("utilize is listed");
    assert_eq!(listed[1..4], ["pattern", "info", "fixable"]);
    assert_eq!(rules.stdout.lines().count(), builtin_rules().len() + 2);

    let doc = scratch.run(&["rule", "utilize", "--rules", "extra"]);
    doc.expect_code(0);
    assert!(
        doc.stdout.contains("replacement = \"use\""),
        "{}",
        doc.stdout
    );
    assert!(
        doc.stdout.contains("Defined in: extra/utilize.toml"),
        "{}",
        doc.stdout
    );

    let concise = scratch.run(&["cv.md", "--rules", "extra", "--output-format", "concise"]);
    assert!(
        concise
            .findings()
            .contains(&"cv.md:3:1: info[utilize] “Utilize” is a long way to say “Use”"),
        "{}",
        concise.stdout
    );

    let json = scratch.run(&["cv.md", "--rules", "extra", "--output-format", "json"]);
    let report = json.json();
    let finding = diagnostics_of(&report, "cv.md")
        .iter()
        .find(|d| d["rule"] == "utilize")
        .expect("the user rule fires");
    assert_eq!(finding["fix"]["edits"][0]["replacement"], "Use");
}

#[test]
fn rules_folders_can_be_repeated() {
    let scratch = Scratch::new();
    scratch.write("one/utilize.toml", UTILIZE_RULE);
    scratch.write(
        "two/leverage.toml",
        "id = \"leverage\"\nkind = \"phrase\"\nmessage = \"{match}\"\nphrases = [\"leverage\"]\n",
    );
    let run = scratch.run(&["rules", "--rules", "one", "--rules", "two"]);
    run.expect_code(0);
    assert!(row(&run.stdout, "utilize").is_some(), "{}", run.stdout);
    assert!(row(&run.stdout, "leverage").is_some(), "{}", run.stdout);
}

#[test]
fn a_user_rule_with_a_builtin_id_replaces_it() {
    let scratch = Scratch::new();
    scratch.write(
        "extra/overused-phrase.toml",
        r#"
id = "overused-phrase"
kind = "phrase"
severity = "error"
message = "“{match}” is banned here"
summary = "Our house list"
phrases = ["rockstar"]
"#,
    );
    scratch.write(
        "cv.md",
        "## Summary\n\nPassionate engineer and rockstar coder.\n",
    );
    let rules = scratch.run(&["rules", "--rules", "extra"]);
    assert_eq!(
        rules
            .stdout
            .lines()
            .filter(|l| l.starts_with("overused-phrase "))
            .count(),
        1,
        "{}",
        rules.stdout
    );
    let listed = row(&rules.stdout, "overused-phrase").unwrap();
    assert_eq!(listed[2], "error");
    assert!(rules.stdout.contains("Our house list"));

    let run = scratch.run(&[
        "cv.md",
        "--rules",
        "extra",
        "--select",
        "overused-phrase",
        "--output-format",
        "concise",
    ]);
    run.expect_code(1);
    // The built-in phrase list is gone: only “rockstar” is flagged.
    assert_eq!(
        run.findings(),
        ["cv.md:3:25: error[overused-phrase] “rockstar” is banned here"]
    );
    let doc = scratch.run(&["rule", "overused-phrase", "--rules", "extra"]);
    assert!(
        doc.stdout
            .contains("Defined in: extra/overused-phrase.toml"),
        "{}",
        doc.stdout
    );
}

#[test]
fn a_user_rule_can_be_selected_and_ignored() {
    let scratch = Scratch::new();
    scratch.write("extra/utilize.toml", UTILIZE_RULE);
    scratch.write("cv.md", format!("{ONE_CLICHE_RESUME}\n{UTILIZE_RESUME}"));
    let ignored = scratch.run(&[
        "cv.md",
        "--rules",
        "extra",
        "--ignore",
        "utilize",
        "--output-format",
        "concise",
    ]);
    assert!(
        ignored.findings().iter().all(|l| !l.contains("[utilize]")),
        "{}",
        ignored.stdout
    );
    let selected = scratch.run(&[
        "cv.md",
        "--rules",
        "extra",
        "--select",
        "utilize",
        "--output-format",
        "concise",
    ]);
    assert!(!selected.findings().is_empty());
    assert!(
        selected.findings().iter().all(|l| l.contains("[utilize]")),
        "{}",
        selected.stdout
    );
}

/// Global options may come before the subcommand: `resume-lint --rules DIR rules`.
#[test]
fn options_before_the_subcommand_still_run_it() {
    let scratch = Scratch::new();
    scratch.write("extra/utilize.toml", UTILIZE_RULE);
    let run = scratch.run(&["--rules", "extra", "rules"]);
    run.expect_code(0);
    assert!(row(&run.stdout, "utilize").is_some(), "{}", run.stdout);
    let run = scratch.run(&["--color", "never", "rule", "overused-phrase"]);
    run.expect_code(0);
}
