//! The document outline: the header (subject, participants by group), then
//! the speaker turns, each named by its resolved speaker with its first
//! words and portion marks as detail. In a press conference each QUESTION
//! opens an exchange holding the answers that follow it. In a file of
//! several records (memos, cables, forms one after another), each record is
//! a top-level entry holding its own.

use tower_lsp_server::lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};
use transcript_ls::line_index::ColumnUnit;
use transcript_ls::model::{Model, SpeakerKind, SpeakerTurn};

use super::convert::Positions;
use super::documents::Snapshot;

/// How many words of a turn its detail shows.
const FIRST_WORDS: usize = 8;

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be set, though deprecated
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: tower_lsp_server::lsp_types::Range,
    selection: tower_lsp_server::lsp_types::Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(unnamed)".to_string()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: (!children.is_empty()).then_some(children),
    }
}

pub fn document_symbols(model: &Model, text: &str, at: &Positions) -> Vec<DocumentSymbol> {
    let mut out = Vec::new();
    let mut bounds = vec![0];
    bounds.extend(&model.records);
    bounds.push(usize::MAX);
    for record in bounds.windows(2) {
        out.extend(header(model, text, at, record[0]..record[1]));
    }
    let mut exchange: Option<DocumentSymbol> = None;
    for turn in &model.turns {
        let sym = turn_symbol(model, text, turn, at);
        let speaker = &model.speakers[turn.speaker];
        let asks = speaker.kind == SpeakerKind::Role
            && matches!(speaker.display.as_str(), "QUESTION" | "Q");
        if asks {
            if let Some(done) = exchange.take() {
                out.push(done);
            }
            let mut opened = sym;
            opened.kind = SymbolKind::NAMESPACE;
            exchange = Some(opened);
        } else if let Some(ex) = &mut exchange {
            ex.range.end = sym.range.end;
            ex.children.get_or_insert_with(Vec::new).push(sym);
        } else {
            out.push(sym);
        }
    }
    out.extend(exchange);
    by_record(model, text, at, out)
}

/// In a file of several records, each record is a top-level entry holding
/// what starts inside it, named by its first line.
fn by_record(
    model: &Model,
    text: &str,
    at: &Positions,
    symbols: Vec<DocumentSymbol>,
) -> Vec<DocumentSymbol> {
    if model.records.is_empty() {
        return symbols;
    }
    let mut starts = vec![0];
    starts.extend(&model.records);
    let mut records: Vec<DocumentSymbol> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let line_end = text[start..end]
                .find(['\n', '\r'])
                .map_or(end, |n| start + n);
            let first_line = text[start..line_end].trim();
            symbol(
                format!("Record {}", i + 1),
                (!first_line.is_empty()).then(|| first_line.to_string()),
                SymbolKind::FILE,
                at.range(&(start..end)),
                at.range(&(start..line_end)),
                Vec::new(),
            )
        })
        .collect();
    for sym in symbols {
        let start = at.offset(sym.range.start);
        let k = starts.partition_point(|&s| s <= start).saturating_sub(1);
        records[k].children.get_or_insert_with(Vec::new).push(sym);
    }
    records
}

fn turn_symbol(model: &Model, text: &str, turn: &SpeakerTurn, at: &Positions) -> DocumentSymbol {
    let speaker = &model.speakers[turn.speaker];
    let words: Vec<&str> = turn
        .paragraphs
        .iter()
        .map(|&p| &model.paragraphs[p])
        .flat_map(|p| text[p.content.clone()].split_whitespace())
        .take(FIRST_WORDS)
        .collect();
    let marks: Vec<String> = turn
        .paragraphs
        .iter()
        .flat_map(|&p| &model.paragraphs[p].marks)
        .map(|m| format!("({})", m.inner))
        .collect();
    let mut detail = words.join(" ");
    if !marks.is_empty() {
        detail = format!("{} {detail}", marks.join(" "));
    }
    let name = match speaker.kind {
        SpeakerKind::Participant(_) => speaker
            .display
            .split(',')
            .next()
            .unwrap_or(&speaker.display)
            .trim()
            .to_string(),
        _ => text[turn.name_range.clone()].trim().to_string(),
    };
    symbol(
        name,
        Some(detail),
        SymbolKind::EVENT,
        at.range(&turn.range),
        at.range(&turn.label),
        Vec::new(),
    )
}

