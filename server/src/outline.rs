//! A document's structure as the `parse` command shows it: header fields
//! (with the participants list), banners, and speaker turns, in document
//! order with their lines.

use tree_sitter::{Node, Tree};

/// One line of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineItem {
    /// 1-based line of the item's first character.
    pub line: usize,
    pub kind: ItemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    Heading(String),
    Banner {
        text: String,
        struck: bool,
    },
    Field {
        name: String,
        value: String,
    },
    ParticipantGroup(String),
    Participant(String),
    Turn {
        speaker: String,
        first_words: String,
    },
    EndMarker(String),
}

/// How many words of a turn the outline shows.
const FIRST_WORDS: usize = 10;

/// The outline of `source`, parsed as `tree`.
pub fn outline(source: &str, tree: &Tree) -> Vec<OutlineItem> {
    let mut items = Vec::new();
    walk(tree.root_node(), source, &mut items);
    items
}

fn walk(node: Node, source: &str, items: &mut Vec<OutlineItem>) {
    let line = node.start_position().row + 1;
    let kind = match node.kind() {
        "heading" => Some(ItemKind::Heading(clean(
            text(node, source).trim_start_matches('#'),
        ))),
        "banner" => Some(ItemKind::Banner {
            text: text(node, source).to_string(),
            struck: node.child_by_field_name("struck").is_some(),
        }),
        "header_field" => Some(ItemKind::Field {
            name: named_child(node, "field_name")
                .map(|n| clean(text(n, source)))
                .unwrap_or_default(),
            value: field_value_text(node, source),
        }),
        "participant_group" => Some(ItemKind::ParticipantGroup(clean(text(node, source)))),
        "participant" => Some(ItemKind::Participant(clean(text(node, source)))),
        "speaker_turn" => Some(ItemKind::Turn {
            speaker: named_child(node, "speaker_label")
                .and_then(|label| named_child(label, "speaker_name"))
                .map(|n| clean(text(n, source)))
                .unwrap_or_default(),
            first_words: named_child(node, "paragraph")
                .map(|p| first_words(text(p, source)))
                .unwrap_or_default(),
        }),
        "end_marker" => Some(ItemKind::EndMarker(clean(text(node, source)))),
        _ => None,
    };
    if let Some(kind) = kind {
        items.push(OutlineItem { line, kind });
    }
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        walk(child, source, items);
    }
}

fn text<'a>(node: Node, source: &'a str) -> &'a str {
    &source[node.byte_range()]
}

fn named_child<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).find(|c| c.kind() == kind)
}

/// Text with its line breaks and runs of white space folded to one space.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A field's value as one line; a participants list is shown item by item
/// instead, so its value is left empty.
fn field_value_text(field: Node, source: &str) -> String {
    match named_child(field, "field_value") {
        Some(value)
            if named_child(value, "participant").is_none()
                && named_child(value, "participant_group").is_none() =>
        {
            clean(text(value, source))
        }
        _ => String::new(),
    }
}

fn first_words(paragraph: &str) -> String {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let mut shown = words[..words.len().min(FIRST_WORDS)].join(" ");
    if words.len() > FIRST_WORDS {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn items(source: &str) -> Vec<OutlineItem> {
        outline(source, &parse(source))
    }

    #[test]
    fn turn_shows_speaker_line_and_first_words() {
        let src = "SUBJECT: Talks (U)\n\nThe President: One two three four five six seven eight nine ten eleven. (S)\n";
        assert_eq!(
            items(src),
            [
                OutlineItem {
                    line: 1,
                    kind: ItemKind::Field {
                        name: "SUBJECT".into(),
                        value: "Talks (U)".into()
                    }
                },
                OutlineItem {
                    line: 3,
                    kind: ItemKind::Turn {
                        speaker: "The President".into(),
                        first_words: "One two three four five six seven eight nine ten…".into()
                    }
                },
            ]
        );
    }

    #[test]
    fn participants_are_listed_under_their_field() {
        let src = "PARTICIPANTS: United States\nThe President\nStephen Hadley, Assistant to the\nPresident\n";
        let kinds: Vec<ItemKind> = items(src).into_iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                ItemKind::Field {
                    name: "PARTICIPANTS".into(),
                    value: String::new()
                },
                ItemKind::ParticipantGroup("United States".into()),
                ItemKind::Participant("The President".into()),
                ItemKind::Participant("Stephen Hadley, Assistant to the President".into()),
            ]
        );
    }

    #[test]
    fn struck_banner_is_marked_struck() {
        let kinds: Vec<ItemKind> = items("~~SECRET~~\n\nSECRET\n")
            .into_iter()
            .map(|i| i.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                ItemKind::Banner {
                    text: "~~SECRET~~".into(),
                    struck: true
                },
                ItemKind::Banner {
                    text: "SECRET".into(),
                    struck: false
                },
            ]
        );
    }
}
