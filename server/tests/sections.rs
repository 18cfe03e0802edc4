//! Where a document is cut into sections changes nothing in its analysis,
//! and an edited document analyses as the same text opened afresh.

mod common;

use std::sync::Arc;

use common::{fixtures, read_fixture};
use transcript_ls::analysis::Document;
use transcript_ls::{Analysis, Config};

/// The analysis with sections cut wherever they can be (`min` 1) or
/// never.
fn analysis(text: &str, min: usize) -> (Analysis, usize) {
    let doc = Document::with_section_bytes(text, Arc::new(Config::default()), min);
    (doc.analysis(), doc.sections().len())
}

fn assert_same(text: &str, name: &str) -> usize {
    let (cut, sections) = analysis(text, 1);
    let (whole, one) = analysis(text, usize::MAX);
    assert_eq!(one, 1, "{name}: one section when never cut");
    assert_eq!(cut.findings, whole.findings, "{name}: findings differ");
    assert_eq!(
        serde_json::to_value(&cut.model).unwrap(),
        serde_json::to_value(&whole.model).unwrap(),
        "{name}: models differ"
    );
    sections
}

fn documents() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for folder in ["samples", "real", "rules"] {
        let mut paths: Vec<_> = std::fs::read_dir(fixtures().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .collect();
        paths.sort();
        for p in paths {
            let name = format!("{folder}/{}", p.file_name().unwrap().to_string_lossy());
            docs.push((name.clone(), read_fixture(&name)));
        }
    }
    docs
}

#[test]
fn cutting_every_fixture_into_sections_changes_nothing() {
    for (name, text) in documents() {
        assert_same(&text, &name);
    }
}

#[test]
fn the_samples_are_cut_at_their_turns() {
    for name in [
        "samples/memcon-2008-sochi.txt",
        "samples/press-conference-2007-ocr.txt",
        "samples/press-conference-2007-web.md",
    ] {
        let sections = assert_same(&read_fixture(name), name);
        assert!(sections > 10, "{name}: only {sections} sections");
    }
}

#[test]
fn documents_glued_together_analyse_alike_however_cut() {
    let all: String = documents().into_iter().map(|(_, t)| t + "\n\n").collect();
    assert_same(&all, "every fixture in one document");
}

#[test]
fn an_edited_document_analyses_as_the_same_text_opened_afresh() {
    let memcon = read_fixture("samples/memcon-2008-sochi.txt");
    let mut doc = Document::with_section_bytes(&memcon, Arc::new(Config::default()), 1);
    let mut text = memcon.clone();
    // Unmake a label, make one, delete across a cut, type in a paragraph.
    let edits: Vec<(usize, usize, &str)> = {
        let label = text.find("\n\nPresident Putin:").unwrap() + 2;
        vec![
            (label, label + 1, "p"),
            (label, label + 1, "P"),
            (label - 2, label + 40, ""),
            (text.len() / 2, text.len() / 2, "xyz"),
            (0, 0, "SECRET\n\n"),
        ]
    };
    for (start, end, new) in edits {
        let start = start.min(text.len());
        let end = end.min(text.len());
        text.replace_range(start..end, new);
        doc.edit(start..end, new);
        assert_eq!(doc.text(), text);
        let (fresh, _) = analysis(&text, usize::MAX);
        assert_eq!(
            doc.findings(),
            fresh.findings,
            "after replacing {start}..{end} with {new:?}"
        );
    }
}

#[test]
fn undoing_an_ocr_spelling_merge_by_an_edit_analyses_as_afresh() {
    // `Mr. Betmont.` is an OCR spelling of `Mr. Belmont.` while Belmont
    // speaks three times as often; once one Belmont turn goes, it is not.
    let turn = "Mr. Belmont: We opened a file on him then.\n\n";
    let mut text = format!("{turn}{turn}{turn}Mr. Betmont: That is right.\n");
    let mut doc = Document::with_section_bytes(&text, Arc::new(Config::default()), 1);
    text.replace_range(0..turn.len(), "");
    doc.edit(0..turn.len(), "");
    let (fresh, _) = analysis(&text, usize::MAX);
    assert_eq!(doc.findings(), fresh.findings);
    assert_eq!(
        serde_json::to_value(doc.analysis().model.speakers).unwrap(),
        serde_json::to_value(fresh.model.speakers).unwrap()
    );
}

#[test]
fn bullets_and_unicode_spaces_before_a_misread_mark_are_read_without_a_panic() {
    for text in [
        "Intro.\n\n\u{2022} item\n",
        "(\u{a0}\u{a0}(S} The station reports no change.\n",
        "12,500\n",
    ] {
        let (cut, _) = analysis(text, 1);
        let (whole, _) = analysis(text, usize::MAX);
        assert_eq!(cut.findings, whole.findings, "{text:?}");
    }
}

#[test]
fn a_misread_word_is_vouched_by_the_word_in_another_section() {
    // Found by fuzzing: O010 read `nuc1ear` as `nuclear` only when the
    // section it fell in wrote `nuclear` too.
    let text = "Mr. Smith: We spoke of nuclear arms.\n\n\
                Mr. Jones: The nuc1ear talks go on.\n";
    for min in [1, usize::MAX] {
        let (analysis, _) = analysis(text, min);
        let o010: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| f.code == "O010")
            .map(|f| &text[f.range.clone()])
            .collect();
        assert_eq!(o010, ["nuc1ear"], "sections of at least {min} bytes");
    }
    // Taking `nuclear` out by an edit takes the finding with it.
    let mut doc = Document::with_section_bytes(text, Arc::new(Config::default()), 1);
    let at = text.find("nuclear").unwrap();
    doc.edit(at..at + 7, "atomic");
    let edited = text.replacen("nuclear", "atomic", 1);
    assert_eq!(doc.findings(), analysis(&edited, usize::MAX).0.findings);
    assert!(!doc.findings().iter().any(|f| f.code == "O010"));
}

#[test]
fn an_edit_that_takes_the_empty_line_before_a_cut_away_joins_the_sections() {
    // Found by proptest: the empty line `\r\n` before a cut went, and the
    // next section still began at the label line, now part of a paragraph.
    let text = "SECRETARY RICE: It was signed on 13/45/18\n\r\nMr.SolanaCAUTION: not verbatim.\n";
    let mut doc = Document::with_section_bytes(text, Arc::new(Config::default()), 1);
    assert!(doc.sections().len() > 1, "cut before the label line");
    let at = text.find("/18\n").unwrap();
    doc.edit(at..at + 4, " ");
    let edited = text.replacen("/18\n", " ", 1);
    assert_eq!(doc.text(), edited);
    let (fresh, _) = analysis(&edited, usize::MAX);
    assert_eq!(doc.findings(), fresh.findings);
    assert!(fresh.findings.iter().any(|f| f.code == "O008"));
}
