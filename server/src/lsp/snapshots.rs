//! Snapshots: the analysis of one document version, computed off the
//! protocol thread and kept until the document changes; reading a
//! document afresh; and the diagnostics snapshots publish.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::{Diagnostic, Uri};
use transcript_ls::config::RuleSetting;
use transcript_ls::line_index::ColumnUnit;
use transcript_ls::{Config, Document};

use super::State;
use super::convert::Positions;
use super::documents::{Analysed, Snapshot};
use super::transport::Outbox;

/// The configuration of the document at `uri`: its transcript.toml, with
/// the client's settings over it.
pub fn config_for(uri: &Uri, overrides: &[(&'static str, RuleSetting)]) -> Arc<Config> {
    let path = uri.to_file_path().map(|p| p.into_owned());
    let mut config = path
        .as_deref()
        .and_then(|p| Config::for_document(p).ok())
        .unwrap_or_default();
    for (code, setting) in overrides {
        config.set(code, *setting);
    }
    Arc::new(config)
}

/// Reads `text` (generation `generation` of the document at `uri`) into a
/// sectioned document off the protocol thread, then applies the edits made
/// meanwhile. Returns whether the document is ready.
pub async fn read(state: &Arc<Mutex<State>>, uri: &Uri, text: String, generation: u64) -> bool {
    let overrides = state.lock().expect("state").overrides.clone();
    let uri_for_config = uri.clone();
    let Ok(doc) = tokio::task::spawn_blocking(move || {
        Document::new(&text, config_for(&uri_for_config, &overrides))
    })
    .await
    else {
        return false;
    };
    let mut s = state.lock().expect("state");
    let Some(open) = s.documents.get_mut(uri) else {
        return false;
    };
    if open.generation != generation {
        return false; // read again since
    }
    let mut doc = doc;
    if let Analysed::Reading(pending) = &mut open.analysed {
        for (range, text) in pending.drain(..) {
            doc.edit(range, &text);
        }
    }
    open.analysed = Analysed::Ready(doc);
    true
}

/// The snapshot of the document's current version (of `want`, when given:
/// nothing if the document has moved on), computing it if needed.
pub async fn current(
    state: &Arc<Mutex<State>>,
    uri: &Uri,
    want: Option<i32>,
) -> Option<Arc<Snapshot>> {
    let (view, version) = loop {
        {
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
            if let Analysed::Ready(d) = &doc.analysed {
                break (d.view(), doc.version);
            }
        }
        // Still being read: the first analysis follows shortly.
        tokio::time::sleep(Duration::from_millis(2)).await;
    };
    let snapshot = tokio::task::spawn_blocking(move || Arc::new(Snapshot::new(version, view)))
        .await
        .ok()?;
    let mut s = state.lock().expect("state");
    let doc = s.documents.get_mut(uri)?;
    // Analysed under the configuration now in force (not one replaced
    // while it ran)?
    let current_config = match &doc.analysed {
        Analysed::Ready(d) => Some(d.config().clone()),
        Analysed::Reading(_) => None,
    };
    let fresh = |snap: &Snapshot| {
        snap.version == doc.version
            && current_config
                .as_ref()
                .is_some_and(|c| Arc::ptr_eq(c, snap.config()))
    };
    if !fresh(&snapshot) {
        // Typed over or reconfigured while analysing: a newer analysis is
        // on its way.
        return want.is_none().then_some(snapshot);
    }
    // Another handler may have analysed the same version meanwhile: keep
    // the one stored first, so its id (a pulled report's) stays.
    if let Some(stored) = &doc.snapshot
        && fresh(stored)
    {
        return Some(stored.clone());
    }
    doc.snapshot = Some(snapshot.clone());
    doc.index_stale = true;
    Some(snapshot)
}

/// Publishes the diagnostics of `snapshot` of the document at `uri`
/// (serialised off the protocol thread, only where they changed since the
/// last publication), unless the document was closed, opened again or
/// replaced whole meanwhile.
pub async fn publish(
    state: &Arc<Mutex<State>>,
    outbox: &Outbox,
    uri: &Uri,
    snapshot: Arc<Snapshot>,
) {
    let (mut published, unit, generation) = {
        let mut s = state.lock().expect("state");
        let unit = s.unit;
        let Some(doc) = s.documents.get_mut(uri) else {
            return;
        };
        (std::mem::take(&mut doc.published), unit, doc.generation)
    };
    let for_message = uri.clone();
    let Ok((published, message)) = tokio::task::spawn_blocking(move || {
        let at = Positions::of(&snapshot, unit);
        let message = published.message(&for_message, &snapshot, &at);
        (published, message)
    })
    .await
    else {
        return;
    };
    let mut s = state.lock().expect("state");
    // Not if the document was closed, or opened again or replaced whole
    // (a reading of its new text follows).
    if let Some(doc) = s.documents.get_mut(uri)
        && doc.generation == generation
    {
        doc.published = published;
        // Under the lock, so a closing's empty publication comes after.
        outbox.send(message);
    }
}

pub fn diagnostics(uri: &Uri, snap: &Snapshot, unit: ColumnUnit) -> Vec<Diagnostic> {
    let at = Positions::of(snap, unit);
    snap.findings()
        .iter()
        .map(|f| at.diagnostic(uri, f))
        .collect()
}
