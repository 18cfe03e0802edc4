//! T rules: treaty names and proper names.

pub(super) mod name_variant;
pub(super) mod treaty_name_variant;
