//! transcript-ls: the language server and CI linter for transcript markup.
//!
//! Layers point down: the grammar crate parses, [`syntax`] owns the parser,
//! [`outline`] reads a document's structure off the tree. The command line
//! (`main.rs`) only formats what these return.

pub mod outline;
pub mod syntax;
