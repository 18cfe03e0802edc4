//! Proper names in prose: which capitalised words may be names, the keys
//! of words written in lower case, and which spellings of a name are
//! variants of another (T002 reports them; the facts gather them for the
//! whole document, and O011 leaves known names alone).

use std::collections::HashMap;
use std::ops::Range;

use crate::word_hash::{KEY_START, KeyMap, key, key_bytes};

/// Capitalised words of five letters or more, capital then lower case,
/// possessive `'s` removed: proper names, unless the document also writes
/// them in lower case.
pub fn candidates<'t>(
    text: &'t str,
    words: &[Range<usize>],
) -> impl Iterator<Item = (&'t str, Range<usize>)> {
    words.iter().filter_map(|w| match name_or_lower(text, w) {
        Some(NameOrLower::Name(name, range)) => Some((name, range)),
        _ => None,
    })
}

/// The proper-name [`candidates`] of `words`, and the words of five
/// letters or more that start in lower case, as [`lower_key`]s with their
/// counts (what rules a candidate out), in one pass.
pub fn names_and_lower_words<'t>(
    text: &'t str,
    words: &[Range<usize>],
) -> (Vec<(&'t str, Range<usize>)>, LowerWords) {
    let mut names = Vec::new();
    let mut lower = LowerWords::default();
    for w in words {
        match name_or_lower(text, w) {
            Some(NameOrLower::Name(name, range)) => names.push((name, range)),
            Some(NameOrLower::Lower(word)) => *lower.entry(lower_key(word)).or_default() += 1,
            None => {}
        }
    }
    (names, lower)
}

/// What one word tells of names: a proper-name candidate, or a word of
/// five letters or more in lower case (which rules a candidate out).
pub enum NameOrLower<'t> {
    Name(&'t str, Range<usize>),
    Lower(&'t str),
}

/// What the word at `w` tells of names, if anything.
pub fn name_or_lower<'t>(text: &'t str, w: &Range<usize>) -> Option<NameOrLower<'t>> {
    let (c, r) = core(text, w)?;
    if c.is_ascii() {
        // The same tests, byte by byte.
        let b = c.as_bytes();
        if b[0].is_ascii_lowercase() {
            return Some(NameOrLower::Lower(c));
        }
        let name = b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase);
        return name.then_some(NameOrLower::Name(c, r));
    }
    let mut chars = c.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => Some(NameOrLower::Lower(c)),
        Some(first) if first.is_uppercase() && chars.all(char::is_lowercase) => {
            Some(NameOrLower::Name(c, r))
        }
        _ => None,
    }
}

/// Counts of lower-case words by key; the keys are hashes already.
pub type LowerWords = KeyMap<u32>;

pub use crate::word_hash::KeyHasher;
/// The key of a word written in lower case (for a candidate: of its
/// lower-case form).
pub use crate::word_hash::key as lower_key;

/// A word without surrounding punctuation or a possessive `'s`, if it is
/// five letters or more and nothing but letters.
fn core<'t>(text: &'t str, w: &Range<usize>) -> Option<(&'t str, Range<usize>)> {
    let word = &text[w.clone()];
    if word.len() < 5 {
        return None;
    }
    if word.is_ascii() {
        // As below, byte by byte: letters are ASCII letters.
        let b = word.as_bytes();
        let lead = b.iter().position(u8::is_ascii_alphabetic)?;
        let mut end = b.iter().rposition(u8::is_ascii_alphabetic)? + 1;
        if b[lead..end].ends_with(b"'s") {
            end -= 2;
        }
        let core = &b[lead..end];
        let ok = core.len() >= 5 && core.iter().all(u8::is_ascii_alphabetic);
        return ok.then(|| (&word[lead..end], w.start + lead..w.start + end));
    }
    core_chars(text, w)
}

/// [`core()`] for any text, character by character.
fn core_chars<'t>(text: &'t str, w: &Range<usize>) -> Option<(&'t str, Range<usize>)> {
    let word = &text[w.clone()];
    let lead = word.len() - word.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let mut core = word[lead..].trim_end_matches(|c: char| !c.is_alphabetic());
    for suffix in ["'s", "\u{2019}s"] {
        core = core.strip_suffix(suffix).unwrap_or(core);
    }
    let ok = if core.is_ascii() {
        core.len() >= 5 && core.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        core.chars().count() >= 5 && core.chars().all(char::is_alphabetic)
    };
    ok.then(|| (core, w.start + lead..w.start + lead + core.len()))
}

