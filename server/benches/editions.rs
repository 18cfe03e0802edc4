//! Comparing two editions: the OCR'd press conference and its web page,
//! each repeated to 1 MB (`-- --mb N` for N MB each), timed beside a parse
//! of the two texts in the same run: the parse alone, the structure of
//! both read (sections, facts, model), the comparison of the two models
//! (alignment, diff, classification), and all of `compare_editions` (what
//! `transcript-ls compare` runs, findings included).
//!
//! Prints medians (and the 90th percentile). Run with `cargo bench -p
//! transcript-ls --bench editions`; `-- --quick` runs fewer rounds.

use std::hint::black_box;

use transcript_ls::analysis::{compare_editions, read_structure};
use transcript_ls::editions::{Edition, compare};
use transcript_ls::{Config, syntax};
use transcript_tests::bench::{measure, quick};

fn repeated(name: &str, bytes: usize) -> String {
    let sample = std::fs::read_to_string(transcript_tests::fixture(&format!("samples/{name}")))
        .expect("the samples are in fixtures/samples");
    let copies = bytes.div_ceil(sample.len());
    let mut out = String::with_capacity(copies * (sample.len() + 2));
    for _ in 0..copies {
        out.push_str(&sample);
        out.push_str("\n\n");
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb: usize = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let rounds = if quick() { 3 } else { 9 };
    let ocr = repeated("press-conference-2007-ocr.txt", mb * 1024 * 1024);
    let web = repeated("press-conference-2007-web.md", mb * 1024 * 1024);
    let config = Config::default();

    let (parse, parse_p90) = measure(rounds, || {
        black_box(syntax::parse(&ocr));
        black_box(syntax::parse(&web));
    });
    let (read, read_p90) = measure(rounds, || {
        black_box(read_structure(&ocr, &config));
        black_box(read_structure(&web, &config));
    });
    let (a, b) = (read_structure(&ocr, &config), read_structure(&web, &config));
    let this = Edition {
        text: &ocr,
        model: &a,
    };
    let other = Edition {
        text: &web,
        model: &b,
    };
    let (align, align_p90) = measure(rounds, || {
        black_box(compare(this, other));
    });
    let (whole, whole_p90) = measure(rounds, || {
        black_box(compare_editions(&ocr, &web, "web.md", &config));
    });
    let found = compare_editions(&ocr, &web, "web.md", &config)
        .findings
        .len();
    println!(
        "two editions of {:.1} MB and {:.1} MB, {found} differences",
        ocr.len() as f64 / 1048576.0,
        web.len() as f64 / 1048576.0
    );
    let row = |what: &str, median: std::time::Duration, p90: std::time::Duration| {
        println!(
            "  {what:<44} {:>8.1} ms   (p90 {:.1} ms)",
            median.as_secs_f64() * 1e3,
            p90.as_secs_f64() * 1e3
        );
    };
    row("parse both (tree-sitter, whole text)", parse, parse_p90);
    row("read both structures (sections, model)", read, read_p90);
    row(
        "align, diff and classify (editions::compare)",
        align,
        align_p90,
    );
    row("compare_editions (all of `compare`)", whole, whole_p90);
}
