//! Reading the model off the syntax tree.

use std::ops::Range;

use tree_sitter::{Node, Tree};

use super::classification::{banner_level, read_mark};
use super::dates::first_full_date;
use super::*;

/// The model of a text before what depends on the whole document: the
/// speakers are not resolved (each turn's label is kept, and `speaker` is
/// 0), and there is no date, no treaty mention and no mark position yet.
#[derive(Debug, Clone)]
pub struct Raw {
    pub model: Model,
    /// The label of each turn, as written.
    pub labels: Vec<String>,
}

/// Reads the model of `text`, parsed as `tree`, so far as the text alone
/// decides it.
pub fn build_raw(text: &str, tree: &Tree) -> Raw {
    let mut b = Builder {
        text,
        model: Model::default(),
        labels: Vec::new(),
    };
    let root = tree.root_node();
    let mut cursor = root.walk();
    for child in root.named_children(&mut cursor) {
        b.top_level(child);
    }
    super::splits::link_split_paragraphs(text, &mut b.model);
    b.model.records = records::starts(text, &b.model);
    Raw {
        model: b.model,
        labels: b.labels,
    }
}

struct Builder<'t> {
    text: &'t str,
    model: Model,
    /// The label text of each turn, resolved once the participants are known.
    labels: Vec<String>,
}

impl<'t> Builder<'t> {
    fn top_level(&mut self, node: Node) {
        match node.kind() {
            "speaker_turn" => self.turn(node),
            _ => self.block(node, None),
        }
    }

    fn turn(&mut self, node: Node) {
        let index = self.model.turns.len();
        let mut turn = SpeakerTurn {
            range: node.byte_range(),
            label: node.start_byte()..node.start_byte(),
            name_range: node.start_byte()..node.start_byte(),
            speaker: 0,
            paragraphs: Vec::new(),
            margin_mark: None,
        };
        let mut label = String::new();
        let mut cursor = node.walk();
        let children: Vec<Node> = node.named_children(&mut cursor).collect();
        for child in &children {
            match child.kind() {
                "margin_mark" if turn.paragraphs.is_empty() && turn.label.is_empty() => {
                    turn.margin_mark = Some(child.byte_range());
                    // OCR's specks before a hearing's label (`’ Mr. Stern.`)
                    // are no mark a reader put in the margin.
                    if self.text[child.byte_range()].starts_with('(') {
                        self.model.margin_marks.push(child.byte_range());
                    }
                }
                "speaker_label" => {
                    turn.label = child.byte_range();
                    if let Some(name) = named_child(*child, "speaker_name") {
                        turn.name_range = name.byte_range();
                        label = self.text[name.byte_range()].to_string();
                    }
                }
                _ => {}
            }
        }
        self.model.turns.push(turn);
        self.labels.push(label);
        self.model.blocks.push(Block::Label(index));
        for child in children {
            if !matches!(child.kind(), "speaker_label")
                && self.model.turns[index].label.end <= child.start_byte()
            {
                self.block(child, Some(index));
            }
        }
    }

    fn block(&mut self, node: Node, turn: Option<usize>) {
        let range = node.byte_range();
        match node.kind() {
            "paragraph" => self.paragraph(node, turn),
            "banner" => {
                let struck = node.child_by_field_name("struck").is_some();
                let text = self.text[range.clone()].trim().to_string();
                let level = banner_level(&text);
                self.model
                    .blocks
                    .push(Block::Banner(self.model.banners.len()));
                self.model.banners.push(Banner {
                    range,
                    text,
                    level,
                    struck,
                });
            }
            "page_furniture" => {
                self.model
                    .blocks
                    .push(Block::Furniture(self.model.furniture.len()));
                self.model.furniture.push(range);
            }
            "debris" => {
                self.model
                    .blocks
                    .push(Block::Debris(self.model.debris.len()));
                self.model.debris.push(range);
            }
            "heading" => {
                self.model
                    .blocks
                    .push(Block::Heading(self.model.headings.len()));
                self.model.headings.push(range);
            }
            "end_marker" => {
                self.model.blocks.push(Block::EndMarker);
                self.model.end_marker = Some(range);
            }
            "header_block" => {
                let mut cursor = node.walk();
                for field in node.named_children(&mut cursor) {
                    if field.kind() == "header_field" {
                        self.field(field);
                    }
                }
            }
            "header_field" => self.field(node),
            "margin_mark" => self.model.margin_marks.push(range),
            _ => {}
        }
    }

