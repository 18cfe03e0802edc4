//! The language server: LSP over stdio. It translates between the protocol
//! and the analysis; every answer comes from a [`Snapshot`] of one document
//! version.
//!
//! Concurrency: the framework runs handlers concurrently, so every text
//! change is applied synchronously, before the handler's first `.await`,
//! which keeps changes in arrival order: to the rope, and to the sectioned
//! document (which re-reads only the sections an edit touches). Analyses
//! run on blocking threads against a snapshot of the sections; a result for
//! a version that is no longer current is dropped. While one analysis of a
//! document runs, edits only mark it dirty, and one more analysis follows
//! for the newest version, after a pause as long as the last analysis took:
//! the first edit after a pause is analysed at once, and a burst of typing
//! on a costly document makes few publications. Diagnostics are published
//! past the framework (see [`publish`]): each section's are serialised once
//! and copied while they stay the same. A client that pulls, and can be
//! asked to pull again, gets them on request; the documents it does not
//! pull (opened in the background) are pushed until it does. A client that
//! cannot be asked to pull again is pushed to, as one that does not pull.

mod actions;
mod client;
mod configs;
mod containment;
mod convert;
mod docs;
mod documents;
mod editions;
mod log;
mod memory;
mod outline;
mod publish;
mod push;
mod rename;
mod scan;
mod semantic;
mod snapshots;
mod transport;
mod watch;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server, UriExt};
use transcript_ls::config::RuleSetting;
use transcript_ls::ide::{self, navigation};
use transcript_ls::line_index::{ColumnUnit, LineIndex};
use transcript_ls::workspace::WorkspaceIndex;

use self::containment::Contained;
use self::convert::Positions;
use self::documents::{Analysed, OpenDocument, Snapshot};
use self::transport::{Offered, Outbox};

pub use self::log::start_log;
pub use self::memory::limit_arenas;

/// The longest pause between analyses of a document typed over while it
/// was analysed.
const MAX_PAUSE: Duration = Duration::from_millis(200);

/// The command that answers a document's speaker statistics
/// (`workspace/executeCommand`, with the document's URI as its argument).
pub const STATISTICS: &str = "transcript.speakerStatistics";

/// The command that names a document's other edition (its URI, or null
/// when it declares none or it cannot be read), for an editor's diff view.
pub const OTHER_EDITION: &str = "transcript.otherEdition";

/// The code action kind of "fix all safe".
const FIX_ALL: &str = "source.fixAll.transcript";

/// Serves LSP on standard input and output until the client says `exit`
/// (or closes the input). Returns false when the client said `exit`
/// without asking for `shutdown` first, as the protocol wants it to.
pub async fn serve() -> bool {
    let wire = transport::guard(tokio::io::stdin(), transport::StdoutThread::start());
    let (outbox, offered) = (wire.outbox, wire.offered);
    let shut_down = Arc::new(AtomicBool::new(false));
    let exit = Arc::new(AtomicBool::new(false));
    let (service, socket) =
        LspService::new(|client| Backend::new(client, outbox.clone(), offered, shut_down.clone()));
    Server::new(wire.input, wire.output, socket)
        .serve(Contained::new(service, outbox, exit.clone()))
        .await;
    shut_down.load(Ordering::SeqCst) || !exit.load(Ordering::SeqCst)
}

