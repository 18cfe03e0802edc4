//! Watching the workspace folders from the server, for a client that does
//! not let the server register file watchers (Neovim on Linux, whose
//! capabilities say so): a changed `transcript.toml` puts the
//! configuration in force again, and a transcript that `include` takes
//! in (any extension it adds) is indexed again when it changes, and leaves
//! the index when it is deleted.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ignore::gitignore::Gitignore;
use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;
use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::{MessageType, Uri};
use transcript_ls::Config;
use transcript_ls::discovery;

use super::{Backend, scan};

impl Backend {
    /// Files changed on disk (`files`: each with whether it is gone), and
    /// a `transcript.toml` when `config_changed`: the index follows them,
    /// and a new configuration is put in force and the workspace indexed
    /// again under it.
    pub(super) fn files_changed(&self, config_changed: bool, files: Vec<(Uri, bool)>) {
        for (uri, gone) in files {
            if gone {
                let mut s = self.lock();
                s.index.remove(uri.as_str());
                s.indexed.remove(uri.as_str());
            } else if !self.lock().documents.contains_key(&uri) {
                scan::reindex_file(&self.state, &uri);
            }
        }
        if config_changed {
            self.relint_open_documents();
            let (roots, progress) = {
                let s = self.lock();
                (s.roots.clone(), s.progress)
            };
            scan::index_workspace(self.client.clone(), self.state.clone(), roots, progress);
        }
    }

    /// Watches the workspace folders from the server, for a client that
    /// does not watch them for it.
    pub(super) fn watch_workspace(&self, roots: Vec<PathBuf>) {
        let backend = self.clone_handle();
        // Watching a folder watches each folder under it, one by one: off
        // the protocol's threads.
        tokio::spawn(async move {
            let shown: Vec<String> = roots.iter().map(|r| r.display().to_string()).collect();
            let acting = backend.clone_handle();
            let act = move |changes: Changes| {
                let uri = |p: &PathBuf| Uri::from_file_path(p);
                let files = (changes.changed.iter())
                    .filter_map(|p| Some((uri(p)?, false)))
                    .chain(changes.gone.iter().filter_map(|p| Some((uri(p)?, true))))
                    .collect();
                acting.files_changed(changes.config, files);
            };
            match tokio::task::spawn_blocking(move || start(roots, act)).await {
                Ok(Ok(watch)) => {
                    let mut s = backend.lock();
                    // Documents opened before it started.
                    for uri in s.documents.keys() {
                        if let Some(path) = uri.to_file_path() {
                            watch.add_folder_of(&path);
                        }
                    }
                    // Kept in the state, which lives as long as the server.
                    s.watcher = Some(watch);
                }
                Ok(Err(e)) => backend.outbox.tell(
                    MessageType::WARNING,
                    &format!(
                        "transcript-ls cannot watch {} for changes ({e}): a transcript.toml \
                         changed there takes effect when the server restarts",
                        shown.join(", ")
                    ),
                ),
                Err(e) => tracing::error!("starting to watch the workspace failed: {e}"),
            }
        });
    }
}

/// What a burst of file events comes to.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// A `transcript.toml` was written, created or deleted.
    pub config: bool,
    /// Transcripts written or created (and still there).
    pub changed: Vec<PathBuf>,
    /// Transcripts deleted or moved away.
    pub gone: Vec<PathBuf>,
}

/// How long events are gathered before they are acted on: an editor's
/// save is several events, and a checkout many.
const SETTLE: Duration = Duration::from_millis(100);

/// The server's own watcher, and the folders it watches.
pub struct Watch {
    watcher: Mutex<notify::RecommendedWatcher>,
    /// Each folder, and whether its subfolders are watched too.
    folders: Arc<Mutex<Vec<(PathBuf, bool)>>>,
}

impl Watch {
    /// Watches the folder of a document opened outside the workspace
    /// folders (or with none: Neovim finds no project root where there is
    /// no `.git` or `transcript.toml`), without its subfolders.
    pub fn add_folder_of(&self, document: &Path) {
        let Some(dir) = document.parent() else {
            return;
        };
        let mut folders = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
        let covered = |(folder, recursive): &(PathBuf, bool)| {
            if *recursive {
                dir.starts_with(folder)
            } else {
                dir == folder
            }
        };
        if folders.iter().any(covered) {
            return;
        }
        let mut watcher = self.watcher.lock().unwrap_or_else(PoisonError::into_inner);
        match watcher.watch(dir, RecursiveMode::NonRecursive) {
            Ok(()) => folders.push((dir.to_path_buf(), false)),
            Err(e) => tracing::warn!("cannot watch {} for changes: {e}", dir.display()),
        }
    }
}