    fn field(&mut self, node: Node) {
        let name =
            named_child(node, "field_name").map(|n| self.text[n.byte_range()].trim().to_string());
        let value = named_child(node, "field_value");
        let value_range = value.map_or(node.end_byte()..node.end_byte(), |v| v.byte_range());
        let field = HeaderField {
            range: node.byte_range(),
            name: name.unwrap_or_default(),
            value_range,
        };
        if field.lists_participants()
            && let Some(value) = value
        {
            let mut group = None;
            let mut cursor = value.walk();
            for child in value.named_children(&mut cursor) {
                let joined = join_lines(&self.text[child.byte_range()]);
                match child.kind() {
                    "participant_group" => {
                        group = Some(joined.trim_end_matches(':').trim().to_string())
                    }
                    // A page anchor (`[Page 192]`) that a page break
                    // dropped into the list is not a person.
                    "participant" if joined.starts_with("[Page") => {}
                    "participant" => self.model.participants.push(Participant {
                        range: trimmed(self.text, child.byte_range()),
                        text: joined,
                        group: group.clone(),
                    }),
                    _ => {}
                }
            }
        }
        self.model
            .blocks
            .push(Block::Field(self.model.fields.len()));
        self.model.fields.push(field);
    }

    fn paragraph(&mut self, node: Node, turn: Option<usize>) {
        let text = self.text;
        let range = node.byte_range();
        let mut marks = Vec::new();
        let mut stage_directions = Vec::new();
        let mut margin_mark = None;
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "portion_mark" => {
                    let r = child.byte_range();
                    let inner = text[r.clone()]
                        .trim()
                        .trim_start_matches('(')
                        .trim_end_matches(')')
                        .to_string();
                    marks.push(PortionMark {
                        reading: read_mark(&inner),
                        inner,
                        range: r,
                        leading: false,
                    });
                }
                "stage_direction" => stage_directions.push(child.byte_range()),
                "margin_mark" if child.start_byte() == range.start => {
                    margin_mark = Some(child.byte_range());
                    self.model.margin_marks.push(child.byte_range());
                }
                _ => {}
            }
        }
        let mut start = margin_mark.as_ref().map_or(range.start, |m| m.end);
        start = skip_space(text, start, range.end);
        if let Some(first) = marks.first_mut()
            && first.range.start == start
        {
            first.leading = true;
            start = skip_space(text, first.range.end, range.end);
        }
        if !marks.first().is_some_and(|m| m.leading)
            && let Some(mark) = numbered_mark(text, start, range.end)
        {
            start = skip_space(text, mark.range.end, range.end);
            marks.insert(0, mark);
        }
        if marks.is_empty() {
            marks.extend(misread_marks(text, start, range.end));
            if let Some(first) = marks.first()
                && first.leading
            {
                start = skip_space(text, first.range.end, range.end);
            }
        }
        let mut end = range.end;
        if let Some(last) = marks.last()
            && !last.leading
            && text[last.range.end..range.end].trim().is_empty()
        {
            end = last.range.start;
        }
        while end > start && text.as_bytes()[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let content = start..end;
        let words = &text[content.clone()];
        let role = if words.starts_with("<!--") && words.ends_with("-->") {
            ParagraphRole::Directive
        } else if stage_directions.len() == 1 && stage_directions[0] == content {
            ParagraphRole::StageDirection
        } else if marks.is_empty() && self.follows_caution() {
            ParagraphRole::Notice
        } else {
            ParagraphRole::Body
        };
        let index = self.model.paragraphs.len();
        self.model.blocks.push(Block::Paragraph(index));
        if let Some(t) = turn {
            self.model.turns[t].paragraphs.push(index);
        }
        self.model.paragraphs.push(Paragraph {
            range,
            content,
            marks,
            stage_directions,
            margin_mark,
            turn,
            role,
            continues: false,
            continued: false,
        });
    }

    /// Whether the block just before is the memcon's `CAUTION:` field, whose
    /// notice runs on into the next paragraph.
    fn follows_caution(&self) -> bool {
        matches!(self.model.blocks.last(), Some(Block::Field(f)) if self.model.fields[*f].is("CAUTION"))
    }
}

/// The date in the first `DATE` field that holds a full date.
pub fn field_date(text: &str, fields: &[HeaderField]) -> Option<Date> {
    fields
        .iter()
        .filter(|f| f.name.to_ascii_uppercase().starts_with("DATE"))
        .find_map(|f| first_full_date(text, f.value_range.clone()))
}

/// The first full date near the top of `text`, the document's date when
/// no field gives one.
pub fn head_date(text: &str) -> Option<Date> {
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    first_full_date(text, 0..end)
}

/// How far from the top a document's date is looked for.
pub const HEAD: usize = 4000;

fn named_child<'a>(node: Node<'a>, kind: &str) -> Option<Node<'a>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).find(|n| n.kind() == kind)
}

