//! Open documents: their text as a rope (for the editor's positions), the
//! analysis's sectioned [`Document`] edited alongside it in version order,
//! and the latest snapshot.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use ropey::Rope;
use tower_lsp_server::lsp_types::{Position, TextDocumentContentChangeEvent};
use transcript_ls::analysis::{Analysis, Evaluation, Merged, Sections};
use transcript_ls::line_index::{ColumnUnit, LineIndex};
use transcript_ls::{Config, Document, Finding};

use super::publish::Published;

/// A document's findings at one version, and what the editor features
/// read: the whole text, its line index and the model, made on first use.
pub struct Snapshot {
    /// Unique among the server's snapshots: the `resultId` of pulled
    /// diagnostics.
    pub id: u64,
    pub version: i32,
    /// The document's [`OpenDocument::revision`] analysed.
    pub revision: u64,
    pub view: Sections,
    pub evaluations: Vec<Arc<Evaluation>>,
    /// The findings, put together but not yet copied into one list.
    pub merged: Merged,
    /// The line each section starts on.
    pub first_lines: Vec<usize>,
    /// The other edition the document is compared with, if it declares
    /// one (its findings are among the document rules' in `merged`).
    pub edition: Option<Arc<super::editions::EditionText>>,
    findings: OnceLock<Vec<Finding>>,
    whole: OnceLock<Whole>,
}

struct Whole {
    text: Arc<str>,
    index: LineIndex,
    analysis: Analysis,
}

impl Snapshot {
    /// Analyses `view` (the sections not yet evaluated under its facts).
    pub fn new(version: i32, revision: u64, view: Sections) -> Snapshot {
        let evaluations = view.evaluations();
        let merged = view.merged(&evaluations);
        let mut first_lines = Vec::with_capacity(view.sections().len());
        let mut line = 0;
        let mut ends_in_cr = false;
        for (_, s) in view.sections() {
            // A `\r\n` split between two sections is one break, counted
            // in both.
            if ends_in_cr && s.text.starts_with('\n') {
                line -= 1;
            }
            first_lines.push(line);
            line += s.breaks;
            ends_in_cr = s.text.ends_with('\r');
        }
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        Snapshot {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            version,
            revision,
            view,
            evaluations,
            merged,
            first_lines,
            edition: None,
            findings: OnceLock::new(),
            whole: OnceLock::new(),
        }
    }

    /// The snapshot of the document at `uri`, compared with the other
    /// edition it declares, if any.
    pub fn compared(mut self, uri: &tower_lsp_server::lsp_types::Uri) -> Snapshot {
        let (edition, findings) = super::editions::compare(uri, &self.view);
        if !findings.is_empty() {
            self.merged.document.extend(findings);
            self.merged.document.sort_by(transcript_ls::analysis::order);
        }
        self.edition = edition;
        self
    }

    pub fn config(&self) -> &Arc<Config> {
        self.view.config()
    }

    /// Every finding not silenced, in document order, listed on first use.
    pub fn findings(&self) -> &[Finding] {
        self.findings
            .get_or_init(|| self.merged.findings(&self.view, &self.evaluations))
    }

    /// The findings whose ranges touch `start..=end`, in document order:
    /// only the sections there are looked at.
    pub fn findings_touching(&self, start: usize, end: usize) -> Vec<Finding> {
        let first = self.view.section_at(start.saturating_sub(1));
        let last = self.view.section_at(end);
        self.merged
            .findings_where(&self.view, &self.evaluations, first..last + 1, |f| {
                f.range.start <= end && start <= f.range.end
            })
    }

    fn whole(&self) -> &Whole {
        self.whole.get_or_init(|| {
            let text: Arc<str> = self.view.text().into();
            Whole {
                index: LineIndex::new(&text),
                analysis: Analysis {
                    model: self.view.model(&self.evaluations),
                    findings: self.findings().to_vec(),
                },
                text,
            }
        })
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.whole().text
    }

    pub fn index(&self) -> &LineIndex {
        &self.whole().index
    }

    /// The model of the whole document, with the findings.
    pub fn analysis(&self) -> &Analysis {
        &self.whole().analysis
    }
}

/// The analysis's side of an open document.
pub enum Analysed {
    Ready(Box<Document>),
    /// Being read from its text off the protocol thread; the edits made
    /// meanwhile wait here, in order, as byte ranges and their new text.
    Reading(Vec<(Range<usize>, String)>),
}