/// Watches `roots` and calls `act` with each burst of changes, on the
/// runtime's tasks, for as long as the server runs. Returns what went
/// wrong when the system refuses to watch (then nothing is watched).
pub fn start(
    roots: Vec<PathBuf>,
    act: impl Fn(Changes) + Send + 'static,
) -> Result<Arc<Watch>, notify::Error> {
    let (tx, mut rx) = mpsc::unbounded_channel::<PathBuf>();
    let mut watcher =
        notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
            Ok(event) => {
                for path in event.paths {
                    let _ = tx.send(path);
                }
            }
            Err(e) => tracing::warn!("watching the workspace: {e}"),
        })?;
    for root in &roots {
        watcher.watch(root, RecursiveMode::Recursive)?;
    }
    let folders = Arc::new(Mutex::new(roots.into_iter().map(|r| (r, true)).collect()));
    let watch = Arc::new(Watch {
        watcher: Mutex::new(watcher),
        folders: folders.clone(),
    });
    tokio::spawn(async move {
        while let Some(first) = rx.recv().await {
            let mut paths = BTreeSet::from([first]);
            tokio::time::sleep(SETTLE).await;
            while let Ok(path) = rx.try_recv() {
                paths.insert(path);
            }
            let folders: Vec<PathBuf> = (folders.lock().unwrap_or_else(PoisonError::into_inner))
                .iter()
                .map(|(f, _)| f.clone())
                .collect();
            match tokio::task::spawn_blocking(move || sort(&folders, paths)).await {
                Ok(changes) if changes != Changes::default() => act(changes),
                Ok(_) => {}
                Err(e) => tracing::error!("reading file events failed: {e}"),
            }
        }
    });
    Ok(watch)
}

/// Sorts the paths events named into what the server acts on: files the
/// index's walk would take in (by the `include` patterns at their folder,
/// not hidden, not ignored by git), and any `transcript.toml`.
fn sort(folders: &[PathBuf], paths: BTreeSet<PathBuf>) -> Changes {
    let mut changes = Changes::default();
    // Read once a burst: a build writing thousands of files makes one.
    let mut rules: HashMap<&Path, (Vec<String>, Gitignore)> = HashMap::new();
    for path in paths {
        if path.file_name().is_some_and(|n| n == "transcript.toml") {
            changes.config = true;
            continue;
        }
        let Some(folder) = folders.iter().find(|f| path.starts_with(f)) else {
            continue;
        };
        let hidden = (path.strip_prefix(folder).into_iter())
            .flat_map(Path::components)
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let (include, ignored) = rules.entry(folder).or_insert_with(|| {
            let include = Config::for_document(&folder.join("-"))
                .map(|c| c.include)
                .unwrap_or_else(|_| Config::default().include);
            (include, Gitignore::new(folder.join(".gitignore")).0)
        });
        if !discovery::included(folder, include, &path)
            || ignored
                .matched_path_or_any_parents(&path, false)
                .is_ignore()
        {
            continue;
        }
        if path.is_file() {
            changes.changed.push(path);
        } else if !path.exists() {
            changes.gone.push(path);
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_keeps_included_transcripts_and_any_transcript_toml() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::write(root.join("transcript.toml"), "include = [\"*.txt\"]\n").unwrap();
        std::fs::write(root.join(".gitignore"), "build/\n").unwrap();
        for folder in ["notes", "build", ".cache"] {
            std::fs::create_dir(root.join(folder)).unwrap();
        }
        let written = ["notes/a.txt", "build/b.txt", ".cache/c.txt", "notes/d.md"];
        for file in written {
            std::fs::write(root.join(file), "x").unwrap();
        }
        let mut paths: BTreeSet<PathBuf> = written.iter().map(|f| root.join(f)).collect();
        paths.insert(root.join("notes/gone.txt"));
        paths.insert(PathBuf::from("/nowhere/e.txt"));
        let changes = sort(std::slice::from_ref(&root), paths.clone());
        assert_eq!(
            changes,
            Changes {
                config: false,
                changed: vec![root.join("notes/a.txt")],
                gone: vec![root.join("notes/gone.txt")],
            }
        );
        paths.insert(root.join("sub/transcript.toml"));
        assert!(sort(&[root], paths).config);
    }
}
