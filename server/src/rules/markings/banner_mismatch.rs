//! The banners disagree: top and bottom show different levels, a page
//! banner is above the top banner, or the banner is above every portion.
//!
//! The overall marking goes at the top and bottom of the document (32 CFR
//! 2001.21(b)); interior pages may carry the level of the page, which can
//! be lower but never higher than the overall marking. A banner above
//! every portion is over-classification, unless the document is classified
//! by compilation: that check runs only when every body paragraph carries
//! a valid mark, so an unmarked or misread portion never triggers it.
//! Handling captions (`EYES ONLY`, `LIMITED ACCESS`) have no level and are
//! not compared.
//!
//! ## Fires
//! ```text
//! SECRET
//! The meeting began. (C)
//! CONFIDENTIAL
//! ```
//!
//! ## Does not fire
//! ```text
//! SECRET
//! The meeting began. (S)
//! SECRET
//! ```
//!
//! ## Fix
//! None.

use std::ops::Range;

use crate::finding::Severity;
use crate::model::Level;
use crate::rules::{Check, FindingExt, FixSafety, Report, Rule, Whole};

pub(crate) static RULE: Rule = Rule {
    code: "M004",
    name: "banner-mismatch",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Document(check),
};

fn check(whole: &Whole, out: &mut Report) {
    if !whole.facts.portion_marked {
        return;
    }
    let banners: Vec<(Level, Range<usize>)> = whole
        .sections
        .iter()
        .flat_map(|(start, s)| {
            s.level_banners
                .iter()
                .map(move |(level, r)| (*level, start + r.start..start + r.end))
        })
        .collect();
    let (Some((top, top_range)), Some((bottom, bottom_range))) = (banners.first(), banners.last())
    else {
        return;
    };
    if banners.len() > 1 && top != bottom {
        out.add(
            bottom_range.clone(),
            format!(
                "bottom banner {} differs from the top banner {}",
                bottom.banner(),
                top.banner()
            ),
        )
        .with_related(top_range.clone(), "top banner");
    }
    let interior = if banners.len() > 2 {
        &banners[1..banners.len() - 1]
    } else {
        &[][..]
    };
    for (level, range) in interior {
        if level > top {
            out.add(
                range.clone(),
                format!(
                    "page banner {} is above the top banner {}",
                    level.banner(),
                    top.banner()
                ),
            )
            .with_related(top_range.clone(), "top banner");
        }
    }
    let body: usize = whole.sections.iter().map(|(_, s)| s.body).sum();
    let all_marked = body > 0 && whole.sections.iter().all(|(_, s)| s.body_unmarked == 0);
    let highest = whole.sections.iter().filter_map(|(_, s)| s.highest).max();
    if let Some(highest) = highest
        && all_marked
        && highest < *top
    {
        out.add(
            top_range.clone(),
            format!(
                "banner {} is above every portion (the highest is ({}))",
                top.banner(),
                highest.symbol()
            ),
        );
    }
}
