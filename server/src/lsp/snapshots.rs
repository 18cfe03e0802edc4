//! Snapshots: the analysis of one document version, computed off the
//! protocol thread and kept until the document changes; reading a
//! document afresh; and the diagnostics snapshots publish.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp_server::lsp_types::{Diagnostic, Uri};
use transcript_ls::Document;
use transcript_ls::ide::limit::Limit;
use transcript_ls::line_index::ColumnUnit;

use super::containment::panic_message;
use super::convert::Positions;
use super::documents::{Analysed, Snapshot};
use super::publish::{file_name, note_diagnostic};
use super::transport::Outbox;
use super::{State, lock};

/// Reads `text` (generation `generation` of the document at `uri`) into a
/// sectioned document off the protocol thread, then applies the edits made
/// meanwhile. Returns whether the document is ready, or what a panic while
/// reading it said (the document is then marked failed until its next
/// change).
pub async fn read(
    state: &Arc<Mutex<State>>,
    uri: &Uri,
    text: String,
    generation: u64,
) -> Result<bool, String> {
    let (configs, overrides, epoch) = {
        let s = lock(state);
        (s.configs.clone(), s.overrides.clone(), s.config_epoch)
    };
    let uri_for_config = uri.clone();
    let read = tokio::task::spawn_blocking(move || {
        Document::new(&text, configs.for_document(&uri_for_config, &overrides))
    })
    .await;
    let mut s = lock(state);
    // The configuration changed while the text was read: the one in force
    // now, not the one it was read under.
    let changed = (s.config_epoch != epoch).then(|| s.configs.for_document(uri, &s.overrides));
    let Some(open) = s.documents.get_mut(uri) else {
        return Ok(false);
    };
    if open.generation != generation {
        return Ok(false); // read again since
    }
    let doc = match read {
        Ok(doc) => doc,
        Err(e) => {
            let message = failure(e);
            open.failed = Some(message.clone());
            return Err(message);
        }
    };
    let mut doc = doc;
    if let Some(config) = changed {
        doc.set_config(config);
    }
    if let Analysed::Reading(pending) = &mut open.analysed {
        for (range, text) in pending.drain(..) {
            doc.edit(range, &text);
        }
    }
    open.analysed = Analysed::Ready(Box::new(doc));
    Ok(true)
}

/// What a blocking task's failure said.
fn failure(e: tokio::task::JoinError) -> String {
    match e.try_into_panic() {
        Ok(panic) => panic_message(&*panic),
        Err(e) => e.to_string(),
    }
}

/// The snapshot of the document's current text (of revision `want`, when
/// given: nothing if the document has moved on), computing it if needed;
/// what a panic said if reading or analysing the document panicked.
pub async fn current(
    state: &Arc<Mutex<State>>,
    uri: &Uri,
    want: Option<u64>,
) -> Result<Option<Arc<Snapshot>>, String> {
    let (view, version, revision) = loop {
        {
            let s = lock(state);
            let Some(doc) = s.documents.get(uri) else {
                return Ok(None);
            };
            if want.is_some_and(|r| r != doc.revision) || s.shutting_down {
                return Ok(None);
            }
            if let Some(snap) = &doc.snapshot
                && snap.revision == doc.revision
            {
                return Ok(Some(snap.clone()));
            }
            match &doc.analysed {
                Analysed::Ready(d) => break (d.view(), doc.version, doc.revision),
                Analysed::Reading(_) => {
                    if let Some(message) = &doc.failed {
                        return Err(message.clone());
                    }
                }
            }
        }
        // Still being read: the first analysis follows shortly.
        tokio::time::sleep(Duration::from_millis(2)).await;
    };
    let for_edition = uri.clone();
    let snapshot = tokio::task::spawn_blocking(move || {
        Arc::new(Snapshot::new(version, revision, view).compared(&for_edition))
    })
    .await
    .map_err(failure)?;
    let mut s = lock(state);
    let Some(doc) = s.documents.get_mut(uri) else {
        return Ok(None);
    };
    // Analysed under the configuration now in force (not one replaced
    // while it ran)?
    let current_config = match &doc.analysed {
        Analysed::Ready(d) => Some(d.config().clone()),
        Analysed::Reading(_) => None,
    };
    let fresh = |snap: &Snapshot| {
        snap.revision == doc.revision
            && current_config
                .as_ref()
                .is_some_and(|c| Arc::ptr_eq(c, snap.config()))
    };
    if !fresh(&snapshot) {
        // Typed over or reconfigured while analysing: a newer analysis is
        // on its way.
        return Ok(want.is_none().then_some(snapshot));
    }
    // Another handler may have analysed the same version meanwhile: keep
    // the one stored first, so its id (a pulled report's) stays.
    if let Some(stored) = &doc.snapshot
        && fresh(stored)
    {
        return Ok(Some(stored.clone()));
    }
    doc.snapshot = Some(snapshot.clone());
    doc.index_stale = true;
    Ok(Some(snapshot))
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
    let (mut published, unit, max, generation) = {
        let mut s = lock(state);
        let (unit, max) = (s.unit, s.max_diagnostics);
        let Some(doc) = s.documents.get_mut(uri) else {
            return;
        };
        (
            std::mem::take(&mut doc.published),
            unit,
            max,
            doc.generation,
        )
    };
    let for_message = uri.clone();
    let Ok((published, message)) = tokio::task::spawn_blocking(move || {
        let at = Positions::of(&snapshot, unit);
        let message = published.message(&for_message, &snapshot, &at, max);
        (published, message)
    })
    .await
    else {
        return;
    };
    let mut s = lock(state);
    if s.shutting_down {
        return;
    }
    let pull = s.pull;
    // Not if the document was closed, or opened again or replaced whole
    // (a reading of its new text follows), nor once the client pulls it.
    if let Some(doc) = s.documents.get_mut(uri)
        && doc.generation == generation
        && !(pull && doc.pulled)
    {
        doc.published = published;
        doc.pushed = true;
        doc.pushed_at = Some(std::time::Instant::now());
        // Under the lock, so a closing's empty publication comes after.
        outbox.send(message);
    }
}

/// The diagnostics of a snapshot, at most `max` findings (0: all) after
/// the note of how many more there are (see [`Limit`]).
pub fn diagnostics(uri: &Uri, snap: &Snapshot, unit: ColumnUnit, max: usize) -> Vec<Diagnostic> {
    let at = Positions::of(snap, unit);
    let findings = snap.findings();
    let mut limit = Limit::of(findings.iter().map(|f| f.severity), max);
    let note = limit.note(&file_name(uri)).map(note_diagnostic);
    let kept = findings.iter().filter(|f| limit.admits(f.severity));
    note.into_iter()
        .chain(kept.map(|f| at.diagnostic(uri, f)))
        .collect()
}
