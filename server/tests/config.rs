//! `transcript.toml` is found by walking up from the document, and what it
//! says changes the findings.

use std::fs;

use transcript_ls::config::{Config, ConfigError};
use transcript_ls::{Severity, analyze_text};

const MEMCON_PIECE: &str = "The President: We need to work on that. (S)\n\nPresident Putin: I agree with that. (S)\n\nThe President: Then we are done here.\n";

#[test]
fn the_nearest_config_above_the_document_applies() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("archive/1985/june");
    fs::create_dir_all(&nested).unwrap();
    fs::write(
        dir.path().join("transcript.toml"),
        "[rules]\nM001 = \"warning\"\n",
    )
    .unwrap();
    let doc = nested.join("memcon.txt");
    fs::write(&doc, MEMCON_PIECE).unwrap();

    let config = Config::for_document(&doc).unwrap();
    assert_eq!(
        config.source.as_deref(),
        Some(dir.path().join("transcript.toml").as_path())
    );
    let findings = analyze_text(MEMCON_PIECE, &config).findings;
    let m001: Vec<_> = findings.iter().filter(|f| f.code == "M001").collect();
    assert_eq!(m001.len(), 1);
    assert_eq!(m001[0].severity, Severity::Warning);

    // A closer file wins.
    fs::write(nested.join("transcript.toml"), "[rules]\nM001 = \"off\"\n").unwrap();
    let config = Config::for_document(&doc).unwrap();
    assert!(
        analyze_text(MEMCON_PIECE, &config)
            .findings
            .iter()
            .all(|f| f.code != "M001")
    );
}

#[test]
fn without_a_config_the_defaults_apply() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    fs::write(&doc, "x").unwrap();
    let config = Config::for_document(&doc).unwrap();
    assert!(config.source.is_none() || !config.source.as_ref().unwrap().starts_with(dir.path()));
}

#[test]
fn a_broken_config_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("transcript.toml");
    fs::write(
        &path,
        "classified = true\n[rules]\nO001 = \"off\"\nZ123 = \"off\"\n",
    )
    .unwrap();
    let err = Config::for_document(&dir.path().join("doc.txt")).unwrap_err();
    assert!(
        matches!(err, ConfigError::Invalid { line: 4, .. }),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(
        shown.contains("transcript.toml:4:") && shown.contains("Z123"),
        "{shown}"
    );
}

#[test]
fn classified_makes_an_unmarked_document_subject_to_the_markings_rules() {
    let config = Config::parse("classified = true\n").unwrap();
    let findings = analyze_text("QUESTION: A question.\n", &config).findings;
    assert!(findings.iter().any(|f| f.code == "M001"));
    assert!(
        analyze_text("QUESTION: A question.\n", &Config::default())
            .findings
            .is_empty()
    );
}

#[test]
fn speaker_aliases_make_a_label_known() {
    let text = "PARTICIPANTS: George Shultz, Secretary of State\n\nMr. Secretary: Hello.\n";
    assert!(
        analyze_text(text, &Config::default())
            .findings
            .iter()
            .any(|f| f.code == "S001")
    );
    let config = Config::parse("[speakers]\n\"Mr. Secretary\" = \"George Shultz\"\n").unwrap();
    assert!(
        analyze_text(text, &config)
            .findings
            .iter()
            .all(|f| f.code != "S001")
    );
}

#[test]
fn inline_suppressions_silence_only_the_named_rule_on_their_line() {
    let text = "QUESTION: as | said, and | think so. <!-- transcript: ignore O001 -- quoted verbatim -->\n\nQUESTION: as | said.\n";
    let findings = analyze_text(text, &Config::default()).findings;
    let lines: Vec<usize> = findings
        .iter()
        .filter(|f| f.code == "O001")
        .map(|f| text[..f.range.start].matches('\n').count() + 1)
        .collect();
    assert_eq!(lines, vec![3]);
}
