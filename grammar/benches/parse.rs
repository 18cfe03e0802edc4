//! Parse throughput of the grammar on a 5 MB transcript made from the
//! samples, and the time to reparse it after a one-character edit.
//!
//! Prints medians (and the 90th percentile) of repeated runs, beside a
//! baseline measured in the same run: counting the document's lines, the
//! least work any line-oriented reader does. Run with `cargo bench -p
//! tree-sitter-transcript`; `-- --quick` runs fewer rounds, `-- --mb 10`
//! parses a 10 MB document instead.

use std::hint::black_box;

use transcript_tests::bench::{mb_per_s, measure, quick, sample_document, target_bytes};
use tree_sitter::{InputEdit, Parser, Point};

fn main() {
    let rounds = if quick() { 5 } else { 21 };
    let doc = sample_document(target_bytes());
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_transcript::LANGUAGE.into())
        .unwrap();

    let (line_med, _) = measure(rounds, || {
        black_box(black_box(&doc).lines().count());
    });
    let (parse_med, parse_p90) = measure(rounds, || {
        black_box(parser.parse(&doc, None).unwrap());
    });

    // One character typed in the middle of a paragraph, reparsed
    // incrementally against the previous tree.
    let tree = parser.parse(&doc, None).unwrap();
    let at = doc.len() / 2 + doc[doc.len() / 2..].find(" the ").unwrap() + 1;
    let mut edited = doc.clone();
    edited.insert(at, 'x');
    let row = doc[..at].matches('\n').count();
    let column = at - doc[..at].rfind('\n').map_or(0, |i| i + 1);
    let edit = InputEdit {
        start_byte: at,
        old_end_byte: at,
        new_end_byte: at + 1,
        start_position: Point::new(row, column),
        old_end_position: Point::new(row, column),
        new_end_position: Point::new(row, column + 1),
    };
    let (edit_med, edit_p90) = measure(rounds * 5, || {
        let mut old = tree.clone();
        old.edit(&edit);
        black_box(parser.parse(&edited, Some(&old)).unwrap());
    });

    let mb = doc.len() as f64 / (1024.0 * 1024.0);
    println!(
        "document: {mb:.2} MB, {} lines, {rounds} rounds",
        doc.lines().count()
    );
    println!(
        "baseline (count lines): median {line_med:?} ({:.0} MB/s)",
        mb_per_s(doc.len(), line_med)
    );
    println!(
        "full parse:             median {parse_med:?}, p90 {parse_p90:?} ({:.1} MB/s, {:.0}x the baseline's time)",
        mb_per_s(doc.len(), parse_med),
        parse_med.as_secs_f64() / line_med.as_secs_f64()
    );
    println!(
        "one-character reparse:  median {edit_med:?}, p90 {edit_p90:?} ({:.4} of a full parse)",
        edit_med.as_secs_f64() / parse_med.as_secs_f64()
    );
}
