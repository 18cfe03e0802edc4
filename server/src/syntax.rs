//! The syntax tree of a transcript: one function from text to tree.

use tree_sitter::{Parser, Tree};

thread_local! {
    /// One parser per thread, made once: a document in sections is parsed
    /// a section at a time.
    static PARSER: std::cell::RefCell<Parser> = std::cell::RefCell::new({
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_transcript::LANGUAGE.into())
            .expect("the grammar's ABI matches the tree-sitter runtime");
        parser
    });
}

/// Parses `text` with the transcript grammar. The grammar accepts every
/// input, so this always returns a tree.
pub fn parse(text: &str) -> Tree {
    PARSER.with_borrow_mut(|parser| {
        parser
            .parse(text, None)
            .expect("a parse without a timeout or cancellation flag returns a tree")
    })
}

/// Reparses `text` after an edit, reusing `old` (already told of the edit
/// with [`Tree::edit`]) so that only the changed region is parsed again.
pub fn reparse(text: &str, old: &Tree) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_transcript::LANGUAGE.into())
        .expect("the grammar's ABI matches the tree-sitter runtime");
    parser
        .parse(text, Some(old))
        .expect("a parse without a timeout or cancellation flag returns a tree")
}
