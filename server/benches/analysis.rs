//! Throughput of the full analysis (sections parsed and read, facts, every
//! rule, findings put together) on the 5 MB document made from the
//! samples, beside a parse of the whole text at once and a line count, all
//! measured in the same run; and the cost of one edit to the document.
//!
//! Prints medians (and the 90th percentile). Run with `cargo bench -p
//! transcript-ls`; `-- --quick` runs fewer rounds, `-- --mb 10` analyses a
//! 10 MB document instead. The analysis uses every core (rayon); set
//! `RAYON_NUM_THREADS=1` to measure one.

use std::hint::black_box;
use std::sync::Arc;

use transcript_ls::analysis::Document;
use transcript_ls::rules::{self, Check, Context};
use transcript_ls::{Config, analyze_text, syntax};
use transcript_tests::bench::{mb_per_s, measure, quick, sample_document, target_bytes};

fn main() {
    let rounds = if quick() { 5 } else { 15 };
    let doc = sample_document(target_bytes());
    let config = Arc::new(Config::default());

    let (lines, _) = measure(rounds, || {
        black_box(black_box(&doc).lines().count());
    });
    let (parse, parse_p90) = measure(rounds, || {
        black_box(syntax::parse(&doc));
    });
    let (read, _) = measure(rounds, || {
        black_box(Document::new(&doc, config.clone()));
    });
    let document = Document::new(&doc, config.clone());
    let (rules_time, _) = measure(rounds, || {
        // A fresh copy, so nothing is cached.
        let fresh = Document::new(&doc, config.clone());
        black_box(fresh.evaluations());
    });
    let rules_time = rules_time.saturating_sub(read);
    // Each section rule on its own, slowest first.
    let evaluations = document.evaluations();
    let models: Vec<_> = (document.sections().zip(&evaluations))
        .map(|((_, section), evaluation)| section.model(document.facts(), evaluation))
        .collect();
    let mut per_rule: Vec<(std::time::Duration, &str)> = rules::REGISTRY
        .iter()
        .filter_map(|rule| match rule.check {
            Check::Section(check) | Check::Both(check, _) => Some((rule, check)),
            Check::Document(_) | Check::Edition(_) => None,
        })
        .map(|(rule, check)| {
            let (t, _) = measure(rounds, || {
                for ((_, section), model) in document.sections().zip(&models) {
                    let cx = Context::new(&section.text, model, &config, document.facts());
                    let mut report = rules::Report::new(rule, rule.severity);
                    check(&cx, &mut report);
                    black_box(report);
                }
            });
            (t, rule.code)
        })
        .collect();
    per_rule.sort_by(|a, b| b.cmp(a));
    let (full, full_p90) = measure(rounds, || {
        black_box(analyze_text(&doc, &config));
    });
    let findings = analyze_text(&doc, &config).findings.len();
    // One character typed into a paragraph past the middle, and the
    // findings after it.
    let mut edited = Document::new(&doc, config.clone());
    edited.findings();
    let at = doc.len() / 2
        + doc[doc.len() / 2..]
            .find("in the forum of")
            .expect("a paragraph")
        + 3;
    let mut typed = 0;
    let (edit, edit_p90) = measure(rounds * 4, || {
        edited.edit(at + typed..at + typed, "x");
        typed += 1;
        black_box(edited.findings());
    });
    // As the server does: the findings put together, not copied into one
    // list (each section's diagnostics are serialised from its own).
    let (merged, merged_p90) = measure(rounds * 4, || {
        edited.edit(at + typed..at + typed, "x");
        typed += 1;
        black_box(edited.merged(&edited.evaluations()));
    });

    let mb = doc.len() as f64 / (1024.0 * 1024.0);
    let ratio = |d: std::time::Duration| d.as_secs_f64() / parse.as_secs_f64();
    println!(
        "document: {mb:.2} MB, {} lines, {} sections, {findings} findings, {rounds} rounds, {} threads",
        doc.lines().count(),
        document.sections().len(),
        rayon::current_num_threads()
    );
    println!(
        "baseline (count lines):     median {lines:?} ({:.0} MB/s)",
        mb_per_s(doc.len(), lines)
    );
    println!(
        "parse, whole text at once:  median {parse:?}, p90 {parse_p90:?} ({:.1} MB/s)",
        mb_per_s(doc.len(), parse)
    );
    println!(
        "  sections parsed and read: median {read:?} ({:.2}x the whole parse)",
        ratio(read)
    );
    println!(
        "  every rule, every section: median {rules_time:?} ({:.2}x the whole parse)",
        ratio(rules_time)
    );
    let slowest: Vec<String> = per_rule
        .iter()
        .take(6)
        .map(|(t, code)| format!("{code} {:.1} ms", t.as_secs_f64() * 1e3))
        .collect();
    println!("    slowest rules (one thread): {}", slowest.join(", "));
    println!(
        "full analysis:              median {full:?}, p90 {full_p90:?} ({:.1} MB/s, {:.2}x the whole parse)",
        mb_per_s(doc.len(), full),
        ratio(full)
    );
    println!(
        "one character typed, then every finding: median {edit:?}, p90 {edit_p90:?} ({:.4}x the full analysis)",
        edit.as_secs_f64() / full.as_secs_f64()
    );
    println!(
        "one character typed, then the findings put together (the server's way): median {merged:?}, p90 {merged_p90:?} ({:.4}x the full analysis)",
        merged.as_secs_f64() / full.as_secs_f64()
    );
}
