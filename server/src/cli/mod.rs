//! The command line: each subcommand in its own module; they only read
//! input, call the analysis and format what it returns.

pub mod compare;
pub mod input;
pub mod lint;
pub mod parse;
pub mod stats;
