//! `transcript-ls lint` on two folders of 1,000 files, with the built
//! binary, beside `cat` (and `typos`, when it is on the PATH: `cargo install
//! typos-cli`) of the same files measured in the same run:
//!
//! - the samples, copied round-robin (about 19 MB);
//! - the real records of `fixtures/corpus/` copied round-robin (about
//!   31 MB): short OCR lines, debris, many findings, which cost more per
//!   byte than the samples.
//!
//! For each: the lint on every core and on one, the speed-up from the
//! second core, and the peak memory of `--format json` (from `/usr/bin/time`
//! where there is one). Prints medians (and the 90th percentile). Run with
//! `cargo bench -p transcript-ls --bench lint`; `-- --quick` runs fewer
//! rounds.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use transcript_tests::bench::{mb_per_s, measure, quick};
use transcript_tests::fixture;

const FILES: usize = 1000;

fn main() {
    let rounds = if quick() { 3 } else { 9 };
    let samples: Vec<Vec<u8>> = [
        "memcon-2008-sochi.txt",
        "press-conference-2007-ocr.txt",
        "press-conference-2007-web.md",
    ]
    .iter()
    .map(|name| std::fs::read(fixture(&format!("samples/{name}"))).expect("the samples"))
    .collect();
    let mut corpus: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixture("corpus"))
        .expect("fixtures/corpus")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "txt").then(|| {
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                (name, std::fs::read(&path).expect("readable"))
            })
        })
        .collect();
    corpus.sort();
    let corpus: Vec<Vec<u8>> = corpus.into_iter().map(|(_, text)| text).collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("{FILES} files a set, {rounds} rounds, {cores} cores");
    bench_set("the samples", &samples, rounds);
    bench_set("real records (fixtures/corpus)", &corpus, rounds);
}

fn bench_set(title: &str, texts: &[Vec<u8>], rounds: usize) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut bytes = 0;
    for i in 0..FILES {
        let text = &texts[i % texts.len()];
        bytes += text.len();
        std::fs::write(dir.path().join(format!("doc{i:04}.transcript")), text).expect("writable");
    }
    let names: Vec<String> = (0..FILES)
        .map(|i| format!("doc{i:04}.transcript"))
        .collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let binary = env!("CARGO_BIN_EXE_transcript-ls");
    let lint_args = ["lint", "--format", "concise", "-q", "."];

    let (cat, _) = measure(rounds, || run("cat", &name_refs, dir.path(), None));
    let (lint, lint_p90) = measure(rounds, || run(binary, &lint_args, dir.path(), None));
    let (one_thread, _) = measure(rounds, || run(binary, &lint_args, dir.path(), Some("1")));
    let typos = available("typos").then(|| {
        measure(rounds, || {
            run("typos", &["--format", "brief", "."], dir.path(), None)
        })
        .0
    });
    let peak = peak_memory(binary, &["lint", "--format", "json", "-q", "."], dir.path());

    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!("\n{title}: {mb:.1} MB");
    println!(
        "  cat (baseline):      median {cat:?} ({:.0} MB/s)",
        mb_per_s(bytes, cat)
    );
    if let Some(typos) = typos {
        println!(
            "  typos:               median {typos:?} ({:.1} MB/s, {:.1}x cat's time)",
            mb_per_s(bytes, typos),
            ratio(typos, cat)
        );
    } else {
        println!("  typos:               not on the PATH (cargo install typos-cli)");
    }
    println!(
        "  lint:                median {lint:?}, p90 {lint_p90:?} ({:.1} MB/s, {:.0}x cat's time)",
        mb_per_s(bytes, lint),
        ratio(lint, cat)
    );
    println!(
        "  lint on one thread:  median {one_thread:?} ({:.1} MB/s per core; {:.2}x speed-up from the second core)",
        mb_per_s(bytes, one_thread),
        ratio(one_thread, lint)
    );
    match peak {
        Some(kb) => println!("  peak memory, --format json: {:.0} MB", kb as f64 / 1024.0),
        None => println!("  peak memory: /usr/bin/time is not installed"),
    }
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn run(program: &str, args: &[&str], cwd: &Path, threads: Option<&str>) {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(n) = threads {
        command.env("RAYON_NUM_THREADS", n);
    }
    let status = command.status().expect("runs");
    // 0: clean; 1: findings (lint) or typos found; 2: typos' own "found".
    assert!(
        status.code().is_some_and(|c| c <= 2),
        "{program} failed: {status}"
    );
}

fn available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The peak resident memory of one run, in KB, from GNU time's `%M`.
fn peak_memory(program: &str, args: &[&str], cwd: &Path) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}
