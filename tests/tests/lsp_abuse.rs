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
    // A version that goes backwards is ignored.
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 1 },
        "contentChanges": [ { "text": "QUESTION: nothing wrong.\n" } ] }),
    );
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let details: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["detail"].as_str().unwrap())
        .collect();
    assert_eq!(
        details,
        vec!["as | said. Fine.", "and | again."],
        "the stale full-text change was not applied"
    );
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
