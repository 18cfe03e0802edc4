//! The other edition of an open document (declared by an `edition` comment
//! or `transcript.toml`'s `[editions]`): read from disk at each analysis,
//! so a change to it shows at the next edit, and compared by the library;
//! this module only reads the file and keeps its text for converting the
//! related places' positions.

use std::sync::Arc;

use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::Uri;
use transcript_ls::Finding;
use transcript_ls::analysis::{Sections, compare_editions, unreadable_edition};
use transcript_ls::editions::declared::{DeclaredBy, declared};
use transcript_ls::line_index::LineIndex;

/// The other edition's text, where related places point.
#[derive(Debug)]
pub struct EditionText {
    pub uri: Uri,
    pub text: String,
    pub index: LineIndex,
}

/// The E findings of the document at `uri` (its sections `view`), with the
/// other edition they point into; nothing when it declares none.
pub fn compare(uri: &Uri, view: &Sections) -> (Option<Arc<EditionText>>, Vec<Finding>) {
    let Some(path) = uri.to_file_path() else {
        return (None, Vec::new());
    };
    let config = view.config();
    // Most documents declare no edition: asked without building the whole
    // text (a comment stands on one line, and no section cuts a line).
    let commented = view.sections().any(|(_, s)| s.text.contains("transcript:"));
    if !commented && config.edition_of(&path).is_none() {
        return (None, Vec::new());
    }
    let text = view.text();
    let Some(edition) = declared(&text, &path, config) else {
        return (None, Vec::new());
    };
    let other_uri = Uri::from_file_path(&edition.path);
    let bytes = match std::fs::read(&edition.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let name = match &edition.by {
                DeclaredBy::Comment(_) => edition.path.display().to_string(),
                DeclaredBy::Config(toml) => format!(
                    "{} (paired with this document by the [editions] of {})",
                    edition.path.display(),
                    toml.display()
                ),
            };
            return (
                None,
                unreadable_edition(&text, &name, &e.to_string(), config),
            );
        }
    };
    let other = String::from_utf8_lossy(&bytes).into_owned();
    let Some(other_uri) = other_uri else {
        return (None, Vec::new());
    };
    let findings = compare_editions(&text, &other, other_uri.as_str(), config).findings;
    let edition = EditionText {
        uri: other_uri,
        index: LineIndex::new(&other),
        text: other,
    };
    (Some(Arc::new(edition)), findings)
}
