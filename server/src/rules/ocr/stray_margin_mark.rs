//! A stray mark in the margin: a line holding only `(`, or `( ` before a
//! speaker label or paragraph with no closing `)`, or a bar or bracket
//! (`| `, `] `, `[ `) before a paragraph's first word when that word is
//! capitalised; before a lower-case word a bar is the pronoun `I` (O001).
//! A mark before text on its line counts only when that line is prose
//! (four words or more, two in three of them English, one in lower case):
//! a form's `| RECEIVED FROM.`, a declassification block's `( B. Reger,
//! National Security Council` or a stamp's garble is no paragraph to clean.
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
//!
//! | The station reports no change.
//! ```
//!
//! ## Does not fire
//! ```text
//! (Laughter.)
//! (a) the first point
//! | would just add that we agree.
//! ```
//!
//! ## Fix
//! Safe: delete the mark (and its line, when it stands alone).

use std::ops::Range;

use crate::dictionary;
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
        // Before text on its line, only before prose: `( B. Regér,
        // National Security Council` is a declassification block, `(
        // YDECIASSIVY it L PART` a stamp's garble.
        let line_end = cx.text[mark.end..]
            .find('\n')
            .map_or(cx.text.len(), |n| mark.end + n);
        let rest = &cx.text[mark.end..line_end];
        if !rest.trim().is_empty() && !reads_as_prose(rest) {
            continue;
        }
        let deletion = deletion(cx.text, mark);
        out.add(mark.clone(), "stray `(` in the margin")
            .with_fix(Fix::safe(
                "Delete the stray `(`",
                vec![Edit::delete(deletion)],
            ));
    }
    // `| The station…`, `] The chief…`: a rule or a bracket of the margin
    // before a paragraph's first word.
    for p in &cx.model.paragraphs {
        let at = p.range.start;
        let Some(c) = cx.text[at..].chars().next() else {
            continue;
        };
        if !matches!(c, '|' | ']' | '[') || !cx.text[at + 1..].starts_with(' ') {
            continue;
        }
        let line_start = cx.text[..at].rfind('\n').map_or(0, |n| n + 1);
        if !cx.text[line_start..at].trim().is_empty() {
            continue;
        }
        let line_end = cx.text[at..].find('\n').map_or(cx.text.len(), |n| at + n);
        if cx.text[at + 1..line_end].contains(['|', ']']) {
            continue; // a table row, or a bracketed span
        }
        let next = cx.text[at + 1..p.range.end]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let capitalised = next.chars().next().is_some_and(char::is_uppercase);
        // `| would add` is the pronoun (O001); a bar before a capital is not.
        // Only before a line of prose: a form's `| RECEIVED FROM.` is debris
        // of the form, not a paragraph to clean.
        let line = &cx.text[at + 1..line_end];
        if !capitalised || next == "I" || next.chars().count() < 2 || !reads_as_prose(line) {
            continue;
        }
        let mark = at..at + 1;
        out.add(mark.clone(), format!("stray `{c}` in the margin"))
            .with_fix(Fix::safe(
                format!("Delete the stray `{c}`"),
                vec![Edit::delete(deletion(cx.text, &mark))],
            ));
    }
}

/// A line of prose, where a mark in the margin can be told from the text:
/// four words of two letters or more, two in three of them English, and
/// one in lower case (not a form's `| RECEIVED FROM.`, a name block or a
/// stamp's garble).
fn reads_as_prose(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let english = words
        .iter()
        .filter(|w| dictionary::is_word_in_any_case(w))
        .count();
    let lower = words
        .iter()
        .any(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase));
    words.len() >= 4 && english * 3 >= words.len() * 2 && lower
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
