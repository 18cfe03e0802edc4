//! Runs the grammar's corpus (`test/corpus/*.txt`, tree-sitter's own format)
//! under `cargo test`, so the corpus guards the grammar even where the
//! tree-sitter CLI is not installed.

use std::fs;
use std::path::Path;

mod common;

/// One corpus case: its name, its input bytes and the expected S-expression.
struct Case {
    file: String,
    name: String,
    input: Vec<u8>,
    expected: String,
}

fn is_rule(line: &str, ch: char) -> bool {
    let line = line.trim_end_matches(['\r', '\n']);
    line.len() >= 3 && line.chars().all(|c| c == ch)
}

/// Splits a corpus file the way `tree-sitter test` does: a header of `===`
/// lines around the name, the input up to the last `---` line (its final
/// newline removed), then the expected tree.
fn parse_corpus(file: &str, text: &str) -> Vec<Case> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut headers = Vec::new();
    let mut i = 0;
    while i + 2 < lines.len() {
        if is_rule(lines[i], '=') && !is_rule(lines[i + 1], '=') && is_rule(lines[i + 2], '=') {
            headers.push((i, lines[i + 1].trim().to_string()));
            i += 3;
        } else {
            i += 1;
        }
    }
    let mut cases = Vec::new();
    for (n, (start, name)) in headers.iter().enumerate() {
        let body_start = start + 3;
        let body_end = headers.get(n + 1).map_or(lines.len(), |h| h.0);
        let body = &lines[body_start..body_end];
        let divider = body
            .iter()
            .rposition(|l| is_rule(l, '-'))
            .unwrap_or_else(|| panic!("{file}: case `{name}` has no `---` divider"));
        let mut input: Vec<u8> = body[..divider].concat().into_bytes();
        if input.last() == Some(&b'\n') {
            input.pop();
        }
        if input.last() == Some(&b'\r') {
            input.pop();
        }
        cases.push(Case {
            file: file.to_string(),
            name: name.clone(),
            input,
            expected: normalize(&body[divider + 1..].concat()),
        });
    }
    cases
}

/// Collapses white space so that layout does not matter, as tree-sitter does.
fn normalize(sexp: &str) -> String {
    let mut out = String::new();
    for token in sexp.split_whitespace() {
        if !out.is_empty() && !token.starts_with(')') {
            out.push(' ');
        }
        out.push_str(token);
    }
    out
}

fn strip_fields(sexp: &str) -> String {
    let kept: Vec<&str> = sexp.split(' ').filter(|t| !t.ends_with(':')).collect();
    kept.join(" ")
}

#[test]
fn every_corpus_case_parses_to_its_expected_tree() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/corpus");
    let mut parser = common::parser();
    let mut cases = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let text = fs::read_to_string(&path).unwrap();
        cases.extend(parse_corpus(
            &path.file_name().unwrap().to_string_lossy(),
            &text,
        ));
    }
    assert!(
        cases.len() >= 60,
        "the corpus holds {} cases, fewer than 60",
        cases.len()
    );

    let mut failures = Vec::new();
    for case in &cases {
        let tree = parser.parse(&case.input, None).unwrap();
        let mut actual = normalize(&tree.root_node().to_sexp());
        if !case.expected.contains(": (") {
            // Like `tree-sitter test`: an expectation without field names
            // is compared against the tree without them.
            actual = strip_fields(&actual);
        }
        if actual != case.expected {
            failures.push(format!(
                "{} / {}\n  expected: {}\n  actual:   {}",
                case.file, case.name, case.expected, actual
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
