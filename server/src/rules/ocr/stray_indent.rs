//! A line of a speaker label or paragraph starts with spaces in a document
//! whose lines otherwise start at the margin.
//!
//! OCR turns a speck or a ragged scan edge into a leading space. The rule
//! runs only when at most one line in ten of the document's labels and
//! paragraphs is indented, so an indented layout is left alone. Lines in
//! header fields (indented participant lists) and a Markdown line after a
//! hard break (a line ending in two spaces) are not judged.
//!
//! ## Fires
//! ```text
//!  FOREIGN MINISTER LAVROV: (Via interpreter) Dear colleagues,
//! ```
//!
//! ## Does not fire
//! ```text
//! FOREIGN MINISTER LAVROV: (Via interpreter) Dear colleagues,
//! ```
//!
//! ## Fix
//! Safe: delete the leading white space.

use crate::facts::indents::indents;
use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "O009",
    name: "stray-indent",
    severity: Severity::Hint,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    if !cx.facts.indents_fire {
        return;
    }
    let (mut indents, _) = indents(cx.text, cx.model);
    indents.sort_by_key(|r| r.start);
    indents.dedup();
    for indent in indents {
        out.add(indent.clone(), "stray indent at the start of the line")
            .with_fix(Fix::safe(
                "Delete the leading white space",
                vec![Edit::delete(indent)],
            ));
    }
}
