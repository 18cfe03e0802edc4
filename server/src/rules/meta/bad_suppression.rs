//! A suppression comment that cannot take effect: it gives no reason,
//! names no rule or an unknown one, or ends a range that was never started.
//!
//! Suppressions silence findings, so each must say which rules and why;
//! one that does not is ignored and reported here, so a typo never
//! silently switches a check off. The forms are `<!-- transcript: ignore
//! O001 -- reason -->` (for its own line, or the next line when it stands
//! alone), and `<!-- transcript: ignore-start O003 -- reason -->` …
//! `<!-- transcript: ignore-end -->` for a range.
//!
//! ## Fires
//! ```text
//! <!-- transcript: ignore O001 -->
//! <!-- transcript: ignore O999 -- no such rule -->
//! ```
//!
//! ## Does not fire
//! ```text
//! <!-- transcript: ignore O001 -- the speaker's own typography -->
//! ```
//!
//! ## Fix
//! None.

use crate::finding::Severity;
use crate::rules::{Check, FixSafety, Report, Rule, Whole};

pub(crate) static RULE: Rule = Rule {
    code: "X001",
    name: "bad-suppression",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Document(check),
};

fn check(whole: &Whole, out: &mut Report) {
    for problem in whole.problems {
        out.add(problem.range.clone(), problem.message.clone());
    }
}
