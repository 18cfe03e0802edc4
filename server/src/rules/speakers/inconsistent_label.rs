//! One speaker is labelled two ways in one document: `SECRETARY RICE:` and
//! `Secretary Rice:`.
//!
//! Two spellings of one label split the speaker in outlines and searches,
//! and one of them is usually a slip. Labels are the same speaker when they
//! resolve to the same participant or, without a participants list, are
//! the same words in any case and markup. The label written most often is
//! the document's form (the first one seen, on a tie). When more than ten
//! labels, and more than one turn in four, are written otherwise than their
//! speaker's usual form (an OCR'd hearing, whose every page misreads the
//! names), the cause is the document: the rule says so once, on the first
//! label, with the count, instead of on each.
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
use crate::rules::{Anchor, Check, Context, FindingExt, FixSafety, Report, Rule, Whole};

pub(crate) static RULE: Rule = Rule {
    code: "S002",
    name: "inconsistent-label",
    severity: Severity::Hint,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Both(check, check_once),
};

/// More unusual labels than this, and more than one turn in four: the
/// document is OCR'd throughout, and the finding is said once.
const ONCE_OVER: usize = 10;

fn throughout(unusual: usize, turns: usize) -> bool {
    unusual > ONCE_OVER && unusual * 4 > turns
}

fn check(cx: &Context, out: &mut Report) {
    if throughout(cx.facts.unusual_labels, cx.facts.turns) {
        return;
    }
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

/// Says once, on the first label, that labels are written many ways.
fn check_once(whole: &Whole, out: &mut Report) {
    let facts = whole.facts;
    if !throughout(facts.unusual_labels, facts.turns) {
        return;
    }
    let Some(first) = whole.sections.iter().find_map(|(start, s)| {
        s.forms
            .first()
            .map(|f| start + f.first.start..start + f.first.end)
    }) else {
        return;
    };
    out.add(
        first,
        format!(
            "{} of {} speaker labels are written otherwise than their speaker's usual form, \
             as OCR misreads them: proofread the labels (each speaker's turns are listed \
             in the outline)",
            facts.unusual_labels, facts.turns
        ),
    );
}
