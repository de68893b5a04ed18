//! Configuration errors: broken rule files given with `--rules DIR`, and
//! unknown rule ids. Each names what is wrong and where, and exits 2.

mod harness;

use harness::{ONE_CLICHE_RESUME, Run, Scratch};

/// Lints a good resume with one extra rule file `rules/<name>` and returns
/// the run, which must exit 2 and name the rule file.
fn lint_with_rule_file(name: &str, toml: &str) -> Run {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    scratch.write(&format!("extra/{name}"), toml);
    let run = scratch.run(&["cv.md", "--rules", "extra"]);
    run.expect_code(2);
    let shown = format!("extra/{name}");
    assert!(
        run.stderr.contains(&shown),
        "stderr should name {shown}:\n{}",
        run.stderr
    );
    run
}

#[test]
fn invalid_toml_names_the_file_and_shows_the_line() {
    let run = lint_with_rule_file(
        "broken.toml",
        "id = \"broken\"\nkind = \"pattern\nmessage = \"x\"\npattern = \"a\"\n",
    );
    assert!(run.stderr.contains("invalid TOML"), "{}", run.stderr);
    // miette quotes the TOML line, with its line number, and points into it.
    assert!(
        run.stderr.contains("extra/broken.toml:2:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kind = \"pattern"), "{}", run.stderr);
}

#[test]
fn a_regex_that_does_not_compile_points_at_the_pattern() {
    let run = lint_with_rule_file(
        "bad-regex.toml",
        "id = \"bad-regex\"\nkind = \"pattern\"\nmessage = \"{match}\"\npattern = \"(\"\n",
    );
    // The regex crate's own words.
    assert!(run.stderr.contains("unclosed group"), "{}", run.stderr);
    // Line 4, column 11: the value of `pattern`.
    assert!(
        run.stderr.contains("extra/bad-regex.toml:4:11"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("pattern = \"(\""), "{}", run.stderr);
}

#[test]
fn an_unknown_key_is_named() {
    let run = lint_with_rule_file(
        "extra-key.toml",
        "id = \"extra-key\"\nkind = \"pattern\"\nmessage = \"x\"\npattern = \"a\"\nfrobnicate = true\n",
    );
    assert!(run.stderr.contains("`frobnicate`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("extra/extra-key.toml:5:1"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_misspelt_common_key_is_named() {
    let run = lint_with_rule_file(
        "typo.toml",
        "id = \"typo\"\nkind = \"phrase\"\nmessage = \"x\"\nphrases = [\"a\"]\nsevrity = \"info\"\n",
    );
    assert!(run.stderr.contains("`sevrity`"), "{}", run.stderr);
}

#[test]
fn an_unknown_kind_suggests_the_nearest() {
    let run = lint_with_rule_file(
        "kindly.toml",
        "id = \"kindly\"\nkind = \"patern\"\nmessage = \"x\"\npattern = \"a\"\n",
    );
    assert!(
        run.stderr.contains("unknown rule kind `patern`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `pattern`"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_id_must_match_the_file_stem() {
    let run = lint_with_rule_file(
        "stem.toml",
        "id = \"other-name\"\nkind = \"pattern\"\nmessage = \"x\"\npattern = \"a\"\n",
    );
    assert!(
        run.stderr
            .contains("the rule id `other-name` does not match its file name `stem.toml`"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_placeholder_in_the_message_is_named() {
    let run = lint_with_rule_file(
        "placeholder.toml",
        "id = \"placeholder\"\nkind = \"pattern\"\nmessage = \"found {nope}\"\npattern = \"a\"\n",
    );
    assert!(
        run.stderr.contains("unknown placeholder `{nope}`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("extra/placeholder.toml:3:"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_required_key_is_reported() {
    let run = lint_with_rule_file(
        "no-message.toml",
        "id = \"no-message\"\nkind = \"pattern\"\npattern = \"a\"\n",
    );
    assert!(run.stderr.contains("`message`"), "{}", run.stderr);
}

#[test]
fn every_broken_rule_file_is_reported_at_once() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    scratch.write(
        "extra/a.toml",
        "id = \"a\"\nkind = \"patern\"\nmessage = \"x\"\n",
    );
    scratch.write(
        "extra/b.toml",
        "id = \"b\"\nkind = \"pattern\"\nmessage = \"x\"\npattern = \"[\"\n",
    );
    let run = scratch.run(&["cv.md", "--rules", "extra"]);
    run.expect_code(2);
    assert!(run.stderr.contains("extra/a.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("extra/b.toml"), "{}", run.stderr);
}

#[test]
fn a_missing_rules_folder_is_reported() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["cv.md", "--rules", "no-such-folder"]);
    run.expect_code(2);
    assert!(run.stderr.contains("no-such-folder"), "{}", run.stderr);
}

#[test]
fn an_unknown_rule_id_suggests_the_nearest() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let cases: [&[&str]; 3] = [
        &["cv.md", "--select", "overused-phrases"],
        &["cv.md", "--ignore", "overused-phrases"],
        &["rule", "overused-phrases"],
    ];
    for args in cases {
        let run = scratch.run(args);
        run.expect_code(2);
        assert!(
            run.stderr.contains("unknown rule `overused-phrases`"),
            "{args:?}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("did you mean `overused-phrase`"),
            "{args:?}:\n{}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "{args:?}");
    }
}

#[test]
fn a_far_off_rule_id_points_at_the_rule_list() {
    let scratch = Scratch::new();
    let run = scratch.run(&["rule", "zzzz-qqqq"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("unknown rule `zzzz-qqqq`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("resume-lint rules"), "{}", run.stderr);
}

#[test]
fn one_of_several_selected_ids_being_unknown_is_an_error() {
    let scratch = Scratch::new();
    scratch.write("cv.md", ONE_CLICHE_RESUME);
    let run = scratch.run(&["cv.md", "--select", "overused-phrase,first-persn"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("did you mean `first-person`"),
        "{}",
        run.stderr
    );
}
