//! What an editor asks of a document, answered in the analysis's own terms:
//! byte ranges into the document, edits, Markdown and plain values. As
//! rust-analyzer's `ide` crate does, this layer knows nothing of the
//! protocol: `lsp/` converts positions and types and nothing else, and the
//! command line prints the same answers (`parse` the structure, `stats` the
//! speaker statistics).
//!
//! Invariant: nothing here names an LSP type, a line or a column; every
//! answer is a pure function of a document's model, text, configuration
//! and findings (and, for what crosses documents, the workspace index).

pub mod actions;
pub mod hover;
pub mod limit;
pub mod navigation;
pub mod outline;
pub mod rename;
pub mod semantic;
pub mod speakers;
pub mod stats;
