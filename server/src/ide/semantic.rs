//! Semantic token classification, so that clients without the tree-sitter
//! grammar still see the structure: speaker labels, portion marks, banners,
//! page furniture, stage directions and treaty names.

use std::ops::Range;

use crate::model::Model;

/// What a token is. The order is the legend's: the server advertises the
/// kinds in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    SpeakerLabel,
    PortionMark,
    Banner,
    Furniture,
    StageDirection,
    TreatyName,
}

impl TokenKind {
    /// Every kind, in legend order.
    pub const ALL: [TokenKind; 6] = [
        TokenKind::SpeakerLabel,
        TokenKind::PortionMark,
        TokenKind::Banner,
        TokenKind::Furniture,
        TokenKind::StageDirection,
        TokenKind::TreatyName,
    ];
}

/// One classified span, never crossing a line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// A struck banner: cancelled when the document was declassified.
    pub struck: bool,
}

/// The document's tokens in order, without overlaps, each confined to one
/// line (a span over several lines gives one token per line).
pub fn classify(model: &Model, text: &str) -> Vec<Token> {
    let mut spans: Vec<(Range<usize>, TokenKind, bool)> = Vec::new();
    spans.extend(
        model
            .turns
            .iter()
            .map(|t| (t.name_range.clone(), TokenKind::SpeakerLabel, false)),
    );
    spans.extend(
        model
            .paragraphs
            .iter()
            .flat_map(|p| &p.marks)
            .map(|m| (m.range.clone(), TokenKind::PortionMark, false)),
    );
    spans.extend(
        model
            .banners
            .iter()
            .map(|b| (b.range.clone(), TokenKind::Banner, b.struck)),
    );
    spans.extend(
        model
            .furniture
            .iter()
            .map(|f| (f.clone(), TokenKind::Furniture, false)),
    );
    spans.extend(
        model
            .paragraphs
            .iter()
            .flat_map(|p| &p.stage_directions)
            .map(|s| (s.clone(), TokenKind::StageDirection, false)),
    );
    spans.extend(
        model
            .treaty_mentions
            .iter()
            .map(|m| (m.range.clone(), TokenKind::TreatyName, false)),
    );
    spans.sort_by_key(|(r, _, _)| (r.start, r.end));

    let mut out = Vec::new();
    let mut end_of_previous = 0;
    for (range, kind, struck) in spans {
        if range.start < end_of_previous || range.is_empty() {
            continue; // clients do not take overlapping tokens
        }
        end_of_previous = range.end;
        let mut start = range.start;
        while start < range.end {
            let line_end = text[start..range.end]
                .find(['\n', '\r'])
                .map_or(range.end, |n| start + n);
            if line_end > start {
                out.push(Token {
                    range: start..line_end,
                    kind,
                    struck,
                });
            }
            start = line_end + 1;
        }
    }
    out
}
