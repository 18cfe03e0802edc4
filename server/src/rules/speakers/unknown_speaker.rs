//! A speaker label names no one in the `PARTICIPANTS:` list.
//!
//! In a memcon every speaker is a participant, so a label that matches no
//! entry is a misread or mistyped name, or a participant missing from the
//! list. A label matches an entry as a whole (`The President`) or by
//! surname, with the title deciding between two people of one surname
//! (`Secretary Rice` → `Condoleezza Rice, Secretary of State`). Roles
//! (`QUESTION`, `MODERATOR`) and labels given a name in `transcript.toml`'s
//! `[speakers]` are known. Documents without a participants list are not
//! checked.
//!
//! ## Fires
//! ```text
//! PARTICIPANTS: Condoleezza Rice, Secretary of State
//! Secretary Rise: We're very close.
//! ```
//!
//! ## Does not fire
//! ```text
//! PARTICIPANTS: Condoleezza Rice, Secretary of State
//! Secretary Rice: We're very close.
//! ```
//!
//! ## Fix
//! None.

use crate::finding::Severity;
use crate::model::SpeakerKind;
use crate::rules::{Anchor, Check, Context, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "S001",
    name: "unknown-speaker",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    let model = cx.model;
    if cx.facts.participants.is_empty() {
        return;
    }
    for turn in &model.turns {
        if model.speakers[turn.speaker].kind != SpeakerKind::Unlisted {
            continue;
        }
        let name = cx.slice(&turn.name_range);
        out.add(
            turn.name_range.clone(),
            format!("`{name}` is not in the participants list"),
        );
        out.relate(Anchor::ParticipantsList, "the participants list");
    }
}
