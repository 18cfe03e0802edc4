//! The language server end to end: the real binary over stdio, driven as an
//! editor drives it.

use std::fs;
use std::time::Duration;

use serde_json::{Value, json};
use transcript_tests::lsp::{LspClient, apply_edits, file_uri, utf16_position};
use transcript_tests::{SAMPLES, fixture, temp_with};

/// What an editor that pushes diagnostics and shows progress offers.
fn editor() -> Value {
    json!({ "window": { "workDoneProgress": true },
            "general": { "positionEncodings": ["utf-16"] },
            "textDocument": { "publishDiagnostics": { "relatedInformation": true } } })
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn count(codes: &[String], code: &str) -> usize {
    codes.iter().filter(|c| *c == code).count()
}

fn position(text: &str, needle: &str) -> Value {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let (line, col) = utf16_position(text, at);
    json!({ "line": line, "character": col })
}

#[test]
fn memcon_diagnostics_have_codes_lines_versions_and_related_information() {
    let dir = temp_with(&SAMPLES);
    let mut lsp = LspClient::start(dir.path(), &["--stdio"]);
    let caps = lsp.initialize(dir.path(), editor());
    assert_eq!(caps["capabilities"]["positionEncoding"], "utf-16");
    let path = dir.path().join("memcon-2008-sochi.txt");
    let uri = lsp.open(&path, &fs::read_to_string(&path).unwrap());
    let diagnostics = lsp.diagnostics(&uri, 1);
    let c = codes(&diagnostics);
    assert_eq!(
        (
            count(&c, "M002"),
            count(&c, "O004"),
            count(&c, "O005"),
            count(&c, "O007"),
            count(&c, "O003")
        ),
        (2, 14, 3, 1, 1)
    );
    assert_eq!(count(&c, "M001") + count(&c, "S001"), 0);
    let o007 = diagnostics.iter().find(|d| d["code"] == "O007").unwrap();
    assert_eq!(
        o007["range"],
        json!({ "start": { "line": 14, "character": 0 }, "end": { "line": 14, "character": 10 } })
    );
    assert_eq!(o007["severity"], 2);
    assert_eq!(o007["source"], "transcript-ls");
    let o005 = diagnostics.iter().find(|d| d["code"] == "O005").unwrap();
    assert_eq!(o005["relatedInformation"][0]["message"], "continues here");
    // The rule's documentation, as a page the editor can open.
    let href = o007["codeDescription"]["href"].as_str().unwrap();
    assert!(
        href.starts_with("file://") && href.ends_with("/rules/O007.md"),
        "{href}"
    );
    let page = fs::read_to_string(href.trim_start_matches("file://")).unwrap();
    assert!(page.starts_with("# O007 invalid-date"), "{page}");
    assert!(page.contains("## Fires"), "{page}");
    assert!(lsp.shutdown().success());
}

#[test]
fn outline_lists_the_header_and_45_memcon_turns_and_question_exchanges() {
    let dir = temp_with(&SAMPLES);
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let memcon = dir.path().join("memcon-2008-sochi.txt");
    let uri = lsp.open(&memcon, &fs::read_to_string(&memcon).unwrap());
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let symbols = symbols.as_array().unwrap();
    assert_eq!(symbols[0]["name"], "Header");
    let header: Vec<&str> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        header.contains(&"SUBJECT") && header.contains(&"PARTICIPANTS"),
        "{header:?}"
    );
    // A field name wrapped over two lines is one field, with both values.
    assert!(!header.contains(&"AND PLACE"), "{header:?}");
    let when_where = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "DATE, TIME AND PLACE")
        .unwrap_or_else(|| panic!("{header:?}"));
    assert_eq!(
        when_where["detail"],
        "April 6, 2008, 10:00 - 11:00 a.m.; State Residence of the President of Russia Bocharov Ruchey, Round Room, Sochi Russia"
    );
    let participants = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "PARTICIPANTS")
        .unwrap();
    let groups: Vec<&str> = participants["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(groups, vec!["United States", "Russia"]);
    let turns = &symbols[1..];
    assert_eq!(turns.len(), 45);
    assert_eq!(turns[0]["name"], "Vladimir Putin");
    // The turn's highest mark once (not `(X) (S) (S) (S)`), then its
    // first words.
    assert_eq!(
        turns[0]["detail"],
        "(S) Once again I'd like to welcome you all"
    );

    let ocr = dir.path().join("press-conference-2007-ocr.txt");
    let uri = lsp.open(&ocr, &fs::read_to_string(&ocr).unwrap());
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let top: Vec<&Value> = symbols.as_array().unwrap().iter().collect();
    let exchanges: Vec<&&Value> = top.iter().filter(|s| s["name"] == "QUESTION").collect();
    assert!(!exchanges.is_empty());
    assert!(
        exchanges
            .iter()
            .all(|e| e["children"].as_array().is_some_and(|c| !c.is_empty())),
        "each question holds its answers"
    );
    let all_turns: usize = top
        .iter()
        .map(|s| 1 + s["children"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(all_turns, 22);
    lsp.shutdown();
}

#[test]
fn references_of_cfe_span_the_three_samples_and_hover_shows_the_treaty() {
    let dir = temp_with(&SAMPLES);
    fs::write(
        dir.path().join("transcript.toml"),
        "include = [\"*.txt\", \"*.md\"]\n",
    )
    .unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    // Wait for the background index to finish.
    lsp.wait_for("$/progress", |p| p["value"]["kind"] == "end");
    let memcon = dir.path().join("memcon-2008-sochi.txt");
    let text = fs::read_to_string(&memcon).unwrap();
    let uri = lsp.open(&memcon, &text);
    let at = position(&text, "CFE, hopefully");
    let refs = lsp.request("textDocument/references", json!({ "textDocument": { "uri": uri }, "position": at, "context": { "includeDeclaration": true } }));
    let mut files: Vec<String> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            l["uri"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    files.sort();
    files.dedup();
    assert_eq!(
        files,
        vec![
            "memcon-2008-sochi.txt",
            "press-conference-2007-ocr.txt",
            "press-conference-2007-web.md"
        ]
    );
    let hover = lsp.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": at }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("**CFE Treaty**") && value.contains("Signed: 1990-11-19"),
        "{value}"
    );
    let highlights = lsp.request(
        "textDocument/documentHighlight",
        json!({ "textDocument": { "uri": uri }, "position": at }),
    );
    assert_eq!(highlights.as_array().unwrap().len(), 1);
    let definition = lsp.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": uri }, "position": at }),
    );
    assert_eq!(definition["uri"], uri);
    lsp.shutdown();
}

#[test]
fn hover_explains_portion_marks_banners_and_findings() {
    let dir = temp_with(&SAMPLES);
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let memcon = dir.path().join("memcon-2008-sochi.txt");
    let text = fs::read_to_string(&memcon).unwrap();
    let uri = lsp.open(&memcon, &text);
    let hover = |lsp: &mut LspClient, needle: &str| {
        let r = lsp.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": position(&text, needle) }),
        );
        r["contents"]["value"].as_str().unwrap_or("").to_string()
    };
    assert!(hover(&mut lsp, "(e)").contains("OCR misreading of `(S)`"));
    assert!(hover(&mut lsp, "~~SECRET~~").contains("classified SECRET"));
    assert!(hover(&mut lsp, "~~SECRET~~").contains("Struck through"));
    assert!(hover(&mut lsp, "18-25-2025").contains("O007 invalid-date"));
    assert!(hover(&mut lsp, "NW#: 78134").contains("Page furniture"));
    lsp.shutdown();
}

