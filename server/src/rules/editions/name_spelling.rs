//! A name spelt one way here and another way in the other edition of the
//! same conversation (`Larijani` and `Larjani`).
//!
//! A name is the word a spell checker cannot help with and an OCR table
//! does not explain; two editions that disagree on it tell the proofreader
//! to look it up. Either edition may be the wrong one: the web edition of
//! the 2007 press conference has `Larjani` where the OCR'd transcript has
//! `Larijani`, so this rule fires in both, and the fix is only offered.
//! A name is one capitalised word in each edition, at most two letters
//! apart, of which one is no dictionary word.
//!
//! ## Fires
//! ```text
//! the Chief of the National Security Board of Iran, Mr. Larjani.   (other: Mr. Larijani.)
//! ```
//!
//! ## Does not fire
//! ```text
//! the adapted Treaty on Convention Forces in Europe   (other: Conventional: two words, E004)
//! ```
//!
//! ## Fix
//! Unsafe: write the other edition's spelling.

use crate::editions::Class;
use crate::finding::Severity;
use crate::rules::{Check, EditionContext, FixSafety, Report, Rule};

use super::{report_class, shown};

pub(crate) static RULE: Rule = Rule {
    code: "E002",
    name: "edition-name-spelling",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Edition(check),
};

fn check(cx: &EditionContext, out: &mut Report) {
    report_class(
        cx,
        out,
        |c| c == Class::Name,
        |d| {
            format!(
                "the name {} is spelt {} in the other edition",
                shown(&d.this_reading),
                shown(&d.other_reading)
            )
        },
        |d| {
            format!(
                "Spell it {}, as the other edition does",
                shown(&d.other_reading)
            )
        },
    );
}
