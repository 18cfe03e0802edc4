//! Code actions as the protocol wants them: the actions that
//! [`transcript_ls::ide::actions`] plans, with their edits and diagnostics
//! in positions.

use tower_lsp_server::lsp_types::*;
use transcript_ls::ide::actions::{self, ActionKind, Wanted};

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
    let wanted = Wanted {
        quick_fixes: wants(&CodeActionKind::QUICKFIX),
        fix_all: fix_all && wants(&CodeActionKind::new(FIX_ALL)),
    };
    let touching = if wanted.quick_fixes {
        snap.findings_touching(at.offset(range.start), at.offset(range.end))
    } else {
        Vec::new()
    };
    actions::plan(
        snap.text(),
        snap.config(),
        &touching,
        |offset| at.line_range(offset),
        wanted,
    )
    .into_iter()
    .map(|a| {
        CodeActionOrCommand::CodeAction(CodeAction {
            title: a.title,
            kind: Some(match a.kind {
                ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                ActionKind::FixAll => CodeActionKind::new(FIX_ALL),
            }),
            diagnostics: a.finding.map(|f| vec![at.diagnostic(uri, &f)]),
            edit: Some(at.workspace_edit(uri, &a.edits)),
            is_preferred: a.preferred,
            ..CodeAction::default()
        })
    })
    .collect()
}
