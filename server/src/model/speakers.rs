//! Who a speaker label names: a participant from the `PARTICIPANTS:` list
//! (by full entry, or by title and surname), a role such as `QUESTION`, or
//! someone unlisted.

use serde::Serialize;
use std::collections::HashMap;

use super::{Participant, Speaker};

/// What kind of speaker a label resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SpeakerKind {
    /// The participant at this index in the model's list.
    Participant(usize),
    /// A role rather than a person: `QUESTION`, `MODERATOR`.
    Role,
    /// Named by an alias in `transcript.toml`.
    Configured,
    /// Matches no participant (or the document lists none).
    Unlisted,
}

/// Labels that name a role, not a person.
const ROLES: &[&str] = &[
    "Q",
    "A",
    "QUESTION",
    "QUESTIONS",
    "ANSWER",
    "MODERATOR",
    "PARTICIPANT",
    "PARTICIPANTS",
    "INTERPRETER",
    "VOICE",
    "VOICES",
    "AUDIENCE",
    "AUDIENCE MEMBER",
    "REPORTER",
    "OPERATOR",
    "STAFF",
    "UNIDENTIFIED",
    "UNIDENTIFIED SPEAKER",
    "OFFICIAL",
    "SENIOR ADMINISTRATION OFFICIAL",
    "SENIOR STATE DEPARTMENT OFFICIAL",
    "NARRATOR",
    "ANNOUNCER",
    "CROWD",
    "PRESS",
    "ALL",
];

/// Words that end titles, never surnames.
const TITLE_WORDS: &[&str] = &[
    "PRESIDENT",
    "SECRETARY",
    "MINISTER",
    "AMBASSADOR",
    "ADVISOR",
    "ADVISER",
    "ASSISTANT",
    "CHAIRMAN",
    "DIRECTOR",
    "INTERPRETER",
    "NOTETAKER",
    "GENERAL",
    "SENATOR",
    "AFFAIRS",
    "STATE",
    "DEFENSE",
    "SPOKESMAN",
    "SPOKESPERSON",
    "DEPUTY",
    "COUNSELOR",
    "ENVOY",
    "CHANCELLOR",
    "PREMIER",
    "KING",
    "QUEEN",
    "PRINCE",
    "MODERATOR",
];

/// A label reduced to its identity: markup, the colon and extra spaces
/// removed, in capitals. `**Secretary  Rice:**` → `SECRETARY RICE`.
pub fn normalize_label(label: &str) -> String {
    let cleaned: String = label
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | ':'))
        .collect::<String>()
        .to_uppercase();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The speakers of a document: each distinct label, in order of first
/// use, resolved; labels that name one person share one entry. Returns the
/// table and each label's index in it.
pub fn table<'a>(
    labels: impl IntoIterator<Item = &'a str>,
    participants: &[Participant],
    aliases: &[(String, String)],
) -> (Vec<Speaker>, HashMap<String, usize>) {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut of: HashMap<String, usize> = HashMap::new();
    // Each entry normalised once, not once per label.
    let upper = normalized(participants);
    for label in labels {
        if of.contains_key(label) {
            continue;
        }
        let speaker = resolve_in(label, participants, &upper, aliases);
        let index = match speakers.iter().position(|s| s.key == speaker.key) {
            Some(i) => i,
            None => {
                speakers.push(speaker);
                speakers.len() - 1
            }
        };
        of.insert(label.to_string(), index);
    }
    (speakers, of)
}

/// Each participant entry, normalised as labels are.
fn normalized(participants: &[Participant]) -> Vec<String> {
    participants
        .iter()
        .map(|p| normalize_label(&p.text))
        .collect()
}

/// Resolves a label (as written) to a speaker, with the participant
/// entries normalised (`upper`).
fn resolve_in(
    label: &str,
    participants: &[Participant],
    upper: &[String],
    aliases: &[(String, String)],
) -> Speaker {
    let key = normalize_label(label);
    if ROLES.contains(&key.as_str()) {
        return Speaker {
            display: key.clone(),
            key: format!("role:{key}"),
            kind: SpeakerKind::Role,
        };
    }
    if let Some((_, target)) = aliases
        .iter()
        .find(|(from, _)| normalize_label(from) == key)
    {
        return match find_participant(&normalize_label(target), upper) {
            Some(i) => participant_speaker(i, participants),
            None => Speaker {
                key: normalize_label(target),
                display: target.clone(),
                kind: SpeakerKind::Configured,
            },
        };
    }
    match find_participant(&key, upper) {
        Some(i) => participant_speaker(i, participants),
        None => Speaker {
            display: label.trim().to_string(),
            key,
            kind: SpeakerKind::Unlisted,
        },
    }
}

