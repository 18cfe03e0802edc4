//! Code actions: each finding's fixes as quick fixes (a safe, single fix
//! preferred), "suppress on this line", and "fix all safe" as
//! `source.fixAll.transcript`.

use tower_lsp_server::lsp_types::*;
use transcript_ls::analysis::fix_text;
use transcript_ls::fix::{Applicability, Edit};

use super::FIX_ALL;
use super::convert::Positions;
use super::documents::Snapshot;

pub fn code_actions(
    uri: &Uri,
    snap: &Snapshot,
    at: &Positions,
    range: Range,
    only: &[CodeActionKind],
    fix_all: bool,
) -> Vec<CodeActionOrCommand> {
    let wants = |kind: &CodeActionKind| {
        only.is_empty() || only.iter().any(|o| kind.as_str().starts_with(o.as_str()))
    };
    let mut actions = Vec::new();
    let start = at.offset(range.start);
    let end = at.offset(range.end);
    if wants(&CodeActionKind::QUICKFIX) {
        for f in &snap.findings_touching(start, end) {
            let diagnostic = at.diagnostic(uri, f);
            for fix in &f.fixes {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(at.workspace_edit(uri, &fix.edits)),
                    is_preferred: Some(
                        fix.applicability == Applicability::Safe && f.fixes.len() == 1,
                    ),
                    ..CodeAction::default()
                }));
            }
            // Suppress, with the reason left for the user to write: until
            // they do, X001 points at the comment.
            let line_end = at.line_range(f.range.start).end;
            let comment = format!(" <!-- transcript: ignore {} -- -->", f.code);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!(
                    "Suppress {} on this line (write the reason after `--`)",
                    f.code
                ),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(at.workspace_edit(uri, &[Edit::insert(line_end, comment)])),
                ..CodeAction::default()
            }));
        }
    }
    if fix_all && wants(&CodeActionKind::new(FIX_ALL)) {
        let fixed = fix_text(snap.text(), snap.config(), Applicability::Safe);
        if fixed.applied > 0 {
            let whole = Edit::replace(0..snap.text().len(), fixed.text);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Fix all safe problems ({})", fixed.applied),
                kind: Some(CodeActionKind::new(FIX_ALL)),
                edit: Some(at.workspace_edit(uri, &[whole])),
                ..CodeAction::default()
            }));
        }
    }
    actions
}
