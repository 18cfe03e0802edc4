//! A word hyphenated at a line end: `inter-` at the end of one line,
//! `national` at the start of the next.
//!
//! Typeset pages break long words with a hyphen, and OCR keeps both the
//! hyphen and the break. Real compounds (`well-known`) break the same way,
//! so this is a hint and its fix is unsafe. Dashes (`--`) and a hyphen
//! followed by a capital or a digit are not word breaks.
//!
//! ## Fires
//! ```text
//! the inter-
//! national community
//! ```
//!
//! ## Does not fire
//! ```text
//! the talks --
//! national interests
//! ```
//!
//! ## Fix
//! Unsafe: join the word on the first line (`international`) and keep the
//! rest of the second line where it is.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "O006",
    name: "line-end-hyphenation",
    severity: Severity::Hint,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    for pair in cx.words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let first = cx.slice(a);
        let Some(stem) = first.strip_suffix('-') else {
            continue;
        };
        let gap = &cx.text[a.end..b.start];
        if !gap.contains('\n') || gap.matches('\n').count() > 1 {
            continue;
        }
        let letters = stem.chars().rev().take_while(|c| c.is_alphabetic()).count();
        let second = cx.slice(b);
        let tail_len = second
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(second.len());
        let tail = &second[..tail_len];
        if letters < 2
            || stem.ends_with('-')
            || tail.len() < 2
            || !tail.starts_with(char::is_lowercase)
        {
            continue;
        }
        let joined = format!("{stem}{tail}");
        // Replace `-`, the break and `national` with `national` and the break.
        let edit = Edit::replace(a.end - 1..b.start + tail_len, format!("{tail}{gap}"));
        out.add(
            a.start..b.start + tail_len,
            format!("`{first}` `{tail}` looks like one word broken at the line end"),
        )
        .with_fix(Fix::unsafe_(format!("Join as `{joined}`"), vec![edit]));
    }
}
