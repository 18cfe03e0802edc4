//! A stray mark in the margin: a line holding only `(`, or `( ` before a
//! speaker label or paragraph with no closing `)`.
//!
//! Declassified memcons are scanned from pages with bracket marks and
//! punch holes in the margin; OCR turns them into a lone parenthesis at the
//! start of a line. The grammar already tells them apart from portion
//! marks, stage directions and list labels, which all close.
//!
//! ## Fires
//! ```text
//! ( The President: Yes, they'll be dangerous in a few years. (S)
//! (
//! The President: I appreciate that. (S)
//! ```
//!
//! ## Does not fire
//! ```text
//! (Laughter.)
//! (a) the first point
//! ```
//!
//! ## Fix
//! Safe: delete the mark (and its line, when it stands alone).

use std::ops::Range;

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "O004",
    name: "stray-margin-mark",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    let lone = cx
        .model
        .furniture
        .iter()
        .filter(|r| cx.slice(r).trim() == "(");
    let mut marks: Vec<&Range<usize>> = cx.model.margin_marks.iter().chain(lone).collect();
    marks.sort_by_key(|r| r.start);
    marks.dedup();
    for mark in marks {
        let deletion = deletion(cx.text, mark);
        out.add(mark.clone(), "stray `(` in the margin")
            .with_fix(Fix::safe(
                "Delete the stray `(`",
                vec![Edit::delete(deletion)],
            ));
    }
}

/// The mark and the spaces after it; the whole line, when nothing else is
/// on it.
fn deletion(text: &str, mark: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut end = mark.end;
    while end < bytes.len() && matches!(bytes[end], b' ' | b'\t') {
        end += 1;
    }
    let line_start = text[..mark.start].rfind('\n').map_or(0, |n| n + 1);
    let alone = text[line_start..mark.start].trim().is_empty();
    if alone && end < bytes.len() && bytes[end] == b'\r' {
        end += 1;
    }
    if alone && (end == bytes.len() || bytes[end] == b'\n') {
        return line_start..(end + 1).min(bytes.len());
    }
    mark.start..end
}
