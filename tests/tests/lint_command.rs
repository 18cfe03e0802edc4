//! `transcript-ls lint`: the real binary on copies of the samples in a
//! temporary folder, as a CI job runs it.

use std::fs;

use serde_json::Value;
use transcript_tests::{
    SAMPLES, exit_code, fixture, json_array, run_in, run_with_stdin, stderr, stdout, temp_with,
    workspace,
};

const MEMCON: &str = "memcon-2008-sochi.txt";
const OCR: &str = "press-conference-2007-ocr.txt";
const WEB: &str = "press-conference-2007-web.md";

#[test]
fn concise_format_lists_every_finding_and_exits_1() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(
        dir.path(),
        &["lint", "--format", "concise", MEMCON, OCR, WEB],
    );
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn full_format_underlines_the_range_and_shows_the_fix() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["lint", MEMCON]);
    let out = stdout(&output);
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
    insta::assert_snapshot!(out);
}

#[test]
fn full_format_colours_on_request() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["lint", "--color", "always", WEB]);
    assert!(
        stdout(&output).contains("\x1b[1;33mwarning[O005]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn json_format_has_the_documented_fields() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["lint", "--format", "json", WEB, MEMCON]);
    let findings = json_array(&output);
    assert_eq!(findings.len(), 22);
    let o005 = findings.iter().find(|f| f["path"] == WEB).unwrap();
    for key in [
        "path",
        "code",
        "name",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "range",
        "related",
        "fix",
        "fixes",
    ] {
        assert!(o005.get(key).is_some(), "missing {key}");
    }
    assert_eq!(o005["code"], "O005");
    assert_eq!(o005["name"], "split-paragraph");
    assert_eq!(o005["line"], 50);
    assert_eq!(o005["fix"]["applicability"], "safe");
    let o007 = findings.iter().find(|f| f["code"] == "O007").unwrap();
    assert_eq!(
        (
            o007["line"].as_u64(),
            o007["column"].as_u64(),
            o007["end_column"].as_u64()
        ),
        (Some(15), Some(1), Some(11))
    );
    assert_eq!(o007["fix"]["edits"][0]["replacement"], "8-25-2025");
    insta::assert_snapshot!(serde_json::to_string_pretty(&o005).unwrap());
}

#[test]
fn github_format_writes_escaped_workflow_commands() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["lint", "--format", "github", OCR]);
    let out = stdout(&output);
    assert!(
        out.lines()
            .all(|l| l.starts_with("::warning ") || l.starts_with("::notice ")),
        "{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_output_is_valid_against_the_2_1_0_schema() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(dir.path(), &["lint", "--format", "sarif", MEMCON, OCR, WEB]);
    let log: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let mut schema: Value = serde_json::from_str(
        &fs::read_to_string(workspace().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    // The official schema's `language` patterns have a stray `]`, a literal
    // in ECMAScript regexes but an error in Rust's: escape it, the meaning
    // unchanged (the vendored file stays as published).
    assert_eq!(escape_stray_bracket(&mut schema), 2);
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 31);
    assert!(
        run["tool"]["driver"]["rules"][0]["help"]["text"]
            .as_str()
            .unwrap()
            .contains("## Fires")
    );
    assert_eq!(run["results"].as_array().unwrap().len(), 21 + 23 + 1);
    // A bad document must fail validation, or the check proves nothing.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("catastrophic");
    assert!(!validator.is_valid(&broken));
}

fn escape_stray_bracket(v: &mut Value) -> usize {
    const STRAY: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        Value::String(s) if s == STRAY => {
            *s = STRAY.replace("}]?", "}\\]?");
            1
        }
        Value::Array(a) => a.iter_mut().map(escape_stray_bracket).sum(),
        Value::Object(o) => o.values_mut().map(escape_stray_bracket).sum(),
        _ => 0,
    }
}

