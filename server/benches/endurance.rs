//! Endurance of the language server, driven over stdio:
//!
//! 1. a 10 MB document edited 10,000 times (one character each, as fast as
//!    the client can send): peak and final resident memory, the time until
//!    the final diagnostics, whether they equal a fresh open of the same
//!    text, and the CPU the server uses once nobody types;
//! 2. a soak: a scripted client typing, undoing and asking for outlines,
//!    references and code actions on the three samples for `--minutes N`
//!    (default 10), ending with diagnostics equal to a fresh open.
//!
//! Run with `cargo bench -p transcript-ls --bench endurance`; `-- --quick`
//! makes 1,000 edits and a 30-second soak.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use transcript_tests::bench::{quick, sample_document};
use transcript_tests::fixture;
use transcript_tests::lsp::{LspClient, apply_edits, utf16_position};

fn status_kb(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// User plus system CPU time of a process, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        + fields.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

fn codes(diagnostics: &[Value]) -> Vec<(String, u64)> {
    let mut c: Vec<(String, u64)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["range"]["start"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    c.sort();
    c
}

fn arg_minutes() -> f64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--minutes")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0)
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut lsp = LspClient::start(dir.path(), &["--stdio"]);
    lsp.initialize(
        dir.path(),
        json!({ "general": { "positionEncodings": ["utf-16"] } }),
    );
    let pid = lsp.pid();

    // 1. Ten thousand edits on 10 MB.
    let edits = if quick() { 1_000 } else { 10_000 };
    let mut text = sample_document(10 * 1024 * 1024);
    let uri = lsp.open(&dir.path().join("edited.transcript"), &text);
    lsp.diagnostics(&uri, 1);
    let after_open_kb = status_kb(pid, "VmRSS:");
    let at = text.len() / 2 + text[text.len() / 2..].find(" the ").expect("a word") + 1;
    let (line, column) = utf16_position(&text, at);
    let start = Instant::now();
    let mut peak_during = 0;
    for i in 0..edits {
        let pos = json!({ "line": line, "character": column + i % 50 });
        let change = json!({ "range": { "start": pos, "end": pos }, "text": "x" });
        text = apply_edits(
            &text,
            &[json!({ "range": change["range"], "newText": "x" })],
            false,
        );
        lsp.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 + i as i64 }, "contentChanges": [change] }));
        if i % 500 == 0 {
            peak_during = peak_during.max(status_kb(pid, "VmRSS:"));
        }
    }
    let sent = start.elapsed();
    let final_diagnostics = lsp.diagnostics(&uri, 1 + edits as i64);
    let settled = start.elapsed();
    let fresh_uri = lsp.open(&dir.path().join("fresh.transcript"), &text);
    let fresh = lsp.diagnostics(&fresh_uri, 1);
    let same = codes(&final_diagnostics) == codes(&fresh);
    lsp.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": fresh_uri } }),
    );
    std::thread::sleep(Duration::from_secs(1));
    let cpu_before = cpu_seconds(pid);
    std::thread::sleep(Duration::from_secs(3));
    let idle_cpu = cpu_seconds(pid) - cpu_before;
    let peak_kb = status_kb(pid, "VmHWM:");
    println!(
        "{edits} one-character edits on a {:.1} MB document:",
        text.len() as f64 / 1048576.0
    );
    println!(
        "  sent in {sent:?}; final diagnostics {settled:?} after the first edit; equal to a fresh open: {same}"
    );
    println!(
        "  resident memory: {:.0} MB after open, {:.0} MB sampled peak while editing, {:.0} MB peak overall ({:.1}x the document)",
        after_open_kb as f64 / 1024.0,
        peak_during as f64 / 1024.0,
        peak_kb as f64 / 1024.0,
        peak_kb as f64 * 1024.0 / text.len() as f64
    );
    println!("  CPU while nobody types: {idle_cpu:.2} s over 3 s");
    lsp.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );

    // 2. The soak.
    let minutes = if quick() { 0.5 } else { arg_minutes() };
    let names = [
        "memcon-2008-sochi.txt",
        "press-conference-2007-ocr.txt",
        "press-conference-2007-web.md",
    ];
    let mut docs: Vec<(String, String, i64)> = names
        .iter()
        .map(|n| {
            let t = std::fs::read_to_string(fixture(&format!("samples/{n}"))).unwrap();
            let u = lsp.open(&dir.path().join(n), &t);
            lsp.diagnostics(&u, 1);
            (u, t, 1)
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs_f64(minutes * 60.0);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut typed, mut undone, mut requests) = (0u64, 0u64, 0u64);
    let mut latencies = Vec::new();
    while Instant::now() < deadline {
        let d = (next() % 3) as usize;
        let (uri, text, version) = &mut docs[d];
        let lines: Vec<&str> = text.split('\n').collect();
        let l = (next() as usize) % lines.len();
        let c = lines[l].encode_utf16().count().min((next() % 80) as usize);
        let pos = json!({ "line": l, "character": c });
        // Type a word, then take it back.
        for (insert, end) in [
            ("word ", json!({ "line": l, "character": c })),
            ("", json!({ "line": l, "character": c + 5 })),
        ] {
            *version += 1;
            let edit = json!({ "range": { "start": pos, "end": end }, "newText": insert });
            *text = apply_edits(text, &[edit], false);
            lsp.notify(
                "textDocument/didChange",
                json!({ "textDocument": { "uri": uri, "version": *version },
                "contentChanges": [ { "range": { "start": pos, "end": end }, "text": insert } ] }),
            );
        }
        typed += 1;
        undone += 1;
        let t = Instant::now();
        match next() % 3 {
            0 => {
                lsp.request(
                    "textDocument/documentSymbol",
                    json!({ "textDocument": { "uri": uri } }),
                );
            }
            1 => {
                if let Some(row) = text
                    .lines()
                    .position(|x| x.contains("CFE") || x.contains("START"))
                {
                    let col = text
                        .lines()
                        .nth(row)
                        .unwrap()
                        .find(|ch: char| ch.is_uppercase())
                        .unwrap_or(0);
                    lsp.request("textDocument/references", json!({ "textDocument": { "uri": uri }, "position": { "line": row, "character": col }, "context": { "includeDeclaration": true } }));
                }
            }
            _ => {
                lsp.request("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": { "start": pos, "end": pos }, "context": { "diagnostics": [] } }));
            }
        }
        latencies.push(t.elapsed());
        requests += 1;
    }
    let mut all_equal = true;
    for (i, (uri, text, version)) in docs.iter().enumerate() {
        let typed_diagnostics = lsp.diagnostics(uri, *version);
        let fresh_uri = lsp.open(&dir.path().join(format!("fresh{i}.txt")), text);
        all_equal &= codes(&typed_diagnostics) == codes(&lsp.diagnostics(&fresh_uri, 1));
    }
    latencies.sort();
    let median = latencies
        .get(latencies.len() / 2)
        .copied()
        .unwrap_or_default();
    let p90 = latencies
        .get(latencies.len() * 9 / 10)
        .copied()
        .unwrap_or_default();
    println!(
        "soak of {minutes} min: {typed} words typed and {undone} undone, {requests} requests (median {median:?}, p90 {p90:?}); final diagnostics equal to a fresh open: {all_equal}"
    );
    println!(
        "  peak resident memory over the whole run: {:.0} MB",
        status_kb(pid, "VmHWM:") as f64 / 1024.0
    );
    lsp.shutdown();
}