/// The header of the record that spans `record`: its fields before its
/// first turn.
fn header(
    model: &Model,
    text: &str,
    at: &Positions,
    record: std::ops::Range<usize>,
) -> Option<DocumentSymbol> {
    let inside = |start: usize| record.start <= start && start < record.end;
    let first_turn = model
        .turns
        .iter()
        .find(|t| inside(t.range.start))
        .map_or(usize::MAX, |t| t.range.start);
    let fields: Vec<_> = model
        .fields
        .iter()
        .filter(|f| inside(f.range.start) && f.range.start < first_turn)
        .collect();
    if fields.is_empty() {
        return None;
    }
    let mut children = Vec::new();
    for f in &fields {
        let value: String = text[f.value_range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut kids = Vec::new();
        if f.lists_participants() {
            let mut groups: Vec<(Option<String>, Vec<DocumentSymbol>)> = Vec::new();
            for p in &model.participants {
                let sym = symbol(
                    p.text.clone(),
                    None,
                    SymbolKind::OBJECT,
                    at.range(&p.range),
                    at.range(&p.range),
                    Vec::new(),
                );
                match groups.last_mut() {
                    Some((g, list)) if *g == p.group => list.push(sym),
                    _ => groups.push((p.group.clone(), vec![sym])),
                }
            }
            for (group, list) in groups {
                match group {
                    Some(name) => {
                        let start = list.first().map(|s| s.range.start).unwrap_or_default();
                        let end = list.last().map(|s| s.range.end).unwrap_or_default();
                        let range = tower_lsp_server::lsp_types::Range { start, end };
                        kids.push(symbol(name, None, SymbolKind::MODULE, range, range, list));
                    }
                    None => kids.extend(list),
                }
            }
        }
        let detail = (!f.lists_participants()).then_some(value);
        children.push(symbol(
            f.name.clone(),
            detail,
            SymbolKind::FIELD,
            at.range(&f.range),
            at.range(&f.range),
            kids,
        ));
    }
    let range = at.range(&(fields[0].range.start..fields[fields.len() - 1].range.end));
    Some(symbol(
        "Header".to_string(),
        None,
        SymbolKind::NAMESPACE,
        range,
        range,
        children,
    ))
}

/// Folds: each turn, and the header block.
pub fn folding_ranges(snap: &Snapshot) -> Vec<FoldingRange> {
    let model = &snap.analysis().model;
    let line = |offset: usize| {
        snap.index()
            .position(snap.text(), offset, ColumnUnit::Utf8)
            .line as u32
    };
    let mut folds = Vec::new();
    let mut add = |start: usize, end: usize, kind: FoldingRangeKind| {
        let (a, b) = (line(start), line(end.saturating_sub(1).max(start)));
        if b > a {
            folds.push(FoldingRange {
                start_line: a,
                end_line: b,
                kind: Some(kind),
                ..FoldingRange::default()
            });
        }
    };
    for turn in &model.turns {
        add(turn.range.start, turn.range.end, FoldingRangeKind::Region);
    }
    let first_turn = model.turns.first().map_or(usize::MAX, |t| t.range.start);
    let header: Vec<_> = model
        .fields
        .iter()
        .filter(|f| f.range.end <= first_turn)
        .collect();
    if let (Some(a), Some(b)) = (header.first(), header.last()) {
        add(a.range.start, b.range.end, FoldingRangeKind::Imports);
    }
    folds
}
