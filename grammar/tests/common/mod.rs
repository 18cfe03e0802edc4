//! What every grammar test needs: a parser for the transcript grammar.
// Each test file uses only some of these.
#![allow(dead_code)]

use tree_sitter::{Parser, Tree};

/// A parser set to the transcript grammar.
pub fn parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_transcript::LANGUAGE.into())
        .expect("the grammar's ABI matches the tree-sitter runtime");
    parser
}

/// A fresh parse of `text`.
pub fn parse(text: impl AsRef<[u8]>) -> Tree {
    parser()
        .parse(text, None)
        .expect("the parser returns a tree")
}
