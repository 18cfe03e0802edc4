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

use transcript_ls::analysis::Sections;

use super::documents::Snapshot;
use super::editions::EditionText;

/// Where a document's lines are, with the encoding positions are counted
/// in: a whole text and its line index, or a snapshot's sections (each
/// with its own index), which needs no copy of the whole text.
pub struct Positions<'a> {
    lines: Lines<'a>,
    pub unit: ColumnUnit,
    /// The other edition related places may point into.
    edition: Option<&'a EditionText>,
}

enum Lines<'a> {
    Text {
        text: &'a str,
        index: &'a LineIndex,
    },
    Sections {
        view: &'a Sections,
        first_lines: &'a [usize],
    },
}

impl<'a> Positions<'a> {
    /// The positions of a snapshot's document.
    pub fn of(snap: &'a Snapshot, unit: ColumnUnit) -> Positions<'a> {
        Positions {
            lines: Lines::Sections {
                view: &snap.view,
                first_lines: &snap.first_lines,
            },
            unit,
            edition: snap.edition.as_deref(),
        }
    }

    /// The positions of a text.
    pub fn text(text: &'a str, index: &'a LineIndex, unit: ColumnUnit) -> Positions<'a> {
        Positions {
            lines: Lines::Text { text, index },
            unit,
            edition: None,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let p = match &self.lines {
            Lines::Text { text, index } => index.position(text, offset, self.unit),
            Lines::Sections { view, first_lines } => {
                let k = view.section_at(offset);
                let (start, section) = view.section(k);
                let p = section.line_index().position(
                    &section.text,
                    offset.saturating_sub(start),
                    self.unit,
                );
                LineCol {
                    line: first_lines[k] + p.line,
                    col: p.col,
                }
            }
        };
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
        let line = at.line as usize;
        let col = at.character as usize;
        match &self.lines {
            Lines::Text { text, index } => index.offset(text, LineCol { line, col }, self.unit),
            Lines::Sections { view, first_lines } => {
                let k = first_lines
                    .partition_point(|&l| l <= line)
                    .saturating_sub(1);
                let (start, section) = view.section(k);
                start
                    + section.line_index().offset(
                        &section.text,
                        LineCol {
                            line: line - first_lines[k],
                            col,
                        },
                        self.unit,
                    )
            }
        }
    }

    /// The byte range of the line holding `offset`, without its break.
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        match &self.lines {
            Lines::Text { text, index } => {
                let line = index.position(text, offset, ColumnUnit::Utf8).line;
                index.line_range(text, line)
            }
            Lines::Sections { view, .. } => {
                let (start, section) = view.section(view.section_at(offset));
                let index = section.line_index();
                let local = offset.saturating_sub(start);
                let line = index.position(&section.text, local, ColumnUnit::Utf8).line;
                let r = index.line_range(&section.text, line);
                start + r.start..start + r.end
            }
        }
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
            code_description: super::docs::link(f.code)
                .map(|href| lsp::CodeDescription { href: href.clone() }),
            source: Some("transcript-ls".to_string()),
            message: f.message.clone(),
            related_information: (!f.related.is_empty()).then(|| {
                f.related
                    .iter()
                    .filter_map(|r| {
                        let location = match (&r.document, self.edition) {
                            (None, _) => Location {
                                uri: uri.clone(),
                                range: self.range(&r.range),
                            },
                            (Some(_), Some(edition)) => {
                                let other =
                                    Positions::text(&edition.text, &edition.index, self.unit);
                                Location {
                                    uri: edition.uri.clone(),
                                    range: other.range(&r.range),
                                }
                            }
                            (Some(_), None) => return None,
                        };
                        Some(DiagnosticRelatedInformation {
                            location,
                            message: r.message.clone(),
                        })
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
