//! Diagnostics as the server publishes them. Each section's diagnostics
//! are serialised once and reused for as long as the section's findings,
//! the line it starts on and what the merge added to them (places
//! elsewhere they point to, suppressions) stay the same: a publication
//! after an edit serialises only the sections the edit touched, and copies
//! the rest. The message is written here, past the framework, which would
//! first build a JSON tree of every diagnostic.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Weak};

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::notification::{Notification, PublishDiagnostics};
use tower_lsp_server::lsp_types::{self as lsp, Uri};
use transcript_ls::analysis::{Evaluation, Part, order, shown};
use transcript_ls::ide::limit::Limit;
use transcript_ls::{Finding, Severity};

use super::convert::Positions;
use super::documents::Snapshot;
use super::transport::notification;

/// The diagnostics of one document as last published, by section.
#[derive(Default)]
pub struct Published {
    /// By the address of the evaluation they were serialised from (each
    /// fragment holds a weak reference to it, so the address is not
    /// reused, while what the evaluation held is freed with it).
    fragments: HashMap<usize, Fragment>,
    /// How many sections' diagnostics the last message copied.
    reused: usize,
}

/// One section's diagnostics, serialised.
struct Fragment {
    evaluation: Weak<Evaluation>,
    first_line: usize,
    hidden: Vec<usize>,
    /// The places elsewhere that findings point to, as positions: lines
    /// before them may have come or gone.
    related: Vec<(usize, lsp::Range)>,
    /// The diagnostics in document order, each with where it falls in the
    /// section and where its JSON is in `json`.
    items: Vec<Item>,
    json: Vec<u8>,
}

struct Item {
    /// `(start, end, code)` of the finding in the section's offsets.
    key: (usize, usize, &'static str),
    severity: Severity,
    json: Range<usize>,
}

impl Published {
    /// The `textDocument/publishDiagnostics` message (its body) for the
    /// snapshot of the document at `uri`, reusing what is unchanged since
    /// the last one, with at most `max` findings (0: all; see
    /// [`Limit`]).
    pub fn message(&mut self, uri: &Uri, snap: &Snapshot, at: &Positions, max: usize) -> Vec<u8> {
        let method = <PublishDiagnostics as Notification>::METHOD;
        notification(method, |body| {
            let sizes = self.fragments.values().map(|f| f.json.len() + 1);
            body.reserve(sizes.sum::<usize>() + 256);
            body.extend_from_slice(br#"{"uri":"#);
            serde_json::to_writer(&mut *body, uri.as_str()).expect("a string serialises");
            body.extend_from_slice(
                format!(r#","version":{},"diagnostics":["#, snap.version).as_bytes(),
            );
            let mut list = List { body, first: true };
            self.write_diagnostics(&mut list, uri, snap, at, max);
            list.body.extend_from_slice(b"]}");
        })
    }

    /// Each section's diagnostics, copied or serialised, with the document
    /// rules' findings in document order among them, as many as the limit
    /// keeps, after the note of how many it left out.
    fn write_diagnostics(
        &mut self,
        list: &mut List,
        uri: &Uri,
        snap: &Snapshot,
        at: &Positions,
        max: usize,
    ) {
        let document = &snap.merged.document;
        let mut reused = 0;
        let mut sections = Vec::with_capacity(snap.evaluations.len());
        for (k, (start, section)) in snap.view.sections().enumerate() {
            let evaluation = &snap.evaluations[k];
            let part = &snap.merged.parts[k];
            let key = Arc::as_ptr(evaluation) as usize;
            let fragment = match self.fragments.remove(&key) {
                Some(f) if f.fits(evaluation, snap.first_lines[k], part, at) => {
                    reused += 1;
                    f
                }
                _ => Fragment::new(uri, at, start, evaluation, part, snap.first_lines[k]),
            };
            sections.push((key, start, start + section.text.len(), fragment));
        }
        let severities = (sections.iter())
            .flat_map(|(.., f)| f.items.iter().map(|i| i.severity))
            .chain(document.iter().map(|f| f.severity));
        let mut limit = Limit::of(severities, max);
        if let Some(note) = limit.note(&file_name(uri)) {
            list.push(
                &serde_json::to_vec(&note_diagnostic(note)).expect("a diagnostic serialises"),
            );
        }
        let mut next = 0; // the next document finding to write
        let count = sections.len();
        for (k, (_, start, end, fragment)) in sections.iter().enumerate() {
            let last = k + 1 == count;
            // The document rules' findings in this section go where they
            // fall among the section's own.
            let here = |f: &Finding| last || f.range.start < *end;
            for item in &fragment.items {
                let (s, e, code) = item.key;
                let key = (start + s, start + e, code);
                while let Some(f) = document.get(next)
                    && here(f)
                    && (f.range.start, f.range.end, f.code) < key
                {
                    if limit.admits(f.severity) {
                        list.push_diagnostic(uri, at, f);
                    }
                    next += 1;
                }
                if limit.admits(item.severity) {
                    list.push(&fragment.json[item.json.clone()]);
                }
            }
            while let Some(f) = document.get(next)
                && here(f)
            {
                if limit.admits(f.severity) {
                    list.push_diagnostic(uri, at, f);
                }
                next += 1;
            }
        }
        for f in &document[next..] {
            if limit.admits(f.severity) {
                list.push_diagnostic(uri, at, f);
            }
        }
        self.fragments = (sections.into_iter())
            .map(|(key, _, _, fragment)| (key, fragment))
            .collect();
        self.reused = reused;
    }
}

/// The document's file name, as `lint` takes it.
pub fn file_name(uri: &Uri) -> String {
    uri.to_file_path()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| {
            uri.as_str()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string()
        })
}

/// The entry at the top of a list the limit cut: how many findings it
/// left out, and how to list them.
pub fn note_diagnostic(message: String) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lsp::Range::default(),
        severity: Some(lsp::DiagnosticSeverity::INFORMATION),
        source: Some("transcript-ls".to_string()),
        message,
        ..lsp::Diagnostic::default()
    }
}

