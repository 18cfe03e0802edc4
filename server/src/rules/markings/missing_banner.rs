//! The document has portion marks but no banner.
//!
//! A classified document shows its overall classification at the top and
//! bottom (32 CFR 2001.21(b)). Marks without any banner usually mean the
//! banner was cropped or lost in extraction; the finding sits on the first
//! mark. Handling captions such as `EYES ONLY` are not banners. Marks glued
//! to a word (`#744305(C)` in a list of case numbers) do not by themselves
//! make a document marked.
//!
//! ## Fires
//! ```text
//! The President: We need to work on that. (S)
//! ```
//!
//! ## Does not fire
//! ```text
//! SECRET
//! The President: We need to work on that. (S)
//! ```
//!
//! ## Fix
//! None: the level of the missing banner is not known.

use crate::finding::Severity;
use crate::rules::{Check, FixSafety, Report, Rule, Whole};

pub(crate) static RULE: Rule = Rule {
    code: "M005",
    name: "missing-banner",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Document(check),
};

fn check(whole: &Whole, out: &mut Report) {
    if !whole.facts.portion_marked || whole.facts.max_banner.is_some() {
        return;
    }
    let first = whole.sections.iter().find_map(|(start, s)| {
        let m = s.first_valid_mark.as_ref()?;
        Some(start + m.start..start + m.end)
    });
    if let Some(mark) = first {
        out.add(
            mark,
            "the document has portion marks but no classification banner",
        );
    }
}
