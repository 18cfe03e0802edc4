//! Renaming a speaker: every label of theirs, in each document that has
//! them, keeps its style (`PRESIDENT PUTIN:` stays in capitals, `President
//! Putin:` keeps its title, `Putin:` stays a surname), and their entry in
//! the participants list follows, so that the labels still resolve to it.
//!
//! What is renamed is the speaker's name: the participant entry's name
//! (before its comma), or, for a speaker no entry lists, the label's last
//! word. A label holding the whole old name gets the whole new one; a label
//! holding only the surname gets the new surname. Words typed that the
//! label at the cursor already has before the name (`Secretary` when
//! renaming `SECRETARY RICE`) are taken as its title, not as the name.

use std::ops::Range;

use crate::fix::Edit;
use crate::model::{Model, SpeakerKind};

/// A rename of one speaker, worked out in the document where it was
/// asked, to be applied to every document that has the speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renaming {
    /// The speaker's identity across documents (the index's key).
    pub key: String,
    /// The name's words as they are, and as they become.
    old: Vec<String>,
    new: Vec<String>,
}

/// The renaming of the speaker whose label is at `offset` to `new_name`;
/// none for a role (`QUESTION`), or a name that is empty or spans lines.
pub fn renaming(model: &Model, text: &str, offset: usize, new_name: &str) -> Option<Renaming> {
    let turn = (model.turns.iter()).find(|t| t.label.start <= offset && offset <= t.label.end)?;
    let speaker = &model.speakers[turn.speaker];
    let typed = new_name.trim().trim_end_matches(':').trim();
    if typed.is_empty() || typed.contains(['\n', '\r']) || speaker.kind == SpeakerKind::Role {
        return None;
    }
    let label: Vec<&str> = text[turn.name_range.clone()].split_whitespace().collect();
    let old: Vec<String> = match speaker.kind {
        SpeakerKind::Participant(i) => {
            let entry = &model.participants[i].text;
            let name = entry.split(',').next().unwrap_or(entry);
            name.split_whitespace().map(str::to_string).collect()
        }
        _ => label.last().map(|w| vec![w.to_string()])?,
    };
    // Words typed that the label has before the name are its title.
    let title: Vec<String> = (label.iter())
        .take_while(|w| !same(w, old.last().map_or("", String::as_str)))
        .map(|w| w.to_uppercase())
        .collect();
    let mut new: Vec<&str> = typed.split_whitespace().collect();
    while new.len() > 1 && title.contains(&new[0].to_uppercase()) {
        new.remove(0);
    }
    if old.is_empty() {
        return None;
    }
    Some(Renaming {
        key: speaker.key.clone(),
        old,
        new: new.into_iter().map(str::to_string).collect(),
    })
}

/// The edits that apply `renaming` to one document: each label of the
/// speaker, and their participants entry.
pub fn rename_edits(model: &Model, text: &str, renaming: &Renaming) -> Vec<Edit> {
    let mut edits = Vec::new();
    let Some(index) = model.speakers.iter().position(|s| s.key == renaming.key) else {
        return edits;
    };
    if let SpeakerKind::Participant(i) = model.speakers[index].kind {
        let entry = model.participants[i].range.clone();
        let name_end = text[entry.clone()]
            .find(',')
            .map_or(entry.end, |n| entry.start + n);
        edits.extend(rename_in(text, entry.start..name_end, renaming));
    }
    for turn in model.turns.iter().filter(|t| t.speaker == index) {
        edits.extend(rename_in(text, turn.name_range.clone(), renaming));
    }
    edits.sort_by_key(|e| e.range.start);
    edits
}

/// The edit renaming the name in `range` of `text`: the whole old name
/// when it is there, else its surname; none when neither is.
fn rename_in(text: &str, range: Range<usize>, renaming: &Renaming) -> Option<Edit> {
    let words = words(text, range);
    // A surname typed for a whole name renames the surname alone.
    let by_whole = renaming.new.len() > 1 || renaming.old.len() == 1;
    let whole = (words.windows(renaming.old.len()))
        .position(|w| {
            w.iter()
                .zip(&renaming.old)
                .all(|(a, b)| same(&text[a.clone()], b))
        })
        .filter(|_| by_whole);
    let (span, new) = match whole {
        Some(k) => (
            words[k].start..words[k + renaming.old.len() - 1].end,
            renaming.new.join(" "),
        ),
        None => {
            let surname = renaming.old.last()?;
            let k = words
                .iter()
                .rposition(|w| same(&text[w.clone()], surname))?;
            (words[k].clone(), renaming.new.last()?.clone())
        }
    };
    let styled = in_style_of(&text[span.clone()], &new);
    (text[span.clone()] != styled).then(|| Edit::replace(span, styled))
}