impl Fragment {
    fn new(
        uri: &Uri,
        at: &Positions,
        start: usize,
        evaluation: &Arc<Evaluation>,
        part: &Part,
        first_line: usize,
    ) -> Fragment {
        let mut shown: Vec<Finding> = shown(&evaluation.reported.findings, start, part)
            .map(|(_, f)| f)
            .collect();
        shown.sort_by(order);
        let mut json = Vec::new();
        let mut items = Vec::with_capacity(shown.len());
        for f in &shown {
            let from = json.len();
            serde_json::to_writer(&mut json, &at.diagnostic(uri, f))
                .expect("a diagnostic serialises");
            items.push(Item {
                key: (f.range.start - start, f.range.end - start, f.code),
                severity: f.severity,
                json: from..json.len(),
            });
        }
        Fragment {
            evaluation: Arc::downgrade(evaluation),
            first_line,
            hidden: part.hidden.clone(),
            related: related_positions(part, at),
            items,
            json,
        }
    }

    /// Whether the fragment still says what the section's findings say.
    fn fits(
        &self,
        evaluation: &Arc<Evaluation>,
        first_line: usize,
        part: &Part,
        at: &Positions,
    ) -> bool {
        std::ptr::eq(self.evaluation.as_ptr(), Arc::as_ptr(evaluation))
            && self.first_line == first_line
            && self.hidden == part.hidden
            && self.related.len() == part.related.len()
            && self.related == related_positions(part, at)
    }
}

fn related_positions(part: &Part, at: &Positions) -> Vec<(usize, lsp::Range)> {
    (part.related.iter())
        .map(|(i, r)| (*i, at.range(&r.range)))
        .collect()
}

/// The diagnostics list being written.
struct List<'a> {
    body: &'a mut Vec<u8>,
    first: bool,
}

