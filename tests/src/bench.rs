//! What the benchmarks share: the document they measure (the three samples
//! repeated up to a size), the command-line knobs, and a timer that reports
//! medians.

use std::time::{Duration, Instant};

/// `--quick`: fewer rounds.
pub fn quick() -> bool {
    std::env::args().any(|a| a == "--quick")
}

/// The document's size in bytes: 5 MB, or `--mb N`.
pub fn target_bytes() -> usize {
    let args: Vec<String> = std::env::args().collect();
    let mb = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(5);
    mb * 1024 * 1024
}

/// The three samples, repeated until the document is `bytes` long.
pub fn sample_document(bytes: usize) -> String {
    let samples: Vec<String> = [
        "memcon-2008-sochi.txt",
        "press-conference-2007-ocr.txt",
        "press-conference-2007-web.md",
    ]
    .iter()
    .map(|name| {
        std::fs::read_to_string(crate::fixture(&format!("samples/{name}")))
            .expect("the samples are in fixtures/samples")
    })
    .collect();
    let mut doc = String::with_capacity(bytes + 100_000);
    while doc.len() < bytes {
        for sample in &samples {
            doc.push_str(sample);
            doc.push_str("\n\n");
        }
    }
    doc
}

/// A long press-briefing transcript being proofread: the two press
/// conferences as `fix` leaves them, with every tenth copy of the scanned
/// one not yet fixed, repeated until the document is `bytes` long.
pub fn proofread_document(bytes: usize, fix: impl Fn(&str) -> String) -> String {
    let read = |name: &str| {
        std::fs::read_to_string(crate::fixture(&format!("samples/{name}")))
            .expect("the samples are in fixtures/samples")
    };
    let scanned = read("press-conference-2007-ocr.txt");
    let fixed = [fix(&scanned), fix(&read("press-conference-2007-web.md"))];
    let mut doc = String::with_capacity(bytes + 100_000);
    let mut copies = 0;
    while doc.len() < bytes {
        copies += 1;
        doc.push_str(if copies % 10 == 0 {
            &scanned
        } else {
            &fixed[0]
        });
        doc.push_str("\n\n");
        doc.push_str(&fixed[1]);
        doc.push_str("\n\n");
    }
    doc
}

/// Runs `f` `rounds` times; returns the median and 90th percentile.
pub fn measure(rounds: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[times.len() * 9 / 10])
}

/// Throughput in MB/s.
pub fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / d.as_secs_f64()
}
