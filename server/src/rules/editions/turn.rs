//! A speaker turn the other edition of the same conversation has and this
//! one lacks, one this edition has and the other lacks, or a turn the
//! other edition gives to another speaker.
//!
//! Turns are matched by speaker and order, whatever the label's style
//! (`SECRETARY GATES:` is `**SECRETARY GATES:**`), then by what they say:
//! a turn whose words the other edition gives another speaker is
//! misattributed, not missing. A label OCR misread (`SECRETARY RlCE:`) is
//! E001's.
//!
//! ## Fires
//! ```text
//! SECRETARY GATES: Yes, I would just add then, ...   (other: SECRETARY RICE: Yes, I would just add then, ...)
//! ```
//!
//! ## Does not fire
//! ```text
//! **SECRETARY RICE:** Yes, I would just add then, ...   (other: SECRETARY RICE: Yes, ...)
//! ```
//!
//! ## Fix
//! Unsafe: give the turn to the other edition's speaker; insert the turn
//! the other edition has (its words, this edition's label style); or
//! delete the turn the other edition has not.

use crate::editions::{Class, Difference, TurnChange};
use crate::finding::Severity;
use crate::rules::{Check, EditionContext, FixSafety, Report, Rule};

use super::{report_class, shown};

pub(crate) static RULE: Rule = Rule {
    code: "E006",
    name: "edition-turn",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Edition(check),
};

fn check(cx: &EditionContext, out: &mut Report) {
    report_class(cx, out, |c| matches!(c, Class::Turn(_)), message, title);
}

fn message(d: &Difference) -> String {
    match d.class {
        Class::Turn(TurnChange::Missing) => format!(
            "the other edition has a turn here that this one lacks: {}",
            shown(&d.other_reading)
        ),
        Class::Turn(TurnChange::Extra) => format!(
            "the other edition has no turn by {} here",
            shown(&d.this_reading)
        ),
        _ => format!(
            "the other edition gives this turn to {}, not {}",
            shown(&d.other_reading),
            shown(&d.this_reading)
        ),
    }
}

fn title(d: &Difference) -> String {
    match d.class {
        Class::Turn(TurnChange::Missing) => "Insert the other edition's turn".to_string(),
        Class::Turn(TurnChange::Extra) => {
            "Delete this turn, as the other edition has none".to_string()
        }
        _ => format!("Give the turn to {}", shown(&d.other_reading)),
    }
}
