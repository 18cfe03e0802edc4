//! S rules: speaker labels.

pub(super) mod empty_turn;
pub(super) mod inconsistent_label;
pub(super) mod unknown_speaker;
