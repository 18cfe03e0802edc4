//! Stray indents: the white space at the start of lines of labels and
//! paragraphs, which O009 reports when the document's lines are mostly not
//! indented (a fact of the whole document).

use std::ops::Range;

use crate::model::Model;

/// The white space at the start of each line of a label or paragraph that
/// starts with some, and how many lines were judged.
pub fn indents(text: &str, model: &Model) -> (Vec<Range<usize>>, usize) {
    // Every line that starts a label, starts a paragraph or continues one.
    let mut starts: Vec<usize> = model
        .turns
        .iter()
        .map(|t| t.margin_mark.as_ref().map_or(t.label.start, |m| m.start))
        .collect();
    for p in &model.paragraphs {
        let on_label_line = p.turn.is_some_and(|t| {
            let label = &model.turns[t].label;
            label.end <= p.range.start && !text[label.end..p.range.start].contains('\n')
        });
        if !on_label_line {
            starts.push(p.range.start);
        }
        // A list item's wrapped lines hang under its text, as Markdown
        // writes them: their indent is layout.
        let first = text[p.range.clone()].trim_start();
        let mut chars = first.chars();
        if matches!(chars.next(), Some('-' | '*' | '\u{2022}'))
            && matches!(chars.next(), Some(' ' | '\t'))
        {
            continue;
        }
        starts.extend(
            text[p.range.clone()]
                .match_indices('\n')
                .map(|(n, _)| p.range.start + n + 1),
        );
    }
    let mut indents: Vec<Range<usize>> = Vec::new();
    let mut judged = 0;
    for at in starts {
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let lead = text[line_start..]
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        if line_start + lead >= text.len()
            || matches!(text.as_bytes()[line_start + lead], b'\n' | b'\r')
        {
            continue;
        }
        judged += 1;
        if lead > 0 && !after_hard_break(text, line_start) {
            indents.push(line_start..line_start + lead);
        }
    }
    (indents, judged)
}

/// The previous line ends in two spaces or a backslash: a Markdown hard
/// break, after which web exports indent the next line.
fn after_hard_break(text: &str, line_start: usize) -> bool {
    let Some(prev) = text[..line_start].strip_suffix('\n') else {
        return false;
    };
    let prev = prev.strip_suffix('\r').unwrap_or(prev);
    prev.ends_with("  ") || prev.ends_with('\\')
}