#[test]
fn exit_codes_follow_the_threshold_and_exit_zero() {
    let dir = temp_with(&[
        "samples/press-conference-2007-ocr.txt",
        "real/wh-2024-07-29-kirby-gaggle.txt",
    ]);
    assert_eq!(
        exit_code(&run_in(
            dir.path(),
            &["lint", "wh-2024-07-29-kirby-gaggle.txt"]
        )),
        0
    );
    assert_eq!(exit_code(&run_in(dir.path(), &["lint", OCR])), 1);
    assert_eq!(
        exit_code(&run_in(dir.path(), &["lint", "--exit-zero", OCR])),
        0
    );
    // The OCR sample has warnings and hints, no errors.
    assert_eq!(
        exit_code(&run_in(
            dir.path(),
            &["lint", "--severity-threshold", "error", OCR]
        )),
        0
    );
    assert_eq!(
        exit_code(&run_in(
            dir.path(),
            &["lint", "--severity-threshold", "warning", OCR]
        )),
        1
    );
    let bad = run_in(dir.path(), &["lint", "--select", "Q999", OCR]);
    assert_eq!(exit_code(&bad), 2);
    assert!(
        stderr(&bad).contains("unknown rule `Q999` in --select"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(
        exit_code(&run_in(dir.path(), &["lint", "--no-such-flag"])),
        2
    );
}

#[test]
fn select_and_ignore_override_the_configuration() {
    let dir = temp_with(&SAMPLES);
    let only = json_array(&run_in(
        dir.path(),
        &["lint", "--format", "json", "--select", "O001,O002", OCR],
    ));
    assert!(
        only.iter()
            .all(|f| f["code"] == "O001" || f["code"] == "O002")
    );
    assert_eq!(only.len(), 19);
    let without = json_array(&run_in(
        dir.path(),
        &["lint", "--format", "json", "--ignore", "pipe-for-i", OCR],
    ));
    assert!(without.iter().all(|f| f["code"] != "O001"));
    assert_eq!(without.len(), 23 - 18);
}

#[test]
fn fix_applies_safe_fixes_and_a_second_lint_finds_nothing_they_address() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(
        dir.path(),
        &["lint", "--fix", "--format", "concise", MEMCON, OCR, WEB],
    );
    assert!(stdout(&output).contains("Fixed "), "{}", stdout(&output));
    let memcon = fs::read_to_string(dir.path().join(MEMCON)).unwrap();
    assert!(memcon.contains("drop it in the middle of a political firestorm"));
    assert_eq!(memcon.matches("~~SECRET~~").count(), 4);
    let again = json_array(&run_in(
        dir.path(),
        &["lint", "--format", "json", MEMCON, OCR, WEB],
    ));
    let safe_left: Vec<&Value> = again
        .iter()
        .filter(|f| f["fix"]["applicability"] == "safe")
        .collect();
    assert!(safe_left.is_empty(), "{safe_left:#?}");
    // The unsafe ones remain, for a human.
    assert!(again.iter().any(|f| f["code"] == "O007"));
    let twice = run_in(
        dir.path(),
        &["lint", "--fix", "--format", "concise", MEMCON],
    );
    assert!(
        stdout(&twice).contains("Fixed 0 findings"),
        "{}",
        stdout(&twice)
    );
    assert_eq!(fs::read_to_string(dir.path().join(MEMCON)).unwrap(), memcon);
}

#[test]
fn unsafe_fixes_apply_single_choice_fixes_but_never_pick_a_level() {
    let dir = temp_with(&SAMPLES);
    run_in(dir.path(), &["lint", "--unsafe-fixes", MEMCON]);
    let memcon = fs::read_to_string(dir.path().join(MEMCON)).unwrap();
    assert!(memcon.contains("\n8-25-2025"));
    assert!(memcon.contains("starts hopefully. (S)"), "(e) became (S)");
    assert!(
        memcon.contains("the way to go. (X)"),
        "(X) has no single fix"
    );
}

#[test]
fn fix_keeps_crlf_line_endings_bom_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.memcon");
    fs::write(
        &path,
        "\u{feff}SECRET\r\n\r\nThe President: I agree.. Really. (S)\r\n\r\nSECRET\r\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let output = run_in(dir.path(), &["lint", "--fix", "doc.memcon"]);
    assert_eq!(
        exit_code(&output),
        0,
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        "\u{feff}SECRET\r\n\r\nThe President: I agree. Really. (S)\r\n\r\nSECRET\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn diff_shows_the_changes_and_touches_nothing() {
    let dir = temp_with(&SAMPLES);
    let before = fs::read_to_string(dir.path().join(WEB)).unwrap();
    let output = run_in(dir.path(), &["lint", "--diff", WEB]);
    assert_eq!(exit_code(&output), 1);
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!("--- a/{WEB}\n+++ b/{WEB}\n")),
        "{out}"
    );
    assert!(out.contains("-on these very important issues."), "{out}");
    assert_eq!(fs::read_to_string(dir.path().join(WEB)).unwrap(), before);
    let clean = temp_with(&["real/wh-2024-07-29-kirby-gaggle.txt"]);
    let none = run_in(
        clean.path(),
        &["lint", "--diff", "wh-2024-07-29-kirby-gaggle.txt"],
    );
    assert_eq!((exit_code(&none), stdout(&none)), (0, String::new()));
}

