//! The queries shipped with the grammar compile against it and capture what
//! editors show: labels, portion marks and banners highlighted, a fold per
//! turn and per header block, a tag per speaker turn.

use std::collections::BTreeMap;

mod common;

use common::parse;
use tree_sitter::{Query, QueryCursor, StreamingIterator};

const MEMCON: &str = include_str!("../../fixtures/samples/memcon-2008-sochi.txt");

/// (capture name, captured text) for every match of `source` on `text`.
fn captures(source: &str, text: &str) -> Vec<(String, String)> {
    let query =
        Query::new(&tree_sitter_transcript::LANGUAGE.into(), source).expect("the query compiles");
    let tree = parse(text);
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.matches(&query, tree.root_node(), text.as_bytes());
    let mut out = Vec::new();
    while let Some(m) = matches.next() {
        for c in m.captures() {
            let name = query.capture_names()[c.index as usize].to_string();
            out.push((name, text[c.node.byte_range()].to_string()));
        }
    }
    out
}

#[test]
fn highlights_capture_labels_portion_marks_and_banners() {
    let caps = captures(tree_sitter_transcript::HIGHLIGHTS_QUERY, MEMCON);
    let has = |name: &str, text: &str| caps.iter().any(|(n, t)| n == name && t == text);
    assert!(has("label", "President Putin"));
    assert!(has("label", "The President"));
    assert!(has("attribute", "(S)"));
    assert!(has("attribute", "(X)"));
    assert!(has("keyword", "EYES ONLY"));
    assert!(has("markup.strikethrough", "~~SECRET~~"));
    assert!(has("property", "SUBJECT"));
    assert!(has("module", "Russia"));
    assert!(has("comment", "NW#: 78134 DocId: 34685227"));
    assert!(has(
        "comment",
        "(To Secretary Rice and Foreign Minister Lavrov)"
    ));
    assert!(has("markup.heading", "MEMORANDUM OF CONVERSATION"));
}

#[test]
fn folds_cover_each_turn_and_header_block() {
    let caps = captures(tree_sitter_transcript::FOLDS_QUERY, MEMCON);
    assert!(caps.iter().all(|(n, _)| n == "fold"));
    // 45 turns, and three header blocks: the case line, SUBJECT to PLACE,
    // and the authority block inside the first turn.
    assert_eq!(caps.len(), 45 + 3);
    assert_eq!(
        caps.iter()
            .filter(|(_, t)| t.starts_with("President Putin:"))
            .count(),
        16
    );
    assert_eq!(
        caps.iter()
            .filter(|(_, t)| t.starts_with("( President Putin:"))
            .count(),
        3,
        "a margin mark belongs to its turn"
    );
    assert!(
        caps.iter()
            .any(|(_, t)| t.starts_with("SUBJECT: Meeting") && t.contains("Sochi Russia"))
    );
}

#[test]
fn tags_name_every_speaker_turn() {
    let caps = captures(tree_sitter_transcript::TAGS_QUERY, MEMCON);
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for (capture, text) in &caps {
        if capture == "name" {
            *names.entry(text.clone()).or_default() += 1;
        }
    }
    assert_eq!(names.get("The President"), Some(&21));
    assert_eq!(names.get("President Putin"), Some(&19));
    assert_eq!(
        caps.iter()
            .filter(|(c, _)| c == "definition.speaker")
            .count(),
        45
    );
}
