//! Treaty mentions: every written form resolves to one treaty, shared forms
//! resolve by the document's date, and misspellings resolve with T001.

use transcript_ls::{Config, analyze_text};

/// `(written form, treaty id, flagged as a variant)` for each mention.
fn mentions(text: &str) -> Vec<(String, String, bool)> {
    let config = Config::default();
    let analysis = analyze_text(text, &config);
    analysis
        .model
        .treaty_mentions
        .iter()
        .map(|m| {
            (
                text[m.range.clone()].to_string(),
                config.gazetteer().get(m.treaty).id.clone(),
                analysis
                    .findings
                    .iter()
                    .any(|f| f.code == "T001" && f.range == m.range),
            )
        })
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    mentions(text).into_iter().map(|(_, id, _)| id).collect()
}

#[test]
fn every_form_of_cfe_is_one_treaty() {
    let text = "QUESTION: The CFE Treaty, the Treaty on Conventional Forces in Europe, the Conventional Forces in Europe \
                Treaty, all participants in CFE. On CFE, what now?\n";
    assert_eq!(ids(text), vec!["cfe-treaty"; 5]);
}

#[test]
fn convention_forces_resolves_to_cfe_with_a_warning() {
    let found = mentions(
        "LAVROV: the adapted Treaty on Convention Forces in Europe can enter into force.\n",
    );
    assert_eq!(
        found,
        vec![(
            "Treaty on Convention Forces in Europe".into(),
            "cfe-treaty".into(),
            true
        )]
    );
}

#[test]
fn start_treaty_and_bare_start_are_one_treaty_in_2007() {
    let text = "Moscow, Russia\nOctober 12, 2007\n\nLAVROV: the end of the START Treaty. A couple of words on START.\n";
    assert_eq!(ids(text), vec!["start-i", "start-i"]);
}

#[test]
fn bare_start_after_2010_is_new_start() {
    let text = "DATE: April 8, 2012\n\nQUESTION: And START?\n";
    assert_eq!(ids(text), vec!["new-start"]);
}

#[test]
fn moscow_treaty_is_sort_after_2002_and_the_test_ban_treaty_in_1963() {
    assert_eq!(
        ids("DATE: October 12, 2007\n\nRICE: the Moscow Treaty on warheads.\n"),
        vec!["sort"]
    );
    assert_eq!(
        ids("DATE: September 1, 1963\n\nRUSK: the Moscow Treaty on testing.\n"),
        vec!["ltbt"]
    );
}

#[test]
fn acronyms_match_only_as_capitals_and_not_inside_shouting() {
    assert!(ids("QUESTION: We start now; the inf file.\n").is_empty());
    assert!(ids("104-10122 RELEASE UNDER THE ACT WE START NOW IN FULL\n").is_empty());
}

#[test]
fn ocr_ordinals_resolve_with_a_warning_and_arabic_ordinals_without() {
    let found = mentions("QUESTION: SALT 11, START IX, START-1 and SALT 2.\n");
    let got: Vec<(&str, &str, bool)> = found
        .iter()
        .map(|(w, id, v)| (w.as_str(), id.as_str(), *v))
        .collect();
    assert_eq!(
        got,
        vec![
            ("SALT 11", "salt-ii", true),
            ("START IX", "start-ii", true),
            ("START-1", "start-i", false),
            ("SALT 2", "salt-ii", false),
        ]
    );
}

#[test]
fn the_samples_mention_the_treaties_they_discuss() {
    let memcon = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/samples/memcon-2008-sochi.txt"
    ))
    .expect("memcon fixture");
    let found = ids(&memcon);
    for id in [
        "moscow-declaration-2002",
        "start-i",
        "us-russia-123-agreement",
        "cfe-treaty",
    ] {
        assert!(
            found.contains(&id.to_string()),
            "{id} not found in the memcon: {found:?}"
        );
    }
}

#[test]
fn the_official_title_is_a_mention_too() {
    let found = mentions(
        "QUESTION: The Treaty on Conventional Armed Forces in Europe and the Treaty on the \
         Non-Proliferation of Nuclear Weapons were discussed.\n",
    );
    assert_eq!(
        found
            .iter()
            .map(|(form, _, flagged)| (form.as_str(), *flagged))
            .collect::<Vec<_>>(),
        [
            ("Treaty on Conventional Armed Forces in Europe", false),
            ("Treaty on the Non-Proliferation of Nuclear Weapons", false),
        ]
    );
    assert_eq!(found[0].1, "cfe-treaty");
}
