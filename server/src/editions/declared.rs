//! Which file a document names as its other edition: an `edition` comment
//! in the document (`<!-- transcript: edition ../web/2007-10-12.md -->`,
//! relative to the document's folder) first, else `transcript.toml`'s
//! `[editions]` patterns. Reading the file is the front ends' business.

use std::path::{Path, PathBuf};

use crate::config::Config;

/// The other edition a document declares, and where it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    pub path: PathBuf,
    pub by: DeclaredBy,
}

/// Where an edition was declared, for a message about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclaredBy {
    /// The document's `edition` comment, at this byte range.
    Comment(std::ops::Range<usize>),
    /// The `[editions]` table of this configuration file.
    Config(PathBuf),
}

/// The other edition of the document at `document` (whose text is `text`)
/// under `config`, if one is declared.
pub fn declared(text: &str, document: &Path, config: &Config) -> Option<Declared> {
    if let Some((range, path)) = crate::suppression::edition(text) {
        let folder = document.parent().unwrap_or(Path::new(""));
        return Some(Declared {
            path: folder.join(path),
            by: DeclaredBy::Comment(range),
        });
    }
    let path = config.edition_of(document)?;
    Some(Declared {
        path,
        by: DeclaredBy::Config(config.source.clone().unwrap_or_default()),
    })
}
