//! The same words as the other edition of the same conversation, with
//! other punctuation or capitals (`Iran,` and `Iran.`, `imple-mented` and
//! `implemented`).
//!
//! A comma read as a period changes a sentence without changing a word;
//! editors also restyle punctuation on purpose, so this rule reports at
//! `info`. Curly and straight quotes, Markdown emphasis and white space
//! are presentation, not punctuation: they are never reported.
//!
//! ## Fires
//! ```text
//! to pursue ill-gotten gains from proliferation and/or terrorism,   (other: terrorism.)
//! ```
//!
//! ## Does not fire
//! ```text
//! I’ve done so.   (other: I've done so.)
//! ```
//!
//! ## Fix
//! Unsafe: write the other edition's punctuation.

use crate::editions::Class;
use crate::finding::Severity;
use crate::rules::{Check, EditionContext, FixSafety, Report, Rule};

use super::{report_class, shown};

pub(crate) static RULE: Rule = Rule {
    code: "E003",
    name: "edition-punctuation",
    severity: Severity::Info,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Edition(check),
};

fn check(cx: &EditionContext, out: &mut Report) {
    report_class(
        cx,
        out,
        |c| c == Class::Punctuation,
        |d| {
            format!(
                "{} is written {} in the other edition (punctuation or capitals only)",
                shown(&d.this_reading),
                shown(&d.other_reading)
            )
        },
        |d| format!("Take the other edition's {}", shown(&d.other_reading)),
    );
}