#[test]
fn standard_input_is_linted_under_its_stdin_filename() {
    let dir = temp_with(&SAMPLES);
    let text = fs::read(fixture("samples/press-conference-2007-web.md")).unwrap();
    let output = run_with_stdin(
        dir.path(),
        &[
            "lint",
            "--format",
            "concise",
            "-",
            "--stdin-filename",
            "notes/web.md",
        ],
        &text,
    );
    assert_eq!(exit_code(&output), 1);
    assert!(
        stdout(&output).starts_with("notes/web.md:50:"),
        "{}",
        stdout(&output)
    );
    let fixed = run_with_stdin(dir.path(), &["lint", "--fix", "-"], &text);
    let out = stdout(&fixed);
    assert!(
        out.contains("make progress on these very important issues."),
        "the fixed text goes to stdout"
    );
    assert!(stderr(&fixed).contains("No findings"), "{}", stderr(&fixed));
}

#[test]
fn shards_together_give_the_unsharded_run() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        let sample = fixture(SAMPLES[i % 3]);
        fs::copy(sample, dir.path().join(format!("doc{i:02}.transcript"))).unwrap();
    }
    let all = json_array(&run_in(dir.path(), &["lint", "--format", "json", "."]));
    let mut union = Vec::new();
    for i in 1..=3 {
        let shard = json_array(&run_in(
            dir.path(),
            &[
                "lint",
                "--format",
                "json",
                "--shard",
                &format!("{i}/3"),
                ".",
            ],
        ));
        union.extend(shard);
    }
    let key = |v: &Value| v.to_string();
    let mut a: Vec<String> = all.iter().map(key).collect();
    let mut b: Vec<String> = union.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(
        exit_code(&run_in(dir.path(), &["lint", "--shard", "4/3", "."])),
        2
    );
}

#[test]
fn unreadable_and_missing_files_are_reported_and_the_run_goes_on() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(
        dir.path(),
        &["lint", "--format", "concise", "missing.txt", WEB],
    );
    assert_eq!(exit_code(&output), 2);
    assert!(
        stderr(&output).contains("cannot read missing.txt"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains(&format!("{WEB}:50:")),
        "the readable file is still linted"
    );
}

#[test]
fn a_binary_file_is_linted_with_replacement_characters_and_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("scan.txt"),
        b"QUESTION: as | said \xff\xfe here.\n",
    )
    .unwrap();
    let output = run_in(dir.path(), &["lint", "--format", "concise", "scan.txt"]);
    assert!(
        stderr(&output)
            .contains("warning: scan.txt is not valid UTF-8 (first bad byte at offset 20)"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("scan.txt:1:14: warning[O001]"),
        "{}",
        stdout(&output)
    );
    // and --fix never writes over the bad bytes
    let fixed = run_in(dir.path(), &["lint", "--fix", "scan.txt"]);
    assert!(
        stderr(&fixed).contains("was not fixed"),
        "{}",
        stderr(&fixed)
    );
    assert_eq!(
        fs::read(dir.path().join("scan.txt")).unwrap(),
        b"QUESTION: as | said \xff\xfe here.\n"
    );
}

#[test]
fn folders_are_walked_for_included_files_respecting_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("archive/skip")).unwrap();
    fs::write(root.join("archive/a.transcript"), "QUESTION: as | said.\n").unwrap();
    fs::write(root.join("archive/b.memcon"), "QUESTION: as | said.\n").unwrap();
    fs::write(root.join("archive/notes.txt"), "QUESTION: as | said.\n").unwrap();
    fs::write(
        root.join("archive/skip/c.transcript"),
        "QUESTION: as | said.\n",
    )
    .unwrap();
    fs::write(root.join(".gitignore"), "skip/\n").unwrap();
    let files = |out: &std::process::Output| {
        let mut f: Vec<String> = json_array(out)
            .iter()
            .map(|v| v["path"].as_str().unwrap().to_string())
            .collect();
        f.dedup();
        f
    };
    let out = run_in(root, &["lint", "--format", "json", "archive"]);
    assert_eq!(
        files(&out),
        vec!["archive/a.transcript", "archive/b.memcon"]
    );
    fs::write(root.join("transcript.toml"), "include = [\"*.txt\"]\n").unwrap();
    let out = run_in(root, &["lint", "--format", "json", "archive"]);
    assert_eq!(files(&out), vec!["archive/notes.txt"]);
    fs::remove_file(root.join("transcript.toml")).unwrap();
    fs::create_dir_all(root.join("empty")).unwrap();
    let empty = run_in(root, &["lint", "empty"]);
    assert_eq!(exit_code(&empty), 2);
    assert!(
        stderr(&empty).contains("no transcripts in empty (looked for *.transcript, *.memcon"),
        "{}",
        stderr(&empty)
    );
}

