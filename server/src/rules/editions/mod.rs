//! E rules: where this document differs from another edition of the same
//! conversation (see `crate::editions`), one rule per kind of difference,
//! so that each can be set apart in `[rules]` and taken with
//! `compare --apply`.

pub(super) mod misread;
pub(super) mod name_spelling;
pub(super) mod paragraphing;
pub(super) mod punctuation;
pub(super) mod turn;
pub(super) mod unusable;
pub(super) mod words;

use crate::editions::{Class, Difference};
use crate::fix::Fix;
use crate::rules::{EditionContext, FindingExt, Report};

/// Reports each difference of `class` with `message`, the other edition's
/// place as related information, and the fix titled `title` that takes
/// the other edition's reading.
pub(super) fn report_class(
    cx: &EditionContext,
    out: &mut Report,
    class: impl Fn(Class) -> bool,
    message: impl Fn(&Difference) -> String,
    title: impl Fn(&Difference) -> String,
) {
    for d in cx.comparison.differences.iter().filter(|d| class(d.class)) {
        let finding = out.add(d.range.clone(), message(d)).with_related_in(
            cx.other_name,
            d.other_range.clone(),
            "the other edition here",
        );
        if let Some(edit) = &d.edit {
            finding.with_fix(Fix::unsafe_(title(d), vec![edit.clone()]));
        }
    }
}

/// A reading as a message shows it: in backticks, long ones cut.
pub(super) fn shown(reading: &str) -> String {
    const MOST: usize = 60;
    let one_line = reading.replace('\n', " ");
    if one_line.chars().count() > MOST {
        let cut: String = one_line.chars().take(MOST).collect();
        format!("`{cut}…`")
    } else {
        format!("`{one_line}`")
    }
}
