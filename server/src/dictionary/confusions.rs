//! How scanners misread letters: the confusion table behind O011, and the
//! search for the dictionary words a misread word may stand for.
//!
//! Each confusion is a string OCR wrote (`seen`) for the string that was
//! printed (`meant`). The table gathers what proofreaders of OCR have long
//! listed: Project Gutenberg's FAQ (`m`→`rn`/`ni`, `h`/`b`, `e`/`c`), the
//! MobileRead "OCR villains" list (`cl`↔`d`, `h`=`li`, `ri`↔`n`, `ii`=`u`,
//! `tii`/`tli`=`th`, `vv`=`w`, `y`↔`v`), the OUP re-keying list (`h`→`li`,
//! `h`→`b`, `e`→`c`, `ni`/`in`→`m`, `rn`→`m`) and the letter confusions of
//! the real records in `fixtures/corpus/` (`l`↔`i`, `n`↔`m`, `u`↔`n`,
//! `f`/`e` and `g`/`c` in capitals, `e`/`a` of a worn typewriter face,
//! `w`/`m`, a lost accent). Digits read for letters
//! belong to O010, not here.
//!
//! A confusion is *sure* when scanners make it so often, and it so rarely
//! turns one word into another, that a single reading through it is safe to
//! apply (`rn`→`m`, `cl`→`d`, `tbe`→`the`). The others are *possible*: they
//! offer a reading, never a safe fix.

/// How much a confusion can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    Possible,
    Sure,
}

use std::cell::RefCell;

use super::{check, is_word};
use crate::word_hash::{Memory, remembered};
use Confidence::{Possible, Sure};

/// `(seen, meant, confidence)`, in lower case; a word in capitals is
/// searched in lower case and its readings written in capitals again.
pub const TABLE: &[(&str, &str, Confidence)] = &[
    // Letters that run together, or fall apart.
    ("rn", "m", Sure),
    ("cl", "d", Sure),
    ("li", "h", Sure),
    ("ii", "u", Sure),
    ("vv", "w", Sure),
    ("tii", "th", Sure),
    ("tli", "th", Sure),
    ("ri", "n", Possible),
    ("in", "m", Possible),
    ("ni", "m", Possible),
    ("m", "rn", Possible),
    ("d", "cl", Possible),
    ("h", "li", Possible),
    // Letters of one shape.
    ("c", "e", Sure),
    ("e", "c", Sure),
    ("b", "h", Sure),
    ("h", "b", Possible),
    ("l", "i", Sure),
    ("i", "l", Sure),
    ("v", "y", Sure),
    ("y", "v", Possible),
    ("n", "m", Possible),
    ("m", "n", Possible),
    ("u", "n", Possible),
    ("n", "u", Possible),
    ("f", "t", Possible),
    ("t", "f", Possible),
    ("f", "e", Possible),
    ("g", "c", Possible),
    ("c", "g", Possible),
    ("a", "o", Possible),
    ("o", "a", Possible),
    ("a", "s", Possible),
    ("t", "i", Possible),
    ("c", "t", Possible),
    ("n", "h", Possible),
    ("v", "w", Possible),
    ("r", "n", Possible),
    ("n", "r", Possible),
    ("b", "g", Possible),
    ("e", "a", Possible),
    ("a", "e", Possible),
    ("w", "m", Possible),
    // A lost or added accent.
    ("é", "e", Sure),
    ("è", "e", Sure),
];

/// Whether OCR may have written `seen` for the capital letter `meant`: a
/// digit or letter of the same shape. The grammar's scanner reads misread
/// banners and field names with the same table (`ocr_same` in
/// `grammar/src/scanner.c`); keep the two alike.
pub fn same_shape(seen: char, meant: char) -> bool {
    let up = seen.to_ascii_uppercase();
    up == meant
        || match meant {
            'O' => matches!(seen, '0') || matches!(up, 'Q' | 'D'),
            'I' => matches!(seen, '1' | 'l' | '|' | '!'),
            'S' => matches!(seen, '5' | '$'),
            'B' => seen == '8',
            'E' => matches!(up, 'F' | 'C'),
            'C' => matches!(up, 'G' | 'E') || seen == '(',
            'L' => matches!(seen, '1' | 'I'),
            'T' => seen == '7',
            'N' => up == 'H',
            'U' => matches!(up, 'O' | 'V'),
            'D' => up == 'O',
            _ => false,
        }
}

