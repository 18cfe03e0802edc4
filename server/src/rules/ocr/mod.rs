//! O rules: glitches that OCR and text extraction leave behind.

pub(super) mod apostrophe_join;
pub(super) mod digit_letter_confusion;
pub(super) mod doubled_punctuation;
pub(super) mod invalid_date;
pub(super) mod line_end_hyphenation;
pub(super) mod misread_word;
pub(super) mod missing_space;
pub(super) mod pipe_for_i;
pub(super) mod split_paragraph;
pub(super) mod stray_indent;
pub(super) mod stray_margin_mark;
