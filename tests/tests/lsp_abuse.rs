//! The server under abuse: bad framing, bad JSON, requests out of order,
//! edits that make no sense, heavy documents. It answers with proper
//! errors, keeps serving, and exits promptly.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use transcript_tests::lsp::LspClient;

fn started() -> (tempfile::TempDir, LspClient) {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), json!({}));
    (dir, lsp)
}

/// The server still works: a document opens and gets its diagnostics.
fn still_serving(lsp: &mut LspClient, dir: &std::path::Path, name: &str) {
    let uri = lsp.open(&dir.join(name), "QUESTION: as | said.\n");
    let d = lsp.diagnostics(&uri, 1);
    assert_eq!(d[0]["code"], "O001");
}

#[test]
fn malformed_json_gets_a_parse_error_and_serving_goes_on() {
    let (dir, mut lsp) = started();
    lsp.send_raw(b"Content-Length: 15\r\n\r\n{\"jsonrpc\": 2.0");
    let answer = lsp.null_id_response();
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    still_serving(&mut lsp, dir.path(), "a.txt");
    assert!(lsp.shutdown().success());
}

#[test]
fn a_short_content_length_is_an_error_and_the_next_message_is_still_read() {
    let (dir, mut lsp) = started();
    // The body is longer than announced: the server reads 10 bytes, which
    // are not JSON, and must find the next header after the rest.
    lsp.send_raw(b"Content-Length: 10\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
    let answer = lsp.null_id_response();
    assert!(answer.get("error").is_some(), "{answer}");
    still_serving(&mut lsp, dir.path(), "b.txt");
}

#[test]
fn unknown_methods_and_requests_before_initialize_get_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    let early = lsp.send_request("textDocument/hover", json!({ "textDocument": { "uri": "file:///x" }, "position": { "line": 0, "character": 0 } }));
    assert_eq!(
        lsp.outcome(early)["error"]["code"],
        -32002,
        "not initialized"
    );
    lsp.initialize(dir.path(), json!({}));
    let unknown = lsp.send_request("transcript/noSuchThing", json!({}));
    assert_eq!(lsp.outcome(unknown)["error"]["code"], -32601);
    lsp.notify("transcript/noSuchNotification", json!({}));
    still_serving(&mut lsp, dir.path(), "c.txt");
}

#[test]
fn changes_to_unopened_documents_out_of_range_edits_and_old_versions_are_harmless() {
    let (dir, mut lsp) = started();
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "file:///never/opened.txt", "version": 2 },
        "contentChanges": [ { "text": "x" } ] }),
    );
    let uri = lsp.open(&dir.path().join("d.txt"), "QUESTION: as | said.\n");
    lsp.diagnostics(&uri, 1);
    // Far past the end: clamped to the end of the document.
    lsp.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 },
        "contentChanges": [ { "range": { "start": { "line": 99, "character": 5 }, "end": { "line": 120, "character": 0 } }, "text": "\nQUESTION: and | again.\n" } ] }));
    let d = lsp.diagnostics(&uri, 2);
    assert_eq!(d.iter().filter(|d| d["code"] == "O001").count(), 2, "{d:?}");
    // A column past a line's end lands at the line's end.
    lsp.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 3 },
        "contentChanges": [ { "range": { "start": { "line": 0, "character": 500 }, "end": { "line": 0, "character": 900 } }, "text": " Fine." } ] }));
    lsp.diagnostics(&uri, 3);
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(details(&symbols), vec!["as | said. Fine.", "and | again."]);
    assert!(lsp.shutdown().success());
}

/// The first words of each turn in a document's outline.
fn details(symbols: &Value) -> Vec<&str> {
    symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["detail"].as_str().unwrap())
        .collect()
}

