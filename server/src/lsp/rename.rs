//! Renaming a speaker across the workspace: the document where it is
//! asked, every other open document that has the speaker (from its latest
//! snapshot), and every indexed file that has them (read again from the
//! text the index keeps).

use std::collections::{BTreeSet, HashMap};

use tower_lsp_server::UriExt;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::lsp_types::{RenameParams, TextEdit, Uri, WorkspaceEdit};
use transcript_ls::ide::rename::{Renaming, rename_edits, renaming};
use transcript_ls::{Config, analyze_text};

use super::Backend;
use super::convert::Positions;

// lsp-types keys the edits by `Uri`, whose lazily cached parse is what
// clippy calls interior mutability; the keys are never changed.
#[allow(clippy::mutable_key_type)]
pub async fn rename(backend: &Backend, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let uri = params.text_document_position.text_document.uri;
    let Some(snap) = backend.snapshot(&uri).await? else {
        return Ok(None);
    };
    let unit = backend.lock().unit;
    let at = Positions::of(&snap, unit);
    let offset = at.offset(params.text_document_position.position);
    let model = &snap.analysis().model;
    let Some(plan) = renaming(model, snap.text(), offset, &params.new_name) else {
        return Ok(None);
    };
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    let edits = rename_edits(model, snap.text(), &plan);
    changes.insert(uri.clone(), edits.iter().map(|e| at.text_edit(e)).collect());
    for (other, edits) in elsewhere(backend, &uri, &plan, unit).await {
        if !edits.is_empty() {
            changes.insert(other, edits);
        }
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}

/// The edits in every other document of the workspace that has the
/// speaker.
async fn elsewhere(
    backend: &Backend,
    uri: &Uri,
    plan: &Renaming,
    unit: transcript_ls::line_index::ColumnUnit,
) -> Vec<(Uri, Vec<TextEdit>)> {
    backend.refresh_index();
    let documents: BTreeSet<String> = (backend.lock().index.turns_of(&plan.key).into_iter())
        .map(|l| l.document.to_string())
        .filter(|d| d != uri.as_str())
        .collect();
    let mut out = Vec::new();
    for document in documents {
        let open = (backend.lock().documents.keys())
            .find(|u| u.as_str() == document)
            .cloned();
        if let Some(other) = open {
            if let Ok(Some(snap)) = backend.snapshot(&other).await {
                let at = Positions::of(&snap, unit);
                let edits = rename_edits(&snap.analysis().model, snap.text(), plan);
                out.push((other, edits.iter().map(|e| at.text_edit(e)).collect()));
            }
            continue;
        }
        let Some((other, text, index)) = backend.lock().indexed.get(&document).cloned() else {
            continue;
        };
        let config = (other.to_file_path())
            .and_then(|p| Config::for_document(&p).ok())
            .unwrap_or_default();
        let plan = plan.clone();
        let read = text.clone();
        let Ok(edits) = tokio::task::spawn_blocking(move || {
            rename_edits(&analyze_text(&read, &config).model, &read, &plan)
        })
        .await
        else {
            continue;
        };
        let at = Positions::text(&text, &index, unit);
        out.push((other, edits.iter().map(|e| at.text_edit(e)).collect()));
    }
    out
}
