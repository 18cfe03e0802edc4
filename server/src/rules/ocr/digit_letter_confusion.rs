//! A word mixes letters with digits that look like them: `0ctober`,
//! `1ran`, `l0`, `N0DIS`.
//!
//! OCR confuses `0`/`O`, `1`/`l`/`I` and `5`/`S`. The rule fires only when
//! swapping the look-alikes gives a known form: a number (`l0` → `10`,
//! `2O03` → `2003`), a month or weekday, a dissemination caption, or a word
//! written correctly elsewhere in the same document (`1ran` when `Iran`
//! appears). Model numbers and codes (`S-300`, `25X1`, `G8`, `1990s`,
//! `3rd`) never qualify, since no look-alike swap turns them into a word.
//!
//! ## Fires
//! ```text
//! On 0ctober 12 we discussed 1ran; Iran agreed.
//! ```
//!
//! ## Does not fire
//! ```text
//! the S-300 sale, the G8 summit, in the 1990s
//! ```
//!
//! ## Fix
//! Unsafe: the known form.

use std::collections::HashSet;

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O010",
    name: "digit-letter-confusion",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

const KNOWN: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "nodis",
    "exdis",
    "limdis",
    "noforn",
    "orcon",
    "secret",
    "confidential",
    "unclassified",
    "sensitive",
    "president",
    "secretary",
];

fn check(cx: &Context, out: &mut Report) {
    let mut vocabulary: Option<HashSet<String>> = None;
    for (_, word) in cx.words_with(shape::DIGIT) {
        let w = cx.slice(word);
        let lead = w.len()
            - w.trim_start_matches(|c: char| c.is_ascii_punctuation())
                .len();
        let core = w[lead..].trim_end_matches(|c: char| c.is_ascii_punctuation());
        if core.len() < 2 || !core.bytes().all(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let digits = core.bytes().filter(u8::is_ascii_digit).count();
        if digits == 0 || digits == core.len() {
            continue;
        }
        let range = word.start + lead..word.start + lead + core.len();
        // `l0`, `2O03`: a number with look-alike letters.
        if core
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'l' | b'I' | b'O' | b'o'))
        {
            let number: String = core
                .chars()
                .map(|c| match c {
                    'l' | 'I' => '1',
                    'O' | 'o' => '0',
                    c => c,
                })
                .collect();
            report(out, range, core, &number);
            continue;
        }
        // `0ctober`, `1ran`: a word with look-alike digits.
        if !core
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'0' | b'1' | b'5'))
        {
            continue;
        }
        let vocabulary = vocabulary.get_or_insert_with(|| vocabulary_of(cx));
        if let Some(form) = letter_forms(core).into_iter().find(|f| {
            vocabulary.contains(&f.to_lowercase()) || KNOWN.contains(&f.to_lowercase().as_str())
        }) {
            report(out, range, core, &form);
        }
    }
}

fn report(out: &mut Report, range: std::ops::Range<usize>, written: &str, form: &str) {
    out.add(
        range.clone(),
        format!("`{written}` mixes letters and look-alike digits; did you mean `{form}`?"),
    )
    .with_fix(Fix::unsafe_(
        format!("Replace with `{form}`"),
        vec![Edit::replace(range, form)],
    ));
}

/// Words with more `1`s than this are not spelled out: each `1` doubles
/// the spellings (`I` or `l`), and no word OCR misread has so many.
const MAX_ONES: usize = 6;

/// The spellings a word could have had: each `0`, `1`, `5` as the letter it
/// resembles, in the case of its neighbours. None for a word of more than
/// [`MAX_ONES`] `1`s.
fn letter_forms(core: &str) -> Vec<String> {
    if core.bytes().filter(|&b| b == b'1').count() > MAX_ONES {
        return Vec::new();
    }
    let upper = core
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    let mut forms = vec![String::new()];
    for (i, c) in core.chars().enumerate() {
        let options: &[char] = match (c, upper || i == 0) {
            ('0', true) => &['O'],
            ('0', false) => &['o'],
            ('1', true) => &['I', 'l'],
            ('1', false) => &['l', 'i'],
            ('5', true) => &['S'],
            ('5', false) => &['s'],
            _ => &[c],
        };
        forms = forms
            .iter()
            .flat_map(|f| options.iter().map(move |o| format!("{f}{o}")))
            .collect();
    }
    forms
}

/// The document's own letter-only words, lower-cased.
fn vocabulary_of(cx: &Context) -> HashSet<String> {
    cx.words
        .iter()
        .map(|w| cx.slice(w).trim_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|w| w.len() >= 2 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::letter_forms;

    #[test]
    fn a_run_of_ones_is_not_spelled_out_every_way() {
        // 2^60 spellings otherwise (found by fuzzing).
        let word = format!("o{}f", "1".repeat(60));
        assert!(letter_forms(&word).is_empty());
        assert_eq!(letter_forms("1ran"), ["Iran", "lran"]);
    }
}
