//! Words this edition lacks, adds, or reads otherwise than the other
//! edition of the same conversation, where no OCR confusion, name or
//! punctuation explains the difference (`Convention` and `Conventional`).
//!
//! These are the differences a collator reports: a word dropped at a line
//! break, a correction an editor made, a passage one edition left out.
//! Which edition is right only a person can say, so the fix is unsafe.
//!
//! ## Fires
//! ```text
//! the adapted Treaty on Convention Forces in Europe   (other: Conventional Forces)
//! ```
//!
//! ## Does not fire
//! ```text
//! the adapted *Treaty on Conventional Forces* in Europe   (other: Treaty on Conventional Forces)
//! ```
//!
//! ## Fix
//! Unsafe: write the other edition's words (or take these out, or put
//! the other's in).

use crate::editions::{Class, Difference};
use crate::finding::Severity;
use crate::rules::{Check, EditionContext, FixSafety, Report, Rule};

use super::{report_class, shown};

pub(crate) static RULE: Rule = Rule {
    code: "E004",
    name: "edition-words",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Edition(check),
};

fn check(cx: &EditionContext, out: &mut Report) {
    report_class(cx, out, |c| c == Class::Words, message, title);
}

fn message(d: &Difference) -> String {
    match (d.this_reading.is_empty(), d.other_reading.is_empty()) {
        (true, _) => format!("the other edition has {} here", shown(&d.other_reading)),
        (_, true) => format!("{} is not in the other edition", shown(&d.this_reading)),
        _ => format!(
            "{} reads {} in the other edition",
            shown(&d.this_reading),
            shown(&d.other_reading)
        ),
    }
}

fn title(d: &Difference) -> String {
    match (d.this_reading.is_empty(), d.other_reading.is_empty()) {
        (true, _) => format!(
            "Insert {}, as the other edition has it",
            shown(&d.other_reading)
        ),
        (_, true) => format!(
            "Delete {}, as the other edition has not",
            shown(&d.this_reading)
        ),
        _ => format!(
            "Take the other edition's reading {}",
            shown(&d.other_reading)
        ),
    }
}
