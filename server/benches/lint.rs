//! `transcript-ls lint` on a folder of 1,000 transcripts made from the
//! samples (about 28 MB), with the built binary, beside `cat` of the same
//! files measured in the same run.
//!
//! Prints medians (and the 90th percentile). Run with `cargo bench -p
//! transcript-ls --bench lint`; `-- --quick` runs fewer rounds.

use std::path::Path;
use std::process::{Command, Stdio};

use transcript_tests::bench::{mb_per_s, measure, quick};
use transcript_tests::fixture;

const FILES: usize = 1000;

fn main() {
    let rounds = if quick() { 3 } else { 9 };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let samples: Vec<Vec<u8>> = [
        "memcon-2008-sochi.txt",
        "press-conference-2007-ocr.txt",
        "press-conference-2007-web.md",
    ]
    .iter()
    .map(|name| std::fs::read(fixture(&format!("samples/{name}"))).expect("the samples"))
    .collect();
    let mut bytes = 0;
    for i in 0..FILES {
        let sample = &samples[i % samples.len()];
        bytes += sample.len();
        std::fs::write(dir.path().join(format!("doc{i:04}.transcript")), sample).expect("writable");
    }
    let names: Vec<String> = (0..FILES)
        .map(|i| format!("doc{i:04}.transcript"))
        .collect();

    let run = |program: &str, args: &[&str], cwd: &Path| {
        let status = Command::new(program)
            .args(args)
            .current_dir(cwd)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("runs");
        assert!(
            status.code().is_some_and(|c| c <= 1),
            "{program} failed: {status}"
        );
    };
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let (cat, _) = measure(rounds, || run("cat", &name_refs, dir.path()));
    let binary = env!("CARGO_BIN_EXE_transcript-ls");
    let (lint, lint_p90) = measure(rounds, || {
        run(
            binary,
            &["lint", "--format", "concise", "-q", "."],
            dir.path(),
        )
    });
    let (one_thread, _) = measure(rounds, || {
        let status = Command::new(binary)
            .args(["lint", "--format", "concise", "-q", "."])
            .env("RAYON_NUM_THREADS", "1")
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .status()
            .expect("runs");
        assert!(status.code().is_some_and(|c| c <= 1));
    });

    let mb = bytes as f64 / (1024.0 * 1024.0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("{FILES} files, {mb:.1} MB, {rounds} rounds, {cores} cores");
    println!(
        "cat (baseline):      median {cat:?} ({:.0} MB/s)",
        mb_per_s(bytes, cat)
    );
    println!(
        "lint:                median {lint:?}, p90 {lint_p90:?} ({:.1} MB/s, {:.0}x cat's time)",
        mb_per_s(bytes, lint),
        lint.as_secs_f64() / cat.as_secs_f64()
    );
    println!(
        "lint on one thread:  median {one_thread:?} ({:.1} MB/s; {:.2}x speed-up from parallel files)",
        mb_per_s(bytes, one_thread),
        one_thread.as_secs_f64() / lint.as_secs_f64()
    );
}