/// The words of `text` in `range`, as byte ranges, without the commas,
/// colons and markup around them.
fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for word in text[range.clone()].split_whitespace() {
        let start = at + text[at..range.end].find(word).unwrap_or(0);
        at = start + word.len();
        let trimmed = word.trim_matches(|c: char| matches!(c, ',' | ':' | '*' | '_'));
        if trimmed.is_empty() {
            continue;
        }
        let offset = word.find(trimmed).unwrap_or(0);
        out.push(start + offset..start + offset + trimmed.len());
    }
    out
}

fn same(a: &str, b: &str) -> bool {
    a.to_uppercase() == b.to_uppercase()
}

/// `new` written as `old` is: in capitals when it is, else as typed (a
/// name typed in capitals for a label that is not gets capital initials).
fn in_style_of(old: &str, new: &str) -> String {
    let has_lower = |s: &str| s.chars().any(char::is_lowercase);
    let has_upper = |s: &str| s.chars().any(char::is_uppercase);
    if has_upper(old) && !has_lower(old) {
        return new.to_uppercase();
    }
    if has_lower(old) && !has_lower(new) {
        return new
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                match chars.next() {
                    Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    new.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_text;
    use crate::config::Config;

    fn renamed(text: &str, at: &str, new_name: &str) -> String {
        let analysis = analyze_text(text, &Config::default());
        let offset = text.find(at).unwrap();
        let renaming = renaming(&analysis.model, text, offset, new_name).expect("a renaming");
        let edits = rename_edits(&analysis.model, text, &renaming);
        let mut out = text.to_string();
        for e in edits.iter().rev() {
            out.replace_range(e.range.clone(), &e.replacement);
        }
        out
    }

    const MEMCON: &str = "PARTICIPANTS: Vladimir Putin, President of Russia\n\
        Condoleezza Rice, Secretary of State\n\n\
        PRESIDENT PUTIN: Welcome.\n\nPutin: Again.\n\nPresident Putin: And again.\n\n\
        Secretary Rice: Thank you.\n";

    #[test]
    fn each_label_keeps_its_style_and_the_participants_entry_follows() {
        let out = renamed(MEMCON, "Putin: Again", "Dmitry Medvedev");
        assert!(
            out.contains("PARTICIPANTS: Dmitry Medvedev, President of Russia"),
            "{out}"
        );
        assert!(out.contains("PRESIDENT MEDVEDEV: Welcome."), "{out}");
        assert!(out.contains("\nMedvedev: Again."), "{out}");
        assert!(out.contains("President Medvedev: And again."), "{out}");
        assert!(out.contains("Secretary Rice: Thank you."), "{out}");
    }

    #[test]
    fn a_surname_alone_renames_the_surname_and_a_title_typed_is_not_doubled() {
        let out = renamed(MEMCON, "PRESIDENT PUTIN", "PRESIDENT MEDVEDEV");
        assert!(
            out.contains("PARTICIPANTS: Vladimir Medvedev, President"),
            "{out}"
        );
        assert!(out.contains("PRESIDENT MEDVEDEV: Welcome."), "{out}");
        assert!(out.contains("President Medvedev: And again."), "{out}");
    }

    #[test]
    fn an_unlisted_speaker_is_renamed_by_the_labels_last_word() {
        let text = "SECRETARY RICE: Because.\n\nSecretary Rice: Indeed.\n";
        let out = renamed(text, "RICE", "Secretary Condoleezza Rice");
        assert_eq!(
            out,
            "SECRETARY CONDOLEEZZA RICE: Because.\n\nSecretary Condoleezza Rice: Indeed.\n"
        );
    }

    #[test]
    fn roles_and_empty_names_are_not_renamed() {
        let text = "QUESTION: Why?\n\nSECRETARY RICE: Because.\n";
        let analysis = analyze_text(text, &Config::default());
        assert_eq!(renaming(&analysis.model, text, 2, "ASK"), None);
        assert_eq!(renaming(&analysis.model, text, 20, "  :"), None);
    }
}
