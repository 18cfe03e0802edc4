//! A classified document whose paragraphs carry no portion marks, said once.
//!
//! Two cases, each reported once on the record's first line instead of on
//! every paragraph (a file that holds several records, a compilation of
//! memos, cables and forms, is judged one record at a time):
//!
//! - **A banner and no marks.** The record bears a banner above
//!   UNCLASSIFIED, is dated on or after 1 December 1978, when E.O. 12065
//!   made portion marking a duty, and none of its body paragraphs carries a
//!   portion mark (nor a mark for its entire text, `(C - ENTIRE TEXT)`).
//!   Older records (E.O. 10501 and 11652 asked for portion
//!   marks only "to the extent practicable") and undated ones get nothing:
//!   the archive cannot tell that marks were ever there.
//! - **Marks on almost nothing.** The document is treated as portion-marked
//!   (`classified = true` in `transcript.toml`, or two in five of its
//!   paragraphs carry marks, one of them valid or under a banner) but more than half its body paragraphs, and at
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

use crate::facts::Marks;
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

fn check(whole: &Whole, out: &mut Report) {
    let facts = whole.facts;
    // Each record's first line: the document's, then the line each later
    // record starts on.
    let mut firsts = Vec::new();
    if let Some(first) = whole.sections.iter().find_map(|(start, s)| {
        s.first_line
            .as_ref()
            .map(|r| start + r.start..start + r.end)
    }) {
        firsts.push(first);
    }
    let heads = whole.sections.iter().flat_map(|(start, s)| {
        s.record_starts
            .iter()
            .map(move |r| start + r.start..start + r.end)
    });
    let mut record = 0;
    for (head, &of) in heads.zip(facts.candidate_records.iter()) {
        if of != record {
            record = of;
            firsts.push(head);
        }
    }
    for (record, first) in facts.records.iter().zip(firsts) {
        judge(record, first, facts.date, whole, out);
    }
}

fn judge(
    record: &Marks,
    first: std::ops::Range<usize>,
    date: Option<Date>,
    whole: &Whole,
    out: &mut Report,
) {
    if record.portion_marked(whole.config) {
        if record.unmarked_throughout() {
            out.add(
                first,
                format!(
                    "{} of {} body paragraphs carry no portion mark: mark them, \
                     or set `classified = false` if this record was never portion-marked",
                    record.body - record.marked,
                    record.body
                ),
            );
        }
        return;
    }
    let Some(banner) = record.banner.filter(|l| *l > Level::Unclassified) else {
        return;
    };
    if record.marked > 0
        || record.entire_text
        || record.body < 2
        || !required_on(record.date.or(date))
    {
        return;
    }
    out.add(
        first,
        format!(
            "the record bears a {} banner but none of its {} body paragraphs carries a \
             portion mark, required since E.O. 12065 (December 1978)",
            banner.banner(),
            record.body
        ),
    );
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
