//! Speaker statistics end to end: `transcript-ls stats` on the samples, and
//! the server's `transcript.speakerStatistics` command giving the same
//! numbers.

use std::fs;

use serde_json::{Value, json};
use transcript_tests::lsp::LspClient;
use transcript_tests::{run_in, stderr, stdout, temp_with};

const MEMCON: &str = "samples/memcon-2008-sochi.txt";
const PRESS: &str = "samples/press-conference-2007-ocr.txt";

#[test]
fn stats_prints_turns_words_and_questions_per_speaker() {
    let dir = temp_with(&[MEMCON]);
    let output = run_in(dir.path(), &["stats", "memcon-2008-sochi.txt"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.starts_with("memcon-2008-sochi.txt: 45 turns,"), "{out}");
    assert!(out.contains("speaker"), "{out}");
    assert!(out.contains("The President"), "{out}");
    assert!(out.contains("Vladimir Putin"), "{out}");
}

#[test]
fn stats_json_and_csv_agree_and_questions_are_answered_in_a_press_conference() {
    let dir = temp_with(&[PRESS]);
    let file = "press-conference-2007-ocr.txt";
    let json = run_in(dir.path(), &["stats", "--format", "json", file]);
    assert!(json.status.success(), "{}", stderr(&json));
    let docs: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let doc = &docs[0];
    assert_eq!(doc["path"], file);
    assert_eq!(doc["turns"], 22);
    let question = doc["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["speaker"] == "QUESTION")
        .expect("the press asks");
    assert_eq!(question["questions_asked"], 5);
    let answered: u64 = doc["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["questions_answered"].as_u64().unwrap())
        .sum();
    assert_eq!(answered, 5, "each question has its answer");

    let csv = run_in(dir.path(), &["stats", "--format", "csv", file]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let csv = stdout(&csv);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("path,record,speaker,turns,words,questions_asked,questions_answered")
    );
    assert_eq!(lines.count(), doc["speakers"].as_array().unwrap().len());
}

#[test]
fn stats_reports_an_unreadable_file_and_shows_the_others() {
    let dir = temp_with(&[MEMCON]);
    let output = run_in(
        dir.path(),
        &["stats", "missing.txt", "memcon-2008-sochi.txt"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("missing.txt"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("45 turns"));
}

#[test]
fn stats_help_says_what_is_counted() {
    let dir = temp_with(&[]);
    let output = run_in(dir.path(), &["stats", "--help"]);
    assert!(output.status.success());
    let out = stdout(&output);
    for needle in ["questions asked", "--format", "csv", "QUESTION"] {
        assert!(out.contains(needle), "--help lacks {needle}: {out}");
    }
}

#[test]
fn the_server_answers_the_statistics_command_with_the_same_numbers() {
    let dir = temp_with(&[MEMCON]);
    let mut lsp = LspClient::start(dir.path(), &[]);
    let init = lsp.initialize(dir.path(), json!({}));
    assert_eq!(
        init["capabilities"]["executeCommandProvider"]["commands"][0],
        "transcript.speakerStatistics"
    );
    let memcon = dir.path().join("memcon-2008-sochi.txt");
    let uri = lsp.open(&memcon, &fs::read_to_string(&memcon).unwrap());
    let stats = lsp.request(
        "workspace/executeCommand",
        json!({ "command": "transcript.speakerStatistics", "arguments": [uri] }),
    );
    assert_eq!(stats["turns"], 45);

    let cli = run_in(
        dir.path(),
        &["stats", "--format", "json", "memcon-2008-sochi.txt"],
    );
    let cli: Value = serde_json::from_str(&stdout(&cli)).unwrap();
    assert_eq!(stats["speakers"], cli[0]["speakers"]);
    lsp.shutdown();
}
