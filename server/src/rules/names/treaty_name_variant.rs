//! A near miss of a known treaty name: `Treaty on Convention Forces in
//! Europe`, an OCR'd `START IX` or `SALT 11`.
//!
//! Treaty names are what readers search for, so a misspelt one hides the
//! mention from go-to-references and from the workspace index. The
//! mention still resolves to its treaty; this rule names the expected
//! form. OCR'd ordinals are recognised for the short names (`SALT 11`,
//! `START ll`, `START IX` → `START II`), near misses for names of three
//! words or more (one word, or two in names of six words or more, at most
//! two edits from the known spelling and sharing its first two letters).
//! Arabic ordinals (`START 1`, `SALT-2`) are a house style, not a misread.
//!
//! ## Fires
//! ```text
//! the adapted Treaty on Convention Forces in Europe can enter into force
//! ```
//!
//! ## Does not fire
//! ```text
//! the Treaty on Conventional Forces in Europe; START-1; the CFE Treaty
//! ```
//!
//! ## Fix
//! Unsafe: write the expected form.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "T001",
    name: "treaty-name-variant",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    let gazetteer = cx.config.gazetteer();
    for mention in &cx.model.treaty_mentions {
        let Some(variant) = &mention.variant else {
            continue;
        };
        let written = cx.slice(&mention.range);
        let treaty = gazetteer.get(mention.treaty);
        out.add(
            mention.range.clone(),
            format!(
                "`{written}` looks like a misspelling of `{}` ({})",
                variant.expected,
                treaty.short_name()
            ),
        )
        .with_fix(Fix::unsafe_(
            format!("Write `{}`", variant.expected),
            vec![Edit::replace(
                mention.range.clone(),
                variant.expected.clone(),
            )],
        ));
    }
}