#[test]
fn a_file_of_two_memos_outlines_as_two_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let path = dir.path().join("compilation.transcript");
    let body = "The station reports that the source met the officer twice in May and \
                that the meetings were cordial, that nothing of value was passed on, and \
                that the officer asked again about the new embassy building, its staff and \
                the cars parked behind it on most evenings of the week.";
    let text = format!(
        "SECRET\n\nMEMORANDUM FOR: Director\nSUBJECT: First report\n\n{body}\n\n\
         SECRET\n\nMEMORANDUM FOR: Chief, WH Division\nSUBJECT: Second report\n\n{body}\n"
    );
    let uri = lsp.open(&path, &text);
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Record 1", "Record 2"], "{symbols}");
    assert_eq!(symbols[1]["detail"], "SECRET");
    lsp.shutdown();
}

#[test]
fn hover_says_why_a_line_is_debris() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let path = dir.path().join("record.transcript");
    let text = "The station reports no change.\n\nae . - o . -.\n\nThe chief will report again.\n";
    let uri = lsp.open(&path, text);
    let hover = lsp.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": position(text, "ae . -") }),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .contains("OCR debris"),
        "{hover}"
    );
    lsp.shutdown();
}

#[test]
fn a_quick_fix_applied_clears_its_diagnostic_and_fix_all_fixes_every_safe_one() {
    let dir = temp_with(&SAMPLES);
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let memcon = dir.path().join("memcon-2008-sochi.txt");
    let text = fs::read_to_string(&memcon).unwrap();
    let uri = lsp.open(&memcon, &text);
    let diagnostics = lsp.diagnostics(&uri, 1);
    let o007 = diagnostics
        .iter()
        .find(|d| d["code"] == "O007")
        .unwrap()
        .clone();
    let actions = lsp.request("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": o007["range"], "context": { "diagnostics": [o007] } }));
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Change to `8-25-2025`")
        .expect("the O007 fix")
        .clone();
    assert!(
        actions
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["title"].as_str().unwrap().starts_with("Suppress O007"))
    );
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap().clone();
    let fixed = apply_edits(&text, &edits, false);
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
        .collect();
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": changes }),
    );
    let after = lsp.diagnostics(&uri, 2);
    assert_eq!(count(&codes(&after), "O007"), 0);
    assert_eq!(after.len(), diagnostics.len() - 1);

    // The light bulb's automatic asking leaves out "fix all" (it runs the
    // analysis again, pass after pass); asking for it, or opening the menu,
    // offers it.
    let start =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } });
    let kinds = |actions: &Value| -> Vec<String> {
        actions
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["kind"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let automatic = lsp.request("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": start, "context": { "diagnostics": [], "triggerKind": 2 } }));
    assert!(!kinds(&automatic).contains(&"source.fixAll.transcript".to_string()));
    let invoked = lsp.request("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": start, "context": { "diagnostics": [], "triggerKind": 1 } }));
    assert!(kinds(&invoked).contains(&"source.fixAll.transcript".to_string()));
    let all = lsp.request("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": start, "context": { "diagnostics": [], "only": ["source.fixAll"], "triggerKind": 2 } }));
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["kind"], "source.fixAll.transcript");
    let edits = all[0]["edit"]["changes"][&uri].as_array().unwrap().clone();
    let cleaned = apply_edits(&fixed, &edits, false);
    assert!(cleaned.contains("drop it in the middle of a political firestorm"));
    lsp.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 3 }, "contentChanges": [ { "text": cleaned } ] }));
    let left = codes(&lsp.diagnostics(&uri, 3));
    assert!(
        left.iter()
            .all(|c| !matches!(c.as_str(), "O003" | "O004" | "O005")),
        "{left:?}"
    );
    lsp.shutdown();
}

