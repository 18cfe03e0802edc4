//! X rules: about the tool's own comments in the document.

pub(super) mod bad_suppression;
