//! The language server as real editors drive it, end to end: settings sent
//! just after a document is opened, clients that pull diagnostics only for
//! the documents they show or cannot be asked to pull again, clients that
//! cannot watch files, and documents with thousands of findings.

use std::fs;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use transcript_tests::lsp::{LspClient, apply_edits, file_uri, utf16_position};
use transcript_tests::{lint_pairs, temp_with};

const OCR: &str = "samples/press-conference-2007-ocr.txt";
const WEB: &str = "samples/press-conference-2007-web.md";

/// What a client that pushes (and watches nothing) offers.
fn pushing() -> Value {
    json!({ "general": { "positionEncodings": ["utf-16"] } })
}

/// What VS Code offers: it pulls, and pulls again when asked.
fn pulling_and_refreshing() -> Value {
    json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } },
            "workspace": { "diagnostics": { "refreshSupport": true } } })
}

/// What Neovim 0.11 on Linux offers: it pulls (for the buffers it shows),
/// cannot be asked to pull again, and does not watch files.
fn neovim() -> Value {
    json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } },
            "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": false } } })
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

fn list(params: &Value) -> &[Value] {
    params["diagnostics"].as_array().unwrap()
}

fn code_lines(diagnostics: &[Value]) -> Vec<(String, u64)> {
    let mut found: Vec<(String, u64)> = diagnostics
        .iter()
        .filter_map(|d| {
            let code = d["code"].as_str()?;
            Some((code.into(), d["range"]["start"]["line"].as_u64()? + 1))
        })
        .collect();
    found.sort();
    found
}

/// The OCR sample `copies` times over, as one raw file.
fn raw_ocr(copies: usize) -> String {
    let one = fs::read_to_string(transcript_tests::fixture(OCR)).unwrap();
    let mut text = String::with_capacity(one.len() * copies + copies);
    for _ in 0..copies {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

fn edit(lsp: &mut LspClient, uri: &str, version: i64, line: u64, text: &str) {
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": version },
                "contentChanges": [ { "range": { "start": { "line": line, "character": 0 },
                                                 "end": { "line": line, "character": 0 } },
                                      "text": text } ] }),
    );
}

/// Polls `workspace/symbol` for `query` until `done` holds of the names
/// found, for up to ten seconds.
fn symbols_until(lsp: &mut LspClient, query: &str, done: impl Fn(&[String]) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = lsp.request("workspace/symbol", json!({ "query": query }));
        let names: Vec<String> = (found.as_array().unwrap().iter())
            .map(|s| s["location"]["uri"].as_str().unwrap().to_string())
            .collect();
        if done(&names) {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_rule_switched_off_just_after_opening_is_off_while_the_document_is_read_and_after_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raw.txt");
    // Large enough that its reading is under way when the settings come.
    let text = raw_ocr(10);
    fs::write(&path, &text).unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), pushing());
    let uri = lsp.open(&path, &text);
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "transcript": { "rules": { "O001": "off" } } } }),
    );
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri && !list(p).is_empty() && !codes(list(p)).contains(&"O001")
    });
    edit(&mut lsp, &uri, 2, 0, "x");
    let after_edit = lsp.diagnostics(&uri, 2);
    assert!(!after_edit.is_empty());
    assert!(
        !codes(&after_edit).contains(&"O001"),
        "O001 stays off after an edit"
    );
    lsp.shutdown();
}

#[test]
fn a_rule_switched_off_just_after_opening_is_off_in_the_first_pull() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raw.txt");
    let text = raw_ocr(10);
    fs::write(&path, &text).unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), pulling_and_refreshing());
    // As VS Code does: the document, then the settings, then a pull.
    let uri = lsp.open(&path, &text);
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "transcript": { "rules": { "O001": "off" } } } }),
    );
    let report = lsp.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    let items = report["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(!codes(items).contains(&"O001"), "O001 is off");
    lsp.shutdown();
}

