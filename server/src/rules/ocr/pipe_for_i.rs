//! A `|` standing alone as a word, where OCR read the pronoun `I`.
//!
//! Scanners turn a capital I with serifs into a vertical bar. A bar on its
//! own before a lower-case word (`as | mentioned`, `| think`), or before a
//! contraction (`|'m`), is the pronoun in running prose. A bar before
//! anything else (`1992 |` at a line end, `| [05`) is a rule or a scan
//! edge, and lines that start and end with `|` are Markdown table rows:
//! both are left alone.
//!
//! ## Fires
//! ```text
//! And as | mentioned in the beginning of my speech,
//! ```
//!
//! ## Does not fire
//! ```text
//! | Treaty | Signed |
//! RECORDS ACT OF 1992 |
//! a|b
//! ```
//!
//! ## Fix
//! Safe: replace the bar with `I`.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O001",
    name: "pipe-for-i",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    for (i, word) in cx.words_with(shape::PIPE) {
        let w = cx.slice(word);
        let contraction = w
            .strip_prefix('|')
            .is_some_and(|rest| rest.starts_with(['\'', '\u{2019}']));
        let before_a_word = w == "|"
            && cx.words.get(i + 1).is_some_and(|next| {
                !cx.text[word.end..next.start].contains("\n\n")
                    && cx.slice(next).starts_with(|c: char| c.is_lowercase())
            });
        if !(contraction || before_a_word) || in_table_row(cx.text, word.start) {
            continue;
        }
        let bar = word.start..word.start + 1;
        out.add(bar.clone(), "`|` where the pronoun `I` was meant")
            .with_fix(Fix::safe(
                "Replace `|` with `I`",
                vec![Edit::replace(bar, "I")],
            ));
    }
}

fn in_table_row(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let line = text[start..end].trim();
    line.starts_with('|') && line.ends_with('|') && line.len() > 1
}
