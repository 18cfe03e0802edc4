//! Writing fixed text back, without ever losing any: the new text goes to a
//! temporary file in the same folder, which then replaces the original by
//! rename, with the original's permissions, line endings and byte-order
//! mark; a file that changed since it was read is left alone. And the
//! unified diff that `--diff` prints.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// Rewrites inserted line breaks as `\r\n` when the original text used
/// `\r\n`, so a fix never mixes line endings.
pub fn keep_line_endings(original: &str, fixed: String) -> String {
    let crlf = original.matches("\r\n").count();
    let lf = original.matches('\n').count();
    if crlf == 0 || crlf * 2 < lf {
        return fixed;
    }
    let mut out = String::with_capacity(fixed.len() + 64);
    let mut prev = '\0';
    for c in fixed.chars() {
        if c == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Replaces `path`'s content with `text`, if its bytes are still
/// `expected`.
pub fn replace_file(path: &Path, expected: &[u8], text: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    // Root may write anyway; a read-only file still means "do not touch".
    if meta.permissions().readonly() {
        bail!("{} is read-only; not fixed", path.display());
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".transcript-ls-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    temp.write_all(text.as_bytes())
        .and_then(|_| temp.as_file().sync_all())
        .with_context(|| {
            format!(
                "cannot write the fixed {} (disk full or file too large?); the original is unchanged",
                path.display()
            )
        })?;
    std::fs::set_permissions(temp.path(), meta.permissions())
        .with_context(|| format!("cannot copy the permissions of {}", path.display()))?;
    let now = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if now != expected {
        bail!(
            "{} changed while it was being linted; not fixed",
            path.display()
        );
    }
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// The unified diff from `old` to `new`, with `path` in the headers; empty
/// when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_documents_keep_crlf() {
        assert_eq!(
            keep_line_endings("a\r\nb\r\n", "a\r\n\nb\r\n".into()),
            "a\r\n\r\nb\r\n"
        );
        assert_eq!(keep_line_endings("a\nb\n", "a\n\nb\n".into()), "a\n\nb\n");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.txt");
        std::fs::write(&path, "new content").unwrap();
        let err = replace_file(&path, b"old content", "fixed").unwrap_err();
        assert!(err.to_string().contains("changed while"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new content");
        replace_file(&path, b"new content", "fixed").unwrap();
        std::fs::remove_file(&path).unwrap();
        let err = replace_file(&path, b"fixed", "again").unwrap_err();
        assert!(err.to_string().contains("doc.txt"), "{err}");
        assert!(!path.exists(), "a deleted file is not recreated");
        std::fs::write(&path, "fixed").unwrap();
        std::fs::remove_file(&path).unwrap();
        let err = replace_file(&path, b"fixed", "again").unwrap_err();
        assert!(err.to_string().contains("doc.txt"), "{err}");
        assert!(!path.exists(), "a deleted file is not recreated");
        std::fs::write(&path, "fixed").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }
}