#[test]
fn typing_a_document_character_by_character_ends_with_the_diagnostics_of_a_fresh_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let source = fs::read_to_string(fixture("samples/memcon-2008-sochi.txt")).unwrap();
    let text: String = source.chars().take(2500).collect();
    let typed = dir.path().join("typed.txt");
    let uri = lsp.open(&typed, "");
    let mut line = 0;
    let mut col = 0;
    let mut version = 1;
    for (i, c) in text.chars().enumerate() {
        version += 1;
        let at = json!({ "line": line, "character": col });
        lsp.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
            "contentChanges": [ { "range": { "start": at, "end": at }, "text": c.to_string() } ] }),
        );
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += c.len_utf16();
        }
        // Requests interleaved with the typing must not disturb it.
        if i % 250 == 0 {
            lsp.send_request(
                "textDocument/documentSymbol",
                json!({ "textDocument": { "uri": uri } }),
            );
        }
    }
    let typed_diagnostics = lsp.diagnostics(&uri, version);
    let fresh = lsp.open(&dir.path().join("fresh.txt"), &text);
    let fresh_diagnostics = lsp.diagnostics(&fresh, 1);
    assert!(!fresh_diagnostics.is_empty());
    assert_eq!(typed_diagnostics, fresh_diagnostics);
    lsp.shutdown();
}

#[test]
fn positions_use_utf8_when_offered_and_utf16_otherwise() {
    let text = "QUESTION: Лавров 👋 said as | mentioned.\n";
    for (offered, expected_encoding, column) in [
        (json!(["utf-8", "utf-16"]), "utf-8", 36),
        (json!(["utf-16"]), "utf-16", 28),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut lsp = LspClient::start(dir.path(), &[]);
        let caps = lsp.initialize(
            dir.path(),
            json!({ "general": { "positionEncodings": offered } }),
        );
        assert_eq!(caps["capabilities"]["positionEncoding"], expected_encoding);
        let uri = lsp.open(&dir.path().join("a.txt"), text);
        let d = lsp.diagnostics(&uri, 1);
        let o001 = d.iter().find(|d| d["code"] == "O001").unwrap();
        assert_eq!(
            o001["range"]["start"]["character"], column,
            "{expected_encoding}"
        );
        // An edit in the same encoding lands where it should.
        let at = o001["range"]["start"].clone();
        let end = json!({ "line": 0, "character": column + 1 });
        lsp.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [ { "range": { "start": at, "end": end }, "text": "I" } ] }),
        );
        assert!(lsp.diagnostics(&uri, 2).iter().all(|d| d["code"] != "O001"));
        lsp.shutdown();
    }
}

