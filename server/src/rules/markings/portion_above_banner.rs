//! A portion is classified above the document's banner: a `(TS)`
//! paragraph under a `SECRET` banner.
//!
//! The banner must carry at least the highest level of any portion (32 CFR
//! 2001.21(b)). Struck banners count: a declassified document still shows
//! its original marking, and a portion above it means one of the two was
//! misread or mistyped. The finding points at the portion and names the
//! banner it exceeds.
//!
//! ## Fires
//! ```text
//! SECRET
//! The launch codes are these. (TS)
//! ```
//!
//! ## Does not fire
//! ```text
//! TOP SECRET
//! The launch codes are these. (TS)
//! ```
//!
//! ## Fix
//! None: whether the banner or the mark is wrong needs the page image.

use crate::finding::Severity;
use crate::rules::{Anchor, Check, Context, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "M003",
    name: "portion-above-banner",
    severity: Severity::Error,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    if !cx.portion_marked {
        return;
    }
    let Some(top) = cx.facts.max_banner else {
        return;
    };
    for mark in cx.model.paragraphs.iter().flat_map(|p| &p.marks) {
        let Some(level) = mark.level() else { continue };
        if level > top {
            out.add(
                mark.range.clone(),
                format!(
                    "portion marked ({}) is above the {} banner",
                    level.symbol(),
                    top.banner()
                ),
            );
            out.relate(Anchor::HighestBanner, "the document's highest banner");
        }
    }
}
