//! Random edit sequences applied incrementally give the same tree as a
//! fresh parse, and a document edited section by section the same findings
//! as a fresh analysis of the final text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

use transcript_ls::{Config, Document, syntax};
use tree_sitter::{InputEdit, Point};

#[derive(Arbitrary, Debug)]
struct Input {
    start: String,
    edits: Vec<(u16, u16, String)>,
}

fn point(text: &str, byte: usize) -> Point {
    let row = text[..byte].matches('\n').count();
    let column = byte - text[..byte].rfind('\n').map_or(0, |n| n + 1);
    Point { row, column }
}

fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fuzz_target!(|input: Input| {
    let mut text = input.start;
    let mut tree = syntax::parse(&text);
    let config = Arc::new(Config::default());
    let mut doc = Document::with_section_bytes(&text, config.clone(), 1);
    for (a, b, insert) in input.edits.into_iter().take(16) {
        let start = boundary(&text, a as usize);
        let end = boundary(&text, (start + b as usize % 64).min(text.len())).max(start);
        let start_position = point(&text, start);
        let old_end_position = point(&text, end);
        text.replace_range(start..end, &insert);
        doc.edit(start..end, &insert);
        let new_end = start + insert.len();
        tree.edit(&InputEdit {
            start_byte: start,
            old_end_byte: end,
            new_end_byte: new_end,
            start_position,
            old_end_position,
            new_end_position: point(&text, new_end),
        });
        tree = syntax::reparse(&text, &tree);
    }
    let fresh = syntax::parse(&text);
    assert_eq!(tree.root_node().to_sexp(), fresh.root_node().to_sexp());
    assert_eq!(doc.text(), text);
    let whole = Document::with_section_bytes(&text, config, usize::MAX);
    assert_eq!(doc.findings(), whole.findings());
});
