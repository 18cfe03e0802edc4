//! The document outline: the header (subject, participants by group; a
//! field name wrapped over two lines, `DATE, TIME:` then `AND PLACE:`, is
//! one field), then the speaker turns, each named by its resolved speaker
//! with its highest portion mark and first words as detail. In a press conference each QUESTION
//! opens an exchange holding the answers that follow it. In a file of
//! several records (memos, cables, forms one after another), each record is
//! a top-level entry holding its own. Also the folds: each turn, and the
//! header block.

use std::ops::Range;

use crate::ide::speakers::turn_name;
use crate::model::{Model, SpeakerKind, SpeakerTurn};

/// How many words of a turn its detail shows.
const FIRST_WORDS: usize = 8;

/// What an outline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineKind {
    /// One record of a file that holds several.
    Record,
    /// A record's header block.
    Header,
    Field,
    /// A country or side in a participants list.
    ParticipantGroup,
    Participant,
    Turn,
    /// A QUESTION with the answers that follow it.
    Exchange,
}

/// One entry of the outline, with byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineNode {
    pub name: String,
    pub detail: Option<String>,
    pub kind: OutlineKind,
    /// What the entry covers.
    pub range: Range<usize>,
    /// What to select when it is chosen (a turn's label).
    pub selection: Range<usize>,
    pub children: Vec<OutlineNode>,
}

fn node(
    name: String,
    detail: Option<String>,
    kind: OutlineKind,
    range: Range<usize>,
    selection: Range<usize>,
    children: Vec<OutlineNode>,
) -> OutlineNode {
    OutlineNode {
        name: if name.trim().is_empty() {
            "(unnamed)".to_string()
        } else {
            name
        },
        detail,
        kind,
        range,
        selection,
        children,
    }
}

/// The outline of a document.
pub fn outline(model: &Model, text: &str) -> Vec<OutlineNode> {
    let mut out = Vec::new();
    let mut bounds = vec![0];
    bounds.extend(&model.records);
    bounds.push(usize::MAX);
    for record in bounds.windows(2) {
        out.extend(header(model, text, record[0]..record[1]));
    }
    let mut exchange: Option<OutlineNode> = None;
    for turn in &model.turns {
        let entry = turn_node(model, text, turn);
        let speaker = &model.speakers[turn.speaker];
        let asks = speaker.kind == SpeakerKind::Role
            && matches!(speaker.display.as_str(), "QUESTION" | "Q");
        if asks {
            if let Some(done) = exchange.take() {
                out.push(done);
            }
            let mut opened = entry;
            opened.kind = OutlineKind::Exchange;
            exchange = Some(opened);
        } else if let Some(ex) = &mut exchange {
            ex.range.end = entry.range.end;
            ex.children.push(entry);
        } else {
            out.push(entry);
        }
    }
    out.extend(exchange);
    by_record(model, text, out)
}

/// In a file of several records, each record is a top-level entry holding
/// what starts inside it, named by its first line.
fn by_record(model: &Model, text: &str, entries: Vec<OutlineNode>) -> Vec<OutlineNode> {
    if model.records.is_empty() {
        return entries;
    }
    let mut starts = vec![0];
    starts.extend(&model.records);
    let mut records: Vec<OutlineNode> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let line_end = text[start..end]
                .find(['\n', '\r'])
                .map_or(end, |n| start + n);
            let first_line = text[start..line_end].trim();
            node(
                format!("Record {}", i + 1),
                (!first_line.is_empty()).then(|| first_line.to_string()),
                OutlineKind::Record,
                start..end,
                start..line_end,
                Vec::new(),
            )
        })
        .collect();
    for entry in entries {
        let k = starts
            .partition_point(|&s| s <= entry.range.start)
            .saturating_sub(1);
        records[k].children.push(entry);
    }
    records
}

