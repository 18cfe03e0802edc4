//! What must hold for any input: the analysis never panics; every finding
//! and every edit lies on character boundaries inside the text; fixing
//! twice changes nothing more than fixing once; where the document is cut
//! into sections changes nothing, and an edited document analyses as the
//! same text opened afresh.

use std::sync::Arc;

use proptest::prelude::*;
use transcript_ls::analysis::Document;
use transcript_ls::analysis::fix_text;
use transcript_ls::fix::Applicability;
use transcript_ls::{Config, analyze_text};

/// Pieces of real transcripts, to be glued together in any order.
const FRAGMENTS: &[&str] = &[
    "SECRET\n",
    "~~SECRET~~\n",
    "TOP SECRET\n",
    "EYES ONLY\n",
    "The President: ",
    "President Putin: ",
    "QUESTION: ",
    "**SECRETARY RICE:** ",
    "( ",
    "(\n",
    "(S)",
    "(U)",
    "(X)",
    "(e)",
    "(TS)",
    " (a) ",
    "(Laughter.)",
    "drop it in the",
    "middle of",
    "\n",
    "\n\n",
    "\n\n\n",
    " ",
    "  \n",
    "as | mentioned",
    "All'in all",
    "agree..",
    ",,",
    " , ",
    "18-25-2025",
    "April 31",
    "Mr.Solana",
    "0ctober",
    "1ran",
    "inter-\nnational",
    "Treaty on Convention Forces in Europe",
    "START IX",
    "SALT 11",
    "CFE",
    "Moscow Treaty",
    "PARTICIPANTS: The President\nCondoleezza Rice, Secretary of State\n",
    "DATE: April 6, 2008\n",
    "Reason: 1.4(k)\n",
    "Declassify on: 13/45/18\n",
    "CAUTION: not verbatim.\n",
    "NW#: 78134 DocId: 34685227\n",
    "-- End of Conversation --\n",
    "<!-- transcript: ignore O001 -- why -->",
    "<!-- transcript: ignore-start O003 -->",
    "<!-- transcript: ignore-end -->",
    "Larijani ",
    "Larjani ",
    "é",
    "\u{2019}",
    "\r\n",
    "\t",
    "#744305(C)",
    " FOREIGN MINISTER LAVROV: ",
];

fn document() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn findings_and_edits_lie_on_char_boundaries_inside_the_text(text in document()) {
        let analysis = analyze_text(&text, &Config::default());
        for f in &analysis.findings {
            prop_assert!(f.range.start <= f.range.end && f.range.end <= text.len(), "{f:?}");
            prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end), "{f:?}");
            for fix in &f.fixes {
                for e in &fix.edits {
                    prop_assert!(e.range.end <= text.len() && text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end), "{f:?}");
                }
            }
        }
    }

    #[test]
    fn fixing_twice_changes_nothing_more(text in document()) {
        for level in [Applicability::Safe, Applicability::Unsafe] {
            let once = fix_text(&text, &Config::default(), level);
            let twice = fix_text(&once.text, &Config::default(), level);
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert_eq!(twice.applied, 0);
        }
    }

    #[test]
    fn safe_fixes_never_drop_a_word(text in document()) {
        // Safe fixes move furniture, delete stray marks, doubled marks and
        // spaces, and write OCR's misread words (no English words) as the
        // words they stand for: every English word of three letters or
        // more survives.
        let fixed = fix_text(&text, &Config::default(), Applicability::Safe).text;
        let words = |s: &str| {
            let mut counts: std::collections::HashMap<String, usize> = Default::default();
            for w in s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
            {
                *counts.entry(w.to_string()).or_default() += 1;
            }
            counts
        };
        let after = words(&fixed);
        // A word broken by a hyphen at a line's end may be joined with its
        // rest (`inter-` / `national` → `international`): a piece spelled
        // like a word survives inside the joined one.
        let kept = |word: &str| {
            after.get(word).copied().unwrap_or(0)
                + after
                    .iter()
                    .filter(|(w, _)| w.len() > word.len() && (w.starts_with(word) || w.ends_with(word)))
                    .map(|(_, n)| n)
                    .sum::<usize>()
        };
        for (word, n) in words(&text) {
            if transcript_ls::dictionary::is_word(&word) || word.chars().any(|c| c.is_ascii_digit()) {
                prop_assert!(kept(&word) >= n, "`{}` lost: {:?}", word, fixed);
            }
        }
    }

    #[test]
    fn where_sections_are_cut_changes_nothing(text in document()) {
        let config = Arc::new(Config::default());
        let cut = Document::with_section_bytes(&text, config.clone(), 1).analysis();
        let whole = Document::with_section_bytes(&text, config, usize::MAX).analysis();
        prop_assert_eq!(&cut.findings, &whole.findings);
        prop_assert_eq!(
            serde_json::to_value(&cut.model).unwrap(),
            serde_json::to_value(&whole.model).unwrap()
        );
    }

    #[test]
    fn an_edited_document_analyses_as_a_fresh_one(
        text in document(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..12usize, prop::sample::select(FRAGMENTS)),
            1..10,
        ),
    ) {
        let config = Arc::new(Config::default());
        let mut doc = Document::with_section_bytes(&text, config.clone(), 1);
        let mut text = text;
        for (at, len, new) in edits {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, new);
            doc.edit(start..end, new);
        }
        prop_assert_eq!(doc.text(), text.clone());
        let fresh = Document::with_section_bytes(&text, config, usize::MAX);
        prop_assert_eq!(doc.findings(), fresh.findings());
        prop_assert_eq!(
            serde_json::to_value(&doc.analysis().model).unwrap(),
            serde_json::to_value(&fresh.analysis().model).unwrap()
        );
    }
}