fn participant_speaker(i: usize, participants: &[Participant]) -> Speaker {
    let p = &participants[i];
    Speaker {
        key: normalize_label(&p.text),
        display: p.text.clone(),
        kind: SpeakerKind::Participant(i),
    }
}

/// `THE PRESIDENT` matches the entry `The President`; `SECRETARY RICE`
/// matches `Condoleezza Rice, Secretary of State` by surname, and among
/// several people of that surname the one whose title shares a word with
/// the label.
fn find_participant(key: &str, upper: &[String]) -> Option<usize> {
    if let Some(i) = upper
        .iter()
        .position(|u| u == key || u.split(',').next().map(str::trim) == Some(key))
    {
        return Some(i);
    }
    let words: Vec<&str> = key.split_whitespace().collect();
    let surname = words.last()?.trim_end_matches('.');
    // `THE PRESIDENT` is a title, not a surname: it must match an entry
    // as a whole, never `Assistant to the President`.
    if surname.len() < 2 || TITLE_WORDS.contains(&surname) || words[0] == "THE" {
        return None;
    }
    let by_surname: Vec<usize> = (0..upper.len())
        .filter(|&i| {
            upper[i]
                .split(',')
                .any(|part| part.split_whitespace().last() == Some(surname))
        })
        .collect();
    match by_surname.as_slice() {
        [] => None,
        [one] => Some(*one),
        many => {
            let titles = &words[..words.len() - 1];
            many.iter()
                .copied()
                .find(|&i| {
                    titles
                        .iter()
                        .any(|t| upper[i].split([' ', ',']).any(|w| w == *t))
                })
                .or(Some(many[0]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(label: &str, participants: &[Participant], aliases: &[(String, String)]) -> Speaker {
        resolve_in(label, participants, &normalized(participants), aliases)
    }

    fn participants(list: &[&str]) -> Vec<Participant> {
        list.iter()
            .map(|t| Participant {
                range: 0..0,
                text: t.to_string(),
                group: None,
            })
            .collect()
    }

    #[test]
    fn labels_resolve_by_title_and_surname() {
        let p = participants(&[
            "The President",
            "Condoleezza Rice, Secretary of State",
            "Vladimir Putin, President of Russia",
            "Sergey Lavrov, Foreign Minister",
        ]);
        assert_eq!(
            resolve("Secretary Rice", &p, &[]).kind,
            SpeakerKind::Participant(1)
        );
        assert_eq!(
            resolve("President Putin", &p, &[]).kind,
            SpeakerKind::Participant(2)
        );
        assert_eq!(
            resolve("Foreign Minister Lavrov", &p, &[]).kind,
            SpeakerKind::Participant(3)
        );
        assert_eq!(
            resolve("The President", &p, &[]).kind,
            SpeakerKind::Participant(0)
        );
        assert_eq!(
            resolve("Minister Serdyukov", &p, &[]).kind,
            SpeakerKind::Unlisted
        );
    }

    #[test]
    fn label_styles_of_one_person_share_a_key() {
        let a = resolve("SECRETARY RICE", &[], &[]);
        let b = resolve("**Secretary Rice:**", &[], &[]);
        assert_eq!(a.key, b.key);
    }

    #[test]
    fn a_title_label_never_matches_a_title_inside_another_entry() {
        let p = participants(&["Stephen Hadley, Assistant to the President"]);
        assert_eq!(
            resolve("The President", &p, &[]).kind,
            SpeakerKind::Unlisted
        );
        assert_eq!(resolve("President", &p, &[]).kind, SpeakerKind::Unlisted);
    }

    #[test]
    fn roles_are_speakers_of_their_own_kind() {
        assert_eq!(resolve("QUESTION", &[], &[]).kind, SpeakerKind::Role);
        assert_eq!(resolve("Moderator", &[], &[]).kind, SpeakerKind::Role);
    }

    #[test]
    fn configured_aliases_name_a_participant() {
        let p = participants(&["George Shultz, Secretary of State"]);
        let aliases = vec![("The Secretary".to_string(), "George Shultz".to_string())];
        assert_eq!(
            resolve("The Secretary", &p, &aliases).kind,
            SpeakerKind::Participant(0)
        );
    }

    #[test]
    fn among_two_of_one_surname_the_title_decides() {
        let p = participants(&["George Bush, President", "Laura Bush, First Lady"]);
        assert_eq!(
            resolve("First Lady Bush", &p, &[]).kind,
            SpeakerKind::Participant(1)
        );
    }
}
