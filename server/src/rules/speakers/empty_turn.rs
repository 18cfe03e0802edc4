//! A speaker label followed by no text before the next label.
//!
//! An empty turn usually means the speech was lost to a page break or the
//! label was split from its text. A turn holding only a stage direction
//! (`(Laughter.)`) is not empty.
//!
//! ## Fires
//! ```text
//! The President:
//!
//! President Putin: I agree. (S)
//! ```
//!
//! ## Does not fire
//! ```text
//! The President: (Laughter.)
//! ```
//!
//! ## Fix
//! None.

use crate::finding::Severity;
use crate::model::ParagraphRole;
use crate::rules::{Check, Context, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "S003",
    name: "empty-turn",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    for turn in &cx.model.turns {
        let spoken = turn
            .paragraphs
            .iter()
            .map(|&p| &cx.model.paragraphs[p])
            .any(|p| {
                matches!(
                    p.role,
                    ParagraphRole::Body | ParagraphRole::StageDirection | ParagraphRole::Notice
                ) && (!p.content.is_empty() || !p.marks.is_empty())
            });
        if !spoken {
            out.add(
                turn.label.clone(),
                format!("`{}` says nothing", cx.slice(&turn.name_range)),
            );
        }
    }
}
