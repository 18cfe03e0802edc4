//! Containment: a panic in one analysis or one request is caught, shown in
//! the client's log, answered as an error, and the server goes on serving
//! every other document and request. The panics are forced with the
//! server's test switch (`TRANSCRIPT_LS_TEST_PANIC=RULE:TEXT`: the rule
//! panics on any text holding TEXT), as a bug in a rule would panic.

use serde_json::{Value, json};
use transcript_tests::lsp::LspClient;

/// Rule O001 panics wherever the text reads `as I said`.
const SWITCH: (&str, &str) = ("TRANSCRIPT_LS_TEST_PANIC", "O001:as I said");

fn started() -> (tempfile::TempDir, LspClient) {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = LspClient::start_with_env(dir.path(), &[], &[SWITCH]);
    lsp.initialize(dir.path(), json!({}));
    (dir, lsp)
}

fn symbols(lsp: &mut LspClient, uri: &str) -> Value {
    let id = lsp.send_request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    lsp.outcome(id)
}

/// The next error the server wrote to the client's log that mentions
/// `needle`.
fn logged_error(lsp: &mut LspClient, needle: &str) -> String {
    let message = lsp.wait_for("window/logMessage", |p| {
        p["type"] == 1 && p["message"].as_str().unwrap().contains(needle)
    });
    message["message"].as_str().unwrap().to_string()
}

#[test]
fn a_panic_in_one_documents_analysis_is_reported_and_every_other_document_is_served() {
    let (dir, mut lsp) = started();
    let broken = lsp.open(&dir.path().join("a.txt"), "QUESTION: as I said, fine.\n");
    let logged = logged_error(&mut lsp, "could not analyse");
    assert!(
        logged.contains(&broken) && logged.contains("O001 panicked on purpose"),
        "{logged}"
    );
    // A request on it is answered, as an internal error that says why.
    let answer = symbols(&mut lsp, &broken);
    assert_eq!(answer["error"]["code"], -32603, "{answer}");
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("could not analyse")
    );
    // Other documents are analysed as ever.
    let other = lsp.open(&dir.path().join("b.txt"), "QUESTION: as | said.\n");
    assert_eq!(lsp.diagnostics(&other, 1)[0]["code"], "O001");
    // Once the text no longer makes the rule panic, the document is
    // analysed again.
    lsp.notify("textDocument/didChange", json!({ "textDocument": { "uri": broken, "version": 2 },
        "contentChanges": [ { "range": { "start": { "line": 0, "character": 13 }, "end": { "line": 0, "character": 14 } }, "text": "|" } ] }));
    let d = lsp.diagnostics(&broken, 2);
    assert_eq!(d[0]["code"], "O001", "{d:?}");
    assert!(symbols(&mut lsp, &broken)["result"].is_array());
    assert!(lsp.shutdown().success());
}

#[test]
fn a_panic_in_a_request_is_answered_as_an_internal_error_and_later_requests_work() {
    let (dir, mut lsp) = started();
    let uri = lsp.open(&dir.path().join("c.txt"), "QUESTION: as | said.\n");
    assert_eq!(lsp.diagnostics(&uri, 1)[0]["code"], "O001");
    // "Fix all" analyses the fixed text (`as I said.`) in the request's
    // own handler: there the rule panics.
    let id = lsp.send_request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
                "context": { "diagnostics": [], "only": ["source.fixAll.transcript"] } }),
    );
    let answer = lsp.outcome(id);
    assert_eq!(answer["error"]["code"], -32603, "{answer}");
    let logged = logged_error(&mut lsp, "textDocument/codeAction");
    assert!(logged.contains("O001 panicked on purpose"), "{logged}");
    // The server goes on: requests, edits and diagnostics.
    assert!(symbols(&mut lsp, &uri)["result"].is_array());
    lsp.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 },
        "contentChanges": [ { "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "QUESTION: and | again.\n" } ] }));
    assert_eq!(lsp.diagnostics(&uri, 2).len(), 2);
    assert!(lsp.shutdown().success());
}