/// Whether `seen` is `word` (written in capitals, six letters or more) as
/// OCR misread it: the same length, at most two characters changed, each
/// for one of the same shape (`SFCRET`, `C0NFIDENTIAL`, `PARTlCIPANTS`,
/// `Declassify 0n`). Spaces must match.
pub fn misread_as(seen: &str, word: &str) -> bool {
    if seen.chars().count() != word.chars().count() || word.len() < 6 {
        return false;
    }
    let mut changed = 0;
    for (s, w) in seen.chars().zip(word.chars()) {
        let w = w.to_ascii_uppercase();
        if s.to_ascii_uppercase() == w {
            continue;
        }
        if w == ' ' || !same_shape(s, w) {
            return false;
        }
        changed += 1;
        if changed > 2 {
            return false;
        }
    }
    true
}

/// A word a misread word may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The word, in the misread word's case.
    pub word: String,
    /// How many confusions lead there (one or two).
    pub steps: usize,
    /// Every confusion on the way is sure.
    pub sure: bool,
}

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    /// A capital, then lower case.
    Title,
    Upper,
}

impl Case {
    /// The case of `word`, if it is one of the three.
    pub fn of(word: &str) -> Option<Case> {
        let mut chars = word.chars().filter(|c| c.is_alphabetic());
        let first = chars.next()?;
        let (mut lower, mut upper) = (true, true);
        for c in chars {
            lower &= c.is_lowercase();
            upper &= c.is_uppercase();
        }
        match (first.is_lowercase(), first.is_uppercase()) {
            (true, _) if lower => Some(Case::Lower),
            (_, true) if lower => Some(Case::Title),
            (_, true) if upper => Some(Case::Upper),
            _ => None,
        }
    }

    /// `word` (in lower case) written in this case, into `out`.
    pub fn write(self, word: &str, out: &mut String) {
        out.clear();
        match self {
            Case::Lower => out.push_str(word),
            Case::Upper => out.extend(word.chars().flat_map(char::to_uppercase)),
            Case::Title => {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            }
        }
    }
}

/// The dictionary words `word` may be a misreading of, fewest confusions
/// first and sure ones before possible ones: every word one confusion
/// away, or, when there is none and `word` has five letters or more, two
/// sure confusions away. `word` is written in one [`Case`]; anything else
/// has no readings.
///
/// Each thread remembers the readings of the words it has read (up to a
/// hundred thousand): OCR misreads the same words again and again, and an
/// edit reads a document's sections again.
pub fn readings(word: &str) -> Vec<Reading> {
    thread_local! {
        static KNOWN: RefCell<Memory<Vec<Reading>>> = RefCell::new(Memory::new(100_000));
    }
    remembered(&KNOWN, word, || search(word))
}

/// The dictionary words one edit from `word` (in lower case, or
/// capitalised), in its case: a letter changed, dropped or added, whatever
/// the letters (never the first letter's case). Only for a word no
/// confusion of the table reads: see O011 on when a single such word is
/// trusted.
pub fn one_edit(word: &str) -> Vec<String> {
    thread_local! {
        static KNOWN: RefCell<Memory<Vec<String>>> = RefCell::new(Memory::new(20_000));
    }
    remembered(&KNOWN, word, || {
        let mut found: Vec<String> = Vec::new();
        let case = match Case::of(word) {
            Some(c @ (Case::Lower | Case::Title)) => c,
            _ => return found,
        };
        let lower = word.to_lowercase();
        if !lower.bytes().all(|b| b.is_ascii_lowercase()) {
            return found;
        }
        let b = lower.as_bytes();
        let mut written = String::new();
        let mut try_word = |w: Vec<u8>| {
            let w = String::from_utf8(w).expect("ASCII letters");
            case.write(&w, &mut written);
            if w != lower && !found.contains(&written) && check(&written) {
                found.push(written.clone());
            }
        };
        for i in 0..=b.len() {
            if i < b.len() {
                try_word([&b[..i], &b[i + 1..]].concat());
            }
            for c in b'a'..=b'z' {
                if i < b.len() && c != b[i] {
                    try_word([&b[..i], &[c], &b[i + 1..]].concat());
                }
                try_word([&b[..i], &[c], &b[i..]].concat());
            }
        }
        found
    })
}

