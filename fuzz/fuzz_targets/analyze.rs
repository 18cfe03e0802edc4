//! The parser and the analysis on arbitrary bytes: no panic, and every
//! finding and edit lies on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcript_ls::{Config, analyze_text};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = analyze_text(&text, &Config::default());
    for f in &analysis.findings {
        assert!(f.range.start <= f.range.end && f.range.end <= text.len());
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        for fix in &f.fixes {
            for e in &fix.edits {
                assert!(
                    e.range.end <= text.len()
                        && text.is_char_boundary(e.range.start)
                        && text.is_char_boundary(e.range.end)
                );
            }
        }
    }
});
