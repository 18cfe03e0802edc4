//! Throughput of the full analysis (parse, model, every rule) on the 5 MB
//! document made from the samples, beside the parse alone and a line count,
//! all measured in the same run.
//!
//! Prints medians (and the 90th percentile). Run with `cargo bench -p
//! transcript-ls`; `-- --quick` runs fewer rounds, `-- --mb 10` analyses a
//! 10 MB document instead.

use std::hint::black_box;

use transcript_ls::model;
use transcript_ls::rules::{self, Context};
use transcript_ls::{Config, analyze, syntax};
use transcript_tests::bench::{mb_per_s, measure, quick, sample_document, target_bytes};

fn main() {
    let rounds = if quick() { 5 } else { 15 };
    let doc = sample_document(target_bytes());
    let config = Config::default();

    let (lines, _) = measure(rounds, || {
        black_box(black_box(&doc).lines().count());
    });
    let (parse, parse_p90) = measure(rounds, || {
        black_box(syntax::parse(&doc));
    });
    let tree = syntax::parse(&doc);
    let (model_time, _) = measure(rounds, || {
        black_box(model::build(&doc, &tree, &config));
    });
    let (treaties_time, _) = measure(rounds, || {
        black_box(config.gazetteer().matcher().find(&doc, None));
    });
    let built = model::build(&doc, &tree, &config);
    let (rules_time, _) = measure(rounds, || {
        let cx = Context::new(&doc, &built, &config);
        black_box(rules::run(&cx));
    });
    // Each rule on its own, slowest first.
    let cx = Context::new(&doc, &built, &config);
    let mut per_rule: Vec<(std::time::Duration, &str)> = rules::REGISTRY
        .iter()
        .map(|rule| {
            let (t, _) = measure(rounds, || {
                let mut report = rules::Report::new(rule, rule.severity);
                (rule.check)(&cx, &mut report);
                black_box(report);
            });
            (t, rule.code)
        })
        .collect();
    per_rule.sort_by(|a, b| b.cmp(a));
    let (full, full_p90) = measure(rounds, || {
        let tree = syntax::parse(&doc);
        black_box(analyze(&doc, &tree, &config));
    });
    let findings = analyze(&doc, &tree, &config).findings.len();

    let mb = doc.len() as f64 / (1024.0 * 1024.0);
    let ratio = |d: std::time::Duration| d.as_secs_f64() / parse.as_secs_f64();
    println!(
        "document: {mb:.2} MB, {} lines, {findings} findings, {rounds} rounds",
        doc.lines().count()
    );
    println!(
        "baseline (count lines):   median {lines:?} ({:.0} MB/s)",
        mb_per_s(doc.len(), lines)
    );
    println!(
        "parse alone:              median {parse:?}, p90 {parse_p90:?} ({:.1} MB/s)",
        mb_per_s(doc.len(), parse)
    );
    println!(
        "  model from the tree:    median {model_time:?} ({:.2}x the parse)",
        ratio(model_time)
    );
    println!(
        "    of which treaty names: median {treaties_time:?} ({:.2}x the parse)",
        ratio(treaties_time)
    );
    println!(
        "  all rules on the model: median {rules_time:?} ({:.2}x the parse)",
        ratio(rules_time)
    );
    let slowest: Vec<String> = per_rule
        .iter()
        .take(6)
        .map(|(t, code)| format!("{code} {:.1} ms", t.as_secs_f64() * 1e3))
        .collect();
    println!("    slowest rules: {}", slowest.join(", "));
    println!(
        "full analysis:            median {full:?}, p90 {full_p90:?} ({:.1} MB/s; the analysis beyond the parse costs {:.2}x the parse)",
        mb_per_s(doc.len(), full),
        ratio(full) - 1.0
    );
}
