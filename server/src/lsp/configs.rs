//! The configuration of open documents: each one's nearest
//! `transcript.toml`, with the client's settings over it. A
//! `transcript.toml` that cannot be read is shown to the user once
//! (`window/showMessage`) and as a diagnostic on its line, and the
//! configuration last read from it stays in force until it is fixed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::notification::{Notification, PublishDiagnostics};
use tower_lsp_server::lsp_types::{
    Diagnostic, DiagnosticSeverity, MessageType, Position, PublishDiagnosticsParams, Range, Uri,
};
use transcript_ls::Config;
use transcript_ls::config::{self, ConfigError, RuleSetting};

use super::transport::Outbox;

/// What the server knows of each `transcript.toml` it has read.
pub struct Configs {
    outbox: Outbox,
    files: Mutex<HashMap<PathBuf, ConfigFile>>,
}

#[derive(Default)]
struct ConfigFile {
    /// The configuration last read from the file.
    last_valid: Option<Config>,
    /// What is wrong with the file now, as shown to the user.
    error: Option<String>,
}

impl Configs {
    pub fn new(outbox: Outbox) -> Configs {
        Configs {
            outbox,
            files: Mutex::new(HashMap::new()),
        }
    }

    /// The configuration of the document at `uri`: its `transcript.toml`
    /// (read afresh; the last valid one if it is broken now, or the
    /// defaults), with the client's `overrides` over it.
    pub fn for_document(
        &self,
        uri: &Uri,
        overrides: &[(&'static str, RuleSetting)],
    ) -> Arc<Config> {
        let found = uri.to_file_path().and_then(|p| config::find(&p));
        let mut config = match found {
            Some(path) => self.load(&path),
            None => Config::default(),
        };
        for (code, setting) in overrides {
            config.set(code, *setting);
        }
        Arc::new(config)
    }

    fn load(&self, path: &Path) -> Config {
        let loaded = Config::load(path);
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        let file = files.entry(path.to_path_buf()).or_default();
        match loaded {
            Ok(config) => {
                if file.error.take().is_some() {
                    self.outbox.tell(
                        MessageType::INFO,
                        &format!("{} is valid again and in force.", path.display()),
                    );
                    self.publish(path, Vec::new());
                }
                file.last_valid = Some(config.clone());
                config
            }
            Err(e) => {
                let message = e.to_string();
                if file.error.as_deref() != Some(message.as_str()) {
                    let meanwhile = if file.last_valid.is_some() {
                        "the settings it held before stay in force until it is fixed"
                    } else {
                        "the default settings apply until it is fixed"
                    };
                    self.outbox
                        .show(MessageType::ERROR, &format!("{message} ({meanwhile})."));
                    self.publish(path, vec![diagnostic(&e, meanwhile)]);
                    file.error = Some(message);
                }
                file.last_valid.clone().unwrap_or_default()
            }
        }
    }

    fn publish(&self, path: &Path, diagnostics: Vec<Diagnostic>) {
        if let Some(uri) = Uri::from_file_path(path) {
            self.outbox.notify(
                PublishDiagnostics::METHOD,
                &PublishDiagnosticsParams::new(uri, diagnostics, None),
            );
        }
    }
}

/// The error as a diagnostic on its line of the file (the whole line, so
/// no column needs counting in the client's encoding).
fn diagnostic(e: &ConfigError, meanwhile: &str) -> Diagnostic {
    let (line, message) = match e {
        ConfigError::Invalid { line, message, .. } => (line.saturating_sub(1), message.clone()),
        ConfigError::Read { .. } => (0, e.to_string()),
    };
    Diagnostic {
        range: Range {
            start: Position::new(line as u32, 0),
            end: Position::new(line as u32 + 1, 0),
        },
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("transcript-ls".into()),
        message: format!("{message} ({meanwhile})"),
        ..Diagnostic::default()
    }
}
