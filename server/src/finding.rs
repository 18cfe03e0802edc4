//! What a rule reports: a finding with its code, severity, message, ranges
//! and fixes. Byte offsets into the document throughout.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::fix::Fix;

/// How loudly a finding is shown. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The word used in `transcript.toml` and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place that explains a finding: the banner a portion exceeds,
/// the other spelling of a name (in the document), or the same passage in
/// another edition of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
    /// `None` when the place is in the finding's own document; else the
    /// other document, named as the caller of the comparison named it (a
    /// path), since only the front ends know where files are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// One problem a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's stable code, such as `O001`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    pub related: Vec<Related>,
    /// The ways to fix it. A finding with several fixes offers a choice (one
    /// quick fix per classification level); such a choice is never applied
    /// automatically.
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// The finding with every range moved `offset` bytes on: a section's
    /// finding placed in its document.
    pub fn shifted(&self, offset: usize) -> Finding {
        let shift = |r: &Range<usize>| r.start + offset..r.end + offset;
        Finding {
            code: self.code,
            severity: self.severity,
            message: self.message.clone(),
            range: shift(&self.range),
            related: self
                .related
                .iter()
                .map(|r| Related {
                    range: match r.document {
                        None => shift(&r.range),
                        Some(_) => r.range.clone(),
                    },
                    message: r.message.clone(),
                    document: r.document.clone(),
                })
                .collect(),
            fixes: self
                .fixes
                .iter()
                .map(|f| Fix {
                    title: f.title.clone(),
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| crate::fix::Edit {
                            range: shift(&e.range),
                            replacement: e.replacement.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The fix that `--fix` may apply: the only one offered, if any.
    pub fn automatic_fix(&self) -> Option<&Fix> {
        match self.fixes.as_slice() {
            [fix] => Some(fix),
            _ => None,
        }
    }
}
