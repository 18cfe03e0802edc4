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

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Anchor, Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "S002",
    name: "inconsistent-label",
    severity: Severity::Hint,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    for t in &cx.model.turns {
        let Some(usual) = cx.facts.usual_forms.get(&t.speaker) else {
            continue;
        };
        let form = cx
            .slice(&t.name_range)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if form == *usual {
            continue;
        }
        out.add(
            t.name_range.clone(),
            format!("`{form}` is labelled `{usual}` elsewhere in this document"),
        )
        .with_fix(Fix::unsafe_(
            format!("Write `{usual}`"),
            vec![Edit::replace(t.name_range.clone(), usual.clone())],
        ));
        out.relate(
            Anchor::UsualLabel {
                speaker: t.speaker,
                form: usual.clone(),
            },
            "the usual form",
        );
    }
}
