//! What must hold for every input: no panic, no ERROR node, every byte
//! covered; linear time on huge lines; and incremental reparsing after any
//! edit gives the same tree as a fresh parse.

use proptest::prelude::*;
mod common;

use common::parser;
use tree_sitter::{InputEdit, Node, Point, Tree};

/// `PROPTEST_CASES` overrides the number of cases, for a longer run by hand.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn assert_accepts(bytes: &[u8]) -> Tree {
    let tree = parser()
        .parse(bytes, None)
        .expect("the parser returns a tree");
    let root = tree.root_node();
    assert!(
        !root.has_error(),
        "ERROR or MISSING in {:?}:\n{}",
        String::from_utf8_lossy(bytes),
        root.to_sexp()
    );
    assert_eq!(
        root.end_byte(),
        bytes.len(),
        "the document covers every byte"
    );
    tree
}

/// Every node, named or not, with its kind and byte range: equal dumps mean
/// equal trees.
fn dump(node: Node, out: &mut Vec<(u16, usize, usize)>) {
    out.push((node.kind_id(), node.start_byte(), node.end_byte()));
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        dump(child, out);
    }
}

fn point_at(text: &[u8], offset: usize) -> Point {
    let before = &text[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let column = offset
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
    Point::new(row, column)
}

/// Pieces that exercise the scanner's decisions when typed anywhere.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("( ".to_string()),
        Just("(S)".to_string()),
        Just(" (U)\n".to_string()),
        Just("(X)".to_string()),
        Just("SECRET".to_string()),
        Just("~~".to_string()),
        Just("**".to_string()),
        Just("*".to_string()),
        Just("[Page 3]".to_string()),
        Just("](#)".to_string()),
        Just(":".to_string()),
        Just("The President: ".to_string()),
        Just("\nSECRETARY RICE: ".to_string()),
        Just("Q   ".to_string()),
        Just("PARTICIPANTS: ".to_string()),
        Just("\nSUBJECT: x".to_string()),
        Just("NW#: 1".to_string()),
        Just("-- End of Conversation --".to_string()),
        Just("## ".to_string()),
        Just("\u{feff}".to_string()),
        Just("Лавров".to_string()),
        Just("😀".to_string()),
        "[a-zA-Z ]{1,8}",
    ]
}

fn sample() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/samples/memcon-2008-sochi.txt"
    );
    std::fs::read_to_string(path).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_parse_without_error(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        assert_accepts(&bytes);
    }

    #[test]
    fn arbitrary_transcript_fragments_parse_without_error(parts in proptest::collection::vec(fragment(), 0..60)) {
        assert_accepts(parts.concat().as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn incremental_reparse_equals_a_fresh_parse(
        edits in proptest::collection::vec((0.0f64..1.0, 0usize..12, fragment()), 1..8),
        keep in 500usize..4000,
    ) {
        let full = sample();
        let mut cut = keep.min(full.len());
        while !full.is_char_boundary(cut) { cut -= 1; }
        let mut text = full.as_bytes()[..cut].to_vec();
        let mut parser = parser();
        let mut tree = parser.parse(&text, None).unwrap();
        for (at, delete, insert) in edits {
            let start = (at * text.len() as f64) as usize;
            let old_end = (start + delete).min(text.len());
            let start_position = point_at(&text, start);
            let old_end_position = point_at(&text, old_end);
            text.splice(start..old_end, insert.bytes());
            let new_end = start + insert.len();
            tree.edit(&InputEdit {
                start_byte: start,
                old_end_byte: old_end,
                new_end_byte: new_end,
                start_position,
                old_end_position,
                new_end_position: point_at(&text, new_end),
            });
            tree = parser.parse(&text, Some(&tree)).unwrap();
            let fresh = parser.parse(&text, None).unwrap();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            dump(tree.root_node(), &mut a);
            dump(fresh.root_node(), &mut b);
            prop_assert_eq!(a, b, "incremental and fresh trees differ for {:?}", String::from_utf8_lossy(&text));
            prop_assert!(!fresh.root_node().has_error());
        }
    }
}

/// Lines of several megabytes, plain and pathological, parse in one piece.
#[test]
fn multi_megabyte_lines_parse_without_error() {
    let size = 3 * 1024 * 1024;
    let words = "the quick brown fox (S) jumps over **the** lazy [dog](#) ~~x~~ ";
    let plain: String = words.chars().cycle().take(size).collect();
    let parens = "(".repeat(size);
    let stars = "**x".repeat(size / 3);
    let label = format!("SECRETARY RICE: {}", "a(".repeat(size / 2));
    let brackets = "[Page ".repeat(size / 6);
    for line in [plain, parens, stars, label, brackets] {
        let tree = assert_accepts(line.as_bytes());
        assert!(tree.root_node().named_child_count() >= 1);
    }
}
