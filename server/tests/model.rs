//! The model of the reference memcon and press conferences: fields,
//! participants, banners, speakers, paragraphs and the document date.

mod common;

use common::read_fixture;
use transcript_ls::model::{Date, Level, MarkPosition, Model, ParagraphRole, SpeakerKind};
use transcript_ls::{Config, analyze_text};

fn model(path: &str) -> (String, Model) {
    let text = read_fixture(path);
    let model = analyze_text(&text, &Config::default()).model;
    (text, model)
}

#[test]
fn memcon_speakers_resolve_to_participants() {
    let (text, m) = model("samples/memcon-2008-sochi.txt");
    let resolved: Vec<(String, String)> = m
        .speakers
        .iter()
        .map(|s| {
            let label = m
                .turns
                .iter()
                .find(|t| m.speakers[t.speaker] == *s)
                .map(|t| &text[t.name_range.clone()])
                .unwrap();
            (label.to_string(), s.display.clone())
        })
        .collect();
    assert_eq!(
        resolved,
        vec![
            (
                "President Putin".into(),
                "Vladimir Putin, President of Russia".into()
            ),
            ("The President".into(), "The President".into()),
            (
                "Foreign Minister Lavrov".into(),
                "Sergey Lavrov, Foreign Minister".into()
            ),
            (
                "Secretary Rice".into(),
                "Condoleezza Rice, Secretary of State".into()
            ),
        ]
    );
    assert!(
        m.speakers
            .iter()
            .all(|s| matches!(s.kind, SpeakerKind::Participant(_)))
    );
}

#[test]
fn memcon_participants_carry_their_groups_and_joined_titles() {
    let (_, m) = model("samples/memcon-2008-sochi.txt");
    assert_eq!(m.participants.len(), 12);
    let hadley = m
        .participants
        .iter()
        .find(|p| p.text.starts_with("Stephen Hadley"))
        .unwrap();
    assert_eq!(
        hadley.text,
        "Stephen Hadley, Assistant to the President for National Security Affairs"
    );
    assert_eq!(hadley.group.as_deref(), Some("United States"));
    let lavrov = m
        .participants
        .iter()
        .find(|p| p.text.starts_with("Sergey Lavrov"))
        .unwrap();
    assert_eq!(lavrov.group.as_deref(), Some("Russia"));
}

#[test]
fn memcon_banners_fields_date_and_marks() {
    let (_, m) = model("samples/memcon-2008-sochi.txt");
    let secret: Vec<_> = m
        .banners
        .iter()
        .filter(|b| b.level == Some(Level::Secret))
        .collect();
    assert_eq!(secret.len(), 4);
    assert!(secret.iter().all(|b| b.struck));
    assert!(
        m.banners
            .iter()
            .any(|b| b.text == "EYES ONLY" && b.level.is_none())
    );
    for name in [
        "SUBJECT",
        "PARTICIPANTS",
        "Classified by",
        "Reason",
        "Declassify on",
        "CAUTION",
    ] {
        assert!(m.fields.iter().any(|f| f.is(name)), "{name} field missing");
    }
    assert_eq!(
        m.date,
        Some(Date {
            year: Some(2008),
            month: 4,
            day: 6
        })
    );
    assert_eq!(m.mark_position, MarkPosition::Trailing);
    assert_eq!(m.turns.len(), 45);
    assert!(m.end_marker.is_some());
}

#[test]
fn memcon_caution_continuation_is_a_notice_and_split_paragraphs_are_linked() {
    let (text, m) = model("samples/memcon-2008-sochi.txt");
    let notice = m
        .paragraphs
        .iter()
        .find(|p| text[p.content.clone()].starts_with("An interpreter facilitated"))
        .unwrap();
    assert_eq!(notice.role, ParagraphRole::Notice);
    let split: Vec<&str> = m
        .paragraphs
        .iter()
        .filter(|p| p.continues)
        .map(|p| text[p.content.clone()].rsplit(' ').next().unwrap())
        .collect();
    assert_eq!(split, vec!["the", "one", "split"]);
    assert_eq!(m.paragraphs.iter().filter(|p| p.continued).count(), 3);
}

#[test]
fn press_conference_label_styles_are_one_speaker_each() {
    let (_, ocr) = model("samples/press-conference-2007-ocr.txt");
    let (_, web) = model("samples/press-conference-2007-web.md");
    let keys = |m: &Model| {
        let mut k: Vec<String> = m.speakers.iter().map(|s| s.key.clone()).collect();
        k.sort();
        k
    };
    assert_eq!(keys(&ocr), keys(&web));
    assert!(keys(&ocr).contains(&"SECRETARY RICE".to_string()));
    assert!(keys(&ocr).contains(&"role:QUESTION".to_string()));
    assert_eq!(
        web.date,
        Some(Date {
            year: Some(2007),
            month: 10,
            day: 12
        })
    );
}

#[test]
fn hearing_labels_misread_in_small_capitals_take_the_name_the_questions_write() {
    // Printed hearings set labels in small capitals, which OCR misreads
    // (`Mr. Duties.`) while it reads the same name in the running text.
    let text = "Mr. Duties. Mr. Rankin, may I ask a question?\n\n\
                Mr. Rankin. Yes, Mr. Dulles.\n\n\
                Mr. Duties. Thank you.\n\n\
                Mr. Rankin. Mr. Dulles has a point.\n\n\
                Representative Forp. And so has Representative Ford.\n\n\
                Mr. Rankin. Representative Ford, go on.\n";
    let m = analyze_text(text, &Config::default()).model;
    let shown: Vec<&str> = m.speakers.iter().map(|s| s.display.as_str()).collect();
    assert!(shown.contains(&"Mr. Dulles"), "{shown:?}");
    assert!(shown.contains(&"Representative Ford"), "{shown:?}");
    assert!(!shown.contains(&"Mr. Duties"), "{shown:?}");
    // The name the label gives is kept where the text writes it too.
    assert!(shown.contains(&"Mr. Rankin"), "{shown:?}");
}
