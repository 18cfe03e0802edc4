//! Snapshots: the analysis of one document version, computed off the
//! protocol thread and kept until the document changes; and the
//! diagnostics they publish.

use std::sync::{Arc, Mutex};

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::{Diagnostic, Uri};
use transcript_ls::analysis::analyze_text;
use transcript_ls::line_index::{ColumnUnit, LineIndex};
use transcript_ls::{Config, syntax};

use super::State;
use super::convert::Positions;
use super::documents::Snapshot;

/// The snapshot of the document's current version (of `want`, when given:
/// nothing if the document has moved on), computing it if needed.
pub async fn current(
    state: &Arc<Mutex<State>>,
    uri: &Uri,
    want: Option<i32>,
) -> Option<Arc<Snapshot>> {
    let (text, tree, version, overrides) = {
        let s = state.lock().expect("state");
        let doc = s.documents.get(uri)?;
        if want.is_some_and(|v| v != doc.version) {
            return None;
        }
        if let Some(snap) = &doc.snapshot
            && snap.version == doc.version
        {
            return Some(snap.clone());
        }
        (
            doc.rope.to_string(),
            doc.tree.clone(),
            doc.version,
            s.overrides.clone(),
        )
    };
    let path = uri.to_file_path().map(|p| p.into_owned());
    let snapshot = tokio::task::spawn_blocking(move || {
        let mut config = path
            .as_deref()
            .and_then(|p| Config::for_document(p).ok())
            .unwrap_or_default();
        for (code, setting) in overrides {
            config.set(code, setting);
        }
        let tree = match &tree {
            Some(old) => syntax::reparse(&text, old),
            None => syntax::parse(&text),
        };
        let analysis = analyze_text(&text, &config);
        let index = LineIndex::new(&text);
        Arc::new(Snapshot {
            version,
            text: text.into(),
            index,
            tree,
            analysis,
            config: Arc::new(config),
        })
    })
    .await
    .ok()?;
    let mut s = state.lock().expect("state");
    let doc = s.documents.get_mut(uri)?;
    if doc.version != version {
        // Typed over while analysing: a newer analysis is on its way.
        return want.is_none().then_some(snapshot);
    }
    doc.tree = Some(snapshot.tree.clone());
    doc.snapshot = Some(snapshot.clone());
    let key = uri.as_str().to_string();
    s.index.update(&key, &snapshot.analysis, &snapshot.config);
    Some(snapshot)
}

pub fn diagnostics(uri: &Uri, snap: &Snapshot, unit: ColumnUnit) -> Vec<Diagnostic> {
    let at = Positions::of(snap, unit);
    snap.analysis
        .findings
        .iter()
        .map(|f| at.diagnostic(uri, f))
        .collect()
}