/// Pairs of spellings one inner edit apart, as `minority → majority`.
pub fn variants(counts: &HashMap<&str, usize>) -> HashMap<String, String> {
    // Deletion neighbourhoods: `b` is `a` with one letter dropped when `b`
    // is among `a`'s deletions; `a` and `b` differ in one letter when they
    // share a deletion at the same position. Each deletion is keyed by its
    // hash, not written out (a document has thousands of names, each with
    // a deletion per letter); spellings that share a key are compared
    // letter by letter before they are paired.
    let mut neighbourhood: KeyMap<Vec<(&str, Option<usize>)>> = KeyMap::default();
    for &name in counts.keys() {
        neighbourhood
            .entry(key(name))
            .or_default()
            .push((name, None));
        let chars = name.chars().count();
        for i in 1..chars.saturating_sub(1) {
            neighbourhood
                .entry(deletion_key(name, i))
                .or_default()
                .push((name, Some(i)));
        }
    }
    let mut out: HashMap<String, String> = HashMap::new();
    for entries in neighbourhood.values() {
        for (i, &(a, pa)) in entries.iter().enumerate() {
            for &(b, pb) in &entries[i + 1..] {
                let related = match (pa, pb) {
                    (None, Some(_)) | (Some(_), None) => true,
                    (Some(x), Some(y)) => x == y,
                    (None, None) => false,
                };
                if !related || a == b || !same_deletion(a, pa, b, pb) {
                    continue;
                }
                let (ca, cb) = (counts[a], counts[b]);
                let (minor, major, nmajor, nminor) = if ca > cb {
                    (b, a, ca, cb)
                } else {
                    (a, b, cb, ca)
                };
                if nmajor >= 2 && nmajor > nminor && !ordinary_word(minor, major) {
                    // A spelling near two majorities takes the more
                    // frequent, then the first in alphabetical order.
                    let better = match out.get(minor) {
                        Some(other) => {
                            let n = counts[other.as_str()];
                            nmajor > n || (nmajor == n && major < other.as_str())
                        }
                        None => true,
                    };
                    if better {
                        out.insert(minor.to_string(), major.to_string());
                    }
                }
            }
        }
    }
    out
}

/// `name` without its `i`th character.
fn deleted(name: &str, i: Option<usize>) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .enumerate()
        .filter(move |(k, _)| Some(*k) != i)
        .map(|(_, c)| c)
}

/// The [`key`] of `name` without its `i`th character, as if written out.
fn deletion_key(name: &str, i: usize) -> u64 {
    let mut buffer = [0; 4];
    let mut hash = KEY_START;
    for c in deleted(name, Some(i)) {
        hash = key_bytes(hash, c.encode_utf8(&mut buffer).as_bytes());
    }
    hash
}

/// Whether `a` without its `pa`th character is `b` without its `pb`th.
fn same_deletion(a: &str, pa: Option<usize>, b: &str, pb: Option<usize>) -> bool {
    deleted(a, pa).eq(deleted(b, pb))
}

/// Whether the pair is no name spelled two ways: the minority spelling
/// is an English word itself (`Walter` beside `Walker`, `Second` beside
/// `Secord`), or the majority is (`Septenber` beside `September`: OCR
/// misread a word, which is O011's to say), or either reads as OCR's
/// misreading of an English word (`Septender` beside `Septenber`).
fn ordinary_word(minor: &str, major: &str) -> bool {
    use crate::dictionary::{confusions::readings, is_word};
    is_word(minor) || is_word(major) || !readings(minor).is_empty() || !readings(major).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_core_is_the_core_read_character_by_character() {
        // Every word of up to seven characters from letters of both cases,
        // an apostrophe, an `s`, and punctuation.
        let alphabet = [b'a', b'Z', b'\'', b's', b'.', b'-'];
        let mut words = vec![Vec::new()];
        let mut checked = 0;
        for _ in 0..7 {
            words = (words.iter())
                .flat_map(|w| {
                    alphabet.iter().map(move |&c| {
                        let mut w = w.clone();
                        w.push(c);
                        w
                    })
                })
                .collect();
            for w in &words {
                let text = format!("  {}", std::str::from_utf8(w).unwrap());
                let range = 2..text.len();
                if range.len() >= 5 {
                    assert_eq!(core(&text, &range), core_chars(&text, &range), "{text:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 250_000);
    }

    #[test]
    fn inner_edits_pair_and_suffixes_do_not() {
        let counts: HashMap<&str, usize> = [
            ("Larijani", 3),
            ("Larjani", 1),
            ("Russia", 3),
            ("Russian", 1),
            ("Medvedev", 2),
            ("Medvedeb", 1),
        ]
        .into();
        let v = variants(&counts);
        assert_eq!(v.get("Larjani").map(String::as_str), Some("Larijani"));
        assert!(!v.contains_key("Russian") && !v.contains_key("Russia"));
        // the last letter differs: left alone
        assert!(!v.contains_key("Medvedeb"));
    }

    #[test]
    fn a_tie_has_no_majority() {
        let counts: HashMap<&str, usize> = [("Larijani", 1), ("Larjani", 1)].into();
        assert!(variants(&counts).is_empty());
    }
}
