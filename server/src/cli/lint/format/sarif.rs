//! SARIF 2.1.0: one run, the tool's every rule with its documentation, one
//! result per finding with its region (columns in Unicode code points, as
//! `columnKind` says) and its fixes as artifact changes.

use std::io::{self, Write};

use serde_json::{Value, json};
use transcript_ls::Severity;
use transcript_ls::rules::REGISTRY;

use super::FileFindings;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

pub fn write(out: &mut dyn Write, files: &[FileFindings]) -> io::Result<()> {
    let rules_json: Vec<Value> = REGISTRY
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary().replace('\n', " ") },
                "fullDescription": { "text": r.doc() },
                "help": { "text": r.doc(), "markdown": r.doc() },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "fix": r.fix },
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        let uri = uri(file.path);
        for f in file.findings {
            let index = REGISTRY.iter().position(|r| r.code == f.code);
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [ { "physicalLocation": {
                    "artifactLocation": { "uri": uri },
                    "region": region(file, &f.range),
                } } ],
            });
            if let Some(i) = index {
                result["ruleIndex"] = json!(i);
            }
            if !f.related.is_empty() {
                result["relatedLocations"] = json!(
                    f.related
                        .iter()
                        .enumerate()
                        .map(|(i, r)| json!({
                            "id": i,
                            "message": { "text": r.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": self::uri(file.file_of(r).path) },
                                "region": region(file.file_of(r), &r.range),
                            },
                        }))
                        .collect::<Vec<_>>()
                );
            }
            if !f.fixes.is_empty() {
                result["fixes"] = json!(
                    f.fixes
                        .iter()
                        .map(|fix| json!({
                            "description": { "text": fix.title },
                            "artifactChanges": [ {
                                "artifactLocation": { "uri": uri },
                                "replacements": fix.edits.iter().map(|e| json!({
                                    "deletedRegion": region(file, &e.range),
                                    "insertedContent": { "text": e.replacement },
                                })).collect::<Vec<_>>(),
                            } ],
                        }))
                        .collect::<Vec<_>>()
                );
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [ {
            "tool": { "driver": {
                "name": "transcript-ls",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules_json,
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        } ],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn region(file: &FileFindings, range: &std::ops::Range<usize>) -> Value {
    let s = file.position(range.start);
    let e = file.position(range.end);
    json!({
        "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column,
    })
}

/// A relative URI reference for a path: `/` separators, spaces and other
/// reserved characters percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