#[test]
fn clients_that_pull_diagnostics_get_them_on_request_and_no_pushes() {
    let dir = temp_with(&SAMPLES);
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = lsp.initialize(
        dir.path(),
        json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } },
                "workspace": { "diagnostics": { "refreshSupport": true } } }),
    );
    assert!(caps["capabilities"]["diagnosticProvider"].is_object());
    let web = dir.path().join("press-conference-2007-web.md");
    let text = fs::read_to_string(&web).unwrap();
    let uri = lsp.open(&web, &text);
    let pull = |lsp: &mut LspClient, previous: &Value| {
        lsp.request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri }, "previousResultId": previous }),
        )
    };
    let report = pull(&mut lsp, &Value::Null);
    assert_eq!(report["kind"], "full");
    assert_eq!(codes(report["items"].as_array().unwrap()), vec!["O005"]);
    let first = report["resultId"].clone();
    assert!(first.is_string(), "a full report has a result id: {report}");

    // Nothing changed: the client keeps what it has.
    let again = pull(&mut lsp, &first);
    assert_eq!(again, json!({ "kind": "unchanged", "resultId": first }));

    // An edit: a new report, with a new id.
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [ { "range": { "start": { "line": 0, "character": 0 },
                                                 "end": { "line": 0, "character": 0 } },
                                      "text": "x" } ] }),
    );
    let edited = pull(&mut lsp, &first);
    assert_eq!(edited["kind"], "full");
    assert_ne!(edited["resultId"], first);

    // A setting changed: the server asks the client to pull again, and the
    // next pull is a full report under the new setting.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "transcript": { "rules": { "O005": "off" } } } }),
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !lsp
        .requests
        .iter()
        .any(|r| r["method"] == "workspace/diagnostic/refresh")
    {
        assert!(std::time::Instant::now() < deadline, "no refresh request");
        // Any request lets the client read (and answer) what the server sent.
        lsp.request("workspace/symbol", json!({ "query": "" }));
    }
    let after = pull(&mut lsp, &edited["resultId"]);
    assert_eq!(after["kind"], "full");
    assert_eq!(
        codes(after["items"].as_array().unwrap()),
        Vec::<&str>::new()
    );

    std::thread::sleep(Duration::from_millis(300));
    lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(
        lsp.notifications
            .iter()
            .all(|n| n["method"] != "textDocument/publishDiagnostics")
    );
    lsp.shutdown();
}

#[test]
fn folding_ranges_cover_turns_and_the_header() {
    let dir = temp_with(&SAMPLES);
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let memcon = dir.path().join("memcon-2008-sochi.txt");
    let uri = lsp.open(&memcon, &fs::read_to_string(&memcon).unwrap());
    let folds = lsp.request(
        "textDocument/foldingRange",
        json!({ "textDocument": { "uri": uri } }),
    );
    let folds = folds.as_array().unwrap();
    assert!(
        folds
            .iter()
            .any(|f| f["kind"] == "imports" && f["startLine"] == 13),
        "the header block"
    );
    assert!(folds.iter().filter(|f| f["kind"] == "region").count() >= 10);
    lsp.shutdown();
}

#[test]
fn the_server_exits_promptly_and_answers_on_a_binary_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start(dir.path(), &["serve"]);
    lsp.initialize(dir.path(), editor());
    let garbage: String = (0..20_000u32)
        .map(|i| char::from_u32(i % 0x2FF + 1).unwrap_or('?'))
        .collect();
    let uri = lsp.open(&dir.path().join("bin.txt"), &garbage);
    lsp.diagnostics(&uri, 1);
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(symbols.is_array());
    let _ = file_uri(dir.path());
    assert!(lsp.shutdown().success());
}

