//! Finding things across the workspace: speakers and treaties by name.

use std::ops::Range;

use tower_lsp_server::lsp_types::SymbolKind;
use transcript_ls::treaties::Gazetteer;
use transcript_ls::workspace::WorkspaceIndex;

/// A workspace symbol before its range becomes a position: name, kind,
/// container, and (document, byte range).
pub type Found = (String, SymbolKind, String, (String, Range<usize>));

/// Speakers and treaties whose names contain `query` (any case).
pub fn workspace_symbols(index: &WorkspaceIndex, query: &str) -> Vec<Found> {
    let query = query.to_lowercase();
    let gazetteer = Gazetteer::builtin();
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
    for (id, at) in index.treaties() {
        let name = gazetteer.by_key(id).map_or(id.to_string(), |t| {
            gazetteer.get(t).short_name().to_string()
        });
        if name.to_lowercase().contains(&query) || id.contains(&query) {
            out.push((
                name,
                SymbolKind::NAMESPACE,
                "treaty".into(),
                (at.document.to_string(), at.range),
            ));
        }
    }
    out
}
