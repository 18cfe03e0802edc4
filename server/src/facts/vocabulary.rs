//! Which of the spellings O010 may ask about the document writes somewhere:
//! `nuc1ear` is vouched as `nuclear` by the word `nuclear` on any page,
//! not only in the section the token is in.
//!
//! A section tells the whole two sets of word keys (see [`Summary`]): the
//! words and initialisms it writes, and the spellings its tokens with
//! look-alike digits could have had (each in every case O010 tries). The
//! document's [`Vocabulary`] is the second set's keys found in the first:
//! small, and changed only when a wanted spelling appears or goes, so an
//! edit that types a new word leaves the facts (and the other sections'
//! findings) alone.
//!
//! [`Summary`]: super::Summary

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use super::letter_readings::{dotted_chains, initial_letter, letter_forms, tokens, written};
use crate::word_hash::{KeyHasher, KeyMap, key};

/// The spellings a document writes, of those its sections asked about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary(HashSet<u64, BuildHasherDefault<KeyHasher>>);

impl Vocabulary {
    /// The keys `wanted` (with their counts) that `written` holds.
    pub fn of(wanted: &KeyMap<usize>, written: &KeyMap<usize>) -> Vocabulary {
        Vocabulary(
            wanted
                .keys()
                .filter(|k| written.contains_key(k))
                .copied()
                .collect(),
        )
    }

    /// Whether the document writes `form` as a letter-only word, in the
    /// case [`written`] accepts.
    pub fn has_word(&self, form: &str) -> bool {
        written(form, |w| self.0.contains(&key(w)))
    }

    /// Whether the document writes the initialism with these letters
    /// (`US` for `U.S.` or `U. S.`), in their case.
    pub fn has_initialism(&self, letters: &str) -> bool {
        self.0.contains(&initialism_key(letters))
    }
}

/// Initialisms are keyed apart from words: `US` the word is not `U.S.`.
fn initialism_key(letters: &str) -> u64 {
    key(letters) ^ 0x9e37_79b9_7f4a_7c15
}

/// A word of two letters and a period: `U.`.
fn initial(w: &str) -> bool {
    w.len() == 2 && w.as_bytes()[0].is_ascii_alphabetic() && w.ends_with('.')
}

/// The keys of the letter-only words (punctuation trimmed, two letters or
/// more, as written) and of the initialisms (`U.S.`, `U. S.`) among
/// `words`, counted.
pub fn written_keys(text: &str, words: &[Range<usize>]) -> KeyMap<u32> {
    let mut out = KeyMap::default();
    for i in 0..words.len() {
        add_written(text, words, i, &mut out);
    }
    out
}

/// Counts into `out` the keys [`written_keys`] takes of the `i`th word.
pub fn add_written(text: &str, words: &[Range<usize>], i: usize, out: &mut KeyMap<u32>) {
    let w = &text[words[i].clone()];
    let core = w.trim_matches(|c: char| c.is_ascii_punctuation());
    if core.len() >= 2 && core.chars().all(char::is_alphabetic) {
        *out.entry(key(core)).or_default() += 1;
    }
    if !w.contains('.') {
        return;
    }
    for chain in dotted_chains(w) {
        let letters = &w[chain];
        if letters
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'.')
        {
            *out.entry(initialism_key(&letters.replace('.', "")))
                .or_default() += 1;
        }
    }
    if let Some(next) = words.get(i + 1).map(|r| &text[r.clone()]) {
        let next = next.trim_end_matches([',', ';', ':']);
        if initial(w) && initial(next) {
            let letters = format!("{}{}", &w[..1], &next[..1]);
            *out.entry(initialism_key(&letters)).or_default() += 1;
        }
    }
}

/// The keys of every spelling O010 may look up for the tokens with
/// look-alike digits among `words`: each letter form of each token, in
/// either case of its first letter, the letters before trailing digits
/// (`Page5`), and the initialisms the digits may complete (`U.8.`,
/// `U. 8.`). More than O010 asks, never less.
pub fn wanted_keys(text: &str, words: &[Range<usize>]) -> KeyMap<u32> {
    let mut out = KeyMap::default();
    for i in 0..words.len() {
        add_wanted(text, words, i, &mut out);
    }
    out
}

/// Counts into `out` the keys [`wanted_keys`] takes of the `i`th word:
/// none unless it has a digit.
pub fn add_wanted(text: &str, words: &[Range<usize>], i: usize, out: &mut KeyMap<u32>) {
    let want_word = |form: &str, out: &mut KeyMap<u32>| {
        written(form, |w| {
            *out.entry(key(w)).or_default() += 1;
            false
        });
    };
    let w = &text[words[i].clone()];
    if !w.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    for (_, t) in tokens(w) {
        let b = t.as_bytes();
        if !t.is_ascii()
            || !b.iter().any(u8::is_ascii_digit)
            || !b.iter().any(u8::is_ascii_alphabetic)
        {
            continue;
        }
        want_word(t.trim_end_matches(|c: char| c.is_ascii_digit()), out);
        for lower_first in [true, false] {
            for form in letter_forms(t, lower_first).into_iter().flatten() {
                want_word(&form, out);
            }
        }
    }
    for chain in dotted_chains(w) {
        let letters: Option<String> = w[chain]
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| {
                if b.is_ascii_digit() {
                    initial_letter(b).map(char::from)
                } else {
                    Some(char::from(b))
                }
            })
            .collect();
        if let Some(letters) = letters {
            *out.entry(initialism_key(&letters)).or_default() += 1;
        }
    }
    if let (Some(letter), Some(previous)) = (
        initial_letter(w.as_bytes()[0]),
        i.checked_sub(1).map(|k| &text[words[k].clone()]),
    ) && initial(previous)
    {
        let letters = format!("{}{}", &previous[..1], char::from(letter));
        *out.entry(initialism_key(&letters)).or_default() += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            out.push(at..at + w.len());
            at += w.len() + 1;
        }
        out
    }

    fn vocabulary(wanted_from: &str, written_from: &str) -> Vocabulary {
        let widen = |m: KeyMap<u32>| -> KeyMap<usize> {
            m.into_iter().map(|(k, n)| (k, n as usize)).collect()
        };
        Vocabulary::of(
            &widen(wanted_keys(wanted_from, &words(wanted_from))),
            &widen(written_keys(written_from, &words(written_from))),
        )
    }

    #[test]
    fn a_reading_is_vouched_by_a_word_written_anywhere() {
        let v = vocabulary("the nuc1ear talks", "on nuclear arms");
        assert!(v.has_word("nuclear"));
        assert!(!v.has_word("arms"), "only wanted spellings are kept");
        assert!(!vocabulary("the nuc1ear talks", "on arms").has_word("nuclear"));
    }

    #[test]
    fn capitals_vouch_a_capitalised_reading_and_initialisms_stand_apart() {
        let v = vocabulary("the 1RAN desk", "in Iran today");
        assert!(v.has_word("IRAN"));
        let v = vocabulary("the U.8. side", "the U.S. side and US");
        assert!(v.has_initialism("US"));
        let v = vocabulary("the U. 8. side", "and US");
        assert!(!v.has_initialism("US"), "the word US is no initialism");
        let v = vocabulary("the U. 8. side", "the U. S. side");
        assert!(v.has_initialism("US"));
    }
}
