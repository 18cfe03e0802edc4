//! The structure the reference documents must yield (see FORMAT.md): turn
//! counts and speakers, header fields and participants, portion marks,
//! banners, furniture and the end marker; and no ERROR or MISSING node in
//! any sample, the real-world ones included.

use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;

use common::parse;
use tree_sitter::{Node, Tree};

fn fixture(path: &str) -> String {
    let full: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "fixtures", path]
        .iter()
        .collect();
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// Every node of `kind` in document order.
fn all<'t>(node: Node<'t>, kind: &str, out: &mut Vec<Node<'t>>) {
    if node.kind() == kind {
        out.push(node);
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        all(child, kind, out);
    }
}

fn nodes<'t>(tree: &'t Tree, kind: &str) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    all(tree.root_node(), kind, &mut out);
    out
}

fn text<'a>(node: Node, source: &'a str) -> &'a str {
    &source[node.byte_range()]
}

/// The text of every node of `kind`, in document order.
fn texts<'a>(tree: &Tree, source: &'a str, kind: &str) -> Vec<&'a str> {
    nodes(tree, kind)
        .into_iter()
        .map(|n| text(n, source))
        .collect()
}

/// The speaker of each turn, as written, in document order.
fn speakers(tree: &Tree, source: &str) -> Vec<String> {
    nodes(tree, "speaker_turn")
        .into_iter()
        .map(|turn| {
            let mut cursor = turn.walk();
            let label = turn
                .named_children(&mut cursor)
                .find(|n| n.kind() == "speaker_label")
                .expect("every turn has a label");
            let name = label.named_child(0).unwrap();
            assert_eq!(name.kind(), "speaker_name");
            text(name, source).to_string()
        })
        .collect()
}

fn assert_clean(name: &str, source: &str) {
    let tree = parse(source);
    let root = tree.root_node();
    assert!(
        !root.has_error(),
        "{name} parses with an ERROR or MISSING node:\n{}",
        root.to_sexp()
    );
    assert_eq!(
        root.end_byte(),
        source.len(),
        "{name}: the document node covers every byte"
    );
}

#[test]
fn every_sample_parses_without_error_or_missing_nodes() {
    for name in [
        "samples/memcon-2008-sochi.txt",
        "samples/press-conference-2007-ocr.txt",
        "samples/press-conference-2007-web.md",
        "real/frus1981-88v05-d43.txt",
        "real/jfk-104-10122-10147.txt",
        "real/wh-2024-07-29-kirby-gaggle.txt",
    ] {
        assert_clean(name, &fixture(name));
    }
}

#[test]
fn both_press_conference_editions_have_the_same_22_turns() {
    let ocr = fixture("samples/press-conference-2007-ocr.txt");
    let web = fixture("samples/press-conference-2007-web.md");
    let ocr_speakers = speakers(&parse(&ocr), &ocr);
    let web_speakers = speakers(&parse(&web), &web);
    assert_eq!(ocr_speakers.len(), 22, "{ocr_speakers:#?}");
    assert_eq!(
        ocr_speakers, web_speakers,
        "the bold labels name the same speakers"
    );
    assert_eq!(
        &ocr_speakers[..6],
        [
            "FOREIGN MINISTER LAVROV",
            "SECRETARY RICE",
            "SECRETARY GATES",
            "DEFENSE MINISTER SERDYUKOV",
            "MODERATOR",
            "QUESTION"
        ]
    );
    for sentence in ["In other words", "The question really is"] {
        assert!(
            !ocr_speakers.iter().any(|s| s == sentence),
            "`{sentence}:` is not a label"
        );
    }
}

