//! Fix application: the safe fixes of one pass never overlap, only the
//! flagged ranges change, and a second round of fixing changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcript_ls::analysis::fix_text;
use transcript_ls::fix::{Applicability, apply_fixes};
use transcript_ls::{Config, analyze_text};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let config = Config::default();
    let analysis = analyze_text(&text, &config);
    let fixes: Vec<_> = analysis
        .findings
        .iter()
        .filter_map(|f| f.automatic_fix())
        .filter(|f| f.applicability == Applicability::Safe)
        .collect();
    let applied = apply_fixes(&text, fixes.iter().copied(), Applicability::Safe);
    // The edits taken do not overlap, and the text between them is kept.
    let mut taken: Vec<_> = applied
        .taken
        .iter()
        .flat_map(|&i| fixes[i].edits.iter())
        .collect();
    taken.sort_by_key(|e| (e.range.start, e.range.end));
    let mut rebuilt = String::new();
    let mut at = 0;
    for e in &taken {
        assert!(e.range.start >= at, "overlapping edits were applied");
        rebuilt.push_str(&text[at..e.range.start]);
        rebuilt.push_str(&e.replacement);
        at = e.range.end;
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, applied.text, "only the flagged ranges changed");
    // Fixing to the end, then again, changes nothing more.
    let once = fix_text(&text, &config, Applicability::Safe);
    let twice = fix_text(&once.text, &config, Applicability::Safe);
    assert_eq!(twice.text, once.text);
    assert_eq!(twice.applied, 0);
});
