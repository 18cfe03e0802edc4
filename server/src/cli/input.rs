//! Reading documents: files as text, with a warning rather than a refusal
//! when they are not UTF-8.

use std::path::Path;

use anyhow::{Context, Result};

/// A document's text, and the warning to give when bytes had to be
/// replaced to make it UTF-8.
pub struct Document {
    pub text: String,
    /// Set when the bytes were not valid UTF-8: a fix must then never be
    /// written over them.
    pub warning: Option<String>,
}

/// Decodes `bytes` read from `name`: invalid UTF-8 becomes U+FFFD.
pub fn decode(name: &str, bytes: Vec<u8>) -> Document {
    match String::from_utf8(bytes) {
        Ok(text) => Document {
            text,
            warning: None,
        },
        Err(error) => {
            let warning = format!(
                "{name} is not valid UTF-8 (first bad byte at offset {}); invalid bytes are read as \u{FFFD}",
                error.utf8_error().valid_up_to()
            );
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            Document {
                text,
                warning: Some(warning),
            }
        }
    }
}

/// Reads a file as text (see [`decode`]), printing the warning if any.
pub fn read_transcript(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let doc = decode(&path.display().to_string(), bytes);
    if let Some(w) = &doc.warning {
        eprintln!("warning: {w}");
    }
    Ok(doc.text)
}

/// The reader went away (`| head`): callers stop quietly.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
