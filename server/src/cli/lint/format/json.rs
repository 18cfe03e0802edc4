//! A JSON array with one object per finding. The schema is stable and
//! documented in the README:
//!
//! ```json
//! { "path": "memcon.txt", "code": "O007", "name": "invalid-date",
//!   "severity": "warning", "message": "…",
//!   "line": 15, "column": 1, "end_line": 15, "end_column": 11,
//!   "range": { "start": 512, "end": 522 },
//!   "related": [ { "message": "…", "line": 1, "column": 1, "range": { … } } ],
//!              (a place in the other edition, from `compare`, has a "path")
//!   "fix": { "applicability": "unsafe", "title": "…",
//!            "edits": [ { "range": { … }, "line": 15, "column": 1,
//!                         "end_line": 15, "end_column": 11, "replacement": "8-25-2025" } ] },
//!   "fixes": [ … every fix offered, `fix` being the one --fix would apply … ] }
//! ```

use std::io::{self, Write};

use serde_json::{Value, json};
use transcript_ls::fix::Fix;
use transcript_ls::rules;

use super::FileFindings;

/// Writes the array one finding at a time: a JSON tree of every finding at
/// once would cost several times the findings themselves.
pub fn write(out: &mut dyn Write, files: &[FileFindings]) -> io::Result<()> {
    use serde::Serializer as _;
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    serializer.collect_seq(
        files
            .iter()
            .flat_map(|file| file.findings.iter().map(move |f| finding(file, f))),
    )?;
    writeln!(out)
}

/// The JSON object of one finding.
pub fn finding(file: &FileFindings, f: &transcript_ls::Finding) -> Value {
    let start = file.position(f.range.start);
    let end = file.position(f.range.end);
    json!({
        "path": file.path,
        "code": f.code,
        "name": rules::lookup(f.code).map_or("", |r| r.name),
        "severity": f.severity.as_str(),
        "message": f.message,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "range": { "start": f.range.start, "end": f.range.end },
        "related": f.related.iter().map(|r| {
            let in_file = file.file_of(r);
            let p = in_file.position(r.range.start);
            let mut related = json!({ "message": r.message, "line": p.line, "column": p.column,
                    "range": { "start": r.range.start, "end": r.range.end } });
            if r.document.is_some() {
                related["path"] = json!(in_file.path);
            }
            related
        }).collect::<Vec<_>>(),
        "fix": f.automatic_fix().map(|fix| fix_json(file, fix)),
        "fixes": f.fixes.iter().map(|fix| fix_json(file, fix)).collect::<Vec<_>>(),
    })
}

fn fix_json(file: &FileFindings, fix: &Fix) -> Value {
    json!({
        "applicability": fix.applicability,
        "title": fix.title,
        "edits": fix.edits.iter().map(|e| {
            let s = file.position(e.range.start);
            let t = file.position(e.range.end);
            json!({ "range": { "start": e.range.start, "end": e.range.end },
                    "line": s.line, "column": s.column, "end_line": t.line, "end_column": t.column,
                    "replacement": e.replacement })
        }).collect::<Vec<_>>(),
    })
}
