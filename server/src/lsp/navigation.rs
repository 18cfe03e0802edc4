//! Navigation: a treaty's definition, its mentions in a document, the
//! references of a treaty or speaker across the workspace, and workspace
//! symbols. Byte ranges; the server turns them into locations.

use std::ops::Range;
use std::path::PathBuf;

use tower_lsp_server::lsp_types::SymbolKind;
use transcript_ls::treaties::TreatyMention;
use transcript_ls::workspace::WorkspaceIndex;

use super::documents::Snapshot;

/// Where a treaty is defined.
pub enum Definition {
    /// A user's treaty: its entry in transcript.toml (path, text, range of
    /// the quoted id).
    ConfigEntry {
        path: PathBuf,
        text: String,
        range: Range<usize>,
    },
    /// A built-in treaty: its first mention in this document.
    Here(Range<usize>),
}

fn mention_at(snap: &Snapshot, offset: usize) -> Option<&TreatyMention> {
    snap.analysis()
        .model
        .treaty_mentions
        .iter()
        .find(|m| m.range.start <= offset && offset <= m.range.end)
}

pub fn definition(snap: &Snapshot, offset: usize) -> Option<Definition> {
    let mention = mention_at(snap, offset)?;
    let treaty = snap.config().gazetteer().get(mention.treaty);
    if snap
        .config()
        .extra_treaties()
        .iter()
        .any(|t| t.id == treaty.id)
        && let Some(path) = &snap.config().source
        && let Ok(text) = std::fs::read_to_string(path)
        && let Some(at) = text.find(&format!("\"{}\"", treaty.id))
    {
        let range = at..at + treaty.id.len() + 2;
        return Some(Definition::ConfigEntry {
            path: path.clone(),
            text,
            range,
        });
    }
    let mentions = &snap.analysis().model.treaty_mentions;
    let first = mentions
        .iter()
        .find(|m| m.treaty == mention.treaty)
        .unwrap_or(mention);
    Some(Definition::Here(first.range.clone()))
}

/// Every mention in this document of the treaty at `offset`.
pub fn same_treaty(snap: &Snapshot, offset: usize) -> Option<Vec<Range<usize>>> {
    let m = mention_at(snap, offset)?;
    Some(
        snap.analysis()
            .model
            .treaty_mentions
            .iter()
            .filter(|o| o.treaty == m.treaty)
            .map(|o| o.range.clone())
            .collect(),
    )
}

/// `(document, range)` of every mention of the treaty at `offset`, or of
/// every turn of the speaker whose label is at `offset`, across the
/// workspace.
pub fn references(
    snap: &Snapshot,
    index: &WorkspaceIndex,
    offset: usize,
) -> Option<Vec<(String, Range<usize>)>> {
    let model = &snap.analysis().model;
    let places = if let Some(m) = mention_at(snap, offset) {
        index.mentions_of(&snap.config().gazetteer().get(m.treaty).id)
    } else {
        let turn = model
            .turns
            .iter()
            .find(|t| t.label.start <= offset && offset <= t.label.end)?;
        index.turns_of(&model.speakers[turn.speaker].key)
    };
    Some(
        places
            .into_iter()
            .map(|l| (l.document.to_string(), l.range))
            .collect(),
    )
}

/// A workspace symbol before its range becomes a position: name, kind,
/// container, and (document, byte range).
pub type Found = (String, SymbolKind, String, (String, Range<usize>));

/// Speakers and treaties whose names contain `query` (any case).
pub fn workspace_symbols(index: &WorkspaceIndex, query: &str) -> Vec<Found> {
    let query = query.to_lowercase();
    let mut out = Vec::new();
    for (_, display, at) in index.speakers() {
        if display.to_lowercase().contains(&query) {
            out.push((
                display.to_string(),
                SymbolKind::OBJECT,
                "speaker".into(),
                (at.document.to_string(), at.range),
            ));
        }
    }
    // By the name the document's configuration gives (a treaty of the
    // user's own has no built-in name).
    for (id, name, at) in index.treaties() {
        if name.to_lowercase().contains(&query) || id.contains(&query) {
            out.push((
                name.to_string(),
                SymbolKind::NAMESPACE,
                "treaty".into(),
                (at.document.to_string(), at.range),
            ));
        }
    }
    out
}
