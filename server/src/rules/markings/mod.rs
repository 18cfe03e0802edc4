//! M rules: classification markings. They apply only to a marked document
//! (a banner with a level, a valid portion mark, or `classified = true`).

pub(super) mod bad_authority_block;
pub(super) mod banner_mismatch;
pub(super) mod missing_banner;
pub(super) mod portion_above_banner;
pub(super) mod unknown_portion_mark;
pub(super) mod unmarked_paragraph;