#[test]
fn a_client_that_pulls_but_cannot_be_asked_again_is_pushed_to_and_sees_settings_at_once() {
    let dir = temp_with(&[OCR]);
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = lsp.initialize(dir.path(), neovim());
    assert!(
        caps["capabilities"]["diagnosticProvider"].is_null(),
        "pull is not offered to a client that cannot be asked to pull again"
    );
    let path = dir.path().join("press-conference-2007-ocr.txt");
    let uri = lsp.open(&path, &fs::read_to_string(&path).unwrap());
    let first = lsp.diagnostics(&uri, 1);
    assert_eq!(
        code_lines(&first),
        lint_pairs(dir.path(), "press-conference-2007-ocr.txt")
    );
    assert!(codes(&first).contains(&"O001"));
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "transcript": { "rules": { "O001": "off" } } } }),
    );
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri && !list(p).is_empty() && !codes(list(p)).contains(&"O001")
    });
    lsp.shutdown();
}

#[test]
fn a_document_the_client_does_not_pull_is_pushed_and_taken_back_once_it_is_pulled() {
    let dir = temp_with(&[OCR, WEB]);
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = lsp.initialize(dir.path(), pulling_and_refreshing());
    assert!(caps["capabilities"]["diagnosticProvider"].is_object());
    let shown = dir.path().join("press-conference-2007-web.md");
    let shown_uri = lsp.open(&shown, &fs::read_to_string(&shown).unwrap());
    let report = lsp.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": shown_uri } }),
    );
    assert_eq!(report["kind"], "full");
    // Opened in the background (a workspace edit, `:bufdo`) and never pulled.
    let hidden = dir.path().join("press-conference-2007-ocr.txt");
    let opened = Instant::now();
    let hidden_uri = lsp.open(&hidden, &fs::read_to_string(&hidden).unwrap());
    let pushed = lsp.diagnostics(&hidden_uri, 1);
    assert!(
        opened.elapsed() >= Duration::from_millis(900),
        "the client is given a while to pull first"
    );
    assert_eq!(
        code_lines(&pushed),
        lint_pairs(dir.path(), "press-conference-2007-ocr.txt")
    );
    // Pulled now: the pushed list is taken back before the report comes,
    // so the client does not show both.
    let report = lsp.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": hidden_uri } }),
    );
    assert_eq!(
        code_lines(report["items"].as_array().unwrap()),
        code_lines(&pushed)
    );
    let cleared = lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == hidden_uri
    });
    assert_eq!(cleared["diagnostics"], json!([]));
    // And no more pushes for either document, even after an edit.
    edit(&mut lsp, &hidden_uri, 2, 0, "x");
    std::thread::sleep(Duration::from_millis(1500));
    lsp.request("workspace/symbol", json!({ "query": "" }));
    assert!(
        lsp.notifications
            .iter()
            .all(|n| n["method"] != "textDocument/publishDiagnostics"),
        "{:?}",
        lsp.notifications
    );
    lsp.shutdown();
}

#[test]
fn without_watching_clients_the_server_sees_transcript_toml_and_included_files_change() {
    let dir = temp_with(&[OCR]);
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), neovim());
    let path = dir.path().join("press-conference-2007-ocr.txt");
    let uri = lsp.open(&path, &fs::read_to_string(&path).unwrap());
    assert!(codes(&lsp.diagnostics(&uri, 1)).contains(&"O001"));

    fs::create_dir(dir.path().join("sub")).unwrap();
    // Written outside the editor; the client says nothing.
    fs::write(
        dir.path().join("transcript.toml"),
        "include = [\"*.notes\"]\n[rules]\nO001 = \"off\"\n",
    )
    .unwrap();
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri && !list(p).is_empty() && !codes(list(p)).contains(&"O001")
    });

    // A file of an extension `include` adds is indexed when it appears,
    // and leaves the index when it is deleted.
    let notes = dir.path().join("sub").join("interview.notes");
    fs::write(
        &notes,
        "MR. ZEBULON: First.\n\nMR. ZEBULON: Second.\n\nMR. ZEBULON: Third.\n",
    )
    .unwrap();
    let notes_uri = file_uri(&notes);
    assert!(
        symbols_until(&mut lsp, "Zebulon", |found| found.contains(&notes_uri)),
        "the new file is in the index"
    );
    fs::remove_file(&notes).unwrap();
    assert!(
        symbols_until(&mut lsp, "Zebulon", |found| found.is_empty()),
        "the deleted file left the index"
    );
    lsp.shutdown();
}