impl List<'_> {
    fn push(&mut self, json: &[u8]) {
        if !self.first {
            self.body.push(b',');
        }
        self.first = false;
        self.body.extend_from_slice(json);
    }

    fn push_diagnostic(&mut self, uri: &Uri, at: &Positions, f: &Finding) {
        let json = serde_json::to_vec(&at.diagnostic(uri, f)).expect("a diagnostic serialises");
        self.push(&json);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::Value;
    use tower_lsp_server::lsp_types::Uri;
    use transcript_ls::line_index::ColumnUnit;
    use transcript_ls::{Config, Document};

    use super::Published;
    use crate::lsp::convert::Positions;
    use crate::lsp::documents::Snapshot;
    use crate::lsp::snapshots::diagnostics;

    /// The published message's diagnostics, and what the snapshot's
    /// findings say they are, as JSON.
    fn published_and_expected(
        published: &mut Published,
        uri: &Uri,
        doc: &Document,
        version: i32,
        max: usize,
    ) -> (Value, Value) {
        let snap = Snapshot::new(version, 0, doc.view());
        let at = Positions::of(&snap, ColumnUnit::Utf16);
        let message: Value = serde_json::from_slice(&published.message(uri, &snap, &at, max))
            .expect("the message is JSON");
        assert_eq!(message["method"], "textDocument/publishDiagnostics");
        assert_eq!(message["params"]["uri"], uri.as_str());
        assert_eq!(message["params"]["version"], version);
        let expected =
            serde_json::to_value(diagnostics(uri, &snap, ColumnUnit::Utf16, max)).unwrap();
        (message["params"]["diagnostics"].clone(), expected)
    }

    /// A memcon whose findings point elsewhere (unknown speakers to the
    /// participants list), with a suppression comment, a banner mismatch
    /// (a document rule) and many sections.
    fn document() -> String {
        let mut text = String::from(
            "SECRET\n\nPARTICIPANTS: Condoleezza Rice, Secretary of State\nVladimir Putin, President of Russia\n\n",
        );
        for i in 0..200 {
            text.push_str(&format!(
                "Secretary Rice: We spoke of the CFE Treaty , round {i}. (S)\n\nSecretary Rise: Agreed. (C)\n\n"
            ));
            if i == 100 {
                text.push_str("<!-- transcript: ignore S001 -->\nSecretary Rise: Hidden. (C)\n\n");
            }
        }
        text.push_str("CONFIDENTIAL\n");
        text
    }

    #[test]
    fn published_diagnostics_equal_the_findings_edit_after_edit() {
        let uri: Uri = "file:///tmp/memcon.transcript".parse().unwrap();
        let text = document();
        let mut doc = Document::with_section_bytes(&text, Arc::new(Config::default()), 512);
        assert!(doc.sections().len() > 10, "the document is cut");
        let mut published = Published::default();
        let (got, expected) = published_and_expected(&mut published, &uri, &doc, 1, 0);
        let codes: Vec<&str> = (expected.as_array().unwrap().iter())
            .filter_map(|d| d["code"].as_str())
            .collect();
        for code in ["S001", "O003", "M004"] {
            assert!(codes.contains(&code), "{code} among {codes:?}");
        }
        assert_eq!(got, expected);
        let s001 = codes.iter().filter(|c| **c == "S001").count();
        assert_eq!(s001, 200, "the suppressed one is not published");
        // A character typed, a line broken before most sections, a line
        // joined, the suppression undone, the participants changed.
        let middle = text.find("round 150").unwrap();
        let edits: [(std::ops::Range<usize>, &str); 5] = [
            (middle..middle, "x"),
            (middle..middle, "\n"),
            (middle..middle + 1, ""),
            (
                text.find("<!--").unwrap()..text.find("<!--").unwrap() + 4,
                "<!!",
            ),
            (
                text.find("Vladimir").unwrap()..text.find("Vladimir").unwrap(),
                "Condoleezza Rise, Adviser\n",
            ),
        ];
        for (version, (range, replacement)) in (2..).zip(edits) {
            doc.edit(range, replacement);
            let (got, expected) = published_and_expected(&mut published, &uri, &doc, version, 0);
            assert_eq!(got, expected, "after edit {version}");
            if version == 2 {
                let sections = doc.sections().len();
                assert!(
                    published.reused >= sections - 3,
                    "a character typed: {} of {sections} sections' diagnostics reused",
                    published.reused
                );
            }
        }
    }

    #[test]
    fn a_limited_publication_keeps_the_most_severe_and_says_how_many_more_there_are() {
        let uri: Uri = "file:///tmp/memcon.transcript".parse().unwrap();
        let mut doc = Document::with_section_bytes(&document(), Arc::new(Config::default()), 512);
        let mut published = Published::default();
        let (all, _) = published_and_expected(&mut published, &uri, &doc, 1, 0);
        let all = all.as_array().unwrap();
        let (got, expected) = published_and_expected(&mut published, &uri, &doc, 2, 50);
        assert_eq!(got, expected);
        let got = got.as_array().unwrap();
        assert_eq!(got.len(), 51, "50 findings and the note");
        let note = got[0]["message"].as_str().unwrap();
        assert_eq!(
            note,
            format!(
                "{} more findings are not shown: the editor shows at most 50 per document \
                 (the setting transcript.maxDiagnostics), the most severe first, then those \
                 nearest the top. List them all with `transcript-ls lint memcon.transcript`.",
                all.len() - 50
            )
        );
        assert_eq!(
            got[0]["range"]["start"],
            serde_json::json!({"line": 0, "character": 0})
        );
        // Every kept finding is at least as severe as every one left out
        // (LSP severities count down: 1 is an error).
        let worst_kept = got[1..]
            .iter()
            .map(|d| d["severity"].as_u64().unwrap())
            .max();
        let left_out = all.iter().filter(|d| !got.contains(d));
        assert!(left_out.clone().count() == all.len() - 50);
        assert!(left_out.map(|d| d["severity"].as_u64().unwrap()).min() >= worst_kept);
        // An edit: the limit holds on reused sections too.
        let middle = document().find("round 150").unwrap();
        doc.edit(middle..middle, "x");
        let (got, expected) = published_and_expected(&mut published, &uri, &doc, 3, 50);
        assert_eq!(got, expected);
    }
}
