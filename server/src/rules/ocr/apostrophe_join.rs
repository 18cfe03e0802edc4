//! Two words joined by a stray apostrophe, where the joined form is no
//! contraction: `All'in all`.
//!
//! OCR reads a speck between two words as an apostrophe and drops the
//! space. Contractions (`don't`, `we're`, `I'd`, `it's`), names with an
//! apostrophe after one letter (`O'Brien`, `d'Estaing`), `ma'am` and
//! `o'clock` are left alone, and so are transliterated names
//! (`Shi'ite`, `Ba'ath`): the rule fires only when one side of the
//! apostrophe is a common English word of two or more letters, which a
//! name's halves almost never are.
//!
//! ## Fires
//! ```text
//! All'in all, we (inaudible) the intensiveness of the work
//! ```
//!
//! ## Does not fire
//! ```text
//! We don't have it yet; we'll see. Mr. O'Brien said so.
//! ```
//!
//! ## Fix
//! Safe: replace the apostrophe with a space.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O002",
    name: "apostrophe-join",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

/// What may follow an apostrophe in an English contraction.
const CONTRACTIONS: &[&str] = &[
    "s", "t", "re", "ve", "ll", "d", "m", "em", "n", "all", "clock", "am",
];

/// Short words that never end or start a name.
const COMMON: &[&str] = &[
    "a", "all", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "not", "of", "on", "or",
    "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "they", "this",
    "to", "too", "up", "us", "was", "we", "were", "what", "when", "which", "who", "will", "with",
    "you", "your",
];

fn check(cx: &Context, out: &mut Report) {
    for (_, word) in cx.words_with(shape::APOSTROPHE) {
        let w = cx.slice(word);
        let Some((at, apostrophe)) = w
            .char_indices()
            .find(|(_, c)| *c == '\'' || *c == '\u{2019}')
        else {
            continue;
        };
        let before = w[..at].trim_start_matches(|c: char| !c.is_alphabetic());
        let after = w[at + apostrophe.len_utf8()..].trim_end_matches(|c: char| !c.is_alphabetic());
        let letters = |s: &str| s.len() >= 2 && s.chars().all(char::is_alphabetic);
        if !letters(before) || !letters(after) {
            continue;
        }
        let (b, a) = (before.to_lowercase(), after.to_lowercase());
        if CONTRACTIONS.contains(&a.as_str()) || !after.starts_with(char::is_lowercase) {
            continue;
        }
        if !(COMMON.contains(&a.as_str()) || COMMON.contains(&b.as_str())) {
            continue;
        }
        let mark = word.start + at..word.start + at + apostrophe.len_utf8();
        out.add(
            word.start..word.end,
            format!("`{before}` and `{after}` run together with a stray apostrophe"),
        )
        .with_fix(Fix::safe(
            "Replace the apostrophe with a space",
            vec![Edit::replace(mark, " ")],
        ));
    }
}
