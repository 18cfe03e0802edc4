//! This edition reads, where another edition of the same conversation
//! has other words, as OCR's misreading of them: a known confusion of
//! letters (`rn` for `m`, `cl` for `d`, `tbe` for `the`), a character of
//! the same shape (`|` for `I`, `0` for `O`, `5` for `S`), or a spacing
//! slip (`All'in` for `All in`, `ofthe` for `of the`).
//!
//! Where the OCR'd edition is proofread against a cleaner one (the press
//! office's web page, the printed volume), these are the errors to take
//! from the other edition almost blindly: the lint rules can only guess at
//! them (O001, O011), the other edition knows. A difference where the
//! *other* edition holds the misreading is not reported here: comparing
//! the other edition with this one reports it there. When the confusion
//! goes both ways (`rn` and `m`), the side that is no dictionary word is
//! the misreading.
//!
//! Only when an edition is declared (`compare A B`, `[editions]` in
//! `transcript.toml`, or `<!-- transcript: edition PATH -->`).
//!
//! ## Fires
//! ```text
//! And as | mentioned in the beginning of my speech,   (other: as I mentioned)
//! All'in all, we (inaudible) the intensiveness         (other: All in all,)
//! ```
//!
//! ## Does not fire
//! ```text
//! And as I mentioned in the beginning of my speech,   (other: as | mentioned)
//! ```
//!
//! ## Fix
//! Unsafe: write the other edition's reading (`compare --apply misread`
//! takes them all).

use crate::editions::Class;
use crate::finding::Severity;
use crate::rules::{Check, EditionContext, FixSafety, Report, Rule};

use super::{report_class, shown};

pub(crate) static RULE: Rule = Rule {
    code: "E001",
    name: "edition-misread",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Edition(check),
};

fn check(cx: &EditionContext, out: &mut Report) {
    report_class(
        cx,
        out,
        |c| c == Class::Misread,
        |d| {
            format!(
                "{} reads as an OCR misreading of {}, as the other edition has it",
                shown(&d.this_reading),
                shown(&d.other_reading)
            )
        },
        |d| {
            format!(
                "Take the other edition's reading {}",
                shown(&d.other_reading)
            )
        },
    );
}
