//! Position conversion, for any text: every character boundary round-trips
//! through UTF-8, UTF-16 and UTF-32 (character) columns, and positions past
//! a line's end or the document's end are clamped, never a panic.

use proptest::prelude::*;
use transcript_ls::line_index::{ColumnUnit, LineCol, LineIndex};

const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "é",
    "e\u{301}",
    "Лавров",
    "👋",
    "👩‍👩‍👧",
    "中文",
    "\u{feff}",
    "(S)",
    "|",
    "--",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

const UNITS: [ColumnUnit; 3] = [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_character_boundary_round_trips_in_every_unit(text in text()) {
        let index = LineIndex::new(&text);
        for unit in UNITS {
            for (offset, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
                // A line break's own offset belongs to the end of its line.
                if matches!(c, '\n' | '\r') {
                    continue;
                }
                let pos = index.position(&text, offset, unit);
                prop_assert_eq!(index.offset(&text, pos, unit), offset, "{:?} at {}", unit, offset);
            }
        }
    }

    #[test]
    fn positions_past_the_end_are_clamped(text in text(), line in 0usize..200, col in 0usize..500) {
        let index = LineIndex::new(&text);
        for unit in UNITS {
            let offset = index.offset(&text, LineCol { line, col }, unit);
            prop_assert!(offset <= text.len() && text.is_char_boundary(offset));
            let back = index.position(&text, offset, unit);
            prop_assert!(back.line <= line);
        }
        // An offset past the end, or inside a character, is clamped too.
        for offset in [text.len() + 10, text.len() / 2] {
            let pos = index.position(&text, offset, ColumnUnit::Utf16);
            prop_assert!(pos.line < index.lines());
        }
    }
}

#[test]
fn columns_count_the_right_units() {
    let text = "Лавров 👋e\u{301}|";
    let index = LineIndex::new(text);
    let bar = text.find('|').unwrap();
    assert_eq!(index.position(text, bar, ColumnUnit::Utf8).col, bar);
    assert_eq!(
        index.position(text, bar, ColumnUnit::Utf16).col,
        6 + 1 + 2 + 2
    );
    assert_eq!(
        index.position(text, bar, ColumnUnit::Char).col,
        6 + 1 + 1 + 2
    );
}
