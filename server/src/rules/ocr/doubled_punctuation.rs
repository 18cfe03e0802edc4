//! Doubled punctuation: `..` (not an ellipsis), `,,`, `;;`, or a comma
//! standing alone between two words on one line (`word , word`).
//!
//! OCR doubles marks when a speck sits next to one, and extraction leaves a
//! space before a comma that has drifted. Three or more dots are an
//! ellipsis and are left alone, as are `../` paths and `1..10` ranges. A
//! lone comma counts only between two real words on one line: at a line's
//! ragged end or among OCR specks (`. , a so`) it is debris, not a slip.
//!
//! ## Fires
//! ```text
//! President Putin: I agree.. What I mean is
//! first ,, second ;; third , fourth
//! ```
//!
//! ## Does not fire
//! ```text
//! I agree... What I mean is, first; second.
//! ```
//!
//! ## Fix
//! Safe: keep a single mark (for ` ,`, remove the space before it).

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O003",
    name: "doubled-punctuation",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    let bytes = cx.text.as_bytes();
    for (i, word) in cx.words_with(shape::PUNCTUATION) {
        let w = cx.slice(word).as_bytes();
        let mut k = 0;
        while k < w.len() {
            let c = w[k];
            if !matches!(c, b'.' | b',' | b';') {
                k += 1;
                continue;
            }
            let run = w[k..].iter().take_while(|&&b| b == c).count();
            let at = word.start + k;
            let after = w.get(k + run).copied();
            let before = k.checked_sub(1).map(|j| w[j]);
            let path_or_range = c == b'.'
                && (after == Some(b'/')
                    || (before.is_some_and(|b| b.is_ascii_digit())
                        && after.is_some_and(|b| b.is_ascii_digit())));
            if run == 2 && !path_or_range {
                let mark = (c as char).to_string();
                out.add(at..at + 2, format!("doubled `{mark}`"))
                    .with_fix(Fix::safe(
                        format!("Keep a single `{mark}`"),
                        vec![Edit::delete(at + 1..at + 2)],
                    ));
            }
            k += run;
        }
        // ` , ` — a comma standing alone between two words of one
        // paragraph.
        if w == b","
            && i > 0
            && word_follows_on_line(cx.text, word.end)
            && is_word(cx.slice(&cx.words[i - 1]))
        {
            let prev = &cx.words[i - 1];
            let gap = prev.end..word.start;
            if bytes[gap.clone()].iter().all(|b| *b == b' ') {
                out.add(gap.start..word.end, "space before a comma")
                    .with_fix(Fix::safe(
                        "Remove the space before the comma",
                        vec![Edit::delete(gap)],
                    ));
            }
        }
    }
}

/// A word of letters follows `at` on the same line: the comma stands in a
/// sentence, not at a line's ragged end or in a column of OCR specks.
fn word_follows_on_line(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let line = rest.split('\n').next().unwrap_or("");
    line.split_whitespace()
        .next()
        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// A word of two or more letters, with no more than trailing punctuation.
fn is_word(w: &str) -> bool {
    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    core.chars().count() >= 2 && core.chars().all(char::is_alphabetic)
}
