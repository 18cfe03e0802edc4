//! The outline and folds as the protocol wants them: the entries of
//! [`transcript_ls::ide::outline`] as document symbols, and its folds as
//! line ranges.

use tower_lsp_server::lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};
use transcript_ls::ide::outline::{FoldKind, OutlineKind, OutlineNode, folds, outline};
use transcript_ls::line_index::ColumnUnit;

use super::convert::Positions;
use super::documents::Snapshot;

fn kind(kind: OutlineKind) -> SymbolKind {
    match kind {
        OutlineKind::Record => SymbolKind::FILE,
        OutlineKind::Header | OutlineKind::Exchange => SymbolKind::NAMESPACE,
        OutlineKind::Field => SymbolKind::FIELD,
        OutlineKind::ParticipantGroup => SymbolKind::MODULE,
        OutlineKind::Participant => SymbolKind::OBJECT,
        OutlineKind::Turn => SymbolKind::EVENT,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be set, though deprecated
fn symbol(entry: OutlineNode, at: &Positions) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = entry.children.into_iter().map(|c| symbol(c, at)).collect();
    DocumentSymbol {
        name: entry.name,
        detail: entry.detail,
        kind: kind(entry.kind),
        tags: None,
        deprecated: None,
        range: at.range(&entry.range),
        selection_range: at.range(&entry.selection),
        children: (!children.is_empty()).then_some(children),
    }
}

pub fn document_symbols(snap: &Snapshot, at: &Positions) -> Vec<DocumentSymbol> {
    outline(&snap.analysis().model, snap.text())
        .into_iter()
        .map(|e| symbol(e, at))
        .collect()
}

/// Folds, by line; a fold within one line is none.
pub fn folding_ranges(snap: &Snapshot) -> Vec<FoldingRange> {
    let line = |offset: usize| {
        snap.index()
            .position(snap.text(), offset, ColumnUnit::Utf8)
            .line as u32
    };
    folds(&snap.analysis().model)
        .into_iter()
        .filter_map(|(range, fold)| {
            let (a, b) = (line(range.start), line(range.end));
            (b > a).then(|| FoldingRange {
                start_line: a,
                end_line: b,
                kind: Some(match fold {
                    FoldKind::Turn => FoldingRangeKind::Region,
                    FoldKind::Header => FoldingRangeKind::Imports,
                }),
                ..FoldingRange::default()
            })
        })
        .collect()
}