/// The server's state, even after a handler panicked while holding it:
/// every change to it is made in one step under the lock, so what a panic
/// leaves is a state the server can go on with.
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the server knows, shared by all handlers.
struct State {
    unit: ColumnUnit,
    /// The client pulls diagnostics (`textDocument/diagnostic`), so they are
    /// not pushed.
    pull: bool,
    /// The client can be asked to pull diagnostics again.
    refresh: bool,
    progress: bool,
    roots: Vec<PathBuf>,
    documents: HashMap<Uri, OpenDocument>,
    index: WorkspaceIndex,
    /// The text of every indexed document that is not open, to turn its
    /// byte ranges into positions.
    indexed: HashMap<String, (Uri, Arc<str>, Arc<LineIndex>)>,
    /// Rule settings from the client (`transcript.rules`), over each
    /// document's transcript.toml.
    overrides: Vec<(&'static str, RuleSetting)>,
    /// The most findings one document's diagnostics carry
    /// (`transcript.maxDiagnostics`; 0: all).
    max_diagnostics: usize,
    /// The client lets the server register file watchers.
    watch: bool,
    /// The server's own watcher, when the client does not watch.
    watcher: Option<Arc<watch::Watch>>,
    /// Counts readings of documents from scratch.
    generations: u64,
    /// The configuration files read, and what is wrong with them.
    configs: Arc<configs::Configs>,
    /// Counts changes of configuration (settings or a transcript.toml): a
    /// document read under an older one takes the current one when its
    /// reading ends.
    config_epoch: u64,
    /// The client asked for `shutdown`: no more analyses or publications.
    shutting_down: bool,
}

pub struct Backend {
    client: Client,
    /// Where diagnostics are published, past the framework.
    outbox: Outbox,
    offered: Offered,
    state: Arc<Mutex<State>>,
    /// Set by `shutdown`, read when the server exits.
    shut_down: Arc<AtomicBool>,
}

impl Backend {
    fn new(
        client: Client,
        outbox: Outbox,
        offered: Offered,
        shut_down: Arc<AtomicBool>,
    ) -> Backend {
        let state = State {
            unit: ColumnUnit::Utf16,
            pull: false,
            refresh: false,
            progress: false,
            roots: Vec::new(),
            documents: HashMap::new(),
            index: WorkspaceIndex::new(),
            indexed: HashMap::new(),
            overrides: Vec::new(),
            max_diagnostics: ide::limit::DEFAULT_MAX,
            watch: false,
            watcher: None,
            generations: 0,
            configs: Arc::new(configs::Configs::new(outbox.clone())),
            config_epoch: 0,
            shutting_down: false,
        };
        Backend {
            client,
            outbox,
            offered,
            state: Arc::new(Mutex::new(state)),
            shut_down,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    /// Analyses `uri` and publishes its diagnostics (unless the client
    /// pulls them); if an analysis of it is already under way, marks it
    /// dirty so that one more follows for the newest version.
    fn schedule(&self, uri: Uri) {
        {
            let mut s = self.lock();
            let Some(doc) = s.documents.get_mut(&uri) else {
                return;
            };
            if doc.analysing {
                doc.dirty = true;
                return;
            }
            doc.analysing = true;
        }
        let state = self.state.clone();
        let outbox = self.outbox.clone();
        tokio::spawn(async move {
            loop {
                let revision = {
                    let mut s = lock(&state);
                    let Some(doc) = s.documents.get_mut(&uri) else {
                        return;
                    };
                    doc.dirty = false;
                    doc.revision
                };
                let started = Instant::now();
                match snapshots::current(&state, &uri, Some(revision)).await {
                    Ok(Some(snapshot)) => {
                        if push::ready(&state, &uri, revision, snapshot.view.len()).await {
                            snapshots::publish(&state, &outbox, &uri, snapshot).await;
                        }
                    }
                    Ok(None) => {}
                    Err(message) => {
                        outbox.tell(MessageType::ERROR, &analysis_failed(&uri, &message))
                    }
                }
                {
                    let mut s = lock(&state);
                    let shutting_down = s.shutting_down;
                    let Some(doc) = s.documents.get_mut(&uri) else {
                        return;
                    };
                    if !doc.dirty || shutting_down {
                        doc.analysing = false;
                        return;
                    }
                }
                // Typed over while analysing: before going round, wait as
                // long as that analysis took (at most a fifth of a second),
                // so that on a document whose analysis or diagnostics are
                // costly a burst of typing makes few publications. The
                // first edit after a pause is analysed at once.
                tokio::time::sleep(started.elapsed().min(MAX_PAUSE)).await;
            }
        });
    }

    /// Reads `text` afresh as the document at `uri` (opened, or its text
    /// replaced), then analyses it.
    fn read(&self, uri: Uri, text: String, generation: u64) {
        let state = self.state.clone();
        let backend = self.clone_handle();
        tokio::spawn(async move {
            match snapshots::read(&state, &uri, text, generation).await {
                Ok(true) => backend.schedule(uri),
                Ok(false) => {}
                Err(message) => backend
                    .outbox
                    .tell(MessageType::ERROR, &analysis_failed(&uri, &message)),
            }
        });
    }

    fn clone_handle(&self) -> Backend {
        Backend {
            client: self.client.clone(),
            outbox: self.outbox.clone(),
            offered: self.offered.clone(),
            state: self.state.clone(),
            shut_down: self.shut_down.clone(),
        }
    }

    /// Brings the workspace index up to date with the open documents'
    /// latest snapshots (their models are put together only now).
    fn refresh_index(&self) {
        let stale: Vec<(String, Arc<Snapshot>)> = {
            let mut s = self.lock();
            s.documents
                .iter_mut()
                .filter(|(_, d)| d.index_stale)
                .filter_map(|(uri, d)| {
                    let snap = d.snapshot.clone()?;
                    d.index_stale = false;
                    Some((uri.as_str().to_string(), snap))
                })
                .collect()
        };
        for (key, snap) in stale {
            let analysis = snap.analysis();
            self.lock().index.update(&key, analysis, snap.config());
        }
    }

    /// The snapshot of the document's current text, or an internal error
    /// saying why there is none (its reading or analysis panicked).
    async fn snapshot(&self, uri: &Uri) -> Result<Option<Arc<Snapshot>>> {
        snapshots::current(&self.state, uri, None)
            .await
            .map_err(|message| Error {
                code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
                message: analysis_failed(uri, &message).into(),
                data: None,
            })
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let mut offers = client::offers(&params);
        let refresh = offers.refresh || self.offered.diagnostic_refresh();
        // A client that pulls but cannot be asked to pull again (Neovim)
        // would keep stale diagnostics when a setting changes: it is
        // pushed to instead, as a client that does not pull.
        offers.pull &= refresh;
        let answer = client::capabilities(&offers);
        let mut s = self.lock();
        s.unit = if offers.utf8 {
            ColumnUnit::Utf8
        } else {
            ColumnUnit::Utf16
        };
        s.pull = offers.pull;
        s.refresh = refresh;
        s.progress = offers.progress;
        s.watch = offers.watch;
        s.roots = offers.roots;
        Ok(answer)
    }
    async fn initialized(&self, _: InitializedParams) {
        let (roots, progress, watch) = {
            let s = self.lock();
            (s.roots.clone(), s.progress, s.watch)
        };
        if watch {
            // The patterns of the transcript.toml at each root when the
            // server starts (a later change to them is not registered).
            let mut include: Vec<String> = Vec::new();
            for root in &roots {
                let config = transcript_ls::Config::for_document(&root.join("-"));
                for pattern in config.map(|c| c.include).unwrap_or_default() {
                    if !include.contains(&pattern) {
                        include.push(pattern);
                    }
                }
            }
            if include.is_empty() {
                include = transcript_ls::Config::default().include;
            }
            if let Err(e) = self
                .client
                .register_capability(vec![client::watchers(&include)])
                .await
            {
                tracing::warn!(
                    "the client refused to watch transcript files ({e}): watching them here"
                );
                self.watch_workspace(roots.clone());
            }
        } else {
            self.watch_workspace(roots.clone());
        }
        scan::index_workspace(self.client.clone(), self.state.clone(), roots, progress);
    }

    async fn shutdown(&self) -> Result<()> {
        // Analyses under way are abandoned: their results are neither
        // kept nor published.
        self.lock().shutting_down = true;
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let (generation, watcher) = {
            let mut s = self.lock();
            s.generations += 1;
            let generation = s.generations;
            s.indexed.remove(doc.uri.as_str());
            s.documents.insert(
                doc.uri.clone(),
                OpenDocument::new(&doc.text, doc.version, generation),
            );
            (generation, s.watcher.clone())
        };
        // A transcript.toml beside a document outside the workspace
        // folders takes effect too.
        if let Some(watch) = watcher
            && let Some(path) = doc.uri.to_file_path()
        {
            watch.add_folder_of(&path);
        }
        self.read(doc.uri, doc.text, generation);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // Applied before any await: see the module comment.
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let replaced = {
            let mut s = self.lock();
            let unit = s.unit;
            s.generations += 1;
            let next = s.generations;
            let Some(doc) = s.documents.get_mut(&uri) else {
                tracing::warn!("a change to {}, which is not open: ignored", uri.as_str());
                return;
            };
            let before = doc.generation;
            let mut replaced = doc.change(version, params.content_changes, unit);
            let failed = doc.failed.take();
            if replaced.is_none() && failed.is_some() {
                // Its reading panicked: read the new text afresh.
                doc.analysed = Analysed::Reading(Vec::new());
                doc.generation += 1;
                replaced = Some(doc.rope.to_string());
            }
            if doc.generation != before {
                doc.generation = next;
            }
            replaced.map(|text| (text, doc.generation))
        };
        match replaced {
            Some((text, generation)) => self.read(uri, text, generation),
            None => self.schedule(uri),
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut s = self.lock();
            let pushed = s.documents.remove(&uri).is_some_and(|d| d.pushed);
            s.index.remove(uri.as_str());
            if !s.pull || pushed {
                self.outbox.notify(
                    <notification::PublishDiagnostics as notification::Notification>::METHOD,
                    &PublishDiagnosticsParams::new(uri.clone(), Vec::new(), None),
                );
            }
        }
        scan::reindex_file(&self.state, &uri);
        // The closed document's memory back to the system, off the
        // protocol thread.
        tokio::task::spawn_blocking(memory::release);
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        self.pulled(&uri);
        let Some(snap) = self.snapshot(&uri).await? else {
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport::default()),
            ));
        };
        // The client has these diagnostics already: say so, not them again.
        let result_id = snap.id.to_string();
        if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                }),
            ));
        }
        let (unit, max) = {
            let s = self.lock();
            (s.unit, s.max_diagnostics)
        };
        let items = snapshots::diagnostics(&uri, &snap, unit, max);
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(result_id),
                    items,
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await? else {
            return Ok(None);
        };
        let unit = self.lock().unit;
        let at = Positions::of(&snap, unit);
        let only = params.context.only.unwrap_or_default();
        // "Fix all" runs the whole analysis again, pass after pass: not for
        // the light bulb an editor asks about at every cursor move.
        let fix_all = !only.is_empty()
            || params.context.trigger_kind != Some(CodeActionTriggerKind::AUTOMATIC);
        Ok(Some(actions::code_actions(
            &uri,
            &snap,
            &at,
            params.range,
            &only,
            fix_all,
        )))
    }
    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await? else {
            return Ok(None);
        };
        let unit = self.lock().unit;
        let at = Positions::of(&snap, unit);
        Ok(Some(DocumentSymbolResponse::Nested(
            outline::document_symbols(&snap, &at),
        )))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await? else {
            return Ok(None);
        };
        let unit = self.lock().unit;
        let at = Positions::of(&snap, unit);
        let offset = at.offset(params.text_document_position_params.position);
        let touching = snap.findings_touching(offset, offset + 1);
        let answer = ide::hover::hover(&snap.analysis().model, snap.config(), &touching, offset);
        Ok(answer.map(|(text, range)| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(at.range(&range)),
        }))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let uri = params.text_document_position_params.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await? else {
            return Ok(None);
        };
        let unit = self.lock().unit;
        let at = Positions::of(&snap, unit);
        let offset = at.offset(params.text_document_position_params.position);
        let location = match navigation::definition(&snap.analysis().model, snap.config(), offset) {
            Some(navigation::Definition::ConfigEntry { path, text, range }) => {
                let index = LineIndex::new(&text);
                let entry = Positions::text(&text, &index, unit);
                Uri::from_file_path(&path).map(|uri| Location {
                    uri,
                    range: entry.range(&range),
                })
            }
            Some(navigation::Definition::Here(range)) => Some(Location {
                uri,
                range: at.range(&range),
            }),
            None => None,
        };
        Ok(location.map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let uri = params.text_document_position.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await? else {
            return Ok(None);
        };
        let unit = self.lock().unit;
        let offset = Positions::of(&snap, unit).offset(params.text_document_position.position);
        self.refresh_index();
        let places = navigation::references(
            &snap.analysis().model,
            snap.config(),
            &self.lock().index,
            offset,
        );
        match places {
            Some(places) => Ok(Some(self.locations(places, unit).await)),
            None => Ok(None),
        }
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let uri = params.text_document_position_params.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await? else {
            return Ok(None);
        };
        let at = Positions::of(&snap, self.lock().unit);
        let offset = at.offset(params.text_document_position_params.position);
        Ok(
            navigation::same_treaty(&snap.analysis().model, offset).map(|ranges| {
                ranges
                    .iter()
                    .map(|r| DocumentHighlight {
                        range: at.range(r),
                        kind: Some(DocumentHighlightKind::TEXT),
                    })
                    .collect()
            }),
        )
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await? else {
            return Ok(None);
        };
        Ok(Some(outline::folding_ranges(&snap)))
    }
    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.set_log_level(&params.settings);
        let overrides = client::settings_overrides(&params.settings);
        let max = client::max_diagnostics(&params.settings);
        {
            let mut s = self.lock();
            s.overrides = overrides;
            match max {
                Ok(max) => s.max_diagnostics = max,
                Err(e) => self.outbox.tell(MessageType::WARNING, &e),
            }
        }
        self.relint_open_documents();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params
            .changes
            .iter()
            .any(|c| c.uri.as_str().ends_with("/transcript.toml"));
        let files = (params.changes.into_iter())
            .filter(|c| !c.uri.as_str().ends_with("/transcript.toml"))
            .map(|c| (c.uri, c.typ == FileChangeType::DELETED))
            .collect();
        self.files_changed(config_changed, files);
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<OneOf<Vec<SymbolInformation>, Vec<WorkspaceSymbol>>>> {
        let unit = self.lock().unit;
        self.refresh_index();
        let found = navigation::workspace_symbols(&self.lock().index, &params.query);
        let mut symbols = Vec::new();
        for found in found {
            let place = (found.document, found.range);
            if let Some(location) = self.locations(vec![place], unit).await.pop() {
                #[allow(deprecated)]
                // `SymbolInformation::deprecated` must be set, though deprecated
                symbols.push(SymbolInformation {
                    name: found.name,
                    kind: match found.kind {
                        navigation::SymbolKind::Speaker => SymbolKind::OBJECT,
                        navigation::SymbolKind::Treaty => SymbolKind::NAMESPACE,
                    },
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: Some(found.kind.container().to_string()),
                });
            }
        }
        Ok(Some(OneOf::Left(symbols)))
    }
    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        rename::rename(self, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let uri = params.text_document_position.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await? else {
            return Ok(None);
        };
        let unit = self.lock().unit;
        // The prefix comes from the editor's current text, which may be
        // ahead of the snapshot.
        let (prefix, line_start) = {
            let s = self.lock();
            let Some(doc) = s.documents.get(&uri) else {
                return Ok(None);
            };
            let cursor = doc.char_at(params.text_document_position.position, unit);
            let line = doc.rope.char_to_line(cursor);
            let start = doc.rope.line_to_char(line);
            (
                doc.rope.slice(start..cursor).to_string(),
                Position {
                    line: line as u32,
                    character: 0,
                },
            )
        };
        let range = Range {
            start: line_start,
            end: params.text_document_position.position,
        };
        let items = ide::speakers::complete(&snap.analysis().model, snap.text(), &prefix)
            .into_iter()
            .enumerate()
            .map(|(i, c)| CompletionItem {
                label: c.label,
                kind: Some(CompletionItemKind::VALUE),
                detail: Some(c.detail.to_string()),
                sort_text: Some(format!("{i:04}")),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range,
                    new_text: c.insert,
                })),
                ..CompletionItem::default()
            })
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        let command = params.command.as_str();
        if command != STATISTICS && command != OTHER_EDITION {
            return Err(Error::invalid_params(format!(
                "unknown command `{command}`: the server offers `{STATISTICS}` and `{OTHER_EDITION}`"
            )));
        }
        let uri = params
            .arguments
            .first()
            .and_then(|a| a.as_str())
            .and_then(|a| a.parse::<Uri>().ok())
            .ok_or_else(|| {
                Error::invalid_params(format!(
                    "`{command}` takes the URI of an open document as its argument"
                ))
            })?;
        let Some(snap) = self.snapshot(&uri).await? else {
            return Err(Error::invalid_params(format!(
                "`{command}`: {} is not open",
                uri.as_str()
            )));
        };
        if command == OTHER_EDITION {
            let other = snap.edition.as_ref().map(|e| e.uri.as_str().to_string());
            return Ok(Some(serde_json::json!({ "uri": other })));
        }
        let stats = ide::stats::statistics(&snap.analysis().model, snap.text());
        Ok(Some(serde_json::to_value(stats).unwrap_or_default()))
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await? else {
            return Ok(None);
        };
        let unit = self.lock().unit;
        let data = semantic::tokens(&snap, unit);
        Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
            result_id: None,
            data,
        })))
    }
}

