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

use crate::finding::Severity;
use crate::model::ParagraphRole;
use crate::rules::{Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "M004",
    name: "banner-mismatch",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check,
};

fn check(cx: &Context, out: &mut Report) {
    if !cx.marked {
        return;
    }
    let banners: Vec<_> = cx
        .model
        .banners
        .iter()
        .filter(|b| b.level.is_some())
        .collect();
    let (Some(top), Some(bottom)) = (banners.first(), banners.last()) else {
        return;
    };
    let level = |b: &crate::model::Banner| b.level.expect("filtered on a level");
    if banners.len() > 1 && level(top) != level(bottom) {
        out.add(
            bottom.range.clone(),
            format!(
                "bottom banner {} differs from the top banner {}",
                level(bottom).banner(),
                level(top).banner()
            ),
        )
        .with_related(top.range.clone(), "top banner");
    }
    let interior = if banners.len() > 2 {
        &banners[1..banners.len() - 1]
    } else {
        &[][..]
    };
    for b in interior {
        if level(b) > level(top) {
            out.add(
                b.range.clone(),
                format!(
                    "page banner {} is above the top banner {}",
                    level(b).banner(),
                    level(top).banner()
                ),
            )
            .with_related(top.range.clone(), "top banner");
        }
    }
    let body: Vec<_> = cx
        .model
        .paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Body && !p.continues)
        .collect();
    let all_marked = !body.is_empty()
        && body
            .iter()
            .all(|p| !p.marks.is_empty() && p.marks.iter().all(|m| m.level().is_some()));
    let highest = body
        .iter()
        .flat_map(|p| &p.marks)
        .filter_map(|m| m.level())
        .max();
    if let Some(highest) = highest
        && all_marked
        && highest < level(top)
    {
        out.add(
            top.range.clone(),
            format!(
                "banner {} is above every portion (the highest is ({}))",
                level(top).banner(),
                highest.symbol()
            ),
        );
    }
}