#[test]
fn a_raw_ocr_file_publishes_a_bounded_list_with_a_note_and_once_typing_pauses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raw.txt");
    // 1.2 MB, 1,380 findings.
    let text = raw_ocr(60);
    fs::write(&path, &text).unwrap();
    let total = lint_pairs(dir.path(), "raw.txt").len();
    assert!(total > 1000, "{total} findings");
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), pushing());
    let uri = lsp.open(&path, &text);
    let first = lsp.diagnostics(&uri, 1);
    assert_eq!(first.len(), 1001, "1000 findings and the note");
    let note = first[0]["message"].as_str().unwrap();
    assert!(
        note.starts_with(&format!("{} more findings are not shown", total - 1000)),
        "{note}"
    );
    assert!(note.contains("`transcript-ls lint raw.txt`"), "{note}");
    assert_eq!(
        first[0]["range"]["start"],
        json!({ "line": 0, "character": 0 })
    );
    // The most severe kept: every warning, and none of the hints.
    assert!(first[1..].iter().all(|d| d["severity"] == 2));

    // No limit: every finding, as `lint` lists them.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "transcript": { "maxDiagnostics": 0 } } }),
    );
    let all = lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri && list(p).len() > 1001
    });
    assert_eq!(list(&all).len(), total);
    assert!(
        codes(list(&all)).len() == total,
        "no note when nothing is left out"
    );
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": {} }),
    );
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri && list(p).len() == 1001
    });

    // Typing a word, a key every 40 ms: the list comes once typing pauses.
    let line = 3;
    let word = "reading";
    for (i, c) in word.chars().enumerate() {
        lsp.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": 2 + i },
                    "contentChanges": [ { "range": { "start": { "line": line, "character": i },
                                                     "end": { "line": line, "character": i } },
                                          "text": c.to_string() } ] }),
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    let stopped = Instant::now();
    let last = 1 + word.len() as i64;
    let after = lsp.diagnostics(&uri, last);
    let waited = stopped.elapsed();
    assert_eq!(after.len(), 1001);
    let during: Vec<i64> = (lsp.notifications.iter())
        .filter(|n| n["method"] == "textDocument/publishDiagnostics")
        .filter_map(|n| n["params"]["version"].as_i64())
        .filter(|v| *v > 1 && *v < last)
        .collect();
    assert!(
        during.len() <= 1,
        "publications while typing: versions {during:?}"
    );
    assert!(
        waited < Duration::from_secs(3),
        "diagnostics {waited:?} after typing stopped"
    );

    // Typing on for three seconds still shows where it stands, every two
    // seconds at most.
    lsp.notifications.clear();
    let first = last + 1;
    let keys = 30;
    for i in 0..keys {
        lsp.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": first + i },
                    "contentChanges": [ { "range": { "start": { "line": line, "character": 0 },
                                                     "end": { "line": line, "character": 0 } },
                                          "text": "x" } ] }),
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    lsp.diagnostics(&uri, first + keys - 1);
    let during = (lsp.notifications.iter())
        .filter(|n| n["method"] == "textDocument/publishDiagnostics")
        .filter(|n| n["params"]["version"].as_i64() < Some(first + keys - 1))
        .count();
    assert!(
        (1..=3).contains(&during),
        "{during} publications in three seconds of typing"
    );
    lsp.shutdown();
}

