//! A body paragraph of a marked document has no portion mark.
//!
//! Every portion of a classified document carries a mark (32 CFR
//! 2001.21(c)). In a declassified transcript a missing mark is usually an
//! OCR loss, so this rule never guesses the level: the quick fixes offer
//! each of `(U)`, `(C)`, `(S)`, `(TS)`, written where this document writes
//! its marks (at the end of the paragraph in memcons that do so, else at
//! the start). It judges only a portion-marked document, one whose body
//! paragraphs actually carry marks (at least two in five of its body
//! paragraphs, one of them valid or under a banner, or `classified = true`): a banner
//! alone, a statute's `(c)` or a stray `(C)` in a list of case numbers
//! does not make a document portion-marked. A file that holds several
//! records (a compilation of memos, cables and forms) is judged one record
//! at a time. When more than half a record's paragraphs (and at least six)
//! lack marks, M007 says so once instead. A record whose one mark covers
//! it whole (`1. (C - ENTIRE TEXT)`, as cables write it) has no unmarked
//! paragraph.
//! Fields, the `CAUTION:` notice and the paragraph that continues it, page
//! furniture, OCR debris, banners, stage-direction-only paragraphs, the end
//! marker, and short lines that end no sentence (signatures, addresses,
//! captions, table cells: fewer than four words) are not portions. A paragraph whose sentence runs on
//! across a page break (see O005) is judged with its continuation: only
//! the last piece needs the mark.
//!
//! ## Fires
//! ```text
//! SECRET
//! The President: We need to work on that. (S)
//! President Putin: I agree.
//! ```
//!
//! ## Does not fire
//! ```text
//! The President: We need to work on that.
//! ```
//! (no banner, no mark: an unmarked press transcript)
//!
//! ## Fix
//! Unsafe, one quick fix per level; never applied automatically.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::model::{Level, MarkPosition, ParagraphRole};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "M001",
    name: "unmarked-paragraph",
    severity: Severity::Error,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    if !cx.portion_marked {
        return;
    }
    for p in &cx.model.paragraphs {
        let record = cx.record_at(p.range.start);
        if !record.portion_marked(cx.config) || record.unmarked_throughout() || record.entire_text {
            continue;
        }
        if p.role != ParagraphRole::Body
            || !p.marks.is_empty()
            || p.continues
            || p.content.is_empty()
            || is_caption(cx.slice(&p.content))
        {
            continue;
        }
        let first_line_end = cx
            .slice(&p.content)
            .find('\n')
            .map_or(p.content.end, |n| p.content.start + n);
        let finding = out.add(
            p.content.start..first_line_end,
            "paragraph has no portion mark",
        );
        for level in Level::ALL {
            let edit = match cx.model.mark_position {
                MarkPosition::Trailing => {
                    Edit::insert(p.content.end, format!(" ({})", level.symbol()))
                }
                MarkPosition::Leading => {
                    Edit::insert(p.content.start, format!("({}) ", level.symbol()))
                }
            };
            finding.with_fix(Fix::unsafe_(
                format!("Mark as ({})", level.symbol()),
                vec![edit],
            ));
        }
    }
}

/// A line of fewer than four words that does not end a sentence: a
/// signature, an address line, a caption or a table cell, not a portion.
fn is_caption(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let ends_sentence = text
        .trim_end()
        .ends_with(['.', '?', '!', '"', '\u{201d}', ':', ';']);
    words < 4 && !ends_sentence
}
