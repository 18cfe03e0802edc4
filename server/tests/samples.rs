//! The findings on each sample and real record, as snapshots; and the
//! expectations of the rule catalogue on the samples, asserted directly.

mod common;

use common::{check, read_fixture};

fn codes(text: &str) -> Vec<String> {
    transcript_ls::analyze_text(text, &transcript_ls::Config::default())
        .findings
        .iter()
        .map(|f| f.code.to_string())
        .collect()
}

fn count(codes: &[String], code: &str) -> usize {
    codes.iter().filter(|c| *c == code).count()
}

#[test]
fn memcon_findings() {
    insta::assert_snapshot!(check(&read_fixture("samples/memcon-2008-sochi.txt")));
}

#[test]
fn press_conference_ocr_findings() {
    insta::assert_snapshot!(check(&read_fixture(
        "samples/press-conference-2007-ocr.txt"
    )));
}

#[test]
fn press_conference_web_findings() {
    insta::assert_snapshot!(check(&read_fixture("samples/press-conference-2007-web.md")));
}

#[test]
fn real_records_findings() {
    for name in [
        "frus1981-88v05-d43.txt",
        "jfk-104-10122-10147.txt",
        "wh-2024-07-29-kirby-gaggle.txt",
    ] {
        insta::assert_snapshot!(name, check(&read_fixture(&format!("real/{name}"))));
    }
}

#[test]
fn ocr_press_conference_has_the_catalogued_findings_and_no_markings() {
    let text = read_fixture("samples/press-conference-2007-ocr.txt");
    let c = codes(&text);
    assert_eq!(count(&c, "O001"), 18, "every standalone `|`");
    assert_eq!(count(&c, "O002"), 1, "All'in all");
    assert_eq!(count(&c, "O009"), 3, "the three indented lines");
    assert_eq!(count(&c, "T001"), 1, "Convention Forces");
    assert!(
        c.iter().all(|code| !code.starts_with('M')),
        "an unmarked press transcript: {c:?}"
    );
}

#[test]
fn web_press_conference_has_one_split_paragraph_and_no_pipes() {
    let c = codes(&read_fixture("samples/press-conference-2007-web.md"));
    assert_eq!(count(&c, "O005"), 1);
    assert_eq!(count(&c, "O001"), 0);
}

#[test]
fn memcon_has_the_catalogued_findings_and_no_unmarked_paragraph_or_unknown_speaker() {
    let text = read_fixture("samples/memcon-2008-sochi.txt");
    let c = codes(&text);
    assert_eq!(count(&c, "M002"), 2, "(X) and (e)");
    assert_eq!(count(&c, "O003"), 1, "agree..");
    assert_eq!(
        count(&c, "O004"),
        14,
        "nine `( ` margin marks and five lone `(` lines"
    );
    assert_eq!(
        count(&c, "O005"),
        3,
        "three paragraphs run across page breaks"
    );
    assert_eq!(count(&c, "O007"), 1, "18-25-2025");
    assert_eq!(count(&c, "M001"), 0);
    assert_eq!(count(&c, "S001"), 0);
}

#[test]
fn safe_fixes_clear_every_safe_finding_on_the_samples_and_keep_the_furniture() {
    use transcript_ls::analysis::fix_text;
    use transcript_ls::fix::Applicability;
    for name in [
        "memcon-2008-sochi.txt",
        "press-conference-2007-ocr.txt",
        "press-conference-2007-web.md",
    ] {
        let text = read_fixture(&format!("samples/{name}"));
        let fixed = fix_text(
            &text,
            &transcript_ls::Config::default(),
            Applicability::Safe,
        );
        let left: Vec<String> =
            transcript_ls::analyze_text(&fixed.text, &transcript_ls::Config::default())
                .findings
                .iter()
                .filter(|f| {
                    f.automatic_fix()
                        .is_some_and(|x| x.applicability == Applicability::Safe)
                })
                .map(|f| format!("{} {:?}", f.code, &fixed.text[f.range.clone()]))
                .collect();
        assert!(left.is_empty(), "{name}: {left:?}");
        assert!(fixed.applied > 0, "{name}: nothing fixed");
        if name.starts_with("memcon") {
            assert!(
                fixed
                    .text
                    .contains("drop it in the middle of a political firestorm")
            );
            assert!(fixed.text.contains("they split within themselves"));
            assert_eq!(
                fixed.text.matches("~~SECRET~~").count(),
                4,
                "banners are moved, never lost"
            );
            assert_eq!(fixed.text.matches("NW#: 78134").count(), 2);
            assert!(
                !fixed
                    .text
                    .lines()
                    .any(|l| l.trim() == "(" || l.starts_with("( "))
            );
        }
    }
}
