//! The language server driven over stdio, as an editor drives it: time from
//! `didOpen` of a 1 MB and a 10 MB transcript to its diagnostics, and from
//! a one-character `didChange` to the new diagnostics (50 edits on the
//! 10 MB document), and the server's peak memory against the document's
//! size.
//!
//! Two documents: a long press briefing being proofread (the press
//! conferences fixed, every tenth scanned copy not yet: one finding per
//! 20 KB), and the three samples as they are (a classified memcon among
//! unmarked press conferences, so every press paragraph is unmarked: 3,000
//! findings per MB, each of which every publication carries). Typing goes
//! into a paragraph of the body; on the samples also into the memcon's
//! participants list, which changes who the speakers are and so re-runs
//! every section's rules.
//!
//! Then the cases of issue 15: one character typed into a single line of
//! 5 MB, the first diagnostics of a 50 MB document, and a 1 MB document
//! opened while the background index reads 22 MB of other transcripts in
//! its folder (beside the same document opened in an empty folder).
//!
//! Prints medians and 90th percentiles; the time to count the document's
//! lines in the same run is the baseline. Run with `cargo bench -p
//! transcript-ls --bench lsp`; `-- --quick` makes fewer measurements.

use std::time::{Duration, Instant};

use serde_json::json;
use transcript_ls::Config;
use transcript_ls::analysis::fix_text;
use transcript_ls::fix::Applicability;
use transcript_tests::bench::{measure, proofread_document, quick, sample_document};
use transcript_tests::lsp::{LspClient, utf16_position};

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() * 9 / 10])
}

/// Peak resident memory of a process, from /proc (Linux).
fn peak_rss_bytes(pid: u32) -> Option<u64> {
    status_bytes(pid, "VmHWM:")
}

/// A size in /proc/PID/status (Linux).
fn status_bytes(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

struct Server {
    lsp: LspClient,
    dir: tempfile::TempDir,
    opened: usize,
}

impl Server {
    fn start() -> Server {
        Server::start_in(tempfile::tempdir().expect("a temporary folder"))
    }

    /// Starts the server on the workspace folder `dir`.
    fn start_in(dir: tempfile::TempDir) -> Server {
        let mut lsp = LspClient::start(dir.path(), &["--stdio"]);
        lsp.initialize(
            dir.path(),
            json!({ "general": { "positionEncodings": ["utf-16"] } }),
        );
        Server {
            lsp,
            dir,
            opened: 0,
        }
    }

    /// Opens `doc`, waits for its diagnostics; the time taken and how many.
    fn open(&mut self, doc: &str) -> (String, Duration, usize) {
        self.opened += 1;
        let path = self
            .dir
            .path()
            .join(format!("doc{}.transcript", self.opened));
        let start = Instant::now();
        let uri = self.lsp.open(&path, doc);
        let n = self.lsp.diagnostics(&uri, 1).len();
        (uri, start.elapsed(), n)
    }

    fn close(&mut self, uri: &str) {
        self.lsp.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        );
    }

    /// Types `edits` characters one by one at byte `at` of the open `doc`,
    /// waiting for each version's diagnostics.
    fn type_at(
        &mut self,
        uri: &str,
        doc: &str,
        at: usize,
        edits: usize,
        version: &mut i64,
    ) -> Vec<Duration> {
        let (line, column) = utf16_position(doc, at);
        let mut times = Vec::new();
        for i in 0..edits {
            *version += 1;
            let pos = json!({ "line": line, "character": column + i });
            let start = Instant::now();
            self.lsp.notify(
                "textDocument/didChange",
                json!({ "textDocument": { "uri": uri, "version": *version },
                "contentChanges": [ { "range": { "start": pos, "end": pos }, "text": "x" } ] }),
            );
            self.lsp.diagnostics(uri, *version);
            times.push(start.elapsed());
        }
        times
    }
}

