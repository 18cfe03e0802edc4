//! `transcript-ls compare`: the real binary on copies of the two editions
//! of the 2007 press conference (the OCR'd transcript and the web page) in
//! a temporary folder.

use std::fs;

use serde_json::Value;
use transcript_tests::{
    SAMPLES, exit_code, json_array, run_in, stderr, stdout, temp_with, workspace,
};

const MEMCON: &str = "memcon-2008-sochi.txt";
const OCR: &str = "press-conference-2007-ocr.txt";
const WEB: &str = "press-conference-2007-web.md";

#[test]
fn the_ocr_edition_against_the_web_edition_full_report() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["compare", OCR, WEB]);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn every_misreading_the_name_and_the_paragraphs_are_found_and_classified() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["compare", "--format", "json", OCR, WEB]);
    let found = json_array(&output);
    let count = |code: &str| found.iter().filter(|f| f["code"] == code).count();
    // The 18 `|` and `All'in`.
    assert_eq!(count("E001"), 19);
    let pipes = found
        .iter()
        .filter(|f| f["code"] == "E001" && f["message"].as_str().unwrap().starts_with("`|`"))
        .count();
    assert_eq!(pipes, 18);
    assert_eq!(count("E002"), 1, "Larijani / Larjani");
    // `develop it further.` / `Thank you.`, `tomorrow.` / `Thank you.`,
    // and the web page's split `make progress` / `on these`.
    assert_eq!(count("E005"), 3);
    assert_eq!(count("E004"), 1, "Convention / Conventional");
    assert_eq!(
        found.len(),
        24,
        "nothing for labels, heading, links, wrapping"
    );
    for f in &found {
        assert_eq!(f["related"][0]["path"], WEB, "{f}");
        assert_eq!(f["fixes"][0]["applicability"], "unsafe");
    }
}

#[test]
fn the_web_edition_against_the_ocr_edition_finds_the_web_editions_own_errors() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["compare", "--format", "concise", WEB, OCR]);
    let out = stdout(&output);
    assert!(
        out.contains("E002] the name `Larjani` is spelt `Larijani` in the other edition"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{WEB}:50:484: info[E005]")),
        "the split paragraph: {out}"
    );
    assert!(
        !out.contains("E001"),
        "the OCR's misreadings are its own: {out}"
    );
    assert!(
        out.contains(&format!(
            "19 more places where {OCR} holds an OCR misreading"
        )),
        "{out}"
    );
}

#[test]
fn apply_writes_the_chosen_readings_and_leaves_the_rest() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["compare", OCR, WEB, "--apply", "misread"]);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains(&format!("Applied 19 readings of {WEB} to {OCR}.")),
        "{out}"
    );
    let text = fs::read_to_string(dir.path().join(OCR)).unwrap();
    assert!(text.contains("And as I mentioned in the beginning of my speech"));
    assert!(text.contains("All in all, we"));
    assert!(
        text.contains("Mr. Larijani."),
        "names are not taken unless asked"
    );
    // What differs still is shown, and lint no longer sees the bars.
    let again = run_in(dir.path(), &["compare", "--format", "json", OCR, WEB]);
    let left = json_array(&again);
    assert_eq!(left.len(), 5);
    assert!(left.iter().all(|f| f["code"] != "E001"));
    let lint = run_in(
        dir.path(),
        &["lint", "--format", "concise", "--select", "O001,O002", OCR],
    );
    assert_eq!(exit_code(&lint), 0, "{}", stdout(&lint));
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "no temporary file left: {names:?}");
}

#[test]
fn an_edition_restyled_or_itself_has_no_differences() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["compare", WEB, WEB]);
    assert_eq!(exit_code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains(&format!("No differences between {WEB} and {WEB}")));
    // The web page with its labels in plain capitals, its emphasis and
    // links gone and its lines wrapped.
    let web = fs::read_to_string(dir.path().join(WEB)).unwrap();
    let plain = web
        .replace("**", "")
        .replace("*New York Times*", "New York Times")
        .replace(". ", ".\n");
    fs::write(dir.path().join("plain.txt"), plain).unwrap();
    let output = run_in(dir.path(), &["compare", "plain.txt", WEB]);
    assert_eq!(exit_code(&output), 0, "{}", stdout(&output));
}

#[test]
fn texts_of_two_conversations_get_one_finding_saying_so() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["compare", "--format", "json", MEMCON, WEB]);
    let found = json_array(&output);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["code"], "E007");
}

#[test]
fn bad_input_is_an_error_that_names_the_file() {
    let dir = temp_with(&SAMPLES);
    let missing = run_in(dir.path(), &["compare", "nope.txt", WEB]);
    assert_eq!(exit_code(&missing), 2);
    assert!(
        stderr(&missing).contains("cannot read nope.txt"),
        "{}",
        stderr(&missing)
    );
    fs::write(dir.path().join("scan.pdf"), b"%PDF-1.4\n\x00\x01\x02binary").unwrap();
    let binary = run_in(dir.path(), &["compare", OCR, "scan.pdf"]);
    assert_eq!(exit_code(&binary), 2);
    assert!(
        stderr(&binary).contains("scan.pdf is not a text file (a NUL byte at offset 9)"),
        "{}",
        stderr(&binary)
    );
    let class = run_in(dir.path(), &["compare", OCR, WEB, "--apply", "typos"]);
    assert_eq!(exit_code(&class), 2);
    assert!(
        stderr(&class).contains("unknown class `typos`"),
        "{}",
        stderr(&class)
    );
    let before = fs::read(dir.path().join(OCR)).unwrap();
    assert_eq!(
        before,
        fs::read(workspace().join("fixtures").join(SAMPLES[1])).unwrap()
    );
}

#[test]
fn sarif_points_related_locations_at_the_other_edition() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["compare", "--format", "sarif", OCR, WEB]);
    let log: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 24);
    for r in results {
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            OCR
        );
        assert_eq!(
            r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            WEB
        );
    }
}

#[test]
fn help_lists_the_classes_and_what_is_never_a_difference() {
    let dir = temp_with(&[]);
    let output = run_in(dir.path(), &["compare", "--help"]);
    let out = stdout(&output);
    for class in [
        "misread",
        "name",
        "punctuation",
        "words",
        "paragraphing",
        "turn",
    ] {
        assert!(out.contains(&format!("  {class} ")), "{class}: {out}");
    }
    assert!(out.contains("label style"), "{out}");
}
