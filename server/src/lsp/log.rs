//! The server's log, on standard error (standard output carries the
//! protocol). Its level comes from `TRANSCRIPT_LS_LOG` at start-up and from
//! the client's setting `transcript.logLevel` after; the framework's own
//! log lines (it logs through tracing) show there too. What a user should
//! see also goes to the client's log: see `Outbox::tell`.

use std::sync::OnceLock;

use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Registry, fmt, reload};

/// The environment variable that sets how much the server logs.
pub const VARIABLE: &str = "TRANSCRIPT_LS_LOG";

/// The level when nothing sets one.
const DEFAULT: LevelFilter = LevelFilter::WARN;

/// What changes the level once the log has started.
static LEVEL: OnceLock<reload::Handle<LevelFilter, Registry>> = OnceLock::new();

/// Starts the log at the level `TRANSCRIPT_LS_LOG` names.
pub fn start_log() {
    let level = match std::env::var(VARIABLE) {
        Ok(name) => parse(&name).unwrap_or_else(|e| {
            eprintln!("transcript-ls: {VARIABLE}: {e}; logging warnings and errors");
            DEFAULT
        }),
        Err(_) => DEFAULT,
    };
    let (filter, handle) = reload::Layer::new(level);
    let started = tracing_subscriber::registry()
        .with(filter)
        .with(
            fmt::layer()
                .with_writer(std::io::stderr)
                .with_target(false)
                .with_ansi(false),
        )
        .try_init();
    if started.is_ok() {
        let _ = LEVEL.set(handle);
    }
}

/// Sets the level to the one `name`d.
pub fn set_level(name: &str) -> Result<(), String> {
    let level = parse(name)?;
    if let Some(handle) = LEVEL.get() {
        handle.reload(level).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn parse(name: &str) -> Result<LevelFilter, String> {
    name.trim()
        .parse()
        .map_err(|_| format!("`{name}` is not a level: error, warn, info, debug, trace or off"))
}