#[test]
fn rename_reaches_every_document_keeps_each_label_style_and_updates_the_participants_entry() {
    let dir = temp_with(&["samples/memcon-2008-sochi.txt"]);
    let original = fs::read_to_string(dir.path().join("memcon-2008-sochi.txt")).unwrap();
    // A second memcon with the same participant, in capitals, not open.
    let copy = original.replace("President Putin:", "PRESIDENT PUTIN:");
    fs::write(dir.path().join("memcon-copy.txt"), &copy).unwrap();
    fs::write(
        dir.path().join("transcript.toml"),
        "include = [\"*.txt\"]\n",
    )
    .unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(
        dir.path(),
        json!({ "window": { "workDoneProgress": true } }),
    );
    lsp.wait_for("$/progress", |p| p["value"]["kind"] == "end");
    let path = dir.path().join("memcon-2008-sochi.txt");
    let uri = lsp.open(&path, &original);
    let before = lsp.diagnostics(&uri, 1);
    assert_eq!(codes(&before).iter().filter(|c| **c == "S001").count(), 0);

    let at = original.find("President Putin:").unwrap() + "President ".len();
    let (line, character) = utf16_position(&original, at);
    let edit = lsp.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character },
                "newName": "Dmitry Medvedev" }),
    );
    let labels = original.matches("President Putin:").count();
    assert!(labels > 10);
    let renamed = apply_edits(&original, edit["changes"][&uri].as_array().unwrap(), false);
    assert_eq!(renamed.matches("President Medvedev:").count(), labels);
    assert!(renamed.contains("Dmitry Medvedev, President of Russia"));
    assert!(!renamed.contains("Putin:"));
    let copy_uri = file_uri(&dir.path().join("memcon-copy.txt"));
    let other = edit["changes"][&copy_uri]
        .as_array()
        .unwrap_or_else(|| panic!("the other memcon is renamed too: {edit}"));
    let copy_renamed = apply_edits(&copy, other, false);
    assert_eq!(copy_renamed.matches("PRESIDENT MEDVEDEV:").count(), labels);
    assert!(copy_renamed.contains("Dmitry Medvedev, President of Russia"));

    // The labels still resolve to the entry: no unknown speakers appear.
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [ { "text": renamed } ] }),
    );
    let after = lsp.diagnostics(&uri, 2);
    assert_eq!(codes(&after).iter().filter(|c| **c == "S001").count(), 0);
    assert_eq!(after.len(), before.len());
    lsp.shutdown();
}

#[test]
fn a_client_that_watches_is_asked_to_watch_the_extensions_include_adds() {
    let dir = temp_with(&[OCR]);
    fs::write(
        dir.path().join("transcript.toml"),
        "include = [\"*.txt\", \"*.md\"]\n",
    )
    .unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(
        dir.path(),
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let registration = loop {
        if let Some(r) = (lsp.requests.iter()).find(|r| r["method"] == "client/registerCapability")
        {
            break r.clone();
        }
        assert!(Instant::now() < deadline, "no watchers registered");
        lsp.request("workspace/symbol", json!({ "query": "" }));
    };
    let globs: Vec<&str> =
        registration["params"]["registrations"][0]["registerOptions"]["watchers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["globPattern"].as_str().unwrap())
            .collect();
    assert_eq!(globs, vec!["**/transcript.toml", "**/*.txt", "**/*.md"]);
    lsp.shutdown();
}

#[test]
fn without_a_workspace_folder_a_transcript_toml_beside_an_open_document_takes_effect() {
    let dir = temp_with(&[OCR]);
    let mut lsp = LspClient::start(dir.path(), &[]);
    // Neovim finds no project root (no .git, no transcript.toml yet).
    lsp.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": neovim() }),
    );
    lsp.notify("initialized", json!({}));
    let path = dir.path().join("press-conference-2007-ocr.txt");
    let uri = lsp.open(&path, &fs::read_to_string(&path).unwrap());
    assert!(codes(&lsp.diagnostics(&uri, 1)).contains(&"O001"));
    fs::write(
        dir.path().join("transcript.toml"),
        "[rules]\nO001 = \"off\"\n",
    )
    .unwrap();
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri && !list(p).is_empty() && !codes(list(p)).contains(&"O001")
    });
    lsp.shutdown();
}
