//! Navigation: a treaty's definition, its mentions in a document, the
//! references of a treaty or speaker across the workspace, and workspace
//! symbols. Byte ranges; the server turns them into locations.

use std::ops::Range;
use std::path::PathBuf;

use crate::config::Config;
use crate::model::Model;
use crate::treaties::TreatyMention;
use crate::workspace::WorkspaceIndex;

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

fn mention_at(model: &Model, offset: usize) -> Option<&TreatyMention> {
    model
        .treaty_mentions
        .iter()
        .find(|m| m.range.start <= offset && offset <= m.range.end)
}

/// Where the treaty mentioned at `offset` is defined.
pub fn definition(model: &Model, config: &Config, offset: usize) -> Option<Definition> {
    let mention = mention_at(model, offset)?;
    let treaty = config.gazetteer().get(mention.treaty);
    if config.extra_treaties().iter().any(|t| t.id == treaty.id)
        && let Some(path) = &config.source
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
    let mentions = &model.treaty_mentions;
    let first = mentions
        .iter()
        .find(|m| m.treaty == mention.treaty)
        .unwrap_or(mention);
    Some(Definition::Here(first.range.clone()))
}

/// Every mention in this document of the treaty at `offset`.
pub fn same_treaty(model: &Model, offset: usize) -> Option<Vec<Range<usize>>> {
    let m = mention_at(model, offset)?;
    Some(
        model
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
    model: &Model,
    config: &Config,
    index: &WorkspaceIndex,
    offset: usize,
) -> Option<Vec<(String, Range<usize>)>> {
    let places = if let Some(m) = mention_at(model, offset) {
        index.mentions_of(&config.gazetteer().get(m.treaty).id)
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

/// What a workspace symbol names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Speaker,
    Treaty,
}

impl SymbolKind {
    /// The word a client shows as the symbol's container.
    pub fn container(self) -> &'static str {
        match self {
            SymbolKind::Speaker => "speaker",
            SymbolKind::Treaty => "treaty",
        }
    }
}

/// A workspace symbol: its name and kind, and where it is (document key
/// and byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    pub document: String,
    pub range: Range<usize>,
}

/// Speakers and treaties whose names contain `query` (any case).
pub fn workspace_symbols(index: &WorkspaceIndex, query: &str) -> Vec<Symbol> {
    let query = query.to_lowercase();
    let mut out = Vec::new();
    for (_, display, at) in index.speakers() {
        if display.to_lowercase().contains(&query) {
            out.push(Symbol {
                name: display.to_string(),
                kind: SymbolKind::Speaker,
                document: at.document.to_string(),
                range: at.range,
            });
        }
    }
    // By the name the document's configuration gives (a treaty of the
    // user's own has no built-in name).
    for (id, name, at) in index.treaties() {
        if name.to_lowercase().contains(&query) || id.contains(&query) {
            out.push(Symbol {
                name: name.to_string(),
                kind: SymbolKind::Treaty,
                document: at.document.to_string(),
                range: at.range,
            });
        }
    }
    out
}
