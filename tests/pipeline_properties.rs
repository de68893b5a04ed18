//! Whatever the input, linting never panics and every span — of a diagnostic
//! or of a fix's edit — lies inside the source on character boundaries.

use proptest::prelude::*;
use resume_lint::document::{Format, parse};
use resume_lint::rules::RuleSet;
use std::path::Path;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::load(&[] as &[&Path]).expect("built-in rules load"))
}

fn assert_spans_valid(source: &str, format: Format) {
    let document = parse(source, format);
    for diagnostic in rules().lint(&document) {
        let spans = std::iter::once(diagnostic.span).chain(
            diagnostic
                .fix
                .iter()
                .flat_map(|fix| fix.edits.iter().map(|edit| edit.span)),
        );
        for span in spans {
            assert!(span.end() <= source.len(), "{span:?} past the end");
            assert!(source.is_char_boundary(span.start()), "{span:?} start");
            assert!(source.is_char_boundary(span.end()), "{span:?} end");
        }
    }
}

/// Pieces real resumes are made of, including the awkward ones.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Jordan Lee\n".to_string()),
        Just("## Experience\n".to_string()),
        Just("## Where I've Built Things\n".to_string()),
        Just("### Engineer, Acme (Jan 2020 – Present)\n".to_string()),
        Just("**Skills**\n".to_string()),
        Just("EXPERIENCE\n".to_string()),
        Just("Summary:\n".to_string()),
        Just("---\n".to_string()),
        Just("===\n".to_string()),
        Just("- I was responsible for various things, etc.\n".to_string()),
        Just("  - Cut p99 latency from 340 ms to 130 ms\n".to_string()),
        Just("• Led a team of 5 \u{00A0}engineers\n".to_string()),
        Just("\u{F0A7} Reduced costs 45%\n".to_string()),
        Just("1. Built a **passionate** [team](http://x) player\n".to_string()),
        Just("I am a self-starter with my own ideas.\n".to_string()),
        Just("`code` <!-- comment --> <h2>Projects</h2>\n".to_string()),
        Just("| a | b |\n|---|---|\n| c | d |\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("résumé — naïve café 🚀 ✨ שלום\n".to_string()),
        "[^\u{0}]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_for_resume_like_markdown(parts in prop::collection::vec(fragment(), 0..30)) {
        let source = parts.concat();
        assert_spans_valid(&source, Format::Markdown);
    }

    #[test]
    fn spans_are_valid_for_resume_like_text(parts in prop::collection::vec(fragment(), 0..30)) {
        let source = parts.concat();
        assert_spans_valid(&source, Format::Text);
    }

    #[test]
    fn spans_are_valid_for_any_text(source in "\\PC{0,400}") {
        assert_spans_valid(&source, Format::Markdown);
        assert_spans_valid(&source, Format::Text);
    }
}
