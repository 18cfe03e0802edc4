//! Each rule's documentation as a page an editor can open: written once,
//! from the rules' doc comments, to `transcript-ls/<version>/rules/` under
//! the user's cache folder (`$XDG_CACHE_HOME`, else `~/.cache`), so that a
//! diagnostic's `codeDescription` links to it without a network. Nothing is
//! linked if the folder cannot be written.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::Uri;
use transcript_ls::rules;

/// The page documenting rule `code`, if the pages could be written.
pub fn link(code: &str) -> Option<&'static Uri> {
    static LINKS: OnceLock<HashMap<&'static str, Uri>> = OnceLock::new();
    LINKS.get_or_init(write_pages).get(code)
}

fn folder() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(
        cache
            .join("transcript-ls")
            .join(env!("CARGO_PKG_VERSION"))
            .join("rules"),
    )
}

/// One rule's page: the title line `transcript-ls explain` prints, then
/// the doc comment.
pub fn page(rule: &rules::Rule) -> String {
    format!(
        "# {} {}\n\n*{}, {}*\n\n{}\n",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        rule.fix.describe(),
        rule.doc()
    )
}

fn write_pages() -> HashMap<&'static str, Uri> {
    let mut links = HashMap::new();
    let Some(folder) = folder() else {
        tracing::info!("no cache folder (XDG_CACHE_HOME, HOME): rule pages are not linked");
        return links;
    };
    if let Err(e) = std::fs::create_dir_all(&folder) {
        tracing::warn!(
            "cannot create {} ({e}): rule pages are not linked",
            folder.display()
        );
        return links;
    }
    for rule in rules::REGISTRY {
        let path = folder.join(format!("{}.md", rule.code));
        let content = page(rule);
        // Another server may be writing the same page: write aside, then
        // rename, and leave an identical page alone.
        let same = std::fs::read_to_string(&path).is_ok_and(|old| old == content);
        let written = same || {
            let aside = folder.join(format!(".{}.{}.md", rule.code, std::process::id()));
            std::fs::write(&aside, &content).is_ok() && std::fs::rename(&aside, &path).is_ok()
        };
        if written && let Some(uri) = Uri::from_file_path(&path) {
            links.insert(rule.code, uri);
        }
    }
    links
}
