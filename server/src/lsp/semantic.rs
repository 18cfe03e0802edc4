//! Semantic tokens, so that clients without the tree-sitter grammar still
//! see the structure: speaker labels, portion marks, banners, page
//! furniture, stage directions and treaty names.

use tower_lsp_server::lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend,
};
use transcript_ls::line_index::ColumnUnit;

use super::documents::Snapshot;

/// Token types, in legend order.
const TYPES: [SemanticTokenType; 6] = [
    SemanticTokenType::TYPE,        // speaker label
    SemanticTokenType::ENUM_MEMBER, // portion mark
    SemanticTokenType::KEYWORD,     // banner
    SemanticTokenType::COMMENT,     // page furniture
    SemanticTokenType::STRING,      // stage direction
    SemanticTokenType::NAMESPACE,   // treaty name
];

/// Modifiers: a struck banner is deprecated; a misread mark or misspelt
/// treaty name is... still shown, without a modifier.
const MODIFIERS: [SemanticTokenModifier; 1] = [SemanticTokenModifier::DEPRECATED];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// The document's tokens, delta-encoded, each confined to one line.
pub fn tokens(snap: &Snapshot, unit: ColumnUnit) -> Vec<SemanticToken> {
    let model = &snap.analysis().model;
    let mut spans: Vec<(std::ops::Range<usize>, u32, u32)> = Vec::new();
    spans.extend(model.turns.iter().map(|t| (t.name_range.clone(), 0, 0)));
    spans.extend(
        model
            .paragraphs
            .iter()
            .flat_map(|p| &p.marks)
            .map(|m| (m.range.clone(), 1, 0)),
    );
    spans.extend(
        model
            .banners
            .iter()
            .map(|b| (b.range.clone(), 2, u32::from(b.struck))),
    );
    spans.extend(model.furniture.iter().map(|f| (f.clone(), 3, 0)));
    spans.extend(
        model
            .paragraphs
            .iter()
            .flat_map(|p| &p.stage_directions)
            .map(|s| (s.clone(), 4, 0)),
    );
    spans.extend(
        model
            .treaty_mentions
            .iter()
            .map(|m| (m.range.clone(), 5, 0)),
    );
    spans.sort_by_key(|(r, _, _)| (r.start, r.end));

    let text = snap.text();
    let mut out = Vec::new();
    let (mut last_line, mut last_col) = (0u32, 0u32);
    let mut end_of_previous = 0;
    for (range, kind, modifiers) in spans {
        if range.start < end_of_previous || range.is_empty() {
            continue; // overlapping tokens are not allowed
        }
        end_of_previous = range.end;
        // One token per line of the range.
        let mut start = range.start;
        while start < range.end {
            let line_end = text[start..range.end]
                .find(['\n', '\r'])
                .map_or(range.end, |n| start + n);
            let a = snap.index().position(text, start, unit);
            let b = snap.index().position(text, line_end, unit);
            if b.col > a.col {
                let (line, col) = (a.line as u32, a.col as u32);
                let delta_line = line - last_line;
                let delta_start = if delta_line == 0 { col - last_col } else { col };
                out.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length: (b.col - a.col) as u32,
                    token_type: kind,
                    token_modifiers_bitset: modifiers,
                });
                (last_line, last_col) = (line, col);
            }
            start = line_end + 1;
        }
    }
    out
}
