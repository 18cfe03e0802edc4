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
/// removed, in capitals, and a title's period as printed where OCR doubled
/// it or read a comma (`Mr..Duues`, `Mr, McCloy`). `**Secretary  Rice:**`
/// → `SECRETARY RICE`.
pub fn normalize_label(label: &str) -> String {
    let cleaned: String = label
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | ':'))
        .collect::<String>()
        .to_uppercase()
        .replace("..", ". ");
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    let title = words.first().and_then(|w| w.strip_suffix(','));
    let fixed = title
        .filter(|t| SHORT_TITLES.contains(t))
        .map(|t| format!("{t}."));
    if let Some(fixed) = &fixed {
        words[0] = fixed;
    }
    words.join(" ")
}

/// Titles written short, which a period ends: `MR.`, `SEN.`.
const SHORT_TITLES: &[&str] = &["MR", "MRS", "MS", "DR", "SEN", "REP", "GEN", "ADM", "GOV"];

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
    // `THE PRESIDENT` is a title, not a surname: it matches an entry as a
    // whole, or as the title the entry opens with or gives after its name,
    // never `Assistant to the President`.
    let title: Vec<&str> = words.iter().copied().skip_while(|w| *w == "THE").collect();
    if !title.is_empty()
        && title
            .iter()
            .all(|w| TITLE_WORDS.contains(w) || *w == "VICE")
    {
        return by_title(&title.join(" "), upper);
    }
    if surname.len() < 2 || TITLE_WORDS.contains(&surname) || words[0] == "THE" {
        return None;
    }
    let by_surname: Vec<usize> = (0..upper.len())
        .filter(|&i| {
            upper[i]
                .split(',')
                .any(|part| last_name(part) == Some(surname))
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

/// The last word of a name, its generational suffix set aside: `JAMES A.
/// BAKER III` → `BAKER`.
fn last_name(part: &str) -> Option<&str> {
    part.split_whitespace()
        .rev()
        .find(|w| !matches!(*w, "JR." | "JR" | "SR." | "SR" | "II" | "III" | "IV"))
}

/// The one entry a title alone names (`PRESIDENT`, `SECRETARY`, `VICE
/// PRESIDENT`): the entry that is that title (`The President`), or opens
/// with it (`President Ford`), or gives it after the name (`Cyrus Vance,
/// Secretary of State`), if only one does; among several, `The Secretary of
/// State` for `SECRETARY`.
fn by_title(title: &str, upper: &[String]) -> Option<usize> {
    let opens = |s: &str, t: &str| {
        let s = s.trim().strip_prefix("THE ").unwrap_or(s.trim());
        s == t || s.starts_with(&format!("{t} "))
    };
    let named: Vec<usize> = (0..upper.len())
        .filter(|&i| {
            let mut parts = upper[i].split(',');
            let first = parts.next().unwrap_or("");
            opens(first, title) || parts.any(|p| opens(p, title))
        })
        .collect();
    match named.as_slice() {
        [one] => Some(*one),
        [] => None,
        many => many.iter().copied().find(|&i| {
            upper[i]
                .split(',')
                .any(|p| opens(p, &format!("{title} OF STATE")))
        }),
    }
}

/// Merges the OCR spellings of a recurring label into its speaker: an
/// unlisted speaker whose label is the same title with a surname a small
/// edit away (one edit for a surname of up to five letters, two beyond) from
/// a label written at least three times as often is that label's speaker
/// (`Mr. Betmont.` once beside `Mr. Belmont.` forty times). `counts`: how
/// many turns each label opens. `None` when nothing merges.
///
/// First, an unlisted label whose surname the running text writes after a
/// title seldom, but one a small edit away at least twice and twice as
/// often (the same first letter; one edit for up to four letters, two
/// beyond; the only one so near), is that name as OCR misread it in the
/// label's small capitals: `Mr. Duties.` beside `Mr. Dulles` in the
/// questions, `Representative Forp.` beside `Representative Ford`.
/// `mentions`: each surname written after a title in the running text, in
/// capitals, with its written form and count.
pub fn merge_ocr_spellings(
    speakers: &[Speaker],
    of: &HashMap<String, usize>,
    counts: &HashMap<&str, usize>,
    mentions: &HashMap<String, (String, usize)>,
) -> Option<(Vec<Speaker>, HashMap<String, usize>)> {
    let mut turns = vec![0usize; speakers.len()];
    for (label, &speaker) in of {
        turns[speaker] += counts.get(label.as_str()).copied().unwrap_or(0);
    }
    let mut speakers: Vec<Speaker> = speakers.to_vec();
    let mut renamed = false;
    for s in speakers.iter_mut() {
        if s.kind != SpeakerKind::Unlisted {
            continue;
        }
        if let Some((key, display)) = named_in_text(s, mentions) {
            s.key = key;
            s.display = display;
            renamed = true;
        }
    }
    let speakers = &speakers[..];
    let split = |key: &str| -> Option<(String, String)> {
        let words: Vec<&str> = key.split_whitespace().collect();
        let (title, surname) = match words.as_slice() {
            [title @ .., surname] if !title.is_empty() => (title.join(" "), *surname),
            _ => return None,
        };
        Some((
            title,
            surname.chars().filter(|c| c.is_alphanumeric()).collect(),
        ))
    };
    // Labels now named alike are one speaker.
    let mut target: Vec<usize> = (0..speakers.len())
        .map(|i| {
            (0..i)
                .find(|&j| speakers[j].key == speakers[i].key)
                .unwrap_or(i)
        })
        .collect();
    for (i, s) in speakers.iter().enumerate() {
        if target[i] != i {
            continue;
        }
        if s.kind != SpeakerKind::Unlisted || turns[i] == 0 {
            continue;
        }
        let Some((title, surname)) = split(&s.key) else {
            continue;
        };
        let limit = if surname.chars().count() <= 5 { 1 } else { 2 };
        let best = speakers
            .iter()
            .enumerate()
            .filter(|(j, o)| {
                *j != i
                    && o.kind == SpeakerKind::Unlisted
                    && turns[*j] >= 3 * turns[i].max(1)
                    && turns[*j] >= 3
            })
            .filter_map(|(j, o)| {
                let (t, n) = split(&o.key)?;
                (t == title && n.chars().count() >= 3)
                    .then(|| (edit_distance(&surname, &n), usize::MAX - turns[j], j))
            })
            .filter(|(d, _, _)| *d <= limit)
            .min();
        if let Some((_, _, j)) = best {
            target[i] = j;
        }
    }
    if !renamed && target.iter().enumerate().all(|(i, t)| i == *t) {
        return None;
    }
    // Follow chains to their end, then number the speakers that remain.
    let root = |mut i: usize| {
        for _ in 0..speakers.len() {
            if target[i] == i {
                break;
            }
            i = target[i];
        }
        i
    };
    let mut index = vec![usize::MAX; speakers.len()];
    let mut merged = Vec::new();
    for i in 0..speakers.len() {
        let r = root(i);
        if index[r] == usize::MAX {
            index[r] = merged.len();
            merged.push(speakers[r].clone());
        }
        index[i] = index[r];
    }
    let of = of
        .iter()
        .map(|(label, &speaker)| (label.clone(), index[speaker]))
        .collect();
    Some((merged, of))
}

/// The key and display of an unlisted speaker whose label's surname is an
/// OCR misreading of a surname the running text writes (see
/// [`merge_ocr_spellings`]).
fn named_in_text(
    s: &Speaker,
    mentions: &HashMap<String, (String, usize)>,
) -> Option<(String, String)> {
    let (title, surname) = s.key.rsplit_once(' ')?;
    let surname: String = surname.chars().filter(|c| c.is_alphanumeric()).collect();
    let first = surname.chars().next()?;
    let own = mentions.get(&surname).map_or(0, |m| m.1);
    if surname.chars().count() < 3 {
        return None;
    }
    let limit = if surname.chars().count() <= 4 { 1 } else { 2 };
    let mut near: Vec<(usize, &String, &String)> = mentions
        .iter()
        .filter(|(m, (_, n))| m.starts_with(first) && **m != surname && *n >= 2 && *n >= 2 * own)
        .map(|(m, (written, _))| (edit_distance(&surname, m), m, written))
        .filter(|(d, _, _)| *d <= limit)
        .collect();
    near.sort();
    match near.as_slice() {
        [(d, m, written), rest @ ..] if rest.first().is_none_or(|r| r.0 > *d) => {
            let shown_title = s.display.rsplit_once(' ').map_or(title, |(t, _)| t);
            Some((format!("{title} {m}"), format!("{shown_title} {written}")))
        }
        _ => None,
    }
}

/// Levenshtein distance between two short words, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Whether the labels of a document, with the number of turns each opens,
/// make it a transcript: at most two turns (too little to tell), or at
/// least half its turns opened by labels that recur. A memo whose lines
/// happen to read `Unrealistic Deadlines:` or `Executive Director:`, each
/// once, is not a conversation.
pub fn reads_as_transcript(counts: &HashMap<String, usize>) -> bool {
    let turns: usize = counts.values().sum();
    let recurring: usize = counts.values().filter(|&&n| n > 1).sum();
    turns <= 2 || recurring * 2 >= turns
}

/// Whether a label, used more than once in a document that is not
/// otherwise a transcript, still names a speaker: a role (`Q`), written
/// in capitals
/// (`NORTH:`, `THE PRESIDENT:`), or a title and a surname in capitals
/// (`Mr. INOUYE`), or a role (`Q`).
pub fn names_a_speaker_alone(label: &str) -> bool {
    let key = normalize_label(label);
    if ROLES.contains(&key.as_str()) {
        return true;
    }
    let letters = || label.chars().filter(|c| c.is_alphabetic());
    if letters().count() >= 2 && letters().all(char::is_uppercase) {
        return true;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    words.len() >= 2
        && words.last().is_some_and(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        })
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
    fn a_title_alone_names_the_one_participant_who_holds_it() {
        let p = participants(&[
            "President Ford",
            "Dr. Henry A. Kissinger, Secretary of State and Assistant to the President",
            "Mr. James A. Baker III",
        ]);
        assert_eq!(
            resolve("President", &p, &[]).kind,
            SpeakerKind::Participant(0)
        );
        assert_eq!(
            resolve("The Secretary", &p, &[]).kind,
            SpeakerKind::Participant(1)
        );
        assert_eq!(
            resolve("Dr. Kissinger", &p, &[]).kind,
            SpeakerKind::Participant(1)
        );
        assert_eq!(
            resolve("Mr. Baker", &p, &[]).kind,
            SpeakerKind::Participant(2)
        );
        assert_eq!(
            resolve("The Ambassador", &p, &[]).kind,
            SpeakerKind::Unlisted
        );
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