#[test]
fn a_change_whose_version_is_not_above_the_current_one_is_still_applied_in_order() {
    let (dir, mut lsp) = started();
    let uri = lsp.open(&dir.path().join("v.txt"), "QUESTION: as | said.\n");
    lsp.diagnostics(&uri, 1);
    let change = |version: i64, text: &str| {
        json!({ "textDocument": { "uri": uri, "version": version },
                "contentChanges": [ { "range": { "start": { "line": 0, "character": 10 }, "end": { "line": 0, "character": 10 } }, "text": text } ] })
    };
    lsp.notify("textDocument/didChange", change(5, "first, "));
    // The same version again, then one that goes backwards: the editor
    // made these changes, in this order, and its text holds all three.
    lsp.notify("textDocument/didChange", change(5, "second, "));
    lsp.notify("textDocument/didChange", change(3, "third, "));
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(details(&symbols), vec!["third, second, first, as | said."]);
    let d = lsp.diagnostics(&uri, 3);
    assert_eq!(d[0]["range"]["start"]["character"], 35, "{d:?}");
    assert!(lsp.shutdown().success());
}

/// Sends `body` as one message.
fn send_body(lsp: &mut LspClient, body: &str) {
    lsp.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
}

/// The reply to a request whose id the client wrote as `id`.
fn reply_to(lsp: &mut LspClient, id: &str) -> Value {
    let written: Value = serde_json::from_str(id).unwrap();
    lsp.response_where(|m| m["id"] == written)
}

#[test]
fn ids_the_server_cannot_hold_are_answered_as_invalid_and_serving_goes_on() {
    let (dir, mut lsp) = started();
    for id in ["1.5", "1e3", "18446744073709551616"] {
        send_body(
            &mut lsp,
            &format!(
                r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{{}}}}"#
            ),
        );
        let answer = reply_to(&mut lsp, id);
        assert_eq!(answer["error"]["code"], -32600, "{id}: {answer}");
    }
    still_serving(&mut lsp, dir.path(), "ids.txt");
    assert!(lsp.shutdown().success());
}

#[test]
fn a_member_written_twice_and_params_nested_300_deep_are_invalid_requests() {
    let (dir, mut lsp) = started();
    send_body(
        &mut lsp,
        r#"{"jsonrpc":"2.0","jsonrpc":"2.0","id":41,"method":"workspace/symbol","params":{"query":""}}"#,
    );
    let twice = lsp.outcome(41);
    assert_eq!(twice["error"]["code"], -32600, "{twice}");
    assert!(
        twice["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`jsonrpc`")
    );
    let deep = format!(
        r#"{{"jsonrpc":"2.0","id":42,"method":"workspace/symbol","params":{{"query":"","x":{}{}}}}}"#,
        "[".repeat(300),
        "]".repeat(300)
    );
    send_body(&mut lsp, &deep);
    assert_eq!(lsp.outcome(42)["error"]["code"], -32600);
    // The same as a notification is dropped, with a log line.
    let deep_notification = format!(
        r#"{{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{{"settings":{}{}}}}}"#,
        "[".repeat(300),
        "]".repeat(300)
    );
    send_body(&mut lsp, &deep_notification);
    still_serving(&mut lsp, dir.path(), "twice.txt");
    assert!(lsp.shutdown().success());
}

