//! Indexing the workspace: at start-up, in the background, every transcript
//! under the workspace folders (as `lint` would find them), with progress
//! reported to the client, giving way to the open documents' analyses;
//! and a closed document's file again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tower_lsp_server::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp_server::lsp_types::{NumberOrString, Uri, WorkDoneProgressCreateParams};
use tower_lsp_server::{Client, UriExt};
use transcript_ls::Config;
use transcript_ls::analysis::analyze_text;
use transcript_ls::line_index::LineIndex;

use super::State;
use super::documents::Analysed;
use transcript_ls::discovery::{self as files, Input};

pub fn index_workspace(
    client: Client,
    state: Arc<Mutex<State>>,
    roots: Vec<PathBuf>,
    progress: bool,
) {
    tokio::spawn(async move {
        // Editors open the documents they show right after `initialized`:
        // those are read first, not behind a file of the index already
        // being read.
        tokio::time::sleep(START_DELAY).await;
        let found = tokio::task::spawn_blocking(move || {
            // A broken transcript.toml is reported when a document under it
            // is opened; the walk takes the default patterns meanwhile.
            let include = |dir: &Path| {
                Config::for_document(&dir.join("-"))
                    .map(|c| c.include)
                    .unwrap_or_else(|_| Config::default().include)
            };
            files::collect(&roots, &include).0
        })
        .await;
        let found = match found {
            Ok(found) => found,
            Err(e) => {
                tracing::error!("indexing the workspace failed: {e}");
                return;
            }
        };
        let paths: Vec<PathBuf> = found
            .into_iter()
            .filter_map(|i| {
                if let Input::File(p) = i {
                    Some(p)
                } else {
                    None
                }
            })
            .collect();
        if paths.is_empty() {
            return;
        }
        let token = NumberOrString::String("transcript-ls/index".into());
        let mut ongoing = None;
        if progress
            && client
                .send_request::<WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                    token: token.clone(),
                })
                .await
                .is_ok()
        {
            ongoing = Some(
                client
                    .progress(token, "Indexing transcripts")
                    .with_percentage(0)
                    .begin()
                    .await,
            );
        }
        let total = paths.len();
        for (i, path) in paths.into_iter().enumerate() {
            // Open documents come first: the index waits while one is read
            // or analysed (a while at most, so that it gets done).
            let waiting = std::time::Instant::now();
            while editor_busy(&state) && waiting.elapsed() < MAX_WAIT {
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
            let state = state.clone();
            let shown = path.display().to_string();
            // On a thread of its own, at a low priority: where the open
            // documents' analyses want every core, they get them.
            let (done, finished) = tokio::sync::oneshot::channel();
            std::thread::spawn(move || {
                lower_priority();
                let indexed = std::panic::catch_unwind(|| index_file(&state, &path));
                let _ = done.send(indexed.is_ok());
            });
            if !finished.await.unwrap_or(false) {
                tracing::error!("indexing {shown} failed");
            }
            if let Some(p) = &ongoing {
                let percentage = ((i + 1) * 100 / total) as u32;
                p.report_with_message(format!("{}/{total}", i + 1), percentage)
                    .await;
            }
        }
        if let Some(p) = ongoing {
            p.finish_with_message(format!("{total} transcripts indexed"))
                .await;
        }
    });
}

/// How long after start-up the index begins.
const START_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// The longest the index waits for the open documents before each file.
const MAX_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Lowers the calling thread's scheduling priority (Linux, where a nice
/// value is per thread; elsewhere nothing).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority has no memory-safety preconditions; on Linux,
    // `who = 0` names the calling thread only.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Whether an open document is being read or analysed.
fn editor_busy(state: &Mutex<State>) -> bool {
    super::lock(state)
        .documents
        .values()
        .any(|d| d.analysing || (matches!(d.analysed, Analysed::Reading(_)) && d.failed.is_none()))
}

/// Indexes the file behind `uri` again (after it was closed).
pub fn reindex_file(state: &Arc<Mutex<State>>, uri: &Uri) {
    if let Some(path) = uri.to_file_path()
        && path.is_file()
    {
        index_file(state, &path);
    }
}

fn index_file(state: &Arc<Mutex<State>>, path: &Path) {
    let Some(uri) = Uri::from_file_path(path) else {
        return;
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::info!("cannot index {}: {e}", path.display());
            return;
        }
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let config = Config::for_document(path).unwrap_or_default();
    let analysis = analyze_text(&text, &config);
    let index = Arc::new(LineIndex::new(&text));
    let mut s = super::lock(state);
    if s.documents.contains_key(&uri) {
        return; // the editor's text wins
    }
    let key = uri.as_str().to_string();
    s.index.update(&key, &analysis, &config);
    s.indexed.insert(key, (uri, text.into(), index));
}
