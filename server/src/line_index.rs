//! Converting byte offsets to lines and columns, and back: the one place
//! that knows about line breaks and column units. A line ends, as LSP
//! says, at `\n`, `\r\n` or a lone `\r`. The command line reports
//! 1-based lines and columns in characters; the language server uses
//! 0-based positions in UTF-8 or UTF-16 code units.

/// How a column is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units, as LSP counts by default.
    Utf16,
    /// Unicode scalar values (characters).
    Char,
}

/// The number of line breaks in `text` (`\r\n` is one).
pub fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
        .count()
}

/// A line and column, both 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// The start offset of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                // A `\r` before `\n` is the first half of one break.
                .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
                .map(|i| i + 1),
        );
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The number of lines (a text ending in a line break has an empty last
    /// line).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of line `line` (0-based), without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line.min(self.starts.len() - 1)];
        let next = self.starts.get(line + 1);
        let mut end = next.map_or(self.len, |n| n - 1);
        // The break is `\n` or a lone `\r`, or `\r\n`.
        if next.is_some()
            && end > start
            && text.as_bytes()[end] == b'\n'
            && text.as_bytes()[end - 1] == b'\r'
        {
            end -= 1;
        }
        start..end
    }

    /// The position of byte `offset` (clamped to the text), with the column
    /// counted in `unit`.
    pub fn position(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &text[self.starts[line]..offset];
        let col = match unit {
            // Most lines are ASCII, where every unit is a byte.
            ColumnUnit::Utf8 => before.len(),
            _ if before.is_ascii() => before.len(),
            ColumnUnit::Utf16 => before.encode_utf16().count(),
            ColumnUnit::Char => before.chars().count(),
        };
        LineCol { line, col }
    }

    /// The byte offset of a position; a column past the line's end means
    /// the line's end, a line past the last means the text's end.
    pub fn offset(&self, text: &str, at: LineCol, unit: ColumnUnit) -> usize {
        if at.line >= self.starts.len() {
            return self.len;
        }
        let range = self.line_range(text, at.line);
        let line = &text[range.clone()];
        let mut counted = 0;
        for (i, c) in line.char_indices() {
            if counted >= at.col {
                return range.start + i;
            }
            counted += match unit {
                ColumnUnit::Utf8 => c.len_utf8(),
                ColumnUnit::Utf16 => c.len_utf16(),
                ColumnUnit::Char => 1,
            };
        }
        range.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_in_every_unit_with_non_bmp_text() {
        let text = "Лавров: 👋 hi\r\nsecond ✓ line\n";
        let index = LineIndex::new(text);
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
            for (offset, c) in text
                .char_indices()
                .filter(|(_, c)| !matches!(c, '\r' | '\n'))
            {
                let pos = index.position(text, offset, unit);
                assert_eq!(
                    index.offset(text, pos, unit),
                    offset,
                    "{unit:?} {offset} {c:?}"
                );
            }
        }
        let wave = text.find('👋').unwrap();
        assert_eq!(
            index.position(text, wave, ColumnUnit::Char),
            LineCol { line: 0, col: 8 }
        );
        assert_eq!(
            index.position(text, wave + 4, ColumnUnit::Utf16),
            LineCol { line: 0, col: 10 }
        );
        assert_eq!(
            index.position(text, wave + 4, ColumnUnit::Utf8),
            LineCol { line: 0, col: 18 }
        );
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_lsp_says() {
        let text = "a\rb\r\nc\nd\r";
        let index = LineIndex::new(text);
        assert_eq!(index.lines(), 5);
        let lines: Vec<&str> = (0..5).map(|l| &text[index.line_range(text, l)]).collect();
        assert_eq!(lines, ["a", "b", "c", "d", ""]);
        let d = text.find('d').unwrap();
        assert_eq!(
            index.position(text, d, ColumnUnit::Utf16),
            LineCol { line: 3, col: 0 }
        );
        let b = LineCol { line: 1, col: 1 };
        assert_eq!(
            index.offset(text, b, ColumnUnit::Utf16),
            3,
            "the end of `b`"
        );
    }

    #[test]
    fn line_ranges_leave_out_the_line_break() {
        let text = "a\r\nbc\n";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 0)], "a");
        assert_eq!(&text[index.line_range(text, 1)], "bc");
        assert_eq!(index.lines(), 3);
    }
}