#[test]
fn memcon_has_45_turns_by_four_speakers() {
    let src = fixture("samples/memcon-2008-sochi.txt");
    let tree = parse(&src);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in speakers(&tree, &src) {
        *counts.entry(s).or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = [
        ("President Putin", 19),
        ("The President", 21),
        ("Secretary Rice", 4),
        ("Foreign Minister Lavrov", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(counts, expected);
}

#[test]
fn memcon_header_fields_and_participants() {
    let src = fixture("samples/memcon-2008-sochi.txt");
    let tree = parse(&src);
    let fields: Vec<(String, String)> = nodes(&tree, "header_field")
        .into_iter()
        .map(|f| {
            let name = text(f.named_child(0).unwrap(), &src).to_string();
            let value = f
                .named_child(1)
                .map(|v| text(v, &src).to_string())
                .unwrap_or_default();
            (name, value)
        })
        .collect();
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Declassified Case",
            "SUBJECT",
            "PARTICIPANTS",
            "DATE, TIME",
            "AND PLACE",
            "Classified by",
            "Reason",
            "Declassify on",
            "CAUTION"
        ]
    );
    assert_eq!(fields[1].1, "Meeting with President of Russia (U)");
    assert!(
        fields[4]
            .1
            .ends_with("Bocharov Ruchey, Round Room, Sochi Russia"),
        "{:?}",
        fields[4].1
    );
    assert!(
        fields[0].1.ends_with("18-25-2025"),
        "the date on the next line belongs to the field"
    );

    let groups: Vec<&str> = texts(&tree, &src, "participant_group");
    assert_eq!(groups, ["United States", "Russia"]);
    // A wrapped title belongs to its participant: join its lines.
    let participants: Vec<String> = nodes(&tree, "participant")
        .into_iter()
        .map(|n| {
            text(n, &src)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        participants,
        [
            "The President",
            "Bill Burns, U.S. Ambassador to Russia",
            "Condoleezza Rice, Secretary of State",
            "Stephen Hadley, Assistant to the President for National Security Affairs",
            "Judy Ansley, Deputy Assistant to the President and Deputy National Security Advisor for Regional Affairs",
            "Nik Sorokin, Interpreter",
            "Vladimir Putin, President of Russia",
            "Sergey Lavrov, Foreign Minister",
            "Yuri Ushakov, Russian Ambassador to the United States",
            "Sergey Prikhodko, Foreign Policy Advisor",
            "Igor Neverov, Notetaker",
            "Yuriy Gariyev, Interpreter",
        ]
    );
}

#[test]
fn memcon_portion_marks_banners_furniture_and_end_marker() {
    let src = fixture("samples/memcon-2008-sochi.txt");
    let tree = parse(&src);

    let marks: Vec<&str> = texts(&tree, &src, "portion_mark");
    for mark in ["(S)", "(U)"] {
        let written = src.matches(mark).count();
        let parsed = marks.iter().filter(|m| **m == mark).count();
        assert_eq!(parsed, written, "every {mark} is a portion mark");
    }
    assert_eq!(marks.iter().filter(|m| **m == "(X)").count(), 1);
    assert_eq!(marks.iter().filter(|m| **m == "(e)").count(), 1);
    assert_eq!(
        marks.len(),
        src.matches("(S)").count() + src.matches("(U)").count() + 2
    );
    // Each mark ends its paragraph (or the SUBJECT line).
    for mark in nodes(&tree, "portion_mark") {
        let rest = &src[mark.end_byte()..];
        let line_rest = rest.split('\n').next().unwrap();
        assert!(
            line_rest.trim().is_empty(),
            "mark at {:?} ends its line",
            mark.start_position()
        );
    }

    let banners = nodes(&tree, "banner");
    let struck: Vec<&str> = banners
        .iter()
        .filter(|b| b.child_by_field_name("struck").is_some())
        .map(|b| text(*b, &src))
        .collect();
    assert_eq!(
        struck, ["~~SECRET~~"; 4],
        "every struck banner of the four pages"
    );
    let plain: Vec<&str> = banners
        .iter()
        .filter(|b| b.child_by_field_name("struck").is_none())
        .map(|b| text(*b, &src))
        .collect();
    assert_eq!(
        plain,
        [
            "EYES ONLY",
            "DO NOT COPY",
            "LIMITED ACCESS",
            "LIMITED ACCESS"
        ]
    );

    let furniture: Vec<&str> = texts(&tree, &src, "page_furniture");
    for line in [
        "NW#: 78134 DocId: 34685227",
        "NW#: 78134",
        "DocId: 34685227",
        "2470",
        "001",
        "9",
        "(",
    ] {
        assert!(
            furniture.contains(&line),
            "{line:?} is page furniture: {furniture:?}"
        );
    }

    let ends: Vec<&str> = texts(&tree, &src, "end_marker");
    assert_eq!(ends, ["-- End of Conversation --"]);

    // A paragraph broken by a page break is two paragraphs, the second
    // starting in lower case: the linter joins them.
    let paragraphs: Vec<&str> = texts(&tree, &src, "paragraph");
    for start in [
        "middle of a political firestorm",
        "or two single launches",
        "within themselves.",
    ] {
        assert!(
            paragraphs
                .iter()
                .any(|p| p.trim_start_matches(['(', ' ']).starts_with(start)),
            "a paragraph starts with {start:?}"
        );
    }
}
