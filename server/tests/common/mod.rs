//! Rendering findings for snapshots: one line per finding, with its line
//! and column, code, severity, the text it covers and its message; fixes
//! and related ranges indented below.

#![allow(dead_code)]

use std::path::PathBuf;

use transcript_ls::{Config, Finding, analyze_text};

/// The project's fixture folder.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

pub fn read_fixture(path: &str) -> String {
    std::fs::read_to_string(fixtures().join(path))
        .unwrap_or_else(|e| panic!("fixtures/{path}: {e}"))
}

/// `line:col` (1-based, columns in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

fn excerpt(text: &str, range: &std::ops::Range<usize>) -> String {
    let s = &text[range.clone()];
    let s = s.replace('\n', "⏎");
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

pub fn render(text: &str, findings: &[Finding]) -> String {
    render_editions(text, "", findings)
}

/// [`render`], with related places in another edition, `other`.
pub fn render_editions(text: &str, other: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let (l, c) = position(text, f.range.start);
        out.push_str(&format!(
            "{l}:{c} {} {} `{}` {}\n",
            f.code,
            f.severity.as_str(),
            excerpt(text, &f.range),
            f.message
        ));
        for r in &f.related {
            let (in_text, name) = match &r.document {
                Some(name) => (other, format!(" in {name}")),
                None => (text, String::new()),
            };
            let (l, c) = position(in_text, r.range.start);
            out.push_str(&format!(
                "    related{name} {l}:{c} `{}` {}\n",
                excerpt(in_text, &r.range),
                r.message
            ));
        }
        for fix in &f.fixes {
            let edits: Vec<String> = fix
                .edits
                .iter()
                .map(|e| format!("{:?}→{:?}", excerpt(text, &e.range), e.replacement))
                .collect();
            out.push_str(&format!(
                "    fix ({:?}) {}: {}\n",
                fix.applicability,
                fix.title,
                edits.join(", ")
            ));
        }
    }
    out
}

/// The findings on `text` under the default configuration, rendered.
pub fn check(text: &str) -> String {
    render(text, &analyze_text(text, &Config::default()).findings)
}
