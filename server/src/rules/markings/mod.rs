//! M rules: classification markings. They apply only to a marked document
//! (a banner with a level, a valid portion mark, or `classified = true`);
//! the rules about portions only to a portion-marked one (its paragraphs
//! actually carry marks, see `Facts::portion_marked`).

pub(super) mod bad_authority_block;
pub(super) mod banner_mismatch;
pub(super) mod missing_banner;
pub(super) mod portion_above_banner;
pub(super) mod unknown_portion_mark;
pub(super) mod unmarked_document;
pub(super) mod unmarked_paragraph;
