//! One speaker is labelled two ways in one document: `SECRETARY RICE:` and
//! `Secretary Rice:`.
//!
//! Two spellings of one label split the speaker in outlines and searches,
//! and one of them is usually a slip. Labels are the same speaker when they
//! resolve to the same participant or, without a participants list, are
//! the same words in any case and markup. The label written most often is
//! the document's form (the first one seen, on a tie).
//!
//! ## Fires
//! ```text
//! SECRETARY RICE: Thank you.
//! Secretary Rice: We agreed.
//! SECRETARY RICE: Yes.
//! ```
//!
//! ## Does not fire
//! ```text
//! **SECRETARY RICE:** Thank you.
//! SECRETARY RICE: We agreed.
//! ```
//! (markup around a label is styling, not spelling)
//!
//! ## Fix
//! Unsafe: rewrite the label in the majority form.

use std::collections::HashMap;

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "S002",
    name: "inconsistent-label",
    severity: Severity::Hint,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let model = cx.model;
    for speaker in 0..model.speakers.len() {
        let turns: Vec<_> = model
            .turns
            .iter()
            .filter(|t| t.speaker == speaker)
            .collect();
        let written = |t: &crate::model::SpeakerTurn| {
            cx.slice(&t.name_range)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut counts: Vec<(String, usize, usize)> = Vec::new(); // form, count, first turn
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, t) in turns.iter().enumerate() {
            let form = written(t);
            match index.get(&form) {
                Some(&k) => counts[k].1 += 1,
                None => {
                    index.insert(form.clone(), counts.len());
                    counts.push((form, 1, i));
                }
            }
        }
        if counts.len() < 2 {
            continue;
        }
        let majority = counts
            .iter()
            .max_by_key(|(_, n, first)| (*n, usize::MAX - first))
            .expect("two forms");
        let model_turn = turns[majority.2];
        for t in &turns {
            let form = written(t);
            if form == majority.0 {
                continue;
            }
            out.add(
                t.name_range.clone(),
                format!(
                    "`{form}` is labelled `{}` elsewhere in this document",
                    majority.0
                ),
            )
            .with_related(model_turn.name_range.clone(), "the usual form")
            .with_fix(Fix::unsafe_(
                format!("Write `{}`", majority.0),
                vec![Edit::replace(t.name_range.clone(), majority.0.clone())],
            ));
        }
    }
}
