//! Semantic tokens as the protocol wants them: the legend, and the
//! classified spans of [`transcript_ls::ide::semantic`] delta-encoded in
//! the negotiated column unit.

use tower_lsp_server::lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend,
};
use transcript_ls::ide::semantic::{TokenKind, classify};
use transcript_ls::line_index::ColumnUnit;

use super::documents::Snapshot;

/// The protocol's name for each kind, in legend order. Each refines the
/// colour the grammars already give the span, never recolours it:
///
/// | kind | token type | TextMate scope (VS Code) | tree-sitter capture (Neovim) |
/// | --- | --- | --- | --- |
/// | speaker label | `label` (ours) | `entity.name.function.speaker.transcript` | `@label` |
/// | portion mark | `portionMark` (ours) | `constant.other.portion-mark.transcript` | `@attribute` |
/// | banner | `keyword` | `keyword.other.banner.transcript` | `@keyword` |
/// | page furniture | `comment` | `comment.line.furniture.transcript` | `@comment` |
/// | stage direction | `comment` | `comment.line.stage-direction.transcript` | `@comment` |
/// | treaty name | `namespace` | (none: only the server knows treaties) | `@module` |
///
/// The two types of our own are declared with their scopes in the VS Code
/// extension's `package.json` (`semanticTokenTypes`,
/// `semanticTokenScopes`) and linked to the captures by the Neovim plugin
/// (`@lsp.type.label.transcript` → `@label`); a struck banner carries the
/// `deprecated` modifier.
fn token_type(kind: TokenKind) -> SemanticTokenType {
    match kind {
        TokenKind::SpeakerLabel => SemanticTokenType::new("label"),
        TokenKind::PortionMark => SemanticTokenType::new("portionMark"),
        TokenKind::Banner => SemanticTokenType::KEYWORD,
        TokenKind::Furniture | TokenKind::StageDirection => SemanticTokenType::COMMENT,
        TokenKind::TreatyName => SemanticTokenType::NAMESPACE,
    }
}

/// Modifiers: a struck banner is deprecated.
const MODIFIERS: [SemanticTokenModifier; 1] = [SemanticTokenModifier::DEPRECATED];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TokenKind::ALL.iter().map(|k| token_type(*k)).collect(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// The document's tokens, delta-encoded.
pub fn tokens(snap: &Snapshot, unit: ColumnUnit) -> Vec<SemanticToken> {
    let text = snap.text();
    let mut out = Vec::new();
    let (mut last_line, mut last_col) = (0u32, 0u32);
    for token in classify(&snap.analysis().model, text) {
        let a = snap.index().position(text, token.range.start, unit);
        let b = snap.index().position(text, token.range.end, unit);
        let (line, col) = (a.line as u32, a.col as u32);
        let delta_line = line - last_line;
        let delta_start = if delta_line == 0 { col - last_col } else { col };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: (b.col - a.col) as u32,
            token_type: TokenKind::ALL
                .iter()
                .position(|k| *k == token.kind)
                .unwrap_or_default() as u32,
            token_modifiers_bitset: u32::from(token.struck),
        });
        (last_line, last_col) = (line, col);
    }
    out
}
