//! `transcript-ls parse`: the structure of each document, as a newcomer
//! first sees it.

use transcript_tests::{SAMPLES, run_in, stderr, stdout, temp_with};

/// The speakers of the `turn` lines, in order.
fn turn_speakers(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.split_once("  turn  "))
        .map(|(_, rest)| rest.trim_start().split_once(':').unwrap().0.to_string())
        .collect()
}

#[test]
fn memcon_outline_lists_fields_participants_banners_and_45_turns() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["parse", "memcon-2008-sochi.txt"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "memcon-2008-sochi.txt");
    assert_eq!(lines[1], "     3  banner          ~~SECRET~~ (struck)");
    assert!(
        lines.contains(&"    19  field           SUBJECT: Meeting with President of Russia (U)")
    );
    assert!(lines.contains(&"    21    group         United States"));
    assert!(lines.contains(
        &"    35      participant Yuri Ushakov, Russian Ambassador to the United States"
    ));
    assert!(lines.contains(&"    53  field           Declassify on: 4/7/18"));
    assert!(lines.contains(
        &"    45  turn            President Putin: Once again I'd like to welcome you all here. We…"
    ));
    assert!(lines.contains(&"   188  end             -- End of Conversation --"));
    assert_eq!(out.matches(" participant ").count(), 12);
    assert_eq!(turn_speakers(&out).len(), 45);
    assert_eq!(
        lines[lines.len() - 2],
        "45 speaker turns: The President 21, President Putin 19, Secretary Rice 4, Foreign Minister Lavrov 1"
    );
    assert_eq!(
        lines.last().unwrap(),
        &"1 record; 9 header fields in 3 blocks; 11 page furniture lines; 0 debris lines; 45 speaker turns by 4 speakers"
    );
    let speakers = turn_speakers(&out);
    assert!(
        !speakers
            .iter()
            .any(|s| s == "Declassify on" || s == "CAUTION"),
        "fields are not speakers"
    );
}

#[test]
fn both_press_conference_editions_show_the_same_22_turns() {
    let dir = temp_with(&SAMPLES);
    let ocr = stdout(&run_in(
        dir.path(),
        &["parse", "press-conference-2007-ocr.txt"],
    ));
    let web = stdout(&run_in(
        dir.path(),
        &["parse", "press-conference-2007-web.md"],
    ));
    let (ocr_turns, web_turns) = (turn_speakers(&ocr), turn_speakers(&web));
    assert_eq!(ocr_turns.len(), 22);
    assert_eq!(ocr_turns, web_turns);
    assert_eq!(
        ocr_turns[..2],
        ["FOREIGN MINISTER LAVROV", "SECRETARY RICE"]
    );
    assert!(ocr.lines().any(|l| l == "     1  turn            FOREIGN MINISTER LAVROV: (Via interpreter) Dear colleagues, the meeting of foreign ministers and…"));
}

#[test]
fn several_files_are_shown_one_after_another() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(
        dir.path(),
        &[
            "parse",
            "memcon-2008-sochi.txt",
            "press-conference-2007-ocr.txt",
        ],
    );
    assert!(output.status.success());
    let out = stdout(&output);
    assert!(
        out.contains("\n\npress-conference-2007-ocr.txt\n"),
        "a blank line separates the documents"
    );
    assert_eq!(out.matches(" speaker turns: ").count(), 2);
}

#[test]
fn unreadable_file_is_reported_and_the_others_are_still_shown() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(
        dir.path(),
        &["parse", "missing.txt", "memcon-2008-sochi.txt"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("error: cannot read missing.txt"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).starts_with("memcon-2008-sochi.txt\n"),
        "no blank line for the skipped file"
    );
    assert!(stdout(&output).contains("45 speaker turns"));
}

#[test]
fn invalid_utf8_is_shown_with_replacement_characters_and_a_warning() {
    let dir = temp_with(&[]);
    std::fs::write(
        dir.path().join("bad.txt"),
        b"SECRETARY RICE: Thank \xff\xfe you.\n",
    )
    .unwrap();
    let output = run_in(dir.path(), &["parse", "bad.txt"]);
    assert!(output.status.success());
    assert!(
        stderr(&output)
            .contains("warning: bad.txt is not valid UTF-8 (first bad byte at offset 22)")
    );
    assert!(
        stdout(&output).contains("turn            SECRETARY RICE: Thank \u{FFFD}\u{FFFD} you.")
    );
}

#[test]
fn no_arguments_serve_lsp_until_the_input_ends_and_help_lists_the_commands() {
    let dir = temp_with(&[]);
    // With no command the binary is a language server; with its input
    // closed at once it has nothing to serve and leaves cleanly.
    let output = run_in(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let help = run_in(dir.path(), &["--help"]);
    let out = stdout(&help);
    for command in ["serve", "lint", "explain", "rules", "parse", "--stdio"] {
        assert!(out.contains(command), "--help lacks {command}: {out}");
    }
}

#[test]
fn parse_help_explains_the_output() {
    let dir = temp_with(&[]);
    let output = run_in(dir.path(), &["parse", "--help"]);
    assert!(output.status.success());
    let out = stdout(&output);
    assert!(out.contains("every speaker turn with its line and first words"));
    assert!(out.contains("Example:"));
}
