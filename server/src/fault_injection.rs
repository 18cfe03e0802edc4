//! A switch for the server's containment tests: it makes a rule panic, as a
//! bug in a rule would, so that the end-to-end tests can check that the
//! server catches the panic, reports it and goes on serving.
//!
//! It fires only when the environment variable
//! `TRANSCRIPT_LS_TEST_PANIC=CODE:TEXT` is set (rule `CODE` then panics on
//! every section whose text holds `TEXT`). Nothing in the project sets it
//! outside the tests and no setting or document can, so it cannot fire in
//! normal use. The variable is read once.

use std::sync::OnceLock;

/// The environment variable that arms the switch.
pub const VARIABLE: &str = "TRANSCRIPT_LS_TEST_PANIC";

/// Panics if the switch names rule `code` and `text` holds its text.
pub fn panic_if_armed(code: &str, text: &str) {
    static ARMED: OnceLock<Option<(String, String)>> = OnceLock::new();
    let armed = ARMED.get_or_init(|| {
        let value = std::env::var(VARIABLE).ok()?;
        let (rule, needle) = value.split_once(':')?;
        Some((rule.to_string(), needle.to_string()))
    });
    if let Some((rule, needle)) = armed
        && rule == code
        && text.contains(needle.as_str())
    {
        panic!("{code} panicked on purpose: {VARIABLE} is set");
    }
}