#[test]
fn lone_surrogates_are_read_as_the_replacement_character_and_serving_goes_on() {
    let (dir, mut lsp) = started();
    // JavaScript's JSON.stringify writes half a surrogate pair as `\ud800`.
    let uri = transcript_tests::lsp::file_uri(&dir.path().join("half.txt"));
    send_body(
        &mut lsp,
        &format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{uri}","languageId":"transcript","version":1,"text":"QUESTION: \ud800 as | said.\n"}}}}}}"#
        ),
    );
    let d = lsp.diagnostics(&uri, 1);
    assert_eq!(d[0]["code"], "O001");
    // U+FFFD is one UTF-16 unit, as the lone surrogate was.
    assert_eq!(d[0]["range"]["start"]["character"], 15, "{d:?}");
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(details(&symbols), vec!["\u{fffd} as | said."]);

    // In an id: answered as invalid, with the id as written.
    send_body(
        &mut lsp,
        r#"{"jsonrpc":"2.0","id":"\ud800","method":"workspace/symbol","params":{"query":""}}"#,
    );
    let answer = lsp.response_where(|m| m.get("unreadable").is_some());
    let answer = answer["unreadable"].as_str().unwrap();
    assert!(
        answer.contains(r#""id":"\ud800""#) && answer.contains("-32600"),
        "{answer}"
    );
    // In a method name: no such method.
    send_body(&mut lsp, r#"{"jsonrpc":"2.0","id":43,"method":"\ud800"}"#);
    assert_eq!(lsp.outcome(43)["error"]["code"], -32601);
    // In a response to the server (to no request of its own).
    send_body(&mut lsp, r#"{"jsonrpc":"2.0","id":44,"result":"\ud800"}"#);
    still_serving(&mut lsp, dir.path(), "after-half.txt");
    assert!(lsp.shutdown().success());
}

#[test]
fn an_unknown_dollar_request_is_method_not_found() {
    let (dir, mut lsp) = started();
    let id = lsp.send_request("$/noSuchRequest", json!({}));
    assert_eq!(lsp.outcome(id)["error"]["code"], -32601);
    // A `$/` notification is ignored, as the protocol allows.
    lsp.notify("$/noSuchNotification", json!({}));
    still_serving(&mut lsp, dir.path(), "dollar.txt");
    assert!(lsp.shutdown().success());
}

#[test]
fn exit_without_shutdown_ends_with_status_1() {
    let (_dir, mut lsp) = started();
    lsp.notify("exit", Value::Null);
    let status = lsp
        .exited_within(Duration::from_secs(5))
        .expect("exited after `exit`");
    assert_eq!(status.code(), Some(1), "{status}");
}

#[test]
fn shutdown_with_a_10_mb_analysis_queued_is_answered_at_once() {
    let (dir, mut lsp) = started();
    let sample = std::fs::read_to_string(transcript_tests::fixture(
        "samples/press-conference-2007-web.md",
    ))
    .unwrap();
    let big = format!("{sample}\n\n").repeat(10 * 1024 * 1024 / (sample.len() + 2) + 1);
    lsp.open(&dir.path().join("big.md"), &big);
    lsp.open(&dir.path().join("big2.md"), &big);
    let start = Instant::now();
    let id = lsp.send_request("shutdown", Value::Null);
    let answer = lsp.outcome(id);
    let took = start.elapsed();
    assert!(answer.get("error").is_none(), "{answer}");
    // 100 ms in a release build; a debug build reads 20 MB of messages
    // first, more slowly.
    let limit = if cfg!(debug_assertions) { 2000 } else { 300 };
    assert!(
        took < Duration::from_millis(limit),
        "shutdown took {took:?}"
    );
    lsp.notify("exit", Value::Null);
    let status = lsp.exited_within(Duration::from_secs(2)).expect("exited");
    assert!(status.success(), "{status}");
}

#[test]
fn a_lone_carriage_return_ends_a_line_for_positions_and_edits() {
    let (dir, mut lsp) = started();
    // Lines: 0 `QUESTION: Fine.` (ends in \r), 1 `QUESTION: as | said.`
    // (ends in \r\n), 2 `QUESTION: and | again.` (ends in \n).
    let text = "QUESTION: Fine.\rQUESTION: as | said.\r\nQUESTION: and | again.\n";
    let uri = lsp.open(&dir.path().join("cr.txt"), text);
    let d = lsp.diagnostics(&uri, 1);
    let places: Vec<(u64, u64)> = d
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            (
                start["line"].as_u64().unwrap(),
                start["character"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(places, vec![(1, 13), (2, 14)], "{d:?}");
    // An edit at line 1, column 13 lands on the `|` there.
    lsp.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 },
        "contentChanges": [ { "range": { "start": { "line": 1, "character": 13 }, "end": { "line": 1, "character": 14 } }, "text": "I" } ] }));
    let d = lsp.diagnostics(&uri, 2);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["range"]["start"]["line"], 2);
    assert!(lsp.shutdown().success());
}

#[test]
fn a_5_mb_single_line_and_200_documents_at_once_are_served() {
    let (dir, mut lsp) = started();
    let line = "QUESTION: ".to_string()
        + &"as I said and so on ".repeat(5 * 1024 * 1024 / 20)
        + "as | said.";
    let uri = lsp.open(&dir.path().join("long.txt"), &line);
    let d = lsp.diagnostics(&uri, 1);
    assert_eq!(d.len(), 1);
    assert!(d[0]["range"]["start"]["character"].as_u64().unwrap() > 5_000_000);
    let uris: Vec<String> = (0..200)
        .map(|i| {
            lsp.open(
                &dir.path().join(format!("m{i}.txt")),
                &format!("QUESTION: document {i}, as | said.\n"),
            )
        })
        .collect();
    for uri in &uris {
        assert_eq!(lsp.diagnostics(uri, 1).len(), 1);
    }
    assert!(lsp.shutdown().success());
}