#[test]
fn rename_completion_and_workspace_symbols_work_on_speakers() {
    let dir = temp_with(&SAMPLES);
    fs::write(
        dir.path().join("transcript.toml"),
        "include = [\"*.txt\", \"*.md\"]\n",
    )
    .unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    lsp.wait_for("$/progress", |p| p["value"]["kind"] == "end");
    let text = "QUESTION: Why?\n\nSECRETARY RICE: Because.\n\nSecretary Rice: Indeed.\n\nSe";
    let path = dir.path().join("short.transcript");
    let uri = lsp.open(&path, text);
    lsp.diagnostics(&uri, 1);

    // Rename reaches both label styles, and keeps each.
    let edit = lsp.request("textDocument/rename", json!({ "textDocument": { "uri": uri }, "position": position(text, "RICE:"), "newName": "Secretary Condoleezza Rice" }));
    let renamed = apply_edits(text, edit["changes"][&uri].as_array().unwrap(), false);
    assert_eq!(
        renamed,
        "QUESTION: Why?\n\nSECRETARY CONDOLEEZZA RICE: Because.\n\nSecretary Condoleezza Rice: Indeed.\n\nSe"
    );

    // Completion at a line start offers the labels already used.
    let end = json!({ "line": 6, "character": 2 });
    let items = lsp.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": end }),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["SECRETARY RICE:", "Secretary Rice:"]);
    assert_eq!(
        items[0]["textEdit"]["range"]["start"],
        json!({ "line": 6, "character": 0 })
    );

    // Workspace symbols find speakers and treaties across the samples.
    let symbols = lsp.request("workspace/symbol", json!({ "query": "cfe" }));
    assert!(
        symbols
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "CFE Treaty"),
        "{symbols}"
    );
    let symbols = lsp.request("workspace/symbol", json!({ "query": "putin" }));
    assert!(
        symbols
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Vladimir Putin, President of Russia"),
        "{symbols}"
    );
    lsp.shutdown();
}

#[test]
fn semantic_tokens_mark_labels_marks_banners_and_treaties() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = lsp.initialize(dir.path(), editor());
    let legend = caps["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"].clone();
    let text = "~~SECRET~~\n\nThe President: On CFE we agree. (S)\n";
    let uri = lsp.open(&dir.path().join("a.txt"), text);
    let tokens = lsp.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": uri } }),
    );
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let kinds: Vec<&str> = data
        .chunks(5)
        .map(|t| legend[t[3] as usize].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["keyword", "label", "namespace", "portionMark"]);
    assert_eq!(
        &data[..5],
        &[0, 0, 10, 2, 1],
        "the struck banner is deprecated"
    );
    lsp.shutdown();
}

#[test]
fn configuration_changes_relint_open_documents_without_a_restart() {
    let dir = temp_with(&SAMPLES);
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    lsp.initialize(dir.path(), caps);
    let ocr = dir.path().join("press-conference-2007-ocr.txt");
    let uri = lsp.open(&ocr, &fs::read_to_string(&ocr).unwrap());
    assert_eq!(count(&codes(&lsp.diagnostics(&uri, 1)), "O001"), 18);
    // Client settings.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "transcript": { "rules": { "O001": "off" } } } }),
    );
    let after = lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri
            && p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["code"] != "O001")
    });
    assert!(!after["diagnostics"].as_array().unwrap().is_empty());
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": {} }),
    );
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri
            && p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "O001")
    });
    // A transcript.toml written beside it.
    fs::write(
        dir.path().join("transcript.toml"),
        "[rules]\nO009 = \"off\"\n",
    )
    .unwrap();
    lsp.notify("workspace/didChangeWatchedFiles", json!({ "changes": [ { "uri": file_uri(&dir.path().join("transcript.toml")), "type": 1 } ] }));
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri
            && p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["code"] != "O009")
    });
    lsp.shutdown();
}

#[test]
fn a_users_own_treaty_shows_in_workspace_symbols_by_its_name_and_no_save_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("transcript.toml"),
        "[[treaties]]\nid = \"agreed-framework\"\nname = \"Agreed Framework between the United States of America and the Democratic People's Republic of Korea\"\naliases = [\"Agreed Framework\"]\nsigned = \"1994-10-21\"\n",
    )
    .unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = lsp.initialize(dir.path(), editor());
    // The server does nothing on save, so it does not ask to be told.
    let sync = &caps["capabilities"]["textDocumentSync"];
    assert!(sync.get("save").is_none(), "{sync}");
    let uri = lsp.open(
        &dir.path().join("a.transcript"),
        "QUESTION: What of the Agreed Framework?\n",
    );
    lsp.diagnostics(&uri, 1);
    let symbols = lsp.request("workspace/symbol", json!({ "query": "agreed" }));
    let treaty = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["containerName"] == "treaty")
        .unwrap_or_else(|| panic!("no treaty in {symbols}"));
    assert_eq!(treaty["name"], "Agreed Framework");
    assert_eq!(treaty["location"]["uri"], uri);
    assert!(lsp.shutdown().success());
}