/// [`readings`] without the memory.
fn search(word: &str) -> Vec<Reading> {
    let Some(case) = Case::of(word) else {
        return Vec::new();
    };
    let lower = word.to_lowercase();
    let mut found: Vec<Reading> = Vec::new();
    let mut first_steps: Vec<String> = Vec::new();
    let mut written = String::new();
    each_variant(&lower, &mut |variant, sure| {
        case.write(variant, &mut written);
        if is_word(&written) {
            add(&mut found, written.clone(), 1, sure);
        } else if sure {
            first_steps.push(variant.to_string());
        }
    });
    if found.is_empty() && lower.chars().count() >= 5 {
        for step in &first_steps {
            each_variant(step, &mut |variant, sure| {
                if sure && variant != lower {
                    case.write(variant, &mut written);
                    if is_word(&written) {
                        add(&mut found, written.clone(), 2, true);
                    }
                }
            });
        }
    }
    found.sort_by_key(|r| (r.steps, !r.sure));
    found
}

fn add(found: &mut Vec<Reading>, word: String, steps: usize, sure: bool) {
    match found.iter_mut().find(|r| r.word == word) {
        Some(r) => r.sure |= sure && r.steps == steps,
        None => found.push(Reading { word, steps, sure }),
    }
}

/// Calls `each` with every string one confusion away from `word`, and
/// whether the confusion is sure.
fn each_variant(word: &str, each: &mut impl FnMut(&str, bool)) {
    let mut variant = String::with_capacity(word.len() + 2);
    for &(seen, meant, confidence) in TABLE {
        for (at, _) in word.match_indices(seen) {
            variant.clear();
            variant.push_str(&word[..at]);
            variant.push_str(meant);
            variant.push_str(&word[at + seen.len()..]);
            each(&variant, confidence == Sure);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(word: &str) -> Vec<String> {
        readings(word).into_iter().map(|r| r.word).collect()
    }

    #[test]
    fn each_kind_of_confusion_finds_the_word() {
        for (seen, meant) in [
            ("rnissile", "missile"),
            ("clecision", "decision"),
            ("tlie", "the"),
            ("tbe", "the"),
            ("todav", "today"),
            ("Classifled", "Classified"),
            ("Uuion", "Union"),
            ("SFCRET", "SECRET"),
            ("tbcre", "there"),
            ("Septenber", "September"),
            ("apartmént", "apartment"),
            ("vvhen", "when"),
            ("thc", "the"),
        ] {
            assert!(
                read(seen).contains(&meant.to_string()),
                "{seen} → {meant}: {:?}",
                read(seen)
            );
        }
    }

    #[test]
    fn words_of_no_confusion_have_no_reading() {
        for word in ["Lavrov", "Serdyukov", "Larjani", "xqzt"] {
            assert!(read(word).is_empty(), "{word}: {:?}", read(word));
        }
    }

    #[test]
    fn misread_banners_and_field_names() {
        assert!(misread_as("SFCRET", "SECRET"));
        assert!(misread_as("SEGRFT", "SECRET"));
        assert!(misread_as("C0NFIDENTIAL", "CONFIDENTIAL"));
        assert!(misread_as("PARTlCIPANTS", "PARTICIPANTS"));
        assert!(misread_as("Declassify 0n", "DECLASSIFY ON"));
        assert!(!misread_as("SECRETS", "SECRET"));
        assert!(!misread_as("SACRED", "SECRET"));
        assert!(
            !misread_as("SFGRFT", "SECRET"),
            "three changes are too many"
        );
    }

    #[test]
    fn a_single_sure_step_is_sure() {
        let r = readings("rnissile");
        assert_eq!(r[0].steps, 1);
        assert!(r[0].sure);
        let r = readings("Septenber");
        assert_eq!(r[0].word, "September");
        assert!(!r[0].sure, "n for m is only possible");
        let r = readings("tbcre");
        assert_eq!((r[0].word.as_str(), r[0].steps), ("there", 2));
        // Two possible confusions are too many: `SEGRFT` has no reading.
        assert!(readings("SEGRFT").is_empty());
    }
}
