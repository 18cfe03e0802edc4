//! The English dictionary the OCR rules read: SCOWL's en_US Hunspell
//! dictionary (`data/dictionary/`, its licence beside it, version
//! 2020.12.07 as the npm package `dictionary-en` 4.0.0 ships it) with the
//! project's word list of period vocabulary (`data/dictionary/words.txt`).
//!
//! The `.dic` file is carried deflated inside the binary and read into a
//! [`spellbook`] checker once per process, on first use (about 10 ms).

pub mod confusions;

use std::cell::RefCell;
use std::io::Read;
use std::sync::OnceLock;

use spellbook::Dictionary;

use crate::word_hash::{Memory, remembered};

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
    thread_local! {
        static KNOWN: RefCell<Memory<bool>> = RefCell::new(Memory::new(500_000));
    }
    remembered(&KNOWN, word, || check(word))
}

/// Whether `word` is an English word as written or in lower case: a
/// common word written in mixed case by OCR or a heading (`GoVernment`)
/// counts too, which [`is_word`] alone refuses.
pub fn is_word_in_any_case(word: &str) -> bool {
    is_word(word) || is_word(&word.to_lowercase())
}

/// [`is_word`] without the memory: for the many probes of a search, which
/// would crowd out the words that come back.
pub fn check(word: &str) -> bool {
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
