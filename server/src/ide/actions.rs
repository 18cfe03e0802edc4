//! Code-action planning: each finding's fixes as quick fixes (a safe,
//! single fix preferred), "suppress on this line", and "fix all safe".

use std::ops::Range;

use crate::analysis::fix_text;
use crate::config::Config;
use crate::finding::Finding;
use crate::fix::{Applicability, Edit};

/// What kind of action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// A fix or a suppression for one finding.
    QuickFix,
    /// Every safe fix in the document at once.
    FixAll,
}

/// An action, with the finding it answers (for a quick fix) and its edits.
#[derive(Debug, Clone)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    pub finding: Option<Finding>,
    pub edits: Vec<Edit>,
    /// The one fix to apply without asking (`Some(false)`: a fix, not that
    /// one; `None`: no opinion).
    pub preferred: Option<bool>,
}

/// What the client asks for.
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    pub quick_fixes: bool,
    pub fix_all: bool,
}

/// The actions for the findings in `touching` (those at the cursor or
/// selection), and "fix all" when wanted. `line_of` gives the byte range of
/// the line holding an offset, without its break.
pub fn plan(
    text: &str,
    config: &Config,
    touching: &[Finding],
    line_of: impl Fn(usize) -> Range<usize>,
    wanted: Wanted,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if wanted.quick_fixes {
        for f in touching {
            for fix in &f.fixes {
                actions.push(Action {
                    title: fix.title.clone(),
                    kind: ActionKind::QuickFix,
                    finding: Some(f.clone()),
                    edits: fix.edits.clone(),
                    preferred: Some(fix.applicability == Applicability::Safe && f.fixes.len() == 1),
                });
            }
            // Suppress, with the reason left for the user to write: until
            // they do, X001 points at the comment.
            let line_end = line_of(f.range.start).end;
            let comment = format!(" <!-- transcript: ignore {} -- -->", f.code);
            actions.push(Action {
                title: format!(
                    "Suppress {} on this line (write the reason after `--`)",
                    f.code
                ),
                kind: ActionKind::QuickFix,
                finding: Some(f.clone()),
                edits: vec![Edit::insert(line_end, comment)],
                preferred: None,
            });
        }
    }
    if wanted.fix_all {
        let fixed = fix_text(text, config, Applicability::Safe);
        if fixed.applied > 0 {
            actions.push(Action {
                title: format!("Fix all safe problems ({})", fixed.applied),
                kind: ActionKind::FixAll,
                finding: None,
                edits: vec![Edit::replace(0..text.len(), fixed.text)],
                preferred: None,
            });
        }
    }
    actions
}
