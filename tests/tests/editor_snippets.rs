//! The README's configuration snippets for other editors: the Helix TOML
//! parses and wires the server to the transcript file types; the Emacs Lisp
//! reads as balanced s-expressions that register the server with eglot.

use transcript_tests::workspace;

/// The body of the first fenced block of `lang` after the line `after`.
fn snippet(readme: &str, after: &str, lang: &str) -> String {
    let from = readme
        .find(after)
        .unwrap_or_else(|| panic!("README lacks {after:?}"));
    let fence = format!("```{lang}\n");
    let start = readme[from..].find(&fence).expect("a fenced block") + from + fence.len();
    let end = readme[start..].find("```").expect("a closing fence") + start;
    readme[start..end].to_string()
}

#[test]
fn helix_snippet_parses_and_starts_the_server_for_transcripts() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let config: toml::Table =
        toml::from_str(&snippet(&readme, "**Helix**", "toml")).expect("valid TOML");
    let server = &config["language-server"]["transcript-ls"];
    assert_eq!(server["command"].as_str(), Some("transcript-ls"));
    assert_eq!(
        server["args"].as_array().unwrap()[0].as_str(),
        Some("--stdio")
    );
    let language = &config["language"].as_array().unwrap()[0];
    let types: Vec<&str> = language["file-types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(types, vec!["transcript", "memcon"]);
    assert_eq!(
        language["language-servers"].as_array().unwrap()[0].as_str(),
        Some("transcript-ls")
    );
}

/// An s-expression: an atom (symbol, string, quoted form) or a list.
#[derive(Debug, PartialEq)]
enum Sexp {
    Atom(String),
    Str(String),
    List(Vec<Sexp>),
    Quote(Box<Sexp>),
}

/// Reads every top-level form; fails on unbalanced parentheses or an
/// unterminated string.
fn read(src: &str) -> Result<Vec<Sexp>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut at = 0;
    let mut forms = Vec::new();
    fn skip(chars: &[char], at: &mut usize) {
        while *at < chars.len() {
            if chars[*at].is_whitespace() {
                *at += 1;
            } else if chars[*at] == ';' {
                while *at < chars.len() && chars[*at] != '\n' {
                    *at += 1;
                }
            } else {
                break;
            }
        }
    }
    fn form(chars: &[char], at: &mut usize) -> Result<Sexp, String> {
        skip(chars, at);
        match chars.get(*at) {
            None => Err("unexpected end of input".into()),
            Some(')') => Err(format!("unexpected `)` at {at}")),
            Some('(') => {
                *at += 1;
                let mut items = Vec::new();
                loop {
                    skip(chars, at);
                    match chars.get(*at) {
                        None => return Err("unclosed `(`".into()),
                        Some(')') => {
                            *at += 1;
                            return Ok(Sexp::List(items));
                        }
                        Some('.') if chars.get(*at + 1).is_some_and(|c| c.is_whitespace()) => {
                            *at += 1;
                            items.push(Sexp::Atom(".".into()));
                        }
                        _ => items.push(form(chars, at)?),
                    }
                }
            }
            Some('\'') => {
                *at += 1;
                Ok(Sexp::Quote(Box::new(form(chars, at)?)))
            }
            Some('#') if chars.get(*at + 1) == Some(&'\'') => {
                *at += 2;
                Ok(Sexp::Quote(Box::new(form(chars, at)?)))
            }
            Some('"') => {
                *at += 1;
                let mut s = String::new();
                loop {
                    match chars.get(*at) {
                        None => return Err("unterminated string".into()),
                        Some('\\') => {
                            s.push(chars[*at + 1]);
                            *at += 2;
                        }
                        Some('"') => {
                            *at += 1;
                            return Ok(Sexp::Str(s));
                        }
                        Some(c) => {
                            s.push(*c);
                            *at += 1;
                        }
                    }
                }
            }
            Some(_) => {
                let start = *at;
                while *at < chars.len()
                    && !chars[*at].is_whitespace()
                    && !"()'\"".contains(chars[*at])
                {
                    *at += 1;
                }
                Ok(Sexp::Atom(chars[start..*at].iter().collect()))
            }
        }
    }
    loop {
        skip(&chars, &mut at);
        if at >= chars.len() {
            return Ok(forms);
        }
        forms.push(form(&chars, &mut at)?);
    }
}

#[test]
fn emacs_snippet_reads_and_registers_the_server_with_eglot() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let forms = read(&snippet(&readme, "**Emacs**", "elisp")).expect("balanced s-expressions");
    assert_eq!(forms.len(), 4);
    let text = format!("{forms:?}");
    assert!(text.contains(r#"Atom("eglot-server-programs")"#), "{text}");
    assert!(
        text.contains(r#"List([Atom("transcript-mode"), Str("transcript-ls"), Str("--stdio")])"#),
        "{text}"
    );
    assert!(
        text.contains(r#"Str("\\.\\(transcript\\|memcon\\)\\'")"#)
            || text.contains("transcript\\\\|memcon"),
        "{text}"
    );
    // The reader itself rejects what Emacs would.
    assert!(read("(a (b)").is_err());
    assert!(read("(a \"b)").is_err());
}

/// The bodies of every fenced block of `lang` between the lines `from` and `to`.
fn snippets(readme: &str, from: &str, to: &str, lang: &str) -> Vec<String> {
    let start = readme
        .find(from)
        .unwrap_or_else(|| panic!("README lacks {from:?}"));
    let end = readme[start..].find(to).expect("the section's end") + start;
    let fence = format!("```{lang}\n");
    readme[start..end]
        .split(&fence)
        .skip(1)
        .map(|block| block[..block.find("```").expect("a closing fence")].to_string())
        .collect()
}

#[test]
fn emacs_content_check_and_imenu_order_snippets_read_and_hook_in() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let blocks = snippets(&readme, "**Emacs**", "**Zed**", "elisp");
    assert_eq!(
        blocks.len(),
        3,
        "the mode, the .txt/.md check, the imenu order"
    );
    let forms: Vec<String> = blocks
        .iter()
        .map(|b| format!("{:?}", read(b).expect("balanced s-expressions")))
        .collect();
    assert!(
        forms[1].contains(r#"Atom("magic-mode-alist")"#),
        "{}",
        forms[1]
    );
    assert!(
        forms[1].contains(r#"Str("MEMORANDUM OF \\(TELEPHONE \\)?CONVERSATION")"#),
        "{}",
        forms[1]
    );
    assert!(
        forms[2].contains(r#"Atom("eglot-managed-mode-hook")"#),
        "{}",
        forms[2]
    );
    assert!(
        forms[2].contains(r#"Atom("imenu-create-index-function")"#),
        "{}",
        forms[2]
    );
}

#[test]
fn helix_snippet_builds_the_grammar_from_this_repository() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let config: toml::Table =
        toml::from_str(&snippet(&readme, "**Helix**", "toml")).expect("valid TOML");
    let language = &config["language"].as_array().unwrap()[0];
    assert_eq!(language["grammar"].as_str(), Some("transcript"));
    let grammar = &config["grammar"].as_array().unwrap()[0];
    assert_eq!(grammar["name"].as_str(), Some("transcript"));
    let path = grammar["source"]["path"].as_str().unwrap();
    assert!(path.ends_with("/grammar"), "{path}");
    // What that folder must hold for Helix to compile it.
    for file in ["src/parser.c", "src/scanner.c", "queries/highlights.scm"] {
        assert!(workspace().join("grammar").join(file).exists(), "{file}");
    }
}
