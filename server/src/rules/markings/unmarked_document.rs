//! A classified document whose paragraphs carry no portion marks, said once.
//!
//! Two cases, each reported once on the document's first line instead of
//! on every paragraph:
//!
//! - **A banner and no marks.** The document bears a banner above
//!   UNCLASSIFIED, is dated on or after 1 December 1978, when E.O. 12065
//!   made portion marking a duty, and none of its body paragraphs carries a
//!   portion mark. Older records (E.O. 10501 and 11652 asked for portion
//!   marks only "to the extent practicable") and undated ones get nothing:
//!   the archive cannot tell that marks were ever there.
//! - **Marks on almost nothing.** The document is treated as portion-marked
//!   (`classified = true` in `transcript.toml`, or two in five of its
//!   paragraphs carry marks) but more than half its body paragraphs, and at
//!   least six, have none. The cause is the document, not each paragraph,
//!   so M001 stays silent and this finding gives the count.
//!
//! Act on it by marking the paragraphs, by setting `classified = false`
//! for an archive that was never portion-marked, or by a suppression
//! comment with a reason.
//!
//! ## Fires
//! ```text
//! SECRET
//!
//! DATE: March 3, 1985
//!
//! The committee met at ten.
//!
//! The chairman reviewed the budget.
//!
//! SECRET
//! ```
//!
//! ## Does not fire
//! ```text
//! SECRET
//!
//! Washington, March 3, 1962
//!
//! The committee met at ten.
//! ```
//! (1962: before portion marking was required)
//!
//! ## Fix
//! None: only a reviewer knows each paragraph's level.

use crate::finding::Severity;
use crate::model::{Date, Level};
use crate::rules::{Check, FixSafety, Report, Rule, Whole};

pub(crate) static RULE: Rule = Rule {
    code: "M007",
    name: "unmarked-document",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Document(check),
};

/// E.O. 12065 took effect on 1 December 1978.
const PORTION_MARKING_REQUIRED: (i32, u32, u32) = (1978, 12, 1);

/// More than half the body paragraphs, and at least this many, unmarked:
/// the document, not each paragraph, is the finding.
const UNMARKED_AT_LEAST: usize = 6;

fn check(whole: &Whole, out: &mut Report) {
    let facts = whole.facts;
    let Some(first) = whole.sections.iter().find_map(|(start, s)| {
        s.first_line
            .as_ref()
            .map(|r| start + r.start..start + r.end)
    }) else {
        return;
    };
    let unmarked = facts.body - facts.body_marked;
    if facts.portion_marked {
        if unmarked_throughout(facts.body, facts.body_marked) {
            out.add(
                first,
                format!(
                    "{unmarked} of {} body paragraphs carry no portion mark: mark them, \
                     or set `classified = false` if this record was never portion-marked",
                    facts.body
                ),
            );
        }
        return;
    }
    let Some(banner) = facts.max_banner.filter(|l| *l > Level::Unclassified) else {
        return;
    };
    if facts.body_marked > 0 || facts.body < 2 || !required_on(facts.date) {
        return;
    }
    out.add(
        first,
        format!(
            "the document bears a {} banner but none of its {} body paragraphs carries a \
             portion mark, required since E.O. 12065 (December 1978)",
            banner.banner(),
            facts.body
        ),
    );
}

/// Whether `body` paragraphs with `marked` among them are unmarked almost
/// throughout: more than half, and at least six.
pub(crate) fn unmarked_throughout(body: usize, marked: usize) -> bool {
    let unmarked = body - marked;
    unmarked * 2 > body && unmarked >= UNMARKED_AT_LEAST
}

fn required_on(date: Option<Date>) -> bool {
    let Some(Date {
        year: Some(year),
        month,
        day,
    }) = date
    else {
        return false;
    };
    (year, month, day) >= PORTION_MARKING_REQUIRED
}
