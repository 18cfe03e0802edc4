//! The other edition declared for this document cannot be compared: its
//! file cannot be read, or it has too little in common with this text to
//! be the same conversation (under 30% of the pairs of words in a row are
//! shared).
//!
//! Aligning two different documents would report every word; one finding
//! says what is wrong instead: a wrong path in `transcript.toml`'s
//! `[editions]` or in an `edition` comment, or an excerpt of another
//! record. It stands on the comment that declares the edition, or on the
//! first line when `transcript.toml` does.
//!
//! ## Fires
//! ```text
//! <!-- transcript: edition ../memcons/2008-sochi.txt -->   (a different conversation)
//! <!-- transcript: edition ../web/missing.md -->           (no such file)
//! ```
//!
//! ## Does not fire
//! ```text
//! <!-- transcript: edition ../web/2007-10-12.md -->   (the same press conference, restyled)
//! ```
//!
//! ## Fix
//! None: declare the right edition.

use crate::finding::Severity;
use crate::rules::{Check, EditionContext, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "E007",
    name: "edition-unusable",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Edition(check),
};

fn check(cx: &EditionContext, out: &mut Report) {
    let first_line = 0..cx.text.find(['\n', '\r']).unwrap_or(cx.text.len());
    let at = cx.declared_at.clone().unwrap_or(first_line);
    if let Some(error) = cx.unreadable {
        out.add(
            at,
            format!("cannot read the other edition {}: {error}", cx.other_name),
        );
        return;
    }
    let c = cx.comparison;
    if !c.unrelated {
        return;
    }
    let most = c.words.0.max(c.words.1).max(1);
    out.add(
        at,
        format!(
            "{} is not an edition of this conversation: they share {}% of their phrases; nothing was compared",
            cx.other_name,
            c.common * 100 / most
        ),
    );
}
