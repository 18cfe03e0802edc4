//! One proper name spelled two ways: `Larijani` and `Larjani`.
//!
//! A name spelled two ways splits searches and indexes. Two capitalised
//! words of five letters or more are variants when one letter is added,
//! dropped or changed inside the word (not the first letter, and not the
//! last, so `Russia`/`Russian` and `Czech`/`Czechs` are left alone), and
//! neither is also written in lower case in the document (so sentence-
//! initial `These`/`Those` are common words, not names). The more frequent
//! spelling, seen at least twice and more often than the other, is taken as
//! right. Names only: when either spelling is an English word (`Walter`
//! beside `Walker`, `Septenber` beside `September`), the pair is left to
//! O011. In an editor the counts span the whole workspace; on a single
//! document, that document.
//!
//! Acronyms too (three to six capitals, `l` read for I allowed): one
//! spelled with a letter misread for one of the same shape (`CLA` or `GIA`
//! for `CIA`, `JEK` for `JFK`, `ClA`), when the usual spelling is written
//! three times or more and three times as often, and neither is an English
//! word or a listed acronym (`OCI` beside `DCI` is left alone).
//!
//! ## Fires
//! ```text
//! Larijani said ... Larijani agreed ... Larjani left.
//! The CIA, the CIA and the CIA; the CLA once.
//! ```
//!
//! ## Does not fire
//! ```text
//! Russia and the Russian side; Larijani and Larjani once each.
//! ```
//!
//! ## Fix
//! Unsafe: write the majority spelling.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Anchor, Check, Context, FindingExt, FixSafety, Report, Rule};

use crate::facts::acronyms::pieces;
use crate::facts::names::candidates;

pub(crate) static RULE: Rule = Rule {
    code: "T002",
    name: "name-variant",
    severity: Severity::Hint,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    if cx.facts.variants.is_empty() {
        return;
    }
    let acronyms = pieces(cx.text, &cx.words);
    for (name, range) in candidates(cx.text, &cx.words).chain(acronyms) {
        let Some(right) = cx.facts.variants.get(name) else {
            continue;
        };
        out.add(
            range.clone(),
            format!("`{name}` is spelled `{right}` elsewhere"),
        )
        .with_fix(Fix::unsafe_(
            format!("Write `{right}`"),
            vec![Edit::replace(range, right.clone())],
        ));
        out.relate(Anchor::FirstName(right.clone()), "the usual spelling");
    }
}
