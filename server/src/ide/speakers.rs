//! Speaker labels: the name a turn is shown under, and completion at a
//! line's start from the participants list and the labels already used
//! (renaming is in `rename`).

use std::collections::BTreeSet;

use crate::model::{Model, SpeakerKind, SpeakerTurn};

/// The name a turn is shown under (in the outline and the statistics): a
/// participant's name without the position after its comma, or the label
/// as written, white space collapsed.
pub fn turn_name(model: &Model, text: &str, turn: &SpeakerTurn) -> String {
    let speaker = &model.speakers[turn.speaker];
    match speaker.kind {
        SpeakerKind::Participant(_) => speaker
            .display
            .split(',')
            .next()
            .unwrap_or(&speaker.display)
            .trim()
            .to_string(),
        _ => text[turn.name_range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A speaker label offered at a line's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelCompletion {
    /// What the list shows: `The President:`.
    pub label: String,
    /// Where it comes from: used in this document, or a participant.
    pub detail: &'static str,
    /// What replaces the line up to the cursor: `The President: `.
    pub insert: String,
}

/// Labels to offer when `prefix` (the line up to the cursor) could be the
/// start of one: the labels used in the document, then each participant's
/// name as the entry writes it.
pub fn complete(model: &Model, text: &str, prefix: &str) -> Vec<LabelCompletion> {
    if prefix.contains(':')
        || prefix.chars().count() > 40
        || prefix.starts_with(char::is_whitespace)
    {
        return Vec::new();
    }
    let typed = prefix.trim().to_lowercase();
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    let used = model.turns.iter().map(|t| {
        text[t.name_range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let listed = model.participants.iter().map(|p| {
        p.text
            .split(',')
            .next()
            .unwrap_or(&p.text)
            .trim()
            .to_string()
    });
    for (label, detail) in used
        .map(|l| (l, "used in this document"))
        .chain(listed.map(|l| (l, "participant")))
    {
        if label.is_empty()
            || !label.to_lowercase().starts_with(&typed)
            || !seen.insert(label.clone())
        {
            continue;
        }
        items.push(LabelCompletion {
            label: format!("{label}:"),
            detail,
            insert: format!("{label}: "),
        });
    }
    items
}