impl Backend {
    /// Sets the log's level from the client's settings
    /// (`transcript.logLevel`), when they name one.
    fn set_log_level(&self, settings: &serde_json::Value) {
        let Some(level) = settings.pointer("/transcript/logLevel") else {
            return;
        };
        if let Err(e) = log::set_level(level.as_str().unwrap_or_default()) {
            self.outbox
                .tell(MessageType::WARNING, &format!("transcript.logLevel: {e}"));
        }
    }

    /// Puts each open document's configuration in force again and
    /// analyses it (the configuration changed).
    fn relint_open_documents(&self) {
        let (pull, refresh) = {
            let s = self.lock();
            (s.pull, s.refresh)
        };
        if pull && refresh {
            // A request, so not awaited here: a notification handler never
            // waits on the client.
            let client = self.client.clone();
            tokio::spawn(async move { client.workspace_diagnostic_refresh().await });
        }
        let open: Vec<Uri> = {
            let mut s = self.lock();
            // Documents still being read take it when their reading ends.
            s.config_epoch += 1;
            let overrides = s.overrides.clone();
            let configs = s.configs.clone();
            s.documents
                .iter_mut()
                .map(|(uri, doc)| {
                    if let Analysed::Ready(d) = &mut doc.analysed {
                        d.set_config(configs.for_document(uri, &overrides));
                    }
                    doc.snapshot = None;
                    uri.clone()
                })
                .collect()
        };
        for uri in open {
            self.schedule(uri);
        }
    }
}

impl Backend {
    /// Byte ranges in indexed documents as locations, through each
    /// document's own text.
    async fn locations(
        &self,
        places: Vec<(String, std::ops::Range<usize>)>,
        unit: ColumnUnit,
    ) -> Vec<Location> {
        let mut out = Vec::new();
        for (doc, range) in places {
            let open = {
                let s = self.lock();
                s.documents.keys().find(|u| u.as_str() == doc).cloned()
            };
            if let Some(uri) = open {
                if let Ok(Some(snap)) = self.snapshot(&uri).await {
                    let at = Positions::of(&snap, unit);
                    out.push(Location {
                        uri,
                        range: at.range(&range),
                    });
                }
                continue;
            }
            let s = self.lock();
            if let Some((uri, text, index)) = s.indexed.get(&doc) {
                let at = Positions::text(text, index, unit);
                out.push(Location {
                    uri: uri.clone(),
                    range: at.range(&range),
                });
            }
        }
        out
    }
}

/// What a user is told when a document could not be analysed.
fn analysis_failed(uri: &Uri, message: &str) -> String {
    format!(
        "transcript-ls could not analyse {}: {message}. Its diagnostics are not current; \
         the next edit tries again. Please report this.",
        uri.as_str()
    )
}
