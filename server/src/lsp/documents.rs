//! Open documents: their text as a rope, edited in place in version order,
//! the syntax tree told of every edit, and the latest analysis.

use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::lsp_types::{Position, TextDocumentContentChangeEvent};
use transcript_ls::Config;
use transcript_ls::analysis::Analysis;
use transcript_ls::line_index::{ColumnUnit, LineIndex};
use tree_sitter::{InputEdit, Point, Tree};

/// A document's text and what was computed from it, at one version.
pub struct Snapshot {
    pub version: i32,
    pub text: Arc<str>,
    pub index: LineIndex,
    pub tree: Tree,
    pub analysis: Analysis,
    pub config: Arc<Config>,
}

/// One document the editor has open.
pub struct OpenDocument {
    pub rope: Rope,
    pub version: i32,
    /// The tree of the last parse, edited to match `rope` (None before the
    /// first parse).
    pub tree: Option<Tree>,
    /// The latest analysis, possibly of an older version.
    pub snapshot: Option<Arc<Snapshot>>,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32) -> OpenDocument {
        OpenDocument {
            rope: Rope::from_str(text),
            version,
            tree: None,
            snapshot: None,
        }
    }

    /// Applies the changes of `version`. The server calls this before its
    /// handler first awaits anything, so changes are applied in the order
    /// they arrive, which is the client's order; a change for a version not
    /// newer than the current one is stale and ignored. (Versions may skip:
    /// Neovim's follow its change counter.)
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        unit: ColumnUnit,
    ) {
        if version <= self.version {
            return;
        }
        for change in changes {
            self.apply(change, unit);
        }
        self.version = version;
    }

    fn apply(&mut self, change: TextDocumentContentChangeEvent, unit: ColumnUnit) {
        let Some(range) = change.range else {
            self.rope = Rope::from_str(&change.text);
            self.tree = None;
            return;
        };
        let start = self.char_at(range.start, unit);
        let end = self.char_at(range.end, unit).max(start);
        let start_byte = self.rope.char_to_byte(start);
        let old_end_byte = self.rope.char_to_byte(end);
        let start_point = self.point(start_byte);
        let old_end_point = self.point(old_end_byte);
        self.rope.remove(start..end);
        self.rope.insert(start, &change.text);
        let new_end_byte = start_byte + change.text.len();
        let new_end_point = self.point(new_end_byte);
        if let Some(tree) = &mut self.tree {
            tree.edit(&InputEdit {
                start_byte,
                old_end_byte,
                new_end_byte,
                start_position: start_point,
                old_end_position: old_end_point,
                new_end_position: new_end_point,
            });
        }
    }

    /// The char index of an LSP position, clamped to the document.
    pub fn char_at(&self, at: Position, unit: ColumnUnit) -> usize {
        let line = at.line as usize;
        if line >= self.rope.len_lines() {
            return self.rope.len_chars();
        }
        let line_start = self.rope.line_to_char(line);
        let line_slice = self.rope.line(line);
        let mut line_len = line_slice.len_chars();
        // The position of a line's end is before its line break.
        while line_len > 0 && matches!(line_slice.char(line_len - 1), '\n' | '\r') {
            line_len -= 1;
        }
        let col = at.character as usize;
        let offset = match unit {
            ColumnUnit::Char => col,
            ColumnUnit::Utf8 => {
                let base = self.rope.char_to_byte(line_start);
                let byte = (base + col).min(self.rope.char_to_byte(line_start + line_len));
                self.rope.byte_to_char(byte) - line_start
            }
            ColumnUnit::Utf16 => {
                let base = self.rope.char_to_utf16_cu(line_start);
                let cu = (base + col).min(self.rope.char_to_utf16_cu(line_start + line_len));
                self.rope.utf16_cu_to_char(cu) - line_start
            }
        };
        line_start + offset.min(line_len)
    }

    fn point(&self, byte: usize) -> Point {
        let row = self.rope.byte_to_line(byte);
        Point {
            row,
            column: byte - self.rope.line_to_byte(row),
        }
    }
}