#[test]
fn a_broken_configuration_names_its_file_and_line_and_exits_2() {
    let dir = temp_with(&SAMPLES);
    fs::write(
        dir.path().join("transcript.toml"),
        "[rules]\nO001 = \"off\"\nO99 = \"off\"\n",
    )
    .unwrap();
    let output = run_in(dir.path(), &["lint", OCR]);
    assert_eq!(exit_code(&output), 2);
    assert!(
        stderr(&output).contains("transcript.toml:3: unknown rule `O99`"),
        "{}",
        stderr(&output)
    );
    // The command the message points to exists and lists the rules.
    assert!(stderr(&output).contains("`transcript-ls rules` lists them"));
    let rules = run_in(dir.path(), &["rules"]);
    assert_eq!(exit_code(&rules), 0);
    assert!(
        stdout(&rules)
            .lines()
            .any(|l| l.starts_with("O001  pipe-for-i"))
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = temp_with(&SAMPLES);
    let out = stdout(&run_in(dir.path(), &["lint", "--statistics", OCR]));
    assert!(
        out.starts_with("    18  O001  pipe-for-i (18 fixable)\n"),
        "{out}"
    );
    assert!(out.contains("     1  T001  treaty-name-variant\n"), "{out}");
}

#[test]
fn output_file_receives_the_report() {
    let dir = temp_with(&SAMPLES);
    let output = run_in(
        dir.path(),
        &[
            "lint",
            "--format",
            "json",
            "--output-file",
            "report.json",
            WEB,
        ],
    );
    assert_eq!(stdout(&output), "");
    let report: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report.as_array().unwrap().len(), 1);
}

#[test]
fn explain_list_rules_and_help_are_complete() {
    let dir = tempfile::tempdir().unwrap();
    let explain = stdout(&run_in(dir.path(), &["explain", "O005"]));
    assert!(
        explain.starts_with("O005 split-paragraph (warning, safe fix)"),
        "{explain}"
    );
    assert!(
        explain.contains("## Fires") && explain.contains("## Fix"),
        "{explain}"
    );
    assert_eq!(
        stdout(&run_in(
            dir.path(),
            &["lint", "--explain", "split-paragraph"]
        )),
        explain
    );
    let unknown = run_in(dir.path(), &["explain", "Z001"]);
    assert_eq!(exit_code(&unknown), 2);
    let list = stdout(&run_in(dir.path(), &["lint", "--list-rules"]));
    assert_eq!(list, stdout(&run_in(dir.path(), &["rules"])));
    assert_eq!(list.lines().count(), 31);
    assert!(
        list.lines()
            .any(|l| l.starts_with("M001  unmarked-paragraph"))
    );
    let help = stdout(&run_in(dir.path(), &["lint", "--help"]));
    for needle in [
        "--format",
        "full",
        "concise",
        "json",
        "github",
        "sarif",
        "--fix",
        "--unsafe-fixes",
        "--diff",
        "--shard",
        "--stdin-filename",
        "Exit status",
        "--select",
        "--statistics",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}");
    }
    let top = stdout(&run_in(dir.path(), &["--help"]));
    assert!(
        top.contains("lint")
            && top.contains("explain")
            && top.contains("parse")
            && top.contains("rules"),
        "{top}"
    );
}

#[test]
fn the_readme_quick_start_lints_the_three_samples() {
    let output = run_in(&workspace(), &["lint", "fixtures/samples/"]);
    assert_eq!(exit_code(&output), 1);
    let out = stdout(&output);
    assert!(
        out.contains("  --> fixtures/samples/memcon-2008-sochi.txt:15:1\n"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "Found 45 findings in 3 files (41 fixable with --fix, 3 more with --unsafe-fixes).\n"
        ),
        "{out}"
    );
}

#[test]
fn a_capitalised_word_flagged_again_and_again_gets_one_hint_to_accept_it() {
    // A name or term of the project is capitalised; a lower-case word
    // flagged as often (`tbe`) is OCR's, and gets no hint.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "a.transcript",
            "The President: We saw tbe results. Classifled papers came with tbe talks today.
",
        ),
        (
            "b.transcript",
            "The President: And tbe delegation agreed. Classifled notes were read to all of us.
",
        ),
        (
            "c.transcript",
            "The President: The talks ended. Classifled cables went out to every post today.
",
        ),
    ] {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let output = run_in(dir.path(), &["lint", "--format", "concise", "."]);
    let text = stdout(&output);
    assert_eq!(text.matches("O011").count(), 3 + 3 + 1, "{text}");
    assert!(
        text.contains("hint: `Classifled` is flagged as a misread word (O011) 3 times in 3 files; if it is a word of the project, add it to `[words] accept` in transcript.toml."),
        "{text}"
    );
    assert!(!text.contains("hint: `tbe`"), "{text}");
    // Accepted, the word is neither flagged nor hinted at.
    fs::write(
        dir.path().join("transcript.toml"),
        "[words]\naccept = [\"Classifled\", \"tbe\"]\n",
    )
    .unwrap();
    let text = stdout(&run_in(dir.path(), &["lint", "--format", "concise", "."]));
    assert!(!text.contains("O011"), "{text}");
}
