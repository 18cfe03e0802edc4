//! Fixes as byte-range edits, and the one function that applies them.
//!
//! A fix is a list of non-overlapping edits. Applying many fixes to a text
//! goes in passes: each pass applies every wanted fix that does not overlap
//! one already taken and drops the rest; the caller re-analyses and runs
//! another pass, until nothing applies. Applying the result again changes
//! nothing.

use std::ops::Range;

use serde::Serialize;

/// Whether a fix can be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Applied by `--fix` and by "fix all": it cannot change the meaning.
    Safe,
    /// Offered as a quick fix, applied only with `--unsafe-fixes`.
    Unsafe,
}

/// Replace the bytes in `range` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn delete(range: Range<usize>) -> Edit {
        Edit::replace(range, "")
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit::replace(at..at, text)
    }
}

/// One way to fix a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, as a quick-fix title: "Replace `|` with `I`".
    pub title: String,
    pub applicability: Applicability,
    /// Non-overlapping edits, sorted by position.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(
        title: impl Into<String>,
        applicability: Applicability,
        mut edits: Vec<Edit>,
    ) -> Fix {
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        Fix {
            title: title.into(),
            applicability,
            edits,
        }
    }

    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(title, Applicability::Safe, edits)
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(title, Applicability::Unsafe, edits)
    }

    /// The span from the first edit's start to the last edit's end.
    fn span(&self) -> Range<usize> {
        let start = self.edits.iter().map(|e| e.range.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.range.end).max().unwrap_or(0);
        start..end
    }
}

/// The outcome of one pass of [`apply_fixes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// How many fixes went in.
    pub applied: usize,
    /// Which ones, as positions in the sequence passed in.
    pub taken: Vec<usize>,
    /// How many were dropped because they overlapped one already taken;
    /// another pass over the re-analysed text may take them.
    pub skipped: usize,
}

/// Applies `fixes` to `text` in one pass: fixes at most as loose as `level`
/// (`Safe` takes safe ones only, `Unsafe` takes both), in order of position;
/// a fix touching a range an earlier fix already changed is skipped. Edits
/// outside the text or off a character boundary are skipped too, so a stale
/// fix can never corrupt the text.
pub fn apply_fixes<'a>(
    text: &str,
    fixes: impl IntoIterator<Item = &'a Fix>,
    level: Applicability,
) -> Applied {
    let mut wanted: Vec<(usize, &Fix)> = fixes
        .into_iter()
        .enumerate()
        .filter(|(_, f)| f.applicability <= level && !f.edits.is_empty())
        .collect();
    wanted.sort_by_key(|(_, f)| (f.span().start, f.span().end));
    let mut taken_fixes = Vec::new();

    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut skipped = 0;
    // Edits are taken in position order, so a fix only needs checking
    // against the ranges taken so far, which all start before it.
    let mut claimed: Vec<Range<usize>> = Vec::new();
    for (position, fix) in wanted {
        let valid = fix.edits.iter().all(|e| {
            e.range.start <= e.range.end
                && e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        let internal_overlap = fix
            .edits
            .windows(2)
            .any(|w| overlaps(&w[0].range, &w[1].range));
        let clash = fix
            .edits
            .iter()
            .any(|e| claimed.iter().any(|c| overlaps(c, &e.range)));
        if !valid || internal_overlap || clash {
            skipped += 1;
            continue;
        }
        for edit in &fix.edits {
            claimed.push(edit.range.clone());
            taken.push(edit);
        }
        applied += 1;
        taken_fixes.push(position);
    }
    taken_fixes.sort_unstable();
    taken.sort_by_key(|e| (e.range.start, e.range.end));

    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    Applied {
        text: out,
        applied,
        taken: taken_fixes,
        skipped,
    }
}

/// Two edits clash when their ranges share a byte, or when both insert at
/// the same point (their order would be a guess), or one inserts inside or
/// at the edge of the other's replaced range.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.start <= b.end && b.start <= a.end;
    }
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_level_skips_unsafe_fixes() {
        let fixes = [
            Fix::safe("a", vec![Edit::replace(0..1, "A")]),
            Fix::unsafe_("b", vec![Edit::replace(2..3, "B")]),
        ];
        let out = apply_fixes("a b", &fixes, Applicability::Safe);
        assert_eq!(out.text, "A b");
        let out = apply_fixes("a b", &fixes, Applicability::Unsafe);
        assert_eq!(out.text, "A B");
    }

    #[test]
    fn overlapping_fix_is_dropped_not_merged() {
        let fixes = [
            Fix::safe("first", vec![Edit::replace(0..3, "xyz")]),
            Fix::safe("second", vec![Edit::replace(2..4, "??")]),
        ];
        let out = apply_fixes("abcdef", &fixes, Applicability::Safe);
        assert_eq!(out.text, "xyzdef");
        assert_eq!((out.applied, out.skipped), (1, 1));
    }

    #[test]
    fn two_insertions_at_one_point_do_not_both_apply() {
        let fixes = [
            Fix::safe("one", vec![Edit::insert(1, "1")]),
            Fix::safe("two", vec![Edit::insert(1, "2")]),
        ];
        let out = apply_fixes("ab", &fixes, Applicability::Safe);
        assert_eq!(out.text, "a1b");
    }

    #[test]
    fn a_fix_off_a_char_boundary_or_past_the_end_is_skipped() {
        let fixes = [
            Fix::safe("bad", vec![Edit::replace(1..2, "x")]),
            Fix::safe("far", vec![Edit::replace(10..12, "x")]),
        ];
        let out = apply_fixes("é", &fixes, Applicability::Unsafe);
        assert_eq!(out.text, "é");
        assert_eq!(out.skipped, 2);
    }

    #[test]
    fn a_multi_edit_fix_applies_all_its_edits() {
        let fixes = [Fix::safe(
            "move",
            vec![Edit::delete(0..2), Edit::insert(5, " ab")],
        )];
        let out = apply_fixes("ab cd", &fixes, Applicability::Safe);
        assert_eq!(out.text, " cd ab");
    }
}
