//! Code actions as the protocol wants them: the actions that
//! [`transcript_ls::ide::actions`] plans, with their edits and diagnostics
//! in positions.

use std::collections::HashMap;

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::*;
use transcript_ls::ide::actions::{self, ActionKind, FileEdit, WORD_RULES, Wanted, WordsFile};
use transcript_ls::line_index::LineIndex;

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
    // transcript.toml is read only for a finding that may offer to add its
    // word there.
    let words = if touching.iter().any(|f| WORD_RULES.contains(&f.code)) {
        words_file(uri, snap)
    } else {
        None
    };
    actions::plan(
        snap.text(),
        snap.config(),
        &touching,
        |offset| at.line_range(offset),
        wanted,
        words.as_ref(),
    )
    .into_iter()
    .filter_map(|a| {
        let edit = match &a.other_file {
            Some(file) => other_file_edit(file, words.as_ref()?, at.unit)?,
            None => at.workspace_edit(uri, &a.edits),
        };
        Some(CodeActionOrCommand::CodeAction(CodeAction {
            title: a.title,
            kind: Some(match a.kind {
                ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                ActionKind::FixAll => CodeActionKind::new(FIX_ALL),
            }),
            diagnostics: a.finding.map(|f| vec![at.diagnostic(uri, &f)]),
            edit: Some(edit),
            is_preferred: a.preferred,
            ..CodeAction::default()
        }))
    })
    .collect()
}

/// The `transcript.toml` that applies to the document, with its text, or
/// where one would be made: beside the document.
fn words_file(uri: &Uri, snap: &Snapshot) -> Option<WordsFile> {
    if let Some(path) = &snap.config().source {
        let text = std::fs::read_to_string(path).ok()?;
        return Some(WordsFile {
            path: path.clone(),
            text: Some(text),
        });
    }
    let document = uri.to_file_path()?;
    Some(WordsFile {
        path: document.parent()?.join("transcript.toml"),
        text: None,
    })
}

/// The edit of `transcript.toml` as the protocol wants it: made first when
/// it does not exist.
fn other_file_edit(
    file: &FileEdit,
    words: &WordsFile,
    unit: transcript_ls::line_index::ColumnUnit,
) -> Option<WorkspaceEdit> {
    let uri = Uri::from_file_path(&file.path)?;
    let text = words.text.as_deref().unwrap_or("");
    let index = LineIndex::new(text);
    let at = Positions::text(text, &index, unit);
    let edits: Vec<TextEdit> = file.edits.iter().map(|e| at.text_edit(e)).collect();
    if !file.create {
        return Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        });
    }
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![
            DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            })),
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }),
        ])),
        ..WorkspaceEdit::default()
    })
}
