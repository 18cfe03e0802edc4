//! A sentence end or an honorific glued to the next word: `Mr.Solana`,
//! `end.Next`.
//!
//! Extraction drops the space after a full stop at a line wrap. The rule
//! fires on a lower-case word of two or more letters, or an honorific
//! (`Mr`, `Mrs`, `Ms`, `Dr`, `Gen`, `Amb`, …), then `.`, `?` or `!`, then a
//! capitalised word. Initials and abbreviations (`U.S.`, `e.g.`), web
//! addresses and e-mail addresses are left alone.
//!
//! ## Fires
//! ```text
//! Mr.Solana arrived. We agreed on the end.Next we turn to Iran.
//! ```
//!
//! ## Does not fire
//! ```text
//! The U.S. position; see www.State.gov or e.g. the annex.
//! ```
//!
//! ## Fix
//! Safe: insert a space after the mark.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O008",
    name: "missing-space",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Amb", "Sen", "Rep", "Gov", "Prof", "Adm", "Col", "Lt", "Sgt",
    "Capt", "Pres", "St",
];

fn check(cx: &Context, out: &mut Report) {
    for (_, word) in cx.words_with(shape::PUNCTUATION) {
        let w = cx.slice(word);
        let bytes = w.as_bytes();
        for (k, &b) in bytes.iter().enumerate() {
            if !matches!(b, b'.' | b'?' | b'!') || k == 0 {
                continue;
            }
            let next_upper = bytes.get(k + 1).is_some_and(u8::is_ascii_uppercase);
            let then_lower = bytes.get(k + 2).is_some_and(u8::is_ascii_lowercase);
            if !(next_upper && then_lower) {
                continue;
            }
            let stem_start = bytes[..k]
                .iter()
                .rposition(|c| !c.is_ascii_alphabetic())
                .map_or(0, |p| p + 1);
            let stem = &w[stem_start..k];
            let sentence_end = stem.len() >= 2 && stem.bytes().all(|c| c.is_ascii_lowercase());
            if !(sentence_end || HONORIFICS.contains(&stem)) {
                continue;
            }
            let address =
                w.contains("://") || w.contains('@') || w.to_ascii_lowercase().contains("www.");
            if address {
                break;
            }
            let at = word.start + k + 1;
            out.add(
                word.start + stem_start..word.end,
                format!("missing space after `{}{}`", stem, b as char),
            )
            .with_fix(Fix::safe("Insert a space", vec![Edit::insert(at, " ")]));
        }
    }
}
