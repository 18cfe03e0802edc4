//! A treaty mentioned in a text: the value the model holds and the
//! gazetteer's recognizer makes. It lives below both, so that the model
//! (which holds mentions) and the gazetteer (which reads the model's dates)
//! do not depend on each other.

use std::ops::Range;

use serde::Serialize;

/// A treaty's index in its gazetteer.
pub type TreatyId = usize;

/// How a mention's written form differs from a known one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum VariantKind {
    /// An OCR'd ordinal: `SALT 11`, `START IX`.
    Ocr,
    /// A long name with one word misspelled.
    NearMiss,
}

/// A mention written in a form that is not the treaty's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    pub kind: VariantKind,
    /// The known form it stands for: `SALT II`.
    pub expected: String,
}

/// One mention of a treaty in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreatyMention {
    pub range: Range<usize>,
    pub treaty: TreatyId,
    /// Other treaties the same words may mean, when the written form is
    /// shared and the document has no date to decide.
    pub also: Vec<TreatyId>,
    pub variant: Option<Variant>,
}