#[test]
fn a_cancelled_request_is_answered_and_serving_goes_on() {
    let (dir, mut lsp) = started();
    let big = "QUESTION: as | said.\n\n".repeat(20_000);
    let uri = lsp.open(&dir.path().join("big.txt"), &big);
    let id = lsp.send_request("textDocument/codeAction", json!({ "textDocument": { "uri": uri },
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 40000, "character": 0 } }, "context": { "diagnostics": [] } }));
    lsp.notify("$/cancelRequest", json!({ "id": id }));
    let outcome = lsp.outcome(id);
    assert!(
        outcome.get("result").is_some() || outcome["error"]["code"] == -32800,
        "{outcome}"
    );
    still_serving(&mut lsp, dir.path(), "after.txt");
}

#[test]
fn exit_with_work_queued_ends_the_process_within_a_second() {
    let (dir, mut lsp) = started();
    let big = "QUESTION: as | said.\n\n".repeat(100_000);
    for i in 0..5 {
        lsp.open(&dir.path().join(format!("q{i}.txt")), &big);
    }
    let id = lsp.send_request("shutdown", Value::Null);
    lsp.outcome(id);
    let start = Instant::now();
    lsp.notify("exit", Value::Null);
    let status = lsp
        .exited_within(Duration::from_secs(1))
        .expect("exited within a second of `exit`");
    assert!(status.success(), "{status}");
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn a_50_mb_document_is_analysed_while_other_documents_are_still_served() {
    let (dir, mut lsp) = started();
    let sample = std::fs::read_to_string(transcript_tests::fixture(
        "samples/press-conference-2007-web.md",
    ))
    .unwrap();
    let big = format!("{sample}\n\n").repeat(50 * 1024 * 1024 / (sample.len() + 2) + 1);
    assert!(big.len() >= 50 * 1024 * 1024);
    let big_uri = lsp.open(&dir.path().join("big.md"), &big);
    // A small document opened after it is answered first: the big one does
    // not hold up the others.
    let small = lsp.open(&dir.path().join("small.txt"), "QUESTION: as | said.\n");
    let small_diagnostics = lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == small || p["uri"] == big_uri
    });
    assert_eq!(
        small_diagnostics["uri"], small,
        "the small document's diagnostics came first"
    );
    let d = lsp.diagnostics(&big_uri, 1);
    assert!(d.len() > 1000);
    assert!(lsp.shutdown().success());
}

#[test]
fn a_long_content_length_costs_at_most_the_next_message() {
    let (dir, mut lsp) = started();
    // The announced length runs 60 bytes into the next message, which is
    // lost with it; the one after is read again.
    lsp.send_raw(b"Content-Length: 80\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
    lsp.notify(
        "transcript/lostWithTheBadOne",
        json!({ "padding": "x".repeat(40) }),
    );
    let answer = lsp.null_id_response();
    assert!(answer.get("error").is_some(), "{answer}");
    still_serving(&mut lsp, dir.path(), "after.txt");
}

#[test]
fn the_log_goes_to_standard_error_at_the_level_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let mut lsp = LspClient::start_logging_to(&log, dir.path(), &[("TRANSCRIPT_LS_LOG", "info")]);
    lsp.initialize(dir.path(), json!({}));
    send_body(
        &mut lsp,
        r#"{"jsonrpc":"2.0","method":"x/half","params":{"text":"\ud800"}}"#,
    );
    // The client's setting takes over: errors only.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "transcript": { "logLevel": "error" } } }),
    );
    still_serving(&mut lsp, dir.path(), "log.txt");
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "file:///never/opened.txt", "version": 2 },
                "contentChanges": [ { "text": "x" } ] }),
    );
    still_serving(&mut lsp, dir.path(), "log2.txt");
    assert!(lsp.shutdown().success());
    let written = std::fs::read_to_string(&log).unwrap();
    assert!(
        written.contains("INFO") && written.contains("lone UTF-16 surrogate"),
        "{written}"
    );
    assert!(!written.contains("not open"), "{written}");
}
