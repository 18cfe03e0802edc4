//! The words of a document's prose (paragraphs and field values), split at
//! white space, each with the shape of the characters it holds; the rules
//! read them, and the facts count them.

use std::ops::Range;

use crate::model::Model;

/// The ranges of prose in a model: paragraphs and field values, in order.
fn prose(model: &Model) -> Vec<Range<usize>> {
    let mut prose: Vec<Range<usize>> = model
        .paragraphs
        .iter()
        .map(|p| p.range.clone())
        .chain(model.fields.iter().map(|f| f.value_range.clone()))
        .collect();
    prose.sort_by_key(|r| r.start);
    prose
}

/// The words of a model's prose.
pub fn prose_words(text: &str, model: &Model) -> Vec<Range<usize>> {
    words_and_shapes(text, model).0
}

/// The words of a model's prose, with the [`shape`] of each.
pub fn words_and_shapes(text: &str, model: &Model) -> (Vec<Range<usize>>, Vec<u8>) {
    let mut words = Vec::new();
    let mut shapes = Vec::new();
    for range in prose(model) {
        split_words(text, range, &mut words, &mut shapes);
    }
    (words, shapes)
}

/// Bits of a word's shape: which kinds of character it holds.
pub mod shape {
    pub const DIGIT: u8 = 1;
    /// `'`, or any non-ASCII character (which may be `’`).
    pub const APOSTROPHE: u8 = 2;
    /// `.`, `,`, `;`, `?` or `!`.
    pub const PUNCTUATION: u8 = 4;
    pub const PIPE: u8 = 8;
}

/// Each byte's class for [`split_words`]: white space, or the shape
/// bits it gives a word.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0c => SPACE,
            b'0'..=b'9' => shape::DIGIT,
            b'\'' | 0x80.. => shape::APOSTROPHE,
            b'.' | b',' | b';' | b'?' | b'!' => shape::PUNCTUATION,
            b'|' => shape::PIPE,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The class of ASCII white space (no shape bit).
const SPACE: u8 = 0x80;

fn split_words(
    text: &str,
    range: Range<usize>,
    words: &mut Vec<Range<usize>>,
    shapes: &mut Vec<u8>,
) {
    let bytes = &text.as_bytes()[range.clone()];
    // The word begun, and its shape so far.
    let mut open: Option<(usize, u8)> = None;
    for (i, &b) in bytes.iter().enumerate() {
        let class = BYTE_CLASS[usize::from(b)];
        match (&mut open, class) {
            (Some((start, bits)), SPACE) => {
                words.push(range.start + *start..range.start + i);
                shapes.push(*bits);
                open = None;
            }
            (Some((_, bits)), _) => *bits |= class,
            (None, SPACE) => {}
            (None, _) => open = Some((i, class)),
        }
    }
    if let Some((start, bits)) = open {
        words.push(range.start + start..range.end);
        shapes.push(bits);
    }
}
