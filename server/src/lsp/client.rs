//! What the client offers at `initialize`, what the server answers, and
//! the settings the client sends later.

use std::path::PathBuf;

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::*;
use transcript_ls::config::RuleSetting;

use super::FIX_ALL;
use super::semantic;

/// The client's offers that change how the server behaves.
pub struct Offers {
    pub utf8: bool,
    pub pull: bool,
    /// The client re-pulls every document's diagnostics when asked
    /// (`workspace/diagnostic/refresh`).
    pub refresh: bool,
    pub progress: bool,
    pub watch: bool,
    pub roots: Vec<PathBuf>,
}

pub fn offers(params: &InitializeParams) -> Offers {
    let caps = &params.capabilities;
    let utf8 = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    let pull = caps
        .text_document
        .as_ref()
        .and_then(|t| t.diagnostic.as_ref())
        .is_some();
    let refresh = caps
        .workspace
        .as_ref()
        .and_then(|w| w.diagnostic.as_ref())
        .and_then(|d| d.refresh_support)
        .unwrap_or(false);
    let progress = caps
        .window
        .as_ref()
        .and_then(|w| w.work_done_progress)
        .unwrap_or(false);
    let watch = caps
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
        .collect();
    #[allow(deprecated)] // older clients send only `rootUri`
    if roots.is_empty()
        && let Some(root) = params
            .root_uri
            .as_ref()
            .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
    {
        roots.push(root);
    }
    Offers {
        utf8,
        pull,
        refresh,
        progress,
        watch,
        roots,
    }
}

/// The server's answer to `initialize`.
pub fn capabilities(offers: &Offers) -> InitializeResult {
    let encoding = if offers.utf8 {
        PositionEncodingKind::UTF8
    } else {
        PositionEncodingKind::UTF16
    };
    InitializeResult {
        server_info: Some(ServerInfo {
            name: "transcript-ls".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        capabilities: ServerCapabilities {
            position_encoding: Some(encoding),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            diagnostic_provider: offers.pull.then(|| {
                DiagnosticServerCapabilities::Options(DiagnosticOptions {
                    identifier: Some("transcript-ls".into()),
                    inter_file_dependencies: false,
                    workspace_diagnostics: false,
                    ..DiagnosticOptions::default()
                })
            }),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::new(FIX_ALL),
                ]),
                ..CodeActionOptions::default()
            })),
            document_symbol_provider: Some(OneOf::Left(true)),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            document_highlight_provider: Some(OneOf::Left(true)),
            folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
            workspace_symbol_provider: Some(OneOf::Left(true)),
            rename_provider: Some(OneOf::Left(true)),
            completion_provider: Some(CompletionOptions::default()),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: vec![
                    super::STATISTICS.to_string(),
                    super::OTHER_EDITION.to_string(),
                ],
                ..ExecuteCommandOptions::default()
            }),
            semantic_tokens_provider: Some(
                SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
                    legend: semantic::legend(),
                    full: Some(SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    ..SemanticTokensOptions::default()
                }),
            ),
            ..ServerCapabilities::default()
        },
    }
}

/// The watchers to register: configuration files, and the transcripts
/// the `include` patterns in force take in (`*.txt` watched as `**/*.txt`).
pub fn watchers(include: &[String]) -> Registration {
    let mut globs = vec!["**/transcript.toml".to_string()];
    for pattern in include {
        let glob = if pattern.starts_with("**/") || pattern.starts_with('/') {
            pattern.clone()
        } else {
            format!("**/{pattern}")
        };
        if !globs.contains(&glob) {
            globs.push(glob);
        }
    }
    let watchers = globs
        .into_iter()
        .map(|g| FileSystemWatcher {
            glob_pattern: GlobPattern::String(g),
            kind: None,
        })
        .collect();
    Registration {
        id: "transcript-ls/watch".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
            watchers,
        })
        .ok(),
    }
}

/// Rule settings from `{"transcript": {"rules": {"O009": "off"}}}`.
pub fn settings_overrides(settings: &serde_json::Value) -> Vec<(&'static str, RuleSetting)> {
    let Some(rules) = settings
        .pointer("/transcript/rules")
        .and_then(|r| r.as_object())
    else {
        return Vec::new();
    };
    rules
        .iter()
        .filter_map(|(name, value)| {
            let rule = transcript_ls::rules::lookup(name)?;
            let setting = match value.as_str()? {
                "off" => RuleSetting::Off,
                "hint" => RuleSetting::On(transcript_ls::Severity::Hint),
                "info" => RuleSetting::On(transcript_ls::Severity::Info),
                "warning" => RuleSetting::On(transcript_ls::Severity::Warning),
                "error" => RuleSetting::On(transcript_ls::Severity::Error),
                _ => return None,
            };
            Some((rule.code, setting))
        })
        .collect()
}

/// The most findings one document's diagnostics carry, from
/// `{"transcript": {"maxDiagnostics": 1000}}` (the default when unset; 0
/// for no limit), or what is wrong with the setting.
pub fn max_diagnostics(settings: &serde_json::Value) -> Result<usize, String> {
    match settings.pointer("/transcript/maxDiagnostics") {
        None | Some(serde_json::Value::Null) => Ok(transcript_ls::ide::limit::DEFAULT_MAX),
        Some(value) => value.as_u64().map(|n| n as usize).ok_or_else(|| {
            format!(
                "transcript.maxDiagnostics is {value}: it takes a whole number of findings per \
                 document (0 for no limit); the limit in force stays"
            )
        }),
    }
}
