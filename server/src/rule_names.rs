//! Every rule's code and name, read from the rule files when the crate is
//! built. The configuration and suppression comments name rules through
//! this table, so they do not depend on the rules, which read the
//! configuration (a test checks the table against the registry of `rules`).

include!(concat!(env!("OUT_DIR"), "/rule_names.rs"));

/// The code of the rule with this code (`O001`) or name (`pipe-for-i`),
/// ignoring case.
pub fn code_of(code_or_name: &str) -> Option<&'static str> {
    RULE_NAMES
        .iter()
        .find(|(code, name)| {
            code.eq_ignore_ascii_case(code_or_name) || name.eq_ignore_ascii_case(code_or_name)
        })
        .map(|(code, _)| *code)
}
