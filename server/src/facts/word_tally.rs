//! What a section's prose words tell the whole document: the proper-name
//! candidates and the words in lower case that rule them out, the
//! acronyms, the surnames written after a title, and the word keys of
//! [`vocabulary`](super::vocabulary). Gathered in one walk over the words,
//! each word read once while it is at hand, where a walk for each used to
//! read every word five times; the summary is taken of every section read,
//! and again of the sections an edit touches.

use std::collections::HashMap;
use std::ops::Range;

use super::acronyms::word_pieces;
use super::names::{LowerWords, NameOrLower, lower_key, name_or_lower};
use super::vocabulary::{add_wanted, add_written};
use super::words::shape;
use crate::word_hash::KeyMap;

/// See the fields of the same names in [`Summary`](super::Summary).
#[derive(Debug, Default)]
pub struct WordTally {
    pub names: HashMap<String, (usize, Range<usize>)>,
    pub lowered: LowerWords,
    pub acronyms: HashMap<String, (usize, Range<usize>)>,
    pub mentions: Vec<(String, String, usize)>,
    pub written: KeyMap<u32>,
    pub wanted: KeyMap<u32>,
}

impl WordTally {
    /// The tally of `words` (a section's prose words, with their
    /// [`shape`]s).
    pub fn of(text: &str, words: &[Range<usize>], shapes: &[u8]) -> WordTally {
        let mut t = WordTally::default();
        for (i, w) in words.iter().enumerate() {
            match name_or_lower(text, w) {
                Some(NameOrLower::Name(name, range)) => count(&mut t.names, name, range),
                Some(NameOrLower::Lower(word)) => {
                    *t.lowered.entry(lower_key(word)).or_default() += 1
                }
                None => {}
            }
            word_pieces(text, w, |piece, range| count(&mut t.acronyms, piece, range));
            add_written(text, words, i, &mut t.written);
            if shapes[i] & shape::DIGIT != 0 {
                add_wanted(text, words, i, &mut t.wanted);
            }
            if let Some(before) = i.checked_sub(1) {
                mention(text, &words[before], w, &mut t.mentions);
            }
        }
        t.mentions.sort();
        t
    }
}

/// One more of `key`, first seen at `range`.
fn count(map: &mut HashMap<String, (usize, Range<usize>)>, key: &str, range: Range<usize>) {
    match map.get_mut(key) {
        Some((n, _)) => *n += 1,
        None => {
            map.insert(key.to_string(), (1, range));
        }
    }
}

/// Titles after which the prose names a person: `Mr. Dulles`, `Chief
/// Rowley`.
const MENTION_TITLES: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Senator",
    "Representative",
    "Congressman",
    "Chief",
    "General",
    "Director",
    "Judge",
    "Justice",
    "Secretary",
    "Ambassador",
    "Governor",
    "Commissioner",
    "Colonel",
    "Admiral",
    "Agent",
    "Inspector",
];

/// Counts into `out` the surname `word` writes after `title`, if that is
/// a title: in capitals, with its first written form and count.
fn mention(
    text: &str,
    title: &Range<usize>,
    word: &Range<usize>,
    out: &mut Vec<(String, String, usize)>,
) {
    // Every title starts with a capital: most words are gone at once.
    if !text.as_bytes()[title.start].is_ascii_uppercase()
        || !MENTION_TITLES.contains(&&text[title.clone()])
    {
        return;
    }
    let name = text[word.clone()].trim_end_matches(|c: char| !c.is_alphabetic());
    let name = name.strip_suffix("'s").unwrap_or(name);
    if name.chars().count() >= 3
        && name.starts_with(|c: char| c.is_uppercase())
        && name.chars().all(char::is_alphabetic)
    {
        let upper = name.to_uppercase();
        match out.iter_mut().find(|(u, _, _)| *u == upper) {
            Some(m) => m.2 += 1,
            None => out.push((upper, name.to_string(), 1)),
        }
    }
}
