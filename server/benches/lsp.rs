//! The language server driven over stdio, as an editor drives it: time from
//! `didOpen` of a 1 MB and a 10 MB transcript to its diagnostics, and from
//! a one-character `didChange` to the new diagnostics (50 edits on the
//! 10 MB document), and the server's peak memory against the document's
//! size.
//!
//! Prints medians and 90th percentiles. Run with `cargo bench -p
//! transcript-ls --bench lsp`; `-- --quick` makes fewer measurements.

use std::time::{Duration, Instant};

use serde_json::json;
use transcript_tests::bench::{quick, sample_document};
use transcript_tests::lsp::LspClient;

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() * 9 / 10])
}

/// Peak resident memory of a process, from /proc (Linux).
fn peak_rss_bytes(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let opens = if quick() { 3 } else { 7 };
    let edits = if quick() { 10 } else { 50 };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut lsp = LspClient::start(dir.path(), &["--stdio"]);
    lsp.initialize(
        dir.path(),
        json!({ "general": { "positionEncodings": ["utf-16"] } }),
    );

    let mut n = 0;
    for mb in [1usize, 10] {
        let doc = sample_document(mb * 1024 * 1024);
        let mut times = Vec::new();
        for _ in 0..opens {
            n += 1;
            let path = dir.path().join(format!("doc{n}.transcript"));
            let start = Instant::now();
            let uri = lsp.open(&path, &doc);
            lsp.diagnostics(&uri, 1);
            times.push(start.elapsed());
            lsp.notify(
                "textDocument/didClose",
                json!({ "textDocument": { "uri": uri } }),
            );
        }
        let (median, p90) = percentiles(times);
        println!("didOpen → diagnostics, {mb:>2} MB: median {median:?}, p90 {p90:?}");
    }

    // Edits on an open 10 MB document: type one character at a time in the
    // middle of a paragraph, waiting for each version's diagnostics.
    let doc = sample_document(10 * 1024 * 1024);
    let path = dir.path().join("edited.transcript");
    let uri = lsp.open(&path, &doc);
    lsp.diagnostics(&uri, 1);
    let at = doc.len() / 2 + doc[doc.len() / 2..].find(" the ").expect("a word") + 1;
    let line = doc[..at].matches('\n').count();
    let column: usize = doc[..at]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count();
    let mut times = Vec::new();
    for i in 0..edits {
        let version = 2 + i as i64;
        let pos = json!({ "line": line, "character": column + i });
        let start = Instant::now();
        lsp.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
            "contentChanges": [ { "range": { "start": pos, "end": pos }, "text": "x" } ] }),
        );
        lsp.diagnostics(&uri, version);
        times.push(start.elapsed());
    }
    let (median, p90) = percentiles(times);
    println!(
        "didChange → diagnostics, 10 MB, {edits} one-character edits: median {median:?}, p90 {p90:?}"
    );
    if let Some(peak) = peak_rss_bytes(lsp.pid()) {
        println!(
            "peak memory: {:.0} MB, {:.1}x the 10 MB document (after opening {n} documents of 1 and 10 MB and closing them)",
            peak as f64 / 1048576.0,
            peak as f64 / doc.len() as f64
        );
    }
    lsp.shutdown();
}