fn turn_node(model: &Model, text: &str, turn: &SpeakerTurn) -> OutlineNode {
    let words: Vec<&str> = turn
        .paragraphs
        .iter()
        .map(|&p| &model.paragraphs[p])
        .flat_map(|p| text[p.content.clone()].split_whitespace())
        .take(FIRST_WORDS)
        .collect();
    // The turn's highest level once, not every paragraph's mark.
    let highest = (turn.paragraphs.iter())
        .flat_map(|&p| &model.paragraphs[p].marks)
        .filter_map(|m| m.level())
        .max();
    let mut detail = words.join(" ");
    if let Some(level) = highest {
        detail = format!("({}) {detail}", level.symbol());
    }
    let name = turn_name(model, text, turn);
    node(
        name,
        Some(detail),
        OutlineKind::Turn,
        turn.range.clone(),
        turn.label.clone(),
        Vec::new(),
    )
}

/// The header of the record that spans `record`: its fields before its
/// first turn.
fn header(model: &Model, text: &str, record: Range<usize>) -> Option<OutlineNode> {
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
    let mut children: Vec<OutlineNode> = Vec::new();
    for (k, f) in fields.iter().enumerate() {
        let value: String = text[f.value_range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if k > 0
            && continues_name(text, fields[k - 1].range.end, f)
            && let Some(previous) = children.last_mut()
        {
            previous.name = format!("{} {}", previous.name, f.name.trim());
            let joined = match previous.detail.take() {
                Some(before) if !before.is_empty() => format!("{before}; {value}"),
                _ => value,
            };
            previous.detail = Some(joined);
            previous.range.end = f.range.end;
            continue;
        }
        let mut kids = Vec::new();
        if f.lists_participants() {
            let mut groups: Vec<(Option<String>, Vec<OutlineNode>)> = Vec::new();
            for p in &model.participants {
                let entry = node(
                    p.text.clone(),
                    None,
                    OutlineKind::Participant,
                    p.range.clone(),
                    p.range.clone(),
                    Vec::new(),
                );
                match groups.last_mut() {
                    Some((g, list)) if *g == p.group => list.push(entry),
                    _ => groups.push((p.group.clone(), vec![entry])),
                }
            }
            for (group, list) in groups {
                match group {
                    Some(name) => {
                        let start = list.first().map(|s| s.range.start).unwrap_or_default();
                        let end = list.last().map(|s| s.range.end).unwrap_or_default();
                        kids.push(node(
                            name,
                            None,
                            OutlineKind::ParticipantGroup,
                            start..end,
                            start..end,
                            list,
                        ));
                    }
                    None => kids.extend(list),
                }
            }
        }
        let detail = (!f.lists_participants()).then_some(value);
        children.push(node(
            f.name.clone(),
            detail,
            OutlineKind::Field,
            f.range.clone(),
            f.range.clone(),
            kids,
        ));
    }
    let range = fields[0].range.start..fields[fields.len() - 1].range.end;
    Some(node(
        "Header".to_string(),
        None,
        OutlineKind::Header,
        range.clone(),
        range,
        children,
    ))
}

/// Whether the field `f`, starting right after a field that ends at
/// `previous_end`, is the second line of a name wrapped in two
/// (`DATE, TIME:` then `AND PLACE:`), each line with its own value.
fn continues_name(text: &str, previous_end: usize, f: &crate::model::HeaderField) -> bool {
    let between = text.get(previous_end..f.range.start).unwrap_or("x");
    let name = f.name.trim_start();
    between.trim().is_empty()
        && between.matches('\n').count() <= 1
        && (name.starts_with("AND ") || name.starts_with("and ") || name.starts_with("& "))
}

/// What a fold holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    /// A speaker's turn.
    Turn,
    /// The header block.
    Header,
}

/// Folds, as the byte range from the first to the last character folded:
/// each turn, and the header block before the first turn.
pub fn folds(model: &Model) -> Vec<(Range<usize>, FoldKind)> {
    let mut folds = Vec::new();
    let mut add = |start: usize, end: usize, kind: FoldKind| {
        folds.push((start..end.saturating_sub(1).max(start), kind));
    };
    for turn in &model.turns {
        add(turn.range.start, turn.range.end, FoldKind::Turn);
    }
    let first_turn = model.turns.first().map_or(usize::MAX, |t| t.range.start);
    let header: Vec<_> = model
        .fields
        .iter()
        .filter(|f| f.range.end <= first_turn)
        .collect();
    if let (Some(a), Some(b)) = (header.first(), header.last()) {
        add(a.range.start, b.range.end, FoldKind::Header);
    }
    folds
}
