//! What kind of difference two readings of one passage are, so that a
//! proofreader can triage: a known OCR misreading, a name spelt two ways,
//! punctuation alone, or other words.
//!
//! The OCR confusions are the ones O010 and O011 know
//! ([`crate::dictionary::confusions`]: `rn` for `m`, `|` for `I`, `0` for
//! `O`...), and the run-together or split words of O002 and O008 (`All'in`
//! for `All in`, `ofthe` for `of the`).

use crate::dictionary::confusions::{Confidence, TABLE, same_shape};

/// What a difference between this edition's reading and the other's is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// This edition's reading is an OCR misreading of the other's.
    Misread,
    /// The other edition's reading is an OCR misreading of this one's: its
    /// own error, not this edition's.
    OtherMisread,
    /// One name, spelt two ways (`Larjani`, `Larijani`).
    Name,
    /// The same words; only punctuation or capitals differ.
    Punctuation,
    /// Other words, or words only one edition has.
    Words,
}

/// Classifies the difference between `this` and `other`, each a run of
/// words joined by single spaces (either may be empty).
pub fn classify(this: &str, other: &str) -> Kind {
    if this.is_empty() || other.is_empty() {
        return Kind::Words;
    }
    let this_misread = misread_as(this, other);
    let other_misread = misread_as(other, this);
    match (this_misread, other_misread) {
        (Some(_), None) => return Kind::Misread,
        (None, Some(_)) => return Kind::OtherMisread,
        // Confusions that go both ways (`rn` and `m`, `cl` and `d`): the
        // misreading is the side that is no word, else the side a sure
        // confusion explains.
        (Some(mine), Some(theirs)) => {
            return match (all_words(this), all_words(other)) {
                (true, false) => Kind::OtherMisread,
                (false, true) => Kind::Misread,
                _ if theirs > mine => Kind::OtherMisread,
                _ => Kind::Misread,
            };
        }
        (None, None) => {}
    }
    if letters(this) == letters(other) {
        return Kind::Punctuation;
    }
    if one_name(this, other) {
        return Kind::Name;
    }
    Kind::Words
}

/// Whether every word of `s` written in letters is a dictionary word.
fn all_words(s: &str) -> bool {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .all(crate::dictionary::check)
}

/// The letters and digits of `s`, in lower case: what is left when
/// punctuation, capitals and spacing are set aside.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How OCR joins or splits words, beside the letter confusions: an
/// apostrophe for a space (O002), a space lost (O008) or added.
const SPACING: &[(&str, &str, Confidence)] = &[
    ("'", " ", Confidence::Sure),
    ("", " ", Confidence::Possible),
    (" ", "", Confidence::Possible),
];

/// The most confusions one difference may hold and still read as OCR's.
const MOST_CONFUSIONS: usize = 2;

/// Whether `seen` reads as OCR's misreading of `meant`, and how surely:
/// the same text but for one or two confusions, each a sure or possible
/// one of the table, a character of the same shape (`|` for `I`, `0` for
/// `O`: sure), or a spacing slip. A difference of capitals alone is none.
pub fn misread_as(seen: &str, meant: &str) -> Option<Confidence> {
    let (seen, meant) = (seen.to_lowercase(), meant.to_lowercase());
    if seen == meant || seen.len() > 200 || meant.len() > 200 {
        return None;
    }
    let seen: Vec<char> = seen.chars().collect();
    let meant: Vec<char> = meant.chars().collect();
    reads(&seen, &meant, MOST_CONFUSIONS)
}

/// How surely `seen` becomes `meant` through at most `budget` confusions
/// (the least sure step of the surest way), if it does.
fn reads(seen: &[char], meant: &[char], budget: usize) -> Option<Confidence> {
    let common = seen.iter().zip(meant).take_while(|(a, b)| a == b).count();
    let (seen, meant) = (&seen[common..], &meant[common..]);
    if seen.is_empty() && meant.is_empty() {
        return Some(Confidence::Sure);
    }
    if budget == 0 {
        return None;
    }
    let mut best: Option<Confidence> = None;
    if let (Some(&s), Some(&m)) = (seen.first(), meant.first())
        && !s.is_alphabetic()
        && m.is_alphabetic()
        && m.is_ascii()
        && same_shape(s, m.to_ascii_uppercase())
    {
        best = best.max(reads(&seen[1..], &meant[1..], budget - 1));
    }
    for &(s, m, confidence) in TABLE.iter().chain(SPACING) {
        if best == Some(Confidence::Sure) {
            break;
        }
        if starts_with(seen, s) && starts_with(meant, m) {
            let rest = reads(
                &seen[s.chars().count()..],
                &meant[m.chars().count()..],
                budget - 1,
            );
            best = best.max(rest.map(|r| r.min(confidence)));
        }
    }
    best
}

fn starts_with(chars: &[char], prefix: &str) -> bool {
    let mut rest = chars.iter();
    prefix.chars().all(|p| rest.next() == Some(&p))
}

/// Whether `this` and `other` are one name spelt two ways: a single
/// capitalised word each (punctuation aside), one of them no dictionary
/// word, a letter or two apart.
fn one_name(this: &str, other: &str) -> bool {
    let word = |s: &str| -> Option<String> {
        let w = s.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let one_word = !w.contains(char::is_whitespace);
        (capitalised
            && one_word
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\''))
        .then(|| w.to_string())
    };
    let (Some(a), Some(b)) = (word(this), word(other)) else {
        return false;
    };
    if crate::dictionary::check(&a) && crate::dictionary::check(&b) {
        return false;
    }
    let distance = strsim::damerau_levenshtein(&a.to_lowercase(), &b.to_lowercase());
    let longest = a.chars().count().max(b.chars().count());
    distance <= 2 && distance * 3 <= longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ocr_confusions_read_as_this_editions_misreading() {
        for (seen, meant) in [
            ("|", "I"),
            ("All'in", "All in"),
            ("rnissile", "missile"),
            ("C0NFIDENTIAL", "CONFIDENTIAL"),
            ("ofthe", "of the"),
            ("tbcre", "there"),
        ] {
            assert_eq!(classify(seen, meant), Kind::Misread, "{seen} for {meant}");
            assert_eq!(
                classify(meant, seen),
                Kind::OtherMisread,
                "{meant} for {seen}"
            );
        }
    }

    #[test]
    fn names_punctuation_and_words() {
        assert_eq!(classify("Larjani.", "Larijani."), Kind::Name);
        assert_eq!(classify("Larijani", "Larjani"), Kind::Name);
        assert_eq!(classify("Iran,", "Iran."), Kind::Punctuation);
        assert_eq!(classify("imple-mented", "implemented"), Kind::Punctuation);
        assert_eq!(classify("Convention", "Conventional"), Kind::Words);
        assert_eq!(classify("", "indeed"), Kind::Words);
        assert_eq!(classify("Russia", "Moscow"), Kind::Words);
    }

    #[test]
    fn capitals_alone_are_no_misreading() {
        assert_eq!(classify("IRAN", "Iran"), Kind::Punctuation);
    }
}