/// One document the editor has open.
pub struct OpenDocument {
    pub rope: Rope,
    /// The client's version of the text.
    pub version: i32,
    /// Counts the changes applied since the document was opened: what
    /// tells a snapshot of the current text, since a client may send a
    /// version twice.
    pub revision: u64,
    /// Reading the text panicked (with this message): nothing is analysed
    /// until the next change, which reads the whole text again.
    pub failed: Option<String>,
    pub analysed: Analysed,
    /// Bumped whenever the document is read from scratch (opened, or its
    /// whole text replaced), so that a reading that finishes late is known
    /// to be stale.
    pub generation: u64,
    /// The latest snapshot, possibly of an older version.
    pub snapshot: Option<Arc<Snapshot>>,
    /// An analysis is under way; `dirty` asks it to go round again for the
    /// newest version when it is done.
    pub analysing: bool,
    pub dirty: bool,
    /// The workspace index has not seen the latest snapshot.
    pub index_stale: bool,
    /// The diagnostics last published, to reuse what did not change.
    pub published: Published,
    /// The client pulled this document's diagnostics: they are not pushed
    /// to it (when it pulls at all).
    pub pulled: bool,
    /// Diagnostics were pushed for it: a pulling client is sent an empty
    /// list when it starts pulling, so they are not shown twice.
    pub pushed: bool,
    /// When its diagnostics were last pushed.
    pub pushed_at: Option<Instant>,
    /// When it was opened: a pulling client is given a while to pull it
    /// before its diagnostics are pushed.
    pub opened: Instant,
    /// When it was last changed: on a large document, publications wait
    /// for a pause in typing.
    pub changed: Instant,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32, generation: u64) -> OpenDocument {
        OpenDocument {
            rope: Rope::from_str(text),
            version,
            revision: 0,
            failed: None,
            analysed: Analysed::Reading(Vec::new()),
            generation,
            snapshot: None,
            analysing: false,
            dirty: false,
            index_stale: true,
            published: Published::default(),
            pulled: false,
            pushed: false,
            pushed_at: None,
            opened: Instant::now(),
            changed: Instant::now(),
        }
    }

    /// Applies the changes of `version`. The server calls this before its
    /// handler first awaits anything, so changes are applied in the order
    /// they arrive, which is the client's order (the protocol orders
    /// them), even when `version` is not above the current one: skipping
    /// them would leave the server's text and the editor's different from
    /// then on. (Versions may skip: Neovim's follow its change counter.)
    /// Returns the whole new text when a change replaced it, to be read
    /// afresh.
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        unit: ColumnUnit,
    ) -> Option<String> {
        if version <= self.version {
            tracing::warn!(
                "a change to version {version} of a document at version {}: applied in the order it came",
                self.version
            );
        }
        self.revision += 1;
        self.changed = Instant::now();
        let mut replaced = None;
        for change in changes {
            if let Some(text) = self.apply(change, unit) {
                replaced = Some(text);
            }
        }
        self.version = version;
        replaced
    }

    fn apply(
        &mut self,
        change: TextDocumentContentChangeEvent,
        unit: ColumnUnit,
    ) -> Option<String> {
        let Some(range) = change.range else {
            self.rope = Rope::from_str(&change.text);
            self.analysed = Analysed::Reading(Vec::new());
            self.generation += 1;
            return Some(change.text);
        };
        let start = self.char_at(range.start, unit);
        let end = self.char_at(range.end, unit).max(start);
        let start_byte = self.rope.char_to_byte(start);
        let end_byte = self.rope.char_to_byte(end);
        self.rope.remove(start..end);
        self.rope.insert(start, &change.text);
        match &mut self.analysed {
            Analysed::Ready(doc) => doc.edit(start_byte..end_byte, &change.text),
            Analysed::Reading(pending) => pending.push((start_byte..end_byte, change.text)),
        }
        None
    }

    /// The char index of an LSP position, clamped to the document.
    pub fn char_at(&self, at: Position, unit: ColumnUnit) -> usize {
        let line = at.line as usize;
        if line >= self.rope.len_lines() {
            return self.rope.len_chars();
        }
        let line_start = self.rope.line_to_char(line);
        let line_slice = self.rope.line(line);
        let mut line_len = line_slice.len_chars();
        // The position of a line's end is before its line break.
        while line_len > 0 && matches!(line_slice.char(line_len - 1), '\n' | '\r') {
            line_len -= 1;
        }
        let col = at.character as usize;
        let offset = match unit {
            ColumnUnit::Char => col,
            ColumnUnit::Utf8 => {
                let base = self.rope.char_to_byte(line_start);
                let byte = (base + col).min(self.rope.char_to_byte(line_start + line_len));
                self.rope.byte_to_char(byte) - line_start
            }
            ColumnUnit::Utf16 => {
                let base = self.rope.char_to_utf16_cu(line_start);
                let cu = (base + col).min(self.rope.char_to_utf16_cu(line_start + line_len));
                self.rope.utf16_cu_to_char(cu) - line_start
            }
        };
        line_start + offset.min(line_len)
    }
}