#[test]
fn a_broken_transcript_toml_is_shown_once_and_the_previous_configuration_stays_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("transcript.toml");
    let toml_uri = file_uri(&toml);
    fs::write(&toml, "[rules]\nO001 = \"off\"\n").unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    lsp.initialize(dir.path(), caps);
    let uri = lsp.open(
        &dir.path().join("a.txt"),
        "QUESTION: as | said.\n\nMr.Solana said so.\n",
    );
    assert_eq!(codes(&lsp.diagnostics(&uri, 1)), vec!["O008"]);
    let changed = json!({ "changes": [ { "uri": toml_uri, "type": 2 } ] });

    // Broken on its third line.
    fs::write(&toml, "[rules]\nO001 = \"off\"\nZ123 = \"off\"\n").unwrap();
    lsp.notify("workspace/didChangeWatchedFiles", changed.clone());
    let shown = lsp.wait_for("window/showMessage", |_| true);
    let message = shown["message"].as_str().unwrap();
    assert!(
        message.contains("transcript.toml:3: unknown rule `Z123`")
            && message.contains("stay in force"),
        "{message}"
    );
    let on_toml = lsp.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == toml_uri);
    let d = &on_toml["diagnostics"][0];
    assert_eq!(d["range"]["start"]["line"], 2, "{on_toml}");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("unknown rule `Z123`")
    );
    // The document is linted again under the last valid configuration:
    // O001 stays off.
    let relinted = lsp.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == uri);
    assert_eq!(
        codes(relinted["diagnostics"].as_array().unwrap()),
        vec!["O008"]
    );

    // Told once: the same error again shows nothing more.
    lsp.notify("workspace/didChangeWatchedFiles", changed.clone());
    lsp.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == uri);

    // Fixed: its diagnostic goes, and the new settings apply.
    fs::write(&toml, "[rules]\nO008 = \"off\"\n").unwrap();
    lsp.notify("workspace/didChangeWatchedFiles", changed);
    let cleared = lsp.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == toml_uri);
    assert_eq!(cleared["diagnostics"], json!([]));
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri && codes(p["diagnostics"].as_array().unwrap()) == vec!["O001"]
    });
    assert!(
        !lsp.notifications
            .iter()
            .any(|n| n["method"] == "window/showMessage"),
        "the broken file was shown once"
    );
    assert!(lsp.shutdown().success());
}

#[test]
fn adding_a_word_to_the_projects_words_writes_transcript_toml_and_clears_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("memo.transcript");
    let text = "The President: We met the Tolleyx delegation and saw tbe results of the long talks today.\n";
    fs::write(&doc, text).unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    let caps = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true }, "workspaceEdit": { "documentChanges": true, "resourceOperations": ["create"] } } });
    lsp.initialize(dir.path(), caps);
    let uri = lsp.open(&doc, text);
    let o011 = lsp
        .diagnostics(&uri, 1)
        .into_iter()
        .find(|d| d["code"] == "O011")
        .expect("O011 on `tbe`");
    let actions = lsp.request("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": o011["range"], "context": { "diagnostics": [o011] } }));
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add `tbe` to the project's words (transcript.toml)")
        .expect("the action that adds the word")
        .clone();
    // No transcript.toml yet: the edit makes one beside the document.
    let ops = add["edit"]["documentChanges"].as_array().unwrap();
    let toml = dir.path().join("transcript.toml");
    assert_eq!(ops[0]["kind"], "create");
    assert_eq!(ops[0]["uri"], file_uri(&toml));
    let written = ops[1]["edits"][0]["newText"].as_str().unwrap();
    assert_eq!(written, "[words]\naccept = [\"tbe\"]\n");
    // The client applies it and says so; the finding goes.
    fs::write(&toml, written).unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [ { "uri": file_uri(&toml), "type": 1 } ] }),
    );
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri
            && p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["code"] != "O011")
    });
    // With the file in place, the next word joins the list.
    let actions = lsp.request("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": o011["range"], "context": { "diagnostics": [] } }));
    assert!(
        actions
            .as_array()
            .unwrap()
            .iter()
            .all(|a| !a["title"].as_str().unwrap().starts_with("Add")),
        "no finding, no action: {actions}"
    );
    lsp.shutdown();
}
