//! Editions in the editor: a document whose other edition is declared (in
//! `transcript.toml`'s `[editions]` or by an `edition` comment) gets the
//! differences as diagnostics, pointing into the other edition, with a
//! quick fix taking its reading. The real server over stdio.

use std::fs;

use serde_json::{Value, json};
use transcript_tests::fixture;
use transcript_tests::lsp::{LspClient, file_uri};

fn editor() -> Value {
    json!({ "general": { "positionEncodings": ["utf-16"] },
            "textDocument": { "publishDiagnostics": { "relatedInformation": true } } })
}

fn of_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

#[test]
fn an_edition_paired_in_transcript_toml_gives_diagnostics_pointing_into_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("scan")).unwrap();
    fs::create_dir_all(dir.path().join("web")).unwrap();
    fs::copy(
        fixture("samples/press-conference-2007-ocr.txt"),
        dir.path().join("scan/2007-10-12.txt"),
    )
    .unwrap();
    fs::copy(
        fixture("samples/press-conference-2007-web.md"),
        dir.path().join("web/2007-10-12.md"),
    )
    .unwrap();
    fs::write(
        dir.path().join("transcript.toml"),
        "include = [\"*.txt\", \"*.md\"]\n\n[editions]\n\"scan/*.txt\" = \"web/*.md\"\n",
    )
    .unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let scan = dir.path().join("scan/2007-10-12.txt");
    let text = fs::read_to_string(&scan).unwrap();
    let uri = lsp.open(&scan, &text);
    let diagnostics = lsp.diagnostics(&uri, 1);
    let misread = of_code(&diagnostics, "E001");
    assert_eq!(misread.len(), 19, "{diagnostics:#?}");
    assert_eq!(of_code(&diagnostics, "E002").len(), 1);
    assert_eq!(of_code(&diagnostics, "E005").len(), 3);
    // `And as | mentioned`, line 47 of the scan, is line 40 of the web page.
    let first_bar = misread
        .iter()
        .find(|d| d["range"]["start"]["line"] == 46)
        .expect("the bar of line 47");
    let related = &first_bar["relatedInformation"][0]["location"];
    assert_eq!(
        related["uri"],
        file_uri(&dir.path().join("web/2007-10-12.md"))
    );
    assert_eq!(
        related["range"]["start"],
        json!({ "line": 39, "character": 7 })
    );
    // The quick fix takes the web page's reading.
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": first_bar["range"],
                "context": { "diagnostics": [first_bar] } }),
    );
    let take = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Take the other edition's reading `I`")
        .unwrap_or_else(|| panic!("{actions:#}"));
    assert_eq!(take["edit"]["changes"][&uri][0]["newText"], "I");
    // What an editor's diff view asks: which file is the other edition.
    let other = lsp.request(
        "workspace/executeCommand",
        json!({ "command": "transcript.otherEdition", "arguments": [uri] }),
    );
    assert_eq!(
        other["uri"],
        file_uri(&dir.path().join("web/2007-10-12.md"))
    );
    lsp.shutdown();
}

#[test]
fn an_edition_comment_names_the_other_edition_relative_to_the_document() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("samples/press-conference-2007-ocr.txt"),
        dir.path().join("ocr.txt"),
    )
    .unwrap();
    let web = dir.path().join("web.md");
    let text = format!(
        "<!-- transcript: edition ocr.txt -->\n{}",
        fs::read_to_string(fixture("samples/press-conference-2007-web.md")).unwrap()
    );
    fs::write(&web, &text).unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let uri = lsp.open(&web, &text);
    let diagnostics = lsp.diagnostics(&uri, 1);
    let names = of_code(&diagnostics, "E002");
    assert_eq!(names.len(), 1, "{diagnostics:#?}");
    assert_eq!(
        names[0]["message"],
        "the name `Larjani` is spelt `Larijani` in the other edition"
    );
    assert!(
        of_code(&diagnostics, "E001").is_empty(),
        "the OCR's misreadings are its own"
    );
    assert!(
        of_code(&diagnostics, "X001").is_empty(),
        "the comment is no bad suppression"
    );
    lsp.shutdown();
}

#[test]
fn an_edition_that_cannot_be_read_is_one_diagnostic_on_the_comment() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("scan.txt");
    let text = "<!-- transcript: edition ../web/missing.md -->\nSECRETARY RICE: Thank you.\n";
    fs::write(&doc, text).unwrap();
    let mut lsp = LspClient::start(dir.path(), &[]);
    lsp.initialize(dir.path(), editor());
    let uri = lsp.open(&doc, text);
    let diagnostics = lsp.diagnostics(&uri, 1);
    let unusable = of_code(&diagnostics, "E007");
    assert_eq!(unusable.len(), 1, "{diagnostics:#?}");
    let message = unusable[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("cannot read the other edition "),
        "{message}"
    );
    assert!(message.contains("missing.md"), "{message}");
    let other = lsp.request(
        "workspace/executeCommand",
        json!({ "command": "transcript.otherEdition", "arguments": [uri] }),
    );
    assert_eq!(other["uri"], Value::Null);
    assert_eq!(
        unusable[0]["range"]["start"],
        json!({ "line": 0, "character": 0 })
    );
    lsp.shutdown();
}