fn main() {
    let opens = if quick() { 3 } else { 7 };
    let edits = if quick() { 10 } else { 50 };
    let config = Config::default();
    let proofread =
        |bytes| proofread_document(bytes, |t| fix_text(t, &config, Applicability::Unsafe).text);
    type Make<'a> = Box<dyn Fn(usize) -> String + 'a>;
    let documents: [(&str, Make); 2] = [
        ("proofread briefing", Box::new(proofread)),
        ("samples as they are", Box::new(sample_document)),
    ];
    for (name, make) in &documents {
        let mut server = Server::start();
        println!("{name}:");
        for mb in [1usize, 10] {
            let doc = make(mb * 1024 * 1024);
            let (baseline, _) = measure(opens, || {
                std::hint::black_box(doc.lines().count());
            });
            let mut times = Vec::new();
            let mut findings = 0;
            for _ in 0..opens {
                let (uri, t, n) = server.open(&doc);
                times.push(t);
                findings = n;
                server.close(&uri);
            }
            let (median, p90) = percentiles(times);
            println!(
                "  didOpen → diagnostics, {mb:>2} MB ({findings} diagnostics): median {median:?}, p90 {p90:?} ({:.0}x counting its lines, {baseline:?})",
                median.as_secs_f64() / baseline.as_secs_f64()
            );
        }
        // The baseline: the same typing into a document of 10 KB.
        let small = make(10 * 1024);
        let (small_uri, _, _) = server.open(&small);
        let mut version = 1;
        let small_at = small.find("in the forum of").expect("a paragraph") + 3;
        let (baseline, _) =
            percentiles(server.type_at(&small_uri, &small, small_at, edits, &mut version));
        server.close(&small_uri);
        let doc = make(10 * 1024 * 1024);
        let (uri, _, _) = server.open(&doc);
        let mut version = 1;
        // A paragraph of a press conference past the middle.
        let body = doc.len() / 2
            + doc[doc.len() / 2..]
                .find("in the forum of")
                .expect("a paragraph")
            + 3;
        let (median, p90) = percentiles(server.type_at(&uri, &doc, body, edits, &mut version));
        println!(
            "  didChange → diagnostics, 10 MB, {edits} characters typed into a paragraph: median {median:?}, p90 {p90:?} ({:.1}x the same typing into 10 KB, {baseline:?})",
            median.as_secs_f64() / baseline.as_secs_f64()
        );
        if name.starts_with("proofread") {
            // The same typing with every rule off: what the edits cost
            // without diagnostics to write and read.
            let off: serde_json::Map<String, serde_json::Value> = transcript_ls::rules::REGISTRY
                .iter()
                .map(|r| (r.code.to_string(), json!("off")))
                .collect();
            server.lsp.notify(
                "workspace/didChangeConfiguration",
                json!({ "settings": { "transcript": { "rules": off } } }),
            );
            server.lsp.wait_for("textDocument/publishDiagnostics", |p| {
                p["uri"] == uri.as_str()
                    && p["diagnostics"].as_array().is_some_and(|d| d.is_empty())
            });
            let (median, p90) = percentiles(server.type_at(&uri, &doc, body, edits, &mut version));
            println!(
                "  the same typing with every rule off (nothing to publish): median {median:?}, p90 {p90:?}"
            );
        }
        if let Some(list) = doc[doc.len() / 2..].find("Assistant to the President") {
            let at = doc.len() / 2 + list + "Assistant to the".len();
            // The typing above shifted nothing before `body`.
            let at = if at > body { at + edits } else { at };
            let mut typed = doc.clone();
            typed.insert_str(body, &"x".repeat(edits));
            let (median, p90) =
                percentiles(server.type_at(&uri, &typed, at, edits.min(10), &mut version));
            println!(
                "  didChange → diagnostics, 10 MB, {} characters typed into a participants list: median {median:?}, p90 {p90:?}",
                edits.min(10)
            );
        }
        if let Some(peak) = peak_rss_bytes(server.lsp.pid()) {
            println!(
                "  peak memory: {:.0} MB, {:.1}x the 10 MB document (after opening {} documents of 1 and 10 MB and closing all but one)",
                peak as f64 / 1048576.0,
                peak as f64 / doc.len() as f64,
                server.opened
            );
        }
        // Closing the last document gives its memory back.
        server.close(&uri);
        server.lsp.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str() && p["version"].is_null()
        });
        std::thread::sleep(Duration::from_millis(500));
        if let Some(resident) = status_bytes(server.lsp.pid(), "VmRSS:") {
            println!(
                "  resident memory with every document closed: {:.0} MB",
                resident as f64 / 1048576.0
            );
        }
        server.lsp.shutdown();
    }
    issue_15_cases(opens);
}

/// The speed cases of issue 15.
fn issue_15_cases(opens: usize) {
    println!("issue 15 cases:");
    // One character typed into the middle of a single line of 5 MB.
    let line = "QUESTION: ".to_string() + &"as I said and so on ".repeat(5 * 1024 * 1024 / 20);
    let mut server = Server::start();
    let (uri, open, _) = server.open(&line);
    let mut version = 1;
    let (median, p90) = percentiles(server.type_at(&uri, &line, line.len() / 2, 5, &mut version));
    println!(
        "  one 5 MB line: didOpen → diagnostics {open:?}; one character typed: median {median:?}, p90 {p90:?} (target < 100 ms)"
    );
    server.close(&uri);
    // The first diagnostics of 50 MB.
    let big = sample_document(50 * 1024 * 1024);
    let (uri, open, n) = server.open(&big);
    println!("  didOpen → first diagnostics, 50 MB ({n} diagnostics): {open:?} (target < 3 s)");
    server.close(&uri);
    server.lsp.shutdown();
    // A 1 MB document opened while the index reads 22 MB beside it, and
    // in a folder of its own.
    let doc = sample_document(1024 * 1024);
    let mut alone = Vec::new();
    let mut beside = Vec::new();
    for _ in 0..opens {
        let mut server = Server::start();
        alone.push(server.open(&doc).1);
        server.lsp.shutdown();
        let dir = tempfile::tempdir().expect("a temporary folder");
        for i in 0..22 {
            std::fs::write(dir.path().join(format!("other{i}.transcript")), &doc)
                .expect("the folder can be written");
        }
        let mut server = Server::start_in(dir);
        // Opened once the index is under way.
        std::thread::sleep(Duration::from_millis(500));
        beside.push(server.open(&doc).1);
        server.lsp.shutdown();
    }
    let (alone, _) = percentiles(alone);
    let (median, p90) = percentiles(beside);
    println!(
        "  didOpen → diagnostics, 1 MB, while 22 MB of the folder are indexed: median {median:?}, p90 {p90:?} ({:.1}x the same open in an empty folder, {alone:?}; target 1.5x)",
        median.as_secs_f64() / alone.as_secs_f64()
    );
}
