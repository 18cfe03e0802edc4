//! transcript-ls: the language server and CI linter for transcript markup.
//!
//! Layers point down: the grammar crate parses; [`syntax`] owns the parser;
//! [`model`] reads a typed model off the tree; [`rules`] check it;
//! [`analysis`] ties them into one pure function of text and
//! [`config::Config`]; [`workspace`] indexes many documents. The command
//! line (`main.rs`) and the language server only translate what these
//! return.

pub mod analysis;
pub mod config;
pub mod dictionary;
pub mod discovery;
pub mod editions;
pub mod facts;
pub mod fault_injection;
pub mod finding;
pub mod fix;
pub mod ide;
pub mod line_index;
pub mod model;
pub mod outline;
pub mod rule_names;
pub mod rules;
pub mod suppression;
pub mod syntax;
pub mod treaties;
pub mod treaty_mention;
pub mod word_hash;
pub mod workspace;

pub use analysis::{Analysis, Document, analyze_text};
pub use config::Config;
pub use finding::{Finding, Severity};
