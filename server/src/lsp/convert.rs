//! Between the analysis (byte offsets, findings, fixes) and the protocol
//! (positions in the negotiated encoding, diagnostics, workspace edits).
//! Nothing else in the server converts positions.

use std::collections::HashMap;
use std::ops::Range;

use tower_lsp_server::lsp_types::{
    self as lsp, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, TextEdit, Uri, WorkspaceEdit,
};
use transcript_ls::fix::Edit;
use transcript_ls::line_index::{ColumnUnit, LineCol, LineIndex};
use transcript_ls::{Finding, Severity};

use super::documents::Snapshot;

/// A text and its line index, with the encoding positions are counted in.
pub struct Positions<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub unit: ColumnUnit,
}

impl Positions<'_> {
    /// The positions of a snapshot's text.
    pub fn of(snap: &Snapshot, unit: ColumnUnit) -> Positions<'_> {
        Positions {
            text: &snap.text,
            index: &snap.index,
            unit,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let p = self.index.position(self.text, offset, self.unit);
        Position {
            line: p.line as u32,
            character: p.col as u32,
        }
    }

    pub fn range(&self, range: &Range<usize>) -> lsp::Range {
        lsp::Range {
            start: self.position(range.start),
            end: self.position(range.end),
        }
    }

    pub fn offset(&self, at: Position) -> usize {
        self.index.offset(
            self.text,
            LineCol {
                line: at.line as usize,
                col: at.character as usize,
            },
            self.unit,
        )
    }

    pub fn text_edit(&self, edit: &Edit) -> TextEdit {
        TextEdit {
            range: self.range(&edit.range),
            new_text: edit.replacement.clone(),
        }
    }

    /// A finding as a diagnostic of the document at `uri`.
    pub fn diagnostic(&self, uri: &Uri, f: &Finding) -> Diagnostic {
        Diagnostic {
            range: self.range(&f.range),
            severity: Some(severity(f.severity)),
            code: Some(NumberOrString::String(f.code.to_string())),
            source: Some("transcript-ls".to_string()),
            message: f.message.clone(),
            related_information: (!f.related.is_empty()).then(|| {
                f.related
                    .iter()
                    .map(|r| DiagnosticRelatedInformation {
                        location: Location {
                            uri: uri.clone(),
                            range: self.range(&r.range),
                        },
                        message: r.message.clone(),
                    })
                    .collect()
            }),
            // Text a fix deletes outright shows faded.
            tags: matches!(f.code, "O003" | "O004" | "O009")
                .then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
            ..Diagnostic::default()
        }
    }

    /// `edits` of the document at `uri` as a workspace edit.
    // lsp-types keys the edits by `Uri`, whose lazily cached parse is what
    // clippy calls interior mutability; the key is never changed.
    #[allow(clippy::mutable_key_type)]
    pub fn workspace_edit(&self, uri: &Uri, edits: &[Edit]) -> WorkspaceEdit {
        let mut changes = HashMap::new();
        changes.insert(
            uri.clone(),
            edits.iter().map(|e| self.text_edit(e)).collect(),
        );
        WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
