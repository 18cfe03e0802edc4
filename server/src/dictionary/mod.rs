//! The English dictionary the OCR rules read: SCOWL's en_US Hunspell
//! dictionary (`data/dictionary/`, its licence beside it, version
//! 2020.12.07 as the npm package `dictionary-en` 4.0.0 ships it) with the
//! project's word list of period vocabulary (`data/dictionary/words.txt`).
//!
//! The `.dic` file is carried deflated inside the binary and read into a
//! [`spellbook`] checker once per process, on first use (about 10 ms).

pub mod confusions;

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

use spellbook::Dictionary;

const AFF: &str = include_str!("../../data/dictionary/en_US.aff");
const DIC_DEFLATED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_US.dic.deflate"));
const PROJECT_WORDS: &str = include_str!("../../data/dictionary/words.txt");

/// The dictionary, built on first use.
pub fn english() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| {
        let dic = miniz_oxide::inflate::decompress_to_vec(DIC_DEFLATED)
            .expect("the dictionary built into the binary inflates");
        let mut text = String::new();
        dic.as_slice()
            .read_to_string(&mut text)
            .expect("the dictionary built into the binary is UTF-8");
        let mut dictionary =
            Dictionary::new(AFF, &text).expect("the dictionary built into the binary parses");
        for word in project_words() {
            dictionary
                .add(word)
                .expect("a project word carries no affix flags");
        }
        dictionary
    })
}

/// The words of the project's list.
fn project_words() -> impl Iterator<Item = &'static str> {
    PROJECT_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether `word` is an English word, in the case it is written: `the`,
/// `The`, `THE`, `Moscow`, `MOSCOW`, but not `moscow`. A typographic
/// apostrophe counts as `'`; a hyphenated word is a word when each part is.
///
/// Each thread remembers the answers (by a 64-bit hash of the word, up to
/// half a million of them), since the same words come back in every
/// section of every document and the dictionary's own check of a word is
/// a hundred times slower than a look-up.
pub fn is_word(word: &str) -> bool {
    const REMEMBERED: usize = 500_000;
    thread_local! {
        static KNOWN: RefCell<HashMap<u64, bool, BuildHasherDefault<Fnv>>> =
            RefCell::new(HashMap::default());
    }
    let key = fnv(word);
    if let Some(known) = KNOWN.with(|k| k.borrow().get(&key).copied()) {
        return known;
    }
    let known = check(word);
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= REMEMBERED {
            k.clear();
        }
        k.insert(key, known);
    });
    known
}

/// FNV-1a of a word's bytes: quick on short words.
pub(crate) fn fnv(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Hashes a key that is a hash already as itself.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// [`is_word`] without the memory.
fn check(word: &str) -> bool {
    let dictionary = english();
    if dictionary.check(word) {
        return true;
    }
    if word.contains('’') {
        return check(&word.replace('’', "'"));
    }
    word.contains('-')
        && word
            .split('-')
            .all(|part| !part.is_empty() && dictionary.check(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_their_case_and_the_project_list() {
        for word in [
            "the",
            "The",
            "SECRET",
            "Moscow",
            "throw-weight",
            "don’t",
            "memcon",
            "MIRVed",
            "détente",
        ] {
            assert!(is_word(word), "{word}");
        }
        for word in ["tbe", "moscow", "SFCRET", "Uuion", "ofthe"] {
            assert!(!is_word(word), "{word}");
        }
    }
}
