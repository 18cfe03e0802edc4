//! A paragraph break here that the other edition of the same conversation
//! has not, or one the other edition has and this one has not.
//!
//! OCR loses paragraph breaks (a short last line runs into the next
//! paragraph: `develop it further. Thank you.`); web pages gain them (a
//! paragraph split where the page was cut: `we can make progress` /
//! `on these very important issues.`, which O005 also suspects). A break
//! that falls where a page's furniture stands in between is the paper's,
//! not the text's, and is not reported.
//!
//! ## Fires
//! ```text
//! and we agreed to develop it further.
//! Thank you.                            (other: a paragraph of its own)
//! ```
//!
//! ## Does not fire
//! ```text
//! and we agreed to develop it
//! further.                              (other: the same paragraph on one line)
//! ```
//!
//! ## Fix
//! Unsafe: start a new paragraph, or join the two, as the other edition
//! does.

use crate::editions::Class;
use crate::finding::Severity;
use crate::rules::{Check, EditionContext, FixSafety, Report, Rule};

use super::report_class;

pub(crate) static RULE: Rule = Rule {
    code: "E005",
    name: "edition-paragraphing",
    severity: Severity::Info,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Edition(check),
};

fn check(cx: &EditionContext, out: &mut Report) {
    report_class(
        cx,
        out,
        |c| c == Class::Paragraphing,
        |d| {
            if d.other_reading == crate::editions::words::BREAK {
                "the other edition starts a new paragraph here".to_string()
            } else {
                "the other edition runs these two paragraphs together".to_string()
            }
        },
        |d| {
            if d.other_reading == crate::editions::words::BREAK {
                "Start a new paragraph, as the other edition does".to_string()
            } else {
                "Join the two paragraphs, as the other edition does".to_string()
            }
        },
    );
}