/// Portion marks that OCR misread so the grammar cannot see them, at a
/// paragraph's start or end, standing apart from the words: a brace or a
/// bracket for a parenthesis (`{S)`, `(C]`), a letter for one (`(Sj`,
/// `iU)`), a digit or a sign for the letter (`{5)`, `(S$)`). Read as an
/// unknown mark with the level it suggests, so M002 names it and M001 does
/// not take the paragraph for unmarked.
fn misread_marks(text: &str, start: usize, end: usize) -> Vec<PortionMark> {
    let body = &text[start..end];
    let mut out = Vec::new();
    // Where the first token starts: past any white space, Unicode's too.
    let lead = body.len() - body.trim_start().len();
    let first = body.split_whitespace().next();
    if let Some(token) = first
        && let Some(level) = misread_mark(token)
    {
        out.push(misread(start + lead, token, level, true));
    }
    let trimmed = body.trim_end();
    let last_start = trimmed
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(n, c)| n + c.len_utf8());
    let token = &trimmed[last_start..];
    if last_start > 0
        && out.is_empty()
        && let Some(level) = misread_mark(token)
    {
        out.push(misread(start + last_start, token, level, false));
    }
    out
}

fn misread(at: usize, token: &str, level: Level, leading: bool) -> PortionMark {
    let token = token.trim_end_matches(['.', ',']);
    PortionMark {
        range: at..at + token.len(),
        inner: token.to_string(),
        reading: MarkReading::Unknown {
            suggestion: Some(level),
        },
        leading,
    }
}

/// The level a misread mark stands for: `{S)`, `(C]`, `[U)`, `(Sj`, `iU)`,
/// `{5)`, `(S$)`, `(T5}`. One end must be a real bracket, the other a
/// bracket or a letter OCR makes of one; the inside one level, perhaps
/// with one speck. Plain `(X)` marks are the grammar's.
pub(crate) fn misread_mark(token: &str) -> Option<Level> {
    let token = token.trim_end_matches(['.', ',']);
    let chars: Vec<char> = token.chars().collect();
    if !(3..=6).contains(&chars.len()) {
        return None;
    }
    let (open, close) = (chars[0], chars[chars.len() - 1]);
    let real_open = matches!(open, '(' | '{' | '[');
    let real_close = matches!(close, ')' | '}' | ']');
    let open_ok = real_open || (real_close && matches!(open, 'i' | 'l' | '1' | '|' | 'f'));
    let close_ok = real_close || (real_open && matches!(close, 'j' | 'l' | '1' | '|'));
    if !(open_ok && close_ok) || (open == '(' && close == ')') {
        return None;
    }
    let mut inner: String = chars[1..chars.len() - 1]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    if inner.len() >= 2 && inner.ends_with(['$', '.', ',', '\'', '`']) && !inner.starts_with('T') {
        inner.pop();
    }
    match inner.as_str() {
        "S" | "s" | "5" | "$" | "8" => Some(Level::Secret),
        "C" | "c" | "G" => Some(Level::Confidential),
        "U" | "u" | "V" => Some(Level::Unclassified),
        "TS" | "T5" | "Ts" | "IS" => Some(Level::TopSecret),
        _ => None,
    }
}

/// A valid portion mark after a paragraph's number or letter: `1. (S)
/// Reference is made…`, `a. (C) The station…`, `(2) (U) The…`. The mark is
/// the paragraph's leading mark.
fn numbered_mark(text: &str, start: usize, end: usize) -> Option<PortionMark> {
    let mut stop = end.min(start + 24);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let s = &text[start..stop];
    let bytes = s.as_bytes();
    let mut i = 0;
    let paren = bytes.first() == Some(&b'(');
    if paren {
        i += 1;
    }
    let n = bytes[i..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        .count();
    let label = &s[i..i + n];
    let numeral = !label.is_empty()
        && (label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit())
            || label.len() == 1
            || label.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')));
    if !numeral {
        return None;
    }
    i += n;
    match bytes.get(i) {
        Some(b')') => i += 1,
        Some(b'.') if !paren => i += 1,
        _ => return None,
    }
    let gap = bytes[i..]
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    if gap == 0 {
        return None;
    }
    i += gap;
    let rest = &s[i..];
    let close = rest.find(')')?;
    if !rest.starts_with('(') || close > 12 {
        return None;
    }
    let inner = &rest[1..close];
    let reading = read_mark(inner);
    if !matches!(reading, MarkReading::Valid(_)) {
        return None;
    }
    let after = rest[close + 1..].chars().next();
    if after.is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let at = start + i;
    Some(PortionMark {
        range: at..at + close + 1,
        inner: inner.to_string(),
        reading,
        leading: true,
    })
}

fn skip_space(text: &str, mut at: usize, end: usize) -> usize {
    while at < end && text.as_bytes()[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

/// A wrapped entry on one line: `Assistant to the  \nPresident` →
/// `Assistant to the President`.
fn join_lines(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
