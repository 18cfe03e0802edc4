//! Acronyms in prose and their OCR spellings: `CLA` and `GIA` in a record
//! that writes `CIA` a hundred times, `JEK` beside `JFK`. T002 reports the
//! rare spelling; the facts count the acronyms of the whole document.

use std::collections::HashMap;
use std::ops::Range;

use crate::dictionary::confusions::same_shape;
use crate::dictionary::is_word;

/// The fewest times the usual spelling must be written.
pub const MIN_USUAL: usize = 3;
/// How many times more often the usual spelling is written than the rare.
pub const RATIO: usize = 3;

/// The acronyms of `words`: runs of three to six letters between
/// characters that are no letters (`CLA-HSCA`, `[CIA-IR-37]`), in capitals
/// but for OCR's `l` for I (`ClA`), with two capitals at least.
pub fn pieces<'t>(text: &'t str, words: &[Range<usize>]) -> Vec<(&'t str, Range<usize>)> {
    let mut out = Vec::new();
    for w in words {
        word_pieces(text, w, |piece, range| out.push((piece, range)));
    }
    out
}

/// The acronyms of the word at `w` (see [`pieces`]), each given to `found`
/// with its range.
pub fn word_pieces<'t>(
    text: &'t str,
    w: &Range<usize>,
    mut found: impl FnMut(&'t str, Range<usize>),
) {
    let word = &text[w.clone()];
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return;
    }
    let mut at = 0;
    for piece in word.split(|c: char| !c.is_alphabetic()) {
        let start = w.start + at;
        at += piece.len() + 1;
        let capitals = piece.bytes().filter(u8::is_ascii_uppercase).count();
        if (3..=6).contains(&piece.len())
            && capitals >= 2
            && piece.bytes().all(|b| b.is_ascii_uppercase() || b == b'l')
        {
            found(piece, start..start + piece.len());
        }
    }
}

/// Whether `rare` is `usual` (in capitals) with one letter misread for one
/// of the same shape: `CLA` for `CIA`, `GIA` for `CIA`, `JEK` for `JFK`.
pub fn misread(rare: &str, usual: &str) -> bool {
    if rare.len() != usual.len() || !usual.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut changed = rare.chars().zip(usual.chars()).filter(|(r, u)| r != u);
    matches!(
        (changed.next(), changed.next()),
        (Some((r, u)), None) if same_shape(r, u) || same_shape(u, r)
    )
}

/// The rare spellings of acronyms, `rare → usual`: the usual one written
/// [`MIN_USUAL`] times or more and [`RATIO`] times as often as the rare;
/// the rare one no English word or acronym of the dictionary (`OCI` is not
/// `DCI`), the usual one no English word in capitals (`SEGRET` beside
/// `SECRET` is O011's).
pub fn variants(counts: &HashMap<String, usize>) -> HashMap<String, String> {
    let mut by_length: HashMap<usize, Vec<(&str, usize)>> = HashMap::new();
    for (a, &n) in counts {
        by_length.entry(a.len()).or_default().push((a, n));
    }
    let mut out: HashMap<String, String> = HashMap::new();
    for group in by_length.values() {
        for &(rare, n) in group {
            let best = group
                .iter()
                .filter(|&&(usual, m)| m >= MIN_USUAL && m >= RATIO * n && misread(rare, usual))
                .max_by_key(|&&(usual, m)| (m, std::cmp::Reverse(usual)));
            if let Some(&(usual, _)) = best
                && !is_word(rare)
                && !is_word(&rare.to_lowercase())
                && !is_word(&usual.to_lowercase())
            {
                out.insert(rare.to_string(), usual.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(list: &[(&str, usize)]) -> HashMap<String, usize> {
        list.iter().map(|(a, n)| (a.to_string(), *n)).collect()
    }

    #[test]
    fn a_rare_misread_spelling_is_a_variant_of_the_usual_one() {
        let v = variants(&counts(&[("CIA", 40), ("CLA", 3), ("GIA", 1), ("ClA", 1)]));
        assert_eq!(v.get("CLA").map(String::as_str), Some("CIA"));
        assert_eq!(v.get("GIA").map(String::as_str), Some("CIA"));
        assert_eq!(v.get("ClA").map(String::as_str), Some("CIA"));
        assert!(!v.contains_key("CIA"));
    }

    #[test]
    fn close_counts_words_and_listed_acronyms_are_left_alone() {
        assert!(variants(&counts(&[("CIA", 5), ("CLA", 2)])).is_empty());
        assert!(variants(&counts(&[("CIA", 2), ("CLA", 0)])).is_empty());
        assert!(variants(&counts(&[("SECRET", 9), ("SEGRET", 1)])).is_empty());
        assert!(variants(&counts(&[("DCI", 23), ("OCI", 1)])).is_empty());
        assert!(
            variants(&counts(&[("CIA", 30), ("CIS", 1)])).is_empty(),
            "A is no S"
        );
    }

    #[test]
    fn pieces_are_split_at_what_is_no_letter() {
        let text = "[CLA-IR-37] ClA and Cia, the USA";
        let words: Vec<Range<usize>> = vec![0..11, 12..15, 16..19, 20..24, 25..28, 29..32];
        let found: Vec<&str> = pieces(text, &words).into_iter().map(|(p, _)| p).collect();
        assert_eq!(found, ["CLA", "ClA", "USA"]);
    }
}
